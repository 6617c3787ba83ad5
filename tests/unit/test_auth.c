/* Sign-in, sessions, TOTP, tokens, throttling and the access-log chain,
 * against a real SQLite file. */
#include <liboath/oath.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "service/audit.h"
#include "service/auth.h"
#include "service/config.h"
#include "service/guard.h"
#include "store/store.h"
#include "store/user_store.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static const char *MIN_STRATEGY =
    "[kommune]\nnavn = K\npolitikreds = P\n[distrikt \"a\"]\nnavn = A\n"
    "[kategori \"k\"]\nnavn = K1\n[organ \"x\"]\nnavn = X\nniveau = politisk\n"
    "formål = f\nansvarlig = r\nfrekvens = ad hoc\nnavngivne-personer = nej\n"
    "[institution \"skole\"]\nnavn = S\ntype = skole\ndistrikt = a\n";

static int setup(void **state)
{
	(void)state;
	if (fixture_setup(&fx, "auth", NULL) < 0)
		return -1;
	fx.cfg.login_max_failures_user = 3;
	fixture_apply(&fx, MIN_STRATEGY);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

static void add_user(const char *name, enum role role)
{
	fixture_add_user(&fx, name, "Navn Navnesen", role, "Org", NULL);
}

static void login_ok_and_failures(void **state)
{
	(void)state;
	fx.cfg.totp_required_roles = 0;
	add_user("anna", ROLE_SSP);
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(
	    svc_login(&fx.svc, "anna", "rigtig-adgangskode", "127.0.0.1", cookie, &info, &r), 0);
	assert_int_equal(info.state, SESSION_FULL);
	assert_int_equal(strlen(cookie), AUTH_SECRET_LEN);

	struct actor a;
	assert_int_equal(svc_session(&fx.svc, cookie, "127.0.0.1", &a, &info, &r), 0);
	assert_string_equal(a.username, "anna");
	assert_int_equal(a.role, ROLE_SSP);

	/* the same message for a wrong password and an unknown user */
	assert_int_equal(
	    svc_login(&fx.svc, "anna", "forkert-adgangskode", "1.2.3.4", cookie, &info, &r), -1);
	assert_int_equal(r.status, SVC_UNAUTHENTICATED);
	char *msg1 = strdup(r.message);
	svc_result_clear(&r);
	assert_int_equal(
	    svc_login(&fx.svc, "findesikke", "forkert-adgangskode", "1.2.3.4", cookie, &info, &r),
	    -1);
	assert_string_equal(r.message, msg1);
	free(msg1);
	svc_result_clear(&r);

	/* throttled after 3 failures for the user, even with the right password */
	svc_login(&fx.svc, "anna", "forkert-igen-1234", "1.2.3.4", cookie, &info, &r);
	svc_result_clear(&r);
	svc_login(&fx.svc, "anna", "forkert-igen-1234", "1.2.3.4", cookie, &info, &r);
	svc_result_clear(&r);
	assert_int_equal(
	    svc_login(&fx.svc, "anna", "rigtig-adgangskode", "1.2.3.4", cookie, &info, &r), -1);
	assert_int_equal(r.status, SVC_THROTTLED);
	svc_result_clear(&r);

	/* a tampered cookie is refused */
	char bad[AUTH_SECRET_LEN + 1];
	memset(bad, 'A', AUTH_SECRET_LEN);
	bad[AUTH_SECRET_LEN] = '\0';
	assert_int_equal(svc_session(&fx.svc, bad, "x", &a, &info, &r), -1);
	assert_int_equal(r.status, SVC_UNAUTHENTICATED);
	svc_result_clear(&r);
	assert_int_equal(svc_session(&fx.svc, "kort", "x", &a, &info, &r), -1);
	svc_result_clear(&r);
}

static void session_expiry_and_logout(void **state)
{
	(void)state;
	fx.cfg.totp_required_roles = 0;
	add_user("bo", ROLE_POLICE);
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor a;
	assert_int_equal(svc_login(&fx.svc, "bo", "rigtig-adgangskode", "c", cookie, &info, &r), 0);
	/* age the session past the idle timeout */
	sqlite3 *db;
	sqlite3_open(fx.path, &db);
	sqlite3_exec(db, "UPDATE session SET last_seen = last_seen - 3600", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), -1);
	assert_non_null(strstr(r.message, "udløbet"));
	svc_result_clear(&r);

	assert_int_equal(svc_login(&fx.svc, "bo", "rigtig-adgangskode", "c", cookie, &info, &r), 0);
	svc_logout(&fx.svc, cookie, "c");
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), -1);
	svc_result_clear(&r);
}

