#include "store/concern_store.h"

#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- helpers ------------------------------------------------------------ */

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

static void col_sealed(sqlite3_stmt *st, int i, struct sealed *out)
{
	const void *p = sqlite3_column_blob(st, i);
	int n = sqlite3_column_bytes(st, i);
	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		out->p = NULL;
		out->n = 0;
		return;
	}
	out->p = xmalloc((size_t)n + 1);
	if (n)
		memcpy(out->p, p, (size_t)n);
	out->n = (size_t)n;
}

static void sealed_free(struct sealed *x)
{
	free(x->p);
	x->p = NULL;
	x->n = 0;
}

static const void *sp(const struct sealed *x)
{
	return x ? x->p : NULL;
}

static int sn(const struct sealed *x)
{
	return x && x->p ? (int)x->n : 0;
}

/* Runs a write and reports 1 when it changed no row. */
static int exec_changes(struct store *s, char **err, const char *what, const char *sql,
			const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = vprep(s, sql, types, ap);
	va_end(ap);
	int rc = stmt_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, what);
	return sqlite3_changes(s->db) ? 0 : 1;
}

static int insert_id(struct store *s, long long *id, char **err, const char *what, const char *sql,
		     const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = vprep(s, sql, types, ap);
	va_end(ap);
	int rc = stmt_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, what);
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int concern_store_begin(struct store *s, char **err)
{
	return store_begin(s, err);
}

int concern_store_end(struct store *s, int rc, char **err)
{
	if (rc != 0) {
		/* the caller's message stays; store_end would replace it */
		char *mine = NULL;
		store_end(s, -1, &mine, "rollback");
		free(mine);
		return -1;
	}
	return store_end(s, 0, err, "commit");
}

/* ---- people ------------------------------------------------------------- */

void person_row_release(struct person_row *r)
{
	sealed_free(&r->name);
	sealed_free(&r->cpr);
	free(r->institution);
	free(r->district);
	free(r->created_at);
	free(r->created_by);
	memset(r, 0, sizeof(*r));
}

int concern_store_person_insert(struct store *s, const struct sealed *cpr_index, long birth,
				const char *institution, const char *district, const char *by,
				long long *id, char **err)
{
	if (cpr_index && cpr_index->p) {
		int r = concern_store_person_by_index(s, cpr_index, id, err);
		if (r <= 0)
			return r < 0 ? -1 : 1;
	}
	char now[STORE_TIME_LEN], b[11];
	store_now(now);
	return insert_id(s, id, err, "person",
			 "INSERT INTO person (name, cpr_index, birth_date, institution_id,"
			 " district_id, created_at, created_by) VALUES (NULL, ?, ?, ?, ?, ?, ?)",
			 "bsssss", sp(cpr_index), sn(cpr_index), day_text(birth, b), institution,
			 district, now, by);
}

int concern_store_person_seal(struct store *s, long long id, const struct sealed *name,
			      const struct sealed *cpr, char **err)
{
	return exec_changes(s, err, "person", "UPDATE person SET name = ?, cpr = ? WHERE id = ?",
			    "bbl", sp(name), sn(name), sp(cpr), sn(cpr), id);
}

int concern_store_person_get(struct store *s, long long id, struct person_row *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = cprep(s,
				 "SELECT id, name, cpr, birth_date, institution_id, district_id,"
				 " created_at, created_by FROM person WHERE id = ?",
				 "l", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		col_sealed(st, 1, &out->name);
		col_sealed(st, 2, &out->cpr);
		out->birth = col_day(st, 3);
		out->institution = col_dup(st, 4);
		out->district = col_dup(st, 5);
		out->created_at = col_dup(st, 6);
		out->created_by = col_dup(st, 7);
	}
	return row_end(s, st, rc, err, "person");
}

int concern_store_person_by_index(struct store *s, const struct sealed *cpr_index, long long *id,
				  char **err)
{
	sqlite3_stmt *st =
	    prep(s, "SELECT id FROM person WHERE cpr_index = ?", "b", sp(cpr_index), sn(cpr_index));
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	return row_end(s, st, rc, err, "person");
}

/* ---- related people ------------------------------------------------------ */

