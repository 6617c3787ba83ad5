/* api_schools.c - the JSON API of the school network (docs/api.md): what
 * /skoler, /skoler/{id} and /skoler/temadag offer (pages_schools.c),
 * through the same service calls (service/school.h), so the same role x
 * action rows (router.c), need-to-know rule per institution and
 * access-log entries apply:
 *
 *   GET  /api/v1/schools?year=                       every institution
 *   POST /api/v1/schools                             add one (admin)
 *   GET  /api/v1/schools/theme-day?year=             the theme day
 *   POST /api/v1/schools/theme-day                   record its attendance
 *   GET  /api/v1/schools/{id}                        one, with its læseplan
 *   POST /api/v1/schools/{id}                        edit it (admin)
 *   POST /api/v1/schools/{id}/deactivate, /activate  (admin)
 *   POST /api/v1/schools/{id}/laeseplan              add an item
 *   POST /api/v1/schools/{id}/laeseplan/{item}       edit an item
 *   POST /api/v1/schools/{id}/laeseplan/{item}/delete
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "service/meeting.h"
#include "service/school.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* The service names the page's form fields; the API its JSON members. */
static const char *const school_fields[] = {"deltog", "present", NULL};

static json_t *contacts_json(const struct contact_rows *l, const char *institution)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->nr; i++)
		if (!institution || !strcmp(l->v[i].institution, institution))
			json_array_append_new(
			    a, json_pack("{so}", "name", api_str_or_null(l->v[i].name)));
	return a;
}

static void institution_members(json_t *j, const struct institution_row *x)
{
	json_object_set_new(j, "id", json_string(x->id));
	json_object_set_new(j, "name", json_string(x->name));
	json_object_set_new(j, "kind", json_string(institution_kind_id(x->kind)));
	json_object_set_new(j, "district", json_string(x->district));
	json_object_set_new(j, "active", json_boolean(x->active));
	json_object_set_new(j, "example", json_boolean(x->example));
}

static json_t *school_year_json(int sy)
{
	char buf[16];
	snprintf(buf, sizeof(buf), "%d/%02d", sy, (sy + 1) % 100);
	return json_string(buf);
}

/* ---- the network ---- */

void api_schools(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct school_network n;
	struct svc_result r = SVC_RESULT_INIT;
	/* as the page: as of the end of today, so a theme day held today counts */
	if (svc_school_network(rq->svc, &rq->actor, year, svc_today() + 1, &n, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n.inst.nr; i++) {
		const struct institution_row *x = &n.inst.v[i];
		json_t *j = json_object();
		institution_members(j, x);
		json_object_set_new(j, "contact_persons", contacts_json(&n.contacts, x->id));
		json_object_set_new(j, "laeseplan_items",
				    json_integer(school_network_items_of(&n, x->id)));
		/* as the page's column: who of its contact persons came, once
		 * the theme day has been held */
		json_t *came = json_null();
		if (n.f.theme_day == THEME_DAY_PASSED && school_network_contacts_of(&n, x->id)) {
			int k = 0;
			for (size_t c = 0; c < n.contacts.nr; c++)
				k += !strcmp(n.contacts.v[c].institution, x->id) &&
				     school_network_attended(&n, n.contacts.v[c].user_id);
			came = json_integer(k);
		}
		json_object_set_new(j, "theme_day_attended", came);
		json_array_append_new(arr, j);
	}
	json_t *j = json_object();
	json_object_set_new(j, "year", json_integer(year));
	json_object_set_new(j, "school_year", school_year_json(n.f.school_year));
	json_object_set_new(j, "theme_day",
			    json_pack("{ssso}", "state", theme_day_state_id(n.f.theme_day), "first",
				      api_day_or_null(n.f.theme_day_first)));
	json_object_set_new(j, "institutions", arr);
	school_network_release(&n);
	resp_json(rq, 200, j);
}

/* ---- one institution ---- */

void api_school(struct request *rq)
{
	struct school_detail d;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_school_get(rq->svc, &rq->actor, rq->params[0], &d, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	institution_members(j, &d.inst);
	json_object_set_new(j, "edited_by_admin", json_boolean(d.inst.edited_by_admin));
	json_object_set_new(j, "contact_persons", contacts_json(&d.contacts, NULL));
	json_t *items = json_array();
	for (size_t i = 0; i < d.items.nr; i++) {
		const struct laeseplan_row *it = &d.items.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(it->id));
		json_object_set_new(o, "grade", json_string(it->grade));
		json_object_set_new(o, "theme", json_string(it->theme));
		json_object_set_new(o, "planned", api_day_or_null(it->planned));
		json_object_set_new(o, "held", api_day_or_null(it->held));
		json_array_append_new(items, o);
	}
	json_object_set_new(j, "laeseplan", items);
	json_object_set_new(j, "may_edit", json_boolean(d.may_edit));
	json_object_set_new(j, "may_admin", json_boolean(d.may_admin));
	school_detail_release(&d);
	resp_json(rq, 200, j);
}

/* ---- institutions (admin) ---- */

/* name, kind, district (and id when with_id) of the body; answers 422 and
 * returns false when they cannot be read. */
static bool institution_input(struct request *rq, bool with_id, struct institution_input *in)
{
	static const char *const keys[] = {"id", "name", "kind", "district", NULL};
	memset(in, 0, sizeof(*in));
	return api_body_keys(rq, with_id ? keys : keys + 1) &&
	       (!with_id || api_string(rq, "id", true, &in->id)) &&
	       api_string(rq, "name", true, &in->name) && api_string(rq, "kind", true, &in->kind) &&
	       api_string(rq, "district", true, &in->district);
}

/* 200 or 201 with {"id": id, what: true}. */
static void done(struct request *rq, unsigned status, const char *id, const char *what)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_string(id));
	json_object_set_new(j, what, json_true());
	resp_json(rq, status, j);
}

