#include "store/audit_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define AUDIT_COLS "seq, at, username, org, action, object, subject, legal_basis, client, outcome"

static void read_row(sqlite3_stmt *st, struct audit_row *r)
{
	r->seq = sqlite3_column_int64(st, 0);
	r->at = col_dup(st, 1);
	r->username = col_dup(st, 2);
	r->org = col_dup(st, 3);
	r->action = col_dup(st, 4);
	r->object = col_dup(st, 5);
	r->subject = col_dup(st, 6);
	r->legal_basis = col_dup(st, 7);
	r->client = col_dup(st, 8);
	r->outcome = col_dup(st, 9);
}

int store_audit_each(struct store *s, audit_row_fn fn, void *data, char **err)
{
	sqlite3_stmt *st =
	    prep(s, "SELECT " AUDIT_COLS ", prev_hash, hash FROM audit_log ORDER BY seq", "");
	if (!st)
		return db_fail(s, err, "audit");
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_stored r;
		read_row(st, &r.row);
		r.prev_hash = col_dup(st, 10);
		r.hash = col_dup(st, 11);
		ret = fn(&r, data);
		audit_row_release(&r.row);
		free(r.prev_hash);
		free(r.hash);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(s, err, "audit");
	sqlite3_finalize(st);
	return ret;
}

/* ---- the checkpoint file ------------------------------------------------- */

char *store_audit_checkpoint_path(struct store *s)
{
	return msgf("%s.checkpoint", s->path);
}

int store_audit_checkpoint_read(struct store *s, struct checkpoint *out, char **err)
{
	memset(out, 0, sizeof(*out));
	char *path = store_audit_checkpoint_path(s);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		free(path);
		return 1;
	}
	char buf[CHECKPOINT_LINE_MAX + 8];
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf));
	int saved = errno;
	if (fd >= 0)
		close(fd);
	int rc = 0;
	if (n < 0) {
		*err = msgf(_("kan ikke læse kontrolpunktfilen »%s«: %s"), path, strerror(saved));
		rc = -1;
	} else if (checkpoint_parse(buf, (size_t)n, out) < 0) {
		*err = msgf(_("kontrolpunktfilen »%s« er ikke et kontrolpunkt (ændret eller "
			      "beskadiget)"),
			    path);
		rc = -1;
	}
	free(path);
	return rc;
}

/* Replaces the checkpoint file with c unless it already holds a newer
 * one: appends on other connections (threads, processes) commit in seq
 * order but reach their hooks in any order, so the writes are serialised
 * with flock() on PATH.checkpoint.lock and only ever move forward. The
 * new content goes to PATH.checkpoint.tmp, is synced and renamed over the
 * file: a reader sees the old line or the new, never half of one. The
 * directory is not synced: the entry's commit is durable before this
 * runs, so a rename lost to a power cut leaves an older checkpoint (which
 * verify reports as older), never one ahead of the log. */
static int checkpoint_write(struct store *s, const struct checkpoint *c, char **err)
{
	char *path = store_audit_checkpoint_path(s);
	char *lock = msgf("%s.lock", path), *tmp = msgf("%s.tmp", path);
	int rc = -1, fd = -1;
	int lfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lfd < 0 || flock(lfd, LOCK_EX) < 0)
		goto fail;
	struct checkpoint cur;
	char *rerr = NULL;
	if (store_audit_checkpoint_read(s, &cur, &rerr) == 0 && cur.seq >= c->seq) {
		rc = 0;
		goto out;
	}
	free(rerr); /* a missing or spoilt file is replaced */
	char line[CHECKPOINT_LINE_MAX + 1];
	checkpoint_format(c, line);
	size_t n = strlen(line);
	line[n++] = '\n';
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, line, n) != (ssize_t)n || fsync(fd) < 0)
		goto fail;
	close(fd);
	fd = -1;
	if (rename(tmp, path) < 0)
		goto fail;
	rc = 0;
	goto out;
fail:
	*err = msgf(_("kontrolpunktfilen »%s« kunne ikke skrives: %s"), path, strerror(errno));
	if (fd >= 0)
		unlink(tmp);