void related_rows_release(struct related_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		sealed_free(&l->v[i].name);
		sealed_free(&l->v[i].phone);
		free(l->v[i].relation);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int concern_store_related_insert(struct store *s, long long concern_id, const char *relation,
				 const char *by, long long *id, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return insert_id(s, id, err, "related_person",
			 "INSERT INTO related_person (concern_id, name, relation, created_at,"
			 " created_by) VALUES (?, NULL, ?, ?, ?)",
			 "lsss", concern_id, relation, now, by);
}

int concern_store_related_seal(struct store *s, long long id, const struct sealed *name,
			       const struct sealed *phone, char **err)
{
	return exec_changes(s, err, "related_person",
			    "UPDATE related_person SET name = ?, phone = ? WHERE id = ?", "bbl",
			    sp(name), sn(name), sp(phone), sn(phone), id);
}

int concern_store_related_list(struct store *s, long long concern_id, struct related_rows *out,
			       char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s,
				"SELECT id, concern_id, name, phone, relation FROM related_person"
				" WHERE concern_id = ? ORDER BY id",
				"l", concern_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct related_row *r = &out->v[out->nr++];
		memset(r, 0, sizeof(*r));
		r->id = sqlite3_column_int64(st, 0);
		r->concern_id = sqlite3_column_int64(st, 1);
		col_sealed(st, 2, &r->name);
		col_sealed(st, 3, &r->phone);
		r->relation = col_dup(st, 4);
	}
	return rows_end(s, st, rc, err, "related_person");
}

/* ---- hand-over entries --------------------------------------------------- */

void handover_row_release(struct handover_row *r)
{
	sealed_free(&r->summary);
	free(r->category);
	free(r->created_at);
	free(r->created_by);
	memset(r, 0, sizeof(*r));
}

