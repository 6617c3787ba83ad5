/* followup_store.c - the follow-up on a concern (store/followup_store.h). */
#include "store/followup_store.h"

#include <string.h>

#include "domain/calendar.h"
#include "store/concern_store.h"
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

/* One action by id, with the columns and reader of concern_store.c (one
 * home for what an action row holds). */
int followup_store_action_get(struct store *s, long long id, struct action_rows *out, char **err)
{
	int rc = concern_store_action_by_id(s, id, out, err);
	return rc < 0 ? rc : out->nr ? 0 : 1;
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
	return concern_store_actions_mine(s, org, user, out, err);
}
