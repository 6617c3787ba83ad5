/* Calendar rules against known dates (issue 4: Easter 2024-2028, every
 * holiday of those years, Store bededag before and after 2024). The
 * expected dates are written out, not computed. */
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/strbuf.h"
#include "test.h"

static long D(const char *s)
{
	struct date d;
	if (cal_parse_date(s, &d) < 0)
		fail_msg("bad date in test: %s", s);
	return cal_days(d);
}

static void assert_day(long got, const char *want)
{
	char buf[11];
	cal_format_date(got, buf);
	assert_string_equal(buf, want);
}

static void days_and_dates(void **state)
{
	(void)state;
	assert_int_equal(cal_ymd(1970, 1, 1), 0);
	assert_int_equal(cal_ymd(2000, 3, 1) - cal_ymd(2000, 2, 28), 2); /* leap */
	assert_int_equal(cal_ymd(2100, 3, 1) - cal_ymd(2100, 2, 28), 1); /* not leap */
	assert_int_equal(cal_weekday(0), 4);                             /* a Thursday */
	assert_int_equal(cal_weekday(D("2000-01-03")), 1);
	assert_int_equal(cal_weekday(D("2027-01-12")), 2);
	assert_int_equal(cal_weekday(D("2027-06-05")), 6);
	assert_int_equal(cal_weekday(D("1969-12-31")), 3);
	/* every day of 1999-2101 survives the round trip */
	for (long day = cal_ymd(1999, 1, 1); day <= cal_ymd(2101, 12, 31); day++) {
		struct date d = cal_date(day);
		assert_true(cal_date_valid(d.y, d.m, d.d));
		assert_int_equal(cal_days(d), day);
	}
	struct date d;
	assert_int_equal(cal_parse_date("2024-02-29", &d), 0);
	assert_int_equal(cal_parse_date("2023-02-29", &d), -1);
	assert_int_equal(cal_parse_date("2023-2-28", &d), -1);
	assert_int_equal(cal_parse_date("2023-02-28x", &d), -1);
	assert_int_equal(cal_parse_date("", &d), -1);
	int min;
	assert_int_equal(cal_parse_clock("14:00", &min), 0);
	assert_int_equal(min, 14 * 60);
	assert_int_equal(cal_parse_clock("9.05", &min), 0);
	assert_int_equal(min, 9 * 60 + 5);
	assert_int_equal(cal_parse_clock("24:00", &min), -1);
	assert_int_equal(cal_parse_clock("12:60", &min), -1);
	assert_int_equal(cal_parse_clock("12:5", &min), -1);
	assert_int_equal(cal_parse_clock("12:00 ", &min), -1);
	assert_int_equal(cal_parse_clock("123:00", &min), -1);
	assert_int_equal(cal_parse_clock("", &min), -1);
	assert_int_equal(cal_weekday_parse("fredag"), 5);
	assert_int_equal(cal_weekday_parse("Fredag"), 0);
}

static void year_syntax(void **state)
{
	(void)state;
	int y = 0;
	assert_int_equal(cal_parse_year("2027", &y), 0);
	assert_int_equal(y, 2027);
	assert_int_equal(cal_parse_year("-5", &y), 0);
	assert_int_equal(y, -5);
	assert_int_equal(cal_parse_year("99999999999999999999", &y), 0);
	assert_int_equal(y, CAL_YEAR_CLAMP);
	assert_int_equal(cal_parse_year("-99999999999", &y), 0);
	assert_int_equal(y, -CAL_YEAR_CLAMP);
	const char *bad[] = {"", "-", "+2027", " 2027", "2027 ", "20x7", "2027-01-01"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(cal_parse_year(bad[i], &y), -1);
}

static void iso_weeks(void **state)
{
	(void)state;
	int y;
	assert_int_equal(cal_iso_week(D("2027-01-04"), &y), 1);
	assert_int_equal(y, 2027);
	assert_int_equal(cal_iso_week(D("2027-01-01"), &y), 53); /* 2026 has 53 weeks */
	assert_int_equal(y, 2026);
	assert_int_equal(cal_iso_week(D("2026-12-29"), &y), 53);
	assert_int_equal(cal_iso_week(D("2024-12-30"), &y), 1);
	assert_int_equal(y, 2025);
	assert_int_equal(cal_iso_week(D("2021-01-03"), &y), 53);
	assert_int_equal(y, 2020);
	assert_int_equal(cal_iso_week(D("2027-02-15"), NULL), 7);
	assert_int_equal(cal_iso_week(D("2027-10-18"), NULL), 42);
}

static void easter(void **state)
{
	(void)state;
	static const char *const known[][2] = {
	    {"2024", "2024-03-31"}, {"2025", "2025-04-20"}, {"2026", "2026-04-05"},
	    {"2027", "2027-03-28"}, {"2028", "2028-04-16"}, {"2000", "2000-04-23"},
	    {"2008", "2008-03-23"}, {"2011", "2011-04-24"}, {"2038", "2038-04-25"},
	    {"2100", "2100-03-28"}, {"2019", "2019-04-21"}, {"2023", "2023-04-09"}};
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++) {
		int year = (int)strtol(known[i][0], NULL, 10);
		assert_day(cal_days(cal_easter(year)), known[i][1]);
		assert_int_equal(cal_weekday(cal_days(cal_easter(year))), 7);
	}
}

