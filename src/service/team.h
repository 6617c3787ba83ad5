/* team.h - the service layer for the SSP-team's daily work: the help
 * landscape (offers), courses, training and events with registration,
 * attendance and duty shifts, and the training rule for new contact
 * persons.
 *
 * Same contract as service.h: each function returns 0 or -1 with *r set.
 * Each change is one audited call (service_internal.h): the decision of
 * authz_decide on the role x action table (the local operator may do
 * all), the change and its access-log entry in one transaction (offer.add,
 * offer.edit, offer.remove, offer.confirm, event.add, event.edit,
 * event.cancel, event.register, event.attendance, event.evaluation,
 * event.shift, event.recurring, note.add, note.read, advice.add); input
 * refused by the checks below is logged "failed" with nothing changed.
 * Reading is decided the same way and only a refusal is logged: offers,
 * events, notes and advice counts hold no personal data about young
 * people.
 *
 * Every free-text field passes one check (team_service.c,
 * team_text_check): valid UTF-8, no control characters (line breaks only
 * where the field is multi-line), no CPR-like number, and a length limit.
 *
 *   ACT_OFFER_VIEW      the directory (svc_offers_list, svc_offer_themes)
 *   ACT_OFFER_EDIT      svc_offer_add, svc_offer_update, svc_offer_remove,
 *                       svc_offer_confirm (SSP-team)
 *   ACT_EVENT_VIEW      svc_events_list, svc_event_get, svc_events_ics
 *   ACT_EVENT_REGISTER  svc_event_register for oneself
 *   ACT_EVENT_EDIT      svc_event_add, svc_event_update, svc_event_cancel,
 *                       registering others, attendance,
 *                       evaluation, shifts, recurring events (SSP-team)
 *   ACT_COMPLIANCE_VIEW svc_training_report
 */
#ifndef SSP_TEAM_SERVICE_H
#define SSP_TEAM_SERVICE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/plan.h"
#include "domain/team.h"
#include "service/service.h"
#include "domain/team_record.h"

/* The themes offers and advice are filed under: the strategy's [ssp-team]
 * tema lines, or team_default_themes. ACT_OFFER_VIEW. */
int svc_team_themes(struct service *svc, const struct actor *a, struct strlist *out,
		    struct svc_result *r);

/* ---- offers ---- */

/* Has offer o gone a year without being confirmed, as of today? */
bool offer_stale(const struct offer_row *o, long today);

/* A search of the directory as typed: age "" or 0-99, district "" or a
 * district id, theme "" or one of the themes, text "" or words that must
 * all occur in name, provider, referral or themes (ASCII letters compared
 * without case). */
struct offer_query {
	const char *age, *district, *theme, *text;
};

/* SVC_INVALID (field age, district or theme) for a bad filter. */
int svc_offers_list(struct service *svc, const struct actor *a, const struct offer_query *q,
		    struct offer_rows *out, struct svc_result *r);

struct offer_input {
	const char *name, *provider, *referral, *contact;
	const char *age_from, *age_to; /* decimal 0-99 */
	const char *const *themes;
	size_t themes_nr;
	const char *const *districts;
	size_t districts_nr;
};

/* ACT_OFFER_EDIT. The actor becomes the offer's owner; confirmed today.
 * SVC_INVALID naming the field: name, provider, referral (a way to refer
 * is required), contact, age_from, age_to, themes, districts. */
int svc_offer_add(struct service *svc, const struct actor *a, const struct offer_input *in,
		  long long *id, struct svc_result *r);
/* ACT_OFFER_EDIT: the offer is still as described; confirmed today. */
int svc_offer_confirm(struct service *svc, const struct actor *a, long long id,
		      struct svc_result *r);
/* ACT_OFFER_VIEW: one offer of the directory (for its edit form);
 * SVC_NOT_FOUND when there is no such offer in it. */
int svc_offer_get(struct service *svc, const struct actor *a, long long id, struct offer_row *out,
		  struct svc_result *r);
/* ACT_OFFER_EDIT: replaces the offer's description with in (checked as
 * svc_offer_add); editing confirms it (today). Logged offer.edit. */
int svc_offer_update(struct service *svc, const struct actor *a, long long id,
		     const struct offer_input *in, struct svc_result *r);
