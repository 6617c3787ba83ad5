#include "service/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "service/audit.h"
#include "service/service_internal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/wallclock.h"
#include "util/banned.h"

long svc_today(void)
{
	time_t t = wallclock_time();
	long day = (long)(t / 86400);
	int minute = (int)((t % 86400) / 60);
	if (t < 0 && t % 86400) {
		day--;
		minute += 1440;
	}
	long lday;
	int lminute;
	cal_cph_from_utc(day, minute, &lday, &lminute);
	return lday;
}

#ifdef SSP_TEST_HOOKS
/* Test build only: $SSP_TEST_NOW="YYYY-MM-DDTHH:MM" (local time) is the
 * clock svc_now reads, so a test can mark a meeting of a later year held
 * or see one refused. Only the held check reads it. */
static bool test_now(long *day, int *minute)
{
	const char *v = getenv("SSP_TEST_NOW");
	if (!v || strlen(v) != 16 || v[10] != 'T')
		return false;
	char date[11];
	memcpy(date, v, 10);
	date[10] = '\0';
	struct date d;
	if (cal_parse_date(date, &d) < 0 || cal_parse_clock(v + 11, minute) < 0)
		return false;
	*day = cal_ymd(d.y, d.m, d.d);
	return true;
}
#endif

void svc_now(long *day, int *minute)
{
#ifdef SSP_TEST_HOOKS
	if (test_now(day, minute))
		return;
#endif
	time_t t = wallclock_time();
	long uday = (long)(t / 86400);
	int uminute = (int)((t % 86400) / 60);
	if (t < 0 && t % 86400) {
		uday--;
		uminute += 1440;
	}
	cal_cph_from_utc(uday, uminute, day, minute);
}

int svc_check_year(int year, struct svc_result *r)
{
	if (year < PLAN_YEAR_MIN || year > PLAN_YEAR_MAX)
		return svc_fail(r, SVC_INVALID, "year",
				_("året skal være mellem %d og %d, ikke %d"), PLAN_YEAR_MIN,
				PLAN_YEAR_MAX, year);
	return 0;
}

static int plan(const struct org *org, int year, const char *body, struct meeting_list *out,
		struct svc_result *r)
{
	if (svc_check_year(year, r) < 0)
		return -1;
	if (body && !org_find_body(org, body))
		return svc_fail(
		    r, SVC_NOT_FOUND, "body",
		    _("organet »%s« findes ikke; se id'erne med »ssp org --format json«"), body);
	char *err = NULL;
	if (plan_year(org, year, body, out, &err) < 0) {
		svc_fail(r, SVC_INVALID, NULL, "%s", err);
		free(err);
		return -1;
	}
	return 0;
}

int svc_plan_preview(struct service *svc, const struct actor *a, int year, const char *body,
		     struct org *org, struct meeting_list *out, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_MEETING_VIEW, r))
		return -1;
	if (svc_check_year(year, r) < 0 || svc_load_org_for_year(svc, year, org, r) < 0)
		return -1;
	return plan(org, year, body, out, r);
}

int svc_plan_save(struct service *svc, const struct actor *a, int year, struct org *org,
		  struct replan_stats *stats, struct svc_result *r)
{
	memset(stats, 0, sizeof(*stats));
	char object[16];
	snprintf(object, sizeof(object), "%d", year);
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_MEETING_PLAN, NULL,
		      (struct svc_entry){.action = "meeting.replan", .object = object}, r) < 0)
		return -1;
	if (svc_check_year(year, r) < 0 || svc_load_org_for_year(svc, year, org, r) < 0)
		return svc_abort(&c);
	struct meeting_list p = MEETING_LIST_INIT;
	char *err = NULL;
	int rc = plan(org, year, NULL, &p, r);
	if (rc == 0 && (rc = store_meetings_replan(svc->store, year, &p, svc_today(), a->username,
						   stats, &err)) < 0)
		svc_store_fail(r, err);
	meeting_list_release(&p);
	rc = rc == 0 ? svc_commit(&c) : svc_abort(&c);
	if (rc < 0)
		memset(stats, 0, sizeof(*stats));
	return rc;
}

