#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strategy/parse.h"
#include "test.h"
#include "util/file.h"

#define MINIMAL                                                                                    \
	"[kommune]\nnavn = Testby Kommune\npolitikreds = Testpoliti\n"                             \
	"[strategi]\nformål = a\nmålgruppe = b\norganisering = c\n"                              \
	"lokal-tilrettelæggelse = d\n"                                                            \
	"[distrikt \"nord\"]\nnavn = Nord\n"                                                       \
	"[kategori \"k1\"]\nnavn = Kategori 1\n"

#define BODY                                                                                       \
	"[organ \"moede\"]\nnavn = Mødet\nniveau = udførende\nformål = at mødes\n"             \
	"ansvarlig = nogen\nfrekvens = hver 14. dag\nnavngivne-personer = ja\n"

struct result {
	struct org o;
	struct diags d;
	int rc;
};

static struct result *run(const char *text)
{
	struct result *r = calloc(1, sizeof(*r));
	org_init(&r->o);
	diags_init(&r->d, "t.ini");
	r->rc = strategy_parse(text, strlen(text), &r->o, &r->d);
	return r;
}

static void done(struct result *r)
{
	org_release(&r->o);
	diags_release(&r->d);
	free(r);
}

/* Asserts there is an error on line `line` whose text contains `needle`. */
static void expect_error(struct result *r, int line, const char *needle)
{
	for (size_t i = 0; i < r->d.nr; i++)
		if (r->d.v[i].severity == DIAG_ERROR && r->d.v[i].line == line &&
		    strstr(r->d.v[i].msg, needle))
			return;
	diags_print(&r->d, stderr);
	fail_msg("no error on line %d containing »%s«", line, needle);
}

static void minimal_ok(void **state)
{
	(void)state;
	struct result *r = run(MINIMAL BODY);
	diags_print(&r->d, stderr);
	assert_int_equal(r->rc, 0);
	assert_int_equal(r->d.nr, 0);
	assert_string_equal(r->o.municipality, "Testby Kommune");
	assert_int_equal(r->o.bodies_nr, 1);
	assert_string_equal(r->o.bodies[0].name, "Mødet");
	assert_int_equal(r->o.bodies[0].freq.every_days, 14);
	assert_true(r->o.bodies[0].named_individuals);
	assert_int_equal(r->o.bodies[0].level, LEVEL_EXECUTING);
	done(r);
}

static void continuation_and_lists(void **state)
{
	(void)state;
	struct result *r =
	    run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = politisk\n"
			"formål = første linje\n  anden linje\n"
			"ansvarlig = x\nfrekvens = ad hoc\nnavngivne-personer = nej\n"
			"medlem = en\nmedlem = to\n   fortsat\n");
	assert_int_equal(r->rc, 0);
	assert_string_equal(r->o.bodies[0].purpose, "første linje anden linje");
	assert_int_equal(r->o.bodies[0].members.nr, 2);
	assert_string_equal(r->o.bodies[0].members.v[1], "to fortsat");
	done(r);
}

static void duplicate_body(void **state)
{
	(void)state;
	struct result *r = run(MINIMAL BODY BODY);
	assert_int_equal(r->rc, -1);
	/* MINIMAL is 12 lines, BODY 7: the second [organ "moede"] is line 20 */
	expect_error(r, 20, "allerede defineret på linje 13");
	done(r);
}

