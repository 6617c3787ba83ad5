#include "domain/figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/suppress.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

static const char *const kind_ids[FIG__COUNT] = {"ungeprofil", "kriminalitet"};
static const char *const kind_labels[FIG__COUNT] = {N_("Ungeprofilundersøgelsen"),
						    N_("Politiets kriminalitetstal")};

const char *figure_kind_id(enum figure_kind k)
{
	return k < FIG__COUNT ? kind_ids[k] : "?";
}

const char *figure_kind_label(enum figure_kind k)
{
	return k < FIG__COUNT ? _(kind_labels[k]) : "?";
}

int figure_kind_parse(const char *s, enum figure_kind *out)
{
	for (int k = 0; k < FIG__COUNT; k++) {
		if (s && !strcmp(s, kind_ids[k])) {
			*out = (enum figure_kind)k;
			return 0;
		}
	}
	return -1;
}

void figure_set_init(struct figure_set *s, enum figure_kind kind)
{
	memset(s, 0, sizeof(*s));
	s->kind = kind;
}

void figure_set_release(struct figure_set *s)
{
	free(s->survey);
	free(s->crime);
	strpool_release(&s->pool);
	enum figure_kind k = s->kind;
	memset(s, 0, sizeof(*s));
	s->kind = k;
}

struct survey_figure *figure_set_add_survey(struct figure_set *s)
{
	ALLOC_GROW(s->survey, s->nr + 1, s->alloc);
	struct survey_figure *f = &s->survey[s->nr++];
	memset(f, 0, sizeof(*f));
	return f;
}

struct crime_figure *figure_set_add_crime(struct figure_set *s)
{
	ALLOC_GROW(s->crime, s->nr + 1, s->alloc);
	struct crime_figure *f = &s->crime[s->nr++];
	memset(f, 0, sizeof(*f));
	return f;
}

static int icmp(long a, long b)
{
	return (a > b) - (a < b);
}

int survey_key_cmp(const struct survey_figure *a, const struct survey_figure *b)
{
	int c = icmp(a->year, b->year);
	if (!c)
		c = strcmp(a->indicator, b->indicator);
	if (!c)
		c = strcmp(a->group, b->group);
	if (!c)
		c = strcmp(a->district, b->district);
	return c;
}

int crime_key_cmp(const struct crime_figure *a, const struct crime_figure *b)
{
	int c = icmp(a->year, b->year);
	if (!c)
		c = icmp(a->month, b->month);
	if (!c)
		c = strcmp(a->category, b->category);
	if (!c)
		c = strcmp(a->age_band, b->age_band);
	if (!c)
		c = strcmp(a->district, b->district);
	return c;
}