void handover_rows_release(struct handover_rows *l)
{
	for (size_t i = 0; i < l->nr; i++)
		handover_row_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int concern_store_handover_insert(struct store *s, long long meeting_id, long long person_id,
				  long contact_date, const char *category, const char *by,
				  long long *id, char **err)
{
	char now[STORE_TIME_LEN], d[11];
	store_now(now);
	return insert_id(s, id, err, "handover",
			 "INSERT INTO handover (meeting_id, person_id, contact_date, summary,"
			 " category_id, created_at, created_by) VALUES (?, ?, ?, NULL, ?, ?, ?)",
			 "llssss", meeting_id, person_id, day_text(contact_date, d), category, now,
			 by);
}

int concern_store_handover_seal(struct store *s, long long id, const struct sealed *summary,
				char **err)
{
	return exec_changes(s, err, "handover", "UPDATE handover SET summary = ? WHERE id = ?",
			    "bl", sp(summary), sn(summary), id);
}

#define HANDOVER_COLS                                                                              \
	"SELECT id, meeting_id, person_id, contact_date, summary, category_id,"                    \
	" coalesce(concern_id, 0), created_at, created_by FROM handover"

static void handover_read(sqlite3_stmt *st, struct handover_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->meeting_id = sqlite3_column_int64(st, 1);
	r->person_id = sqlite3_column_int64(st, 2);
	r->contact_date = col_day(st, 3);
	col_sealed(st, 4, &r->summary);
	r->category = col_dup(st, 5);
	r->concern_id = sqlite3_column_int64(st, 6);
	r->created_at = col_dup(st, 7);
	r->created_by = col_dup(st, 8);
}

int concern_store_handover_get(struct store *s, long long id, struct handover_row *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s, HANDOVER_COLS " WHERE id = ?", "l", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		handover_read(st, out);
	return row_end(s, st, rc, err, "handover");
}

int concern_store_handover_list(struct store *s, long long meeting_id, struct handover_rows *out,
				char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st =
	    prep(s, HANDOVER_COLS " WHERE meeting_id = ? ORDER BY id", "l", meeting_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		handover_read(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, "handover");
}

int concern_store_handover_purge(struct store *s, long long meeting_id, long *deleted, char **err)
{
	*deleted = 0;
	int r = exec_changes(s, err, "handover",
			     "DELETE FROM handover WHERE meeting_id = ? AND concern_id IS NULL",
			     "l", meeting_id);
	if (r < 0)
		return -1;
	*deleted = r ? 0 : sqlite3_changes(s->db);
	return 0;
}

/* ---- meetings ------------------------------------------------------------ */

int concern_store_meeting_get(struct store *s, long long meeting_id, char **body, long *day,
			      bool *closed, char **err)
{
	*body = NULL;
	sqlite3_stmt *st = prep(s,
				"SELECT body_id, substr(start_at, 1, 10), closed_at IS NOT NULL"
				" FROM meeting WHERE id = ?",
				"l", meeting_id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		*body = col_dup(st, 0);
		*day = col_day(st, 1);
		*closed = sqlite3_column_int(st, 2) != 0;
	}
	return row_end(s, st, rc, err, "meeting");
}

int concern_store_meeting_close(struct store *s, long long meeting_id, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return exec_changes(s, err, "meeting",
			    "UPDATE meeting SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
			    "sl", now, meeting_id);
}

/* ---- referrals -------------------------------------------------------------- */

static const char *const referral_ids[] = {"submitted", "agenda", "adhoc", "other", "decided"};

const char *referral_status_id(enum referral_status st)
{
	return st <= REFERRAL_DECIDED ? referral_ids[st] : "?";
}

int referral_status_parse(const char *s, enum referral_status *out)
{
	for (int i = 0; i <= REFERRAL_DECIDED; i++)
		if (s && !strcmp(s, referral_ids[i])) {
			*out = (enum referral_status)i;
			return 0;
		}
	return -1;
}

void referral_row_release(struct referral_row *r)
{
	free(r->institution);
	sealed_free(&r->summary);
	sealed_free(&r->necessity);
	sealed_free(&r->screen_reason);
	free(r->legal_basis);
	free(r->screened_at);
	free(r->screened_by);
	free(r->created_at);
	free(r->created_by);
	memset(r, 0, sizeof(*r));
}

void referral_rows_release(struct referral_rows *l)
{
	for (size_t i = 0; i < l->nr; i++)
		referral_row_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int concern_store_referral_insert(struct store *s, long long person_id, const char *institution,
				  const char *legal_basis, const char *by, long long *id,
				  char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return insert_id(s, id, err, "referral",
			 "INSERT INTO referral (person_id, institution_id, summary, necessity,"
			 " legal_basis, created_at, created_by) VALUES (?, ?, NULL, NULL, ?, ?, ?)",
			 "lssss", person_id, institution, legal_basis, now, by);
}

int concern_store_referral_seal(struct store *s, long long id, const struct sealed *summary,
				const struct sealed *necessity, char **err)
{
	return exec_changes(s, err, "referral",
			    "UPDATE referral SET summary = ?, necessity = ? WHERE id = ?", "bbl",
			    sp(summary), sn(summary), sp(necessity), sn(necessity), id);
}

int concern_store_referral_screen(struct store *s, long long id, enum referral_status status,
				  long long meeting_id, const char *by, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return exec_changes(
	    s, err, "referral",
	    "UPDATE referral SET status = ?, meeting_id = nullif(?, 0),"
	    " screened_at = ?, screened_by = ? WHERE id = ? AND status = 'submitted'",
	    "slssl", referral_status_id(status), meeting_id, now, by, id);
}

int concern_store_referral_seal_reason(struct store *s, long long id, const struct sealed *reason,
				       char **err)
{
	return exec_changes(s, err, "referral",
			    "UPDATE referral SET screen_reason = ? WHERE id = ?", "bl", sp(reason),
			    sn(reason), id);
}

#define REFERRAL_COLS                                                                              \
	"SELECT id, person_id, coalesce(meeting_id, 0), coalesce(concern_id, 0),"                  \
	" institution_id, summary, necessity, screen_reason, legal_basis, status, screened_at,"    \
	" screened_by, created_at, created_by FROM referral"

static void referral_read(sqlite3_stmt *st, struct referral_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->person_id = sqlite3_column_int64(st, 1);
	r->meeting_id = sqlite3_column_int64(st, 2);
	r->concern_id = sqlite3_column_int64(st, 3);
	r->institution = col_dup(st, 4);
	col_sealed(st, 5, &r->summary);
	col_sealed(st, 6, &r->necessity);
	col_sealed(st, 7, &r->screen_reason);
	r->legal_basis = col_dup(st, 8);
	referral_status_parse((const char *)sqlite3_column_text(st, 9), &r->status);
	r->screened_at = col_dup(st, 10);
	r->screened_by = col_dup(st, 11);
	r->created_at = col_dup(st, 12);
	r->created_by = col_dup(st, 13);
}

int concern_store_referral_get(struct store *s, long long id, struct referral_row *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s, REFERRAL_COLS " WHERE id = ?", "l", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		referral_read(st, out);
	return row_end(s, st, rc, err, "referral");
}

int concern_store_referral_list(struct store *s, const char *created_by, long long meeting_id,
				struct referral_rows *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st;
	if (created_by)
		st = prep(s, REFERRAL_COLS " WHERE created_by = ? ORDER BY id", "s", created_by);
	else if (meeting_id > 0)
		st = prep(s, REFERRAL_COLS " WHERE meeting_id = ? ORDER BY id", "l", meeting_id);
	else
		st = prep(s, REFERRAL_COLS " WHERE status = 'submitted' ORDER BY id", "");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		referral_read(st, &out->v[out->nr++]);
	}
	return rows_end(s, st, rc, err, "referral");
}

/* ---- concerns ------------------------------------------------------------------ */

void concern_row_release(struct concern_row *r)
{
	free(r->category);
	free(r->legal_basis);
	free(r->opened_at);
	free(r->opened_by);
	free(r->closed_at);
	free(r->closed_by);
	sealed_free(&r->close_reason);
	memset(r, 0, sizeof(*r));
}

void category_steps_release(struct category_steps *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].at);
		free(l->v[i].category);
		free(l->v[i].by);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int concern_store_open_for_person(struct store *s, long long person_id, long long *id, char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT id FROM concern WHERE person_id = ? AND status = 'open'"
				" ORDER BY id DESC LIMIT 1",
				"l", person_id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	return row_end(s, st, rc, err, "concern");
}

int concern_store_concern_get(struct store *s, long long id, struct concern_row *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st =
	    cprep(s,
		  "SELECT id, person_id, coalesce(meeting_id, 0), category_id, legal_basis,"
		  " serious_crime, prison_sentence, status = 'open', opened_at, opened_by,"
		  " closed_at, closed_by, close_reason FROM concern WHERE id = ?",
		  "l", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->person_id = sqlite3_column_int64(st, 1);
		out->meeting_id = sqlite3_column_int64(st, 2);
		out->category = col_dup(st, 3);
		out->legal_basis = col_dup(st, 4);
		out->serious_crime = sqlite3_column_int(st, 5) != 0;
		out->prison_sentence = sqlite3_column_int(st, 6) != 0;
		out->open = sqlite3_column_int(st, 7) != 0;
		out->opened_at = col_dup(st, 8);
		out->opened_by = col_dup(st, 9);
		out->closed_at = col_dup(st, 10);
		out->closed_by = col_dup(st, 11);
		col_sealed(st, 12, &out->close_reason);
	}
	return row_end(s, st, rc, err, "concern");
}

int concern_store_category_history(struct store *s, long long concern_id,
				   struct category_steps *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = cprep(s,
				 "SELECT at, category_id, coalesce(meeting_id, 0), by_user"
				 " FROM concern_category WHERE concern_id = ? ORDER BY rowid",
				 "l", concern_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct category_step *c = &out->v[out->nr++];
		c->at = col_dup(st, 0);
		c->category = col_dup(st, 1);
		c->meeting_id = sqlite3_column_int64(st, 2);
		c->by = col_dup(st, 3);
	}
	return rows_end(s, st, rc, err, "concern_category");
}

int concern_store_concern_close(struct store *s, long long id, const char *by, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return exec_changes(s, err, "concern",
			    "UPDATE concern SET status = 'closed', closed_at = ?, closed_by = ?"
			    " WHERE id = ? AND status = 'open'",
			    "ssl", now, by, id);
}

int concern_store_concern_seal_reason(struct store *s, long long id, const struct sealed *reason,
				      char **err)
{
	return exec_changes(s, err, "concern", "UPDATE concern SET close_reason = ? WHERE id = ?",
			    "bl", sp(reason), sn(reason), id);
}

/* ---- decisions --------------------------------------------------------------- */

int concern_store_decision_for(struct store *s, long long meeting_id, const char *item_kind,
			       long long item_id, long long *concern_id, char **err)
{
	sqlite3_stmt *st = cprep(s,
				 "SELECT concern_id FROM decision WHERE meeting_id = ? AND"
				 " item_kind = ? AND item_id = ?",
				 "lsl", meeting_id, item_kind, item_id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*concern_id = sqlite3_column_int64(st, 0);
	return row_end(s, st, rc, err, "decision");
}

int concern_store_decide(struct store *s, const struct decision_in *d, long long *concern_id,
			 char **err)
{
	long long had;
	int r = concern_store_decision_for(s, d->meeting_id, d->item_kind, d->item_id, &had, err);
	if (r <= 0)
		return r < 0 ? -1 : 1;
	char now[STORE_TIME_LEN];
	store_now(now);
	long long cid = 0;
	r = concern_store_open_for_person(s, d->person_id, &cid, err);
	if (r < 0)
		return -1;
	bool changed = true;
	if (r == 1) {
		if (insert_id(s, &cid, err, "concern",
			      "INSERT INTO concern (person_id, category_id, legal_basis, necessity,"
			      " serious_crime, prison_sentence, meeting_id, opened_at, opened_by)"
			      " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)",
			      "lssiilss", d->person_id, d->category, d->legal_basis,
			      (int)d->serious_crime, (int)d->prison_sentence, d->meeting_id, now,
			      d->by) < 0)
			return -1;
	} else {
		/* a new item about a person with an open concern joins it; the
		 * category history shows escalation */
		sqlite3_stmt *st = prep(s, "SELECT category_id = ? FROM concern WHERE id = ?", "sl",
					d->category, cid);
		int rc = stmt_step(st);
		if (rc == SQLITE_ROW)
			changed = sqlite3_column_int(st, 0) == 0;
		if (row_end(s, st, rc, err, "concern") != 0)
			return -1;
		if (exec(s,
			 "UPDATE concern SET category_id = ?, legal_basis = ?,"
			 " serious_crime = max(serious_crime, ?),"
			 " prison_sentence = max(prison_sentence, ?) WHERE id = ?",
			 "ssiil", d->category, d->legal_basis, (int)d->serious_crime,
			 (int)d->prison_sentence, cid) < 0)
			return db_fail(s, err, "concern");
	}
	if (changed && exec(s,
			    "INSERT INTO concern_category (concern_id, at, category_id, meeting_id,"
			    " by_user) VALUES (?, ?, ?, ?, ?)",
			    "lssls", cid, now, d->category, d->meeting_id, d->by) < 0)
		return db_fail(s, err, "concern_category");
	long long did;
	if (insert_id(s, &did, err, "decision",
		      "INSERT INTO decision (meeting_id, item_kind, item_id, concern_id,"
		      " category_id, legal_basis, necessity, decided_at, decided_by)"
		      " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
		      "lsllssss", d->meeting_id, d->item_kind, d->item_id, cid, d->category,
		      d->legal_basis, now, d->by) < 0)
		return -1;
	for (size_t i = 0; i < d->actions_nr; i++) {
		const struct decision_action_in *a = &d->actions[i];
		char due[11], rdue[11];
		if (exec(s,
			 "INSERT INTO concern_action (concern_id, decision_id, type, owner_org,"
			 " owner_user, due, receipt_due, created_at, created_by, offer_id)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0))",
			 "llsssssssl", cid, did, a->type, a->owner_org, a->owner_user,
			 day_text(a->due, due), day_text(a->receipt_due, rdue), now, d->by,
			 a->offer_id) < 0)
			return db_fail(s, err, "concern_action");
	}
	if (!strcmp(d->item_kind, "handover") &&
	    exec(s, "UPDATE handover SET concern_id = ? WHERE id = ?", "ll", cid, d->item_id) < 0)
		return db_fail(s, err, "handover");
	if (!strcmp(d->item_kind, "referral") &&
	    exec(s, "UPDATE referral SET concern_id = ?, status = 'decided' WHERE id = ?", "ll",
		 cid, d->item_id) < 0)
		return db_fail(s, err, "referral");
	*concern_id = cid;
	return 0;
}

int concern_store_decline(struct store *s, long long meeting_id, const char *item_kind,
			  long long item_id, const char *username, const char *org, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	if (exec(s,
		 "INSERT INTO share_declined (meeting_id, item_kind, item_id, username, org, at)"
		 " VALUES (?, ?, ?, ?, ?, ?)",
		 "lslsss", meeting_id, item_kind, item_id, username, org, now) < 0)
		return db_fail(s, err, "share_declined");
	return 0;
}

/* ---- actions ------------------------------------------------------------------- */

void action_rows_release(struct action_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].type);
		free(l->v[i].owner_org);
		free(l->v[i].owner_user);
		free(l->v[i].status);
		free(l->v[i].offer_name);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

#define ACTION_COLS                                                                                \
	"SELECT a.id, a.concern_id, c.person_id, a.type, a.owner_org, a.owner_user, a.status,"     \
	" a.due, a.planned_date, a.held_date, a.reported_at, a.receipt_due, a.receipt_at,"         \
	" a.offer_id, o.name"                                                                      \
	" FROM concern_action a JOIN concern c ON c.id = a.concern_id"                             \
	" LEFT JOIN offer o ON o.id = a.offer_id"

static int read_actions(struct store *s, sqlite3_stmt *st, struct action_rows *out, char **err)
{
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
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
		a->offer_id = sqlite3_column_int64(st, 13);
		a->offer_name = col_dup(st, 14);
	}
	return rows_end(s, st, rc, err, "concern_action");
}