out:
	if (fd >= 0)
		close(fd);
	if (lfd >= 0)
		close(lfd); /* releases the lock */
	free(path);
	free(lock);
	free(tmp);
	return rc;
}

/* SQLite calls this after every commit on the connection (WAL mode). It
 * writes the checkpoint of the newest entry the transaction appended,
 * whoever committed it (store_audit_append's own transaction, or a
 * caller's that the append joined), and does what the default WAL hook
 * does: a passive WAL checkpoint at 1000 pages (sqlite3_wal_hook replaces
 * sqlite3_wal_autocheckpoint). */
static int wal_hook(void *data, sqlite3 *db, const char *name, int pages)
{
	struct store *s = data;
	if (s->cp_pending && s->cp_defer) {
		s->cp_pending = false;
		s->cp_ready = true;
	} else if (s->cp_pending) {
		s->cp_pending = false;
		struct checkpoint c;
		c.seq = s->cp_seq;
		memcpy(c.hash, s->cp_hash, sizeof(c.hash));
		char *err = NULL;
		if (checkpoint_write(s, &c, &err) < 0) {
			/* Inside COMMIT there is no caller to hand this to: the
			 * entry is stored; the operator reads this in the log, and
			 * `ssp audit verify` reports the lagging checkpoint. */
			fprintf(stderr, "ssp: %s\n", err);
			free(err);
		}
	}
	if (pages >= 1000)
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

void store_audit_checkpoint_defer(struct store *s, bool on)
{
	s->cp_defer = on;
}

int store_audit_checkpoint_take(struct store *s, struct checkpoint *out)
{
	if (!s->cp_ready)
		return 0;
	s->cp_ready = false;
	out->seq = s->cp_seq;
	memcpy(out->hash, s->cp_hash, sizeof(out->hash));
	return 1;
}

int store_audit_checkpoint_put(struct store *s, const struct checkpoint *c, char **err)
{
	return checkpoint_write(s, c, err);
}

int store_audit_checkpoint_flush(struct store *s, char **err)
{
	if (!s->cp_ready)
		return 0;
	s->cp_ready = false;
	struct checkpoint c;
	c.seq = s->cp_seq;
	memcpy(c.hash, s->cp_hash, sizeof(c.hash));
	return checkpoint_write(s, &c, err);
}

/* A rolled-back append never reaches the checkpoint. */
static void rollback_hook(void *data)
{
	struct store *s = data;
	s->cp_pending = false;
}

/* Does an entry seq appended now extend the chain the checkpoint file
 * pins? Called inside the append's transaction. Missing file: yes (the
 * first entry, or a log from before checkpoints). The file naming an entry
 * at or past seq, naming one whose hash the log does not have, or not
 * being a checkpoint at all: no; the log has lost or changed entries (or
 * was restored from a backup), and the file is left as it is, as the
 * evidence `ssp audit verify` reports, until an operator moves it aside. */
static bool checkpoint_extends(struct store *s, long long seq)
{
	struct checkpoint cp;
	char *err = NULL;
	int rc = store_audit_checkpoint_read(s, &cp, &err);
	free(err);
	if (rc != 0)
		return rc == 1;
	if (cp.seq >= seq)
		return false;
	sqlite3_stmt *st = cprep(s, "SELECT hash FROM audit_log WHERE seq = ?", "l", cp.seq);
	bool same = stmt_step(st) == SQLITE_ROW &&
		    audit_hash_valid((const char *)sqlite3_column_text(st, 0)) &&
		    !strcmp((const char *)sqlite3_column_text(st, 0), cp.hash);
	stmt_free(s, st);
	return same;
}

static void checkpoint_pending(struct store *s, long long seq, const char *hash)
{
	if (!checkpoint_extends(s, seq)) {
		/* no caller can do better than refuse the action, which would
		 * stop the service on every entry; the entry is written, the
		 * checkpoint is kept, and the operator is told */
		fprintf(stderr, _("ssp: advarsel: adgangsloggen passer ikke med kontrolpunktfilen; "
				  "kør »ssp audit verify«\n"));
		return;
	}
	if (!s->cp_hooked) {
		sqlite3_wal_hook(s->db, wal_hook, s);
		sqlite3_rollback_hook(s->db, rollback_hook, s);
		s->cp_hooked = true;
	}
	s->cp_pending = true;
	s->cp_depth = s->tx_depth;
	s->cp_seq = seq;
	snprintf(s->cp_hash, sizeof(s->cp_hash), "%.*s", AUDIT_HASH_LEN, hash);
}

/* ---- appending ------------------------------------------------------------- */

int store_audit_append(struct store *s, const struct audit_row *row, audit_hash_fn fn, void *data,
		       char **err)
{
	return store_audit_append_batch(s, row, 1, fn, data, NULL, err);
}

int store_audit_append_batch(struct store *s, const struct audit_row *rows, size_t n,
			     audit_hash_fn fn, void *data, long long *seq_out, char **err)
{
	/* inside the caller's transaction when there is one: the entry and
	 * the change it records commit or roll back together; otherwise the
	 * n entries (a group commit, audit.c) are one transaction and one
	 * fsync, chained in the order given */
	if (store_begin(s, err) < 0)
		return -1;
	char *prev = NULL;
	long long seq = 1;
	/* the statements of every entry are cached on the connection */
	sqlite3_stmt *st =
	    cprep(s, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", "");
	if (!st)
		goto fail;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		seq = sqlite3_column_int64(st, 0) + 1;
		prev = col_dup(st, 1);
	} else if (rc != SQLITE_DONE) {
		stmt_free(s, st);
		goto fail;
	}
	stmt_free(s, st);
	char hash[129] = "";
	for (size_t i = 0; i < n; i++, seq++) {
		struct audit_row r = rows[i];
		r.seq = seq;
		fn(prev ? prev : "", &r, hash, data);
		if (cexec(s,
			  "INSERT INTO audit_log (" AUDIT_COLS
			  ", prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			  "lsssssssssss", seq, r.at, r.username, r.org, r.action, r.object,
			  r.subject, r.legal_basis, r.client, r.outcome, prev ? prev : "",
			  hash) < 0)
			goto fail;
		if (seq_out)
			seq_out[i] = seq;
		free(prev);
		prev = xstrdup(hash);
	}
	/* one checkpoint per transaction: the newest entry */
	if (n > 0)
		checkpoint_pending(s, seq - 1, hash);
	free(prev);
	return store_end(s, 0, err, "audit");
fail:
	free(prev);
	return store_end(s, -1, err, "audit");
}

int store_audit_list(struct store *s, const char *username, const char *subject, int limit,
		     struct audit_rows *out, char **err)
{
	return store_audit_list_before(s, username, subject, 0, limit, out, err);
}

int store_audit_notable(struct store *s, const char *const actions[AUDIT_NOTABLE_ACTIONS],
			int limit, struct audit_rows *out, char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT " AUDIT_COLS " FROM audit_log"
				" WHERE action IN (?1, ?2, ?3, ?4, ?5, ?6)"
				" OR (action = ?7 AND outcome <> 'ok')"
				" ORDER BY seq DESC LIMIT ?8",
				"sssssssi", actions[0], actions[1], actions[2], actions[3],
				actions[4], actions[5], actions[6], limit > 0 ? limit : -1);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		read_row(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, "audit");
}

