/* fuzz_checkpoint.c - libFuzzer target for the access-log checkpoint line
 * (domain/checkpoint.h), which `ssp audit verify --checkpoint LINE` and
 * the checkpoint file feed to checkpoint_parse().
 *
 * Checks: an accepted line has seq >= 1 and a valid hash, and formats back
 * to a line that parses to the same checkpoint; audit_hash_valid agrees
 * with a plain reference on the NUL-terminated input.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/checkpoint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checkpoint c;
	if (checkpoint_parse((const char *)data, size, &c) == 0) {
		check(c.seq >= 1);
		check(audit_hash_valid(c.hash));
		char line[CHECKPOINT_LINE_MAX];
		checkpoint_format(&c, line);
		struct checkpoint again;
		check(checkpoint_parse(line, strlen(line), &again) == 0);
		check(again.seq == c.seq && !strcmp(again.hash, c.hash));
	} else {
		check(c.seq == 0 && c.hash[0] == '\0');
	}
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	size_t n = strlen(s);
	bool ref = n == AUDIT_HASH_LEN;
	for (size_t i = 0; ref && i < n; i++)
		ref = (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f');
	check(audit_hash_valid(s) == ref);
	free(s);
	return 0;
}
