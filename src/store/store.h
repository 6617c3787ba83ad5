/* store.h - the SQLite store: schema, migrations and every SQL statement.
 *
 * One struct store per thread (SQLite connections are not shared). All SQL
 * is parameterised. Functions return 0 on success and -1 on failure with a
 * Danish message in *err (caller frees); nothing is half-written on failure
 * because every write runs in one transaction.
 */
#ifndef SSP_STORE_H
#define SSP_STORE_H

#include <stdbool.h>

#include "domain/org.h"

struct store;

enum store_open_mode {
	STORE_OPEN_EXISTING, /* the database must exist and be initialised */
	STORE_OPEN_CREATE    /* create the file if missing, then migrate */
};

/* Configures and starts SQLite once per process, before any store_open()
 * (service_global_init() calls it); 0 on success. */
int store_global_init(void);
int store_open(const char *path, enum store_open_mode mode, struct store **out, char **err);
void store_close(struct store *s);

/* Schema version of the open database, and the newest this program knows. */
int store_schema_version(struct store *s);
int store_schema_latest(void);

/* Replaces the organisation with o in one transaction. Bodies, districts and
 * categories missing from o are kept but marked inactive (later records may
 * refer to them). Institutions are never removed (an admin may have added
 * them): one of o's that is new is added, one the strategy loaded before is
 * updated and made active, but one an administrator has added, edited,
 * deactivated or reactivated is left exactly as it is, and its id is
 * appended to *kept (when kept is not NULL). source_sha256 identifies the
 * strategy file. */
int store_org_save(struct store *s, const struct org *o, const char *source_sha256,
		   struct strlist *kept, char **err);

/* Transactions. Every write of the store runs in one; they nest, so a
 * caller (the service) can put several writes and the access-log entry
 * about them into one transaction that commits or rolls back as a whole.
 * store_begin: BEGIN IMMEDIATE outside a transaction, a savepoint inside
 * one; -1 with *err on failure. store_commit: COMMIT, or RELEASE of the
 * savepoint; -1 on failure, the transaction then still open (roll it
 * back). store_rollback: undoes everything since the matching
 * store_begin. Each store_begin is ended by exactly one of the two. */
int store_begin(struct store *s, char **err);
int store_commit(struct store *s);
void store_rollback(struct store *s);
/* Is a transaction open on s? */
bool store_in_transaction(const struct store *s);
/* Calls fn(data, committed) once, when what the open transaction holds at
 * its current level is settled: committed with the outermost COMMIT, or
 * undone by a rollback of this level or an outer one. One such call per
 * connection at a time (a new one replaces an unsettled one). */
void store_on_tx_end(struct store *s, void (*fn)(void *data, bool committed), void *data);
/* Rows changed on this connection since it opened (INSERT, UPDATE,
 * DELETE): equal before and after a transaction means it changed nothing. */
long long store_changes(struct store *s);
/* SQLite's data version of the database (SQLITE_FCNTL_DATA_VERSION, read
 * in a read transaction begun by this call): another value after any
 * commit, by this connection or another; -1 on error. With store_changes
 * (this connection's own writes, TEMP included), tells whether anything
 * changed since. store_session_user_get gives the same value as of its
 * own read transaction, with no statement of its own. */
long long store_data_version(struct store *s);
/* The database file's path as opened. */
const char *store_path(const struct store *s);

/* Loads the active organisation into o (org_init'ed by the caller). */
int store_org_load(struct store *s, struct org *o, char **err);
/* The organisation's stamp (table org_stamp: a new random number on every
 * change to a table store_org_load reads, set by triggers) and the
 * schema's version (PRAGMA schema_version), read in one statement: while
 * both are as they were, an organisation loaded then is still the one in
 * the database. 0, or -1 on error. */
int store_org_stamp(struct store *s, long long *stamp, long long *schema);

#endif
