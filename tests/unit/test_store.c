#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "service/service.h"
#include "store/store.h"
#include "strategy/parse.h"
#include "fixture.h"
#include "test.h"

#define STRATEGY(extra_body)                                                                       \
	"[kommune]\nnavn = K\npolitikreds = P\n"                                                   \
	"[distrikt \"a\"]\nnavn = A\n[kategori \"k\"]\nnavn = K1\n"                                \
	"[organ \"x\"]\nnavn = X\nniveau = politisk\nformål = f\nansvarlig = r\n"                 \
	"frekvens = mindst 3 om året\nnavngivne-personer = nej\nmedlem = m1\n"                    \
	"medlem = m2\n" extra_body

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	return fixture_dir(&fx, "store");
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

static int apply(const char *text)
{
	struct store *s;
	char *err = NULL;
	assert_int_equal(store_open(fx.path, STORE_OPEN_CREATE, &s, &err), 0);
	struct service svc = {.store = s};
	struct actor a;
	actor_cli(&a);
	struct diags d;
	diags_init(&d, "t.ini");
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_strategy_apply(&svc, &a, text, strlen(text), &d, NULL, &r);
	svc_result_clear(&r);
	diags_release(&d);
	store_close(s);
	return rc;
}

static void load(struct org *o)
{
	struct store *s;
	char *err = NULL;
	assert_int_equal(store_open(fx.path, STORE_OPEN_EXISTING, &s, &err), 0);
	org_init(o);
	assert_int_equal(store_org_load(s, o, &err), 0);
	store_close(s);
}

static void round_trip(void **state)
{
	(void)state;
	assert_int_equal(apply(STRATEGY("")), 0);
	struct org o;
	load(&o);
	assert_string_equal(o.municipality, "K");
	assert_int_equal(o.bodies_nr, 1);
	assert_string_equal(o.bodies[0].frequency_text, "mindst 3 om året");
	assert_int_equal(o.bodies[0].freq.min_per_year, 3);
	assert_int_equal(o.bodies[0].members.nr, 2);
	assert_string_equal(o.bodies[0].members.v[1], "m2");
	assert_null(o.bodies[0].named_reason);
	org_release(&o);

	/* the strategy's reason for "nej" is kept (migration 6) */
	assert_int_equal(apply(STRATEGY("navngivne-personer-grund = Kun tendenser.\n")), 0);
	load(&o);
	assert_string_equal(o.bodies[0].named_reason, "Kun tendenser.");
	org_release(&o);
}

/* Re-loading an edited strategy updates the organisation; a body that is
 * gone is kept inactive, not deleted; rows outside the organisation stay. */
static void reload_keeps_other_data(void **state)
{
	(void)state;
	assert_int_equal(apply(STRATEGY("[organ \"y\"]\nnavn = Y\nniveau = strategisk\n"
					"formål = f\nansvarlig = r\nfrekvens = ad hoc\n"
					"navngivne-personer = ja\n")),
			 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "INSERT INTO institution (id, name, kind, district_id)"
				      " VALUES ('manuel', 'Manuel skole', 'skole', 'a')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);

	assert_int_equal(apply(STRATEGY("")), 0);
	struct org o;
	load(&o);
	assert_int_equal(o.bodies_nr, 1);
	assert_int_equal(o.institutions_nr, 1);
	assert_string_equal(o.institutions[0].id, "manuel");
	org_release(&o);

	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT active FROM body WHERE id = 'y'", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Issue 11: tidligere-id carries a body's meetings over a rename; a
 * reload that would orphan recorded meetings is refused and names them. */
static void renames_and_orphans(void **state)
{
	(void)state;
	assert_int_equal(apply(STRATEGY("")), 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db,
			 "INSERT INTO meeting (uid, body_id, district_id, year, start_at,"
			 " end_at, status, updated_at) VALUES ('x-a-2027-01@t', 'x', 'a',"
			 " 2027, '2027-01-05T09:00:00+01:00', '2027-01-05T10:00:00+01:00',"
			 " 'held', '2027-01-05T10:00:00Z')",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);

	/* x renamed to y, district a to b: the meeting follows both */
	static const char renamed[] =
	    "[kommune]\nnavn = K\npolitikreds = P\n"
	    "[distrikt \"b\"]\nnavn = B\ntidligere-id = a\n[kategori \"k\"]\nnavn = K1\n"
	    "[organ \"y\"]\nnavn = Y\nniveau = politisk\nformål = f\nansvarlig = r\n"
	    "frekvens = mindst 3 om året\nnavngivne-personer = nej\ntidligere-id = x\n";
	assert_int_equal(apply(renamed), 0);
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT body_id, district_id, uid FROM meeting", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "y");
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "b");
	assert_string_equal((const char *)sqlite3_column_text(st, 2), "y-b-2027-01@t");
	sqlite3_finalize(st);
	sqlite3_close(db);

	/* dropping y without a successor would orphan its held meeting */
	static const char dropped[] =
	    "[kommune]\nnavn = K\npolitikreds = P\n"
	    "[distrikt \"b\"]\nnavn = B\n[kategori \"k\"]\nnavn = K1\n"
	    "[organ \"z\"]\nnavn = Z\nniveau = politisk\nformål = f\nansvarlig = r\n"
	    "frekvens = ad hoc\nnavngivne-personer = nej\n";
	struct store *s;
	char *err = NULL;
	assert_int_equal(store_open(fx.path, STORE_OPEN_EXISTING, &s, &err), 0);
	struct service svc = {.store = s};
	struct actor a;
	actor_cli(&a);
	struct diags d;
	diags_init(&d, "t.ini");
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_strategy_apply(&svc, &a, dropped, strlen(dropped), &d, NULL, &r), -1);
	assert_non_null(r.message);
	assert_non_null(strstr(r.message, "»y« (1)"));
	assert_non_null(strstr(r.message, "tidligere-id"));
	svc_result_clear(&r);
	diags_release(&d);
	store_close(s);
	struct org o;
	load(&o); /* nothing changed */
	assert_int_equal(o.bodies_nr, 1);
	assert_string_equal(o.bodies[0].id, "y");
	org_release(&o);
}

