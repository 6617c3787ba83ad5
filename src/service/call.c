/* call.c - the permission check and the access-log entry of every service
 * call, and the transaction that makes the entry and the change one
 * (service_internal.h has the contract). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cpr.h"
#include "service/audit.h"
#include "service/service_internal.h"
#include "store/school_store.h"
#include "store/meeting_run_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* A person id or legal-basis id: 1-64 of [a-z0-9._:-] and nothing that
 * looks like a CPR number, so a name or a CPR number in clear cannot get
 * into the log through these fields. */
static bool id_ok(const char *s);

bool svc_person_id_valid(const char *s)
{
	return id_ok(s);
}

static bool id_ok(const char *s)
{
	size_t n = strlen(s), at, len;
	if (n < 1 || n > 64 || cpr_find(s, n, &at, &len))
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' ||
		      ch == '_' || ch == ':' || ch == '-'))
			return false;
	}
	return true;
}

int svc_log(struct service *svc, const struct actor *a, const struct svc_entry *e,
	    const char *outcome, struct svc_result *r)
{
	if ((e->subject && !id_ok(e->subject)) || (e->legal_basis && !id_ok(e->legal_basis)))
		return svc_fail(r, SVC_ERROR, NULL, "%s",
				_("intern fejl: en logpost må kun nævne en person ved id"));
	struct audit_entry ae = {e->action, e->object, e->subject, e->legal_basis, outcome};
	if (audit_log(svc, a, a ? a->client : NULL, &ae) < 0)
		return svc_fail(r, SVC_ERROR, NULL,
				_("adgangsloggen kunne ikke skrives; handlingen er afvist"));
	return 0;
}

struct authz_decision svc_decide(struct service *svc, const struct actor *a, enum action act,
				 const struct authz_facts *facts)
{
	struct authz_actor who = {a->role, a->cli, a->user_id, a->org[0] ? a->org : NULL, NULL};
	char *inst = NULL;
	if (!a->cli && a->user_id && (authz_rule_of(act).need & AUTHZ_NEED_OWN_INSTITUTION)) {
		/* the institution is read now, not kept in the session, so a
		 * contact person moved to another school acts for the new one */
		char *err = NULL;
		if (store_user_institution(svc->store, a->user_id, &inst, &err) < 0)
			free(err); /* no institution known: the rule denies */
		who.institution = inst;
	}
	struct authz_decision d = authz_decide(&who, act, facts);
	free(inst);
	return d;
}

int svc_body_facts(struct service *svc, const struct actor *a, const struct org_body *b,
		   struct authz_facts *facts, struct svc_result *r)
{
	facts->body_named = b->named_individuals;
	facts->actor_takes_part = false;
	if (!a->user_id)
		return 0;
	struct strlist bodies = STRLIST_INIT;
	char *err = NULL;
	if (store_participant_bodies(svc->store, a->user_id, &bodies, &err) < 0) {
		strlist_clear(&bodies);
		return svc_store_fail(r, err);
	}
	for (size_t i = 0; i < bodies.nr && !facts->actor_takes_part; i++)
		facts->actor_takes_part = !strcmp(bodies.v[i], b->id);
	strlist_clear(&bodies);
	return 0;
}

/* Logs the refusal (outside any transaction) and sets r. */
static int refuse(struct service *svc, const struct actor *a, enum action act,
		  const struct svc_entry *e, enum authz_reason why, struct svc_result *r)
{
	struct strbuf obj = STRBUF_INIT;
	if (e && e->object)
		strbuf_addf(&obj, "%s ", e->object);
	strbuf_addf(&obj, "reason=%s", authz_reason_id(why));
	struct svc_entry re = {e && e->action ? e->action : action_id(act), obj.buf,
			       e ? e->subject : NULL, e ? e->legal_basis : NULL};
	struct svc_result ignored = SVC_RESULT_INIT;
	/* a refusal the log cannot record is still a refusal */
	if (svc_log(svc, a, &re, SVC_REFUSED, &ignored) < 0)
		svc_result_clear(&ignored);
	strbuf_release(&obj);
	if (why == AUTHZ_DENY_ROLE)
		return svc_fail(r, SVC_FORBIDDEN, NULL,
				_("Du har ikke adgang til dette (rollen %s)."),
				role_label(a->role));
	return svc_fail(r, SVC_FORBIDDEN, NULL, "%s", authz_reason_text(why));
}

