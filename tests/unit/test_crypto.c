/* Sealed fields, the blind index, random tokens and key rotation
 * (service/crypto.h), against a real SQLite file. */
#include <liboath/oath.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/cpr.h"
#include "service/crypto.h"
#include "store/user_store.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "crypto", NULL);
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

static const struct sealed_ref HERE = {"user", "totp_secret", 7};

static void seal_here(const char *text, unsigned char **v, size_t *n)
{
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_seal(&fx.svc, &HERE, text, strlen(text), v, n, &r), 0);
	assert_int_equal(*n, strlen(text) + SVC_SEAL_OVERHEAD);
}

/* 0 when v opens at at (and then it reads as want, if want is given); else
 * -1, with the message in *msg when msg is given (caller frees). */
static int try_open(const struct sealed_ref *at, const unsigned char *v, size_t n, const char *want,
		    char **msg)
{
	struct svc_result r = SVC_RESULT_INIT;
	char *p;
	size_t pn;
	int rc = svc_unseal(&fx.svc, at, v, n, &p, &pn, &r);
	if (rc == 0) {
		if (want) {
			assert_int_equal(pn, strlen(want));
			assert_string_equal(p, want);
		}
		svc_plain_free(p, pn);
	} else if (msg) {
		*msg = r.message;
		r.message = NULL;
	}
	svc_result_clear(&r);
	return rc;
}

static void seal_round_trip(void **state)
{
	(void)state;
	unsigned char *v;
	size_t n;
	seal_here("Anna Ås", &v, &n);
	assert_int_equal(v[0], 1);               /* format 1 */
	assert_int_equal(v[1] | v[2] | v[3], 0); /* ... under data key 1 */
	assert_int_equal(v[4], 1);
	for (size_t i = 0; i + 4 <= n; i++) /* not in clear */
		assert_memory_not_equal(v + i, "Anna", 4);
	assert_int_equal(try_open(&HERE, v, n, "Anna Ås", NULL), 0);
	unsigned char *w;
	size_t wn;
	seal_here("Anna Ås", &w, &wn);
	assert_memory_not_equal(v + 5, w + 5, 24); /* a fresh nonce each time */
	free(w);
	/* the empty value seals and opens too */
	seal_here("", &w, &wn);
	assert_int_equal(try_open(&HERE, w, wn, "", NULL), 0);
	free(w);
	free(v);
}

static void moved_value_does_not_open(void **state)
{
	(void)state;
	unsigned char *v;
	size_t n;
	seal_here("0102031234", &v, &n);
	struct sealed_ref other_row = {"user", "totp_secret", 8};
	struct sealed_ref other_col = {"user", "name", 7};
	struct sealed_ref other_table = {"person", "totp_secret", 7};
	char *msg = NULL;
	assert_int_equal(try_open(&other_row, v, n, NULL, &msg), -1);
	assert_non_null(strstr(msg, "hører ikke til her"));
	free(msg);
	assert_int_equal(try_open(&other_col, v, n, NULL, NULL), -1);
	assert_int_equal(try_open(&other_table, v, n, NULL, NULL), -1);
	/* one changed byte anywhere: the ciphertext, the nonce, the key id */
	for (size_t i = 0; i < n; i++) {
		v[i] ^= 0x01;
		assert_int_equal(try_open(&HERE, v, n, NULL, NULL), -1);
		v[i] ^= 0x01;
	}
	/* shortened, and too short to hold anything */
	assert_int_equal(try_open(&HERE, v, n - 1, NULL, NULL), -1);
	assert_int_equal(try_open(&HERE, v, 3, NULL, &msg), -1);
	assert_non_null(strstr(msg, "ukendt format"));
	free(msg);
	assert_int_equal(try_open(&HERE, v, n, "0102031234", NULL), 0);
	free(v);
}

