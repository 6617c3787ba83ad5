/* team_store.c - SQL for the SSP-team's daily work (team_store.h). */
#include "store/team_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* A "YYYY-MM-DD..." column as a day, or CAL_NO_DAY. */
static long col_day(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	char d[11];
	struct date dt;
	if (!t || strlen(t) < 10)
		return CAL_NO_DAY;
	memcpy(d, t, 10);
	d[10] = '\0';
	if (cal_parse_date(d, &dt) < 0)
		return CAL_NO_DAY;
	return cal_days(dt);
}

static long long col_moment(sqlite3_stmt *st, int i)
{
	long long m = 0;
	const char *t = (const char *)sqlite3_column_text(st, i);
	if (!t || team_parse_moment(t, &m) < 0)
		return 0;
	return m;
}

/* ---- settings ---- */

static void md_format(int m, int d, char out[6])
{
	snprintf(out, 6, "%02u-%02u", (unsigned)m % 100u, (unsigned)d % 100u);
}

int store_team_settings_save(struct store *s, const struct org *o)
{
	if (exec(s,
		 "UPDATE municipality SET training_months = NULLIF(?, 0), preparedness_body = ?"
		 " WHERE id = 1",
		 "is", o->training_months, o->preparedness_body) < 0 ||
	    exec(s, "DELETE FROM team_theme", "") < 0 ||
	    exec(s, "DELETE FROM team_recurring", "") < 0)
		return -1;
	for (size_t i = 0; i < o->team_themes.nr; i++)
		if (exec(s, "INSERT INTO team_theme (position, text) VALUES (?, ?)", "is", (int)i,
			 o->team_themes.v[i]) < 0)
			return -1;
	for (size_t i = 0; i < o->recurring_nr; i++) {
		const struct team_recurring *r = &o->recurring[i];
		char from[6], to[6];
		md_format(r->from_m, r->from_d, from);
		md_format(r->to_m, r->to_d, to);
		if (exec(s,
			 "INSERT INTO team_recurring (position, name, from_md, to_md)"
			 " VALUES (?, ?, ?, ?)",
			 "isss", (int)i, r->name, from, to) < 0)
			return -1;
	}
	return 0;
}

