/* The access log's group commit (service/audit.c): many threads, each with
 * its own connection, log at once. Every caller's entry is committed (seen
 * by another connection) before audit_log returns, a read's entry is
 * committed before the read returns its rows, the chain holds after the
 * burst, and the checkpoint file names the head. Against a real SQLite
 * file. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/checkpoint.h"
#include "service/audit.h"
#include "store/store.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "auditgroup", NULL);
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

#define THREADS 16
#define PER     20

/* Is there an entry with this object, seen from a connection of its own
 * (so only what is committed)? 1 yes, 0 no, -1 error. */
static int committed(const char *action, const char *object)
{
	sqlite3 *db;
	if (sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(db, 5000);
	sqlite3_stmt *st;
	int found = -1;
	if (sqlite3_prepare_v2(db,
			       "SELECT count(*) FROM audit_log WHERE action = ?1 AND "
			       "(?2 IS NULL OR object = ?2)",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, object, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			found = sqlite3_column_int(st, 0) > 0;
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return found;
}

struct worker {
	int id;
	bool reads; /* svc_audit_list instead of audit_log */
	char *fail; /* why it failed, or NULL */
};

/* A thread's own service on the fixture's database (as a web worker has). */
static int thread_service(struct service *svc, struct worker *w)
{
	memset(svc, 0, sizeof(*svc));
	svc->cfg = &fx.cfg;
	memcpy(svc->key, fx.svc.key, sizeof(svc->key));
	char *err = NULL;
	if (store_open(fx.path, STORE_OPEN_EXISTING, &svc->store, &err) < 0) {
		w->fail = err;
		return -1;
	}
	return 0;
}

static void *worker(void *arg)
{
	struct worker *w = arg;
	struct service svc;
	if (thread_service(&svc, w) < 0)
		return NULL;
	struct actor a;
	actor_cli(&a);
	for (int i = 0; i < PER && !w->fail; i++) {
		char what[64];
		if (w->reads) {
			/* the read's entry names the filter: user=tN-I */
			char user[32];
			snprintf(user, sizeof(user), "t%d-%d", w->id, i);
			snprintf(what, sizeof(what), "user=%s", user);
			struct audit_filter f = {user, NULL, 1};
			struct audit_rows rows = {0};
			struct svc_result r = SVC_RESULT_INIT;
			if (svc_audit_list(&svc, &a, &f, &rows, &r) < 0) {
				w->fail = strdup("svc_audit_list failed");
				svc_result_clear(&r);
				break;
			}
			audit_rows_release(&rows);
			if (committed("audit.view", what) != 1)
				w->fail = strdup("a read returned before its entry was committed");
		} else {
			snprintf(what, sizeof(what), "t%d-%d", w->id, i);
			struct audit_entry e = {"test.group", what, NULL, NULL, "ok"};
			if (audit_log(&svc, &a, "cli", &e) < 0)
				w->fail = strdup("audit_log failed");
			else if (committed("test.group", what) != 1)
				w->fail =
				    strdup("audit_log returned before its entry was committed");
		}
	}
	store_close(svc.store);
	return NULL;
}

static void burst(bool reads)
{
	pthread_t t[THREADS];
	struct worker w[THREADS];
	for (int i = 0; i < THREADS; i++) {
		w[i] = (struct worker){i, reads && i % 2 == 0, NULL};
		assert_int_equal(pthread_create(&t[i], NULL, worker, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < THREADS; i++)
		if (w[i].fail)
			fail_msg("thread %d: %s", i, w[i].fail);
}

static void check_chain(long long want)
{
	struct audit_verification v;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_audit_verify_anchored(&fx.svc, &fx.cli, NULL, &v, &r), 0);
	assert_int_equal(v.first_bad, 0);
	assert_int_equal(v.entries, want);
	assert_int_equal(v.file, ANCHOR_MATCH); /* the file names the head */
	assert_false(audit_verification_broken(&v));
	audit_verification_release(&v);
}

static void every_writer_is_committed_and_chained(void **state)
{
	(void)state;
	burst(false);
	assert_int_equal(fixture_count_log(&fx, "test.group", "ok"), THREADS * PER);
	check_chain(THREADS * PER);
}

static void every_read_is_logged_before_it_returns(void **state)
{
	(void)state;
	burst(true);
	assert_int_equal(fixture_count_log(&fx, "audit.view", "ok"), THREADS / 2 * PER);
	assert_int_equal(fixture_count_log(&fx, "test.group", "ok"), THREADS / 2 * PER);
	check_chain(THREADS * PER);
}

/* An entry inside an open transaction (a change and its entry) still
 * commits or rolls back with that transaction, not with a group. */
static void an_entry_in_a_transaction_rolls_back_with_it(void **state)
{
	(void)state;
	char *err = NULL;
	assert_int_equal(store_begin(fx.svc.store, &err), 0);
	struct audit_entry e = {"test.tx", "x", NULL, NULL, "ok"};
	assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &e), 0);
	store_rollback(fx.svc.store);
	assert_int_equal(committed("test.tx", "x"), 0);
	assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &e), 0);
	assert_int_equal(committed("test.tx", "x"), 1);
	check_chain(1);
}

