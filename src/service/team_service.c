/* team_service.c - the SSP-team's daily work (service/team.h).
 *
 * Every call that changes something is one audited call (service_internal.h):
 * SVC_CALL + svc_begin (the decision of authz_decide on the role x action
 * table), the checks of the input and the store's work, then svc_commit
 * (the "ok" entry and the change in one transaction) or svc_abort (rolled
 * back, logged "failed"). Reads hold nothing about young people (offers,
 * events, notes, counts): they are decided by svc_check, which logs a
 * refusal, and not logged when allowed. */
#include "service/team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/ics.h"
#include "service/meeting.h"
#include "service/service_internal.h"
#include "store/school_store.h"
#include "store/team_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define LINE_MAX_BYTES 800   /* one-line fields: names, places, tasks */
#define TEXT_MAX_BYTES 16000 /* multi-line fields: referral, risk notes, notes, evaluation */
#define AGE_MAX        99
#define CAPACITY_MAX   10000

/* ---- the text policy of this file's free-text fields ---- */

/* Every free-text field of the SSP-team's records passes here, and only
 * here, into the one text policy (domain/text_policy.h through svc_text):
 * valid UTF-8; no control characters (a multi-line field keeps line
 * breaks and tabs); never a CPR-like number, wherever it is shown
 * (everyone: these records reach every role and the calendar feeds, and
 * never name a young person); at most LINE_MAX_BYTES or TEXT_MAX_BYTES.
 * label is the field's Danish name for the message; field the form/JSON
 * name it reports. *out (may be NULL) gets the normalised text. 0, or -1
 * with *r set. */
static int team_text_check(const char *field, const char *label, const char *value, bool multiline,
			   struct strbuf *out, struct svc_result *r)
{
	struct text_field f = {field,
			       label,
			       multiline ? TEXT_LINES : TEXT_LINE,
			       multiline ? TEXT_MAX_BYTES : LINE_MAX_BYTES,
			       false,
			       true};
	return svc_text(&f, value, NULL, out, r);
}

/* A trimmed, normalised copy of value after team_text_check (caller
 * frees); NULL with *r set when it fails or is empty and required. An
 * empty optional field gives an empty string. */
static char *team_text(const char *field, const char *label, const char *value, bool multiline,
		       bool required, struct svc_result *r)
{
	if (!value)
		value = "";
	while (*value == ' ' || *value == '\t' || *value == '\n' || *value == '\r')
		value++;
	size_t n = strlen(value);
	while (n && (value[n - 1] == ' ' || value[n - 1] == '\t' || value[n - 1] == '\n' ||
		     value[n - 1] == '\r'))
		n--;
	char *s = xstrndup(value, n);
	struct strbuf out = STRBUF_INIT;
	int rc = team_text_check(field, label, s, multiline, &out, r);
	free(s);
	if (rc < 0) {
		strbuf_release(&out);
		return NULL;
	}
	if (!out.len && required) {
		svc_fail(r, SVC_INVALID, field, _("Udfyld %s."), _(label));
		strbuf_release(&out);
		return NULL;
	}
	return strbuf_detach(&out);
}

/* NULL for an empty string (optional columns). */
static char *or_null(char *s)
{
	if (s && !*s) {
		free(s);
		return NULL;
	}
	return s;
}

/* Decimal digits only, min..max; -1 with *r set otherwise. */
static int parse_int(const char *s, int min, int max, const char *field, const char *label,
		     int *out, struct svc_result *r)
{
	long v = 0;
	size_t n = s ? strlen(s) : 0;
	if (!n || n > 6)
		goto bad;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		v = v * 10 + (s[i] - '0');
	}
	if (v < min || v > max)
		goto bad;
	*out = (int)v;
	return 0;
bad:
	return svc_fail(r, SVC_INVALID, field, _("%s skal være et helt tal mellem %d og %d."),
			label, min, max);
}

/* No record facts: the team's actions have no per-record rules, so
 * authz_decide decides on the role alone (and the local operator). */
static const struct authz_facts no_facts;

/* The read check of a call that reads nothing personal: authz_decide, a
 * refusal logged with action id act's. */
static int may_read(struct service *svc, const struct actor *a, enum action act,
		    struct svc_result *r)
{
	struct svc_entry e = {action_id(act), NULL, NULL, NULL};
	return svc_check(svc, a, act, &no_facts, &e, r);
}

/* Starts audited call c for act, logged as action with object (ids only,
 * may be NULL). -1: refused and logged, the call is over. */
static int team_begin(struct svc_call *c, struct service *svc, const struct actor *a,
		      enum action act, const char *action, const char *object, struct svc_result *r)
{
	return svc_begin(c, svc, a, act, &no_facts,
			 (struct svc_entry){.action = action, .object = object}, r);
}

/* Ends call c: commits when ret is 0, else rolls back and logs "failed". */
static int team_end(struct svc_call *c, int ret)
{
	return ret == 0 ? svc_commit(c) : svc_abort(c);
}

/* "offer=12", "event=3": the object of a call on one record. */
static const char *obj_id(char buf[40], const char *what, long long id)
{
	snprintf(buf, 40, "%s=%lld", what, id);
	return buf;
}

/* ---- themes ---- */

static void themes_of(const struct org *o, struct strlist *out)
{
	if (o->team_themes.nr) {
		for (size_t i = 0; i < o->team_themes.nr; i++)
			strlist_add(out, o->team_themes.v[i]);
		return;
	}
	for (size_t i = 0; team_default_themes[i]; i++)
		strlist_add(out, _(team_default_themes[i]));
}

int svc_team_themes(struct service *svc, const struct actor *a, struct strlist *out,
		    struct svc_result *r)
{
	if (may_read(svc, a, ACT_OFFER_VIEW, r) < 0)
		return -1;
	struct org o;
	org_init(&o);
	if (svc_load_org(svc, &o, r) < 0)
		return -1;
	themes_of(&o, out);
	org_release(&o);
	return 0;
}

/* ---- offers ---- */

