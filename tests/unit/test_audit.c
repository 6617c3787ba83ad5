/* The access log's integrity: the chain, its bounds, the checkpoint file
 * against truncation, checkpoint lines kept off the machine, appends from
 * several threads, logs from before the chain key was a subkey, and the
 * strategy as a logged action. Against a real SQLite file. */
#include <pthread.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/checkpoint.h"
#include "service/audit.h"
#include "store/store.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static const char *MIN_STRATEGY =
    "[kommune]\nnavn = K\npolitikreds = P\n[distrikt \"a\"]\nnavn = A\n"
    "[kategori \"k\"]\nnavn = K1\n[organ \"x\"]\nnavn = X\nniveau = politisk\n"
    "formål = f\nansvarlig = r\nfrekvens = ad hoc\nnavngivne-personer = nej\n";

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "audit", NULL);
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

static void log_n(int n)
{
	for (int i = 0; i < n; i++) {
		char what[16];
		snprintf(what, sizeof(what), "x%d", i);
		struct audit_entry e = {"test.entry", what, NULL, NULL, "ok"};
		assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &e), 0);
	}
}

static void sql(const char *q)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	char *e = NULL;
	if (sqlite3_exec(db, q, NULL, NULL, &e) != SQLITE_OK)
		fail_msg("%s: %s", q, e);
	sqlite3_close(db);
}

/* Verifies without logging (svc_audit_verify_anchored logs, which would
 * move the head). */
static void verify(const char *line, struct audit_verification *v)
{
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_audit_verify_anchored(&fx.svc, &fx.cli, line, v, &r), 0);
}

static void read_file_cp(struct checkpoint *c)
{
	char p[200], buf[200];
	snprintf(p, sizeof(p), "%s.checkpoint", fx.path);
	FILE *f = fopen(p, "r");
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_int_equal(checkpoint_parse(buf, n, c), 0);
}

static void checkpoint_follows_the_head(void **state)
{
	(void)state;
	log_n(5);
	struct checkpoint c;
	read_file_cp(&c);
	assert_int_equal(c.seq, 5);
	char p[200];
	snprintf(p, sizeof(p), "%s.checkpoint", fx.path);
	struct stat sb;
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	struct audit_verification v;
	verify(NULL, &v);
	assert_int_equal(v.first_bad, 0);
	assert_int_equal(v.entries, 5);
	assert_int_equal(v.file, ANCHOR_MATCH);
	assert_int_equal(v.head.seq, 5);
	assert_string_equal(v.head.hash, c.hash);
	assert_false(audit_verification_broken(&v));
	audit_verification_release(&v);
	/* the verification was logged (seq 6) and the file moved with it */
	read_file_cp(&c);
	assert_int_equal(c.seq, 6);
	assert_int_equal(fixture_count_log(&fx, "audit.verify", "ok"), 1);
}

static void truncation_is_detected(void **state)
{
	(void)state;
	log_n(6);
	sql("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= 5");
	struct audit_verification v;
	verify(NULL, &v);
	assert_int_equal(v.first_bad, 0); /* the shorter chain is a valid chain ... */
	assert_int_equal(v.head.seq, 4);
	assert_int_equal(v.file, ANCHOR_AHEAD); /* ... but the checkpoint names seq 6 */
	assert_int_equal(v.file_cp.seq, 6);
	assert_true(audit_verification_broken(&v));
	audit_verification_release(&v);
	/* the one-verdict form says where the log ends */
	long long bad, n;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_audit_verify(&fx.svc, &fx.cli, &bad, &n, &r), 0);
	assert_true(bad >= 5);
	/* new entries do not wash it out: once the log is past seq 6 again,
	 * its entry 6 is not the one the checkpoint pins */
	log_n(5);
	verify(NULL, &v);
	assert_int_equal(v.first_bad, 0);
	assert_int_equal(v.file, ANCHOR_MISMATCH);
	assert_int_equal(v.file_cp.seq, 6);
	audit_verification_release(&v);
}

