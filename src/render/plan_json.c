#include "render/plan_json.h"

#include "util/banned.h"

json_t *meeting_to_json(const struct meeting *m)
{
	json_t *j = json_object();
	char t[26];
	long end_day;
	int end_min;
	json_object_set_new(j, "body", json_string(m->body));
	plan_format_time(m->day, m->start, t);
	json_object_set_new(j, "start", json_string(t));
	meeting_end(m, &end_day, &end_min);
	plan_format_time(end_day, end_min, t);
	json_object_set_new(j, "end", json_string(t));
	if (m->district)
		json_object_set_new(j, "district", json_string(m->district));
	if (m->institution)
		json_object_set_new(j, "institution", json_string(m->institution));
	if (m->theme)
		json_object_set_new(j, "theme", json_string(m->theme));
	if (m->agenda.nr) {
		json_t *a = json_array();
		for (size_t i = 0; i < m->agenda.nr; i++)
			json_array_append_new(a, json_string(m->agenda.v[i]));
		json_object_set_new(j, "agenda", a);
	}
	json_object_set_new(j, "uid", json_string(m->uid ? m->uid : ""));
	json_object_set_new(j, "status", json_string(meeting_status_id(m->status)));
	if (m->id)
		json_object_set_new(j, "id", json_integer(m->id));
	if (m->ad_hoc)
		json_object_set_new(j, "ad_hoc", json_true());
	if (m->by_hand)
		json_object_set_new(j, "changed_by_hand", json_true());
	return j;
}

json_t *plan_to_json(const struct meeting_list *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->nr; i++)
		json_array_append_new(a, meeting_to_json(&l->v[i]));
	return a;
}

static void counts(json_t *j, const struct compliance_counts *c)
{
	json_object_set_new(j, "required_min", json_integer(c->required_min));
	json_object_set_new(j, "planned", json_integer(c->planned));
	json_object_set_new(j, "held", json_integer(c->held));
	json_object_set_new(j, "cancelled", json_integer(c->cancelled));
	json_object_set_new(j, "due", json_integer(c->due));
	json_object_set_new(j, "upcoming", json_integer(c->upcoming));
	json_object_set_new(j, "status", json_string(compliance_status_id(c->status)));
}

json_t *compliance_to_json(const struct compliance *c)
{
	json_t *a = json_array();
	for (size_t i = 0; i < c->nr; i++) {
		const struct compliance_row *r = &c->v[i];
		json_t *j = json_object();
		json_object_set_new(j, "body", json_string(r->body));
		json_object_set_new(j, "name", json_string(r->name ? r->name : ""));
		counts(j, &r->c);
		if (r->districts_nr) {
			json_t *ds = json_array();
			for (size_t d = 0; d < r->districts_nr; d++) {
				json_t *dj = json_object();
				json_object_set_new(dj, "district",
						    json_string(r->district_ids[d]));
				counts(dj, &r->districts[d]);
				json_array_append_new(ds, dj);
			}
			json_object_set_new(j, "districts", ds);
		}
		/* [C-INST] per institution (issue 11); districts are their sums */
		if (r->institutions_nr) {
			json_t *is = json_array();
			for (size_t n = 0; n < r->institutions_nr; n++) {
				json_t *ij = json_object();
				json_object_set_new(ij, "institution",
						    json_string(r->institution_ids[n]));
				json_object_set_new(ij, "district",
						    r->institution_districts[n]
							? json_string(r->institution_districts[n])
							: json_null());
				counts(ij, &r->institutions[n]);
				json_array_append_new(is, ij);
			}
			json_object_set_new(j, "institutions", is);
		}
		/* [C-PERIOD] added in issue 11; the fields above are unchanged */
		json_t *ps = json_array();
		for (size_t p = 0; p < r->periods_nr; p++) {
			const struct compliance_period *pe = &r->periods[p];
			char from[11], to[11];
			cal_format_date(pe->from, from);
			cal_format_date(pe->to, to);
			json_t *pj = json_object();
			json_object_set_new(pj, "from", json_string(from));
			json_object_set_new(pj, "to", json_string(to));
			if (pe->district)
				json_object_set_new(pj, "district", json_string(pe->district));
			if (pe->institution)
				json_object_set_new(pj, "institution",
						    json_string(pe->institution));
			json_object_set_new(pj, "required", json_integer(pe->required));
			json_object_set_new(pj, "planned", json_integer(pe->planned));
			json_object_set_new(pj, "held", json_integer(pe->held));
			json_object_set_new(pj, "status",
					    json_string(compliance_status_id(pe->status)));
			json_array_append_new(ps, pj);
		}
		json_object_set_new(j, "periods", ps);
		json_t *mt = json_array();
		for (size_t t = 0; t < r->missing_themes.nr; t++)
			json_array_append_new(mt, json_string(r->missing_themes.v[t]));
		json_object_set_new(j, "missing_themes", mt);
		json_array_append_new(a, j);
	}
	return a;
}
