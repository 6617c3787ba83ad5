/* school_store.c - SQL for the school network (school_store.h). */
#include "store/school_store.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* A "YYYY-MM-DD" column as a day, or CAL_NO_DAY. */
static long col_day(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	struct date d;
	if (!t || cal_parse_date(t, &d) < 0)
		return CAL_NO_DAY;
	return cal_days(d);
}

/* ---- institutions ---- */

#define INST_COLS                                                                                  \
	"i.id, i.name, i.kind, i.district_id, d.name, i.example, i.active, i.edited_by_admin"      \
	" FROM institution i LEFT JOIN district d ON d.id = i.district_id"

static void read_institution(sqlite3_stmt *st, struct institution_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = col_dup(st, 0);
	r->name = col_dup(st, 1);
	const char *kind = (const char *)sqlite3_column_text(st, 2);
	if (!kind || institution_kind_parse(kind, &r->kind) < 0)
		r->kind = INST_SCHOOL;
	r->district = col_dup(st, 3);
	r->district_name = col_dup(st, 4);
	r->example = sqlite3_column_int(st, 5) != 0;
	r->active = sqlite3_column_int(st, 6) != 0;
	r->edited_by_admin = sqlite3_column_int(st, 7) != 0;
}

int store_institutions_load(struct store *s, struct institution_rows *out, char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT " INST_COLS " ORDER BY COALESCE(d.position, 1000000),"
				" i.district_id, i.kind DESC, i.name, i.id",
				"");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		read_institution(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, _("læs institutioner"));
}

int store_institution_get(struct store *s, const char *id, struct institution_row *out, char **err)
{
	sqlite3_stmt *st = prep(s, "SELECT " INST_COLS " WHERE i.id = ?", "s", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		read_institution(st, out);
	return row_end(s, st, rc, err, _("læs institution"));
}

int store_institution_insert(struct store *s, const struct institution_row *r, char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 "INSERT INTO institution (id, name, kind, district_id, example, active,"
		 " edited_by_admin) VALUES (?, ?, ?, ?, 0, 1, 1)",
		 "ssss", r->id, r->name, institution_kind_id(r->kind), r->district);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	int ext = sqlite3_extended_errcode(s->db);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return 0;
	}
	if (ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
		sqlite3_finalize(st);
		return -2;
	}
	db_fail(s, err, _("opret institution"));
	sqlite3_finalize(st);
	return -1;
}