/* last_seen of the session cookie, read by a second connection. */
static long long session_last_seen(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	sqlite3_open(fx.path, &db);
	sqlite3_prepare_v2(db, "SELECT last_seen FROM session", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void session_exec(const char *sql)
{
	sqlite3 *db;
	sqlite3_open(fx.path, &db);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

/* A signed-in request rewrites last_seen only when it is a minute or more
 * old (no write transaction per request), and a session in use never
 * reaches the idle timeout. */
static void session_touch_at_most_once_a_minute(void **state)
{
	(void)state;
	fx.cfg.totp_required_roles = 0;
	add_user("bo", ROLE_POLICE);
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor a;
	assert_int_equal(svc_login(&fx.svc, "bo", "rigtig-adgangskode", "c", cookie, &info, &r), 0);
	session_exec("UPDATE session SET last_seen = last_seen - 30");
	long long before = session_last_seen();
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), 0);
	assert_true(session_last_seen() == before); /* 30 s old: not rewritten */

	/* 29 minutes idle with a 30-minute timeout: still valid, and renewed */
	session_exec("UPDATE session SET last_seen = last_seen - 29 * 60");
	before = session_last_seen();
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), 0);
	assert_true(session_last_seen() >= before + 29 * 60);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), 0);
	svc_result_clear(&r);
}

static void totp_enrol_and_login(void **state)
{
	(void)state;
	fx.cfg.totp_required_roles = 1u << ROLE_SSP;
	add_user("cia", ROLE_SSP);
	char cookie[AUTH_SECRET_LEN + 1], cookie2[AUTH_SECRET_LEN + 1];
	struct session_info info;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor a;
	assert_int_equal(svc_login(&fx.svc, "cia", "rigtig-adgangskode", "c", cookie, &info, &r),
			 0);
	assert_int_equal(info.state, SESSION_NEED_ENROL);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), 0);

	char *b32, *uri;
	assert_int_equal(svc_totp_begin(&fx.svc, &a, &b32, &uri, &r), 0);
	assert_non_null(strstr(uri, "otpauth://totp/"));
	char *secret;
	size_t n;
	assert_int_equal(oath_base32_decode(b32, strlen(b32), &secret, &n), OATH_OK);
	char code[7];
	oath_totp_generate(secret, n, time(NULL), 30, 0, 6, code);
	assert_int_equal(svc_totp_confirm(&fx.svc, &a, cookie, "000000", &r), -1);
	svc_result_clear(&r);
	assert_int_equal(svc_totp_confirm(&fx.svc, &a, cookie, code, &r), 0);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), 0);
	assert_int_equal(info.state, SESSION_FULL);

	/* the secret is not stored in clear */
	sqlite3 *db;
	sqlite3_open(fx.path, &db);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT totp_secret FROM user WHERE username = 'cia'", -1, &st,
			   NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *blob = sqlite3_column_blob(st, 0);
	size_t blen = (size_t)sqlite3_column_bytes(st, 0);
	assert_true(blen > n);
	for (size_t i = 0; i + n <= blen; i++)
		assert_true(memcmp(blob + i, secret, n) != 0);
	sqlite3_finalize(st);
	sqlite3_close(db);

	/* next sign-in needs the code; the used code cannot be replayed */
	assert_int_equal(svc_login(&fx.svc, "cia", "rigtig-adgangskode", "c", cookie, &info, &r),
			 0);
	assert_int_equal(info.state, SESSION_NEED_TOTP);
	assert_int_equal(svc_login_totp(&fx.svc, cookie, code, "c", cookie2, &info, &r), -1);
	svc_result_clear(&r);
	/* a code from the next step is accepted, and the session id changes */
	oath_totp_generate(secret, n, time(NULL) + 30, 30, 0, 6, code);
	assert_int_equal(svc_login_totp(&fx.svc, cookie, code, "c", cookie2, &info, &r), 0);
	assert_string_not_equal(cookie, cookie2);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), -1);
	svc_result_clear(&r);
	assert_int_equal(svc_session(&fx.svc, cookie2, "c", &a, &info, &r), 0);
	assert_int_equal(info.state, SESSION_FULL);
	free(secret);
	free(b32);
	free(uri);
}