static void wrong_key_says_so(void **state)
{
	(void)state;
	unsigned char *v;
	size_t n;
	seal_here("hemmelig", &v, &n);
	fx.svc.key[0] ^= 0xff; /* another instance's key file */
	char *msg = NULL;
	assert_int_equal(try_open(&HERE, v, n, NULL, &msg), -1);
	assert_non_null(strstr(msg, "Nøglefilen passer ikke til databasen"));
	free(msg);
	char *err = NULL;
	assert_int_equal(svc_crypto_open(&fx.svc, &err), -1);
	assert_non_null(strstr(err, "Nøglefilen passer ikke til databasen"));
	free(err);
	fx.svc.key[0] ^= 0xff;
	assert_int_equal(try_open(&HERE, v, n, "hemmelig", NULL), 0);
	/* a value naming a key the database does not hold */
	v[4] = 9;
	assert_int_equal(try_open(&HERE, v, n, NULL, &msg), -1);
	assert_non_null(strstr(msg, "datanøgle 9, som databasen ikke har"));
	free(msg);
	free(v);
}

static void blind_index_and_cpr(void **state)
{
	(void)state;
	char d[11];
	assert_true(cpr_digits("010203-1234", 11, d));
	assert_string_equal(d, "0102031234");
	assert_true(cpr_digits(" 0102031234 ", 12, d));
	assert_true(cpr_digits("010203\xe2\x80\x93"
			       "1234",
			       13, d));
	assert_string_equal(d, "0102031234");
	assert_false(cpr_digits("01020-31234", 11, d));
	assert_false(cpr_digits("010203-12345", 12, d));
	assert_false(cpr_digits("", 0, d));

	unsigned char a[SVC_INDEX_BYTES], b[SVC_INDEX_BYTES], c[SVC_INDEX_BYTES];
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_cpr_index(&fx.svc, "010203-1234", "cpr", a, &r), 0);
	assert_int_equal(svc_cpr_index(&fx.svc, "0102031234", "cpr", b, &r), 0);
	assert_memory_equal(a, b, sizeof(a));
	assert_int_equal(svc_cpr_index(&fx.svc, "0102031235", "cpr", c, &r), 0);
	assert_memory_not_equal(a, c, sizeof(a));
	assert_int_equal(svc_cpr_index(&fx.svc, "12345", "cpr", c, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	assert_string_equal(r.field, "cpr");
	svc_result_clear(&r);
	/* the purpose separates indexes; the key makes them the instance's */
	svc_blind_index(&fx.svc, "person.name", "0102031234", 10, c);
	assert_memory_not_equal(a, c, sizeof(a));
	fx.svc.key[0] ^= 1;
	assert_int_equal(svc_cpr_index(&fx.svc, "0102031234", "cpr", c, &r), 0);
	fx.svc.key[0] ^= 1;
	assert_memory_not_equal(a, c, sizeof(a));
	/* and it is not the unkeyed hash */
	crypto_generichash(c, sizeof(c), (const unsigned char *)"0102031234", 10, NULL, 0);
	assert_memory_not_equal(a, c, sizeof(a));
}

static void random_tokens(void **state)
{
	(void)state;
	char a[SVC_TOKEN_LEN + 1], b[SVC_TOKEN_LEN + 1];
	svc_random_token(a);
	svc_random_token(b);
	assert_int_equal(strlen(a), SVC_TOKEN_LEN);
	assert_string_not_equal(a, b);
	for (size_t i = 0; i < SVC_TOKEN_LEN; i++)
		assert_non_null(strchr(
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", a[i]));
}

/* ---- TOTP secrets in the registry, rotation ---- */

#define USERS 3
static const char *const names[USERS] = {"anna", "bo", "cia"};

/* Enrols names[] in two-factor sign-in: their secrets are sealed values
 * in user.totp_secret. */
static void enrol_users(void)
{
	for (int i = 0; i < USERS; i++) {
		fixture_add_user(&fx, names[i], "N", ROLE_SSP, "Org", NULL);
		struct actor a = fixture_actor(&fx, names[i]);
		char *b32, *uri;
		struct svc_result r = SVC_RESULT_INIT;
		assert_int_equal(svc_totp_begin(&fx.svc, &a, &b32, &uri, &r), 0);
		free(b32);
		free(uri);
	}
}

/* The user's TOTP secret as stored: its key id, and (opened) into out. */
static long long user_secret(const char *name, unsigned char out[20])
{
	struct user_row u;
	char *err = NULL;
	assert_int_equal(store_user_by_name(fx.svc.store, name, &u, &err), 0);
	assert_non_null(u.totp_sealed);
	long long key = u.totp_sealed[4] | (u.totp_sealed[3] << 8);
	struct sealed_ref at = {"user", "totp_secret", u.info.id};
	struct svc_result r = SVC_RESULT_INIT;
	char *p;
	size_t n;
	assert_int_equal(svc_unseal(&fx.svc, &at, u.totp_sealed, u.totp_sealed_len, &p, &n, &r), 0);
	assert_int_equal(n, 20);
	memcpy(out, p, 20);
	svc_plain_free(p, n);
	user_row_release(&u);
	return key;
}

static long long count_keys(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(fx.path, &db);
	sqlite3_prepare_v2(db, "SELECT count(*) FROM data_key", -1, &st, NULL);
	sqlite3_step(st);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void rotation_round_trips(void **state)
{
	(void)state;
	enrol_users();
	unsigned char before[USERS][20], after[20];
	for (int i = 0; i < USERS; i++)
		assert_int_equal(user_secret(names[i], before[i]), 1);
	struct key_rotation kr;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_key_rotate(&fx.svc, &fx.cli, 0, &kr, &r), 0);
	assert_true(kr.done);
	assert_false(kr.resumed);
	assert_int_equal(kr.to_key, 2);
	assert_int_equal(kr.resealed, USERS);
	assert_int_equal(count_keys(), 1); /* the old key is gone */
	for (int i = 0; i < USERS; i++) {
		assert_int_equal(user_secret(names[i], after), 2);
		assert_memory_equal(before[i], after, 20);
	}
	/* new values are sealed under the new key; a second rotation too */
	assert_int_equal(svc_key_rotate(&fx.svc, &fx.cli, 0, &kr, &r), 0);
	assert_int_equal(kr.to_key, 3);
	assert_int_equal(user_secret("bo", after), 3);
	assert_memory_equal(before[1], after, 20);
	assert_int_equal(fixture_count_log(&fx, "key.rotate", "ok"), 2);
	/* only the administrator may */
	struct actor anna = fixture_actor(&fx, "anna");
	assert_int_equal(svc_key_rotate(&fx.svc, &anna, 0, &kr, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
}

static void killed_rotation_finishes_on_rerun(void **state)
{
	(void)state;
	enrol_users();
	unsigned char before[USERS][20], after[20];
	for (int i = 0; i < USERS; i++)
		user_secret(names[i], before[i]);
	struct key_rotation kr;
	struct svc_result r = SVC_RESULT_INIT;
	/* stops after one value: what a kill between two batches leaves */
	assert_int_equal(svc_key_rotate(&fx.svc, &fx.cli, 1, &kr, &r), 0);
	assert_false(kr.done);
	assert_int_equal(kr.resealed, 1);
	assert_int_equal(count_keys(), 2); /* the old key is kept until done */
	int under_new = 0;
	for (int i = 0; i < USERS; i++) {
		under_new += user_secret(names[i], after) == 2; /* every value opens meanwhile */
		assert_memory_equal(before[i], after, 20);
	}
	assert_int_equal(under_new, 1);
	/* the process dies; a new one starts and runs the rotation again */
	store_close(fx.svc.store);
	fx.svc.store = NULL;
	assert_int_equal(fixture_open(&fx), 0);
	assert_int_equal(svc_key_rotate(&fx.svc, &fx.cli, 0, &kr, &r), 0);
	assert_true(kr.resumed);
	assert_true(kr.done);
	assert_int_equal(kr.to_key, 2); /* the same rotation, not a third key */
	assert_int_equal(kr.resealed, USERS - 1);
	assert_int_equal(count_keys(), 1);
	for (int i = 0; i < USERS; i++) {
		assert_int_equal(user_secret(names[i], after), 2);
		assert_memory_equal(before[i], after, 20);
	}
	/* and the users still sign in with their codes (the secret still
	 * validates: svc_totp_confirm opens it) */
	struct actor a = fixture_actor(&fx, "anna");
	char code[7];
	char *secret = (char *)before[0];
	assert_int_equal(oath_totp_generate(secret, 20, time(NULL), 30, 0, 6, code), OATH_OK);
	assert_int_equal(svc_totp_confirm(&fx.svc, &a, NULL, code, &r), 0);
}

static void trigger_refuses_unknown_key(void **state)
{
	(void)state;
	fixture_add_user(&fx, "dan", "D", ROLE_SSP, "Org", NULL);
	struct actor a = fixture_actor(&fx, "dan");
	unsigned char *v;
	size_t n;
	seal_here("x", &v, &n);
	char *err = NULL;
	assert_int_equal(store_user_set_totp(fx.svc.store, a.user_id, v, n, false, &err), 0);
	v[4] = 42; /* data key 42 does not exist */
	assert_int_equal(store_user_set_totp(fx.svc.store, a.user_id, v, n, false, &err), -1);
	assert_non_null(strstr(err, "unknown data key"));
	free(err);
	err = NULL;
	v[0] = 7; /* nor does format 7 */
	v[4] = 1;
	assert_int_equal(store_user_set_totp(fx.svc.store, a.user_id, v, n, false, &err), -1);
	free(err);
	free(v);
}

/* A TOTP secret sealed the way of before migration 6 (secretbox under
 * the "sspseal_" subkey, no key id, no associated data) is re-sealed when
 * the program starts, and opens as before. */
static void old_totp_secret_is_resealed(void **state)
{
	(void)state;
	fixture_add_user(&fx, "eva", "E", ROLE_SSP, "Org", NULL);
	struct actor a = fixture_actor(&fx, "eva");
	unsigned char secret[20], k[32], old[sizeof(secret) + 40];
	randombytes_buf(secret, sizeof(secret));
	crypto_kdf_derive_from_key(k, 32, 1, "sspseal_", fx.svc.key);
	randombytes_buf(old, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(old + crypto_secretbox_NONCEBYTES, secret, sizeof(secret), old, k);
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(fx.path, &db);
	sqlite3_prepare_v2(db, "UPDATE user SET totp_legacy = ?, totp_enabled = 1 WHERE id = ?", -1,
			   &st, NULL);
	sqlite3_bind_blob(st, 1, old, sizeof(old), SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, a.user_id);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
	char *err = NULL;
	assert_int_equal(svc_crypto_open(&fx.svc, &err), 0);
	unsigned char now[20];
	assert_int_equal(user_secret("eva", now), 1);
	assert_memory_equal(now, secret, 20);
	/* a legacy value that does not open stops the start with a reason */
	old[30] ^= 1;
	sqlite3_open(fx.path, &db);
	sqlite3_prepare_v2(db, "UPDATE user SET totp_legacy = ? WHERE id = ?", -1, &st, NULL);
	sqlite3_bind_blob(st, 1, old, sizeof(old), SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, a.user_id);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_int_equal(svc_crypto_open(&fx.svc, &err), -1);
	assert_non_null(strstr(err, "to-faktor-hemmeligheden"));
	free(err);
}

int main(void)
{
	if (sodium_init() < 0 || oath_init() != OATH_OK)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(seal_round_trip, setup, teardown),
	    cmocka_unit_test_setup_teardown(moved_value_does_not_open, setup, teardown),
	    cmocka_unit_test_setup_teardown(wrong_key_says_so, setup, teardown),
	    cmocka_unit_test_setup_teardown(blind_index_and_cpr, setup, teardown),
	    cmocka_unit_test_setup_teardown(random_tokens, setup, teardown),
	    cmocka_unit_test_setup_teardown(rotation_round_trips, setup, teardown),
	    cmocka_unit_test_setup_teardown(killed_rotation_finishes_on_rerun, setup, teardown),
	    cmocka_unit_test_setup_teardown(trigger_refuses_unknown_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(old_totp_secret_is_resealed, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	oath_done();
	return rc;
}
