/* The school network through the service layer (service/school.h) on a
 * real SQLite file: institutions (add, edit, deactivate, never delete),
 * the læseplan's need-to-know rule per institution (own contact person
 * and SSP-team yes; another institution's contact person and admin no,
 * and the refusal logged), theme-day attendance, and the findings. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "service/audit.h"
#include "service/auth.h"
#include "service/meeting.h"
#include "service/school.h"
#include "store/store.h"
#include "store/user_store.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static const char *STRATEGY =
    "[kommune]\nnavn = K\npolitikreds = P\n"
    "[distrikt \"vest\"]\nnavn = Vest\n[distrikt \"oest\"]\nnavn = Øst\n"
    "[kategori \"k\"]\nnavn = K1\n"
    "[organ \"ssp-skolenetvaerk\"]\nnavn = SSP-skolenetværk\nniveau = udførende\n"
    "formål = f\nansvarlig = SSP-teamet\nfrekvens = mindst en gang om året\n"
    "navngivne-personer = nej\nugedag = torsdag\n"
    "[institution \"skole-a\"]\nnavn = Skole A\ntype = skole\ndistrikt = vest\n"
    "[institution \"skole-b\"]\nnavn = Skole B\ntype = skole\ndistrikt = oest\n"
    "[institution \"klub-a\"]\nnavn = Klub A\ntype = klub\ndistrikt = vest\n";

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "school", STRATEGY);
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

/* Adds a user and returns an actor for them (as a web session would). */
static struct actor user(const char *name, enum role role, const char *institution)
{
	fixture_add_user(&fx, name, name, role, NULL, institution);
	return fixture_actor(&fx, name);
}

static const struct laeseplan_input ITEM = {"8", "Rusmidler", "2024-10-01", ""};

