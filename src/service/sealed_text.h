/* sealed_text.h - text fields about a person, sealed and opened by the
 * services of the case flow (concern, follow-up, referral, indsigt): one
 * home for the few lines around svc_seal/svc_unseal (service/crypto.h)
 * that each of them needs, and for the access log's subject of a person.
 * Internal to src/service. */
#ifndef SSP_SERVICE_SEALED_TEXT_H
#define SSP_SERVICE_SEALED_TEXT_H

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

#endif
