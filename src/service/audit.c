#include "service/audit.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "service/guard.h"
#include "service/service_internal.h"
#include "store/audit_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
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

static void chain_hash(const char *prev_hash, const struct audit_row *r, char *out, void *data)
{
	const unsigned char *key = data;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "ssp-audit-v1|%lld|", r->seq);
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

int audit_log(struct service *svc, const struct actor *a, const char *client,
	      const struct audit_entry *e)
{
	char at[40];
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm tm;
	gmtime_r(&ts.tv_sec, &tm);
	size_t n = strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(at + n, sizeof(at) - n, ".%03ldZ", ts.tv_nsec / 1000000);
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
	char *err = NULL;
	int rc = store_audit_append(svc->store, &r, chain_hash, svc->key, &err);
	if (rc < 0) {
		/* The caller refuses the action; the message is for the operator. */
		fprintf(stderr, "ssp: %s\n", err);
		free(err);
	}
	return rc;
}

int svc_log(struct service *svc, const struct actor *a, const char *action, const char *object,
	    const char *outcome, struct svc_result *r)
{
	struct audit_entry e = {action, object, NULL, NULL, outcome};
	if (audit_log(svc, a, a ? a->client : NULL, &e) < 0)
		return svc_fail(r, SVC_ERROR, NULL,
				_("adgangsloggen kunne ikke skrives; handlingen er afvist"));
	return 0;
}

int svc_audit_list(struct service *svc, const struct actor *a, const struct audit_filter *f,
		   struct audit_rows *out, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_AUDIT_VIEW, r) || svc_audit_filter_check(f, r) < 0)
		return -1;
	struct strbuf what = STRBUF_INIT;
	strbuf_addf(&what, "user=%s subject=%s", f->username ? f->username : "*",
		    f->subject ? f->subject : "*");
	struct audit_entry e = {"audit.view", what.buf, f->subject, NULL, "ok"};
	int logged = audit_log(svc, a, a->client, &e);
	strbuf_release(&what);
	if (logged < 0)
		return svc_fail(r, SVC_ERROR, NULL, _("Adgangsloggen kunne ikke skrives."));
	char *err = NULL;
	if (store_audit_list(svc->store, f->username, f->subject, f->limit, out, &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

struct verify_state {
	const unsigned char *key;
	char prev[65];
	long long expect_seq;
	long long first_bad;
	long long entries;
};

static int verify_row(const struct audit_stored *s, void *data)
{
	struct verify_state *v = data;
	v->entries++;
	char h[65];
	chain_hash(s->prev_hash, &s->row, h, (void *)v->key);
	bool ok = s->row.seq == v->expect_seq && !strcmp(s->prev_hash, v->prev) &&
		  sodium_memcmp(h, s->hash, 64) == 0 && strlen(s->hash) == 64;
	if (!ok) {
		v->first_bad = s->row.seq;
		return 1;
	}
	snprintf(v->prev, sizeof(v->prev), "%s", s->hash);
	v->expect_seq = s->row.seq + 1;
	return 0;
}

int svc_audit_verify(struct service *svc, const struct actor *a, long long *first_bad,
		     long long *entries, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_AUDIT_VIEW, r))
		return -1;
	struct verify_state v = {svc->key, "", 1, 0, 0};
	char *err = NULL;
	if (store_audit_each(svc->store, verify_row, &v, &err) < 0)
		return svc_store_fail(r, err);
	*first_bad = v.first_bad;
	*entries = v.entries;
	struct audit_entry e = {"audit.verify", NULL, NULL, NULL, v.first_bad ? "broken" : "ok"};
	audit_log(svc, a, a->client, &e);
	return 0;
}
