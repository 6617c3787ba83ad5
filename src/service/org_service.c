#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>

#include "service/service.h"
#include "service/service_internal.h"
#include "strategy/parse.h"
#include "util/i18n.h"
#include "util/banned.h"

int service_strategy_check(const char *text, size_t len, struct org *out, struct diags *d)
{
	return strategy_parse(text, len, out, d);
}

int svc_strategy_apply(struct service *svc, const struct actor *a, const char *text, size_t len,
		       struct diags *d, struct strlist *kept, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_STRATEGY_APPLY, r))
		return -1;
	struct org o;
	org_init(&o);
	if (strategy_parse(text, len, &o, d) < 0) {
		org_release(&o);
		return svc_fail(r, SVC_INVALID, NULL, _("Strategien har fejl; intet er ændret."));
	}
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	crypto_hash_sha256(h, (const unsigned char *)text, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	/* the organisation decides who sits where: logged before it changes,
	 * with the SHA-256 of the file, so the log says which strategy */
	char what[80];
	snprintf(what, sizeof(what), "sha256=%s", hex);
	if (svc_log(svc, a, "strategy.apply", what, "ok", r) < 0) {
		org_release(&o);
		return -1;
	}
	char *err = NULL;
	int rc = store_org_save(svc->store, &o, hex, kept, &err);
	org_release(&o);
	if (rc < 0) {
		struct svc_result ignored = SVC_RESULT_INIT;
		svc_log(svc, a, "strategy.apply", what, "failed", &ignored);
		svc_result_clear(&ignored);
		return svc_store_fail(r, err);
	}
	return 0;
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
