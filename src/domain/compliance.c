#include "domain/compliance.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

static const char *const ids[] = {"ok", "behind", "at_risk"};
static const char *const labels[] = {N_("ok"), N_("bagud"), N_("i fare")};

const char *compliance_status_id(enum compliance_status s)
{
	return s <= COMPLIANCE_AT_RISK ? ids[s] : "?";
}

const char *compliance_status_label(enum compliance_status s)
{
	return s <= COMPLIANCE_AT_RISK ? _(labels[s]) : "?";
}

enum compliance_status compliance_status_of(const struct compliance_counts *c)
{
	if (c->required_min <= 0)
		return COMPLIANCE_OK;
	if (c->planned < c->required_min)
		return COMPLIANCE_AT_RISK;
	int expected = c->due < c->required_min ? c->due : c->required_min;
	if (c->held < expected)
		return COMPLIANCE_BEHIND;
	return COMPLIANCE_OK;
}

static void count(struct compliance_counts *c, const struct meeting *m, long as_of)
{
	if (m->status == MEETING_CANCELLED) {
		c->cancelled++;
		return;
	}
	c->planned++;
	if (m->status == MEETING_HELD)
		c->held++;
	if (m->day < as_of)
		c->due++;
	else if (m->status != MEETING_HELD)
		c->upcoming++;
}

void compliance_compute(const struct org *o, const struct meeting_list *m, int year, long as_of,
			struct compliance *out)
{
	long jan1 = cal_ymd(year, 1, 1), dec31 = cal_ymd(year, 12, 31);
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct compliance_row *r = &out->v[out->nr++];
		memset(r, 0, sizeof(*r));
		r->body = b->id;
		r->name = b->name;
		int req = plan_required_min(b);
		bool per_district = b->freq.per_district && o->districts_nr > 0;
		if (per_district) {
			r->districts_nr = o->districts_nr;
			r->districts = xcalloc(r->districts_nr, sizeof(*r->districts));
			r->district_ids = xcalloc(r->districts_nr, sizeof(*r->district_ids));
			r->district_names = xcalloc(r->districts_nr, sizeof(*r->district_names));
			for (size_t d = 0; d < r->districts_nr; d++) {
				r->district_ids[d] = o->districts[d].id;
				r->district_names[d] = o->districts[d].name ? o->districts[d].name
									    : o->districts[d].id;
				r->districts[d].required_min = req;
			}
			r->c.required_min = req * (int)o->districts_nr;
		} else {
			r->c.required_min = req;
		}
		for (size_t k = 0; k < m->nr; k++) {
			const struct meeting *x = &m->v[k];
			if (!x->body || strcmp(x->body, b->id) || x->day < jan1 || x->day > dec31)
				continue;
			count(&r->c, x, as_of);
			for (size_t d = 0; d < r->districts_nr; d++)
				if (x->district && !strcmp(x->district, r->district_ids[d]))
					count(&r->districts[d], x, as_of);
		}
		r->c.status = compliance_status_of(&r->c);
		for (size_t d = 0; d < r->districts_nr; d++) {
			r->districts[d].status = compliance_status_of(&r->districts[d]);
			if (r->districts[d].status > r->c.status)
				r->c.status = r->districts[d].status;
		}
	}
}

void compliance_release(struct compliance *c)
{
	for (size_t i = 0; i < c->nr; i++) {
		free(c->v[i].districts);
		free(c->v[i].district_ids);
		free(c->v[i].district_names);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}
