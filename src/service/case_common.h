/* case_common.h - what the services of the case flow (concern, follow-up,
 * referral, indsigt) share: text fields about a person sealed and opened
 * (the few lines around svc_seal/svc_unseal, service/crypto.h), the access
 * log's subject of a person, and a date typed in a request. Internal to
 * src/service. */
#ifndef SSP_SERVICE_CASE_COMMON_H
#define SSP_SERVICE_CASE_COMMON_H

#include "service/service.h"
#include "store/concern_store.h"

/* Seals text for (table, column, row) into out (owned by the caller:
 * svc_sealed_clear). */
int svc_seal_text(struct service *svc, const char *table, const char *column, long long row,
		  const char *text, struct sealed *out, struct svc_result *r);
/* Opens a sealed value (NULL stays NULL) into an owned C string. */
int svc_unseal_text(struct service *svc, const char *table, const char *column, long long row,
		    const struct sealed *v, char **out, struct svc_result *r);
/* Wipes and frees a sealed value. */
void svc_sealed_clear(struct sealed *s);
/* The access log's subject of a young person: "person:<id>". */
void svc_person_subject(char out[40], long long person);
/* s ("YYYY-MM-DD") as a day in *day; NULL leaves *day as it is.
 * SVC_INVALID on field for anything else. */
int svc_parse_day(const char *s, const char *field, long *day, struct svc_result *r);
/* Meeting id's body (found in o), day and whether it is closed:
 * SVC_NOT_FOUND on field when there is no such meeting, SVC_INVALID when
 * its body is no longer in the strategy. */
int svc_meeting_of(struct service *svc, const struct org *o, long long id, const char *field,
		   const struct org_body **b, long *day, bool *closed, struct svc_result *r);

#endif
