/* The access log's prune (store_audit_prune through audit_prune, issue 12)
 * in rounds of `limit` entries: each round takes the oldest entries up to
 * the newest one older than the cut-off day, at most limit of them, never
 * the newest entry of all; a round past the last old entry takes nothing.
 * The windowed look-up (issue 10: a round no longer reads the whole log)
 * must give the same answer, also when an old entry comes after a newer
 * one (entries of two processes). The log verifies afterwards. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/calendar.h"
#include "service/audit.h"
#include "service/service.h"
#include "util/wallclock.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	return fixture_dir(&fx, "prune") < 0 || fixture_open(&fx) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	wallclock_pin(NULL);
	fixture_teardown(&fx);
	return 0;
}

/* n entries on day (2020-01-DD), each logged outside a transaction */
static void entries_on(int dd, int n)
{
	struct timespec at = {(time_t)cal_ymd(2020, 1, dd) * 86400 + 3600, 0};
	wallclock_pin(&at);
	for (int i = 0; i < n; i++) {
		struct audit_entry e = {"test.read", NULL, NULL, NULL, "ok"};
		assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &e), 0);
	}
}

static long long prune(const char *before, int limit, long long *upto)
{
	long long pruned = 0;
	char *err = NULL;
	assert_int_equal(
	    audit_prune(&fx.svc, before, "2020-02-01T00:00:00Z", limit, &pruned, upto, &err), 0);
	return pruned;
}

static void verify(void)
{
	long long first_bad = -1, entries = 0;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_audit_verify(&fx.svc, &fx.cli, &first_bad, &entries, &r), 0);
	assert_int_equal(first_bad, 0);
}

static void rounds_of_limit(void **state)
{
	(void)state;
	entries_on(1, 7); /* seq 1-7: old */
	entries_on(5, 3); /* seq 8-10: on the cut-off day, kept */
	long long upto = 0;
	assert_int_equal(prune("2020-01-05", 3, &upto), 3); /* the cap */
	assert_int_equal(upto, 3);
	assert_int_equal(prune("2020-01-05", 3, &upto), 3);
	assert_int_equal(upto, 6);
	assert_int_equal(prune("2020-01-05", 3, &upto), 1); /* the last old one */
	assert_int_equal(upto, 7);
	assert_int_equal(prune("2020-01-05", 3, &upto), 0);
	assert_int_equal(upto, 0);
	verify();
}

static void never_the_newest(void **state)
{
	(void)state;
	entries_on(1, 4); /* every entry old */
	long long upto = 0;
	assert_int_equal(prune("2020-01-05", 10, &upto), 3);
	assert_int_equal(upto, 3);
	assert_int_equal(prune("2020-01-05", 10, &upto), 0);
	verify();
}

/* An old entry after a newer one: everything up to it goes, as before. */
static void old_after_new(void **state)
{
	(void)state;
	entries_on(1, 2); /* 1-2 old */
	entries_on(9, 2); /* 3-4 new */
	entries_on(2, 1); /* 5 old, after new ones */
	entries_on(9, 2); /* 6-7 new */
	long long upto = 0;
	/* the window 1-4 holds new entries at its end, but 5 is old */
	assert_int_equal(prune("2020-01-05", 4, &upto), 4);
	assert_int_equal(upto, 4);
	assert_int_equal(prune("2020-01-05", 4, &upto), 1);
	assert_int_equal(upto, 5);
	assert_int_equal(prune("2020-01-05", 4, &upto), 0);
	verify();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(rounds_of_limit, setup, teardown),
	    cmocka_unit_test_setup_teardown(never_the_newest, setup, teardown),
	    cmocka_unit_test_setup_teardown(old_after_new, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
