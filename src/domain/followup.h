/* followup.h - the pure rules of following up a concern (issue 9,
 * "Follow-up"; domain.md sections 4 and 6): an action's status, the
 * relations a related person may have, a phone number, whose actions an
 * actor sees on the forside and when an action is overdue. No I/O.
 *
 * The working-day rule of an underretning's receipt (6 working days,
 * Monday to Friday without the strategy's closed days) is
 * report_receipt_due() in domain/concern.h: one home. */
#ifndef SSP_DOMAIN_FOLLOWUP_H
#define SSP_DOMAIN_FOLLOWUP_H

#include <stdbool.h>

#include "domain/authz.h"

/* ---- an action's status ---------------------------------------------------- */

enum action_status { ACTION_OPEN, ACTION_DONE, ACTION_CANCELLED, ACTION_STATUS__COUNT };

const char *action_status_id(enum action_status s);              /* "open", "done", "cancelled" */
int action_status_parse(const char *s, enum action_status *out); /* 0, or -1 */
const char *action_status_label(const char *id);                 /* Danish; "?" unknown */

/* ---- related people -------------------------------------------------------- */

/* The relations of migration 11's CHECK list, in order: forælder, værge,
 * søskende, familie, anden-voksen. */
#define RELATIONS_NR 5
const char *relation_id(int i);
bool relation_valid(const char *id);
const char *relation_label(const char *id); /* Danish; "?" unknown */

/* A phone number as people write it: digits with spaces, "-", "(", ")"
 * and one leading "+"; 3 to 15 digits (E.164's most), at most 30 bytes. */
bool phone_valid(const char *s);

/* ---- whose actions ---------------------------------------------------------- */

/* The organisation an actor's actions are owned by: the one a § 115
 * participant's role stands for ("ssp", "politi", "boern-familier",
 * "ungeenhed"), else the user's own organisation (an institution) when
 * set; NULL when none. */
const char *followup_actor_org(enum role role, const char *org);

/* ---- deadlines ---------------------------------------------------------------- */

/* What an open action waits for, as days (calendar.h; CAL_NO_DAY when
 * none). An underretning that was made (reported) and whose receipt has
 * not come waits for the receipt (receipt_due); any other action for its
 * own deadline (due). */
struct action_dates {
	long due, reported, receipt_due, receipt_at;
};

long followup_deadline(const struct action_dates *d);
/* Is an open action past what it waits for on day today? */
bool followup_overdue(const struct action_dates *d, long today);
/* Is an underretning's receipt overdue on day today (made, not received,
 * receipt_due passed)? */
bool followup_receipt_overdue(const struct action_dates *d, long today);

#endif