int store_audit_list_before(struct store *s, const char *username, const char *subject,
			    long long before, int limit, struct audit_rows *out, char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT " AUDIT_COLS " FROM audit_log"
		 " WHERE (?1 IS NULL OR username = ?1) AND (?2 IS NULL OR subject = ?2)"
		 " AND (?4 <= 0 OR seq < ?4)"
		 " ORDER BY seq DESC LIMIT ?3",
		 "ssil", username, subject, limit > 0 ? limit : -1, before);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		read_row(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, "audit");
}

/* ---- pruning ------------------------------------------------------------------ */

static void copy_hex(char *dst, const unsigned char *src)
{
	snprintf(dst, AUDIT_HASH_LEN + 1, "%s", src ? (const char *)src : "");
}

int store_audit_anchors(struct store *s, struct audit_anchor_row **out, size_t *nr, char **err)
{
	*out = NULL;
	*nr = 0;
	size_t alloc = 0;
	sqlite3_stmt *st =
	    prep(s, "SELECT id, upto_seq, hash, at, mac FROM audit_anchor ORDER BY id", "");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*out, *nr + 1, alloc);
		struct audit_anchor_row *a = &(*out)[(*nr)++];
		memset(a, 0, sizeof(*a));
		a->id = sqlite3_column_int64(st, 0);
		a->upto_seq = sqlite3_column_int64(st, 1);
		copy_hex(a->hash, sqlite3_column_text(st, 2));
		snprintf(a->at, sizeof(a->at), "%s",
			 sqlite3_column_text(st, 3) ? (const char *)sqlite3_column_text(st, 3)
						    : "");
		copy_hex(a->mac, sqlite3_column_text(st, 4));
	}
	return rows_end(s, st, rc, err, "audit_anchor");
}

