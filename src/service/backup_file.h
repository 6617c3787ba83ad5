/* backup_file.h - the encrypted backup file (`ssp backup`, issue 12).
 *
 * Layout (all integers big-endian):
 *
 *	 0  magic "SSPBAKUP"                         8 bytes
 *	 8  format version (1)                       u32
 *	12  creation time, Unix seconds (UTC)        i64
 *	20  highest deletion_record.id in the copy   i64
 *	28  the copy's schema version                u32
 *	32  key id: BLAKE2b-64 of the backup key      8 bytes
 *	40  secretstream header                      24 bytes
 *	64  chunks: u32 length of the ciphertext, then the ciphertext
 *	    (crypto_secretstream_xchacha20poly1305; plaintext at most
 *	    BACKUP_CHUNK bytes); the first chunk carries bytes 0..39 as its
 *	    associated data, so the header is authenticated; the last chunk
 *	    has TAG_FINAL and nothing may follow it.
 *
 * The plaintext is an SQLite database image (sqlite3_serialize). A wrong
 * key is told by the key id; a changed byte by a chunk that does not
 * authenticate; a cut file by the missing final tag. No I/O but the FILE
 * given; fuzzed (fuzz/fuzz_backup.c). */
#ifndef SSP_BACKUP_FILE_H
#define SSP_BACKUP_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define BACKUP_MAGIC      "SSPBAKUP"
#define BACKUP_VERSION    1
#define BACKUP_HEADER_LEN 64
#define BACKUP_CHUNK      65536
#define BACKUP_KEY_LEN    32

struct backup_header {
	uint32_t version;
	int64_t created;     /* Unix seconds */
	int64_t deletion_id; /* deletion records with a larger id came after the copy */
	uint32_t schema;     /* PRAGMA user_version of the copy */
	unsigned char key_id[8];
};

/* The key id (the header's check of the key) of key. */
void backup_key_id(const unsigned char key[BACKUP_KEY_LEN], unsigned char out[8]);

/* Writes h (version and key id filled in here) and data, encrypted under
 * key, to out. 0, or -1 with a Danish message in *err (caller frees). */
int backup_write(FILE *out, struct backup_header *h, const unsigned char key[BACKUP_KEY_LEN],
		 const unsigned char *data, size_t len, char **err);

/* Reads and checks the header alone (magic, version). */
int backup_read_header(FILE *in, struct backup_header *h, char **err);

/* Reads the whole file: header, the key id against key, every chunk
 * authenticated, the final tag present, nothing after it, at most max
 * bytes of plaintext. On success *data (free with backup_data_free) and
 * *len hold the plaintext. -1 with a Danish message otherwise (nothing to
 * free). */
int backup_read(FILE *in, const unsigned char key[BACKUP_KEY_LEN], size_t max,
		struct backup_header *h, unsigned char **data, size_t *len, char **err);

/* Wipes and frees what backup_read returned. */
void backup_data_free(unsigned char *data, size_t len);

#endif