static void unknown_key(void **state)
{
	(void)state;
	struct result *r = run(MINIMAL BODY "farve = blå\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 20, "ukendt nøgle »farve«");
	done(r);
}

static void bad_frequency_and_month(void **state)
{
	(void)state;
	struct result *r = run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = politisk\nformål = x\n"
				       "ansvarlig = x\nfrekvens = 1 om måneden i 2-14\n"
				       "navngivne-personer = nej\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 18, "måned 14 findes ikke");
	done(r);
}

static void empty_and_missing(void **state)
{
	(void)state;
	struct result *r = run(MINIMAL "[organ \"a\"]\nnavn =\nniveau = politisk\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 14, "»navn« er tom");
	expect_error(r, 13, "mangler »formål«");
	expect_error(r, 13, "mangler »navngivne-personer«");
	done(r);
}

static void syntax_errors(void **state)
{
	(void)state;
	struct result *r = run(MINIMAL BODY "[organ \"b\"\ndette er ikke en nøgle\n= x\n"
					    "[ukendt]\n[organ \"Stort\"]\n[kommune]\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 20, "mangler »]«");
	expect_error(r, 21, "hverken en [sektion]");
	expect_error(r, 22, "mangler en nøgle");
	expect_error(r, 23, "ukendt sektion »ukendt«");
	expect_error(r, 24, "ugyldigt id");
	expect_error(r, 25, "allerede defineret på linje 1");
	done(r);
}

static void references(void **state)
{
	(void)state;
	struct result *r =
	    run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = politisk\nformål = x\n"
			"ansvarlig = x\nfrekvens = 2-3 om året i hvert distrikt\n"
			"navngivne-personer = nej\nunder = findes-ikke\n"
			"[institution \"s\"]\nnavn = S\ntype = skole\ndistrikt = syd\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 20, "»findes-ikke«, som ikke findes");
	expect_error(r, 21, "distrikt »syd«");
	done(r);
	r = run(MINIMAL BODY
		"[institution \"temadag\"]\nnavn = T\ntype = skole\ndistrikt = nord\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 20, "reserveret");
	done(r);
}

static void bad_values(void **state)
{
	(void)state;
	struct result *r =
	    run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = øverst\nformål = x\n"
			"ansvarlig = x\nfrekvens = ad hoc\nnavngivne-personer = måske\n"
			"navn = B\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 15, "ukendt niveau »øverst«");
	expect_error(r, 19, "»ja« eller »nej«");
	expect_error(r, 20, "angivet to gange (første gang på linje 14)");
	done(r);
}

static void theme_warning(void **state)
{
	(void)state;
	struct result *r =
	    run("[kommune]\nnavn = X\npolitikreds = Y\n[kategori \"k\"]\nnavn = K\n" BODY);
	assert_int_equal(r->rc, 0);
	assert_int_equal(r->d.warnings, 4);
	done(r);
}

static void binary_and_long_lines(void **state)
{
	(void)state;
	const char nul[] = "[kommune]\nnavn = a\0b\n";
	struct org o;
	struct diags d;
	org_init(&o);
	diags_init(&d, "t.ini");
	assert_int_equal(strategy_parse(nul, sizeof(nul) - 1, &o, &d), -1);
	assert_int_equal(d.v[0].line, 2);
	org_release(&o);
	diags_release(&d);

	struct result *r = run("[kommune]\nnavn = \xff\xfe\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 2, "UTF-8");
	done(r);

	char big[600];
	memset(big, 'x', sizeof(big));
	memcpy(big, "navn = ", 7);
	big[sizeof(big) - 1] = '\0';
	char *text = malloc(strlen(MINIMAL) + sizeof(big) + 64);
	snprintf(text, strlen(MINIMAL) + sizeof(big) + 64, "%s[organ \"a\"]\n%s\n", MINIMAL, big);
	r = run(text);
	assert_int_equal(r->rc, -1);
	expect_error(r, 14, "for lang");
	done(r);
	free(text);
}

/* The shipped strategy parses clean and holds every body of the seed. */
static void shipped_hedensted(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	char *err = NULL;
	assert_int_equal(read_file(SSP_SOURCE_DIR "/strategies/hedensted.ini", &sb, &err), 0);
	struct result *r = run(sb.buf);
	diags_print(&r->d, stderr);
	assert_int_equal(r->rc, 0);
	assert_int_equal(r->d.nr, 0);
	const char *ids[] = {"kredsraad",
			     "lokalraad",
			     "ssp-styregruppe",
			     "beredskab-nsk",
			     "beredskab-ekstremisme",
			     "infohus-netvaerk",
			     "ssp-team",
			     "paragraf-115",
			     "paragraf-115-ad-hoc",
			     "hotspot",
			     "ssp-distriktsmoede",
			     "ssp-skolenetvaerk",
			     "infohus-kommune"};
	assert_int_equal(r->o.bodies_nr, sizeof(ids) / sizeof(*ids));
	for (size_t i = 0; i < sizeof(ids) / sizeof(*ids); i++)
		assert_non_null(org_find_body(&r->o, ids[i]));
	assert_int_equal(r->o.categories_nr, 4);
	assert_int_equal(r->o.districts_nr, 3);
	const struct org_body *b = org_find_body(&r->o, "kredsraad");
	assert_int_equal(b->freq.min_per_year, 3);
	b = org_find_body(&r->o, "lokalraad");
	assert_int_equal(b->freq.min_per_year, 4);
	assert_false(b->named_individuals);
	b = org_find_body(&r->o, "ssp-styregruppe");
	assert_int_equal(b->freq.min_per_year, 4);
	assert_true(b->freq.ad_hoc);
	assert_int_equal(b->wheel_themes.nr, 4);
	b = org_find_body(&r->o, "paragraf-115");
	assert_int_equal(b->freq.every_days, 14);
	assert_true(b->named_individuals);
	b = org_find_body(&r->o, "hotspot");
	assert_int_equal(frequency_month_count(&b->freq), 8);
	assert_false(b->named_individuals);
	b = org_find_body(&r->o, "ssp-distriktsmoede");
	assert_true(b->freq.per_district);
	assert_int_equal(b->freq.min_per_year, 2);
	assert_int_equal(b->freq.max_per_year, 3);
	assert_false(b->named_individuals);
	/* the strategy's own reason, where it gives one, and only there */
	assert_non_null(strstr(b->named_reason, "Konkrete sager drøftes ikke her"));
	assert_null(org_find_body(&r->o, "hotspot")->named_reason);
	assert_null(org_find_body(&r->o, "kredsraad")->named_reason);
	b = org_find_body(&r->o, "ssp-skolenetvaerk");
	assert_int_equal(b->freq.min_per_year, 1);
	b = org_find_body(&r->o, "infohus-kommune");
	assert_true(b->freq.ad_hoc);
	assert_true(b->named_individuals);
	b = org_find_body(&r->o, "paragraf-115-ad-hoc");
	assert_true(b->freq.ad_hoc);
	assert_true(b->named_individuals);
	b = org_find_body(&r->o, "ssp-team");
	assert_int_equal(b->tasks.nr, 9);
	for (size_t i = 0; i < r->o.institutions_nr; i++)
		assert_true(r->o.institutions[i].example);
	done(r);
	strbuf_release(&sb);
}

static void parent_ring_and_inline_comment(void **state)
{
	(void)state;
	struct result *r =
	    run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = politisk\nformål = x\n"
			"ansvarlig = x\nfrekvens = ad hoc\nnavngivne-personer = nej\n"
			"under = b\n"
			"[organ \"b\"]\nnavn = B\nniveau = politisk\nformål = x\n"
			"ansvarlig = x\nfrekvens = ad hoc\nnavngivne-personer = nej\n"
			"under = a\n"
			"note ; x = y\n"
			"dette er forkert\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 13, "ring");
	expect_error(r, 21, "ring");
	/* inih reads " ;" as a comment: that line has no "=" and must be named */
	expect_error(r, 29, "starter en kommentar");
	expect_error(r, 30, "hverken");
	done(r);
}

/* Enumerated values are case-insensitive; a weekday in the frequency and
 * in "ugedag" must agree; "undtagen i skoleferierne" needs "ferieuger". */
static void coordinator_forms(void **state)
{
	(void)state;
	struct result *r = run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = Udførende\n"
				       "formål = x\nansvarlig = x\nfrekvens = Hver anden Torsdag\n"
				       "navngivne-personer = Ja\nugedag = TORSDAG\n"
				       "fokusomraader-aar = Lige\n"
				       "[institution \"s\"]\nnavn = S\ntype = Skole\n"
				       "distrikt = nord\n");
	diags_print(&r->d, stderr);
	assert_int_equal(r->rc, 0);
	assert_int_equal(r->o.bodies[0].level, LEVEL_EXECUTING);
	assert_true(r->o.bodies[0].named_individuals);
	assert_int_equal(r->o.bodies[0].weekday, 4);
	assert_int_equal(r->o.bodies[0].freq.every_days, 14);
	assert_int_equal(r->o.institutions[0].kind, INST_SCHOOL);
	done(r);

	/* line 13 is the section; 18 frekvens; 20 ugedag */
	r = run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = udførende\n"
			"formål = x\nansvarlig = x\nfrekvens = hver mandag\n"
			"navngivne-personer = nej\nugedag = fredag\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 20, "frekvensen siger mandag");
	done(r);

	r = run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = udførende\n"
			"formål = x\nansvarlig = x\nfrekvens = hver uge undtagen i skoleferierne\n"
			"navngivne-personer = nej\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 18, "ferieuger");
	done(r);

	/* tidligere-id: not an id in use, not claimed twice (sections on 13, 21) */
	r = run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = udførende\n"
			"formål = x\nansvarlig = x\nfrekvens = ad hoc\n"
			"navngivne-personer = ja\ntidligere-id = b\n"
			"[organ \"b\"]\nnavn = B\nniveau = udførende\n"
			"formål = x\nansvarlig = x\nfrekvens = ad hoc\n"
			"navngivne-personer = ja\ntidligere-id = c\ntidligere-id = c\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 13, "stadig i brug");
	expect_error(r, 21, "mere end ét organ");
	done(r);

	/* an institution's tidligere-id: valid, not in use, claimed once
	 * (sections on 13, 18, 24) */
	r = run(MINIMAL "[institution \"a\"]\nnavn = A\ntype = skole\ndistrikt = nord\n"
			"tidligere-id = b\n"
			"[institution \"b\"]\nnavn = B\ntype = skole\ndistrikt = nord\n"
			"tidligere-id = c\ntidligere-id = Ikke gyldig\n"
			"[institution \"d\"]\nnavn = D\ntype = klub\ndistrikt = nord\n"
			"tidligere-id = c\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 13, "institution »a«: »tidligere-id« »b« er stadig i brug");
	expect_error(r, 18, "»Ikke gyldig« er ikke et gyldigt id");
	expect_error(r, 24, "mere end én institution");
	assert_int_equal(r->o.institutions[1].former_ids.nr, 2);
	done(r);

	/* mødeleder / referent: per body, or per district ("nord: ..."); an
	 * unknown unit is an error on the section line (13) */
	r = run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = udførende\n"
			"formål = x\nansvarlig = x\nfrekvens = ad hoc\n"
			"navngivne-personer = ja\nmødeleder = SSP-koordinator\n"
			"mødeleder = nord: Skoleleder i distriktet\nreferent = syd: x\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 13, "»syd«");
	assert_int_equal(r->o.bodies[0].chairs.nr, 2);
	assert_string_equal(org_role_for(&r->o.bodies[0].chairs, "nord"),
			    "Skoleleder i distriktet");
	assert_string_equal(org_role_for(&r->o.bodies[0].chairs, NULL), "SSP-koordinator");
	assert_string_equal(org_role_for(&r->o.bodies[0].chairs, "x"), "SSP-koordinator");
	assert_null(org_role_for(&r->o.bodies[0].minute_takers, NULL));
	done(r);

	/* the strategy's own reason goes only with "nej" (line 19) */
	r = run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = udførende\n"
			"formål = x\nansvarlig = x\nfrekvens = ad hoc\n"
			"navngivne-personer = ja\nnavngivne-personer-grund = fordi\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 20, "navngivne-personer-grund");
	done(r);

	r = run(MINIMAL "[organ \"a\"]\nnavn = A\nniveau = udførende\n"
			"formål = x\nansvarlig = x\nfrekvens = månedligt undtagen ferien\n"
			"navngivne-personer = nej\n");
	assert_int_equal(r->rc, -1);
	expect_error(r, 18, "undtagen");
	done(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(coordinator_forms),
	    cmocka_unit_test(minimal_ok),
	    cmocka_unit_test(continuation_and_lists),
	    cmocka_unit_test(duplicate_body),
	    cmocka_unit_test(unknown_key),
	    cmocka_unit_test(bad_frequency_and_month),
	    cmocka_unit_test(empty_and_missing),
	    cmocka_unit_test(syntax_errors),
	    cmocka_unit_test(references),
	    cmocka_unit_test(bad_values),
	    cmocka_unit_test(theme_warning),
	    cmocka_unit_test(binary_and_long_lines),
	    cmocka_unit_test(parent_ring_and_inline_comment),
	    cmocka_unit_test(shipped_hedensted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
