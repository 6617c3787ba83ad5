#include "domain/compliance_network.h"

#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/xalloc.h"
#include "util/banned.h"

const char *theme_day_state_id(enum theme_day_state s)
{
	static const char *const ids[] = {"no_body", "none", "upcoming", "passed"};
	return s <= THEME_DAY_PASSED ? ids[s] : "?";
}

int network_school_year(int year, long as_of, long *from, long *to)
{
	long jan1 = cal_ymd(year, 1, 1), dec31 = cal_ymd(year, 12, 31);
	long d = as_of < jan1 ? jan1 : as_of > dec31 ? dec31 : as_of;
	struct date x = cal_date(d);
	int sy = x.m >= 8 ? x.y : x.y - 1;
	if (from)
		*from = cal_ymd(sy, 8, 1);
	if (to)
		*to = cal_ymd(sy + 1, 7, 31);
	return sy;
}

static const struct net_institution *find_active(const struct network_input *in, const char *id)
{
	for (size_t i = 0; id && i < in->inst_nr; i++)
		if (in->inst[i].active && in->inst[i].id && !strcmp(in->inst[i].id, id))
			return &in->inst[i];
	return NULL;
}

/* Was user_id recorded present at a theme day of [jan1, dec31] before as_of? */
static bool present_at_passed(const struct network_input *in, long long user_id, long jan1,
			      long dec31, long as_of)
{
	for (size_t k = 0; k < in->att_nr; k++) {
		const struct net_attendance *a = &in->att[k];
		if (a->user_id != user_id || !a->present)
			continue;
		for (size_t j = 0; j < in->days_nr; j++)
			if (in->days[j].meeting_id == a->meeting_id && !in->days[j].cancelled &&
			    in->days[j].day >= jan1 && in->days[j].day <= dec31 &&
			    in->days[j].day < as_of)
				return true;
	}
	return false;
}

void network_compute(const struct network_input *in, int year, long as_of,
		     struct network_findings *out)
{
	memset(out, 0, sizeof(*out));
	out->school_year =
	    network_school_year(year, as_of, &out->school_year_from, &out->school_year_to);
	out->no_contact = xcalloc(in->inst_nr + 1, sizeof(*out->no_contact));
	out->no_laeseplan = xcalloc(in->inst_nr + 1, sizeof(*out->no_laeseplan));
	out->missed = xcalloc(in->contacts_nr + 1, sizeof(*out->missed));

	/* [N-CONTACT] and [N-LAESEPLAN] */
	for (size_t i = 0; i < in->inst_nr; i++) {
		const struct net_institution *x = &in->inst[i];
		if (!x->active)
			continue;
		if (x->kind == INST_SCHOOL)
			out->schools++;
		else
			out->clubs++;
		bool contact = false;
		for (size_t c = 0; c < in->contacts_nr && !contact; c++)
			contact = in->contacts[c].institution &&
				  !strcmp(in->contacts[c].institution, x->id);
		if (!contact)
			out->no_contact[out->no_contact_nr++] = x;
		if (x->kind != INST_SCHOOL)
			continue;
		bool plan = false;
		for (size_t k = 0; k < in->items_nr && !plan; k++)
			plan = in->items[k].institution &&
			       !strcmp(in->items[k].institution, x->id) &&
			       in->items[k].planned >= out->school_year_from &&
			       in->items[k].planned <= out->school_year_to;
		if (!plan)
			out->no_laeseplan[out->no_laeseplan_nr++] = x;
	}

	/* [N-THEMEDAY] */
	long jan1 = cal_ymd(year, 1, 1), dec31 = cal_ymd(year, 12, 31);
	out->theme_day_first = CAL_NO_DAY;
	bool passed = false;
	for (size_t j = 0; j < in->days_nr; j++) {
		const struct net_theme_day *t = &in->days[j];
		if (t->cancelled || t->day < jan1 || t->day > dec31)
			continue;
		if (out->theme_day_first == CAL_NO_DAY || t->day < out->theme_day_first)
			out->theme_day_first = t->day;
		if (t->day < as_of)
			passed = true;
	}
	if (!in->has_network_body)
		out->theme_day = THEME_DAY_NO_BODY;
	else if (out->theme_day_first == CAL_NO_DAY)
		out->theme_day = THEME_DAY_NONE;
	else
		out->theme_day = passed ? THEME_DAY_PASSED : THEME_DAY_UPCOMING;

	for (size_t c = 0; c < in->contacts_nr; c++) {
		const struct net_contact *p = &in->contacts[c];
		if (!find_active(in, p->institution))
			continue;
		out->contacts++;
		if (out->theme_day != THEME_DAY_PASSED)
			continue;
		if (present_at_passed(in, p->user_id, jan1, dec31, as_of))
			out->attended++;
		else
			out->missed[out->missed_nr++] = p;
	}
}

void network_findings_release(struct network_findings *f)
{
	free(f->no_contact);
	free(f->no_laeseplan);
	free(f->missed);
	memset(f, 0, sizeof(*f));
}

size_t network_findings_count(const struct network_findings *f)
{
	return f->no_contact_nr + f->no_laeseplan_nr + f->missed_nr +
	       (f->theme_day == THEME_DAY_NONE ? 1 : 0);
}