void api_schools_add(struct request *rq)
{
	struct institution_input in;
	if (!institution_input(rq, true, &in))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_institution_add(rq->svc, &rq->actor, &in, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "/api/v1/schools/%s", in.id);
	done(rq, 201, in.id, "created");
}

void api_school_edit(struct request *rq)
{
	struct institution_input in;
	if (!institution_input(rq, false, &in))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_institution_edit(rq->svc, &rq->actor, rq->params[0], &in, &r) < 0)
		web_svc_fail(rq, &r);
	else
		done(rq, 200, rq->params[0], "saved");
}

static void set_active(struct request *rq, bool active)
{
	static const char *const keys[] = {NULL};
	if (!api_body_keys(rq, keys))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_institution_set_active(rq->svc, &rq->actor, rq->params[0], active, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_string(rq->params[0]));
	json_object_set_new(j, "active", json_boolean(active));
	resp_json(rq, 200, j);
}

void api_school_deactivate(struct request *rq)
{
	set_active(rq, false);
}

void api_school_activate(struct request *rq)
{
	set_active(rq, true);
}

/* ---- læseplan ---- */

static bool item_input(struct request *rq, struct laeseplan_input *in)
{
	static const char *const keys[] = {"grade", "theme", "planned", "held", NULL};
	memset(in, 0, sizeof(*in));
	return api_body_keys(rq, keys) && api_string(rq, "grade", true, &in->grade) &&
	       api_string(rq, "theme", true, &in->theme) &&
	       api_string(rq, "planned", true, &in->planned) &&
	       api_string(rq, "held", false, &in->held);
}

/* The {item} segment as an id; answers 404 and returns false when it is none. */
static bool item_param(struct request *rq, long long *id)
{
	return web_path_id(rq, 1, _("Læseplanen har intet punkt med den adresse."), id);
}

static void item_done(struct request *rq, unsigned status, long long item, const char *what)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(item));
	json_object_set_new(j, "institution", json_string(rq->params[0]));
	json_object_set_new(j, what, json_true());
	resp_json(rq, status, j);
}

void api_laeseplan_add(struct request *rq)
{
	struct laeseplan_input in;
	if (!item_input(rq, &in))
		return;
	long long item = 0;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_laeseplan_add(rq->svc, &rq->actor, rq->params[0], &in, &item, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "/api/v1/schools/%s", rq->params[0]);
	item_done(rq, 201, item, "created");
}