static void edit_and_short_hash_are_detected(void **state)
{
	(void)state;
	log_n(4);
	sql("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET hash = 'ab' WHERE seq = 2");
	struct audit_verification v;
	verify(NULL, &v);
	assert_int_equal(v.first_bad, 2);
	assert_true(audit_verification_broken(&v));
	audit_verification_release(&v);
	/* empty, too long, not lowercase hex */
	sql("UPDATE audit_log SET hash = '' WHERE seq = 1");
	verify(NULL, &v);
	assert_int_equal(v.first_bad, 1);
	audit_verification_release(&v);
	assert_false(audit_hash_valid(NULL));
	assert_false(audit_hash_valid("ab"));
	char h[80];
	memset(h, 'a', 64);
	h[64] = '\0';
	assert_true(audit_hash_valid(h));
	h[64] = 'a';
	h[65] = '\0';
	assert_false(audit_hash_valid(h));
	h[64] = '\0';
	h[3] = 'A';
	assert_false(audit_hash_valid(h));
}

static void edited_field_is_detected(void **state)
{
	(void)state;
	log_n(4);
	sql("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET object = 'mallory' WHERE seq = "
	    "3");
	struct audit_verification v;
	verify(NULL, &v);
	assert_int_equal(v.first_bad, 3);
	audit_verification_release(&v);
}

static void missing_or_older_checkpoint(void **state)
{
	(void)state;
	log_n(3);
	struct checkpoint c3;
	read_file_cp(&c3);
	log_n(2);
	char p[200];
	snprintf(p, sizeof(p), "%s.checkpoint", fx.path);
	/* older: an earlier true head */
	FILE *f = fopen(p, "w");
	char line[CHECKPOINT_LINE_MAX];
	checkpoint_format(&c3, line);
	fprintf(f, "%s\n", line);
	fclose(f);
	struct audit_verification v;
	verify(NULL, &v);
	assert_int_equal(v.file, ANCHOR_BEHIND);
	assert_false(audit_verification_broken(&v));
	audit_verification_release(&v);
	/* missing */
	unlink(p);
	verify(NULL, &v);
	assert_int_equal(v.file, ANCHOR_MISSING);
	assert_false(audit_verification_broken(&v));
	assert_non_null(strstr(v.file_path, ".checkpoint"));
	audit_verification_release(&v);
	/* not a checkpoint */
	f = fopen(p, "w");
	fputs("ssp-audit-checkpoint v1 seq=2 hash=ab\n", f);
	fclose(f);
	verify(NULL, &v);
	assert_int_equal(v.file, ANCHOR_UNREADABLE);
	assert_true(audit_verification_broken(&v));
	assert_non_null(v.file_error);
	audit_verification_release(&v);
}

