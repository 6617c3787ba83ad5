/* store_internal.h - helpers shared by the files under src/store/.
 * Nothing outside src/store/ includes this: SQL stays in the store. */
#ifndef SSP_STORE_INTERNAL_H
#define SSP_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdarg.h>

#include "store/store.h"

struct store {
	sqlite3 *db;
	char *path;
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
/* Runs a statement that returns no rows; 0 on success, -1 on error. */
int exec(struct store *s, const char *sql, const char *types, ...);
/* A copy of a text column, or NULL. */
char *col_dup(sqlite3_stmt *st, int i);

/* The planning keys of o ([kalender], ugedag, tidspunkt ...): written by
 * store_org_save and read by store_org_load inside their transactions
 * (meeting_store.c). -1 on a database error. */
int store_planning_save(struct store *s, const struct org *o);
int store_planning_load(struct store *s, struct org *o);

#endif
