#include "strategy/parse.h"

#include <errno.h>
#include <ini.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/concern.h"
#include "domain/plan.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- section and key tables ------------------------------------------ */

enum section_kind {
	SEC_NONE,
	SEC_MUNICIPALITY,
	SEC_STRATEGY,
	SEC_TARGET,
	SEC_DISTRICT,
	SEC_CATEGORY,
	SEC_BODY,
	SEC_INSTITUTION,
	SEC_CALENDAR,
	SEC_TEAM,
	SEC_ACTION,    /* [handling "id"]: an action type beyond the built-in ones */
	SEC_RETENTION, /* [sletning]: deletion rules (domain/retention.h) */
	SEC__COUNT
};

#define MAX_KEYS 24

struct keyspec {
	const char *name;
	bool required;
	bool list; /* may repeat; each occurrence is one item */
};

struct sectionspec {
	const char *name;
	bool has_id; /* [organ "id"] rather than [kommune] */
	struct keyspec keys[MAX_KEYS];
};

/* Key order in each table is the index used by finish_*() below. */
enum { K_MUN_NAME, K_MUN_POLICE };
enum { K_STR_PURPOSE, K_STR_TARGET, K_STR_ORG, K_STR_LOCAL, K_STR_LEVELS };
enum { K_TGT_FROM, K_TGT_TO, K_TGT_PLUS };
enum { K_DIS_NAME, K_DIS_FORMER, K_DIS_CHAIR, K_DIS_TAKER };
enum { K_CAT_NAME, K_CAT_DESC, K_CAT_DEADLINE, K_CAT_SERIOUS };
enum {
	K_BODY_NAME,
	K_BODY_LEVEL,
	K_BODY_PARENT,
	K_BODY_PURPOSE,
	K_BODY_RESPONSIBLE,
	K_BODY_FREQ,
	K_BODY_NAMED,
	K_BODY_MEMBER,
	K_BODY_TASK,
	K_BODY_WHEEL,
	K_BODY_NOTE,
	K_BODY_WEEKDAY,
	K_BODY_TIME,
	K_BODY_DURATION,
	K_BODY_HOLIDAY_WEEKS,
	K_BODY_THEME,
	K_BODY_FOCUS,
	K_BODY_CADENCE_START,
	K_BODY_NAMED_REASON,
	K_BODY_FORMER,
	K_BODY_CHAIR,
	K_BODY_MINUTE_TAKER
};
enum {
	K_INST_NAME,
	K_INST_KIND,
	K_INST_DISTRICT,
	K_INST_EXAMPLE,
	K_INST_CHAIR,
	K_INST_TAKER,
	K_INST_FORMER
};
enum { K_CAL_CLOSED };
enum { K_TEAM_TRAINING, K_TEAM_THEME, K_TEAM_EVENT, K_TEAM_PREPAREDNESS };
enum { K_ACT_NAME };

static const struct sectionspec sections[SEC__COUNT] = {
    [SEC_MUNICIPALITY] = {"kommune", false, {{"navn", true, false}, {"politikreds", true, false}}},
    [SEC_STRATEGY] = {"strategi",
		      false,
		      {{"formål", false, false},
		       {"målgruppe", false, false},
		       {"organisering", false, false},
		       {"lokal-tilrettelæggelse", false, false},
		       /* the municipality's own ordered levels (issue 11) */
		       {"niveauer", false, false}}},
    [SEC_TARGET] = {"målgruppe",
		    false,
		    {{"alder-fra", false, false},
		     {"alder-til", false, false},
		     {"ssp-plus-fra", false, false}}},
    [SEC_DISTRICT] = {"distrikt",
		      true,
		      {{"navn", true, false},
		       {"tidligere-id", false, true},
		       /* "organ-id: function" for that body's meetings here (issue 11) */
		       {"mødeleder", false, true},
		       {"referent", false, true}}},
    [SEC_CATEGORY] = {"kategori",
		      true,
		      {{"navn", true, false},
		       {"beskrivelse", false, false},
		       /* the individual case flow (domain/concern.h) */
		       {"frist-dage", false, false},
		       {"alvorlig", false, false}}},
    [SEC_BODY] = {"organ",
		  true,
		  {{"navn", true, false},
		   {"niveau", true, false},
		   {"under", false, false},
		   {"formål", true, false},
		   {"ansvarlig", true, false},
		   {"frekvens", true, false},
		   {"navngivne-personer", true, false},
		   {"medlem", false, true},
		   {"opgave", false, true},
		   {"årshjul-tema", false, true},
		   {"note", false, false},
		   /* planning (domain/plan.h) */
		   {"ugedag", false, false},
		   {"tidspunkt", false, false},
		   {"varighed", false, false},
		   {"ferieuger", false, false},
		   {"tema", false, false},
		   {"fokusomraader-aar", false, false},
		   {"kadence-start", false, false},
		   /* the strategy's reason for navngivne-personer = nej (issue 11) */
		   {"navngivne-personer-grund", false, false},
		   /* ids the body had before a rename (issue 11) */
		   {"tidligere-id", false, true},
		   /* a role or function, per body or "distrikt-id: ..." (issue 11) */
		   {"mødeleder", false, true},
		   {"referent", false, true}}},
    [SEC_INSTITUTION] = {"institution",
			 true,
			 {{"navn", true, false},
			  {"type", true, false},
			  {"distrikt", true, false},
			  {"eksempel", false, false},
			  /* "organ-id: function" for that body's meetings here (issue 11) */
			  {"mødeleder", false, true},
			  {"referent", false, true},
			  /* ids the institution had before a rename (issue 11) */
			  {"tidligere-id", false, true}}},
    [SEC_CALENDAR] = {"kalender", false, {{"lukkedage", false, false}}},
    /* the SSP-team's daily work (domain/team.h) */
    [SEC_TEAM] = {"ssp-team",
		  false,
		  {{"uddannelse-inden-maaneder", false, false},
		   {"tema", false, true},
		   {"begivenhed", false, true},
		   {"beredskabsforum", false, false}}},
    [SEC_ACTION] = {"handling", true, {{"navn", true, false}}},
    /* one key per record type, in enum retention_record's order */
    [SEC_RETENTION] = {"sletning",
		       false,
		       {{"overlevering", false, false},
			{"indstilling", false, false},
			{"bekymring", false, false},
			{"bekymringssamtale", false, false},
			{"risikovurdering", false, false},
			{"referat", false, false},
			{"adgangslog", false, false},
			{"indsigt", false, false}}},
};

