/* compliance_network.h - is the school network kept as the strategy says?
 *
 * Pure: no I/O. The strategy ("SSP skolenetværk"): every lower-secondary
 * school and youth club has a named SSP contact person; the contact
 * persons keep a systematic prevention plan (SSP-læseplan) at their
 * school; the SSP-team holds at least one theme day a year for all contact
 * persons. The rules, for a year Y as of a day D:
 *
 *   [N-CONTACT]   every active school and club has at least one contact
 *                 person: an active user of role kontaktperson whose
 *                 institution it is. Finding: the institutions without.
 *   [N-THEMEDAY]  the theme day is a meeting of the school network's body
 *                 in Y that is not cancelled. Once one of them is dated
 *                 before D (it has taken place), every contact person of an
 *                 active institution must be recorded present at one of
 *                 those that have taken place. Finding: the contact persons
 *                 who were not. Before that nobody has missed anything; with
 *                 no theme day in Y at all, that is the finding (the body's
 *                 own compliance row shows it too).
 *   [N-LAESEPLAN] every active school (not club: a club's plan is welcome
 *                 but not required) has a læseplan for the school year:
 *                 at least one item planned in it. The school year runs
 *                 1 August to 31 July; the one in question is the school
 *                 year holding D, with D first clamped into Y (so that
 *                 "compliance 2027" as of a day in 2025 asks about the
 *                 school year 2026/27, and as of 2028 about 2027/28).
 *                 Finding: the schools without.
 *
 * Contact persons are professionals, not young people: naming them is
 * within the steering group's aggregate view. Nothing here is about a
 * young person.
 */
#ifndef SSP_COMPLIANCE_NETWORK_H
#define SSP_COMPLIANCE_NETWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/org.h"

/* The id of the school network's body in the strategy (the theme day is
 * its meeting). A strategy without it has no theme day to follow. */
#define NETWORK_BODY_ID "ssp-skolenetvaerk"

struct net_institution {
	const char *id, *name, *district;
	const char *district_name; /* for display; may be NULL */
	enum institution_kind kind;
	bool active;
};

/* An active user of role kontaktperson with an institution. */
struct net_contact {
	long long user_id;
	const char *username, *name, *institution;
};

/* A læseplan item: only its institution and planned day matter here. */
struct net_item {
	const char *institution;
	long planned; /* a day (calendar.h) */
};

/* A meeting of the network body in the year. */
struct net_theme_day {
	long long meeting_id;
	long day;
	bool cancelled;
};

struct net_attendance {
	long long meeting_id, user_id;
	bool present;
};

/* Everything is borrowed; the findings point into these arrays. */
struct network_input {
	const struct net_institution *inst;
	size_t inst_nr;
	const struct net_contact *contacts;
	size_t contacts_nr;
	const struct net_item *items;
	size_t items_nr;
	const struct net_theme_day *days;
	size_t days_nr;
	const struct net_attendance *att;
	size_t att_nr;
	bool has_network_body; /* false: the strategy has no NETWORK_BODY_ID */
};

enum theme_day_state {
	THEME_DAY_NO_BODY,  /* the strategy has no school network body */
	THEME_DAY_NONE,     /* no theme day in the year (none planned, or all cancelled) */
	THEME_DAY_UPCOMING, /* planned, none has taken place before D yet */
	THEME_DAY_PASSED    /* at least one has taken place: attendance counts */
};

/* "no_body" | "none" | "upcoming" | "passed" (JSON). */
const char *theme_day_state_id(enum theme_day_state s);

struct network_findings {
	int school_year;                       /* its first year: 2026 for 2026/27 */
	long school_year_from, school_year_to; /* 1 August, 31 July (days) */
	int schools, clubs;                    /* active institutions of each kind */
	int contacts;                          /* contact persons of active institutions */

	const struct net_institution **no_contact; /* [N-CONTACT], in input order */
	size_t no_contact_nr;
	const struct net_institution **no_laeseplan; /* [N-LAESEPLAN] */
	size_t no_laeseplan_nr;

	enum theme_day_state theme_day; /* [N-THEMEDAY] */
	long theme_day_first;           /* first not-cancelled theme day; CAL_NO_DAY if none */
	int attended;                   /* contact persons present (when passed) */
	const struct net_contact **missed;
	size_t missed_nr;
};

/* The school year (its first year) that [N-LAESEPLAN] asks about for
 * `year` as of day as_of, and its first and last day (may be NULL). */
int network_school_year(int year, long as_of, long *from, long *to);

/* Applies the three rules. out is overwritten; release it with
 * network_findings_release (which frees only the arrays: the elements
 * stay owned by in). */
void network_compute(const struct network_input *in, int year, long as_of,
		     struct network_findings *out);
void network_findings_release(struct network_findings *f);

/* Total number of findings (institutions without a contact person,
 * contact persons who missed the theme day, schools without a læseplan,
 * and 1 when there is no theme day in the year). */
size_t network_findings_count(const struct network_findings *f);

#endif
