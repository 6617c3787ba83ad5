/* guard.c - the service's guards for the web door (service/guard.h). */
#include "service/guard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/text_policy.h"
#include "service/service_internal.h"
#include "store/audit_store.h"
#include "store/guard_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

#define IDEM_KEEP_SECONDS (24 * 3600)

static long long minute_now(void)
{
	return (long long)time(NULL) / 60;
}

static int anon_max(const struct service *svc)
{
	return svc->cfg ? svc->cfg->anon_max_per_minute : 30;
}

void svc_anon_flush(struct service *svc)
{
	struct anon_counts l = {0};
	char *err = NULL;
	if (store_anon_failure_take(svc->store, minute_now(), &l, &err) < 0) {
		fprintf(stderr, "ssp: %s\n", err ? err : "anon_failure");
		free(err);
		return;
	}
	for (size_t i = 0; i < l.nr; i++) {
		const struct anon_count *c = &l.v[i];
		char object[160];
		time_t t = (time_t)(c->minute * 60);
		struct tm tm;
		gmtime_r(&t, &tm);
		char when[24];
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%MZ", &tm);
		snprintf(object, sizeof(object), "%s %lld %s", c->action, c->count, when);
		struct audit_entry e = {"anon.failed", object, NULL, NULL, "failed"};
		audit_log(svc, NULL, c->client, &e);
	}
	anon_counts_release(&l);
}

bool svc_anon_failure(struct service *svc, const char *client, const char *action,
		      struct svc_result *r)
{
	long long n = 0;
	char *err = NULL;
	if (store_anon_failure_add(svc->store, client ? client : "", minute_now(), action, &n,
				   &err) < 0) {
		fprintf(stderr, "ssp: %s\n", err ? err : "anon_failure");
		free(err);
	}
	svc_anon_flush(svc);
	if (n <= anon_max(svc))
		return false;
	svc_fail(r, SVC_THROTTLED, NULL,
		 _("For mange mislykkede forsøg fra din adresse. Vent et minut, og prøv igen."));
	return true;
}

/* ---- idempotency ----------------------------------------------------------- */

static bool key_valid(const char *key)
{
	size_t n = key ? strlen(key) : 0;
	if (n < 1 || n > 160) /* the door's prefix ("api:", "form:") and 128 */
		return false;
	for (size_t i = 0; i < n; i++)
		if (key[i] < 0x21 || key[i] > 0x7e)
			return false;
	return true;
}

int svc_idem_claim(struct service *svc, const struct actor *a, const char *key, char **object,
		   struct svc_result *r)
{
	*object = NULL;
	if (!key_valid(key))
		return svc_fail(r, SVC_INVALID, "idempotency_key",
				_("Idempotency-Key skal være 1-128 synlige ASCII-tegn."));
	long long now = (long long)time(NULL);
	char *err = NULL;
	if (store_idem_expire(svc->store, now - IDEM_KEEP_SECONDS, &err) < 0)
		return svc_store_fail(r, err);
	int rc = store_idem_claim(svc->store, a->user_id, key, now, object, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1 && !*object)
		svc_fail(r, SVC_CONFLICT, "idempotency_key",
			 _("En forespørgsel med samme nøgle er i gang. Vent et øjeblik, og hent "
			   "resultatet."));
	return rc;
}

void svc_idem_finish(struct service *svc, const struct actor *a, const char *key,
		     const char *object)
{
	char *err = NULL;
	if (store_idem_finish(svc->store, a->user_id, key, object, &err) < 0) {
		fprintf(stderr, "ssp: %s\n", err ? err : "idempotency");
		free(err);
	}
}

/* ---- the auditor's views ------------------------------------------------------ */

static const struct text_field filter_fields[] = {
    {.id = "user", .label = N_("Brugerfilteret"), .shape = TEXT_LINE, .max = 200},
    {.id = "subject", .label = N_("Personfilteret"), .shape = TEXT_LINE, .max = 200},
};

int svc_audit_filter_check(const struct audit_filter *f, struct svc_result *r)
{
	const char *values[] = {f->username, f->subject};
	for (size_t i = 0; i < 2; i++) {
		struct text_verdict v;
		if (!values[i] ||
		    text_check(&filter_fields[i], values[i], true, NULL, &v) == TEXT_OK)
			continue;
		struct strbuf msg = STRBUF_INIT;
		text_explain(&filter_fields[i], &v, NULL, &msg);
		svc_fail(r, SVC_INVALID, filter_fields[i].id, "%s", msg.buf);
		strbuf_release(&msg);
		return -1;
	}
	return 0;
}

/* Notable: actions[0..5] always, actions[6] unless "ok" (store/audit_store.h). */
static const char *const notable_actions[AUDIT_NOTABLE_ACTIONS] = {
    "user.grant",      "user.role",   "token.create", "user.disable",
    "login.throttled", "anon.failed", "stepup",
};

int svc_audit_notable(struct service *svc, const struct actor *a, int limit, struct audit_rows *out,
		      struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_AUDIT_VIEW, r))
		return -1;
	svc_anon_flush(svc);
	char *err = NULL;
	if (store_audit_notable(svc->store, notable_actions, limit, out, &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

int svc_audit_page(struct service *svc, const struct actor *a, const struct audit_filter *f,
		   long long before, struct audit_rows *out, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_AUDIT_VIEW, r) || svc_audit_filter_check(f, r) < 0)
		return -1;
	struct strbuf what = STRBUF_INIT;
	strbuf_addf(&what, "user=%s subject=%s", f->username ? f->username : "*",
		    f->subject ? f->subject : "*");
	if (before > 0)
		strbuf_addf(&what, " before=%lld", before);
	struct audit_entry e = {"audit.view", what.buf, f->subject, NULL, "ok"};
	int logged = audit_log(svc, a, a->client, &e);
	strbuf_release(&what);
	if (logged < 0)
		return svc_fail(r, SVC_ERROR, NULL, _("Adgangsloggen kunne ikke skrives."));
	char *err = NULL;
	if (store_audit_list_before(svc->store, f->username, f->subject, before, f->limit, out,
				    &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}
