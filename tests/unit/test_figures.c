/* The pure rules of the data behind the strategy: small-cell suppression
 * with secondary suppression (domain/suppress.h, domain/figures.h), the
 * values' rules (decimal comma, thousands separators, years, age bands),
 * and the CSV reader (data/csv_import.h) on buffers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/csv_import.h"
#include "domain/figures.h"
#include "domain/suppress.h"
#include "strategy/parse.h"
#include "fixture.h"
#include "test.h"

/* ---- suppress_table ---- */

static void primary_only(void **state)
{
	(void)state;
	/* 2 x 2 without margins given as sums: nothing to recompute from */
	long v[] = {3, 10, 20, 30};
	bool h[4];
	assert_int_equal(suppress_apply(v, 4, 5, NULL, 0, h), 1);
	assert_true(h[0]);
	assert_false(h[1] || h[2] || h[3]);
	/* every count under 5 is hidden, 0 included */
	long z[] = {0, 4, 5, 100};
	assert_int_equal(suppress_apply(z, 4, 5, NULL, 0, h), 2);
	assert_true(h[0] && h[1]);
	assert_false(h[2] || h[3]);
}

/* Can cell i be recomputed from one row or column of the table, i.e. is
 * it the only hidden cell of a row or column that includes a shown total? */
static bool recomputable(const bool *h, size_t rows, size_t cols)
{
	for (size_t r = 0; r < rows; r++) {
		int n = 0;
		for (size_t c = 0; c < cols; c++)
			n += h[r * cols + c];
		if (n == 1)
			return true;
	}
	for (size_t c = 0; c < cols; c++) {
		int n = 0;
		for (size_t r = 0; r < rows; r++)
			n += h[r * cols + c];
		if (n == 1)
			return true;
	}
	return false;
}

static void secondary_in_row_and_column(void **state)
{
	(void)state;
	/* districts x categories with row totals (last column) and column
	 * totals (last row):
	 *            Tyveri  Vold  Hærværk | i alt
	 *   Vest        3     12      20   |   35
	 *   Midt       15      8      30   |   53
	 *   Øst        25     40      10   |   75
	 *   i alt      43     60      60   |  163
	 * Hiding only Vest/Tyveri (3) lets 35 - 12 - 20 give it back. */
	long v[] = {3, 12, 20, 35, 15, 8, 30, 53, 25, 40, 10, 75, 43, 60, 60, 163};
	bool h[16];
	size_t n = suppress_table(v, 4, 4, 5, h);
	assert_true(h[0]);           /* primary */
	assert_true(h[1]);           /* Vest/Vold (12): the smallest other in the row */
	assert_true(h[4]);           /* Midt/Tyveri (15): the smallest other in the column */
	assert_true(h[5]);           /* Midt/Vold (8): now the row Midt and column Vold */
	assert_false(h[3] || h[15]); /* totals stay shown */
	assert_false(recomputable(h, 4, 4));
	assert_int_equal(n, 4);
}

static void secondary_needs_the_total(void **state)
{
	(void)state;
	/* a sum of one part and its total: hiding the part hides the total */
	long v[] = {2, 2};
	size_t cells[] = {0, 1};
	struct supp_sum s = {cells, 2, 1};
	bool h[2];
	assert_int_equal(suppress_apply(v, 2, 5, &s, 1, h), 2);
	/* nothing under the threshold: nothing hidden */
	long w[] = {7, 9, 16};
	size_t c3[] = {0, 1, 2};
	struct supp_sum s3 = {c3, 3, 2};
	bool h3[3];
	assert_int_equal(suppress_apply(w, 3, 5, &s3, 1, h3), 0);
}

static void secondary_chains(void **state)
{
	(void)state;
	/* 1 row of 3 districts + total, and every cell alone in a column of
	 * its own total: hiding one pulls a neighbour, which pulls its column */
	long v[] = {1, 50, 60, 111};
	size_t row[] = {0, 1, 2, 3};
	struct supp_sum s = {row, 4, 3};
	bool h[4];
	assert_int_equal(suppress_apply(v, 4, 5, &s, 1, h), 2);
	assert_true(h[0] && h[1]);
	assert_false(h[2] || h[3]);
}

/* ---- the figures' own sums ---- */

