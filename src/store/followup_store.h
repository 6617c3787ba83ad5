/* followup_store.h - the follow-up on a concern (issue 9): one action by
 * id, a new action, every field of an action, and the open actions an
 * actor owns (the forside). The tables are migration 11's (concern_action;
 * notes and related people are concern_store.h's).
 *
 * Same contract as store.h: parameterised SQL only, 0 on success, -1 with
 * a Danish message in *err (caller frees); look-ups return 1 when the row
 * does not exist. */
#ifndef SSP_FOLLOWUP_STORE_H
#define SSP_FOLLOWUP_STORE_H

#include "store/concern_store.h"

/* Action id (with its concern's person); 1 when there is none. Release
 * with action_rows_release on a one-row list: out->v[0]. */
int followup_store_action_get(struct store *s, long long id, struct action_rows *out, char **err);

/* Inserts an open action on a concern; due is a day. */
int followup_store_action_insert(struct store *s, long long concern_id, const char *type,
				 const char *owner_org, const char *owner_user, long due,
				 const char *by, long long *id, char **err);

/* Writes every changeable field of action a->id as given (days as
 * CAL_NO_DAY for none): status, planned, held, reported, receipt_due,
 * receipt_at; done_at is set when the status becomes done. 1 when there is
 * no such action. */
int followup_store_action_set(struct store *s, const struct action_row *a, char **err);

/* The open actions of open concerns that user owns by name, or that org
 * owns with no named owner (org NULL: only by name), by deadline. */
int followup_store_actions_mine(struct store *s, const char *org, const char *user,
				struct action_rows *out, char **err);

#endif
