/* indsigt_store.h - the right of access (issue 12): everything the
 * database holds about one person, table by table, and the access
 * requests with their deadlines and restrictions (migration 13).
 *
 * Completeness: indsigt_sources[] lists one collect function per table
 * that holds data about a person, by table name. Each function returns
 * the table's rows as they are stored, every column (SELECT *), so a new
 * column is in the answer without a change here; a sealed column comes
 * out as its sealed bytes (the service opens it through the sealed
 * column registry, store/sealed_store.h). The test
 * tests/unit/test_indsigt.c asks the schema (sqlite_master and PRAGMA
 * foreign_key_list) which tables reach a person and fails when one is not
 * listed here, so a new table cannot be forgotten. The personal-data
 * declaration (store/personal_columns.def) drives both checks: every
 * column declared as the young person's or a related adult's must be
 * collected (indsigt_uncollected), and the schema walk starts from the
 * tables the declaration names.
 *
 * Same contract as store.h: parameterised SQL only, 0 on success, -1
 * with a Danish message in *err (caller frees); look-ups return 1 when
 * the row does not exist. Who may do what, and the access log, are the
 * service's.
 */
#ifndef SSP_INDSIGT_STORE_H
#define SSP_INDSIGT_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/concern_store.h"
#include "store/store.h"
#include "util/strlist.h"

enum indsigt_kind { IV_NULL, IV_INT, IV_TEXT, IV_BLOB };

/* One column of one row as stored. */
struct indsigt_cell {
	char *column; /* owned */
	enum indsigt_kind kind;
	char *text;         /* IV_INT (decimal) and IV_TEXT: owned */
	struct sealed blob; /* IV_BLOB: owned */
	long long i;        /* IV_INT */
};

struct indsigt_row {
	struct indsigt_cell *v;
	size_t nr, alloc;
};

struct indsigt_rows {
	struct indsigt_row *v;
	size_t nr, alloc;
};

void indsigt_rows_release(struct indsigt_rows *l);
/* The cell named column of row, or NULL. */
const struct indsigt_cell *indsigt_cell(const struct indsigt_row *row, const char *column);

/* Collects the rows of one table about person (its id, and its access-log
 * subject "person:<id>"). */
typedef int (*indsigt_collect_fn)(struct store *s, long long person, const char *subject,
				  struct indsigt_rows *out, char **err);

struct indsigt_source {
	const char *table;          /* the table's name in the schema */
	int part;                   /* domain/indsigt.h enum indsigt_part that a
				     * restriction withholds, or -1: never withheld */
	indsigt_collect_fn collect; /* its rows about the person */
	const char *columns;        /* NULL: every column (SELECT *); else the
				     * comma-separated columns it collects */
};

extern const struct indsigt_source indsigt_sources[];
extern const size_t indsigt_sources_nr;

/* The source of table, or NULL. */
const struct indsigt_source *indsigt_source_of(const char *table);

struct personal_column; /* store/personal_data.h */
/* Is the declared column about the young person or a related adult (what
 * an indsigt must show)? */
bool indsigt_declared_about_person(const struct personal_column *pc);
/* Of the n declared columns pc, those about a person that no source
 * collects (its table has no source, or the source's column list leaves
 * it out and it is not the column the rows are found by), appended to
 * *out as "table.column". Returns how many. */
size_t indsigt_uncollected(const struct personal_column *pc, size_t n, struct strlist *out);

/* Every table of the schema that holds data about a person: a column
 * person_id or concern_id, or a foreign key (PRAGMA foreign_key_list) to
 * person or to such a table, followed to the end; and audit_log (its
 * subject column). Sorted by name into *out (appended). For the
 * completeness test. */
int indsigt_store_personal_tables(struct store *s, struct strlist *out, char **err);

/* ---- access requests ----------------------------------------------------- */

struct indsigt_request_row {
	long long id, person_id;
	long received, deadline; /* days (calendar.h) */
	bool open;
	char *answered_at, *answered_by;
	char *restricted_parts;      /* NULL: no restriction */
	struct sealed justification; /* sealed */
	char *restricted_at, *restricted_by, *created_at, *created_by;
};

struct indsigt_request_rows {
	struct indsigt_request_row *v;
	size_t nr, alloc;
};

void indsigt_request_row_release(struct indsigt_request_row *r);
void indsigt_request_rows_release(struct indsigt_request_rows *l);

int indsigt_store_request_add(struct store *s, long long person, long received, long deadline,
			      const char *by, long long *id, char **err);
/* Records the restriction's parts; its justification is sealed after
 * (the row id is its associated data). 1 when there is no such request. */
int indsigt_store_request_restrict(struct store *s, long long id, const char *parts, const char *by,
				   char **err);
int indsigt_store_request_seal(struct store *s, long long id, const struct sealed *justification,
			       char **err);
/* Marks an open request answered. 1 when there is no open request id. */
int indsigt_store_request_answer(struct store *s, long long id, const char *by, char **err);
int indsigt_store_request_get(struct store *s, long long id, struct indsigt_request_row *out,
			      char **err);
/* Requests about person (0: everyone), open ones first, each group by
 * deadline (the most overdue first), then answered ones newest first. */
int indsigt_store_requests(struct store *s, long long person, struct indsigt_request_rows *out,
			   char **err);

#endif