/* Issue 11: an institution's tidligere-id carries its per-institution
 * meetings (and their UIDs), users, people, referrals and læseplan over
 * the rename; the former row stays, inactive. */
static void institution_rename(void **state)
{
	(void)state;
	assert_int_equal(apply(STRATEGY("[institution \"s1\"]\nnavn = S1\ntype = skole\n"
					"distrikt = a\n")),
			 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db,
			 "INSERT INTO meeting (uid, body_id, district_id, institution_id, year,"
			 " start_at, end_at, status, updated_at) VALUES ('x-s1-2027-01@t', 'x',"
			 " 'a', 's1', 2027, '2027-01-05T09:00:00+01:00',"
			 " '2027-01-05T10:00:00+01:00', 'held', '2027-01-05T10:00:00Z');"
			 "INSERT INTO user (username, name, role, password_hash, institution_id,"
			 " created_at) VALUES ('u', 'U', 'school', 'h', 's1', 't');"
			 "INSERT INTO person (id, birth_date, institution_id, created_at,"
			 " created_by) VALUES (1, '2012-01-01', 's1', 't', 'u');"
			 "INSERT INTO referral (person_id, institution_id, legal_basis,"
			 " created_at, created_by) VALUES (1, 's1', 'ssp', 't', 'u');"
			 "INSERT INTO laeseplan_item (institution_id, grade, theme, updated_at,"
			 " updated_by) VALUES ('s1', '7', 'Alkohol', 't', 'u');",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);

	assert_int_equal(apply(STRATEGY("[institution \"s2\"]\nnavn = S2\ntype = skole\n"
					"distrikt = a\ntidligere-id = s1\n")),
			 0);
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db,
			   "SELECT (SELECT uid || ' ' || institution_id FROM meeting),"
			   " (SELECT institution_id FROM user WHERE username = 'u'),"
			   " (SELECT institution_id FROM person),"
			   " (SELECT institution_id FROM referral),"
			   " (SELECT institution_id FROM laeseplan_item),"
			   " (SELECT group_concat(id || active, ',') FROM"
			   " (SELECT id, active FROM institution ORDER BY id))",
			   -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "x-s2-2027-01@t s2");
	for (int i = 1; i <= 4; i++)
		assert_string_equal((const char *)sqlite3_column_text(st, i), "s2");
	assert_string_equal((const char *)sqlite3_column_text(st, 5), "s10,s21");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* A strategy with errors changes nothing. */
static void bad_strategy_changes_nothing(void **state)
{
	(void)state;
	assert_int_equal(apply(STRATEGY("")), 0);
	assert_int_equal(apply("[kommune]\nnavn = Andet\npolitikreds = P\n[organ \"x\"]\n"), -1);
	struct org o;
	load(&o);
	assert_string_equal(o.municipality, "K");
	assert_int_equal(o.bodies_nr, 1);
	org_release(&o);
}

static void open_errors(void **state)
{
	(void)state;
	struct store *s;
	char *err = NULL;
	assert_int_equal(store_open(fx.path, STORE_OPEN_EXISTING, &s, &err), -1);
	assert_non_null(strstr(err, "findes ikke"));
	free(err);

	assert_int_equal(store_open(fx.dir, STORE_OPEN_EXISTING, &s, &err), -1);
	assert_non_null(strstr(err, "mappe"));
	free(err);

	FILE *f = fopen(fx.path, "w");
	fputs("dette er ikke en database, men en tekstfil med nok tekst til at fylde en side\n", f);
	fclose(f);
	assert_int_equal(store_open(fx.path, STORE_OPEN_EXISTING, &s, &err), -1);
	assert_non_null(strstr(err, "ikke en SQLite-database"));
	free(err);
	unlink(fx.path);

	char missing[200];
	snprintf(missing, sizeof(missing), "%s/findes/ikke.db", fx.dir);
	assert_int_equal(store_open(missing, STORE_OPEN_CREATE, &s, &err), -1);
	assert_non_null(strstr(err, "kan ikke åbne"));
	free(err);
}

static void schema_is_versioned(void **state)
{
	(void)state;
	struct store *s;
	char *err = NULL;
	assert_int_equal(store_open(fx.path, STORE_OPEN_CREATE, &s, &err), 0);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	store_close(s);
	sqlite3 *db;
	sqlite3_open(fx.path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(store_open(fx.path, STORE_OPEN_EXISTING, &s, &err), -1);
	assert_non_null(strstr(err, "nyere udgave"));
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(renames_and_orphans, setup, teardown),
	    cmocka_unit_test_setup_teardown(institution_rename, setup, teardown),
	    cmocka_unit_test_setup_teardown(round_trip, setup, teardown),
	    cmocka_unit_test_setup_teardown(reload_keeps_other_data, setup, teardown),
	    cmocka_unit_test_setup_teardown(bad_strategy_changes_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(open_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(schema_is_versioned, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