static void checkpoint_line_off_the_machine(void **state)
{
	(void)state;
	log_n(4);
	struct checkpoint line;
	char text[CHECKPOINT_LINE_MAX];
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_audit_checkpoint(&fx.svc, &fx.cli, &line, text, &r), 0);
	assert_int_equal(line.seq, 4);
	assert_int_equal(fixture_count_log(&fx, "audit.checkpoint", "ok"), 1);
	struct checkpoint back;
	assert_int_equal(checkpoint_parse(text, strlen(text), &back), 0);
	assert_int_equal(back.seq, 4);
	assert_string_equal(back.hash, line.hash);
	log_n(3);
	struct audit_verification v;
	verify(text, &v);
	assert_int_equal(v.line, ANCHOR_BEHIND); /* older is what a kept line is */
	assert_false(audit_verification_broken(&v));
	audit_verification_release(&v);
	/* the attacker holds both files: cuts the log and rewrites the
	 * checkpoint file to match; the line kept elsewhere still tells */
	sql("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= 3");
	char p[200];
	snprintf(p, sizeof(p), "%s.checkpoint", fx.path);
	unlink(p);
	verify(text, &v);
	assert_int_equal(v.line, ANCHOR_AHEAD);
	assert_true(audit_verification_broken(&v));
	audit_verification_release(&v);
	/* a broken log gets no checkpoint */
	sql("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET object = 'x' WHERE seq = 1");
	assert_int_equal(svc_audit_checkpoint(&fx.svc, &fx.cli, &line, text, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	/* a line that is no checkpoint is bad input */
	assert_int_equal(svc_audit_verify_anchored(&fx.svc, &fx.cli, "seq=1", &v, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	assert_string_equal(r.field, "checkpoint");
	svc_result_clear(&r);
	/* parse refuses what is not a line */
	assert_int_equal(checkpoint_parse("ssp-audit-checkpoint v1 seq=0 hash=", 35, &back), -1);
	assert_int_equal(checkpoint_parse("", 0, &back), -1);
}

/* An entry undone with its transaction, or with a savepoint inside one,
 * never reaches the checkpoint: the file would name an entry the log
 * never had, which reads as truncation. */
static void rolled_back_entries_leave_the_checkpoint(void **state)
{
	(void)state;
	log_n(2);
	char *err = NULL;
	struct store *st = fx.svc.store;
	/* a savepoint undone inside a transaction that commits */
	assert_int_equal(store_begin(st, &err), 0);
	log_n(1); /* seq 3, kept */
	assert_int_equal(store_begin(st, &err), 0);
	log_n(1); /* seq 4, undone */
	store_rollback(st);
	assert_int_equal(store_commit(st), 0);
	struct checkpoint c;
	read_file_cp(&c);
	assert_true(c.seq <= 3);
	struct audit_verification v;
	verify(NULL, &v);
	assert_int_equal(v.head.seq, 3);
	assert_false(audit_verification_broken(&v));
	audit_verification_release(&v);
	/* a whole transaction undone */
	log_n(1);
	assert_int_equal(store_begin(st, &err), 0);
	log_n(2);
	store_rollback(st);
	read_file_cp(&c);
	verify(NULL, &v);
	assert_true(c.seq <= v.head.seq);
	assert_false(audit_verification_broken(&v));
	audit_verification_release(&v);
}

/* ---- several connections appending at once ---- */

#define THREADS 4
#define PER     25

static void *appender(void *arg)
{
	(void)arg;
	struct service svc;
	memset(&svc, 0, sizeof(svc));
	svc.cfg = &fx.cfg;
	memcpy(svc.key, fx.svc.key, sizeof(svc.key));
	char *err = NULL;
	if (store_open(fx.path, STORE_OPEN_EXISTING, &svc.store, &err) < 0)
		return err;
	struct actor a;
	actor_cli(&a);
	for (int i = 0; i < PER; i++) {
		struct audit_entry e = {"test.thread", NULL, NULL, NULL, "ok"};
		if (audit_log(&svc, &a, "cli", &e) < 0)
			break;
	}
	store_close(svc.store);
	return NULL;
}

static void concurrent_appends_keep_the_checkpoint(void **state)
{
	(void)state;
	log_n(1);
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, appender, NULL), 0);
	for (int i = 0; i < THREADS; i++) {
		void *res;
		pthread_join(t[i], &res);
		assert_null(res);
	}
	struct checkpoint c;
	read_file_cp(&c);
	assert_int_equal(c.seq, 1 + THREADS * PER); /* never left behind by a slower thread */
	struct audit_verification v;
	verify(NULL, &v);
	assert_int_equal(v.first_bad, 0);
	assert_int_equal(v.entries, 1 + THREADS * PER);
	assert_int_equal(v.file, ANCHOR_MATCH);
	audit_verification_release(&v);
}

/* ---- a log from before the chain key was a subkey ---- */

static void add_field(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);
	if (!s)
		snprintf(buf + n, size - n, "-1:");
	else
		snprintf(buf + n, size - n, "%zu:%s", strlen(s), s);
}

/* Inserts entry seq as version 1 wrote it: keyed with the raw secret. */
static void insert_v1(long long seq, const char *prev, char out[65])
{
	char buf[512];
	snprintf(buf, sizeof(buf), "ssp-audit-v1|%lld|", seq);
	add_field(buf, sizeof(buf), prev);
	add_field(buf, sizeof(buf), "2026-01-01T00:00:00.000Z");
	add_field(buf, sizeof(buf), "cli:old");
	add_field(buf, sizeof(buf), NULL);
	add_field(buf, sizeof(buf), "user.add");
	add_field(buf, sizeof(buf), "anna");
	add_field(buf, sizeof(buf), NULL);
	add_field(buf, sizeof(buf), NULL);
	add_field(buf, sizeof(buf), "cli");
	add_field(buf, sizeof(buf), "ok");
	unsigned char h[32];
	crypto_generichash(h, 32, (const unsigned char *)buf, strlen(buf), fx.svc.key, 32);
	sodium_bin2hex(out, 65, h, 32);
	char q[600];
	snprintf(q, sizeof(q),
		 "INSERT INTO audit_log (seq, at, username, action, object, client, outcome, "
		 "prev_hash, hash) VALUES (%lld, '2026-01-01T00:00:00.000Z', 'cli:old', "
		 "'user.add', 'anna', 'cli', 'ok', '%s', '%s')",
		 seq, prev, out);
	sql(q);
}