/* ---- parser state ---------------------------------------------------- */

struct entity {
	enum section_kind kind;
	char *id;
	int line;
	struct strlist vals[MAX_KEYS];
	int first_line[MAX_KEYS]; /* 0 = key not given (given but empty counts as given) */
};

struct seen_section {
	enum section_kind kind;
	char *id; /* NULL for singletons */
	int line;
};

struct state {
	const char *buf;
	size_t len, pos;
	int lineno;        /* line most recently handed to inih */
	bool continuation; /* that line starts with white space */
	bool bad_line;     /* we already reported that line */
	int last_reported; /* last line with a syntax diagnostic */
	struct entity cur; /* section being read */
	struct seen_section *seen;
	size_t seen_nr, seen_alloc;
	struct org *org;
	struct diags *d;
	int prev_key;  /* key index of the previous handler call, for continuations */
	bool in_value; /* a key line came before, so an indented line continues it */
	/* mødeleder / referent in a [distrikt] or [institution] section:
	 * resolved against the bodies once all are read (unit_roles) */
	struct unit_role *unit_roles;
	size_t unit_roles_nr, unit_roles_alloc;
	/* [strategi] niveauer, and each body's "niveau" (lower-cased), read
	 * once all sections are (resolve_levels): a body may come first */
	struct strlist levels;
	int levels_line;
	struct body_level *body_levels;
	size_t body_levels_nr, body_levels_alloc;
};

struct body_level {
	size_t body; /* index in org->bodies */
	char *text;  /* lower-cased; NULL when the key is missing */
	char *written;
	int line;
};

struct unit_role {
	char *unit; /* district or institution id */
	char *item; /* "organ-id: function" as written */
	int line;
	bool taker; /* referent rather than mødeleder */
};

static int key_line(const struct entity *e, int k);
static void parse_levels(struct state *st, const struct entity *e);

static void add_unit_roles(struct state *st, const struct entity *e, int k, bool taker)
{
	for (size_t i = 0; i < e->vals[k].nr; i++) {
		ALLOC_GROW(st->unit_roles, st->unit_roles_nr + 1, st->unit_roles_alloc);
		struct unit_role *r = &st->unit_roles[st->unit_roles_nr++];
		r->unit = xstrdup(e->id);
		r->item = xstrdup(e->vals[k].v[i]);
		r->line = key_line(e, k);
		r->taker = taker;
	}
}

static void entity_clear(struct entity *e)
{
	free(e->id);
	for (int i = 0; i < MAX_KEYS; i++)
		strlist_clear(&e->vals[i]);
	memset(e, 0, sizeof(*e));
}

static const char *kind_name(enum section_kind k)
{
	return sections[k].name ? sections[k].name : "";
}

/* "[organ \"x\"]" for messages */
static void section_label(struct strbuf *sb, const struct entity *e)
{
	if (e->id)
		strbuf_addf(sb, "[%s \"%s\"]", kind_name(e->kind), e->id);
	else
		strbuf_addf(sb, "[%s]", kind_name(e->kind));
}

/* ---- converting a finished section into the org ------------------------ */

static const char *val(const struct entity *e, int k)
{
	return e->vals[k].nr ? e->vals[k].v[0] : NULL;
}

static char *dupval(const struct entity *e, int k)
{
	const char *v = val(e, k);
	return v ? xstrdup(v) : NULL;
}

static int key_line(const struct entity *e, int k)
{
	return e->first_line[k] ? e->first_line[k] : e->line;
}

/* [strategi] niveauer = politisk, ledende, strategisk, ...: the
 * municipality's own levels, top to bottom (issue 11). */
static void parse_levels(struct state *st, const struct entity *e)
{
	const char *v = val(e, K_STR_LEVELS);
	if (!v)
		return;
	int line = key_line(e, K_STR_LEVELS);
	char *all = xstrdup(v);
	utf8_lower_latin1(all);
	bool bad = false;
	for (char *p = all; p && !bad;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		size_t n = strlen(p);
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			p[--n] = '\0';
		bool word = n > 0 && n <= 40;
		for (size_t i = 0; i < n && word; i++)
			word = (unsigned char)p[i] >= 0x80 || (p[i] >= 'a' && p[i] <= 'z') ||
			       (p[i] >= '0' && p[i] <= '9') || p[i] == '-';
		if (!word) {
			diag_error(st->d, line,
				   _("»niveauer« skal være ord adskilt af komma, fx »politisk, "
				     "ledende, strategisk, koordinerende, udførende«, ikke »%s«"),
				   v);
			bad = true;
		} else if (strlist_has(&st->levels, p)) {
			diag_error(st->d, line, _("»niveauer« nævner »%s« to gange"), p);
			bad = true;
		} else if (st->levels.nr >= ORG_LEVELS_MAX) {
			diag_error(st->d, line, _("»niveauer« må højst have %d niveauer"),
				   ORG_LEVELS_MAX);
			bad = true;
		} else {
			strlist_add(&st->levels, p);
		}
		p = comma ? comma + 1 : NULL;
	}
	if (bad)
		strlist_clear(&st->levels);
	st->levels_line = line;
	free(all);
}

/* The value of an enumerated key (level, ja/nej, weekday, type, ...),
 * lower-cased: "Ja", "Torsdag" and "LEDENDE" mean what they say. Caller
 * frees; NULL when the key is not given. */
static char *lower_val(const struct entity *e, int k)
{
	char *v = dupval(e, k);
	if (v)
		utf8_lower_latin1(v);
	return v;
}

static int parse_bool(struct state *st, const struct entity *e, int k, bool *out)
{
	char *v = lower_val(e, k);
	int rc = 0;
	if (!v)
		return 0;
	if (!strcmp(v, "ja")) {
		*out = true;
	} else if (!strcmp(v, "nej")) {
		*out = false;
	} else {
		diag_error(st->d, key_line(e, k), _("»%s« skal være »ja« eller »nej«, ikke »%s«"),
			   sections[e->kind].keys[k].name, val(e, k));
		rc = -1;
	}
	free(v);
	return rc;
}

