/* sealed_text.c - sealing and opening a person's text fields
 * (service/case_common.h). */
#include "service/case_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "service/crypto.h"
#include "service/service_internal.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

int svc_seal_text(struct service *svc, const char *table, const char *column, long long row,
		  const char *text, struct sealed *out, struct svc_result *r)
{
	struct sealed_ref at = {table, column, row};
	size_t n;
	if (svc_seal(svc, &at, text, strlen(text), &out->p, &n, r) < 0)
		return -1;
	out->n = n;
	return 0;
}

int svc_unseal_text(struct service *svc, const char *table, const char *column, long long row,
		    const struct sealed *v, char **out, struct svc_result *r)
{
	*out = NULL;
	if (!v->p)
		return 0;
	struct sealed_ref at = {table, column, row};
	char *plain;
	size_t n;
	if (svc_unseal(svc, &at, v->p, v->n, &plain, &n, r) < 0)
		return -1;
	*out = xstrdup(plain);
	svc_plain_free(plain, n);
	return 0;
}

void svc_sealed_clear(struct sealed *s)
{
	if (s->p)
		memset(s->p, 0, s->n);
	free(s->p);
	s->p = NULL;
	s->n = 0;
}

void svc_person_subject(char out[40], long long person)
{
	snprintf(out, 40, "person:%lld", person);
}

int svc_parse_day(const char *s, const char *field, long *day, struct svc_result *r)
{
	if (!s)
		return 0;
	struct date d;
	if (cal_parse_date(s, &d) < 0)
		return svc_fail(r, SVC_INVALID, field, "%s",
				_("Datoen skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD."));
	*day = cal_days(d);
	return 0;
}

int svc_meeting_of(struct service *svc, const struct org *o, long long id, const char *field,
		   const struct org_body **b, long *day, bool *closed, struct svc_result *r)
{
	char *body = NULL, *err = NULL;
	int rc = concern_store_meeting_get(svc->store, id, &body, day, closed, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, field, "%s", _("Mødet findes ikke."));
	*b = org_find_body(o, body);
	free(body);
	if (!*b)
		return svc_fail(r, SVC_INVALID, field, "%s",
				_("Mødets forum findes ikke længere i strategien."));
	return 0;
}