bool offer_stale(const struct offer_row *o, long today)
{
	return o->confirmed == CAL_NO_DAY || team_add_months(o->confirmed, 12) < today;
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Does hay contain needle[0..n), ASCII letters without case? */
static bool contains(const char *hay, const char *needle, size_t n)
{
	for (const char *h = hay; h && *h; h++) {
		size_t i = 0;
		while (i < n && h[i] && ascii_lower(h[i]) == ascii_lower(needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

static bool offer_matches(const struct offer_row *o, const char *text)
{
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		bool hit = contains(o->name, p, n) || contains(o->provider, p, n) ||
			   contains(o->referral, p, n) || contains(o->contact, p, n);
		for (size_t i = 0; !hit && i < o->themes.nr; i++)
			hit = contains(o->themes.v[i], p, n);
		if (!hit)
			return false;
		p += n;
	}
	return true;
}

int svc_offers_list(struct service *svc, const struct actor *a, const struct offer_query *q,
		    struct offer_rows *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_OFFER_VIEW, r) < 0)
		return -1;
	struct offer_filter f = {-1, NULL, NULL};
	if (q->age && *q->age && parse_int(q->age, 0, AGE_MAX, "age", _("Alder"), &f.age, r) < 0)
		return -1;
	if (q->district && *q->district) {
		if (!store_district_active(svc->store, q->district))
			return svc_fail(r, SVC_INVALID, "district", "%s",
					_("Vælg et af strategiens distrikter."));
		f.district = q->district;
	}
	if (q->theme && *q->theme) {
		struct strlist themes = STRLIST_INIT;
		if (svc_team_themes(svc, a, &themes, r) < 0)
			return -1;
		bool ok = strlist_has(&themes, q->theme);
		strlist_clear(&themes);
		if (!ok)
			return svc_fail(r, SVC_INVALID, "theme", "%s",
					_("Vælg et af temaerne i tilbudsoversigten."));
		f.theme = q->theme;
	}
	const char *text = q->text ? q->text : "";
	if (team_text_check("q", N_("Søgeteksten"), text, false, NULL, r) < 0)
		return -1;
	char *err = NULL;
	if (store_offers_load(svc->store, &f, out, &err) < 0) {
		offer_rows_release(out);
		return svc_store_fail(r, err);
	}
	if (*text) {
		size_t k = 0;
		for (size_t i = 0; i < out->nr; i++) {
			if (offer_matches(&out->v[i], text))
				out->v[k++] = out->v[i];
			else
				offer_row_release(&out->v[i]);
		}
		out->nr = k;
	}
	return 0;
}

/* Checks in (as svc_offer_add) into *row (released by the caller). */
static int offer_from_input(struct service *svc, const struct actor *a,
			    const struct offer_input *in, struct offer_row *row,
			    struct svc_result *r)
{
	struct strlist themes = STRLIST_INIT;
	int ret = -1;
	if (!(row->name = team_text("name", N_("Navn"), in->name, false, true, r)) ||
	    !(row->provider = team_text("provider", N_("Udbyder"), in->provider, false, true, r)))
		goto out;
	if (parse_int(in->age_from, 0, AGE_MAX, "age_from", _("Alder fra"), &row->age_from, r) <
		0 ||
	    parse_int(in->age_to, 0, AGE_MAX, "age_to", _("Alder til"), &row->age_to, r) < 0)
		goto out;
	if (row->age_to < row->age_from) {
		svc_fail(r, SVC_INVALID, "age_to", "%s",
			 _("Alder til skal være mindst lige så høj som alder fra."));
		goto out;
	}
	if (svc_team_themes(svc, a, &themes, r) < 0)
		goto out;
	if (!in->themes_nr) {
		svc_fail(r, SVC_INVALID, "themes", "%s", _("Vælg mindst ét tema."));
		goto out;
	}
	for (size_t i = 0; i < in->themes_nr; i++) {
		if (!strlist_has(&themes, in->themes[i])) {
			svc_fail(r, SVC_INVALID, "themes", "%s",
				 _("Vælg temaerne blandt tilbudsoversigtens temaer."));
			goto out;
		}
		strlist_add(&row->themes, in->themes[i]);
	}
	for (size_t i = 0; i < in->districts_nr; i++) {
		if (!in->districts[i] || !store_district_active(svc->store, in->districts[i])) {
			svc_fail(r, SVC_INVALID, "districts", "%s",
				 _("Vælg distrikterne blandt strategiens distrikter (ingen: hele "
				   "kommunen)."));
			goto out;
		}
		strlist_add(&row->districts, in->districts[i]);
	}
	if (!(row->referral = team_text("referral", N_("Henvisning (hvem, hvordan, ventetid)"),
					in->referral, true, true, r)) ||
	    !(row->contact =
		  team_text("contact", N_("Kontakt (funktion)"), in->contact, false, false, r)))
		goto out;
	row->contact = or_null(row->contact);
	row->confirmed = svc_today();
	row->updated_by = xstrdup(a->username);
	ret = 0;
out:
	strlist_clear(&themes);
	return ret;
}

int svc_offer_add(struct service *svc, const struct actor *a, const struct offer_input *in,
		  long long *id, struct svc_result *r)
{
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_OFFER_EDIT, "offer.add", NULL, r) < 0)
		return -1;
	struct offer_row row;
	memset(&row, 0, sizeof(row));
	int ret = -1;
	char *err = NULL;
	if (offer_from_input(svc, a, in, &row, r) == 0) {
		row.owner_id = a->user_id;
		if (store_offer_insert(svc->store, &row, id, &err) < 0) {
			svc_store_fail(r, err);
		} else {
			svc_call_object(&c, "offer=%lld themes=%zu districts=%zu", *id,
					row.themes.nr, row.districts.nr);
			ret = 0;
		}
	}
	offer_row_release(&row);
	return team_end(&c, ret);
}

int svc_offer_get(struct service *svc, const struct actor *a, long long id, struct offer_row *out,
		  struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_OFFER_VIEW, r) < 0)
		return -1;
	char *err = NULL;
	int rc = store_offer_get(svc->store, id, out, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc > 0)
		return svc_fail(r, SVC_NOT_FOUND, "id", "%s",
				_("Tilbuddet findes ikke (eller er fjernet fra oversigten)."));
	return 0;
}

