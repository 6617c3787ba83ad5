#include "domain/plan.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- meetings ------------------------------------------------------------ */

static const char *const status_ids[MEETING_STATUS__COUNT] = {"planned", "held", "cancelled",
							      "moved"};
static const char *const status_labels[MEETING_STATUS__COUNT] = {N_("planlagt"), N_("afholdt"),
								 N_("aflyst"), N_("flyttet")};

const char *meeting_status_id(enum meeting_status s)
{
	return s < MEETING_STATUS__COUNT ? status_ids[s] : "?";
}

const char *meeting_status_label(enum meeting_status s)
{
	return s < MEETING_STATUS__COUNT ? _(status_labels[s]) : "?";
}

int meeting_status_parse(const char *s, enum meeting_status *out)
{
	for (int i = 0; i < MEETING_STATUS__COUNT; i++) {
		if (!strcmp(s, status_ids[i])) {
			*out = (enum meeting_status)i;
			return 0;
		}
	}
	return -1;
}

struct meeting *meeting_list_add(struct meeting_list *l)
{
	ALLOC_GROW(l->v, l->nr + 1, l->alloc);
	struct meeting *m = &l->v[l->nr++];
	memset(m, 0, sizeof(*m));
	return m;
}

void meeting_release(struct meeting *m)
{
	free(m->uid);
	free(m->body);
	free(m->district);
	free(m->institution);
	free(m->theme);
	strlist_clear(&m->agenda);
	memset(m, 0, sizeof(*m));
}

void meeting_list_release(struct meeting_list *l)
{
	for (size_t i = 0; i < l->nr; i++)
		meeting_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->nr = l->alloc = 0;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void meeting_copy(struct meeting *dst, const struct meeting *src)
{
	*dst = *src;
	dst->uid = dup_or_null(src->uid);
	dst->body = dup_or_null(src->body);
	dst->district = dup_or_null(src->district);
	dst->institution = dup_or_null(src->institution);
	dst->theme = dup_or_null(src->theme);
	memset(&dst->agenda, 0, sizeof(dst->agenda));
	for (size_t i = 0; i < src->agenda.nr; i++)
		strlist_add(&dst->agenda, src->agenda.v[i]);
}

static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_meeting(const void *pa, const void *pb)
{
	const struct meeting *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	int c = strcmp_null(a->body, b->body);
	if (c)
		return c;
	c = strcmp_null(a->district, b->district);
	if (c)
		return c;
	c = strcmp_null(a->institution, b->institution);
	if (c)
		return c;
	return strcmp_null(a->uid, b->uid);
}

void meeting_list_sort(struct meeting_list *l)
{
	if (l->nr > 1)
		qsort(l->v, l->nr, sizeof(*l->v), cmp_meeting);
}

void meeting_end(const struct meeting *m, long *day, int *minute)
{
	int end = m->start + m->duration;
	*day = m->day + end / 1440;
	*minute = end % 1440;
}

void plan_format_time(long day, int minute, char out[26])
{
	char date[11];
	cal_format_date(day, date);
	int off = cal_cph_offset(day, minute);
	unsigned h = (unsigned)(minute / 60) % 100u, mi = (unsigned)(minute % 60) % 100u;
	snprintf(out, 26, "%.10sT%02u:%02u:00+%02u:%02u", date, h, mi, (unsigned)(off / 60) % 100u,
		 (unsigned)(off % 60) % 100u);
}

int plan_parse_time(const char *s, long *day, int *minute)
{
	char date[11];
	if (strlen(s) < 19 || s[10] != 'T')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	struct date d;
	if (cal_parse_date(date, &d) < 0)
		return -1;
	const char *t = s + 11;
	for (int i = 0; i < 8; i++) {
		bool colon = i == 2 || i == 5;
		if (colon ? t[i] != ':' : !isdigit((unsigned char)t[i]))
			return -1;
	}
	int h = (t[0] - '0') * 10 + (t[1] - '0');
	int m = (t[3] - '0') * 10 + (t[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	*day = cal_days(d);
	*minute = h * 60 + m;
	return 0;
}

char *plan_uid_domain(const char *municipality)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "ssp.");
	size_t start = sb.len;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)(municipality ? municipality : ""); *p;
	     p++) {
		const char *add = NULL;
		char one[2] = {0, 0};
		if (isalnum(*p) && *p < 0x80) {
			one[0] = (char)tolower(*p);
			add = one;
		} else if (p[0] == 0xC3 && p[1]) {
			switch (p[1]) {
			case 0xA6: /* æ */
			case 0x86: /* Æ */
				add = "ae";
				break;
			case 0xB8: /* ø */
			case 0x98: /* Ø */
				add = "oe";
				break;
			case 0xA5: /* å */
			case 0x85: /* Å */
				add = "aa";
				break;
			default:
				break;
			}
			p++;
		}
		if (add) {
			if (dash && sb.len > start)
				strbuf_addch(&sb, '-');
			strbuf_addstr(&sb, add);
			dash = false;
		} else {
			dash = true;
		}
	}
	if (sb.len == start)
		strbuf_addstr(&sb, "local");
	return strbuf_detach(&sb);
}

