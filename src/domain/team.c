/* team.c - the SSP-team's daily work as pure rules (team.h). */
#include "domain/team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

static const char *const kind_ids[EVENT_KIND__COUNT] = {"course", "training", "theme-day",
							"parent-evening", "event"};
static const char *const kind_labels[EVENT_KIND__COUNT] = {
    N_("Kursus"), N_("Uddannelse af nye SSP-kontaktpersoner"), N_("Temadag"), N_("Forældremøde"),
    N_("Større begivenhed")};

const char *event_kind_id(enum event_kind k)
{
	return k < EVENT_KIND__COUNT ? kind_ids[k] : "?";
}

const char *event_kind_label(enum event_kind k)
{
	return k < EVENT_KIND__COUNT ? _(kind_labels[k]) : "?";
}

int event_kind_parse(const char *s, enum event_kind *out)
{
	for (int k = 0; s && k < EVENT_KIND__COUNT; k++) {
		if (!strcmp(s, kind_ids[k])) {
			*out = (enum event_kind)k;
			return 0;
		}
	}
	return -1;
}

long long team_moment(long day, int minute)
{
	return (long long)day * 1440 + minute;
}

void team_moment_split(long long m, long *day, int *minute)
{
	long long d = m / 1440, r = m % 1440;
	if (r < 0) {
		r += 1440;
		d--;
	}
	*day = (long)d;
	*minute = (int)r;
}

int team_parse_moment(const char *s, long long *out)
{
	if (!s || strlen(s) < 16 || strlen(s) > 16 || (s[10] != 'T' && s[10] != ' '))
		return -1;
	char date[11], clock[6];
	memcpy(date, s, 10);
	date[10] = '\0';
	memcpy(clock, s + 11, 5);
	clock[5] = '\0';
	struct date d;
	int minute;
	if (clock[2] != ':' || cal_parse_date(date, &d) < 0 || cal_parse_clock(clock, &minute) < 0)
		return -1;
	*out = team_moment(cal_days(d), minute);
	return 0;
}

void team_format_moment(long long m, char out[17])
{
	long day;
	int minute;
	team_moment_split(m, &day, &minute);
	char d[11];
	cal_format_date(day, d);
	unsigned h = (unsigned)(minute / 60) % 24u, mi = (unsigned)(minute % 60) % 60u;
	snprintf(out, 17, "%.10sT%02u:%02u", d, h, mi);
}

bool team_overlap(long long a0, long long a1, long long b0, long long b1)
{
	return a0 < b1 && b0 < a1;
}

/* ---- the training rule ---- */

long team_add_months(long since, int months)
{
	struct date d = cal_date(since);
	int m0 = d.m - 1 + months;
	int y = d.y + m0 / 12;
	int m = m0 % 12 + 1;
	int last = cal_days_in_month(y, m);
	return cal_ymd(y, m, d.d > last ? last : d.d);
}

enum training_status training_status(long since, long trained, int months, long as_of)
{
	if (trained != CAL_NO_DAY && trained <= as_of)
		return TRAINING_DONE;
	return as_of > team_add_months(since, months) ? TRAINING_OVERDUE : TRAINING_DUE;
}

const char *training_status_label(enum training_status s)
{
	switch (s) {
	case TRAINING_DONE:
		return _("Uddannet");
	case TRAINING_DUE:
		return _("Mangler uddannelse");
	case TRAINING_OVERDUE:
		return _("Fristen for uddannelse er overskredet");
	}
	return "?";
}

/* ---- recurring events ---- */

/* "DD-MM" at s (exactly five characters) into *m, *d; 0 or -1. 29-02 is
 * allowed (a leap year has it). */
static int parse_dm(const char *s, int *m, int *d)
{
	if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] == '-' &&
	      s[3] >= '0' && s[3] <= '9' && s[4] >= '0' && s[4] <= '9'))
		return -1;
	*d = (s[0] - '0') * 10 + (s[1] - '0');
	*m = (s[3] - '0') * 10 + (s[4] - '0');
	return cal_date_valid(2024, *m, *d) ? 0 : -1; /* 2024: a leap year */
}