int concern_store_actions_of_concern(struct store *s, long long concern_id, struct action_rows *out,
				     char **err)
{
	memset(out, 0, sizeof(*out));
	return read_actions(
	    s, cprep(s, ACTION_COLS " WHERE a.concern_id = ? ORDER BY a.id", "l", concern_id), out,
	    err);
}

int concern_store_action_by_id(struct store *s, long long id, struct action_rows *out, char **err)
{
	memset(out, 0, sizeof(*out));
	return read_actions(s, prep(s, ACTION_COLS " WHERE a.id = ?", "l", id), out, err);
}

int concern_store_actions_mine(struct store *s, const char *org, const char *user,
			       struct action_rows *out, char **err)
{
	memset(out, 0, sizeof(*out));
	return read_actions(s,
			    prep(s,
				 ACTION_COLS
				 " WHERE a.status = 'open' AND c.status = 'open' AND"
				 " (a.owner_user = ? OR (a.owner_user IS NULL AND a.owner_org = ?))"
				 " ORDER BY a.due, a.id",
				 "ss", user, org),
			    out, err);
}

int concern_store_actions_open(struct store *s, const char *owner_org, const char *user,
			       struct action_rows *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st;
	if (user)
		st = prep(s,
			  ACTION_COLS
			  " WHERE a.status = 'open' AND c.status = 'open' AND"
			  " a.owner_org = ? AND (a.owner_user IS NULL OR a.owner_user = ?)"
			  " ORDER BY a.due, a.id",
			  "ss", owner_org, user);
	else
		st = prep(s,
			  ACTION_COLS " WHERE a.status = 'open' AND c.status = 'open' AND"
				      " a.owner_org = ? ORDER BY a.due, a.id",
			  "s", owner_org);
	return read_actions(s, st, out, err);
}

