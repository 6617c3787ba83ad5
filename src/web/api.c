/* api.c - the JSON API under /api/v1/ (documented, with runnable examples,
 * in docs/api.md). Same service calls and permission checks as the pages;
 * errors are {"error": "...", "field": "..."}. */
#include <stdlib.h>
#include <string.h>

#include "domain/authz.h"
#include "render/org_json.h"
#include "service/audit.h"
#include "service/auth.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/kept.h"
#include "web/web_internal.h"
#include "util/banned.h"

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

void api_me(struct request *rq)
{
	struct user_info me;
	struct svc_result r = SVC_RESULT_INIT;
	memset(&me, 0, sizeof(me));
	if (svc_user_self(rq->svc, &rq->actor, &me, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "username", json_string(me.username));
	json_object_set_new(j, "name", json_string(me.name));
	json_object_set_new(j, "role", json_string(role_id(me.role)));
	json_object_set_new(j, "org", str_or_null(me.org));
	user_info_release(&me);
	resp_json(rq, 200, j);
}

/* Exactly what `ssp org --format json` prints. */
/* The body of GET /api/v1/org for op (kept per thread, web/kept.h). */
static void org_json_text(struct html *out, const struct org *op)
{
	json_t *j = org_to_json(op);
	char *s = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	json_decref(j);
	if (!s)
		xdie_oom();
	strbuf_addstr(&out->sb, s);
	free(s);
}

void api_org(struct request *rq)
{
	/* the organisation as loaded on this connection (again only after a
	 * change), its JSON as last written on this thread */
	const struct org *op;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_org_view_cached(rq->svc, &rq->actor, &op, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	const struct html *text = web_kept(rq->svc, KEPT_ORG_JSON, op, org_json_text);
	resp_json_text(rq, 200, text->sb.buf, text->sb.len);
}

/* One element of the "bodies" array of GET /api/v1/org. */
void api_org_body(struct request *rq)
{
	struct org o;
	if (!web_load_org(rq, &o))
		return;
	json_t *all = org_to_json(&o);
	org_release(&o);
	json_t *bodies = json_object_get(all, "bodies");
	size_t i;
	json_t *b;
	json_array_foreach(bodies, i, b)
	{
		const char *id = json_string_value(json_object_get(b, "id"));
		if (id && !strcmp(id, rq->params[0])) {
			json_incref(b);
			json_decref(all);
			resp_json(rq, 200, b);
			return;
		}
	}
	json_decref(all);
	web_error(rq, 404, _("Organisationen har intet forum med det id."), "id");
}

static json_t *user_json(const struct user_info *u)
{
	json_t *j = json_object();
	json_object_set_new(j, "username", json_string(u->username));
	json_object_set_new(j, "name", json_string(u->name));
	json_object_set_new(j, "role", json_string(role_id(u->role)));
	json_object_set_new(j, "org", str_or_null(u->org));
	json_object_set_new(j, "institution", str_or_null(u->institution));
	json_object_set_new(j, "totp", json_boolean(u->totp_enabled));
	json_object_set_new(j, "disabled", json_boolean(u->disabled));
	json_object_set_new(j, "created_at", str_or_null(u->created_at));
	return j;
}

void api_users(struct request *rq)
{
	struct user_list l = {0};
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_user_list(rq->svc, &rq->actor, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < l.nr; i++)
		json_array_append_new(arr, user_json(&l.v[i]));
	user_list_release(&l);
	json_t *j = json_object();
	json_object_set_new(j, "users", arr);
	resp_json(rq, 200, j);
}

void api_users_add(struct request *rq)
{
	static const char *const keys[] = {"username",    "name",     "role",        "org",
					   "institution", "password", "stepup_code", NULL};
	struct parse_error pe;
	size_t max = rq->srv->cfg->max_field_bytes;
	const char *username, *name, *role, *org, *inst, *password, *code;
	if (json_only_keys(rq->json, keys, &pe) < 0 ||
	    json_get_string(rq->json, "username", true, max, &username, &pe) < 0 ||
	    json_get_string(rq->json, "name", true, max, &name, &pe) < 0 ||
	    json_get_string(rq->json, "role", true, max, &role, &pe) < 0 ||
	    json_get_string(rq->json, "org", false, max, &org, &pe) < 0 ||
	    json_get_string(rq->json, "institution", false, max, &inst, &pe) < 0 ||
	    json_get_string(rq->json, "password", true, max, &password, &pe) < 0 ||
	    json_get_string(rq->json, "stepup_code", false, max, &code, &pe) < 0) {
		char msg[512];
		parse_error_message(&pe, msg, sizeof(msg));
		/* well-formed JSON with the wrong content: 422 */
		web_error(rq, 422, msg, pe.field[0] ? pe.field : NULL);
		return;
	}
	struct user_new u = {username, name, ROLE_ADMIN, org && *org ? org : NULL,
			     inst && *inst ? inst : NULL};
	if (role_parse(role, &u.role) < 0) {
		web_error(rq, 422, _("Ukendt rolle."), "role");
		return;
	}
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_user_add_stepup(rq->svc, &rq->actor, &u, password, code, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "username", json_string(username));
	json_object_set_new(j, "created", json_true());
	resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "/api/v1/users/%s", username);
	resp_json(rq, 201, j);
}

void api_user_disable(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_user_disable(rq->svc, &rq->actor, rq->params[0], &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "username", json_string(rq->params[0]));
	json_object_set_new(j, "disabled", json_true());
	resp_json(rq, 200, j);
}

void api_user_role(struct request *rq)
{
	static const char *const keys[] = {"role", "stepup_code", NULL};
	struct parse_error pe;
	size_t max = rq->srv->cfg->max_field_bytes;
	const char *role, *code;
	if (json_only_keys(rq->json, keys, &pe) < 0 ||
	    json_get_string(rq->json, "role", true, max, &role, &pe) < 0 ||
	    json_get_string(rq->json, "stepup_code", false, max, &code, &pe) < 0) {
		char msg[512];
		parse_error_message(&pe, msg, sizeof(msg));
		web_error(rq, 422, msg, pe.field[0] ? pe.field : NULL);
		return;
	}
	enum role ro;
	if (role_parse(role, &ro) < 0) {
		web_error(rq, 422, _("Ukendt rolle."), "role");
		return;
	}
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_user_set_role(rq->svc, &rq->actor, rq->params[0], ro, code, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "username", json_string(rq->params[0]));
	json_object_set_new(j, "role", json_string(role_id(ro)));
	resp_json(rq, 200, j);
}

void api_audit(struct request *rq)
{
	const char *user = form_get(&rq->query_form, "user");
	const char *subject = form_get(&rq->query_form, "subject");
	struct audit_filter f = {user && *user ? user : NULL, subject && *subject ? subject : NULL,
				 0};
	const char *limit = form_get(&rq->query_form, "limit");
	if (limit) {
		char *end;
		long n = strtol(limit, &end, 10);
		if (end == limit || *end || n < 1 || n > 100000) {
			web_error(rq, 400, _("»limit« skal være et heltal fra 1 til 100000."),
				  "limit");
			return;
		}
		f.limit = (int)n;
	}
	struct audit_rows rows = {0};
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_audit_list(rq->svc, &rq->actor, &f, &rows, &r) < 0) {
		audit_rows_release(&rows);
		web_svc_fail(rq, &r);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < rows.nr; i++) {
		const struct audit_row *a = &rows.v[i];
		json_t *e = json_object();
		json_object_set_new(e, "seq", json_integer(a->seq));
		json_object_set_new(e, "at", str_or_null(a->at));
		json_object_set_new(e, "username", str_or_null(a->username));
		json_object_set_new(e, "org", str_or_null(a->org));
		json_object_set_new(e, "action", str_or_null(a->action));
		json_object_set_new(e, "object", str_or_null(a->object));
		json_object_set_new(e, "subject", str_or_null(a->subject));
		json_object_set_new(e, "legal_basis", str_or_null(a->legal_basis));
		json_object_set_new(e, "client", str_or_null(a->client));
		json_object_set_new(e, "outcome", str_or_null(a->outcome));
		json_array_append_new(arr, e);
	}
	audit_rows_release(&rows);
	json_t *j = json_object();
	json_object_set_new(j, "entries", arr);
	resp_json(rq, 200, j);
}

void api_audit_verify(struct request *rq)
{
	long long first_bad = 0, entries = 0;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_audit_verify(rq->svc, &rq->actor, &first_bad, &entries, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "intact", json_boolean(first_bad == 0));
	json_object_set_new(j, "entries", json_integer(entries));
	json_object_set_new(j, "first_bad", first_bad ? json_integer(first_bad) : json_null());
	resp_json(rq, 200, j);
}
