/* guard_store.c - SQL for the door's guards (store/guard_store.h). */
#include "store/guard_store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/xalloc.h"
#include "util/banned.h"

void anon_counts_release(struct anon_counts *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].client);
		free(l->v[i].action);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int store_anon_failure_count(struct store *s, const char *client, long long minute,
			     long long *count, char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT coalesce(sum(count), 0) FROM anon_failure"
				" WHERE client = ? AND minute = ?",
				"sl", client, minute);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	return row_end(s, st, rc, err, "anon_failure") < 0 ? -1 : 0;
}

int store_anon_failure_add(struct store *s, const char *client, long long minute,
			   const char *action, long long *count, char **err)
{
	if (exec(s,
		 "INSERT INTO anon_failure (client, minute, action, count) VALUES (?, ?, ?, 1)"
		 " ON CONFLICT (client, minute, action) DO UPDATE SET count = count + 1",
		 "sls", client, minute, action) < 0)
		return db_fail(s, err, "anon_failure");
	return store_anon_failure_count(s, client, minute, count, err);
}

int store_anon_failure_take(struct store *s, long long before, struct anon_counts *out, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	sqlite3_stmt *st = prep(s,
				"SELECT client, minute, action, count FROM anon_failure"
				" WHERE minute < ? ORDER BY minute, client, action",
				"l", before);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct anon_count *c = &out->v[out->nr++];
		c->client = col_dup(st, 0);
		c->minute = sqlite3_column_int64(st, 1);
		c->action = col_dup(st, 2);
		c->count = sqlite3_column_int64(st, 3);
	}
	int ret = rows_end(s, st, rc, err, "anon_failure");
	if (ret == 0 && exec(s, "DELETE FROM anon_failure WHERE minute < ?", "l", before) < 0)
		ret = db_fail(s, err, "anon_failure");
	return store_end(s, ret, err, "anon_failure");
}

int store_idem_claim(struct store *s, long long user_id, const char *key, long long now,
		     char **object, char **err)
{
	*object = NULL;
	sqlite3_stmt *st =
	    prep(s,
		 "INSERT INTO idempotency (user_id, key, created_at) VALUES (?, ?, ?)"
		 " ON CONFLICT (user_id, key) DO NOTHING",
		 "lsl", user_id, key, now);
	int rc = stmt_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "idempotency");
	if (sqlite3_changes(s->db) == 1)
		return 0;
	st = prep(s, "SELECT object FROM idempotency WHERE user_id = ? AND key = ?", "ls", user_id,
		  key);
	rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*object = col_dup(st, 0);
	return row_end(s, st, rc, err, "idempotency") < 0 ? -1 : 1;
}

int store_idem_finish(struct store *s, long long user_id, const char *key, const char *object,
		      char **err)
{
	int rc = object ? exec(s, "UPDATE idempotency SET object = ? WHERE user_id = ? AND key = ?",
			       "sls", object, user_id, key)
			: exec(s, "DELETE FROM idempotency WHERE user_id = ? AND key = ?", "ls",
			       user_id, key);
	return rc < 0 ? db_fail(s, err, "idempotency") : 0;
}

int store_idem_expire(struct store *s, long long before, char **err)
{
	if (exec(s, "DELETE FROM idempotency WHERE created_at < ?", "l", before) < 0)
		return db_fail(s, err, "idempotency");
	return 0;
}
