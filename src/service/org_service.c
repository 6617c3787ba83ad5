#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/service.h"
#include "service/meeting.h"
#include "service/service_internal.h"
#include "domain/plan.h"
#include "store/version_store.h"
#include "strategy/parse.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

int service_strategy_check(const char *text, size_t len, struct org *out, struct diags *d)
{
	if (strategy_parse(text, len, out, d) < 0)
		return -1;
	/* [P-CHECK] a strategy that parses must also be plannable, this year
	 * and next */
	int year = cal_date(svc_today()).y;
	if (year < PLAN_YEAR_MIN || year >= PLAN_YEAR_MAX)
		return 0;
	return plan_check(out, year, year + 1, d) ? -1 : 0;
}

int svc_strategy_apply(struct service *svc, const struct actor *a, const char *text, size_t len,
		       struct diags *d, struct strlist *kept, struct svc_result *r)
{
	return svc_strategy_apply_from(svc, a, text, len, svc_today(), d, kept, r);
}

int svc_strategy_apply_from(struct service *svc, const struct actor *a, const char *text,
			    size_t len, long effective, struct diags *d, struct strlist *kept,
			    struct svc_result *r)
{
	/* the organisation decides who sits where: logged with the change, in
	 * its transaction, with the SHA-256 of the file, so the log says which
	 * strategy */
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	crypto_hash_sha256(h, (const unsigned char *)text, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	char what[80];
	snprintf(what, sizeof(what), "sha256=%s", hex);
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_STRATEGY_APPLY, NULL,
		      (struct svc_entry){.action = "strategy.apply", .object = what}, r) < 0)
		return -1;
	struct org o;
	org_init(&o);
	/* parsed and planned for this year and next (issue 11) */
	int rc = service_strategy_check(text, len, &o, d);
	if (rc < 0) {
		svc_fail(r, SVC_INVALID, NULL, "%s", _("Strategien har fejl; intet er ændret."));
	} else {
		char *err = NULL;
		if ((rc = store_org_save(svc->store, &o, hex, kept, &err)) < 0 ||
		    (rc = store_strategy_version_add(svc->store, effective, hex, text, len,
						     a->username, &err)) < 0)
			svc_store_fail(r, err);
	}
	org_release(&o);
	return rc == 0 ? svc_commit(&c) : svc_abort(&c);
}

int service_org_get(struct service *svc, struct org *out, char **err)
{
	return store_org_load(svc->store, out, err);
}

int svc_org_view(struct service *svc, const struct actor *a, struct org *out, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_ORG_VIEW, r))
		return -1;
	char *err = NULL;
	if (store_org_load(svc->store, out, &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

int svc_strategy_versions(struct service *svc, const struct actor *a, struct strategy_versions *out,
			  struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_ORG_VIEW, r))
		return -1;
	char *err = NULL;
	if (store_strategy_versions(svc->store, out, &err) < 0) {
		strategy_versions_release(out);
		return svc_store_fail(r, err);
	}
	return 0;
}

/* Generations are unique in the process, not only per service: a service
 * opened where a closed one was never repeats one of its values. */
static _Atomic unsigned long org_generations;

/* The organisation of this connection: loaded again only when its stamp
 * or the schema moved (store_org_stamp). The stamp is read before the
 * load, so a change committed in between makes the next call load again;
 * the cache never keeps an organisation older than its stamp. A signed-in
 * request's session lookup read the stamp in its own read transaction
 * (svc_session): that serves, without a read transaction of our own; it
 * is as new as the request. */
static int org_cached(struct service *svc, const struct org **out, struct svc_result *r)
{
	long long stamp = 0, schema = 0;
	bool known;
	if (svc->request_stamp_ok) {
		stamp = svc->request_stamp;
		schema = svc->request_schema;
		known = true;
	} else {
		known = store_org_stamp(svc->store, &stamp, &schema) == 0;
	}
	if (svc->org_cache && known && stamp == svc->org_stamp && schema == svc->org_schema) {
		*out = svc->org_cache;
		return 0;
	}
	if (svc->org_cache) {
		org_release(svc->org_cache);
		free(svc->org_cache);
		svc->org_cache = NULL;
	}
	struct org *o = xcalloc(1, sizeof(*o));
	org_init(o);
	char *err = NULL;
	if (store_org_load(svc->store, o, &err) < 0) {
		org_release(o);
		free(o);
		return svc_store_fail(r, err);
	}
	svc->org_cache = o;
	svc->org_gen = ++org_generations;
	svc->org_stamp = stamp;
	/* without a stamp (read failed) the next call loads again: no schema
	 * version is negative */
	svc->org_schema = known ? schema : -1;
	*out = o;
	return 0;
}

void svc_request_begin(struct service *svc)
{
	svc->request_stamp_ok = false;
}

unsigned long svc_org_generation(const struct service *svc)
{
	return svc->org_gen;
}

int svc_org_view_cached(struct service *svc, const struct actor *a, const struct org **out,
			struct svc_result *r)
{
	*out = NULL;
	if (!svc_allowed(svc, a, ACT_ORG_VIEW, r))
		return -1;
	return org_cached(svc, out, r);
}

int svc_org_cur(struct service *svc, const struct org **out, struct svc_result *r)
{
	*out = NULL;
	if (org_cached(svc, out, r) < 0)
		return -1;
	if (!(*out)->bodies_nr) {
		*out = NULL;
		return svc_fail(r, SVC_INVALID, NULL,
				_("der er ingen strategi i databasen; indlæs den med »ssp init«"));
	}
	return 0;
}

int svc_load_org_for_year(struct service *svc, int year, struct org *org, struct svc_result *r)
{
	char *text = NULL, *err = NULL;
	bool latest = true;
	if (store_strategy_version_at(svc->store, cal_ymd(year, 12, 31), &text, &latest, &err) < 0)
		return svc_store_fail(r, err);
	if (!text || latest) {
		free(text);
		return svc_load_org(svc, org, r);
	}
	struct diags d;
	diags_init(&d, "strategy_version");
	int rc = strategy_parse(text, strlen(text), org, &d);
	free(text);
	diags_release(&d);
	if (rc < 0)
		return svc_fail(r, SVC_INVALID, NULL,
				_("strategien, der gjaldt i %d, kan ikke længere læses"), year);
	return 0;
}

int svc_load_org(struct service *svc, struct org *org, struct svc_result *r)
{
	char *err = NULL;
	if (store_org_load(svc->store, org, &err) < 0)
		return svc_store_fail(r, err);
	if (!org->bodies_nr)
		return svc_fail(r, SVC_INVALID, NULL,
				_("der er ingen strategi i databasen; indlæs den med »ssp init«"));
	return 0;
}
