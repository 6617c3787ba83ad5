#include "service/audit.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "service/crypto.h"
#include "service/guard.h"
#include "service/service_internal.h"
#include "store/audit_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/wallclock.h"
#include "util/banned.h"

/* The hashed form of an entry: every field length-prefixed, so no two
 * different entries serialise alike. */
static void add_field(struct strbuf *sb, const char *s)
{
	if (!s) {
		strbuf_addstr(sb, "-1:");
		return;
	}
	strbuf_addf(sb, "%zu:", strlen(s));
	strbuf_addstr(sb, s);
}

/* The chain hash of entry r after prev_hash, into out (65 bytes, hex).
 * Version 2 (every entry written since the chain key became a subkey)
 * keys BLAKE2b with the "sspchain" subkey of the instance secret; version
 * 1, the raw secret. Only a leading run of the log can be version 1
 * (verify_row): a database from before keeps its entries as they were
 * written, and the first version-2 entry anchors the new key to them. */
static void chain_hash_v(int version, const unsigned char key[32], const char *prev_hash,
			 const struct audit_row *r, char *out)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "ssp-audit-v%d|%lld|", version, r->seq);
	add_field(&sb, prev_hash);
	add_field(&sb, r->at);
	add_field(&sb, r->username);
	add_field(&sb, r->org);
	add_field(&sb, r->action);
	add_field(&sb, r->object);
	add_field(&sb, r->subject);
	add_field(&sb, r->legal_basis);
	add_field(&sb, r->client);
	add_field(&sb, r->outcome);
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)sb.buf, sb.len, key, 32);
	sodium_bin2hex(out, 65, h, sizeof(h));
	strbuf_release(&sb);
}

/* audit_hash_fn for store_audit_append: data is the chain key. */
static void chain_hash(const char *prev_hash, const struct audit_row *r, char *out, void *data)
{
	chain_hash_v(2, data, prev_hash, r, out);
}

/* ---- group commit ---------------------------------------------------------
 *
 * An entry appended outside a transaction (a read's entry, logged before its
 * data leaves the service; a refusal; token.use) must be durable before the
 * data goes out, which costs one fsync of the WAL and one of the checkpoint
 * file. Concurrent callers share them: each queues its entry; a leader takes
 * every queued entry, appends them in queue order (the chain computed in
 * that order) in one transaction on its own connection, commits (one fsync;
 * the WAL hook writes the checkpoint file once for the group), marks them
 * done with the result and wakes the others. Entries queued meanwhile go in
 * the next group. The queue is per database file (a process may open
 * several). Entries inside a caller's transaction (a change and its entry)
 * are appended directly: they commit with the change.
 *
 * Who leads. Without a writer (the CLI, tests), the first waiter that finds
 * no group at work leads, on its own thread and connection, and no caller
 * returns before its entry is committed. The web server starts a writer
 * (audit_writer_start): a thread of its own that leads every group, so that
 * a worker thread need not wait for the disk. A worker keeps the entries
 * of a request in the request's deferral (audit_defer_enter) and goes on
 * building the answer; a change it makes takes the kept entries into its
 * own transaction, ahead of its entry, so the request's order holds in the
 * log. At the end the door queues what is kept (audit_defer_submit) and
 * holds the answer back, with its connection suspended, until the writer
 * has committed it (audit_defer_arm calls back), and answers 500 instead
 * if an entry could not be written. The guarantee is the same: no answer leaves before its
 * entries are durable; only the thread is free meanwhile, so a group is as
 * large as the requests that arrive during one commit, not as the number
 * of worker threads. */

struct audit_defer {
	/* the request's own thread: its entries, not yet queued, in order;
	 * the first in_tx of them are appended in its open transaction */
	struct pending *buf, **buf_tail;
	size_t in_tx;
	/* under g->mu once queued */
	struct group *g;      /* (one database per request) */
	int refs;             /* the door's, and one per queued entry */
	unsigned outstanding; /* entries queued, not yet committed */
	bool failed;          /* one of them could not be written */
	bool armed;           /* call done(cls) when outstanding reaches 0 */
	void (*done)(void *);
	void *cls;
};

struct pending {
	struct audit_row row; /* owned copies */
	char at[40];
	int rc;
	bool done;
	struct audit_defer *defer; /* a deferred entry (heap): nobody waits */
	struct pending *next;
};

