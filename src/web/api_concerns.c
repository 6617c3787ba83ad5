/* api_concerns.c - the case flow's JSON API (issue 9; docs/api.md):
 *
 *   POST /api/v1/people                       register a young person
 *   GET  /api/v1/people/{id}                  the person, CPR masked
 *   POST /api/v1/people/{id}/cpr              the CPR number in full (logged)
 *   POST /api/v1/handovers                    the police's hand-over entry
 *   GET  /api/v1/handovers/{id}
 *   POST /api/v1/referrals                    a referral (indstilling)
 *   GET  /api/v1/referrals/{id}               (a contact person: status only)
 *   POST /api/v1/referrals/{id}/screen        the SSP-team's screening
 *   GET  /api/v1/meetings/{id}/agenda         the § 115 agenda
 *   POST /api/v1/meetings/{id}/items/{item}/decision
 *   POST /api/v1/meetings/{id}/close          hand-overs not decided are deleted
 *   GET  /api/v1/concerns/{id}
 *   POST /api/v1/concerns/{id}/close
 *   GET  /api/v1/stats/concerns?year=
 *
 * Thin: the body into the service's input (web/concern_body.c, fuzzed by
 * fuzz/fuzz_concerns.c), call one service function, render. Every permission and every access-log
 * entry is the service's (service/concern.h). An agenda item's id is "<kind>-<id>" ("handover-12",
 * "referral-3", "followup-7"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/concern.h"
#include "service/concern.h"
#include "service/meeting.h"
#include "util/i18n.h"
#include "web/concern_body.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* {id} of the path (params[i]): 1-18 digits; answers 404 when it is none. */
static bool param_id(struct request *rq, int i, long long *id)
{
	const char *s = rq->params[i];
	size_t n = strlen(s);
	if (n && n <= 18 && strspn(s, "0123456789") == n && s[0] != '0') {
		*id = strtoll(s, NULL, 10);
		return true;
	}
	web_error(rq, 404, _("Der findes intet med den adresse."), NULL);
	return false;
}

static json_t *flags_json(unsigned flags)
{
	json_t *a = json_array();
	for (int i = 0; i < TARGET_FLAGS_NR; i++)
		if (flags & target_flag_bit(i))
			json_array_append_new(a, json_string(target_flag_id(i)));
	return a;
}

/* 0 from a concern_body_* parser, or 422 naming the field. */
static bool body_ok(struct request *rq, int rc, const struct parse_error *pe)
{
	if (rc == 0)
		return true;
	char msg[512];
	parse_error_message(pe, msg, sizeof(msg));
	web_error(rq, 422, msg, pe->field[0] ? pe->field : NULL);
	return false;
}

#define MAX_FIELD (rq->srv->cfg->max_field_bytes)

/* 201 with Location /api/v1/<what>/<id>. */
static void created(struct request *rq, const char *what, long long id, json_t *j)
{
	resp_header(&rq->rs, "Location", "/api/v1/%s/%lld", what, id);
	resp_json(rq, 201, j);
}

/* ---- people ------------------------------------------------------------------ */

void api_people_add(struct request *rq)
{
	struct person_input in;
	struct parse_error pe;
	if (!body_ok(rq, concern_body_person(rq->json, MAX_FIELD, &in, &pe), &pe))
		return;
	long long id;
	bool existing;
	struct target_result t;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_person_add(rq->svc, &rq->actor, &in, &id, &existing, &t, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, "age", json_integer(t.age));
	json_object_set_new(j, "flags", flags_json(t.flags));
	json_object_set_new(j, "existing", json_boolean(existing));
	created(rq, "people", id, j);
}

