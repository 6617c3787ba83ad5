/* school_store.h - the school network: institutions (migration 1; who
 * owns one, the strategy or an administrator: migration 5), their
 * contact persons (users of role kontaktperson, migration 2), SSP-læseplan
 * items (laeseplan_item, migration 4) and theme-day attendance
 * (meeting_attendance on the school network body's meetings, migration 4).
 *
 * Same contract as store.h: parameterised SQL, one transaction per write,
 * 0 on success, -1 with a Danish message in *err (caller frees). Who may
 * do what, and the access log, are service/school.h's.
 */
#ifndef SSP_SCHOOL_STORE_H
#define SSP_SCHOOL_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/org.h"
#include "domain/plan.h"
#include "domain/school_record.h"
#include "store/store.h"

/* The records (institution_row, contact_row, laeseplan_row, theme_day_row,
 * attendance_row and their lists) are in domain/school_record.h. */

/* ---- institutions ---- */

/* Every institution, active or not, in district order, then schools
 * before clubs, then by name. */
int store_institutions_load(struct store *s, struct institution_rows *out, char **err);
/* 0 found, 1 no such id, -1 error. */
int store_institution_get(struct store *s, const char *id, struct institution_row *out, char **err);
/* The three writes an administrator makes (on /skoler). Each marks the
 * institution edited_by_admin (migration 5), so that re-loading the
 * strategy leaves it alone (store_org_save). */
/* Inserts r (id, name, kind, district; active, not example). 0, -2 when
 * the id is taken, -1 on error. */
int store_institution_insert(struct store *s, const struct institution_row *r, char **err);
/* Sets name, kind and district of r->id. 0, 1 no such id, -1 error. */
int store_institution_update(struct store *s, const struct institution_row *r, char **err);
/* 0, 1 no such id, -1 error. */
int store_institution_set_active(struct store *s, const char *id, bool active, char **err);
/* Is there an active district with this id? */
bool store_district_active(struct store *s, const char *id);

/* ---- contact persons ---- */

/* Contact persons of institution (or of every institution, NULL), by name. */
int store_contacts_load(struct store *s, const char *institution, struct contact_rows *out,
			char **err);
/* The institution of user_id (NULL when none) in *out (caller frees).
 * 0, 1 no such user, -1 error. */
int store_user_institution(struct store *s, long long user_id, char **out, char **err);

/* ---- læseplan ---- */

/* Items of institution (or of all, NULL) planned in [from, to] (CAL_NO_DAY
 * for no bound), by grade (4..10, then klub), planned day, id. */
int store_laeseplan_load(struct store *s, const char *institution, long from, long to,
			 struct laeseplan_rows *out, char **err);
/* 0 found, 1 no such id, -1 error. */
int store_laeseplan_get(struct store *s, long long id, struct laeseplan_row *out, char **err);
/* Inserts r and sets r->id. */
int store_laeseplan_insert(struct store *s, struct laeseplan_row *r, const char *by, char **err);
/* Updates grade, theme, planned and held of r->id. 0, 1 no such id, -1. */
int store_laeseplan_update(struct store *s, const struct laeseplan_row *r, const char *by,
			   char **err);
/* 0, 1 no such id, -1 error. */
int store_laeseplan_delete(struct store *s, long long id, char **err);

/* ---- theme days ---- */

/* The stored meetings of body in year, in date order. */
int store_theme_days_load(struct store *s, const char *body, int year, struct theme_day_rows *out,
			  char **err);
/* Attendance of users at body's meetings of year. */
int store_theme_day_attendance_load(struct store *s, const char *body, int year,
				    struct attendance_rows *out, char **err);
/* Sets present[i] for user_ids[i] at meeting_id (insert or update), in
 * one transaction. */
int store_theme_day_attendance_set(struct store *s, long long meeting_id, const long long *user_ids,
				   const bool *present, size_t n, char **err);

#endif
