/* meeting_store.c - planned meetings, and the planning keys of the
 * organisation (called from store_org_save / store_org_load). */
#include "store/meeting_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- planning keys of the organisation ---------------------------------- */

int store_planning_save(struct store *s, const struct org *o)
{
	struct strbuf sb = STRBUF_INIT;
	cal_closed_format(&o->closed, &sb);
	int rc = exec(s, "UPDATE municipality SET closed_days = ? WHERE id = 1", "s", sb.buf);
	strbuf_release(&sb);
	if (rc < 0)
		return -1;
	for (size_t i = 0; i < o->bodies_nr && rc == 0; i++) {
		const struct org_body *b = &o->bodies[i];
		char time[8] = "", start[11] = "";
		struct strbuf weeks = STRBUF_INIT;
		if (b->start_minute >= 0)
			snprintf(time, sizeof(time), "%02u:%02u",
				 (unsigned)(b->start_minute / 60) % 100u,
				 (unsigned)(b->start_minute % 60));
		if (b->cadence_start != CAL_NO_DAY)
			cal_format_date(b->cadence_start, start);
		if (b->holiday_weeks)
			cal_weeks_format(b->holiday_weeks, &weeks);
		const char *focus = b->focus_parity < 0 ? NULL : b->focus_parity ? "ulige" : "lige";
		rc = exec(s,
			  "UPDATE body SET weekday = NULLIF(?, 0), start_time = ?,"
			  " duration = NULLIF(?, 0), holiday_weeks = ?, theme = ?, focus_year = ?,"
			  " cadence_start = ? WHERE id = ?",
			  "isisssss", b->weekday, time[0] ? time : NULL, b->duration,
			  b->holiday_weeks ? weeks.buf : NULL, b->theme, focus,
			  start[0] ? start : NULL, b->id);
		strbuf_release(&weeks);
	}
	return rc;
}

int store_planning_load(struct store *s, struct org *o)
{
	sqlite3_stmt *st = cprep(s, "SELECT closed_days FROM municipality WHERE id = 1", "");
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		char *err = NULL;
		/* validated when the strategy was loaded; keep the default if not */
		if (cal_closed_parse((const char *)sqlite3_column_text(st, 0), &o->closed, &err) <
		    0)
			free(err);
	}
	stmt_free(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	for (size_t i = 0; i < o->bodies_nr; i++) {
		struct org_body *b = &o->bodies[i];
		st = cprep(s,
			   "SELECT weekday, start_time, duration, holiday_weeks, theme, focus_year,"
			   " cadence_start FROM body WHERE id = ?",
			   "s", b->id);
		if (!st)
			return -1;
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const char *t;
			char *err = NULL;
			b->weekday = sqlite3_column_int(st, 0);
			if ((t = (const char *)sqlite3_column_text(st, 1)) &&
			    cal_parse_clock(t, &b->start_minute) < 0)
				b->start_minute = -1;
			b->duration = sqlite3_column_int(st, 2);
			if ((t = (const char *)sqlite3_column_text(st, 3)) &&
			    cal_weeks_parse(t, &b->holiday_weeks, &err) < 0)
				free(err);
			b->theme = col_dup(st, 4);
			if ((t = (const char *)sqlite3_column_text(st, 5)))
				b->focus_parity = strcmp(t, "lige") ? 1 : 0;
			struct date d;
			if ((t = (const char *)sqlite3_column_text(st, 6)) &&
			    cal_parse_date(t, &d) == 0)
				b->cadence_start = cal_days(d);
		}
		stmt_free(s, st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

/* ---- meetings -------------------------------------------------------------- */

#define MEETING_COLS                                                                               \
	"id, uid, body_id, district_id, start_at, end_at, theme, agenda, status,"                  \
	" changed_by_hand, ad_hoc, sequence, institution_id"

static void split_lines(const char *text, struct strlist *out)
{
	if (!text)
		return;
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		if (n)
			strlist_add_owned(out, xstrndup(text, n));
		text += n + (nl ? 1 : 0);
	}
}

static char *join_lines(const struct strlist *l)
{
	if (!l->nr)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < l->nr; i++)
		strbuf_addf(&sb, "%s%s", i ? "\n" : "", l->v[i]);
	return strbuf_detach(&sb);
}

