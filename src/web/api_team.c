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
 *   GET  /api/v1/offers/{id}, POST /api/v1/offers/{id} one offer; edit it
 *   POST /api/v1/offers/{id}/remove                  out of the directory
 *   POST /api/v1/events/{id}, .../cancel             edit, cancel
 *   GET  /api/v1/notes?unread=, POST /api/v1/notes   knowledge notes
 *   POST /api/v1/notes/{id}/read                     mark one read
 *   GET  /api/v1/advice?year=, POST /api/v1/advice   advice records
 *   GET  /api/v1/advice/counts?year=                 the yearly counts
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
	return web_path_id(rq, 0, _("Der findes intet med den adresse."), id);
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

/* The body of POST /api/v1/offers[/{id}] as the service reads it; free
 * in->themes and in->districts (borrowed strings) also on failure. */
static bool offer_body(struct request *rq, struct offer_input *in, char from[24], char to[24])
{
	static const char *const keys[] = {"name",      "provider", "age_from", "age_to", "themes",
					   "districts", "referral", "contact",  NULL};
	memset(in, 0, sizeof(*in));
	const char **themes = NULL, **districts = NULL;
	bool ok = api_body_keys(rq, keys) && api_string(rq, "name", true, &in->name) &&
		  api_string(rq, "provider", true, &in->provider) &&
		  int_text(rq, "age_from", true, 0, 99, from, &in->age_from) &&
		  int_text(rq, "age_to", true, 0, 99, to, &in->age_to) &&
		  str_array(rq, "themes", &themes, &in->themes_nr) &&
		  str_array(rq, "districts", &districts, &in->districts_nr) &&
		  api_string(rq, "referral", true, &in->referral) &&
		  api_string(rq, "contact", false, &in->contact);
	in->themes = themes;
	in->districts = districts;
	return ok;
}

static void offer_body_release(struct offer_input *in)
{
	free((void *)in->themes);
	free((void *)in->districts);
}

void api_offers_add(struct request *rq)
{
	struct offer_input in;
	char from[24], to[24];
	if (!offer_body(rq, &in, from, to))
		goto out;
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offer_add(rq->svc, &rq->actor, &in, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		goto out;
	}
	resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "/api/v1/offers/%lld", id);
	resp_json(rq, 201, json_pack("{sI}", "id", (json_int_t)id));
out:
	offer_body_release(&in);
}

