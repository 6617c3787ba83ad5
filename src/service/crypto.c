#include "service/crypto.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cpr.h"
#include "service/service_internal.h"
#include "store/sealed_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define SEAL_VERSION 1
#define HEADER_LEN   5
#define NONCE_LEN    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN      crypto_aead_xchacha20poly1305_ietf_ABYTES
#define KEY_LEN      crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define WRAPPED_LEN  (NONCE_LEN + KEY_LEN + TAG_LEN)
#define MAX_KEY_ID   4294967295LL
#define BATCH        100

_Static_assert(SVC_SEAL_OVERHEAD == HEADER_LEN + NONCE_LEN + TAG_LEN, "seal layout");
_Static_assert(KEY_LEN == 32 && crypto_kdf_KEYBYTES == 32, "key sizes");

/* ---- subkeys of the instance secret -------------------------------------- */

static void subkey(const struct service *svc, const char ctx[9], unsigned char out[32])
{
	crypto_kdf_derive_from_key(out, 32, 1, ctx, svc->key);
}

void svc_chain_key(const struct service *svc, unsigned char out[32])
{
	subkey(svc, "sspchain", out);
}

/* ---- data keys ------------------------------------------------------------- */

static void wrap_ad(long long id, char ad[40])
{
	snprintf(ad, 40, "ssp-data-key-v1|%lld", id);
}

/* out: WRAPPED_LEN bytes. */
static void wrap(const struct service *svc, long long id, const unsigned char dk[KEY_LEN],
		 unsigned char *out)
{
	unsigned char kek[32];
	char ad[40];
	subkey(svc, "sspwrap_", kek);
	wrap_ad(id, ad);
	randombytes_buf(out, NONCE_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + NONCE_LEN, NULL, dk, KEY_LEN,
						   (const unsigned char *)ad, strlen(ad), NULL, out,
						   kek);
	sodium_memzero(kek, sizeof(kek));
}

static int unwrap(const struct service *svc, const struct data_key_row *row,
		  unsigned char dk[KEY_LEN])
{
	if (row->wrapped_len != WRAPPED_LEN)
		return -1;
	unsigned char kek[32];
	char ad[40];
	subkey(svc, "sspwrap_", kek);
	wrap_ad(row->id, ad);
	int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
	    dk, NULL, NULL, row->wrapped + NONCE_LEN, WRAPPED_LEN - NONCE_LEN,
	    (const unsigned char *)ad, strlen(ad), row->wrapped, kek);
	sodium_memzero(kek, sizeof(kek));
	return rc;
}

static int wrong_key(struct svc_result *r, long long id)
{
	return svc_fail(r, SVC_ERROR, NULL,
			_("Nøglefilen passer ikke til databasen: datanøgle %lld kan ikke åbnes "
			  "med den. Brug den nøglefil (DB.key), der hører til databasen."),
			id);
}

/* Data key id (0: the current one) into dk, its id into *id_out. */
static int load_key(struct service *svc, long long id, unsigned char dk[KEY_LEN], long long *id_out,
		    struct svc_result *r)
{
	struct data_key_row row;
	char *err = NULL;
	int rc = id ? store_data_key_get(svc->store, id, &row, &err)
		    : store_data_key_current(svc->store, &row, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1)
		return id ? 1
			  : svc_fail(r, SVC_ERROR, NULL,
				     _("Databasen har ingen datanøgle; start programmet igen."));
	rc = unwrap(svc, &row, dk);
	*id_out = row.id;
	data_key_release(&row);
	if (rc < 0)
		return wrong_key(r, *id_out);
	return 0;
}

/* ---- sealing --------------------------------------------------------------- */

/* The associated data: version, key id and the value's place, each field
 * length-prefixed so no two places read alike. */
static void seal_ad(struct strbuf *ad, long long key_id, const struct sealed_ref *at)
{
	strbuf_addf(ad, "ssp-seal-v%d|%lld|%zu:%s|%zu:%s|%lld", SEAL_VERSION, key_id,
		    strlen(at->table), at->table, strlen(at->column), at->column, at->row_id);
}

/* out: len + SVC_SEAL_OVERHEAD bytes. */
static void seal_with(const unsigned char dk[KEY_LEN], long long id, const struct sealed_ref *at,
		      const void *plain, size_t len, unsigned char *out)
{
	out[0] = SEAL_VERSION;
	out[1] = (unsigned char)(id >> 24);
	out[2] = (unsigned char)(id >> 16);
	out[3] = (unsigned char)(id >> 8);
	out[4] = (unsigned char)id;
	randombytes_buf(out + HEADER_LEN, NONCE_LEN);
	struct strbuf ad = STRBUF_INIT;
	seal_ad(&ad, id, at);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + HEADER_LEN + NONCE_LEN, NULL, plain, len,
						   (const unsigned char *)ad.buf, ad.len, NULL,
						   out + HEADER_LEN, dk);
	strbuf_release(&ad);
}