/* Reads a row of MEETING_COLS; -1 when its times do not parse. */
static int read_meeting(sqlite3_stmt *st, struct meeting *m)
{
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->uid = col_dup(st, 1);
	m->body = col_dup(st, 2);
	m->district = col_dup(st, 3);
	long end_day;
	int end_min;
	const char *start = (const char *)sqlite3_column_text(st, 4);
	const char *end = (const char *)sqlite3_column_text(st, 5);
	if (!start || !end || plan_parse_time(start, &m->day, &m->start) < 0 ||
	    plan_parse_time(end, &end_day, &end_min) < 0)
		return -1;
	long dur = (end_day - m->day) * 1440 + end_min - m->start;
	m->duration = dur > 0 && dur <= 1440 ? (int)dur : 0;
	m->theme = col_dup(st, 6);
	split_lines((const char *)sqlite3_column_text(st, 7), &m->agenda);
	const char *status = (const char *)sqlite3_column_text(st, 8);
	if (!status || meeting_status_parse(status, &m->status) < 0)
		m->status = MEETING_PLANNED;
	m->by_hand = sqlite3_column_int(st, 9) != 0;
	m->ad_hoc = sqlite3_column_int(st, 10) != 0;
	m->sequence = sqlite3_column_int(st, 11);
	m->institution = col_dup(st, 12);
	return 0;
}

int store_meetings_load(struct store *s, int year, const char *body, struct meeting_list *out,
			char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT " MEETING_COLS " FROM meeting WHERE year = ?"
				" AND (? IS NULL OR body_id = ?)"
				" ORDER BY start_at, body_id, district_id, uid",
				"iss", year, body, body);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		struct meeting *m = meeting_list_add(out);
		if (read_meeting(st, m) < 0) {
			meeting_release(m);
			out->nr--;
		}
	}
	if (rows_end(s, st, rc, err, _("læs møder")) < 0)
		return -1;
	meeting_list_sort(out);
	return 0;
}

int store_meetings_count(struct store *s, int year, int *n, char **err)
{
	sqlite3_stmt *st = prep(s, "SELECT count(*) FROM meeting WHERE year = ?", "i", year);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(s, err, _("tæl møder"));
	}
	*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static void times(const struct meeting *m, char start[26], char end[26])
{
	long end_day;
	int end_min;
	meeting_end(m, &end_day, &end_min);
	plan_format_time(m->day, m->start, start);
	plan_format_time(end_day, end_min, end);
}

static int insert_meeting(struct store *s, const struct meeting *m, int year, const char *now,
			  const char *by)
{
	char start[26], end[26];
	times(m, start, end);
	char *agenda = join_lines(&m->agenda);
	int rc =
	    exec(s,
		 "INSERT INTO meeting (uid, body_id, district_id, year, start_at, end_at, theme,"
		 " agenda, status, changed_by_hand, ad_hoc, sequence, updated_at, updated_by,"
		 " institution_id)"
		 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		 "sssisssssiiisss", m->uid, m->body, m->district, year, start, end, m->theme,
		 agenda, meeting_status_id(m->status), (int)m->by_hand, (int)m->ad_hoc, m->sequence,
		 now, by, m->institution);
	free(agenda);
	return rc;
}

int store_meetings_replan(struct store *s, int year, const struct meeting_list *plan,
			  long keep_before, const char *by, struct replan_stats *stats, char **err)
{
	memset(stats, 0, sizeof(*stats));
	char now[STORE_TIME_LEN];
	store_now(now);
	if (store_begin(s, err) < 0)
		return -1;
	struct meeting_list stored = MEETING_LIST_INIT;
	struct replan_changes ch = REPLAN_CHANGES_INIT;
	char *e = NULL;
	if (store_meetings_load(s, year, NULL, &stored, &e) < 0)
		goto fail;
	/* what to change is the domain's rule (replan_merge); this applies it */
	replan_merge(&stored, plan, keep_before, &ch);
	for (size_t i = 0; i < ch.nr; i++) {
		const struct replan_change *c = &ch.v[i];
		const struct meeting *p = c->planned;
		if (c->op == REPLAN_DELETE) {
			if (exec(s, "DELETE FROM meeting WHERE id = ?", "l", c->id) < 0)
				goto fail;
		} else if (c->op == REPLAN_UPDATE) {
			char start[26], end[26];
			times(p, start, end);
			char *agenda = join_lines(&p->agenda);
			int rc =
			    exec(s,
				 "UPDATE meeting SET body_id = ?, district_id = ?, start_at = ?,"
				 " end_at = ?, theme = ?, agenda = ?, sequence = sequence + 1,"
				 " updated_at = ?, updated_by = ?, institution_id = ? WHERE id = ?",
				 "sssssssssl", p->body, p->district, start, end, p->theme, agenda,
				 now, by, p->institution, c->id);
			free(agenda);
			if (rc < 0)
				goto fail;
		} else if (insert_meeting(s, p, year, now, by) < 0) {
			goto fail;
		}
	}
	if (store_commit(s) < 0)
		goto fail;
	*stats = ch.stats;
	replan_changes_release(&ch);
	meeting_list_release(&stored);
	return 0;
fail:
	if (e)
		*err = e;
	else
		db_fail(s, err, _("gem mødeplan"));
	store_rollback(s);
	replan_changes_release(&ch);
	meeting_list_release(&stored);
	return -1;
}