static void crime_set_suppression(void **state)
{
	(void)state;
	struct figure_set s;
	figure_set_init(&s, FIG_CRIME);
	struct {
		int month;
		const char *district;
		long count;
	} rows[] = {{0, "", 100},   {0, "vest", 3}, {0, "midt", 40}, {0, "oest", 57},
		    {1, "vest", 2}, {2, "vest", 1}, {0, "", 9}};
	for (size_t i = 0; i < 7; i++) {
		struct crime_figure *f = figure_set_add_crime(&s);
		f->year = 2024;
		f->month = rows[i].month;
		f->category = i == 6 ? "Vold" : "Tyveri";
		f->age_band = "15-17";
		f->district = rows[i].district;
		f->count = rows[i].count;
	}
	bool h[7];
	figure_set_suppress(&s, h);
	/* Vest (3) is small; Midt (40) the smallest other district of the
	 * whole-municipality sum; the months 1 and 2 of Vest are small, and
	 * their whole-year row (3) is hidden already */
	assert_true(h[1] && h[2] && h[4] && h[5]);
	assert_false(h[0] || h[3] || h[6]);
	figure_set_release(&s);
}

static void survey_set_suppression(void **state)
{
	(void)state;
	struct figure_set s;
	figure_set_init(&s, FIG_SURVEY);
	long resp[] = {200, 4, 96, 100, FIG_UNKNOWN};
	const char *dist[] = {"", "vest", "midt", "oest", ""};
	for (size_t i = 0; i < 5; i++) {
		struct survey_figure *f = figure_set_add_survey(&s);
		f->year = 2025;
		f->indicator = i == 4 ? "Tryg" : "Hash";
		f->group = "9. klasse";
		f->district = dist[i];
		f->share = 1000;
		f->respondents = resp[i];
		f->national = FIG_UNKNOWN;
	}
	bool h[5];
	figure_set_suppress(&s, h);
	assert_true(h[1] && h[2]);          /* 4, and Midt (96) so 200 - 96 - 100 gives nothing */
	assert_false(h[0] || h[3] || h[4]); /* an unknown count is not hidden */
	figure_set_release(&s);
}

/* ---- values ---- */

static void values(void **state)
{
	(void)state;
	const char *why;
	int v;
	long l;
	char band[16];
	assert_int_equal(figure_parse_share("12,5", &v, &why), 0);
	assert_int_equal(v, 1250);
	assert_int_equal(figure_parse_share("0", &v, &why), 0);
	assert_int_equal(figure_parse_share("100", &v, &why), 0);
	assert_int_equal(v, 10000);
	assert_int_equal(figure_parse_share("7,05", &v, &why), 0);
	assert_int_equal(v, 705);
	assert_int_equal(figure_parse_share("100,01", &v, &why), -1);
	assert_int_equal(figure_parse_share("-1", &v, &why), -1);
	assert_int_equal(figure_parse_share("12.5", &v, &why), -1);
	assert_int_equal(figure_parse_share("12,555", &v, &why), -1);
	assert_int_equal(figure_parse_share("", &v, &why), -1);
	assert_int_equal(figure_parse_share("1e2", &v, &why), -1);

	assert_int_equal(figure_parse_count("1.234", &l, &why), 0);
	assert_int_equal(l, 1234);
	assert_int_equal(figure_parse_count("12.345.678", &l, &why), 0);
	assert_int_equal(l, 12345678);
	assert_int_equal(figure_parse_count("0", &l, &why), 0);
	assert_int_equal(figure_parse_count("1.23", &l, &why), -1);
	assert_int_equal(figure_parse_count("1234.567", &l, &why), -1);
	assert_int_equal(figure_parse_count(".123", &l, &why), -1);
	assert_int_equal(figure_parse_count("12,5", &l, &why), -1);
	assert_int_equal(figure_parse_count("<5", &l, &why), -1);
	assert_int_equal(figure_parse_count("9999999999999", &l, &why), -1);

	assert_int_equal(figure_parse_year("2000", &v, &why), 0);
	assert_int_equal(figure_parse_year("2100", &v, &why), 0);
	assert_int_equal(figure_parse_year("1999", &v, &why), -1);
	assert_int_equal(figure_parse_year("2101", &v, &why), -1);
	assert_int_equal(figure_parse_year("25", &v, &why), -1);

	assert_int_equal(figure_parse_month("", &v, &why), 0);
	assert_int_equal(v, 0);
	assert_int_equal(figure_parse_month("12", &v, &why), 0);
	assert_int_equal(figure_parse_month("0", &v, &why), -1);
	assert_int_equal(figure_parse_month("13", &v, &why), -1);

	assert_int_equal(figure_parse_age_band("15 - 17", 10, 25, band, &why), 0);
	assert_string_equal(band, "15-17");
	assert_int_equal(figure_parse_age_band("10-25", 10, 25, band, &why), 0);
	assert_int_equal(figure_parse_age_band("8-12", 10, 25, band, &why), -1);
	assert_int_equal(figure_parse_age_band("17-15", 10, 25, band, &why), -1);
	assert_int_equal(figure_parse_age_band("15", 10, 25, band, &why), -1);

	char buf[16];
	figure_format_share(1250, buf);
	assert_string_equal(buf, "12,5");
	figure_format_share(705, buf);
	assert_string_equal(buf, "7,05");
	figure_format_share(10000, buf);
	assert_string_equal(buf, "100");
}

