/* team_store.h - the SSP-team's daily work (migration 6): the [ssp-team]
 * keys of the strategy, the help landscape (offer, offer_theme,
 * offer_district), courses and events (team_event) with registrations and
 * attendance (event_registration) and duty shifts (event_shift).
 *
 * Same contract as store.h: parameterised SQL, one transaction per write,
 * 0 on success, -1 with a Danish message in *err (caller frees). Who may
 * do what, the checks of the input, and the access log are
 * service/team.h's.
 */
#ifndef SSP_TEAM_STORE_H
#define SSP_TEAM_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/org.h"
#include "domain/team.h"
#include "store/store.h"
#include "util/strlist.h"

/* ---- the strategy's [ssp-team] keys (called from store_org_save and
 * store_org_load, inside their transactions; -1 on a database error) ---- */
int store_team_settings_save(struct store *s, const struct org *o);
int store_team_settings_load(struct store *s, struct org *o);

/* ---- offers ---- */

struct offer_row {
	long long id;
	char *name, *provider;
	int age_from, age_to;
	struct strlist themes;
	struct strlist districts; /* district ids; empty: the whole municipality */
	char *referral;           /* who may refer, how, expected waiting time */
	char *contact;            /* by function; may be NULL */
	long confirmed;           /* a day (calendar.h) */
	long long owner_id;       /* 0: none */
	char *owner;              /* the owner's username, or NULL */
	char *updated_at, *updated_by;
};

struct offer_rows {
	struct offer_row *v;
	size_t nr, alloc;
};

void offer_row_release(struct offer_row *r);
void offer_rows_release(struct offer_rows *l);

/* Every active offer matching f, by name. age < 0, district NULL and theme
 * NULL match all; an offer without districts covers every district. */
struct offer_filter {
	int age;
	const char *district;
	const char *theme;
};
int store_offers_load(struct store *s, const struct offer_filter *f, struct offer_rows *out,
		      char **err);
/* 1 when there is no active offer id. */
int store_offer_get(struct store *s, long long id, struct offer_row *out, char **err);
/* Inserts r (id ignored) with its themes and districts; *id gets the new id. */
int store_offer_insert(struct store *s, const struct offer_row *r, long long *id, char **err);
/* Sets confirmed and updated_*; 1 when there is no active offer id. */
int store_offer_confirm(struct store *s, long long id, long day, const char *by, char **err);

/* ---- courses and events ---- */

struct event_row {
	long long id;
	char *uid;
	enum event_kind kind;
	char *name;
	long long start, end; /* team_moment() */
	char *place, *audience;
	int capacity; /* 0: no limit */
	char *expected, *risk_notes, *call_list, *evaluation, *recurring;
	bool cancelled;
	int registered; /* number of registrations */
	bool mine;      /* is the user of the load registered? */
	char *created_by;
};

struct event_rows {
	struct event_row *v;
	size_t nr, alloc;
};

void event_row_release(struct event_row *r);
void event_rows_release(struct event_rows *l);

/* The events starting in year (0: every year), by start; mine is for
 * user_id (0: none). */
int store_events_load(struct store *s, int year, long long user_id, struct event_rows *out,
		      char **err);
/* 1 when there is no event id. */
int store_event_get(struct store *s, long long id, long long user_id, struct event_row *out,
		    char **err);
/* Inserts r (id, registered, mine ignored; uid made here); *id gets the id. */
int store_event_insert(struct store *s, const struct event_row *r, const char *by, long long *id,
		       char **err);
/* Sets the evaluation text (NULL clears it); 1 when there is no event id. */
int store_event_evaluation(struct store *s, long long id, const char *text, char **err);

/* One transaction: registers user_id for event id unless capacity (0: no
 * limit) is reached. 0; 1 no such event; -2 full; -3 already registered. */
int store_registration_add(struct store *s, long long event_id, long long user_id, int capacity,
			   const char *by, char **err);

struct registration_row {
	long long user_id;
	char *username, *name, *role, *institution;
	int attended; /* -1 not recorded, 0 absent, 1 present */
};

struct registration_rows {
	struct registration_row *v;
	size_t nr, alloc;
};

void registration_rows_release(struct registration_rows *l);
int store_registrations_load(struct store *s, long long event_id, struct registration_rows *out,
			     char **err);
/* Records attended (0 or 1) for user_id; 1 when not registered. */
int store_attendance_set(struct store *s, long long event_id, long long user_id, int attended,
			 char **err);

/* ---- the training rule ---- */

/* An active contact person: since is the day the account was made with
 * that role; trained the first start day of a training (kind "training",
 * not cancelled) they attended, or CAL_NO_DAY. */
struct trainee_row {
	long long user_id;
	char *username, *name, *institution;
	long since, trained;
};

struct trainee_rows {
	struct trainee_row *v;
	size_t nr, alloc;
};

void trainee_rows_release(struct trainee_rows *l);
int store_trainees_load(struct store *s, struct trainee_rows *out, char **err);

/* ---- duty shifts ---- */

struct shift_row {
	long long id, event_id, user_id;
	char *username, *name, *task, *event_name;
	long long start, end;
};

struct shift_rows {
	struct shift_row *v;
	size_t nr, alloc;
};

void shift_rows_release(struct shift_rows *l);
/* The shifts of event_id (user_id 0), or of user_id over every event
 * that is not cancelled (event_id 0), by start. */
int store_shifts_load(struct store *s, long long event_id, long long user_id,
		      struct shift_rows *out, char **err);
int store_shift_insert(struct store *s, const struct shift_row *r, long long *id, char **err);

/* ---- knowledge notes ---- */

struct note_row {
	long long id;
	char *title, *body, *created_at, *created_by;
	struct strlist roles, bodies; /* the audience: role ids, body ids */
	bool read;                    /* by the user of the load */
};

struct note_rows {
	struct note_row *v;
	size_t nr, alloc;
};

void note_rows_release(struct note_rows *l);
/* Notes newest first: every note when all, else those addressed to role
 * or to a body user_id takes part in (body_participant); only the ones
 * user_id has not read when unread_only. */
int store_notes_load(struct store *s, long long user_id, const char *role, bool all,
		     bool unread_only, struct note_rows *out, char **err);
int store_note_insert(struct store *s, const char *title, const char *body,
		      const struct strlist *roles, const struct strlist *bodies, const char *by,
		      long long *id, char **err);
/* Marks note_id read by user_id (idempotent). */
int store_note_read(struct store *s, long long note_id, long long user_id, char **err);

/* ---- advice given ---- */

struct advice_row {
	long long id;
	long day;
	char *asker, *theme, *district; /* district NULL: the whole municipality */
	int minutes;
	bool referral, underretning;
};

struct advice_rows {
	struct advice_row *v;
	size_t nr, alloc;
};

void advice_rows_release(struct advice_rows *l);
int store_advice_insert(struct store *s, const struct advice_row *r, const char *by, long long *id,
			char **err);
/* The records of year, newest first. */
int store_advice_load(struct store *s, int year, struct advice_rows *out, char **err);

/* One cell of the yearly counts: theme x district (NULL: whole municipality). */
struct advice_count {
	char *theme, *district;
	int count, minutes, referrals, underretninger;
};

struct advice_counts {
	struct advice_count *v;
	size_t nr, alloc;
};

void advice_counts_release(struct advice_counts *l);
int store_advice_counts(struct store *s, int year, struct advice_counts *out, char **err);

#endif
