/* indsigt.h - the rules of the right of access (GDPR art. 15; issue 12).
 *
 * Pure: no I/O. The deadline to answer a request is one month after it
 * was received (GDPR art. 12, stk. 3), counted as Regulation 1182/71
 * counts months: the same day number in the next month, or that month's
 * last day when it has no such day (31 January -> 28/29 February).
 * Extending the deadline by two more months (art. 12, stk. 3) is a
 * decision the data protection officer records outside the system.
 *
 * A restriction (databeskyttelseslovens § 22, stk. 2, nr. 4: withholding
 * part of the answer to protect essential interests of others or the
 * prevention of crime) names which record types are withheld: the ids of
 * the sections below. */
#ifndef SSP_DOMAIN_INDSIGT_H
#define SSP_DOMAIN_INDSIGT_H

#include <stdbool.h>
#include <stddef.h>

/* The day (calendar.h days) a request received on day must be answered
 * by. */
long indsigt_deadline(long received);

/* Days left until deadline as of today (negative: overdue). */
long indsigt_days_left(long deadline, long today);

/* The sections of an answer that a restriction can withhold. The person
 * record itself is never withheld (the person knows who they are). */
enum indsigt_part {
	INDSIGT_PART_HANDOVERS,  /* the police's hand-over entries */
	INDSIGT_PART_REFERRALS,  /* referrals from schools and clubs */
	INDSIGT_PART_CONCERNS,   /* concerns, categories, decisions, actions */
	INDSIGT_PART_NOTES,      /* individual case notes */
	INDSIGT_PART_RELATED,    /* related people (parents, siblings ...) */
	INDSIGT_PART_ACCESS_LOG, /* the access-log extract */
	INDSIGT_PART__COUNT
};

const char *indsigt_part_id(enum indsigt_part p);    /* "handovers", ... */
const char *indsigt_part_label(enum indsigt_part p); /* Danish, translated */
/* 0 and *out, or -1 for an unknown id. */
int indsigt_part_parse(const char *s, enum indsigt_part *out);
/* Parses "notes,handovers" (commas and/or spaces; duplicates allowed)
 * into a bit set (1u << part). 0, or -1 with *bad pointing at the first
 * unknown word's start. An empty text gives 0 parts. */
int indsigt_parts_parse(const char *s, unsigned *parts, const char **bad);
/* Writes the parts as "handovers,notes" (the order of the enum) into
 * out (size n). */
void indsigt_parts_format(unsigned parts, char *out, size_t n);

/* The legal basis ids the access log and the output carry. */
#define INDSIGT_LEGAL_BASIS     "gdpr-15"
#define INDSIGT_RESTRICTION_LAW "dbl-22-2-4"

#endif
