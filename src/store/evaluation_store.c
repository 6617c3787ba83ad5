/* evaluation_store.c - focus areas, trend tags, KPI sources
 * (evaluation_store.h). */
#include "store/evaluation_store.h"

#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/concern.h"
#include "store/store_internal.h"
#include "util/xalloc.h"
#include "util/banned.h"

static long col_day(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	struct date d;
	if (!t || cal_parse_date((const char *)t, &d) < 0)
		return CAL_NO_DAY;
	return cal_days(d);
}

int store_focus_add(struct store *s, const struct focus_area *f, const char *by, long long *id,
		    char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s,
		 "INSERT INTO focus_area (year, title, goal, measure, created_at, created_by)"
		 " VALUES (?, ?, ?, ?, ?, ?)",
		 "isssss", f->year, f->title, f->goal, f->measure, now, by) < 0)
		return db_fail(s, err, "focus_area");
	*id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < f->bodies.nr; i++)
		if (exec(s,
			 "INSERT OR IGNORE INTO focus_area_body (focus_id, body_id) VALUES (?, ?)",
			 "ls", *id, f->bodies.v[i]) < 0)
			return db_fail(s, err, "focus_area_body");
	for (int k = 0; k < 2; k++) {
		const struct strlist *l = k ? &f->categories : &f->indicators;
		for (size_t i = 0; i < l->nr; i++)
			if (exec(s,
				 "INSERT OR IGNORE INTO focus_area_figure (focus_id, kind, name)"
				 " VALUES (?, ?, ?)",
				 "lss", *id, k ? "kriminalitet" : "ungeprofil", l->v[i]) < 0)
				return db_fail(s, err, "focus_area_figure");
	}
	return 0;
}

int store_focus_delete(struct store *s, long long id, char **err)
{
	if (exec(s, "DELETE FROM focus_area WHERE id = ?", "l", id) < 0)
		return db_fail(s, err, "focus_area");
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_focus_list(struct store *s, int from, int to, struct focus_list *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s,
				"SELECT id, year, title, goal, measure FROM focus_area"
				" WHERE year BETWEEN ? AND ? ORDER BY year, id",
				"ii", from, to);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct focus_area *f = &out->v[out->nr++];
		memset(f, 0, sizeof(*f));
		f->id = sqlite3_column_int64(st, 0);
		f->year = sqlite3_column_int(st, 1);
		f->title = col_dup(st, 2);
		f->goal = col_dup(st, 3);
		f->measure = col_dup(st, 4);
	}
	if (rows_end(s, st, rc, err, "focus_area") < 0)
		return -1;
	for (size_t i = 0; i < out->nr; i++) {
		struct focus_area *f = &out->v[i];
		st =
		    prep(s, "SELECT body_id FROM focus_area_body WHERE focus_id = ? ORDER BY rowid",
			 "l", f->id);
		while ((rc = stmt_step(st)) == SQLITE_ROW)
			strlist_add(&f->bodies, (const char *)sqlite3_column_text(st, 0));
		if (rows_end(s, st, rc, err, "focus_area_body") < 0)
			return -1;
		st = prep(s,
			  "SELECT kind, name FROM focus_area_figure WHERE focus_id = ?"
			  " ORDER BY kind DESC, name",
			  "l", f->id);
		while ((rc = stmt_step(st)) == SQLITE_ROW) {
			const char *kind = (const char *)sqlite3_column_text(st, 0);
			strlist_add(strcmp(kind, "kriminalitet") ? &f->indicators : &f->categories,
				    (const char *)sqlite3_column_text(st, 1));
		}
		if (rows_end(s, st, rc, err, "focus_area_figure") < 0)
			return -1;
	}
	return 0;
}

int store_tags_of(struct store *s, long long meeting_id, struct strlist *out, char **err)
{
	sqlite3_stmt *st =
	    prep(s, "SELECT theme FROM minutes_tag WHERE meeting_id = ? ORDER BY theme", "l",
		 meeting_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		strlist_add(out, (const char *)sqlite3_column_text(st, 0));
	return rows_end(s, st, rc, err, "minutes_tag");
}

int store_tags_set(struct store *s, long long meeting_id, const struct strlist *themes,
		   const char *by, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s, "DELETE FROM minutes_tag WHERE meeting_id = ?", "l", meeting_id) < 0)
		return db_fail(s, err, "minutes_tag");
	for (size_t i = 0; i < themes->nr; i++)
		if (exec(s,
			 "INSERT OR IGNORE INTO minutes_tag (meeting_id, theme, tagged_at, "
			 "tagged_by)"
			 " VALUES (?, ?, ?, ?)",
			 "lsss", meeting_id, themes->v[i], now, by) < 0)
			return db_fail(s, err, "minutes_tag");
	return 0;
}

