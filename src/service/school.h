/* school.h - the service layer for the school network: institutions,
 * their SSP contact persons, SSP-læseplaner, the yearly theme day's
 * attendance, and the network's compliance findings.
 *
 * Same contract as service.h: each function checks the actor's right in
 * the role x action table (the local operator may do all), returns 0 or
 * -1 with *r set, and writes every change to the access log before it is
 * made (school.add, school.edit, school.deactivate, school.activate,
 * laeseplan.add, laeseplan.edit, laeseplan.remove, themeday.attendance).
 * Reading is not logged: institutions, plans and course attendance of
 * professionals hold no personal data about young people.
 *
 *   ACT_SCHOOL_VIEW      the network, an institution, its læseplan, the theme day
 *   ACT_SCHOOL_ADMIN     add, edit, deactivate and reactivate institutions
 *   ACT_LAESEPLAN_EDIT   edit a læseplan; need-to-know per record, checked
 *                        here: the SSP-team may edit every institution's, a
 *                        contact person only their own institution's
 *   ACT_THEME_DAY_RECORD record who attended the theme day (SSP-team)
 *   ACT_COMPLIANCE_VIEW  the network findings (svc_network_compliance)
 */
#ifndef SSP_SCHOOL_SERVICE_H
#define SSP_SCHOOL_SERVICE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/compliance_network.h"
#include "service/service.h"
#include "domain/school_record.h"

/* The whole network for a year as of a day: every institution (active or
 * not), the contact persons, the læseplan items of the school year in
 * question, the theme days of the year and their attendance, and the
 * findings of domain/compliance_network.h over them. */
struct school_network {
	int year;
	long as_of;
	bool has_network_body;
	bool from_plan; /* no meeting of the year is stored: days from the computed plan */
	bool may_admin; /* may the actor add and edit institutions? */
	bool may_record_theme_day; /* may the actor record the theme day's attendance? */
	struct institution_rows inst;
	struct contact_rows contacts;
	struct laeseplan_rows items; /* planned in the school year of f */
	struct theme_day_rows days;  /* the network body's meetings of year (meeting_id 0
					when from_plan) */
	struct attendance_rows att;

	/* the domain's view of the above (arrays owned, strings borrowed) */
	struct net_institution *n_inst;
	struct net_contact *n_contacts;
	struct net_item *n_items;
	struct net_theme_day *n_days;
	struct net_attendance *n_att;
	struct network_input in;
	struct network_findings f;
};

void school_network_release(struct school_network *n);

/* Was user_id recorded present at a theme day of n that has taken place
 * (dated before n->as_of and not cancelled)? */
bool school_network_attended(const struct school_network *n, long long user_id);
/* Number of contact persons of institution id in n. */
int school_network_contacts_of(const struct school_network *n, const char *id);
/* Number of læseplan items of institution id in n's school year. */
int school_network_items_of(const struct school_network *n, const char *id);

/* ACT_SCHOOL_VIEW. SVC_INVALID for a year outside 2000-2100. */
int svc_school_network(struct service *svc, const struct actor *a, int year, long as_of,
		       struct school_network *out, struct svc_result *r);
/* The same data for the steering group's compliance view (ACT_COMPLIANCE_VIEW). */
int svc_network_compliance(struct service *svc, const struct actor *a, int year, long as_of,
			   struct school_network *out, struct svc_result *r);

/* One institution with its contact persons and whole læseplan. */
struct school_detail {
	struct institution_row inst;
	struct contact_rows contacts;
	struct laeseplan_rows items; /* every item, every year */
	bool may_edit;               /* may the actor edit this læseplan? */
	bool may_admin;              /* may the actor edit the institution? */
};

void school_detail_release(struct school_detail *d);

/* ACT_SCHOOL_VIEW; SVC_NOT_FOUND for an unknown id. */
int svc_school_get(struct service *svc, const struct actor *a, const char *id,
		   struct school_detail *out, struct svc_result *r);

/* ---- institutions (ACT_SCHOOL_ADMIN) ---- */

/* As typed in a form: kind "skole" | "klub", district a district id. */
struct institution_input {
	const char *id; /* only for add: 1-64 of [a-z0-9-] */
	const char *name;
	const char *kind;
	const char *district;
};

/* Adding, editing, deactivating and reactivating make the institution the
 * administrator's: re-loading the strategy (`ssp init`) no longer changes
 * it (store_org_save). */

/* SVC_INVALID (field id, name, kind or district), SVC_CONFLICT for an id
 * that is taken (also by a deactivated institution). */
int svc_institution_add(struct service *svc, const struct actor *a,
			const struct institution_input *in, struct svc_result *r);
/* Changes name, kind and district of id (in->id is ignored). */
int svc_institution_edit(struct service *svc, const struct actor *a, const char *id,
			 const struct institution_input *in, struct svc_result *r);
/* Deactivates (active = false) or reactivates. Never deletes: meetings,
 * plans and users refer to institutions. */
int svc_institution_set_active(struct service *svc, const struct actor *a, const char *id,
			       bool active, struct svc_result *r);

/* ---- læseplan (ACT_LAESEPLAN_EDIT + the institution check) ---- */

/* As typed in a form: grade "4".."10" for a school, "klub" for a club;
 * theme 1-200 characters; planned "YYYY-MM-DD" (required); held
 * "YYYY-MM-DD", not after today, or empty. */
struct laeseplan_input {
	const char *grade, *theme, *planned, *held;
};

/* SVC_NOT_FOUND for an unknown institution (or an item of another
 * institution), SVC_FORBIDDEN for a contact person of another
 * institution, SVC_INVALID for bad input or a deactivated institution. */
int svc_laeseplan_add(struct service *svc, const struct actor *a, const char *institution,
		      const struct laeseplan_input *in, long long *id, struct svc_result *r);
int svc_laeseplan_edit(struct service *svc, const struct actor *a, const char *institution,
		       long long item, const struct laeseplan_input *in, struct svc_result *r);
int svc_laeseplan_remove(struct service *svc, const struct actor *a, const char *institution,
			 long long item, struct svc_result *r);

/* ---- theme day (ACT_THEME_DAY_RECORD) ---- */

/* Records the attendance at meeting_id, a meeting of the school network
 * body that is not cancelled and not in the future: the contact persons
 * in present[0..n) were there, every other contact person of an active
 * institution was not. SVC_NOT_FOUND for an unknown meeting or one of
 * another body; SVC_INVALID for a cancelled or future one, or an id in
 * present that is no contact person. */
int svc_theme_day_record(struct service *svc, const struct actor *a, long long meeting_id,
			 const long long *present, size_t n, struct svc_result *r);

#endif
