/* store_internal.h - helpers shared by the files under src/store/.
 * Nothing outside src/store/ includes this: SQL stays in the store. */
#ifndef SSP_STORE_INTERNAL_H
#define SSP_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>

#include "store/store.h"

#define STORE_STMT_CACHE 96

struct store {
	sqlite3 *db;
	char *path;
	/* The access log's checkpoint (audit_store.c): the newest entry this
	 * connection appended in its open transaction, written to
	 * PATH.checkpoint by the WAL hook once that transaction commits. */
	bool cp_hooked, cp_pending;
	/* cp_defer: the commit leaves the file to store_audit_checkpoint_flush
	 * (the group commit, service/audit.c), marking it cp_ready */
	bool cp_defer, cp_ready;
	int cp_depth; /* tx_depth at which the pending entry was appended */
	long long cp_seq;
	char cp_hash[65];
	int tx_depth; /* store_begin() nesting: 0 outside a transaction */
	/* store_on_tx_end: told once whether what was written at tx_end_depth
	 * or deeper committed or was rolled back */
	void (*tx_end)(void *data, bool committed);
	void *tx_end_data;
	int tx_end_depth;
	/* Statements of the hot paths (session lookup, the organisation),
	 * prepared once per connection by cprep() and keyed by the address of
	 * their SQL literal; finalized by store_close(). */
	struct stmt_cache_entry {
		const char *sql;
		sqlite3_stmt *st;
	} cache[STORE_STMT_CACHE];
	int cache_nr;
};

/* A Danish message built like printf; caller frees. */
char *msgf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Sets *err to "databasefejl (what) ..." with SQLite's message; returns -1. */
int db_fail(struct store *s, char **err, const char *what);
/* Prepares sql and binds arguments by types: 's' const char * (NULL binds
 * NULL), 'i' int, 'l' long long, 'b' blob as (const void *, int len).
 * Returns NULL on error. */
sqlite3_stmt *vprep(struct store *s, const char *sql, const char *types, va_list ap);
sqlite3_stmt *prep(struct store *s, const char *sql, const char *types, ...);
/* Like prep(), but the statement stays prepared on this connection: sql
 * must be a string literal (the cache is keyed by its address), and the
 * statement must be released with stmt_free() (row_end(), rows_end() and
 * step_done() do so), never sqlite3_finalize(). */
sqlite3_stmt *cprep(struct store *s, const char *sql, const char *types, ...);
/* Resets a statement from cprep() for its next use; finalizes any other. */
void stmt_free(struct store *s, sqlite3_stmt *st);
/* Runs a statement that returns no rows; 0 on success, -1 on error. */
int exec(struct store *s, const char *sql, const char *types, ...);
/* The same through the statement cache (cprep): sql must be a string
 * literal. For statements run on every call (the access log's insert). */
int cexec(struct store *s, const char *sql, const char *types, ...);
/* A copy of a text column, or NULL. */
char *col_dup(sqlite3_stmt *st, int i);

/* sqlite3_step() that takes a NULL statement (prep failed) as SQLITE_ERROR,
 * so a caller can prepare, step and end without checking in between. */
int stmt_step(sqlite3_stmt *st);
/* Ends a statement whose rows were read until stmt_step() gave rc:
 * finalizes st (NULL is fine) and returns 0 when rc is SQLITE_DONE, else
 * -1 with db_fail(what) in *err. */
int rows_end(struct store *s, sqlite3_stmt *st, int rc, char **err, const char *what);
/* The same for a statement that looks up one row: 0 when rc is SQLITE_ROW
 * (the caller has read it), 1 on SQLITE_DONE (no such row), else -1. */
int row_end(struct store *s, sqlite3_stmt *st, int rc, char **err, const char *what);

/* The data version (store_data_version) of the read transaction this
 * connection is in: call it while a statement is stepping (it holds its
 * read transaction until reset), else it is the value as of the last
 * one. -1 on error. */
long long data_version_in_tx(struct store *s);

/* store_begin() (store.h) for reading only: a deferred BEGIN outside a
 * transaction, a savepoint inside one. End it with store_end(). */
int store_begin_read(struct store *s, char **err);
/* Ends what store_begin() / store_begin_read() started: commits (releases
 * the savepoint) when rc is 0, else rolls back. 0 when committed; -1 with
 * db_fail(what) in *err otherwise. */
int store_end(struct store *s, int rc, char **err, const char *what);

/* The time now (UTC) as "YYYY-MM-DDTHH:MM:SSZ", the form of the *_at columns. */
#define STORE_TIME_LEN 32
void store_now(char out[STORE_TIME_LEN]);

/* The planning keys of o ([kalender], ugedag, tidspunkt ...): written by
 * store_org_save and read by store_org_load inside their transactions
 * (meeting_store.c). -1 on a database error. */
int store_planning_save(struct store *s, const struct org *o);
int store_planning_load(struct store *s, struct org *o);

#endif