int svc_offer_update(struct service *svc, const struct actor *a, long long id,
		     const struct offer_input *in, struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_OFFER_EDIT, "offer.edit", obj_id(obj, "offer", id), r) < 0)
		return -1;
	struct offer_row row;
	memset(&row, 0, sizeof(row));
	int ret = -1;
	char *err = NULL;
	if (offer_from_input(svc, a, in, &row, r) == 0) {
		int rc = store_offer_update(svc->store, id, &row, &err);
		if (rc < 0)
			svc_store_fail(r, err);
		else if (rc > 0)
			svc_fail(r, SVC_NOT_FOUND, "id", "%s",
				 _("Tilbuddet findes ikke (eller er fjernet fra oversigten)."));
		else
			ret = 0;
	}
	offer_row_release(&row);
	return team_end(&c, ret);
}

int svc_offer_remove(struct service *svc, const struct actor *a, long long id, struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_OFFER_EDIT, "offer.remove", obj_id(obj, "offer", id), r) < 0)
		return -1;
	char *err = NULL;
	int rc = store_offer_remove(svc->store, id, a->username, &err);
	if (rc < 0)
		svc_store_fail(r, err);
	else if (rc > 0)
		svc_fail(r, SVC_NOT_FOUND, "id", "%s",
			 _("Tilbuddet findes ikke (eller er allerede fjernet fra oversigten)."));
	return team_end(&c, rc);
}

int svc_offer_confirm(struct service *svc, const struct actor *a, long long id,
		      struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_OFFER_EDIT, "offer.confirm", obj_id(obj, "offer", id), r) <
	    0)
		return -1;
	char *err = NULL;
	int rc = store_offer_confirm(svc->store, id, svc_today(), a->username, &err);
	if (rc < 0)
		svc_store_fail(r, err);
	else if (rc > 0)
		svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Tilbuddet findes ikke."));
	return team_end(&c, rc);
}

int svc_offers_stale_mine(struct service *svc, const struct actor *a, struct offer_rows *out,
			  struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_OFFER_VIEW, r) < 0)
		return -1;
	struct offer_filter f = {-1, NULL, NULL};
	char *err = NULL;
	if (store_offers_load(svc->store, &f, out, &err) < 0) {
		offer_rows_release(out);
		return svc_store_fail(r, err);
	}
	long today = svc_today();
	size_t k = 0;
	for (size_t i = 0; i < out->nr; i++) {
		if (a->user_id && out->v[i].owner_id == a->user_id &&
		    offer_stale(&out->v[i], today))
			out->v[k++] = out->v[i];
		else
			offer_row_release(&out->v[i]);
	}
	out->nr = k;
	return 0;
}

/* ---- courses, training and events ---- */

static int parse_when(const char *s, const char *field, const char *label, long long *out,
		      struct svc_result *r)
{
	if (team_parse_moment(s, out) < 0)
		return svc_fail(r, SVC_INVALID, field,
				_("%s skal skrives ÅÅÅÅ-MM-DDTTT:MM, fx 2027-06-20T18:00."), label);
	long day;
	int minute;
	team_moment_split(*out, &day, &minute);
	int y = cal_date(day).y;
	if (y < PLAN_YEAR_MIN || y > PLAN_YEAR_MAX)
		return svc_fail(r, SVC_INVALID, field, _("%s skal ligge mellem år %d og %d."),
				label, PLAN_YEAR_MIN, PLAN_YEAR_MAX);
	return 0;
}

/* Checks in (as svc_event_add) into *row (released by the caller). A new
 * event starts today or later; an edited one (was: its row) keeps its
 * start without that check, and its capacity is not set below those
 * already registered. */
static int event_from_input(struct service *svc, const struct event_input *in,
			    const struct event_row *was, struct event_row *row,
			    struct svc_result *r)
{
	(void)svc;
	if (event_kind_parse(in->kind, &row->kind) < 0)
		return svc_fail(
		    r, SVC_INVALID, "kind", "%s",
		    _("Vælg en type: course, training, theme-day, parent-evening eller event."));
	if (was && was->registered && row->kind == EVENT_EVENT && was->kind != EVENT_EVENT)
		return svc_fail(r, SVC_INVALID, "kind", "%s",
				_("Der er tilmeldte: arrangementet kan ikke gøres til en større "
				  "begivenhed (den har vagtplan, ikke tilmelding)."));
	if (!(row->name = team_text("name", N_("Navn"), in->name, false, true, r)))
		return -1;
	if (parse_when(in->start, "start", _("Start"), &row->start, r) < 0 ||
	    parse_when(in->end, "end", _("Slut"), &row->end, r) < 0)
		return -1;
	long day;
	int minute;
	team_moment_split(row->start, &day, &minute);
	if ((!was || was->start != row->start) && day < svc_today())
		return svc_fail(r, SVC_INVALID, "start", "%s",
				was ? _("Den nye start ligger i fortiden; flyt arrangementet til i "
					"dag eller senere.")
				    : _("Start ligger i fortiden; et nyt arrangement skal ligge i "
					"dag eller senere."));
	if (row->end <= row->start)
		return svc_fail(r, SVC_INVALID, "end", "%s", _("Slut skal ligge efter start."));
	if (!(row->place = team_text("place", N_("Sted"), in->place, false, true, r)) ||
	    !(row->audience =
		  team_text("audience", N_("Målgruppe"), in->audience, false, false, r)))
		return -1;
	row->audience = or_null(row->audience);
	if (in->capacity && *in->capacity &&
	    parse_int(in->capacity, 1, CAPACITY_MAX, "capacity", _("Antal pladser"), &row->capacity,
		      r) < 0)
		return -1;
	if (was && row->capacity && row->capacity < was->registered)
		return svc_fail(r, SVC_INVALID, "capacity",
				_("Der er allerede %d tilmeldte; antal pladser kan ikke være "
				  "lavere."),
				was->registered);
	if (!(row->expected =
		  team_text("expected", N_("Forventet publikum"), in->expected, false, false, r)) ||
	    !(row->risk_notes = team_text("risk_notes", N_("Risikovurdering (generelt)"),
					  in->risk_notes, true, false, r)) ||
	    !(row->call_list =
		  team_text("call_list", N_("Hvem ringer vi til"), in->call_list, true, false, r)))
		return -1;
	row->expected = or_null(row->expected);
	row->risk_notes = or_null(row->risk_notes);
	row->call_list = or_null(row->call_list);
	return 0;
}