static int parse_age(struct state *st, const struct entity *e, int k, int *out)
{
	const char *v = val(e, k);
	if (!v)
		return 0;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < 0 || n > 120) {
		diag_error(st->d, key_line(e, k),
			   _("»%s« skal være en alder fra 0 til 120, ikke »%s«"),
			   sections[e->kind].keys[k].name, v);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* ---- the individual case flow (domain/concern.h) ---------------------
 * [kategori] frist-dage and alvorlig; [handling "id"]. */

static void parse_concern_category(struct state *st, const struct entity *e, struct org_category *x)
{
	const char *v = val(e, K_CAT_DEADLINE);
	if (v) {
		char *end;
		errno = 0;
		long n = strtol(v, &end, 10);
		if (errno || end == v || *end || v[0] == '+' || v[0] == '-' || n < 1 || n > 365)
			diag_error(
			    st->d, key_line(e, K_CAT_DEADLINE),
			    _("»frist-dage« skal være et antal dage fra 1 til 365, ikke »%s«"), v);
		else
			x->deadline_days = (int)n;
	}
	parse_bool(st, e, K_CAT_SERIOUS, &x->serious);
}

static void parse_concern_action(struct state *st, const struct entity *e)
{
	for (int i = 0; i < CONCERN_ACTIONS_BUILTIN; i++)
		if (!strcmp(e->id, concern_action_builtin_id(i))) {
			diag_error(st->d, e->line,
				   _("handlingstypen »%s« er indbygget og kan ikke defineres igen"),
				   e->id);
			return;
		}
	struct org_action_type *t = org_add_action_type(st->org);
	t->id = xstrdup(e->id);
	t->name = dupval(e, K_ACT_NAME);
	t->line = e->line;
}

/* [sletning]: one rule per record type (domain/retention.h); a record
 * type the strategy leaves out keeps its built-in rule. */
static void finish_retention(struct state *st, const struct entity *e)
{
	for (int k = 0; k < RET__COUNT; k++) {
		const char *v = val(e, k);
		if (!v)
			continue;
		struct retention_rule rule;
		char *err = NULL;
		if (retention_rule_parse((enum retention_record)k, v, &rule, &err) < 0) {
			diag_error(st->d, key_line(e, k), _("»%s«: %s"),
				   sections[SEC_RETENTION].keys[k].name, err);
			free(err);
			continue;
		}
		rule.line = key_line(e, k);
		st->org->retention.rule[k] = rule;
	}
}

/* "90", "90 min" or "90 minutter" -> 90 (15-720). */
static int parse_minutes(const char *v, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || v[0] == '-' || v[0] == '+' || v[0] == ' ')
		return -1;
	while (*end == ' ')
		end++;
	if (*end && strcmp(end, "min") && strcmp(end, "min.") && strcmp(end, "minutter"))
		return -1;
	if (n < 15 || n > 720)
		return -1;
	*out = (int)n;
	return 0;
}

/* Reads the optional planning keys of a body (domain/plan.h). */
static void parse_planning(struct state *st, const struct entity *e, struct org_body *b)
{
	const char *v;
	char *err = NULL;
	if ((v = val(e, K_BODY_WEEKDAY))) {
		char *lv = lower_val(e, K_BODY_WEEKDAY);
		int wd = cal_weekday_parse(lv);
		free(lv);
		if (wd < 1 || wd > 5)
			diag_error(st->d, key_line(e, K_BODY_WEEKDAY),
				   _("»ugedag« skal være mandag, tirsdag, onsdag, torsdag eller "
				     "fredag, ikke »%s«"),
				   v);
		else if (b->freq.weekday && b->freq.weekday != wd)
			diag_error(st->d, key_line(e, K_BODY_WEEKDAY),
				   _("»ugedag« er %s, men frekvensen siger %s; fjern den ene"),
				   cal_weekday_name(wd), cal_weekday_name(b->freq.weekday));
		else
			b->weekday = wd;
	}
	if ((v = val(e, K_BODY_TIME)) && cal_parse_clock(v, &b->start_minute) < 0) {
		diag_error(st->d, key_line(e, K_BODY_TIME),
			   _("»tidspunkt« skal skrives TT:MM (fx 14:00), ikke »%s«"), v);
		b->start_minute = -1;
	}
	if ((v = val(e, K_BODY_DURATION)) && parse_minutes(v, &b->duration) < 0) {
		diag_error(st->d, key_line(e, K_BODY_DURATION),
			   _("»varighed« skal være et antal minutter fra 15 til 720 (fx 90), "
			     "ikke »%s«"),
			   v);
		b->duration = 0;
	}
	if (b->start_minute >= 0 && b->duration && b->start_minute + b->duration > 24 * 60)
		diag_error(st->d, key_line(e, K_BODY_DURATION),
			   _("mødet skal slutte senest ved midnat (tidspunkt %s + varighed %s)"),
			   val(e, K_BODY_TIME), val(e, K_BODY_DURATION));
	if ((v = val(e, K_BODY_HOLIDAY_WEEKS)) && cal_weeks_parse(v, &b->holiday_weeks, &err) < 0) {
		diag_error(st->d, key_line(e, K_BODY_HOLIDAY_WEEKS), _("»ferieuger«: %s"), err);
		free(err);
		err = NULL;
	}
	if ((v = val(e, K_BODY_FOCUS))) {
		char *lv = lower_val(e, K_BODY_FOCUS);
		if (!strcmp(lv, "lige"))
			b->focus_parity = 0;
		else if (!strcmp(lv, "ulige"))
			b->focus_parity = 1;
		else
			diag_error(st->d, key_line(e, K_BODY_FOCUS),
				   _("»fokusomraader-aar« skal være »lige« eller »ulige«, ikke "
				     "»%s«"),
				   v);
		free(lv);
	}
	if (b->freq.school_holidays && !b->holiday_weeks)
		diag_error(st->d, key_line(e, K_BODY_FREQ),
			   _("frekvensen siger »undtagen i skoleferierne«; skriv skoleferiernes "
			     "uger i »ferieuger« (fx »ferieuger = 7, 27-32, 42, 52«)"));
	if ((v = val(e, K_BODY_CADENCE_START))) {
		struct date dt;
		if (cal_parse_date(v, &dt) < 0 || dt.y < 2000 || dt.y > 2100) {
			diag_error(st->d, key_line(e, K_BODY_CADENCE_START),
				   _("»kadence-start« skal være en dato ÅÅÅÅ-MM-DD mellem år 2000 "
				     "og 2100, ikke »%s«"),
				   v);
		} else if (b->frequency_text && !b->freq.every_days) {
			diag_error(st->d, key_line(e, K_BODY_CADENCE_START),
				   _("»kadence-start« gælder kun en frekvens som »hver 14. dag«"));
		} else {
			b->cadence_start = cal_days(dt);
			int wd = cal_weekday(b->cadence_start);
			if (wd > 5)
				diag_error(st->d, key_line(e, K_BODY_CADENCE_START),
					   _("»kadence-start« %s er en %s; vælg en hverdag"), v,
					   cal_weekday_name(wd));
			else if (b->weekday && b->weekday != wd)
				diag_error(st->d, key_line(e, K_BODY_CADENCE_START),
					   _("»kadence-start« %s er en %s, men »ugedag« er %s"), v,
					   cal_weekday_name(wd), cal_weekday_name(b->weekday));
		}
	}
	b->theme = dupval(e, K_BODY_THEME);
}

