/* api_meetings.c - the JSON API of meetings and compliance (docs/api.md):
 * what /moeder, /moeder/ID and /overholdelse offer (pages_meetings.c,
 * pages_compliance.c), through the same service calls, so the same role x
 * action rows (router.c), per-body rules and access-log entries apply:
 *
 *   GET  /api/v1/meetings?year=&body=      the year's meetings (or from=&to=: a date range)
 *   POST /api/v1/meetings                  an ad hoc meeting
 *   GET  /api/v1/meetings/{id}             one meeting: agenda, attendance,
 *                                          minutes where the page shows them
 *   POST /api/v1/meetings/{id}/status      held, cancelled, planned
 *   POST /api/v1/meetings/{id}/move        a new day and time
 *   POST /api/v1/meetings/{id}/agenda      the agenda
 *   POST /api/v1/meetings/{id}/attendance  who was there
 *   POST /api/v1/meetings/{id}/minutes     the general minutes
 *   GET  /api/v1/compliance?year=&as_of=   `ssp compliance --format json-full`
 *
 * Also the small helpers the api_*.c files share (web_internal.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/cpr.h"
#include "render/network_json.h"
#include "render/plan_json.h"
#include "service/meeting.h"
#include "service/guard.h"
#include "service/meeting_run.h"
#include "service/school.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* ---- helpers shared by the api_*.c files ---- */

/* Answers 422 (well-formed JSON, wrong content) for pe. */
static void fail_content(struct request *rq, const struct parse_error *pe)
{
	char msg[512];
	parse_error_message(pe, msg, sizeof(msg));
	web_error(rq, 422, msg, pe->field[0] ? pe->field : NULL);
}

static void key_error(struct request *rq, enum parse_status st, const char *key)
{
	struct parse_error pe;
	memset(&pe, 0, sizeof(pe));
	pe.status = st;
	snprintf(pe.field, sizeof(pe.field), "%s", key);
	fail_content(rq, &pe);
}

bool api_body_keys(struct request *rq, const char *const *keys)
{
	struct parse_error pe;
	if (json_only_keys(rq->json, keys, &pe) == 0)
		return true;
	fail_content(rq, &pe);
	return false;
}

bool api_string(struct request *rq, const char *key, bool required, const char **out)
{
	struct parse_error pe;
	if (json_get_string(rq->json, key, required, rq->srv->cfg->max_field_bytes, out, &pe) == 0)
		return true;
	fail_content(rq, &pe);
	return false;
}

bool api_int(struct request *rq, json_t *obj, const char *key, bool required, long long min,
	     long long max, long long *out)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v)) {
		if (!required)
			return true;
		key_error(rq, PARSE_MISSING_FIELD, key);
		return false;
	}
	if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
		key_error(rq, PARSE_BAD_TYPE, key);
		return false;
	}
	*out = json_integer_value(v);
	return true;
}

bool api_bool(struct request *rq, json_t *obj, const char *key, bool *out)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return true;
	if (!json_is_boolean(v)) {
		key_error(rq, PARSE_BAD_TYPE, key);
		return false;
	}
	*out = json_is_true(v);
	return true;
}

bool api_date(struct request *rq, const char *key, const char *s, long *day)
{
	struct date d;
	if (cal_parse_date(s, &d) < 0) {
		web_error(rq, 422, _("Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-15."), key);
		return false;
	}
	*day = cal_days(d);
	return true;
}

void api_svc_fail(struct request *rq, struct svc_result *r, const char *const *fields)
{
	for (size_t i = 0; fields && r->field && fields[i]; i += 2) {
		if (!strcmp(r->field, fields[i])) {
			r->field = fields[i + 1];
			break;
		}
	}
	web_svc_fail(rq, r);
}

json_t *api_str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *api_day_or_null(long day)
{
	if (day == CAL_NO_DAY)
		return json_null();
	char d[11];
	cal_format_date(day, d);
	return json_string(d);
}

/* ---- the meeting list ---- */

