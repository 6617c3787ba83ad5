/* fuzz_cpr.c - libFuzzer target for the CPR detector (domain/cpr.h).
 *
 * Feeds the raw bytes (NULs and invalid UTF-8 included: the functions take
 * a length) to cpr_find, cpr_is_plausible and cpr_mask and checks their
 * promises against a slow reference that tries every candidate span. A
 * broken promise calls abort(), which libFuzzer reports as a crash.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cpr.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static void check(bool ok)
{
	if (!ok)
		abort();
}

/* The lengths a CPR-like token can have: 10 digits, 6 + '-' + 4, or 6 + a
 * three-byte dash + 4. */
static const size_t lengths[] = {10, 11, 13};

/* Is text[at..at+n) a CPR-like number standing alone (no digit just
 * before or after)? The reference for cpr_find. */
static bool alone_at(const char *text, size_t len, size_t at, size_t n)
{
	if (at + n > len)
		return false;
	if (at > 0 && digit(text[at - 1]))
		return false;
	if (at + n < len && digit(text[at + n]))
		return false;
	return cpr_is_plausible(text + at, n);
}

/* The first CPR-like number by brute force, or false. */
static bool reference_find(const char *text, size_t len, size_t *at, size_t *n)
{
	for (size_t i = 0; i < len; i++)
		for (size_t k = 0; k < sizeof(lengths) / sizeof(lengths[0]); k++)
			if (alone_at(text, len, i, lengths[k])) {
				*at = i;
				*n = lengths[k];
				return true;
			}
	return false;
}

static size_t count_digits(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += digit(s[i]);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A reference that is quadratic in the worst case: keep inputs of a
	 * size the detector sees (minutes are at most some 100 KB, but the
	 * interesting structure is local). */
	if (size > 16384)
		return 0;
	const char *text = (const char *)data;

	/* cpr_find agrees with the brute-force reference */
	size_t at = 0, n = 0, rat = 0, rn = 0;
	bool found = cpr_find(text, size, &at, &n);
	bool rfound = reference_find(text, size, &rat, &rn);
	check(found == rfound);
	if (found) {
		check(at == rat && n == rn);
		check(at + n <= size);
		check(n == 10 || n == 11 || n == 13);
		check(digit(text[at]) && digit(text[at + n - 1]));
		check(cpr_is_plausible(text + at, n));
	}

	/* a whole input that is one number is found at 0 */
	if (cpr_is_plausible(text, size)) {
		check(found && at == 0 && n == size);
		check(size == 10 || size == 11 || size == 13);
	}

	/* cpr_mask: same length, only digits become 'x', exactly four per
	 * number, the serial digits of every number are gone, and nothing
	 * CPR-like is left */
	struct strbuf out = STRBUF_INIT;
	cpr_mask(text, size, &out);
	check(out.len == size);
	size_t masked = 0;
	for (size_t i = 0; i < size; i++) {
		if (out.buf[i] == text[i])
			continue;
		check(digit(text[i]) && out.buf[i] == 'x');
		masked++;
	}
	check(masked % 4 == 0);
	check(count_digits(out.buf, out.len) + masked == count_digits(text, size));
	size_t mat, mn;
	check(!cpr_find(out.buf, out.len, &mat, &mn));
	if (found) {
		check(masked >= 4);
		check(!memcmp(out.buf + at + n - 4, "xxxx", 4));
		check(!memcmp(out.buf, text, at + n - 4));
	} else {
		check(masked == 0);
	}
	/* masking is idempotent */
	struct strbuf again = STRBUF_INIT;
	cpr_mask(out.buf, out.len, &again);
	check(again.len == out.len && !memcmp(again.buf, out.buf, out.len));
	strbuf_release(&again);
	strbuf_release(&out);

	/* cpr_birth_year for the first two bytes as YY and 7th digit */
	if (size >= 2) {
		int yy = (int)data[0] - 10, seventh = (int)data[1] % 14 - 2;
		int y = cpr_birth_year(yy, seventh);
		if (yy < 0 || yy > 99 || seventh < 0 || seventh > 9)
			check(y == -1);
		else
			check(y >= 1858 && y <= 2057 && y % 100 == yy);
	}
	return 0;
}
