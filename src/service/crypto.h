/* crypto.h - one way to encrypt a field, find it again, and make a secret.
 *
 * Everything here is libsodium. Who uses what:
 *   svc_seal / svc_unseal      a field at rest (TOTP secrets today; names,
 *                              CPR numbers and notes of the concern flow)
 *   svc_blind_index            exact look-up of a sealed value (e.g. "is
 *                              this CPR number already a person?")
 *   svc_random_token           every random secret a browser or client gets
 *                              (session cookies, CSRF, API and calendar
 *                              tokens)
 *   svc_chain_key              the access log's hash chain (audit.c)
 *   svc_key_rotate             `ssp key rotate`
 *
 * ---- Keys ----------------------------------------------------------------
 *
 * DB.key (beside the database, mode 0600, never in it) holds the instance
 * secret: 32 random bytes. Nothing uses it directly; each purpose gets its
 * own subkey, crypto_kdf_derive_from_key(secret, 1, CONTEXT):
 *   "sspchain"  keys the access log's BLAKE2b hash chain
 *   "sspwrap_"  wraps (encrypts) the data keys
 *   "sspbidx_"  keys the blind index
 *   "sspseal_"  only to read TOTP secrets sealed before data keys existed
 *               (the format of before migration 6; re-sealed on start)
 * so a key that leaks from one use (a core dump while the chain is
 * hashed) opens nothing of the others.
 *
 * Data keys seal the fields. Each is 32 random bytes with an id (1, 2, ...;
 * the highest is current), stored in the database's data_key table wrapped
 * with XChaCha20-Poly1305 under the "sspwrap_" subkey (associated data:
 * the key id). Why there and not in DB.key, and not derived from the
 * secret by id:
 *   - a rotation makes a really new key (random, not a function of the
 *     same secret), so a leaked data key is worth nothing after it;
 *   - the new key, the re-sealed values and the retirement of the old key
 *     are each committed in a database transaction together with the
 *     values they concern, so a kill at any point leaves a state the next
 *     run finishes (no second file to keep in step with the database);
 *   - a copy of the database alone still opens nothing: the wrapping key
 *     is only in DB.key; and a database restored from a backup carries
 *     exactly the data keys its values need.
 * The instance secret itself is not rotated by this program (that would
 * re-key the access log too); the blind index key is derived from it and
 * so is not rotated either (re-indexing needs each column's plaintext
 * normal form: rotate the instance secret instead, by hand, if it leaks).
 *
 * ---- A sealed value ------------------------------------------------------
 *
 *   byte 0      format version, 1
 *   bytes 1-4   data key id, big-endian
 *   bytes 5-28  random nonce (24 bytes)
 *   bytes 29-   XChaCha20-Poly1305 ciphertext of the plaintext and its
 *               16-byte tag
 * so a value is SVC_SEAL_OVERHEAD (45) bytes longer than its plaintext.
 * The associated data binds the value to its place: the format version,
 * the key id, the table, the column and the row id. A value copied to
 * another row or column (or given another key id) does not open.
 * Consequences for a caller:
 *   - seal a value for a row that has its id: INSERT the row (the column
 *     NULL), then UPDATE the sealed column in the same transaction; or
 *     choose the id first;
 *   - a column is sealed as a whole: no SQL search, sort or comparison on
 *     it. Exact look-ups go through a blind index column beside it.
 * A sealed column is declared once in the registry (store/sealed_store.c:
 * table, column, id column); rotation walks it, and the store puts a
 * trigger on the column that refuses a value under a key the database
 * does not hold.
 *
 * ---- Blind index ---------------------------------------------------------
 *
 * svc_blind_index gives keyed BLAKE2b-256 (crypto_generichash) of a
 * purpose string and a normalised value. Store it (SVC_INDEX_BYTES, a
 * BLOB) beside the sealed value and look up with the index of the value
 * searched for. Normalise first, the same way on write and on search:
 *   CPR number:  cpr_digits() (domain/cpr.h): ten digits, no separator
 *                (svc_cpr_index does both);
 *   other text:  the caller's rule, documented at the column (for names,
 *                e.g., trimmed and lower-cased UTF-8).
 * The purpose ("cpr", "person.name") keeps indexes of different columns
 * apart. An index reveals equal values to whoever reads the database;
 * use it only where that is acceptable (a CPR number, not a free note).
 */