/* ---- per-body planning values --------------------------------------------- */

int plan_weekday(const struct org_body *b)
{
	if (b->weekday)
		return b->weekday;
	if (b->freq.weekday)
		return b->freq.weekday;
	if (b->cadence_start != CAL_NO_DAY)
		return cal_weekday(b->cadence_start);
	return PLAN_DEFAULT_WEEKDAY;
}

int plan_start(const struct org_body *b)
{
	return b->start_minute >= 0 ? b->start_minute : PLAN_DEFAULT_START;
}

int plan_duration(const struct org_body *b)
{
	return b->duration ? b->duration : PLAN_DEFAULT_DURATION;
}

bool plan_has_duties(const struct org_body *b)
{
	return b->wheel_themes.nr > 0 || b->focus_parity >= 0;
}

bool plan_focus_year(const struct org_body *b, int year)
{
	int parity = b->focus_parity >= 0 ? b->focus_parity : 0;
	return plan_has_duties(b) && year % 2 == parity;
}

const char *plan_item_evaluation(void)
{
	return _("Årlig vurdering af planen for sammenhængende indsats over for "
		 "ungdomskriminalitet");
}

const char *plan_item_focus_areas(void)
{
	return _("Udpegning af strategiske indsatsområder (hvert 2. år, ud fra "
		 "Ungeprofilundersøgelsen og politiets kriminalitetsdata)");
}

/* Does the rule of b apply on day (its months; all when none are given)? */
static bool in_months(const struct org_body *b, long day)
{
	return !b->freq.months || (b->freq.months & (1u << cal_date(day).m));
}

int plan_required_min(const struct org_body *b)
{
	if (b->freq.continuous || b->freq.min_per_year < 0)
		return 0;
	if (b->freq.every_days > 0 && b->holiday_weeks) {
		/* the cadence over the weeks (and months) the body meets, counted
		 * in a common year whose ISO weeks start on its first Monday */
		long jan1 = cal_ymd(2001, 1, 1);
		int open = 0;
		for (long day = jan1; day < jan1 + 365; day++)
			open += in_months(b, day) &&
				!cal_weeks_has(b->holiday_weeks, cal_iso_week(day, &(int){0}));
		return open / b->freq.every_days;
	}
	return b->freq.min_per_year;
}

/* ---- the planner ------------------------------------------------------------ */

struct planner {
	const struct org *o;
	int *weekday; /* per body of o: the day it meets (plan_weekday or spread) */
	int year;
	long jan1, dec31;
	char *uid_domain;
	struct meeting_list tmp; /* the meetings of the body being planned */
	/* the units the body being planned meets in: for a rule "på hver
	 * skole" the indexes of those institutions in o, by district */
	size_t *inst;
	size_t inst_nr;
	char *err;
};

