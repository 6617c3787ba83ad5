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
	/* the SSP-team's daily work (service/team.h) */
	ACT_OFFER_VIEW,     /* the help landscape: offers directory, CSV */
	ACT_OFFER_EDIT,     /* add and confirm offers */
	ACT_EVENT_VIEW,     /* courses, training, events; ICS */
	ACT_EVENT_REGISTER, /* sign oneself up for a course or training */
	ACT_EVENT_EDIT,     /* create events, sign others up, attendance, duty shifts */
	ACT_NOTE_VIEW,      /* knowledge notes addressed to one; mark them read */
	ACT_NOTE_WRITE,     /* write knowledge notes to roles and bodies */
	ACT_ADVICE_RECORD,  /* record advice given (no names), list the records */
	ACT_ADVICE_VIEW,    /* the yearly counts of advice by theme and district */
	ACT_MINUTES_VIEW,   /* read a meeting's minutes and stored agenda (per-body rule) */
	ACT_KEY_ADMIN,      /* rotate the data keys of sealed fields (ssp key rotate) */
	ACT_STRATEGY_APPLY, /* load a strategy file: replaces the organisation (ssp init) */
	/* the individual case flow (issue 9; service/concern_service.c) */
	ACT_PERSON_ADD,      /* register a young person (name, CPR or birth date) */
	ACT_CPR_REVEAL,      /* show a CPR number in full (an action of its own, logged) */
	ACT_HANDOVER_ADD,    /* the police's hand-over entry for a § 115-møde */
	ACT_HANDOVER_VIEW,   /* read a hand-over entry (the meeting's participants) */
	ACT_REFERRAL_ADD,    /* put a young person forward (indstilling) */
	ACT_REFERRAL_VIEW,   /* read a referral (the creator: status of their own only) */
	ACT_REFERRAL_SCREEN, /* the SSP-team screens a referral */
	ACT_CONCERN_VIEW,    /* read a concern, its actions, notes and related people */
	ACT_CONCERN_DECIDE,  /* record the § 115-møde's decision on an agenda item */
	ACT_CONCERN_UPDATE,  /* follow-up: actions, case notes, related people, closing */
	ACT_CONCERN_STATS,   /* counts by category, age band, district, month (no persons) */
	/* the data behind the strategy (issue 13; service/data_service.c) */
	ACT_DATA_VIEW,   /* the survey and police figures (aggregates, small counts hidden) */
	ACT_DATA_IMPORT, /* import the survey and police figures from CSV */
	/* § 115, stk. 4: a participant declines to share on an agenda item */
	ACT_SHARE_DECLINE,
	/* the right of access (issue 12; service/indsigt_service.c) */
	ACT_INDSIGT_VIEW,    /* collect everything held about one person (indsigt) */
	ACT_INDSIGT_REQUEST, /* record access requests, restrictions; the deadlines */
	/* the life of personal data (issue 12; service/retention.h) */
	ACT_RETENTION_PURGE, /* delete what the retention rules make due (ssp purge) */
	/* focus areas, trend tags, the yearly evaluation (issue 13;
	 * service/evaluation_service.c) */
	ACT_FOCUS_VIEW,      /* the focus areas in force */
	ACT_FOCUS_EDIT,      /* record the focus areas in the focus-area year */
	ACT_TREND_TAG,       /* tag general minutes with the strategy's themes */
	ACT_TREND_VIEW,      /* the tags counted per quarter and district */
	ACT_EVALUATION_VIEW, /* the yearly evaluation (aggregates only) */
	/* backups (issue 12; service/backup.h) */
	ACT_BACKUP_CREATE,  /* write an encrypted copy of the database (ssp backup) */
	ACT_BACKUP_RESTORE, /* check a backup, or restore it over the database */
	ACT__COUNT
};

/* Stable ids used on the command line, in the database and in JSON. */
const char *role_id(enum role r);              /* "admin", "boern-familier", ... */
const char *role_label(enum role r);           /* Danish, translated */
int role_parse(const char *s, enum role *out); /* 0, or -1 if unknown */
const char *action_id(enum action a);          /* "org.view", ... */