int svc_event_add(struct service *svc, const struct actor *a, const struct event_input *in,
		  long long *id, struct svc_result *r)
{
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_EVENT_EDIT, "event.add", NULL, r) < 0)
		return -1;
	struct event_row row;
	memset(&row, 0, sizeof(row));
	int ret = -1;
	char *err = NULL;
	if (event_from_input(svc, in, NULL, &row, r) == 0) {
		if (store_event_insert(svc->store, &row, a->username, id, &err) < 0) {
			svc_store_fail(r, err);
		} else {
			svc_call_object(&c, "event=%lld kind=%s", *id, event_kind_id(row.kind));
			ret = 0;
		}
	}
	event_row_release(&row);
	return team_end(&c, ret);
}

int svc_events_list(struct service *svc, const struct actor *a, int year, struct event_rows *out,
		    struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_EVENT_VIEW, r) < 0)
		return -1;
	if (year && svc_check_year(year, r) < 0)
		return -1;
	char *err = NULL;
	if (store_events_load(svc->store, year, a->user_id, out, &err) < 0) {
		event_rows_release(out);
		return svc_store_fail(r, err);
	}
	return 0;
}

void event_detail_release(struct event_detail *d)
{
	event_row_release(&d->ev);
	free(d->hotspot_body);
	registration_rows_release(&d->regs);
	shift_rows_release(&d->shifts);
	memset(d, 0, sizeof(*d));
}

static int get_event(struct service *svc, const struct actor *a, long long id,
		     struct event_row *out, struct svc_result *r)
{
	char *err = NULL;
	int rc = store_event_get(svc->store, id, a->user_id, out, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc > 0)
		return svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Arrangementet findes ikke."));
	return 0;
}

static bool has_begun(const struct event_row *e)
{
	long day;
	int minute;
	team_moment_split(e->start, &day, &minute);
	return day < svc_today();
}

/* The last hotspot meeting on or before the event's first day, this year
 * or last (hotspot meetings run March to October). Best effort: no
 * meeting found is no error. */
/* The body whose meetings take up larger events: the strategy's
 * [ssp-team] beredskabsforum, else TEAM_HOTSPOT_BODY when the strategy has
 * such a body; NULL when none (borrowed from o). */
static const char *preparedness_body(const struct org *o)
{
	if (o->preparedness_body)
		return o->preparedness_body;
	return org_find_body(o, TEAM_HOTSPOT_BODY) ? TEAM_HOTSPOT_BODY : NULL;
}

/* The days of body's stored meetings of year that are not cancelled,
 * ascending, with their ids (best effort: none on error). */
static size_t hotspot_days(struct service *svc, const struct actor *a, const char *body, int year,
			   long **days, long long **ids)
{
	struct org o;
	org_init(&o);
	struct meeting_list ml = MEETING_LIST_INIT;
	struct svc_result r = SVC_RESULT_INIT;
	size_t n = 0;
	*days = NULL;
	*ids = NULL;
	if (svc_meetings_list(svc, a, year, body, &o, &ml, &r) == 0 && ml.nr) {
		*days = xcalloc(ml.nr, sizeof(**days));
		*ids = xcalloc(ml.nr, sizeof(**ids));
		for (size_t i = 0; i < ml.nr; i++) {
			const struct meeting *m = &ml.v[i];
			if (m->status == MEETING_CANCELLED || strcmp(m->body, body) != 0)
				continue;
			size_t k = n++; /* insertion: the list is by day, keep it so */
			while (k && (*days)[k - 1] > m->day) {
				(*days)[k] = (*days)[k - 1];
				(*ids)[k] = (*ids)[k - 1];
				k--;
			}
			(*days)[k] = m->day;
			(*ids)[k] = m->id;
		}
	}
	svc_result_clear(&r);
	meeting_list_release(&ml);
	org_release(&o);
	return n;
}

/* The last meeting of the preparedness body on or before the event's
 * first day, this year or last (hotspot meetings run March to October).
 * Best effort: no meeting found is no error. */
static void hotspot_before(struct service *svc, const struct actor *a, struct event_detail *d)
{
	struct org o;
	org_init(&o);
	struct svc_result r = SVC_RESULT_INIT;
	const char *body = svc_load_org(svc, &o, &r) == 0 ? preparedness_body(&o) : NULL;
	svc_result_clear(&r);
	if (body) {
		const struct org_body *b = org_find_body(&o, body);
		d->hotspot_body = xstrdup(b && b->name ? b->name : body);
	}
	long day;
	int minute;
	team_moment_split(d->ev.start, &day, &minute);
	int year = cal_date(day).y;
	for (int y = year; body && y >= year - 1 && d->hotspot_day == CAL_NO_DAY; y--) {
		long *days;
		long long *ids;
		size_t n = hotspot_days(svc, a, body, y, &days, &ids);
		size_t k = team_hotspot_of(days, n, day);
		if (k < n) {
			d->hotspot_id = ids[k];
			d->hotspot_day = days[k];
		}
		free(days);
		free(ids);
	}
	org_release(&o);
}

int svc_event_get(struct service *svc, const struct actor *a, long long id,
		  struct event_detail *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_EVENT_VIEW, r) < 0)
		return -1;
	if (get_event(svc, a, id, &out->ev, r) < 0)
		return -1;
	out->may_edit = !out->ev.cancelled && svc_decide(svc, a, ACT_EVENT_EDIT, &no_facts).allow;
	out->may_register = svc_decide(svc, a, ACT_EVENT_REGISTER, &no_facts).allow &&
			    out->ev.kind != EVENT_EVENT && !out->ev.cancelled &&
			    !has_begun(&out->ev) && !out->ev.mine &&
			    (!out->ev.capacity || out->ev.registered < out->ev.capacity);
	out->hotspot_day = CAL_NO_DAY;
	if (out->ev.kind == EVENT_EVENT)
		hotspot_before(svc, a, out);
	char *err = NULL;
	if ((out->may_edit && store_registrations_load(svc->store, id, &out->regs, &err) < 0) ||
	    store_shifts_load(svc->store, id, 0, &out->shifts, &err) < 0) {
		event_detail_release(out);
		return svc_store_fail(r, err);
	}
	return 0;
}