struct group {
	char *path;
	pthread_mutex_t mu;
	pthread_cond_t cv;   /* a group is done */
	pthread_cond_t work; /* the writer: entries are queued, or stop */
	struct pending *head, **tail;
	bool leading;
	bool writer;     /* a writer thread leads every group */
	bool quiescing;  /* no new deferrals: they wait instead */
	bool stopping;   /* the writer ends once the queue is empty */
	size_t deferred; /* deferred entries not yet resolved */
	size_t resuming; /* callbacks being made outside mu */
	struct group *next;
};

static pthread_mutex_t groups_mu = PTHREAD_MUTEX_INITIALIZER;
static struct group *groups; /* kept for the life of the process */

static struct group *group_of(const char *path)
{
	pthread_mutex_lock(&groups_mu);
	struct group *g = groups;
	while (g && strcmp(g->path, path))
		g = g->next;
	if (!g) {
		g = xcalloc(1, sizeof(*g));
		g->path = xstrdup(path);
		pthread_mutex_init(&g->mu, NULL);
		pthread_cond_init(&g->cv, NULL);
		pthread_cond_init(&g->work, NULL);
		g->tail = &g->head;
		g->next = groups;
		groups = g;
	}
	pthread_mutex_unlock(&groups_mu);
	return g;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* now, as the log writes it: 2026-01-31T12:00:00.000Z */
static void stamp(char at[40])
{
	struct timespec ts;
	wallclock_now(&ts);
	struct tm tm;
	gmtime_r(&ts.tv_sec, &tm);
	size_t n = strftime(at, 40, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(at + n, 40 - n, ".%03ldZ", ts.tv_nsec / 1000000);
}

/* Drops one reference to d; called with g->mu held. */
static void defer_unref(struct audit_defer *d)
{
	if (--d->refs == 0)
		free(d);
}

struct callback {
	void (*done)(void *);
	void *cls;
};

static void flusher_post(struct audit_writer *w, const struct checkpoint *c);

/* Leads one group: the queue as it stands, appended and committed on this
 * thread's connection. Called and returns with g->mu held. The writer w
 * (NULL: a waiter leads) leaves the checkpoint file to its flusher. */
static void lead(struct service *svc, struct group *g, struct audit_writer *w)
{
	g->leading = true;
	struct pending *batch = g->head;
	g->head = NULL;
	g->tail = &g->head;
	pthread_mutex_unlock(&g->mu);
	size_t n = 0;
	for (struct pending *p = batch; p; p = p->next)
		n++;
	struct audit_row *rows = xcalloc(n, sizeof(*rows));
	size_t i = 0;
	for (struct pending *p = batch; p; p = p->next)
		rows[i++] = p->row;
	char *err = NULL;
	unsigned char key[32];
	svc_chain_key(svc, key);
	store_audit_checkpoint_defer(svc->store, true);
	int rc;
#ifdef SSP_TEST_HOOKS
	/* a disk that refuses the group (tests/unit/test_audit_group.c,
	 * tests/cli/audit_defer_fail.sh) */
	const char *fail = w ? getenv("SSP_TEST_AUDIT_FAIL") : NULL;
	if (fail && !strcmp(fail, "1")) {
		rc = -1;
		err = xstrdup("SSP_TEST_AUDIT_FAIL");
	} else
#endif
		rc = store_audit_append_batch(svc->store, rows, n, chain_hash, key, NULL, &err);
	store_audit_checkpoint_defer(svc->store, false);
	sodium_memzero(key, sizeof(key));
	free(rows);
	if (rc < 0) {
		/* every caller in the group refuses its action (a deferred
		 * request answers 500); the message is for the operator */
		fprintf(stderr, "ssp: %s\n", err);
		free(err);
	}
	struct callback *calls = xcalloc(n ? n : 1, sizeof(*calls));
	size_t ncalls = 0;
	struct pending *mine = NULL; /* the deferred entries, freed here */
	pthread_mutex_lock(&g->mu);
	for (struct pending *p = batch, *next; p; p = next) {
		next = p->next; /* a waiter's p is gone once it sees done */
		struct audit_defer *d = p->defer;
		if (!d) {
			p->rc = rc;
			p->done = true;
			continue;
		}
		if (rc < 0)
			d->failed = true;
		g->deferred--;
		if (--d->outstanding == 0 && d->armed) {
			d->armed = false;
			calls[ncalls++] = (struct callback){d->done, d->cls};
		}
		defer_unref(d);
		p->next = mine;
		mine = p;
	}
	g->leading = false;
	g->resuming += ncalls;
	pthread_cond_broadcast(&g->cv);
	/* The callbacks (libmicrohttpd's resume) and the checkpoint file
	 * after the wake-up, outside the lock: the next group can commit
	 * meanwhile (the file only ever moves forward). A crash here leaves
	 * the file behind the log by this group, which `ssp audit verify`
	 * reports as "older than the log" (exit 3), never as a match. */
	pthread_mutex_unlock(&g->mu);
	for (size_t k = 0; k < ncalls; k++)
		calls[k].done(calls[k].cls);
	free(calls);
	while (mine) {
		struct pending *p = mine;
		mine = p->next;
		p->row.at = NULL;
		audit_row_release(&p->row);
		free(p);
	}
	struct checkpoint cp;
	if (w) {
		if (store_audit_checkpoint_take(svc->store, &cp) == 1)
			flusher_post(w, &cp);
	} else if (store_audit_checkpoint_flush(svc->store, &err) < 0) {
		fprintf(stderr, "ssp: %s\n", err);
		free(err);
	}
	pthread_mutex_lock(&g->mu);
	if (ncalls) {
		g->resuming -= ncalls;
		pthread_cond_broadcast(&g->cv);
	}
}

/* The deferral this thread's entries join (audit_defer_enter), or NULL. */
static _Thread_local struct audit_defer *current_defer;

static struct pending *pending_new(const struct audit_row *r)
{
	struct pending *p = xcalloc(1, sizeof(*p));
	p->row.username = dup_or_null(r->username);
	p->row.org = dup_or_null(r->org);
	p->row.action = dup_or_null(r->action);
	p->row.object = dup_or_null(r->object);
	p->row.subject = dup_or_null(r->subject);
	p->row.legal_basis = dup_or_null(r->legal_basis);
	p->row.client = dup_or_null(r->client);
	p->row.outcome = dup_or_null(r->outcome);
	p->row.at = p->at;
	return p;
}

static void pending_free(struct pending *p)
{
	p->row.at = NULL;
	audit_row_release(&p->row);
	free(p);
}

/* Queues p and waits until it is committed (the caller's thread leads
 * when no writer does); frees p; returns its result. */
static int group_wait(struct group *g, struct service *svc, struct pending *p)
{
	pthread_mutex_lock(&g->mu);
	stamp(p->at); /* under the lock: times rise with seq */
	*g->tail = p;
	g->tail = &p->next;
	if (g->writer)
		pthread_cond_signal(&g->work);
	while (!p->done) {
		if (!g->leading && !g->writer)
			lead(svc, g, NULL);
		else
			pthread_cond_wait(&g->cv, &g->mu);
	}
	pthread_mutex_unlock(&g->mu);
	int rc = p->rc;
	pending_free(p);
	return rc;
}

static int group_append(struct service *svc, const struct audit_row *r)
{
	return group_wait(group_of(store_path(svc->store)), svc, pending_new(r));
}

/* store_on_tx_end for a deferral's entries appended in a transaction:
 * committed, they are done; rolled back, they wait for the next chance. */
static void defer_tx_end(void *data, bool committed)
{
	struct audit_defer *d = data;
	if (committed) {
		for (; d->in_tx > 0; d->in_tx--) {
			struct pending *p = d->buf;
			d->buf = p->next;
			pending_free(p);
		}
		if (!d->buf)
			d->buf_tail = &d->buf;
	}
	d->in_tx = 0;
}

/* An entry in the caller's transaction, after the entries of the request
 * that wait in its deferral (so the log keeps the request's order: the
 * token's use, the read, then the change), all committed with the
 * change. */
static int append_in_tx(struct service *svc, struct audit_defer *d, struct audit_row *r)
{
	size_t n = 1;
	struct pending *from = d ? d->buf : NULL;
	for (size_t k = 0; d && k < d->in_tx; k++)
		from = from->next;
	for (struct pending *p = from; p; p = p->next)
		n++;
	struct audit_row *rows = xcalloc(n, sizeof(*rows));
	size_t i = 0;
	for (struct pending *p = from; p; p = p->next) {
		stamp(p->at);
		rows[i++] = p->row;
	}
	stamp((char *)r->at);
	rows[i++] = *r;
	char *err = NULL;
	unsigned char key[32];
	svc_chain_key(svc, key);
	int rc = store_audit_append_batch(svc->store, rows, n, chain_hash, key, NULL, &err);
	sodium_memzero(key, sizeof(key));
	free(rows);
	if (rc < 0) {
		/* The caller refuses the action; the message is for the operator. */
		fprintf(stderr, "ssp: %s\n", err);
		free(err);
		return -1;
	}
	if (n > 1) {
		d->in_tx += n - 1;
		store_on_tx_end(svc->store, defer_tx_end, d);
	}
	return 0;
}

/* ---- the writer (the web server) ---- */

struct audit_writer {
	struct group *g;
	struct service svc;
	pthread_t thread;
	/* the flusher: writes the newest group's checkpoint file while the
	 * writer commits the next group (the file's fsync off the path of
	 * the answers; it lags the log by at most the group in flight) */
	pthread_t flusher;
	pthread_mutex_t fmu;
	pthread_cond_t fcv;
	struct checkpoint want;
	bool have, fstop;
};

static void flusher_post(struct audit_writer *w, const struct checkpoint *c)
{
	pthread_mutex_lock(&w->fmu);
	if (!w->have || c->seq > w->want.seq)
		w->want = *c;
	w->have = true;
	pthread_cond_signal(&w->fcv);
	pthread_mutex_unlock(&w->fmu);
}

static void *flusher_main(void *arg)
{
	struct audit_writer *w = arg;
	pthread_mutex_lock(&w->fmu);
	for (;;) {
		while (!w->have && !w->fstop)
			pthread_cond_wait(&w->fcv, &w->fmu);
		if (!w->have)
			break;
		struct checkpoint c = w->want;
		w->have = false;
		pthread_mutex_unlock(&w->fmu);
		char *err = NULL;
		if (store_audit_checkpoint_put(w->svc.store, &c, &err) < 0) {
			fprintf(stderr, "ssp: %s\n", err);
			free(err);
		}
		pthread_mutex_lock(&w->fmu);
	}
	pthread_mutex_unlock(&w->fmu);
	return NULL;
}

static void *writer_main(void *arg)
{
	struct audit_writer *w = arg;
	struct group *g = w->g;
	pthread_mutex_lock(&g->mu);
	for (;;) {
		while (!g->head && !g->stopping)
			pthread_cond_wait(&g->work, &g->mu);
		if (!g->head)
			break;
		lead(&w->svc, g, w);
	}
	pthread_mutex_unlock(&g->mu);
	return NULL;
}

struct audit_writer *audit_writer_start(const char *db_path, const unsigned char key[32],
					const struct config *cfg, char **err)
{
	struct audit_writer *w = xcalloc(1, sizeof(*w));
	if (service_open_keyed(&w->svc, db_path, key, cfg, err) < 0) {
		free(w);
		return NULL;
	}
	w->g = group_of(store_path(w->svc.store));
	pthread_mutex_lock(&w->g->mu);
	if (w->g->writer) {
		pthread_mutex_unlock(&w->g->mu);
		service_close(&w->svc);
		free(w);
		*err = xstrdup("audit_writer_start: the log has a writer already");
		return NULL;
	}
	w->g->writer = true;
	w->g->quiescing = false;
	w->g->stopping = false;
	pthread_mutex_unlock(&w->g->mu);
	pthread_mutex_init(&w->fmu, NULL);
	pthread_cond_init(&w->fcv, NULL);
	if (pthread_create(&w->flusher, NULL, flusher_main, w) != 0) {
		pthread_mutex_lock(&w->g->mu);
		w->g->writer = false;
		pthread_mutex_unlock(&w->g->mu);
		service_close(&w->svc);
		free(w);
		*err = xstrdup("audit_writer_start: pthread_create");
		return NULL;
	}
	if (pthread_create(&w->thread, NULL, writer_main, w) != 0) {
		pthread_mutex_lock(&w->fmu);
		w->fstop = true;
		pthread_cond_signal(&w->fcv);
		pthread_mutex_unlock(&w->fmu);
		pthread_join(w->flusher, NULL);
		pthread_mutex_lock(&w->g->mu);
		w->g->writer = false;
		pthread_cond_broadcast(&w->g->cv);
		pthread_mutex_unlock(&w->g->mu);
		service_close(&w->svc);
		free(w);
		*err = xstrdup("audit_writer_start: pthread_create");
		return NULL;
	}
	return w;
}

void audit_writer_quiesce(struct audit_writer *w)
{
	if (!w)
		return;
	struct group *g = w->g;
	pthread_mutex_lock(&g->mu);
	g->quiescing = true;
	while (g->deferred || g->resuming)
		pthread_cond_wait(&g->cv, &g->mu);
	pthread_mutex_unlock(&g->mu);
}

void audit_writer_stop(struct audit_writer *w)
{
	if (!w)
		return;
	struct group *g = w->g;
	audit_writer_quiesce(w);
	pthread_mutex_lock(&g->mu);
	g->stopping = true;
	pthread_cond_signal(&g->work);
	pthread_mutex_unlock(&g->mu);
	pthread_join(w->thread, NULL); /* it empties the queue first */
	pthread_mutex_lock(&w->fmu);
	w->fstop = true; /* after the last file it was given */
	pthread_cond_signal(&w->fcv);
	pthread_mutex_unlock(&w->fmu);
	pthread_join(w->flusher, NULL);
	pthread_mutex_lock(&g->mu);
	g->writer = false;
	/* waiters (if any came after the last group) lead their own */
	pthread_cond_broadcast(&g->cv);
	pthread_mutex_unlock(&g->mu);
	service_close(&w->svc);
	free(w);
}

/* ---- deferrals (the web door) ---- */

struct audit_defer *audit_defer_new(void)
{
	struct audit_defer *d = xcalloc(1, sizeof(*d));
	d->buf_tail = &d->buf;
	d->refs = 1;
	return d;
}

void audit_defer_free(struct audit_defer *d)
{
	if (!d)
		return;
	if (current_defer == d)
		current_defer = NULL;
	while (d->buf) { /* never submitted: a programmer's error */
		struct pending *p = d->buf;
		d->buf = p->next;
		pending_free(p);
	}
	if (!d->g) { /* nothing queued: no other reference */
		free(d);
		return;
	}
	struct group *g = d->g;
	pthread_mutex_lock(&g->mu);
	d->armed = false; /* the door is gone: no callback */
	defer_unref(d);
	pthread_mutex_unlock(&g->mu);
}

void audit_defer_enter(struct audit_defer *d)
{
	current_defer = d;
}

void audit_defer_leave(void)
{
	current_defer = NULL;
}

bool audit_defer_submit(struct audit_defer *d, struct service *svc)
{
	if (!d || !d->buf)
		return false;
	struct group *g = group_of(store_path(svc->store));
	pthread_mutex_lock(&g->mu);
	if (!g->writer || g->quiescing || (d->g && d->g != g)) {
		/* nobody leads them (or the server is stopping): commit them
		 * now, on this thread, as the CLI does */
		pthread_mutex_unlock(&g->mu);
		while (d->buf) {
			struct pending *p = d->buf;
			d->buf = p->next;
			p->next = NULL;
			if (group_wait(g, svc, p) < 0)
				d->failed = true;
		}
		d->buf_tail = &d->buf;
		return false;
	}
	d->g = g;
	while (d->buf) {
		struct pending *p = d->buf;
		d->buf = p->next;
		p->next = NULL;
		stamp(p->at); /* under the lock: times rise with seq */
		p->defer = d;
		d->refs++;
		d->outstanding++;
		g->deferred++;
		*g->tail = p;
		g->tail = &p->next;
	}
	d->buf_tail = &d->buf;
	pthread_cond_signal(&g->work);
	pthread_mutex_unlock(&g->mu);
	return true;
}

bool audit_defer_arm(struct audit_defer *d, void (*done)(void *), void *cls)
{
	if (!d || !d->g)
		return false;
	pthread_mutex_lock(&d->g->mu);
	bool armed = d->outstanding > 0;
	if (armed) {
		d->armed = true;
		d->done = done;
		d->cls = cls;
	}
	pthread_mutex_unlock(&d->g->mu);
	return armed;
}

bool audit_defer_failed(struct audit_defer *d)
{
	if (!d)
		return false;
	if (!d->g)
		return d->failed;
	pthread_mutex_lock(&d->g->mu);
	bool failed = d->failed;
	pthread_mutex_unlock(&d->g->mu);
	return failed;
}

int audit_log(struct service *svc, const struct actor *a, const char *client,
	      const struct audit_entry *e)
{
	char at[40];
	struct audit_row r = {0};
	r.at = at;
	r.username = a ? (char *)a->username : NULL;
	r.org = a && a->org[0] ? (char *)a->org : NULL;
	r.action = (char *)e->action;
	r.object = (char *)e->object;
	r.subject = (char *)e->subject;
	r.legal_basis = (char *)e->legal_basis;
	r.client = (char *)(client ? client : (a ? a->client : NULL));
	r.outcome = (char *)(e->outcome ? e->outcome : "ok");
	struct audit_defer *d = current_defer;
	if (store_in_transaction(svc->store))
		return append_in_tx(svc, d, &r);
	if (!d)
		return group_append(svc, &r);
	/* the request's: queued when it ends (audit_defer_submit), or
	 * committed before a change it makes */
	struct pending *p = pending_new(&r);
	*d->buf_tail = p;
	d->buf_tail = &p->next;
	return 0;
}

/* ---- pruning (issue 12) ------------------------------------------------- */

/* The mac of an anchor (store/audit_store.h): keyed BLAKE2b-256 with the
 * chain key, over its fields and the previous anchor's mac. */
static void anchor_mac_k(const unsigned char key[32], long long upto, const char *hash,
			 const char *at, const char *prev_mac, char *out)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "ssp-audit-anchor-v1|%lld|", upto);
	add_field(&sb, hash);
	add_field(&sb, at);
	add_field(&sb, prev_mac);
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)sb.buf, sb.len, key, 32);
	sodium_bin2hex(out, AUDIT_HASH_LEN + 1, h, sizeof(h));
	strbuf_release(&sb);
}

