/* meeting.h - the service layer for meeting planning and compliance.
 *
 * Same contract as service.h: each function checks the actor's right
 * (ACT_MEETING_VIEW, ACT_MEETING_PLAN, ACT_COMPLIANCE_VIEW; the local
 * operator may do all), returns 0 or -1 with *r set, and writes every
 * change to the access log (meeting.replan, meeting.status, meeting.move,
 * meeting.add). Reading a plan is not logged: meetings hold no personal
 * data. Each function loads the organisation from the store into *org
 * (org_init'ed by the caller, who releases it), so a door can show body
 * and district names.
 */
#ifndef SSP_MEETING_SERVICE_H
#define SSP_MEETING_SERVICE_H

#include <stdbool.h>

#include "domain/compliance.h"
#include "domain/plan.h"
#include "service/service.h"
#include "domain/replan.h"

/* Today in Europe/Copenhagen (a day, calendar.h). */
long svc_today(void);
/* Now in Europe/Copenhagen: the day and the minute after midnight. In a
 * test build $SSP_TEST_NOW="YYYY-MM-DDTHH:MM" replaces the clock. */
void svc_now(long *day, int *minute);

/* Plans `year` from the stored strategy without storing it. body may be
 * NULL (all bodies). SVC_INVALID for a year outside 2000-2100 or a rule the
 * calendar cannot satisfy; SVC_NOT_FOUND for an unknown body. */
int svc_plan_preview(struct service *svc, const struct actor *a, int year, const char *body,
		     struct org *org, struct meeting_list *out, struct svc_result *r);

/* Plans `year` and stores it (store_meetings_replan): meetings that were
 * held, cancelled, moved, changed by hand or added ad hoc, and meetings
 * before today, are kept. Nothing is stored when planning fails. */
int svc_plan_save(struct service *svc, const struct actor *a, int year, struct org *org,
		  struct replan_stats *stats, struct svc_result *r);

/* The stored meetings of `year` (all bodies, or body). */
int svc_meetings_list(struct service *svc, const struct actor *a, int year, const char *body,
		      struct org *org, struct meeting_list *out, struct svc_result *r);

/* Marks a stored meeting held, cancelled or planned again (SVC_NOT_FOUND
 * for an unknown id; SVC_INVALID for MEETING_MOVED: use svc_meeting_move,
 * and for marking held a meeting that has not started yet, svc_now). */
int svc_meeting_set_status(struct service *svc, const struct actor *a, long long id,
			   enum meeting_status st, struct svc_result *r);

/* Moves a stored meeting to (day, start, duration); start -1 and duration
 * 0 keep the meeting's own.
 * The new day must be a working day (SVC_INVALID names why it is not). */
int svc_meeting_move(struct service *svc, const struct actor *a, long long id, long day, int start,
		     int duration, struct svc_result *r);

/* Adds an ad hoc meeting of body (in district, or NULL) on a working day;
 * start -1 and duration 0 take the body's. *out gets the stored meeting. */
int svc_meeting_add(struct service *svc, const struct actor *a, const char *body,
		    const char *district, long day, int start, int duration, const char *theme,
		    struct meeting *out, struct svc_result *r);

/* Compliance for `year` as of day as_of from the stored meetings. When no
 * meeting of the year is stored, from the computed plan instead
 * (*from_plan = true: nothing is held yet). */
int svc_compliance(struct service *svc, const struct actor *a, int year, long as_of,
		   struct org *org, struct compliance *out, bool *from_plan, struct svc_result *r);

#endif
