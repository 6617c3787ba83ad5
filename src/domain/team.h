/* team.h - the SSP-team's daily work as pure rules: the help landscape's
 * themes, the kinds of courses and events, the training rule for new
 * contact persons, duty shifts and the recurring events of the strategy
 * file. No I/O, no globals (the tables below are constant).
 */
#ifndef SSP_TEAM_H
#define SSP_TEAM_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/calendar.h"

/* ---- courses, training and events ---- */

enum event_kind {
	EVENT_COURSE,         /* "course": a course for professionals */
	EVENT_TRAINING,       /* "training": training of new SSP contact persons */
	EVENT_THEME_DAY,      /* "theme-day": the school network's yearly theme day */
	EVENT_PARENT_EVENING, /* "parent-evening" */
	EVENT_EVENT,          /* "event": a larger event with SSP presence (preparedness) */
	EVENT_KIND__COUNT
};

const char *event_kind_id(enum event_kind k);              /* the JSON and form value */
const char *event_kind_label(enum event_kind k);           /* Danish, translated */
int event_kind_parse(const char *s, enum event_kind *out); /* 0, or -1 */

/* A moment as a count of minutes since 1970-01-01 00:00 local time
 * (Europe/Copenhagen wall clock): days * 1440 + minute. */
long long team_moment(long day, int minute);
void team_moment_split(long long m, long *day, int *minute);

/* Parses "YYYY-MM-DDTHH:MM" (or with a space for the T) into a moment,
 * through the calendar's own date and clock parsers. 0, or -1. */
int team_parse_moment(const char *s, long long *out);
/* Writes "YYYY-MM-DDTHH:MM" (17 bytes with the NUL). */
void team_format_moment(long long m, char out[17]);

/* Do the half-open intervals [a0, a1) and [b0, b1) overlap? Two shifts
 * that meet (one ends when the next begins) do not. */
bool team_overlap(long long a0, long long a1, long long b0, long long b1);

/* ---- the training rule ----
 *
 * The strategy: the SSP-team trains new SSP contact persons. The rule
 * (strategy file [ssp-team] uddannelse-inden-maaneder): a contact person
 * is trained within that many months of becoming one. When the strategy
 * is silent the default is TEAM_TRAINING_MONTHS_DEFAULT, a local choice:
 * half a year reaches the next yearly theme day or training wherever in
 * the year one starts. */
#define TEAM_TRAINING_MONTHS_DEFAULT 6
#define TEAM_TRAINING_MONTHS_MAX     36

/* The day months after since (the same day of the month, or the month's
 * last day when it has none: 31 August + 6 months = 28/29 February). */
long team_add_months(long since, int months);

enum training_status {
	TRAINING_DONE,    /* attended a training */
	TRAINING_DUE,     /* not yet, and the deadline has not passed */
	TRAINING_OVERDUE, /* not trained, deadline passed */
};

/* since: the day the person became a contact person; trained: the day of
 * the training they attended, or CAL_NO_DAY; as_of: the day of the
 * check. A deadline is kept on its own day (overdue from the day after). */
enum training_status training_status(long since, long trained, int months, long as_of);
const char *training_status_label(enum training_status s); /* Danish */

/* ---- recurring events from the strategy file ----
 *
 * [ssp-team] begivenhed = DD-MM[..DD-MM] Name, e.g.
 *   begivenhed = 20-06..22-06 Byfest i Hedensted
 * A range may pass New Year (31-12..01-01: ends the next year). 29-02 is
 * the 28th in a year without it. */
struct team_recurring {
	char *name; /* owned */
	int from_m, from_d, to_m, to_d;
};

/* Parses s into out (out->name owned; release with team_recurring_release).
 * 0, or -1 with a Danish message in *err (caller frees). */
int team_recurring_parse(const char *s, struct team_recurring *out, char **err);
void team_recurring_release(struct team_recurring *r);

/* The event's first and last day in year. */
void team_recurring_days(const struct team_recurring *r, int year, long *first, long *last);

/* The planning of a year: for each recurring event, whether one of the
 * year's existing events (names[i], first days[i]) already covers it (the
 * same name and a first day in the same year). planned[k] is set for each
 * of the n recurring events; returns the number not yet planned. */
size_t team_recurring_plan(const struct team_recurring *rec, size_t n, int year,
			   const char *const *names, const long *days, size_t existing,
			   bool *planned);

/* ---- larger events and the hotspot meetings before them ----
 *
 * The strategy's hotspot meeting maps trends in the light months "in
 * relation to holidays and town festivals": a larger event (kind "event")
 * is taken up at the last hotspot meeting on or before its first day,
 * where it is offered as an agenda item. The strategy file names that body
 * ([ssp-team] beredskabsforum); when it is silent, the body with id
 * TEAM_HOTSPOT_BODY, if there is one (a local choice: Hedensted's id). */
#define TEAM_HOTSPOT_BODY "hotspot"

/* The index of the last of the n days (ascending) on or before day, or n
 * when every one is after it (or n is 0). */
size_t team_hotspot_of(const long *days, size_t n, long day);

/* ---- themes of the help landscape and advice ----
 *
 * The strategy file's [ssp-team] tema lines name the themes offers and
 * advice are filed under. When it is silent, these (a local choice:
 * the strategy's own examples of the annual wheel, rusmidler and the
 * preparedness areas, plus the everyday themes of SSP work). */
extern const char *const team_default_themes[]; /* NULL-terminated */

/* ---- advice given (rådgivning): who asked, by role only ---- */

enum advice_asker {
	ASKER_TEACHER,
	ASKER_CLUB,
	ASKER_PEDAGOGUE,
	ASKER_LEADER,
	ASKER_PARENT,
	ASKER_SOCIAL,
	ASKER_HEALTH,
	ASKER_POLICE,
	ASKER_OTHER,
	ASKER__COUNT
};
const char *advice_asker_id(enum advice_asker k);    /* "laerer", ... */
const char *advice_asker_label(enum advice_asker k); /* Danish, translated */
int advice_asker_parse(const char *s, enum advice_asker *out);

#endif
