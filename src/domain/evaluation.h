/* evaluation.h - the yearly evaluation's rules: focus areas, the
 * strategy's principles as key figures (KPIs), and trend tags counted per
 * quarter and district. Pure: no I/O; the service gathers the inputs from
 * the store (store/evaluation_store.c) and the doors render the result.
 *
 * The strategy (seed, "Formål") asks that the effort be early,
 * cross-sectoral and coherent; the steering group "udpeger hvert 2. år
 * strategiske indsatsområder ... ud fra data" and "årligt vurderer" the
 * plan. The KPIs below turn those words into numbers:
 *
 *   [K-EARLY-AGE]   the median age at a young person's first concern
 *   [K-EARLY-DAYS]  the median days from the police contact (hand-over)
 *                   to the first action on the concern it became
 *   [K-CROSS]       the mean number of sectors (owner organisations of
 *                   actions) per concern, and the share with two or more
 *   [K-COHERENT]    the share of actions due in the year that were done
 *                   by their deadline
 *
 * [K-SMALL] A figure computed over fewer than STATS_SUPPRESS_BELOW
 * persons, concerns or actions is hidden ("<5"), as the statistics are:
 * a median of three ages says too much about three young people.
 */
#ifndef SSP_EVALUATION_H
#define SSP_EVALUATION_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/figures.h"
#include "util/strlist.h"

/* ---- focus areas (strategiske indsatsområder) ---- */

#define FOCUS_TITLE_MAX 200
#define FOCUS_TEXT_MAX  2000

/* One focus area as the steering group records it. Strings owned. */
struct focus_area {
	long long id;
	int year; /* the focus-area year it was chosen in */
	char *title, *goal, *measure;
	struct strlist bodies;     /* ids of the bodies that carry it */
	struct strlist indicators; /* survey indicators it rests on */
	struct strlist categories; /* police offence categories it rests on */
};

struct focus_list {
	struct focus_area *v;
	size_t nr, alloc;
};

void focus_area_release(struct focus_area *f);
void focus_list_release(struct focus_list *l);

/* [F-FORCE] A focus area chosen in `chosen` is in force that year and the
 * next (the strategy: chosen every second year). */
bool focus_in_force(int chosen, int year);

/* [F-VALID] Checks f against the strategy's bodies (ids in body_ids,
 * body_nr of them): a title (1..FOCUS_TITLE_MAX bytes), a goal and a
 * measure (1..FOCUS_TEXT_MAX), at least one body, every body known, at
 * least one indicator or category. 0, or -1 with *field (the JSON and
 * form field) and *why (Danish, translated) set. */
int focus_validate(const struct focus_area *f, const char *const *body_ids, size_t body_nr,
		   const char **field, const char **why);
/* The first of links (a focus area's indicators or categories) that known,
 * the names the stored figures of that kind use, does not hold; NULL when
 * all are known, and when known is empty: before the first import any
 * name may come. */
const char *focus_unknown_link(const struct strlist *links, const struct strlist *known);

/* What moved: a linked indicator or category before the focus area was
 * chosen and by the evaluation year. */
struct focus_change {
	enum figure_kind kind;
	const char *name;                 /* borrowed from the focus area */
	int before_year;                  /* 0: no figures */
	int after_year;                   /* 0: no figures after before_year */
	long before, after;               /* survey: share in hundredths of a percent;
					     crime: the year's count */
	bool before_hidden, after_hidden; /* [K-SMALL] crime counts under 5 */
};

/* [F-CHANGE] Before: the latest year <= chosen with figures for name;
 * after: the latest year in (before_year, eval_year]. Survey: the
 * municipality-wide rows (district "") of the indicator, their shares
 * averaged over the groups, weighted by respondents when every row has
 * them; when the year has no municipality-wide row, every row. Crime:
 * the category's count in the year, from the whole-year municipality
 * rows (month 0, district "") when there are any, else the sum of the
 * rows; 1..4 is hidden. set must be of kind. */
void focus_change_compute(const struct figure_set *set, const char *name, int chosen, int eval_year,
			  struct focus_change *out);

/* ---- the principles as KPIs ---- */

/* One KPI: over n items; hidden when 0 < n < STATS_SUPPRESS_BELOW
 * ([K-SMALL]); value undefined when n is 0 or hidden. */
struct kpi {
	long n;
	bool hidden;
	double value;
};

/* The median of v[0..n) (sorted in place; the mean of the middle two when
 * n is even). */
struct kpi kpi_median(long *v, size_t n);
/* The mean of v[0..n). */
struct kpi kpi_mean(const long *v, size_t n);
/* The share in percent of v[0..n) that is >= at_least. */
struct kpi kpi_share_at_least(const long *v, size_t n, long at_least);

/* An action as [K-COHERENT] sees it: days (calendar.h). */
struct action_fact {
	long due;
	long done; /* CAL_NO_DAY: not done */
	bool cancelled;
};

/* [K-COHERENT] The share in percent of the actions due on or before
 * as_of (cancelled ones left out) that were done by their due day. */
struct kpi kpi_on_time(const struct action_fact *v, size_t n, long as_of);

/* ---- trend tags ---- */

/* One tagged set of minutes as the counting sees it. */
struct trend_tag_row {
	const char *theme;    /* one of the strategy's themes */
	const char *district; /* the meeting's district id, or NULL */
	long day;             /* the meeting's day */
};

/* Counts per theme x quarter x district: themes_nr x 4 x (districts_nr
 * + 1) cells, the last district column for meetings without a district.
 * Rows whose theme or district is unknown, or whose day is outside year,
 * are left out. */
struct trend_counts {
	size_t themes_nr, districts_nr;
	long *cells;
	long total;
};

void trend_count(const char *const *themes, size_t themes_nr, const char *const *districts,
		 size_t districts_nr, int year, const struct trend_tag_row *rows, size_t nr,
		 struct trend_counts *out);
long trend_cell(const struct trend_counts *c, size_t theme, int quarter, size_t district);
void trend_counts_release(struct trend_counts *c);

/* The quarter 1..4 of a day. */
int day_quarter(long day);

#endif