static void plan_fail(struct planner *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void plan_fail(struct planner *p, const char *fmt, ...)
{
	if (p->err)
		return;
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	p->err = strbuf_detach(&sb);
}

/* Days an instance of `b` may fall on. */
struct days {
	long *v;
	size_t nr, alloc;
};

static void days_add(struct days *d, long day)
{
	ALLOC_GROW(d->v, d->nr + 1, d->alloc);
	d->v[d->nr++] = day;
}

/* Working days in [from, to] for b, in the months its rule applies to;
 * only its weekday when wd != 0. */
static void candidates(const struct planner *p, const struct org_body *b, long from, long to,
		       int wd, struct days *out)
{
	out->nr = 0;
	for (long day = from; day <= to; day++)
		if ((!wd || cal_weekday(day) == wd) && in_months(b, day) &&
		    cal_is_working_day(&p->o->closed, b->holiday_weeks, day))
			days_add(out, day);
}

/* The weekday body b meets on in this plan. */
static int body_weekday(const struct planner *p, const struct org_body *b)
{
	return p->weekday[b - p->o->bodies];
}

/* Bodies that say no weekday (no ugedag, no weekday in the frequency, no
 * kadence-start) are spread over the week in the strategy's order, from
 * PLAN_DEFAULT_WEEKDAY on, instead of all meeting on the same day. */
static int *spread_weekdays(const struct org *o)
{
	int *wd = xcalloc(o->bodies_nr ? o->bodies_nr : 1, sizeof(*wd));
	int k = 0;
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		bool plans = !b->freq.continuous && b->freq.min_per_year > 0;
		if (b->weekday || b->freq.weekday || b->cadence_start != CAL_NO_DAY || !plans)
			wd[i] = plan_weekday(b);
		else
			wd[i] = (PLAN_DEFAULT_WEEKDAY - 1 + k++) % 5 + 1;
	}
	return wd;
}

/* Unit u of body b (see plan_body): its district and institution ids
 * (either may be NULL). */
static void unit_ids(const struct planner *p, const struct org_body *b, int u,
		     const char **district, const char **inst)
{
	*district = *inst = NULL;
	if (b->freq.per_institution && p->inst_nr) {
		const struct org_institution *x = &p->o->institutions[p->inst[u]];
		*inst = x->id;
		*district = x->district;
	} else if (b->freq.per_district && p->o->districts_nr) {
		*district = p->o->districts[u].id;
	}
}

static void add_meeting(struct planner *p, const struct org_body *b, int unit, long day, int seq)
{
	const char *district, *inst;
	unit_ids(p, b, unit, &district, &inst);
	struct meeting *m = meeting_list_add(&p->tmp);
	struct strbuf uid = STRBUF_INIT;
	strbuf_addstr(&uid, b->id);
	if (inst)
		strbuf_addf(&uid, "-%s", inst);
	else if (district)
		strbuf_addf(&uid, "-%s", district);
	strbuf_addf(&uid, "-%d-%02d@%s", p->year, seq, p->uid_domain);
	m->uid = strbuf_detach(&uid);
	m->body = xstrdup(b->id);
	m->district = dup_or_null(district);
	m->institution = dup_or_null(inst);
	m->day = day;
	m->start = plan_start(b);
	m->duration = plan_duration(b);
	m->status = MEETING_PLANNED;
	if (b->theme)
		m->theme = xstrdup(b->theme);
}

/* The fixed day a cadence is counted from: kadence-start, or the body's
 * weekday in the ISO week that starts on Monday 2000-01-03. */
static long cadence_anchor(const struct planner *p, const struct org_body *b)
{
	if (b->cadence_start != CAL_NO_DAY)
		return b->cadence_start;
	return cal_ymd(2000, 1, 3) + (body_weekday(p, b) - 1);
}

/* [P-MOVE] The day an instance due on a closed `nominal` is held: another
 * working day of the same ISO week and calendar year, the nearer one first
 * (the later one on a tie). CAL_NO_DAY when the whole week is closed. */
static long move_in_week(const struct planner *p, const struct org_body *b, long nominal)
{
	int wd = cal_weekday(nominal); /* 1 Monday .. 7 Sunday */
	int year = cal_date(nominal).y;
	for (int dist = 1; dist <= 6; dist++) {
		long later = nominal + dist, earlier = nominal - dist;
		if (wd + dist <= 7 && cal_date(later).y == year &&
		    cal_is_working_day(&p->o->closed, b->holiday_weeks, later))
			return later;
		if (wd - dist >= 1 && cal_date(earlier).y == year &&
		    cal_is_working_day(&p->o->closed, b->holiday_weeks, earlier))
			return earlier;
	}
	return CAL_NO_DAY;
}

/* The nearest working day to `nominal` outside its week (later on a tie). */
static long nearest_open_day(const struct planner *p, const struct org_body *b, long nominal)
{
	for (int dist = 1; dist <= 366; dist++) {
		if (cal_is_working_day(&p->o->closed, b->holiday_weeks, nominal + dist))
			return nominal + dist;
		if (cal_is_working_day(&p->o->closed, b->holiday_weeks, nominal - dist))
			return nominal - dist;
	}
	return CAL_NO_DAY;
}

