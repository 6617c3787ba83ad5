#include "domain/org.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

static const char *const level_ids[LEVEL__COUNT] = {"politisk", "strategisk", "koordinerende",
						    "udførende"};
static const char *const level_labels[LEVEL__COUNT] = {
    N_("Politisk niveau"), N_("Strategisk niveau"), N_("Koordinerende niveau"),
    N_("Udførende niveau")};

static const char *const theme_ids[THEME__COUNT] = {"formaal", "maalgruppe", "organisering",
						    "lokal-tilrettelaeggelse"};
static const char *const theme_labels[THEME__COUNT] = {
    N_("Formål"), N_("Målgruppe"), N_("Organisering"), N_("Lokal tilrettelæggelse")};

void org_init(struct org *o)
{
	memset(o, 0, sizeof(*o));
	o->age_min = 10;
	o->age_max = 25;
	o->ssp_plus_from = 18;
	cal_closed_default(&o->closed);
	retention_defaults(&o->retention);
}

static void body_release(struct org_body *b)
{
	free(b->id);
	free(b->name);
	free(b->parent);
	free(b->purpose);
	free(b->responsible);
	free(b->frequency_text);
	free(b->note);
	free(b->named_reason);
	strlist_clear(&b->former_ids);
	strlist_clear(&b->chairs);
	strlist_clear(&b->minute_takers);
	free(b->theme);
	strlist_clear(&b->members);
	strlist_clear(&b->tasks);
	strlist_clear(&b->wheel_themes);
}

void org_release(struct org *o)
{
	strlist_clear(&o->team_themes);
	strlist_clear(&o->levels);
	strlist_clear(&o->level_labels);
	free(o->preparedness_body);
	for (size_t i = 0; i < o->recurring_nr; i++)
		team_recurring_release(&o->recurring[i]);
	free(o->recurring);
	free(o->municipality);
	free(o->police_district);
	for (int t = 0; t < THEME__COUNT; t++)
		free(o->themes[t]);
	for (size_t i = 0; i < o->districts_nr; i++) {
		free(o->districts[i].id);
		free(o->districts[i].name);
		strlist_clear(&o->districts[i].former_ids);
	}
	free(o->districts);
	for (size_t i = 0; i < o->categories_nr; i++) {
		free(o->categories[i].id);
		free(o->categories[i].name);
		free(o->categories[i].description);
	}
	free(o->categories);
	for (size_t i = 0; i < o->bodies_nr; i++)
		body_release(&o->bodies[i]);
	free(o->bodies);
	for (size_t i = 0; i < o->institutions_nr; i++) {
		free(o->institutions[i].id);
		free(o->institutions[i].name);
		free(o->institutions[i].district);
		strlist_clear(&o->institutions[i].former_ids);
	}
	free(o->institutions);
	for (size_t i = 0; i < o->action_types_nr; i++) {
		free(o->action_types[i].id);
		free(o->action_types[i].name);
	}
	free(o->action_types);
	org_init(o);
}

#define ADD(arr, nr, alloc)                                                                        \
	do {                                                                                       \
		ALLOC_GROW(o->arr, o->nr + 1, o->alloc);                                           \
		memset(&o->arr[o->nr], 0, sizeof(o->arr[0]));                                      \
		return &o->arr[o->nr++];                                                           \
	} while (0)

struct org_body *org_add_body(struct org *o)
{
	ALLOC_GROW(o->bodies, o->bodies_nr + 1, o->bodies_alloc);
	struct org_body *b = &o->bodies[o->bodies_nr++];
	memset(b, 0, sizeof(*b));
	b->freq.min_per_year = b->freq.max_per_year = -1;
	b->start_minute = -1;
	b->focus_parity = -1;
	b->cadence_start = CAL_NO_DAY;
	return b;
}

struct org_district *org_add_district(struct org *o)
{
	ADD(districts, districts_nr, districts_alloc);
}

struct org_category *org_add_category(struct org *o)
{
	ADD(categories, categories_nr, categories_alloc);
}

struct org_institution *org_add_institution(struct org *o)
{
	ADD(institutions, institutions_nr, institutions_alloc);
}

struct org_action_type *org_add_action_type(struct org *o)
{
	ADD(action_types, action_types_nr, action_types_alloc);
}

const struct org_body *org_find_body(const struct org *o, const char *id)
{
	for (size_t i = 0; i < o->bodies_nr; i++)
		if (o->bodies[i].id && !strcmp(o->bodies[i].id, id))
			return &o->bodies[i];
	return NULL;
}

const struct org_district *org_find_district(const struct org *o, const char *id)
{
	for (size_t i = 0; i < o->districts_nr; i++)
		if (o->districts[i].id && !strcmp(o->districts[i].id, id))
			return &o->districts[i];
	return NULL;
}

