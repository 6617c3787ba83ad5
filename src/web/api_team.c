/* api_team.c - the JSON API of the SSP-team's daily work (docs/api.md):
 * what /tilbud and /arrangementer offer (pages_team.c), through the same
 * service calls (service/team.h), so the same role x action rows
 * (router.c) and access-log entries apply:
 *
 *   GET  /api/v1/offers?age=&district=&theme=&q=     the directory
 *   POST /api/v1/offers                              add one (SSP-team)
 *   POST /api/v1/offers/{id}/confirm                 still as described
 *   GET  /api/v1/events?year=                        courses and events
 *   POST /api/v1/events                              add one (SSP-team)
 *   POST /api/v1/events/recurring                    plan the strategy's
 *   GET  /api/v1/events/{id}                         one, with its shifts
 *   POST /api/v1/events/{id}/registrations           sign up (oneself)
 *   POST /api/v1/events/{id}/attendance              who came
 *   POST /api/v1/events/{id}/shifts                  a duty shift
 *   POST /api/v1/events/{id}/evaluation              afterwards
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/meeting.h"
#include "service/team.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* The {id} segment as an id; answers 404 and returns false when it is none. */
static bool id_param(struct request *rq, long long *id)
{
	const char *s = rq->params[0];
	size_t n = strlen(s);
	if (n && n <= 18 && strspn(s, "0123456789") == n && s[0] != '0') {
		*id = strtoll(s, NULL, 10);
		return true;
	}
	web_error(rq, 404, _("Der findes intet med den adresse."), NULL);
	return false;
}

/* Array of strings member key (absent: empty). The strings are borrowed
 * from rq->json; *out is owned (free it). */
static bool str_array(struct request *rq, const char *key, const char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	json_t *v = json_object_get(rq->json, key);
	if (!v || json_is_null(v))
		return true;
	if (!json_is_array(v)) {
		web_error(rq, 422, _("Skal være en liste af tekster."), key);
		return false;
	}
	*out = xcalloc(json_array_size(v) + 1, sizeof(**out));
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *s = json_array_get(v, i);
		if (!json_is_string(s)) {
			free(*out);
			*out = NULL;
			web_error(rq, 422, _("Skal være en liste af tekster."), key);
			return false;
		}
		(*out)[(*n)++] = json_string_value(s);
	}
	return true;
}

/* Integer member as the decimal text the service reads. */
static bool int_text(struct request *rq, const char *key, bool required, long long min,
		     long long max, char buf[24], const char **out)
{
	long long v;
	*out = NULL;
	if (!json_object_get(rq->json, key) || json_is_null(json_object_get(rq->json, key))) {
		if (!required)
			return true;
	}
	if (!api_int(rq, rq->json, key, required, min, max, &v))
		return false;
	snprintf(buf, 24, "%lld", v);
	*out = buf;
	return true;
}

static json_t *str_list_json(const struct strlist *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->nr; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

/* ---- offers ---- */

json_t *api_offer_json(const struct offer_row *o, long today)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(o->id));
	json_object_set_new(j, "name", json_string(o->name));
	json_object_set_new(j, "provider", json_string(o->provider));
	json_object_set_new(j, "age_from", json_integer(o->age_from));
	json_object_set_new(j, "age_to", json_integer(o->age_to));
	json_object_set_new(j, "themes", str_list_json(&o->themes));
	json_object_set_new(j, "districts", str_list_json(&o->districts));
	json_object_set_new(j, "referral", json_string(o->referral));
	json_object_set_new(j, "contact", api_str_or_null(o->contact));
	json_object_set_new(j, "confirmed", api_day_or_null(o->confirmed));
	json_object_set_new(j, "stale", json_boolean(offer_stale(o, today)));
	json_object_set_new(j, "owner", api_str_or_null(o->owner));
	return j;
}