static void move_list(struct strlist *to, struct strlist *from)
{
	*to = *from;
	memset(from, 0, sizeof(*from));
}

/* [ssp-team]: the training rule's months, the themes of offers and
 * advice, and the recurring events (domain/team.h). */
static void finish_team(struct state *st, struct entity *e)
{
	struct org *o = st->org;
	const char *v = val(e, K_TEAM_TRAINING);
	if (v) {
		char *end = NULL;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < 1 || n > TEAM_TRAINING_MONTHS_MAX)
			diag_error(st->d, key_line(e, K_TEAM_TRAINING),
				   _("»uddannelse-inden-maaneder« skal være et helt antal måneder "
				     "mellem 1 og %d"),
				   TEAM_TRAINING_MONTHS_MAX);
		else
			o->training_months = (int)n;
	}
	const char *prep = val(e, K_TEAM_PREPAREDNESS);
	if (prep) {
		/* checked against the bodies once they are all read */
		o->preparedness_body = xstrdup(prep);
		o->preparedness_line = key_line(e, K_TEAM_PREPAREDNESS);
	}
	move_list(&o->team_themes, &e->vals[K_TEAM_THEME]);
	for (size_t i = 0; i < e->vals[K_TEAM_EVENT].nr; i++) {
		struct team_recurring r;
		char *err = NULL;
		if (team_recurring_parse(e->vals[K_TEAM_EVENT].v[i], &r, &err) < 0) {
			diag_error(st->d, key_line(e, K_TEAM_EVENT), _("»begivenhed«: %s"), err);
			free(err);
			continue;
		}
		ALLOC_GROW(o->recurring, o->recurring_nr + 1, o->recurring_alloc);
		o->recurring[o->recurring_nr++] = r;
	}
}

static void finish_section(struct state *st)
{
	struct entity *e = &st->cur;
	if (e->kind == SEC_NONE)
		return;
	const struct sectionspec *spec = &sections[e->kind];
	bool ok = true;
	for (int k = 0; k < MAX_KEYS && spec->keys[k].name; k++) {
		/* an empty value was already reported where it stands */
		if (spec->keys[k].required && !e->vals[k].nr && !e->first_line[k]) {
			struct strbuf sb = STRBUF_INIT;
			section_label(&sb, e);
			diag_error(st->d, e->line, _("%s mangler »%s«"), sb.buf,
				   spec->keys[k].name);
			strbuf_release(&sb);
			ok = false;
		}
	}
	struct org *o = st->org;
	switch (e->kind) {
	case SEC_MUNICIPALITY:
		o->municipality = dupval(e, K_MUN_NAME);
		o->police_district = dupval(e, K_MUN_POLICE);
		break;
	case SEC_STRATEGY:
		for (int t = 0; t < THEME__COUNT; t++)
			o->themes[t] = dupval(e, t);
		parse_levels(st, e);
		break;
	case SEC_TARGET:
		parse_age(st, e, K_TGT_FROM, &o->age_min);
		parse_age(st, e, K_TGT_TO, &o->age_max);
		parse_age(st, e, K_TGT_PLUS, &o->ssp_plus_from);
		if (o->age_min >= o->age_max)
			diag_error(st->d, key_line(e, K_TGT_FROM),
				   _("»alder-fra« (%d) skal være mindre end »alder-til« (%d)"),
				   o->age_min, o->age_max);
		else if (o->ssp_plus_from < o->age_min || o->ssp_plus_from > o->age_max)
			diag_error(
			    st->d, key_line(e, K_TGT_PLUS),
			    _("»ssp-plus-fra« (%d) skal ligge mellem »alder-fra« og »alder-til«"),
			    o->ssp_plus_from);
		break;
	case SEC_DISTRICT: {
		struct org_district *x = org_add_district(o);
		x->id = xstrdup(e->id);
		x->name = dupval(e, K_DIS_NAME);
		x->line = e->line;
		move_list(&x->former_ids, &e->vals[K_DIS_FORMER]);
		add_unit_roles(st, e, K_DIS_CHAIR, false);
		add_unit_roles(st, e, K_DIS_TAKER, true);
		break;
	}
	case SEC_CATEGORY: {
		struct org_category *x = org_add_category(o);
		x->id = xstrdup(e->id);
		x->name = dupval(e, K_CAT_NAME);
		x->description = dupval(e, K_CAT_DESC);
		x->line = e->line;
		parse_concern_category(st, e, x);
		break;
	}
	case SEC_BODY: {
		struct org_body *b = org_add_body(o);
		b->id = xstrdup(e->id);
		b->line = e->line;
		b->name = dupval(e, K_BODY_NAME);
		b->parent = dupval(e, K_BODY_PARENT);
		b->parent_line = key_line(e, K_BODY_PARENT);
		b->purpose = dupval(e, K_BODY_PURPOSE);
		b->responsible = dupval(e, K_BODY_RESPONSIBLE);
		b->frequency_text = dupval(e, K_BODY_FREQ);
		b->freq_line = key_line(e, K_BODY_FREQ);
		b->note = dupval(e, K_BODY_NOTE);
		move_list(&b->members, &e->vals[K_BODY_MEMBER]);
		move_list(&b->tasks, &e->vals[K_BODY_TASK]);
		move_list(&b->wheel_themes, &e->vals[K_BODY_WHEEL]);
		move_list(&b->former_ids, &e->vals[K_BODY_FORMER]);
		move_list(&b->chairs, &e->vals[K_BODY_CHAIR]);
		move_list(&b->minute_takers, &e->vals[K_BODY_MINUTE_TAKER]);
		/* checked against the strategy's levels once all are read */
		ALLOC_GROW(st->body_levels, st->body_levels_nr + 1, st->body_levels_alloc);
		struct body_level *bl = &st->body_levels[st->body_levels_nr++];
		bl->body = o->bodies_nr - 1;
		bl->text = lower_val(e, K_BODY_LEVEL);
		bl->written = dupval(e, K_BODY_LEVEL);
		bl->line = key_line(e, K_BODY_LEVEL);
		if (b->frequency_text) {
			char *err;
			if (frequency_parse(b->frequency_text, &b->freq, &err) < 0) {
				diag_error(st->d, key_line(e, K_BODY_FREQ),
					   _("frekvensen »%s« kan ikke læses: %s"),
					   b->frequency_text, err);
				free(err);
			}
		}
		parse_bool(st, e, K_BODY_NAMED, &b->named_individuals);
		b->named_reason = dupval(e, K_BODY_NAMED_REASON);
		if (b->named_reason && b->named_individuals)
			diag_error(st->d, key_line(e, K_BODY_NAMED_REASON),
				   _("»navngivne-personer-grund« begrunder »navngivne-personer = "
				     "nej«, men organet har »ja«"));
		parse_planning(st, e, b);
		if (b->parent && !strcmp(b->parent, b->id))
			diag_error(st->d, key_line(e, K_BODY_PARENT),
				   _("organ »%s« kan ikke ligge under sig selv"), b->id);
		break;
	}
	case SEC_INSTITUTION: {
		if (!institution_id_valid(e->id))
			diag_error(st->d, e->line,
				   _("institutions-id'et »%s« er reserveret (skolenetværkets egne "
				     "adresser bruger det); vælg et andet"),
				   e->id);
		struct org_institution *x = org_add_institution(o);
		x->id = xstrdup(e->id);
		x->name = dupval(e, K_INST_NAME);
		x->district = dupval(e, K_INST_DISTRICT);
		x->line = e->line;
		move_list(&x->former_ids, &e->vals[K_INST_FORMER]);
		char *kind = lower_val(e, K_INST_KIND);
		if (kind && institution_kind_parse(kind, &x->kind) < 0)
			diag_error(st->d, key_line(e, K_INST_KIND),
				   _("»type« skal være »skole« eller »klub«, ikke »%s«"),
				   val(e, K_INST_KIND));
		free(kind);
		parse_bool(st, e, K_INST_EXAMPLE, &x->example);
		add_unit_roles(st, e, K_INST_CHAIR, false);
		add_unit_roles(st, e, K_INST_TAKER, true);
		break;
	}
	case SEC_CALENDAR: {
		const char *v = val(e, K_CAL_CLOSED);
		char *err = NULL;
		if (v && cal_closed_parse(v, &o->closed, &err) < 0) {
			diag_error(st->d, key_line(e, K_CAL_CLOSED), _("»lukkedage«: %s"), err);
			free(err);
		}
		break;
	}
	case SEC_TEAM:
		finish_team(st, e);
		break;
	case SEC_ACTION:
		parse_concern_action(st, e);
		break;
	case SEC_RETENTION:
		finish_retention(st, e);
		break;
	default:
		break;
	}
	(void)ok;
	entity_clear(e);
}

