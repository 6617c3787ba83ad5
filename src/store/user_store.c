#include "store/user_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/xalloc.h"
#include "util/banned.h"

void user_row_release(struct user_row *u)
{
	user_info_release(&u->info);
	free(u->password_hash);
	free(u->totp_sealed);
	memset(u, 0, sizeof(*u));
}

static int step_done(struct store *s, sqlite3_stmt *st, char **err, const char *what)
{
	return rows_end(s, st, stmt_step(st), err, what);
}

int store_user_insert(struct store *s, const struct user_new *u, const char *password_hash,
		      long long *id, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	sqlite3_stmt *st = prep(s,
				"INSERT INTO user (username, name, role, org, institution_id,"
				" password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				"sssssss", u->username, u->name, role_id(u->role), u->org,
				u->institution, password_hash, now);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return -2;
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "user");
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

#define USER_COLS                                                                                  \
	"id, username, name, role, org, institution_id, totp_enabled, disabled, created_at, "      \
	"password_hash, totp_secret, totp_last_step"

static void read_info(sqlite3_stmt *st, struct user_info *u)
{
	u->id = sqlite3_column_int64(st, 0);
	u->username = col_dup(st, 1);
	u->name = col_dup(st, 2);
	if (role_parse((const char *)sqlite3_column_text(st, 3), &u->role) < 0)
		u->role = ROLE_STEERING; /* unknown role: the least that shows personal data */
	u->org = col_dup(st, 4);
	u->institution = col_dup(st, 5);
	u->totp_enabled = sqlite3_column_int(st, 6) != 0;
	u->disabled = sqlite3_column_int(st, 7) != 0;
	u->created_at = col_dup(st, 8);
}

static int user_one(struct store *s, sqlite3_stmt *st, struct user_row *out, char **err)
{
	memset(out, 0, sizeof(*out));
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		read_info(st, &out->info);
		out->password_hash = col_dup(st, 9);
		int n = sqlite3_column_bytes(st, 10);
		const void *b = sqlite3_column_blob(st, 10);
		if (b && n > 0) {
			out->totp_sealed = xmalloc((size_t)n);
			memcpy(out->totp_sealed, b, (size_t)n);
			out->totp_sealed_len = (size_t)n;
		}
		out->totp_last_step = sqlite3_column_int64(st, 11);
	}
	return row_end(s, st, rc, err, "user");
}

int store_user_by_name(struct store *s, const char *username, struct user_row *out, char **err)
{
	return user_one(s,
			prep(s, "SELECT " USER_COLS " FROM user WHERE username = ?", "s", username),
			out, err);
}

int store_user_by_id(struct store *s, long long id, struct user_row *out, char **err)
{
	return user_one(s, cprep(s, "SELECT " USER_COLS " FROM user WHERE id = ?", "l", id), out,
			err);
}

int store_user_list(struct store *s, struct user_list *out, char **err)
{
	sqlite3_stmt *st = prep(s, "SELECT " USER_COLS " FROM user ORDER BY username", "");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		read_info(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, "user");
}

int store_user_set_disabled(struct store *s, long long id, bool disabled, char **err)
{
	return step_done(
	    s, prep(s, "UPDATE user SET disabled = ? WHERE id = ?", "il", (int)disabled, id), err,
	    "user");
}

int store_user_set_role(struct store *s, long long id, enum role role, char **err)
{
	return step_done(s,
			 prep(s, "UPDATE user SET role = ? WHERE id = ?", "sl", role_id(role), id),
			 err, "user");
}

int store_user_set_password(struct store *s, long long id, const char *hash, char **err)
{
	return step_done(s,
			 prep(s, "UPDATE user SET password_hash = ? WHERE id = ?", "sl", hash, id),
			 err, "user");
}

