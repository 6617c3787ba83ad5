#include "render/org_json.h"

#include <stdio.h>

#include "util/banned.h"

static json_t *list_json(const struct strlist *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->nr; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *frequency_to_json(const char *text, const struct frequency *f)
{
	json_t *j = json_object();
	json_object_set_new(j, "text", json_string(text ? text : ""));
	if (f->min_per_year >= 0)
		json_object_set_new(j, "min_per_year", json_integer(f->min_per_year));
	if (f->max_per_year >= 0)
		json_object_set_new(j, "max_per_year", json_integer(f->max_per_year));
	if (f->every_days)
		json_object_set_new(j, "every_days", json_integer(f->every_days));
	if (f->per_month)
		json_object_set_new(j, "per_month", json_integer(f->per_month));
	if (f->months) {
		json_t *m = json_array();
		for (int i = 1; i <= 12; i++)
			if (f->months & (1u << i))
				json_array_append_new(m, json_integer(i));
		json_object_set_new(j, "months", m);
	}
	json_object_set_new(j, "per_district", json_boolean(f->per_district));
	json_object_set_new(j, "ad_hoc", json_boolean(f->ad_hoc));
	if (f->continuous)
		json_object_set_new(j, "continuous", json_true());
	return j;
}

/* The planning keys (domain/plan.h): null when the strategy does not
 * give them (the planner then uses its defaults). */
static json_t *planning_to_json(const struct org_body *b)
{
	json_t *j = json_object();
	char buf[16];
	json_object_set_new(j, "weekday",
			    b->weekday ? json_string(cal_weekday_name(b->weekday)) : json_null());
	if (b->start_minute >= 0) {
		snprintf(buf, sizeof(buf), "%02u:%02u", (unsigned)(b->start_minute / 60) % 100u,
			 (unsigned)(b->start_minute % 60));
		json_object_set_new(j, "time", json_string(buf));
	} else {
		json_object_set_new(j, "time", json_null());
	}
	json_object_set_new(j, "duration_minutes",
			    b->duration ? json_integer(b->duration) : json_null());
	json_t *weeks = json_array();
	for (int w = 1; w <= 53; w++)
		if (cal_weeks_has(b->holiday_weeks, w))
			json_array_append_new(weeks, json_integer(w));
	json_object_set_new(j, "holiday_weeks", weeks);
	json_object_set_new(j, "theme", str_or_null(b->theme));
	json_object_set_new(j, "focus_areas_years",
			    b->focus_parity < 0 ? json_null()
						: json_string(b->focus_parity ? "ulige" : "lige"));
	if (b->cadence_start != CAL_NO_DAY) {
		char d[11];
		cal_format_date(b->cadence_start, d);
		json_object_set_new(j, "cadence_start", json_string(d));
	} else {
		json_object_set_new(j, "cadence_start", json_null());
	}
	return j;
}

json_t *org_to_json(const struct org *o)
{
	json_t *root = json_object();
	json_object_set_new(root, "municipality", str_or_null(o->municipality));
	json_object_set_new(root, "police_district", str_or_null(o->police_district));

	json_t *tg = json_object();
	json_object_set_new(tg, "age_min", json_integer(o->age_min));
	json_object_set_new(tg, "age_max", json_integer(o->age_max));
	json_object_set_new(tg, "ssp_plus_from", json_integer(o->ssp_plus_from));
	json_object_set_new(root, "target_group", tg);

	json_t *themes = json_object();
	for (int t = 0; t < THEME__COUNT; t++)
		json_object_set_new(themes, org_theme_id((enum org_theme)t),
				    str_or_null(o->themes[t]));
	json_object_set_new(root, "themes", themes);

	json_t *levels = json_array();
	for (int l = 0; l < (int)org_levels_nr(o); l++)
		json_array_append_new(levels, json_string(org_level_id_in(o, l)));
	json_object_set_new(root, "levels", levels);

	json_t *districts = json_array();
	for (size_t i = 0; i < o->districts_nr; i++) {
		json_t *d = json_object();
		json_object_set_new(d, "id", json_string(o->districts[i].id));
		json_object_set_new(d, "name", json_string(o->districts[i].name));
		json_array_append_new(districts, d);
	}
	json_object_set_new(root, "districts", districts);

	json_t *cats = json_array();
	for (size_t i = 0; i < o->categories_nr; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "id", json_string(o->categories[i].id));
		json_object_set_new(c, "number", json_integer((json_int_t)i + 1));
		json_object_set_new(c, "name", json_string(o->categories[i].name));
		json_object_set_new(c, "description", str_or_null(o->categories[i].description));
		json_array_append_new(cats, c);
	}
	json_object_set_new(root, "categories", cats);

	json_t *bodies = json_array();
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		json_t *j = json_object();
		json_object_set_new(j, "id", json_string(b->id));
		json_object_set_new(j, "name", json_string(b->name));
		json_object_set_new(j, "level", json_string(org_level_id_in(o, b->level)));
		json_object_set_new(j, "parent", str_or_null(b->parent));
		json_object_set_new(j, "purpose", json_string(b->purpose));
		json_object_set_new(j, "responsible", json_string(b->responsible));
		json_object_set_new(j, "members", list_json(&b->members));
		json_object_set_new(j, "tasks", list_json(&b->tasks));
		json_object_set_new(j, "wheel_themes", list_json(&b->wheel_themes));
		json_object_set_new(j, "named_individuals", json_boolean(b->named_individuals));
		json_object_set_new(j, "frequency", frequency_to_json(b->frequency_text, &b->freq));
		json_object_set_new(j, "note", str_or_null(b->note));
		json_object_set_new(j, "planning", planning_to_json(b));
		/* issue 11: only when the strategy names them, so the contract
		 * of a strategy without them is unchanged */
		if (b->chairs.nr)
			json_object_set_new(j, "chairs", list_json(&b->chairs));
		if (b->minute_takers.nr)
			json_object_set_new(j, "minute_takers", list_json(&b->minute_takers));
		json_array_append_new(bodies, j);
	}
	json_object_set_new(root, "bodies", bodies);

	json_t *insts = json_array();
	for (size_t i = 0; i < o->institutions_nr; i++) {
		const struct org_institution *x = &o->institutions[i];
		json_t *j = json_object();
		json_object_set_new(j, "id", json_string(x->id));
		json_object_set_new(j, "name", json_string(x->name));
		json_object_set_new(j, "kind", json_string(institution_kind_id(x->kind)));
		json_object_set_new(j, "district", json_string(x->district));
		json_object_set_new(j, "example", json_boolean(x->example));
		json_array_append_new(insts, j);
	}
	json_object_set_new(root, "institutions", insts);

	json_t *closed = json_array();
	for (int i = 0; i < o->closed.nr; i++) {
		char d[8];
		snprintf(d, sizeof(d), "%02u-%02u", (unsigned)o->closed.d[i] % 100u,
			 (unsigned)o->closed.m[i] % 100u);
		json_array_append_new(closed, json_string(d));
	}
	json_t *cal = json_object();
	json_object_set_new(cal, "closed_days", closed);
	json_object_set_new(root, "calendar", cal);
	return root;
}
