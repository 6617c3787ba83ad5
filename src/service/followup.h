/* followup.h - following up a concern through the service layer (issue 9,
 * "Follow-up"; domain.md sections 4 and 6): the concern's whole record for
 * its page (person with the CPR number masked, category history, actions,
 * case notes, related people), new actions (a follow-up
 * bekymringssamtale), an action's status and dates (planned and held; an
 * underretning's report and receipt), case notes (the welfare flag and
 * the underretning prompt) and related people; and the open actions an
 * actor owns, for the forside.
 *
 * Every call is one audited call (service_internal.h: svc_begin ...
 * svc_commit) with the data subject "person:<id>" and the concern's legal
 * basis. Note texts, names and phone numbers pass the one text policy
 * and are sealed before the store sees them. Errors as concern.h:
 * SVC_INVALID with the field named, SVC_FORBIDDEN, SVC_NOT_FOUND, and
 * SVC_CONFLICT for a change to a closed concern. */
#ifndef SSP_SERVICE_FOLLOWUP_H
#define SSP_SERVICE_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/followup.h"
#include "service/service.h"

/* ---- input ------------------------------------------------------------------ */

/* A new action on a concern. */
struct action_input {
	const char *type;         /* an action type id (domain/concern.h) */
	const char *owner_org;    /* required; a bekymringssamtale's is "ssp" (the
				   * SSP-team is its tovholder), its default */
	const char *owner_user;   /* optional username */
	const char *due;          /* YYYY-MM-DD; NULL: today + the category's deadline */
	const char *planned_date; /* bekymringssamtale: when it is planned, or NULL */
	const char *reported_at;  /* underretning: the day it was made (not in the
				   * future; sets the receipt's due day), or NULL */
};

/* A change to an action; NULL members are left as they are. */
struct action_change {
	const char *status;       /* "open", "done", "cancelled" */
	const char *planned_date; /* bekymringssamtale */
	const char *held_date;    /* bekymringssamtale; not in the future */
	const char *reported_at;  /* underretning made; not in the future; sets the
				   * receipt's due day (6 working days later) */
	const char *receipt_at;   /* underretning received; not before the report */
};

struct case_note_input {
	const char *text; /* required */
	bool welfare;     /* signals concern for a child's welfare */
	long long action; /* 0, or an action of the same concern (minutes) */
};

struct related_input {
	const char *name;     /* required */
	const char *relation; /* domain/followup.h relation ids */
	const char *phone;    /* optional */
};

/* ---- views ------------------------------------------------------------------ */

struct followup_action {
	long long id, concern;
	char *type, *owner_org, *owner_user, *status; /* owned; owner_user may be NULL */
	long due, planned, held, reported, receipt_due, receipt_at; /* CAL_NO_DAY: none */
	long deadline;        /* what it waits for (followup_deadline) */
	bool overdue;         /* open and past its deadline */
	bool receipt_overdue; /* an underretning's receipt is late */
};

struct followup_note {
	long long id, action; /* action 0: none */
	char *text;           /* owned */
	bool welfare;
	char *created_at, *created_by; /* owned */
};

struct followup_related {
	long long id;
	char *name, *relation, *phone; /* owned; phone may be NULL */
};

struct followup_view {
	long long id, person;
	char *name;          /* owned */
	char cpr_masked[12]; /* "DDMMYY-xxxx", or "" without CPR */
	int age;             /* today */
	unsigned flags;      /* TARGET_FLAG_* today */
	int category;        /* current level; 0 when the strategy lost it */
	int *history;        /* levels, oldest first (owned) */
	size_t history_nr;
	char *legal_basis; /* owned */
	bool open;
	char *close_reason; /* owned, or NULL */
	struct followup_action *actions;
	size_t actions_nr;
	struct followup_note *notes;
	size_t notes_nr;
	struct followup_related *related;
	size_t related_nr;
	/* A note signals concern for the child's welfare and no underretning
	 * has been recorded as made: the page prompts for one, for everyone,
	 * until one is. */
	bool report_prompt;
};

void followup_view_release(struct followup_view *v);

struct my_actions {
	struct followup_action *v; /* overdue first, then by deadline */
	size_t nr;
};

void my_actions_release(struct my_actions *l);

/* ---- calls --------------------------------------------------------------------- */

/* The concern's whole record for its page (ACT_CONCERN_VIEW). */
int svc_followup_get(struct service *svc, const struct actor *a, long long concern,
		     struct followup_view *out, struct svc_result *r);
/* A new action on an open concern (ACT_CONCERN_UPDATE). */
int svc_action_add(struct service *svc, const struct actor *a, long long concern,
		   const struct action_input *in, long long *id, struct svc_result *r);
/* Changes action id (ACT_CONCERN_UPDATE); *concern gets its concern (may
 * be NULL). Fields: "status", "planned_date", "held_date", "reported_at",
 * "receipt_at". */
int svc_action_change(struct service *svc, const struct actor *a, long long id,
		      const struct action_change *in, long long *concern, struct svc_result *r);
/* A case note on an open concern (ACT_CONCERN_UPDATE). *prompt (may be
 * NULL) is true when the concern now asks for an underretning. */
int svc_case_note_add(struct service *svc, const struct actor *a, long long concern,
		      const struct case_note_input *in, long long *id, bool *prompt,
		      struct svc_result *r);
/* A related person on an open concern (ACT_CONCERN_UPDATE); never a
 * concern of their own. */
int svc_related_add(struct service *svc, const struct actor *a, long long concern,
		    const struct related_input *in, long long *id, struct svc_result *r);
/* The open actions of open concerns the actor owns: by name, or by their
 * organisation with no named owner (ACT_CONCERN_VIEW; no personal data:
 * types, dates and concern numbers). */
int svc_actions_mine(struct service *svc, const struct actor *a, struct my_actions *out,
		     struct svc_result *r);

#endif
