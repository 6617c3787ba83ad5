/* indsigt_store.c - the right of access's SQL (store/indsigt_store.h). */
#include "store/indsigt_store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/indsigt.h"
#include "store/personal_data.h"
#include "store/store_internal.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- rows as stored --------------------------------------------------------- */

static void cell_release(struct indsigt_cell *c)
{
	free(c->column);
	if (c->text)
		memset(c->text, 0, strlen(c->text));
	free(c->text);
	if (c->blob.p)
		memset(c->blob.p, 0, c->blob.n);
	free(c->blob.p);
}

void indsigt_rows_release(struct indsigt_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		for (size_t j = 0; j < l->v[i].nr; j++)
			cell_release(&l->v[i].v[j]);
		free(l->v[i].v);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const struct indsigt_cell *indsigt_cell(const struct indsigt_row *row, const char *column)
{
	for (size_t i = 0; i < row->nr; i++)
		if (!strcmp(row->v[i].column, column))
			return &row->v[i];
	return NULL;
}

/* Runs sql (bound by types as prep() binds) and appends every row with
 * every column it selects. */
static int collect(struct store *s, struct indsigt_rows *out, char **err, const char *what,
		   const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = vprep(s, sql, types, ap);
	va_end(ap);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct indsigt_row *row = &out->v[out->nr++];
		memset(row, 0, sizeof(*row));
		int n = sqlite3_column_count(st);
		for (int i = 0; i < n; i++) {
			ALLOC_GROW(row->v, row->nr + 1, row->alloc);
			struct indsigt_cell *c = &row->v[row->nr++];
			memset(c, 0, sizeof(*c));
			c->column = xstrdup(sqlite3_column_name(st, i));
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_NULL:
				c->kind = IV_NULL;
				break;
			case SQLITE_INTEGER:
				c->kind = IV_INT;
				c->i = sqlite3_column_int64(st, i);
				c->text = col_dup(st, i);
				break;
			case SQLITE_BLOB: {
				c->kind = IV_BLOB;
				int len = sqlite3_column_bytes(st, i);
				const void *p = sqlite3_column_blob(st, i);
				c->blob.p = xmalloc((size_t)len + 1);
				if (len)
					memcpy(c->blob.p, p, (size_t)len);
				c->blob.n = (size_t)len;
				break;
			}
			default:
				c->kind = IV_TEXT;
				c->text = col_dup(st, i);
				break;
			}
		}
	}
	return rows_end(s, st, rc, err, what);
}

/* ---- one function per table --------------------------------------------------- */

/* The person's concerns, for the tables that reach a person through one. */
#define OF_CONCERNS "concern_id IN (SELECT id FROM concern WHERE person_id = ?1)"

static int c_person(struct store *s, long long p, const char *subj, struct indsigt_rows *out,
		    char **err)
{
	(void)subj;
	return collect(s, out, err, "person", "SELECT * FROM person WHERE id = ?1", "l", p);
}

static int c_handover(struct store *s, long long p, const char *subj, struct indsigt_rows *out,
		      char **err)
{
	(void)subj;
	return collect(s, out, err, "handover",
		       "SELECT * FROM handover WHERE person_id = ?1 ORDER BY contact_date, id", "l",
		       p);
}

static int c_referral(struct store *s, long long p, const char *subj, struct indsigt_rows *out,
		      char **err)
{
	(void)subj;
	return collect(s, out, err, "referral",
		       "SELECT * FROM referral WHERE person_id = ?1 ORDER BY id", "l", p);
}

static int c_concern(struct store *s, long long p, const char *subj, struct indsigt_rows *out,
		     char **err)
{
	(void)subj;
	return collect(s, out, err, "concern",
		       "SELECT * FROM concern WHERE person_id = ?1 ORDER BY id", "l", p);
}

static int c_concern_category(struct store *s, long long p, const char *subj,
			      struct indsigt_rows *out, char **err)
{
	(void)subj;
	return collect(s, out, err, "concern_category",
		       "SELECT * FROM concern_category WHERE " OF_CONCERNS " ORDER BY at, rowid",
		       "l", p);
}

static int c_decision(struct store *s, long long p, const char *subj, struct indsigt_rows *out,
		      char **err)
{
	(void)subj;
	return collect(s, out, err, "decision",
		       "SELECT * FROM decision WHERE " OF_CONCERNS " ORDER BY decided_at, id", "l",
		       p);
}

