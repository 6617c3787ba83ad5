/* fuzz_cpr_parse.c - libFuzzer target for the CPR parser (domain/cpr.h,
 * cpr_parse) and the age rules built on it (domain/concern.h).
 *
 * Feeds the raw bytes to cpr_parse and checks its promises: a number it
 * accepts has ten digits, a real birth date in 1858-2057 that the century
 * table gives for its YY and 7th digit, the same ten digits as the input
 * once white space and the dash are gone, and formats canonically and
 * masked as documented; a refused one leaves the output zeroed. The age
 * at any event day is consistent with the target check. A broken promise
 * calls abort(), which libFuzzer reports as a crash.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/concern.h"
#include "domain/cpr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct cpr_number c;
	enum cpr_parse_error e = cpr_parse(s, size, &c);
	check(e == CPR_PARSE_OK || e == CPR_PARSE_SHAPE || e == CPR_PARSE_DATE);
	check(cpr_parse_error_message(e) != NULL);
	if (e != CPR_PARSE_OK) {
		static const struct cpr_number zero;
		check(!memcmp(&c, &zero, sizeof(c)));
		return 0;
	}
	/* ten digits, in the input's order */
	check(strlen(c.digits) == 10);
	size_t k = 0;
	for (size_t i = 0; i < size && k < 10; i++)
		if (s[i] >= '0' && s[i] <= '9')
			check(s[i] == c.digits[k++]);
	check(k == 10);
	/* the birth date is real and follows the century table */
	check(cal_date_valid(c.birth.y, c.birth.m, c.birth.d));
	check(c.birth.y >= 1858 && c.birth.y <= 2057);
	int yy = (c.digits[4] - '0') * 10 + (c.digits[5] - '0');
	check(cpr_birth_year(yy, c.digits[6] - '0') == c.birth.y);
	check(c.birth.d == (c.digits[0] - '0') * 10 + (c.digits[1] - '0'));
	check(c.birth.m == (c.digits[2] - '0') * 10 + (c.digits[3] - '0'));
	/* formats */
	char full[12], masked[12];
	cpr_format(&c, full);
	cpr_format_masked(&c, masked);
	check(!memcmp(full, c.digits, 6) && full[6] == '-' && !memcmp(full + 7, c.digits + 6, 5));
	check(!memcmp(masked, c.digits, 6) && !strcmp(masked + 6, "-xxxx"));
	/* the canonical form parses back to the same number; the detector
	 * agrees that it is CPR-like */
	struct cpr_number again;
	check(cpr_parse(full, 11, &again) == CPR_PARSE_OK && !memcmp(&again, &c, sizeof(c)));
	check(cpr_is_plausible(full, 11));
	/* age on the birthday 0, rising, and the target check follows it */
	struct org o;
	org_init(&o);
	long birth = cal_days(c.birth);
	check(concern_age(c.birth, c.birth) == 0);
	check(concern_age(c.birth, cal_date(birth - 1)) == -1);
	int prev = 0;
	for (long day = birth; day < birth + 40 * 366; day += 97) {
		int a = concern_age(c.birth, cal_date(day));
		check(a >= prev && a <= (int)((day - birth) / 365));
		prev = a;
		struct target_result r;
		enum target_verdict v = target_check(&o, c.birth, cal_date(day), &r);
		check(r.age == a);
		check(v == (a > o.age_max ? TARGET_TOO_OLD : TARGET_OK));
	}
	org_release(&o);
	return 0;
}