int store_meeting_get(struct store *s, long long id, struct meeting *out, char **err)
{
	sqlite3_stmt *st = prep(s, "SELECT " MEETING_COLS " FROM meeting WHERE id = ?", "l", id);
	if (!st)
		return db_fail(s, err, _("læs møde"));
	int rc = sqlite3_step(st);
	int ret = 0;
	if (rc == SQLITE_ROW) {
		if (read_meeting(st, out) < 0) {
			meeting_release(out);
			*err = msgf(_("mødet %lld har en ugyldig tid i databasen"), id);
			ret = -1;
		}
	} else if (rc == SQLITE_DONE) {
		ret = 1;
	} else {
		ret = db_fail(s, err, _("læs møde"));
	}
	sqlite3_finalize(st);
	return ret;
}

static int changes_or_missing(struct store *s)
{
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_meeting_set_status(struct store *s, long long id, enum meeting_status st, const char *by,
			     char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s,
		 "UPDATE meeting SET status = ?, changed_by_hand = 1,"
		 " sequence = sequence + 1, updated_at = ?, updated_by = ? WHERE id = ?",
		 "sssl", meeting_status_id(st), now, by, id) < 0)
		return db_fail(s, err, _("ret møde"));
	return changes_or_missing(s);
}

int store_meeting_move(struct store *s, long long id, long day, int start, int duration,
		       const char *by, char **err)
{
	char now[STORE_TIME_LEN], from[26], to[26];
	store_now(now);
	struct meeting m = {0};
	m.day = day;
	m.start = start;
	m.duration = duration;
	times(&m, from, to);
	if (exec(s,
		 "UPDATE meeting SET start_at = ?, end_at = ?, status = 'moved',"
		 " changed_by_hand = 1, sequence = sequence + 1, updated_at = ?, updated_by = ?"
		 " WHERE id = ?",
		 "ssssl", from, to, now, by, id) < 0)
		return db_fail(s, err, _("flyt møde"));
	return changes_or_missing(s);
}

int store_meeting_add(struct store *s, struct meeting *m, const char *uid_domain, const char *by,
		      char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	int year = cal_date(m->day).y;
	if (store_begin(s, err) < 0)
		return -1;
	/* a provisional UID, replaced once the row id is known */
	struct strbuf uid = STRBUF_INIT;
	strbuf_addf(&uid, "pending-%s-%s", m->body, now);
	free(m->uid);
	m->uid = strbuf_detach(&uid);
	m->ad_hoc = true;
	m->by_hand = true;
	if (insert_meeting(s, m, year, now, by) < 0)
		goto fail;
	m->id = (long long)sqlite3_last_insert_rowid(s->db);
	strbuf_addf(&uid, "%s-%d-adhoc-%lld@%s", m->body, year, m->id, uid_domain);
	if (exec(s, "UPDATE meeting SET uid = ? WHERE id = ?", "sl", uid.buf, m->id) < 0) {
		strbuf_release(&uid);
		goto fail;
	}
	free(m->uid);
	m->uid = strbuf_detach(&uid);
	if (store_commit(s) < 0)
		goto fail;
	return 0;
fail:
	db_fail(s, err, _("tilføj møde"));
	store_rollback(s);
	m->id = 0;
	return -1;
}