/* ---- line reader: line numbers, section headers, syntax ---------------- */

static void report_line(struct state *st, const char *fmt, const char *arg)
{
	if (st->last_reported == st->lineno)
		return;
	st->last_reported = st->lineno;
	if (arg)
		diag_error(st->d, st->lineno, fmt, arg);
	else
		diag_error(st->d, st->lineno, "%s", fmt);
}

static const char *skip_ws(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/* Parses a section header line [name] or [name "id"] found at s..end. */
static void start_section(struct state *st, const char *s, const char *end)
{
	finish_section(st);
	const char *close = memchr(s, ']', (size_t)(end - s));
	if (!close) {
		report_line(st, _("sektionsoverskriften mangler »]«"), NULL);
		st->cur.kind = SEC_NONE;
		return;
	}
	const char *after = skip_ws(close + 1, end);
	if (after < end && *after != ';' && *after != '#') {
		report_line(st, _("der må ikke stå andet end en kommentar efter »]«"), NULL);
	}
	const char *p = skip_ws(s + 1, close);
	const char *name_end = p;
	while (name_end < close && *name_end != ' ' && *name_end != '\t' && *name_end != '"')
		name_end++;
	char *name = xstrndup(p, (size_t)(name_end - p));
	char *id = NULL;
	const char *q = skip_ws(name_end, close);
	if (q < close) {
		if (*q != '"') {
			report_line(st, _("skriv sektionen som [navn] eller [navn \"id\"]"), NULL);
			free(name);
			return;
		}
		const char *qe = memchr(q + 1, '"', (size_t)(close - q - 1));
		if (!qe || skip_ws(qe + 1, close) != close) {
			report_line(st, _("id'et i sektionsoverskriften skal stå i anførselstegn"),
				    NULL);
			free(name);
			return;
		}
		id = xstrndup(q + 1, (size_t)(qe - q - 1));
	}
	enum section_kind kind = SEC_NONE;
	for (int k = 1; k < SEC__COUNT; k++)
		if (!strcmp(name, sections[k].name))
			kind = (enum section_kind)k;
	if (kind == SEC_NONE) {
		report_line(
		    st,
		    _("ukendt sektion »%s«; brug kommune, strategi, målgruppe, distrikt, "
		      "kategori, organ, institution, kalender, ssp-team, handling eller sletning"),
		    name);
		goto out;
	}
	if (sections[kind].has_id && !id) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("sektionen »%s« skal have et id, fx [%s \"mit-id\"]"), name,
			    name);
		report_line(st, sb.buf, NULL);
		strbuf_release(&sb);
		goto out;
	}
	if (!sections[kind].has_id && id) {
		report_line(st, _("sektionen »%s« har ikke noget id"), name);
		goto out;
	}
	if (id && !org_id_valid(id)) {
		report_line(
		    st,
		    _("ugyldigt id »%s«: brug 1-64 tegn af a-z, 0-9 og bindestreg (ikke æ, ø, "
		      "å)"),
		    id);
		goto out;
	}
	for (size_t i = 0; i < st->seen_nr; i++) {
		struct seen_section *s2 = &st->seen[i];
		if (s2->kind == kind &&
		    ((!id && !s2->id) || (id && s2->id && !strcmp(id, s2->id)))) {
			struct strbuf sb = STRBUF_INIT;
			if (id)
				strbuf_addf(&sb, _("%s »%s« er allerede defineret på linje %d"),
					    name, id, s2->line);
			else
				strbuf_addf(&sb,
					    _("sektionen [%s] er allerede defineret på linje %d"),
					    name, s2->line);
			report_line(st, sb.buf, NULL);
			strbuf_release(&sb);
			goto out;
		}
	}
	ALLOC_GROW(st->seen, st->seen_nr + 1, st->seen_alloc);
	st->seen[st->seen_nr].kind = kind;
	st->seen[st->seen_nr].id = id ? xstrdup(id) : NULL;
	st->seen[st->seen_nr].line = st->lineno;
	st->seen_nr++;
	st->cur.kind = kind;
	st->cur.id = id;
	st->cur.line = st->lineno;
	id = NULL;