void api_person(struct request *rq)
{
	long long id;
	if (!param_id(rq, 0, &id))
		return;
	struct person_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_person_get(rq->svc, &rq->actor, id, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(v.id));
	json_object_set_new(j, "name", json_string(v.name));
	json_object_set_new(j, "cpr", api_str_or_null(v.cpr_masked[0] ? v.cpr_masked : NULL));
	json_object_set_new(j, "birth_date", api_day_or_null(v.birth));
	json_object_set_new(j, "age", json_integer(v.age));
	json_object_set_new(j, "flags", flags_json(v.flags));
	json_object_set_new(j, "institution", api_str_or_null(v.institution));
	json_object_set_new(j, "district", api_str_or_null(v.district));
	resp_json(rq, 200, j);
	person_view_release(&v);
}

void api_person_cpr(struct request *rq)
{
	long long id;
	if (!param_id(rq, 0, &id))
		return;
	char cpr[12];
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_person_cpr(rq->svc, &rq->actor, id, cpr, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, "cpr", json_string(cpr));
	memset(cpr, 0, sizeof(cpr));
	resp_json(rq, 200, j);
}

/* ---- hand-overs ------------------------------------------------------------------ */

void api_handovers_add(struct request *rq)
{
	struct handover_input in;
	struct parse_error pe;
	if (!body_ok(rq, concern_body_handover(rq->json, MAX_FIELD, &in, &pe), &pe))
		return;
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_handover_add(rq->svc, &rq->actor, &in, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	created(rq, "handovers", id, j);
}

void api_handover(struct request *rq)
{
	long long id;
	if (!param_id(rq, 0, &id))
		return;
	struct handover_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_handover_get(rq->svc, &rq->actor, id, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(v.id));
	json_object_set_new(j, "meeting", json_integer(v.meeting));
	json_object_set_new(j, "person", json_integer(v.person));
	json_object_set_new(j, "contact_date", api_day_or_null(v.contact_date));
	json_object_set_new(j, "summary", json_string(v.summary));
	json_object_set_new(j, "category", v.category ? json_integer(v.category) : json_null());
	json_object_set_new(j, "age", json_integer(v.age));
	json_object_set_new(j, "flags", flags_json(v.flags));
	json_object_set_new(j, "concern", v.concern ? json_integer(v.concern) : json_null());
	resp_json(rq, 200, j);
	handover_view_release(&v);
}

/* ---- referrals ---------------------------------------------------------------------- */

void api_referrals_add(struct request *rq)
{
	struct referral_input in;
	struct parse_error pe;
	if (!body_ok(rq, concern_body_referral(rq->json, MAX_FIELD, &in, &pe), &pe))
		return;
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_referral_add(rq->svc, &rq->actor, &in, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	created(rq, "referrals", id, j);
}

void api_referral(struct request *rq)
{
	long long id;
	if (!param_id(rq, 0, &id))
		return;
	struct referral_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_referral_get(rq->svc, &rq->actor, id, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(v.id));
	json_object_set_new(j, "person", json_integer(v.person));
	json_object_set_new(j, "status", json_string(v.status));
	json_object_set_new(j, "meeting", v.meeting ? json_integer(v.meeting) : json_null());
	if (v.content) {
		json_object_set_new(j, "summary", api_str_or_null(v.summary));
		json_object_set_new(j, "necessity", api_str_or_null(v.necessity));
		json_object_set_new(j, "legal_basis", api_str_or_null(v.legal_basis));
		json_object_set_new(j, "reason", api_str_or_null(v.reason));
		json_object_set_new(j, "concern",
				    v.concern ? json_integer(v.concern) : json_null());
	}
	resp_json(rq, 200, j);
	referral_view_release(&v);
}

void api_referral_screen(struct request *rq)
{
	long long id;
	struct screen_input in;
	struct parse_error pe;
	if (!param_id(rq, 0, &id) ||
	    !body_ok(rq, concern_body_screen(rq->json, MAX_FIELD, &in, &pe), &pe))
		return;
	const char *decision = in.decision;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_referral_screen(rq->svc, &rq->actor, id, decision, in.meeting, in.reason, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, "status", json_string(decision));
	resp_json(rq, 200, j);
}

/* ---- the § 115-møde ------------------------------------------------------------------ */

void api_meeting_cases(struct request *rq)
{
	long long id;
	if (!param_id(rq, 0, &id))
		return;
	struct agenda g;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_agenda(rq->svc, &rq->actor, id, &g, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < g.nr; i++) {
		const struct agenda_item *it = &g.v[i];
		char iid[48];
		snprintf(iid, sizeof(iid), "%s-%lld", agenda_kind_id(it->kind), it->id);
		json_t *x = json_object();
		json_object_set_new(x, "id", json_string(iid));
		json_object_set_new(x, "kind", json_string(agenda_kind_id(it->kind)));
		json_object_set_new(x, "person", json_integer(it->person));
		json_object_set_new(x, "name", json_string(it->name));
		json_object_set_new(x, "age", json_integer(it->age));
		json_object_set_new(x, "flags", flags_json(it->flags));
		json_object_set_new(x, "summary", api_str_or_null(it->summary));
		json_object_set_new(x, "category",
				    it->category ? json_integer(it->category) : json_null());
		json_object_set_new(x, "concern",
				    it->concern ? json_integer(it->concern) : json_null());
		json_array_append_new(items, x);
	}
	json_t *j = json_object();
	json_object_set_new(j, "meeting", json_integer(id));
	json_object_set_new(j, "closed", json_boolean(g.closed));
	json_object_set_new(j, "items", items);
	resp_json(rq, 200, j);
	agenda_release(&g);
}

/* "handover-12" into kind and id; 404 when it is none. */
static bool item_param(struct request *rq, enum agenda_kind *kind, long long *id)
{
	char buf[129];
	snprintf(buf, sizeof(buf), "%s", rq->params[1]);
	char *dash = strrchr(buf, '-');
	if (dash) {
		*dash = '\0';
		const char *n = dash + 1;
		size_t len = strlen(n);
		if (agenda_kind_parse(buf, kind) == 0 && len && len <= 18 &&
		    strspn(n, "0123456789") == len && n[0] != '0') {
			*id = strtoll(n, NULL, 10);
			return true;
		}
	}
	web_error(rq, 404, _("Punktet findes ikke på dette møde."), NULL);
	return false;
}

void api_meeting_decision(struct request *rq)
{
	long long meeting, item;
	enum agenda_kind kind;
	struct decision_input in;
	struct decision_input_action acts[CONCERN_BODY_MAX_ACTIONS];
	struct parse_error pe;
	if (!param_id(rq, 0, &meeting) || !item_param(rq, &kind, &item) ||
	    !body_ok(rq, concern_body_decision(rq->json, MAX_FIELD, &in, acts, &pe), &pe))
		return;
	long long concern;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_concern_decide(rq->svc, &rq->actor, meeting, kind, item, &in, &concern, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "concern", json_integer(concern));
	created(rq, "concerns", concern, j);
}

void api_meeting_close(struct request *rq)
{
	long long id;
	if (!param_id(rq, 0, &id) || !api_body_keys(rq, (const char *const[]){NULL}))
		return;
	long deleted;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_meeting_close(rq->svc, &rq->actor, id, &deleted, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, "closed", json_true());
	json_object_set_new(j, "handovers_deleted", json_integer(deleted));
	resp_json(rq, 200, j);
}

/* ---- concerns ---------------------------------------------------------------------- */

void api_concern(struct request *rq)
{
	long long id;
	if (!param_id(rq, 0, &id))
		return;
	struct concern_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_concern_get(rq->svc, &rq->actor, id, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *hist = json_array();
	for (size_t i = 0; i < v.history_nr; i++)
		json_array_append_new(hist,
				      v.history[i] ? json_integer(v.history[i]) : json_null());
	json_t *acts = json_array();
	for (size_t i = 0; i < v.actions_nr; i++) {
		const struct concern_view_action *a = &v.actions[i];
		json_t *x = json_object();
		json_object_set_new(x, "id", json_integer(a->id));
		json_object_set_new(x, "type", json_string(a->type));
		json_object_set_new(x, "owner_org", json_string(a->owner_org));
		json_object_set_new(x, "owner_user", api_str_or_null(a->owner_user));
		json_object_set_new(x, "due", api_day_or_null(a->due));
		json_object_set_new(x, "status", json_string(a->status));
		if (a->receipt_due != CAL_NO_DAY)
			json_object_set_new(x, "receipt_due", api_day_or_null(a->receipt_due));
		if (a->offer)
			json_object_set_new(x, "offer",
					    json_pack("{sIso}", "id", (json_int_t)a->offer, "name",
						      api_str_or_null(a->offer_name)));
		json_array_append_new(acts, x);
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(v.id));
	json_object_set_new(j, "person", json_integer(v.person));
	json_object_set_new(j, "name", json_string(v.name));
	json_object_set_new(j, "category", v.category ? json_integer(v.category) : json_null());
	json_object_set_new(j, "category_history", hist);
	json_object_set_new(j, "legal_basis", json_string(v.legal_basis));
	json_object_set_new(j, "status", json_string(v.open ? "open" : "closed"));
	json_object_set_new(j, "close_reason", api_str_or_null(v.close_reason));
	json_object_set_new(j, "actions", acts);
	resp_json(rq, 200, j);
	concern_view_release(&v);
}

void api_concern_close(struct request *rq)
{
	long long id;
	const char *reason;
	struct parse_error pe;
	if (!param_id(rq, 0, &id) ||
	    !body_ok(rq, concern_body_close(rq->json, MAX_FIELD, &reason, &pe), &pe))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_concern_close(rq->svc, &rq->actor, id, reason, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, "status", json_string("closed"));
	resp_json(rq, 200, j);
}

/* ---- statistics -------------------------------------------------------------------- */

/* {"<key>": "<shown>"} per cell, with small-cell suppression. */
static json_t *cell(long n)
{
	char s[24];
	stats_cell(n, s);
	return json_string(s);
}

void api_concern_stats(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct org o;
	org_init(&o);
	struct concern_stats st;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_concern_stats(rq->svc, &rq->actor, year, &o, &st, &r) < 0) {
		web_svc_fail(rq, &r);
		org_release(&o);
		return;
	}
	json_t *cats = json_array();
	for (size_t i = 0; i < st.categories_nr; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "level", json_integer((json_int_t)i + 1));
		json_object_set_new(x, "id", json_string(o.categories[i].id));
		json_object_set_new(x, "name", json_string(o.categories[i].name));
		json_object_set_new(x, "count", cell(st.by_category[i]));
		json_array_append_new(cats, x);
	}
	json_t *ages = json_array();
	for (int b = 0; b < AGE_BAND__COUNT; b++) {
		json_t *x = json_object();
		json_object_set_new(x, "band", json_string(age_band_id((enum age_band)b)));
		json_object_set_new(x, "count", cell(st.by_age[b]));
		json_array_append_new(ages, x);
	}
	json_t *dists = json_array();
	for (size_t i = 0; i <= st.districts_nr; i++) {
		json_t *x = json_object();
		json_object_set_new(
		    x, "id", i < st.districts_nr ? json_string(o.districts[i].id) : json_null());
		json_object_set_new(x, "count", cell(st.by_district[i]));
		json_array_append_new(dists, x);
	}
	json_t *months = json_array();
	for (int m = 0; m < 12; m++)
		json_array_append_new(months, cell(st.by_month[m]));
	json_t *j = json_object();
	json_object_set_new(j, "year", json_integer(year));
	json_object_set_new(j, "total", cell(st.total));
	json_object_set_new(j, "by_category", cats);
	json_object_set_new(j, "by_age", ages);
	json_object_set_new(j, "by_district", dists);
	json_object_set_new(j, "by_month", months);
	resp_json(rq, 200, j);
	concern_stats_release(&st);
	org_release(&o);
}