/* § 115, stk. 4: who declined to share on one of the person's items
 * (the item is a hand-over entry, a referral or a concern's follow-up;
 * item_id has no foreign key, so the schema test cannot see this one). */
static int c_share_declined(struct store *s, long long p, const char *subj,
			    struct indsigt_rows *out, char **err)
{
	(void)subj;
	return collect(s, out, err, "share_declined",
		       "SELECT * FROM share_declined WHERE"
		       " (item_kind = 'handover' AND item_id IN (SELECT id FROM handover WHERE "
		       "person_id = ?1))"
		       " OR (item_kind = 'referral' AND item_id IN"
		       "     (SELECT id FROM referral WHERE person_id = ?1))"
		       " OR (item_kind = 'followup' AND item_id IN"
		       "     (SELECT id FROM concern WHERE person_id = ?1))"
		       " ORDER BY at",
		       "l", p);
}

static int c_concern_action(struct store *s, long long p, const char *subj,
			    struct indsigt_rows *out, char **err)
{
	(void)subj;
	return collect(s, out, err, "concern_action",
		       "SELECT * FROM concern_action WHERE " OF_CONCERNS " ORDER BY due, id", "l",
		       p);
}

static int c_concern_note(struct store *s, long long p, const char *subj, struct indsigt_rows *out,
			  char **err)
{
	(void)subj;
	return collect(s, out, err, "concern_note",
		       "SELECT * FROM concern_note WHERE " OF_CONCERNS " ORDER BY created_at, id",
		       "l", p);
}

static int c_related_person(struct store *s, long long p, const char *subj,
			    struct indsigt_rows *out, char **err)
{
	(void)subj;
	return collect(s, out, err, "related_person",
		       "SELECT * FROM related_person WHERE " OF_CONCERNS " ORDER BY id", "l", p);
}

static int c_indsigt_request(struct store *s, long long p, const char *subj,
			     struct indsigt_rows *out, char **err)
{
	(void)subj;
	return collect(s, out, err, "indsigt_request",
		       "SELECT * FROM indsigt_request WHERE person_id = ?1 ORDER BY received, id",
		       "l", p);
}

/* Who looked, when, what they did and why: the chain's hashes and the
 * client address are the log's own business, not the person's data. */
#define AUDIT_LOG_COLUMNS "seq, at, username, org, action, legal_basis, outcome"
static int c_audit_log(struct store *s, long long p, const char *subj, struct indsigt_rows *out,
		       char **err)
{
	(void)p;
	return collect(s, out, err, "audit_log",
		       "SELECT " AUDIT_LOG_COLUMNS
		       " FROM audit_log WHERE subject = ?1 ORDER BY seq",
		       "s", subj);
}

const struct indsigt_source indsigt_sources[] = {
    {"person", -1, c_person, NULL},
    {"handover", INDSIGT_PART_HANDOVERS, c_handover, NULL},
    {"referral", INDSIGT_PART_REFERRALS, c_referral, NULL},
    {"concern", INDSIGT_PART_CONCERNS, c_concern, NULL},
    {"concern_category", INDSIGT_PART_CONCERNS, c_concern_category, NULL},
    {"decision", INDSIGT_PART_CONCERNS, c_decision, NULL},
    {"share_declined", INDSIGT_PART_CONCERNS, c_share_declined, NULL},
    {"concern_action", INDSIGT_PART_CONCERNS, c_concern_action, NULL},
    {"concern_note", INDSIGT_PART_NOTES, c_concern_note, NULL},
    {"related_person", INDSIGT_PART_RELATED, c_related_person, NULL},
    {"indsigt_request", -1, c_indsigt_request, NULL},
    {"audit_log", INDSIGT_PART_ACCESS_LOG, c_audit_log, AUDIT_LOG_COLUMNS},
};
const size_t indsigt_sources_nr = sizeof(indsigt_sources) / sizeof(*indsigt_sources);

/* ---- against the personal-data declaration ------------------------------------ */

const struct indsigt_source *indsigt_source_of(const char *table)
{
	for (size_t i = 0; i < indsigt_sources_nr; i++)
		if (!strcmp(indsigt_sources[i].table, table))
			return &indsigt_sources[i];
	return NULL;
}

