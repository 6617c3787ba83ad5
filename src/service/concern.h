/* concern.h - the individual case flow through the service layer (issue 9;
 * domain.md sections 2, 4 and 6): young people, the police hand-over list
 * of a § 115-møde, referrals from schools and clubs and their screening,
 * the meeting's agenda and decisions, concerns with their actions and
 * closing, and the statistics.
 *
 * Every call goes through the one permission decision (authz_decide, with
 * the record's facts) and writes one access-log entry with the data
 * subject ("person:<id>", never a name or CPR number) and the legal basis
 * (domain/concern.h codes: "ssp", "ksp-a", ...). Names, CPR numbers and
 * every free text are sealed (service/crypto.h) before the store sees
 * them; a CPR number is found through its blind index. Views hand out
 * plain text only after the read was logged.
 *
 * Errors: SVC_INVALID with the field named (422 in the API), SVC_FORBIDDEN,
 * SVC_NOT_FOUND (also for a hand-over entry deleted at meeting close),
 * SVC_CONFLICT when another participant decided the item first.
 */
#ifndef SSP_SERVICE_CONCERN_H
#define SSP_SERVICE_CONCERN_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/concern.h"
#include "service/service.h"

/* ---- young people -------------------------------------------------------- */

struct person_input {
	const char *name;        /* required */
	const char *cpr;         /* or */
	const char *birth_date;  /* YYYY-MM-DD */
	const char *institution; /* optional; a contact person's own by default */
};

struct person_view {
	long long id;
	char *name;          /* owned */
	char cpr_masked[12]; /* "DDMMYY-xxxx", or "" without CPR */
	long birth;          /* a day */
	int age;             /* today */
	unsigned flags;      /* TARGET_FLAG_* today */
	char *institution;   /* owned, or NULL */
	char *district;      /* owned, or NULL */
};

void person_view_release(struct person_view *v);

/* Registers a young person. Refuses a CPR number with an impossible date
 * ("cpr"), a birth date in the future or someone over the target group's
 * age today ("birth_date" / "cpr"). A CPR number already registered gives
 * the existing person (*existing true). *id and *t (age and flags today). */
int svc_person_add(struct service *svc, const struct actor *a, const struct person_input *in,
		   long long *id, bool *existing, struct target_result *t, struct svc_result *r);
/* The person, with the CPR number masked. */
int svc_person_get(struct service *svc, const struct actor *a, long long id,
		   struct person_view *out, struct svc_result *r);
/* The CPR number in full ("DDMMYY-SSSS"): an action of its own, logged. */
int svc_person_cpr(struct service *svc, const struct actor *a, long long id, char out[12],
		   struct svc_result *r);

/* ---- the police hand-over list ---------------------------------------------- */

struct handover_input {
	long long meeting, person;
	const char *contact_date; /* YYYY-MM-DD */
	const char *summary;
	int category; /* suggested level 1..n; 0 for none */
};

struct handover_view {
	long long id, meeting, person, concern; /* concern 0 until decided */
	long contact_date;
	char *summary; /* owned */
	int category;  /* 0 when none */
	int age;       /* at the contact date */
	unsigned flags;
};

void handover_view_release(struct handover_view *v);
int svc_handover_add(struct service *svc, const struct actor *a, const struct handover_input *in,
		     long long *id, struct svc_result *r);
int svc_handover_get(struct service *svc, const struct actor *a, long long id,
		     struct handover_view *out, struct svc_result *r);

/* ---- referrals ------------------------------------------------------------- */

struct referral_input {
	long long person;
	const char *summary, *necessity, *legal_basis;
};

struct referral_view {
	long long id, person, meeting, concern;
	char *status; /* owned: "submitted", "agenda", "adhoc", "other", "decided" */
	bool content; /* false: a contact person's view, status only */
	char *summary, *necessity, *reason, *legal_basis; /* owned; NULL without content */
};

void referral_view_release(struct referral_view *v);
int svc_referral_add(struct service *svc, const struct actor *a, const struct referral_input *in,
		     long long *id, struct svc_result *r);
/* decision: "agenda" or "adhoc" (meeting required: a planned meeting of a
 * body that allows named individuals) or "other" (reason required). */
