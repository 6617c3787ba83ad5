/* concern_store.h - the individual case flow's tables (migration 6):
 * people, related people, police hand-over entries, referrals, concerns
 * with their category history, agreed actions, case notes and the
 * decisions of the § 115-møde; and the strategy's case keys (category
 * deadlines, action types).
 *
 * The store never sees a clear name, CPR number or free text: those
 * columns are sealed BLOBs that the service seals and opens
 * (service/crypto.h binds table, column and row as associated data, so
 * the service needs a row's id before it seals: it inserts the row, then
 * sets the sealed columns with the *_seal functions, inside one
 * transaction it holds with store_tx_begin/end). The CPR look-up goes
 * through the keyed blind index the service computes.
 *
 * Same contract as store.h: parameterised SQL only, 0 on success, -1
 * with a Danish message in *err (caller frees); look-ups return 1 when
 * the row does not exist. Who may do what, and the access log, are the
 * service's.
 */
#ifndef SSP_CONCERN_STORE_H
#define SSP_CONCERN_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/org.h"
#include "store/store.h"

/* A sealed value: bytes the store keeps as they are. p may be NULL (SQL
 * NULL) only where the column allows it. Returned blobs are owned by the
 * row and freed by its release function. */
struct sealed {
	unsigned char *p;
	size_t n;
};

/* ---- transactions ------------------------------------------------------ */

/* A write that spans several store calls (insert, then seal) runs inside
 * BEGIN IMMEDIATE ... COMMIT; store_tx_end commits when rc is 0 and rolls
 * back otherwise. */
int concern_store_begin(struct store *s, char **err);
int concern_store_end(struct store *s, int rc, char **err);

/* ---- people -------------------------------------------------------------- */

struct person_row {
	long long id;
	struct sealed name, cpr; /* cpr.p NULL: birth date only */
	long birth;              /* a day (calendar.h) */
	char *institution;       /* or NULL */
	char *district;          /* or NULL */
	char *created_at, *created_by;
};

void person_row_release(struct person_row *r);

/* Inserts a person with empty sealed columns and the blind index
 * (cpr_index may be NULL); *id gets the new row's id. A CPR index that is
 * already there answers 1 and *id the existing person's id (one person,
 * one row). */
int concern_store_person_insert(struct store *s, const struct sealed *cpr_index, long birth,
				const char *institution, const char *district, const char *by,
				long long *id, char **err);
/* Sets the sealed name and CPR of person id. */
int concern_store_person_seal(struct store *s, long long id, const struct sealed *name,
			      const struct sealed *cpr, char **err);
int concern_store_person_get(struct store *s, long long id, struct person_row *out, char **err);
/* The person with this blind index: 0 and *id, 1 when none. */
int concern_store_person_by_index(struct store *s, const struct sealed *cpr_index, long long *id,
				  char **err);

/* ---- related people ----------------------------------------------------- */

struct related_row {
	long long id, concern_id;
	struct sealed name, phone;
	char *relation; /* forælder, værge, søskende, familie, anden-voksen */
};

struct related_rows {
	struct related_row *v;
	size_t nr, alloc;
};

void related_rows_release(struct related_rows *l);
int concern_store_related_insert(struct store *s, long long concern_id, const char *relation,
				 const char *by, long long *id, char **err);
int concern_store_related_seal(struct store *s, long long id, const struct sealed *name,
			       const struct sealed *phone, char **err);
int concern_store_related_list(struct store *s, long long concern_id, struct related_rows *out,
			       char **err);

/* ---- police hand-over entries -------------------------------------------- */

struct handover_row {
	long long id, meeting_id, person_id;
	long contact_date; /* a day */
	struct sealed summary;
	char *category;       /* suggested category id, or NULL */
	long long concern_id; /* 0 until turned into a concern */
	char *created_at, *created_by;
};

struct handover_rows {
	struct handover_row *v;
	size_t nr, alloc;
};

void handover_row_release(struct handover_row *r);
void handover_rows_release(struct handover_rows *l);
int concern_store_handover_insert(struct store *s, long long meeting_id, long long person_id,
				  long contact_date, const char *category, const char *by,
				  long long *id, char **err);
int concern_store_handover_seal(struct store *s, long long id, const struct sealed *summary,
				char **err);
int concern_store_handover_get(struct store *s, long long id, struct handover_row *out, char **err);
int concern_store_handover_list(struct store *s, long long meeting_id, struct handover_rows *out,
				char **err);
