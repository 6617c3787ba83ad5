#include "domain/concern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- age and target group ------------------------------------------- */

int concern_age(struct date birth, struct date at)
{
	if (at.y < birth.y ||
	    (at.y == birth.y && (at.m < birth.m || (at.m == birth.m && at.d < birth.d))))
		return -1;
	int age = at.y - birth.y;
	if (at.m < birth.m || (at.m == birth.m && at.d < birth.d))
		age--;
	return age;
}

enum target_verdict target_check(const struct org *o, struct date birth, struct date at,
				 struct target_result *out)
{
	out->age = concern_age(birth, at);
	out->flags = 0;
	if (out->age < 0)
		return out->verdict = TARGET_NOT_BORN;
	if (out->age > o->age_max)
		return out->verdict = TARGET_TOO_OLD;
	if (out->age < o->age_min)
		out->flags |= TARGET_FLAG_BELOW;
	if (out->age >= o->ssp_plus_from)
		out->flags |= TARGET_FLAG_SSP_PLUS;
	return out->verdict = TARGET_OK;
}

const char *target_verdict_message(enum target_verdict v)
{
	switch (v) {
	case TARGET_OK:
		return "";
	case TARGET_NOT_BORN:
		return _("fødselsdatoen ligger efter datoen for hændelsen (eller i fremtiden)");
	case TARGET_TOO_OLD:
		return _("personen er over målgruppens øvre alder på datoen for hændelsen og "
			 "dermed uden for SSP/SSP+-målgruppen");
	}
	return "?";
}

static const char *const flag_ids[TARGET_FLAGS_NR] = {"under-10", "ssp-plus"};
static const unsigned flag_bits[TARGET_FLAGS_NR] = {TARGET_FLAG_BELOW, TARGET_FLAG_SSP_PLUS};

const char *target_flag_id(int i)
{
	return i >= 0 && i < TARGET_FLAGS_NR ? flag_ids[i] : "?";
}

unsigned target_flag_bit(int i)
{
	return i >= 0 && i < TARGET_FLAGS_NR ? flag_bits[i] : 0;
}

/* ---- UKN ---------------------------------------------------------------- */

enum ukn_verdict ukn_check(int age, bool serious, bool prison_sentence)
{
	if (age < 10)
		return UKN_TOO_YOUNG;
	if (age >= 18)
		return UKN_TOO_OLD;
	if (age <= 14)
		return serious ? UKN_OK : UKN_NEEDS_SERIOUS;
	return prison_sentence ? UKN_OK : UKN_NEEDS_SENTENCE;
}

const char *ukn_verdict_message(enum ukn_verdict v)
{
	switch (v) {
	case UKN_OK:
		return "";
	case UKN_TOO_YOUNG:
		return _("UKN-indstilling er kun mulig fra 10 år");
	case UKN_TOO_OLD:
		return _("UKN-indstilling er kun mulig for unge under 18 år");
	case UKN_NEEDS_SERIOUS:
		return _("UKN-indstilling for 10-14-årige kræver personfarlig eller alvorlig "
			 "kriminalitet");
	case UKN_NEEDS_SENTENCE:
		return _("UKN-indstilling for 15-17-årige kræver en registreret fængselsdom");
	}
	return "?";
}

/* ---- categories ------------------------------------------------------- */

size_t concern_categories_nr(const struct org *o)
{
	return o->categories_nr;
}

int concern_category_level(const struct org *o, const char *id)
{
	for (size_t k = 0; id && k < o->categories_nr; k++)
		if (!strcmp(o->categories[k].id, id))
			return (int)k + 1;
	return 0;
}

const struct org_category *concern_category(const struct org *o, int level)
{
	if (level < 1 || (size_t)level > o->categories_nr)
		return NULL;
	return &o->categories[level - 1];
}

int concern_category_deadline(const struct org *o, int level)
{
	const struct org_category *c = concern_category(o, level);
	if (!c)
		return -1;
	return c->deadline_days > 0 ? c->deadline_days : CONCERN_DEFAULT_DEADLINE_DAYS;
}

bool concern_category_serious(const struct org *o, int level)
{
	const struct org_category *c = concern_category(o, level);
	if (!c)
		return false;
	for (size_t i = 0; i < o->categories_nr; i++)
		if (o->categories[i].serious)
			return c->serious;
	return (size_t)level == o->categories_nr;
}

/* ---- action types ------------------------------------------------------- */

static const char *const action_ids[CONCERN_ACTIONS_BUILTIN] = {
    "bekymringssamtale", "hjemmebesoeg",    "underretning", "netvaerksmoede",
    "henvisning",        "ukn-indstilling", "ingen"};

static const char *const action_labels[CONCERN_ACTIONS_BUILTIN] = {
    N_("Bekymringssamtale"),
    N_("Hjemmebesøg"),
    N_("Underretning til Børn og Familier"),
    N_("Netværksmøde"),
    N_("Henvisning til tilbud"),
    N_("UKN-indstilling"),
    N_("Ingen yderligere handling")};