void api_laeseplan_edit(struct request *rq)
{
	long long item;
	struct laeseplan_input in;
	if (!item_param(rq, &item) || !item_input(rq, &in))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_laeseplan_edit(rq->svc, &rq->actor, rq->params[0], item, &in, &r) < 0)
		web_svc_fail(rq, &r);
	else
		item_done(rq, 200, item, "saved");
}

void api_laeseplan_remove(struct request *rq)
{
	static const char *const keys[] = {NULL};
	long long item;
	if (!item_param(rq, &item) || !api_body_keys(rq, keys))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_laeseplan_remove(rq->svc, &rq->actor, rq->params[0], item, &r) < 0)
		web_svc_fail(rq, &r);
	else
		item_done(rq, 200, item, "deleted");
}

/* ---- the theme day ---- */

/* The contact person of an active institution, or NULL. */
static const struct institution_row *active_of(const struct school_network *n,
					       const struct contact_row *c)
{
	for (size_t k = 0; k < n->inst.nr; k++)
		if (n->inst.v[k].active && !strcmp(n->inst.v[k].id, c->institution))
			return &n->inst.v[k];
	return NULL;
}

void api_theme_day(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct school_network n;
	struct svc_result r = SVC_RESULT_INIT;
	/* as the page: the theme days that have taken place by the end of today */
	if (svc_school_network(rq->svc, &rq->actor, year, svc_today() + 1, &n, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *days = json_array();
	for (size_t i = 0; i < n.days.nr; i++) {
		const struct theme_day_row *t = &n.days.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "meeting",
				    t->meeting_id ? json_integer(t->meeting_id) : json_null());
		json_object_set_new(o, "date", api_day_or_null(t->day));
		json_object_set_new(o, "status", json_string(meeting_status_id(t->status)));
		json_object_set_new(o, "theme", api_str_or_null(t->theme));
		json_array_append_new(days, o);
	}
	json_t *people = json_array();
	for (size_t i = 0; i < n.contacts.nr; i++) {
		const struct contact_row *c = &n.contacts.v[i];
		if (!active_of(&n, c))
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "user_id", json_integer(c->user_id));
		json_object_set_new(o, "name", json_string(c->name));
		json_object_set_new(o, "institution", json_string(c->institution));
		json_object_set_new(o, "attended",
				    n.f.theme_day == THEME_DAY_PASSED
					? json_boolean(school_network_attended(&n, c->user_id))
					: json_null());
		json_array_append_new(people, o);
	}
	json_t *j = json_object();
	json_object_set_new(j, "year", json_integer(year));
	json_object_set_new(j, "state", json_string(theme_day_state_id(n.f.theme_day)));
	json_object_set_new(j, "from_plan", json_boolean(n.from_plan));
	json_object_set_new(j, "days", days);
	json_object_set_new(j, "contact_persons", people);
	school_network_release(&n);
	resp_json(rq, 200, j);
}

void api_theme_day_post(struct request *rq)
{
	static const char *const keys[] = {"meeting", "present", NULL};
	long long meeting = 0;
	if (!api_body_keys(rq, keys) ||
	    !api_int(rq, rq->json, "meeting", true, 1, (long long)1 << 53, &meeting))
		return;
	json_t *arr = json_object_get(rq->json, "present");
	if (!json_is_array(arr)) {
		web_error(rq, 422, _("Feltet »present« skal være en liste af bruger-id'er."),
			  "present");
		return;
	}
	long long *present = xcalloc(json_array_size(arr) + 1, sizeof(*present));
	size_t i;
	json_t *e;
	json_array_foreach(arr, i, e)
	{
		if (!json_is_integer(e) || json_integer_value(e) < 1) {
			free(present);
			web_error(rq, 422,
				  _("Feltet »present« skal være en liste af bruger-id'er."),
				  "present");
			return;
		}
		present[i] = json_integer_value(e);
	}
	struct svc_result r = SVC_RESULT_INIT;
	int rc =
	    svc_theme_day_record(rq->svc, &rq->actor, meeting, present, json_array_size(arr), &r);
	free(present);
	if (rc < 0) {
		api_svc_fail(rq, &r, school_fields);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "meeting", json_integer(meeting));
	json_object_set_new(j, "saved", json_true());
	resp_json(rq, 200, j);
}
