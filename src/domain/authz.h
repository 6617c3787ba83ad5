/* authz.h - who may do what: the role x action table, in one place.
 *
 * The service layer calls authz_allowed() before every action; doors never
 * decide permissions themselves. Later issues add actions and rows here.
 * Pure: no I/O.
 */
#ifndef SSP_AUTHZ_H
#define SSP_AUTHZ_H

#include <stdbool.h>

enum role {
	ROLE_ADMIN,        /* users and configuration; no personal data about young people */
	ROLE_SSP,          /* SSP-team */
	ROLE_POLICE,       /* politi */
	ROLE_CHILD_FAMILY, /* boern-familier */
	ROLE_YOUTH_UNIT,   /* ungeenhed */
	ROLE_CONTACT,      /* kontaktperson: a school's or club's SSP contact person */
	ROLE_STEERING,     /* styregruppe: leaders, aggregates only */
	ROLE_AUDITOR,      /* revisor: the data protection officer, the access log */
	ROLE__COUNT
};

enum action {
	ACT_HOME_VIEW,        /* the front page */
	ACT_PROFILE,          /* own profile, password, two-factor enrolment */
	ACT_ORG_VIEW,         /* the organisation from the strategy */
	ACT_USER_ADMIN,       /* list, add, disable users */
	ACT_AUDIT_VIEW,       /* read the access log */
	ACT_MEETING_VIEW,     /* the meeting plan, the annual wheel, calendars */
	ACT_MEETING_PLAN,     /* re-plan a year, move, cancel, add and mark meetings held */
	ACT_COMPLIANCE_VIEW,  /* is each body meeting its minimum? */
	ACT_MEETING_RUN,      /* agenda, attendance, minutes (the service adds per-body rules) */
	ACT_SCHOOL_VIEW,      /* the school network: institutions, contact persons, læseplaner */
	ACT_SCHOOL_ADMIN,     /* add, edit, deactivate institutions */
	ACT_LAESEPLAN_EDIT,   /* edit a læseplan (service: only one's own institution's, or SSP) */
	ACT_THEME_DAY_RECORD, /* record who attended the school network's theme day */
	ACT_DATA_VIEW,        /* the survey and police figures (aggregates, small counts hidden) */
	ACT_DATA_IMPORT,      /* import the survey and police figures from CSV */
	ACT__COUNT
};

/* Stable ids used on the command line, in the database and in JSON. */
const char *role_id(enum role r);              /* "admin", "boern-familier", ... */
const char *role_label(enum role r);           /* Danish, translated */
int role_parse(const char *s, enum role *out); /* 0, or -1 if unknown */
const char *action_id(enum action a);          /* "org.view", ... */

bool authz_allowed(enum role r, enum action a);

/* May this role see personal data about young people (so two-factor
 * sign-in is required for it by default)? */
bool role_sees_personal_data(enum role r);

#endif