bool plan_institution_fits(const struct frequency *f, const struct org_institution *x)
{
	switch (f->per_institution) {
	case FREQ_INST_SCHOOL:
		return x->kind == INST_SCHOOL;
	case FREQ_INST_CLUB:
		return x->kind == INST_CLUB;
	case FREQ_INST_ANY:
		return true;
	default:
		return false;
	}
}

const char *plan_note_week_closed(void)
{
	return _("Flyttet ud af sin uge: alle ugens dage er lukkede (helligdage eller lukkedage)");
}

static void plan_cadence(struct planner *p, const struct org_body *b, int unit, long shift)
{
	long every = b->freq.every_days;
	long anchor = cadence_anchor(p, b) + shift;
	/* Start early enough that an instance of last year moved into this
	 * one is seen (only a week that is closed throughout moves out). */
	long from = p->jan1 - 400;
	long k = (from - anchor) / every;
	if (anchor + k * every < from)
		k++;
	int seq = 0;
	long last = CAL_NO_DAY;
	for (long nominal = anchor + k * every; nominal <= p->dec31 + 7; nominal += every) {
		/* [P-HOLIDAY] the body's holiday weeks (and months outside its
		 * rule) skip the instance; nothing is made up */
		if (!in_months(b, nominal) ||
		    cal_weeks_has(b->holiday_weeks, cal_iso_week(nominal, &(int){0})))
			continue;
		long day = nominal;
		bool out_of_week = false;
		if (!cal_is_working_day(&p->o->closed, b->holiday_weeks, nominal)) {
			day = move_in_week(p, b, nominal);
			if (day == CAL_NO_DAY) {
				day = nearest_open_day(p, b, nominal);
				out_of_week = true;
			}
		}
		if (day == CAL_NO_DAY) {
			plan_fail(p, _("organ »%s« har ingen arbejdsdage; fjern nogle »ferieuger«"),
				  b->id);
			return;
		}
		if (last != CAL_NO_DAY && day <= last) {
			/* [P-UNSAT] two instances on one working day */
			plan_fail(p,
				  _("organ »%s«: frekvensen »%s« giver flere møder, end der er "
				    "arbejdsdage (weekender, helligdage og lukkedage er lukkede); "
				    "skriv fx »hver uge« eller »hver mandag«"),
				  b->id, b->frequency_text ? b->frequency_text : "");
			return;
		}
		last = day;
		if (day < p->jan1 || day > p->dec31)
			continue;
		add_meeting(p, b, unit, day, ++seq);
		if (out_of_week)
			strlist_add(&p->tmp.v[p->tmp.nr - 1].agenda, plan_note_week_closed());
	}
}

/* Takes `rounds` rounds of `per_round` consecutive days out of c (sorted),
 * each round in its own equal share of c: at the start of the share
 * (first = true) or in its middle. Appends the chosen indexes to idx.
 * Needs rounds * per_round <= c->nr. */
static void pick(const struct days *c, int rounds, int per_round, bool first, size_t *idx)
{
	size_t n = c->nr, k = 0;
	for (int r = 0; r < rounds; r++) {
		size_t s0 = (size_t)r * n / (size_t)rounds,
		       s1 = (size_t)(r + 1) * n / (size_t)rounds;
		size_t len = s1 - s0;
		size_t block = first ? s0 : s0 + (len - (size_t)per_round) / 2;
		for (int d = 0; d < per_round; d++)
			idx[k++] = block + (size_t)d;
	}
}

/* Chooses rounds x per_round days from [from, to]: first on the body's
 * weekday, else any working day. Returns false (and fails p) when there
 * are not enough working days. */
static bool choose(struct planner *p, const struct org_body *b, long from, long to, int rounds,
		   int per_round, bool first, struct days *c, size_t *idx, const char *when)
{
	size_t need = (size_t)rounds * (size_t)per_round;
	candidates(p, b, from, to, body_weekday(p, b), c);
	if (c->nr < need)
		candidates(p, b, from, to, 0, c);
	if (c->nr < need) {
		plan_fail(p,
			  _("organ »%s« skal holde %zu møder %s, men der er kun %zu arbejdsdage "
			    "(uden weekender, helligdage, lukkedage og organets ferieuger); ret "
			    "frekvensen eller »ferieuger«"),
			  b->id, need, when, c->nr);
		return false;
	}
	pick(c, rounds, per_round, first, idx);
	return true;
}

