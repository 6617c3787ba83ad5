#include "store/audit_store.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
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

int store_audit_append(struct store *s, const struct audit_row *row, audit_hash_fn fn, void *data,
		       char **err)
{
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err, "audit BEGIN");
	char *prev = NULL;
	long long seq = 1;
	sqlite3_stmt *st = prep(s, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", "");
	if (!st)
		goto fail;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		seq = sqlite3_column_int64(st, 0) + 1;
		prev = col_dup(st, 1);
	} else if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		goto fail;
	}
	sqlite3_finalize(st);
	struct audit_row r = *row;
	r.seq = seq;
	char hash[129];
	fn(prev ? prev : "", &r, hash, data);
	if (exec(s,
		 "INSERT INTO audit_log (" AUDIT_COLS
		 ", prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		 "lsssssssssss", seq, r.at, r.username, r.org, r.action, r.object, r.subject,
		 r.legal_basis, r.client, r.outcome, prev ? prev : "", hash) < 0)
		goto fail;
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	free(prev);
	return 0;
fail:
	free(prev);
	db_fail(s, err, "audit");
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int store_audit_list(struct store *s, const char *username, const char *subject, int limit,
		     struct audit_rows *out, char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT " AUDIT_COLS " FROM audit_log"
		 " WHERE (?1 IS NULL OR username = ?1) AND (?2 IS NULL OR subject = ?2)"
		 " ORDER BY seq DESC LIMIT ?3",
		 "ssi", username, subject, limit > 0 ? limit : -1);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		read_row(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, "audit");
}
