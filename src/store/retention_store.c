#include "store/retention_store.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- the rules ------------------------------------------------------------ */

int store_retention_save(struct store *s, const struct org *o)
{
	if (exec(s, "DELETE FROM retention_rule", "") < 0)
		return -1;
	for (int r = 0; r < RET__COUNT; r++) {
		const struct retention_rule *rule = &o->retention.rule[r];
		char d[32];
		retention_duration_format(&rule->after, d, sizeof(d));
		if (exec(s,
			 "INSERT INTO retention_rule (record_type, duration, trigger_id)"
			 " VALUES (?, ?, ?)",
			 "sss", retention_record_id((enum retention_record)r), d,
			 retention_trigger_id(rule->trigger)) < 0)
			return -1;
	}
	return 0;
}

int store_retention_load(struct store *s, struct org *o)
{
	sqlite3_stmt *st =
	    prep(s, "SELECT record_type, duration, trigger_id FROM retention_rule", "");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum retention_record r;
		const char *d = (const char *)sqlite3_column_text(st, 1);
		const char *t = (const char *)sqlite3_column_text(st, 2);
		struct retention_rule rule = {{0, 0, 0}, TRIG_LAST_ACTIVITY, 0};
		char *err = NULL;
		/* a row this program cannot read keeps the built-in rule */
		if (retention_record_parse_id((const char *)sqlite3_column_text(st, 0), &r) < 0 ||
		    !d || !t || retention_duration_parse(d, strlen(d), &rule.after, &err) < 0 ||
		    retention_trigger_parse(t, &rule.trigger) < 0 ||
		    !retention_trigger_allowed(r, rule.trigger)) {
			free(err);
			continue;
		}
		o->retention.rule[r] = rule;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- deleting with a record of each row ------------------------------------ */

/* Records, then deletes, the rows of table matching where (SQL over the
 * batch's ids in temp.purge_ids). table and where are literals of this
 * file. */
static int del_rows(struct store *s, const char *record_type, const char *table, const char *where,
		    const char *reason, const char *at)
{
	struct strbuf ins = STRBUF_INIT, del = STRBUF_INIT;
	strbuf_addf(&ins,
		    "INSERT INTO deletion_record (at, record_type, table_name, row_id, reason)"
		    " SELECT ?1, ?2, '%s', rowid, ?3 FROM \"%s\" WHERE %s ORDER BY rowid",
		    table, table, where);
	strbuf_addf(&del, "DELETE FROM \"%s\" WHERE %s", table, where);
	int rc = exec(s, ins.buf, "sss", at, record_type, reason);
	if (rc == 0)
		rc = exec(s, del.buf, "");
	strbuf_release(&ins);
	strbuf_release(&del);
	return rc;
}

/* What the records of each type are: the rows to delete, children first
 * (for the whole batch: the ids in temp.purge_ids). */
#define IDS "(SELECT id FROM temp.purge_ids)"
struct del_step {
	const char *table, *where;
};

#define ITEM_DECLINED(kind, idcol) "(item_kind, item_id) IN (SELECT '" kind "', id FROM " idcol ")"

static const struct del_step concern_steps[] = {
    {"concern_note", "concern_id IN " IDS},
    {"concern_action", "concern_id IN " IDS},
    {"related_person", "concern_id IN " IDS},
    {"concern_category", "concern_id IN " IDS},
    {"share_declined",
     ITEM_DECLINED("handover", "handover WHERE concern_id IN " IDS) " OR " ITEM_DECLINED(
	 "referral", "referral WHERE concern_id IN " IDS)},
    {"decision", "concern_id IN " IDS},
    {"handover", "concern_id IN " IDS},
    {"referral", "concern_id IN " IDS},
    {"concern", "id IN " IDS},
    {NULL, NULL}};
static const struct del_step handover_steps[] = {
    {"share_declined", "item_kind = 'handover' AND item_id IN " IDS},
    {"handover", "id IN " IDS " AND concern_id IS NULL"},
    {NULL, NULL}};
static const struct del_step referral_steps[] = {
    {"share_declined", "item_kind = 'referral' AND item_id IN " IDS},
    {"referral", "id IN " IDS " AND concern_id IS NULL"},
    {NULL, NULL}};
static const struct del_step conversation_steps[] = {{"concern_note", "id IN " IDS}, {NULL, NULL}};
/* general minutes, and the guests named in the same meeting's attendance */
static const struct del_step minutes_steps[] = {
    {"meeting_minutes", "meeting_id IN " IDS},
    {"meeting_attendance", "meeting_id IN " IDS " AND user_id IS NULL"},
    {NULL, NULL}};

/* The candidates: ids of records of a type that are due, ?1 the cut-off
 * day, ?2 the limit. One statement per record type and trigger; NULL
 * where the trigger does not apply (domain/retention.c refuses those). */
#define CLOSED_CONCERN "c.status = 'closed'"
#define LAST_CONCERN_ACTIVITY                                                                      \
	"max(c.closed_at,"                                                                         \
	" coalesce((SELECT max(n.created_at) FROM concern_note n WHERE n.concern_id = c.id), '')," \
	" coalesce((SELECT max(coalesce(a.done_at, a.created_at)) FROM concern_action a"           \
	" WHERE a.concern_id = c.id), ''))"
static const char *const candidates[RET__COUNT][TRIG__COUNT] = {
    [RET_HANDOVER] =
	{
	    [TRIG_MEETING_CLOSED] =
		"SELECT h.id FROM handover h JOIN meeting m ON m.id = h.meeting_id"
		" WHERE h.concern_id IS NULL AND m.closed_at IS NOT NULL"
		" AND substr(m.closed_at, 1, 10) <= ?1 ORDER BY h.id LIMIT ?2",
	    [TRIG_LAST_ACTIVITY] = "SELECT h.id FROM handover h WHERE h.concern_id IS NULL"
				   " AND substr(h.created_at, 1, 10) <= ?1 ORDER BY h.id LIMIT ?2",
	    [TRIG_TURNS_18] = "SELECT h.id FROM handover h JOIN person p ON p.id = h.person_id"
			      " WHERE h.concern_id IS NULL AND p.birth_date <= ?1"
			      " ORDER BY h.id LIMIT ?2",
	    [TRIG_TURNS_25] = "SELECT h.id FROM handover h JOIN person p ON p.id = h.person_id"
			      " WHERE h.concern_id IS NULL AND p.birth_date <= ?1"
			      " ORDER BY h.id LIMIT ?2",
	},
    [RET_REFERRAL] =
	{
	    /* a referral that never became a concern ends when it is screened
	     * to be handled otherwise */
	    [TRIG_CASE_CLOSED] = "SELECT r.id FROM referral r WHERE r.concern_id IS NULL"
				 " AND r.status = 'other' AND substr(r.screened_at, 1, 10) <= ?1"
				 " ORDER BY r.id LIMIT ?2",
	    [TRIG_LAST_ACTIVITY] =
		"SELECT r.id FROM referral r WHERE r.concern_id IS NULL"
		" AND substr(max(r.created_at, coalesce(r.screened_at, '')), 1, 10) <= ?1"
		" ORDER BY r.id LIMIT ?2",
	    [TRIG_TURNS_18] = "SELECT r.id FROM referral r JOIN person p ON p.id = r.person_id"
			      " WHERE r.concern_id IS NULL AND p.birth_date <= ?1"
			      " ORDER BY r.id LIMIT ?2",
	    [TRIG_TURNS_25] = "SELECT r.id FROM referral r JOIN person p ON p.id = r.person_id"
			      " WHERE r.concern_id IS NULL AND p.birth_date <= ?1"
			      " ORDER BY r.id LIMIT ?2",
	},
    [RET_CONCERN] =
	{
	    [TRIG_CASE_CLOSED] = "SELECT c.id FROM concern c WHERE " CLOSED_CONCERN
				 " AND substr(c.closed_at, 1, 10) <= ?1 ORDER BY c.id LIMIT ?2",
	    [TRIG_LAST_ACTIVITY] = "SELECT c.id FROM concern c WHERE " CLOSED_CONCERN
				   " AND substr(" LAST_CONCERN_ACTIVITY ", 1, 10) <= ?1"
				   " ORDER BY c.id LIMIT ?2",
	    [TRIG_TURNS_18] = "SELECT c.id FROM concern c JOIN person p ON p.id = c.person_id"
			      " WHERE " CLOSED_CONCERN " AND p.birth_date <= ?1"
			      " ORDER BY c.id LIMIT ?2",
	    [TRIG_TURNS_25] = "SELECT c.id FROM concern c JOIN person p ON p.id = c.person_id"
			      " WHERE " CLOSED_CONCERN " AND p.birth_date <= ?1"
			      " ORDER BY c.id LIMIT ?2",
	},
    [RET_CONVERSATION] =
	{
#define CONVERSATION                                                                               \
	"SELECT n.id FROM concern_note n JOIN concern_action a ON a.id = n.action_id"              \
	" AND a.type = 'bekymringssamtale' JOIN concern c ON c.id = n.concern_id"                  \
	" JOIN person p ON p.id = c.person_id WHERE " CLOSED_CONCERN
	    [TRIG_CASE_CLOSED] = CONVERSATION " AND substr(c.closed_at, 1, 10) <= ?1"
					      " ORDER BY n.id LIMIT ?2",
	    [TRIG_LAST_ACTIVITY] = CONVERSATION " AND substr(n.created_at, 1, 10) <= ?1"
						" ORDER BY n.id LIMIT ?2",
	    [TRIG_TURNS_18] = CONVERSATION " AND p.birth_date <= ?1 ORDER BY n.id LIMIT ?2",
	    [TRIG_TURNS_25] = CONVERSATION " AND p.birth_date <= ?1 ORDER BY n.id LIMIT ?2",
	},
    [RET_MINUTES] =
	{
/* a meeting outside the case flow is never "closed": held is */
#define MINUTES_MEETINGS                                                                           \
	"SELECT m.id FROM meeting m WHERE (EXISTS (SELECT 1 FROM meeting_minutes x"                \
	" WHERE x.meeting_id = m.id) OR EXISTS (SELECT 1 FROM meeting_attendance g"                \
	" WHERE g.meeting_id = m.id AND g.user_id IS NULL))"
	    [TRIG_MEETING_CLOSED] =
		MINUTES_MEETINGS " AND substr(coalesce(m.closed_at, CASE WHEN m.status = 'held'"
				 " THEN m.end_at END), 1, 10) <= ?1 ORDER BY m.id LIMIT ?2",
	    [TRIG_LAST_ACTIVITY] = MINUTES_MEETINGS
	    " AND substr(coalesce((SELECT x.updated_at FROM meeting_minutes x"
	    " WHERE x.meeting_id = m.id), m.end_at), 1, 10) <= ?1 ORDER BY m.id LIMIT ?2",
	},
    [RET_INDSIGT] =
	{
	    /* answered requests only: an open one is a duty still to do */
	    [TRIG_LAST_ACTIVITY] = "SELECT q.id FROM indsigt_request q WHERE q.status = 'answered'"
				   " AND substr(max(q.created_at, q.answered_at, "
				   "coalesce(q.restricted_at, '')), 1, 10)"
				   " <= ?1 ORDER BY q.id LIMIT ?2",
	},
};

static const struct del_step indsigt_steps[] = {{"indsigt_request", "id IN " IDS}, {NULL, NULL}};

static const struct del_step *const steps_of[RET__COUNT] = {
    [RET_HANDOVER] = handover_steps, [RET_REFERRAL] = referral_steps,
    [RET_CONCERN] = concern_steps,   [RET_CONVERSATION] = conversation_steps,
    [RET_MINUTES] = minutes_steps,   [RET_INDSIGT] = indsigt_steps,
};

/* Puts the ids the candidate query sql (?1 cut-off, ?2 limit) returns
 * into temp.purge_ids, emptied first; *nr gets how many. */
static int fill_ids(struct store *s, const char *sql, const char *cutoff, int limit, long long *nr,
		    char **err)
{
	*nr = 0;
	struct strbuf ins = STRBUF_INIT;
	strbuf_addf(&ins, "INSERT INTO temp.purge_ids (id) %s", sql);
	int rc = exec(s, "CREATE TEMP TABLE IF NOT EXISTS purge_ids (id INTEGER PRIMARY KEY)", "");
	if (rc == 0)
		rc = exec(s, "DELETE FROM temp.purge_ids", "");
	if (rc == 0)
		rc = exec(s, ins.buf, "si", cutoff, limit);
	strbuf_release(&ins);
	if (rc < 0)
		return db_fail(s, err, "purge");
	*nr = sqlite3_changes(s->db);
	return 0;
}

static int del_batch(struct store *s, const char *record_type, const struct del_step *steps,
		     const char *at, char **err)
{
	for (const struct del_step *d = steps; d->table; d++)
		if (del_rows(s, record_type, d->table, d->where, "purge", at) < 0)
			return db_fail(s, err, "purge");
	return exec(s, "DELETE FROM temp.purge_ids", "") == 0 ? 0 : db_fail(s, err, "purge");
}

int store_purge_records(struct store *s, enum retention_record r, enum retention_trigger t,
			const char *cutoff, const char *at, int limit, long long *deleted,
			char **err)
{
	*deleted = 0;
	if (r >= RET__COUNT || t >= TRIG__COUNT || !candidates[r][t] || !steps_of[r])
		return 0; /* no such records (risk assessments), or no such rule */
	long long nr;
	if (fill_ids(s, candidates[r][t], cutoff, limit, &nr, err) < 0)
		return -1;
	if (nr && del_batch(s, retention_record_id(r), steps_of[r], at, err) < 0)
		return -1;
	*deleted = nr;
	return 0;
}

static const struct del_step person_steps[] = {{"person", "id IN " IDS}, {NULL, NULL}};

int store_purge_people(struct store *s, const char *before, const char *at, int limit,
		       long long *deleted, char **err)
{
	*deleted = 0;
	long long nr;
	if (fill_ids(s,
		     "SELECT p.id FROM person p WHERE substr(p.created_at, 1, 10) < ?1"
		     " AND NOT EXISTS (SELECT 1 FROM concern c WHERE c.person_id = p.id)"
		     " AND NOT EXISTS (SELECT 1 FROM handover h WHERE h.person_id = p.id)"
		     " AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id)"
		     " AND NOT EXISTS (SELECT 1 FROM indsigt_request q WHERE q.person_id = p.id)"
		     " ORDER BY p.id LIMIT ?2",
		     before, limit, &nr, err) < 0)
		return -1;
	if (nr && del_batch(s, RETENTION_PERSON, person_steps, at, err) < 0)
		return -1;
	*deleted = nr;
	return 0;
}

int store_deletion_record_meeting_close(struct store *s, long long meeting, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s,
		 "INSERT INTO deletion_record (at, record_type, table_name, row_id, reason)"
		 " SELECT ?1, 'handover', 'share_declined', rowid, 'meeting-close'"
		 " FROM share_declined WHERE item_kind = 'handover' AND item_id IN"
		 " (SELECT id FROM handover WHERE meeting_id = ?2 AND concern_id IS NULL)"
		 " ORDER BY rowid",
		 "sl", now, meeting) < 0 ||
	    exec(s,
		 "INSERT INTO deletion_record (at, record_type, table_name, row_id, reason)"
		 " SELECT ?1, 'handover', 'handover', id, 'meeting-close' FROM handover"
		 " WHERE meeting_id = ?2 AND concern_id IS NULL ORDER BY id",
		 "sl", now, meeting) < 0)
		return db_fail(s, err, "deletion_record");
	return 0;
}

int store_deletion_record_add(struct store *s, const char *record_type, const char *table,
			      long long row_id, const char *reason, const char *at, char **err)
{
	if (exec(s,
		 "INSERT INTO deletion_record (at, record_type, table_name, row_id, reason)"
		 " VALUES (?, ?, ?, ?, ?)",
		 "sssls", at, record_type, table, row_id, reason) < 0)
		return db_fail(s, err, "deletion_record");
	return 0;
}

int store_secure_checkpoint(struct store *s, bool *complete, char **err)
{
	*complete = false;
	if (store_in_transaction(s)) {
		*err =
		    msgf(_("intern fejl: WAL-kontrolpunkt inde i en transaktion (»%s«)"), s->path);
		return -1;
	}
	if (sqlite3_exec(s->db, "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err, "secure_delete");
	int log = 0, done = 0;
	int rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if (rc == SQLITE_BUSY || (rc & 0xff) == SQLITE_BUSY)
		return 0; /* a reader holds the WAL: not complete */
	if (rc != SQLITE_OK)
		return db_fail(s, err, "wal_checkpoint");
	*complete = log == 0 || log == done;
	return 0;
}