/* The query's from/to (YYYY-MM-DD, both optional): false (answered 400 on
 * the field) when one is no date, to lies before from, or the range spans
 * more than API_MEETINGS_YEARS calendar years. *ranged tells whether either
 * was given; from defaults to 1 January of to's year, to to 31 December of
 * from's year. */
#define API_MEETINGS_YEARS 3
static bool query_range(struct request *rq, bool *ranged, long *from, long *to)
{
	const char *f = form_get(&rq->query_form, "from"), *t = form_get(&rq->query_form, "to");
	*ranged = (f && *f) || (t && *t);
	if (!*ranged)
		return true;
	struct date df, dt;
	if (f && *f && cal_parse_date(f, &df) < 0) {
		web_error(rq, 400, _("Datoen skal skrives ÅÅÅÅ-MM-DD."), "from");
		return false;
	}
	if (t && *t && cal_parse_date(t, &dt) < 0) {
		web_error(rq, 400, _("Datoen skal skrives ÅÅÅÅ-MM-DD."), "to");
		return false;
	}
	if (!(f && *f))
		df = (struct date){dt.y, 1, 1};
	if (!(t && *t))
		dt = (struct date){df.y, 12, 31};
	*from = cal_days(df);
	*to = cal_days(dt);
	if (*to < *from) {
		web_error(rq, 400, _("Slutdatoen ligger før startdatoen."), "to");
		return false;
	}
	if (dt.y - df.y >= API_MEETINGS_YEARS || df.y < PLAN_YEAR_MIN || dt.y > PLAN_YEAR_MAX) {
		char msg[160];
		snprintf(msg, sizeof(msg),
			 _("Perioden må højst spænde over %d kalenderår mellem %d og %d."),
			 API_MEETINGS_YEARS, PLAN_YEAR_MIN, PLAN_YEAR_MAX);
		web_error(rq, 400, msg, "from");
		return false;
	}
	return true;
}

void api_meetings(struct request *rq)
{
	int year;
	bool ranged;
	long from = 0, to = 0;
	if (web_query_year(rq, &year) < 0 || !query_range(rq, &ranged, &from, &to))
		return;
	int last = year;
	if (ranged) {
		year = cal_date(from).y;
		last = cal_date(to).y;
	}
	const char *body = form_get(&rq->query_form, "body");
	if (body && !*body)
		body = NULL;
	/* as the page: the stored meetings of each year, or the computed plan
	 * when none is stored */
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	struct svc_result r = SVC_RESULT_INIT;
	bool stored = true;
	json_t *arr = json_array();
	for (int y = year; y <= last; y++) {
		bool y_stored = true;
		org_release(&o);
		org_init(&o);
		meeting_list_release(&l);
		if (svc_meetings_list(rq->svc, &rq->actor, y, NULL, &o, &l, &r) < 0)
			goto fail;
		if (!l.nr) {
			org_release(&o);
			org_init(&o);
			y_stored = false;
			if (svc_plan_preview(rq->svc, &rq->actor, y, NULL, &o, &l, &r) < 0)
				goto fail;
		}
		stored = stored && y_stored;
		if (body && !org_find_body(&o, body)) {
			svc_fail(&r, SVC_NOT_FOUND, "body", "%s",
				 _("Organisationen har intet forum med det id."));
			goto fail;
		}
		for (size_t i = 0; i < l.nr; i++)
			if ((!body || !strcmp(l.v[i].body, body)) &&
			    (!ranged || (l.v[i].day >= from && l.v[i].day <= to)))
				json_array_append_new(arr, meeting_to_json(&l.v[i]));
	}
	json_t *j = json_object();
	json_object_set_new(j, "year", json_integer(year));
	if (ranged) {
		char d[11];
		cal_format_date(from, d);
		json_object_set_new(j, "from", json_string(d));
		cal_format_date(to, d);
		json_object_set_new(j, "to", json_string(d));
	}
	json_object_set_new(j, "stored", json_boolean(stored));
	json_object_set_new(j, "meetings", arr);
	resp_json(rq, 200, j);
	meeting_list_release(&l);
	org_release(&o);
	return;
fail:
	json_decref(arr);
	web_svc_fail(rq, &r);
	meeting_list_release(&l);
	org_release(&o);
}

