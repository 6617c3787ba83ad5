/* api_followup.c - following up a concern in the JSON API (issue 9;
 * docs/api.md, "Opfølgning på en sag"):
 *
 *   GET  /api/v1/concerns/{id}/followup   the whole record: person (CPR
 *                                         masked), category history,
 *                                         actions with dates, case notes,
 *                                         related people, report_prompt
 *   POST /api/v1/concerns/{id}/actions    a new action (a follow-up
 *                                         bekymringssamtale, an underretning)
 *   POST /api/v1/concerns/{id}/notes      a case note (welfare flag, minutes
 *                                         of an action)
 *   POST /api/v1/concerns/{id}/related    a parent, guardian or other adult
 *   POST /api/v1/actions/{id}             status and dates of an action
 *   GET  /api/v1/actions?mine=1           the caller's open actions,
 *                                         overdue first
 *
 * Thin: the body into the service's input (web/followup_body.c, fuzzed),
 * one service call, render. Permissions and the access log are the
 * service's (service/followup.h). */
#include <stdio.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/concern.h"
#include "service/followup.h"
#include "util/i18n.h"
#include "web/followup_body.h"
#include "web/web_internal.h"
#include "util/banned.h"

static bool body_ok(struct request *rq, int rc, const struct parse_error *pe)
{
	if (rc == 0)
		return true;
	char msg[512];
	parse_error_message(pe, msg, sizeof(msg));
	web_error(rq, 422, msg, pe->field[0] ? pe->field : NULL);
	return false;
}

static json_t *action_json(const struct followup_action *a)
{
	json_t *x = json_object();
	json_object_set_new(x, "id", json_integer(a->id));
	json_object_set_new(x, "concern", json_integer(a->concern));
	json_object_set_new(x, "type", json_string(a->type));
	json_object_set_new(x, "owner_org", json_string(a->owner_org));
	json_object_set_new(x, "owner_user", api_str_or_null(a->owner_user));
	json_object_set_new(x, "status", json_string(a->status));
	json_object_set_new(x, "due", api_day_or_null(a->due));
	json_object_set_new(x, "planned_date", api_day_or_null(a->planned));
	json_object_set_new(x, "held_date", api_day_or_null(a->held));
	json_object_set_new(x, "reported_at", api_day_or_null(a->reported));
	json_object_set_new(x, "receipt_due", api_day_or_null(a->receipt_due));
	json_object_set_new(x, "receipt_at", api_day_or_null(a->receipt_at));
	json_object_set_new(x, "deadline", api_day_or_null(a->deadline));
	json_object_set_new(x, "overdue", json_boolean(a->overdue));
	json_object_set_new(x, "receipt_overdue", json_boolean(a->receipt_overdue));
	return x;
}

static json_t *flags_json(unsigned flags)
{
	json_t *a = json_array();
	for (int i = 0; i < TARGET_FLAGS_NR; i++)
		if (flags & target_flag_bit(i))
			json_array_append_new(a, json_string(target_flag_id(i)));
	return a;
}

void api_concern_followup(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id))
		return;
	struct followup_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_followup_get(rq->svc, &rq->actor, id, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *person = json_object();
	json_object_set_new(person, "id", json_integer(v.person));
	json_object_set_new(person, "name", json_string(v.name));
	json_object_set_new(person, "cpr", api_str_or_null(v.cpr_masked[0] ? v.cpr_masked : NULL));
	json_object_set_new(person, "age", json_integer(v.age));
	json_object_set_new(person, "flags", flags_json(v.flags));
	json_t *hist = json_array();
	for (size_t i = 0; i < v.history_nr; i++)
		json_array_append_new(hist,
				      v.history[i] ? json_integer(v.history[i]) : json_null());
	json_t *acts = json_array();
	for (size_t i = 0; i < v.actions_nr; i++)
		json_array_append_new(acts, action_json(&v.actions[i]));
	json_t *notes = json_array();
	for (size_t i = 0; i < v.notes_nr; i++) {
		const struct followup_note *n = &v.notes[i];
		json_t *x = json_object();
		json_object_set_new(x, "id", json_integer(n->id));
		json_object_set_new(x, "text", json_string(n->text ? n->text : ""));
		json_object_set_new(x, "welfare", json_boolean(n->welfare));
		json_object_set_new(x, "action", n->action ? json_integer(n->action) : json_null());
		json_object_set_new(x, "created_at", json_string(n->created_at));
		json_object_set_new(x, "created_by", json_string(n->created_by));
		json_array_append_new(notes, x);
	}
	json_t *rel = json_array();
	for (size_t i = 0; i < v.related_nr; i++) {
		const struct followup_related *p = &v.related[i];
		json_t *x = json_object();
		json_object_set_new(x, "id", json_integer(p->id));
		json_object_set_new(x, "name", json_string(p->name ? p->name : ""));
		json_object_set_new(x, "relation", json_string(p->relation));
		json_object_set_new(x, "phone", api_str_or_null(p->phone));
		json_array_append_new(rel, x);
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(v.id));
	json_object_set_new(j, "person", person);
	json_object_set_new(j, "category", v.category ? json_integer(v.category) : json_null());
	json_object_set_new(j, "category_history", hist);
	json_object_set_new(j, "legal_basis", json_string(v.legal_basis));
	json_object_set_new(j, "status", json_string(v.open ? "open" : "closed"));
	json_object_set_new(j, "close_reason", api_str_or_null(v.close_reason));
	json_object_set_new(j, "actions", acts);
	json_object_set_new(j, "notes", notes);
	json_object_set_new(j, "related", rel);
	json_object_set_new(j, "report_prompt", json_boolean(v.report_prompt));
	resp_json(rq, 200, j);
	followup_view_release(&v);
}