/* ---- the reader ---- */

static int read_csv(enum figure_kind k, const char *text, size_t len, struct figure_set *s,
		    struct diags *d)
{
	struct org o;
	fixture_shipped(&o);
	figure_set_init(s, k);
	diags_init(d, "f.csv");
	int rc = data_csv_read(k, text, len, &o, s, d);
	org_release(&o);
	return rc;
}

static void reader_dialects(void **state)
{
	(void)state;
	struct figure_set s;
	struct diags d;
	/* BOM, CRLF, quoted ; and a line break, header in another order */
	static const char t[] = "\xef\xbb\xbf"
				"ANDEL;År;indikator;gruppe;distrikt\r\n"
				"12,5;2024;\"Hash; mindst\r\nén gang\";9. klasse;øst\r\n"
				"1;2024;'=X;9. klasse;\r\n";
	assert_int_equal(read_csv(FIG_SURVEY, t, sizeof(t) - 1, &s, &d), 0);
	assert_int_equal(s.nr, 2);
	assert_string_equal(s.survey[0].indicator, "Hash; mindst én gang");
	assert_string_equal(s.survey[0].district, "oest");
	assert_int_equal(s.survey[0].share, 1250);
	assert_int_equal(s.survey[0].respondents, FIG_UNKNOWN);
	assert_string_equal(s.survey[1].indicator, "=X"); /* the export's guard is removed */
	assert_string_equal(s.survey[1].district, "");
	assert_int_equal(d.warnings, 0);
	figure_set_release(&s);
	diags_release(&d);

	/* Windows-1252: "år" and "Øst" in single bytes */
	static const char w[] = "\xe5r;kategori;aldersgruppe;distrikt;antal\n"
				"2024;R\xf8veri;15-17;\xd8st;1.204\n";
	assert_int_equal(read_csv(FIG_CRIME, w, sizeof(w) - 1, &s, &d), 0);
	assert_int_equal(s.nr, 1);
	assert_string_equal(s.crime[0].category, "Røveri");
	assert_string_equal(s.crime[0].district, "oest");
	assert_int_equal(s.crime[0].count, 1204);
	assert_int_equal(d.warnings, 1);
	figure_set_release(&s);
	diags_release(&d);
}

static void reader_errors(void **state)
{
	(void)state;
	struct figure_set s;
	struct diags d;
	/* one good row and one bad: nothing is kept, the bad one is named */
	static const char t[] = "år;kategori;aldersgruppe;distrikt;antal\n"
				"2024;Tyveri;15-17;Vest;10\n"
				"2024;Tyveri;15-17;Nord;10\n";
	assert_int_equal(read_csv(FIG_CRIME, t, sizeof(t) - 1, &s, &d), -1);
	assert_int_equal(s.nr, 0);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 3);
	assert_non_null(strstr(d.v[0].msg, "kolonne 4 (distrikt)"));
	figure_set_release(&s);
	diags_release(&d);

	/* a multi-line quoted field: the error is on the line the field starts */
	static const char m[] = "år;kategori;aldersgruppe;distrikt;antal\n"
				"2024;\"To\nlinjer\";15-17;Vest;10\n"
				"2024;\"Tre\nlinjer\";15-17;Vest;x\n";
	assert_int_equal(read_csv(FIG_CRIME, m, sizeof(m) - 1, &s, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 5);
	figure_set_release(&s);
	diags_release(&d);

	/* more errors than are listed */
	struct strbuf many = STRBUF_INIT;
	strbuf_addstr(&many, "år;kategori;aldersgruppe;distrikt;antal\n");
	for (int i = 0; i < DATA_CSV_MAX_ERRORS + 10; i++)
		strbuf_addstr(&many, "1999;T;15-17;Vest;1\n");
	assert_int_equal(read_csv(FIG_CRIME, many.buf, many.len, &s, &d), -1);
	assert_int_equal(d.errors, DATA_CSV_MAX_ERRORS + 1);
	assert_non_null(strstr(d.v[d.nr - 1].msg, "10 fejl mere"));
	strbuf_release(&many);
	figure_set_release(&s);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(primary_only),
	    cmocka_unit_test(secondary_in_row_and_column),
	    cmocka_unit_test(secondary_needs_the_total),
	    cmocka_unit_test(secondary_chains),
	    cmocka_unit_test(crime_set_suppression),
	    cmocka_unit_test(survey_set_suppression),
	    cmocka_unit_test(values),
	    cmocka_unit_test(reader_dialects),
	    cmocka_unit_test(reader_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