/* The service names form fields; the API names JSON members. */
static const char *const meeting_fields[] = {"minutes",    "text",   "agenda",     "items",
					     "attendance", "users",  "guest_name", "guests",
					     "guest_org",  "guests", NULL};

/* {id} of the path: 1-18 digits; answers 404 and returns false when it is none. */
static bool path_id(struct request *rq, long long *id)
{
	return web_path_id(rq, 0, _("Der findes intet møde med den adresse."), id);
}

/* "HH:MM" into minutes after midnight; answers 422 and returns false when it is none. */
static bool clock(struct request *rq, const char *s, int *minute)
{
	if (cal_parse_clock(s, minute) == 0)
		return true;
	web_error(rq, 422, _("Skriv tidspunktet som TT:MM, fx 14:00."), "start");
	return false;
}

/* The answer to a repeated creating post: the meeting the first one made
 * (made: "/api/v1/meetings/ID"), 200 with its Location. */
static void replay_meeting(struct request *rq, const char *made)
{
	long long id = strtoll(made + strlen("/api/v1/meetings/"), NULL, 10);
	struct org o;
	org_init(&o);
	struct meeting_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_meeting_view(rq->svc, &rq->actor, id, &o, &v, &r) < 0) {
		web_svc_fail(rq, &r);
	} else {
		resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "%s", made);
		resp_json(rq, 200, meeting_to_json(&v.m));
	}
	svc_result_clear(&r);
	meeting_view_release(&v);
	org_release(&o);
}

void api_meeting_add(struct request *rq)
{
	static const char *const keys[] = {"body",     "date",  "start",        "duration",
					   "district", "theme", "preparedness", NULL};
	const char *body, *date, *start, *district, *theme;
	long long duration = 0;
	bool preparedness = false;
	if (!api_body_keys(rq, keys) || !api_string(rq, "body", true, &body) ||
	    !api_string(rq, "date", true, &date) || !api_string(rq, "start", false, &start) ||
	    !api_int(rq, rq->json, "duration", false, 15, 1440, &duration) ||
	    !api_string(rq, "district", false, &district) ||
	    !api_string(rq, "theme", false, &theme) ||
	    !api_bool(rq, rq->json, "preparedness", &preparedness))
		return;
	long day;
	int minute = -1;
	if (!api_date(rq, "date", date, &day) || (start && *start && !clock(rq, start, &minute)))
		return;
	/* Idempotency-Key: a repeated post (a retry, ten at once) makes one
	 * meeting; the repeats get the first one's (200, same Location) */
	char key[160] = "";
	const char *ik = req_header(rq, "Idempotency-Key");
	if (ik) {
		struct svc_result ir = SVC_RESULT_INIT;
		char *made = NULL;
		snprintf(key, sizeof(key), "api:%.140s", ik);
		int rc = strlen(ik) > 128 ? svc_fail(&ir, SVC_INVALID, "idempotency_key", "%s",
						     _("Idempotency-Key må højst være 128 tegn."))
					  : svc_idem_claim(rq->svc, &rq->actor, key, &made, &ir);
		if (rc != 0) {
			if (made)
				replay_meeting(rq, made);
			else
				web_svc_fail(rq, &ir);
			free(made);
			svc_result_clear(&ir);
			return;
		}
	}
	/* the steering group convened as preparedness group: as the page's
	 * "ID:beredskab" choice */
	struct strbuf th = STRBUF_INIT;
	if (preparedness)
		strbuf_addf(&th, "%s%s%s", _("Samlet som beredskabsgruppe"),
			    theme && *theme ? ": " : "", theme ? theme : "");
	else if (theme)
		strbuf_addstr(&th, theme);
	if (th.len > 200) {
		strbuf_release(&th);
		web_error(rq, 422, _("Temaet må højst være 200 tegn."), "theme");
		return;
	}
	struct meeting m;
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_meeting_add(rq->svc, &rq->actor, body, district && *district ? district : NULL,
				 day, minute, (int)duration, th.len ? th.buf : NULL, &m, &r);
	strbuf_release(&th);
	if (rc < 0 && *key)
		svc_idem_finish(rq->svc, &rq->actor, key, NULL);
	if (rc < 0) {
		/* an unknown body or district is bad content, as on the page */
		if (r.status == SVC_NOT_FOUND)
			r.status = SVC_INVALID;
		api_svc_fail(rq, &r, meeting_fields);
		return;
	}
	resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "/api/v1/meetings/%lld", m.id);
	if (*key) {
		char made[64];
		snprintf(made, sizeof(made), "/api/v1/meetings/%lld", m.id);
		svc_idem_finish(rq->svc, &rq->actor, key, made);
	}
	resp_json(rq, 201, meeting_to_json(&m));
	meeting_release(&m);
}

