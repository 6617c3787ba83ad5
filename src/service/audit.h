/* audit.h - the access log: append-only and tamper-evident.
 *
 * Each entry's hash is keyed BLAKE2b-256 (libsodium crypto_generichash,
 * key: the "sspchain" subkey of the instance secret, service/crypto.h)
 * over the previous entry's hash and the entry's fields, so editing,
 * deleting or reordering rows breaks the chain from that row on. Cutting
 * off the newest entries leaves a valid, shorter chain: the checkpoint
 * file beside the key (domain/checkpoint.h, written after every commit of
 * entries; once per group for the group commit in audit.c)
 * and checkpoints the operator keeps off the machine catch that. SQLite
 * triggers refuse UPDATE and DELETE as a first line.
 * Every access to personal data is logged through audit_log() (later
 * issues), as are sign-ins, failures, sign-outs, token use, refusals and
 * admin actions.
 */
#ifndef SSP_AUDIT_H
#define SSP_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/audit_record.h"
#include "domain/checkpoint.h"
#include "service/service.h"

struct audit_entry {
	const char *action;      /* "login.ok", "login.failed", "user.add", ... */
	const char *object;      /* what was acted on, or NULL */
	const char *subject;     /* the data subject (a young person), or NULL */
	const char *legal_basis; /* e.g. "rpl-115-1-1", or NULL */
	const char *outcome;     /* "ok", "refused", "failed" (service_internal.h) */
};

/* Appends one entry for actor a (NULL: anonymous, e.g. a failed sign-in;
 * then username is taken from e->object when given). Returns 0, or -1 if
 * the log could not be written: the caller must then refuse the action. */
int audit_log(struct service *svc, const struct actor *a, const char *client,
	      const struct audit_entry *e);

/* ---- the group commit's writer and deferred entries (the web server) ----
 *
 * audit_log outside a transaction joins a group commit (audit.c). Without
 * a writer the caller waits until its entry is committed. A server starts
 * one writer per database: a thread of its own with its own connection
 * that leads every group. Between audit_defer_enter(d) and
 * audit_defer_leave() the entries a thread logs outside a transaction are
 * kept in d and audit_log returns 0 at once; an entry the thread appends
 * inside a transaction (a change) takes the kept ones along before it, so
 * the log keeps the request's order. At the end the door calls
 * audit_defer_submit(d, svc): it queues what is kept for the writer and
 * returns true when something is in flight; the door then holds its answer
 * until it is committed, and sends none if audit_defer_failed(d) (an entry
 * could not be written: the action is refused, as when audit_log returns
 * -1). audit_defer_arm(d, done, cls) asks for done(cls) to be called (once,
 * from the writer's thread) when nothing is in flight any more; it returns
 * false when nothing is in flight now (no call will come).
 * audit_defer_free drops the door's hold (no call comes after it). With no
 * writer running, or while it is quiescing, audit_defer_submit commits the
 * kept entries itself and returns false. audit_writer_quiesce waits until
 * every queued deferral is resolved and its call made, and defers no more;
 * audit_writer_stop quiesces, commits what is queued and ends the
 * thread. */
struct audit_writer;
struct audit_defer;
struct audit_writer *audit_writer_start(const char *db_path, const unsigned char key[32],
					const struct config *cfg, char **err);
void audit_writer_quiesce(struct audit_writer *w);
void audit_writer_stop(struct audit_writer *w);
struct audit_defer *audit_defer_new(void);
void audit_defer_free(struct audit_defer *d);
void audit_defer_enter(struct audit_defer *d);
void audit_defer_leave(void);
bool audit_defer_submit(struct audit_defer *d, struct service *svc);
bool audit_defer_arm(struct audit_defer *d, void (*done)(void *), void *cls);
bool audit_defer_failed(struct audit_defer *d);

/* Prunes, in the open transaction, up to limit of the oldest entries
 * whose day is before `before` (never the newest entry), behind an anchor
 * keyed with the chain key (store/audit_store.h), so `ssp audit verify`
 * keeps holding. For the purge (service/retention.c) only. *pruned gets
 * how many went, *upto the last seq pruned. */
int audit_prune(struct service *svc, const char *before, const char *at, int limit,
		long long *pruned, long long *upto, char **err);

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

/* How the log stands against a checkpoint (domain/checkpoint.h). */
enum audit_anchor {
	ANCHOR_NONE,       /* not given (the line), or not yet compared */
	ANCHOR_MISSING,    /* there is no checkpoint file */
	ANCHOR_UNREADABLE, /* the file is there but is no checkpoint */
	ANCHOR_MATCH,      /* the checkpoint is the log's newest entry */
	ANCHOR_BEHIND,     /* an older entry of the log, and it matches */
	ANCHOR_AHEAD,      /* names an entry past the log's end: entries are gone */
	ANCHOR_MISMATCH    /* the log's entry at its seq has another hash */
};

struct audit_verification {
	long long entries;
	long long first_bad;       /* 0: every entry holds; else the first that does not */
	struct checkpoint head;    /* the newest entry (seq 0: the log is empty) */
	enum audit_anchor file;    /* the checkpoint file, DB.checkpoint */
	struct checkpoint file_cp; /* its content, when it has one */
	char *file_error;          /* ANCHOR_UNREADABLE: why (owned) */
	char *file_path;           /* where the checkpoint file is (owned) */
	enum audit_anchor line;    /* a checkpoint line given by the operator */
	struct checkpoint line_cp;
	long long pruned_upto; /* entries 1..this were pruned by retention (0: none) */
};
void audit_verification_release(struct audit_verification *v);
/* Does v show tampering: a broken entry, entries missing at the end, a
 * checkpoint the log contradicts, or a spoilt checkpoint file? (A missing
 * or older file is no proof either way: the caller reports it apart.) */
bool audit_verification_broken(const struct audit_verification *v);

/* ACT_AUDIT_VIEW. Recomputes the chain and compares its head with the
 * checkpoint file and, when line is not NULL, with that checkpoint line
 * (one the operator kept off the machine, as svc_audit_checkpoint gave
 * it; older is fine for it; SVC_INVALID on field "checkpoint" when it is
 * no such line). Logged as audit.verify (outcome ok, broken or
 * unanchored). Release *out. */
int svc_audit_verify_anchored(struct service *svc, const struct actor *a, const char *line,
			      struct audit_verification *out, struct svc_result *r);

/* ACT_AUDIT_VIEW. svc_audit_verify_anchored without a line, for the
 * doors that show one verdict: *first_bad gets 0 when intact, else the
 * seq of the first entry whose hash or link does not hold; when entries
 * are missing after the checkpoint, the first missing seq; when the
 * checkpoint contradicts an entry, that entry's seq. */
int svc_audit_verify(struct service *svc, const struct actor *a, long long *first_bad,
		     long long *entries, struct svc_result *r);

/* ACT_AUDIT_VIEW. The newest entry as a checkpoint to keep off the
 * machine, in *out and as its one line in line, once the log verifies
 * (SVC_CONFLICT when it does not, so a tampered head is never
 * certified). Logged as audit.checkpoint. */
int svc_audit_checkpoint(struct service *svc, const struct actor *a, struct checkpoint *out,
			 char line[CHECKPOINT_LINE_MAX], struct svc_result *r);

#endif