static void anchor_mac(long long upto, const char *hash, const char *at, const char *prev_mac,
		       char *out, void *data)
{
	anchor_mac_k(data, upto, hash, at, prev_mac, out);
}

int audit_prune(struct service *svc, const char *before, const char *at, int limit,
		long long *pruned, long long *upto, char **err)
{
	unsigned char key[32];
	svc_chain_key(svc, key);
	int rc =
	    store_audit_prune(svc->store, before, at, limit, anchor_mac, key, pruned, upto, err);
	sodium_memzero(key, sizeof(key));
	return rc;
}

int svc_audit_list(struct service *svc, const struct actor *a, const struct audit_filter *f,
		   struct audit_rows *out, struct svc_result *r)
{
	/* the log names data subjects: the read is one audited call, logged
	 * before the rows leave the service */
	SVC_CALL(c);
	/* a filter value with control characters would forge lines in the
	 * text output of the entry that records this read */
	if (svc_audit_filter_check(f, r) < 0)
		return -1;
	struct strbuf what = STRBUF_INIT;
	strbuf_addf(&what, "user=%s", f->username ? f->username : "*");
	bool subject_ok = !f->subject || svc_person_id_valid(f->subject);
	int rc = svc_begin(&c, svc, a, ACT_AUDIT_VIEW, NULL,
			   (struct svc_entry){.action = "audit.view",
					      .object = what.buf,
					      .subject = subject_ok ? f->subject : NULL},
			   r);
	strbuf_release(&what);
	if (rc < 0)
		return -1;
	if (!subject_ok) {
		svc_fail(r, SVC_INVALID, "subject", "%s",
			 _("Den registrerede angives ved sit person-id, ikke ved navn eller "
			   "CPR-nummer."));
		return svc_abort(&c);
	}
	char *err = NULL;
	if (store_audit_list(svc->store, f->username, f->subject, f->limit, out, &err) < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	if (svc_commit(&c) < 0) {
		audit_rows_release(out);
		return -1;
	}
	return 0;
}

/* ---- verification ----------------------------------------------------- */

struct verify_state {
	unsigned char chain_key[32]; /* version 2 */
	const unsigned char *raw;    /* version 1: the instance secret */
	bool v1_allowed;             /* no version-2 entry seen yet */
	char prev[AUDIT_HASH_LEN + 1];
	long long expect_seq;
	struct audit_verification *out;
	/* the stored hashes at the seqs of the anchors (checkpoint file, line) */
	long long want[2];
	char found[2][AUDIT_HASH_LEN + 1];
};

static bool row_holds(struct verify_state *v, const struct audit_stored *s)
{
	/* bounds first: a hash of another length or alphabet is broken as it
	 * stands, and is never compared past its end */
	if (!s->prev_hash || !audit_hash_valid(s->hash) || s->row.seq != v->expect_seq ||
	    strcmp(s->prev_hash, v->prev))
		return false;
	char h[AUDIT_HASH_LEN + 1];
	chain_hash_v(2, v->chain_key, s->prev_hash, &s->row, h);
	if (sodium_memcmp(h, s->hash, AUDIT_HASH_LEN) == 0) {
		v->v1_allowed = false;
		return true;
	}
	if (!v->v1_allowed)
		return false;
	chain_hash_v(1, v->raw, s->prev_hash, &s->row, h);
	return sodium_memcmp(h, s->hash, AUDIT_HASH_LEN) == 0;
}

/* Walks the whole log (past a break too, to know its head). */
static int verify_row(const struct audit_stored *s, void *data)
{
	struct verify_state *v = data;
	struct audit_verification *o = v->out;
	o->entries++;
	if (!row_holds(v, s) && !o->first_bad)
		o->first_bad = s->row.seq;
	const char *stored = audit_hash_valid(s->hash) ? s->hash : "";
	snprintf(v->prev, sizeof(v->prev), "%s", stored);
	v->expect_seq = s->row.seq + 1;
	o->head.seq = s->row.seq;
	snprintf(o->head.hash, sizeof(o->head.hash), "%s", stored);
	for (int i = 0; i < 2; i++)
		if (v->want[i] == s->row.seq)
			snprintf(v->found[i], sizeof(v->found[i]), "%s", stored);
	return 0;
}

static enum audit_anchor anchor_state(const struct checkpoint *cp, const struct checkpoint *head,
				      const char *found)
{
	if (cp->seq > head->seq)
		return ANCHOR_AHEAD;
	if (!strcmp(found, "pruned"))
		return ANCHOR_BEHIND; /* older than the pruned log's start */
	if (!*found || sodium_memcmp(found, cp->hash, AUDIT_HASH_LEN) != 0)
		return ANCHOR_MISMATCH;
	return cp->seq == head->seq ? ANCHOR_MATCH : ANCHOR_BEHIND;
}

void audit_verification_release(struct audit_verification *v)
{
	free(v->file_error);
	free(v->file_path);
	v->file_error = NULL;
	v->file_path = NULL;
}

/* One pass: the checkpoint file is read before the log, so every entry
 * it names was committed before the log is read (a later append only
 * makes the file look older, never newer). */
static int verify_once(struct service *svc, const struct checkpoint *line,
		       struct audit_verification *o, struct svc_result *r)
{
	audit_verification_release(o);
	memset(o, 0, sizeof(*o));
	char *err = NULL;
	int frc = store_audit_checkpoint_read(svc->store, &o->file_cp, &err);
	o->file = frc == 1 ? ANCHOR_MISSING : frc < 0 ? ANCHOR_UNREADABLE : ANCHOR_NONE;
	o->file_error = err;
	o->file_path = store_audit_checkpoint_path(svc->store);
	struct verify_state v;
	memset(&v, 0, sizeof(v));
	svc_chain_key(svc, v.chain_key);
	v.raw = svc->key;
	v.v1_allowed = true;
	v.expect_seq = 1;
	v.out = o;
	v.want[0] = frc == 0 ? o->file_cp.seq : -1;
	v.want[1] = line ? line->seq : -1;
	/* a pruned log starts after its newest anchor, whose mac chain must
	 * hold (issue 12); a forged or dropped anchor breaks the first entry */
	struct audit_anchor_row *anchors = NULL;
	size_t anchors_nr = 0;
	err = NULL;
	if (store_audit_anchors(svc->store, &anchors, &anchors_nr, &err) < 0) {
		sodium_memzero(v.chain_key, sizeof(v.chain_key));
		return svc_store_fail(r, err);
	}
	bool anchors_hold = true;
	char prev_mac[AUDIT_HASH_LEN + 1] = "";
	for (size_t i = 0; i < anchors_nr; i++) {
		char mac[AUDIT_HASH_LEN + 1];
		anchor_mac_k(v.chain_key, anchors[i].upto_seq, anchors[i].hash, anchors[i].at,
			     prev_mac, mac);
		if (sodium_memcmp(mac, anchors[i].mac, AUDIT_HASH_LEN) != 0 ||
		    (i && anchors[i].upto_seq <= anchors[i - 1].upto_seq))
			anchors_hold = false;
		snprintf(prev_mac, sizeof(prev_mac), "%s", anchors[i].mac);
	}
	if (anchors_nr) {
		const struct audit_anchor_row *last = &anchors[anchors_nr - 1];
		o->pruned_upto = last->upto_seq;
		v.expect_seq = last->upto_seq + 1;
		snprintf(v.prev, sizeof(v.prev), "%s", last->hash);
		v.v1_allowed = false;
		if (!anchors_hold)
			o->first_bad = last->upto_seq + 1;
		/* a checkpoint at the anchor: its hash is the anchor's; an older
		 * one names an entry that is gone (no proof either way) */
		for (int i = 0; i < 2; i++)
			if (v.want[i] > 0 && v.want[i] <= last->upto_seq)
				snprintf(v.found[i], sizeof(v.found[i]), "%s",
					 v.want[i] == last->upto_seq ? last->hash : "pruned");
	}
	free(anchors);
	int rc = store_audit_each(svc->store, verify_row, &v, &err);
	sodium_memzero(v.chain_key, sizeof(v.chain_key));
	if (rc < 0)
		return svc_store_fail(r, err);
	if (frc == 0)
		o->file = anchor_state(&o->file_cp, &o->head, v.found[0]);
	if (line) {
		o->line_cp = *line;
		o->line = anchor_state(line, &o->head, v.found[1]);
	}
	return 0;
}

bool audit_verification_broken(const struct audit_verification *v)
{
	return v->first_bad || v->file == ANCHOR_AHEAD || v->file == ANCHOR_MISMATCH ||
	       v->file == ANCHOR_UNREADABLE || v->line == ANCHOR_AHEAD ||
	       v->line == ANCHOR_MISMATCH;
}

static int verify_anchored(struct service *svc, const struct checkpoint *line,
			   struct audit_verification *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	for (int tries = 0;; tries++) {
		if (verify_once(svc, line, out, r) < 0)
			return -1;
		if (out->file != ANCHOR_BEHIND || tries == 2)
			return 0;
		/* Older than the log: a writer may have committed after the
		 * file was read. When the file has moved on since, look again. */
		struct checkpoint now;
		char *err = NULL;
		int rc = store_audit_checkpoint_read(svc->store, &now, &err);
		free(err);
		if (rc != 0 || now.seq == out->file_cp.seq)
			return 0;
	}
}

int svc_audit_verify_anchored(struct service *svc, const struct actor *a, const char *line,
			      struct audit_verification *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (!svc_allowed(svc, a, ACT_AUDIT_VIEW, r))
		return -1;
	struct checkpoint given;
	if (line && checkpoint_parse(line, strlen(line), &given) < 0)
		return svc_fail(r, SVC_INVALID, "checkpoint",
				_("»%s« er ikke en linje fra »ssp audit checkpoint« "
				  "(ssp-audit-checkpoint v1 seq=N hash=64 hexcifre)."),
				line);
	if (verify_anchored(svc, line ? &given : NULL, out, r) < 0)
		return -1;
	const char *outcome = audit_verification_broken(out) ? "broken"
			      : out->file != ANCHOR_MATCH    ? "unanchored"
							     : "ok";
	struct audit_entry e = {"audit.verify", NULL, NULL, NULL, outcome};
	audit_log(svc, a, a->client, &e);
	return 0;
}

int svc_audit_verify(struct service *svc, const struct actor *a, long long *first_bad,
		     long long *entries, struct svc_result *r)
{
	struct audit_verification v;
	if (svc_audit_verify_anchored(svc, a, NULL, &v, r) < 0)
		return -1;
	*entries = v.entries;
	*first_bad = v.first_bad;
	if (!*first_bad && (v.file == ANCHOR_AHEAD || v.file == ANCHOR_UNREADABLE))
		*first_bad = v.head.seq + 1;
	else if (!*first_bad && v.file == ANCHOR_MISMATCH)
		*first_bad = v.file_cp.seq;
	audit_verification_release(&v);
	return 0;
}

int svc_audit_checkpoint(struct service *svc, const struct actor *a, struct checkpoint *out,
			 char line[CHECKPOINT_LINE_MAX], struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	line[0] = '\0';
	if (!svc_allowed(svc, a, ACT_AUDIT_VIEW, r))
		return -1;
	struct audit_verification v;
	if (verify_anchored(svc, NULL, &v, r) < 0)
		return -1;
	bool broken = audit_verification_broken(&v);
	*out = v.head;
	audit_verification_release(&v);
	if (broken) {
		memset(out, 0, sizeof(*out));
		return svc_fail(
		    r, SVC_CONFLICT, NULL,
		    _("Adgangsloggen holder ikke; der laves intet kontrolpunkt. Se »ssp "
		      "audit verify«."));
	}
	if (out->seq == 0)
		return svc_fail(r, SVC_INVALID, NULL, _("Adgangsloggen er tom."));
	char what[40];
	snprintf(what, sizeof(what), "seq=%lld", out->seq);
	if (svc_log(svc, a, &(struct svc_entry){.action = "audit.checkpoint", .object = what}, "ok",
		    r) < 0)
		return -1;
	checkpoint_format(out, line);
	return 0;
}
