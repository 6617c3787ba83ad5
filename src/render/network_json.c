#include "render/network_json.h"

#include <stdio.h>

#include "domain/calendar.h"
#include "render/plan_json.h"
#include "util/banned.h"

static json_t *day_or_null(long day)
{
	if (day == CAL_NO_DAY)
		return json_null();
	char d[11];
	cal_format_date(day, d);
	return json_string(d);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *network_to_json(const struct network_findings *f)
{
	json_t *j = json_object();
	char sy[16];
	snprintf(sy, sizeof(sy), "%d/%02d", f->school_year, (f->school_year + 1) % 100);
	json_object_set_new(j, "school_year", json_string(sy));
	json_object_set_new(j, "school_year_from", day_or_null(f->school_year_from));
	json_object_set_new(j, "school_year_to", day_or_null(f->school_year_to));
	json_object_set_new(j, "schools", json_integer(f->schools));
	json_object_set_new(j, "clubs", json_integer(f->clubs));
	json_object_set_new(j, "contact_persons", json_integer(f->contacts));

	json_t *a = json_array();
	for (size_t i = 0; i < f->no_contact_nr; i++) {
		const struct net_institution *x = f->no_contact[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(x->id));
		json_object_set_new(o, "name", str_or_null(x->name));
		json_object_set_new(o, "kind", json_string(institution_kind_id(x->kind)));
		json_object_set_new(o, "district", str_or_null(x->district));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "without_contact_person", a);

	json_t *t = json_object();
	json_object_set_new(t, "state", json_string(theme_day_state_id(f->theme_day)));
	json_object_set_new(t, "first", day_or_null(f->theme_day_first));
	json_object_set_new(t, "attended", json_integer(f->attended));
	a = json_array();
	for (size_t i = 0; i < f->missed_nr; i++) {
		const struct net_contact *c = f->missed[i];
		json_t *o = json_object();
		json_object_set_new(o, "username", str_or_null(c->username));
		json_object_set_new(o, "name", str_or_null(c->name));
		json_object_set_new(o, "institution", str_or_null(c->institution));
		json_array_append_new(a, o);
	}
	json_object_set_new(t, "missed", a);
	json_object_set_new(j, "theme_day", t);

	a = json_array();
	for (size_t i = 0; i < f->no_laeseplan_nr; i++) {
		const struct net_institution *x = f->no_laeseplan[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(x->id));
		json_object_set_new(o, "name", str_or_null(x->name));
		json_object_set_new(o, "district", str_or_null(x->district));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "without_laeseplan", a);
	json_object_set_new(j, "findings", json_integer((json_int_t)network_findings_count(f)));
	return j;
}

json_t *compliance_full_to_json(int year, long as_of, bool from_plan, const struct compliance *c,
				const struct network_findings *f)
{
	json_t *j = json_object();
	json_object_set_new(j, "year", json_integer(year));
	json_object_set_new(j, "as_of", day_or_null(as_of));
	json_object_set_new(j, "from_plan", json_boolean(from_plan));
	json_object_set_new(j, "bodies", compliance_to_json(c));
	json_object_set_new(j, "network", network_to_json(f));
	return j;
}