/* ---- one meeting ---- */

/* s with CPR-like numbers masked, or null. */
static json_t *masked_or_null(const char *s)
{
	if (!s)
		return json_null();
	struct strbuf sb = STRBUF_INIT;
	cpr_mask(s, strlen(s), &sb);
	json_t *j = json_string(sb.buf);
	strbuf_release(&sb);
	return j;
}

static json_t *person_json(const struct person *p, bool attendance)
{
	json_t *j = json_object();
	json_object_set_new(j, "user_id", p->user_id ? json_integer(p->user_id) : json_null());
	json_object_set_new(j, "name", masked_or_null(p->name));
	json_object_set_new(j, "org", masked_or_null(p->org && *p->org ? p->org : NULL));
	if (attendance)
		json_object_set_new(j, "present", json_boolean(p->present));
	else
		json_object_set_new(j, "role", json_string(role_id(p->role)));
	return j;
}

void api_meeting(struct request *rq)
{
	long long id;
	if (!path_id(rq, &id))
		return;
	struct org o;
	org_init(&o);
	struct meeting_view v;
	struct svc_result r = SVC_RESULT_INIT;
	/* the service decides whether the minutes may be read, and logs a read
	 * of minutes that may name young people */
	if (svc_meeting_view(rq->svc, &rq->actor, id, &o, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		meeting_view_release(&v);
		org_release(&o);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "meeting", meeting_to_json(&v.m));
	json_object_set_new(j, "named_individuals", json_boolean(v.body->named_individuals));

	/* as the minutes: hidden where it may name young people from who does
	 * not run the meeting, CPR numbers masked */
	json_t *agenda = json_object(), *items = json_array();
	for (size_t i = 0; i < v.agenda.nr; i++) {
		struct strbuf shown = STRBUF_INIT;
		cpr_mask(v.agenda.v[i], strlen(v.agenda.v[i]), &shown);
		json_array_append_new(items, json_string(shown.buf));
		strbuf_release(&shown);
	}
	json_object_set_new(agenda, "visible", json_boolean(v.agenda_visible));
	json_object_set_new(agenda, "stored", json_boolean(v.agenda_stored));
	json_object_set_new(agenda, "items", items);
	json_object_set_new(j, "agenda", agenda);

	json_t *ps = json_array(), *att = json_array();
	for (size_t i = 0; i < v.participants.nr; i++)
		json_array_append_new(ps, person_json(&v.participants.v[i], false));
	for (size_t i = 0; i < v.attendance.nr; i++)
		json_array_append_new(att, person_json(&v.attendance.v[i], true));
	json_object_set_new(j, "participants", ps);
	/* empty where the actor may not read it (the minutes' rule) */
	json_object_set_new(j, "attendance", att);
	json_object_set_new(j, "attendance_visible", json_boolean(v.attendance_visible));

	/* as the page: a § 115 referat may hold CPR numbers, masked when shown */
	json_t *min = json_object();
	const char *text = v.minutes_visible ? v.minutes.text : NULL;
	json_object_set_new(min, "visible", json_boolean(v.minutes_visible));
	if (text && *text) {
		struct strbuf shown = STRBUF_INIT;
		cpr_mask(text, strlen(text), &shown);
		json_object_set_new(min, "text", json_string(shown.buf));
		strbuf_release(&shown);
		json_object_set_new(min, "updated_at", api_str_or_null(v.minutes.updated_at));
		json_object_set_new(min, "updated_by", api_str_or_null(v.minutes.updated_by));
	} else {
		json_object_set_new(min, "text", json_null());
		json_object_set_new(min, "updated_at", json_null());
		json_object_set_new(min, "updated_by", json_null());
	}
	json_object_set_new(j, "minutes", min);
	json_object_set_new(j, "can_plan", json_boolean(v.can_plan));
	json_object_set_new(j, "can_run", json_boolean(v.can_run));
	meeting_view_release(&v);
	org_release(&o);
	resp_json(rq, 200, j);
}

/* {"id": id, key: value} (value a new reference). */
static void answer(struct request *rq, long long id, const char *key, json_t *value)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, key, value);
	resp_json(rq, 200, j);
}

