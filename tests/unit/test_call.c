/* One audited service call (service/call.c): the decision, the change and
 * its access-log entry are one transaction. A committed call leaves its
 * change and one "ok" entry; a failed call leaves no change and one
 * "failed" entry (never "ok"); a refused call leaves one "refused" entry
 * with the reason; the entry carries the data subject and legal basis,
 * and refuses a name or CPR number there. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "service/audit.h"
#include "service/service_internal.h"
#include "store/meeting_run_store.h"
#include "store/store.h"
#include "fixture.h"
#include "test.h"

#define STRATEGY                                                                                   \
	"[kommune]\nnavn = Test Kommune\npolitikreds = P\n"                                        \
	"[distrikt \"a\"]\nnavn = A\n"                                                             \
	"[kategori \"k\"]\nnavn = K\n"                                                             \
	"[organ \"sg\"]\nnavn = Styregruppe\nniveau = koordinerende\nformål = f\n"                \
	"ansvarlig = r\nnavngivne-personer = nej\nfrekvens = mindst 4 om året\n"                  \
	"[organ \"p115\"]\nnavn = P115\nniveau = udførende\nformål = f\nansvarlig = r\n"         \
	"navngivne-personer = ja\nfrekvens = hver 14. dag\nugedag = tirsdag\n"

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	if (fixture_setup(&fx, "call", STRATEGY) < 0)
		return -1;
	fixture_add_user(&fx, "ada", "Ada", ROLE_ADMIN, NULL, NULL);
	fixture_add_user(&fx, "stine", "Stine", ROLE_STEERING, NULL, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

/* Runs one SQL statement on the database from outside (a second
 * connection, as an attacker or a broken disk would). */
static void sql(const char *stmt)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(db, stmt, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", stmt, msg);
	sqlite3_close(db);
}

static bool takes_part(long long user_id, const char *body)
{
	struct strlist l = STRLIST_INIT;
	char *err = NULL;
	assert_int_equal(store_participant_bodies(fx.svc.store, user_id, &l, &err), 0);
	bool yes = false;
	for (size_t i = 0; i < l.nr; i++)
		yes |= !strcmp(l.v[i], body);
	strlist_clear(&l);
	return yes;
}

/* Adds stine to body as one call of ada's; ends it with commit (end 0) or
 * abort (end 1). Returns the call's result. */
static int add_stine(const char *body, int end, struct svc_result *r)
{
	struct actor ada = fixture_actor(&fx, "ada");
	struct actor stine = fixture_actor(&fx, "stine");
	SVC_CALL(c);
	if (svc_begin(&c, &fx.svc, &ada, ACT_USER_ADMIN, NULL,
		      (struct svc_entry){.action = "participant.add", .object = body}, r) < 0)
		return -1;
	char *err = NULL;
	if (store_participant_add(fx.svc.store, body, stine.user_id, &err) < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	if (end == 1) {
		svc_fail(r, SVC_INVALID, "x", "%s", "afvist af en senere kontrol");
		return svc_abort(&c);
	}
	return svc_commit(&c);
}

static void commit_writes_change_and_entry(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	long long stine = fixture_actor(&fx, "stine").user_id;
	assert_int_equal(add_stine("sg", 0, &r), 0);
	assert_true(takes_part(stine, "sg"));
	assert_int_equal(fixture_count_log(&fx, "participant.add", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "participant.add", NULL), 1);
	assert_false(store_in_transaction(fx.svc.store));
}

static void failed_action_leaves_failed_entry_and_no_change(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	long long stine = fixture_actor(&fx, "stine").user_id;
	assert_int_equal(add_stine("sg", 1, &r), -1);
	assert_int_equal(r.status, SVC_INVALID); /* the failing step's reason stays */
	svc_result_clear(&r);
	assert_false(takes_part(stine, "sg"));
	assert_int_equal(fixture_count_log(&fx, "participant.add", "failed"), 1);
	assert_int_equal(fixture_count_log(&fx, "participant.add", "ok"), 0);
	assert_false(store_in_transaction(fx.svc.store));
}

/* The log cannot take the "ok" entry (a trigger refuses it): the change
 * is rolled back with it, and the failure is logged. */
static void log_failure_undoes_the_change(void **state)
{
	(void)state;
	sql("CREATE TRIGGER no_ok BEFORE INSERT ON audit_log WHEN NEW.outcome = 'ok'"
	    " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
	struct svc_result r = SVC_RESULT_INIT;
	long long stine = fixture_actor(&fx, "stine").user_id;
	assert_int_equal(add_stine("sg", 0, &r), -1);
	assert_int_equal(r.status, SVC_ERROR);
	svc_result_clear(&r);
	assert_false(takes_part(stine, "sg"));
	assert_int_equal(fixture_count_log(&fx, "participant.add", "failed"), 1);
	assert_int_equal(fixture_count_log(&fx, "participant.add", "ok"), 0);
	sql("DROP TRIGGER no_ok");
	/* and the store works on */
	assert_int_equal(add_stine("sg", 0, &r), 0);
	assert_true(takes_part(stine, "sg"));
}

/* The change fails in the store (a trigger refuses it): no change, a
 * "failed" entry, and the store's message. */
static void store_failure_is_logged_failed(void **state)
{
	(void)state;
	sql("CREATE TRIGGER no_part BEFORE INSERT ON body_participant"
	    " BEGIN SELECT RAISE(ABORT, 'nej'); END");
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(add_stine("sg", 0, &r), -1);
	assert_int_equal(r.status, SVC_ERROR);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "participant.add", "failed"), 1);
	assert_int_equal(fixture_count_log(&fx, "participant.add", "ok"), 0);
	assert_false(store_in_transaction(fx.svc.store));
}