/* ---- the writer and deferred entries (the web server's way) ---- */

struct flag {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool set;
};

static void flag_set(void *cls)
{
	struct flag *f = cls;
	pthread_mutex_lock(&f->mu);
	f->set = true;
	pthread_cond_signal(&f->cv);
	pthread_mutex_unlock(&f->mu);
}

static void *deferring_worker(void *arg)
{
	struct worker *w = arg;
	struct service svc;
	if (thread_service(&svc, w) < 0)
		return NULL;
	struct actor a;
	actor_cli(&a);
	for (int i = 0; i < PER && !w->fail; i++) {
		char what[2][64];
		struct audit_defer *d = audit_defer_new();
		audit_defer_enter(d);
		for (int k = 0; k < 2; k++) {
			snprintf(what[k], sizeof(what[k]), "d%d-%d-%d", w->id, i, k);
			struct audit_entry e = {"test.defer", what[k], NULL, NULL, "ok"};
			if (audit_log(&svc, &a, "cli", &e) < 0)
				w->fail = strdup("audit_log failed");
		}
		audit_defer_leave();
		struct flag f = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
		if (!audit_defer_submit(d, &svc))
			w->fail = strdup("nothing in flight with a writer running");
		else if (audit_defer_arm(d, flag_set, &f)) {
			pthread_mutex_lock(&f.mu);
			while (!f.set)
				pthread_cond_wait(&f.cv, &f.mu);
			pthread_mutex_unlock(&f.mu);
		}
		/* called back (or nothing in flight): both are committed */
		for (int k = 0; k < 2 && !w->fail; k++)
			if (committed("test.defer", what[k]) != 1)
				w->fail = strdup("called back before the entry was committed");
		if (audit_defer_failed(d))
			w->fail = strdup("a deferral failed");
		audit_defer_free(d);
	}
	store_close(svc.store);
	return NULL;
}

/* Each "request" keeps two entries, hands them to the writer and waits for
 * the call back: then both are committed, the chain holds and the
 * checkpoint file names the head once the writer has stopped. */