const char *concern_action_builtin_id(int i)
{
	return i >= 0 && i < CONCERN_ACTIONS_BUILTIN ? action_ids[i] : "?";
}

bool concern_action_valid(const struct org *o, const char *id)
{
	return concern_action_label(o, id) != NULL;
}

const char *concern_action_label(const struct org *o, const char *id)
{
	if (!id)
		return NULL;
	for (int i = 0; i < CONCERN_ACTIONS_BUILTIN; i++)
		if (!strcmp(id, action_ids[i]))
			return _(action_labels[i]);
	for (size_t i = 0; i < o->action_types_nr; i++)
		if (!strcmp(id, o->action_types[i].id))
			return o->action_types[i].name;
	return NULL;
}

size_t concern_actions_nr(const struct org *o)
{
	return CONCERN_ACTIONS_BUILTIN + o->action_types_nr;
}

const char *concern_action_id(const struct org *o, size_t i)
{
	if (i < CONCERN_ACTIONS_BUILTIN)
		return action_ids[i];
	i -= CONCERN_ACTIONS_BUILTIN;
	return i < o->action_types_nr ? o->action_types[i].id : NULL;
}

/* ---- legal bases ------------------------------------------------------- */

static const char *const lb_ids[LB__COUNT] = {"ssp",   "psp",  "ksp-a",    "ksp-b",
					      "ksp-c", "stk3", "samtykke", "underretning"};

static const char *const lb_labels[LB__COUNT] = {
    N_("Retsplejelovens § 115, stk. 1, nr. 1 (SSP)"),
    N_("Retsplejelovens § 115, stk. 1, nr. 2 (PSP)"),
    N_("Retsplejelovens § 115, stk. 1, nr. 3, litra a (KSP)"),
    N_("Retsplejelovens § 115, stk. 1, nr. 3, litra b (KSP)"),
    N_("Retsplejelovens § 115, stk. 1, nr. 3, litra c (KSP)"),
    N_("Retsplejelovens § 115, stk. 3 (selvejende institutioner)"),
    N_("Samtykke"),
    N_("Underretning (Barnets Lov)")};

const char *legal_basis_id(enum legal_basis b)
{
	return b < LB__COUNT ? lb_ids[b] : "?";
}

const char *legal_basis_label(enum legal_basis b)
{
	return b < LB__COUNT ? _(lb_labels[b]) : "?";
}

int legal_basis_parse(const char *s, enum legal_basis *out)
{
	if (!s)
		return -1;
	for (int i = 0; i < LB__COUNT; i++)
		if (!strcmp(s, lb_ids[i])) {
			*out = (enum legal_basis)i;
			return 0;
		}
	return -1;
}

/* ---- owner organisations ----------------------------------------------- */

static const char *const owner_orgs[CONCERN_OWNER_ORGS] = {"ssp", "politi", "boern-familier",
							   "ungeenhed"};

const char *concern_owner_org_id(int i)
{
	return i >= 0 && i < CONCERN_OWNER_ORGS ? owner_orgs[i] : "?";
}

bool concern_owner_org_fixed(const char *id)
{
	for (int i = 0; i < CONCERN_OWNER_ORGS; i++)
		if (id && !strcmp(id, owner_orgs[i]))
			return true;
	return false;
}

/* ---- decisions ----------------------------------------------------------- */

static int fail(struct decision_error *e, const char *field, const char *message)
{
	snprintf(e->field, sizeof(e->field), "%s", field);
	e->message = message;
	return -1;
}

static int fail_action(struct decision_error *e, size_t i, const char *key, const char *message)
{
	snprintf(e->field, sizeof(e->field), "actions[%zu].%s", i, key);
	e->message = message;
	return -1;
}

