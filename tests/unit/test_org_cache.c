/* svc_org_view_cached and svc_org_cur (service/org_service.c): the
 * organisation is loaded once per connection and again after any change to
 * it, whether another connection committed it or this one made it, and
 * not after other writes (an access-log entry). Every table the loader
 * reads moves the organisation's stamp (org_stamp triggers). Against a
 * real SQLite file. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/org.h"
#include "service/auth.h"
#include "service/concern.h"
#include "service/service.h"
#include "service/service_internal.h"
#include "store/store.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static const char *STRATEGY =
    "[kommune]\nnavn = Før\npolitikreds = P\n[distrikt \"a\"]\nnavn = A\n"
    "[kategori \"k\"]\nnavn = K1\n[organ \"x\"]\nnavn = X\nniveau = politisk\n"
    "formål = f\nansvarlig = r\nfrekvens = ad hoc\nnavngivne-personer = nej\n";

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "orgcache", STRATEGY);
}

static int teardown(void **state)
{
	(void)state;
	if (fx.svc.org_cache) { /* service_close frees it; the fixture closes the store */
		org_release(fx.svc.org_cache);
		free(fx.svc.org_cache);
		fx.svc.org_cache = NULL;
	}
	fixture_teardown(&fx);
	return 0;
}

/* Renames the municipality through a connection of its own. */
static void rename_elsewhere(const char *name)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE municipality SET name = ?", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static const struct org *view(void)
{
	const struct org *o = NULL;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_org_view_cached(&fx.svc, &fx.cli, &o, &r), 0);
	assert_non_null(o);
	return o;
}

static void loaded_again_after_a_change(void **state)
{
	(void)state;
	const struct org *a = view();
	assert_string_equal(a->municipality, "Før");
	unsigned long gen = svc_org_generation(&fx.svc);
	assert_int_not_equal(gen, 0);
	assert_ptr_equal(view(), a);                        /* nothing changed: the same copy */
	assert_int_equal(svc_org_generation(&fx.svc), gen); /* and generation */
	rename_elsewhere("Efter");                          /* another connection commits */
	const struct org *b = view();
	assert_string_equal(b->municipality, "Efter");
	/* loaded anew: a new generation, which a door's rendered copy sees */
	assert_int_not_equal(svc_org_generation(&fx.svc), gen);
}

static void own_writes_are_seen(void **state)
{
	(void)state;
	assert_string_equal(view()->municipality, "Før");
	/* the strategy applied again on this very connection, with a new name */
	char text[1024];
	snprintf(text, sizeof(text), "%s", STRATEGY);
	char *at = strstr(text, "Før");
	memcpy(at, "Nyt", 3);
	memmove(at + 3, at + strlen("Før"), strlen(at + strlen("Før")) + 1);
	fixture_apply(&fx, text);
	assert_string_equal(view()->municipality, "Nyt");
}

/* A signed-in request's session lookup lends the organisation's stamp to the
 * organisation's check (svc_session, then svc_org_view_cached: one read
 * transaction per request); the next request forgets it
 * (svc_request_begin), so a commit between two requests is seen by the
 * second, with or without a session lookup of its own. */
static void the_next_request_sees_a_commit(void **state)
{
	(void)state;
	fx.cfg.totp_required_roles = 0;
	fixture_add_user(&fx, "ulla", "Ulla", ROLE_SSP, NULL, NULL);
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	struct actor a;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(
	    svc_login(&fx.svc, "ulla", FIXTURE_PASSWORD, "127.0.0.1", cookie, &info, &r), 0);

	svc_request_begin(&fx.svc); /* a request with a session */
	assert_int_equal(svc_session(&fx.svc, cookie, "127.0.0.1", &a, &info, &r), 0);
	assert_true(fx.svc.request_stamp_ok);
	assert_string_equal(view()->municipality, "Før");
	rename_elsewhere("Efter");

	svc_request_begin(&fx.svc); /* one without (a bearer token, the CLI) */
	assert_string_equal(view()->municipality, "Efter");
	rename_elsewhere("Igen");

	svc_request_begin(&fx.svc); /* one with a session again */
	assert_int_equal(svc_session(&fx.svc, cookie, "127.0.0.1", &a, &info, &r), 0);
	assert_string_equal(view()->municipality, "Igen");
	const struct org *o = view();
	svc_request_begin(&fx.svc); /* nothing changed: the same copy */
	assert_int_equal(svc_session(&fx.svc, cookie, "127.0.0.1", &a, &info, &r), 0);
	assert_ptr_equal(view(), o);
}

