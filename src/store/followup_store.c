/* followup_store.c - the follow-up on a concern (store/followup_store.h). */
#include "store/followup_store.h"

#include <string.h>

#include "domain/calendar.h"
#include "store/store_internal.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* A day as "YYYY-MM-DD", or NULL for CAL_NO_DAY; buf holds 11 bytes. */
static const char *day_text(long day, char buf[11])
{
	if (day == CAL_NO_DAY)
		return NULL;
	cal_format_date(day, buf);
	return buf;
}

static long col_day(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	struct date d;
	if (!t || cal_parse_date((const char *)t, &d) < 0)
		return CAL_NO_DAY;
	return cal_days(d);
}

#define COLS                                                                                       \
	"SELECT a.id, a.concern_id, c.person_id, a.type, a.owner_org, a.owner_user, a.status,"     \
	" a.due, a.planned_date, a.held_date, a.reported_at, a.receipt_due, a.receipt_at"          \
	" FROM concern_action a JOIN concern c ON c.id = a.concern_id"

static void read_row(sqlite3_stmt *st, struct action_rows *out)
{
	ALLOC_GROW(out->v, out->nr + 1, out->alloc);
	struct action_row *a = &out->v[out->nr++];
	a->id = sqlite3_column_int64(st, 0);
	a->concern_id = sqlite3_column_int64(st, 1);
	a->person_id = sqlite3_column_int64(st, 2);
	a->type = col_dup(st, 3);
	a->owner_org = col_dup(st, 4);
	a->owner_user = col_dup(st, 5);
	a->status = col_dup(st, 6);
	a->due = col_day(st, 7);
	a->planned = col_day(st, 8);
	a->held = col_day(st, 9);
	a->reported = col_day(st, 10);
	a->receipt_due = col_day(st, 11);
	a->receipt_at = col_day(st, 12);
}

int followup_store_action_get(struct store *s, long long id, struct action_rows *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s, COLS " WHERE a.id = ?", "l", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, out);
	return row_end(s, st, rc, err, "concern_action");
}

int followup_store_action_insert(struct store *s, long long concern_id, const char *type,
				 const char *owner_org, const char *owner_user, long due,
				 const char *by, long long *id, char **err)
{
	char now[STORE_TIME_LEN], d[11];
	store_now(now);
	if (exec(s,
		 "INSERT INTO concern_action (concern_id, type, owner_org, owner_user, due,"
		 " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
		 "lssssss", concern_id, type, owner_org, owner_user, day_text(due, d), now, by) < 0)
		return db_fail(s, err, "concern_action");
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int followup_store_action_set(struct store *s, const struct action_row *a, char **err)
{
	char now[STORE_TIME_LEN], p[11], h[11], r[11], rd[11], ra[11];
	store_now(now);
	sqlite3_stmt *st =
	    prep(s,
		 "UPDATE concern_action SET status = ?, planned_date = ?,"
		 " held_date = ?, reported_at = ?, receipt_due = ?, receipt_at = ?,"
		 " done_at = CASE WHEN ? = 'done' THEN coalesce(done_at, ?)"
		 " ELSE NULL END WHERE id = ?",
		 "ssssssssl", a->status, day_text(a->planned, p), day_text(a->held, h),
		 day_text(a->reported, r), day_text(a->receipt_due, rd),
		 day_text(a->receipt_at, ra), a->status, now, a->id);
	int rc = stmt_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "concern_action");
	return sqlite3_changes(s->db) ? 0 : 1;
}

int followup_store_actions_mine(struct store *s, const char *org, const char *user,
				struct action_rows *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st =
	    prep(s,
		 COLS " WHERE a.status = 'open' AND c.status = 'open' AND"
		      " (a.owner_user = ? OR (a.owner_user IS NULL AND a.owner_org = ?))"
		      " ORDER BY a.due, a.id",
		 "ss", user, org);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		read_row(st, out);
	return rows_end(s, st, rc, err, "concern_action");
}
