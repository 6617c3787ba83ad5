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
#include "domain/team_record.h"
#include "store/store.h"
#include "util/strlist.h"

/* ---- the strategy's [ssp-team] keys (called from store_org_save and
 * store_org_load, inside their transactions; -1 on a database error) ---- */
int store_team_settings_save(struct store *s, const struct org *o);
int store_team_settings_load(struct store *s, struct org *o);

/* ---- offers ---- */

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
/* Replaces offer id's fields, themes and districts with r's (id, owner
 * ignored; confirmed and updated_by taken from r); 1 when there is no
 * active offer id. */
int store_offer_update(struct store *s, long long id, const struct offer_row *r, char **err);
/* Takes offer id out of the directory (active = 0: kept for the record);
 * 1 when there is no active offer id. */
int store_offer_remove(struct store *s, long long id, const char *by, char **err);
/* Sets confirmed and updated_*; 1 when there is no active offer id. */
int store_offer_confirm(struct store *s, long long id, long day, const char *by, char **err);

/* ---- courses and events ---- */

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

/* Replaces the fields of event id that event_input holds (kind, name,
 * start, end, place, audience, capacity, expected, risk_notes,
 * call_list); 1 when there is no event id that is not cancelled. */
int store_event_update(struct store *s, long long id, const struct event_row *r, char **err);
/* Marks event id cancelled (kept, and shown as cancelled in calendars);
 * 1 when there is no event id that is not cancelled. */
int store_event_cancel(struct store *s, long long id, char **err);

/* One transaction: registers user_id for event id unless capacity (0: no
 * limit) is reached. 0; 1 no such event; -2 full; -3 already registered. */
int store_registration_add(struct store *s, long long event_id, long long user_id, int capacity,
			   const char *by, char **err);

int store_registrations_load(struct store *s, long long event_id, struct registration_rows *out,
			     char **err);
/* Records attended (0 or 1) for user_id; 1 when not registered. */
int store_attendance_set(struct store *s, long long event_id, long long user_id, int attended,
			 char **err);

/* ---- the training rule ---- */

int store_trainees_load(struct store *s, struct trainee_rows *out, char **err);

/* ---- duty shifts ---- */

/* The shifts of event_id (user_id 0), or of user_id over every event
 * that is not cancelled (event_id 0), by start. */
int store_shifts_load(struct store *s, long long event_id, long long user_id,
		      struct shift_rows *out, char **err);
int store_shift_insert(struct store *s, const struct shift_row *r, long long *id, char **err);

/* ---- knowledge notes ---- */

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

int store_advice_insert(struct store *s, const struct advice_row *r, const char *by, long long *id,
			char **err);
/* The records of year, newest first. */
int store_advice_load(struct store *s, int year, struct advice_rows *out, char **err);

int store_advice_counts(struct store *s, int year, struct advice_counts *out, char **err);

#endif
