/* retention_service.c - the purge (service/retention.h). */
#include "service/retention.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "domain/calendar.h"
#include "service/audit.h"
#include "service/service_internal.h"
#include "store/retention_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/wallclock.h"
#include "util/banned.h"

#define PURGE_BATCH_DEFAULT 200
/* the access log is pruned in larger steps: its rows are small */
#define PURGE_AUDIT_BATCH 5000

static void utc_now(char out[32])
{
	time_t t = wallclock_time();
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static long today(void)
{
	time_t t = wallclock_time();
	struct tm tm;
	localtime_r(&t, &tm);
	return cal_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The order of deletion: what belongs to a concern before the concern,
 * and people last (once nothing refers to them). */
static const enum retention_record order[] = {RET_HANDOVER, RET_REFERRAL, RET_CONVERSATION,
					      RET_CONCERN,  RET_MINUTES,  RET_RISK_ASSESSMENT,
					      RET_INDSIGT};

#ifdef SSP_TEST_HOOKS
/* Test build only: $SSP_TEST_PURGE_KILL=N kills the process (SIGKILL) in
 * batch N after its deletes, before its commit, as kill -9 would. */
static void test_kill_point(long long batch)
{
	const char *v = getenv("SSP_TEST_PURGE_KILL");
	if (v && strtoll(v, NULL, 10) == batch)
		raise(SIGKILL);
}
#else
static void test_kill_point(long long batch)
{
	(void)batch;
}
#endif

/* One round: up to limit records of each type, then the people left
 * without records. *n gets the counts of this round; *total their sum. */
static int purge_round(struct service *svc, const struct retention_policy *p, long as_of, int limit,
		       const char *at, long long n[RET__COUNT], long long *people, long long *total,
		       struct svc_result *r)
{
	*total = 0;
	*people = 0;
	char *err = NULL;
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++) {
		enum retention_record rt = order[i];
		char cutoff[11];
		cal_format_date(retention_cutoff(&p->rule[rt], as_of), cutoff);
		long long k = 0;
		if (store_purge_records(svc->store, rt, p->rule[rt].trigger, cutoff, at, limit, &k,
					&err) < 0)
			return svc_store_fail(r, err);
		n[rt] += k;
		*total += k;
	}
	char day[11];
	cal_format_date(as_of, day);
	if (store_purge_people(svc->store, day, at, limit, people, &err) < 0)
		return svc_store_fail(r, err);
	*total += *people;
	return 0;
}

/* The access log's round: entries whose day is on or before the cut-off. */
static int prune_round(struct service *svc, const struct retention_policy *p, long as_of, int limit,
		       const char *at, long long *pruned, struct svc_result *r)
{
	char before[11];
	cal_format_date(retention_cutoff(&p->rule[RET_ACCESS_LOG], as_of) + 1, before);
	long long upto = 0;
	char *err = NULL;
	if (audit_prune(svc, before, at, limit, pruned, &upto, &err) < 0)
		return svc_store_fail(r, err);
	if (upto > 0 && store_deletion_record_add(svc->store, retention_record_id(RET_ACCESS_LOG),
						  "audit_log", upto, "audit-prune", at, &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

static void counts_object(struct svc_call *c, const char *what, const char *as_of,
			  const long long n[RET__COUNT], long long people)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s as-of=%s", what, as_of);
	for (int i = 0; i < RET__COUNT; i++)
		if (n[i])
			strbuf_addf(&sb, " %s=%lld", retention_record_id((enum retention_record)i),
				    n[i]);
	if (people)
		strbuf_addf(&sb, " %s=%lld", RETENTION_PERSON, people);
	svc_call_object(c, "%s", sb.buf);
	strbuf_release(&sb);
}

static int dry_run(struct service *svc, const struct actor *a, const struct retention_policy *p,
		   long as_of, struct purge_result *out, struct svc_result *r)
{
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_RETENTION_PURGE, NULL,
		      (struct svc_entry){.action = "retention.purge", .object = "dry-run"}, r) < 0)
		return -1;
	char at[32], *err = NULL;
	utc_now(at);
	/* the whole purge in a savepoint that is rolled back: exact counts */
	if (store_begin(svc->store, &err) < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	int rc = 0;
	for (;;) {
		long long n[RET__COUNT] = {0}, people = 0, total = 0;
		rc = purge_round(svc, p, as_of, 100000, at, n, &people, &total, r);
		if (rc < 0)
			break;
		for (int i = 0; i < RET__COUNT; i++)
			out->deleted[i] += n[i];
		out->people += people;
		if (!total)
			break;
	}
	for (; rc == 0;) {
		long long pruned = 0;
		rc = prune_round(svc, p, as_of, 1000000, at, &pruned, r);
		out->deleted[RET_ACCESS_LOG] += pruned;
		if (pruned < 1000000)
			break;
	}
	store_rollback(svc->store);
	if (rc < 0)
		return svc_abort(&c);
	counts_object(&c, "dry-run", out->as_of, out->deleted, out->people);
	return svc_commit(&c);
}

int svc_purge(struct service *svc, const struct actor *a, const struct purge_options *o,
	      struct purge_result *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	long as_of = o->as_of == CAL_NO_DAY ? today() : o->as_of;
	cal_format_date(as_of, out->as_of);
	int limit = o->batch > 0 ? o->batch : PURGE_BATCH_DEFAULT;
#ifdef SSP_TEST_HOOKS
	const char *tb = getenv("SSP_TEST_PURGE_BATCH");
	if (tb && strtol(tb, NULL, 10) > 0)
		limit = (int)strtol(tb, NULL, 10);
#endif
	if (svc_check(svc, a, ACT_RETENTION_PURGE, NULL,
		      &(struct svc_entry){.action = "retention.purge"}, r) < 0)
		return -1;
	struct org org;
	org_init(&org);
	if (svc_load_org(svc, &org, r) < 0) {
		org_release(&org);
		return -1;
	}
	struct retention_policy p = org.retention;
	org_release(&org);
	if (o->dry_run)
		return dry_run(svc, a, &p, as_of, out, r);

	char at[32];
	utc_now(at);
	/* The records, batch by batch, until a round finds nothing due; then
	 * the access log, in the rounds that find no record (its prune keeps
	 * the newest entry, so the purge's own entries stay). */
	for (;;) {
		SVC_CALL(c);
		if (svc_begin(&c, svc, a, ACT_RETENTION_PURGE, NULL,
			      (struct svc_entry){.action = "retention.purge"}, r) < 0)
			return -1;
		long long n[RET__COUNT] = {0}, people = 0, total = 0, pruned = 0;
		if (purge_round(svc, &p, as_of, limit, at, n, &people, &total, r) < 0)
			return svc_abort(&c);
		if (!total && prune_round(svc, &p, as_of, PURGE_AUDIT_BATCH, at, &pruned, r) < 0)
			return svc_abort(&c);
		n[RET_ACCESS_LOG] = pruned;
		test_kill_point(out->batches + 1);
		bool last = !total && pruned < PURGE_AUDIT_BATCH;
		counts_object(&c, last ? "done" : "batch", out->as_of, n, people);
		if (svc_commit(&c) < 0)
			return -1;
		out->batches++;
		for (int i = 0; i < RET__COUNT; i++)
			out->deleted[i] += n[i];
		out->people += people;
		if (last)
			break;
	}
	char *err = NULL;
	if (store_secure_checkpoint(svc->store, &out->wal_truncated, &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

/* ---- the server's daily run ------------------------------------------------ */

long purge_seconds_until(int now_min, int now_sec, int at_min)
{
	long now = (long)now_min * 60 + now_sec, at = (long)at_min * 60;
	long d = at - now;
	if (d <= 0)
		d += 24L * 60 * 60;
	return d;
}

struct purge_timer {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	char *db_path;
	unsigned char key[32];
	const struct config *cfg;
	long first_delay; /* test hook: seconds to the first run; 0: none */
};

static void run_purge(struct purge_timer *t)
{
	struct service svc;
	memset(&svc, 0, sizeof(svc));
	char *err = NULL;
	if (service_open_keyed(&svc, t->db_path, t->key, t->cfg, &err) < 0) {
		fprintf(stderr, _("ssp serve: den daglige sletning kunne ikke køre: %s\n"), err);
		free(err);
		return;
	}
	struct actor a;
	actor_cli(&a);
	snprintf(a.username, sizeof(a.username), "ssp-serve:purge");
	snprintf(a.client, sizeof(a.client), "serve");
	struct purge_options o = {CAL_NO_DAY, false, 0};
	struct purge_result res;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_purge(&svc, &a, &o, &res, &r) < 0)
		fprintf(stderr, _("ssp serve: den daglige sletning fejlede: %s\n"),
			r.message ? r.message : "?");
	svc_result_clear(&r);
	service_close(&svc);
}

static void *timer_main(void *data)
{
	struct purge_timer *t = data;
	pthread_mutex_lock(&t->lock);
	long delay = t->first_delay;
	while (!t->stop) {
		if (delay <= 0) {
			time_t now = time(NULL);
			struct tm tm;
			localtime_r(&now, &tm);
			delay = purge_seconds_until(tm.tm_hour * 60 + tm.tm_min, tm.tm_sec,
						    t->cfg->purge_minute);
		}
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += delay;
		int rc = 0;
		while (!t->stop && rc != ETIMEDOUT)
			rc = pthread_cond_timedwait(&t->wake, &t->lock, &until);
		if (t->stop)
			break;
		pthread_mutex_unlock(&t->lock);
		run_purge(t);
		pthread_mutex_lock(&t->lock);
		delay = 0;
	}
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

struct purge_timer *purge_timer_start(const char *db_path, const unsigned char key[32],
				      const struct config *cfg)
{
	if (cfg->purge_minute < 0)
		return NULL;
	struct purge_timer *t = xcalloc(1, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->wake, NULL);
	t->db_path = xstrdup(db_path);
	memcpy(t->key, key, sizeof(t->key));
	t->cfg = cfg;
#ifdef SSP_TEST_HOOKS
	const char *d = getenv("SSP_TEST_PURGE_DELAY");
	if (d && strtol(d, NULL, 10) > 0)
		t->first_delay = strtol(d, NULL, 10);
#endif
	if (pthread_create(&t->thread, NULL, timer_main, t) != 0) {
		fprintf(stderr, "%s", _("ssp serve: den daglige sletning kunne ikke startes\n"));
		sodium_memzero(t->key, sizeof(t->key));
		free(t->db_path);
		free(t);
		return NULL;
	}
	return t;
}

void purge_timer_stop(struct purge_timer *t)
{
	if (!t)
		return;
	pthread_mutex_lock(&t->lock);
	t->stop = true;
	pthread_cond_signal(&t->wake);
	pthread_mutex_unlock(&t->lock);
	pthread_join(t->thread, NULL);
	pthread_mutex_destroy(&t->lock);
	pthread_cond_destroy(&t->wake);
	sodium_memzero(t->key, sizeof(t->key));
	free(t->db_path);
	free(t);
}