int svc_event_register(struct service *svc, const struct actor *a, long long id,
		       const char *username, struct svc_result *r)
{
	bool self = !username || !*username || !strcmp(username, a->username);
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, self ? ACT_EVENT_REGISTER : ACT_EVENT_EDIT, "event.register",
		       obj_id(obj, "event", id), r) < 0)
		return -1;
	if (self && !a->user_id) {
		svc_fail(r, SVC_INVALID, "username", "%s", _("Angiv hvem der skal tilmeldes."));
		return svc_abort(&c);
	}
	struct event_row ev;
	if (get_event(svc, a, id, &ev, r) < 0)
		return svc_abort(&c);
	int ret = -1;
	long long uid = a->user_id;
	char who[80];
	snprintf(who, sizeof(who), "%s", self ? a->username : username);
	if (!self) {
		struct user_row u;
		if (svc_user_by_name(svc, username, &u, r) < 0)
			goto out;
		uid = u.info.id;
		bool disabled = u.info.disabled;
		user_row_release(&u);
		if (disabled) {
			svc_fail(r, SVC_INVALID, "username", "%s", _("Brugeren er deaktiveret."));
			goto out;
		}
	}
	svc_call_object(&c, "event=%lld user=%s", id, who);
	if (ev.cancelled || has_begun(&ev)) {
		svc_fail(r, SVC_INVALID, "id", "%s",
			 _("Tilmeldingen er lukket: arrangementet er aflyst eller begyndt."));
		goto out;
	}
	if (ev.kind == EVENT_EVENT) {
		svc_fail(r, SVC_INVALID, "id", "%s",
			 _("En større begivenhed har vagtplan, ikke tilmelding."));
		goto out;
	}
	char *err = NULL;
	int rc = store_registration_add(svc->store, id, uid, ev.capacity, a->username, &err);
	if (rc == -2)
		svc_fail(r, SVC_CONFLICT, "capacity",
			 _("Arrangementet er fuldt: alle %d pladser er taget."), ev.capacity);
	else if (rc == -3)
		svc_fail(r, SVC_CONFLICT, "username", _("%s er allerede tilmeldt."), who);
	else if (rc == 1)
		svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Arrangementet findes ikke."));
	else if (rc < 0)
		svc_store_fail(r, err);
	else
		ret = 0;
out:
	event_row_release(&ev);
	return team_end(&c, ret);
}

int svc_event_attendance(struct service *svc, const struct actor *a, long long id,
			 const char *const *present, size_t n, struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_EVENT_EDIT, "event.attendance", obj_id(obj, "event", id),
		       r) < 0)
		return -1;
	struct event_row ev;
	if (get_event(svc, a, id, &ev, r) < 0)
		return svc_abort(&c);
	struct registration_rows regs = {0};
	int ret = -1;
	long day;
	int minute;
	team_moment_split(ev.start, &day, &minute);
	if (day > svc_today()) {
		svc_fail(r, SVC_INVALID, "present", "%s",
			 _("Fremmøde kan først registreres, når arrangementet er begyndt."));
		goto out;
	}
	char *err = NULL;
	if (store_registrations_load(svc->store, id, &regs, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t k = 0; k < regs.nr && !found; k++)
			found = present[i] && !strcmp(present[i], regs.v[k].username);
		if (!found) {
			svc_fail(r, SVC_INVALID, "present", _("»%s« er ikke tilmeldt."),
				 present[i] ? present[i] : "");
			goto out;
		}
	}
	for (size_t k = 0; k < regs.nr; k++) {
		int came = 0;
		for (size_t i = 0; i < n && !came; i++)
			came = !strcmp(present[i], regs.v[k].username);
		if (store_attendance_set(svc->store, id, regs.v[k].user_id, came, &err) < 0) {
			svc_store_fail(r, err);
			goto out;
		}
	}
	ret = 0;
out:
	registration_rows_release(&regs);
	event_row_release(&ev);
	return team_end(&c, ret);
}

int svc_event_evaluation(struct service *svc, const struct actor *a, long long id, const char *text,
			 struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_EVENT_EDIT, "event.evaluation", obj_id(obj, "event", id),
		       r) < 0)
		return -1;
	char *t = team_text("evaluation", N_("Evaluering"), text, true, false, r);
	if (!t)
		return svc_abort(&c);
	t = or_null(t);
	char *err = NULL;
	int rc = store_event_evaluation(svc->store, id, t, &err);
	if (rc < 0)
		svc_store_fail(r, err);
	else if (rc > 0)
		svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Arrangementet findes ikke."));
	free(t);
	return team_end(&c, rc);
}

int svc_event_update(struct service *svc, const struct actor *a, long long id,
		     const struct event_input *in, struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_EVENT_EDIT, "event.edit", obj_id(obj, "event", id), r) < 0)
		return -1;
	struct event_row ev, row;
	memset(&row, 0, sizeof(row));
	if (get_event(svc, a, id, &ev, r) < 0)
		return svc_abort(&c);
	int ret = -1;
	char *err = NULL;
	if (ev.cancelled) {
		svc_fail(r, SVC_INVALID, "id", "%s",
			 _("Arrangementet er aflyst og kan ikke rettes. Opret et nyt i stedet."));
	} else if (event_from_input(svc, in, &ev, &row, r) == 0) {
		int rc = store_event_update(svc->store, id, &row, &err);
		if (rc < 0)
			svc_store_fail(r, err);
		else if (rc > 0)
			svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Arrangementet findes ikke."));
		else
			ret = 0;
	}
	event_row_release(&row);
	event_row_release(&ev);
	return team_end(&c, ret);
}