static long long key_id_of(const unsigned char *sealed)
{
	return ((long long)sealed[1] << 24) | ((long long)sealed[2] << 16) |
	       ((long long)sealed[3] << 8) | (long long)sealed[4];
}

static int open_with(const unsigned char dk[KEY_LEN], const struct sealed_ref *at,
		     const unsigned char *sealed, size_t len, char *plain)
{
	struct strbuf ad = STRBUF_INIT;
	seal_ad(&ad, key_id_of(sealed), at);
	int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
	    (unsigned char *)plain, NULL, NULL, sealed + HEADER_LEN + NONCE_LEN,
	    len - HEADER_LEN - NONCE_LEN, (const unsigned char *)ad.buf, ad.len,
	    sealed + HEADER_LEN, dk);
	strbuf_release(&ad);
	return rc;
}

int svc_seal(struct service *svc, const struct sealed_ref *at, const void *plain, size_t len,
	     unsigned char **out, size_t *out_len, struct svc_result *r)
{
	*out = NULL;
	*out_len = 0;
	unsigned char dk[KEY_LEN];
	long long id;
	if (load_key(svc, 0, dk, &id, r) != 0)
		return -1;
	unsigned char *v = xmalloc(len + SVC_SEAL_OVERHEAD);
	seal_with(dk, id, at, plain, len, v);
	sodium_memzero(dk, sizeof(dk));
	*out = v;
	*out_len = len + SVC_SEAL_OVERHEAD;
	return 0;
}

static int bad_value(struct svc_result *r, const struct sealed_ref *at, const char *why)
{
	return svc_fail(r, SVC_ERROR, NULL, _("Det krypterede felt %s.%s i række %lld %s."),
			at->table, at->column, at->row_id, why);
}

int svc_unseal(struct service *svc, const struct sealed_ref *at, const unsigned char *sealed,
	       size_t len, char **plain, size_t *plain_len, struct svc_result *r)
{
	*plain = NULL;
	*plain_len = 0;
	if (!sealed || len < SVC_SEAL_OVERHEAD || sealed[0] != SEAL_VERSION)
		return bad_value(r, at, _("har et ukendt format"));
	long long id = key_id_of(sealed);
	unsigned char dk[KEY_LEN];
	int rc = id ? load_key(svc, id, dk, &id, r) : 1;
	if (rc < 0)
		return -1;
	if (rc == 1) {
		svc_fail(r, SVC_ERROR, NULL,
			 _("Det krypterede felt %s.%s i række %lld er krypteret med datanøgle "
			   "%lld, som databasen ikke har."),
			 at->table, at->column, at->row_id, key_id_of(sealed));
		return -1;
	}
	size_t n = len - SVC_SEAL_OVERHEAD;
	char *p = xmalloc(n + 1);
	rc = open_with(dk, at, sealed, len, p);
	sodium_memzero(dk, sizeof(dk));
	if (rc < 0) {
		svc_plain_free(p, n);
		return bad_value(r, at,
				 _("kan ikke åbnes: det hører ikke til her, eller det er ændret"));
	}
	p[n] = '\0';
	*plain = p;
	*plain_len = n;
	return 0;
}

void svc_plain_free(char *plain, size_t len)
{
	if (!plain)
		return;
	sodium_memzero(plain, len);
	free(plain);
}

/* ---- blind index and tokens ------------------------------------------------- */

void svc_blind_index(const struct service *svc, const char *purpose, const void *value, size_t len,
		     unsigned char out[SVC_INDEX_BYTES])
{
	unsigned char k[32];
	subkey(svc, "sspbidx_", k);
	char head[96];
	int n = snprintf(head, sizeof(head), "ssp-index-v1|%zu:", strlen(purpose));
	crypto_generichash_state st;
	crypto_generichash_init(&st, k, sizeof(k), SVC_INDEX_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)head, (size_t)n);
	crypto_generichash_update(&st, (const unsigned char *)purpose, strlen(purpose));
	crypto_generichash_update(&st, (const unsigned char *)"|", 1);
	crypto_generichash_update(&st, value, len);
	crypto_generichash_final(&st, out, SVC_INDEX_BYTES);
	sodium_memzero(k, sizeof(k));
	sodium_memzero(&st, sizeof(st));
}