void api_offer(struct request *rq)
{
	long long id;
	if (!id_param(rq, &id))
		return;
	struct offer_row o;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offer_get(rq->svc, &rq->actor, id, &o, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	resp_json(rq, 200, api_offer_json(&o, svc_today()));
	offer_row_release(&o);
}

void api_offer_update(struct request *rq)
{
	long long id;
	if (!id_param(rq, &id))
		return;
	struct offer_input in;
	char from[24], to[24];
	if (!offer_body(rq, &in, from, to))
		goto out;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offer_update(rq->svc, &rq->actor, id, &in, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, json_pack("{sIsb}", "id", (json_int_t)id, "saved", 1));
out:
	offer_body_release(&in);
}

void api_offer_remove(struct request *rq)
{
	static const char *const keys[] = {NULL};
	long long id;
	if (!id_param(rq, &id) || !api_body_keys(rq, keys))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offer_remove(rq->svc, &rq->actor, id, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, json_pack("{sIsb}", "id", (json_int_t)id, "removed", 1));
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

/* The body of POST /api/v1/events[/{id}] as the service reads it. */
static bool event_body(struct request *rq, struct event_input *in, char cap[24])
{
	static const char *const keys[] = {"kind",       "name",      "start",    "end",
					   "place",      "audience",  "capacity", "expected",
					   "risk_notes", "call_list", NULL};
	memset(in, 0, sizeof(*in));
	return api_body_keys(rq, keys) && api_string(rq, "kind", true, &in->kind) &&
	       api_string(rq, "name", true, &in->name) &&
	       api_string(rq, "start", true, &in->start) && api_string(rq, "end", true, &in->end) &&
	       api_string(rq, "place", true, &in->place) &&
	       api_string(rq, "audience", false, &in->audience) &&
	       int_text(rq, "capacity", false, 1, 10000, cap, &in->capacity) &&
	       api_string(rq, "expected", false, &in->expected) &&
	       api_string(rq, "risk_notes", false, &in->risk_notes) &&
	       api_string(rq, "call_list", false, &in->call_list);
}

void api_events_add(struct request *rq)
{
	struct event_input in;
	char cap[24];
	if (!event_body(rq, &in, cap))
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

void api_event_update(struct request *rq)
{
	long long id;
	struct event_input in;
	char cap[24];
	if (!id_param(rq, &id) || !event_body(rq, &in, cap))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_update(rq->svc, &rq->actor, id, &in, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, json_pack("{sIsb}", "id", (json_int_t)id, "saved", 1));
}

void api_event_cancel(struct request *rq)
{
	static const char *const keys[] = {NULL};
	long long id;
	if (!id_param(rq, &id) || !api_body_keys(rq, keys))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_cancel(rq->svc, &rq->actor, id, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, json_pack("{sIsb}", "id", (json_int_t)id, "cancelled", 1));
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

/* ---- knowledge notes ---- */

static json_t *note_json(const struct note_row *n)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(n->id));
	json_object_set_new(j, "title", json_string(n->title));
	json_object_set_new(j, "body", json_string(n->body));
	json_object_set_new(j, "created_at", api_str_or_null(n->created_at));
	json_object_set_new(j, "created_by", api_str_or_null(n->created_by));
	json_object_set_new(j, "roles", str_list_json(&n->roles));
	json_object_set_new(j, "bodies", str_list_json(&n->bodies));
	json_object_set_new(j, "read", json_boolean(n->read));
	return j;
}

void api_notes(struct request *rq)
{
	const char *u = form_get(&rq->query_form, "unread");
	if (u && *u && strcmp(u, "0") != 0 && strcmp(u, "1") != 0) {
		web_error(rq, 400, _("unread skal være 0 eller 1."), "unread");
		return;
	}
	struct note_rows l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_notes_list(rq->svc, &rq->actor, u && !strcmp(u, "1"), &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < l.nr; i++)
		json_array_append_new(a, note_json(&l.v[i]));
	note_rows_release(&l);
	resp_json(rq, 200, json_pack("{so}", "notes", a));
}

void api_notes_add(struct request *rq)
{
	static const char *const keys[] = {"title", "body", "roles", "bodies", NULL};
	const char *title = NULL, *body = NULL;
	const char **roles = NULL, **bodies = NULL;
	size_t nr = 0, nb = 0;
	if (!api_body_keys(rq, keys) || !api_string(rq, "title", true, &title) ||
	    !api_string(rq, "body", true, &body) || !str_array(rq, "roles", &roles, &nr) ||
	    !str_array(rq, "bodies", &bodies, &nb))
		goto out;
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_note_add(rq->svc, &rq->actor, title, body, roles, nr, bodies, nb, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		goto out;
	}
	resp_json(rq, 201, json_pack("{sI}", "id", (json_int_t)id));
out:
	free(roles);
	free(bodies);
}

void api_note_read(struct request *rq)
{
	static const char *const keys[] = {NULL};
	long long id;
	if (!id_param(rq, &id) || !api_body_keys(rq, keys))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_note_read(rq->svc, &rq->actor, id, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_json(rq, 200, json_pack("{sIsb}", "id", (json_int_t)id, "read", 1));
}

/* ---- advice given ---- */

void api_advice(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct advice_rows l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_advice_list(rq->svc, &rq->actor, year, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < l.nr; i++) {
		const struct advice_row *x = &l.v[i];
		json_t *j = json_pack("{sIsosssssisbsb}", "id", (json_int_t)x->id, "day",
				      api_day_or_null(x->day), "asker", x->asker, "theme", x->theme,
				      "minutes", x->minutes, "referral", x->referral,
				      "underretning", x->underretning);
		json_object_set_new(j, "district", api_str_or_null(x->district));
		json_array_append_new(a, j);
	}
	advice_rows_release(&l);
	resp_json(rq, 200, json_pack("{siso}", "year", year, "advice", a));
}

void api_advice_add(struct request *rq)
{
	static const char *const keys[] = {"day",     "asker",    "theme",        "district",
					   "minutes", "referral", "underretning", NULL};
	struct advice_input in;
	memset(&in, 0, sizeof(in));
	char minutes[24];
	if (!api_body_keys(rq, keys) || !api_string(rq, "day", true, &in.day) ||
	    !api_string(rq, "asker", true, &in.asker) ||
	    !api_string(rq, "theme", true, &in.theme) ||
	    !api_string(rq, "district", false, &in.district) ||
	    !int_text(rq, "minutes", true, 1, 1440, minutes, &in.minutes) ||
	    !api_bool(rq, rq->json, "referral", &in.referral) ||
	    !api_bool(rq, rq->json, "underretning", &in.underretning))
		return;
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_advice_add(rq->svc, &rq->actor, &in, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	resp_json(rq, 201, json_pack("{sI}", "id", (json_int_t)id));
}

void api_advice_counts(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct advice_counts c;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_advice_counts(rq->svc, &rq->actor, year, &c, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < c.nr; i++) {
		const struct advice_count *x = &c.v[i];
		json_t *j = json_pack("{sssisisisi}", "theme", x->theme, "count", x->count,
				      "minutes", x->minutes, "referrals", x->referrals,
				      "underretninger", x->underretninger);
		json_object_set_new(j, "district", api_str_or_null(x->district));
		json_array_append_new(a, j);
	}
	advice_counts_release(&c);
	resp_json(rq, 200, json_pack("{siso}", "year", year, "counts", a));
}