static const struct org *cur(void)
{
	const struct org *o = NULL;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_org_cur(&fx.svc, &o, &r), 0);
	assert_non_null(o);
	return o;
}

/* Writes that are not the organisation's (an access-log entry, a person)
 * keep the loaded copy; svc_org_cur and the page's view share it. */
static void other_writes_keep_it(void **state)
{
	(void)state;
	const struct org *a = cur();
	assert_ptr_equal(view(), a);
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_log(&fx.svc, &fx.cli, &(struct svc_entry){.action = "test.write"},
				 SVC_OK_OUTCOME, &r),
			 0);
	struct person_input in = {"Ida Hansen", NULL, "2010-05-01", NULL};
	long long pid = 0;
	bool existing = false;
	struct target_result t;
	/* may be refused (the age rule); either way it writes the log */
	if (svc_person_add(&fx.svc, &fx.cli, &in, &pid, &existing, &t, &r) < 0)
		svc_result_clear(&r);
	assert_ptr_equal(cur(), a);
	rename_elsewhere("Efter");
	const struct org *b = cur();
	assert_string_equal(b->municipality, "Efter");
}

/* The tables the organisation's loader reads, recorded by an authorizer
 * that sqlite3_auto_extension puts on every connection opened meanwhile. */
static bool recording;
static char read_tables[64][64];
static int read_tables_nr;

static int record_read(void *data, int code, const char *a, const char *b, const char *db,
		       const char *trigger)
{
	(void)data, (void)b, (void)db, (void)trigger;
	if (recording && code == SQLITE_READ && a && strncmp(a, "sqlite_", 7) &&
	    strncmp(a, "pragma_", 7) && strcmp(a, "org_stamp")) {
		for (int i = 0; i < read_tables_nr; i++)
			if (!strcmp(read_tables[i], a))
				return SQLITE_OK;
		if (read_tables_nr < 64)
			snprintf(read_tables[read_tables_nr++], sizeof(read_tables[0]), "%s", a);
	}
	return SQLITE_OK;
}

static int add_authorizer(sqlite3 *db, const char **msg, const struct sqlite3_api_routines *api)
{
	(void)msg, (void)api;
	sqlite3_set_authorizer(db, record_read, NULL);
	return SQLITE_OK;
}

static void every_table_moves_the_stamp(void **state)
{
	(void)state;
	assert_int_equal(sqlite3_auto_extension((void (*)(void))add_authorizer), SQLITE_OK);
	struct service svc;
	char *err = NULL;
	int rc = service_open(&svc, fx.path, SERVICE_OPEN_EXISTING, &fx.cfg, &err);
	sqlite3_cancel_auto_extension((void (*)(void))add_authorizer);
	assert_int_equal(rc, 0);
	struct org o;
	org_init(&o);
	recording = true;
	rc = service_org_get(&svc, &o, &err);
	recording = false;
	assert_int_equal(rc, 0);
	org_release(&o);
	service_close(&svc);
	assert_true(read_tables_nr >= 8);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	int missing = 0;
	for (int i = 0; i < read_tables_nr; i++) {
		static const char *const ops[] = {"ins", "upd", "del"};
		for (int k = 0; k < 3; k++) {
			char name[128];
			snprintf(name, sizeof(name), "org_stamp_%s_%s", read_tables[i], ops[k]);
			sqlite3_stmt *st;
			assert_int_equal(
			    sqlite3_prepare_v2(db,
					       "SELECT 1 FROM sqlite_schema WHERE type ="
					       " 'trigger' AND name = ? AND tbl_name = ?",
					       -1, &st, NULL),
			    SQLITE_OK);
			sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, read_tables[i], -1, SQLITE_STATIC);
			int found = sqlite3_step(st) == SQLITE_ROW;
			sqlite3_finalize(st);
			if (!found) {
				print_error("the organisation is loaded from %s, which has no "
					    "trigger %s\n",
					    read_tables[i], name);
				missing++;
			}
		}
	}
	sqlite3_close(db);
	assert_int_equal(missing, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(loaded_again_after_a_change, setup, teardown),
	    cmocka_unit_test_setup_teardown(own_writes_are_seen, setup, teardown),
	    cmocka_unit_test_setup_teardown(the_next_request_sees_a_commit, setup, teardown),
	    cmocka_unit_test_setup_teardown(other_writes_keep_it, setup, teardown),
	    cmocka_unit_test_setup_teardown(every_table_moves_the_stamp, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