int svc_cpr_index(const struct service *svc, const char *text, const char *field,
		  unsigned char out[SVC_INDEX_BYTES], struct svc_result *r)
{
	char d[11];
	if (!text || !cpr_digits(text, strlen(text), d))
		return svc_fail(r, SVC_INVALID, field,
				_("Skriv CPR-nummeret som 10 cifre, fx 010203-1234."));
	svc_blind_index(svc, "cpr", d, 10, out);
	sodium_memzero(d, sizeof(d));
	return 0;
}

void svc_random_token(char out[SVC_TOKEN_LEN + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, SVC_TOKEN_LEN + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

/* ---- start-up: the first data key, triggers, old TOTP secrets ---------------- */

static int make_key(struct service *svc, long long id, bool *inserted, char **err)
{
	unsigned char dk[KEY_LEN], w[WRAPPED_LEN];
	crypto_aead_xchacha20poly1305_ietf_keygen(dk);
	wrap(svc, id, dk, w);
	sodium_memzero(dk, sizeof(dk));
	return store_data_key_add(svc->store, id, w, sizeof(w), inserted, err);
}

struct upgrade {
	struct service *svc;
	unsigned char dk[KEY_LEN];
	long long id;
	long long failed_user;
};

/* The format of before migration 6: nonce || secretbox, under the
 * "sspseal_" subkey, no associated data. */
static int legacy_reseal(long long user_id, const unsigned char *old, size_t old_len,
			 unsigned char **out, size_t *out_len, void *data)
{
	struct upgrade *u = data;
	size_t head = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
	unsigned char secret[64];
	if (!old || old_len < head || old_len - head > sizeof(secret)) {
		u->failed_user = user_id;
		return -1;
	}
	size_t n = old_len - head;
	unsigned char k[32];
	subkey(u->svc, "sspseal_", k);
	int rc = crypto_secretbox_open_easy(secret, old + crypto_secretbox_NONCEBYTES,
					    old_len - crypto_secretbox_NONCEBYTES, old, k);
	sodium_memzero(k, sizeof(k));
	if (rc < 0) {
		u->failed_user = user_id;
		return -1;
	}
	struct sealed_ref at = {"user", "totp_secret", user_id};
	*out = xmalloc(n + SVC_SEAL_OVERHEAD);
	*out_len = n + SVC_SEAL_OVERHEAD;
	seal_with(u->dk, u->id, &at, secret, n, *out);
	sodium_memzero(secret, sizeof(secret));
	return 0;
}

int svc_crypto_open(struct service *svc, char **err)
{
	*err = NULL;
	long long count, max_id;
	if (store_data_key_count(svc->store, &count, &max_id, err) < 0)
		return -1;
	bool inserted;
	if (count == 0 && make_key(svc, 1, &inserted, err) < 0)
		return -1;
	struct upgrade u = {svc, {0}, 0, 0};
	struct svc_result r = SVC_RESULT_INIT;
	if (load_key(svc, 0, u.dk, &u.id, &r) != 0) {
		*err = r.message;
		return -1;
	}
	int upgraded = 0;
	int rc = store_sealed_prepare(svc->store, err);
	if (rc == 0)
		rc = store_totp_legacy_upgrade(svc->store, legacy_reseal, &u, &upgraded, err);
	sodium_memzero(u.dk, sizeof(u.dk));
	if (rc == -2) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb,
			    _("to-faktor-hemmeligheden for bruger %lld kan ikke åbnes med "
			      "nøglefilen; passer nøglefilen (DB.key) til databasen?"),
			    u.failed_user);
		*err = strbuf_detach(&sb);
	}
	return rc < 0 ? -1 : 0;
}

/* ---- rotation ------------------------------------------------------------------ */

struct rotation {
	struct service *svc;
	unsigned char to[KEY_LEN];
	long long to_id;
	unsigned char from[KEY_LEN]; /* the last old key used */
	long long from_id;           /* 0: none loaded */
	struct svc_result *r;
};

