#include <stdlib.h>
#include <string.h>

#include "domain/frequency.h"
#include "test.h"

static struct frequency ok(const char *text)
{
	struct frequency f;
	char *err = NULL;
	int rc = frequency_parse(text, &f, &err);
	if (rc != 0)
		fail_msg("»%s« should parse, got: %s", text, err ? err : "(null)");
	assert_null(err);
	return f;
}

static char *bad(const char *text)
{
	struct frequency f;
	char *err = NULL;
	int rc = frequency_parse(text, &f, &err);
	if (rc == 0)
		fail_msg("»%s« should be refused", text);
	assert_non_null(err);
	return err;
}

/* Every frequency rule the Hedensted strategy states, in its own words. */
static void seed_wording(void **state)
{
	(void)state;
	struct frequency f = ok("minimum tre gange årligt");
	assert_int_equal(f.min_per_year, 3);
	assert_int_equal(f.max_per_year, -1);

	f = ok("minimum fire gange om året");
	assert_int_equal(f.min_per_year, 4);
	assert_false(f.ad_hoc);

	f = ok("min. fire møder om året, med mulighed for ad hoc møder");
	assert_int_equal(f.min_per_year, 4);
	assert_true(f.ad_hoc);

	f = ok("hver 14.dag");
	assert_int_equal(f.every_days, 14);
	assert_int_equal(f.min_per_year, 26);

	f = ok("En gang om måneden i perioden marts til og med oktober");
	assert_int_equal(f.per_month, 1);
	assert_int_equal(f.months, (1u << 3) | (1u << 4) | (1u << 5) | (1u << 6) | (1u << 7) |
				       (1u << 8) | (1u << 9) | (1u << 10));
	assert_int_equal(f.min_per_year, 8);
	assert_int_equal(frequency_month_count(&f), 8);

	f = ok("2 til 3 møder om året i hvert område");
	assert_int_equal(f.min_per_year, 2);
	assert_int_equal(f.max_per_year, 3);
	assert_true(f.per_district);

	f = ok("Ad hoc");
	assert_true(f.ad_hoc);
	assert_int_equal(f.min_per_year, -1);

	f = ok("mindst én gang om året");
	assert_int_equal(f.min_per_year, 1);

	f = ok("løbende");
	assert_true(f.continuous);
}

static void short_forms(void **state)
{
	(void)state;
	struct frequency f = ok("mindst 4 om året + ad hoc");
	assert_int_equal(f.min_per_year, 4);
	assert_true(f.ad_hoc);
	f = ok("2-3 om året i hvert distrikt");
	assert_int_equal(f.min_per_year, 2);
	assert_int_equal(f.max_per_year, 3);
	assert_true(f.per_district);
	f = ok("1 om måneden i 3-10");
	assert_int_equal(frequency_month_count(&f), 8);
	f = ok("1 om måneden i november-februar"); /* wraps the new year */
	assert_int_equal(frequency_month_count(&f), 4);
	assert_true(f.months & (1u << 12));
	assert_true(f.months & (1u << 1));
	f = ok("hver uge");
	assert_int_equal(f.every_days, 7);
	f = ok("hver anden uge");
	assert_int_equal(f.every_days, 14);
	f = ok("månedligt");
	assert_int_equal(f.min_per_year, 12);
	f = ok("  MINDST   12   GANGE   ÅRLIGT  ");
	assert_int_equal(f.min_per_year, 12);
	f = ok("ad-hoc efter behov");
	assert_true(f.ad_hoc);
}

/* The words coordinators use (issue 11), one case per form of
 * docs/ssp-strategy.5. */
static void coordinator_words(void **state)
{
	(void)state;
	struct frequency f = ok("hver mandag");
	assert_int_equal(f.every_days, 7);
	assert_int_equal(f.weekday, 1);
	assert_int_equal(f.min_per_year, 52);

	f = ok("Hver anden torsdag");
	assert_int_equal(f.every_days, 14);
	assert_int_equal(f.weekday, 4);

	f = ok("hver 2. tirsdag");
	assert_int_equal(f.every_days, 14);
	assert_int_equal(f.weekday, 2);

	f = ok("ugentligt");
	assert_int_equal(f.every_days, 7);
	assert_int_equal(f.weekday, 0);

	f = ok("månedligt");
	assert_int_equal(f.per_month, 1);
	assert_int_equal(f.min_per_year, 12);

	f = ok("hver måned");
	assert_int_equal(f.per_month, 1);
	assert_int_equal(f.min_per_year, 12);

	f = ok("hver måned i perioden marts til og med oktober");
	assert_int_equal(f.min_per_year, 8);

	f = ok("kvartalsvis");
	assert_int_equal(f.per_quarter, 1);
	assert_int_equal(f.min_per_year, 4);
	f = ok("hvert kvartal");
	assert_int_equal(f.per_quarter, 1);
	f = ok("mindst 2 gange om kvartalet");
	assert_int_equal(f.per_quarter, 2);
	assert_int_equal(f.min_per_year, 8);
	assert_int_equal(f.max_per_year, -1);

	f = ok("efter behov");
	assert_true(f.ad_hoc);
	assert_int_equal(f.min_per_year, -1);

	f = ok("månedligt undtagen juli");
	assert_int_equal(f.per_month, 1);
	assert_int_equal(f.min_per_year, 11);
	assert_false(f.months & (1u << 7));
	assert_true(f.months & (1u << 8));

	f = ok("1 om måneden undtagen juli og august");
	assert_int_equal(f.min_per_year, 10);
	f = ok("månedligt undtagen juni-august, december");
	assert_int_equal(f.min_per_year, 8);
	f = ok("1 om måneden i marts-oktober undtagen juli");
	assert_int_equal(f.min_per_year, 7);

	f = ok("hver uge undtagen i skoleferierne");
	assert_int_equal(f.every_days, 7);
	assert_true(f.school_holidays);

	f = ok("hver mandag undtagen juli");
	assert_int_equal(f.weekday, 1);
	assert_int_equal(f.min_per_year, (365 - 31) / 7);

	f = ok("hver 14. dag (tirsdage, i skolens lokaler)");
	assert_int_equal(f.every_days, 14);
	f = ok("mindst 4 om året (se årshjulet) og efter behov");
	assert_int_equal(f.min_per_year, 4);
	assert_true(f.ad_hoc);

	f = ok("2-3 om året i hvert distrikt og efter behov");
	assert_int_equal(f.min_per_year, 2);
	assert_int_equal(f.max_per_year, 3);
	assert_true(f.per_district);
	assert_true(f.ad_hoc);

	f = ok("4 om året, undtagen juli, + ad hoc");
	assert_int_equal(f.min_per_year, 4);
	assert_false(f.months & (1u << 7));
	assert_true(f.ad_hoc);
}