/* ---- values ---- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Digits only, 1..maxd of them, into *out. */
static int digits(const char *s, int maxd, long *out)
{
	long v = 0;
	int n = 0;
	for (; is_digit(*s); s++, n++) {
		if (n >= maxd)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (!n || *s)
		return -1;
	*out = v;
	return 0;
}

int figure_parse_year(const char *s, int *out, const char **why)
{
	long v;
	if (digits(s, 4, &v) < 0) {
		*why = _("året skal være et årstal som 2025");
		return -1;
	}
	if (v < FIG_YEAR_MIN || v > FIG_YEAR_MAX) {
		*why = _("året skal ligge fra 2000 til 2100");
		return -1;
	}
	*out = (int)v;
	return 0;
}

int figure_parse_month(const char *s, int *out, const char **why)
{
	long v;
	if (!*s) {
		*out = 0;
		return 0;
	}
	if (digits(s, 2, &v) < 0 || v < 1 || v > 12) {
		*why = _("måneden skal være et tal fra 1 til 12 eller tom (hele året)");
		return -1;
	}
	*out = (int)v;
	return 0;
}

int figure_parse_share(const char *s, int *out, const char **why)
{
	if (strchr(s, '.')) {
		*why = _("brug decimalkomma, ikke punktum (12,5)");
		return -1;
	}
	if (*s == '-') {
		*why = _("andelen må ikke være negativ; den skal ligge fra 0 til 100");
		return -1;
	}
	const char *comma = strchr(s, ',');
	long whole, frac = 0;
	int fd = 0;
	char head[8];
	size_t hl = comma ? (size_t)(comma - s) : strlen(s);
	if (hl >= sizeof(head)) {
		*why = _("andelen skal være et tal fra 0 til 100");
		return -1;
	}
	memcpy(head, s, hl);
	head[hl] = '\0';
	if (digits(head, 3, &whole) < 0) {
		*why = _("andelen skal være et tal fra 0 til 100 med decimalkomma (12,5)");
		return -1;
	}
	if (comma) {
		fd = (int)strlen(comma + 1);
		if (fd < 1 || fd > 2 || digits(comma + 1, 2, &frac) < 0) {
			*why = _("andelen må have højst to decimaler efter kommaet (12,25)");
			return -1;
		}
		if (fd == 1)
			frac *= 10;
	}
	long v = whole * 100 + frac;
	if (v > 10000) {
		*why = _("andelen er over 100; den skal ligge fra 0 til 100 (procent)");
		return -1;
	}
	*out = (int)v;
	return 0;
}

int figure_parse_count(const char *s, long *out, const char **why)
{
	if (*s == '<') {
		*why = _("et skjult tal (som »<5« fra en eksport) kan ikke importeres; brug "
			 "kildens egne tal");
		return -1;
	}
	if (*s == '-') {
		*why = _("antallet må ikke være negativt");
		return -1;
	}
	if (strchr(s, ',')) {
		*why = _("antallet skal være et helt tal");
		return -1;
	}
	long v = 0;
	if (!strchr(s, '.')) {
		if (digits(s, 12, &v) < 0) {
			*why = _("antallet skal være et helt tal (fx 1234)");
			return -1;
		}
		*out = v;
		return 0;
	}
	/* Danish thousands separators: 1-3 digits, then groups ".ddd". */
	const char *p = s;
	int lead = 0;
	for (; is_digit(*p); p++, lead++)
		v = v * 10 + (*p - '0');
	if (lead < 1 || lead > 3)
		goto bad;
	int groups = 0;
	while (*p == '.') {
		p++;
		for (int k = 0; k < 3; k++, p++) {
			if (!is_digit(*p))
				goto bad;
			v = v * 10 + (*p - '0');
		}
		if (++groups > 3)
			goto bad;
	}
	if (*p)
		goto bad;
	*out = v;
	return 0;
bad:
	*why = _("antallet har et punktum, der ikke er en tusindtalsseparator; skriv et helt tal "
		 "som 1234 eller 1.234");
	return -1;
}

int figure_parse_age_band(const char *s, int age_min, int age_max, char buf[16], const char **why)
{
	const char *dash = strchr(s, '-');
	long a, b;
	char x[8], y[8];
	if (!dash)
		goto bad;
	const char *p = s, *e = dash;
	while (*p == ' ')
		p++;
	while (e > p && e[-1] == ' ')
		e--;
	if ((size_t)(e - p) >= sizeof(x))
		goto bad;
	memcpy(x, p, (size_t)(e - p));
	x[e - p] = '\0';
	p = dash + 1;
	while (*p == ' ')
		p++;
	e = p + strlen(p);
	while (e > p && e[-1] == ' ')
		e--;
	if ((size_t)(e - p) >= sizeof(y))
		goto bad;
	memcpy(y, p, (size_t)(e - p));
	y[e - p] = '\0';
	if (digits(x, 3, &a) < 0 || digits(y, 3, &b) < 0 || a > b)
		goto bad;
	if (a < age_min || b > age_max) {
		*why =
		    _("aldersgruppen ligger uden for strategiens målgruppe (se [kommune] alder i "
		      "strategifilen)");
		return -1;
	}
	snprintf(buf, 16, "%ld-%ld", a, b);
	return 0;
bad:
	*why = _("aldersgruppen skal skrives FRA-TIL, fx 10-14, 15-17 eller 18-25");
	return -1;
}

void figure_format_share(int v, char buf[16])
{
	int whole = v / 100, frac = v % 100;
	if (!frac)
		snprintf(buf, 16, "%d", whole);
	else if (frac % 10 == 0)
		snprintf(buf, 16, "%d,%d", whole, frac / 10);
	else
		snprintf(buf, 16, "%d,%02d", whole, frac);
}

/* ---- suppression ---- */

/* Orders pointers to rows by a key that leaves out one dimension, so the
 * rows that differ only in it (the parts of one sum) are neighbours. */
static int crime_cmp_but(const struct crime_figure *a, const struct crime_figure *b, int leave_out)
{
	int c = icmp(a->year, b->year);
	if (!c && leave_out != 1)
		c = icmp(a->month, b->month);
	if (!c)
		c = strcmp(a->category, b->category);
	if (!c)
		c = strcmp(a->age_band, b->age_band);
	if (!c && leave_out != 0)
		c = strcmp(a->district, b->district);
	return c;
}

static int crime_but_district(const void *pa, const void *pb)
{
	return crime_cmp_but(*(const struct crime_figure *const *)pa,
			     *(const struct crime_figure *const *)pb, 0);
}

static int crime_but_month(const void *pa, const void *pb)
{
	return crime_cmp_but(*(const struct crime_figure *const *)pa,
			     *(const struct crime_figure *const *)pb, 1);
}

static int survey_but_district(const void *pa, const void *pb)
{
	const struct survey_figure *a = *(const struct survey_figure *const *)pa;
	const struct survey_figure *b = *(const struct survey_figure *const *)pb;
	int c = icmp(a->year, b->year);
	if (!c)
		c = strcmp(a->indicator, b->indicator);
	if (!c)
		c = strcmp(a->group, b->group);
	return c;
}

/* Appends the sums along one dimension to *sums: runs of rows equal but
 * for that dimension, when the run holds its total (the whole
 * municipality, leave_out 0, or the whole year, leave_out 1). rows[0..n)
 * point into the set's array of size elem; cells (n elements) receives
 * the runs as indexes. */
static void add_sums(enum figure_kind kind, const void *base, size_t elem, const void **rows,
		     size_t n, int leave_out, int (*cmp)(const void *, const void *), size_t *cells,
		     struct supp_sum **sums, size_t *nsums, size_t *alloc)
{
	qsort(rows, n, sizeof(*rows), cmp);
	for (size_t i = 0; i < n; i++)
		cells[i] = (size_t)((const char *)rows[i] - (const char *)base) / elem;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && cmp(&rows[i], &rows[j]) == 0)
			j++;
		size_t total = (size_t)-1;
		for (size_t k = i; k < j; k++) {
			bool is_total;
			if (kind == FIG_SURVEY)
				is_total =
				    ((const struct survey_figure *)rows[k])->district[0] == '\0';
			else if (leave_out == 0)
				is_total =
				    ((const struct crime_figure *)rows[k])->district[0] == '\0';
			else
				is_total = ((const struct crime_figure *)rows[k])->month == 0;
			if (is_total)
				total = cells[k];
		}
		if (j - i >= 2 && total != (size_t)-1) {
			ALLOC_GROW(*sums, *nsums + 1, *alloc);
			(*sums)[(*nsums)++] = (struct supp_sum){cells + i, j - i, total};
		}
		i = j;
	}
}

