/* backup_file.c - the encrypted backup file (service/backup_file.h). */
#include "service/backup_file.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define AD_LEN    40 /* the header's fields before the secretstream header */
#define SS_HEADER crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define SS_ABYTES crypto_secretstream_xchacha20poly1305_ABYTES

_Static_assert(AD_LEN + SS_HEADER == BACKUP_HEADER_LEN, "header layout");
_Static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == BACKUP_KEY_LEN, "key size");

static char *fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *fail(char **err, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	*err = strbuf_detach(&sb);
	return NULL;
}

static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (24 - 8 * i));
}
static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (56 - 8 * i));
}
static uint32_t get32(const unsigned char *p)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++)
		v = v << 8 | p[i];
	return v;
}
static uint64_t get64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

void backup_key_id(const unsigned char key[BACKUP_KEY_LEN], unsigned char out[8])
{
	static const unsigned char what[] = "ssp-backup-key-id-v1";
	crypto_generichash(out, 8, what, sizeof(what) - 1, key, BACKUP_KEY_LEN);
}

static void header_pack(const struct backup_header *h, unsigned char out[AD_LEN])
{
	memcpy(out, BACKUP_MAGIC, 8);
	put32(out + 8, h->version);
	put64(out + 12, (uint64_t)h->created);
	put64(out + 20, (uint64_t)h->deletion_id);
	put32(out + 28, h->schema);
	memcpy(out + 32, h->key_id, 8);
}

static int write_chunk(FILE *out, crypto_secretstream_xchacha20poly1305_state *st,
		       const unsigned char *m, size_t mlen, const unsigned char *ad, size_t adlen,
		       unsigned char tag, unsigned char *buf)
{
	unsigned long long clen = 0;
	crypto_secretstream_xchacha20poly1305_push(st, buf + 4, &clen, m, mlen, ad, adlen, tag);
	put32(buf, (uint32_t)clen);
	return fwrite(buf, 1, (size_t)clen + 4, out) == (size_t)clen + 4 ? 0 : -1;
}

int backup_write(FILE *out, struct backup_header *h, const unsigned char key[BACKUP_KEY_LEN],
		 const unsigned char *data, size_t len, char **err)
{
	h->version = BACKUP_VERSION;
	backup_key_id(key, h->key_id);
	unsigned char hdr[BACKUP_HEADER_LEN];
	header_pack(h, hdr);
	crypto_secretstream_xchacha20poly1305_state st;
	crypto_secretstream_xchacha20poly1305_init_push(&st, hdr + AD_LEN, key);
	unsigned char *buf = xmalloc(BACKUP_CHUNK + SS_ABYTES + 4);
	int rc = fwrite(hdr, 1, sizeof(hdr), out) == sizeof(hdr) ? 0 : -1;
	/* data chunks, then an empty final chunk: the final tag says "this
	 * is all", whatever the length */
	size_t off = 0;
	bool first = true;
	while (rc == 0 && off < len) {
		size_t n = len - off < BACKUP_CHUNK ? len - off : BACKUP_CHUNK;
		rc = write_chunk(out, &st, data + off, n, first ? hdr : NULL, first ? AD_LEN : 0,
				 crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, buf);
		first = false;
		off += n;
	}
	if (rc == 0)
		rc = write_chunk(out, &st, NULL, 0, first ? hdr : NULL, first ? AD_LEN : 0,
				 crypto_secretstream_xchacha20poly1305_TAG_FINAL, buf);
	sodium_memzero(&st, sizeof(st));
	free(buf);
	if (rc < 0 || fflush(out) != 0) {
		fail(err, "%s", _("backupfilen kunne ikke skrives"));
		return -1;
	}
	return 0;
}

static int header_unpack(const unsigned char hdr[AD_LEN], size_t got, struct backup_header *h,
			 char **err)
{
	if (got < 8 || memcmp(hdr, BACKUP_MAGIC, 8) != 0) {
		fail(err, "%s", _("filen er ikke en ssp-backup (forkert filhoved)"));
		return -1;
	}
	if (got < AD_LEN) {
		fail(err, "%s", _("backupfilen er afkortet (filhovedet er ufuldstændigt)"));
		return -1;
	}
	h->version = get32(hdr + 8);
	h->created = (int64_t)get64(hdr + 12);
	h->deletion_id = (int64_t)get64(hdr + 20);
	h->schema = get32(hdr + 28);
	memcpy(h->key_id, hdr + 32, 8);
	if (h->version != BACKUP_VERSION) {
		fail(err, _("backupfilen har formatversion %u; denne ssp kender kun version %d"),
		     (unsigned)h->version, BACKUP_VERSION);
		return -1;
	}
	if (h->deletion_id < 0) {
		fail(err, "%s", _("backupfilens filhoved er ugyldigt"));
		return -1;
	}
	return 0;
}