/* A password change ends every other session of the user, not this one. */
static void password_change_ends_other_sessions(void **state)
{
	(void)state;
	fx.cfg.totp_required_roles = 0;
	add_user("lis", ROLE_SSP);
	char here[AUTH_SECRET_LEN + 1], there[AUTH_SECRET_LEN + 1];
	struct session_info info;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor a;
	assert_int_equal(svc_login(&fx.svc, "lis", "rigtig-adgangskode", "c", here, &info, &r), 0);
	assert_int_equal(svc_login(&fx.svc, "lis", "rigtig-adgangskode", "d", there, &info, &r), 0);
	assert_int_equal(svc_session(&fx.svc, here, "c", &a, &info, &r), 0);
	assert_int_equal(svc_password_change(&fx.svc, &a, "forkert-adgangskode",
					     "ny-lang-adgangskode", here, &r),
			 -1);
	svc_result_clear(&r);
	assert_int_equal(svc_session(&fx.svc, there, "d", &a, &info, &r), 0);
	assert_int_equal(svc_session(&fx.svc, here, "c", &a, &info, &r), 0);
	assert_int_equal(
	    svc_password_change(&fx.svc, &a, "rigtig-adgangskode", "ny-lang-adgangskode", here, &r),
	    0);
	assert_int_equal(svc_session(&fx.svc, here, "c", &a, &info, &r), 0);
	assert_int_equal(svc_session(&fx.svc, there, "d", &a, &info, &r), -1);
	svc_result_clear(&r);
}