void api_meeting_status(struct request *rq)
{
	static const char *const keys[] = {"status", NULL};
	long long id;
	const char *status;
	if (!path_id(rq, &id) || !api_body_keys(rq, keys) ||
	    !api_string(rq, "status", true, &status))
		return;
	enum meeting_status st;
	if (meeting_status_parse(status, &st) < 0) {
		web_error(rq, 422, _("Ukendt status."), "status");
		return;
	}
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_meeting_set_status(rq->svc, &rq->actor, id, st, &r) < 0) {
		api_svc_fail(rq, &r, meeting_fields);
		return;
	}
	answer(rq, id, "status", json_string(meeting_status_id(st)));
}

void api_meeting_move(struct request *rq)
{
	static const char *const keys[] = {"date", "start", "duration", NULL};
	long long id, duration = 0;
	const char *date, *start;
	if (!path_id(rq, &id) || !api_body_keys(rq, keys) || !api_string(rq, "date", true, &date) ||
	    !api_string(rq, "start", false, &start) ||
	    !api_int(rq, rq->json, "duration", false, 15, 1440, &duration))
		return;
	long day;
	int minute = -1;
	if (!api_date(rq, "date", date, &day) || (start && *start && !clock(rq, start, &minute)))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_meeting_move(rq->svc, &rq->actor, id, day, minute, (int)duration, &r) < 0) {
		api_svc_fail(rq, &r, meeting_fields);
		return;
	}
	/* the meeting as it is now: a meeting moves only within its year */
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	if (svc_meetings_list(rq->svc, &rq->actor, cal_date(day).y, NULL, &o, &l, &r) < 0) {
		web_svc_fail(rq, &r);
	} else {
		json_t *j = NULL;
		for (size_t i = 0; i < l.nr && !j; i++)
			if (l.v[i].id == id)
				j = meeting_to_json(&l.v[i]);
		resp_json(rq, 200, j ? j : json_pack("{sI}", "id", (json_int_t)id));
	}
	meeting_list_release(&l);
	org_release(&o);
}

void api_meeting_agenda(struct request *rq)
{
	static const char *const keys[] = {"items", NULL};
	long long id;
	if (!path_id(rq, &id) || !api_body_keys(rq, keys))
		return;
	json_t *items = json_object_get(rq->json, "items");
	if (!json_is_array(items)) {
		key_error(rq, items ? PARSE_BAD_TYPE : PARSE_MISSING_FIELD, "items");
		return;
	}
	/* the service takes the page's text: one item a line */
	struct strbuf text = STRBUF_INIT;
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		const char *s = json_string_value(it);
		bool ok = s && strlen(s) == json_string_length(it) &&
			  text.len + strlen(s) <= rq->srv->cfg->max_field_bytes;
		for (const char *c = s; ok && *c; c++)
			ok = ((unsigned char)*c >= 0x20 || *c == '\t') && *c != 0x7f;
		if (!ok) {
			strbuf_release(&text);
			key_error(rq, PARSE_BAD_TYPE, "items");
			return;
		}
		strbuf_addf(&text, "%s\n", s);
	}
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_meeting_agenda_save(rq->svc, &rq->actor, id, text.buf, &r);
	strbuf_release(&text);
	if (rc < 0)
		api_svc_fail(rq, &r, meeting_fields);
	else
		answer(rq, id, "saved", json_true());
}

