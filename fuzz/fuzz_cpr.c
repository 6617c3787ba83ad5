/* fuzz_cpr.c - libFuzzer target for the CPR detector (domain/cpr.h).
 *
 * Feeds the raw bytes (NULs and invalid UTF-8 included: the functions take
 * a length) to cpr_find, cpr_is_plausible and cpr_mask and checks their
 * promises (the detector normalises Unicode digits, spaces and dashes, so
 * the byte-level reference is one-directional: every plausible span with
 * plain neighbours is found), and to the text policy
 * (domain/text_policy.h), whose accepted output must hold no control
 * character and, where required, nothing CPR-like. A broken promise calls
 * abort(), which libFuzzer reports as a crash.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cpr.h"
#include "domain/text_policy.h"
#include "util/strbuf.h"
#include "util/utf8.h"

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

/* The longest token the detector reads: ten digits of four bytes, two
 * date separators of three bytes, a separator of a space, a dash and a
 * space, and any number of ignorable characters inside (zero-width
 * space, soft hyphen). The latter make the length unbounded in principle;
 * the reference below looks at spans of at most this many bytes, so
 * fuzzed inputs with long runs of ignorable characters are compared only
 * in one direction. */
#define SPAN_MAX 96

static size_t count_digits(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += digit(s[i]);
	return n;
}

static bool has_xxxx(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 <= len; i++)
		if (!memcmp(s + i, "xxxx", 4))
			return true;
	return false;
}

/* Is text[at..at+n) a plausible number whose neighbours are plain ASCII
 * non-digits (or the ends)? A weak, byte-level reference: every such span
 * must also be found by cpr_find (at it or earlier). */
static bool ascii_alone(const char *text, size_t len, size_t at, size_t n)
{
	if (at + n > len)
		return false;
	if (at > 0 && ((unsigned char)text[at - 1] >= 0x80 || digit(text[at - 1])))
		return false;
	if (at + n < len && ((unsigned char)text[at + n] >= 0x80 || digit(text[at + n])))
		return false;
	return cpr_is_plausible(text + at, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A reference that is quadratic in the worst case: keep inputs of a
	 * size the detector sees (minutes are at most some 100 KB, but the
	 * interesting structure is local). */
	if (size > 16384)
		return 0;
	const char *text = (const char *)data;

	/* cpr_find: a plausible token where it says */
	size_t at = 0, n = 0;
	bool found = cpr_find(text, size, &at, &n);
	if (found) {
		check(at + n <= size && n >= 10);
		check(cpr_is_plausible(text + at, n));
	}
	/* no plausible standing-alone span (ASCII neighbours) before it */
	size_t limit = size > 2048 ? 0 : found ? at : size; /* quadratic-ish: small inputs */
	for (size_t i = 0; i < limit; i++)
		for (size_t k = 10; k <= SPAN_MAX && i + k <= size; k++)
			check(!ascii_alone(text, size, i, k));

	/* a whole input that is one number is found at 0 */
	if (cpr_is_plausible(text, size))
		check(found && at == 0 && n == size);

	/* cpr_mask: unchanged without a number; otherwise the text before
	 * the first number's serial part is kept, "xxxx" stands in for it,
	 * no digit is added, nothing CPR-like is left, and masking again
	 * changes nothing */
	struct strbuf out = STRBUF_INIT;
	cpr_mask(text, size, &out);
	if (!found) {
		check(out.len == size && !memcmp(out.buf, text, size));
	} else {
		check(out.len <= size);
		check(!memcmp(out.buf, text, at));
		check(has_xxxx(out.buf, out.len));
		check(count_digits(out.buf, out.len) <= count_digits(text, size));
	}
	size_t mat, mn;
	check(!cpr_find(out.buf, out.len, &mat, &mn));
	struct strbuf again = STRBUF_INIT;
	cpr_mask(out.buf, out.len, &again);
	check(again.len == out.len && !memcmp(again.buf, out.buf, out.len));
	strbuf_release(&again);
	strbuf_release(&out);

	/* the text policy over the same bytes (as a NUL-terminated string):
	 * what it accepts is valid UTF-8 without control characters (line
	 * feeds and tabs only in a multi-line field) and, where named young
	 * people are not discussed, without anything CPR-like */
	char *z = malloc(size + 1);
	if (!z)
		return 0;
	memcpy(z, data, size);
	z[size] = '\0';
	static const struct text_field fields[] = {
	    {.id = "a", .label = "A", .shape = TEXT_LINE, .max = 200},
	    {.id = "b", .label = "B", .shape = TEXT_LINES, .max = 16384, .required = true},
	};
	for (size_t f = 0; f < 2; f++) {
		struct strbuf clean = STRBUF_INIT, msg = STRBUF_INIT;
		struct text_verdict v;
		bool named = size && (data[0] & 1);
		if (text_check(&fields[f], z, named, &clean, &v) == TEXT_OK) {
			check(utf8_valid(clean.buf, clean.len, NULL));
			check(clean.len <= fields[f].max);
			for (size_t i = 0; i < clean.len;) {
				long cp;
				i += utf8_decode(clean.buf + i, clean.len - i, &cp);
				check(!text_is_control(cp, fields[f].shape == TEXT_LINES));
			}
			check(named || !cpr_find(clean.buf, clean.len, &mat, &mn));
		} else {
			text_explain(&fields[f], &v, "X", &msg);
			check(msg.len > 0);
		}
		strbuf_release(&clean);
		strbuf_release(&msg);
	}
	free(z);

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
