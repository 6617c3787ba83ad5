/* service.h - the one way into the store for every door (CLI and web).
 *
 * Permission checks and the access log live here (from the web issue on),
 * so no page, API route or command can forget them. Functions return 0 on
 * success and -1 with a Danish message in *err (caller frees).
 */
#ifndef SSP_SERVICE_H
#define SSP_SERVICE_H

#include <stddef.h>

#include "domain/org.h"
#include "store/store.h"
#include "util/diag.h"

struct service {
	struct store *store;
};

/* Parses and validates a strategy text without storing it. Returns 0 when
 * it has no errors; every finding is in *d. */
int service_strategy_check(const char *text, size_t len, struct org *out, struct diags *d);

/* Validates the strategy text and, only if it has no errors, stores its
 * organisation (one transaction). Returns 0 on success; -1 with findings in
 * *d (validation) or a message in *err (store). */
int service_strategy_apply(struct service *svc, const char *text, size_t len, struct diags *d,
			   char **err);

/* Loads the current organisation. */
int service_org_get(struct service *svc, struct org *out, char **err);

#endif
