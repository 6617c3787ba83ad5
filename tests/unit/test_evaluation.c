/* The yearly evaluation's pure rules (domain/evaluation.h): the KPIs with
 * small-number hiding [K-SMALL], focus areas in force [F-FORCE], their
 * validation [F-VALID], what moved [F-CHANGE], and trend counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/evaluation.h"
#include "render/report.h"
#include "test.h"

static void median_odd_even_and_small(void **state)
{
	(void)state;
	long odd[] = {17, 12, 15, 14, 13};
	struct kpi k = kpi_median(odd, 5);
	assert_int_equal(k.n, 5);
	assert_false(k.hidden);
	assert_true(k.value == 14.0);
	long even[] = {10, 16, 12, 14, 11, 18};
	k = kpi_median(even, 6);
	assert_true(k.value == 13.0); /* (12 + 14) / 2 */
	/* [K-SMALL]: a median of four ages says too much about four young people */
	long four[] = {12, 13, 14, 15};
	k = kpi_median(four, 4);
	assert_true(k.hidden);
	assert_int_equal(k.n, 4);
	k = kpi_median(NULL, 0);
	assert_int_equal(k.n, 0);
	assert_false(k.hidden); /* nothing to hide: "ingen data" */
}

static void mean_and_share(void **state)
{
	(void)state;
	long sectors[] = {1, 2, 3, 2, 1, 3};
	struct kpi k = kpi_mean(sectors, 6);
	assert_true(k.value == 2.0);
	k = kpi_share_at_least(sectors, 6, 2);
	assert_true(k.value > 66.66 && k.value < 66.67);
	long three[] = {1, 2, 3};
	assert_true(kpi_mean(three, 3).hidden);
	assert_true(kpi_share_at_least(three, 3, 2).hidden);
}

static void on_time(void **state)
{
	(void)state;
	long d = cal_ymd(2026, 3, 1);
	struct action_fact a[] = {
	    {d, d - 1, false},            /* done before its deadline */
	    {d, d, false},                /* done on the day: in time */
	    {d, d + 1, false},            /* late */
	    {d, CAL_NO_DAY, false},       /* not done */
	    {d, CAL_NO_DAY, true},        /* cancelled: left out */
	    {d + 100, CAL_NO_DAY, false}, /* not yet due as of d + 10: left out */
	    {d - 5, d - 6, false},
	};
	struct kpi k = kpi_on_time(a, 7, d + 10);
	assert_int_equal(k.n, 5);
	assert_false(k.hidden);
	assert_true(k.value == 60.0); /* 3 of 5 */
	k = kpi_on_time(a, 3, d + 10);
	assert_true(k.hidden);
}

static void in_force(void **state)
{
	(void)state;
	assert_true(focus_in_force(2026, 2026));
	assert_true(focus_in_force(2026, 2027));
	assert_false(focus_in_force(2026, 2028));
	assert_false(focus_in_force(2026, 2025));
}

static void validate(void **state)
{
	(void)state;
	const char *ids[] = {"ssp-styregruppe", "hotspot"};
	struct focus_area f = {
	    .year = 2026, .title = "Rusmidler", .goal = "Færre", .measure = "Andel"};
	const char *field = NULL, *why = NULL;
	assert_int_equal(focus_validate(&f, ids, 2, &field, &why), -1);
	assert_string_equal(field, "bodies");
	strlist_add(&f.bodies, "hotspot");
	assert_int_equal(focus_validate(&f, ids, 2, &field, &why), -1);
	assert_string_equal(field, "indicators");
	strlist_add(&f.indicators, "Har prøvet hash");
	assert_int_equal(focus_validate(&f, ids, 2, &field, &why), 0);
	strlist_add(&f.bodies, "findes-ikke");
	assert_int_equal(focus_validate(&f, ids, 2, &field, &why), -1);
	assert_string_equal(field, "bodies");
	f.title = "   ";
	assert_int_equal(focus_validate(&f, ids, 2, &field, &why), -1);
	assert_string_equal(field, "title");
	strlist_clear(&f.bodies);
	strlist_clear(&f.indicators);
}

/* A focus area's link must be a name the imported figures use, once
 * there are figures of that kind. */
static void unknown_links(void **state)
{
	(void)state;
	struct strlist links = STRLIST_INIT, known = STRLIST_INIT;
	strlist_add(&links, "Har prøvet hash");
	strlist_add(&links, "Har prøvet hassh");
	assert_null(focus_unknown_link(&links, &known)); /* nothing imported yet */
	strlist_add(&known, "Drikker alkohol");
	strlist_add(&known, "Har prøvet hash");
	assert_string_equal(focus_unknown_link(&links, &known), "Har prøvet hassh");
	strlist_add(&known, "Har prøvet hassh");
	assert_null(focus_unknown_link(&links, &known));
	strlist_clear(&links);
	strlist_clear(&known);
}

static void survey_row(struct figure_set *s, int y, const char *ind, const char *grp,
		       const char *dist, int share, long resp)
{
	struct survey_figure *r = figure_set_add_survey(s);
	r->year = y;
	r->indicator = strpool_intern(&s->pool, ind, strlen(ind));
	r->group = strpool_intern(&s->pool, grp, strlen(grp));
	r->district = strpool_intern(&s->pool, dist, strlen(dist));
	r->share = share;
	r->respondents = resp;
	r->national = FIG_UNKNOWN;
}