int svc_check(struct service *svc, const struct actor *a, enum action act,
	      const struct authz_facts *facts, const struct svc_entry *e, struct svc_result *r)
{
	struct authz_decision d = svc_decide(svc, a, act, facts);
	return d.allow ? 0 : refuse(svc, a, act, e, d.reason, r);
}

bool svc_allowed(struct service *svc, const struct actor *a, enum action act, struct svc_result *r)
{
	/* the table alone: the call decides on its record afterwards */
	struct authz_rule table = authz_rule_of(act);
	table.need = 0;
	struct authz_actor who = {a->role, a->cli, a->user_id, NULL, NULL};
	struct authz_decision d = authz_apply(table, &who, NULL);
	if (act >= ACT__COUNT)
		d.allow = false;
	return d.allow || refuse(svc, a, act, NULL, AUTHZ_DENY_ROLE, r) == 0;
}

bool svc_may(struct service *svc, const struct actor *a, enum action act)
{
	(void)svc;
	struct authz_rule table = authz_rule_of(act);
	table.need = 0;
	struct authz_actor who = {a->role, a->cli, a->user_id, NULL, NULL};
	return act < ACT__COUNT && authz_apply(table, &who, NULL).allow;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void call_release(struct svc_call *c)
{
	free(c->action);
	free(c->object);
	free(c->subject);
	free(c->legal_basis);
	c->action = c->object = c->subject = c->legal_basis = NULL;
	c->open = false;
}

static struct svc_entry call_entry(const struct svc_call *c)
{
	struct svc_entry e = {c->action, c->object, c->subject, c->legal_basis};
	return e;
}

/* A programmer's error: in a debug build (the tests), stop at once. */
static void misuse(const char *what, const char *action)
{
	fprintf(stderr, "ssp: internal error: %s (%s)\n", what, action ? action : "?");
#ifndef NDEBUG
	abort();
#endif
}

/* The same, when the program can go on safely (the call fails). */
static void misuse_soft(const char *action)
{
	fprintf(stderr, "ssp: internal error: a log entry names a person other than by id (%s)\n",
		action ? action : "?");
}

int svc_begin(struct svc_call *c, struct service *svc, const struct actor *a, enum action act,
	      const struct authz_facts *facts, struct svc_entry e, struct svc_result *r)
{
	memset(c, 0, sizeof(*c));
	c->svc = svc;
	c->actor = a;
	c->r = r;
	c->act = act;
	if (store_in_transaction(svc->store)) {
		misuse("svc_begin inside an open transaction", e.action);
		return svc_fail(r, SVC_ERROR, NULL, "%s", _("intern fejl (transaktion)"));
	}
	struct authz_decision d;
	if (facts) {
		d = svc_decide(svc, a, act, facts);
	} else {
		struct authz_rule table = authz_rule_of(act);
		table.need = 0;
		struct authz_actor who = {a->role, a->cli, a->user_id, NULL, NULL};
		d = authz_apply(table, &who, NULL);
		if (act >= ACT__COUNT)
			d.allow = false;
	}
	if (!d.allow)
		return refuse(svc, a, act, &e, d.reason, r);
	c->authorised = facts != NULL || authz_rule_of(act).need == 0 || a->cli;
	c->action = xstrdup(e.action ? e.action : action_id(act));
	c->object = dup_or_null(e.object);
	c->subject = dup_or_null(e.subject);
	c->legal_basis = dup_or_null(e.legal_basis);
	char *err = NULL;
	if (store_begin(svc->store, &err) < 0) {
		svc_store_fail(r, err);
		struct svc_entry fe = call_entry(c);
		struct svc_result ignored = SVC_RESULT_INIT;
		if (svc_log(svc, a, &fe, SVC_FAILED, &ignored) < 0)
			svc_result_clear(&ignored);
		call_release(c);
		return -1;
	}
	c->open = true;
	c->changes0 = store_changes(svc->store);
	return 0;
}

int svc_authorize(struct svc_call *c, const struct authz_facts *facts)
{
	if (!c->open) {
		misuse("svc_authorize on a call that is not open", c->action);
		return svc_fail(c->r, SVC_ERROR, NULL, "%s", _("intern fejl (transaktion)"));
	}
	struct authz_decision d = svc_decide(c->svc, c->actor, c->act, facts);
	if (d.allow) {
		c->authorised = true;
		return 0;
	}
	store_rollback(c->svc->store);
	c->open = false;
	struct svc_entry e = call_entry(c);
	int ret = refuse(c->svc, c->actor, c->act, &e, d.reason, c->r);
	call_release(c);
	return ret;
}

void svc_call_object(struct svc_call *c, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	free(c->object);
	c->object = strbuf_detach(&sb);
}

void svc_call_subject(struct svc_call *c, const char *subject, const char *legal_basis)
{
	free(c->subject);
	free(c->legal_basis);
	c->subject = dup_or_null(subject);
	c->legal_basis = dup_or_null(legal_basis);
}

/* Rolls back the open call and logs outcome in its own transaction. A
 * call that is over (refused, ended, never begun) has nothing to end. */
static int end_failed(struct svc_call *c, const char *outcome)
{
	if (!c->open && !c->action)
		return -1;
	if (c->open)
		store_rollback(c->svc->store);
	c->open = false;
	if (c->r->status == SVC_OK)
		svc_fail(c->r, SVC_ERROR, NULL, "%s", _("handlingen mislykkedes"));
	struct svc_entry e = call_entry(c);
	struct svc_result logged = SVC_RESULT_INIT;
	if (svc_log(c->svc, c->actor, &e, outcome, &logged) < 0)
		svc_result_clear(&logged); /* the action failed anyway; r says why */
	call_release(c);
	return -1;
}

int svc_commit(struct svc_call *c)
{
	if (!c->open) {
		misuse("svc_commit on a call that is not open", c->action);
		return svc_fail(c->r, SVC_ERROR, NULL, "%s", _("intern fejl (transaktion)"));
	}
	if (!c->authorised) {
		misuse("svc_commit before svc_authorize", c->action);
		svc_fail(c->r, SVC_ERROR, NULL, "%s", _("intern fejl (adgangskontrol)"));
		return end_failed(c, SVC_FAILED);
	}
	if ((c->subject && !id_ok(c->subject)) || (c->legal_basis && !id_ok(c->legal_basis))) {
		/* a name or CPR number where a person id belongs: the call
		 * fails, and its "failed" entry does not repeat the value */
		misuse_soft(c->action);
		svc_call_subject(c, NULL, NULL);
		svc_fail(c->r, SVC_ERROR, NULL, "%s",
			 _("intern fejl: en logpost må kun nævne en person ved id"));
		return end_failed(c, SVC_FAILED);
	}
	struct svc_entry e = call_entry(c);
	if (store_changes(c->svc->store) == c->changes0) {
		/* A read: nothing to make one with the entry. The transaction
		 * ends first, and the entry joins the group commit (audit.c),
		 * which returns once it is durable: still before the data
		 * leaves the service, without an fsync per reader. */
		if (store_commit(c->svc->store) < 0) {
			svc_fail(c->r, SVC_ERROR, NULL, "%s",
				 _("databasefejl: læsningen kunne ikke afsluttes"));
			return end_failed(c, SVC_FAILED);
		}
		c->open = false;
		if (svc_log(c->svc, c->actor, &e, SVC_OK_OUTCOME, c->r) < 0)
			return end_failed(c, SVC_FAILED);
		call_release(c);
		return 0;
	}
	if (svc_log(c->svc, c->actor, &e, SVC_OK_OUTCOME, c->r) < 0)
		return end_failed(c, SVC_FAILED);
	if (store_commit(c->svc->store) < 0) {
		svc_fail(c->r, SVC_ERROR, NULL, "%s",
			 _("databasefejl: ændringen og dens logpost kunne ikke gemmes"));
		return end_failed(c, SVC_FAILED);
	}
	c->open = false;
	call_release(c);
	return 0;
}

int svc_abort(struct svc_call *c)
{
	return end_failed(c, SVC_FAILED);
}

int svc_abort_refused(struct svc_call *c)
{
	return end_failed(c, SVC_REFUSED);
}

void svc_call_cleanup(struct svc_call *c)
{
	if (!c->open) {
		call_release(c);
		return;
	}
	misuse("a service call returned without svc_commit or svc_abort", c->action);
	end_failed(c, SVC_FAILED);
}