/* ACT_OFFER_EDIT: takes the offer out of the directory (kept for the
 * record, never shown again). Logged offer.remove. */
int svc_offer_remove(struct service *svc, const struct actor *a, long long id,
		     struct svc_result *r);
/* The offers owned by the actor that are stale (for the front page);
 * ACT_OFFER_VIEW. */
int svc_offers_stale_mine(struct service *svc, const struct actor *a, struct offer_rows *out,
			  struct svc_result *r);

/* ---- courses, training and events ---- */

/* As typed: kind an event_kind id; start, end "YYYY-MM-DDTHH:MM" (local
 * time); capacity "" (no limit) or 1-10000; the rest free text (expected,
 * risk_notes, call_list optional: larger events). */
struct event_input {
	const char *kind, *name, *start, *end, *place, *audience, *capacity;
	const char *expected, *risk_notes, *call_list;
};

/* ACT_EVENT_EDIT. SVC_INVALID naming the field: kind, name, start (not
 * before today), end (after start), place, audience, capacity, ... */
int svc_event_add(struct service *svc, const struct actor *a, const struct event_input *in,
		  long long *id, struct svc_result *r);

/* ACT_EVENT_EDIT: replaces the event's description with in (checked as
 * svc_event_add, but a start left unchanged may lie in the past). Not for
 * a cancelled event (SVC_INVALID on id); capacity not below those
 * registered; a course with registrations cannot become kind "event"
 * (field kind). Logged event.edit. */
int svc_event_update(struct service *svc, const struct actor *a, long long id,
		     const struct event_input *in, struct svc_result *r);
/* ACT_EVENT_EDIT: cancels the event (kept; calendars show it cancelled,
 * registration closes). SVC_CONFLICT when already cancelled, SVC_INVALID
 * when it has begun. Logged event.cancel. */
int svc_event_cancel(struct service *svc, const struct actor *a, long long id,
		     struct svc_result *r);

/* ACT_EVENT_VIEW: the events starting in year (0: all). */
int svc_events_list(struct service *svc, const struct actor *a, int year, struct event_rows *out,
		    struct svc_result *r);

struct event_detail {
	struct event_row ev;
	struct registration_rows regs; /* only for ACT_EVENT_EDIT (names of participants) */
	struct shift_rows shifts;
	bool may_edit;
	bool may_register; /* open: not cancelled, not begun, not full, not registered */
	/* a larger event: the last meeting of the preparedness body (the
	 * strategy's [ssp-team] beredskabsforum, by default the hotspot
	 * meeting) on or before its first day, where its preparedness is on
	 * the agenda (0 / CAL_NO_DAY when none is stored); hotspot_body the
	 * body's name (owned), NULL when the strategy has no such body */
	long long hotspot_id;
	long hotspot_day;
	char *hotspot_body;
};
void event_detail_release(struct event_detail *d);

/* ACT_EVENT_VIEW; SVC_NOT_FOUND for an unknown id. */
int svc_event_get(struct service *svc, const struct actor *a, long long id,
		  struct event_detail *out, struct svc_result *r);

/* Signs username up for event id (NULL or the actor's own name:
 * ACT_EVENT_REGISTER; someone else: ACT_EVENT_EDIT). SVC_INVALID for an
 * event that has begun or is cancelled; SVC_CONFLICT on field capacity
 * when it is full, on field username when already registered. */
int svc_event_register(struct service *svc, const struct actor *a, long long id,
		       const char *username, struct svc_result *r);

/* ACT_EVENT_EDIT: those in present[0..n) (usernames) came, every other
 * registered person did not. SVC_INVALID for an event not yet begun or a
 * name that is not registered (field present). */
int svc_event_attendance(struct service *svc, const struct actor *a, long long id,
			 const char *const *present, size_t n, struct svc_result *r);

/* ACT_EVENT_EDIT: the short evaluation afterwards (multi-line text). */
int svc_event_evaluation(struct service *svc, const struct actor *a, long long id, const char *text,
			 struct svc_result *r);

/* ACT_EVENT_EDIT: a duty shift for username at event id, start/end as in
 * event_input. SVC_INVALID naming the field: username, start, end (not
 * after start), task; SVC_CONFLICT on field start when it overlaps one of
 * that person's other shifts. */
