/* The retention rules (domain/retention.c): ISO-8601 durations, rules
 * "DURATION fra TRIGGER", the access log's minimum, cut-off days for
 * every trigger, and the daily timer's arithmetic. Pure. */
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/retention.h"
#include "service/retention.h"
#include "test.h"

static struct retention_duration dur(const char *s)
{
	struct retention_duration d;
	char *err = NULL;
	int rc = retention_duration_parse(s, strlen(s), &d, &err);
	if (rc < 0)
		fail_msg("%s: %s", s, err);
	return d;
}

static void durations_parse(void **state)
{
	(void)state;
	struct retention_duration d = dur("P0D");
	assert_int_equal(d.years + d.months + d.days, 0);
	d = dur("P365D");
	assert_int_equal(d.days, 365);
	d = dur("P1825D");
	assert_int_equal(d.days, 1825);
	d = dur("P5Y");
	assert_int_equal(d.years, 5);
	d = dur("P1Y6M");
	assert_int_equal(d.years, 1);
	assert_int_equal(d.months, 6);
	d = dur("P2W");
	assert_int_equal(d.days, 14);
	d = dur("P1Y2M3W4D");
	assert_int_equal(d.days, 25);
	char buf[32];
	retention_duration_format(&d, buf, sizeof(buf));
	assert_string_equal(buf, "P1Y2M25D");
	struct retention_duration z = {0, 0, 0};
	retention_duration_format(&z, buf, sizeof(buf));
	assert_string_equal(buf, "P0D");
}

static void bad_durations_refused(void **state)
{
	(void)state;
	const char *bad[] = {"",      "P",     "365D",    "p365d",         "P365",   "PD",
			     "P1D1Y", "P1Y1Y", "P1.5Y",   "P1YT2H",        "PT1H",   "P-1D",
			     "P+1D",  "P1X",   "P10000D", "P99999999999D", "P2000W", "P 1D",
			     "P1D ",  "-P1D"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct retention_duration d;
		char *err = NULL;
		if (retention_duration_parse(bad[i], strlen(bad[i]), &d, &err) == 0)
			fail_msg("accepted »%s«", bad[i]);
		assert_non_null(err);
		free(err);
	}
}

static void rules_parse_and_refuse(void **state)
{
	(void)state;
	struct retention_rule r;
	char *err = NULL;
	assert_int_equal(retention_rule_parse(RET_CONCERN, "P1825D fra sag-lukket", &r, &err), 0);
	assert_int_equal(r.trigger, TRIG_CASE_CLOSED);
	assert_int_equal(retention_rule_parse(RET_HANDOVER, "P0D fra moede-lukket", &r, &err), 0);
	assert_int_equal(r.trigger, TRIG_MEETING_CLOSED);
	char buf[64];
	retention_rule_format(&r, buf, sizeof(buf));
	assert_string_equal(buf, "P0D fra møde-lukket");
	struct {
		enum retention_record rt;
		const char *s, *want;
	} bad[] = {
	    {RET_CONCERN, "P1Y fra i-morgen", "ukendt hændelse"},
	    {RET_CONCERN, "P1Y", "VARIGHED fra HÆNDELSE"},
	    {RET_HANDOVER, "P1Y fra sag-lukket", "kan ikke regnes fra"},
	    {RET_ACCESS_LOG, "P5M fra seneste-aktivitet", "mindst 6 måneder"},
	    {RET_ACCESS_LOG, "P180D fra seneste-aktivitet", "mindst 6 måneder"},
	    {RET_ACCESS_LOG, "P1Y fra fylder-18", "kan ikke regnes fra"},
	    {RET_MINUTES, "P1Y fra fylder-25", "kan ikke regnes fra"},
	    {RET_REFERRAL, "P1Q fra sag-lukket", "ugyldig varighed"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		err = NULL;
		assert_int_equal(retention_rule_parse(bad[i].rt, bad[i].s, &r, &err), -1);
		if (!strstr(err, bad[i].want))
			fail_msg("%s: %s", bad[i].s, err);
		free(err);
	}
	/* six months, or its longest run of days */
	assert_int_equal(
	    retention_rule_parse(RET_ACCESS_LOG, "P6M fra seneste-aktivitet", &r, &err), 0);
	assert_int_equal(
	    retention_rule_parse(RET_ACCESS_LOG, "P186D fra seneste-aktivitet", &r, &err), 0);
}

static void cutoffs(void **state)
{
	(void)state;
	long as_of = cal_ymd(2031, 3, 31);
	struct retention_rule r = {{0, 0, 1825}, TRIG_CASE_CLOSED, 0};
	assert_int_equal(retention_cutoff(&r, as_of), as_of - 1825);
	r = (struct retention_rule){{0, 0, 0}, TRIG_MEETING_CLOSED, 0};
	assert_int_equal(retention_cutoff(&r, as_of), as_of);
	/* one month back from 31 March is the last of February */
	r = (struct retention_rule){{0, 1, 0}, TRIG_LAST_ACTIVITY, 0};
	assert_int_equal(retention_cutoff(&r, as_of), cal_ymd(2031, 2, 28));
	/* turns 18: born on or before as_of - 18 years (- the duration) */
	r = (struct retention_rule){{0, 0, 0}, TRIG_TURNS_18, 0};
	assert_int_equal(retention_cutoff(&r, as_of), cal_ymd(2013, 3, 31));
	r = (struct retention_rule){{1, 0, 0}, TRIG_TURNS_25, 0};
	assert_int_equal(retention_cutoff(&r, as_of), cal_ymd(2005, 3, 31));
	assert_int_equal(retention_add(cal_ymd(2024, 2, 29), 1, 0, 0), cal_ymd(2025, 2, 28));
	assert_int_equal(retention_add(cal_ymd(2024, 1, 31), 0, 1, 1), cal_ymd(2024, 3, 1));
}

static void defaults_are_valid(void **state)
{
	(void)state;
	struct retention_policy p;
	retention_defaults(&p);
	for (int i = 0; i < RET__COUNT; i++) {
		assert_true(retention_trigger_allowed((enum retention_record)i, p.rule[i].trigger));
		char rule[64];
		retention_rule_format(&p.rule[i], rule, sizeof(rule));
		struct retention_rule back;
		char *err = NULL;
		if (retention_rule_parse((enum retention_record)i, rule, &back, &err) < 0)
			fail_msg("%s: %s", rule, err);
		enum retention_record rt;
		assert_int_equal(
		    retention_record_parse_id(retention_record_id((enum retention_record)i), &rt),
		    0);
		assert_int_equal(rt, i);
	}
	assert_true(retention_duration_at_least_months(&p.rule[RET_ACCESS_LOG].after, 6));
}

static void timer_arithmetic(void **state)
{
	(void)state;
	assert_int_equal(purge_seconds_until(3 * 60, 0, 3 * 60 + 30), 30 * 60);
	assert_int_equal(purge_seconds_until(3 * 60 + 30, 0, 3 * 60 + 30), 24 * 3600);
	assert_int_equal(purge_seconds_until(23 * 60 + 59, 59, 0), 1);
	assert_int_equal(purge_seconds_until(4 * 60, 0, 3 * 60 + 30), 23 * 3600 + 30 * 60);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(durations_parse),        cmocka_unit_test(bad_durations_refused),
	    cmocka_unit_test(rules_parse_and_refuse), cmocka_unit_test(cutoffs),
	    cmocka_unit_test(defaults_are_valid),     cmocka_unit_test(timer_arithmetic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