static void version_one_prefix_still_verifies(void **state)
{
	(void)state;
	char h1[65], h2[65];
	insert_v1(1, "", h1);
	insert_v1(2, h1, h2);
	log_n(2); /* version 2 from here on */
	struct audit_verification v;
	verify(NULL, &v);
	assert_int_equal(v.first_bad, 0);
	assert_int_equal(v.entries, 4);
	audit_verification_release(&v);
	/* but a version-1 entry after a version-2 one is no entry of ours */
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(fx.path, &db);
	sqlite3_prepare_v2(db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", -1, &st,
			   NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long head = sqlite3_column_int64(st, 0);
	char prev[65], h[65];
	snprintf(prev, sizeof(prev), "%s", (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	sqlite3_close(db);
	insert_v1(head + 1, prev, h);
	verify(NULL, &v);
	assert_int_equal(v.first_bad, head + 1);
	audit_verification_release(&v);
}

/* ---- the strategy as an action ---- */

static void strategy_apply_is_an_action(void **state)
{
	(void)state;
	fixture_apply(&fx, MIN_STRATEGY);
	unsigned char h[32];
	char hex[65], want[80];
	crypto_hash_sha256(h, (const unsigned char *)MIN_STRATEGY, strlen(MIN_STRATEGY));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(want, sizeof(want), "sha256=%s", hex);
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(fx.path, &db);
	sqlite3_prepare_v2(db,
			   "SELECT count(*) FROM audit_log WHERE action = 'strategy.apply' AND "
			   "object = ? AND username LIKE 'cli:%' AND outcome = 'ok'",
			   -1, &st, NULL);
	sqlite3_bind_text(st, 1, want, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	sqlite3_close(db);

	/* only an administrator may, and a refusal is logged */
	fixture_add_user(&fx, "sif", "S", ROLE_SSP, "Org", NULL);
	fixture_add_user(&fx, "ada", "A", ROLE_ADMIN, NULL, NULL);
	struct actor ssp = fixture_actor(&fx, "sif"), admin = fixture_actor(&fx, "ada");
	struct diags d;
	diags_init(&d, "t.ini");
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(
	    svc_strategy_apply(&fx.svc, &ssp, MIN_STRATEGY, strlen(MIN_STRATEGY), &d, NULL, &r),
	    -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "strategy.apply", "refused"), 1);
	assert_int_equal(
	    svc_strategy_apply(&fx.svc, &admin, MIN_STRATEGY, strlen(MIN_STRATEGY), &d, NULL, &r),
	    0);
	assert_int_equal(fixture_count_log(&fx, "strategy.apply", "ok"), 2);
	/* a strategy with errors changes nothing and is not applied */
	assert_int_equal(svc_strategy_apply(&fx.svc, &admin, "[kommune]\n", 10, &d, NULL, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	assert_true(d.errors > 0);
	svc_result_clear(&r);
	diags_release(&d);
	assert_int_equal(fixture_count_log(&fx, "strategy.apply", "ok"), 2);
	assert_int_equal(fixture_count_log(&fx, "strategy.apply", "failed"), 1);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(checkpoint_follows_the_head, setup, teardown),
	    cmocka_unit_test_setup_teardown(truncation_is_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(edit_and_short_hash_are_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(edited_field_is_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(missing_or_older_checkpoint, setup, teardown),
	    cmocka_unit_test_setup_teardown(checkpoint_line_off_the_machine, setup, teardown),
	    cmocka_unit_test_setup_teardown(rolled_back_entries_leave_the_checkpoint, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(concurrent_appends_keep_the_checkpoint, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(version_one_prefix_still_verifies, setup, teardown),
	    cmocka_unit_test_setup_teardown(strategy_apply_is_an_action, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
