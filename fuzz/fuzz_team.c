/* fuzz_team.c - libFuzzer target for the SSP-team's parsers
 * (domain/team.h): the moments typed into the course, event and shift
 * forms ("2027-06-20T18:00") and the strategy file's recurring events
 * ("20-06..22-06 Byfest").
 *
 * NUL-terminates the input and checks that an accepted moment survives a
 * round trip through its formatter, and that an accepted recurring event
 * has a name and gives a first day not after its last in every year. A
 * broken promise calls abort().
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/team.h"

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

	long long m;
	if (team_parse_moment(s, &m) == 0) {
		char out[17];
		team_format_moment(m, out);
		long long back;
		check(team_parse_moment(out, &back) == 0 && back == m);
	}

	struct team_recurring r;
	char *err = NULL;
	if (team_recurring_parse(s, &r, &err) == 0) {
		check(r.name && *r.name);
		for (int y = 2000; y <= 2100; y += 7) {
			long first, last;
			team_recurring_days(&r, y, &first, &last);
			check(first <= last);
		}
		team_recurring_release(&r);
	} else {
		check(err != NULL);
		free(err);
	}
	free(s);
	return 0;
}
