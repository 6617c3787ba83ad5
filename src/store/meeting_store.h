/* meeting_store.h - the planned meetings (table meeting, migration 3).
 *
 * Same contract as store.h: parameterised SQL, one transaction per write,
 * 0 on success, -1 with a Danish message in *err (caller frees).
 * Permission checks and the access log are the service layer's
 * (service/meeting.h); nothing here decides who may do what.
 */
#ifndef SSP_MEETING_STORE_H
#define SSP_MEETING_STORE_H

#include "domain/plan.h"
#include "domain/replan.h"
#include "store/store.h"

/* Appends the stored meetings of `year` (every body, or only body when not
 * NULL) to out, in date order. */
int store_meetings_load(struct store *s, int year, const char *body, struct meeting_list *out,
			char **err);

/* How many meetings of `year` are stored (any status). */
int store_meetings_count(struct store *s, int year, int *n, char **err);

/* Brings the stored meetings of `year` in line with plan (plan_year()'s
 * output for that year), in one transaction: loads them, asks
 * replan_merge() (domain/replan.h: which meetings are kept, updated,
 * deleted or added) and applies its changes. `by` names the actor in
 * updated_by. */
int store_meetings_replan(struct store *s, int year, const struct meeting_list *plan,
			  long keep_before, const char *by, struct replan_stats *stats, char **err);

/* Loads one meeting. Returns 0, 1 when there is no such id, -1 on error. */
int store_meeting_get(struct store *s, long long id, struct meeting *out, char **err);

/* Sets the status (held, cancelled, moved, planned) and marks the meeting
 * changed by hand. 1 when there is no such id. */
int store_meeting_set_status(struct store *s, long long id, enum meeting_status st, const char *by,
			     char **err);

/* Moves a meeting to (day, start, duration): status moved, changed by hand,
 * SEQUENCE bumped. 1 when there is no such id. */
int store_meeting_move(struct store *s, long long id, long day, int start, int duration,
		       const char *by, char **err);

/* Stores an ad hoc meeting m (body, district, day, start, duration, theme)
 * and sets m->id and m->uid ("<body>-<year>-adhoc-<id>@<uid_domain>"). */
int store_meeting_add(struct store *s, struct meeting *m, const char *uid_domain, const char *by,
		      char **err);

#endif