int store_user_set_totp(struct store *s, long long id, const unsigned char *sealed, size_t len,
			bool enabled, char **err)
{
	sqlite3_stmt *st;
	if (sealed)
		st = prep(s, "UPDATE user SET totp_secret = ?, totp_enabled = ? WHERE id = ?",
			  "bil", (const void *)sealed, (int)len, (int)enabled, id);
	else
		st = prep(s, "UPDATE user SET totp_secret = NULL, totp_enabled = 0 WHERE id = ?",
			  "l", id);
	return step_done(s, st, err, "user");
}

int store_user_use_totp_step(struct store *s, long long id, long long step, char **err)
{
	if (step_done(s,
		      prep(s,
			   "UPDATE user SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
			   "lll", step, id, step),
		      err, "user") < 0)
		return -1;
	return sqlite3_changes(s->db) == 1 ? 0 : 1;
}

bool store_institution_exists(struct store *s, const char *id)
{
	sqlite3_stmt *st = prep(s, "SELECT 1 FROM institution WHERE id = ?", "s", id);
	bool found = st && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int store_session_insert(struct store *s, const unsigned char hash[32], long long user_id,
			 const char *state, const char *csrf, long long now, char **err)
{
	return step_done(s,
			 prep(s,
			      "INSERT INTO session (id_hash, user_id, state, csrf, created_at,"
			      " last_seen) VALUES (?, ?, ?, ?, ?, ?)",
			      "blssll", (const void *)hash, 32, user_id, state, csrf, now, now),
			 err, "session");
}

int store_session_get(struct store *s, const unsigned char hash[32], struct session_row *out,
		      char **err)
{
	sqlite3_stmt *st = cprep(s,
				 "SELECT user_id, state, csrf, created_at, last_seen FROM session"
				 " WHERE id_hash = ?",
				 "b", (const void *)hash, 32);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		out->user_id = sqlite3_column_int64(st, 0);
		snprintf(out->state, sizeof(out->state), "%s", sqlite3_column_text(st, 1));
		snprintf(out->csrf, sizeof(out->csrf), "%s", sqlite3_column_text(st, 2));
		out->created_at = sqlite3_column_int64(st, 3);
		out->last_seen = sqlite3_column_int64(st, 4);
	}
	return row_end(s, st, rc, err, "session");
}

/* Text column i into dst (cut to n - 1 bytes; "" for NULL). */
static void col_copy(char *dst, size_t n, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(dst, n, "%s", t ? (const char *)t : "");
}

int store_session_user_get(struct store *s, const unsigned char hash[32], struct session_user *out,
			   char **err)
{
	sqlite3_stmt *st = cprep(s,
				 "SELECT s.user_id, s.state, s.csrf, s.created_at, s.last_seen,"
				 " u.id, u.username, u.org, u.role, u.disabled,"
				 " (SELECT stamp FROM org_stamp),"
				 " (SELECT schema_version FROM pragma_schema_version)"
				 " FROM session s LEFT JOIN user u ON u.id = s.user_id"
				 " WHERE s.id_hash = ?",
				 "b", (const void *)hash, 32);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		struct session_row *row = &out->session;
		row->user_id = sqlite3_column_int64(st, 0);
		snprintf(row->state, sizeof(row->state), "%s", sqlite3_column_text(st, 1));
		snprintf(row->csrf, sizeof(row->csrf), "%s", sqlite3_column_text(st, 2));
		row->created_at = sqlite3_column_int64(st, 3);
		row->last_seen = sqlite3_column_int64(st, 4);
		/* the organisation's stamp in the same read transaction
		 * (store_org_stamp) */
		out->org_stamp_ok = sqlite3_column_type(st, 10) != SQLITE_NULL;
		out->org_stamp = sqlite3_column_int64(st, 10);
		out->org_schema = sqlite3_column_int64(st, 11);
		out->user_found = sqlite3_column_type(st, 5) != SQLITE_NULL;
		if (out->user_found) {
			col_copy(out->username, sizeof(out->username), st, 6);
			col_copy(out->org, sizeof(out->org), st, 7);
			if (role_parse((const char *)sqlite3_column_text(st, 8), &out->role) < 0)
				out->role = ROLE_STEERING; /* as read_info: the least that shows
							      personal data */
			out->disabled = sqlite3_column_int(st, 9) != 0;
		}
	}
	return row_end(s, st, rc, err, "session");
}