static void tokens(void **state)
{
	(void)state;
	add_user("dan", ROLE_AUDITOR);
	char tok[AUTH_SECRET_LEN + 1];
	struct svc_result r = SVC_RESULT_INIT;
	struct actor a;
	assert_int_equal(svc_token_create(&fx.svc, &fx.cli, "dan", tok, &r), 0);
	assert_int_equal(svc_token_auth(&fx.svc, tok, "c", &a, &r), 0);
	assert_string_equal(a.username, "dan");
	int n;
	assert_int_equal(svc_token_revoke(&fx.svc, &fx.cli, "dan", &n, &r), 0);
	assert_int_equal(n, 1);
	assert_int_equal(svc_token_auth(&fx.svc, tok, "c", &a, &r), -1);
	assert_int_equal(r.status, SVC_UNAUTHENTICATED);
	svc_result_clear(&r);
	assert_int_equal(svc_token_create(&fx.svc, &fx.cli, "ingen", tok, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
}

/* Enrols a's two-factor; returns the raw secret (caller frees), its
 * length in *n. */
static char *enrol(struct actor *a, size_t *n)
{
	struct svc_result r = SVC_RESULT_INIT;
	char *b32, *uri, *secret;
	assert_int_equal(svc_totp_begin(&fx.svc, a, &b32, &uri, &r), 0);
	assert_int_equal(oath_base32_decode(b32, strlen(b32), &secret, n), OATH_OK);
	char code[7];
	oath_totp_generate(secret, *n, time(NULL) - 30, 30, 0, 6, code);
	assert_int_equal(svc_totp_confirm(&fx.svc, a, NULL, code, &r), 0);
	free(b32);
	free(uri);
	return secret;
}

/* Administrators sign in with two-factor by default; creating a user of a
 * role that sees personal data, or giving a user such a role, needs the
 * administrator's fresh two-factor code (counted like sign-in failures)
 * and is a notable event; only the local operator makes API tokens. */
static void admin_two_factor_and_stepup(void **state)
{
	(void)state;
	struct config def;
	config_defaults(&def);
	assert_true(def.totp_required_roles & (1u << ROLE_ADMIN));
	assert_true(def.totp_required_roles & (1u << ROLE_POLICE));
	assert_false(def.totp_required_roles & (1u << ROLE_STEERING));
	fx.cfg.totp_required_roles = def.totp_required_roles;
	assert_true(auth_totp_required(&fx.svc, ROLE_ADMIN));

	add_user("ada", ROLE_ADMIN);
	add_user("bo", ROLE_ADMIN);
	struct actor ada = fixture_actor(&fx, "ada"), bo = fixture_actor(&fx, "bo");
	/* a password alone is not a session for an administrator */
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_login(&fx.svc, "ada", FIXTURE_PASSWORD, "c", cookie, &info, &r), 0);
	assert_int_equal(info.state, SESSION_NEED_ENROL);
	size_t n;
	char *secret = enrol(&ada, &n);
	char code[7];

	struct user_new pol = {"pia", "Pia Politi", ROLE_POLICE, "Politi", NULL};
	/* no code, a wrong code: refused, nothing created */
	assert_int_equal(svc_user_add(&fx.svc, &ada, &pol, "politiets-kode-123", &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	assert_string_equal(r.field, "stepup_code");
	svc_result_clear(&r);
	assert_int_equal(
	    svc_user_add_stepup(&fx.svc, &ada, &pol, "politiets-kode-123", "123456", &r), -1);
	assert_string_equal(r.field, "stepup_code");
	svc_result_clear(&r);
	struct user_row row;
	char *err = NULL;
	assert_int_equal(store_user_by_name(fx.svc.store, "pia", &row, &err), 1);
	assert_int_equal(fixture_count_log(&fx, "stepup", "failed"), 2);
	/* the right code: created, and a notable event */
	oath_totp_generate(secret, n, time(NULL), 30, 0, 6, code);
	assert_int_equal(svc_user_add_stepup(&fx.svc, &ada, &pol, "politiets-kode-123", code, &r),
			 0);
	assert_int_equal(fixture_count_log(&fx, "user.grant", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "stepup", "ok"), 1);
	/* the code is used up */
	struct user_new pol2 = {"per", "Per Politi", ROLE_POLICE, "Politi", NULL};
	assert_int_equal(svc_user_add_stepup(&fx.svc, &ada, &pol2, "politiets-kode-123", code, &r),
			 -1);
	svc_result_clear(&r);
	/* a role without personal data needs none */
	struct user_new sg = {"sif", "Sif Styregruppe", ROLE_STEERING, NULL, NULL};
	assert_int_equal(svc_user_add(&fx.svc, &ada, &sg, "styregruppe-kode-1", &r), 0);
	/* an administrator without two-factor cannot grant at all */
	assert_int_equal(
	    svc_user_add_stepup(&fx.svc, &bo, &pol2, "politiets-kode-123", "000000", &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);

	/* giving an existing user such a role: the same step-up, and the
	 * user's sessions end */
	char sif_cookie[AUTH_SECRET_LEN + 1];
	assert_int_equal(
	    svc_login(&fx.svc, "sif", "styregruppe-kode-1", "c", sif_cookie, &info, &r), 0);
	assert_int_equal(svc_user_set_role(&fx.svc, &ada, "sif", ROLE_POLICE, NULL, &r), -1);
	assert_string_equal(r.field, "stepup_code");
	svc_result_clear(&r);
	oath_totp_generate(secret, n, time(NULL) + 30, 30, 0, 6, code);
	assert_int_equal(svc_user_set_role(&fx.svc, &ada, "sif", ROLE_POLICE, code, &r), 0);
	assert_int_equal(fixture_count_log(&fx, "user.grant", "ok"), 2);
	struct actor sif;
	assert_int_equal(svc_session(&fx.svc, sif_cookie, "c", &sif, &info, &r), -1);
	svc_result_clear(&r);
	assert_int_equal(store_user_by_name(fx.svc.store, "sif", &row, &err), 0);
	assert_int_equal(row.info.role, ROLE_POLICE);
	user_row_release(&row);
	/* taking personal data away needs no step-up; one's own role is not
	 * for changing */
	assert_int_equal(svc_user_set_role(&fx.svc, &ada, "sif", ROLE_STEERING, NULL, &r), 0);
	assert_int_equal(svc_user_set_role(&fx.svc, &ada, "ada", ROLE_POLICE, NULL, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);

	/* wrong codes count with the sign-in failures: the third is the last */
	for (int i = 0; i < 3; i++) {
		assert_int_equal(svc_user_set_role(&fx.svc, &ada, "sif", ROLE_POLICE, "000000", &r),
				 -1);
		assert_int_equal(r.status, SVC_INVALID);
		svc_result_clear(&r);
	}
	assert_int_equal(svc_user_set_role(&fx.svc, &ada, "sif", ROLE_POLICE, "000000", &r), -1);
	assert_int_equal(r.status, SVC_THROTTLED);
	svc_result_clear(&r);

	/* the local operator (root) needs no step-up */
	assert_int_equal(svc_user_add(&fx.svc, &fx.cli, &pol2, "politiets-kode-123", &r), 0);
	assert_int_equal(fixture_count_log(&fx, "user.grant", "ok"), 3);

	/* a token skips two-factor: only the local operator makes one */
	char tok[AUTH_SECRET_LEN + 1];
	assert_int_equal(svc_token_create(&fx.svc, &ada, "pia", tok, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_token_create(&fx.svc, &fx.cli, "pia", tok, &r), 0);
	free(secret);
}

/* Bad bearer tokens from one address: no entry per attempt, refused
 * (throttled) after anon-max-per-minute, and one entry per address and
 * minute with the count once the minute is over. */
static void anonymous_failures_aggregated(void **state)
{
	(void)state;
	fx.cfg.anon_max_per_minute = 30;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor a;
	int before = fixture_count_log(&fx, NULL, NULL);
	int throttled = 0;
	for (int i = 0; i < 600; i++) {
		assert_int_equal(svc_token_auth(&fx.svc,
						"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
						"9.9.9.9", &a, &r),
				 -1);
		throttled += r.status == SVC_THROTTLED;
		svc_result_clear(&r);
	}
	assert_true(throttled >= 600 - 2 * 30); /* at most two minutes' worth got through */
	assert_int_equal(fixture_count_log(&fx, "token.use", "failed"), 0);
	assert_true(fixture_count_log(&fx, NULL, NULL) - before <= 2);
	/* a valid token from the same address is not held up (a school's
	 * NAT, a calendar provider's fetchers) */
	add_user("api", ROLE_STEERING);
	char tok[AUTH_SECRET_LEN + 1];
	assert_int_equal(svc_token_create(&fx.svc, &fx.cli, "api", tok, &r), 0);
	assert_int_equal(svc_token_auth(&fx.svc, tok, "9.9.9.9", &a, &r), 0);
	assert_string_equal(a.username, "api");
	/* another address is not held up by the first */
	assert_int_equal(svc_token_auth(&fx.svc, "x", "8.8.8.8", &a, &r), -1);
	assert_int_equal(r.status, SVC_UNAUTHENTICATED);
	svc_result_clear(&r);
	/* a finished minute becomes one entry with its count */
	sqlite3 *db;
	sqlite3_open(fx.path, &db);
	assert_int_equal(sqlite3_exec(db,
				      "INSERT INTO anon_failure (client, minute, action, count)"
				      " VALUES ('7.7.7.7', 1000, 'calendar.feed', 412)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	svc_anon_flush(&fx.svc);
	assert_int_equal(fixture_count_log(&fx, "anon.failed", "failed") >= 1, 1);
	struct audit_rows rows = {0};
	struct audit_filter f = {NULL, NULL, 0};
	assert_int_equal(svc_audit_list(&fx.svc, &fx.cli, &f, &rows, &r), 0);
	bool seen = false;
	for (size_t i = 0; i < rows.nr; i++)
		seen |= rows.v[i].object && !strcmp(rows.v[i].action, "anon.failed") &&
			!strncmp(rows.v[i].object, "calendar.feed 412 ", 18) &&
			!strcmp(rows.v[i].client, "7.7.7.7");
	assert_true(seen);
	audit_rows_release(&rows);
	/* and it is a notable event */
	assert_int_equal(svc_audit_notable(&fx.svc, &fx.cli, 20, &rows, &r), 0);
	assert_true(rows.nr >= 1);
	assert_string_equal(rows.v[0].action, "anon.failed");
	audit_rows_release(&rows);
}

/* An auditor's filter value with a line feed or tab is refused: it would
 * forge a row in `ssp audit show`. */
static void audit_filter_refuses_control_characters(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct audit_rows rows = {0};
	struct audit_filter f = {"x\n9999\t2026-01-01\tada", NULL, 0};
	assert_int_equal(svc_audit_list(&fx.svc, &fx.cli, &f, &rows, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	assert_string_equal(r.field, "user");
	svc_result_clear(&r);
	struct audit_filter g = {NULL, "a\tb", 0};
	assert_int_equal(svc_audit_list(&fx.svc, &fx.cli, &g, &rows, &r), -1);
	assert_string_equal(r.field, "subject");
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "audit.view", NULL), 0);
	audit_rows_release(&rows);
}

/* Wrong old passwords count with the sign-in failures. */
static void password_change_counts_failures(void **state)
{
	(void)state;
	fx.cfg.totp_required_roles = 0;
	add_user("ole", ROLE_SSP);
	struct actor a = fixture_actor(&fx, "ole");
	struct svc_result r = SVC_RESULT_INIT;
	int invalid = 0, throttled = 0;
	for (int i = 0; i < 12; i++) {
		assert_int_equal(svc_password_change(&fx.svc, &a, "forkert-gaet-1234",
						     "ny-lang-adgangskode", NULL, &r),
				 -1);
		invalid += r.status == SVC_INVALID;
		throttled += r.status == SVC_THROTTLED;
		svc_result_clear(&r);
	}
	assert_int_equal(invalid, 3); /* login_max_failures_user in this fixture */
	assert_int_equal(throttled, 9);
	/* and they hold the sign-in too */
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	assert_int_equal(svc_login(&fx.svc, "ole", FIXTURE_PASSWORD, "c", cookie, &info, &r), -1);
	assert_int_equal(r.status, SVC_THROTTLED);
	svc_result_clear(&r);
}

static void permissions_and_validation(void **state)
{
	(void)state;
	add_user("eva", ROLE_POLICE);
	struct actor police = {0};
	police.user_id = 1;
	police.role = ROLE_POLICE;
	snprintf(police.username, sizeof(police.username), "eva");
	struct svc_result r = SVC_RESULT_INIT;
	struct user_list l = {0};
	assert_int_equal(svc_user_list(&fx.svc, &police, &l, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	struct audit_rows rows = {0};
	struct audit_filter f = {0};
	assert_int_equal(svc_audit_list(&fx.svc, &police, &f, &rows, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);

	struct user_new bad = {"Stort Navn", "X", ROLE_SSP, NULL, NULL};
	assert_int_equal(svc_user_add(&fx.svc, &fx.cli, &bad, "rigtig-adgangskode", &r), -1);
	assert_string_equal(r.field, "username");
	svc_result_clear(&r);
	struct user_new dup = {"eva", "X", ROLE_SSP, NULL, NULL};
	assert_int_equal(svc_user_add(&fx.svc, &fx.cli, &dup, "rigtig-adgangskode", &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	struct user_new inst = {"fie", "X", ROLE_CONTACT, NULL, "findes-ikke"};
	assert_int_equal(svc_user_add(&fx.svc, &fx.cli, &inst, "rigtig-adgangskode", &r), -1);
	assert_string_equal(r.field, "institution");
	svc_result_clear(&r);
	/* nobody disables their own account */
	struct user_list all = {0};
	assert_int_equal(svc_user_list(&fx.svc, &fx.cli, &all, &r), 0);
	struct actor self = {0};
	self.user_id = all.v[0].id;
	self.role = ROLE_ADMIN;
	snprintf(self.username, sizeof(self.username), "%s", all.v[0].username);
	char name[65];
	snprintf(name, sizeof(name), "%s", all.v[0].username);
	user_list_release(&all);
	assert_int_equal(svc_user_disable(&fx.svc, &self, name, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	inst.institution = "skole";
	assert_int_equal(svc_user_add(&fx.svc, &fx.cli, &inst, "kort", &r), -1);
	assert_string_equal(r.field, "password");
	svc_result_clear(&r);
	assert_int_equal(svc_user_add(&fx.svc, &fx.cli, &inst, "rigtig-adgangskode", &r), 0);
}

static void audit_chain_detects_edits(void **state)
{
	(void)state;
	add_user("gry", ROLE_SSP);
	add_user("hal", ROLE_SSP);
	struct svc_result r = SVC_RESULT_INIT;
	long long bad, n;
	assert_int_equal(svc_audit_verify(&fx.svc, &fx.cli, &bad, &n, &r), 0);
	assert_int_equal(bad, 0);
	assert_true(n >= 2);

	sqlite3 *db;
	sqlite3_open(fx.path, &db);
	/* the triggers refuse edits ... */
	assert_int_not_equal(
	    sqlite3_exec(db, "UPDATE audit_log SET object = 'x' WHERE seq = 1", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(
	    sqlite3_exec(db, "DELETE FROM audit_log WHERE seq = 1", NULL, NULL, NULL), SQLITE_OK);
	/* ... and an edit that goes around them breaks the chain at that row */
	sqlite3_exec(db, "DROP TRIGGER audit_log_no_update", NULL, NULL, NULL);
	sqlite3_exec(db, "UPDATE audit_log SET object = 'mallory' WHERE seq = 2", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(svc_audit_verify(&fx.svc, &fx.cli, &bad, &n, &r), 0);
	assert_int_equal(bad, 2);
}

static void audit_chain_detects_deletion(void **state)
{
	(void)state;
	add_user("ida", ROLE_SSP);
	add_user("jon", ROLE_SSP);
	add_user("kim", ROLE_SSP);
	sqlite3 *db;
	sqlite3_open(fx.path, &db);
	sqlite3_exec(db, "DROP TRIGGER audit_log_no_delete", NULL, NULL, NULL);
	sqlite3_exec(db, "DELETE FROM audit_log WHERE seq = 2", NULL, NULL, NULL);
	sqlite3_close(db);
	struct svc_result r = SVC_RESULT_INIT;
	long long bad, n;
	assert_int_equal(svc_audit_verify(&fx.svc, &fx.cli, &bad, &n, &r), 0);
	assert_int_equal(bad, 3);
}

/* The session's user is read with the session on every request (one
 * statement): a role changed or an account disabled behind the service's
 * back (another connection, another process) holds from the next request
 * on, and a session whose user is disabled ends. */
static void session_reads_its_user_every_time(void **state)
{
	(void)state;
	fx.cfg.totp_required_roles = 0;
	add_user("liv", ROLE_SSP);
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor a;
	assert_int_equal(svc_login(&fx.svc, "liv", "rigtig-adgangskode", "c", cookie, &info, &r),
			 0);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), 0);
	assert_int_equal(a.role, ROLE_SSP);
	assert_string_equal(a.username, "liv");
	assert_int_equal(info.state, SESSION_FULL);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "UPDATE user SET role = 'politi', org = 'Syd'"
				      " WHERE username = 'liv'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), 0);
	assert_int_equal(a.role, ROLE_POLICE);
	assert_string_equal(a.org, "Syd");
	assert_int_equal(sqlite3_exec(db, "UPDATE user SET disabled = 1 WHERE username = 'liv'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), -1);
	assert_int_equal(r.status, SVC_UNAUTHENTICATED);
	svc_result_clear(&r);
	/* the session is gone, not only refused: enabling the account again
	 * does not bring it back */
	assert_int_equal(sqlite3_exec(db, "UPDATE user SET disabled = 0 WHERE username = 'liv'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(svc_session(&fx.svc, cookie, "c", &a, &info, &r), -1);
	svc_result_clear(&r);
	sqlite3_close(db);
}

int main(void)
{
	if (sodium_init() < 0 || oath_init() != OATH_OK)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(login_ok_and_failures, setup, teardown),
	    cmocka_unit_test_setup_teardown(session_expiry_and_logout, setup, teardown),
	    cmocka_unit_test_setup_teardown(totp_enrol_and_login, setup, teardown),
	    cmocka_unit_test_setup_teardown(password_change_ends_other_sessions, setup, teardown),
	    cmocka_unit_test_setup_teardown(tokens, setup, teardown),
	    cmocka_unit_test_setup_teardown(admin_two_factor_and_stepup, setup, teardown),
	    cmocka_unit_test_setup_teardown(anonymous_failures_aggregated, setup, teardown),
	    cmocka_unit_test_setup_teardown(audit_filter_refuses_control_characters, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(password_change_counts_failures, setup, teardown),
	    cmocka_unit_test_setup_teardown(permissions_and_validation, setup, teardown),
	    cmocka_unit_test_setup_teardown(audit_chain_detects_edits, setup, teardown),
	    cmocka_unit_test_setup_teardown(audit_chain_detects_deletion, setup, teardown),
	    cmocka_unit_test_setup_teardown(session_touch_at_most_once_a_minute, setup, teardown),
	    cmocka_unit_test_setup_teardown(session_reads_its_user_every_time, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	oath_done();
	return rc;
}