static void crime_row(struct figure_set *s, int y, int m, const char *cat, const char *dist, long n)
{
	struct crime_figure *r = figure_set_add_crime(s);
	r->year = y;
	r->month = m;
	r->category = strpool_intern(&s->pool, cat, strlen(cat));
	r->age_band = strpool_intern(&s->pool, "15-17", strlen("15-17"));
	r->district = strpool_intern(&s->pool, dist, strlen(dist));
	r->count = n;
}

static void change(void **state)
{
	(void)state;
	struct figure_set s;
	figure_set_init(&s, FIG_SURVEY);
	/* 2024: whole municipality, two grades weighted by respondents */
	survey_row(&s, 2024, "Hash", "8. klasse", "", 1000, 100);
	survey_row(&s, 2024, "Hash", "9. klasse", "", 2000, 300);
	survey_row(&s, 2024, "Hash", "9. klasse", "vest", 9000, 10); /* not the whole: ignored */
	survey_row(&s, 2027, "Hash", "9. klasse", "", 1250, 50);
	survey_row(&s, 2029, "Hash", "9. klasse", "", 100, 50); /* after the evaluation year */
	struct focus_change c;
	focus_change_compute(&s, "Hash", 2026, 2028, &c);
	assert_int_equal(c.before_year, 2024);
	assert_int_equal(c.before, 1750); /* (1000*100 + 2000*300) / 400 */
	assert_int_equal(c.after_year, 2027);
	assert_int_equal(c.after, 1250);
	focus_change_compute(&s, "Ukendt", 2026, 2028, &c);
	assert_int_equal(c.before_year, 0);
	figure_set_release(&s);

	figure_set_init(&s, FIG_CRIME);
	crime_row(&s, 2025, 0, "Tyveri", "", 3);      /* whole year, whole municipality */
	crime_row(&s, 2025, 1, "Tyveri", "vest", 2);  /* detail: not added on top */
	crime_row(&s, 2027, 3, "Tyveri", "vest", 40); /* no whole row: the sum */
	crime_row(&s, 2027, 4, "Tyveri", "oest", 2);
	focus_change_compute(&s, "Tyveri", 2026, 2027, &c);
	assert_int_equal(c.before_year, 2025);
	assert_int_equal(c.before, 3);
	assert_true(c.before_hidden); /* [K-SMALL] */
	assert_int_equal(c.after, 42);
	assert_false(c.after_hidden);
	figure_set_release(&s);
}

static void trends(void **state)
{
	(void)state;
	const char *themes[] = {"Rusmidler", "Kriminalitet"};
	const char *districts[] = {"vest", "oest"};
	struct trend_tag_row rows[] = {
	    {"Rusmidler", "vest", cal_ymd(2026, 2, 1)},
	    {"Rusmidler", "vest", cal_ymd(2026, 3, 31)},
	    {"Rusmidler", NULL, cal_ymd(2026, 4, 1)},
	    {"Kriminalitet", "oest", cal_ymd(2026, 12, 31)},
	    {"Ukendt", "vest", cal_ymd(2026, 2, 1)},      /* not a theme: left out */
	    {"Rusmidler", "midt", cal_ymd(2026, 2, 1)},   /* not a district: left out */
	    {"Rusmidler", "vest", cal_ymd(2025, 12, 31)}, /* another year */
	};
	struct trend_counts c;
	trend_count(themes, 2, districts, 2, 2026, rows, 7, &c);
	assert_int_equal(c.total, 4);
	assert_int_equal(trend_cell(&c, 0, 1, 0), 2);
	assert_int_equal(trend_cell(&c, 0, 2, 2), 1); /* no district: the last column */
	assert_int_equal(trend_cell(&c, 1, 4, 1), 1);
	assert_int_equal(trend_cell(&c, 1, 1, 1), 0);
	assert_int_equal(trend_cell(&c, 5, 1, 1), 0); /* out of range */
	trend_counts_release(&c);
	assert_int_equal(day_quarter(cal_ymd(2026, 9, 30)), 3);
	assert_int_equal(day_quarter(cal_ymd(2026, 10, 1)), 4);
}

/* A table or chart handed out by report_table()/report_bars() stays valid
 * while more blocks are added (the evaluation fills a table and a chart
 * side by side): under ASan a moved block would be a use after free. */
static void report_blocks_stay(void **state)
{
	(void)state;
	struct report r;
	report_init(&r, "Titel", NULL);
	struct report_block *t = report_table(&r, 2);
	struct report_block *b = report_bars(&r, "Diagram", "");
	for (int i = 0; i < 100; i++) {
		report_p(&r, "afsnit %d", i);
		report_row(t, (const char *const[]){"a", "b"});
		report_bar(b, "x", i, i < 5);
	}
	assert_int_equal(t->cells.nr, 200);
	assert_int_equal(b->labels.nr, 100);
	struct strbuf sb = STRBUF_INIT;
	report_text(&r, &sb);
	assert_non_null(strstr(sb.buf, "  x: <5\n"));
	assert_non_null(strstr(sb.buf, "  x: 99\n"));
	strbuf_release(&sb);
	report_html(&r, &sb);
	assert_non_null(strstr(sb.buf, "<th scope=\"row\">a</th><td>b</td>"));
	strbuf_release(&sb);
	report_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(median_odd_even_and_small),
	    cmocka_unit_test(mean_and_share),
	    cmocka_unit_test(on_time),
	    cmocka_unit_test(in_force),
	    cmocka_unit_test(unknown_links),
	    cmocka_unit_test(validate),
	    cmocka_unit_test(change),
	    cmocka_unit_test(trends),
	    cmocka_unit_test(report_blocks_stay),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