int store_institution_update(struct store *s, const struct institution_row *r, char **err)
{
	if (exec(s,
		 "UPDATE institution SET name = ?, kind = ?, district_id = ?, edited_by_admin = 1"
		 " WHERE id = ?",
		 "ssss", r->name, institution_kind_id(r->kind), r->district, r->id) < 0)
		return db_fail(s, err, _("ret institution"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_institution_set_active(struct store *s, const char *id, bool active, char **err)
{
	if (exec(s, "UPDATE institution SET active = ?, edited_by_admin = 1 WHERE id = ?", "is",
		 (int)active, id) < 0)
		return db_fail(s, err, _("ret institution"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

bool store_district_active(struct store *s, const char *id)
{
	sqlite3_stmt *st = prep(s, "SELECT 1 FROM district WHERE id = ? AND active = 1", "s", id);
	bool found = st && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* ---- contact persons ---- */

int store_contacts_load(struct store *s, const char *institution, struct contact_rows *out,
			char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT id, username, name, institution_id FROM user"
				" WHERE role = 'kontaktperson' AND disabled = 0"
				" AND institution_id IS NOT NULL"
				" AND (?1 IS NULL OR institution_id = ?1)"
				" ORDER BY name, username",
				"s", institution);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct contact_row *c = &out->v[out->nr++];
		c->user_id = sqlite3_column_int64(st, 0);
		c->username = col_dup(st, 1);
		c->name = col_dup(st, 2);
		c->institution = col_dup(st, 3);
	}
	return rows_end(s, st, rc, err, _("læs kontaktpersoner"));
}

int store_user_institution(struct store *s, long long user_id, char **out, char **err)
{
	*out = NULL;
	sqlite3_stmt *st = prep(s, "SELECT institution_id FROM user WHERE id = ?", "l", user_id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*out = col_dup(st, 0);
	return row_end(s, st, rc, err, _("læs bruger"));
}

/* ---- læseplan ---- */

#define ITEM_COLS                                                                                  \
	"id, institution_id, grade, theme, planned_date, held_date, updated_at, updated_by"

static void read_item(sqlite3_stmt *st, struct laeseplan_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->institution = col_dup(st, 1);
	r->grade = col_dup(st, 2);
	r->theme = col_dup(st, 3);
	r->planned = col_day(st, 4);
	r->held = col_day(st, 5);
	r->updated_at = col_dup(st, 6);
	r->updated_by = col_dup(st, 7);
}

int store_laeseplan_load(struct store *s, const char *institution, long from, long to,
			 struct laeseplan_rows *out, char **err)
{
	char f[11] = "", t[11] = "";
	if (from != CAL_NO_DAY)
		cal_format_date(from, f);
	if (to != CAL_NO_DAY)
		cal_format_date(to, t);
	/* grades sort as numbers (4 .. 10), "klub" after them */
	sqlite3_stmt *st = prep(s,
				"SELECT " ITEM_COLS " FROM laeseplan_item"
				" WHERE (?1 IS NULL OR institution_id = ?1)"
				" AND (?2 IS NULL OR planned_date >= ?2)"
				" AND (?3 IS NULL OR planned_date <= ?3)"
				" ORDER BY institution_id,"
				" CASE WHEN grade GLOB '[0-9]*' THEN CAST(grade AS INTEGER)"
				" ELSE 1000 END, grade, planned_date, id",
				"sss", institution, f[0] ? f : NULL, t[0] ? t : NULL);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		read_item(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, _("læs læseplan"));
}

int store_laeseplan_get(struct store *s, long long id, struct laeseplan_row *out, char **err)
{
	sqlite3_stmt *st =
	    prep(s, "SELECT " ITEM_COLS " FROM laeseplan_item WHERE id = ?", "l", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		read_item(st, out);
	return row_end(s, st, rc, err, _("læs læseplan"));
}

int store_laeseplan_insert(struct store *s, struct laeseplan_row *r, const char *by, char **err)
{
	char now[STORE_TIME_LEN], planned[11], held[11] = "";
	store_now(now);
	cal_format_date(r->planned, planned);
	if (r->held != CAL_NO_DAY)
		cal_format_date(r->held, held);
	if (exec(s,
		 "INSERT INTO laeseplan_item (institution_id, grade, theme, planned_date,"
		 " held_date, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
		 "sssssss", r->institution, r->grade, r->theme, planned, held[0] ? held : NULL, now,
		 by) < 0)
		return db_fail(s, err, _("gem læseplan"));
	r->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_laeseplan_update(struct store *s, const struct laeseplan_row *r, const char *by,
			   char **err)
{
	char now[STORE_TIME_LEN], planned[11], held[11] = "";
	store_now(now);
	cal_format_date(r->planned, planned);
	if (r->held != CAL_NO_DAY)
		cal_format_date(r->held, held);
	if (exec(s,
		 "UPDATE laeseplan_item SET grade = ?, theme = ?, planned_date = ?, held_date = ?,"
		 " updated_at = ?, updated_by = ? WHERE id = ?",
		 "ssssssl", r->grade, r->theme, planned, held[0] ? held : NULL, now, by, r->id) < 0)
		return db_fail(s, err, _("gem læseplan"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_laeseplan_delete(struct store *s, long long id, char **err)
{
	if (exec(s, "DELETE FROM laeseplan_item WHERE id = ?", "l", id) < 0)
		return db_fail(s, err, _("slet læseplanpunkt"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

/* ---- theme days ---- */

int store_theme_days_load(struct store *s, const char *body, int year, struct theme_day_rows *out,
			  char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT id, start_at, status, theme FROM meeting"
				" WHERE body_id = ? AND year = ? ORDER BY start_at, id",
				"si", body, year);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		long day;
		int minute;
		const char *start = (const char *)sqlite3_column_text(st, 1);
		if (!start || plan_parse_time(start, &day, &minute) < 0)
			continue; /* not a time this program wrote; nothing to show */
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct theme_day_row *t = &out->v[out->nr++];
		t->meeting_id = sqlite3_column_int64(st, 0);
		t->day = day;
		t->start = minute;
		const char *status = (const char *)sqlite3_column_text(st, 2);
		if (!status || meeting_status_parse(status, &t->status) < 0)
			t->status = MEETING_PLANNED;
		t->theme = col_dup(st, 3);
	}
	return rows_end(s, st, rc, err, _("læs temadage"));
}

int store_theme_day_attendance_load(struct store *s, const char *body, int year,
				    struct attendance_rows *out, char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT a.meeting_id, a.user_id, a.present FROM meeting_attendance a"
		 " JOIN meeting m ON m.id = a.meeting_id"
		 " WHERE m.body_id = ? AND m.year = ? AND a.user_id IS NOT NULL"
		 " ORDER BY a.meeting_id, a.user_id",
		 "si", body, year);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct attendance_row *a = &out->v[out->nr++];
		a->meeting_id = sqlite3_column_int64(st, 0);
		a->user_id = sqlite3_column_int64(st, 1);
		a->present = sqlite3_column_int(st, 2) != 0;
	}
	return rows_end(s, st, rc, err, _("læs fremmøde"));
}

int store_theme_day_attendance_set(struct store *s, long long meeting_id, const long long *user_ids,
				   const bool *present, size_t n, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = exec(s,
			  "INSERT INTO meeting_attendance (meeting_id, user_id, present)"
			  " VALUES (?, ?, ?) ON CONFLICT (meeting_id, user_id)"
			  " WHERE user_id IS NOT NULL DO UPDATE SET present = excluded.present",
			  "lli", meeting_id, user_ids[i], (int)present[i]);
	return store_end(s, rc, err, _("gem fremmøde"));
}
