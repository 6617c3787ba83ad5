/* calendar.h - dates, Danish public holidays and working days.
 *
 * Pure: no I/O, no globals, no time_t. A day is a `long` counting days
 * since 1970-01-01 (proleptic Gregorian), so day arithmetic is integer
 * arithmetic and no time zone or locale can shift a date. struct date is
 * the (year, month, day) view of the same thing.
 *
 * The rules (domain.md section 7):
 *   - Public holidays (helligdage): Nytårsdag 1/1, Skærtorsdag (Easter - 3),
 *     Langfredag (Easter - 2), Påskedag, 2. påskedag (Easter + 1),
 *     Store bededag (Easter + 26; only before 2024, abolished by law from
 *     2024), Kristi himmelfartsdag (Easter + 39), Pinsedag (Easter + 49),
 *     2. pinsedag (Easter + 50), Juledag 25/12, 2. juledag 26/12.
 *   - Days the strategy closes (lukkedage, [kalender] in the strategy
 *     file); by default juleaften 24/12, nytårsaften 31/12 and grundlovsdag
 *     5/6, which are days off for most municipal staff but not holidays.
 *   - Weekends.
 *   - Per body: ISO weeks it does not meet (ferieuger: school holidays).
 * A working day is none of these.
 */
#ifndef SSP_CALENDAR_H
#define SSP_CALENDAR_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "util/strbuf.h"

struct date {
	int y, m, d; /* m 1-12, d 1-31 */
};

/* Returned by day searches that found nothing. */
#define CAL_NO_DAY LONG_MIN

bool cal_leap_year(int y);
int cal_days_in_month(int y, int m); /* 0 for a month outside 1-12 */
bool cal_date_valid(int y, int m, int d);

/* Days since 1970-01-01 and back. Valid for any year in -1000000..1000000. */
long cal_days(struct date d);
struct date cal_date(long day);
/* Shorthand for cal_days((struct date){y, m, d}). */
long cal_ymd(int y, int m, int d);

/* ISO weekday: 1 Monday .. 7 Sunday. */
int cal_weekday(long day);
/* ISO 8601 week number (1-53); *iso_year (may be NULL) gets the week's
 * year, which differs from the date's year around New Year. */
int cal_iso_week(long day, int *iso_year);

/* Parses exactly "YYYY-MM-DD" (a real date). 0, or -1. */
int cal_parse_date(const char *s, struct date *out);
/* Writes "YYYY-MM-DD" into out (11 bytes). */
void cal_format_date(long day, char out[11]);
/* Parses a time of day "14:00", "9:30" or "9.30" into minutes after
 * midnight. 0, or -1. */
int cal_parse_clock(const char *s, int *minutes);
/* Parses a year typed by a person (command line, web address or form):
 * decimal digits with an optional leading '-', nothing else (no spaces,
 * no '+'). An absurd year is clamped to -1000000..1000000 so it still
 * reaches the caller's range check (PLAN_YEAR_MIN..MAX). 0, or -1 when s
 * is no number. */
#define CAL_YEAR_CLAMP 1000000
int cal_parse_year(const char *s, int *year);

/* Danish weekday names: "mandag" .. "søndag" (lower case, untranslated:
 * they are the strategy file's words) and parsing them back; 0 if unknown. */
const char *cal_weekday_name(int wd);
int cal_weekday_parse(const char *s);
/* Translated short label for display ("man", "tir", ...). */
const char *cal_weekday_short(int wd);

/* Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
struct date cal_easter(int year);

enum dk_holiday {
	HOL_NEW_YEAR,        /* Nytårsdag */
	HOL_MAUNDY_THURSDAY, /* Skærtorsdag */
	HOL_GOOD_FRIDAY,     /* Langfredag */
	HOL_EASTER,          /* Påskedag */
	HOL_EASTER_MONDAY,   /* 2. påskedag */
	HOL_PRAYER_DAY,      /* Store bededag: only before 2024 */
	HOL_ASCENSION,       /* Kristi himmelfartsdag */
	HOL_WHIT_SUNDAY,     /* Pinsedag */
	HOL_WHIT_MONDAY,     /* 2. pinsedag */
	HOL_CHRISTMAS,       /* Juledag */
	HOL_BOXING_DAY,      /* 2. juledag */
	HOL__COUNT
};

struct holiday {
	long day;
	enum dk_holiday which;
};

/* Fills out with the public holidays of year in date order and returns
 * how many (10, or 11 before 2024). */
int cal_holidays(int year, struct holiday out[HOL__COUNT]);
/* Translated name ("Kristi himmelfartsdag"). */
const char *cal_holiday_name(enum dk_holiday h);
/* True (and *which set, if not NULL) when day is a public holiday. */
bool cal_is_holiday(long day, enum dk_holiday *which);

/* Days the strategy closes, as (month, day) pairs that recur every year. */
#define CAL_CLOSED_MAX 32
struct closed_days {
	unsigned char m[CAL_CLOSED_MAX], d[CAL_CLOSED_MAX];
	int nr;
};

/* The default: 24-12 (juleaften), 31-12 (nytårsaften), 05-06 (grundlovsdag). */
void cal_closed_default(struct closed_days *c);
/* Parses "24-12, 31-12, 05-06" (DD-MM, separated by commas or spaces) or
 * "ingen" (none). 0, or -1 with a Danish message in *err (caller frees). */
int cal_closed_parse(const char *s, struct closed_days *out, char **err);
/* Appends the canonical form ("24-12, 31-12, 05-06", or "ingen"). */
void cal_closed_format(const struct closed_days *c, struct strbuf *sb);
bool cal_is_closed(const struct closed_days *c, long day);

/* A set of ISO weeks: bit w (1-53) set when week w is in the set. */
typedef uint64_t weekset;
/* Parses "7, 42" or "27-32" (a range may wrap the new year: "52-1").
 * 0, or -1 with a Danish message in *err (caller frees). */
int cal_weeks_parse(const char *s, weekset *out, char **err);
/* Appends the canonical form, ranges joined ("7, 27-32, 42"). */
void cal_weeks_format(weekset w, struct strbuf *sb);
bool cal_weeks_has(weekset w, int week);

/* Why a day is not a working day. */
enum day_kind {
	DAY_WORKING,
	DAY_WEEKEND,
	DAY_HOLIDAY,      /* public holiday */
	DAY_CLOSED,       /* a day the strategy closes */
	DAY_HOLIDAY_WEEK, /* in one of the body's ferieuger */
};

/* Classifies day for a body that does not meet in the weeks of `weeks`
 * (0: meets in every week) under the strategy's closed days c. */
enum day_kind cal_day_kind(const struct closed_days *c, weekset weeks, long day);
bool cal_is_working_day(const struct closed_days *c, weekset weeks, long day);
/* The first working day on or after day, searching at most 400 days;
 * CAL_NO_DAY when there is none (every week closed). */
long cal_next_working_day(const struct closed_days *c, weekset weeks, long day);

/* Europe/Copenhagen: the UTC offset in minutes (60 CET, 120 CEST) of the
 * local wall-clock time `minute` (0-1439) on day. The EU rule in force
 * since 1996: summer time from the last Sunday of March 02:00 local to the
 * last Sunday of October 03:00 local (both 01:00 UTC). The skipped hour in
 * March and the repeated hour in October are read as summer time. */
int cal_cph_offset(long day, int minute);
/* The Europe/Copenhagen local (day, minute) of the UTC time (day, minute). */
void cal_cph_from_utc(long day, int minute, long *lday, int *lminute);

#endif