out:
	free(name);
	free(id);
}

static void inspect_line(struct state *st, const char *line, const char *end)
{
	st->continuation = line < end && (*line == ' ' || *line == '\t');
	if (st->lineno == 1 && end - line >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
		line += 3;
	const char *s = skip_ws(line, end);
	while (end > s && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (s == end || *s == ';' || *s == '#')
		return;
	if (st->continuation) {
		if (!st->in_value)
			report_line(st,
				    _("en indrykket linje fortsætter den forrige værdi, men der er "
				      "ingen; fjern indrykningen"),
				    NULL);
		return;
	}
	st->prev_key = -1;
	st->in_value = false;
	if (*s == '[') {
		start_section(st, s, end);
		return;
	}
	const char *eq = s;
	while (eq < end && *eq != '=' && *eq != ':')
		eq++;
	if (eq == end)
		report_line(st,
			    _("linjen er hverken en [sektion], en »nøgle = værdi« eller en "
			      "kommentar"),
			    NULL);
	else if (eq == s)
		report_line(st, _("der mangler en nøgle før »=«"), NULL);
	else
		st->in_value = true;
}

/* inih's reader (like fgets). It also numbers the lines, which inih's
 * handler does not get in Debian's build, and checks what inih would only
 * report as "error on line N". */
static char *reader(char *str, int num, void *stream)
{
	struct state *st = stream;
	if (st->pos >= st->len || num < 2)
		return NULL;
	const char *line = st->buf + st->pos;
	const char *nl = memchr(line, '\n', st->len - st->pos);
	size_t n = nl ? (size_t)(nl - line) + 1 : st->len - st->pos;
	st->pos += n;
	st->lineno++;
	st->bad_line = false;
	if (n > (size_t)num - 1) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(
		    &sb,
		    _("linjen er for lang (højst %d byte; æ, ø og å tæller for to); del teksten "
		      "og fortsæt på en indrykket linje"),
		    num - 2);
		report_line(st, sb.buf, NULL);
		strbuf_release(&sb);
		st->prev_key = -1;
		st->in_value = false;
		str[0] = '\n';
		str[1] = '\0';
		st->bad_line = true;
		return str;
	}
	inspect_line(st, line, line + n);
	if (st->last_reported == st->lineno) {
		/* Hand inih a blank line so it does not act on a line we refused. */
		st->bad_line = true;
		str[0] = '\n';
		str[1] = '\0';
		return str;
	}
	memcpy(str, line, n);
	str[n] = '\0';
	return str;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct state *st = user;
	(void)section;
	struct entity *e = &st->cur;
	if (st->bad_line || e->kind == SEC_NONE) {
		if (e->kind == SEC_NONE && !st->bad_line && st->last_reported < st->lineno &&
		    !st->continuation) {
			/* a key before any section, or in a refused section */
			if (st->seen_nr == 0)
				report_line(st, _("nøglen »%s« står før den første [sektion]"),
					    name);
		}
		return 1;
	}
	const struct sectionspec *spec = &sections[e->kind];
	int k = -1;
	for (int i = 0; i < MAX_KEYS && spec->keys[i].name; i++)
		if (!strcmp(name, spec->keys[i].name))
			k = i;
	if (st->continuation) {
		/* inih hands continuation lines over under the previous key's name */
		if (k < 0 || k != st->prev_key || !e->vals[k].nr)
			return 1;
		struct strlist *l = &e->vals[k];
		struct strbuf sb = STRBUF_INIT;
		strbuf_addstr(&sb, l->v[l->nr - 1]);
		strbuf_addch(&sb, ' ');
		strbuf_addstr(&sb, value);
		free(l->v[l->nr - 1]);
		l->v[l->nr - 1] = strbuf_detach(&sb);
		return 1;
	}
	if (k < 0) {
		struct strbuf sb = STRBUF_INIT, keys = STRBUF_INIT;
		section_label(&sb, e);
		for (int i = 0; i < MAX_KEYS && spec->keys[i].name; i++)
			strbuf_addf(&keys, "%s%s", i ? ", " : "", spec->keys[i].name);
		diag_error(st->d, st->lineno, _("ukendt nøgle »%s« i %s; kendte nøgler: %s"), name,
			   sb.buf, keys.buf);
		strbuf_release(&sb);
		strbuf_release(&keys);
		st->prev_key = -1;
		return 1;
	}
	st->prev_key = k;
	if (!*value) {
		diag_error(st->d, st->lineno, _("»%s« er tom"), name);
		if (!e->first_line[k])
			e->first_line[k] = st->lineno;
		st->prev_key = -1;
		return 1;
	}
	if (e->vals[k].nr && !spec->keys[k].list) {
		diag_error(st->d, st->lineno,
			   _("»%s« er angivet to gange (første gang på linje %d)"), name,
			   e->first_line[k]);
		st->prev_key = -1;
		return 1;
	}
	if (!e->first_line[k])
		e->first_line[k] = st->lineno;
	strlist_add(&e->vals[k], value);
	return 1;
}

/* ---- whole-file checks ------------------------------------------------- */

struct id_index {
	const char *id;
	size_t i;
};

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct id_index *)a)->id, ((const struct id_index *)b)->id);
}

/* Every chain of "under" must end. Parents are looked up through a sorted
 * index and each body is walked once, so a strategy with thousands of
 * bodies checks in O(n log n), not O(n^2). */
static void check_parent_cycles(struct org *o, struct diags *d)
{
	size_t n = o->bodies_nr;
	if (!n)
		return;
	struct id_index *ix = xmalloc(n * sizeof(*ix));
	size_t *parent = xmalloc(n * sizeof(*parent));
	unsigned char *state = xcalloc(n, 1); /* 0 new, 1 on the current walk, 2 done */
	size_t *walk = xmalloc(n * sizeof(*walk));
	for (size_t i = 0; i < n; i++) {
		ix[i].id = o->bodies[i].id ? o->bodies[i].id : "";
		ix[i].i = i;
	}
	qsort(ix, n, sizeof(*ix), by_id);
	for (size_t i = 0; i < n; i++) {
		parent[i] = SIZE_MAX;
		if (o->bodies[i].parent) {
			struct id_index key = {o->bodies[i].parent, 0};
			struct id_index *hit = bsearch(&key, ix, n, sizeof(*ix), by_id);
			if (hit)
				parent[i] = hit->i;
		}
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = 0, j = i;
		while (j != SIZE_MAX && state[j] == 0) {
			state[j] = 1;
			walk[len++] = j;
			j = parent[j];
		}
		bool ring = j != SIZE_MAX && state[j] == 1;
		for (size_t k = 0; k < len; k++) {
			state[walk[k]] = 2;
			if (ring)
				diag_error(d, o->bodies[walk[k]].line,
					   _("organ »%s« indgår i en ring af »under«-henvisninger"),
					   o->bodies[walk[k]].id);
		}
	}
	free(ix);
	free(parent);
	free(state);
	free(walk);
}