static void institutions(void **state)
{
	(void)state;
	struct actor admin = user("ada", ROLE_ADMIN, NULL);
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct svc_result r = SVC_RESULT_INIT;

	struct institution_input in = {"ny-skole", "Ny Skole", "skole", "oest"};
	assert_int_equal(svc_institution_add(&fx.svc, &ssp, &in, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_institution_add(&fx.svc, &admin, &in, &r), 0);
	assert_int_equal(svc_institution_add(&fx.svc, &admin, &in, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	struct institution_input bad[] = {
	    {"Ny Skole", "N", "skole", "oest"}, /* id */
	    {"x", "  ", "skole", "oest"},       /* name */
	    {"x", "N", "gymnasium", "oest"},    /* kind */
	    {"x", "N", "skole", "nord"},        /* district */
	    {"x", "N\nM", "skole", "oest"},     /* one line */
	};
	const char *field[] = {"id", "name", "kind", "district", "name"};
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(svc_institution_add(&fx.svc, &admin, &bad[i], &r), -1);
		assert_int_equal(r.status, SVC_INVALID);
		assert_string_equal(r.field, field[i]);
		svc_result_clear(&r);
	}

	struct institution_input ed = {NULL, "Ny Klub", "klub", "vest"};
	assert_int_equal(svc_institution_edit(&fx.svc, &admin, "ny-skole", &ed, &r), 0);
	assert_int_equal(svc_institution_edit(&fx.svc, &admin, "findes-ikke", &ed, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	struct school_detail d;
	assert_int_equal(svc_school_get(&fx.svc, &ssp, "ny-skole", &d, &r), 0);
	assert_string_equal(d.inst.name, "Ny Klub");
	assert_int_equal(d.inst.kind, INST_CLUB);
	assert_true(d.may_edit);
	assert_false(d.may_admin);
	school_detail_release(&d);

	/* deactivated: kept, shown as such, out of the findings, plan frozen */
	assert_int_equal(svc_institution_set_active(&fx.svc, &admin, "ny-skole", false, &r), 0);
	assert_int_equal(svc_school_get(&fx.svc, &ssp, "ny-skole", &d, &r), 0);
	assert_false(d.inst.active);
	assert_false(d.may_edit);
	school_detail_release(&d);
	struct laeseplan_input club = {"klub", "Fester", "2024-10-01", NULL};
	assert_int_equal(svc_laeseplan_add(&fx.svc, &ssp, "ny-skole", &club, NULL, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	struct school_network n;
	assert_int_equal(svc_school_network(&fx.svc, &ssp, 2024, cal_ymd(2024, 10, 1), &n, &r), 0);
	assert_int_equal(n.inst.nr, 4); /* listed, */
	for (size_t i = 0; i < n.f.no_contact_nr; i++)
		assert_string_not_equal(n.f.no_contact[i]->id, "ny-skole"); /* not counted */
	assert_int_equal(n.f.clubs, 1);
	school_network_release(&n);
	/* ... and the id stays taken */
	assert_int_equal(svc_institution_add(&fx.svc, &admin, &in, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	assert_int_equal(svc_institution_set_active(&fx.svc, &admin, "ny-skole", true, &r), 0);
	assert_int_equal(fixture_count_log(&fx, "school.add", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "school.edit", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "school.deactivate", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "school.activate", "ok"), 1);
}

/* Re-loading the strategy (`ssp init`) leaves an institution alone once an
 * administrator has edited, deactivated, reactivated or added it, says
 * which, and still adds and updates the strategy's other institutions. */
static void reload_keeps_admin_edits(void **state)
{
	(void)state;
	struct actor admin = user("ada", ROLE_ADMIN, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	struct institution_input ed = {NULL, "Skole A (rettet)", "klub", "oest"};
	assert_int_equal(svc_institution_edit(&fx.svc, &admin, "skole-a", &ed, &r), 0);
	assert_int_equal(svc_institution_set_active(&fx.svc, &admin, "skole-b", false, &r), 0);
	struct institution_input in = {"ny-skole", "Ny Skole", "skole", "vest"};
	assert_int_equal(svc_institution_add(&fx.svc, &admin, &in, &r), 0);

	/* the strategy again, with klub-a renamed and ny-skole and skole-c in it */
	const char *edited =
	    "[kommune]\nnavn = K\npolitikreds = P\n"
	    "[distrikt \"vest\"]\nnavn = Vest\n[distrikt \"oest\"]\nnavn = Øst\n"
	    "[kategori \"k\"]\nnavn = K1\n"
	    "[organ \"ssp-skolenetvaerk\"]\nnavn = SSP-skolenetværk\n"
	    "niveau = udførende\nformål = f\nansvarlig = SSP-teamet\n"
	    "frekvens = mindst en gang om året\nnavngivne-personer = nej\n"
	    "ugedag = torsdag\n"
	    "[institution \"skole-a\"]\nnavn = Skole A\ntype = skole\ndistrikt = vest\n"
	    "[institution \"skole-b\"]\nnavn = Skole B\ntype = skole\ndistrikt = oest\n"
	    "[institution \"klub-a\"]\nnavn = Klub Alfa\ntype = klub\ndistrikt = vest\n"
	    "[institution \"ny-skole\"]\nnavn = Strategiens\ntype = klub\n"
	    "distrikt = oest\n"
	    "[institution \"skole-c\"]\nnavn = Skole C\ntype = skole\ndistrikt = oest\n";
	struct diags d;
	diags_init(&d, "t.ini");
	struct strlist kept = STRLIST_INIT;
	assert_int_equal(
	    svc_strategy_apply(&fx.svc, &fx.cli, edited, strlen(edited), &d, &kept, &r), 0);
	diags_release(&d);
	assert_int_equal(kept.nr, 3);
	assert_string_equal(kept.v[0], "skole-a");
	assert_string_equal(kept.v[1], "skole-b");
	assert_string_equal(kept.v[2], "ny-skole");
	strlist_clear(&kept);

	struct school_detail sd;
	assert_int_equal(svc_school_get(&fx.svc, &admin, "skole-a", &sd, &r), 0);
	assert_string_equal(sd.inst.name, "Skole A (rettet)"); /* the admin's edit */
	assert_int_equal(sd.inst.kind, INST_CLUB);
	assert_string_equal(sd.inst.district, "oest");
	school_detail_release(&sd);
	assert_int_equal(svc_school_get(&fx.svc, &admin, "skole-b", &sd, &r), 0);
	assert_false(sd.inst.active); /* still deactivated */
	school_detail_release(&sd);
	assert_int_equal(svc_school_get(&fx.svc, &admin, "ny-skole", &sd, &r), 0);
	assert_string_equal(sd.inst.name, "Ny Skole"); /* the admin added it */
	school_detail_release(&sd);
	assert_int_equal(svc_school_get(&fx.svc, &admin, "klub-a", &sd, &r), 0);
	assert_string_equal(sd.inst.name, "Klub Alfa"); /* untouched: the strategy's */
	school_detail_release(&sd);
	assert_int_equal(svc_school_get(&fx.svc, &admin, "skole-c", &sd, &r), 0);
	assert_string_equal(sd.inst.name, "Skole C"); /* new in the strategy */
	assert_true(sd.inst.active);
	school_detail_release(&sd);

	/* reactivated by the admin: still the admin's */
	assert_int_equal(svc_institution_set_active(&fx.svc, &admin, "skole-b", true, &r), 0);
	diags_init(&d, "t.ini");
	assert_int_equal(
	    svc_strategy_apply(&fx.svc, &fx.cli, STRATEGY, strlen(STRATEGY), &d, &kept, &r), 0);
	diags_release(&d);
	assert_int_equal(kept.nr, 2); /* skole-a, skole-b (ny-skole is not in STRATEGY) */
	strlist_clear(&kept);
	assert_int_equal(svc_school_get(&fx.svc, &admin, "klub-a", &sd, &r), 0);
	assert_string_equal(sd.inst.name, "Klub A");
	school_detail_release(&sd);
}

/* A change the store cannot make (a trigger refuses it, as a full disk
 * would): the call fails, nothing is stored, and the log has a "failed"
 * entry and no "ok" one; the next call works. */
static void failed_change_is_logged_failed(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TRIGGER no_item BEFORE INSERT ON laeseplan_item"
				      " BEGIN SELECT RAISE(ABORT, 'disken er fuld'); END",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	struct svc_result r = SVC_RESULT_INIT;
	long long id = 0;
	assert_int_equal(svc_laeseplan_add(&fx.svc, &ssp, "skole-a", &ITEM, &id, &r), -1);
	assert_int_equal(r.status, SVC_ERROR);
	assert_int_equal(id, 0);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.add", "failed"), 1);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.add", "ok"), 0);
	struct school_detail sd;
	assert_int_equal(svc_school_get(&fx.svc, &ssp, "skole-a", &sd, &r), 0);
	assert_int_equal(sd.items.nr, 0);
	school_detail_release(&sd);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER no_item", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(svc_laeseplan_add(&fx.svc, &ssp, "skole-a", &ITEM, &id, &r), 0);
	assert_true(id > 0);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.add", "ok"), 1);
}

static void laeseplan_need_to_know(void **state)
{
	(void)state;
	struct actor a_contact = user("anna", ROLE_CONTACT, "skole-a");
	struct actor b_contact = user("bo", ROLE_CONTACT, "skole-b");
	struct actor loose = user("lis", ROLE_CONTACT, NULL);
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor admin = user("ada", ROLE_ADMIN, NULL);
	struct actor police = user("per", ROLE_POLICE, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	long long id = 0;

	/* own institution: yes */
	assert_int_equal(svc_laeseplan_add(&fx.svc, &a_contact, "skole-a", &ITEM, &id, &r), 0);
	assert_true(id > 0);
	/* another institution's, or none: 403, logged */
	assert_int_equal(svc_laeseplan_add(&fx.svc, &b_contact, "skole-a", &ITEM, NULL, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_laeseplan_edit(&fx.svc, &b_contact, "skole-a", id, &ITEM, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_laeseplan_remove(&fx.svc, &loose, "skole-a", id, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	/* an item of skole-a reached through skole-b's address: not found */
	assert_int_equal(svc_laeseplan_edit(&fx.svc, &b_contact, "skole-b", id, &ITEM, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	/* roles without the action at all */
	assert_int_equal(svc_laeseplan_add(&fx.svc, &admin, "skole-a", &ITEM, NULL, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_laeseplan_add(&fx.svc, &police, "skole-a", &ITEM, NULL, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	/* every refusal is logged under the change's name, the need-to-know
	 * ones and admin's and police's at the role check alike; the item
	 * that was not found is a failed call */
	assert_int_equal(fixture_count_log(&fx, "laeseplan.add", "refused"), 1 + 2);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.edit", "refused"), 1);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.remove", "refused"), 1);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.edit", "failed"), 1);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.add", "ok"), 1);

	/* the SSP-team: every institution */
	struct laeseplan_input ed = {"9", "Digital dannelse", "2024-11-05", "2024-11-05"};
	assert_int_equal(svc_laeseplan_edit(&fx.svc, &ssp, "skole-a", id, &ed, &r), 0);
	struct school_detail d;
	assert_int_equal(svc_school_get(&fx.svc, &b_contact, "skole-a", &d, &r), 0);
	assert_false(d.may_edit); /* others read */
	assert_int_equal(d.items.nr, 1);
	assert_string_equal(d.items.v[0].grade, "9");
	assert_string_equal(d.items.v[0].theme, "Digital dannelse");
	assert_true(d.items.v[0].held == cal_ymd(2024, 11, 5));
	assert_string_equal(d.items.v[0].updated_by, "sara");
	assert_int_equal(d.contacts.nr, 1);
	assert_string_equal(d.contacts.v[0].username, "anna");
	school_detail_release(&d);
	assert_int_equal(svc_school_get(&fx.svc, &a_contact, "skole-a", &d, &r), 0);
	assert_true(d.may_edit);
	school_detail_release(&d);

	/* bad input, by field */
	struct laeseplan_input bad[] = {
	    {"3", "T", "2024-10-01", NULL},         /* grade below 4 */
	    {"klub", "T", "2024-10-01", NULL},      /* a school has no "klub" */
	    {"08", "T", "2024-10-01", NULL},        /* not a plain number */
	    {"8", " ", "2024-10-01", NULL},         /* theme */
	    {"8", "T", "1. oktober", NULL},         /* planned */
	    {"8", "T", "", NULL},                   /* planned is required */
	    {"8", "T", "2024-10-01", "2999-01-01"}, /* held in the future */
	};
	const char *field[] = {"grade", "grade", "grade", "theme", "planned", "planned", "held"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(svc_laeseplan_add(&fx.svc, &ssp, "skole-b", &bad[i], NULL, &r),
				 -1);
		assert_int_equal(r.status, SVC_INVALID);
		assert_string_equal(r.field, field[i]);
		svc_result_clear(&r);
	}
	struct laeseplan_input club = {"klub", "Sommerfester", "2024-06-01", NULL};
	assert_int_equal(svc_laeseplan_add(&fx.svc, &ssp, "klub-a", &club, NULL, &r), 0);
	assert_int_equal(svc_laeseplan_add(&fx.svc, &ssp, "findes-ikke", &club, NULL, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);

	assert_int_equal(svc_laeseplan_remove(&fx.svc, &a_contact, "skole-a", id, &r), 0);
	assert_int_equal(svc_laeseplan_remove(&fx.svc, &a_contact, "skole-a", id, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.add", "ok"), 2);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.edit", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "laeseplan.remove", "ok"), 1);
}

static void theme_day(void **state)
{
	(void)state;
	struct actor anna = user("anna", ROLE_CONTACT, "skole-a");
	struct actor bo = user("bo", ROLE_CONTACT, "skole-b");
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor steer = user("sten", ROLE_STEERING, NULL);
	struct svc_result r = SVC_RESULT_INIT;

	/* nothing stored for 2024: the computed plan's theme day */
	struct school_network n;
	assert_int_equal(svc_school_network(&fx.svc, &anna, 2024, cal_ymd(2024, 1, 2), &n, &r), 0);
	assert_true(n.from_plan);
	assert_int_equal(n.days.nr, 1);
	assert_int_equal(n.f.theme_day, THEME_DAY_UPCOMING);
	school_network_release(&n);

	struct meeting m;
	assert_int_equal(svc_meeting_add(&fx.svc, &fx.cli, "ssp-skolenetvaerk", NULL,
					 cal_ymd(2024, 9, 12), 9 * 60, 0, NULL, &m, &r),
			 0);
	long long present[] = {anna.user_id};
	assert_int_equal(svc_theme_day_record(&fx.svc, &anna, m.id, present, 1, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	long long stranger[] = {ssp.user_id};
	assert_int_equal(svc_theme_day_record(&fx.svc, &ssp, m.id, stranger, 1, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	assert_int_equal(svc_theme_day_record(&fx.svc, &ssp, m.id + 100, present, 1, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	assert_int_equal(svc_theme_day_record(&fx.svc, &ssp, m.id, present, 1, &r), 0);
	assert_int_equal(fixture_count_log(&fx, "themeday.attendance", "ok"), 1);

	/* before the day nobody has missed it; after, Bo has */
	assert_int_equal(
	    svc_network_compliance(&fx.svc, &steer, 2024, cal_ymd(2024, 9, 12), &n, &r), 0);
	assert_int_equal(n.f.theme_day, THEME_DAY_UPCOMING);
	assert_int_equal(n.f.missed_nr, 0);
	school_network_release(&n);
	assert_int_equal(
	    svc_network_compliance(&fx.svc, &steer, 2024, cal_ymd(2024, 12, 31), &n, &r), 0);
	assert_false(n.from_plan);
	assert_int_equal(n.f.theme_day, THEME_DAY_PASSED);
	assert_int_equal(n.f.attended, 1);
	assert_int_equal(n.f.missed_nr, 1);
	assert_string_equal(n.f.missed[0]->username, "bo");
	assert_true(school_network_attended(&n, anna.user_id));
	assert_false(school_network_attended(&n, bo.user_id));
	/* a club without contact person; no læseplan items anywhere */
	assert_int_equal(n.f.no_contact_nr, 1);
	assert_string_equal(n.f.no_contact[0]->id, "klub-a");
	assert_int_equal(n.f.no_laeseplan_nr, 2);
	school_network_release(&n);
	/* the compliance view is the steering group's, not a contact person's */
	assert_int_equal(
	    svc_network_compliance(&fx.svc, &anna, 2024, cal_ymd(2024, 12, 31), &n, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);

	/* recording again replaces the year's answer for that meeting */
	long long both[] = {anna.user_id, bo.user_id};
	assert_int_equal(svc_theme_day_record(&fx.svc, &ssp, m.id, both, 2, &r), 0);
	assert_int_equal(
	    svc_network_compliance(&fx.svc, &fx.cli, 2024, cal_ymd(2024, 12, 31), &n, &r), 0);
	assert_int_equal(n.f.missed_nr, 0);
	school_network_release(&n);

	/* a cancelled theme day takes no attendance; a future one neither */
	assert_int_equal(svc_meeting_set_status(&fx.svc, &fx.cli, m.id, MEETING_CANCELLED, &r), 0);
	assert_int_equal(svc_theme_day_record(&fx.svc, &ssp, m.id, both, 2, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	struct meeting later;
	assert_int_equal(svc_meeting_add(&fx.svc, &fx.cli, "ssp-skolenetvaerk", NULL,
					 cal_ymd(2099, 9, 10), 9 * 60, 0, NULL, &later, &r),
			 0);
	assert_int_equal(svc_theme_day_record(&fx.svc, &ssp, later.id, both, 2, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	meeting_release(&m);
	meeting_release(&later);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(institutions, setup, teardown),
	    cmocka_unit_test_setup_teardown(reload_keeps_admin_edits, setup, teardown),
	    cmocka_unit_test_setup_teardown(laeseplan_need_to_know, setup, teardown),
	    cmocka_unit_test_setup_teardown(failed_change_is_logged_failed, setup, teardown),
	    cmocka_unit_test_setup_teardown(theme_day, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