void api_offers(struct request *rq)
{
	struct offer_query q = {form_get(&rq->query_form, "age"),
				form_get(&rq->query_form, "district"),
				form_get(&rq->query_form, "theme"), form_get(&rq->query_form, "q")};
	struct offer_rows l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offers_list(rq->svc, &rq->actor, &q, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	long today = svc_today();
	json_t *a = json_array();
	for (size_t i = 0; i < l.nr; i++)
		json_array_append_new(a, api_offer_json(&l.v[i], today));
	offer_rows_release(&l);
	resp_json(rq, 200, json_pack("{so}", "offers", a));
}

void api_offers_add(struct request *rq)
{
	static const char *const keys[] = {"name",      "provider", "age_from", "age_to", "themes",
					   "districts", "referral", "contact",  NULL};
	struct offer_input in;
	memset(&in, 0, sizeof(in));
	char from[24], to[24];
	const char **themes = NULL, **districts = NULL;
	if (!api_body_keys(rq, keys) || !api_string(rq, "name", true, &in.name) ||
	    !api_string(rq, "provider", true, &in.provider) ||
	    !int_text(rq, "age_from", true, 0, 99, from, &in.age_from) ||
	    !int_text(rq, "age_to", true, 0, 99, to, &in.age_to) ||
	    !str_array(rq, "themes", &themes, &in.themes_nr) ||
	    !str_array(rq, "districts", &districts, &in.districts_nr) ||
	    !api_string(rq, "referral", true, &in.referral) ||
	    !api_string(rq, "contact", false, &in.contact))
		goto out;
	in.themes = themes;
	in.districts = districts;
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offer_add(rq->svc, &rq->actor, &in, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		goto out;
	}
	resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "/api/v1/offers?id=%lld", id);
	resp_json(rq, 201, json_pack("{sI}", "id", (json_int_t)id));
out:
	free(themes);
	free(districts);
}

void api_offer_confirm(struct request *rq)
{
	static const char *const keys[] = {NULL};
	long long id;
	if (!id_param(rq, &id) || !api_body_keys(rq, keys))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offer_confirm(rq->svc, &rq->actor, id, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, json_pack("{sIsb}", "id", (json_int_t)id, "confirmed", 1));
}

/* ---- events ---- */

static json_t *moment_json(long long m)
{
	char s[17];
	team_format_moment(m, s);
	return json_string(s);
}

static json_t *event_json(const struct event_row *e)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(e->id));
	json_object_set_new(j, "kind", json_string(event_kind_id(e->kind)));
	json_object_set_new(j, "name", json_string(e->name));
	json_object_set_new(j, "start", moment_json(e->start));
	json_object_set_new(j, "end", moment_json(e->end));
	json_object_set_new(j, "place", json_string(e->place));
	json_object_set_new(j, "audience", api_str_or_null(e->audience));
	json_object_set_new(j, "capacity", e->capacity ? json_integer(e->capacity) : json_null());
	json_object_set_new(j, "registered", json_integer(e->registered));
	json_object_set_new(j, "registered_me", json_boolean(e->mine));
	json_object_set_new(j, "cancelled", json_boolean(e->cancelled));
	return j;
}

void api_events(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct event_rows l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_events_list(rq->svc, &rq->actor, year, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < l.nr; i++)
		json_array_append_new(a, event_json(&l.v[i]));
	event_rows_release(&l);
	resp_json(rq, 200, json_pack("{siso}", "year", year, "events", a));
}

void api_events_add(struct request *rq)
{
	static const char *const keys[] = {"kind",       "name",      "start",    "end",
					   "place",      "audience",  "capacity", "expected",
					   "risk_notes", "call_list", NULL};
	struct event_input in;
	memset(&in, 0, sizeof(in));
	char cap[24];
	if (!api_body_keys(rq, keys) || !api_string(rq, "kind", true, &in.kind) ||
	    !api_string(rq, "name", true, &in.name) || !api_string(rq, "start", true, &in.start) ||
	    !api_string(rq, "end", true, &in.end) || !api_string(rq, "place", true, &in.place) ||
	    !api_string(rq, "audience", false, &in.audience) ||
	    !int_text(rq, "capacity", false, 1, 10000, cap, &in.capacity) ||
	    !api_string(rq, "expected", false, &in.expected) ||
	    !api_string(rq, "risk_notes", false, &in.risk_notes) ||
	    !api_string(rq, "call_list", false, &in.call_list))
		return;
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_add(rq->svc, &rq->actor, &in, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "/api/v1/events/%lld", id);
	resp_json(rq, 201, json_pack("{sI}", "id", (json_int_t)id));
}

