/* meeting_run_store.h - running a meeting and calendar subscriptions
 * (migration 4): agenda items, attendance, general minutes, who takes
 * part in which body, and private calendar tokens.
 *
 * Same contract as store.h: parameterised SQL, one transaction per write,
 * 0 on success, -1 with a Danish message in *err (caller frees). Who may
 * do what, and the access log, are the service layer's
 * (service/meeting_run.h).
 */
#ifndef SSP_MEETING_RUN_STORE_H
#define SSP_MEETING_RUN_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/authz.h"
#include "domain/meeting_record.h"
#include "store/store.h"
#include "util/strlist.h"

/* ---- agenda (meeting_agenda_item) ---- */

/* Loads the stored agenda of a meeting into out (appended, in order);
 * *stored is false when the meeting has none stored (its agenda has never
 * been edited). */
int store_agenda_load(struct store *s, long long meeting_id, struct strlist *out, bool *stored,
		      char **err);
/* Replaces the meeting's agenda with items. An empty list is stored as one
 * empty row, so that an agenda emptied by hand stays empty instead of
 * falling back to the proposed one (store_agenda_load skips it). */
int store_agenda_save(struct store *s, long long meeting_id, const struct strlist *items,
		      char **err);

/* ---- participants (body_participant) ---- */

/* The active users who take part in body, by name. */
int store_participants_load(struct store *s, const char *body, struct person_list *out, char **err);
/* The bodies user_id takes part in (appended to out). */
int store_participant_bodies(struct store *s, long long user_id, struct strlist *out, char **err);
/* 0 added, 1 already there, -1 error. */
int store_participant_add(struct store *s, const char *body, long long user_id, char **err);
/* 0 removed, 1 was not there, -1 error. */
int store_participant_remove(struct store *s, const char *body, long long user_id, char **err);

/* ---- attendance (meeting_attendance) ---- */

/* Users first (by name), then guests in the order they were added. */
int store_attendance_load(struct store *s, long long meeting_id, struct person_list *out,
			  char **err);
/* Replaces the meeting's attendance with att (users by user_id, guests by
 * name and org). */
int store_attendance_save(struct store *s, long long meeting_id, const struct person_list *att,
			  char **err);

/* ---- minutes (meeting_minutes) ---- */

int store_minutes_load(struct store *s, long long meeting_id, struct minutes *out, char **err);
int store_minutes_save(struct store *s, long long meeting_id, const char *text, const char *by,
		       char **err);

/* ---- calendar subscription tokens (calendar_token) ---- */

/* Stores a new token hash for user_id, revoking the user's earlier ones in
 * the same transaction (a user has at most one live address). */
int store_caltoken_replace(struct store *s, const unsigned char hash[32], long long user_id,
			   char **err);
/* 0 found and live (*user_id set), 1 unknown or revoked, -1 error. */
int store_caltoken_find(struct store *s, const unsigned char hash[32], long long *user_id,
			char **err);
/* Revokes every live token of the user; *count gets how many. */
int store_caltoken_revoke_user(struct store *s, long long user_id, int *count, char **err);
/* When the user's live token was created ("...Z" UTC; caller frees), or
 * *created_at = NULL when there is none. */
int store_caltoken_live(struct store *s, long long user_id, char **created_at, char **err);

#endif
