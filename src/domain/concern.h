/* concern.h - the rules of the individual case flow (domain.md sections 2,
 * 4 and 6): concerns about named young people at the § 115-møde.
 *
 * Pure: no I/O, no globals, no clock. "Today" and the date of the event
 * are always arguments. The strategy's values (the target group's ages,
 * the categories and their deadlines, extra action types) come in through
 * struct org (domain/org.h); nothing here assumes four categories.
 *
 * Strings returned by the *_label() functions are translated; ids are
 * stable ASCII used in the database, the JSON API and forms.
 */
#ifndef SSP_CONCERN_H
#define SSP_CONCERN_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/calendar.h"
#include "domain/org.h"

/* ---- age and target group ------------------------------------------- */

/* Age in whole years on day `at` of a person born on `birth`; -1 when at
 * is before birth. A year is complete when the calendar reaches the same
 * month and day; someone born on 29 February completes a year on 1 March
 * in a year that is not a leap year (the comparison of (month, day) pairs
 * gives that by itself). */
int concern_age(struct date birth, struct date at);

/* Flags of a person at an event (the API's "flags"). */
#define TARGET_FLAG_BELOW    1u /* "under-10": below the main target group, early prevention */
#define TARGET_FLAG_SSP_PLUS 2u /* "ssp-plus": 18-25 (the strategy's ssp-plus-fra..alder-til) */

enum target_verdict {
	TARGET_OK,       /* inside the target group, maybe with flags */
	TARGET_NOT_BORN, /* the event is before the birth date (or the birth date is in the future)
			  */
	TARGET_TOO_OLD,  /* over alder-til at the event: outside the SSP/SSP+ mandate */
};

struct target_result {
	int age;        /* at the event; -1 when not born */
	unsigned flags; /* TARGET_FLAG_* */
	enum target_verdict verdict;
};

/* Checks a person born on `birth` at the event `at` against the strategy's
 * target group (o->age_min, o->age_max, o->ssp_plus_from: 10, 25 and 18
 * in Hedensted). Under age_min is accepted and flagged; over age_max is
 * refused. Returns the verdict (also in out->verdict). */
enum target_verdict target_check(const struct org *o, struct date birth, struct date at,
				 struct target_result *out);
/* The Danish reason for a refusal (translated); "" for TARGET_OK. */
const char *target_verdict_message(enum target_verdict v);
/* Stable ids of the flags, in the API's order: "under-10", "ssp-plus". */
#define TARGET_FLAGS_NR 2
const char *target_flag_id(int i); /* i: 0 .. TARGET_FLAGS_NR-1 */
unsigned target_flag_bit(int i);

/* ---- UKN (Ungdomskriminalitetsnævnet) --------------------------------- */

enum ukn_verdict {
	UKN_OK,
	UKN_TOO_YOUNG,      /* under 10 */
	UKN_TOO_OLD,        /* 18 or over */
	UKN_NEEDS_SERIOUS,  /* 10-14: only for a serious category or serious crime */
	UKN_NEEDS_SENTENCE, /* 15-17: only after a recorded prison sentence */
};

/* May a young person of `age` (at the meeting) be referred to the UKN?
 * 10-14: when the concern's category is marked serious in the strategy
 * (alvorlig = ja; by default the highest category) or serious crime is
 * recorded; 15-17: when a prison sentence is recorded; otherwise not
 * (domain.md section 2). */
enum ukn_verdict ukn_check(int age, bool serious, bool prison_sentence);
const char *ukn_verdict_message(enum ukn_verdict v);

/* ---- categories ------------------------------------------------------- */

/* The deadline when the strategy gives none (frist-dage): 14 days, one
 * cycle of the § 115-møde. A local default, not law (domain.md section 4:
 * "no statutory SLA found"). */
#define CONCERN_DEFAULT_DEADLINE_DAYS 14

/* The number of categories (levels) the strategy defines. */
size_t concern_categories_nr(const struct org *o);
/* The level (1..n) of the category with this id, or 0 (id NULL or none). */
int concern_category_level(const struct org *o, const char *id);
/* The category of level 1..n (the strategy's order), or NULL. */
const struct org_category *concern_category(const struct org *o, int level);
/* The default deadline in days of a level (the strategy's frist-dage, or
 * CONCERN_DEFAULT_DEADLINE_DAYS); -1 for an unknown level. */
int concern_category_deadline(const struct org *o, int level);
/* Does the level count as serious for the UKN rule? The strategy's
 * alvorlig = ja; when no category says so, the highest level. */
bool concern_category_serious(const struct org *o, int level);

/* ---- action types ------------------------------------------------------- */

/* The built-in action types (domain.md section 4), in order:
 * bekymringssamtale, hjemmebesoeg, underretning, netvaerksmoede,
 * henvisning, ukn-indstilling, ingen. The strategy may add more
 * ([handling "id"]). */
#define CONCERN_ACTIONS_BUILTIN 7
const char *concern_action_builtin_id(int i);
/* Is id a built-in type or one the strategy adds? */
bool concern_action_valid(const struct org *o, const char *id);
/* The label: translated for a built-in type, the strategy's name for an
 * added one; NULL for an unknown id. */
const char *concern_action_label(const struct org *o, const char *id);
/* The number of action types (built-in + the strategy's) and the i-th id,
 * for forms and documentation. */
size_t concern_actions_nr(const struct org *o);
const char *concern_action_id(const struct org *o, size_t i);

/* ---- legal bases (retsplejelovens § 115 and others) ------------------- */