static const char *const month_names[13] = {
    NULL,          N_("januar"),   N_("februar"), N_("marts"),  N_("april"),
    N_("maj"),     N_("juni"),     N_("juli"),    N_("august"), N_("september"),
    N_("oktober"), N_("november"), N_("december")};

static void plan_monthly(struct planner *p, const struct org_body *b, int districts)
{
	struct days c = {0};
	int n = b->freq.per_month;
	size_t *idx = xcalloc((size_t)n * (size_t)districts, sizeof(*idx));
	int *seq = xcalloc((size_t)districts, sizeof(*seq));
	for (int m = 1; m <= 12 && !p->err; m++) {
		if (b->freq.months && !(b->freq.months & (1u << m)))
			continue;
		struct strbuf when = STRBUF_INIT;
		strbuf_addf(&when, _("i %s %d"), _(month_names[m]), p->year);
		bool ok = choose(p, b, cal_ymd(p->year, m, 1),
				 cal_ymd(p->year, m, cal_days_in_month(p->year, m)), n, districts,
				 true, &c, idx, when.buf);
		strbuf_release(&when);
		if (!ok)
			break;
		for (int r = 0; r < n; r++)
			for (int d = 0; d < districts; d++)
				add_meeting(p, b, d, c.v[idx[r * districts + d]], ++seq[d]);
	}
	free(seq);
	free(idx);
	free(c.v);
}

/* [P-QUARTER] "kvartalsvis": N meetings in each quarter, spread through it
 * like a yearly minimum. */
static void plan_quarterly(struct planner *p, const struct org_body *b, int districts)
{
	struct days c = {0};
	int n = b->freq.per_quarter;
	size_t *idx = xcalloc((size_t)n * (size_t)districts, sizeof(*idx));
	int *seq = xcalloc((size_t)districts, sizeof(*seq));
	for (int q = 0; q < 4 && !p->err; q++) {
		unsigned qmonths = 0xeu << (3 * q);
		if (b->freq.months && !(b->freq.months & qmonths))
			continue;
		struct strbuf when = STRBUF_INIT;
		strbuf_addf(&when, _("i %d. kvartal %d"), q + 1, p->year);
		int m0 = 3 * q + 1;
		bool ok = choose(p, b, cal_ymd(p->year, m0, 1),
				 cal_ymd(p->year, m0 + 2, cal_days_in_month(p->year, m0 + 2)), n,
				 districts, false, &c, idx, when.buf);
		strbuf_release(&when);
		if (!ok)
			break;
		for (int r = 0; r < n; r++)
			for (int d = 0; d < districts; d++)
				add_meeting(p, b, d, c.v[idx[r * districts + d]], ++seq[d]);
	}
	free(seq);
	free(idx);
	free(c.v);
}

static void plan_spread(struct planner *p, const struct org_body *b, int districts)
{
	struct days c = {0};
	int n = b->freq.min_per_year;
	size_t *idx = xcalloc((size_t)n * (size_t)districts, sizeof(*idx));
	struct strbuf when = STRBUF_INIT;
	if (districts > 1)
		strbuf_addf(&when, _("i %d (%d i hvert af %d distrikter)"), p->year, n, districts);
	else
		strbuf_addf(&when, _("i %d"), p->year);
	if (choose(p, b, p->jan1, p->dec31, n, districts, false, &c, idx, when.buf)) {
		for (int r = 0; r < n; r++)
			for (int d = 0; d < districts; d++)
				add_meeting(p, b, d, c.v[idx[r * districts + d]], r + 1);
	}
	strbuf_release(&when);
	free(idx);
	free(c.v);
}

/* Themes from the wheel and the standing duties, on b's meetings in
 * p->tmp (in date order). */