int concern_store_action_update(struct store *s, long long id, const char *status, long planned,
				long held, long reported, long receipt_due, char **err)
{
	char now[STORE_TIME_LEN], p[11], h[11], r[11], d[11];
	store_now(now);
	return exec_changes(
	    s, err, "concern_action",
	    "UPDATE concern_action SET status = coalesce(?, status),"
	    " planned_date = coalesce(?, planned_date), held_date = coalesce(?, held_date),"
	    " reported_at = coalesce(?, reported_at), receipt_due = coalesce(?, receipt_due),"
	    " done_at = CASE WHEN ? = 'done' THEN ? ELSE done_at END WHERE id = ?",
	    "sssssssl", status, day_text(planned, p), day_text(held, h), day_text(reported, r),
	    day_text(receipt_due, d), status, now, id);
}

/* ---- case notes -------------------------------------------------------------- */

void case_note_rows_release(struct case_note_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		sealed_free(&l->v[i].text);
		free(l->v[i].created_at);
		free(l->v[i].created_by);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int concern_store_note_insert(struct store *s, long long concern_id, long long action_id,
			      bool welfare, const char *by, long long *id, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return insert_id(s, id, err, "concern_note",
			 "INSERT INTO concern_note (concern_id, action_id, text, welfare,"
			 " created_at, created_by) VALUES (?, nullif(?, 0), NULL, ?, ?, ?)",
			 "lliss", concern_id, action_id, (int)welfare, now, by);
}

int concern_store_note_seal(struct store *s, long long id, const struct sealed *text, char **err)
{
	return exec_changes(s, err, "concern_note", "UPDATE concern_note SET text = ? WHERE id = ?",
			    "bl", sp(text), sn(text), id);
}

int concern_store_notes(struct store *s, long long concern_id, struct case_note_rows *out,
			char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s,
				"SELECT id, concern_id, coalesce(action_id, 0), text, welfare,"
				" created_at, created_by FROM concern_note WHERE concern_id = ?"
				" ORDER BY id",
				"l", concern_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct case_note_row *n = &out->v[out->nr++];
		n->id = sqlite3_column_int64(st, 0);
		n->concern_id = sqlite3_column_int64(st, 1);
		n->action_id = sqlite3_column_int64(st, 2);
		col_sealed(st, 3, &n->text);
		n->welfare = sqlite3_column_int(st, 4) != 0;
		n->created_at = col_dup(st, 5);
		n->created_by = col_dup(st, 6);
	}
	return rows_end(s, st, rc, err, "concern_note");
}

