/* retention.h - how long personal data is kept: the strategy's deletion
 * rules (issue 12). Pure: no I/O.
 *
 * A rule says, for one record type, how long after which event (the
 * trigger) a record is deleted, as an ISO-8601 duration the way the
 * municipal KLE deletion codes write them (P0D, P365D, P1825D; this parser
 * takes any of PnY, PnM, PnW, PnD and combinations such as P1Y6M). In the
 * strategy file ([sletning]):
 *
 *     bekymring = P1825D fra sag-lukket
 *
 * The values are the municipality's data protection officer's to decide;
 * the built-in ones (retention_defaults) apply to a record type the
 * strategy says nothing about, and equal the shipped strategy's.
 *
 * A record is due when its trigger's day lies on or before the cut-off
 * day: the purge's day (--as-of) minus the duration (calendar arithmetic,
 * a day past a month's end clamped to its last day), minus 18 or 25 years
 * more for the age triggers. retention_cutoff computes that day; the
 * store compares it with each record's trigger day.
 */
#ifndef SSP_RETENTION_H
#define SSP_RETENTION_H

#include <stdbool.h>
#include <stddef.h>

/* The record types a rule can name. Stable ids in JSON, in deletion
 * records and in the access log (retention_record_id); Danish keys in the
 * strategy file (retention_record_key). */
enum retention_record {
	RET_HANDOVER,        /* "handover": a police hand-over entry (overlevering) */
	RET_REFERRAL,        /* "referral": a referral (indstilling) */
	RET_CONCERN,         /* "concern": a concern with its actions, notes, related people */
	RET_CONVERSATION,    /* "concern_conversation": minutes of a bekymringssamtale */
	RET_RISK_ASSESSMENT, /* "risk_assessment": reserved, no such records yet */
	RET_MINUTES,         /* "minutes": general minutes of a meeting */
	RET_ACCESS_LOG,      /* "access_log": entries of the access log */
	RET_INDSIGT,         /* "indsigt": an answered request for access (indsigt) */
	RET__COUNT
};

/* A person's own row (name, CPR, blind index) has no rule of its own: the
 * purge deletes it once no record refers to it any more. Its id in counts
 * and deletion records: */
#define RETENTION_PERSON "person"

enum retention_trigger {
	TRIG_MEETING_CLOSED, /* "møde-lukket": the meeting was closed (held) */
	TRIG_CASE_CLOSED,    /* "sag-lukket": the concern was closed */
	TRIG_TURNS_18,       /* "fylder-18": the person turns 18 */
	TRIG_TURNS_25,       /* "fylder-25": the person turns 25 */
	TRIG_LAST_ACTIVITY,  /* "seneste-aktivitet": the record's last change */
	TRIG__COUNT
};

/* An ISO-8601 duration of whole years, months and days (a week is 7
 * days). Each part 0..RETENTION_PART_MAX. */
#define RETENTION_PART_MAX 9999
struct retention_duration {
	int years, months, days;
};

struct retention_rule {
	struct retention_duration after;
	enum retention_trigger trigger;
	int line; /* line in the strategy file; 0: built-in or from the store */
};

struct retention_policy {
	struct retention_rule rule[RET__COUNT];
};

/* The access log is kept at least this long (6 months; Datatilsynet's
 * practice); a shorter rule is refused. */
#define RETENTION_ACCESS_LOG_MIN_MONTHS 6

const char *retention_record_id(enum retention_record r);    /* "handover", ... */
const char *retention_record_key(enum retention_record r);   /* "overlevering", ... */
const char *retention_record_label(enum retention_record r); /* Danish, translated */
int retention_record_parse_id(const char *s, enum retention_record *out);
const char *retention_trigger_id(enum retention_trigger t); /* "møde-lukket", ... */
int retention_trigger_parse(const char *s, enum retention_trigger *out);
/* May a rule for record r count from trigger t? (A hand-over entry has no
 * case to close; the access log counts from each entry's own time.) */
bool retention_trigger_allowed(enum retention_record r, enum retention_trigger t);

/* Parses an ISO-8601 duration "PnYnMnWnD" (at least one part, upper-case
 * designators, no time part, no fractions, no sign) from s[0..len). 0, or
 * -1 with a Danish reason in *err (caller frees). */
int retention_duration_parse(const char *s, size_t len, struct retention_duration *out, char **err);
/* Writes d back as "P…": "P0D" for zero. out holds at least 32 bytes. */
void retention_duration_format(const struct retention_duration *d, char *out, size_t size);
/* Is d at least `months` months whatever day it starts on? */
bool retention_duration_at_least_months(const struct retention_duration *d, int months);

/* Parses a rule "DURATION fra TRIGGER" for record r. 0, or -1 with a
 * Danish reason in *err (caller frees). */
int retention_rule_parse(enum retention_record r, const char *s, struct retention_rule *out,
			 char **err);
/* "P1825D fra sag-lukket" into out (at least 64 bytes). */
void retention_rule_format(const struct retention_rule *rule, char *out, size_t size);

/* The built-in rules (the shipped strategy's values). */
void retention_defaults(struct retention_policy *p);

/* The cut-off day (calendar.h day number) for rule on day as_of: records
 * whose trigger day is on or before it are due. For the age triggers it
 * is a birth day: people born on or before it have turned 18 (25) at
 * least `after` ago. */
long retention_cutoff(const struct retention_rule *rule, long as_of);

/* Day d moved by years, months and days (negative: back), the day of
 * month clamped to the target month's last day. */
long retention_add(long d, int years, int months, int days);

#endif