static void add_themes(struct planner *p, const struct org_body *b)
{
	size_t n = p->tmp.nr;
	if (!n)
		return;
	struct meeting *v = p->tmp.v;
	if (b->wheel_themes.nr) {
		for (size_t i = 0; i < n; i++) {
			free(v[i].theme);
			v[i].theme = xstrdup(b->wheel_themes.v[i % b->wheel_themes.nr]);
		}
	}
	if (!plan_has_duties(b))
		return;
	if (plan_focus_year(b, p->year)) {
		long april = cal_ymd(p->year, 4, 1);
		size_t at = n - 1;
		for (size_t i = 0; i < n; i++) {
			if (v[i].day >= april) {
				at = i;
				break;
			}
		}
		strlist_add(&v[at].agenda, plan_item_focus_areas());
	}
	strlist_add(&v[n - 1].agenda, plan_item_evaluation());
}

static void plan_body(struct planner *p, const struct org_body *b)
{
	const struct frequency *f = &b->freq;
	if (f->continuous)
		return;
	int districts = 1;
	p->inst_nr = 0;
	if (f->per_institution) {
		/* [P-INST] "på hver skole": each institution of the kind is a
		 * unit, grouped by district in the strategy's district order */
		free(p->inst);
		p->inst = xcalloc(p->o->institutions_nr + 1, sizeof(*p->inst));
		for (size_t d = 0; d <= p->o->districts_nr; d++)
			for (size_t i = 0; i < p->o->institutions_nr; i++) {
				const struct org_institution *x = &p->o->institutions[i];
				bool in_d =
				    d < p->o->districts_nr
					? x->district && !strcmp(x->district, p->o->districts[d].id)
					: !x->district || !org_find_district(p->o, x->district);
				if (in_d && plan_institution_fits(f, x))
					p->inst[p->inst_nr++] = i;
			}
		districts = (int)p->inst_nr;
		if (districts < 1) {
			plan_fail(
			    p,
			    _("organ »%s« mødes på hver institution af en slags, men strategien "
			      "har ingen [institution] af den slags"),
			    b->id);
			return;
		}
	} else if (f->per_district) {
		districts = (int)p->o->districts_nr;
		if (districts < 1) {
			plan_fail(
			    p, _("organ »%s« mødes i hvert distrikt, men der er ingen distrikter"),
			    b->id);
			return;
		}
	}
	if (f->every_days > 0) {
		for (int d = 0; d < districts; d++)
			plan_cadence(p, b, d, f->per_institution ? d % 5 : d);
	} else if (f->per_month > 0) {
		plan_monthly(p, b, districts);
	} else if (f->per_quarter > 0) {
		plan_quarterly(p, b, districts);
	} else if (f->min_per_year > 0) {
		plan_spread(p, b, districts);
	} else {
		return; /* ad hoc only */
	}
	if (p->err)
		return;
	/* [P-UNSAT] the plan must hold the minimum in each district; a cadence
	 * holds what its weeks give (holiday weeks are skipped, not made up) */
	int required = f->every_days > 0 ? 0 : plan_required_min(b);
	for (int d = 0; d < districts; d++) {
		const char *did, *iid;
		unit_ids(p, b, d, &did, &iid);
		if (iid)
			did = iid;
		int got = 0;
		for (size_t i = 0; i < p->tmp.nr; i++)
			if (!strcmp_null(iid ? p->tmp.v[i].institution : p->tmp.v[i].district, did))
				got++;
		if (got < required) {
			plan_fail(
			    p,
			    _("organ »%s« skal holde mindst %d møder%s%s i %d, men kalenderen "
			      "giver kun plads til %d (helligdage, lukkedage og organets "
			      "ferieuger); ret frekvensen eller »ferieuger«"),
			    b->id, required,
			    iid   ? _(" på ")
			    : did ? _(" i distrikt ")
				  : "",
			    did ? did : "", p->year, got);
			return;
		}
	}
	meeting_list_sort(&p->tmp); /* p->tmp holds only this body's meetings */
	add_themes(p, b);
}

