/* meeting_run.h - the service layer for running meetings and for
 * calendars: a meeting's page (agenda, attendance, minutes), who takes part
 * in which body, the user's upcoming meetings, calendar feeds per body and
 * per person (private subscription addresses).
 *
 * Same contract as service.h: each function checks the actor's right,
 * returns 0 or -1 with *r set, and writes the access log.
 *
 * Who may run a meeting (edit its agenda, attendance and minutes):
 *   - the role must have ACT_MEETING_RUN (domain/authz.c);
 *   - a role that sees no personal data (role_sees_personal_data(), e.g.
 *     styregruppe) runs only the meetings of bodies it takes part in
 *     (body_participant), and never of a body where named young people
 *     are discussed (org_body.named_individuals, e.g. the § 115-møde);
 *   - the local operator may do all.
 * Who may read the minutes: everyone who may see the meeting, for bodies
 * where named young people are not discussed (the minutes hold trends,
 * places and unnamed groups only); for the others, only who may run the
 * meeting, and each such read is logged (meeting.minutes.view). The same
 * holds for the agenda (meeting.agenda.view), which there may name young
 * people too; where it is hidden, agenda is empty; and for the attendance
 * (meeting.attendance.view), whose guests there are often named by their
 * relation to a young person ("Mor til ...").
 *
 * Minutes and agenda items of a body where named young people are not
 * discussed may not hold anything that looks like a CPR number
 * (domain/cpr.h): SVC_INVALID with a Danish explanation (concrete cases
 * are not discussed there; refer them to a § 115-møde).
 */
#ifndef SSP_MEETING_RUN_H
#define SSP_MEETING_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/plan.h"
#include "service/auth.h"
#include "service/service.h"
#include "domain/meeting_record.h"

/* Longest minutes text, agenda item, guest name or organisation (bytes). */
#define MINUTES_MAX      10000
#define AGENDA_ITEM_MAX  300
#define AGENDA_ITEMS_MAX 40
#define GUEST_FIELD_MAX  200
#define GUESTS_MAX       40

/* Everything a meeting's page shows. */
struct meeting_view {
	struct meeting m;
	const struct org_body *body;     /* into the org passed in */
	struct strlist agenda;           /* the stored agenda, or the proposed one */
	bool agenda_stored;              /* false: agenda is the proposal */
	struct strlist offered;          /* items offered for the agenda that a
					  * stored one lacks (a hotspot meeting:
					  * the larger events before the next,
					  * service/team.h) */
	bool agenda_visible;             /* may the actor read the agenda? */
	struct person_list participants; /* the body's participants */
	struct person_list attendance;   /* the stored attendance; empty unless
					  * attendance_visible */
	bool attendance_visible;         /* may the actor read the attendance? */
	struct minutes minutes;          /* empty unless minutes_visible */
	bool minutes_visible;            /* may the actor read the minutes? */
	bool can_plan;                   /* ACT_MEETING_PLAN: held, cancelled, move */
	bool can_run;                    /* agenda, attendance and minutes */
};

void meeting_view_release(struct meeting_view *v);

/* The agenda proposed for m of body b: the meeting's theme, the standing
 * duties placed on it (plan.h), then the body's tasks ("opgave").
 * svc_meeting_view adds a hotspot meeting's items for larger events
 * (svc_team_hotspot_items) after them. */
void meeting_proposed_agenda(const struct org_body *b, const struct meeting *m,
			     struct strlist *out);

/* ACT_MEETING_VIEW. Loads the organisation into *org (org_init'ed by the
 * caller, who releases it after *out). SVC_NOT_FOUND for an unknown id. */
int svc_meeting_view(struct service *svc, const struct actor *a, long long id, struct org *org,
		     struct meeting_view *out, struct svc_result *r);

/* Replaces the agenda with the non-empty lines of text. */
int svc_meeting_agenda_save(struct service *svc, const struct actor *a, long long id,
			    const char *text, struct svc_result *r);

/* Replaces the attendance: users (user_id set; each must take part in the
 * body or already be on the attendance) with present true or false, and
 * guests (user_id 0) by name and organisation. */
int svc_meeting_attendance_save(struct service *svc, const struct actor *a, long long id,
				const struct person_list *att, struct svc_result *r);

/* Saves the general minutes (referat). */
int svc_meeting_minutes_save(struct service *svc, const struct actor *a, long long id,
			     const char *text, struct svc_result *r);

/* ---- participants ---- */

/* ACT_ORG_VIEW: the body's participants. */
int svc_participants(struct service *svc, const struct actor *a, const char *body,
		     struct person_list *out, struct svc_result *r);
/* ACT_USER_ADMIN: adds / removes username as a participant of body.
 * Adding someone already there, or removing someone not there, is not an
 * error (*changed tells). */
int svc_participant_add(struct service *svc, const struct actor *a, const char *body,
			const char *username, bool *changed, struct svc_result *r);
int svc_participant_remove(struct service *svc, const struct actor *a, const char *body,
			   const char *username, bool *changed, struct svc_result *r);

/* ACT_HOME_VIEW: the actor's next meetings (of the bodies they take part
 * in) from today on, at most max, with *bodies set to how many bodies they
 * take part in. Loads the organisation into *org. */
int svc_my_meetings(struct service *svc, const struct actor *a, size_t max, struct org *org,
		    struct meeting_list *out, size_t *bodies, struct svc_result *r);

/* ---- calendars ---- */

/* ACT_MEETING_VIEW: the meetings of body (or of every body, when NULL)
 * for last year, this year and next year: the stored plan of a year, or
 * the computed one when none is stored (same UIDs). */
int svc_calendar_body(struct service *svc, const struct actor *a, const char *body, struct org *org,
		      struct meeting_list *out, struct svc_result *r);

/* A private calendar subscription address: for the actor's own account
 * (username NULL: ACT_PROFILE) or for another user (ACT_USER_ADMIN, the
 * command line). Creating one revokes the user's earlier address;
 * token_out (AUTH_SECRET_LEN + 1 bytes) is shown once and stored hashed. */
int svc_caltoken_create(struct service *svc, const struct actor *a, const char *username,
			char *token_out, struct svc_result *r);
int svc_caltoken_revoke(struct service *svc, const struct actor *a, const char *username,
			int *count, struct svc_result *r);
/* ACT_PROFILE: when the actor's live address was made (caller frees), or
 * NULL when there is none. */
int svc_caltoken_status(struct service *svc, const struct actor *a, char **created_at,
			struct svc_result *r);

/* The feed behind /kalender/<token>.ics: no session (calendar clients
 * cannot sign in), the token stands for its user. The meetings of the
 * bodies the user takes part in (as svc_calendar_body). A wrong or
 * revoked token, or a disabled user, gives SVC_NOT_FOUND and nothing
 * else. Every use is logged (calendar.feed), failures too. *owner gets
 * the user's name for the calendar's title (caller frees). */
int svc_calendar_feed(struct service *svc, const char *token, const char *client, struct org *org,
		      struct meeting_list *out, char **owner, struct svc_result *r);

#endif
