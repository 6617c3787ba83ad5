/* meeting_run_store.c - agenda items, attendance, minutes, participants
 * and calendar tokens (migration 4). */
#include "store/meeting_run_store.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- agenda ---- */

int store_agenda_load(struct store *s, long long meeting_id, struct strlist *out, bool *stored,
		      char **err)
{
	*stored = false;
	sqlite3_stmt *st = prep(s,
				"SELECT text FROM meeting_agenda_item WHERE meeting_id = ?"
				" ORDER BY position",
				"l", meeting_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		*stored = true;
		if (t && *t)
			strlist_add(out, t);
	}
	return rows_end(s, st, rc, err, _("læs dagsorden"));
}

int store_agenda_save(struct store *s, long long meeting_id, const struct strlist *items,
		      char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	int rc = exec(s, "DELETE FROM meeting_agenda_item WHERE meeting_id = ?", "l", meeting_id);
	for (size_t i = 0; rc == 0 && i < items->nr; i++)
		rc = exec(s,
			  "INSERT INTO meeting_agenda_item (meeting_id, position, text)"
			  " VALUES (?, ?, ?)",
			  "lis", meeting_id, (int)i, items->v[i]);
	if (rc == 0 && !items->nr)
		rc = exec(s,
			  "INSERT INTO meeting_agenda_item (meeting_id, position, text)"
			  " VALUES (?, 0, '')",
			  "l", meeting_id);
	return store_end(s, rc, err, _("gem dagsorden"));
}

/* ---- people ---- */

/* Columns: user id, username, name, org, role, present. */
static void read_person(sqlite3_stmt *st, struct person *p)
{
	p->user_id = sqlite3_column_int64(st, 0);
	p->username = col_dup(st, 1);
	p->name = col_dup(st, 2);
	p->org = col_dup(st, 3);
	const char *role = (const char *)sqlite3_column_text(st, 4);
	if (!role || role_parse(role, &p->role) < 0)
		p->role = ROLE_STEERING; /* unknown: the least that shows personal data */
	p->present = sqlite3_column_int(st, 5) != 0;
	if (!p->name)
		p->name = xstrdup(p->username ? p->username : "?");
}

static int load_people(struct store *s, sqlite3_stmt *st, struct person_list *out, char **err,
		       const char *what)
{
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		read_person(st, person_list_add(out));
	return rows_end(s, st, rc, err, what);
}

/* ---- participants ---- */

int store_participants_load(struct store *s, const char *body, struct person_list *out, char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT u.id, u.username, u.name, u.org, u.role, 0"
				" FROM body_participant p JOIN user u ON u.id = p.user_id"
				" WHERE p.body_id = ? AND u.disabled = 0"
				" ORDER BY u.name, u.username",
				"s", body);
	return load_people(s, st, out, err, _("læs deltagere"));
}

int store_participant_bodies(struct store *s, long long user_id, struct strlist *out, char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT p.body_id FROM body_participant p JOIN body b"
				" ON b.id = p.body_id WHERE p.user_id = ? AND b.active = 1"
				" ORDER BY b.position",
				"l", user_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		strlist_add(out, (const char *)sqlite3_column_text(st, 0));
	return rows_end(s, st, rc, err, _("læs deltagelse"));
}

