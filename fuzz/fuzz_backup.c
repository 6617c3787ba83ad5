/* fuzz_backup.c - libFuzzer target for the backup file reader
 * (service/backup_file.h): the header and the secretstream chunks.
 *
 * The first byte picks the mode:
 *   even: the rest is a backup file, read with a fixed key. An accepted
 *         file's plaintext, written again, reads back the same.
 *   odd:  the rest, after two bytes (a cut and a flip position), is a
 *         plaintext; the harness writes a real backup of it, cuts it or
 *         flips one bit, and checks that a changed file is always
 *         refused and an unchanged one always reads back the same.
 * A refusal always says why. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "service/backup_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

static const unsigned char key[BACKUP_KEY_LEN] = {0x42};

/* Reads the file bytes; returns 0 with the plaintext or -1 (err checked). */
static int read_mem(const unsigned char *file, size_t n, unsigned char **out, size_t *len)
{
	FILE *f = n ? fmemopen((void *)file, n, "rb") : fopen("/dev/null", "rb");
	check(f != NULL);
	struct backup_header h;
	char *err = NULL;
	int rc = backup_read(f, key, 1 << 20, &h, out, len, &err);
	fclose(f);
	if (rc < 0) {
		check(err && *err);
		free(err);
	} else {
		check(err == NULL);
	}
	return rc;
}

/* A backup of plain into *file. */
static void write_mem(const unsigned char *plain, size_t n, char **file, size_t *len)
{
	FILE *f = open_memstream(file, len);
	check(f != NULL);
	struct backup_header h = {0};
	h.created = 1;
	h.deletion_id = 7;
	char *err = NULL;
	check(backup_write(f, &h, key, plain, n, &err) == 0);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready) {
		check(sodium_init() >= 0);
		ready = true;
	}
	if (size < 1)
		return 0;
	unsigned char *plain = NULL;
	size_t plen = 0;
	if (!(data[0] & 1)) {
		if (read_mem(data + 1, size - 1, &plain, &plen) == 0) {
			char *again = NULL;
			size_t alen = 0;
			write_mem(plain, plen, &again, &alen);
			unsigned char *back = NULL;
			size_t blen = 0;
			check(read_mem((unsigned char *)again, alen, &back, &blen) == 0);
			check(blen == plen && !memcmp(back, plain, plen));
			backup_data_free(back, blen);
			free(again);
			backup_data_free(plain, plen);
		}
		return 0;
	}
	if (size < 3)
		return 0;
	unsigned cut = data[1], flip = data[2];
	const unsigned char *in = data + 3;
	size_t n = size - 3;
	char *file = NULL;
	size_t flen = 0;
	write_mem(in, n, &file, &flen);
	bool changed = false;
	size_t use = flen;
	if (cut && cut <= flen) {
		use = flen - cut; /* cut off the last `cut` bytes */
		changed = true;
	} else if (flip) {
		size_t at = ((size_t)flip * 7919u) % flen;
		file[at] ^= (char)(1u << (flip & 7));
		changed = true;
	}
	int rc = read_mem((unsigned char *)file, use, &plain, &plen);
	if (changed) {
		check(rc < 0);
	} else {
		check(rc == 0 && plen == n && !memcmp(plain, in, n));
		backup_data_free(plain, plen);
	}
	free(file);
	return 0;
}