bool indsigt_declared_about_person(const struct personal_column *pc)
{
	return pc->subject == PD_YOUNG_PERSON || pc->subject == PD_RELATED;
}

/* Is column one of the comma-separated list? */
static bool in_list(const char *list, const char *column)
{
	size_t n = strlen(column);
	for (const char *p = list; *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t k = strcspn(p, ", ");
		if (k == n && !strncmp(p, column, n))
			return true;
		p += k;
	}
	return false;
}

size_t indsigt_uncollected(const struct personal_column *pc, size_t n, struct strlist *out)
{
	size_t missing = 0;
	for (size_t i = 0; i < n; i++) {
		if (!indsigt_declared_about_person(&pc[i]))
			continue;
		const struct indsigt_source *src = indsigt_source_of(pc[i].table);
		/* the column that finds the person's rows is in the answer by
		 * being the question */
		bool key = pc[i].link_column && !strcmp(pc[i].link_column, pc[i].column);
		if (src && (!src->columns || key || in_list(src->columns, pc[i].column)))
			continue;
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s.%s", pc[i].table, pc[i].column);
		strlist_add(out, sb.buf);
		strbuf_release(&sb);
		missing++;
	}
	return missing;
}

/* ---- the schema's personal tables ----------------------------------------------- */

static bool listed(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->nr; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int indsigt_store_personal_tables(struct store *s, struct strlist *out, char **err)
{
	struct strlist all = STRLIST_INIT, found = STRLIST_INIT;
	sqlite3_stmt *st = prep(s,
				"SELECT name FROM sqlite_master WHERE type = 'table'"
				" AND name NOT LIKE 'sqlite_%' ORDER BY name",
				"");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW)
		strlist_add(&all, (const char *)sqlite3_column_text(st, 0));
	if (rows_end(s, st, rc, err, "sqlite_master") < 0)
		goto fail;
	/* the tables the declaration names as holding data about a young
	 * person or the adults around them (person, audit_log's subject ...) */
	size_t npc;
	const struct personal_column *pc = store_personal_columns(&npc);
	for (size_t i = 0; i < npc; i++)
		if (indsigt_declared_about_person(&pc[i]) && !listed(&found, pc[i].table))
			strlist_add(&found, pc[i].table);
	/* columns named person_id or concern_id */
	for (size_t i = 0; i < all.nr; i++) {
		st = prep(s, "SELECT name FROM pragma_table_info(?1)", "s", all.v[i]);
		while ((rc = stmt_step(st)) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(st, 0);
			if (c && (!strcmp(c, "person_id") || !strcmp(c, "concern_id")) &&
			    !listed(&found, all.v[i]))
				strlist_add(&found, all.v[i]);
		}
		if (rows_end(s, st, rc, err, "pragma_table_info") < 0)
			goto fail;
	}
	/* foreign keys to a table found, to the end */
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t i = 0; i < all.nr; i++) {
			if (listed(&found, all.v[i]))
				continue;
			st = prep(s, "SELECT \"table\" FROM pragma_foreign_key_list(?1)", "s",
				  all.v[i]);
			bool hit = false;
			while ((rc = stmt_step(st)) == SQLITE_ROW) {
				const char *t = (const char *)sqlite3_column_text(st, 0);
				if (t && listed(&found, t))
					hit = true;
			}
			if (rows_end(s, st, rc, err, "pragma_foreign_key_list") < 0)
				goto fail;
			if (hit) {
				strlist_add(&found, all.v[i]);
				grew = true;
			}
		}
	}
	qsort(found.v, found.nr, sizeof(*found.v), cmp_str);
	for (size_t i = 0; i < found.nr; i++)
		strlist_add(out, found.v[i]);
	strlist_clear(&all);
	strlist_clear(&found);
	return 0;
fail:
	strlist_clear(&all);
	strlist_clear(&found);
	return -1;
}

/* ---- access requests ------------------------------------------------------------ */

void indsigt_request_row_release(struct indsigt_request_row *r)
{
	free(r->answered_at);
	free(r->answered_by);
	free(r->restricted_parts);
	if (r->justification.p)
		memset(r->justification.p, 0, r->justification.n);
	free(r->justification.p);
	free(r->restricted_at);
	free(r->restricted_by);
	free(r->created_at);
	free(r->created_by);
	memset(r, 0, sizeof(*r));
}