/* Deletes the meeting's entries that were not turned into a concern;
 * *deleted gets how many (for the non-personal deletion record). */
int concern_store_handover_purge(struct store *s, long long meeting_id, long *deleted, char **err);

/* ---- meetings (the case flow's view) ------------------------------------ */

/* The body id, start day and whether the meeting is closed for the case
 * flow. 1 when there is no such meeting. *body is the caller's to free. */
int concern_store_meeting_get(struct store *s, long long meeting_id, char **body, long *day,
			      bool *closed, char **err);
/* Marks the meeting closed (closed_at now). 1 when it already was. */
int concern_store_meeting_close(struct store *s, long long meeting_id, char **err);

/* ---- referrals -------------------------------------------------------------- */

enum referral_status {
	REFERRAL_SUBMITTED,
	REFERRAL_AGENDA, /* onto the next § 115 agenda */
	REFERRAL_ADHOC,  /* to an ad hoc § 115-møde */
	REFERRAL_OTHER,  /* handled otherwise, with a reason */
	REFERRAL_DECIDED /* the meeting decided it */
};
const char *referral_status_id(enum referral_status st);
int referral_status_parse(const char *s, enum referral_status *out);

struct referral_row {
	long long id, person_id, meeting_id, concern_id; /* 0 when none */
	char *institution;
	struct sealed summary, necessity, screen_reason;
	char *legal_basis;
	enum referral_status status;
	char *screened_at, *screened_by, *created_at, *created_by;
};

struct referral_rows {
	struct referral_row *v;
	size_t nr, alloc;
};

void referral_row_release(struct referral_row *r);
void referral_rows_release(struct referral_rows *l);
int concern_store_referral_insert(struct store *s, long long person_id, const char *institution,
				  const char *legal_basis, const char *by, long long *id,
				  char **err);
int concern_store_referral_seal(struct store *s, long long id, const struct sealed *summary,
				const struct sealed *necessity, char **err);
/* Screens a submitted referral: status, meeting (0: none); the reason is
 * sealed afterwards with concern_store_referral_seal_reason. 1 when the
 * referral is not (or no longer) submitted: another screening won. */
int concern_store_referral_screen(struct store *s, long long id, enum referral_status st,
				  long long meeting_id, const char *by, char **err);
int concern_store_referral_seal_reason(struct store *s, long long id, const struct sealed *reason,
				       char **err);
int concern_store_referral_get(struct store *s, long long id, struct referral_row *out, char **err);
/* By creator (username, non-NULL) or by meeting (> 0) or all submitted
 * ones (both unset). */
int concern_store_referral_list(struct store *s, const char *created_by, long long meeting_id,
				struct referral_rows *out, char **err);

/* ---- concerns --------------------------------------------------------------- */

struct concern_row {
	long long id, person_id, meeting_id;
	char *category, *legal_basis;
	bool serious_crime, prison_sentence, open;
	char *opened_at, *opened_by, *closed_at, *closed_by;
	struct sealed close_reason;
};

struct category_step {
	char *at, *category, *by;
	long long meeting_id;
};

struct category_steps {
	struct category_step *v;
	size_t nr, alloc;
};

void concern_row_release(struct concern_row *r);
void category_steps_release(struct category_steps *l);
/* The person's open concern: 0 and *id, 1 when none. */
int concern_store_open_for_person(struct store *s, long long person_id, long long *id, char **err);
int concern_store_concern_get(struct store *s, long long id, struct concern_row *out, char **err);
int concern_store_category_history(struct store *s, long long concern_id,
				   struct category_steps *out, char **err);
/* Closes an open concern; the reason is sealed afterwards. 1 when it is
 * not open. */
int concern_store_concern_close(struct store *s, long long id, const char *by, char **err);
int concern_store_concern_seal_reason(struct store *s, long long id, const struct sealed *reason,
				      char **err);

/* ---- decisions ---------------------------------------------------------------- */

struct decision_action_in {
	const char *type, *owner_org, *owner_user; /* owner_user may be NULL */
	long due;                                  /* a day */
	long receipt_due;                          /* underretning: a day; else CAL_NO_DAY */
	long long offer_id;                        /* henvisning: the offer, or 0 */
};

struct decision_in {
	long long meeting_id;
	const char *item_kind; /* "handover", "referral", "followup" */
	long long item_id;
	long long person_id;
	const char *category, *legal_basis;
	bool serious_crime, prison_sentence;
	const struct decision_action_in *actions;
	size_t actions_nr;
	const char *by;
};

