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
		       int required)
{
	ALLOC_GROW(r->periods, r->periods_nr + 1, r->periods_alloc);
	struct compliance_period *p = &r->periods[r->periods_nr++];
	memset(p, 0, sizeof(*p));
	p->from = from;
	p->to = to;
	p->district = district;
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
	size_t nd = r->districts_nr ? r->districts_nr : 1;
	for (size_t d = 0; d < nd; d++) {
		const char *did = r->districts_nr ? r->district_ids[d] : NULL;
		if (f->continuous || f->min_per_year <= 0) {
			return;
		} else if (f->per_month > 0) {
			for (int mo = 1; mo <= 12; mo++)
				if (!f->months || (f->months & (1u << mo)))
					add_period(r, cal_ymd(year, mo, 1),
						   cal_ymd(year, mo, cal_days_in_month(year, mo)),
						   did, f->per_month);
		} else if (f->per_quarter > 0) {
			for (int q = 0; q < 4; q++)
				if (!f->months || (f->months & (0xeu << (3 * q))))
					add_period(r, cal_ymd(year, 3 * q + 1, 1),
						   cal_ymd(year, 3 * q + 3,
							   cal_days_in_month(year, 3 * q + 3)),
						   did, f->per_quarter);
		} else if (f->every_days > 0) {
			/* the ISO weeks (within the year) of the plan's regular meetings */
			long last_week = CAL_NO_DAY;
			for (size_t k = 0; k < m->nr; k++) {
				const struct meeting *x = &m->v[k];
				if (!x->body || strcmp(x->body, b->id) || x->ad_hoc ||
				    x->day < jan1 || x->day > dec31 ||
				    !same_district(x->district, did))
					continue;
				long monday = x->day - (cal_weekday(x->day) - 1);
				if (monday == last_week)
					continue;
				last_week = monday;
				add_period(r, monday < jan1 ? jan1 : monday,
					   monday + 6 > dec31 ? dec31 : monday + 6, did, 1);
			}
		} else {
			add_period(r, jan1, dec31, did, plan_required_min(b));
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
			if (!counts_for(b, x))
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
		make_periods(o, b, m, year, r);
		judge_periods(b, m, as_of, r);
		for (size_t p = 0; p < r->periods_nr; p++) {
			const struct compliance_period *pe = &r->periods[p];
			if (pe->status > r->c.status)
				r->c.status = pe->status;
			/* a district's status includes its periods */
			for (size_t d = 0; d < r->districts_nr; d++)
				if (pe->district && !strcmp(pe->district, r->district_ids[d]) &&
				    pe->status > r->districts[d].status)
					r->districts[d].status = pe->status;
		}
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
		strlist_clear(&c->v[i].missing_themes);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}