int team_recurring_parse(const char *s, struct team_recurring *out, char **err)
{
	memset(out, 0, sizeof(*out));
	const char *bad = _("skriv »DD-MM navn« eller »DD-MM..DD-MM navn«, fx »20-06..22-06 "
			    "Byfest«");
	if (!s || strlen(s) < 5 || parse_dm(s, &out->from_m, &out->from_d) < 0) {
		*err = xstrdup(bad);
		return -1;
	}
	const char *p = s + 5;
	out->to_m = out->from_m;
	out->to_d = out->from_d;
	if (p[0] == '.' && p[1] == '.') {
		if (strlen(p + 2) < 5 || parse_dm(p + 2, &out->to_m, &out->to_d) < 0) {
			*err = xstrdup(bad);
			return -1;
		}
		p += 7;
	}
	if (*p != ' ' && *p != '\t') {
		*err = xstrdup(bad);
		return -1;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p) {
		*err = xstrdup(_("begivenheden mangler et navn efter datoerne"));
		return -1;
	}
	out->name = xstrdup(p);
	return 0;
}

void team_recurring_release(struct team_recurring *r)
{
	free(r->name);
	memset(r, 0, sizeof(*r));
}

static long dm_day(int year, int m, int d)
{
	int last = cal_days_in_month(year, m);
	return cal_ymd(year, m, d > last ? last : d);
}

void team_recurring_days(const struct team_recurring *r, int year, long *first, long *last)
{
	*first = dm_day(year, r->from_m, r->from_d);
	bool wraps = r->to_m < r->from_m || (r->to_m == r->from_m && r->to_d < r->from_d);
	*last = dm_day(wraps ? year + 1 : year, r->to_m, r->to_d);
}

size_t team_recurring_plan(const struct team_recurring *rec, size_t n, int year,
			   const char *const *names, const long *days, size_t existing,
			   bool *planned)
{
	size_t missing = 0;
	for (size_t k = 0; k < n; k++) {
		planned[k] = false;
		for (size_t i = 0; i < existing && !planned[k]; i++)
			planned[k] = names[i] && !strcmp(names[i], rec[k].name) &&
				     cal_date(days[i]).y == year;
		missing += !planned[k];
	}
	return missing;
}

/* ---- themes ---- */

const char *const team_default_themes[] = {
    N_("Rusmidler"),
    N_("Kriminalitet"),
    N_("Trivsel og mistrivsel"),
    N_("Digital adfærd"),
    N_("Fællesskaber og fritid"),
    N_("Familie og forældre"),
    N_("Negativ social kontrol og æresrelaterede konflikter"),
    N_("Radikalisering og ekstremisme"),
    NULL};

/* ---- advice ---- */

static const char *const asker_ids[ASKER__COUNT] = {"laerer",  "klubmedarbejder", "paedagog",
						    "leder",   "foraelder",       "socialraadgiver",
						    "sundhed", "politi",          "andet"};
static const char *const asker_labels[ASKER__COUNT] = {
    N_("Lærer"),          N_("Klubmedarbejder"), N_("Pædagog"), N_("Leder"), N_("Forælder"),
    N_("Socialrådgiver"), N_("Sundhedsperson"),  N_("Politi"),  N_("Anden")};

const char *advice_asker_id(enum advice_asker k)
{
	return k < ASKER__COUNT ? asker_ids[k] : "?";
}

const char *advice_asker_label(enum advice_asker k)
{
	return k < ASKER__COUNT ? _(asker_labels[k]) : "?";
}

int advice_asker_parse(const char *s, enum advice_asker *out)
{
	for (int k = 0; s && k < ASKER__COUNT; k++) {
		if (!strcmp(s, asker_ids[k])) {
			*out = (enum advice_asker)k;
			return 0;
		}
	}
	return -1;
}

size_t team_hotspot_of(const long *days, size_t n, long day)
{
	size_t found = n;
	for (size_t i = 0; i < n && days[i] <= day; i++)
		found = i;
	return found;
}
