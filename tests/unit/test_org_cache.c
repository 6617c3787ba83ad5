/* svc_org_view_cached (service/org_service.c): the organisation is loaded
 * once per connection and again after any change, whether another
 * connection committed it or this one made it. Against a real SQLite
 * file. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/org.h"
#include "service/auth.h"
#include "service/service.h"
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

/* A signed-in request's session lookup lends its data version to the
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
	assert_true(fx.svc.request_dv_ok);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(loaded_again_after_a_change, setup, teardown),
	    cmocka_unit_test_setup_teardown(own_writes_are_seen, setup, teardown),
	    cmocka_unit_test_setup_teardown(the_next_request_sees_a_commit, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
