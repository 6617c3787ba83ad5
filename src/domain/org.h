/* org.h - the organisation a strategy describes, as plain data.
 *
 * Filled by the strategy parser (strategy/parse.c) or by the store
 * (store/org_store.c), read by the renderers and later by the planner.
 * Every string is owned by the struct and freed by org_release().
 */
#ifndef SSP_ORG_H
#define SSP_ORG_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/calendar.h"
#include "domain/frequency.h"
#include "domain/retention.h"
#include "domain/team.h"
#include "util/strlist.h"

/* The four levels of the organisation diagram, top to bottom: the
 * default. A strategy may declare its own ordered list ([strategi]
 * niveauer, issue 11); a body's level is then an index into o->levels. */
#define ORG_LEVELS_MAX 8
enum org_level {
	LEVEL_POLITICAL,
	LEVEL_STRATEGIC,
	LEVEL_COORDINATING,
	LEVEL_EXECUTING,
	LEVEL__COUNT
};

/* The national framework's four themes (SSP-rammen 2020). */
enum org_theme {
	THEME_PURPOSE,
	THEME_TARGET_GROUP,
	THEME_ORGANISATION,
	THEME_LOCAL_SETUP,
	THEME__COUNT
};

struct org_body {
	char *id;
	char *name;
	int level;    /* index into the org's levels (org_levels_nr) */
	char *parent; /* id of the body this one is anchored under, or NULL */
	char *purpose;
	char *responsible;
	char *frequency_text; /* as written in the strategy file */
	struct frequency freq;
	bool named_individuals; /* may named young people be discussed here? */
	/* navngivne-personer-grund: the strategy's own reason why not, quoted on
	 * the body's meetings; NULL when the strategy gives none */
	char *named_reason;
	struct strlist former_ids; /* tidligere-id: ids this body had before */
	/* mødeleder / referent: a role or function, never a person's name;
	 * an item "UNIT: function" applies to one district or institution
	 * (UNIT its id), an item without one to the body's other meetings */
	struct strlist chairs;
	struct strlist minute_takers;
	char *note; /* optional free text (e.g. the conditional Banderåd) */
	struct strlist members;
	struct strlist tasks;        /* functions ("opgave") */
	struct strlist wheel_themes; /* annual wheel ("årshjul-tema") */
	int line;                    /* section line in the strategy file; 0 if from the store */
	int parent_line;             /* line of its "under" key */
	int freq_line;               /* line of its "frekvens" key; 0 if from the store */

	/* Planning keys (all optional; domain/plan.h has the defaults). */
	int weekday;           /* ugedag: 1 mandag .. 5 fredag; 0 when not given */
	int start_minute;      /* tidspunkt: minutes after midnight; -1 when not given */
	int duration;          /* varighed in minutes; 0 when not given */
	weekset holiday_weeks; /* ferieuger: ISO weeks the body does not meet */
	char *theme;           /* tema: theme of its meetings when the wheel has none */
	int focus_parity;      /* fokusomraader-aar: 0 even years, 1 odd; -1 not given */
	long cadence_start;    /* kadence-start (a day, calendar.h); CAL_NO_DAY if not given */
};

struct org_district {
	char *id;
	char *name;
	struct strlist former_ids; /* tidligere-id */
	int line;
};

struct org_category {
	char *id;
	char *name;
	char *description;
	int line;
	/* The individual case flow (domain/concern.h). */
	int deadline_days; /* frist-dage: default deadline of actions; 0 when not given */
	bool serious;      /* alvorlig: counts as serious crime for the UKN rule */
};

/* An action type the strategy adds to the built-in ones ([handling "id"]). */
struct org_action_type {
	char *id;
	char *name;
	int line;
};

enum institution_kind { INST_SCHOOL, INST_CLUB };

struct org_institution {
	char *id;
	char *name;
	enum institution_kind kind;
	char *district;            /* district id */
	bool example;              /* shipped example data, not real */
	struct strlist former_ids; /* tidligere-id: ids it had before a rename */
	int line;
};

struct org {
	char *municipality;
	/* [strategi] niveauer: the strategy's own levels, ids top to bottom
	 * (org_set_levels); empty: the four default ones (enum org_level) */
	struct strlist levels;
	struct strlist level_labels; /* shown names, parallel to levels */
	char *police_district;
	int age_min, age_max, ssp_plus_from;
	char *themes[THEME__COUNT]; /* NULL when the strategy says nothing */

