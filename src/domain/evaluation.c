/* evaluation.c - focus areas, KPIs and trend tags (evaluation.h). */
#include "domain/evaluation.h"

#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/concern.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

void focus_area_release(struct focus_area *f)
{
	free(f->title);
	free(f->goal);
	free(f->measure);
	strlist_clear(&f->bodies);
	strlist_clear(&f->indicators);
	strlist_clear(&f->categories);
	memset(f, 0, sizeof(*f));
}

void focus_list_release(struct focus_list *l)
{
	for (size_t i = 0; i < l->nr; i++)
		focus_area_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

bool focus_in_force(int chosen, int year)
{
	return year == chosen || year == chosen + 1;
}

static bool text_ok(const char *s, size_t max)
{
	if (!s)
		return false;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s && strlen(s) <= max;
}

int focus_validate(const struct focus_area *f, const char *const *body_ids, size_t body_nr,
		   const char **field, const char **why)
{
	if (!text_ok(f->title, FOCUS_TITLE_MAX)) {
		*field = "title";
		*why = _("skriv en titel på højst 200 tegn");
		return -1;
	}
	if (!text_ok(f->goal, FOCUS_TEXT_MAX)) {
		*field = "goal";
		*why = _("skriv et mål på højst 2000 tegn");
		return -1;
	}
	if (!text_ok(f->measure, FOCUS_TEXT_MAX)) {
		*field = "measure";
		*why = _("skriv, hvordan målet måles (højst 2000 tegn)");
		return -1;
	}
	if (!f->bodies.nr) {
		*field = "bodies";
		*why = _("vælg mindst ét forum, der bærer indsatsområdet");
		return -1;
	}
	for (size_t i = 0; i < f->bodies.nr; i++) {
		bool known = false;
		for (size_t k = 0; k < body_nr && !known; k++)
			known = !strcmp(f->bodies.v[i], body_ids[k]);
		if (!known) {
			*field = "bodies";
			*why = _("et forum findes ikke i strategien");
			return -1;
		}
	}
	if (!f->indicators.nr && !f->categories.nr) {
		*field = "indicators";
		*why = _("knyt mindst én indikator eller kriminalitetskategori til indsatsområdet");
		return -1;
	}
	return 0;
}

const char *focus_unknown_link(const struct strlist *links, const struct strlist *known)
{
	if (!known->nr)
		return NULL;
	for (size_t i = 0; i < links->nr; i++)
		if (!strlist_has(known, links->v[i]))
			return links->v[i];
	return NULL;
}

/* ---- what moved ---- */

/* The per-year sums of one indicator or category, gathered in one pass
 * over the set (a police file can hold a million rows): for every row
 * and for the "whole" rows alone (municipality-wide; crime: also the
 * whole year). */
struct year_acc {
	size_t n;
	long long sum, wsum, weight;
	bool unweighted; /* a row without respondents */
};
struct year_sums {
	struct year_acc all, whole;
};

#define YEARS (FIG_YEAR_MAX - FIG_YEAR_MIN + 1)

static void acc_add(struct year_acc *a, long v, long respondents)
{
	a->n++;
	a->sum += v;
	if (respondents == FIG_UNKNOWN || respondents <= 0) {
		a->unweighted = true;
	} else {
		a->wsum += (long long)v * respondents;
		a->weight += respondents;
	}
}

static void gather(const struct figure_set *s, const char *name, struct year_sums *ys)
{
	memset(ys, 0, YEARS * sizeof(*ys));
	for (size_t i = 0; i < s->nr; i++) {
		if (s->kind == FIG_SURVEY) {
			const struct survey_figure *r = &s->survey[i];
			if (r->year < FIG_YEAR_MIN || r->year > FIG_YEAR_MAX ||
			    strcmp(r->indicator, name))
				continue;
			struct year_sums *y = &ys[r->year - FIG_YEAR_MIN];
			acc_add(&y->all, r->share, r->respondents);
			if (!*r->district)
				acc_add(&y->whole, r->share, r->respondents);
		} else {
			const struct crime_figure *r = &s->crime[i];
			if (r->year < FIG_YEAR_MIN || r->year > FIG_YEAR_MAX ||
			    strcmp(r->category, name))
				continue;
			struct year_sums *y = &ys[r->year - FIG_YEAR_MIN];
			acc_add(&y->all, r->count, FIG_UNKNOWN);
			if (r->month == 0 && !*r->district)
				acc_add(&y->whole, r->count, FIG_UNKNOWN);
		}
	}
}

/* The value of year y: 0 with *value set, or -1 when the year has no
 * figures. */
static int value_of(enum figure_kind kind, const struct year_sums *ys, int y, long *value)
{
	if (y < FIG_YEAR_MIN || y > FIG_YEAR_MAX)
		return -1;
	const struct year_sums *x = &ys[y - FIG_YEAR_MIN];
	const struct year_acc *a = x->whole.n ? &x->whole : &x->all;
	if (!a->n)
		return -1;
	if (kind == FIG_CRIME)
		*value = (long)a->sum;
	else if (!a->unweighted && a->weight) /* rounded to the nearest hundredth */
		*value = (long)((a->wsum + a->weight / 2) / a->weight);
	else
		*value = (long)((a->sum + (long long)a->n / 2) / (long long)a->n);
	return 0;
}

static bool small(long v)
{
	return v > 0 && v < STATS_SUPPRESS_BELOW;
}

void focus_change_compute(const struct figure_set *set, const char *name, int chosen, int eval_year,
			  struct focus_change *out)
{
	memset(out, 0, sizeof(*out));
	out->kind = set->kind;
	out->name = name;
	struct year_sums *ys = xcalloc(YEARS, sizeof(*ys));
	gather(set, name, ys);
	for (int y = chosen; y >= FIG_YEAR_MIN && !out->before_year; y--)
		if (value_of(set->kind, ys, y, &out->before) == 0)
			out->before_year = y;
	for (int y = eval_year; out->before_year && y > out->before_year && !out->after_year; y--)
		if (value_of(set->kind, ys, y, &out->after) == 0)
			out->after_year = y;
	free(ys);
	if (!out->before_year)
		return;
	if (set->kind == FIG_CRIME) {
		out->before_hidden = small(out->before);
		out->after_hidden = out->after_year && small(out->after);
	}
}

/* ---- KPIs ---- */

static struct kpi kpi_of(long n)
{
	struct kpi k = {.n = n, .hidden = n > 0 && n < STATS_SUPPRESS_BELOW};
	return k;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

struct kpi kpi_median(long *v, size_t n)
{
	struct kpi k = kpi_of((long)n);
	if (!n)
		return k;
	qsort(v, n, sizeof(*v), cmp_long);
	k.value = n % 2 ? (double)v[n / 2] : ((double)v[n / 2 - 1] + (double)v[n / 2]) / 2.0;
	return k;
}

struct kpi kpi_mean(const long *v, size_t n)
{
	struct kpi k = kpi_of((long)n);
	if (!n)
		return k;
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += (double)v[i];
	k.value = sum / (double)n;
	return k;
}

struct kpi kpi_share_at_least(const long *v, size_t n, long at_least)
{
	struct kpi k = kpi_of((long)n);
	if (!n)
		return k;
	size_t hits = 0;
	for (size_t i = 0; i < n; i++)
		hits += v[i] >= at_least;
	k.value = 100.0 * (double)hits / (double)n;
	return k;
}

struct kpi kpi_on_time(const struct action_fact *v, size_t n, long as_of)
{
	long due = 0, on_time = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].cancelled || v[i].due > as_of)
			continue;
		due++;
		on_time += v[i].done != CAL_NO_DAY && v[i].done <= v[i].due;
	}
	struct kpi k = kpi_of(due);
	if (due)
		k.value = 100.0 * (double)on_time / (double)due;
	return k;
}