static void deferred_entries_are_committed_before_the_call_back(void **state)
{
	(void)state;
	char *err = NULL;
	struct audit_writer *aw = audit_writer_start(fx.path, fx.svc.key, &fx.cfg, &err);
	assert_non_null(aw);
	pthread_t t[THREADS];
	struct worker w[THREADS];
	for (int i = 0; i < THREADS; i++) {
		w[i] = (struct worker){i, false, NULL};
		assert_int_equal(pthread_create(&t[i], NULL, deferring_worker, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	audit_writer_stop(aw);
	for (int i = 0; i < THREADS; i++)
		if (w[i].fail)
			fail_msg("thread %d: %s", i, w[i].fail);
	assert_int_equal(fixture_count_log(&fx, "test.defer", "ok"), THREADS * PER * 2);
	check_chain(THREADS * PER * 2);
}

static long long seq_of(const char *object)
{
	sqlite3 *db;
	long long seq = -1;
	if (sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT seq FROM audit_log WHERE object = ?1", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(st, 1, object, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			seq = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return seq;
}

/* A request's kept entry (the token's use) goes into the log before the
 * change the request then makes, in the change's transaction. */
static void a_change_takes_the_kept_entries_first(void **state)
{
	(void)state;
	struct audit_defer *d = audit_defer_new();
	audit_defer_enter(d);
	struct audit_entry use = {"test.use", "first", NULL, NULL, "ok"};
	assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &use), 0);
	assert_int_equal(committed("test.use", "first"), 0); /* kept */
	char *err = NULL;
	assert_int_equal(store_begin(fx.svc.store, &err), 0);
	struct audit_entry change = {"test.change", "second", NULL, NULL, "ok"};
	assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &change), 0);
	assert_int_equal(store_commit(fx.svc.store), 0);
	audit_defer_leave();
	assert_int_equal(committed("test.use", "first"), 1);
	assert_true(seq_of("first") < seq_of("second"));
	assert_false(audit_defer_submit(d, &fx.svc)); /* nothing left */
	assert_false(audit_defer_failed(d));
	audit_defer_free(d);
	check_chain(2);
}

/* ... and stays kept when that change is rolled back: submitted at the
 * end (here without a writer: committed at once), the change never. */
static void a_rolled_back_change_leaves_the_kept_entries(void **state)
{
	(void)state;
	struct audit_defer *d = audit_defer_new();
	audit_defer_enter(d);
	struct audit_entry use = {"test.use", "kept", NULL, NULL, "ok"};
	assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &use), 0);
	char *err = NULL;
	assert_int_equal(store_begin(fx.svc.store, &err), 0);
	struct audit_entry change = {"test.change", "undone", NULL, NULL, "ok"};
	assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &change), 0);
	store_rollback(fx.svc.store);
	audit_defer_leave();
	assert_int_equal(committed("test.use", "kept"), 0);
	assert_false(audit_defer_submit(d, &fx.svc));
	assert_false(audit_defer_failed(d));
	audit_defer_free(d);
	assert_int_equal(committed("test.use", "kept"), 1);
	assert_int_equal(committed("test.change", "undone"), 0);
	check_chain(1);
}

#ifdef SSP_TEST_HOOKS
/* The writer cannot write the group: the deferral says failed (the door
 * then answers 500 and sends nothing it had prepared). */
static void a_failed_group_fails_the_deferral(void **state)
{
	(void)state;
	char *err = NULL;
	setenv("SSP_TEST_AUDIT_FAIL", "1", 1);
	struct audit_writer *aw = audit_writer_start(fx.path, fx.svc.key, &fx.cfg, &err);
	assert_non_null(aw);
	struct audit_defer *d = audit_defer_new();
	audit_defer_enter(d);
	struct audit_entry e = {"test.defer", "lost", NULL, NULL, "ok"};
	assert_int_equal(audit_log(&fx.svc, &fx.cli, "cli", &e), 0);
	audit_defer_leave();
	struct flag f = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
	assert_true(audit_defer_submit(d, &fx.svc));
	if (audit_defer_arm(d, flag_set, &f)) {
		pthread_mutex_lock(&f.mu);
		while (!f.set)
			pthread_cond_wait(&f.cv, &f.mu);
		pthread_mutex_unlock(&f.mu);
	}
	assert_true(audit_defer_failed(d));
	audit_defer_free(d);
	audit_writer_stop(aw);
	unsetenv("SSP_TEST_AUDIT_FAIL");
	assert_int_equal(committed("test.defer", "lost"), 0);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(every_writer_is_committed_and_chained, setup, teardown),
	    cmocka_unit_test_setup_teardown(every_read_is_logged_before_it_returns, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(an_entry_in_a_transaction_rolls_back_with_it, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(deferred_entries_are_committed_before_the_call_back,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(a_change_takes_the_kept_entries_first, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_rolled_back_change_leaves_the_kept_entries, setup,
					    teardown),
#ifdef SSP_TEST_HOOKS
	    cmocka_unit_test_setup_teardown(a_failed_group_fails_the_deferral, setup, teardown),
#endif
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