int svc_event_cancel(struct service *svc, const struct actor *a, long long id, struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_EVENT_EDIT, "event.cancel", obj_id(obj, "event", id), r) < 0)
		return -1;
	struct event_row ev;
	if (get_event(svc, a, id, &ev, r) < 0)
		return svc_abort(&c);
	int ret = -1;
	char *err = NULL;
	if (ev.cancelled) {
		svc_fail(r, SVC_CONFLICT, "id", "%s", _("Arrangementet er allerede aflyst."));
	} else if (has_begun(&ev)) {
		svc_fail(r, SVC_INVALID, "id", "%s",
			 _("Arrangementet er begyndt og kan ikke aflyses."));
	} else {
		int rc = store_event_cancel(svc->store, id, &err);
		if (rc < 0)
			svc_store_fail(r, err);
		else if (rc > 0)
			svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Arrangementet findes ikke."));
		else
			ret = 0;
	}
	event_row_release(&ev);
	return team_end(&c, ret);
}

int svc_shift_add(struct service *svc, const struct actor *a, long long id, const char *username,
		  const char *start, const char *end, const char *task, long long *shift_id,
		  struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_EVENT_EDIT, "event.shift", obj_id(obj, "event", id), r) < 0)
		return -1;
	struct event_row ev;
	if (get_event(svc, a, id, &ev, r) < 0)
		return svc_abort(&c);
	struct shift_row row;
	memset(&row, 0, sizeof(row));
	struct shift_rows mine = {0};
	int ret = -1;
	struct user_row u;
	if (ev.cancelled) {
		svc_fail(r, SVC_INVALID, "id", "%s",
			 _("Arrangementet er aflyst; der planlægges ikke vagter."));
		goto out;
	}
	if (!username || !*username) {
		svc_fail(r, SVC_INVALID, "username", "%s", _("Vælg hvem der har vagten."));
		goto out;
	}
	if (svc_user_by_name(svc, username, &u, r) < 0)
		goto out;
	row.user_id = u.info.id;
	bool disabled = u.info.disabled;
	user_row_release(&u);
	if (disabled) {
		svc_fail(r, SVC_INVALID, "username", "%s", _("Brugeren er deaktiveret."));
		goto out;
	}
	svc_call_object(&c, "event=%lld user=%s", id, username);
	if (parse_when(start, "start", _("Vagtens start"), &row.start, r) < 0 ||
	    parse_when(end, "end", _("Vagtens slut"), &row.end, r) < 0)
		goto out;
	if (row.end <= row.start) {
		svc_fail(r, SVC_INVALID, "end", "%s", _("Vagten skal slutte efter den begynder."));
		goto out;
	}
	if (!(row.task = team_text("task", N_("Opgave"), task, false, false, r)))
		goto out;
	row.task = or_null(row.task);
	row.event_id = id;
	char *err = NULL;
	if (store_shifts_load(svc->store, 0, row.user_id, &mine, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	for (size_t i = 0; i < mine.nr; i++) {
		if (team_overlap(row.start, row.end, mine.v[i].start, mine.v[i].end)) {
			char s0[17], s1[17];
			team_format_moment(mine.v[i].start, s0);
			team_format_moment(mine.v[i].end, s1);
			svc_fail(r, SVC_CONFLICT, "start",
				 _("%s har allerede en vagt, der overlapper (%s til %s, %s)."),
				 username, s0, s1, mine.v[i].event_name);
			goto out;
		}
	}
	if (store_shift_insert(svc->store, &row, shift_id, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	shift_rows_release(&mine);
	free(row.task);
	event_row_release(&ev);
	return team_end(&c, ret);
}

int svc_recurring_plan(struct service *svc, const struct actor *a, int year, int *created,
		       struct svc_result *r)
{
	*created = 0;
	char obj[40];
	snprintf(obj, sizeof(obj), "year=%d", year);
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_EVENT_EDIT, "event.recurring", obj, r) < 0)
		return -1;
	if (svc_check_year(year, r) < 0)
		return svc_abort(&c);
	if (year < cal_date(svc_today()).y) {
		svc_fail(r, SVC_INVALID, "year", "%s",
			 _("Tilbagevendende begivenheder planlægges kun for i år og fremover."));
		return svc_abort(&c);
	}
	struct org o;
	org_init(&o);
	if (svc_load_org(svc, &o, r) < 0)
		return svc_abort(&c);
	struct event_rows ev = {0};
	char *err = NULL;
	int ret = -1;
	const char **names = NULL;
	long *days = NULL;
	bool *planned = NULL;
	if (store_events_load(svc->store, year, 0, &ev, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	names = xcalloc(ev.nr + 1, sizeof(*names));
	days = xcalloc(ev.nr + 1, sizeof(*days));
	planned = xcalloc(o.recurring_nr + 1, sizeof(*planned));
	for (size_t i = 0; i < ev.nr; i++) {
		int minute;
		names[i] = ev.v[i].recurring;
		team_moment_split(ev.v[i].start, &days[i], &minute);
	}
	team_recurring_plan(o.recurring, o.recurring_nr, year, names, days, ev.nr, planned);
	long today = svc_today();
	for (size_t k = 0; k < o.recurring_nr; k++) {
		long first, last;
		team_recurring_days(&o.recurring[k], year, &first, &last);
		if (planned[k] || first < today)
			continue;
		struct event_row row;
		memset(&row, 0, sizeof(row));
		row.kind = EVENT_EVENT;
		row.name = o.recurring[k].name;
		row.recurring = o.recurring[k].name;
		row.start = team_moment(first, 12 * 60);
		row.end = team_moment(last, 23 * 60);
		row.place = (char *)_("Sted aftales");
		long long id;
		if (store_event_insert(svc->store, &row, a->username, &id, &err) < 0) {
			svc_store_fail(r, err);
			goto out;
		}
		(*created)++;
	}
	svc_call_object(&c, "year=%d created=%d", year, *created);
	ret = 0;
out:
	free(names);
	free(days);
	free(planned);
	event_rows_release(&ev);
	org_release(&o);
	if (ret < 0)
		*created = 0;
	return team_end(&c, ret);
}

int svc_events_ics(struct service *svc, const struct actor *a, int year, char **out,
		   struct svc_result *r)
{
	*out = NULL;
	struct event_rows ev;
	if (svc_events_list(svc, a, year, &ev, r) < 0)
		return -1;
	struct ics_item *items = xcalloc(ev.nr + 1, sizeof(*items));
	struct strbuf *desc = xcalloc(ev.nr + 1, sizeof(*desc));
	for (size_t i = 0; i < ev.nr; i++) {
		const struct event_row *e = &ev.v[i];
		strbuf_init(&desc[i]);
		strbuf_addf(&desc[i], "%s", event_kind_label(e->kind));
		if (e->audience)
			strbuf_addf(&desc[i], _("\nMålgruppe: %s"), e->audience);
		if (e->capacity)
			strbuf_addf(&desc[i], _("\nPladser: %d (tilmeldt: %d)"), e->capacity,
				    e->registered);
		items[i] = (struct ics_item){
		    e->uid, e->name, e->place,     desc[i].buf, event_kind_id(e->kind), 0, 0,
		    0,      0,       e->cancelled, e->sequence};
		team_moment_split(e->start, &items[i].start_day, &items[i].start_min);
		team_moment_split(e->end, &items[i].end_day, &items[i].end_min);
	}
	*out = ics_render_items(items, ev.nr, _("SSP: kurser og arrangementer"), time(NULL));
	for (size_t i = 0; i < ev.nr; i++)
		strbuf_release(&desc[i]);
	free(desc);
	free(items);
	event_rows_release(&ev);
	return 0;
}

/* ---- the training rule ---- */

void training_report_release(struct training_report *t)
{
	trainee_rows_release(&t->rows);
	free(t->status);
	free(t->deadline);
	memset(t, 0, sizeof(*t));
}

int svc_training_report(struct service *svc, const struct actor *a, long as_of,
			struct training_report *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_COMPLIANCE_VIEW, r) < 0)
		return -1;
	struct org o;
	org_init(&o);
	if (svc_load_org(svc, &o, r) < 0)
		return -1;
	out->months = o.training_months ? o.training_months : TEAM_TRAINING_MONTHS_DEFAULT;
	out->default_used = !o.training_months;
	org_release(&o);
	out->as_of = as_of;
	char *err = NULL;
	if (store_trainees_load(svc->store, &out->rows, &err) < 0) {
		training_report_release(out);
		return svc_store_fail(r, err);
	}
	out->status = xcalloc(out->rows.nr + 1, sizeof(*out->status));
	out->deadline = xcalloc(out->rows.nr + 1, sizeof(*out->deadline));
	for (size_t i = 0; i < out->rows.nr; i++) {
		const struct trainee_row *t = &out->rows.v[i];
		long since = t->since == CAL_NO_DAY ? as_of : t->since;
		out->deadline[i] = team_add_months(since, out->months);
		out->status[i] = training_status(since, t->trained, out->months, as_of);
		out->untrained += out->status[i] != TRAINING_DONE;
	}
	return 0;
}

/* ---- knowledge notes ---- */

int svc_note_add(struct service *svc, const struct actor *a, const char *title, const char *body,
		 const char *const *roles, size_t roles_nr, const char *const *bodies,
		 size_t bodies_nr, long long *id, struct svc_result *r)
{
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_NOTE_WRITE, "note.add", NULL, r) < 0)
		return -1;
	char *t = NULL, *b = NULL;
	struct strlist rl = STRLIST_INIT, bl = STRLIST_INIT;
	struct org o;
	org_init(&o);
	int ret = -1;
	if (!(t = team_text("title", N_("Overskrift"), title, false, true, r)) ||
	    !(b = team_text("body", N_("Tekst"), body, true, true, r)))
		goto out;
	if (!roles_nr && !bodies_nr) {
		svc_fail(r, SVC_INVALID, "roles", "%s",
			 _("Vælg mindst én rolle eller ét forum, notatet er til."));
		goto out;
	}
	for (size_t i = 0; i < roles_nr; i++) {
		enum role role;
		if (!roles[i] || role_parse(roles[i], &role) < 0) {
			svc_fail(r, SVC_INVALID, "roles", "%s", _("Ukendt rolle."));
			goto out;
		}
		strlist_add(&rl, roles[i]);
	}
	if (bodies_nr && svc_load_org(svc, &o, r) < 0)
		goto out;
	for (size_t i = 0; i < bodies_nr; i++) {
		if (!bodies[i] || !org_find_body(&o, bodies[i])) {
			svc_fail(r, SVC_INVALID, "bodies", "%s",
				 _("Vælg forummer blandt strategiens organer."));
			goto out;
		}
		strlist_add(&bl, bodies[i]);
	}
	char *err = NULL;
	if (store_note_insert(svc->store, t, b, &rl, &bl, a->username, id, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	svc_call_object(&c, "note=%lld roles=%zu bodies=%zu", *id, rl.nr, bl.nr);
	ret = 0;
out:
	free(t);
	free(b);
	strlist_clear(&rl);
	strlist_clear(&bl);
	org_release(&o);
	return team_end(&c, ret);
}

int svc_notes_list(struct service *svc, const struct actor *a, bool unread_only,
		   struct note_rows *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_NOTE_VIEW, r) < 0)
		return -1;
	bool all = !unread_only && svc_decide(svc, a, ACT_NOTE_WRITE, &no_facts).allow;
	char *err = NULL;
	if (store_notes_load(svc->store, a->user_id, role_id(a->role), all, unread_only, out,
			     &err) < 0) {
		note_rows_release(out);
		return svc_store_fail(r, err);
	}
	return 0;
}

