/* fuzz_strategy.c - libFuzzer target for the strategy file parser.
 *
 * Feeds arbitrary bytes to strategy_parse() exactly as `ssp strategy check`
 * does (a buffer and its length, not NUL-terminated) and releases
 * everything, so ASan/LSan/UBSan catch crashes, overflows and leaks. It also
 * checks a few promises parse.h makes: the return value agrees with the
 * error count, and every diagnostic has a message and a sane line number.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/org.h"
#include "strategy/parse.h"
#include "util/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A private copy with no slack after it: ASan reports any read past
	 * the end, which a NUL-terminated or larger buffer would hide. */
	char *buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	if (size)
		memcpy(buf, data, size);

	int lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += buf[i] == '\n';

	struct diags d;
	diags_init(&d, "fuzz.ini");
	struct org o;
	org_init(&o);
	int rc = strategy_parse(buf, size, &o, &d);

	if (rc != 0 && rc != -1)
		abort();
	if ((rc == 0) != (d.errors == 0))
		abort();
	if (d.errors + d.warnings != d.nr)
		abort();
	for (size_t i = 0; i < d.nr; i++) {
		if (!d.v[i].msg || !*d.v[i].msg)
			abort();
		if (d.v[i].line < 0 || d.v[i].line > lines)
			abort();
	}
	if (rc == 0) {
		/* An accepted strategy is complete enough to store. */
		if (!o.municipality || !o.police_district || !o.bodies_nr || !o.categories_nr)
			abort();
		for (size_t i = 0; i < o.bodies_nr; i++) {
			const struct org_body *b = &o.bodies[i];
			if (!b->id || !org_id_valid(b->id) || !b->name || !b->frequency_text)
				abort();
			if (b->level < 0 || (size_t)b->level >= org_levels_nr(&o) ||
			    org_levels_nr(&o) > ORG_LEVELS_MAX)
				abort();
			if (b->parent && !org_find_body(&o, b->parent))
				abort();
		}
		for (size_t i = 0; i < o.institutions_nr; i++)
			if (!o.institutions[i].district ||
			    !org_find_district(&o, o.institutions[i].district))
				abort();
		if (o.age_min >= o.age_max || o.ssp_plus_from < o.age_min ||
		    o.ssp_plus_from > o.age_max)
			abort();
	}

	org_release(&o);
	diags_release(&d);
	free(buf);
	return 0;
}