void api_events_recurring(struct request *rq)
{
	static const char *const keys[] = {"year", NULL};
	long long year = 0;
	if (!api_body_keys(rq, keys) || !api_int(rq, rq->json, "year", true, 0, 9999, &year))
		return;
	int created;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_recurring_plan(rq->svc, &rq->actor, (int)year, &created, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200,
			  json_pack("{sIsi}", "year", (json_int_t)year, "created", created));
}

void api_event(struct request *rq)
{
	long long id;
	if (!id_param(rq, &id))
		return;
	struct event_detail d;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_get(rq->svc, &rq->actor, id, &d, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = event_json(&d.ev);
	json_object_set_new(j, "expected", api_str_or_null(d.ev.expected));
	json_object_set_new(j, "risk_notes", api_str_or_null(d.ev.risk_notes));
	json_object_set_new(j, "call_list", api_str_or_null(d.ev.call_list));
	json_object_set_new(j, "evaluation", api_str_or_null(d.ev.evaluation));
	json_object_set_new(j, "may_register", json_boolean(d.may_register));
	json_t *shifts = json_array();
	for (size_t i = 0; i < d.shifts.nr; i++) {
		const struct shift_row *s = &d.shifts.v[i];
		json_t *x =
		    json_pack("{sIssssso}", "id", (json_int_t)s->id, "username", s->username,
			      "name", s->name, "task", api_str_or_null(s->task));
		json_object_set_new(x, "start", moment_json(s->start));
		json_object_set_new(x, "end", moment_json(s->end));
		json_array_append_new(shifts, x);
	}
	json_object_set_new(j, "shifts", shifts);
	if (d.may_edit) {
		json_t *regs = json_array();
		for (size_t i = 0; i < d.regs.nr; i++) {
			const struct registration_row *g = &d.regs.v[i];
			json_array_append_new(
			    regs,
			    json_pack("{ssssso}", "username", g->username, "name", g->name,
				      "attended",
				      g->attended < 0 ? json_null() : json_boolean(g->attended)));
		}
		json_object_set_new(j, "registrations", regs);
	}
	event_detail_release(&d);
	resp_json(rq, 200, j);
}

void api_event_register(struct request *rq)
{
	static const char *const keys[] = {"username", NULL};
	long long id;
	const char *username = NULL;
	if (!id_param(rq, &id) || !api_body_keys(rq, keys) ||
	    !api_string(rq, "username", false, &username))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_register(rq->svc, &rq->actor, id, username, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	resp_json(rq, 201,
		  json_pack("{sIss}", "event", (json_int_t)id, "username",
			    username && *username ? username : rq->actor.username));
}

void api_event_attendance(struct request *rq)
{
	static const char *const keys[] = {"present", NULL};
	long long id;
	const char **present = NULL;
	size_t n = 0;
	if (!id_param(rq, &id) || !api_body_keys(rq, keys) ||
	    !str_array(rq, "present", &present, &n))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_attendance(rq->svc, &rq->actor, id, present, n, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, json_pack("{sIsi}", "event", (json_int_t)id, "present", (int)n));
	free(present);
}

void api_event_shift(struct request *rq)
{
	static const char *const keys[] = {"username", "start", "end", "task", NULL};
	long long id;
	const char *user = NULL, *start = NULL, *end = NULL, *task = NULL;
	if (!id_param(rq, &id) || !api_body_keys(rq, keys) ||
	    !api_string(rq, "username", true, &user) || !api_string(rq, "start", true, &start) ||
	    !api_string(rq, "end", true, &end) || !api_string(rq, "task", false, &task))
		return;
	long long sid;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_shift_add(rq->svc, &rq->actor, id, user, start, end, task, &sid, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 201,
			  json_pack("{sIsI}", "id", (json_int_t)sid, "event", (json_int_t)id));
}

void api_event_evaluation(struct request *rq)
{
	static const char *const keys[] = {"text", NULL};
	long long id;
	const char *text = NULL;
	if (!id_param(rq, &id) || !api_body_keys(rq, keys) || !api_string(rq, "text", true, &text))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_evaluation(rq->svc, &rq->actor, id, text, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, json_pack("{sIsb}", "event", (json_int_t)id, "saved", 1));
}