/* The role x action table alone: may this role do this kind of thing at
 * all? For menus and links; a call on a record asks authz_decide(). */
bool authz_allowed(enum role r, enum action a);

/* ---- the decision per record ----------------------------------------------
 *
 * authz_decide() is the one place where a permission is decided: the role
 * x action table plus the rules that depend on the record acted on. The
 * service gathers the facts (what the record is, how the actor relates to
 * it) and asks; doors never ask, they read the capabilities the service
 * puts in its views. */

/* Who acts. */
struct authz_actor {
	enum role role;
	bool operator;           /* the local operator (command line): may do all */
	long long user_id;       /* 0 for the operator */
	const char *org;         /* the actor's organisation, or NULL */
	const char *institution; /* the actor's institution (contact person), or NULL */
};

/* What the service knows about the record acted on. All zero (or NULL
 * facts) means "no particular record": only the table decides, and a rule
 * that needs a fact the caller left out denies. */
struct authz_facts {
	/* the record belongs to a body (a meeting, its agenda and minutes) */
	bool body_named;         /* named young people are discussed there (§ 115) */
	bool actor_takes_part;   /* the actor is a participant of that body */
	const char *owner_org;   /* the organisation that owns the record, or NULL */
	const char *institution; /* the institution the record belongs to, or NULL */
	/* a concern (the coming concern flow): its owner and whether the actor
	 * is one of its participants */
	long long owner_user_id; /* 0: none */
	bool actor_in_record;    /* the actor is a participant of the record */
};

/* Why: the reason code of a decision. Stable ids (authz_reason_id) go to
 * the access log; authz_reason_text() is the Danish refusal. */
enum authz_reason {
	AUTHZ_OK,                     /* allowed by the table and every rule */
	AUTHZ_OK_OPERATOR,            /* the local operator */
	AUTHZ_DENY_ROLE,              /* the role may not do this kind of thing */
	AUTHZ_DENY_NAMED_BODY,        /* named young people, and the role sees no personal data */
	AUTHZ_DENY_NOT_PARTICIPANT,   /* the role acts only in bodies it takes part in */
	AUTHZ_DENY_OTHER_INSTITUTION, /* a contact person acts only for their own institution */
	AUTHZ_DENY_OTHER_ORG,         /* the record belongs to another organisation */
	AUTHZ_DENY_NOT_OWNER,         /* only the record's owner or its participants */
	AUTHZ_REASON__COUNT
};

struct authz_decision {
	bool allow;
	enum authz_reason reason;
};

/* The rules an action carries beyond the table (flags, see authz.c). */
enum authz_need {
	AUTHZ_NEED_BODY = 1u << 0,            /* body rule: a role that sees no personal data
					       * acts only in bodies it takes part in, never
					       * in one where named young people are discussed */
	AUTHZ_NEED_BODY_IF_NAMED = 1u << 1,   /* the body rule, and the right to run the
					       * meeting, only where named young people are
					       * discussed (reading minutes) */
	AUTHZ_NEED_OWN_INSTITUTION = 1u << 2, /* a contact person: only their institution */
	AUTHZ_NEED_OWN_ORG = 1u << 3,         /* only records of the actor's organisation */
	AUTHZ_NEED_OWNER = 1u << 4,           /* only the record's owner or its participants */
};

struct authz_rule {
	unsigned roles; /* bit (1u << role) per role the table allows */
	unsigned need;  /* enum authz_need flags */
};

/* The rule of action a (roles 0 for an unknown action). */
struct authz_rule authz_rule_of(enum action a);

/* Applies rule to actor and facts (NULL: no record). Pure. */
struct authz_decision authz_apply(struct authz_rule rule, const struct authz_actor *actor,
				  const struct authz_facts *facts);

/* May actor do a on the record the facts describe? Pure. */
struct authz_decision authz_decide(const struct authz_actor *actor, enum action a,
				   const struct authz_facts *facts);

const char *authz_reason_id(enum authz_reason why);   /* "role", "named-body", ... */
const char *authz_reason_text(enum authz_reason why); /* Danish, translated */

/* May this role see personal data about young people (so two-factor
 * sign-in is required for it by default)? */
bool role_sees_personal_data(enum role r);

#endif