/* ---- statistics ------------------------------------------------------------- */

void stats_sources_release(struct stats_sources *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].category);
		free(l->v[i].district);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int concern_store_stats(struct store *s, int year, struct stats_sources *out, char **err)
{
	memset(out, 0, sizeof(*out));
	char from[11], to[11];
	cal_format_date(cal_ymd(year, 1, 1), from);
	cal_format_date(cal_ymd(year + 1, 1, 1), to);
	/* the year's rows through the index concern_opened; their order does
	 * not matter to counts */
	sqlite3_stmt *st = cprep(s,
				 "SELECT c.category_id, p.district_id, p.birth_date,"
				 " substr(c.opened_at, 1, 10) FROM concern c"
				 " JOIN person p ON p.id = c.person_id"
				 " WHERE c.opened_at >= ? AND c.opened_at < ?",
				 "ss", from, to);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct stats_source *x = &out->v[out->nr++];
		x->category = col_dup(st, 0);
		x->district = col_dup(st, 1);
		x->birth = col_day(st, 2);
		x->opened = col_day(st, 3);
	}
	return rows_end(s, st, rc, err, "concern");
}

int concern_store_stats_epoch(struct store *s, long long *out, char **err)
{
	*out = 0;
	sqlite3_stmt *st = cprep(s, "SELECT n FROM stats_epoch WHERE id = 1", "");
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	return row_end(s, st, rc, err, "stats_epoch");
}

