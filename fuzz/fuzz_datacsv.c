/* fuzz_datacsv.c - libFuzzer target for the CSV import of the survey and
 * police figures (data/csv_import.c).
 *
 * The first byte picks the kind (even: ungeprofil, odd: kriminalitet);
 * the rest is the file. Checks the promises of data_csv_read(): it never
 * crashes, returns 0 exactly when it reported no errors, keeps no row of
 * a file with errors, and every row it keeps follows the rules of
 * domain/figures.h (years, months, shares, counts, known districts,
 * age bands within the target group, valid UTF-8 without control
 * characters, unique keys).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "data/csv_import.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s)
{
	size_t n = strlen(s);
	if (!utf8_valid(s, n, NULL))
		abort();
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			abort();
}

static void check_district(const struct org *o, const char *d)
{
	if (*d && !org_find_district(o, d))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	enum figure_kind kind = (data[0] & 1) ? FIG_CRIME : FIG_SURVEY;
	struct org o;
	org_init(&o);
	o.age_min = 10;
	o.age_max = 25;
	const char *ids[] = {"vest", "midt", "oest"}, *names[] = {"Vest", "Midt", "Øst"};
	for (size_t i = 0; i < 3; i++) {
		struct org_district *d = org_add_district(&o);
		d->id = strdup(ids[i]);
		d->name = strdup(names[i]);
	}
	struct figure_set s;
	figure_set_init(&s, kind);
	struct diags d;
	diags_init(&d, "fuzz.csv");
	int rc = data_csv_read(kind, (const char *)data + 1, size - 1, &o, &s, &d);
	if ((rc == 0) != (d.errors == 0))
		abort();
	if (rc < 0 && s.nr)
		abort();
	for (size_t i = 0; i < s.nr; i++) {
		if (kind == FIG_SURVEY) {
			const struct survey_figure *f = &s.survey[i];
			if (f->year < FIG_YEAR_MIN || f->year > FIG_YEAR_MAX || f->share < 0 ||
			    f->share > 10000 || (f->national != FIG_UNKNOWN && f->national < 0) ||
			    f->national > 10000 ||
			    (f->respondents < 0 && f->respondents != FIG_UNKNOWN))
				abort();
			check_text(f->indicator);
			check_text(f->group);
			if (!*f->indicator || !*f->group)
				abort();
			check_district(&o, f->district);
			if (i && survey_key_cmp(f, &s.survey[i - 1]) == 0)
				abort();
		} else {
			const struct crime_figure *f = &s.crime[i];
			if (f->year < FIG_YEAR_MIN || f->year > FIG_YEAR_MAX || f->month < 0 ||
			    f->month > 12 || f->count < 0)
				abort();
			check_text(f->category);
			if (!*f->category)
				abort();
			int a, b;
			char rest;
			if (sscanf(f->age_band, "%d-%d%c", &a, &b, &rest) != 2 || a < 10 ||
			    b > 25 || a > b)
				abort();
			check_district(&o, f->district);
		}
	}
	bool *hidden = calloc(s.nr + 1, sizeof(*hidden));
	figure_set_suppress(&s, hidden);
	for (size_t i = 0; i < s.nr; i++)
		if (kind == FIG_CRIME && s.crime[i].count < FIG_SUPPRESS_BELOW && !hidden[i])
			abort();
	free(hidden);
	figure_set_release(&s);
	diags_release(&d);
	org_release(&o);
	return 0;
}
