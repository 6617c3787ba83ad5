/* fuzz_indsigt.c - libFuzzer target for the list of withheld parts of an
 * indsigt restriction (domain/indsigt.h indsigt_parts_parse), which comes
 * from `ssp indsigt restrict --parts` and the stored request; and the
 * one-month deadline on any day.
 *
 * Checks: an accepted list formats to a canonical list that parses to the
 * same set; a refused one names a position inside the input; the deadline
 * lies 28 to 31 days after the day received.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/indsigt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	unsigned parts;
	const char *bad;
	if (indsigt_parts_parse(s, &parts, &bad) == 0) {
		check(parts < (1u << INDSIGT_PART__COUNT));
		char out[256];
		indsigt_parts_format(parts, out, sizeof(out));
		unsigned again;
		check(indsigt_parts_parse(out, &again, &bad) == 0 && again == parts);
	} else {
		check(bad >= s && bad < s + strlen(s));
	}
	if (size >= 4) {
		long day = 0;
		memcpy(&day, data, size >= sizeof(day) ? sizeof(day) : 4);
		day %= 3000000L;
		long dl = indsigt_deadline(day);
		check(dl - day >= 28 && dl - day <= 31);
	}
	free(s);
	return 0;
}