static bool list_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->nr; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

/* Which kind of entity a tidligere-id belongs to. */
enum former_kind { FORMER_BODY, FORMER_DISTRICT, FORMER_INSTITUTION };

static bool former_in_use(const struct org *o, enum former_kind k, const char *id)
{
	switch (k) {
	case FORMER_BODY:
		return org_find_body(o, id) != NULL;
	case FORMER_DISTRICT:
		return org_find_district(o, id) != NULL;
	case FORMER_INSTITUTION:
		return org_find_institution(o, id) != NULL;
	}
	return false;
}

/* tidligere-id: a valid id, not an id in use, claimed by one entity only. */
static void check_former(struct org *o, struct diags *d, const char *kind, const char *id, int line,
			 const struct strlist *former, enum former_kind fk)
{
	for (size_t k = 0; k < former->nr; k++) {
		const char *f = former->v[k];
		if (!org_id_valid(f))
			diag_error(d, line, _("%s »%s«: »tidligere-id« »%s« er ikke et gyldigt id"),
				   kind, id, f);
		else if (former_in_use(o, fk, f))
			diag_error(d, line,
				   _("%s »%s«: »tidligere-id« »%s« er stadig i brug i strategien"),
				   kind, id, f);
	}
}

/* mødeleder / referent: "id: ..." must name a district or institution. */
static void check_roles(struct org *o, struct diags *d, const struct org_body *b,
			const struct strlist *l, const char *key)
{
	for (size_t i = 0; i < l->nr; i++) {
		size_t n;
		if (!org_role_split(l->v[i], &n))
			continue;
		char *id = xstrndup(l->v[i], n);
		bool found = org_find_district(o, id) != NULL;
		for (size_t k = 0; k < o->institutions_nr && !found; k++)
			found = !strcmp(o->institutions[k].id, id);
		if (!found)
			diag_error(
			    d, b->line,
			    _("organ »%s«: »%s = %s« nævner »%s«, som hverken er et distrikt "
			      "eller en institution"),
			    b->id, key, l->v[i], id);
		free(id);
	}
}

/* [issue 11] "mødeleder = organ-id: function" in a [distrikt] or
 * [institution] section is the body's "UNIT: function" item. */
static void resolve_unit_roles(struct state *st)
{
	for (size_t i = 0; i < st->unit_roles_nr; i++) {
		struct unit_role *r = &st->unit_roles[i];
		const char *key = r->taker ? "referent" : "mødeleder";
		size_t n;
		const char *fn = org_role_split(r->item, &n);
		char *body = fn ? xstrndup(r->item, n) : NULL;
		struct org_body *b = NULL;
		for (size_t k = 0; body && k < st->org->bodies_nr && !b; k++)
			if (!strcmp(st->org->bodies[k].id, body))
				b = &st->org->bodies[k];
		if (!fn || !*fn) {
			diag_error(st->d, r->line,
				   _("»%s = %s«: skriv »organ-id: rolle eller funktion«, fx "
				     "»%s = distriktsmoede: skolelederen«"),
				   key, r->item, key);
		} else if (!b) {
			diag_error(st->d, r->line,
				   _("»%s = %s« nævner organ »%s«, som ikke findes"), key, r->item,
				   body);
		} else if (!b->freq.per_district && !b->freq.per_institution) {
			diag_error(st->d, r->line,
				   _("»%s = %s«: organ »%s« mødes ikke i hvert distrikt eller på "
				     "hver institution; skriv rollen i organets egen sektion"),
				   key, r->item, body);
		} else {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, "%s: %s", r->unit, fn);
			strlist_add_owned(r->taker ? &b->minute_takers : &b->chairs,
					  strbuf_detach(&sb));
		}
		free(body);
		free(r->unit);
		free(r->item);
	}
	free(st->unit_roles);
	st->unit_roles = NULL;
	st->unit_roles_nr = st->unit_roles_alloc = 0;
}

/* [issue 11] The strategy's levels, then each body's level among them. */
static void resolve_levels(struct state *st)
{
	struct org *o = st->org;
	if (st->levels.nr)
		org_set_levels(o, &st->levels);
	struct strbuf names = STRBUF_INIT;
	for (size_t l = 0; l < org_levels_nr(o); l++)
		strbuf_addf(&names, "%s%s", l ? ", " : "", org_level_id_in(o, (int)l));
	for (size_t i = 0; i < st->body_levels_nr; i++) {
		struct body_level *bl = &st->body_levels[i];
		int l;
		if (bl->text && org_level_parse_in(o, bl->text, &l) == 0)
			o->bodies[bl->body].level = l;
		else if (bl->text)
			diag_error(st->d, bl->line, _("ukendt niveau »%s«; brug %s%s"), bl->written,
				   names.buf,
				   st->levels.nr ? ""
						 : _(" (eller skriv kommunens egne niveauer i "
						     "[strategi] »niveauer = ...«)"));
		free(bl->text);
		free(bl->written);
	}
	strbuf_release(&names);
	free(st->body_levels);
	st->body_levels = NULL;
	st->body_levels_nr = st->body_levels_alloc = 0;
	strlist_clear(&st->levels);
}

static void check_all_roles(struct org *o, struct diags *d)
{
	for (size_t i = 0; i < o->bodies_nr; i++) {
		check_roles(o, d, &o->bodies[i], &o->bodies[i].chairs, "mødeleder");
		check_roles(o, d, &o->bodies[i], &o->bodies[i].minute_takers, "referent");
	}
}