int svc_note_read(struct service *svc, const struct actor *a, long long id, struct svc_result *r)
{
	char obj[40];
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_NOTE_VIEW, "note.read", obj_id(obj, "note", id), r) < 0)
		return -1;
	struct note_rows mine = {0};
	char *err = NULL;
	if (store_notes_load(svc->store, a->user_id, role_id(a->role), false, false, &mine, &err) <
	    0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	bool found = false;
	for (size_t i = 0; i < mine.nr && !found; i++)
		found = mine.v[i].id == id;
	note_rows_release(&mine);
	if (!found || !a->user_id) {
		svc_fail(r, SVC_NOT_FOUND, "id", "%s",
			 _("Der er intet vidensnotat til dig med den adresse."));
		return svc_abort(&c);
	}
	if (store_note_read(svc->store, id, a->user_id, &err) < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	return svc_commit(&c);
}

/* ---- advice given ---- */

/* Checks in (as svc_advice_add) into *row, whose strings borrow from in
 * or are constant. */
static int advice_from_input(struct service *svc, const struct actor *a,
			     const struct advice_input *in, struct advice_row *row,
			     struct svc_result *r)
{
	struct date d;
	if (!in->day || cal_parse_date(in->day, &d) < 0)
		return svc_fail(r, SVC_INVALID, "day", "%s",
				_("Datoen skal skrives ÅÅÅÅ-MM-DD, fx 2027-03-15."));
	row->day = cal_days(d);
	if (row->day > svc_today() || d.y < PLAN_YEAR_MIN)
		return svc_fail(
		    r, SVC_INVALID, "day", "%s",
		    _("Datoen skal være i dag eller tidligere (rådgivning, der er givet)."));
	enum advice_asker k;
	if (!in->asker || advice_asker_parse(in->asker, &k) < 0)
		return svc_fail(r, SVC_INVALID, "asker", "%s",
				_("Vælg hvem der spurgte (en rolle, aldrig et navn)."));
	struct strlist themes = STRLIST_INIT;
	if (svc_team_themes(svc, a, &themes, r) < 0)
		return -1;
	bool ok = strlist_has(&themes, in->theme);
	strlist_clear(&themes);
	if (!ok)
		return svc_fail(r, SVC_INVALID, "theme", "%s", _("Vælg et af temaerne."));
	if (in->district && *in->district && !store_district_active(svc->store, in->district))
		return svc_fail(r, SVC_INVALID, "district", "%s",
				_("Vælg et af strategiens distrikter eller hele kommunen."));
	if (parse_int(in->minutes, 1, 1440, "minutes", _("Tidsforbruget i minutter"), &row->minutes,
		      r) < 0)
		return -1;
	row->asker = (char *)advice_asker_id(k);
	row->theme = (char *)in->theme;
	row->district = in->district && *in->district ? (char *)in->district : NULL;
	row->referral = in->referral;
	row->underretning = in->underretning;
	return 0;
}

int svc_advice_add(struct service *svc, const struct actor *a, const struct advice_input *in,
		   long long *id, struct svc_result *r)
{
	SVC_CALL(c);
	if (team_begin(&c, svc, a, ACT_ADVICE_RECORD, "advice.add", NULL, r) < 0)
		return -1;
	struct advice_row row;
	memset(&row, 0, sizeof(row));
	if (advice_from_input(svc, a, in, &row, r) < 0)
		return svc_abort(&c);
	char *err = NULL;
	if (store_advice_insert(svc->store, &row, a->username, id, &err) < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	svc_call_object(&c, "advice=%lld asker=%s district=%s", *id, row.asker,
			row.district ? row.district : "*");
	return svc_commit(&c);
}

int svc_advice_list(struct service *svc, const struct actor *a, int year, struct advice_rows *out,
		    struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_ADVICE_RECORD, r) < 0 || svc_check_year(year, r) < 0)
		return -1;
	char *err = NULL;
	if (store_advice_load(svc->store, year, out, &err) < 0) {
		advice_rows_release(out);
		return svc_store_fail(r, err);
	}
	return 0;
}

