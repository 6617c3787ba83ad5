/* team_record.h - the records of the SSP-team's daily work as the service
 * hands them to the doors (service/team.h) and the store reads and writes
 * them (store/team_store.h): offers, courses and events, registrations,
 * contact persons in training, duty shifts, knowledge notes and advice.
 * Plain structs and their release functions (team_record.c), no I/O.
 */
#ifndef SSP_TEAM_RECORD_H
#define SSP_TEAM_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/team.h"
#include "util/strlist.h"

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

void offer_row_release(struct offer_row *r);

struct offer_rows {
	struct offer_row *v;
	size_t nr, alloc;
};

void offer_rows_release(struct offer_rows *l);

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
	int sequence;   /* iCalendar SEQUENCE: edits and the cancellation */
	int registered; /* number of registrations */
	bool mine;      /* is the user of the load registered? */
	char *created_by;
};

void event_row_release(struct event_row *r);

struct event_rows {
	struct event_row *v;
	size_t nr, alloc;
};

void event_rows_release(struct event_rows *l);

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

#endif
