/* audit_store.h - SQL for the access log (service/audit.c owns the rules). */
#ifndef SSP_AUDIT_STORE_H
#define SSP_AUDIT_STORE_H

#include "domain/audit_record.h"
#include "domain/checkpoint.h"
#include "store/store.h"

/* Row as stored, with its chain fields. */
struct audit_stored {
	struct audit_row row;
	char *prev_hash, *hash;
};

/* Calls back with each row in seq order; stops and returns the callback's
 * non-zero value, or -1 on a store error. */
typedef int (*audit_row_fn)(const struct audit_stored *r, void *data);
int store_audit_each(struct store *s, audit_row_fn fn, void *data, char **err);

/* Appends under an IMMEDIATE transaction: hash_fn computes the new hash
 * from the previous row's hash ("" for the first) and the row. */
typedef void (*audit_hash_fn)(const char *prev_hash, const struct audit_row *row, char *hash_out,
			      void *data);
int store_audit_append(struct store *s, const struct audit_row *row, audit_hash_fn fn, void *data,
		       char **err);
/* Appends n entries in one transaction (one commit, one fsync when no
 * transaction is open), chained in the order given; their seqs go to
 * seq_out (n of them) unless NULL. */
int store_audit_append_batch(struct store *s, const struct audit_row *rows, size_t n,
			     audit_hash_fn fn, void *data, long long *seq_out, char **err);
/* With on, a commit of appended entries does not write the checkpoint file
 * itself but leaves it for store_audit_checkpoint_flush (0, or -1 with
 * *err), so a group commit can wake its callers first: their entries are
 * durable in the log; the file follows one fsync later. */
void store_audit_checkpoint_defer(struct store *s, bool on);
int store_audit_checkpoint_flush(struct store *s, char **err);
/* The same in two steps, so that another thread can write the file while
 * s goes on: take what the last commit left (1, or 0 when nothing), and
 * put it (uses only s's path; forward only, as every write of the file). */
int store_audit_checkpoint_take(struct store *s, struct checkpoint *out);
int store_audit_checkpoint_put(struct store *s, const struct checkpoint *c, char **err);

/* The checkpoint file, PATH.checkpoint beside the database (and its key):
 * after every commit that appended entries, the store writes the newest
 * one's (seq, hash) there (mode 0600, atomically; never moving backwards
 * when several connections append). The path is the caller's to free. */
char *store_audit_checkpoint_path(struct store *s);
/* Reads the checkpoint file: 0 with *out, 1 when there is none, -1 when
 * it cannot be read or is not a checkpoint (message in *err). */
int store_audit_checkpoint_read(struct store *s, struct checkpoint *out, char **err);

int store_audit_list(struct store *s, const char *username, const char *subject, int limit,
		     struct audit_rows *out, char **err);
/* As store_audit_list, only entries with seq < before (before <= 0: from
 * the newest): one page of the log, newest first. */
int store_audit_list_before(struct store *s, const char *username, const char *subject,
			    long long before, int limit, struct audit_rows *out, char **err);
/* The newest entries whose action is one of actions[0..5], or is
 * actions[6] with an outcome other than "ok" (service/audit.c names
 * them). */
#define AUDIT_NOTABLE_ACTIONS 7
int store_audit_notable(struct store *s, const char *const actions[AUDIT_NOTABLE_ACTIONS],
			int limit, struct audit_rows *out, char **err);

/* ---- pruning the log after its retention (issue 12) ---------------------
 *
 * An anchor records where a pruned log now starts: entries 1..upto_seq
 * are gone, and hash is the hash entry upto_seq had (the prev_hash of the
 * first remaining entry). Its mac (computed by the caller, keyed) covers
 * upto_seq, hash, at and the previous anchor's mac, so anchors cannot be
 * made, changed or dropped without the key. Anchors are append-only
 * (triggers), and an entry can be deleted only up to the newest anchor. */
struct audit_anchor_row {
	long long id, upto_seq;
	char hash[AUDIT_HASH_LEN + 1];
	char at[40];
	char mac[AUDIT_HASH_LEN + 1];
};

/* Every anchor, oldest first, into *out (free() it); *nr how many. */
int store_audit_anchors(struct store *s, struct audit_anchor_row **out, size_t *nr, char **err);

/* Computes the mac of a new anchor into mac_out (hex, 65 bytes). */
typedef void (*audit_anchor_fn)(long long upto_seq, const char *hash, const char *at,
				const char *prev_mac, char *mac_out, void *data);

/* In the caller's transaction: prunes up to limit of the oldest entries
 * whose time is before `before` ("YYYY-MM-DD": their day is earlier),
 * never the newest entry (the head the checkpoint names stays): appends
 * an anchor (at: now) and deletes entries 1..upto. *pruned gets how many
 * went, *upto the last seq pruned (0: none). */
int store_audit_prune(struct store *s, const char *before, const char *at, int limit,
		      audit_anchor_fn fn, void *data, long long *pruned, long long *upto,
		      char **err);

#endif
