/* data_store.c - SQL for the survey and police figures (data_store.h). */
#include "store/data_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* One statement per row: insert, or replace the values when they differ
 * (a row with the same values is left alone, so changes() is 0). A
 * million-row import reuses the prepared statement (bind, step, reset)
 * rather than preparing one per row. */
static const char *const sql_upsert[FIG__COUNT] = {
    "INSERT INTO survey_figure (year, indicator, grp, district, share, respondents, national)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (year, indicator, grp, district) DO UPDATE"
    " SET share = ?5, respondents = ?6, national = ?7"
    " WHERE share IS NOT ?5 OR respondents IS NOT ?6 OR national IS NOT ?7",
    "INSERT INTO crime_figure (year, month, category, age_band, district, count)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (year, month, category, age_band, district) DO UPDATE"
    " SET count = ?6 WHERE count IS NOT ?6"};
static const char *const sql_count[FIG__COUNT] = {"SELECT count(*) FROM survey_figure",
						  "SELECT count(*) FROM crime_figure"};

static int count_rows(struct store *s, enum figure_kind k, long long *n)
{
	sqlite3_stmt *st = prep(s, sql_count[k], "");
	int rc = stmt_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static void bind_opt(sqlite3_stmt *st, int i, long v)
{
	if (v == FIG_UNKNOWN)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

static void bind_row(sqlite3_stmt *st, const struct figure_set *f, size_t i)
{
	if (f->kind == FIG_SURVEY) {
		const struct survey_figure *r = &f->survey[i];
		sqlite3_bind_int(st, 1, r->year);
		sqlite3_bind_text(st, 2, r->indicator, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, r->group, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, r->district, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, r->share);
		bind_opt(st, 6, r->respondents);
		bind_opt(st, 7, r->national);
	} else {
		const struct crime_figure *r = &f->crime[i];
		sqlite3_bind_int(st, 1, r->year);
		sqlite3_bind_int(st, 2, r->month);
		sqlite3_bind_text(st, 3, r->category, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, r->age_band, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, r->district, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, r->count);
	}
}

/* Runs st for row i; *changed gets sqlite3_changes(). -1 on error. */
static int run(struct store *s, sqlite3_stmt *st, const struct figure_set *f, size_t i,
	       int *changed)
{
	bind_row(st, f, i);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return -1;
	*changed = sqlite3_changes(s->db);
	return 0;
}

static int import_rows(struct store *s, const struct figure_set *f, const char *file_name,
		       const char *by, bool dry_run, struct data_counts *out, char **err);

int store_figures_import(struct store *s, const struct figure_set *f, const char *file_name,
			 const char *by, bool dry_run, struct data_counts *out, char **err)
{
	memset(out, 0, sizeof(*out));
	/* A large file's table and key index outgrow SQLite's default page
	 * cache (2 MiB), and every row then costs disk reads: up to 64 MiB
	 * for the import, the connection's own size back afterwards. */
	long long cache = -2000;
	sqlite3_stmt *pc = prep(s, "PRAGMA cache_size", "");
	if (stmt_step(pc) == SQLITE_ROW)
		cache = sqlite3_column_int64(pc, 0);
	sqlite3_finalize(pc);
	if (f->nr > 10000)
		sqlite3_exec(s->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
	int rc = import_rows(s, f, file_name, by, dry_run, out, err);
	char restore[64];
	snprintf(restore, sizeof(restore), "PRAGMA cache_size = %lld", cache);
	sqlite3_exec(s->db, restore, NULL, NULL, NULL);
	return rc;
}

static int import_rows(struct store *s, const struct figure_set *f, const char *file_name,
		       const char *by, bool dry_run, struct data_counts *out, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	sqlite3_stmt *up = NULL;
	long long before, after;
	size_t changed_rows = 0;
	int rc = -1;
	if (count_rows(s, f->kind, &before) < 0 ||
	    sqlite3_prepare_v2(s->db, sql_upsert[f->kind], -1, &up, NULL) != SQLITE_OK)
		goto out;
	for (size_t i = 0; i < f->nr; i++) {
		int changed;
		if (run(s, up, f, i, &changed) < 0)
			goto out;
		changed_rows += changed != 0;
	}
	/* the file's keys are unique: the table grew by the rows added, and
	 * every other changed row was replaced */
	if (count_rows(s, f->kind, &after) < 0)
		goto out;
	out->added = (size_t)(after - before);
	out->replaced = changed_rows - out->added;
	out->unchanged = f->nr - changed_rows;
	rc = 0;
	if (!dry_run && (out->added || out->replaced)) {
		char now[STORE_TIME_LEN];
		store_now(now);
		rc = exec(
		    s,
		    "INSERT INTO data_import (kind, file_name, imported_at, imported_by, added,"
		    " replaced, unchanged) VALUES (?, ?, ?, ?, ?, ?, ?)",
		    "ssssiii", figure_kind_id(f->kind), file_name, now, by, (int)out->added,
		    (int)out->replaced, (int)out->unchanged);
	}
out:
	if (rc < 0)
		db_fail(s, err, _("gem tal"));
	sqlite3_finalize(up);
	if (dry_run || rc < 0) {
		store_rollback(s);
		return rc;
	}
	return store_end(s, 0, err, _("gem tal"));
}

int store_figure_names(struct store *s, enum figure_kind kind, struct strlist *out, char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 kind == FIG_SURVEY ? "SELECT DISTINCT indicator FROM survey_figure ORDER BY 1"
				    : "SELECT DISTINCT category FROM crime_figure ORDER BY 1",
		 "");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		strlist_add(out, (const char *)sqlite3_column_text(st, 0));
	return rows_end(s, st, rc, err, "figure_names");
}

int store_figures_load(struct store *s, int year, struct figure_set *f, char **err)
{
	static const char *const sql[FIG__COUNT] = {
	    "SELECT f.year, f.indicator, f.grp, f.district, f.share, f.respondents, f.national"
	    " FROM survey_figure f LEFT JOIN district d ON d.id = f.district"
	    " WHERE ?1 = 0 OR f.year = ?1"
	    " ORDER BY f.year, f.indicator, f.grp, f.district <> '', COALESCE(d.position, 1000000),"
	    " f.district",
	    "SELECT f.year, f.month, f.category, f.age_band, f.district, f.count"
	    " FROM crime_figure f LEFT JOIN district d ON d.id = f.district"
	    " WHERE ?1 = 0 OR f.year = ?1"
	    " ORDER BY f.year, f.month, f.category, f.age_band, f.district <> '',"
	    " COALESCE(d.position, 1000000), f.district"};
	sqlite3_stmt *st = prep(s, sql[f->kind], "i", year);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
#define TEXT(i)                                                                                    \
	strpool_intern(&f->pool, (const char *)sqlite3_column_text(st, i),                         \
		       (size_t)sqlite3_column_bytes(st, i))
		if (f->kind == FIG_SURVEY) {
			struct survey_figure *r = figure_set_add_survey(f);
			r->year = sqlite3_column_int(st, 0);
			r->indicator = TEXT(1);
			r->group = TEXT(2);
			r->district = TEXT(3);
			r->share = sqlite3_column_int(st, 4);
			r->respondents = sqlite3_column_type(st, 5) == SQLITE_NULL
					     ? FIG_UNKNOWN
					     : (long)sqlite3_column_int64(st, 5);
			r->national = sqlite3_column_type(st, 6) == SQLITE_NULL
					  ? FIG_UNKNOWN
					  : sqlite3_column_int(st, 6);
		} else {
			struct crime_figure *r = figure_set_add_crime(f);
			r->year = sqlite3_column_int(st, 0);
			r->month = sqlite3_column_int(st, 1);
			r->category = TEXT(2);
			r->age_band = TEXT(3);
			r->district = TEXT(4);
			r->count = (long)sqlite3_column_int64(st, 5);
		}
#undef TEXT
	}
	return rows_end(s, st, rc, err, _("læs tal"));
}

int store_data_import_latest(struct store *s, enum figure_kind kind, struct data_import_row *out,
			     char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT file_name, imported_at, imported_by, added, replaced,"
		 " unchanged FROM data_import WHERE kind = ? ORDER BY id DESC LIMIT 1",
		 "s", figure_kind_id(kind));
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		out->file_name = col_dup(st, 0);
		out->imported_at = col_dup(st, 1);
		out->imported_by = col_dup(st, 2);
		out->counts.added = (size_t)sqlite3_column_int64(st, 3);
		out->counts.replaced = (size_t)sqlite3_column_int64(st, 4);
		out->counts.unchanged = (size_t)sqlite3_column_int64(st, 5);
	}
	return row_end(s, st, rc, err, _("læs seneste import"));
}
