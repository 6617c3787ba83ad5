/* guard.h - the service's guards for the web door (issue 8):
 *
 *  - failed anonymous attempts (an unknown bearer token, an unknown private
 *    calendar address) are counted per client address and minute and
 *    written to the access log as ONE entry per address and minute with
 *    the count ("anon.failed", object "token.use 37"), so nobody can fill
 *    the log; an address over cfg->anon_max_per_minute in the current
 *    minute gets SVC_THROTTLED for its further failures;
 *  - idempotency keys of creating requests: the first request with a key
 *    claims it, a repeat (also while the first is still working) gets what
 *    the first made instead of making another;
 *  - the auditor's views of the log: notable events and paging.
 */
#ifndef SSP_GUARD_H
#define SSP_GUARD_H

#include <stdbool.h>

#include "service/audit.h"
#include "service/service.h"

/* Counts one failed anonymous attempt of action ("token.use",
 * "calendar.feed") from client, and writes the finished minutes of every
 * address to the access log. Returns true, with r set to SVC_THROTTLED,
 * when the address is over cfg->anon_max_per_minute in this minute: the
 * caller answers 429 instead of its usual refusal. A valid token is never
 * held up by someone else's failures from the same address (a school's
 * NAT, a calendar provider's fetchers). */
bool svc_anon_failure(struct service *svc, const char *client, const char *action,
		      struct svc_result *r);
/* Writes the counters of finished minutes to the access log. */
void svc_anon_flush(struct service *svc);

/* Idempotency of a creating request by a (key: 1-160 printable ASCII
 * characters; SVC_INVALID on field "idempotency_key" otherwise). Returns
 * 0 when the key is new (the caller creates, then calls svc_idem_finish),
 * 1 when it was used before: *object is what the first request made (the
 * caller answers with it; caller frees) or NULL while it is still working
 * (SVC_CONFLICT set in r); -1 on error. Keys are kept 24 hours. */
int svc_idem_claim(struct service *svc, const struct actor *a, const char *key, char **object,
		   struct svc_result *r);
/* What the claimed request made (NULL: it failed, the key is free again). */
void svc_idem_finish(struct service *svc, const struct actor *a, const char *key,
		     const char *object);

/* Refuses filter values with control characters (they would forge lines
 * in text output): SVC_INVALID naming the field. */
int svc_audit_filter_check(const struct audit_filter *f, struct svc_result *r);

/* ACT_AUDIT_VIEW: the newest notable events (at most limit): roles that
 * see personal data given, role changes, API tokens made, users
 * disabled, refused step-ups, locked sign-ins, counted anonymous
 * failures. */
int svc_audit_notable(struct service *svc, const struct actor *a, int limit, struct audit_rows *out,
		      struct svc_result *r);

/* ACT_AUDIT_VIEW: one page of the log (f->limit entries, newest first,
 * with seq < before; before <= 0: from the newest), as svc_audit_list. */
int svc_audit_page(struct service *svc, const struct actor *a, const struct audit_filter *f,
		   long long before, struct audit_rows *out, struct svc_result *r);

#endif