int store_team_settings_load(struct store *s, struct org *o)
{
	sqlite3_stmt *st = cprep(
	    s, "SELECT training_months, preparedness_body FROM municipality WHERE id = 1", "");
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		o->training_months = sqlite3_column_int(st, 0);
		free(o->preparedness_body);
		o->preparedness_body = col_dup(st, 1);
	}
	stmt_free(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	st = cprep(s, "SELECT text FROM team_theme ORDER BY position", "");
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		strlist_add(&o->team_themes, (const char *)sqlite3_column_text(st, 0));
	stmt_free(s, st);
	if (rc != SQLITE_DONE)
		return -1;
	st = cprep(s, "SELECT name, from_md, to_md FROM team_recurring ORDER BY position", "");
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		const char *from = (const char *)sqlite3_column_text(st, 1);
		const char *to = (const char *)sqlite3_column_text(st, 2);
		if (!from || !to || strlen(from) != 5 || strlen(to) != 5)
			continue;
		ALLOC_GROW(o->recurring, o->recurring_nr + 1, o->recurring_alloc);
		struct team_recurring *r = &o->recurring[o->recurring_nr++];
		r->name = col_dup(st, 0);
		r->from_m = (from[0] - '0') * 10 + (from[1] - '0');
		r->from_d = (from[3] - '0') * 10 + (from[4] - '0');
		r->to_m = (to[0] - '0') * 10 + (to[1] - '0');
		r->to_d = (to[3] - '0') * 10 + (to[4] - '0');
	}
	stmt_free(s, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- offers ---- */

#define OFFER_COLS                                                                                 \
	"o.id, o.name, o.provider, o.age_from, o.age_to, o.referral, o.contact, o.confirmed,"      \
	" o.owner_id, u.username, o.updated_at, o.updated_by"                                      \
	" FROM offer o LEFT JOIN user u ON u.id = o.owner_id"

static void read_offer(sqlite3_stmt *st, struct offer_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->name = col_dup(st, 1);
	r->provider = col_dup(st, 2);
	r->age_from = sqlite3_column_int(st, 3);
	r->age_to = sqlite3_column_int(st, 4);
	r->referral = col_dup(st, 5);
	r->contact = col_dup(st, 6);
	r->confirmed = col_day(st, 7);
	r->owner_id = sqlite3_column_int64(st, 8);
	r->owner = col_dup(st, 9);
	r->updated_at = col_dup(st, 10);
	r->updated_by = col_dup(st, 11);
}

static int offer_lists(struct store *s, struct offer_row *r)
{
	sqlite3_stmt *st =
	    prep(s, "SELECT theme FROM offer_theme WHERE offer_id = ? ORDER BY theme", "l", r->id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		strlist_add(&r->themes, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	st = prep(s,
		  "SELECT od.district_id FROM offer_district od"
		  " LEFT JOIN district d ON d.id = od.district_id WHERE od.offer_id = ?"
		  " ORDER BY COALESCE(d.position, 1000000), od.district_id",
		  "l", r->id);
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		strlist_add(&r->districts, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int store_offers_load(struct store *s, const struct offer_filter *f, struct offer_rows *out,
		      char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT " OFFER_COLS " WHERE o.active = 1"
		 " AND (?1 < 0 OR (o.age_from <= ?1 AND ?1 <= o.age_to))"
		 " AND (?2 IS NULL OR NOT EXISTS (SELECT 1 FROM offer_district x WHERE x.offer_id "
		 "= o.id)"
		 "  OR EXISTS (SELECT 1 FROM offer_district x WHERE x.offer_id = o.id"
		 "   AND x.district_id = ?2))"
		 " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM offer_theme t WHERE t.offer_id = o.id"
		 "  AND t.theme = ?3))"
		 " ORDER BY o.name, o.id",
		 "iss", f->age, f->district, f->theme);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		read_offer(st, &out->v[out->nr++]);
	}
	if (rows_end(s, st, rc, err, _("læs tilbud")) < 0)
		return -1;
	for (size_t i = 0; i < out->nr; i++)
		if (offer_lists(s, &out->v[i]) < 0)
			return db_fail(s, err, _("læs tilbud"));
	return 0;
}

int store_offer_get(struct store *s, long long id, struct offer_row *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st =
	    prep(s, "SELECT " OFFER_COLS " WHERE o.id = ? AND o.active = 1", "l", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		read_offer(st, out);
	rc = row_end(s, st, rc, err, _("læs tilbud"));
	if (rc == 0 && offer_lists(s, out) < 0) {
		offer_row_release(out);
		return db_fail(s, err, _("læs tilbud"));
	}
	return rc;
}

/* The themes and districts of offer id, replaced by r's. */
static int offer_lists_save(struct store *s, long long id, const struct offer_row *r)
{
	int rc = exec(s, "DELETE FROM offer_theme WHERE offer_id = ?", "l", id);
	if (rc == 0)
		rc = exec(s, "DELETE FROM offer_district WHERE offer_id = ?", "l", id);
	for (size_t i = 0; rc == 0 && i < r->themes.nr; i++)
		rc = exec(s, "INSERT OR IGNORE INTO offer_theme (offer_id, theme) VALUES (?, ?)",
			  "ls", id, r->themes.v[i]);
	for (size_t i = 0; rc == 0 && i < r->districts.nr; i++)
		rc = exec(
		    s, "INSERT OR IGNORE INTO offer_district (offer_id, district_id) VALUES (?, ?)",
		    "ls", id, r->districts.v[i]);
	return rc;
}

int store_offer_insert(struct store *s, const struct offer_row *r, long long *id, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	char now[STORE_TIME_LEN], day[11];
	store_now(now);
	cal_format_date(r->confirmed, day);
	int rc = exec(s,
		      "INSERT INTO offer (name, provider, age_from, age_to, referral, contact,"
		      " confirmed, owner_id, updated_at, updated_by)"
		      " VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?)",
		      "ssiissslss", r->name, r->provider, r->age_from, r->age_to, r->referral,
		      r->contact, day, r->owner_id, now, r->updated_by);
	*id = sqlite3_last_insert_rowid(s->db);
	if (rc == 0)
		rc = offer_lists_save(s, *id, r);
	return store_end(s, rc, err, _("gem tilbud"));
}

int store_offer_confirm(struct store *s, long long id, long day, const char *by, char **err)
{
	char now[STORE_TIME_LEN], d[11];
	store_now(now);
	cal_format_date(day, d);
	if (exec(s,
		 "UPDATE offer SET confirmed = ?, updated_at = ?, updated_by = ?"
		 " WHERE id = ? AND active = 1",
		 "sssl", d, now, by, id) < 0)
		return db_fail(s, err, _("bekræft tilbud"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_offer_update(struct store *s, long long id, const struct offer_row *r, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	char now[STORE_TIME_LEN], day[11];
	store_now(now);
	cal_format_date(r->confirmed, day);
	int rc = exec(s,
		      "UPDATE offer SET name = ?, provider = ?, age_from = ?, age_to = ?,"
		      " referral = ?, contact = ?, confirmed = ?, updated_at = ?, updated_by = ?"
		      " WHERE id = ? AND active = 1",
		      "ssiisssssl", r->name, r->provider, r->age_from, r->age_to, r->referral,
		      r->contact, day, now, r->updated_by, id);
	bool found = rc == 0 && sqlite3_changes(s->db) > 0;
	if (rc == 0 && found)
		rc = offer_lists_save(s, id, r);
	if (store_end(s, rc, err, _("ret tilbud")) < 0)
		return -1;
	return found ? 0 : 1;
}

int store_offer_remove(struct store *s, long long id, const char *by, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s,
		 "UPDATE offer SET active = 0, updated_at = ?, updated_by = ?"
		 " WHERE id = ? AND active = 1",
		 "ssl", now, by, id) < 0)
		return db_fail(s, err, _("fjern tilbud"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

/* ---- events ---- */

#define EVENT_COLS                                                                                 \
	"e.id, e.uid, e.kind, e.name, e.start_at, e.end_at, e.place, e.audience,"                  \
	" COALESCE(e.capacity, 0), e.expected, e.risk_notes, e.call_list, e.evaluation,"           \
	" e.recurring, e.cancelled, e.created_by, e.sequence,"                                     \
	" (SELECT count(*) FROM event_registration r WHERE r.event_id = e.id),"                    \
	" EXISTS (SELECT 1 FROM event_registration r WHERE r.event_id = e.id"                      \
	"  AND r.user_id = ?1)"                                                                    \
	" FROM team_event e"

static void read_event(sqlite3_stmt *st, struct event_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->uid = col_dup(st, 1);
	if (event_kind_parse((const char *)sqlite3_column_text(st, 2), &r->kind) < 0)
		r->kind = EVENT_EVENT;
	r->name = col_dup(st, 3);
	r->start = col_moment(st, 4);
	r->end = col_moment(st, 5);
	r->place = col_dup(st, 6);
	r->audience = col_dup(st, 7);
	r->capacity = sqlite3_column_int(st, 8);
	r->expected = col_dup(st, 9);
	r->risk_notes = col_dup(st, 10);
	r->call_list = col_dup(st, 11);
	r->evaluation = col_dup(st, 12);
	r->recurring = col_dup(st, 13);
	r->cancelled = sqlite3_column_int(st, 14) != 0;
	r->created_by = col_dup(st, 15);
	r->sequence = sqlite3_column_int(st, 16);
	r->registered = sqlite3_column_int(st, 17);
	r->mine = sqlite3_column_int(st, 18) != 0;
}

int store_events_load(struct store *s, int year, long long user_id, struct event_rows *out,
		      char **err)
{
	char y[8];
	snprintf(y, sizeof(y), "%04d", year % 10000);
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT " EVENT_COLS " WHERE ?2 = 0 OR substr(e.start_at, 1, 4) = ?3"
		 " ORDER BY e.start_at, e.id",
		 "lis", user_id, year, y);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		read_event(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, _("læs arrangementer"));
}

int store_event_get(struct store *s, long long id, long long user_id, struct event_row *out,
		    char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s, "SELECT " EVENT_COLS " WHERE e.id = ?2", "ll", user_id, id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		read_event(st, out);
	return row_end(s, st, rc, err, _("læs arrangement"));
}

int store_event_insert(struct store *s, const struct event_row *r, const char *by, long long *id,
		       char **err)
{
	char now[STORE_TIME_LEN], start[17], end[17];
	store_now(now);
	team_format_moment(r->start, start);
	team_format_moment(r->end, end);
	unsigned char rnd[12];
	sqlite3_randomness(sizeof(rnd), rnd);
	char uid[64];
	int n = 0;
	for (size_t i = 0; i < sizeof(rnd); i++)
		n += snprintf(uid + n, sizeof(uid) - (size_t)n, "%02x", rnd[i]);
	snprintf(uid + n, sizeof(uid) - (size_t)n, "@ssp-event");
	if (exec(s,
		 "INSERT INTO team_event (uid, kind, name, start_at, end_at, place, audience,"
		 " capacity, expected, risk_notes, call_list, recurring, created_at, created_by)"
		 " VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?)",
		 "sssssssissssss", uid, event_kind_id(r->kind), r->name, start, end, r->place,
		 r->audience, r->capacity, r->expected, r->risk_notes, r->call_list, r->recurring,
		 now, by) < 0)
		return db_fail(s, err, _("gem arrangement"));
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_event_evaluation(struct store *s, long long id, const char *text, char **err)
{
	if (exec(s, "UPDATE team_event SET evaluation = ? WHERE id = ?", "sl", text, id) < 0)
		return db_fail(s, err, _("gem evaluering"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_event_update(struct store *s, long long id, const struct event_row *r, char **err)
{
	char start[17], end[17];
	team_format_moment(r->start, start);
	team_format_moment(r->end, end);
	if (exec(s,
		 "UPDATE team_event SET kind = ?, name = ?, start_at = ?, end_at = ?, place = ?,"
		 " audience = ?, capacity = NULLIF(?, 0), expected = ?, risk_notes = ?,"
		 " call_list = ?, sequence = sequence + 1 WHERE id = ? AND cancelled = 0",
		 "ssssssisssl", event_kind_id(r->kind), r->name, start, end, r->place, r->audience,
		 r->capacity, r->expected, r->risk_notes, r->call_list, id) < 0)
		return db_fail(s, err, _("ret arrangement"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_event_cancel(struct store *s, long long id, char **err)
{
	if (exec(s,
		 "UPDATE team_event SET cancelled = 1, sequence = sequence + 1"
		 " WHERE id = ? AND cancelled = 0",
		 "l", id) < 0)
		return db_fail(s, err, _("aflys arrangement"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

int store_registration_add(struct store *s, long long event_id, long long user_id, int capacity,
			   const char *by, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	int ret = 0;
	sqlite3_stmt *st = prep(s,
				"SELECT (SELECT count(*) FROM team_event WHERE id = ?1),"
				" (SELECT count(*) FROM event_registration WHERE event_id = ?1),"
				" EXISTS (SELECT 1 FROM event_registration WHERE event_id = ?1"
				"  AND user_id = ?2)",
				"ll", event_id, user_id);
	int rc = stmt_step(st);
	int exists = 0, count = 0, mine = 0;
	if (rc == SQLITE_ROW) {
		exists = sqlite3_column_int(st, 0);
		count = sqlite3_column_int(st, 1);
		mine = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_end(s, -1, err, _("tilmeld"));
	if (!exists)
		ret = 1;
	else if (mine)
		ret = -3;
	else if (capacity > 0 && count >= capacity)
		ret = -2;
	if (ret) {
		store_rollback(s); /* a savepoint inside the service's call */
		return ret;
	}
	char now[STORE_TIME_LEN];
	store_now(now);
	rc = exec(s,
		  "INSERT INTO event_registration (event_id, user_id, registered_at, registered_by)"
		  " VALUES (?, ?, ?, ?)",
		  "llss", event_id, user_id, now, by);
	return store_end(s, rc, err, _("tilmeld"));
}

int store_registrations_load(struct store *s, long long event_id, struct registration_rows *out,
			     char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT u.id, u.username, u.name, u.role, u.institution_id,"
				" COALESCE(r.attended, -1) FROM event_registration r"
				" JOIN user u ON u.id = r.user_id WHERE r.event_id = ?"
				" ORDER BY u.name, u.username",
				"l", event_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct registration_row *r = &out->v[out->nr++];
		r->user_id = sqlite3_column_int64(st, 0);
		r->username = col_dup(st, 1);
		r->name = col_dup(st, 2);
		r->role = col_dup(st, 3);
		r->institution = col_dup(st, 4);
		r->attended = sqlite3_column_int(st, 5);
	}
	return rows_end(s, st, rc, err, _("læs tilmeldinger"));
}

int store_attendance_set(struct store *s, long long event_id, long long user_id, int attended,
			 char **err)
{
	if (exec(s, "UPDATE event_registration SET attended = ? WHERE event_id = ? AND user_id = ?",
		 "ill", attended, event_id, user_id) < 0)
		return db_fail(s, err, _("gem fremmøde"));
	return sqlite3_changes(s->db) ? 0 : 1;
}

/* ---- the training rule ---- */

int store_trainees_load(struct store *s, struct trainee_rows *out, char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT u.id, u.username, u.name, u.institution_id, u.created_at,"
				" (SELECT min(e.start_at) FROM event_registration r"
				"  JOIN team_event e ON e.id = r.event_id WHERE r.user_id = u.id"
				"  AND r.attended = 1 AND e.kind = 'training' AND e.cancelled = 0)"
				" FROM user u WHERE u.role = 'kontaktperson' AND u.disabled = 0"
				" ORDER BY u.name, u.username",
				"");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct trainee_row *r = &out->v[out->nr++];
		r->user_id = sqlite3_column_int64(st, 0);
		r->username = col_dup(st, 1);
		r->name = col_dup(st, 2);
		r->institution = col_dup(st, 3);
		r->since = col_day(st, 4);
		r->trained = col_day(st, 5);
	}
	return rows_end(s, st, rc, err, _("læs kontaktpersoner"));
}

/* ---- duty shifts ---- */

int store_shifts_load(struct store *s, long long event_id, long long user_id,
		      struct shift_rows *out, char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT x.id, x.event_id, x.user_id, u.username, u.name, x.task,"
		 " e.name, x.start_at, x.end_at FROM event_shift x"
		 " JOIN user u ON u.id = x.user_id JOIN team_event e ON e.id = x.event_id"
		 " WHERE (?1 = 0 OR x.event_id = ?1)"
		 " AND (?2 = 0 OR (x.user_id = ?2 AND e.cancelled = 0))"
		 " ORDER BY x.start_at, u.name, x.id",
		 "ll", event_id, user_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct shift_row *r = &out->v[out->nr++];
		r->id = sqlite3_column_int64(st, 0);
		r->event_id = sqlite3_column_int64(st, 1);
		r->user_id = sqlite3_column_int64(st, 2);
		r->username = col_dup(st, 3);
		r->name = col_dup(st, 4);
		r->task = col_dup(st, 5);
		r->event_name = col_dup(st, 6);
		r->start = col_moment(st, 7);
		r->end = col_moment(st, 8);
	}
	return rows_end(s, st, rc, err, _("læs vagter"));
}

int store_shift_insert(struct store *s, const struct shift_row *r, long long *id, char **err)
{
	char start[17], end[17];
	team_format_moment(r->start, start);
	team_format_moment(r->end, end);
	if (exec(s,
		 "INSERT INTO event_shift (event_id, user_id, start_at, end_at, task)"
		 " VALUES (?, ?, ?, ?, ?)",
		 "llsss", r->event_id, r->user_id, start, end, r->task) < 0)
		return db_fail(s, err, _("gem vagt"));
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* ---- knowledge notes ---- */

int store_notes_load(struct store *s, long long user_id, const char *role, bool all,
		     bool unread_only, struct note_rows *out, char **err)
{
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT n.id, n.title, n.body, n.created_at, n.created_by,"
		 " EXISTS (SELECT 1 FROM knowledge_note_read r WHERE r.note_id = n.id"
		 "  AND r.user_id = ?1)"
		 " FROM knowledge_note n WHERE (?3 = 1 OR EXISTS (SELECT 1 FROM"
		 "  knowledge_note_audience a WHERE a.note_id = n.id AND ((a.kind = 'role'"
		 "  AND a.target = ?2) OR (a.kind = 'body' AND a.target IN (SELECT p.body_id"
		 "  FROM body_participant p WHERE p.user_id = ?1)))))"
		 " AND (?4 = 0 OR NOT EXISTS (SELECT 1 FROM knowledge_note_read r"
		 "  WHERE r.note_id = n.id AND r.user_id = ?1))"
		 " ORDER BY n.created_at DESC, n.id DESC",
		 "lsii", user_id, role, (int)all, (int)unread_only);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct note_row *n = &out->v[out->nr++];
		memset(n, 0, sizeof(*n));
		n->id = sqlite3_column_int64(st, 0);
		n->title = col_dup(st, 1);
		n->body = col_dup(st, 2);
		n->created_at = col_dup(st, 3);
		n->created_by = col_dup(st, 4);
		n->read = sqlite3_column_int(st, 5) != 0;
	}
	if (rows_end(s, st, rc, err, _("læs vidensnotater")) < 0)
		return -1;
	for (size_t i = 0; i < out->nr; i++) {
		st = prep(s,
			  "SELECT kind, target FROM knowledge_note_audience WHERE note_id = ?"
			  " ORDER BY kind, target",
			  "l", out->v[i].id);
		while ((rc = stmt_step(st)) == SQLITE_ROW) {
			const char *kind = (const char *)sqlite3_column_text(st, 0);
			strlist_add(kind && !strcmp(kind, "role") ? &out->v[i].roles
								  : &out->v[i].bodies,
				    (const char *)sqlite3_column_text(st, 1));
		}
		if (rows_end(s, st, rc, err, _("læs vidensnotater")) < 0)
			return -1;
	}
	return 0;
}

int store_note_insert(struct store *s, const char *title, const char *body,
		      const struct strlist *roles, const struct strlist *bodies, const char *by,
		      long long *id, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	char now[STORE_TIME_LEN];
	store_now(now);
	int rc = exec(s,
		      "INSERT INTO knowledge_note (title, body, created_at, created_by)"
		      " VALUES (?, ?, ?, ?)",
		      "ssss", title, body, now, by);
	*id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; rc == 0 && i < roles->nr; i++)
		rc = exec(s,
			  "INSERT OR IGNORE INTO knowledge_note_audience (note_id, kind, target)"
			  " VALUES (?, 'role', ?)",
			  "ls", *id, roles->v[i]);
	for (size_t i = 0; rc == 0 && i < bodies->nr; i++)
		rc = exec(s,
			  "INSERT OR IGNORE INTO knowledge_note_audience (note_id, kind, target)"
			  " VALUES (?, 'body', ?)",
			  "ls", *id, bodies->v[i]);
	return store_end(s, rc, err, _("gem vidensnotat"));
}

int store_note_read(struct store *s, long long note_id, long long user_id, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s,
		 "INSERT OR IGNORE INTO knowledge_note_read (note_id, user_id, read_at)"
		 " VALUES (?, ?, ?)",
		 "lls", note_id, user_id, now) < 0)
		return db_fail(s, err, _("marker som læst"));
	return 0;
}

/* ---- advice given ---- */

int store_advice_insert(struct store *s, const struct advice_row *r, const char *by, long long *id,
			char **err)
{
	char now[STORE_TIME_LEN], day[11];
	store_now(now);
	cal_format_date(r->day, day);
	if (exec(
		s,
		"INSERT INTO advice (day, asker_role, theme, district_id, minutes, led_to_referral,"
		" led_to_underretning, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		"ssssiiiss", day, r->asker, r->theme, r->district, r->minutes, (int)r->referral,
		(int)r->underretning, now, by) < 0)
		return db_fail(s, err, _("gem rådgivning"));
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_advice_load(struct store *s, int year, struct advice_rows *out, char **err)
{
	char y[8];
	snprintf(y, sizeof(y), "%04u", (unsigned)year % 10000u);
	sqlite3_stmt *st = prep(s,
				"SELECT id, day, asker_role, theme, district_id, minutes,"
				" led_to_referral, led_to_underretning FROM advice"
				" WHERE substr(day, 1, 4) = ? ORDER BY day DESC, id DESC",
				"s", y);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct advice_row *r = &out->v[out->nr++];
		r->id = sqlite3_column_int64(st, 0);
		r->day = col_day(st, 1);
		r->asker = col_dup(st, 2);
		r->theme = col_dup(st, 3);
		r->district = col_dup(st, 4);
		r->minutes = sqlite3_column_int(st, 5);
		r->referral = sqlite3_column_int(st, 6) != 0;
		r->underretning = sqlite3_column_int(st, 7) != 0;
	}
	return rows_end(s, st, rc, err, _("læs rådgivning"));
}

int store_advice_counts(struct store *s, int year, struct advice_counts *out, char **err)
{
	char y[8];
	snprintf(y, sizeof(y), "%04u", (unsigned)year % 10000u);
	sqlite3_stmt *st = prep(s,
				"SELECT a.theme, a.district_id, count(*), sum(a.minutes),"
				" sum(a.led_to_referral), sum(a.led_to_underretning) FROM advice a"
				" LEFT JOIN district d ON d.id = a.district_id"
				" WHERE substr(a.day, 1, 4) = ? GROUP BY a.theme, a.district_id"
				" ORDER BY a.theme, COALESCE(d.position, -1), a.district_id",
				"s", y);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct advice_count *c = &out->v[out->nr++];
		c->theme = col_dup(st, 0);
		c->district = col_dup(st, 1);
		c->count = sqlite3_column_int(st, 2);
		c->minutes = sqlite3_column_int(st, 3);
		c->referrals = sqlite3_column_int(st, 4);
		c->underretninger = sqlite3_column_int(st, 5);
	}
	return rows_end(s, st, rc, err, _("tæl rådgivning"));
}
