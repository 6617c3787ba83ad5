/* The purge through the service layer (service/retention.h) on a real
 * SQLite file: who may purge (a refusal is logged, an administrator and
 * the local operator may), the dry run changes nothing, and the strategy's
 * [sletning] rules reach the store and come back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "service/retention.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static const char *STRATEGY =
    "[kommune]\nnavn = K\npolitikreds = P\n"
    "[kategori \"k\"]\nnavn = K1\n"
    "[organ \"o\"]\nnavn = O\nniveau = strategisk\n"
    "formål = f\nansvarlig = a\nfrekvens = mindst 4 om året\nnavngivne-personer = nej\n"
    "[sletning]\nbekymring = P2Y fra fylder-18\nadgangslog = P6M fra seneste-aktivitet\n";

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "purge", STRATEGY);
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

static void only_admin_purges(void **state)
{
	(void)state;
	fixture_add_user(&fx, "sofie", "Sofie", ROLE_SSP, "ssp", NULL);
	fixture_add_user(&fx, "ada", "Ada", ROLE_ADMIN, NULL, NULL);
	struct actor ssp = fixture_actor(&fx, "sofie"), admin = fixture_actor(&fx, "ada");
	struct purge_options o = {CAL_NO_DAY, false, 0};
	struct purge_result res;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_purge(&fx.svc, &ssp, &o, &res, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "retention.purge", "refused"), 1);
	assert_int_equal(svc_purge(&fx.svc, &admin, &o, &res, &r), 0);
	assert_int_equal(fixture_count_log(&fx, "retention.purge", "ok"), 1);
	assert_int_equal(svc_purge(&fx.svc, &fx.cli, &o, &res, &r), 0);
	assert_int_equal(fixture_count_log(&fx, "retention.purge", "ok"), 2);
	svc_result_clear(&r);
}

static void dry_run_changes_nothing(void **state)
{
	(void)state;
	struct purge_options o = {cal_ymd(2100, 1, 1), true, 0};
	struct purge_result res;
	struct svc_result r = SVC_RESULT_INIT;
	fixture_add_user(&fx, "ada", "Ada", ROLE_ADMIN, NULL, NULL);
	int before = fixture_count_log(&fx, NULL, NULL);
	assert_int_equal(svc_purge(&fx.svc, &fx.cli, &o, &res, &r), 0);
	assert_true(res.deleted[RET_ACCESS_LOG] >= 1);
	/* nothing pruned: the dry run's own entry is the only new one */
	assert_int_equal(fixture_count_log(&fx, NULL, NULL), before + 1);
	assert_int_equal(fixture_count_log(&fx, "retention.purge", "ok"), 1);
	svc_result_clear(&r);
}

static void rules_round_trip(void **state)
{
	(void)state;
	struct org o;
	org_init(&o);
	char *err = NULL;
	assert_int_equal(service_org_get(&fx.svc, &o, &err), 0);
	assert_int_equal(o.retention.rule[RET_CONCERN].trigger, TRIG_TURNS_18);
	assert_int_equal(o.retention.rule[RET_CONCERN].after.years, 2);
	assert_int_equal(o.retention.rule[RET_ACCESS_LOG].after.months, 6);
	/* silent: the built-in rule */
	assert_int_equal(o.retention.rule[RET_HANDOVER].trigger, TRIG_MEETING_CLOSED);
	org_release(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(only_admin_purges, setup, teardown),
	    cmocka_unit_test_setup_teardown(dry_run_changes_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(rules_round_trip, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