int plan_year(const struct org *o, int year, const char *body_filter, struct meeting_list *out,
	      char **err)
{
	*err = NULL;
	if (year < PLAN_YEAR_MIN || year > PLAN_YEAR_MAX) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("året skal være mellem %d og %d, ikke %d"), PLAN_YEAR_MIN,
			    PLAN_YEAR_MAX, year);
		*err = strbuf_detach(&sb);
		return -1;
	}
	if (body_filter && !org_find_body(o, body_filter)) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb,
			    _("organet »%s« findes ikke; se id'erne med »ssp org --format json«"),
			    body_filter);
		*err = strbuf_detach(&sb);
		return -1;
	}
	struct planner p;
	memset(&p, 0, sizeof(p));
	p.o = o;
	p.year = year;
	p.jan1 = cal_ymd(year, 1, 1);
	p.dec31 = cal_ymd(year, 12, 31);
	p.uid_domain = plan_uid_domain(o->municipality);
	p.weekday = spread_weekdays(o);
	struct meeting_list all = MEETING_LIST_INIT;
	for (size_t i = 0; i < o->bodies_nr && !p.err; i++) {
		const struct org_body *b = &o->bodies[i];
		if (body_filter && strcmp(b->id, body_filter))
			continue;
		/* each body is planned (and themed) in p.tmp on its own, then
		 * its meetings move to all */
		plan_body(&p, b);
		if (p.err)
			break;
		for (size_t k = 0; k < p.tmp.nr; k++)
			*meeting_list_add(&all) = p.tmp.v[k];
		p.tmp.nr = 0;
	}
	free(p.uid_domain);
	free(p.weekday);
	free(p.inst);
	meeting_list_release(&p.tmp);
	if (p.err) {
		meeting_list_release(&all);
		*err = p.err;
		return -1;
	}
	for (size_t k = 0; k < all.nr; k++)
		*meeting_list_add(out) = all.v[k];
	free(all.v);
	meeting_list_sort(out);
	return 0;
}

/* ---- checking a strategy ---------------------------------------------------- */

static const char *shared_member(const struct org_body *a, const struct org_body *b)
{
	for (size_t i = 0; i < a->members.nr; i++)
		for (size_t k = 0; k < b->members.nr; k++)
			if (!strcasecmp(a->members.v[i], b->members.v[k]))
				return a->members.v[i];
	return NULL;
}

size_t plan_check(const struct org *o, int from, int to, struct diags *d)
{
	size_t errors = 0;
	struct meeting_list first = MEETING_LIST_INIT;
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		for (int y = from; y <= to; y++) {
			struct meeting_list l = MEETING_LIST_INIT;
			char *err = NULL;
			if (plan_year(o, y, b->id, &l, &err) < 0) {
				diag_error(d, b->freq_line ? b->freq_line : b->line,
					   _("frekvensen kan ikke planlægges: %s"), err);
				free(err);
				errors++;
				meeting_list_release(&l);
				break;
			}
			if (y == from) {
				/* the meetings move to first; only the array is freed */
				for (size_t k = 0; k < l.nr; k++)
					*meeting_list_add(&first) = l.v[k];
				free(l.v);
			} else {
				meeting_list_release(&l);
			}
		}
	}
	meeting_list_sort(&first);
	/* pairs of bodies already warned about: a bit per (i, k) */
	size_t n = o->bodies_nr;
	unsigned char *warned = xcalloc(n * n + 1, 1);
	for (size_t i = 0; i < first.nr; i++) {
		const struct meeting *a = &first.v[i];
		long aend_day;
		int aend;
		meeting_end(a, &aend_day, &aend);
		for (size_t k = i + 1; k < first.nr && first.v[k].day == a->day; k++) {
			const struct meeting *b = &first.v[k];
			if (!strcmp(a->body, b->body))
				continue;
			/* sorted by start: b starts at or after a; overlap if before a ends */
			if (!(aend_day > b->day || b->start < aend))
				continue;
			const struct org_body *ba = org_find_body(o, a->body),
					      *bb = org_find_body(o, b->body);
			size_t ia = (size_t)(ba - o->bodies), ib = (size_t)(bb - o->bodies);
			if (warned[ia * n + ib])
				continue;
			const char *m = shared_member(ba, bb);
			if (!m)
				continue;
			warned[ia * n + ib] = warned[ib * n + ia] = 1;
			char date[11];
			cal_format_date(a->day, date);
			diag_warning(
			    d, bb->line,
			    _("organ »%s« og »%s« har begge medlemmet »%s« og mødes på "
			      "samme tid (første gang %s kl. %02d:%02d); giv det ene en anden "
			      "»ugedag« eller et andet »tidspunkt«"),
			    ba->id, bb->id, m, date, b->start / 60, b->start % 60);
		}
	}
	free(warned);
	meeting_list_release(&first);
	return errors;
}
