/* compliance.h - is each body keeping the strategy's meeting minimum?
 *
 * Pure: no I/O. The status rule [C-STATUS], per body (and for a body that
 * meets in each district, per district; the body then has the worst of
 * its districts' statuses), as of a day D in the year:
 *
 *   required  the yearly minimum (plan_required_min; 0 for ad hoc and
 *             continuous bodies, which are always "ok")
 *   held      meetings marked held
 *   cancelled meetings marked cancelled
 *   planned   meetings that are not cancelled (held ones included)
 *   due       not-cancelled meetings dated before D (they should have
 *             taken place by D)
 *   upcoming  not-cancelled meetings not yet held, dated D or later
 *
 *   at_risk   planned < required: even if every meeting on the plan is
 *             (or was) held, the minimum is not reached: meetings were
 *             cancelled without a replacement, or too few are planned.
 *             Plan more (an ad hoc meeting, or re-plan).
 *   behind    otherwise, held < min(required, due): meetings dated before
 *             D are not recorded as held. The minimum is still within
 *             reach: record them if they took place, or hold more.
 *   ok        otherwise.
 *
 * The two tell a coordinator apart "the plan is short" from "the
 * records (or the meetings) lag behind the plan".
 *
 * held counts only meetings marked held whose day is before D; an ad hoc
 * meeting (added by hand) counts only when the frequency says so ("+ ad
 * hoc, som tæller med"), for the rule is the strategy's regular meetings.
 *
 * [C-PERIOD] A periodic rule is also judged period by period, so a rule
 * broken in one period shows even when the yearly total is met:
 *
 *   monthly   each month the rule applies to (its period, minus its
 *             exclusions): required = N a month
 *   quarterly each quarter: required = N a quarter
 *   cadence   each ISO week in which the plan has a regular meeting:
 *             required = 1, so a meeting cancelled without another one in
 *             its week (the closed-day tolerance) is a gap in the cadence
 *   yearly    the year: required = the minimum
 *
 * (per district for a body that meets in each district, per institution
 * for one that meets at each institution of a kind). A period that
 * has ended before D is "ok" when held >= required, else "behind" (it can
 * no longer be made up); a current or future period gets the rule above.
 * The body's status is the worst of its counts, its districts and its
 * periods.
 *
 * [C-THEME] For a body with an annual wheel or standing duties, a theme
 * or duty (the yearly evaluation, the focus areas) of a cancelled meeting
 * that no other meeting of the year carries is a missing theme; it makes
 * the body at least "behind".
 */
#ifndef SSP_COMPLIANCE_H
#define SSP_COMPLIANCE_H

#include <stddef.h>

#include "domain/org.h"
#include "domain/plan.h"

enum compliance_status { COMPLIANCE_OK, COMPLIANCE_BEHIND, COMPLIANCE_AT_RISK };

/* "ok" | "behind" | "at_risk" (JSON), and a translated label. */
const char *compliance_status_id(enum compliance_status s);
const char *compliance_status_label(enum compliance_status s);

struct compliance_counts {
	int required_min, planned, held, cancelled, due, upcoming;
	enum compliance_status status;
};

struct compliance_period {
	long from, to;           /* days (calendar.h), inclusive */
	const char *district;    /* borrowed district id, or NULL */
	const char *institution; /* borrowed institution id, or NULL */
	int required, planned, held;
	enum compliance_status status;
};

struct compliance_row {
	const char *body; /* borrowed from the org */
	const char *name; /* borrowed */
	struct compliance_counts c;
	/* per district, in the org's district order, when the body meets in
	 * each district (districts_nr > 0); district ids are borrowed */
	const char **district_ids;
	const char **district_names;
	struct compliance_counts *districts;
	size_t districts_nr;
	/* [C-INST] per institution, when the body meets at each institution of
	 * a kind ("4 om året på hver skole"): each institution's counts
	 * (required: the rule's minimum), and the districts above are their
	 * sums (required: the minimum times the district's institutions) */
	const char **institution_ids;
	const char **institution_names;
	const char **institution_districts; /* district id of each, or NULL */
	struct compliance_counts *institutions;
	size_t institutions_nr;
	/* [C-PERIOD] in date order (then district order) */
	struct compliance_period *periods;
	size_t periods_nr, periods_alloc;
	/* [C-THEME] themes and duties of cancelled meetings not carried by
	 * another meeting; strings owned by the row */
	struct strlist missing_themes;
};

struct compliance {
	struct compliance_row *v;
	size_t nr, alloc;
};

/* Applies the rule to one set of counts. */
enum compliance_status compliance_status_of(const struct compliance_counts *c);

/* One row per body of o, in its order, from the meetings of `year` in m
 * (others are ignored) as of day as_of. out must be zeroed; release it
 * with compliance_release. Rows borrow strings from o. */
void compliance_compute(const struct org *o, const struct meeting_list *m, int year, long as_of,
			struct compliance *out);
void compliance_release(struct compliance *c);

#endif