void indsigt_request_rows_release(struct indsigt_request_rows *l)
{
	for (size_t i = 0; i < l->nr; i++)
		indsigt_request_row_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static long col_day(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	struct date d;
	if (!t || cal_parse_date((const char *)t, &d) < 0)
		return CAL_NO_DAY;
	return cal_days(d);
}

#define REQUEST_COLUMNS                                                                            \
	"id, person_id, received, deadline, status, answered_at, answered_by, restricted_parts,"   \
	" restriction_justification, restricted_at, restricted_by, created_at, created_by"

static void request_of(sqlite3_stmt *st, struct indsigt_request_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->person_id = sqlite3_column_int64(st, 1);
	r->received = col_day(st, 2);
	r->deadline = col_day(st, 3);
	const unsigned char *status = sqlite3_column_text(st, 4);
	r->open = status && !strcmp((const char *)status, "open");
	r->answered_at = col_dup(st, 5);
	r->answered_by = col_dup(st, 6);
	r->restricted_parts = col_dup(st, 7);
	if (sqlite3_column_type(st, 8) == SQLITE_BLOB) {
		int n = sqlite3_column_bytes(st, 8);
		r->justification.p = xmalloc((size_t)n + 1);
		if (n)
			memcpy(r->justification.p, sqlite3_column_blob(st, 8), (size_t)n);
		r->justification.n = (size_t)n;
	}
	r->restricted_at = col_dup(st, 9);
	r->restricted_by = col_dup(st, 10);
	r->created_at = col_dup(st, 11);
	r->created_by = col_dup(st, 12);
}

int indsigt_store_request_add(struct store *s, long long person, long received, long deadline,
			      const char *by, long long *id, char **err)
{
	char rec[11], dl[11], now[STORE_TIME_LEN];
	cal_format_date(received, rec);
	cal_format_date(deadline, dl);
	store_now(now);
	if (exec(s,
		 "INSERT INTO indsigt_request (person_id, received, deadline, created_at, "
		 "created_by)"
		 " VALUES (?, ?, ?, ?, ?)",
		 "lssss", person, rec, dl, now, by) < 0)
		return db_fail(s, err, "indsigt_request");
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int changed(struct store *s, char **err, const char *what, const char *sql,
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

int indsigt_store_request_restrict(struct store *s, long long id, const char *parts, const char *by,
				   char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return changed(s, err, "indsigt_request",
		       "UPDATE indsigt_request SET restricted_parts = ?, restricted_at = ?,"
		       " restricted_by = ? WHERE id = ?",
		       "sssl", parts, now, by, id);
}

int indsigt_store_request_seal(struct store *s, long long id, const struct sealed *justification,
			       char **err)
{
	return changed(s, err, "indsigt_request",
		       "UPDATE indsigt_request SET restriction_justification = ? WHERE id = ?",
		       "bl", justification->p, (int)justification->n, id);
}

int indsigt_store_request_answer(struct store *s, long long id, const char *by, char **err)
{
	char now[STORE_TIME_LEN];
	store_now(now);
	return changed(s, err, "indsigt_request",
		       "UPDATE indsigt_request SET status = 'answered', answered_at = ?,"
		       " answered_by = ? WHERE id = ? AND status = 'open'",
		       "ssl", now, by, id);
}

int indsigt_store_request_get(struct store *s, long long id, struct indsigt_request_row *out,
			      char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st =
	    prep(s, "SELECT " REQUEST_COLUMNS " FROM indsigt_request WHERE id = ?", "l", id);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		request_of(st, out);
	return row_end(s, st, rc, err, "indsigt_request");
}

int indsigt_store_requests(struct store *s, long long person, struct indsigt_request_rows *out,
			   char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT " REQUEST_COLUMNS " FROM indsigt_request"
				" WHERE ?1 = 0 OR person_id = ?1"
				" ORDER BY status = 'open' DESC,"
				" CASE WHEN status = 'open' THEN deadline END,"
				" received DESC, id DESC",
				"l", person);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct indsigt_request_row *r = &out->v[out->nr++];
		memset(r, 0, sizeof(*r));
		request_of(st, r);
	}
	return rows_end(s, st, rc, err, "indsigt_request");
}