int svc_referral_screen(struct service *svc, const struct actor *a, long long id,
			const char *decision, long long meeting, const char *reason,
			struct svc_result *r);
int svc_referral_get(struct service *svc, const struct actor *a, long long id,
		     struct referral_view *out, struct svc_result *r);

/* ---- the § 115-møde ----------------------------------------------------------- */

enum agenda_kind { AGENDA_HANDOVER, AGENDA_REFERRAL, AGENDA_FOLLOWUP };
const char *agenda_kind_id(enum agenda_kind k); /* "handover", "referral", "followup" */
int agenda_kind_parse(const char *s, enum agenda_kind *out);

struct agenda_item {
	enum agenda_kind kind;
	long long id; /* the hand-over entry, referral or concern */
	long long person;
	char *name;    /* owned */
	char *summary; /* owned, or NULL (a follow-up) */
	int category;  /* suggested or current; 0 when none */
	int age;       /* at the meeting */
	unsigned flags;
	long long concern; /* decided: the concern; 0 when not */
};

struct agenda {
	long long meeting;
	bool closed;
	struct agenda_item *v;
	size_t nr, alloc;
};

void agenda_release(struct agenda *g);
int svc_agenda(struct service *svc, const struct actor *a, long long meeting, struct agenda *out,
	       struct svc_result *r);

struct decision_input_action {
	const char *type, *owner_org, *owner_user; /* owner_user may be NULL */
	const char *due;                           /* YYYY-MM-DD, or NULL: the category's default */
	long long offer; /* "henvisning": the offer of the help landscape referred to
			  * (service/team.h), or 0; SVC_INVALID on "actions" for
			  * another type or an offer not in the directory */
};

struct decision_input {
	int category;
	const char *legal_basis;
	bool necessity;
	bool serious_crime, prison_sentence;
	const struct decision_input_action *actions;
	size_t actions_nr;
};

/* Decides agenda item (kind, id) of meeting. *concern gets the concern
 * it opened or joined. SVC_CONFLICT when the item was decided already. */
int svc_concern_decide(struct service *svc, const struct actor *a, long long meeting,
		       enum agenda_kind kind, long long item, const struct decision_input *in,
		       long long *concern, struct svc_result *r);
/* Closes the meeting for the case flow: every hand-over entry not turned
 * into a concern is deleted (*deleted: how many; the log records the
 * count, no personal data). SVC_CONFLICT when it was closed already. */
int svc_meeting_close(struct service *svc, const struct actor *a, long long meeting, long *deleted,
		      struct svc_result *r);

/* ---- concerns -------------------------------------------------------------- */

struct concern_view_action {
	long long id;
	char *type, *owner_org, *owner_user, *status; /* owned */
	long due, receipt_due;
	long long offer;  /* henvisning: the offer referred to, or 0 */
	char *offer_name; /* its name (owned), or NULL */
};

struct concern_view {
	long long id, person;
	char *name;   /* owned */
	int category; /* current level; 0 when the strategy lost it */
	char *legal_basis;
	bool open;
	char *close_reason; /* owned, or NULL */
	int *history;       /* levels, oldest first (owned) */
	size_t history_nr;
	struct concern_view_action *actions;
	size_t actions_nr;
};

void concern_view_release(struct concern_view *v);
int svc_concern_get(struct service *svc, const struct actor *a, long long id,
		    struct concern_view *out, struct svc_result *r);
int svc_concern_close(struct service *svc, const struct actor *a, long long id, const char *reason,
		      struct svc_result *r);

/* ---- statistics -------------------------------------------------------------- */

/* The year's concerns counted by category, age band, district and month
 * (domain/concern.h). out is concern_stats_release()d by the caller; *o
 * (org_release) names the categories and districts. */
int svc_concern_stats(struct service *svc, const struct actor *a, int year, struct org *o,
		      struct concern_stats *out, struct svc_result *r);
/* The counts are kept on the connection (svc) and made again only when
 * something they count changed (concern_store_stats_epoch): how many
 * times this connection has made them, for the tests. */
long svc_concern_stats_loads(const struct service *svc);

#endif