#ifndef SSP_CRYPTO_H
#define SSP_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

#include "service/service.h"

#define SVC_SEAL_OVERHEAD 45 /* 1 + 4 + 24 nonce + 16 tag */
#define SVC_INDEX_BYTES   32
#define SVC_TOKEN_LEN     43 /* 32 random bytes, base64url without padding */

/* Where a sealed value lives: it opens only there. table and column are
 * the names in the registry; row_id the value of its id column. */
struct sealed_ref {
	const char *table;
	const char *column;
	long long row_id;
};

/* Seals plain[0..len) for at under the current data key. On success
 * *out (malloc'd, len + SVC_SEAL_OVERHEAD bytes in *out_len) is the
 * caller's to free(); on failure -1 with r set (SVC_ERROR: the store or a
 * key that does not open). */
int svc_seal(struct service *svc, const struct sealed_ref *at, const void *plain, size_t len,
	     unsigned char **out, size_t *out_len, struct svc_result *r);

/* Opens sealed[0..len) stored at at. On success *plain (malloc'd, with a
 * NUL after its *plain_len bytes, so text reads as a C string) is the
 * caller's: release it with svc_plain_free, which wipes it. On failure -1
 * with r set (SVC_ERROR) and a message that says which: the value has an
 * unknown format, names a data key the database does not hold, the data
 * key does not open with this instance's key file (a wrong key), or the
 * value does not belong at at or was altered. */
int svc_unseal(struct service *svc, const struct sealed_ref *at, const unsigned char *sealed,
	       size_t len, char **plain, size_t *plain_len, struct svc_result *r);
/* Wipes and frees what svc_unseal gave (NULL is fine). */
void svc_plain_free(char *plain, size_t len);

/* The blind index of value[0..len) (already normalised) for purpose. */
void svc_blind_index(const struct service *svc, const char *purpose, const void *value, size_t len,
		     unsigned char out[SVC_INDEX_BYTES]);
/* The blind index (purpose "cpr") of a CPR number in any of the forms
 * cpr_digits() takes. -1 with r set (SVC_INVALID on field) when text is
 * not one. */
int svc_cpr_index(const struct service *svc, const char *text, const char *field,
		  unsigned char out[SVC_INDEX_BYTES], struct svc_result *r);

/* A fresh random secret: SVC_TOKEN_LEN base64url characters and a NUL
 * (so out has SVC_TOKEN_LEN + 1 bytes). */
void svc_random_token(char out[SVC_TOKEN_LEN + 1]);

/* The access log's chain key (the "sspchain" subkey). Wipe it after use. */
void svc_chain_key(const struct service *svc, unsigned char out[32]);

/* Readies sealing on an opened service whose svc->key is loaded (called
 * by service_load_key): makes data key 1 when the database has none,
 * checks that the current data key opens with this key file (else "the
 * key file does not belong to this database"), puts the registry's
 * triggers in place and re-seals TOTP secrets of the old format. 0, or -1
 * with a Danish message in *err (caller frees). */
int svc_crypto_open(struct service *svc, char **err);

/* What a call of svc_key_rotate did. */
struct key_rotation {
	long long to_key;   /* the new current data key */
	long long resealed; /* values re-sealed by this call */
	bool resumed;       /* it went on with an unfinished rotation */
	bool done;          /* every value is under to_key; old keys deleted */
};

/* Key rotation (ACT_KEY_ADMIN; logged as key.rotate before it acts).
 * When the database holds one data key, makes a new one (the next id) and
 * makes it current; when it holds more (a rotation that was stopped,
 * e.g. killed), goes on with that one. Then re-seals every registered
 * column's values that are under an older key, in batches of one
 * transaction each, and finally deletes the old keys in a transaction
 * that first checks that no value still needs them. limit > 0 stops after
 * about that many values with out->done false, leaving what a kill
 * leaves (tests); 0 goes on until done. Safe to run while the server
 * runs: a value written meanwhile under the old key is re-sealed too, and
 * one written after the old key is gone is refused by the column's
 * trigger (the writer's action fails; trying again works). */
int svc_key_rotate(struct service *svc, const struct actor *a, long long limit,
		   struct key_rotation *out, struct svc_result *r);

#endif