static void refusal_is_logged_with_reason(void **state)
{
	(void)state;
	struct actor stine = fixture_actor(&fx, "stine");
	struct svc_result r = SVC_RESULT_INIT;
	SVC_CALL(c);
	/* the table: the steering group does not administer users */
	assert_int_equal(svc_begin(&c, &fx.svc, &stine, ACT_USER_ADMIN, NULL,
				   (struct svc_entry){.action = "participant.add", .object = "sg"},
				   &r),
			 -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "participant.add", "refused"), 1);
	/* a record rule: the steering group runs no § 115-møde */
	struct authz_facts named = {.body_named = true, .actor_takes_part = true};
	assert_int_equal(
	    svc_begin(&c, &fx.svc, &stine, ACT_MEETING_RUN, &named,
		      (struct svc_entry){.action = "meeting.minutes", .object = "p115"}, &r),
	    -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	assert_non_null(strstr(r.message, "navngivne unge"));
	svc_result_clear(&r);
	/* the same decided inside the transaction (facts read there) */
	assert_int_equal(
	    svc_begin(&c, &fx.svc, &stine, ACT_MEETING_RUN, NULL,
		      (struct svc_entry){.action = "meeting.minutes", .object = "p115"}, &r),
	    0);
	assert_int_equal(svc_authorize(&c, &named), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_false(store_in_transaction(fx.svc.store));
	assert_int_equal(fixture_count_log(&fx, "meeting.minutes", "refused"), 2);
	struct audit_rows rows = {0};
	struct audit_filter f = {"stine", NULL, 1};
	assert_int_equal(svc_audit_list(&fx.svc, &fx.cli, &f, &rows, &r), 0);
	assert_int_equal(rows.nr, 1);
	assert_string_equal(rows.v[0].object, "p115 reason=named-body");
	assert_string_equal(rows.v[0].outcome, "refused");
	audit_rows_release(&rows);
	/* the same check without a transaction (a read of no personal data) */
	struct svc_entry look = {.action = "meeting.look", .object = "p115"};
	assert_int_equal(svc_check(&fx.svc, &stine, ACT_MINUTES_VIEW, &named, &look, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "meeting.look", "refused"), 1);
	struct authz_facts general_sg = {.actor_takes_part = true};
	assert_int_equal(svc_check(&fx.svc, &stine, ACT_MINUTES_VIEW, &general_sg, &look, &r), 0);
	assert_int_equal(fixture_count_log(&fx, "meeting.look", NULL), 1);
	assert_false(store_in_transaction(fx.svc.store));
	/* a steering-group member of a general body may */
	struct authz_facts general = {.actor_takes_part = true};
	assert_int_equal(svc_begin(&c, &fx.svc, &stine, ACT_MEETING_RUN, NULL,
				   (struct svc_entry){.action = "meeting.minutes", .object = "sg"},
				   &r),
			 0);
	assert_int_equal(svc_authorize(&c, &general), 0);
	assert_int_equal(svc_commit(&c), 0);
	assert_int_equal(fixture_count_log(&fx, "meeting.minutes", "ok"), 1);
}

static void subject_and_legal_basis(void **state)
{
	(void)state;
	struct actor ada = fixture_actor(&fx, "ada");
	struct svc_result r = SVC_RESULT_INIT;
	SVC_CALL(c);
	assert_int_equal(svc_begin(&c, &fx.svc, &ada, ACT_USER_ADMIN, NULL,
				   (struct svc_entry){.action = "person.read",
						      .object = "concern:1",
						      .subject = "person:42",
						      .legal_basis = "rpl-115-1-1"},
				   &r),
			 0);
	assert_int_equal(svc_commit(&c), 0);
	struct audit_rows rows = {0};
	struct audit_filter f = {NULL, "person:42", 0};
	assert_int_equal(svc_audit_list(&fx.svc, &fx.cli, &f, &rows, &r), 0);
	assert_int_equal(rows.nr, 1);
	assert_string_equal(rows.v[0].action, "person.read");
	assert_string_equal(rows.v[0].legal_basis, "rpl-115-1-1");
	assert_string_equal(rows.v[0].outcome, "ok");
	audit_rows_release(&rows);
	/* the auditor's look is itself logged, under the subject it asked for */
	assert_int_equal(fixture_count_log(&fx, "audit.view", "ok"), 1);
	/* asking by name or CPR number is refused, and so logged: failed */
	f.subject = "Anna Jensen";
	assert_int_equal(svc_audit_list(&fx.svc, &fx.cli, &f, &rows, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	assert_int_equal(rows.nr, 0);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "audit.view", "failed"), 1);
	/* a name or a CPR number is not a person id: the call fails, nothing
	 * is logged with it */
	const char *bad[] = {"Anna Jensen", "0102031234", "person:010203-1234", ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(svc_begin(&c, &fx.svc, &ada, ACT_USER_ADMIN, NULL,
					   (struct svc_entry){.action = "person.read"}, &r),
				 0);
		svc_call_subject(&c, bad[i], "rpl-115-1-1");
		assert_int_equal(svc_commit(&c), -1);
		assert_int_equal(r.status, SVC_ERROR);
		svc_result_clear(&r);
	}
	assert_int_equal(fixture_count_log(&fx, "person.read", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "person.read", "failed"), 4);
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(fx.path, &db);
	sqlite3_prepare_v2(db,
			   "SELECT count(*) FROM audit_log WHERE subject LIKE '%0102%'"
			   " OR subject LIKE '%Anna%'",
			   -1, &st, NULL);
	sqlite3_step(st);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* The store's own transactions nest inside a call's: a store function
 * that commits its own work commits it into the call, and the call's
 * rollback undoes it. */
static void store_transactions_nest(void **state)
{
	(void)state;
	char *err = NULL;
	assert_int_equal(store_begin(fx.svc.store, &err), 0);
	assert_int_equal(store_begin(fx.svc.store, &err), 0);
	long long stine = fixture_actor(&fx, "stine").user_id;
	assert_int_equal(store_participant_add(fx.svc.store, "sg", stine, &err), 0);
	assert_int_equal(store_commit(fx.svc.store), 0);
	assert_true(store_in_transaction(fx.svc.store));
	store_rollback(fx.svc.store);
	assert_false(store_in_transaction(fx.svc.store));
	assert_false(takes_part(stine, "sg"));
	assert_int_equal(store_commit(fx.svc.store), -1); /* nothing open */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(commit_writes_change_and_entry, setup, teardown),
	    cmocka_unit_test_setup_teardown(failed_action_leaves_failed_entry_and_no_change, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(log_failure_undoes_the_change, setup, teardown),
	    cmocka_unit_test_setup_teardown(store_failure_is_logged_failed, setup, teardown),
	    cmocka_unit_test_setup_teardown(refusal_is_logged_with_reason, setup, teardown),
	    cmocka_unit_test_setup_teardown(subject_and_legal_basis, setup, teardown),
	    cmocka_unit_test_setup_teardown(store_transactions_nest, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
