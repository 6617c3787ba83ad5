/* The clock seam (util/wallclock.h): by default the real clock; pinned by
 * the data generator, it is what the service and the store write as the
 * time of a call (the access log's "at", created_at) and what svc_today
 * says. Against a real SQLite file. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/calendar.h"
#include "service/meeting.h"
#include "service/service.h"
#include "util/wallclock.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "wallclock", NULL);
}

static int teardown(void **state)
{
	(void)state;
	wallclock_pin(NULL);
	fixture_teardown(&fx);
	return 0;
}

/* The newest access-log entry's "at" and the user's created_at. */
static void stamps(const char *username, char at[64], char created[64])
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(at, 64, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(
	    sqlite3_prepare_v2(db, "SELECT created_at FROM user WHERE username = ?", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, username, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(created, 64, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void test_default_is_the_real_clock(void **state)
{
	(void)state;
	time_t before = time(NULL);
	time_t t = wallclock_time();
	struct timespec ts;
	wallclock_now(&ts);
	time_t after = time(NULL);
	assert_true(t >= before && t <= after);
	assert_true(ts.tv_sec >= before && ts.tv_sec <= after);

	fixture_add_user(&fx, "rigtig", "Rigtig Tid", ROLE_SSP, NULL, NULL);
	char at[64], created[64], year[16];
	stamps("rigtig", at, created);
	struct tm tm;
	gmtime_r(&after, &tm);
	snprintf(year, sizeof(year), "%04d-", tm.tm_year + 1900);
	assert_memory_equal(at, year, 5);
	assert_memory_equal(created, year, 5);
	long day = (long)(after / 86400);
	assert_true(svc_today() >= day - 1 && svc_today() <= day + 1);
}

static void test_pinned_clock_stamps_service_calls(void **state)
{
	(void)state;
	/* 2018-03-05T10:20:30.250Z */
	struct timespec at = {(time_t)cal_ymd(2018, 3, 5) * 86400 + 10 * 3600 + 20 * 60 + 30,
			      250000000};
	wallclock_pin(&at);
	assert_int_equal(wallclock_time(), at.tv_sec);
	assert_int_equal(svc_today(), cal_ymd(2018, 3, 5));

	fixture_add_user(&fx, "fortid", "Fortids Bruger", ROLE_SSP, NULL, NULL);
	char logged[64], created[64];
	stamps("fortid", logged, created);
	assert_string_equal(logged, "2018-03-05T10:20:30.250Z");
	assert_string_equal(created, "2018-03-05T10:20:30Z");

	/* unpinned: back to the real clock */
	wallclock_pin(NULL);
	time_t now = time(NULL);
	assert_true(wallclock_time() >= now - 1 && wallclock_time() <= now + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_default_is_the_real_clock, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pinned_clock_stamps_service_calls, setup,
					    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
