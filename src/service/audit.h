/* audit.h - the access log: append-only and tamper-evident.
 *
 * Each entry's hash is keyed BLAKE2b-256 (libsodium crypto_generichash,
 * key: the instance secret) over the previous entry's hash and the entry's
 * fields, so editing, deleting or reordering rows breaks the chain from
 * that row on. SQLite triggers refuse UPDATE and DELETE as a first line.
 * Every access to personal data is logged through audit_log() (later
 * issues), as are sign-ins, failures, sign-outs, token use, refusals and
 * admin actions.
 */
#ifndef SSP_AUDIT_H
#define SSP_AUDIT_H

#include <stddef.h>

#include "domain/audit_record.h"
#include "service/service.h"

struct audit_entry {
	const char *action;      /* "login.ok", "login.failed", "user.add", ... */
	const char *object;      /* what was acted on, or NULL */
	const char *subject;     /* the data subject (a young person), or NULL */
	const char *legal_basis; /* e.g. "rpl-115-1-1", or NULL */
	const char *outcome;     /* "ok", "denied", "failed" */
};

/* Appends one entry for actor a (NULL: anonymous, e.g. a failed sign-in;
 * then username is taken from e->object when given). Returns 0, or -1 if
 * the log could not be written: the caller must then refuse the action. */
int audit_log(struct service *svc, const struct actor *a, const char *client,
	      const struct audit_entry *e);

/* struct audit_row, audit_rows and audit_rows_release: domain/audit_record.h */

struct audit_filter {
	const char *username; /* NULL: any */
	const char *subject;  /* NULL: any */
	int limit;            /* 0: no limit */
};

/* ACT_AUDIT_VIEW (or the local operator). Newest first. The view itself is
 * logged. */
int svc_audit_list(struct service *svc, const struct actor *a, const struct audit_filter *f,
		   struct audit_rows *out, struct svc_result *r);

/* ACT_AUDIT_VIEW. Recomputes the chain. *first_bad gets 0 when intact,
 * else the seq of the first entry whose hash or link does not hold. */
int svc_audit_verify(struct service *svc, const struct actor *a, long long *first_bad,
		     long long *entries, struct svc_result *r);

#endif