void tag_sources_release(struct tag_sources *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].theme);
		free(l->v[i].district);
		free(l->v[i].body);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int store_tags_of_year(struct store *s, int year, struct tag_sources *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s,
				"SELECT t.meeting_id, t.theme, m.district_id, m.body_id,"
				" substr(m.start_at, 1, 10) FROM minutes_tag t"
				" JOIN meeting m ON m.id = t.meeting_id"
				" WHERE m.year = ? AND m.status <> 'cancelled'"
				" ORDER BY m.start_at, t.meeting_id, t.theme",
				"i", year);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct tag_source *x = &out->v[out->nr++];
		x->meeting_id = sqlite3_column_int64(st, 0);
		x->theme = col_dup(st, 1);
		x->district = col_dup(st, 2);
		x->body = col_dup(st, 3);
		x->day = col_day(st, 4);
	}
	return rows_end(s, st, rc, err, "minutes_tag");
}

void kpi_sources_release(struct kpi_sources *k)
{
	free(k->first_age);
	free(k->contact_days);
	free(k->sectors);
	free(k->actions);
	memset(k, 0, sizeof(*k));
}

/* Reads the single-long-column rows of st into *v. */
static int read_longs(struct store *s, sqlite3_stmt *st, long **v, size_t *nr, char **err,
		      const char *what)
{
	size_t alloc = 0;
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*v, *nr + 1, alloc);
		(*v)[(*nr)++] = (long)sqlite3_column_int64(st, 0);
	}
	return rows_end(s, st, rc, err, what);
}

int store_kpi_sources(struct store *s, int year, struct kpi_sources *out, char **err)
{
	memset(out, 0, sizeof(*out));
	char from[11], to[11];
	cal_format_date(cal_ymd(year, 1, 1), from);
	cal_format_date(cal_ymd(year + 1, 1, 1), to);
	/* [K-EARLY-AGE]: the birth date and the first concern of each person
	 * whose first concern was opened in the year */
	sqlite3_stmt *st = prep(s,
				"SELECT p.birth_date, min(substr(c.opened_at, 1, 10)) AS first"
				" FROM concern c JOIN person p ON p.id = c.person_id"
				" GROUP BY p.id HAVING first >= ? AND first < ?",
				"ss", from, to);
	size_t alloc = 0;
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		long birth = col_day(st, 0), first = col_day(st, 1);
		if (birth == CAL_NO_DAY || first == CAL_NO_DAY)
			continue;
		ALLOC_GROW(out->first_age, out->first_age_nr + 1, alloc);
		out->first_age[out->first_age_nr++] = concern_age(cal_date(birth), cal_date(first));
	}
	if (rows_end(s, st, rc, err, "concern") < 0)
		return -1;
	/* [K-EARLY-DAYS]: julianday differences, whole days */
	st = prep(s,
		  "SELECT CAST(julianday(min(substr(a.created_at, 1, 10))) -"
		  " julianday(h.contact_date) AS INTEGER)"
		  " FROM handover h JOIN concern c ON c.id = h.concern_id"
		  " JOIN concern_action a ON a.concern_id = c.id"
		  " WHERE c.opened_at >= ? AND c.opened_at < ? GROUP BY h.id",
		  "ss", from, to);
	if (read_longs(s, st, &out->contact_days, &out->contact_days_nr, err, "handover") < 0)
		return -1;
	/* [K-CROSS]: the sectors are the organisations that own actions */
	st = prep(s,
		  "SELECT count(DISTINCT a.owner_org) FROM concern c"
		  " LEFT JOIN concern_action a ON a.concern_id = c.id AND a.status <> 'cancelled'"
		  " WHERE c.opened_at >= ? AND c.opened_at < ? GROUP BY c.id",
		  "ss", from, to);
	if (read_longs(s, st, &out->sectors, &out->sectors_nr, err, "concern_action") < 0)
		return -1;
	/* [K-COHERENT] */
	st = prep(s,
		  "SELECT due, substr(done_at, 1, 10), status = 'cancelled' FROM concern_action"
		  " WHERE due >= ? AND due < ? ORDER BY id",
		  "ss", from, to);
	alloc = 0;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->actions, out->actions_nr + 1, alloc);
		struct action_fact *x = &out->actions[out->actions_nr++];
		x->due = col_day(st, 0);
		x->done = col_day(st, 1);
		x->cancelled = sqlite3_column_int(st, 2) != 0;
	}
	return rows_end(s, st, rc, err, "concern_action");
}
