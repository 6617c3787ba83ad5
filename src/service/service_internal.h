/* service_internal.h - helpers shared by the files under src/service/.
 * The doors do not include this: they see only the svc_*() calls.
 *
 * Each helper sets *r and returns -1 on failure, like the calls it serves,
 * so a caller can write `if (svc_load_org(svc, org, r) < 0) return -1;`. */
#ifndef SSP_SERVICE_INTERNAL_H
#define SSP_SERVICE_INTERNAL_H

#include <stdbool.h>

#include "domain/authz.h"
#include "domain/plan.h"
#include "domain/text_policy.h"
#include "service/service.h"
/* The store, for the service's files only: the public service headers
 * carry only domain/ records, so no door sees a store header. */
#include "store/meeting_run_store.h"
#include "store/meeting_store.h"
#include "store/school_store.h"
#include "store/store.h"
#include "store/user_store.h"

/* Sets r to SVC_ERROR with the store's message err and frees err
 * (service.c). */
int svc_store_fail(struct svc_result *r, char *err);

/* Passes free text in through the one text policy (domain/text_policy.h)
 * for field f of a record at body b (NULL: a text outside any body, no
 * CPR rule). On success *out holds the normalised text; otherwise
 * SVC_INVALID on f->id with the policy's Danish sentence (service.c). */
int svc_text(const struct text_field *f, const char *in, const struct org_body *b,
	     struct strbuf *out, struct svc_result *r);

/* ---- the access log and the permission check of every call (call.c) -------
 *
 * What one access-log entry says about a call. Strings are copied. */
struct svc_entry {
	const char *action;      /* the log's action id: "laeseplan.add", ... */
	const char *object;      /* what is acted on (ids, never a name or CPR), or NULL */
	const char *subject;     /* the data subject: a person id (1-64 of [a-z0-9._:-],
				  * never a name or a CPR number), or NULL */
	const char *legal_basis; /* why the read or disclosure is lawful, e.g.
				  * "rpl-115-1-1" (same alphabet), or NULL */
};

/* The outcomes an entry can have. */
#define SVC_OK_OUTCOME "ok"
#define SVC_REFUSED    "refused"
#define SVC_FAILED     "failed"

/* Is s a person id or legal-basis id as struct svc_entry wants it? */
bool svc_person_id_valid(const char *s);

/* Writes one entry for a's action (a may be NULL) with outcome, in the
 * open transaction when there is one. An action the log cannot record is
 * not done: -1 with r set (SVC_ERROR) when writing fails. For events that
 * are not a call on a record (sign-in ...); a call uses svc_begin(). */
int svc_log(struct service *svc, const struct actor *a, const struct svc_entry *e,
	    const char *outcome, struct svc_result *r);

/* The decision for a on the record facts describe (NULL: none), from
 * authz_decide(): gathers the actor's facts (and the actor's institution
 * from the store when the action's rule needs it). Logs nothing: for the
 * capabilities a view carries ("may edit", "may see the minutes"). */
struct authz_decision svc_decide(struct service *svc, const struct actor *a, enum action act,
				 const struct authz_facts *facts);

/* Sets facts' body fields for body (id) of org: named_individuals and
 * whether a takes part. -1 with r set on a store error. */
int svc_body_facts(struct service *svc, const struct actor *a, const struct org_body *b,
		   struct authz_facts *facts, struct svc_result *r);

/* A check without a transaction, for a call that changes nothing and reads
 * no personal data: 0 when svc_decide() allows; else the refusal is logged
 * (outcome "refused", e->action or the action's id) and -1 with r set
 * (SVC_FORBIDDEN and the reason in Danish). */
int svc_check(struct service *svc, const struct actor *a, enum action act,
	      const struct authz_facts *facts, const struct svc_entry *e, struct svc_result *r)
    __attribute__((warn_unused_result));

/* One call that changes something, or reads personal data: its decision,
 * its work and its access-log entry are one transaction.
 *
 *	SVC_CALL(c);
 *	if (svc_begin(&c, svc, a, ACT_X, &facts,
 *		      (struct svc_entry){.action = "x.save", .object = id}, r) < 0)
 *		return -1;               (refused and logged, or no transaction)
 *	if (check_input(..., r) < 0 || store_x(...) < 0)     (each sets *r)
 *		return svc_abort(&c);    (rolls back; logs "failed" on its own)
 *	return svc_commit(&c);           (logs "ok" and commits, as one)
 *
 * svc_begin decides with svc_decide(); a refusal is logged "refused" with
 * the reason (object "... reason=<id>"), r gets SVC_FORBIDDEN, and the
 * call is over (nothing to end). On allow it opens a transaction: from
 * then on the call must end with exactly one svc_commit() or svc_abort().
 * When the facts can only be read inside the transaction (the record is
 * loaded there), pass facts NULL: svc_begin then checks the role x action
 * table alone, and svc_authorize() must decide on the record before
 * svc_commit() (which refuses, as a failure, a call on an action with
 * per-record rules that was never authorised).
 *
 * A read of personal data loads it inside the call and hands it out only
 * after svc_commit() returned 0: the read is logged before the data
 * leaves the service, or it does not leave (free it when commit fails).
 *
 * Declare the call with SVC_CALL(c): when the function returns without
 * ending an open call, its cleanup rolls back and logs "failed" (and, in
 * a debug build, which the tests run, aborts the program: it is a bug).
 * svc_begin while a transaction is already open is the same bug. */
