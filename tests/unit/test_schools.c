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
#include "test.h"

static char dir[64], path[128];
static struct config cfg;
static struct service svc;
static struct actor cli;

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
	snprintf(dir, sizeof(dir), "/tmp/ssp-school-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/t.db", dir);
	config_defaults(&cfg);
	cfg.fast_password_hashing = true;
	memset(&svc, 0, sizeof(svc));
	svc.cfg = &cfg;
	char *err = NULL;
	if (store_open(path, STORE_OPEN_CREATE, &svc.store, &err) < 0 ||
	    service_load_key(&svc, path, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	struct diags d;
	diags_init(&d, "t");
	int rc = service_strategy_apply(&svc, STRATEGY, strlen(STRATEGY), &d, &err);
	diags_release(&d);
	actor_cli(&cli);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	store_close(svc.store);
	char p[200];
	const char *sfx[] = {"", "-wal", "-shm", ".key"};
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof(p), "%s%s", path, sfx[i]);
		unlink(p);
	}
	rmdir(dir);
	return 0;
}

/* Adds a user and returns an actor for them (as a web session would). */
static struct actor user(const char *name, enum role role, const char *institution)
{
	struct user_new u = {name, name, role, NULL, institution};
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_user_add(&svc, &cli, &u, "rigtig-adgangskode", &r) < 0)
		fail_msg("user add: %s", r.message);
	struct user_row row;
	char *err = NULL;
	assert_int_equal(store_user_by_name(svc.store, name, &row, &err), 0);
	struct actor a;
	memset(&a, 0, sizeof(a));
	a.user_id = row.info.id;
	snprintf(a.username, sizeof(a.username), "%s", name);
	a.role = role;
	snprintf(a.client, sizeof(a.client), "127.0.0.1");
	user_row_release(&row);
	return a;
}

static int count_log(const char *action, const char *outcome)
{
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT count(*) FROM audit_log WHERE action = ? AND outcome = ?",
			   -1, &st, NULL);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, outcome, -1, SQLITE_STATIC);
	sqlite3_step(st);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static const struct laeseplan_input ITEM = {"8", "Rusmidler", "2024-10-01", ""};