const struct org_institution *org_find_institution(const struct org *o, const char *id)
{
	for (size_t i = 0; i < o->institutions_nr; i++)
		if (o->institutions[i].id && !strcmp(o->institutions[i].id, id))
			return &o->institutions[i];
	return NULL;
}

const char *org_level_id(enum org_level l)
{
	return l < LEVEL__COUNT ? level_ids[l] : "?";
}

const char *org_level_label(enum org_level l)
{
	return l < LEVEL__COUNT ? _(level_labels[l]) : "?";
}

size_t org_levels_nr(const struct org *o)
{
	return o->levels.nr ? o->levels.nr : LEVEL__COUNT;
}

const char *org_level_id_in(const struct org *o, int l)
{
	if (!o->levels.nr)
		return org_level_id((enum org_level)l);
	return l >= 0 && (size_t)l < o->levels.nr ? o->levels.v[l] : "?";
}

const char *org_level_label_in(const struct org *o, int l)
{
	if (!o->levels.nr)
		return org_level_label((enum org_level)l);
	return l >= 0 && (size_t)l < o->level_labels.nr ? o->level_labels.v[l] : "?";
}

int org_level_parse_in(const struct org *o, const char *s, int *out)
{
	if (!o->levels.nr) {
		enum org_level l;
		if (org_level_parse(s, &l) < 0)
			return -1;
		*out = (int)l;
		return 0;
	}
	for (size_t i = 0; i < o->levels.nr; i++) {
		if (!strcmp(s, o->levels.v[i])) {
			*out = (int)i;
			return 0;
		}
	}
	return -1;
}

void org_set_levels(struct org *o, const struct strlist *ids)
{
	strlist_clear(&o->levels);
	strlist_clear(&o->level_labels);
	for (size_t i = 0; i < ids->nr; i++) {
		const char *id = ids->v[i];
		strlist_add(&o->levels, id);
		enum org_level l;
		if (org_level_parse(id, &l) == 0) {
			strlist_add(&o->level_labels, org_level_label(l));
			continue;
		}
		/* "ledende" -> "Ledende niveau" (ids are lower-case; an ASCII
		 * first letter is capitalised, others are left as written) */
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("%s niveau"), id);
		if (sb.buf[0] >= 'a' && sb.buf[0] <= 'z')
			sb.buf[0] = (char)(sb.buf[0] - 'a' + 'A');
		strlist_add_owned(&o->level_labels, strbuf_detach(&sb));
	}
}

int org_level_parse(const char *s, enum org_level *out)
{
	for (int l = 0; l < LEVEL__COUNT; l++) {
		if (!strcmp(s, level_ids[l])) {
			*out = (enum org_level)l;
			return 0;
		}
	}
	return -1;
}

const char *org_theme_id(enum org_theme t)
{
	return t < THEME__COUNT ? theme_ids[t] : "?";
}

const char *org_theme_label(enum org_theme t)
{
	return t < THEME__COUNT ? _(theme_labels[t]) : "?";
}

const char *institution_kind_id(enum institution_kind k)
{
	return k == INST_CLUB ? "klub" : "skole";
}

int institution_kind_parse(const char *s, enum institution_kind *out)
{
	if (!strcmp(s, "skole")) {
		*out = INST_SCHOOL;
		return 0;
	}
	if (!strcmp(s, "klub")) {
		*out = INST_CLUB;
		return 0;
	}
	return -1;
}

bool org_id_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64 || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

bool institution_id_valid(const char *s)
{
	return org_id_valid(s) && strcmp(s, "temadag") && strcmp(s, "theme-day");
}

const char *org_role_split(const char *item, size_t *id_len)
{
	const char *colon = strchr(item, ':');
	if (!colon || colon == item || (size_t)(colon - item) > 64)
		return NULL;
	char id[65];
	memcpy(id, item, (size_t)(colon - item));
	id[colon - item] = '\0';
	if (!org_id_valid(id))
		return NULL;
	*id_len = (size_t)(colon - item);
	const char *rest = colon + 1;
	while (*rest == ' ')
		rest++;
	return rest;
}

const char *org_role_for_meeting(const struct strlist *l, const char *institution,
				 const char *district)
{
	const char *general = org_role_for(l, NULL);
	const char *r = institution ? org_role_for(l, institution) : general;
	if (r != general)
		return r;
	return org_role_for(l, district);
}

const char *org_role_for(const struct strlist *l, const char *unit)
{
	const char *general = NULL;
	for (size_t i = 0; i < l->nr; i++) {
		size_t n;
		const char *rest = org_role_split(l->v[i], &n);
		if (!rest) {
			if (!general)
				general = l->v[i];
		} else if (unit && strlen(unit) == n && !strncmp(l->v[i], unit, n)) {
			return rest;
		}
	}
	return general;
}
