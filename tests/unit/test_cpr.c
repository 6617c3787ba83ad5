/* The CPR-like detector (domain/cpr.c): both forms, the century rule of
 * the 7th digit, real dates only, no modulus 11 check, word boundaries,
 * typographic dashes, and masking. */
#include <stdio.h>
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
	assert_true(cpr_is_plausible("010203 1234", 11)); /* a space between the parts */
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
	assert_false(find("\xEF\xBC\x91"
			  "150709-1234"));             /* full-width digit before */
	assert_false(find("150709-1234\xEF\xBC\x91")); /* ... and after */
	assert_false(find("tlf. 12345678"));           /* eight digits */
	assert_false(find("9150709-1234"));            /* seven digits before the dash */
	assert_false(find("150709-12345"));            /* five after */
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
	assert_true(find("150709\xE2\x80\x94"
			 "1234")); /* em dash: a dash all the same */
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

/* The spellings the attack review used to slip numbers past the guard:
 * each must be found, and found as one token from its first to its last
 * digit. */
static void other_spellings(void **state)
{
	(void)state;
	static const char *const found[] = {
	    "010203 1234",
	    "010203/1234",
	    "010203 / 1234",
	    "010203 - 1234",
	    "010203  1234",
	    "010203\xC2\xA0"
	    "1234", /* no-break space */
	    "010203\xE2\x80\xAF"
	    "1234", /* narrow no-break space */
	    "010203\xE2\x80\x89"
	    "1234", /* thin space */
	    "010203\xE3\x80\x80"
	    "1234", /* ideographic space */
	    "01 02 03-1234",
	    "01.02.03-1234",
	    "01-02-03-1234",
	    "01 02 03 - 1234",
	    "01.02.03/1234",
	    "01\xC2\xA0"
	    "02\xC2\xA0"
	    "03-1234",
	    /* full-width digits and hyphen */
	    "\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x93"
	    "\xEF\xBC\x8D\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94",
	    /* full-width digits mixed with ASCII */
	    "01020\xEF\xBC\x93-1234",
	    /* a zero-width space and a soft hyphen inside */
	    "0102\xE2\x80\x8B"
	    "03-1234",
	    "010203-12\xC2\xAD"
	    "34",
	    /* Arabic-Indic and mathematical digits */
	    "\xD9\xA0\xD9\xA1\xD9\xA0\xD9\xA2\xD9\xA0\xD9\xA3\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4",
	    "010203-\xF0\x9D\x9F\x8F\xF0\x9D\x9F\x90\xF0\x9D\x9F\x91\xF0\x9D\x9F\x92",
	};
	for (size_t i = 0; i < sizeof(found) / sizeof(found[0]); i++) {
		const char *s = found[i];
		size_t at = 99, n = 0;
		if (!cpr_find(s, strlen(s), &at, &n))
			fail_msg("not found: %s", s);
		assert_int_equal(at, 0);
		assert_int_equal(n, strlen(s));
		assert_true(cpr_is_plausible(s, strlen(s)));
		/* and inside a sentence */
		char line[160];
		snprintf(line, sizeof(line), "Mødet om Peter (cpr %s) blev udsat.", s);
		assert_true(find(line));
	}
}

/* What must not be read as a CPR number: phone numbers, dates with
 * times, case and journal numbers, amounts. */
static void false_positives(void **state)
{
	(void)state;
	static const char *const phones[] = {
	    "Ring på 75 12 34 56",
	    "tlf. 7512 3456",
	    "+45 75 12 34 56",
	    "+4575123456",
	    "0045 75123456",
	    "(+45) 20 30 40 50",
	    "mobil 20-30-40-50",
	    "tlf 75.12.34.56",
	    "SMS til 1919",
	    "Vagt: 114 eller 112",
	    "75 12 34 56 / 20 30 40 50",
	};
	static const char *const dates[] = {
	    "Mødet 12.03.27 kl. 14.00",
	    "12.03.27 14:00",
	    "2027-03-12 14:00",
	    "2027-03-12T14:00:00+01:00",
	    "12-03-2027 kl 1400",
	    "12.03.2027 14.00-15.30",
	    "den 12/3 2027 kl. 10",
	    "12.03.27 1400",
	    "12 03 27 1400",
	    "uge 12, 15.03.27-19.03.27",
	    "fra 01.02.03 til 04.05.06",
	};
	static const char *const cases[] = {
	    "J.nr. 2027-001234",
	    "Sagsnr. 27.03.12-P20-1-23",
	    "Politiets journalnr. 3700-12345-00123-27",
	    "KLE 27.24.00",
	    "sag 1234/2027",
	    "j.nr. 12-34-56-7890-12",
	    "CVR 12345678",
	    "EAN 5798000000000",
	    "Beløb: 12.345,00 kr.",
	    "version 1.2.3-4",
	    "Postnr. 8700 Horsens",
	};
	const char *const *lists[] = {phones, dates, cases};
	size_t sizes[] = {sizeof(phones) / sizeof(phones[0]), sizeof(dates) / sizeof(dates[0]),
			  sizeof(cases) / sizeof(cases[0])};
	for (size_t l = 0; l < 3; l++)
		for (size_t i = 0; i < sizes[l]; i++)
			if (find(lists[l][i]))
				fail_msg("read as a CPR number: %s", lists[l][i]);
}

static void masking_other_spellings(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	const char *s = "A: 01.02.03-1234, B: 010203\xC2\xA0"
			"5678, C: \xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90"
			"\xEF\xBC\x93\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94.";
	cpr_mask(s, strlen(s), &sb);
	assert_string_equal(sb.buf, "A: 01.02.03-xxxx, B: 010203\xC2\xA0"
				    "xxxx, C: \xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x92"
				    "\xEF\xBC\x90\xEF\xBC\x93xxxx.");
	size_t at, n;
	assert_false(cpr_find(sb.buf, sb.len, &at, &n));
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
	    cmocka_unit_test(other_spellings),
	    cmocka_unit_test(false_positives),
	    cmocka_unit_test(masking_other_spellings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