int svc_meetings_list(struct service *svc, const struct actor *a, int year, const char *body,
		      struct org *org, struct meeting_list *out, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_MEETING_VIEW, r))
		return -1;
	if (svc_check_year(year, r) < 0 || svc_load_org_for_year(svc, year, org, r) < 0)
		return -1;
	if (body && !org_find_body(org, body))
		return svc_fail(r, SVC_NOT_FOUND, "body", _("organet »%s« findes ikke"), body);
	char *err = NULL;
	if (store_meetings_load(svc->store, year, body, out, &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

int svc_get_meeting(struct service *svc, long long id, struct meeting *m, struct svc_result *r)
{
	char *err = NULL;
	int rc = store_meeting_get(svc->store, id, m, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc > 0)
		return svc_fail(r, SVC_NOT_FOUND, "id", _("mødet %lld findes ikke"), id);
	return 0;
}

int svc_meeting_set_status(struct service *svc, const struct actor *a, long long id,
			   enum meeting_status st, struct svc_result *r)
{
	char object[24];
	snprintf(object, sizeof(object), "%lld", id);
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_MEETING_PLAN, NULL,
		      (struct svc_entry){.action = "meeting.status", .object = object}, r) < 0)
		return -1;
	if (st == MEETING_MOVED || st >= MEETING_STATUS__COUNT) {
		svc_fail(r, SVC_INVALID, "status", "%s",
			 _("et møde flyttes ved at give det en ny tid, ikke en status"));
		return svc_abort(&c);
	}
	struct meeting m;
	if (svc_get_meeting(svc, id, &m, r) < 0)
		return svc_abort(&c);
	svc_call_object(&c, "%s %s", m.uid, meeting_status_id(st));
	/* a meeting is held only once it has started (issue 11) */
	long now_day;
	int now_minute;
	svc_now(&now_day, &now_minute);
	if (st == MEETING_HELD && (m.day > now_day || (m.day == now_day && m.start > now_minute))) {
		char date[11];
		cal_format_date(m.day, date);
		svc_fail(r, SVC_INVALID, "status",
			 _("mødet kan ikke markeres som afholdt, før det er begyndt (det begynder "
			   "%s kl. %02d:%02d)"),
			 date, m.start / 60, m.start % 60);
		meeting_release(&m);
		return svc_abort(&c);
	}
	meeting_release(&m);
	char *err = NULL;
	if (store_meeting_set_status(svc->store, id, st, a->username, &err) < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	return svc_commit(&c);
}

/* A meeting's new day must be a working day; r names why it is not. */
static int check_day(const struct org *org, const struct org_body *b, long day,
		     struct svc_result *r)
{
	char date[11];
	cal_format_date(day, date);
	enum dk_holiday h;
	switch (cal_day_kind(&org->closed, b ? b->holiday_weeks : 0, day)) {
	case DAY_WORKING:
		return 0;
	case DAY_WEEKEND:
		return svc_fail(r, SVC_INVALID, "date", _("%s er en weekenddag"), date);
	case DAY_HOLIDAY:
		cal_is_holiday(day, &h);
		return svc_fail(r, SVC_INVALID, "date", _("%s er en helligdag (%s)"), date,
				cal_holiday_name(h));
	case DAY_CLOSED:
		return svc_fail(r, SVC_INVALID, "date",
				_("%s er en lukkedag i strategien ([kalender] lukkedage)"), date);
	case DAY_HOLIDAY_WEEK:
		return svc_fail(r, SVC_INVALID, "date",
				_("%s ligger i organets ferieuger (uge %d)"), date,
				cal_iso_week(day, NULL));
	}
	return 0;
}

static int check_time(long day, int start, int duration, struct svc_result *r)
{
	int y = cal_date(day).y;
	if (y < PLAN_YEAR_MIN || y > PLAN_YEAR_MAX)
		return svc_fail(r, SVC_INVALID, "date", _("året skal være mellem %d og %d"),
				PLAN_YEAR_MIN, PLAN_YEAR_MAX);
	if (start < 0 || start >= 1440)
		return svc_fail(r, SVC_INVALID, "start",
				_("tidspunktet skal ligge mellem 00:00 og 23:59"));
	if (duration < 15 || start + duration > 1440)
		return svc_fail(r, SVC_INVALID, "duration",
				_("varigheden skal være mindst 15 minutter, og mødet skal slutte "
				  "senest ved midnat"));
	return 0;
}

int svc_meeting_move(struct service *svc, const struct actor *a, long long id, long day, int start,
		     int duration, struct svc_result *r)
{
	char object[24];
	snprintf(object, sizeof(object), "%lld", id);
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_MEETING_PLAN, NULL,
		      (struct svc_entry){.action = "meeting.move", .object = object}, r) < 0)
		return -1;
	struct org org;
	org_init(&org);
	struct meeting m;
	memset(&m, 0, sizeof(m));
	int ret = -1;
	if (svc_load_org(svc, &org, r) < 0 || svc_get_meeting(svc, id, &m, r) < 0)
		goto out;
	if (!duration)
		duration = m.duration;
	if (start < 0)
		start = m.start;
	if (check_time(day, start, duration, r) < 0 ||
	    check_day(&org, org_find_body(&org, m.body), day, r) < 0)
		goto out;
	if (cal_date(day).y != cal_date(m.day).y) {
		svc_fail(r, SVC_INVALID, "date",
			 _("et møde kan kun flyttes inden for sit eget år; aflys det og tilføj et "
			   "nyt"));
		goto out;
	}
	char when[26];
	plan_format_time(day, start, when);
	svc_call_object(&c, "%s %s", m.uid, when);
	char *err = NULL;
	if (store_meeting_move(svc->store, id, day, start, duration, a->username, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	meeting_release(&m);
	org_release(&org);
	return ret == 0 ? svc_commit(&c) : svc_abort(&c);
}

/* A meeting's theme (domain/text_policy.h): one line; it reaches every
 * role's meeting list, the annual wheel and the calendar feeds (which end
 * up at external calendar providers), so never CPR-like, whatever the
 * body. */
static const struct text_field theme_field = {
    .id = "theme", .label = N_("Temaet"), .shape = TEXT_LINE, .max = 200, .everyone = true};

int svc_meeting_add(struct service *svc, const struct actor *a, const char *body,
		    const char *district, long day, int start, int duration, const char *theme,
		    struct meeting *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_MEETING_PLAN, NULL,
		      (struct svc_entry){.action = "meeting.add", .object = body}, r) < 0)
		return -1;
	struct org org;
	org_init(&org);
	int ret = -1;
	char *domain = NULL;
	struct strbuf th = STRBUF_INIT;
	if (svc_load_org(svc, &org, r) < 0)
		goto out;
	const struct org_body *b = body ? org_find_body(&org, body) : NULL;
	if (!b) {
		svc_fail(r, SVC_NOT_FOUND, "body", _("organet »%s« findes ikke"), body ? body : "");
		goto out;
	}
	if (district && !org_find_district(&org, district)) {
		svc_fail(r, SVC_NOT_FOUND, "district", _("distriktet »%s« findes ikke"), district);
		goto out;
	}
	if (!duration)
		duration = plan_duration(b);
	if (start < 0)
		start = plan_start(b);
	if (check_time(day, start, duration, r) < 0 || check_day(&org, b, day, r) < 0 ||
	    svc_text(&theme_field, theme, b, &th, r) < 0)
		goto out;
	out->body = xstrdup(b->id);
	out->district = district ? xstrdup(district) : NULL;
	out->day = day;
	out->start = start;
	out->duration = duration;
	out->theme = th.len ? strbuf_detach(&th) : NULL;
	out->status = MEETING_PLANNED;
	char when[26];
	plan_format_time(day, start, when);
	svc_call_object(&c, "%s %s", b->id, when);
	domain = plan_uid_domain(org.municipality);
	char *err = NULL;
	if (store_meeting_add(svc->store, out, domain, a->username, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		meeting_release(out);
	free(domain);
	strbuf_release(&th);
	org_release(&org);
	return ret;
}

int svc_compliance(struct service *svc, const struct actor *a, int year, long as_of,
		   struct org *org, struct compliance *out, bool *from_plan, struct svc_result *r)
{
	*from_plan = false;
	if (!svc_allowed(svc, a, ACT_COMPLIANCE_VIEW, r))
		return -1;
	if (svc_check_year(year, r) < 0 || svc_load_org_for_year(svc, year, org, r) < 0)
		return -1;
	struct meeting_list m = MEETING_LIST_INIT;
	char *err = NULL;
	int n = 0;
	if (store_meetings_count(svc->store, year, &n, &err) < 0 ||
	    (n && store_meetings_load(svc->store, year, NULL, &m, &err) < 0)) {
		svc_store_fail(r, err);
		meeting_list_release(&m);
		return -1;
	}
	if (!n) {
		if (plan(org, year, NULL, &m, r) < 0) {
			meeting_list_release(&m);
			return -1;
		}
		*from_plan = true;
	}
	compliance_compute(org, &m, year, as_of, out);
	meeting_list_release(&m);
	return 0;
}