int backup_read_header(FILE *in, struct backup_header *h, char **err)
{
	unsigned char hdr[AD_LEN];
	size_t got = fread(hdr, 1, sizeof(hdr), in);
	return header_unpack(hdr, got, h, err);
}

void backup_data_free(unsigned char *data, size_t len)
{
	if (data)
		sodium_memzero(data, len);
	free(data);
}

int backup_read(FILE *in, const unsigned char key[BACKUP_KEY_LEN], size_t max,
		struct backup_header *h, unsigned char **data, size_t *len, char **err)
{
	*data = NULL;
	*len = 0;
	unsigned char hdr[BACKUP_HEADER_LEN];
	size_t got = fread(hdr, 1, sizeof(hdr), in);
	if (header_unpack(hdr, got, h, err) < 0)
		return -1;
	if (got < sizeof(hdr)) {
		fail(err, "%s", _("backupfilen er afkortet (filhovedet er ufuldstændigt)"));
		return -1;
	}
	unsigned char want[8];
	backup_key_id(key, want);
	if (sodium_memcmp(want, h->key_id, 8) != 0) {
		fail(err, "%s",
		     _("backupnøglen passer ikke til denne backup (den er lavet med en anden "
		       "nøgle)"));
		return -1;
	}
	crypto_secretstream_xchacha20poly1305_state st;
	if (crypto_secretstream_xchacha20poly1305_init_pull(&st, hdr + AD_LEN, key) != 0) {
		fail(err, "%s", _("backupfilens filhoved er ugyldigt"));
		return -1;
	}
	unsigned char *cbuf = xmalloc(BACKUP_CHUNK + SS_ABYTES);
	unsigned char *out = NULL;
	size_t cap = 0, n = 0;
	long chunk = 0;
	bool final = false;
	int rc = -1;
	for (;;) {
		unsigned char lb[4];
		size_t l = fread(lb, 1, 4, in);
		if (l == 0 && feof(in)) {
			fail(err, "%s",
			     _("backupfilen er afkortet: slutmarkeringen mangler (filen er ikke "
			       "skrevet færdig eller er skåret af)"));
			goto out;
		}
		if (l < 4) {
			fail(err, "%s", _("backupfilen er afkortet midt i en blok"));
			goto out;
		}
		uint32_t clen = get32(lb);
		if (clen < SS_ABYTES || clen > BACKUP_CHUNK + SS_ABYTES) {
			fail(err, _("backupfilen er beskadiget (blok %ld har en ugyldig længde)"),
			     chunk + 1);
			goto out;
		}
		if (fread(cbuf, 1, clen, in) != clen) {
			fail(err, "%s", _("backupfilen er afkortet midt i en blok"));
			goto out;
		}
		size_t mlen = clen - SS_ABYTES;
		if (mlen > max || n > max - mlen) {
			fail(err, "%s", _("backupfilen er større end tilladt"));
			goto out;
		}
		if (n + mlen > cap) {
			size_t ncap = cap ? cap : BACKUP_CHUNK;
			while (ncap < n + mlen)
				ncap *= 2;
			unsigned char *grown = xmalloc(ncap);
			if (out) {
				memcpy(grown, out, n);
				sodium_memzero(out, cap);
			}
			free(out);
			out = grown;
			cap = ncap;
		}
		unsigned char tag = 0;
		unsigned long long mgot = 0;
		if (crypto_secretstream_xchacha20poly1305_pull(&st, out ? out + n : cbuf, &mgot,
							       &tag, cbuf, clen, chunk ? NULL : hdr,
							       chunk ? 0 : AD_LEN) != 0) {
			fail(err,
			     _("backupfilen er beskadiget eller ændret (blok %ld kan ikke "
			       "godkendes)"),
			     chunk + 1);
			goto out;
		}
		n += (size_t)mgot;
		chunk++;
		if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
			final = true;
			break;
		}
		if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
			fail(err, _("backupfilen er beskadiget (blok %ld har et ukendt mærke)"),
			     chunk);
			goto out;
		}
	}
	if (final && fgetc(in) != EOF) {
		fail(err, "%s", _("backupfilen har data efter slutmarkeringen"));
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(&st, sizeof(st));
	free(cbuf);
	if (rc < 0) {
		backup_data_free(out, cap);
		return -1;
	}
	if (!out)
		out = xmalloc(1);
	*data = out;
	*len = n;
	return 0;
}
