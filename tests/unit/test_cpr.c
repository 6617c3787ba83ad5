/* The CPR-like detector (domain/cpr.c): both forms, the century rule of
 * the 7th digit, real dates only, no modulus 11 check, word boundaries,
 * typographic dashes, and masking. */
#include <string.h>

#include "domain/cpr.h"
#include "test.h"

static bool find(const char *s)
{
	size_t at, n;
	return cpr_find(s, strlen(s), &at, &n);
}

static void both_forms(void **state)
{
	(void)state;
	assert_true(cpr_is_plausible("010203-1234", 11));
	assert_true(cpr_is_plausible("0102031234", 10));
	assert_false(cpr_is_plausible("010203 1234", 11)); /* a space is not the form */
	assert_false(cpr_is_plausible("010203-123", 10));
	assert_false(cpr_is_plausible("01020312345", 11));
	assert_false(cpr_is_plausible("", 0));
}

static void century_rule(void **state)
{
	(void)state;
	/* 7th digit 0-3: 1900s */
	assert_int_equal(cpr_birth_year(5, 0), 1905);
	assert_int_equal(cpr_birth_year(99, 3), 1999);
	/* 4 and 9: 2000-2036, else 1937-1999 */
	assert_int_equal(cpr_birth_year(36, 4), 2036);
	assert_int_equal(cpr_birth_year(37, 4), 1937);
	assert_int_equal(cpr_birth_year(0, 9), 2000);
	assert_int_equal(cpr_birth_year(80, 9), 1980);
	/* 5-8: 2000-2057, else 1858-1899 */
	assert_int_equal(cpr_birth_year(57, 5), 2057);
	assert_int_equal(cpr_birth_year(58, 8), 1858);
	assert_int_equal(cpr_birth_year(99, 6), 1899);
	assert_int_equal(cpr_birth_year(100, 0), -1);
	assert_int_equal(cpr_birth_year(1, 10), -1);
}

static void dates_must_be_real(void **state)
{
	(void)state;
	assert_false(find("320112-1234")); /* 32 January */
	assert_false(find("311112-1234")); /* 31 November */
	assert_false(find("011312-1234")); /* month 13 */
	assert_false(find("000112-1234")); /* day 0 */
	assert_true(find("290200-4123"));  /* 2000 (7th digit 4, YY <= 36): a leap year */
	assert_false(find("290200-0123")); /* 1900 (7th digit 0): not a leap year */
	assert_true(find("290204-1234"));  /* 1904: leap */
	assert_false(find("290205-1234")); /* 1905: not */
	assert_true(find("290260-5123"));  /* 1860 (7th digit 5, YY >= 58): leap */
	assert_false(find("290262-5123")); /* 1862: not */
}

static void never_modulus_11(void **state)
{
	(void)state;
	/* 010203-1234 fails modulus 11 (weights 4 3 2 7 6 5 4 3 2 1 give
	 * 0+4+0+14+0+15+4+6+6+4 = 53); it must be found all the same */
	assert_true(find("Født 010203-1234, boede i byen"));
	assert_true(find("0707071112"));
}

static void boundaries_and_position(void **state)
{
	(void)state;
	size_t at = 99, n = 0;
	const char *s = "Linje et\nUng med cpr 1507091234 blev nævnt";
	assert_true(cpr_find(s, strlen(s), &at, &n));
	assert_int_equal(at, strlen("Linje et\nUng med cpr "));
	assert_int_equal(n, 10);
	assert_false(find("12345678901234")); /* a longer number */
	assert_false(find("tlf. 12345678"));  /* eight digits */
	assert_false(find("9150709-1234"));   /* seven digits before the dash */
	assert_false(find("150709-12345"));   /* five after */
	assert_false(find("Møde 2027-03-12 kl. 14"));
	assert_false(find(""));
	assert_true(find("(150709-1234)"));
	assert_true(find("x150709-1234x"));
	/* a word processor's dashes */
	assert_true(find("150709\xE2\x80\x93"
			 "1234")); /* en dash */
	assert_true(find("150709\xE2\x80\x91"
			 "1234")); /* non-breaking hyphen */
	assert_true(find("150709\xE2\x88\x92"
			 "1234")); /* minus sign */
	assert_false(find("150709\xE2\x80\x94"
			  "1234")); /* em dash: not a CPR form */
	/* the length is part of the contract */
	s = "a 150709\xE2\x80\x93"
	    "1234 b";
	assert_true(cpr_find(s, strlen(s), &at, &n));
	assert_int_equal(at, 2);
	assert_int_equal(n, 13);
	/* not read past len */
	s = "150709-1234";
	assert_false(cpr_find(s, 10, &at, &n));
}

static void masking(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	const char *s = "A: 150709-1234, B: 0102031234. Tlf 12345678.";
	cpr_mask(s, strlen(s), &sb);
	assert_string_equal(sb.buf, "A: 150709-xxxx, B: 010203xxxx. Tlf 12345678.");
	strbuf_release(&sb);
	cpr_mask("", 0, &sb);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(both_forms),
	    cmocka_unit_test(century_rule),
	    cmocka_unit_test(dates_must_be_real),
	    cmocka_unit_test(never_modulus_11),
	    cmocka_unit_test(boundaries_and_position),
	    cmocka_unit_test(masking),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