int store_participant_add(struct store *s, const char *body, long long user_id, char **err)
{
	if (exec(s, "INSERT OR IGNORE INTO body_participant (body_id, user_id) VALUES (?, ?)", "sl",
		 body, user_id) < 0)
		return db_fail(s, err, _("tilføj deltager"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_participant_remove(struct store *s, const char *body, long long user_id, char **err)
{
	if (exec(s, "DELETE FROM body_participant WHERE body_id = ? AND user_id = ?", "sl", body,
		 user_id) < 0)
		return db_fail(s, err, _("fjern deltager"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

/* ---- attendance ---- */

int store_attendance_load(struct store *s, long long meeting_id, struct person_list *out,
			  char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT coalesce(a.user_id, 0), u.username, coalesce(u.name, a.name),"
		 " coalesce(u.org, a.org), u.role, a.present"
		 " FROM meeting_attendance a LEFT JOIN user u ON u.id = a.user_id"
		 " WHERE a.meeting_id = ?"
		 " ORDER BY a.user_id IS NULL, coalesce(u.name, ''), a.rowid",
		 "l", meeting_id);
	return load_people(s, st, out, err, _("læs fremmøde"));
}

int store_attendance_save(struct store *s, long long meeting_id, const struct person_list *att,
			  char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	int rc = exec(s, "DELETE FROM meeting_attendance WHERE meeting_id = ?", "l", meeting_id);
	for (size_t i = 0; rc == 0 && i < att->nr; i++) {
		const struct person *p = &att->v[i];
		if (p->user_id)
			rc = exec(s,
				  "INSERT INTO meeting_attendance (meeting_id, user_id, present)"
				  " VALUES (?, ?, ?)",
				  "lli", meeting_id, p->user_id, (int)p->present);
		else
			rc = exec(s,
				  "INSERT INTO meeting_attendance (meeting_id, name, org, present)"
				  " VALUES (?, ?, ?, ?)",
				  "lssi", meeting_id, p->name, p->org, (int)p->present);
	}
	return store_end(s, rc, err, _("gem fremmøde"));
}

/* ---- minutes ---- */

int store_minutes_load(struct store *s, long long meeting_id, struct minutes *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s,
				"SELECT text, updated_at, updated_by FROM meeting_minutes"
				" WHERE meeting_id = ?",
				"l", meeting_id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		out->text = col_dup(st, 0);
		out->updated_at = col_dup(st, 1);
		out->updated_by = col_dup(st, 2);
	}
	/* no minutes yet is not an error */
	return row_end(s, st, rc, err, _("læs referat")) < 0 ? -1 : 0;
}

int store_minutes_save(struct store *s, long long meeting_id, const char *text, const char *by,
		       char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s,
		 "INSERT INTO meeting_minutes (meeting_id, text, updated_at, updated_by)"
		 " VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET"
		 " text = excluded.text, updated_at = excluded.updated_at,"
		 " updated_by = excluded.updated_by",
		 "lsss", meeting_id, text, now, by) < 0)
		return db_fail(s, err, _("gem referat"));
	return 0;
}

/* ---- calendar tokens ---- */

int store_caltoken_replace(struct store *s, const unsigned char hash[32], long long user_id,
			   char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (store_begin(s, err) < 0)
		return -1;
	int rc = exec(s,
		      "UPDATE calendar_token SET revoked_at = ? WHERE user_id = ?"
		      " AND revoked_at IS NULL",
		      "sl", now, user_id);
	if (rc == 0)
		rc = exec(s,
			  "INSERT INTO calendar_token (hash, user_id, created_at) VALUES (?, ?, ?)",
			  "bls", hash, 32, user_id, now);
	return store_end(s, rc, err, _("gem kalenderadresse"));
}

int store_caltoken_find(struct store *s, const unsigned char hash[32], long long *user_id,
			char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT user_id FROM calendar_token WHERE hash = ?"
				" AND revoked_at IS NULL",
				"b", hash, 32);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*user_id = sqlite3_column_int64(st, 0);
	return row_end(s, st, rc, err, _("læs kalenderadresse"));
}

int store_caltoken_revoke_user(struct store *s, long long user_id, int *count, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s,
		 "UPDATE calendar_token SET revoked_at = ? WHERE user_id = ?"
		 " AND revoked_at IS NULL",
		 "sl", now, user_id) < 0)
		return db_fail(s, err, _("tilbagekald kalenderadresse"));
	*count = sqlite3_changes(s->db);
	return 0;
}

int store_caltoken_live(struct store *s, long long user_id, char **created_at, char **err)
{
	*created_at = NULL;
	sqlite3_stmt *st = prep(s,
				"SELECT max(created_at) FROM calendar_token WHERE user_id = ?"
				" AND revoked_at IS NULL",
				"l", user_id);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(s, err, _("læs kalenderadresse"));
	}
	*created_at = col_dup(st, 0);
	sqlite3_finalize(st);
	return 0;
}