int svc_shift_add(struct service *svc, const struct actor *a, long long id, const char *username,
		  const char *start, const char *end, const char *task, long long *shift_id,
		  struct svc_result *r);

/* ACT_EVENT_EDIT: creates the strategy's recurring events of year that are
 * not yet planned (kind "event", 12:00 on the first day to 23:00 on the
 * last, a local choice to be edited); *created gets how many. Years before
 * this one are refused (field year). */
int svc_recurring_plan(struct service *svc, const struct actor *a, int year, int *created,
		       struct svc_result *r);

/* ACT_EVENT_VIEW: the events of year as iCalendar (caller frees *out). */
int svc_events_ics(struct service *svc, const struct actor *a, int year, char **out,
		   struct svc_result *r);

/* ---- larger events on the hotspot meetings' agenda ---- */

/* The agenda items offered for meeting m (of any body; only a meeting of
 * the preparedness body, the strategy's [ssp-team] beredskabsforum or by
 * default TEAM_HOTSPOT_BODY, that is not cancelled gets any): one per larger event
 * (kind "event", not cancelled) whose first day falls on or after m and
 * before the next hotspot meeting, "SSP-beredskab ved NAME (d/m–d/m)",
 * appended to out. ACT_EVENT_VIEW. */
int svc_team_hotspot_items(struct service *svc, const struct actor *a, const struct meeting *m,
			   struct strlist *out, struct svc_result *r);

/* ---- the training rule ---- */

struct training_report {
	int months;        /* the strategy's, or the default */
	bool default_used; /* the strategy is silent */
	long as_of;
	struct trainee_rows rows;
	enum training_status *status; /* one per row */
	long *deadline;               /* one per row */
	int untrained;                /* rows not TRAINING_DONE */
};
void training_report_release(struct training_report *t);

/* ACT_COMPLIANCE_VIEW. */
int svc_training_report(struct service *svc, const struct actor *a, long as_of,
			struct training_report *out, struct svc_result *r);

/* ---- knowledge notes ---- */

/* ACT_NOTE_WRITE. title one line, body multi-line (text and links, no
 * attachments), addressed to roles (role ids) and/or bodies (body ids of
 * the strategy), at least one. SVC_INVALID naming the field: title, body,
 * roles, bodies. Logged note.add. */
int svc_note_add(struct service *svc, const struct actor *a, const char *title, const char *body,
		 const char *const *roles, size_t roles_nr, const char *const *bodies,
		 size_t bodies_nr, long long *id, struct svc_result *r);
/* ACT_NOTE_VIEW: the notes addressed to the actor (the SSP-team, who write
 * them, see every note unless unread_only), newest first. */
int svc_notes_list(struct service *svc, const struct actor *a, bool unread_only,
		   struct note_rows *out, struct svc_result *r);
/* ACT_NOTE_VIEW: marks note id read by the actor; SVC_NOT_FOUND when it is
 * not addressed to them. Logged note.read. */
int svc_note_read(struct service *svc, const struct actor *a, long long id, struct svc_result *r);

/* ---- advice given (rådgivning) ---- */

/* As typed: day "YYYY-MM-DD" (not after today), asker an advice_asker id
 * (a role, never a name), theme one of the themes, district "" (the whole
 * municipality) or a district id, minutes 1-1440, referral/underretning
 * whether it led to one. */
struct advice_input {
	const char *day, *asker, *theme, *district, *minutes;
	bool referral, underretning;
};

/* ACT_ADVICE_RECORD. SVC_INVALID naming the field. Logged advice.add. */
int svc_advice_add(struct service *svc, const struct actor *a, const struct advice_input *in,
		   long long *id, struct svc_result *r);
/* ACT_ADVICE_RECORD: the records of year. */
int svc_advice_list(struct service *svc, const struct actor *a, int year, struct advice_rows *out,
		    struct svc_result *r);
/* ACT_ADVICE_VIEW: the yearly counts by theme and district. */
int svc_advice_counts(struct service *svc, const struct actor *a, int year,
		      struct advice_counts *out, struct svc_result *r);

#endif