void figure_set_suppress(const struct figure_set *s, bool *hidden)
{
	size_t n = s->nr;
	if (!n)
		return;
	long *counts = xcalloc(n, sizeof(*counts));
	const void **rows = xcalloc(n, sizeof(*rows));
	size_t *cells = xcalloc(2 * n, sizeof(*cells));
	struct supp_sum *sums = NULL;
	size_t nsums = 0, alloc = 0, m = 0;
	if (s->kind == FIG_CRIME) {
		for (size_t i = 0; i < n; i++) {
			counts[i] = s->crime[i].count;
			rows[i] = &s->crime[i];
		}
		add_sums(FIG_CRIME, s->crime, sizeof(*s->crime), rows, n, 0, crime_but_district,
			 cells, &sums, &nsums, &alloc);
		for (size_t i = 0; i < n; i++)
			rows[i] = &s->crime[i];
		add_sums(FIG_CRIME, s->crime, sizeof(*s->crime), rows, n, 1, crime_but_month,
			 cells + n, &sums, &nsums, &alloc);
	} else {
		/* a row without a respondent count is in no sum and never hidden
		 * for being small: its share is not a count */
		for (size_t i = 0; i < n; i++) {
			bool known = s->survey[i].respondents != FIG_UNKNOWN;
			counts[i] = known ? s->survey[i].respondents : FIG_SUPPRESS_BELOW;
			if (known)
				rows[m++] = &s->survey[i];
		}
		add_sums(FIG_SURVEY, s->survey, sizeof(*s->survey), rows, m, 0, survey_but_district,
			 cells, &sums, &nsums, &alloc);
	}
	suppress_apply(counts, n, FIG_SUPPRESS_BELOW, sums, nsums, hidden);
	free(counts);
	free(rows);
	free(cells);
	free(sums);
}