/* Records a decision in the caller's transaction: joins the person's
 * open concern (recording a category change in the history) or opens
 * one, inserts the actions, links the hand-over entry or referral to the
 * concern. *concern_id gets the concern. 1 when the item was decided
 * already (UNIQUE: the other participant won). */
int concern_store_decide(struct store *s, const struct decision_in *d, long long *concern_id,
			 char **err);
/* Records that a participant declined to share on an item. */
int concern_store_decline(struct store *s, long long meeting_id, const char *item_kind,
			  long long item_id, const char *username, const char *org, char **err);
/* Is the item decided? 0 yes (and *concern_id), 1 no. */
int concern_store_decision_for(struct store *s, long long meeting_id, const char *item_kind,
			       long long item_id, long long *concern_id, char **err);

/* ---- actions -------------------------------------------------------------------- */

struct action_row {
	long long id, concern_id, person_id;
	char *type, *owner_org, *owner_user, *status;
	long due, planned, held, reported, receipt_due, receipt_at; /* days; CAL_NO_DAY when none */
	long long offer_id; /* henvisning: the offer referred to, or 0 */
	char *offer_name;   /* its name, or NULL */
};

struct action_rows {
	struct action_row *v;
	size_t nr, alloc;
};

void action_rows_release(struct action_rows *l);
int concern_store_actions_of_concern(struct store *s, long long concern_id, struct action_rows *out,
				     char **err);
/* The action with this id (out->nr 0 when there is none). */
int concern_store_action_by_id(struct store *s, long long id, struct action_rows *out, char **err);
/* A user's open actions on open concerns: named to them, or unnamed at
 * their organisation; overdue first (by due date). */
int concern_store_actions_mine(struct store *s, const char *org, const char *user,
			       struct action_rows *out, char **err);
/* Open actions of open concerns owned by an organisation (and, when user
 * is not NULL, those with no named owner or owned by that user), overdue
 * first: by due date, oldest first. An action left open on a closed
 * concern is not a follow-up for the next § 115 meeting. */
int concern_store_actions_open(struct store *s, const char *owner_org, const char *user,
			       struct action_rows *out, char **err);
/* Sets an action's status (open, done, cancelled), planned and held days
 * (CAL_NO_DAY leaves them), the underretning's report day and receipt
 * due day. 1 when there is no such action. */
int concern_store_action_update(struct store *s, long long id, const char *status, long planned,
				long held, long reported, long receipt_due, char **err);

/* ---- case notes ----------------------------------------------------------------- */

struct case_note_row {
	long long id, concern_id, action_id;
	struct sealed text;
	bool welfare;
	char *created_at, *created_by;
};

struct case_note_rows {
	struct case_note_row *v;
	size_t nr, alloc;
};

void case_note_rows_release(struct case_note_rows *l);
int concern_store_note_insert(struct store *s, long long concern_id, long long action_id,
			      bool welfare, const char *by, long long *id, char **err);
int concern_store_note_seal(struct store *s, long long id, const struct sealed *text, char **err);
int concern_store_notes(struct store *s, long long concern_id, struct case_note_rows *out,
			char **err);

/* ---- statistics ----------------------------------------------------------------- */

/* One row per concern opened in year: category id, the person's birth
 * day, district id (or NULL) and the opening day. Nothing identifying.
 * (Counting in SQL instead, GROUP BY category, district, age and month,
 * was measured slower: bench/findings.md.) */
struct stats_source {
	char *category, *district;
	long birth, opened;
};

struct stats_sources {
	struct stats_source *v;
	size_t nr, alloc;
};

void stats_sources_release(struct stats_sources *l);
int concern_store_stats(struct store *s, int year, struct stats_sources *out, char **err);
/* The value every change the statistics can see replaces (the table
 * stats_epoch and its triggers, migration "issue 10: the steering group's
 * statistics"): equal values, equal counts. An access-log entry leaves
 * it. 0; 1 when the row is missing (then nothing may be kept); -1. */
int concern_store_stats_epoch(struct store *s, long long *out, char **err);

/* ---- the strategy's case keys (called by store_org_save / _load) ---------------- */

/* Category deadlines and seriousness, the strategy's action types. */
int store_concern_strategy_save(struct store *s, const struct org *o);
int store_concern_strategy_load(struct store *s, struct org *o);

#endif