/* Every public holiday of 2024-2028, in date order. */
static void holidays(void **state)
{
	(void)state;
	static const char *const want[][10] = {
	    {"2024-01-01", "2024-03-28", "2024-03-29", "2024-03-31", "2024-04-01", "2024-05-09",
	     "2024-05-19", "2024-05-20", "2024-12-25", "2024-12-26"},
	    {"2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29",
	     "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26"},
	    {"2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-14",
	     "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26"},
	    {"2027-01-01", "2027-03-25", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-06",
	     "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26"},
	    {"2028-01-01", "2028-04-13", "2028-04-14", "2028-04-16", "2028-04-17", "2028-05-25",
	     "2028-06-04", "2028-06-05", "2028-12-25", "2028-12-26"}};
	static const enum dk_holiday which[10] = {
	    HOL_NEW_YEAR,  HOL_MAUNDY_THURSDAY, HOL_GOOD_FRIDAY, HOL_EASTER,    HOL_EASTER_MONDAY,
	    HOL_ASCENSION, HOL_WHIT_SUNDAY,     HOL_WHIT_MONDAY, HOL_CHRISTMAS, HOL_BOXING_DAY};
	for (int y = 0; y < 5; y++) {
		struct holiday h[HOL__COUNT];
		int n = cal_holidays(2024 + y, h);
		assert_int_equal(n, 10);
		for (int i = 0; i < 10; i++) {
			assert_day(h[i].day, want[y][i]);
			assert_int_equal(h[i].which, which[i]);
			enum dk_holiday w;
			assert_true(cal_is_holiday(D(want[y][i]), &w));
			assert_int_equal(w, which[i]);
			assert_false(cal_is_working_day(NULL, 0, D(want[y][i])));
		}
	}
	/* the days around are not holidays */
	assert_false(cal_is_holiday(D("2027-03-24"), NULL));
	assert_false(cal_is_holiday(D("2027-03-30"), NULL));
	assert_false(cal_is_holiday(D("2027-12-24"), NULL)); /* closed, not a holiday */
	assert_string_equal(cal_holiday_name(HOL_ASCENSION), "Kristi himmelfartsdag");
}

/* Store bededag: a holiday up to 2023, abolished from 2024. */
static void prayer_day(void **state)
{
	(void)state;
	enum dk_holiday w;
	assert_true(cal_is_holiday(D("2023-05-05"), &w));
	assert_int_equal(w, HOL_PRAYER_DAY);
	struct holiday h[HOL__COUNT];
	assert_int_equal(cal_holidays(2023, h), 11);
	assert_false(cal_is_holiday(D("2024-04-26"), NULL));
	assert_true(cal_is_working_day(NULL, 0, D("2024-04-26")));
	assert_true(cal_is_holiday(D("2022-05-13"), NULL));
	assert_false(cal_is_holiday(D("2025-05-16"), NULL));
}

static void working_days(void **state)
{
	(void)state;
	struct closed_days c;
	cal_closed_default(&c);
	assert_int_equal(cal_day_kind(&c, 0, D("2027-12-24")), DAY_CLOSED);
	assert_int_equal(cal_day_kind(&c, 0, D("2027-12-31")), DAY_CLOSED);
	assert_int_equal(cal_day_kind(&c, 0, D("2025-06-05")), DAY_CLOSED); /* grundlovsdag */
	assert_int_equal(cal_day_kind(&c, 0, D("2027-06-05")), DAY_WEEKEND);
	assert_int_equal(cal_day_kind(&c, 0, D("2027-05-06")), DAY_HOLIDAY);
	assert_int_equal(cal_day_kind(&c, 0, D("2027-11-05")), DAY_WORKING);
	/* without the default, juleaften is a working day */
	struct closed_days none = {0};
	assert_int_equal(cal_day_kind(&none, 0, D("2027-12-24")), DAY_WORKING);
	weekset w = 0;
	char *err = NULL;
	assert_int_equal(cal_weeks_parse("7, 42", &w, &err), 0);
	assert_int_equal(cal_day_kind(&c, w, D("2027-02-17")), DAY_HOLIDAY_WEEK);
	assert_int_equal(cal_day_kind(&c, w, D("2027-02-24")), DAY_WORKING);

	assert_day(cal_next_working_day(&c, 0, D("2027-12-24")), "2027-12-27");
	assert_day(cal_next_working_day(&c, 0, D("2027-03-25")), "2027-03-30");
	assert_day(cal_next_working_day(&c, 0, D("2027-12-30")), "2027-12-30");
	assert_day(cal_next_working_day(&c, 0, D("2027-12-31")), "2028-01-03");
	assert_day(cal_next_working_day(&c, w, D("2027-02-15")), "2027-02-22");
	/* a body closed every week has no working day */
	weekset all = 0;
	assert_int_equal(cal_weeks_parse("1-53", &all, &err), 0);
	assert_true(cal_next_working_day(&c, all, D("2027-01-04")) == CAL_NO_DAY);
}