int decision_validate(const struct org *o, struct decision *d, struct decision_error *e)
{
	if (!concern_category(o, d->category))
		return fail(e, "category", _("kategorien findes ikke i strategien"));
	enum legal_basis lb;
	if (legal_basis_parse(d->legal_basis, &lb) < 0)
		return fail(e, "legal_basis", _("ukendt hjemmel"));
	if (!d->necessity)
		return fail(e, "necessity",
			    _("nødvendigheden af at dele oplysningerne skal bekræftes"));
	if (!d->actions_nr)
		return fail(e, "actions", _("angiv mindst én handling (evt. »ingen«)"));
	for (size_t i = 0; i < d->actions_nr; i++) {
		const struct decision_action *a = &d->actions[i];
		if (!concern_action_valid(o, a->type))
			return fail_action(e, i, "type", _("ukendt handlingstype"));
		if (!a->owner_org || !*a->owner_org)
			return fail_action(e, i, "owner_org",
					   _("angiv den ansvarlige organisation"));
		if (!concern_owner_org_fixed(a->owner_org) &&
		    !(d->institution_exists && d->institution_exists(a->owner_org, d->ctx)))
			return fail_action(e, i, "owner_org", _("ukendt organisation"));
		if (a->owner_user && *a->owner_user &&
		    !(d->user_exists && d->user_exists(a->owner_user, d->ctx)))
			return fail_action(e, i, "owner_user",
					   _("der findes ingen bruger med det brugernavn"));
		/* domain.md section 4: the SSP-team is the bekymringssamtale's
		 * tovholder, as for an action added later (followup_service.c) */
		if (!strcmp(a->type, "bekymringssamtale") && strcmp(a->owner_org, "ssp"))
			return fail_action(e, i, "owner_org",
					   _("SSP-teamet er tovholder på en bekymringssamtale"));
		if (a->due != CAL_NO_DAY && a->due < d->meeting_day)
			return fail_action(e, i, "due", _("fristen ligger før mødet"));
		if (!strcmp(a->type, "ukn-indstilling")) {
			bool serious = concern_category_serious(o, d->category) || d->serious_crime;
			enum ukn_verdict v = ukn_check(d->age, serious, d->prison_sentence);
			if (v != UKN_OK)
				return fail_action(e, i, "type", ukn_verdict_message(v));
		}
	}
	/* only now, when everything is valid, fill the default deadlines */
	int days = concern_category_deadline(o, d->category);
	for (size_t i = 0; i < d->actions_nr; i++)
		if (d->actions[i].due == CAL_NO_DAY)
			d->actions[i].due = d->meeting_day + days;
	return 0;
}

/* ---- underretning -------------------------------------------------------- */

long report_receipt_due(const struct closed_days *c, long reported)
{
	long day = reported;
	for (int n = 0; n < REPORT_RECEIPT_WORKING_DAYS;) {
		day++;
		if (cal_is_working_day(c, 0, day))
			n++;
	}
	return day;
}

/* ---- bodies -------------------------------------------------------------- */

const char *concern_body_refusal(const struct org_body *b, char *buf, size_t n)
{
	if (b->named_individuals)
		return NULL;
	/* the seed's own words (its SSP-distriktsmøder section), the general
	 * rule for every body where named young people are not discussed */
	const char *why =
	    b->named_reason && *b->named_reason
		? b->named_reason
		: _("Konkrete sager drøftes ikke her, men henvises til fx § 115-møder, "
		    "ordinære netværksmøder eller underretninger.");
	snprintf(buf, n,
		 _("Mødet: %s er ikke et forum for navngivne unge, så personen kan ikke sættes "
		   "på dette møde. Strategien: »%s«"),
		 b->name ? b->name
		 : b->id ? b->id
			 : "",
		 why);
	return buf;
}

/* ---- statistics -------------------------------------------------------- */

enum age_band age_band_of(int age)
{
	if (age < 10)
		return AGE_UNDER_10;
	if (age <= 14)
		return AGE_10_14;
	if (age <= 17)
		return AGE_15_17;
	return AGE_18_25;
}

static const char *const band_ids[AGE_BAND__COUNT] = {"under-10", "10-14", "15-17", "18-25"};
static const char *const band_labels[AGE_BAND__COUNT] = {N_("Under 10 år"), N_("10-14 år"),
							 N_("15-17 år"), N_("18-25 år")};

const char *age_band_id(enum age_band b)
{
	return b < AGE_BAND__COUNT ? band_ids[b] : "?";
}

const char *age_band_label(enum age_band b)
{
	return b < AGE_BAND__COUNT ? _(band_labels[b]) : "?";
}

void stats_cell(long n, char out[24])
{
	if (n > 0 && n < STATS_SUPPRESS_BELOW)
		snprintf(out, 24, "<%d", STATS_SUPPRESS_BELOW);
	else
		snprintf(out, 24, "%ld", n);
}

void concern_stats_count(const struct org *o, const struct stats_row *rows, size_t nr,
			 struct concern_stats *out)
{
	memset(out, 0, sizeof(*out));
	out->categories_nr = o->categories_nr;
	out->districts_nr = o->districts_nr;
	out->by_category = xcalloc(o->categories_nr + 1, sizeof(long));
	out->by_district = xcalloc(o->districts_nr + 1, sizeof(long));
	for (size_t i = 0; i < nr; i++) {
		const struct stats_row *r = &rows[i];
		if (r->category < 1 || (size_t)r->category > o->categories_nr)
			continue;
		out->total++;
		out->by_category[r->category - 1]++;
		out->by_age[age_band_of(r->age)]++;
		if (r->district >= 0 && (size_t)r->district < o->districts_nr)
			out->by_district[r->district]++;
		else
			out->by_district[o->districts_nr]++;
		if (r->month >= 1 && r->month <= 12)
			out->by_month[r->month - 1]++;
	}
}

void concern_stats_release(struct concern_stats *s)
{
	free(s->by_category);
	free(s->by_district);
	memset(s, 0, sizeof(*s));
}