enum legal_basis {
	LB_SSP,     /* § 115, stk. 1, nr. 1 (SSP; also SSP+) */
	LB_PSP,     /* § 115, stk. 1, nr. 2 (PSP, psychiatry) */
	LB_KSP_A,   /* § 115, stk. 1, nr. 3, litra a */
	LB_KSP_B,   /* § 115, stk. 1, nr. 3, litra b */
	LB_KSP_C,   /* § 115, stk. 1, nr. 3, litra c */
	LB_STK3,    /* § 115, stk. 3 (self-governing institutions) */
	LB_CONSENT, /* samtykke */
	LB_REPORT,  /* underretning (Barnets Lov) */
	LB__COUNT
};

const char *legal_basis_id(enum legal_basis b); /* "ssp", "ksp-a", ... */
const char *
legal_basis_label(enum legal_basis b); /* "Retsplejelovens § 115, stk. 1, nr. 1 (SSP)" */
int legal_basis_parse(const char *s, enum legal_basis *out); /* 0, or -1 */

/* ---- organisations that own actions ----------------------------------- */

/* The organisations users belong to, besides institutions: "ssp",
 * "politi", "boern-familier", "ungeenhed". */
#define CONCERN_OWNER_ORGS 4
const char *concern_owner_org_id(int i);
bool concern_owner_org_fixed(const char *id);

/* ---- decisions at the § 115-møde -------------------------------------- */

struct decision_action {
	const char *type;       /* an action type id */
	const char *owner_org;  /* an owner organisation or institution id */
	const char *owner_user; /* username, or NULL */
	long due;               /* a day (calendar.h), or CAL_NO_DAY for the category's default */
};

struct decision {
	int category; /* level 1..n */
	struct decision_action *actions;
	size_t actions_nr;
	const char *legal_basis; /* an id, legal_basis_parse */
	bool necessity;          /* the necessity of sharing is confirmed */
	long meeting_day;        /* the day of the meeting */
	int age;                 /* of the young person on the meeting day */
	bool serious_crime;      /* recorded: serious crime (UKN, 10-14) */
	bool prison_sentence;    /* recorded: a prison sentence (UKN, 15-17) */
	/* Is an institution id known (active)? Owner organisations that are
	 * not one of the fixed four must pass it. */
	bool (*institution_exists)(const char *id, void *ctx);
	/* Is there a user with this name? A named owner must pass it. */
	bool (*user_exists)(const char *username, void *ctx);
	void *ctx;
};

struct decision_error {
	char field[48];      /* "category", "actions[2].due", ... */
	const char *message; /* Danish, translated; static */
};

/* Validates d against the strategy o. Fills the default deadline of every
 * action without one (meeting day + the category's deadline). Returns 0,
 * or -1 with the first problem in *e (and changes nothing else). */
int decision_validate(const struct org *o, struct decision *d, struct decision_error *e);

/* ---- underretning (Barnets Lov) ---------------------------------------- */

/* The receipt for an underretning is due 6 working days after the day it
 * was made (domain.md section 4), counting working days under the
 * strategy's closed days. */
#define REPORT_RECEIPT_WORKING_DAYS 6
long report_receipt_due(const struct closed_days *c, long reported);

/* ---- bodies ------------------------------------------------------------ */

/* May named young people be put on this body's meetings? (§ 115, ad hoc
 * § 115, Infohus kommune: yes; district, hotspot and steering group: no.)
 * NULL when they may; else the refusal in Danish, written into buf (n
 * bytes) and returned: the body named, with the strategy's own reason
 * quoted (the body's navngivne-personer-grund, or the seed's general one:
 * "Konkrete sager drøftes ikke her, men henvises til fx § 115-møder,
 * ordinære netværksmøder eller underretninger"). */
#define CONCERN_REFUSAL_MAX 1024
const char *concern_body_refusal(const struct org_body *b, char *buf, size_t n);

/* ---- statistics with small-cell suppression ---------------------------- */

/* The age bands of the statistics. */
enum age_band { AGE_UNDER_10, AGE_10_14, AGE_15_17, AGE_18_25, AGE_BAND__COUNT };
enum age_band age_band_of(int age);          /* ages over 25 count as 18-25: they cannot occur */
const char *age_band_id(enum age_band b);    /* "under-10", "10-14", "15-17", "18-25" */
const char *age_band_label(enum age_band b); /* "Under 10 år", ... */

/* Counts below this are shown as "<5" (small-cell suppression; a local
 * choice, domain.md section 5). A cell of 0 is shown as 0: it names no
 * one. */
#define STATS_SUPPRESS_BELOW 5
/* Writes the shown value of a count into out: "0", "<5", or the number. */
void stats_cell(long n, char out[24]);

/* One concern as the statistics see it: no identity. */
struct stats_row {
	int category; /* level 1..n; other values are ignored */
	int age;      /* at the concern's creation */
	int district; /* index into o->districts, or -1 (unknown) */
	int month;    /* 1..12 of the concern's creation */
};

/* Counts per dimension; the arrays are owned and freed by
 * concern_stats_release(). by_district has districts_nr + 1 cells, the
 * last for "unknown". */
struct concern_stats {
	long total;
	long *by_category;
	size_t categories_nr;
	long by_age[AGE_BAND__COUNT];
	long *by_district;
	size_t districts_nr;
	long by_month[12];
};

void concern_stats_count(const struct org *o, const struct stats_row *rows, size_t nr,
			 struct concern_stats *out);
void concern_stats_release(struct concern_stats *s);

#endif
