#include "store/sealed_store.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- the registry ------------------------------------------------------- */

/* Derived from the one list of personal columns (store/personal_columns.def):
 * its SEALED rows, each named by its table's "id". */
#define PERSONAL(t, c, rt, subj, link, lc, what)
#define SEALED(t, c, rt, subj, link, lc, what) {#t, #c, "id"},
const struct sealed_column store_sealed_columns[] = {
#include "store/personal_columns.def"
};
#undef PERSONAL
#undef SEALED
const size_t store_sealed_columns_nr = sizeof(store_sealed_columns) / sizeof(*store_sealed_columns);

/* SQL text that is "version 1 under key ?N" as the hex of a value's first
 * five bytes: printf('01%08X', ?N). These are strbuf_addf() formats (the
 * statements name registry columns), hence the %%. */
#define HEADER_OF(col) "hex(substr(" col ", 1, 5))"
#define HEADER_IS(nr)  "printf('01%%08X', ?" nr ")"
#define HEADER_KNOWN(v)                                                                            \
	"EXISTS (SELECT 1 FROM data_key WHERE printf('01%%08X', id) = " HEADER_OF(v) ")"

static bool ident_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

static int column_ok(struct store *s, const struct sealed_column *c, char **err)
{
	if (ident_ok(c->table) && ident_ok(c->column) && ident_ok(c->id_column))
		return 0;
	*err = msgf("sealed column registry: bad identifier in %s.%s (%s) in »%s«", c->table,
		    c->column, c->id_column, s->path);
	return -1;
}

/* ---- data keys ------------------------------------------------------------ */

void data_key_release(struct data_key_row *k)
{
	if (k->wrapped)
		memset(k->wrapped, 0, k->wrapped_len);
	free(k->wrapped);
	k->wrapped = NULL;
	k->wrapped_len = 0;
}

static int key_row(struct store *s, sqlite3_stmt *st, struct data_key_row *out, char **err)
{
	memset(out, 0, sizeof(*out));
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		int n = sqlite3_column_bytes(st, 1);
		const void *b = sqlite3_column_blob(st, 1);
		out->wrapped = xmalloc(n > 0 ? (size_t)n : 1);
		if (b && n > 0)
			memcpy(out->wrapped, b, (size_t)n);
		out->wrapped_len = n > 0 ? (size_t)n : 0;
	}
	return row_end(s, st, rc, err, "data_key");
}

int store_data_key_current(struct store *s, struct data_key_row *out, char **err)
{
	return key_row(s, prep(s, "SELECT id, wrapped FROM data_key ORDER BY id DESC LIMIT 1", ""),
		       out, err);
}

int store_data_key_get(struct store *s, long long id, struct data_key_row *out, char **err)
{
	return key_row(s, cprep(s, "SELECT id, wrapped FROM data_key WHERE id = ?", "l", id), out,
		       err);
}

int store_data_key_count(struct store *s, long long *count, long long *max_id, char **err)
{
	sqlite3_stmt *st = prep(s, "SELECT count(*), coalesce(max(id), 0) FROM data_key", "");
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		*max_id = sqlite3_column_int64(st, 1);
	}
	return row_end(s, st, rc, err, "data_key") == 0 ? 0 : -1;
}

int store_data_key_add(struct store *s, long long id, const void *wrapped, size_t len,
		       bool *inserted, char **err)
{
	*inserted = false;
	if (store_begin(s, err) < 0)
		return -1;
	char now[STORE_TIME_LEN];
	store_now(now);
	int rc = exec(s,
		      "INSERT INTO data_key (id, wrapped, created_at) SELECT ?1, ?2, ?3"
		      " WHERE NOT EXISTS (SELECT 1 FROM data_key WHERE id >= ?1)",
		      "lbs", id, wrapped, (int)len, now);
	if (rc == 0)
		*inserted = sqlite3_changes(s->db) == 1;
	return store_end(s, rc, err, "data_key");
}

/* ---- triggers --------------------------------------------------------------- */

int store_sealed_prepare(struct store *s, char **err)
{
	for (size_t i = 0; i < store_sealed_columns_nr; i++) {
		const struct sealed_column *c = &store_sealed_columns[i];
		if (column_ok(s, c, err) < 0)
			return -1;
		static const char *const events[2][2] = {{"ins", "INSERT"}, {"upd", "UPDATE OF"}};
		for (int e = 0; e < 2; e++) {
			struct strbuf sql = STRBUF_INIT;
			strbuf_addf(&sql,
				    "CREATE TRIGGER IF NOT EXISTS sealed_%s_%s_%s BEFORE %s %s%s%s"
				    " ON \"%s\" WHEN NEW.\"%s\" IS NOT NULL AND NOT " HEADER_KNOWN(
					"NEW.\"%s\"") " BEGIN SELECT RAISE(ABORT, 'sealed value: "
						      "unknown data key or format'); END",
				    c->table, c->column, events[e][0], events[e][1], e ? "\"" : "",
				    e ? c->column : "", e ? "\"" : "", c->table, c->column,
				    c->column);
			int rc = sqlite3_exec(s->db, sql.buf, NULL, NULL, NULL);
			strbuf_release(&sql);
			if (rc != SQLITE_OK)
				return db_fail(s, err, "sealed trigger");
		}
	}
	return 0;
}

