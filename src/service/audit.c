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
 * caller goes on, which costs one fsync of the WAL and one of the checkpoint
 * file. Concurrent callers share them: each queues its entry and waits; the
 * first waiter to find no writer at work becomes the writer (leader), takes
 * every queued entry, appends them in queue order (the chain computed in
 * that order) in one transaction on its own connection, commits (one fsync;
 * the WAL hook writes the checkpoint file once for the group), marks them
 * done with the result and wakes the others. Entries queued meanwhile go in
 * the next group, led by one of their own waiters. No caller returns before
 * its entry is committed, so the guarantee is the same as one entry per
 * transaction. The queue is per database file (a process may open several).
 * Entries inside a caller's transaction (a change and its entry) are
 * appended directly, as before: they commit with the change. */

struct pending {
	struct audit_row row; /* owned copies */
	char at[40];
	int rc;
	bool done;
	struct pending *next;
};

struct group {
	char *path;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct pending *head, **tail;
	bool leading;
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

/* Leads one group: the queue as it stands, appended and committed on this
 * thread's connection. Called and returns with g->mu held. */
static void lead(struct service *svc, struct group *g)
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
	int rc = store_audit_append_batch(svc->store, rows, n, chain_hash, key, NULL, &err);
	store_audit_checkpoint_defer(svc->store, false);
	sodium_memzero(key, sizeof(key));
	free(rows);
	if (rc < 0) {
		/* every caller in the group refuses its action; the message is
		 * for the operator */
		fprintf(stderr, "ssp: %s\n", err);
		free(err);
	}
	pthread_mutex_lock(&g->mu);
	for (struct pending *p = batch; p; p = p->next) {
		p->rc = rc;
		p->done = true;
	}
	g->leading = false;
	pthread_cond_broadcast(&g->cv);
	/* The checkpoint file after the wake-up: the next group can commit
	 * meanwhile (the file only ever moves forward). A crash here leaves
	 * the file behind the log by this group, which `ssp audit verify`
	 * reports as "older than the log" (exit 3), never as a match. */
	pthread_mutex_unlock(&g->mu);
	if (store_audit_checkpoint_flush(svc->store, &err) < 0) {
		fprintf(stderr, "ssp: %s\n", err);
		free(err);
	}
	pthread_mutex_lock(&g->mu);
}

static int group_append(struct service *svc, const struct audit_row *r)
{
	struct group *g = group_of(store_path(svc->store));
	struct pending p;
	memset(&p, 0, sizeof(p));
	p.row.username = dup_or_null(r->username);
	p.row.org = dup_or_null(r->org);
	p.row.action = dup_or_null(r->action);
	p.row.object = dup_or_null(r->object);
	p.row.subject = dup_or_null(r->subject);
	p.row.legal_basis = dup_or_null(r->legal_basis);
	p.row.client = dup_or_null(r->client);
	p.row.outcome = dup_or_null(r->outcome);
	p.row.at = p.at;
	pthread_mutex_lock(&g->mu);
	stamp(p.at); /* under the lock: times rise with seq */
	*g->tail = &p;
	g->tail = &p.next;
	while (!p.done) {
		if (!g->leading)
			lead(svc, g);
		else
			pthread_cond_wait(&g->cv, &g->mu);
	}
	pthread_mutex_unlock(&g->mu);
	p.row.at = NULL;
	audit_row_release(&p.row);
	return p.rc;
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
	if (!store_in_transaction(svc->store))
		return group_append(svc, &r);
	stamp(at);
	char *err = NULL;
	unsigned char key[32];
	svc_chain_key(svc, key);
	int rc = store_audit_append(svc->store, &r, chain_hash, key, &err);
	sodium_memzero(key, sizeof(key));
	if (rc < 0) {
		/* The caller refuses the action; the message is for the operator. */
		fprintf(stderr, "ssp: %s\n", err);
		free(err);
	}
	return rc;
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