int store_session_touch(struct store *s, const unsigned char hash[32], long long now, char **err)
{
	return step_done(s,
			 cprep(s, "UPDATE session SET last_seen = ? WHERE id_hash = ?", "lb", now,
			       (const void *)hash, 32),
			 err, "session");
}

int store_session_rekey(struct store *s, const unsigned char old_hash[32],
			const unsigned char new_hash[32], const char *state, const char *csrf,
			long long now, char **err)
{
	return step_done(s,
			 prep(s,
			      "UPDATE session SET id_hash = ?, state = ?, csrf = ?, last_seen = ?"
			      " WHERE id_hash = ?",
			      "bsslb", (const void *)new_hash, 32, state, csrf, now,
			      (const void *)old_hash, 32),
			 err, "session");
}

int store_session_set_state(struct store *s, const unsigned char hash[32], const char *state,
			    char **err)
{
	return step_done(s,
			 prep(s, "UPDATE session SET state = ? WHERE id_hash = ?", "sb", state,
			      (const void *)hash, 32),
			 err, "session");
}

int store_session_delete(struct store *s, const unsigned char hash[32], char **err)
{
	return step_done(
	    s, prep(s, "DELETE FROM session WHERE id_hash = ?", "b", (const void *)hash, 32), err,
	    "session");
}

int store_session_delete_user(struct store *s, long long user_id, char **err)
{
	return step_done(s, prep(s, "DELETE FROM session WHERE user_id = ?", "l", user_id), err,
			 "session");
}

int store_session_delete_user_except(struct store *s, long long user_id,
				     const unsigned char keep[32], char **err)
{
	static const unsigned char none[32];
	return step_done(s,
			 prep(s, "DELETE FROM session WHERE user_id = ? AND id_hash != ?", "lb",
			      user_id, (const void *)(keep ? keep : none), 32),
			 err, "session");
}

int store_token_insert(struct store *s, const unsigned char hash[32], long long user_id, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return step_done(s,
			 prep(s,
			      "INSERT INTO api_token (hash, user_id, created_at) VALUES (?, ?, ?)",
			      "bls", (const void *)hash, 32, user_id, now),
			 err, "token");
}

int store_token_find(struct store *s, const unsigned char hash[32], long long *user_id, char **err)
{
	sqlite3_stmt *st =
	    prep(s, "SELECT user_id FROM api_token WHERE hash = ? AND revoked_at IS NULL", "b",
		 (const void *)hash, 32);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*user_id = sqlite3_column_int64(st, 0);
	return row_end(s, st, rc, err, "token");
}

int store_token_revoke_user(struct store *s, long long user_id, int *count, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (step_done(
		s,
		prep(s,
		     "UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
		     "sl", now, user_id),
		err, "token") < 0)
		return -1;
	*count = sqlite3_changes(s->db);
	return 0;
}

int store_login_failure_add(struct store *s, const char *key, long long at, char **err)
{
	return step_done(
	    s, prep(s, "INSERT INTO login_failure (key, at) VALUES (?, ?)", "sl", key, at), err,
	    "login");
}

int store_login_failure_count(struct store *s, const char *key, long long since, char **err)
{
	sqlite3_stmt *st = prep(s, "SELECT count(*) FROM login_failure WHERE key = ? AND at >= ?",
				"sl", key, since);
	if (!st)
		return db_fail(s, err, "login");
	int n = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (n < 0)
		return db_fail(s, err, "login");
	return n;
}

int store_login_failure_clear(struct store *s, const char *key, char **err)
{
	return step_done(s, prep(s, "DELETE FROM login_failure WHERE key = ?", "s", key), err,
			 "login");
}