/* ---- trend tags ---- */

int day_quarter(long day)
{
	return (cal_date(day).m - 1) / 3 + 1;
}

void trend_count(const char *const *themes, size_t themes_nr, const char *const *districts,
		 size_t districts_nr, int year, const struct trend_tag_row *rows, size_t nr,
		 struct trend_counts *out)
{
	memset(out, 0, sizeof(*out));
	out->themes_nr = themes_nr;
	out->districts_nr = districts_nr;
	out->cells = xcalloc(themes_nr * 4 * (districts_nr + 1) + 1, sizeof(*out->cells));
	for (size_t i = 0; i < nr; i++) {
		const struct trend_tag_row *r = &rows[i];
		if (r->day == CAL_NO_DAY || cal_date(r->day).y != year)
			continue;
		size_t t = themes_nr, d = districts_nr;
		for (size_t k = 0; k < themes_nr; k++)
			if (!strcmp(themes[k], r->theme))
				t = k;
		if (t == themes_nr)
			continue;
		if (r->district) {
			for (size_t k = 0; k < districts_nr; k++)
				if (!strcmp(districts[k], r->district))
					d = k;
			if (d == districts_nr)
				continue;
		}
		int q = day_quarter(r->day);
		out->cells[(t * 4 + (size_t)(q - 1)) * (districts_nr + 1) + d]++;
		out->total++;
	}
}

long trend_cell(const struct trend_counts *c, size_t theme, int quarter, size_t district)
{
	if (theme >= c->themes_nr || quarter < 1 || quarter > 4 || district > c->districts_nr)
		return 0;
	return c->cells[(theme * 4 + (size_t)(quarter - 1)) * (c->districts_nr + 1) + district];
}

void trend_counts_release(struct trend_counts *c)
{
	free(c->cells);
	memset(c, 0, sizeof(*c));
}