struct svc_call {
	struct service *svc;
	const struct actor *actor;
	struct svc_result *r;
	enum action act;
	char *action, *object, *subject, *legal_basis; /* owned copies */
	bool open;                                     /* a transaction is open for the call */
	bool authorised;                               /* the decision on the record was taken */
	long long changes0; /* store_changes() when the transaction began */
};

int svc_begin(struct svc_call *c, struct service *svc, const struct actor *a, enum action act,
	      const struct authz_facts *facts, struct svc_entry e, struct svc_result *r)
    __attribute__((warn_unused_result));
/* Decides on the record (inside the call's transaction). 0 when allowed;
 * else rolls back, logs "refused" with the reason, r = SVC_FORBIDDEN, the
 * call is over, -1. */
int svc_authorize(struct svc_call *c, const struct authz_facts *facts)
    __attribute__((warn_unused_result));
/* Replaces the entry's object (e.g. with the id an insert made). */
void svc_call_object(struct svc_call *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Sets the entry's data subject and legal basis (see struct svc_entry). */
void svc_call_subject(struct svc_call *c, const char *subject, const char *legal_basis);
/* Appends the "ok" entry and commits. 0; or -1 when either fails: rolled
 * back, logged "failed", r = SVC_ERROR. Either way the call is over. */
int svc_commit(struct svc_call *c) __attribute__((warn_unused_result));
/* Rolls back and logs "failed" (or, with svc_abort_refused, "refused":
 * the input was refused by a rule, e.g. a CPR number where none may be)
 * in its own transaction. *r keeps what the failing step set (SVC_ERROR
 * when it set nothing). Returns -1; the call is over. On a call that is
 * already over (svc_begin or svc_authorize refused it) it does nothing
 * but return -1, so `return ret == 0 ? svc_commit(&c) : svc_abort(&c);`
 * is a safe single exit. */
int svc_abort(struct svc_call *c);
int svc_abort_refused(struct svc_call *c);

void svc_call_cleanup(struct svc_call *c);
#define SVC_CALL(c) struct svc_call c __attribute__((cleanup(svc_call_cleanup))) = {0}

/* Loads the organisation; SVC_INVALID when no strategy has been loaded
 * (org_service.c). */
int svc_load_org(struct service *svc, struct org *org, struct svc_result *r);
/* The organisation as svc_load_org would load it, read only: it belongs
 * to svc and is loaded again only when the organisation's stamp moved
 * (store_org_stamp), so a call that reads many records does not read the
 * organisation each time. Valid until the next svc_org_cur or
 * svc_org_view_cached on svc that finds the organisation changed: a call
 * that changes the organisation must not hold it across the change. */
int svc_org_cur(struct service *svc, const struct org **out, struct svc_result *r);
/* [issue 11] The organisation as the strategy in force at the end of
 * `year` had it: a stored version other than the newest is parsed again;
 * otherwise (and when no version is stored) svc_load_org. */
int svc_load_org_for_year(struct service *svc, int year, struct org *org, struct svc_result *r);

/* Frees svc->stats_cache, the statistics kept on the connection
 * (concern_service.c; called by service_close). */
void concern_stats_cache_free(struct service *svc);

/* PLAN_YEAR_MIN..PLAN_YEAR_MAX, else SVC_INVALID on field "year"
 * (meeting_service.c). */
int svc_check_year(int year, struct svc_result *r);
/* Loads meeting id; SVC_NOT_FOUND on field "id" when there is none
 * (meeting_service.c). */
int svc_get_meeting(struct service *svc, long long id, struct meeting *m, struct svc_result *r);

/* The user named username (NULL: ""); SVC_NOT_FOUND on field "username"
 * when there is none. Release *u on success (auth.c). */
int svc_user_by_name(struct service *svc, const char *username, struct user_row *u,
		     struct svc_result *r);
/* The user with id; SVC_NOT_FOUND when the account is gone. Release *u on
 * success (auth.c). */
int svc_user_by_id(struct service *svc, long long id, struct user_row *u, struct svc_result *r);
/* Fills a for user u acting from client (as a session or token does). */
void svc_actor_of(struct actor *a, const struct user_info *u, const char *client);

#endif