void api_concern_action_add(struct request *rq)
{
	long long concern, id;
	struct action_input in;
	struct parse_error pe;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &concern) ||
	    !body_ok(rq,
		     followup_body_action_add(rq->json, rq->srv->cfg->max_field_bytes, &in, &pe),
		     &pe))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_action_add(rq->svc, &rq->actor, concern, &in, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, "concern", json_integer(concern));
	resp_header(&rq->rs, "Location", "/api/v1/actions/%lld", id);
	resp_json(rq, 201, j);
}

void api_concern_note_add(struct request *rq)
{
	long long concern, id;
	struct case_note_input in;
	struct parse_error pe;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &concern) ||
	    !body_ok(rq, followup_body_note(rq->json, rq->srv->cfg->max_field_bytes, &in, &pe),
		     &pe))
		return;
	bool prompt = false;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_case_note_add(rq->svc, &rq->actor, concern, &in, &id, &prompt, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, "concern", json_integer(concern));
	json_object_set_new(j, "report_prompt", json_boolean(prompt));
	resp_json(rq, 201, j);
}

void api_concern_related_add(struct request *rq)
{
	long long concern, id;
	struct related_input in;
	struct parse_error pe;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &concern) ||
	    !body_ok(rq, followup_body_related(rq->json, rq->srv->cfg->max_field_bytes, &in, &pe),
		     &pe))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_related_add(rq->svc, &rq->actor, concern, &in, &id, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	json_object_set_new(j, "concern", json_integer(concern));
	resp_json(rq, 201, j);
}

void api_action_change(struct request *rq)
{
	long long id, concern = 0;
	struct action_change in;
	struct parse_error pe;
	if (!web_path_id(rq, 0, _("Handlingen findes ikke."), &id) ||
	    !body_ok(rq,
		     followup_body_action_change(rq->json, rq->srv->cfg->max_field_bytes, &in, &pe),
		     &pe))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_action_change(rq->svc, &rq->actor, id, &in, &concern, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	/* the action as it is now: from the concern's record (logged as a read) */
	struct followup_view v;
	if (svc_followup_get(rq->svc, &rq->actor, concern, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = NULL;
	for (size_t i = 0; i < v.actions_nr && !j; i++)
		if (v.actions[i].id == id)
			j = action_json(&v.actions[i]);
	if (!j)
		j = json_object();
	json_object_set_new(j, "report_prompt", json_boolean(v.report_prompt));
	followup_view_release(&v);
	resp_json(rq, 200, j);
}

void api_actions_mine(struct request *rq)
{
	const char *mine = form_get(&rq->query_form, "mine");
	if (mine && strcmp(mine, "1")) {
		web_error(rq, 400, _("»mine« kan kun være 1."), "mine");
		return;
	}
	struct my_actions l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_actions_mine(rq->svc, &rq->actor, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < l.nr; i++)
		json_array_append_new(a, action_json(&l.v[i]));
	json_t *j = json_object();
	json_object_set_new(j, "actions", a);
	resp_json(rq, 200, j);
	my_actions_release(&l);
}
