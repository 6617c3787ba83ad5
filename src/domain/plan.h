/* plan.h - planning a year of meetings from the strategy's rules.
 *
 * Pure: no I/O, no globals. plan_year() turns each body's frequency rule
 * (frequency.h) and planning keys (org.h: ugedag, tidspunkt, varighed,
 * ferieuger, tema, fokusomraader-aar, kadence-start) into dated meetings,
 * on working days of Europe/Copenhagen (calendar.h). The rules, form by
 * form (requirement ids in brackets are issue 4's):
 *
 *   - "løbende" (continuous) and ad hoc-only bodies: nothing is planned.
 *   - Cadence ("hver 14. dag") [P-CADENCE]: a series anchored on a fixed
 *     day, kadence-start or else the body's weekday in the week of
 *     2000-01-03, so that one year's series continues the last one's.
 *     [P-MOVE] An instance that hits a closed day moves to another working
 *     day in the same ISO week (and calendar year), the nearer one first,
 *     the later one on a tie; only when the whole week is closed does it
 *     move to the nearest open day, with a note on its agenda saying so
 *     (plan_note_week_closed). [P-HOLIDAY] An instance in one of the
 *     body's ferieuger (or in a month its rule excludes) is skipped, and
 *     nothing is made up. Two instances on one day (a cadence shorter than
 *     the working days allow, "hver dag") make the plan fail [P-UNSAT].
 *   - Quarterly ("kvartalsvis") [P-QUARTER]: N meetings in each quarter,
 *     spread through it like a yearly minimum.
 *   - Weekday: ugedag, else the weekday of the frequency ("hver mandag"),
 *     else the weekday of kadence-start; bodies with none of these are
 *     spread over the week in the strategy's order from tirsdag on.
 *   - Months: a rule's period and exclusions ("undtagen juli") limit the
 *     days every form may use.
 *   - Monthly ("1 om måneden i marts-oktober") [P-MONTHLY]: in each month,
 *     the first N working days on the body's weekday, spread through the
 *     month when N > 1 (for N = 1: the first such day).
 *   - A yearly minimum ("mindst 4 om året") [P-SPREAD]: the minimum, spread
 *     evenly: the year's working days on the body's weekday are cut into N
 *     equal runs and the middle one of each run is taken.
 *   - Per district ("2-3 om året i hvert distrikt") [P-DISTRICT]: the
 *     minimum in each district, as N rounds spread like the above; in each
 *     round the districts meet on consecutive candidate days (a round of
 *     district meetings), each meeting carrying its district.
 *   - Per institution ("4 om året på hver skole", "2 om året i hver klub")
 *     [P-INST]: each [institution] of that kind is a unit like a district
 *     above (grouped by district, in the strategy's district order); each
 *     meeting carries its institution and the institution's district.
 *   - When the body's weekday has too few working days for the rule, any
 *     working day may be used; when even that is not enough the plan
 *     fails with a message saying so [P-UNSAT].
 *   - A body with an annual wheel (årshjul-tema, the SSP-styregruppe)
 *     [P-WHEEL]: its meetings carry the wheel's themes in order (round
 *     robin when there are more meetings than themes). It also carries the
 *     steering group's standing duties as agenda items: the yearly
 *     evaluation of the plan on the year's last meeting, and, in the years
 *     of fokusomraader-aar (default: even years), the selection of
 *     strategic focus areas on the first meeting from 1 April on (when
 *     the winter's Ungeprofilundersøgelse is in), else the last.
 *   - Other bodies' meetings carry the body's "tema" (e.g. the school
 *     network's theme day), if any.
 */
#ifndef SSP_PLAN_H
#define SSP_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/calendar.h"
#include "domain/org.h"
#include "util/diag.h"
#include "util/strlist.h"

/* Used when the strategy gives no ugedag / tidspunkt / varighed. */
#define PLAN_DEFAULT_WEEKDAY  2 /* tirsdag */
#define PLAN_DEFAULT_START    (9 * 60)
#define PLAN_DEFAULT_DURATION 90

#define PLAN_YEAR_MIN 2000
#define PLAN_YEAR_MAX 2100

enum meeting_status {
	MEETING_PLANNED,
	MEETING_HELD,
	MEETING_CANCELLED,
	MEETING_MOVED,
	MEETING_STATUS__COUNT
};

/* "planned" | "held" | "cancelled" | "moved": database and JSON. */
const char *meeting_status_id(enum meeting_status s);
int meeting_status_parse(const char *s, enum meeting_status *out);
/* Danish, translated ("planlagt", "afholdt", "aflyst", "flyttet"). */
const char *meeting_status_label(enum meeting_status s);

