/* service_internal.h - helpers shared by the files under src/service/.
 * The doors do not include this: they see only the svc_*() calls.
 *
 * Each helper sets *r and returns -1 on failure, like the calls it serves,
 * so a caller can write `if (svc_load_org(svc, org, r) < 0) return -1;`. */
#ifndef SSP_SERVICE_INTERNAL_H
#define SSP_SERVICE_INTERNAL_H

#include "domain/plan.h"
#include "domain/text_policy.h"
#include "service/service.h"
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

/* Writes one access-log entry for a's action (a may be NULL). An action
 * the log cannot record is not done: -1 with r set when writing fails
 * (audit.c). */
int svc_log(struct service *svc, const struct actor *a, const char *action, const char *object,
	    const char *outcome, struct svc_result *r);

/* Loads the organisation; SVC_INVALID when no strategy has been loaded
 * (org_service.c). */
int svc_load_org(struct service *svc, struct org *org, struct svc_result *r);

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
