#include "domain/calendar.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

/* ---- dates ------------------------------------------------------------ */

bool cal_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cal_days_in_month(int y, int m)
{
	static const int len[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && cal_leap_year(y) ? 29 : len[m];
}

bool cal_date_valid(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= cal_days_in_month(y, m);
}

/* days_from_civil and civil_from_days: Howard Hinnant's algorithms
 * (public domain), with eras of 400 years = 146097 days. */
long cal_days(struct date dt)
{
	long y = dt.y - (dt.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (dt.m + 9) % 12; /* March = 0 */
	long doy = (153 * mp + 2) / 5 + dt.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date cal_date(long day)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date r;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

long cal_ymd(int y, int m, int d)
{
	return cal_days((struct date){y, m, d});
}

int cal_weekday(long day)
{
	/* 1970-01-01 was a Thursday (4) */
	long r = (day + 3) % 7;
	if (r < 0)
		r += 7;
	return (int)r + 1;
}

int cal_iso_week(long day, int *iso_year)
{
	/* The week belongs to the year of its Thursday. */
	long thursday = day - cal_weekday(day) + 4;
	int y = cal_date(thursday).y;
	if (iso_year)
		*iso_year = y;
	return (int)((thursday - cal_ymd(y, 1, 1)) / 7 + 1);
}

int cal_parse_date(const char *s, struct date *out)
{
	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return -1;
	}
	if (s[10])
		return -1;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!cal_date_valid(y, m, d))
		return -1;
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

void cal_format_date(long day, char out[11])
{
	struct date d = cal_date(day);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
		 (unsigned)d.d % 100u);
}

int cal_parse_clock(const char *v, int *minutes)
{
	int h = 0, i = 0;
	while (i < 2 && isdigit((unsigned char)v[i]))
		h = h * 10 + (v[i++] - '0');
	if (!i || (v[i] != ':' && v[i] != '.'))
		return -1;
	i++;
	if (!isdigit((unsigned char)v[i]) || !isdigit((unsigned char)v[i + 1]) || v[i + 2])
		return -1;
	int m = (v[i] - '0') * 10 + (v[i + 1] - '0');
	if (h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

int cal_parse_year(const char *s, int *year)
{
	bool neg = *s == '-';
	const char *p = s + neg;
	if (!isdigit((unsigned char)*p))
		return -1;
	long v = 0;
	for (; isdigit((unsigned char)*p); p++)
		if (v <= CAL_YEAR_CLAMP)
			v = v * 10 + (*p - '0');
	if (*p)
		return -1;
	if (v > CAL_YEAR_CLAMP)
		v = CAL_YEAR_CLAMP;
	*year = (int)(neg ? -v : v);
	return 0;
}

static const char *const weekday_names[8] = {NULL,      "mandag", "tirsdag", "onsdag",
					     "torsdag", "fredag", "lørdag",  "søndag"};
static const char *const weekday_short[8] = {NULL,      N_("man"), N_("tir"), N_("ons"),
					     N_("tor"), N_("fre"), N_("lør"), N_("søn")};

const char *cal_weekday_name(int wd)
{
	return wd >= 1 && wd <= 7 ? weekday_names[wd] : "?";
}

const char *cal_weekday_short(int wd)
{
	return wd >= 1 && wd <= 7 ? _(weekday_short[wd]) : "?";
}

int cal_weekday_parse(const char *s)
{
	for (int i = 1; i <= 7; i++)
		if (!strcmp(s, weekday_names[i]))
			return i;
	return 0;
}

/* ---- holidays ----------------------------------------------------------- */

struct date cal_easter(int year)
{
	int a = year % 19;
	int b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4;
	int f = (b + 8) / 25;
	int g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return (struct date){year, month, day};
}

static const char *const holiday_names[HOL__COUNT] = {N_("Nytårsdag"),
						      N_("Skærtorsdag"),
						      N_("Langfredag"),
						      N_("Påskedag"),
						      N_("2. påskedag"),
						      N_("Store bededag"),
						      N_("Kristi himmelfartsdag"),
						      N_("Pinsedag"),
						      N_("2. pinsedag"),
						      N_("Juledag"),
						      N_("2. juledag")};

const char *cal_holiday_name(enum dk_holiday h)
{
	return h < HOL__COUNT ? _(holiday_names[h]) : "?";
}

/* Store bededag was abolished as a public holiday from 2024 (lov nr. 131
 * af 28. februar 2023). */
#define PRAYER_DAY_LAST_YEAR 2023

int cal_holidays(int year, struct holiday out[HOL__COUNT])
{
	long easter = cal_days(cal_easter(year));
	int n = 0;
	out[n++] = (struct holiday){cal_ymd(year, 1, 1), HOL_NEW_YEAR};
	out[n++] = (struct holiday){easter - 3, HOL_MAUNDY_THURSDAY};
	out[n++] = (struct holiday){easter - 2, HOL_GOOD_FRIDAY};
	out[n++] = (struct holiday){easter, HOL_EASTER};
	out[n++] = (struct holiday){easter + 1, HOL_EASTER_MONDAY};
	if (year <= PRAYER_DAY_LAST_YEAR)
		out[n++] = (struct holiday){easter + 26, HOL_PRAYER_DAY};
	out[n++] = (struct holiday){easter + 39, HOL_ASCENSION};
	out[n++] = (struct holiday){easter + 49, HOL_WHIT_SUNDAY};
	out[n++] = (struct holiday){easter + 50, HOL_WHIT_MONDAY};
	out[n++] = (struct holiday){cal_ymd(year, 12, 25), HOL_CHRISTMAS};
	out[n++] = (struct holiday){cal_ymd(year, 12, 26), HOL_BOXING_DAY};
	return n;
}

bool cal_is_holiday(long day, enum dk_holiday *which)
{
	struct holiday h[HOL__COUNT];
	int n = cal_holidays(cal_date(day).y, h);
	for (int i = 0; i < n; i++) {
		if (h[i].day == day) {
			if (which)
				*which = h[i].which;
			return true;
		}
	}
	return false;
}

/* ---- closed days ------------------------------------------------------- */

void cal_closed_default(struct closed_days *c)
{
	memset(c, 0, sizeof(*c));
	static const unsigned char md[][2] = {{12, 24}, {12, 31}, {6, 5}};
	for (size_t i = 0; i < sizeof(md) / sizeof(*md); i++) {
		c->m[c->nr] = md[i][0];
		c->d[c->nr] = md[i][1];
		c->nr++;
	}
}

static char *errf(const char *fmt, const char *arg)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, fmt, arg);
	return strbuf_detach(&sb);
}

/* Splits s at commas and white space into words of at most 15 bytes;
 * calls fn for each. Stops at the first nonzero return. */
static int each_word(const char *s, int (*fn)(const char *w, void *data, char **err), void *data,
		     char **err)
{
	while (*s) {
		while (*s == ',' || isspace((unsigned char)*s))
			s++;
		if (!*s)
			break;
		const char *start = s;
		while (*s && *s != ',' && !isspace((unsigned char)*s))
			s++;
		char w[16];
		size_t n = (size_t)(s - start);
		if (n >= sizeof(w)) {
			char shown[sizeof(w)];
			snprintf(shown, sizeof(shown), "%.*s",
				 (int)utf8_prefix_len(start, n, sizeof(shown) - 1), start);
			*err = errf(_("»%s…« er for langt"), shown);
			return -1;
		}
		memcpy(w, start, n);
		w[n] = '\0';
		if (fn(w, data, err) < 0)
			return -1;
	}
	return 0;
}

/* Reads 1-2 digits; returns the number or -1. */
static int read_num(const char **p)
{
	const char *s = *p;
	if (!isdigit((unsigned char)s[0]))
		return -1;
	int v = s[0] - '0';
	s++;
	if (isdigit((unsigned char)s[0])) {
		v = v * 10 + (s[0] - '0');
		s++;
	}
	*p = s;
	return v;
}

static int closed_word(const char *w, void *data, char **err)
{
	struct closed_days *c = data;
	const char *p = w;
	int d = read_num(&p);
	int m = -1;
	if (d >= 0 && (*p == '-' || *p == '/' || *p == '.')) {
		p++;
		m = read_num(&p);
	}
	if (d < 0 || m < 0 || *p) {
		*err = errf(_("lukkedagen »%s« skal skrives DD-MM, fx 24-12"), w);
		return -1;
	}
	/* 29-02 is allowed: it closes the day in leap years */
	if (!cal_date_valid(2000, m, d)) {
		*err = errf(_("lukkedagen »%s« findes ikke i kalenderen"), w);
		return -1;
	}
	for (int i = 0; i < c->nr; i++)
		if (c->m[i] == m && c->d[i] == d)
			return 0;
	if (c->nr >= CAL_CLOSED_MAX) {
		*err = errf(_("højst %s lukkedage"), "32");
		return -1;
	}
	c->m[c->nr] = (unsigned char)m;
	c->d[c->nr] = (unsigned char)d;
	c->nr++;
	return 0;
}

int cal_closed_parse(const char *s, struct closed_days *out, char **err)
{
	*err = NULL;
	struct closed_days c;
	memset(&c, 0, sizeof(c));
	const char *t = s;
	while (isspace((unsigned char)*t))
		t++;
	if (!strncmp(t, "ingen", 5)) {
		t += 5;
		while (isspace((unsigned char)*t))
			t++;
		if (!*t) {
			*out = c;
			return 0;
		}
	}
	if (each_word(s, closed_word, &c, err) < 0)
		return -1;
	if (!c.nr) {
		*err = errf(_("skriv lukkedagene som DD-MM, fx %s, eller »ingen«"), "24-12, 31-12");
		return -1;
	}
	*out = c;
	return 0;
}

void cal_closed_format(const struct closed_days *c, struct strbuf *sb)
{
	if (!c->nr) {
		strbuf_addstr(sb, "ingen");
		return;
	}
	for (int i = 0; i < c->nr; i++)
		strbuf_addf(sb, "%s%02d-%02d", i ? ", " : "", c->d[i], c->m[i]);
}

bool cal_is_closed(const struct closed_days *c, long day)
{
	struct date dt = cal_date(day);
	for (int i = 0; i < c->nr; i++)
		if (c->m[i] == dt.m && c->d[i] == dt.d)
			return true;
	return false;
}

/* ---- week sets ----------------------------------------------------------- */

static weekset week_bit(int w)
{
	return (weekset)1 << w;
}

bool cal_weeks_has(weekset w, int week)
{
	return week >= 1 && week <= 53 && (w & week_bit(week));
}

static int week_word(const char *w, void *data, char **err)
{
	weekset *set = data;
	const char *p = w;
	int from = read_num(&p), to;
	if (from >= 0 && *p == '-') {
		p++;
		to = read_num(&p);
	} else {
		to = from;
	}
	if (from < 0 || to < 0 || *p) {
		*err = errf(_("»%s« er ikke et ugenummer eller et interval som 27-32"), w);
		return -1;
	}
	if (from < 1 || from > 53 || to < 1 || to > 53) {
		*err = errf(_("ugenummeret i »%s« skal være fra 1 til 53"), w);
		return -1;
	}
	/* A range may wrap the new year (52-1). */
	for (int k = from;; k = k % 53 + 1) {
		*set |= week_bit(k);
		if (k == to)
			break;
	}
	return 0;
}

int cal_weeks_parse(const char *s, weekset *out, char **err)
{
	*err = NULL;
	weekset w = 0;
	if (each_word(s, week_word, &w, err) < 0)
		return -1;
	if (!w) {
		*err = errf(_("skriv ugerne som fx »%s«"), "7, 27-32, 42");
		return -1;
	}
	*out = w;
	return 0;
}

void cal_weeks_format(weekset w, struct strbuf *sb)
{
	bool first = true;
	for (int k = 1; k <= 53; k++) {
		if (!cal_weeks_has(w, k))
			continue;
		int end = k;
		while (end < 53 && cal_weeks_has(w, end + 1))
			end++;
		strbuf_addstr(sb, first ? "" : ", ");
		if (end > k)
			strbuf_addf(sb, "%d-%d", k, end);
		else
			strbuf_addf(sb, "%d", k);
		first = false;
		k = end;
	}
}

/* ---- working days -------------------------------------------------------- */

enum day_kind cal_day_kind(const struct closed_days *c, weekset weeks, long day)
{
	if (cal_weekday(day) >= 6)
		return DAY_WEEKEND;
	if (cal_is_holiday(day, NULL))
		return DAY_HOLIDAY;
	if (c && cal_is_closed(c, day))
		return DAY_CLOSED;
	if (weeks && cal_weeks_has(weeks, cal_iso_week(day, NULL)))
		return DAY_HOLIDAY_WEEK;
	return DAY_WORKING;
}

bool cal_is_working_day(const struct closed_days *c, weekset weeks, long day)
{
	return cal_day_kind(c, weeks, day) == DAY_WORKING;
}

long cal_next_working_day(const struct closed_days *c, weekset weeks, long day)
{
	for (int i = 0; i < 400; i++)
		if (cal_is_working_day(c, weeks, day + i))
			return day + i;
	return CAL_NO_DAY;
}

/* ---- Europe/Copenhagen ------------------------------------------------- */

static long last_sunday(int y, int m)
{
	long last = cal_ymd(y, m, cal_days_in_month(y, m));
	return last - cal_weekday(last) % 7;
}

int cal_cph_offset(long day, int minute)
{
	int y = cal_date(day).y;
	long start = last_sunday(y, 3), end = last_sunday(y, 10);
	bool summer;
	if (day < start || day > end)
		summer = false;
	else if (day > start && day < end)
		summer = true;
	else if (day == start)
		summer = minute >= 120;
	else
		summer = minute < 180;
	return summer ? 120 : 60;
}

void cal_cph_from_utc(long day, int minute, long *lday, int *lminute)
{
	/* summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC
	 * on the last Sunday of October */
	int y = cal_date(day).y;
	long start = last_sunday(y, 3), end = last_sunday(y, 10);
	long t = day * 1440 + minute;
	bool summer = t >= start * 1440 + 60 && t < end * 1440 + 60;
	t += summer ? 120 : 60;
	*lday = t / 1440;
	*lminute = (int)(t % 1440);
}
