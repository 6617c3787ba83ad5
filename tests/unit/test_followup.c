/* test_followup.c - the pure rules of following up a concern
 * (domain/followup.h) and the underretning's working-day rule
 * (report_receipt_due, domain/concern.h) across weekends and the year end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "domain/calendar.h"
#include "domain/concern.h"
#include "domain/followup.h"

static const char *due_of(const struct closed_days *c, int y, int m, int d, char s[11])
{
	cal_format_date(report_receipt_due(c, cal_ymd(y, m, d)), s);
	return s;
}

static void working_days(void **state)
{
	(void)state;
	struct closed_days none = {.nr = 0}, def;
	cal_closed_default(&def);
	char s[11];
	/* every weekday of an ordinary week (September 2027: no holidays):
	 * Monday 6 -> Tuesday 14, ... Friday 10 -> Monday 20 */
	assert_string_equal(due_of(&none, 2027, 9, 6, s), "2027-09-14");
	assert_string_equal(due_of(&none, 2027, 9, 7, s), "2027-09-15");
	assert_string_equal(due_of(&none, 2027, 9, 8, s), "2027-09-16");
	assert_string_equal(due_of(&none, 2027, 9, 9, s), "2027-09-17");
	assert_string_equal(due_of(&none, 2027, 9, 10, s), "2027-09-20");
	/* made on a Saturday or a Sunday: counting starts on Monday */
	assert_string_equal(due_of(&none, 2027, 9, 11, s), "2027-09-20");
	assert_string_equal(due_of(&none, 2027, 9, 12, s), "2027-09-20");
	/* Whit Monday (17 May 2027) is a holiday: Monday 10 May -> Wednesday 19 */
	assert_string_equal(due_of(&none, 2027, 5, 10, s), "2027-05-19");
	/* the year end: 29 Dec 2026 (Tuesday); 31 Dec closed by default, 1 Jan
	 * a holiday; 30 Dec, 4-8 Jan */
	assert_string_equal(due_of(&def, 2026, 12, 29, s), "2027-01-08");
	/* without closed days 31 Dec counts: 30, 31 Dec, 4-7 Jan */
	assert_string_equal(due_of(&none, 2026, 12, 29, s), "2027-01-07");
	/* a year that ends on a weekend: Thursday 28 Dec 2028 (31 Dec is a
	 * Sunday, 1 Jan 2029 a Monday and a holiday): 29 Dec, 2-5 and 8 Jan */
	assert_string_equal(due_of(&def, 2028, 12, 28, s), "2029-01-08");
	/* always strictly later, never on a weekend */
	for (long d = cal_ymd(2026, 1, 1); d < cal_ymd(2030, 1, 1); d++) {
		long r = report_receipt_due(&def, d);
		assert_true(r > d + 5 && r < d + 20);
		assert_true(cal_weekday(r) >= 1 && cal_weekday(r) <= 5);
	}
}

static void statuses_and_relations(void **state)
{
	(void)state;
	enum action_status st;
	assert_int_equal(action_status_parse("done", &st), 0);
	assert_int_equal(st, ACTION_DONE);
	assert_string_equal(action_status_id(ACTION_CANCELLED), "cancelled");
	assert_int_equal(action_status_parse("paused", &st), -1);
	assert_int_equal(action_status_parse(NULL, &st), -1);
	assert_true(relation_valid("forælder"));
	assert_true(relation_valid("anden-voksen"));
	assert_false(relation_valid("nabo"));
	assert_false(relation_valid(NULL));
	assert_string_equal(relation_id(1), "værge");
	assert_true(phone_valid("+45 20 30 40 50"));
	assert_true(phone_valid("(+45) 2030-4050") == false); /* "+" only first */
	assert_true(phone_valid("112"));
	assert_false(phone_valid("12"));
	assert_false(phone_valid("ring efter kl. 16"));
	assert_false(phone_valid("1234567890123456"));
	assert_false(phone_valid(""));
}

static void owners_and_deadlines(void **state)
{
	(void)state;
	assert_string_equal(followup_actor_org(ROLE_CHILD_FAMILY, "x"), "boern-familier");
	assert_string_equal(followup_actor_org(ROLE_SSP, NULL), "ssp");
	assert_string_equal(followup_actor_org(ROLE_CONTACT, "eksempel-skole"), "eksempel-skole");
	assert_null(followup_actor_org(ROLE_ADMIN, ""));
	long t = cal_ymd(2027, 3, 10);
	struct action_dates d = {t - 1, CAL_NO_DAY, CAL_NO_DAY, CAL_NO_DAY};
	assert_int_equal(followup_deadline(&d), t - 1);
	assert_true(followup_overdue(&d, t));
	d.due = t;
	assert_false(followup_overdue(&d, t)); /* due today is not late */
	/* made and not received: the receipt is what it waits for */
	d.due = t + 30;
	d.reported = t - 10;
	d.receipt_due = t - 2;
	assert_int_equal(followup_deadline(&d), t - 2);
	assert_true(followup_overdue(&d, t));
	assert_true(followup_receipt_overdue(&d, t));
	d.receipt_at = t - 3;
	assert_int_equal(followup_deadline(&d), t + 30);
	assert_false(followup_overdue(&d, t));
	assert_false(followup_receipt_overdue(&d, t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(working_days),
	    cmocka_unit_test(statuses_and_relations),
	    cmocka_unit_test(owners_and_deadlines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