int store_audit_prune(struct store *s, const char *before, const char *at, int limit,
		      audit_anchor_fn fn, void *data, long long *pruned, long long *upto,
		      char **err)
{
	*pruned = 0;
	*upto = 0;
	/* the last entry to prune: the newest one older than `before`, but
	 * never the newest entry of all, and at most limit entries. The log
	 * has no index on `at`: looking for the newest old entry in the whole
	 * log made each round (5,000 entries) read the whole log, a purge of
	 * 10 years quadratic. The same answer, min(newest old entry, cap),
	 * from the cap's window: when any entry past the cap is old, the cap;
	 * otherwise the newest old entry within the window. `at` rises with
	 * seq, so the EXISTS stops at the entry after the cap in every round
	 * but the last, and reads the newer rest of the log once. */
	sqlite3_stmt *st = prep(s,
				"SELECT (SELECT min(seq) FROM audit_log),"
				" (SELECT max(seq) FROM audit_log)",
				"");
	long long first = 0, newest = 0;
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		first = sqlite3_column_int64(st, 0);
		newest = sqlite3_column_int64(st, 1);
	}
	if (row_end(s, st, rc, err, "audit") != 0)
		return -1;
	if (first < 1)
		return 0;
	long long cap = first + limit - 1;
	if (cap > newest - 1)
		cap = newest - 1;
	if (cap < first)
		return 0;
	st = prep(s,
		  "SELECT CASE WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq > ?2"
		  " AND substr(at, 1, 10) < ?1) THEN ?2"
		  " ELSE coalesce((SELECT max(seq) FROM audit_log WHERE seq BETWEEN ?3 AND ?2"
		  " AND substr(at, 1, 10) < ?1), 0) END",
		  "sll", before, cap, first);
	long long last = 0;
	rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		last = sqlite3_column_int64(st, 0);
	if (row_end(s, st, rc, err, "audit") != 0)
		return -1;
	if (last < first || last < 1)
		return 0;
	char hash[AUDIT_HASH_LEN + 1] = "", prev_mac[AUDIT_HASH_LEN + 1] = "";
	st = prep(s, "SELECT hash FROM audit_log WHERE seq = ?", "l", last);
	rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		copy_hex(hash, sqlite3_column_text(st, 0));
	if (row_end(s, st, rc, err, "audit") != 0)
		return -1;
	st = prep(s, "SELECT mac FROM audit_anchor ORDER BY id DESC LIMIT 1", "");
	rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		copy_hex(prev_mac, sqlite3_column_text(st, 0));
	if (row_end(s, st, rc, err, "audit_anchor") < 0)
		return -1;
	char mac[AUDIT_HASH_LEN + 1];
	fn(last, hash, at, prev_mac, mac, data);
	if (exec(s, "INSERT INTO audit_anchor (upto_seq, hash, at, mac) VALUES (?, ?, ?, ?)",
		 "lsss", last, hash, at, mac) < 0 ||
	    exec(s, "DELETE FROM audit_log WHERE seq <= ?", "l", last) < 0)
		return db_fail(s, err, "audit prune");
	*pruned = sqlite3_changes(s->db);
	*upto = last;
	return 0;
}