/* ---- rotation ---------------------------------------------------------------- */

struct stale {
	long long id;
	unsigned char *v;
	size_t len;
};

int store_sealed_reseal(struct store *s, const struct sealed_column *c, long long current,
			int limit, sealed_reseal_fn fn, void *data, int *done, char **err)
{
	*done = 0;
	if (column_ok(s, c, err) < 0)
		return -1;
	struct strbuf sel = STRBUF_INIT, upd = STRBUF_INIT;
	strbuf_addf(&sel,
		    "SELECT \"%s\", \"%s\" FROM \"%s\" WHERE \"%s\" IS NOT NULL"
		    " AND " HEADER_OF("\"%s\"") " <> " HEADER_IS("1") " LIMIT ?2",
		    c->id_column, c->column, c->table, c->column, c->column);
	strbuf_addf(&upd, "UPDATE \"%s\" SET \"%s\" = ?1 WHERE \"%s\" = ?2 AND \"%s\" = ?3",
		    c->table, c->column, c->id_column, c->column);
	struct stale *rows = NULL;
	size_t nr = 0, alloc = 0;
	int ret = -1;
	if (store_begin(s, err) < 0)
		goto out;
	/* Read the batch first: SQLite leaves undefined which rows a running
	 * SELECT visits when the same connection changes its table. */
	sqlite3_stmt *st = prep(s, sel.buf, "li", current, limit);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(rows, nr + 1, alloc);
		struct stale *r = &rows[nr++];
		r->id = sqlite3_column_int64(st, 0);
		r->len = (size_t)sqlite3_column_bytes(st, 1);
		r->v = xmalloc(r->len ? r->len : 1);
		if (r->len)
			memcpy(r->v, sqlite3_column_blob(st, 1), r->len);
	}
	ret = rc == SQLITE_DONE ? 0 : db_fail(s, err, "reseal");
	sqlite3_finalize(st);
	for (size_t i = 0; ret == 0 && i < nr; i++) {
		unsigned char *nv = NULL;
		size_t nv_len = 0;
		if (fn(c, rows[i].id, rows[i].v, rows[i].len, &nv, &nv_len, data) < 0) {
			ret = -2;
			break;
		}
		if (exec(s, upd.buf, "blb", nv, (int)nv_len, rows[i].id, rows[i].v,
			 (int)rows[i].len) < 0)
			ret = db_fail(s, err, "reseal");
		free(nv);
	}
	if (ret == 0) {
		ret = store_end(s, 0, err, "reseal");
		*done = (int)nr;
	} else {
		store_rollback(s);
	}
out:
	for (size_t i = 0; i < nr; i++)
		free(rows[i].v);
	free(rows);
	strbuf_release(&sel);
	strbuf_release(&upd);
	return ret;
}

int store_data_key_retire(struct store *s, long long current, long long *left, char **err)
{
	*left = 0;
	if (store_begin(s, err) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < store_sealed_columns_nr; i++) {
		const struct sealed_column *c = &store_sealed_columns[i];
		if (column_ok(s, c, err) < 0) {
			store_rollback(s);
			return -1;
		}
		struct strbuf sql = STRBUF_INIT;
		strbuf_addf(&sql,
			    "SELECT count(*) FROM \"%s\" WHERE \"%s\" IS NOT NULL"
			    " AND " HEADER_OF("\"%s\"") " <> " HEADER_IS("1"),
			    c->table, c->column, c->column);
		sqlite3_stmt *st = prep(s, sql.buf, "l", current);
		strbuf_release(&sql);
		int r = stmt_step(st);
		if (r == SQLITE_ROW)
			*left += sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (r != SQLITE_ROW)
			rc = -1;
	}
	if (rc == 0 && *left == 0)
		rc = exec(s, "DELETE FROM data_key WHERE id <> ?", "l", current);
	return store_end(s, rc, err, "data_key");
}

/* ---- the TOTP secrets of before migration 6 ---------------------------------- */

int store_totp_legacy_upgrade(struct store *s, totp_legacy_fn fn, void *data, int *upgraded,
			      char **err)
{
	*upgraded = 0;
	for (;;) {
		if (store_begin(s, err) < 0)
			return -1;
		sqlite3_stmt *st = prep(s,
					"SELECT id, totp_legacy FROM user WHERE totp_legacy IS NOT "
					"NULL ORDER BY id LIMIT 1",
					"");
		int rc = stmt_step(st);
		if (rc == SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_end(s, 0, err, "user");
		}
		if (rc != SQLITE_ROW) {
			sqlite3_finalize(st);
			return store_end(s, -1, err, "user");
		}
		long long id = sqlite3_column_int64(st, 0);
		unsigned char *nv = NULL;
		size_t nv_len = 0;
		int f = fn(id, sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1), &nv,
			   &nv_len, data);
		sqlite3_finalize(st);
		if (f < 0) {
			store_rollback(s);
			return -2;
		}
		rc = exec(s, "UPDATE user SET totp_secret = ?, totp_legacy = NULL WHERE id = ?",
			  "bl", nv, (int)nv_len, id);
		free(nv);
		if (store_end(s, rc, err, "user") < 0)
			return -1;
		(*upgraded)++;
	}
}