/* One element of "users" or "guests" of the attendance body into *p;
 * answers 422 and returns false when it is not one. */
static bool attendee(struct request *rq, json_t *e, bool guest, struct person *p)
{
	static const char *const user_keys[] = {"user_id", "present", NULL};
	static const char *const guest_keys[] = {"name", "org", NULL};
	const char *field = guest ? "guests" : "users";
	struct parse_error pe;
	if (!json_is_object(e) || json_only_keys(e, guest ? guest_keys : user_keys, &pe) < 0) {
		key_error(rq, PARSE_BAD_TYPE, field);
		return false;
	}
	if (!guest) {
		long long uid = 0;
		bool present = false;
		json_t *pv = json_object_get(e, "present");
		if (!api_int(rq, e, "user_id", true, 1, (long long)1 << 53, &uid))
			return false;
		if (!json_is_boolean(pv)) {
			key_error(rq, pv ? PARSE_BAD_TYPE : PARSE_MISSING_FIELD, "present");
			return false;
		}
		present = json_is_true(pv);
		p->user_id = uid;
		p->present = present;
		return true;
	}
	const char *name, *org;
	size_t max = rq->srv->cfg->max_field_bytes;
	if (json_get_string(e, "name", true, max, &name, &pe) < 0 ||
	    json_get_string(e, "org", false, max, &org, &pe) < 0) {
		fail_content(rq, &pe);
		return false;
	}
	p->name = xstrdup(name);
	p->org = org && *org ? xstrdup(org) : NULL;
	p->present = true;
	return true;
}

void api_meeting_attendance(struct request *rq)
{
	static const char *const keys[] = {"users", "guests", NULL};
	long long id;
	if (!path_id(rq, &id) || !api_body_keys(rq, keys))
		return;
	/* the whole attendance, as the service stores it: users by id with
	 * present true or false, then guests by name and organisation */
	struct person_list att = {0};
	for (int guest = 0; guest < 2; guest++) {
		const char *field = guest ? "guests" : "users";
		json_t *arr = json_object_get(rq->json, field);
		if (arr && !json_is_array(arr)) {
			key_error(rq, PARSE_BAD_TYPE, field);
			person_list_release(&att);
			return;
		}
		size_t i;
		json_t *e;
		json_array_foreach(arr, i, e)
		{
			if (!attendee(rq, e, guest, person_list_add(&att))) {
				person_list_release(&att);
				return;
			}
		}
	}
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_meeting_attendance_save(rq->svc, &rq->actor, id, &att, &r);
	person_list_release(&att);
	if (rc < 0)
		api_svc_fail(rq, &r, meeting_fields);
	else
		answer(rq, id, "saved", json_true());
}

void api_meeting_minutes(struct request *rq)
{
	static const char *const keys[] = {"text", NULL};
	long long id;
	const char *text;
	if (!path_id(rq, &id) || !api_body_keys(rq, keys) || !api_string(rq, "text", true, &text))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_meeting_minutes_save(rq->svc, &rq->actor, id, text, &r) < 0)
		api_svc_fail(rq, &r, meeting_fields);
	else
		answer(rq, id, "saved", json_true());
}

/* ---- compliance ---- */

void api_compliance(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	long as_of;
	if (web_query_date(rq, "as_of", &as_of) < 0)
		return;
	struct org o;
	org_init(&o);
	struct compliance c = {0};
	struct school_network n;
	memset(&n, 0, sizeof(n));
	bool from_plan = false;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_compliance(rq->svc, &rq->actor, year, as_of, &o, &c, &from_plan, &r) < 0 ||
	    svc_network_compliance(rq->svc, &rq->actor, year, as_of, &n, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, compliance_full_to_json(year, as_of, from_plan, &c, &n.f));
	compliance_release(&c);
	school_network_release(&n);
	org_release(&o);
}