	struct org_district *districts;
	size_t districts_nr, districts_alloc;
	struct org_category *categories;
	size_t categories_nr, categories_alloc;
	struct org_body *bodies;
	size_t bodies_nr, bodies_alloc;
	struct org_institution *institutions;
	size_t institutions_nr, institutions_alloc;

	/* [kalender] lukkedage: days closed every year; org_init sets the
	 * default (24-12, 31-12, 05-06), which the strategy may replace. */
	struct closed_days closed;

	/* [ssp-team] (domain/team.h): the training rule's months (0: not
	 * given, TEAM_TRAINING_MONTHS_DEFAULT applies), the themes offers and
	 * advice are filed under (empty: team_default_themes), and the
	 * recurring events planned each year. */
	int training_months;
	/* [ssp-team] beredskabsforum: the body whose meetings take up the
	 * larger events (their agenda is offered one item per event), or
	 * NULL: TEAM_HOTSPOT_BODY when the strategy has such a body
	 * (team_preparedness_body in service/team_service.c). */
	char *preparedness_body;
	int preparedness_line; /* its line in the strategy file (checks) */
	struct strlist team_themes;
	struct team_recurring *recurring;
	size_t recurring_nr, recurring_alloc;
	/* [handling "id"]: action types beyond the built-in ones. */
	struct org_action_type *action_types;
	size_t action_types_nr, action_types_alloc;
	/* [sletning] (domain/retention.h): the deletion rule of each record
	 * type; org_init sets the built-in ones, the strategy may replace any. */
	struct retention_policy retention;
};

void org_init(struct org *o);
void org_release(struct org *o);

/* Appends a zeroed element and returns it (owned by o). */
struct org_body *org_add_body(struct org *o);
struct org_district *org_add_district(struct org *o);
struct org_category *org_add_category(struct org *o);
struct org_institution *org_add_institution(struct org *o);
struct org_action_type *org_add_action_type(struct org *o);

const struct org_body *org_find_body(const struct org *o, const char *id);
const struct org_district *org_find_district(const struct org *o, const char *id);
const struct org_institution *org_find_institution(const struct org *o, const char *id);

/* The chair or minute-taker (l: b->chairs or b->minute_takers) of a
 * meeting in district or institution `unit` (NULL: none): the item for
 * that unit, else the body's general item, else NULL. Borrowed from l. */
const char *org_role_for(const struct strlist *l, const char *unit);
/* The same for a meeting at `institution` (or NULL) in `district` (or
 * NULL): the institution's item, else the district's, else the general. */
const char *org_role_for_meeting(const struct strlist *l, const char *institution,
				 const char *district);
/* If item starts with "ID:" (ID a valid id), *id_len is ID's length and the
 * function returns the text after the colon (spaces skipped); else NULL. */
const char *org_role_split(const char *item, size_t *id_len);

/* Stable ASCII ids used in files, JSON and URLs ("politisk", ...). */
const char *org_level_id(enum org_level l);
/* Human label, translated ("Politisk niveau"). */
const char *org_level_label(enum org_level l);
int org_level_parse(const char *s, enum org_level *out);
/* The org's levels (issue 11): their number, ids and labels, the default
 * four when the strategy declares none; parse: 0 and *out the index of s
 * (lower-case id), or -1. */
size_t org_levels_nr(const struct org *o);
const char *org_level_id_in(const struct org *o, int l);
const char *org_level_label_in(const struct org *o, int l);
int org_level_parse_in(const struct org *o, const char *s, int *out);
/* Sets o's levels from ids (lower-case words, top to bottom); a default
 * id keeps its translated label, another gets "Ledende niveau". */
void org_set_levels(struct org *o, const struct strlist *ids);

const char *org_theme_id(enum org_theme t);    /* "formaal", ... */
const char *org_theme_label(enum org_theme t); /* "Formål", translated */

const char *institution_kind_id(enum institution_kind k); /* "skole" | "klub" */
int institution_kind_parse(const char *s, enum institution_kind *out);

/* True when s is a valid id: 1-64 of [a-z0-9-], not starting with '-'. */
bool org_id_valid(const char *s);
/* An institution id must also not be one of the words the school network
 * uses in its own addresses (/skoler/temadag, /api/v1/schools/theme-day). */
bool institution_id_valid(const char *s);

#endif