static void closed_days_syntax(void **state)
{
	(void)state;
	struct closed_days c;
	char *err = NULL;
	struct strbuf sb = STRBUF_INIT;
	assert_int_equal(cal_closed_parse("24-12, 31-12, 05-06", &c, &err), 0);
	assert_int_equal(c.nr, 3);
	cal_closed_format(&c, &sb);
	assert_string_equal(sb.buf, "24-12, 31-12, 05-06");
	strbuf_reset(&sb);
	assert_int_equal(cal_closed_parse("1/5 24.12 24-12", &c, &err), 0);
	assert_int_equal(c.nr, 2); /* duplicate dropped */
	cal_closed_format(&c, &sb);
	assert_string_equal(sb.buf, "01-05, 24-12");
	strbuf_reset(&sb);
	assert_int_equal(cal_closed_parse(" ingen ", &c, &err), 0);
	assert_int_equal(c.nr, 0);
	cal_closed_format(&c, &sb);
	assert_string_equal(sb.buf, "ingen");
	strbuf_release(&sb);
	assert_int_equal(cal_closed_parse("29-02", &c, &err), 0);
	static const char *const bad[] = {"",    "32-12",      "31-02",       "24-13", "24",
					  "jul", "24-12-2027", "ingen 24-12", "123-1"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (cal_closed_parse(bad[i], &c, &err) == 0)
			fail_msg("»%s« should be refused", bad[i]);
		assert_non_null(err);
		free(err);
		err = NULL;
	}
}

static void week_syntax(void **state)
{
	(void)state;
	weekset w;
	char *err = NULL;
	struct strbuf sb = STRBUF_INIT;
	assert_int_equal(cal_weeks_parse("7, 42, 27-32", &w, &err), 0);
	cal_weeks_format(w, &sb);
	assert_string_equal(sb.buf, "7, 27-32, 42");
	strbuf_reset(&sb);
	assert_int_equal(cal_weeks_parse("52-1", &w, &err), 0);
	assert_true(cal_weeks_has(w, 52) && cal_weeks_has(w, 53) && cal_weeks_has(w, 1));
	assert_false(cal_weeks_has(w, 2));
	cal_weeks_format(w, &sb);
	assert_string_equal(sb.buf, "1, 52-53");
	strbuf_release(&sb);
	static const char *const bad[] = {"", "0", "54", "7-", "-7", "x", "7,,a", "1-99"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (cal_weeks_parse(bad[i], &w, &err) == 0)
			fail_msg("»%s« should be refused", bad[i]);
		assert_non_null(err);
		free(err);
		err = NULL;
	}
}

static void copenhagen(void **state)
{
	(void)state;
	assert_int_equal(cal_cph_offset(D("2027-01-12"), 14 * 60), 60);
	assert_int_equal(cal_cph_offset(D("2027-07-01"), 9 * 60), 120);
	/* 2027-03-28 and 2027-10-31 are the last Sundays of March and October */
	assert_int_equal(cal_cph_offset(D("2027-03-28"), 119), 60);
	assert_int_equal(cal_cph_offset(D("2027-03-28"), 180), 120);
	assert_int_equal(cal_cph_offset(D("2027-03-27"), 23 * 60), 60);
	assert_int_equal(cal_cph_offset(D("2027-10-31"), 150), 120);
	assert_int_equal(cal_cph_offset(D("2027-10-31"), 180), 60);
	assert_int_equal(cal_cph_offset(D("2027-10-30"), 12 * 60), 120);
	long day;
	int minute;
	cal_cph_from_utc(D("2027-03-28"), 59, &day, &minute);
	assert_day(day, "2027-03-28");
	assert_int_equal(minute, 119);
	cal_cph_from_utc(D("2027-03-28"), 60, &day, &minute);
	assert_int_equal(minute, 180);
	cal_cph_from_utc(D("2027-12-31"), 23 * 60 + 30, &day, &minute);
	assert_day(day, "2028-01-01");
	assert_int_equal(minute, 30);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(days_and_dates), cmocka_unit_test(year_syntax),
	    cmocka_unit_test(iso_weeks),      cmocka_unit_test(easter),
	    cmocka_unit_test(holidays),       cmocka_unit_test(prayer_day),
	    cmocka_unit_test(working_days),   cmocka_unit_test(closed_days_syntax),
	    cmocka_unit_test(week_syntax),    cmocka_unit_test(copenhagen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