static void check_former_ids(struct org *o, struct diags *d)
{
	struct strlist seen = STRLIST_INIT;
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		check_former(o, d, _("organ"), b->id, b->line, &b->former_ids, FORMER_BODY);
		for (size_t k = 0; k < b->former_ids.nr; k++) {
			if (list_has(&seen, b->former_ids.v[k]))
				diag_error(
				    d, b->line,
				    _("»tidligere-id« »%s« er angivet for mere end ét organ"),
				    b->former_ids.v[k]);
			strlist_add(&seen, b->former_ids.v[k]);
		}
	}
	strlist_clear(&seen);
	for (size_t i = 0; i < o->districts_nr; i++) {
		const struct org_district *x = &o->districts[i];
		check_former(o, d, _("distrikt"), x->id, x->line, &x->former_ids, FORMER_DISTRICT);
		for (size_t k = 0; k < x->former_ids.nr; k++) {
			if (list_has(&seen, x->former_ids.v[k]))
				diag_error(
				    d, x->line,
				    _("»tidligere-id« »%s« er angivet for mere end ét distrikt"),
				    x->former_ids.v[k]);
			strlist_add(&seen, x->former_ids.v[k]);
		}
	}
	strlist_clear(&seen);
	for (size_t i = 0; i < o->institutions_nr; i++) {
		const struct org_institution *x = &o->institutions[i];
		check_former(o, d, _("institution"), x->id, x->line, &x->former_ids,
			     FORMER_INSTITUTION);
		for (size_t k = 0; k < x->former_ids.nr; k++) {
			if (list_has(&seen, x->former_ids.v[k]))
				diag_error(
				    d, x->line,
				    _("»tidligere-id« »%s« er angivet for mere end én institution"),
				    x->former_ids.v[k]);
			strlist_add(&seen, x->former_ids.v[k]);
		}
	}
	strlist_clear(&seen);
}

static void check_org(struct state *st)
{
	struct org *o = st->org;
	struct diags *d = st->d;
	if (!o->municipality && !o->police_district) {
		bool have = false;
		for (size_t i = 0; i < st->seen_nr; i++)
			if (st->seen[i].kind == SEC_MUNICIPALITY)
				have = true;
		if (!have)
			diag_error(d, 0,
				   _("strategien mangler sektionen [kommune] med navn og "
				     "politikreds"));
	}
	if (!o->bodies_nr)
		diag_error(d, 0,
			   _("strategien beskriver ingen organer; tilføj mindst én [organ "
			     "\"id\"]"));
	if (!o->categories_nr)
		diag_error(d, 0,
			   _("strategien har ingen sagskategorier; tilføj mindst én "
			     "[kategori \"id\"]"));
	for (size_t i = 0; i < o->bodies_nr; i++) {
		struct org_body *b = &o->bodies[i];
		if (b->parent && strcmp(b->parent, b->id) && !org_find_body(o, b->parent)) {
			diag_error(d, b->parent_line,
				   _("organ »%s« ligger under »%s«, som ikke findes"), b->id,
				   b->parent);
		}
		if (b->freq.per_district && !o->districts_nr)
			diag_error(d, b->line,
				   _("organ »%s« mødes i hvert distrikt, men strategien har ingen "
				     "[distrikt \"id\"]"),
				   b->id);
		/* [issue 11] "på hver skole" needs institutions of that kind */
		size_t fits = 0;
		for (size_t k = 0; b->freq.per_institution && k < o->institutions_nr; k++)
			fits += plan_institution_fits(&b->freq, &o->institutions[k]);
		if (b->freq.per_institution && !fits)
			diag_error(d, b->freq_line ? b->freq_line : b->line,
				   _("organ »%s« mødes på hver institution af en slags, men "
				     "strategien har ingen [institution \"id\"] med den »type«"),
				   b->id);
	}
	if (o->preparedness_body && !org_find_body(o, o->preparedness_body))
		diag_error(d, o->preparedness_line,
			   _("»beredskabsforum« nævner organ »%s«, som ikke findes; skriv id'et "
			     "på det forum, der tager større begivenheder op (fx hotspot)"),
			   o->preparedness_body);
	check_parent_cycles(o, d);
	check_former_ids(o, d);
	check_all_roles(o, d);
	for (size_t i = 0; i < o->institutions_nr; i++) {
		struct org_institution *x = &o->institutions[i];
		if (x->district && !org_find_district(o, x->district))
			diag_error(d, x->line,
				   _("institution »%s« hører til distrikt »%s«, som ikke "
				     "findes"),
				   x->id, x->district);
	}
	for (int t = 0; t < THEME__COUNT; t++)
		if (!o->themes[t] || !*o->themes[t])
			diag_warning(
			    d, 0,
			    _("den nationale rammes tema »%s« har intet indhold; skriv det "
			      "under [strategi] som »%s = ...«"),
			    org_theme_label((enum org_theme)t),
			    sections[SEC_STRATEGY].keys[t].name);
}

int strategy_parse(const char *buf, size_t len, struct org *out, struct diags *d)
{
	size_t before = d->errors;
	size_t bad;
	if (memchr(buf, '\0', len)) {
		size_t at = (size_t)((const char *)memchr(buf, '\0', len) - buf);
		int line = 1;
		for (size_t i = 0; i < at; i++)
			line += buf[i] == '\n';
		diag_error(d, line, _("filen indeholder et NUL-tegn; er det en tekstfil?"));
		return -1;
	}
	if (!utf8_valid(buf, len, &bad)) {
		int line = 1;
		for (size_t i = 0; i < bad; i++)
			line += buf[i] == '\n';
		diag_error(d, line, _("teksten er ikke gyldig UTF-8; gem filen som UTF-8"));
		return -1;
	}
	struct state st;
	memset(&st, 0, sizeof(st));
	st.buf = buf;
	st.len = len;
	st.org = out;
	st.d = d;
	st.prev_key = -1;
	int rc = ini_parse_stream(reader, &st, handler, &st);
	finish_section(&st);
	if (rc > 0) {
		/* inih saw a problem our own line check did not */
		bool reported = false;
		for (size_t i = 0; i < d->nr; i++)
			if (d->v[i].line == rc)
				reported = true;
		if (!reported)
			diag_error(
			    d, rc,
			    _("syntaksfejl: linjen er hverken en [sektion] eller en »nøgle = "
			      "værdi« (bemærk, at » ;« starter en kommentar)"));
	} else if (rc < 0) {
		diag_error(d, 0, _("kunne ikke læse filen (hukommelse)"));
	}
	resolve_levels(&st);
	resolve_unit_roles(&st);
	check_org(&st);
	for (size_t i = 0; i < st.seen_nr; i++)
		free(st.seen[i].id);
	free(st.seen);
	return d->errors > before ? -1 : 0;
}
