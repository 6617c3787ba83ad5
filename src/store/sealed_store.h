/* sealed_store.h - SQL for sealed (encrypted) columns and their data keys.
 *
 * The cryptography and its rules are in service/crypto.c; this file knows
 * only where sealed values live and how a sealed value names its key: byte
 * 0 is the format version (1) and bytes 1-4 the data key id, big-endian
 * (service/crypto.h has the whole layout). SQL can read the key id from
 * those bytes, so the store finds the values sealed under an old key
 * without the key, and a trigger refuses a value sealed under a key the
 * database does not hold.
 */
#ifndef SSP_SEALED_STORE_H
#define SSP_SEALED_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* One sealed column: a BLOB column of table whose rows are named by the
 * INTEGER column id_column. The registry below lists every one; key
 * rotation walks it, and store_sealed_prepare() puts the key-id triggers
 * on each. Names are SQL identifiers of [a-z_][a-z0-9_]* (checked: they
 * are pasted into SQL, the one place the store builds SQL from strings,
 * and they come only from this compile-time table). */
struct sealed_column {
	const char *table;
	const char *column;
	const char *id_column;
};

/* The registry. A new sealed column (a person's name, a CPR number, a
 * note) is one more SEALED row in store/personal_columns.def (every sealed
 * column is personal data; store/personal_data.h). */
extern const struct sealed_column store_sealed_columns[];
extern const size_t store_sealed_columns_nr;

/* A data key as stored: wrapped (encrypted) under the instance's key
 * wrapping key. wrapped is owned (free() it, or data_key_release). */
struct data_key_row {
	long long id;
	unsigned char *wrapped;
	size_t wrapped_len;
};
void data_key_release(struct data_key_row *k);

/* The current data key (the highest id): 0 found, 1 there is none, -1. */
int store_data_key_current(struct store *s, struct data_key_row *out, char **err);
/* Data key id: 0 found, 1 no such key, -1 error. */
int store_data_key_get(struct store *s, long long id, struct data_key_row *out, char **err);
/* How many data keys the database holds, and the highest id (0 if none). */
int store_data_key_count(struct store *s, long long *count, long long *max_id, char **err);
/* Inserts data key id with its wrapped bytes when the database holds no
 * key with an id >= id (in one IMMEDIATE transaction, so two processes
 * starting at once make one key). *inserted tells whether it did. */
int store_data_key_add(struct store *s, long long id, const void *wrapped, size_t len,
		       bool *inserted, char **err);

/* Creates (if missing) the triggers that refuse, on INSERT or UPDATE of
 * a registered column, a non-NULL value that is not format 1 under a key
 * in data_key. A writer that sealed under a key that a rotation has since
 * dropped then fails instead of storing a value nobody can open. */
int store_sealed_prepare(struct store *s, char **err);

/* Re-seals values of column c not sealed under data key current: in one
 * IMMEDIATE transaction reads up to limit such rows (limit > 0), calls fn
 * for each with its row id and old value, and replaces the value with the
 * one fn returns in *out (fn owns nothing; *out is freed by the store
 * with free()) only if the row still holds the old value (a concurrent
 * writer wins). fn returns 0, or -1 to roll the whole batch back (then
 * the store returns -2 and leaves *err NULL: fn has said why). *done gets
 * how many rows were read; 0 means the column is finished. */
typedef int (*sealed_reseal_fn)(const struct sealed_column *c, long long row_id,
				const unsigned char *old, size_t old_len, unsigned char **out,
				size_t *out_len, void *data);
int store_sealed_reseal(struct store *s, const struct sealed_column *c, long long current,
			int limit, sealed_reseal_fn fn, void *data, int *done, char **err);

/* Ends a rotation: in one IMMEDIATE transaction, counts the values of
 * every registered column not sealed under key current; when there are
 * none, deletes every other data key. *left gets the count (the keys are
 * kept when it is not 0). */
int store_data_key_retire(struct store *s, long long current, long long *left, char **err);

/* TOTP secrets sealed by the format before data keys (migration 6 moved
 * them to user.totp_legacy): calls fn for each user that has one; fn
 * returns the re-sealed value for user.totp_secret (freed by the store),
 * which replaces the legacy value in one transaction per user. fn
 * returning -1 stops the walk; the store returns -2 then. */
typedef int (*totp_legacy_fn)(long long user_id, const unsigned char *old, size_t old_len,
			      unsigned char **out, size_t *out_len, void *data);
int store_totp_legacy_upgrade(struct store *s, totp_legacy_fn fn, void *data, int *upgraded,
			      char **err);

#endif