static int reseal_one(const struct sealed_column *c, long long row_id, const unsigned char *old,
		      size_t old_len, unsigned char **out, size_t *out_len, void *data)
{
	struct rotation *rot = data;
	struct sealed_ref at = {c->table, c->column, row_id};
	if (old_len < SVC_SEAL_OVERHEAD || old[0] != SEAL_VERSION)
		return bad_value(rot->r, &at, _("har et ukendt format"));
	long long id = key_id_of(old);
	if (id != rot->from_id) {
		long long got;
		int rc = id ? load_key(rot->svc, id, rot->from, &got, rot->r) : 1;
		if (rc == 1)
			svc_fail(rot->r, SVC_ERROR, NULL,
				 _("Det krypterede felt %s.%s i række %lld er krypteret med "
				   "datanøgle %lld, som databasen ikke har."),
				 at.table, at.column, at.row_id, id);
		if (rc != 0)
			return -1;
		rot->from_id = id;
	}
	size_t n = old_len - SVC_SEAL_OVERHEAD;
	char *p = xmalloc(n + 1);
	if (open_with(rot->from, &at, old, old_len, p) < 0) {
		svc_plain_free(p, n);
		return bad_value(rot->r, &at,
				 _("kan ikke åbnes: det hører ikke til her, eller det er ændret"));
	}
	*out = xmalloc(n + SVC_SEAL_OVERHEAD);
	*out_len = n + SVC_SEAL_OVERHEAD;
	seal_with(rot->to, rot->to_id, &at, p, n, *out);
	svc_plain_free(p, n);
	return 0;
}

/* Re-seals every registered column into rot->to_id, at most budget values
 * (budget <= 0: no bound). *count gets how many; *more whether the budget
 * ran out before the columns were done. */
static int reseal_all(struct rotation *rot, long long budget, long long *count, bool *more)
{
	*more = false;
	for (size_t i = 0; i < store_sealed_columns_nr; i++) {
		const struct sealed_column *c = &store_sealed_columns[i];
		for (;;) {
			int batch = BATCH;
			if (budget > 0 && budget - *count < batch)
				batch = (int)(budget - *count);
			if (batch == 0) {
				*more = true;
				return 0;
			}
			int done;
			char *err = NULL;
			int rc = store_sealed_reseal(rot->svc->store, c, rot->to_id, batch,
						     reseal_one, rot, &done, &err);
			if (rc == -2)
				return -1;
			if (rc < 0)
				return svc_store_fail(rot->r, err);
			*count += done;
			if (done < batch)
				break;
		}
	}
	return 0;
}

int svc_key_rotate(struct service *svc, const struct actor *a, long long limit,
		   struct key_rotation *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (!svc_allowed(svc, a, ACT_KEY_ADMIN, r))
		return -1;
	long long count, max_id;
	char *err = NULL;
	if (store_data_key_count(svc->store, &count, &max_id, &err) < 0)
		return svc_store_fail(r, err);
	out->resumed = count > 1;
	char what[64];
	if (out->resumed)
		snprintf(what, sizeof(what), "resume %lld", max_id);
	else
		snprintf(what, sizeof(what), "%lld -> %lld", max_id, max_id + 1);
	if (!out->resumed && max_id >= MAX_KEY_ID)
		return svc_fail(r, SVC_ERROR, NULL, _("Der er ikke flere datanøgle-numre."));
	if (svc_log(svc, a, &(struct svc_entry){.action = "key.rotate", .object = what}, "ok", r) <
	    0)
		return -1;
	if (!out->resumed) {
		bool inserted;
		if (make_key(svc, max_id + 1, &inserted, &err) < 0)
			return svc_store_fail(r, err);
	}
	struct rotation rot = {svc, {0}, 0, {0}, 0, r};
	int ret = load_key(svc, 0, rot.to, &rot.to_id, r) != 0 ? -1 : 0;
	out->to_key = rot.to_id;
	/* A writer that sealed under the old key while this ran shows up in
	 * the retirement's count: go round again. Three rounds and still
	 * busy: stop, keep the keys; a later run finishes. */
	for (int round = 0; ret == 0 && round < 3; round++) {
		bool more;
		if (reseal_all(&rot, limit, &out->resealed, &more) < 0) {
			ret = -1;
			break;
		}
		if (more)
			break;
		long long left;
		if (store_data_key_retire(svc->store, rot.to_id, &left, &err) < 0) {
			ret = svc_store_fail(r, err);
			break;
		}
		if (left == 0) {
			out->done = true;
			break;
		}
	}
	sodium_memzero(rot.to, sizeof(rot.to));
	sodium_memzero(rot.from, sizeof(rot.from));
	if (ret < 0) {
		struct svc_result ignored = SVC_RESULT_INIT;
		svc_log(svc, a, &(struct svc_entry){.action = "key.rotate", .object = what},
			"failed", &ignored);
		svc_result_clear(&ignored);
	}
	return ret;
}