/* ---- the strategy's case keys -------------------------------------------- */

int store_concern_strategy_save(struct store *s, const struct org *o)
{
	for (size_t i = 0; i < o->categories_nr; i++) {
		const struct org_category *c = &o->categories[i];
		if (exec(s,
			 "UPDATE category SET deadline_days = nullif(?, 0), serious = ? WHERE id = "
			 "?",
			 "iis", c->deadline_days, (int)c->serious, c->id) < 0)
			return -1;
	}
	if (exec(s, "UPDATE action_type SET active = 0", "") < 0)
		return -1;
	for (size_t i = 0; i < o->action_types_nr; i++)
		if (exec(s,
			 "INSERT INTO action_type (id, name, position, active) VALUES (?, ?, ?, 1)"
			 " ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
			 " position = excluded.position, active = 1",
			 "ssi", o->action_types[i].id, o->action_types[i].name, (int)i) < 0)
			return -1;
	return 0;
}

int store_concern_strategy_load(struct store *s, struct org *o)
{
	for (size_t i = 0; i < o->categories_nr; i++) {
		struct org_category *c = &o->categories[i];
		sqlite3_stmt *st = cprep(s,
					 "SELECT coalesce(deadline_days, 0), serious FROM category"
					 " WHERE id = ?",
					 "s", c->id);
		int rc = stmt_step(st);
		if (rc == SQLITE_ROW) {
			c->deadline_days = sqlite3_column_int(st, 0);
			c->serious = sqlite3_column_int(st, 1) != 0;
		}
		stmt_free(s, st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
	}
	sqlite3_stmt *st =
	    cprep(s, "SELECT id, name FROM action_type WHERE active = 1 ORDER BY position", "");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		struct org_action_type *t = org_add_action_type(o);
		t->id = col_dup(st, 0);
		t->name = col_dup(st, 1);
	}
	stmt_free(s, st);
	return rc == SQLITE_DONE ? 0 : -1;
}