int svc_advice_counts(struct service *svc, const struct actor *a, int year,
		      struct advice_counts *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (may_read(svc, a, ACT_ADVICE_VIEW, r) < 0 || svc_check_year(year, r) < 0)
		return -1;
	char *err = NULL;
	if (store_advice_counts(svc->store, year, out, &err) < 0) {
		advice_counts_release(out);
		return svc_store_fail(r, err);
	}
	return 0;
}

/* ---- larger events on the hotspot meetings' agenda ---- */

int svc_team_hotspot_items(struct service *svc, const struct actor *a, const struct meeting *m,
			   struct strlist *out, struct svc_result *r)
{
	if (m->status == MEETING_CANCELLED)
		return 0;
	if (may_read(svc, a, ACT_EVENT_VIEW, r) < 0)
		return -1;
	struct org o;
	org_init(&o);
	if (svc_load_org(svc, &o, r) < 0)
		return -1;
	const char *pb = preparedness_body(&o);
	char *body = pb && !strcmp(pb, m->body) ? xstrdup(pb) : NULL;
	org_release(&o);
	if (!body)
		return 0;
	int year = cal_date(m->day).y;
	/* the meetings of this year and next: an event after the year's last
	 * meeting belongs to it until next year's first */
	long *d0 = NULL, *d1 = NULL;
	long long *i0 = NULL, *i1 = NULL;
	size_t n0 = hotspot_days(svc, a, body, year, &d0, &i0);
	size_t n1 = year < PLAN_YEAR_MAX ? hotspot_days(svc, a, body, year + 1, &d1, &i1) : 0;
	free(body);
	long *days = xcalloc(n0 + n1 + 1, sizeof(*days));
	for (size_t i = 0; i < n0; i++)
		days[i] = d0[i];
	for (size_t i = 0; i < n1; i++)
		days[n0 + i] = d1[i];
	free(d0);
	free(d1);
	free(i0);
	free(i1);
	int ret = 0;
	for (int y = year; y <= year + 1 && y <= PLAN_YEAR_MAX && ret == 0; y++) {
		struct event_rows ev = {0};
		char *err = NULL;
		if (store_events_load(svc->store, y, 0, &ev, &err) < 0) {
			ret = svc_store_fail(r, err);
			break;
		}
		for (size_t i = 0; i < ev.nr; i++) {
			const struct event_row *e = &ev.v[i];
			long first, last;
			int minute;
			team_moment_split(e->start, &first, &minute);
			team_moment_split(e->end, &last, &minute);
			size_t k = team_hotspot_of(days, n0 + n1, first);
			if (e->kind != EVENT_EVENT || e->cancelled || k == n0 + n1 ||
			    days[k] != m->day)
				continue;
			struct date f = cal_date(first), l = cal_date(last);
			struct strbuf sb = STRBUF_INIT;
			if (first == last)
				strbuf_addf(&sb, _("SSP-beredskab ved %s (%d/%d)"), e->name, f.d,
					    f.m);
			else
				strbuf_addf(&sb, _("SSP-beredskab ved %s (%d/%d–%d/%d)"), e->name,
					    f.d, f.m, l.d, l.m);
			strlist_add_owned(out, strbuf_detach(&sb));
		}
		event_rows_release(&ev);
	}
	free(days);
	return ret;
}
