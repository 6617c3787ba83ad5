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
	if (m->day < as_of) {
		c->due++;
		if (m->status == MEETING_HELD)
			c->held++;
	} else {
		c->upcoming++;
	}
}

/* Does meeting x count towards b's rule? Ad hoc meetings only when the
 * strategy says so. */
static bool counts_for(const struct org_body *b, const struct meeting *x)
{
	return !x->ad_hoc || b->freq.ad_hoc_counts;
}

static void add_period(struct compliance_row *r, long from, long to, const char *district,
		       const char *inst, int required)
{
	ALLOC_GROW(r->periods, r->periods_nr + 1, r->periods_alloc);
	struct compliance_period *p = &r->periods[r->periods_nr++];
	memset(p, 0, sizeof(*p));
	p->from = from;
	p->to = to;
	p->district = district;
	p->institution = inst;
	p->required = required;
}

static bool same_district(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* The periods of b's rule in `year` (see [C-PERIOD]). */
static void make_periods(const struct org *o, const struct org_body *b,
			 const struct meeting_list *m, int year, struct compliance_row *r)
{
	const struct frequency *f = &b->freq;
	long jan1 = cal_ymd(year, 1, 1), dec31 = cal_ymd(year, 12, 31);
	/* the units: institutions, districts, or the body as a whole */
	size_t nd = r->institutions_nr ? r->institutions_nr : r->districts_nr ? r->districts_nr : 1;
	for (size_t d = 0; d < nd; d++) {
		const char *iid = r->institutions_nr ? r->institution_ids[d] : NULL;
		const char *did = r->institutions_nr ? r->institution_districts[d]
				  : r->districts_nr  ? r->district_ids[d]
						     : NULL;
		if (f->continuous || f->min_per_year <= 0) {
			return;
		} else if (f->per_month > 0) {
			for (int mo = 1; mo <= 12; mo++)
				if (!f->months || (f->months & (1u << mo)))
					add_period(r, cal_ymd(year, mo, 1),
						   cal_ymd(year, mo, cal_days_in_month(year, mo)),
						   did, iid, f->per_month);
		} else if (f->per_quarter > 0) {
			for (int q = 0; q < 4; q++)
				if (!f->months || (f->months & (0xeu << (3 * q))))
					add_period(r, cal_ymd(year, 3 * q + 1, 1),
						   cal_ymd(year, 3 * q + 3,
							   cal_days_in_month(year, 3 * q + 3)),
						   did, iid, f->per_quarter);
		} else if (f->every_days > 0) {
			/* the ISO weeks (within the year) of the plan's regular meetings */
			long last_week = CAL_NO_DAY;
			for (size_t k = 0; k < m->nr; k++) {
				const struct meeting *x = &m->v[k];
				if (!x->body || strcmp(x->body, b->id) || x->ad_hoc ||
				    x->day < jan1 || x->day > dec31 ||
				    !same_district(x->district, did) ||
				    (iid && !same_district(x->institution, iid)))
					continue;
				long monday = x->day - (cal_weekday(x->day) - 1);
				if (monday == last_week)
					continue;
				last_week = monday;
				add_period(r, monday < jan1 ? jan1 : monday,
					   monday + 6 > dec31 ? dec31 : monday + 6, did, iid, 1);
			}
		} else {
			add_period(r, jan1, dec31, did, iid, plan_required_min(b));
		}
	}
	(void)o;
}

static void judge_periods(const struct org_body *b, const struct meeting_list *m, long as_of,
			  struct compliance_row *r)
{
	for (size_t i = 0; i < r->periods_nr; i++) {
		struct compliance_period *p = &r->periods[i];
		struct compliance_counts c;
		memset(&c, 0, sizeof(c));
		c.required_min = p->required;
		for (size_t k = 0; k < m->nr; k++) {
			const struct meeting *x = &m->v[k];
			if (!x->body || strcmp(x->body, b->id) || x->day < p->from ||
			    x->day > p->to || !counts_for(b, x))
				continue;
			if (p->district && !same_district(x->district, p->district))
				continue;
			if (p->institution && !same_district(x->institution, p->institution))
				continue;
			count(&c, x, as_of);
		}
		p->planned = c.planned;
		p->held = c.held;
		if (p->to < as_of)
			p->status = c.held >= p->required ? COMPLIANCE_OK : COMPLIANCE_BEHIND;
		else
			p->status = compliance_status_of(&c);
	}
}

static bool carried(const struct meeting_list *m, const char *body, const char *text, long jan1,
		    long dec31)
{
	for (size_t k = 0; k < m->nr; k++) {
		const struct meeting *x = &m->v[k];
		if (!x->body || strcmp(x->body, body) || x->status == MEETING_CANCELLED ||
		    x->day < jan1 || x->day > dec31)
			continue;
		if (x->theme && !strcmp(x->theme, text))
			return true;
		for (size_t a = 0; a < x->agenda.nr; a++)
			if (!strcmp(x->agenda.v[a], text))
				return true;
	}
	return false;
}

static void add_missing(struct compliance_row *r, const char *text)
{
	for (size_t i = 0; i < r->missing_themes.nr; i++)
		if (!strcmp(r->missing_themes.v[i], text))
			return;
	strlist_add(&r->missing_themes, text);
}

/* [C-THEME] */
static void missing_themes(const struct org_body *b, const struct meeting_list *m, int year,
			   struct compliance_row *r)
{
	if (!b->wheel_themes.nr && !plan_has_duties(b))
		return;
	long jan1 = cal_ymd(year, 1, 1), dec31 = cal_ymd(year, 12, 31);
	for (size_t k = 0; k < m->nr; k++) {
		const struct meeting *x = &m->v[k];
		if (!x->body || strcmp(x->body, b->id) || x->status != MEETING_CANCELLED ||
		    x->day < jan1 || x->day > dec31)
			continue;
		if (x->theme && !carried(m, b->id, x->theme, jan1, dec31))
			add_missing(r, x->theme);
		for (size_t a = 0; a < x->agenda.nr; a++)
			if (!carried(m, b->id, x->agenda.v[a], jan1, dec31))
				add_missing(r, x->agenda.v[a]);
	}
}

/* [C-INST] The institutions of the kind b meets at, in the planner's
 * order (by district), and the districts' sums of their minimums. */
static void per_institution(const struct org *o, const struct org_body *b, int req, size_t ninst,
			    struct compliance_row *r)
{
	r->institutions_nr = 0;
	r->institutions = xcalloc(ninst, sizeof(*r->institutions));
	r->institution_ids = xcalloc(ninst, sizeof(*r->institution_ids));
	r->institution_names = xcalloc(ninst, sizeof(*r->institution_names));
	r->institution_districts = xcalloc(ninst, sizeof(*r->institution_districts));
	if (o->districts_nr) {
		r->districts_nr = o->districts_nr;
		r->districts = xcalloc(r->districts_nr, sizeof(*r->districts));
		r->district_ids = xcalloc(r->districts_nr, sizeof(*r->district_ids));
		r->district_names = xcalloc(r->districts_nr, sizeof(*r->district_names));
	}
	for (size_t d = 0; d <= o->districts_nr; d++) {
		if (d < o->districts_nr) {
			r->district_ids[d] = o->districts[d].id;
			r->district_names[d] =
			    o->districts[d].name ? o->districts[d].name : o->districts[d].id;
		}
		for (size_t i = 0; i < o->institutions_nr; i++) {
			const struct org_institution *x = &o->institutions[i];
			bool in_d = d < o->districts_nr
					? x->district && !strcmp(x->district, o->districts[d].id)
					: !x->district || !org_find_district(o, x->district);
			if (!in_d || !plan_institution_fits(&b->freq, x))
				continue;
			size_t n = r->institutions_nr++;
			r->institution_ids[n] = x->id;
			r->institution_names[n] = x->name ? x->name : x->id;
			r->institution_districts[n] =
			    d < o->districts_nr ? o->districts[d].id : NULL;
			r->institutions[n].required_min = req;
			if (d < o->districts_nr)
				r->districts[d].required_min += req;
		}
	}
	r->c.required_min = req * (int)ninst;
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
		size_t ninst = 0;
		for (size_t i = 0; b->freq.per_institution && i < o->institutions_nr; i++)
			ninst += plan_institution_fits(&b->freq, &o->institutions[i]);
		if (ninst) {
			per_institution(o, b, req, ninst, r);
		} else if (per_district) {
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
			if (!counts_for(b, x))
				continue;
			count(&r->c, x, as_of);
			for (size_t d = 0; d < r->districts_nr; d++)
				if (x->district && !strcmp(x->district, r->district_ids[d]))
					count(&r->districts[d], x, as_of);
			for (size_t n = 0; n < r->institutions_nr; n++)
				if (x->institution &&
				    !strcmp(x->institution, r->institution_ids[n]))
					count(&r->institutions[n], x, as_of);
		}
		for (size_t n = 0; n < r->institutions_nr; n++)
			r->institutions[n].status = compliance_status_of(&r->institutions[n]);
		r->c.status = compliance_status_of(&r->c);
		for (size_t d = 0; d < r->districts_nr; d++) {
			r->districts[d].status = compliance_status_of(&r->districts[d]);
			if (r->districts[d].status > r->c.status)
				r->c.status = r->districts[d].status;
		}
		make_periods(o, b, m, year, r);
		judge_periods(b, m, as_of, r);
		for (size_t p = 0; p < r->periods_nr; p++) {
			const struct compliance_period *pe = &r->periods[p];
			if (pe->status > r->c.status)
				r->c.status = pe->status;
			/* a district's status includes its periods (and an
			 * institution's, its own) */
			for (size_t d = 0; d < r->districts_nr; d++)
				if (pe->district && !strcmp(pe->district, r->district_ids[d]) &&
				    pe->status > r->districts[d].status)
					r->districts[d].status = pe->status;
			for (size_t n = 0; n < r->institutions_nr; n++)
				if (pe->institution &&
				    !strcmp(pe->institution, r->institution_ids[n]) &&
				    pe->status > r->institutions[n].status)
					r->institutions[n].status = pe->status;
		}
		/* [C-INST] a district is as bad as its worst institution */
		for (size_t n = 0; n < r->institutions_nr; n++)
			for (size_t d = 0; d < r->districts_nr; d++)
				if (r->institution_districts[n] &&
				    !strcmp(r->institution_districts[n], r->district_ids[d]) &&
				    r->institutions[n].status > r->districts[d].status)
					r->districts[d].status = r->institutions[n].status;
		for (size_t n = 0; n < r->institutions_nr; n++)
			if (r->institutions[n].status > r->c.status)
				r->c.status = r->institutions[n].status;
		missing_themes(b, m, year, r);
		if (r->missing_themes.nr && r->c.status < COMPLIANCE_BEHIND)
			r->c.status = COMPLIANCE_BEHIND;
	}
}

void compliance_release(struct compliance *c)
{
	for (size_t i = 0; i < c->nr; i++) {
		free(c->v[i].districts);
		free(c->v[i].district_ids);
		free(c->v[i].district_names);
		free(c->v[i].periods);
		free(c->v[i].institutions);
		free(c->v[i].institution_ids);
		free(c->v[i].institution_names);
		free(c->v[i].institution_districts);
		strlist_clear(&c->v[i].missing_themes);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}