static void coordinator_words_refused(void **state)
{
	(void)state;
	const char *cases[] = {
	    "hver lørdag",                        /* meetings are on working days */
	    "hver anden søndag",                  /* idem */
	    "månedligt undtagen",                 /* nothing excluded */
	    "månedligt undtagen ferie",           /* not a month */
	    "månedligt undtagen januar-december", /* nothing left */
	    "hver 14. dag (tirsdage",             /* unclosed remark */
	    "hver 14. dag tirsdage)",             /* stray parenthesis */
	    "efter behov og mere",
	    "3 om kvartalet og noget",
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		free(bad(cases[i]));
	char *err = bad("hver lørdag");
	assert_non_null(strstr(err, "hverdage"));
	free(err);
	err = bad("hver 14. dag (tirsdage");
	assert_non_null(strstr(err, ")"));
	free(err);
}

static void refusals(void **state)
{
	(void)state;
	const char *cases[] = {
	    "",
	    "   ",
	    "ofte",
	    "mindst",
	    "mindst fire",
	    "mindst 4 om ugen",
	    "3-2 om året",
	    "0 om året",
	    "400 om året",
	    "1 om måneden i 3-13",
	    "1 om måneden i 0-5",
	    "1 om måneden i marts til",
	    "hver 0. dag",
	    "hver 400. dag",
	    "hver 14. måned",
	    "mindst 4 om året + hver uge",
	    "mindst 4 om året og noget",
	    "ad hoc og mere",
	    "løbende men sjældent",
	    "4 om året; drop table",
	    "hver",
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		free(bad(cases[i]));
}

static void month_error_says_range(void **state)
{
	(void)state;
	char *err = bad("1 om måneden i 3-13");
	assert_non_null(strstr(err, "13"));
	assert_non_null(strstr(err, "1-12"));
	free(err);
}

/* issue 11: per institution of a kind */
static void per_institution(void **state)
{
	(void)state;
	struct frequency f = ok("4 om året på hver skole");
	assert_int_equal(f.min_per_year, 4);
	assert_int_equal(f.per_institution, FREQ_INST_SCHOOL);
	assert_false(f.per_district);
	f = ok("2 om året i hver klub");
	assert_int_equal(f.per_institution, FREQ_INST_CLUB);
	f = ok("mindst 2 gange årligt på hver folkeskole");
	assert_int_equal(f.min_per_year, 2);
	assert_int_equal(f.per_institution, FREQ_INST_SCHOOL);
	f = ok("1 om måneden i marts til oktober i hver ungdomsklub og efter behov");
	assert_int_equal(f.min_per_year, 8);
	assert_int_equal(f.per_institution, FREQ_INST_CLUB);
	assert_true(f.ad_hoc);
	f = ok("Kvartalsvis i hver institution");
	assert_int_equal(f.per_institution, FREQ_INST_ANY);
	f = ok("2 om året på hver enkelt skole");
	assert_int_equal(f.per_institution, FREQ_INST_SCHOOL);
	f = ok("4 om året");
	assert_int_equal(f.per_institution, FREQ_INST_NONE);
	free(bad("4 om året på hver bank"));
	free(bad("4 om året på hver"));
}

static void unknown_word_gives_examples(void **state)
{
	(void)state;
	char *err = bad("ofte");
	assert_non_null(strstr(err, "ofte"));
	assert_non_null(strstr(err, "hver 14. dag"));
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(seed_wording),
	    cmocka_unit_test(short_forms),
	    cmocka_unit_test(refusals),
	    cmocka_unit_test(coordinator_words),
	    cmocka_unit_test(coordinator_words_refused),
	    cmocka_unit_test(month_error_says_range),
	    cmocka_unit_test(unknown_word_gives_examples),
	    cmocka_unit_test(per_institution),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
