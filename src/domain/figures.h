/* figures.h - the data behind the strategy: aggregate figures from the
 * youth survey (Ungeprofilundersøgelsen) and the police's crime figures,
 * the rules their values follow, and which of them may be shown.
 *
 * No personal data lives here: every figure is a count or a share over a
 * group of young people. Small counts are suppressed before anything is
 * shown (suppress.h). Pure: no I/O. Strings in the rows are borrowed
 * (from a struct strpool, see figure_set).
 */
#ifndef SSP_FIGURES_H
#define SSP_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strpool.h"

enum figure_kind {
	FIG_SURVEY, /* "ungeprofil" */
	FIG_CRIME,  /* "kriminalitet" */
	FIG__COUNT
};

/* "ungeprofil" / "kriminalitet": the ids of the command line and the API. */
const char *figure_kind_id(enum figure_kind k);
/* Danish, translated ("Ungeprofilundersøgelsen", "Politiets kriminalitetstal"). */
const char *figure_kind_label(enum figure_kind k);
int figure_kind_parse(const char *s, enum figure_kind *out);

#define FIG_YEAR_MIN 2000
#define FIG_YEAR_MAX 2100
#define FIG_UNKNOWN  (-1) /* a value the file leaves empty */

/* One row of the youth survey. district "" is the whole municipality.
 * Shares are in hundredths of a percent (12,5 % is 1250), so the file's
 * decimals survive a round trip exactly. */
struct survey_figure {
	int year;
	const char *indicator, *group, *district;
	int share;        /* 0..10000 */
	long respondents; /* or FIG_UNKNOWN */
	int national;     /* 0..10000, or FIG_UNKNOWN */
};

/* One row of the police figures. month 0 is the whole year; district ""
 * the whole municipality. */
struct crime_figure {
	int year, month;
	const char *category, *age_band, *district;
	long count;
};

/* A set of rows of one kind, owning its strings. */
struct figure_set {
	enum figure_kind kind;
	struct survey_figure *survey;
	struct crime_figure *crime;
	size_t nr, alloc;
	struct strpool pool;
};

void figure_set_init(struct figure_set *s, enum figure_kind kind);
void figure_set_release(struct figure_set *s);
/* Appends a zeroed row of the set's kind and returns it. */
struct survey_figure *figure_set_add_survey(struct figure_set *s);
struct crime_figure *figure_set_add_crime(struct figure_set *s);

/* Do two rows have the same key (year, indicator, group, district / year,
 * month, category, age band, district)? Strings compared by content. */
int survey_key_cmp(const struct survey_figure *a, const struct survey_figure *b);
int crime_key_cmp(const struct crime_figure *a, const struct crime_figure *b);

/* ---- the values' rules: each returns 0, or -1 with a Danish message
 * (static or translated; not owned) in *why ---- */

/* A whole year FIG_YEAR_MIN..FIG_YEAR_MAX. */
int figure_parse_year(const char *s, int *out, const char **why);
/* Empty (0: the whole year) or 1..12. */
int figure_parse_month(const char *s, int *out, const char **why);
/* A share in percent 0..100 with a decimal comma and at most two
 * decimals ("12,5"), into hundredths. A point is refused: "12.5" is
 * ambiguous in a Danish file. */
int figure_parse_share(const char *s, int *out, const char **why);
/* A count >= 0: digits, optionally grouped in thousands by points as
 * Danish Excel writes them ("1.234" and "1.234.567" are 1234 and
 * 1234567; "1.23" or "12,5" is refused). Up to 10^12. */
int figure_parse_count(const char *s, long *out, const char **why);
/* An age band "A-B" (spaces allowed around the dash) with
 * age_min <= A <= B <= age_max, the strategy's target group. The
 * canonical form "A-B" is written to buf. */
int figure_parse_age_band(const char *s, int age_min, int age_max, char buf[16], const char **why);

/* Hundredths as Danish text: 1250 -> "12,5", 1200 -> "12", 1234 -> "12,34". */
void figure_format_share(int hundredths, char buf[16]);

/* ---- which figures may be shown ---- */

/* A count below this is never shown: "<5" instead (local choice, see
 * strategies/hedensted.ini and docs/data.md). */
#define FIG_SUPPRESS_BELOW 5
#define FIG_SUPPRESSED     "<5"

/* Decides which rows' counts (crime: count; survey: respondents, and with
 * them the share) are hidden: every count below FIG_SUPPRESS_BELOW, and
 * then as many more as needed so that none can be recomputed from the
 * others (suppress.h) along the set's own sums: the districts of a
 * (year, month, category, age band) add up to the whole municipality's
 * row of the same key when that row exists, and the months of a (year,
 * category, age band, district) to its whole-year row. hidden has s->nr
 * elements. Survey rows without a respondent count are not hidden (the
 * share is not a count). */
void figure_set_suppress(const struct figure_set *s, bool *hidden);

#endif