static void institutions(void **state)
{
	(void)state;
	struct actor admin = user("ada", ROLE_ADMIN, NULL);
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct svc_result r = SVC_RESULT_INIT;

	struct institution_input in = {"ny-skole", "Ny Skole", "skole", "oest"};
	assert_int_equal(svc_institution_add(&svc, &ssp, &in, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_institution_add(&svc, &admin, &in, &r), 0);
	assert_int_equal(svc_institution_add(&svc, &admin, &in, &r), -1);
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
		assert_int_equal(svc_institution_add(&svc, &admin, &bad[i], &r), -1);
		assert_int_equal(r.status, SVC_INVALID);
		assert_string_equal(r.field, field[i]);
		svc_result_clear(&r);
	}

	struct institution_input ed = {NULL, "Ny Klub", "klub", "vest"};
	assert_int_equal(svc_institution_edit(&svc, &admin, "ny-skole", &ed, &r), 0);
	assert_int_equal(svc_institution_edit(&svc, &admin, "findes-ikke", &ed, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	struct school_detail d;
	assert_int_equal(svc_school_get(&svc, &ssp, "ny-skole", &d, &r), 0);
	assert_string_equal(d.inst.name, "Ny Klub");
	assert_int_equal(d.inst.kind, INST_CLUB);
	assert_true(d.may_edit);
	assert_false(d.may_admin);
	school_detail_release(&d);

	/* deactivated: kept, shown as such, out of the findings, plan frozen */
	assert_int_equal(svc_institution_set_active(&svc, &admin, "ny-skole", false, &r), 0);
	assert_int_equal(svc_school_get(&svc, &ssp, "ny-skole", &d, &r), 0);
	assert_false(d.inst.active);
	assert_false(d.may_edit);
	school_detail_release(&d);
	struct laeseplan_input club = {"klub", "Fester", "2024-10-01", NULL};
	assert_int_equal(svc_laeseplan_add(&svc, &ssp, "ny-skole", &club, NULL, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	struct school_network n;
	assert_int_equal(svc_school_network(&svc, &ssp, 2024, cal_ymd(2024, 10, 1), &n, &r), 0);
	assert_int_equal(n.inst.nr, 4); /* listed, */
	for (size_t i = 0; i < n.f.no_contact_nr; i++)
		assert_string_not_equal(n.f.no_contact[i]->id, "ny-skole"); /* not counted */
	assert_int_equal(n.f.clubs, 1);
	school_network_release(&n);
	/* ... and the id stays taken */
	assert_int_equal(svc_institution_add(&svc, &admin, &in, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	assert_int_equal(svc_institution_set_active(&svc, &admin, "ny-skole", true, &r), 0);
	assert_int_equal(count_log("school.add", "ok"), 1);
	assert_int_equal(count_log("school.edit", "ok"), 1);
	assert_int_equal(count_log("school.deactivate", "ok"), 1);
	assert_int_equal(count_log("school.activate", "ok"), 1);
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
	assert_int_equal(svc_laeseplan_add(&svc, &a_contact, "skole-a", &ITEM, &id, &r), 0);
	assert_true(id > 0);
	/* another institution's, or none: 403, logged */
	assert_int_equal(svc_laeseplan_add(&svc, &b_contact, "skole-a", &ITEM, NULL, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_laeseplan_edit(&svc, &b_contact, "skole-a", id, &ITEM, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_laeseplan_remove(&svc, &loose, "skole-a", id, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	/* an item of skole-a reached through skole-b's address: not found */
	assert_int_equal(svc_laeseplan_edit(&svc, &b_contact, "skole-b", id, &ITEM, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	/* roles without the action at all */
	assert_int_equal(svc_laeseplan_add(&svc, &admin, "skole-a", &ITEM, NULL, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_laeseplan_add(&svc, &police, "skole-a", &ITEM, NULL, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	/* every refusal is logged: the need-to-know ones under the change's
	 * name, admin's and police's at the role check as "laeseplan.edit" */
	assert_string_equal(action_id(ACT_LAESEPLAN_EDIT), "laeseplan.edit");
	assert_int_equal(count_log("laeseplan.add", "denied"), 1);
	assert_int_equal(count_log("laeseplan.edit", "denied"), 1 + 2);
	assert_int_equal(count_log("laeseplan.remove", "denied"), 1);

	/* the SSP-team: every institution */
	struct laeseplan_input ed = {"9", "Digital dannelse", "2024-11-05", "2024-11-05"};
	assert_int_equal(svc_laeseplan_edit(&svc, &ssp, "skole-a", id, &ed, &r), 0);
	struct school_detail d;
	assert_int_equal(svc_school_get(&svc, &b_contact, "skole-a", &d, &r), 0);
	assert_false(d.may_edit); /* others read */
	assert_int_equal(d.items.nr, 1);
	assert_string_equal(d.items.v[0].grade, "9");
	assert_string_equal(d.items.v[0].theme, "Digital dannelse");
	assert_true(d.items.v[0].held == cal_ymd(2024, 11, 5));
	assert_string_equal(d.items.v[0].updated_by, "sara");
	assert_int_equal(d.contacts.nr, 1);
	assert_string_equal(d.contacts.v[0].username, "anna");
	school_detail_release(&d);
	assert_int_equal(svc_school_get(&svc, &a_contact, "skole-a", &d, &r), 0);
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
		assert_int_equal(svc_laeseplan_add(&svc, &ssp, "skole-b", &bad[i], NULL, &r), -1);
		assert_int_equal(r.status, SVC_INVALID);
		assert_string_equal(r.field, field[i]);
		svc_result_clear(&r);
	}
	struct laeseplan_input club = {"klub", "Sommerfester", "2024-06-01", NULL};
	assert_int_equal(svc_laeseplan_add(&svc, &ssp, "klub-a", &club, NULL, &r), 0);
	assert_int_equal(svc_laeseplan_add(&svc, &ssp, "findes-ikke", &club, NULL, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);

	assert_int_equal(svc_laeseplan_remove(&svc, &a_contact, "skole-a", id, &r), 0);
	assert_int_equal(svc_laeseplan_remove(&svc, &a_contact, "skole-a", id, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	assert_int_equal(count_log("laeseplan.add", "ok"), 2);
	assert_int_equal(count_log("laeseplan.edit", "ok"), 1);
	assert_int_equal(count_log("laeseplan.remove", "ok"), 1);
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
	assert_int_equal(svc_school_network(&svc, &anna, 2024, cal_ymd(2024, 1, 2), &n, &r), 0);
	assert_true(n.from_plan);
	assert_int_equal(n.days.nr, 1);
	assert_int_equal(n.f.theme_day, THEME_DAY_UPCOMING);
	school_network_release(&n);

	struct meeting m;
	assert_int_equal(svc_meeting_add(&svc, &cli, "ssp-skolenetvaerk", NULL,
					 cal_ymd(2024, 9, 12), 9 * 60, 0, NULL, &m, &r),
			 0);
	long long present[] = {anna.user_id};
	assert_int_equal(svc_theme_day_record(&svc, &anna, m.id, present, 1, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	long long stranger[] = {ssp.user_id};
	assert_int_equal(svc_theme_day_record(&svc, &ssp, m.id, stranger, 1, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	assert_int_equal(svc_theme_day_record(&svc, &ssp, m.id + 100, present, 1, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	assert_int_equal(svc_theme_day_record(&svc, &ssp, m.id, present, 1, &r), 0);
	assert_int_equal(count_log("themeday.attendance", "ok"), 1);

	/* before the day nobody has missed it; after, Bo has */
	assert_int_equal(svc_network_compliance(&svc, &steer, 2024, cal_ymd(2024, 9, 12), &n, &r),
			 0);
	assert_int_equal(n.f.theme_day, THEME_DAY_UPCOMING);
	assert_int_equal(n.f.missed_nr, 0);
	school_network_release(&n);
	assert_int_equal(svc_network_compliance(&svc, &steer, 2024, cal_ymd(2024, 12, 31), &n, &r),
			 0);
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
	assert_int_equal(svc_network_compliance(&svc, &anna, 2024, cal_ymd(2024, 12, 31), &n, &r),
			 -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);

	/* recording again replaces the year's answer for that meeting */
	long long both[] = {anna.user_id, bo.user_id};
	assert_int_equal(svc_theme_day_record(&svc, &ssp, m.id, both, 2, &r), 0);
	assert_int_equal(svc_network_compliance(&svc, &cli, 2024, cal_ymd(2024, 12, 31), &n, &r),
			 0);
	assert_int_equal(n.f.missed_nr, 0);
	school_network_release(&n);

	/* a cancelled theme day takes no attendance; a future one neither */
	assert_int_equal(svc_meeting_set_status(&svc, &cli, m.id, MEETING_CANCELLED, &r), 0);
	assert_int_equal(svc_theme_day_record(&svc, &ssp, m.id, both, 2, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	struct meeting later;
	assert_int_equal(svc_meeting_add(&svc, &cli, "ssp-skolenetvaerk", NULL,
					 cal_ymd(2099, 9, 10), 9 * 60, 0, NULL, &later, &r),
			 0);
	assert_int_equal(svc_theme_day_record(&svc, &ssp, later.id, both, 2, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	meeting_release(&m);
	meeting_release(&later);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(institutions, setup, teardown),
	    cmocka_unit_test_setup_teardown(laeseplan_need_to_know, setup, teardown),
	    cmocka_unit_test_setup_teardown(theme_day, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