struct meeting {
	long long id;          /* row id in the store; 0 when not stored */
	char *uid;             /* iCalendar UID; stable across re-plans */
	char *body;            /* body id */
	char *district;        /* district id, or NULL */
	char *institution;     /* institution id ("på hver skole"), or NULL */
	long day;              /* local date in Europe/Copenhagen (calendar.h days) */
	int start;             /* minutes after local midnight */
	int duration;          /* minutes; start + duration <= 24 h */
	char *theme;           /* NULL when none */
	struct strlist agenda; /* standing duties placed on this meeting */
	enum meeting_status status;
	bool by_hand; /* changed by hand: re-planning leaves it alone */
	bool ad_hoc;  /* added by hand, not from a rule */
	int sequence; /* iCalendar SEQUENCE: bumped when a stored meeting changes */
};

struct meeting_list {
	struct meeting *v;
	size_t nr, alloc;
};

#define MEETING_LIST_INIT                                                                          \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}
/* Appends a zeroed meeting (owned by l). */
struct meeting *meeting_list_add(struct meeting_list *l);
void meeting_list_release(struct meeting_list *l);
/* Sorts by start, then body id, then district id. */
void meeting_list_sort(struct meeting_list *l);
void meeting_release(struct meeting *m);
/* Deep copy of src into dst. */
void meeting_copy(struct meeting *dst, const struct meeting *src);

/* End of a meeting as (day, minute); minute may be 1440 only as 0 of
 * the next day, so end is always a proper local time. */
void meeting_end(const struct meeting *m, long *day, int *minute);

/* "2027-01-12T14:00:00+01:00" (Europe/Copenhagen) into out (26 bytes). */
void plan_format_time(long day, int minute, char out[26]);
/* Parses what plan_format_time writes (any offset is accepted and ignored:
 * the local part is the meeting's wall-clock time). 0, or -1. */
int plan_parse_time(const char *s, long *day, int *minute);

/* The UID domain of a municipality: "ssp.hedensted-kommune" (ASCII:
 * æ ae, ø oe, å aa, anything else a dash). Caller frees. */
char *plan_uid_domain(const char *municipality);

/* Plans `year` for every body of o (or only body_filter, when not NULL)
 * into out (appended, then sorted). Returns 0, or -1 with a Danish message
 * in *err (caller frees): a year outside PLAN_YEAR_MIN..PLAN_YEAR_MAX, an
 * unknown body, or a rule the calendar cannot satisfy. On -1 out holds
 * nothing new. */
int plan_year(const struct org *o, int year, const char *body_filter, struct meeting_list *out,
	      char **err);

/* [P-CHECK] Can the strategy be planned? Plans years from..to body by body
 * and reports every body whose rule the calendar cannot hold as an error
 * on its "frekvens" line (FILE:LINE through d), and warns once per pair of
 * bodies that share a member (the same text, case aside) and meet at
 * overlapping times in year `from`. Returns the number of errors added. */
size_t plan_check(const struct org *o, int from, int to, struct diags *d);

/* The body's effective planning values (strategy value or default). */
int plan_weekday(const struct org_body *b);
int plan_start(const struct org_body *b);
int plan_duration(const struct org_body *b);
/* Does this body get the steering group's standing duties (a wheel, or
 * an explicit fokusomraader-aar)? */
bool plan_has_duties(const struct org_body *b);
/* Is `year` a year in which the body selects strategic focus areas? */
bool plan_focus_year(const struct org_body *b, int year);

/* The note plan_year() puts on a cadence meeting whose whole ISO week is
 * closed, so it moved to the nearest open day outside the week. */
const char *plan_note_week_closed(void);
/* [P-INST] Is institution x one of the kind a rule "på hver skole" (f's
 * per_institution) meets at? */
bool plan_institution_fits(const struct frequency *f, const struct org_institution *x);

/* The agenda items plan_year() places (translated). */
const char *plan_item_evaluation(void);
const char *plan_item_focus_areas(void);

/* The yearly minimum a body must hold (for per-district bodies: in each
 * district); 0 when nothing is required (ad hoc, continuous). For a
 * cadence it is the cadence over the weeks the body meets: "hver uge"
 * with ferieuger 27-28 requires (365 - 14) / 7 = 50, not 52, since the
 * strategy itself closes those weeks. */
int plan_required_min(const struct org_body *b);

#endif
