/* indsigt.h - the right of access (indsigt, GDPR art. 15; issue 12)
 * through the service layer.
 *
 * svc_indsigt collects everything the system holds about one person,
 * table by table (store/indsigt_store.h lists the tables and a test
 * checks the list against the schema): the person record with the CPR
 * number in full (it is the person's own data), hand-over entries,
 * referrals, concerns with their category history, decisions, actions,
 * case notes, related people, the person's access requests, and the
 * access-log extract (who looked, when, which action, on which legal
 * basis). Sealed columns are opened through the sealed column registry.
 *
 * A request (svc_indsigt_request_add) records when the person asked and
 * the one-month deadline (domain/indsigt.h); a restriction under
 * databeskyttelseslovens § 22, stk. 2, nr. 4 (svc_indsigt_restrict)
 * names the withheld parts and a case-specific justification. The answer
 * for a request leaves the withheld parts out (they are never read) and
 * states the justification.
 *
 * Permissions: ACT_INDSIGT_VIEW and ACT_INDSIGT_REQUEST, the revisor
 * role (the data protection officer) and the local operator (authz.c
 * says why). Every call writes one access-log entry; an answer's entry
 * has the person as subject and legal basis "gdpr-15", a restriction's
 * "dbl-22-2-4".
 */
#ifndef SSP_SERVICE_INDSIGT_H
#define SSP_SERVICE_INDSIGT_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/indsigt.h"
#include "domain/org.h"
#include "service/service.h"

/* Who the request is about: a CPR number (found through its blind
 * index) or, when cpr is NULL or "", the person's id. */
struct indsigt_ref {
	const char *cpr;
	long long person;
};

/* One column of one record, as text (NULL: empty). */
struct indsigt_field {
	const char *column; /* the schema's column name (static while the report lives) */
	char *value;        /* owned */
	bool number;
};

struct indsigt_record {
	struct indsigt_field *v;
	size_t nr;
};

/* The rows of one table (store/indsigt_store.h's sources, in their
 * order). withheld: a restriction withholds the part; v is then empty. */
struct indsigt_section {
	const char *table; /* static */
	int part;          /* enum indsigt_part, or -1 */
	bool withheld;
	struct indsigt_record *v;
	size_t nr;
};

struct indsigt_request_view {
	long long id, person;
	long received, deadline; /* days */
	bool open;
	unsigned parts;      /* withheld parts (1u << enum indsigt_part); 0: none */
	char *justification; /* owned; NULL without a restriction (and in lists) */
	char *answered_at, *restricted_at, *restricted_by, *created_by; /* owned, or NULL */
};

void indsigt_request_view_release(struct indsigt_request_view *v);

struct indsigt_report {
	long long person;
	long made;      /* the day it was made */
	struct org org; /* names of the municipality, categories, institutions */
	struct indsigt_section *sections;
	size_t sections_nr;
	bool has_request;
	struct indsigt_request_view request;
};

void indsigt_report_release(struct indsigt_report *rep);
/* The section of table, or NULL. */
const struct indsigt_section *indsigt_section_of(const struct indsigt_report *rep,
						 const char *table);
/* The value of column in record (NULL when absent or empty). */
const char *indsigt_value(const struct indsigt_record *rec, const char *column);

/* ACT_INDSIGT_VIEW. Everything about the person of ref, under the
 * restriction of request (0: the person's open request with the nearest
 * deadline, else their newest; none: no restriction). SVC_NOT_FOUND on
 * "cpr" / "person" for an unknown person; SVC_INVALID on "request" when
 * the request is about someone else. Release *out (also on failure). */
int svc_indsigt(struct service *svc, const struct actor *a, const struct indsigt_ref *ref,
		long long request, struct indsigt_report *out, struct svc_result *r);

/* ACT_INDSIGT_REQUEST. Records a request received on received
 * ("YYYY-MM-DD"; NULL or "": today; never in the future) about ref's
 * person. *id and *deadline (a day). */
int svc_indsigt_request_add(struct service *svc, const struct actor *a,
			    const struct indsigt_ref *ref, const char *received, long long *id,
			    long *deadline, struct svc_result *r);
/* ACT_INDSIGT_REQUEST. Restricts request id: parts as
 * indsigt_parts_parse reads them (at least one; SVC_INVALID on "parts"),
 * justification the case-specific reason (required; "justification").
 * Replaces an earlier restriction of the request. */
int svc_indsigt_restrict(struct service *svc, const struct actor *a, long long id,
			 const char *parts, const char *justification, struct svc_result *r);
/* ACT_INDSIGT_REQUEST. Marks request id answered; SVC_CONFLICT when it
 * was answered already. */
int svc_indsigt_answer(struct service *svc, const struct actor *a, long long id,
		       struct svc_result *r);

struct indsigt_request_list {
	struct indsigt_request_view *v; /* justification NULL */
	size_t nr;
};

void indsigt_request_list_release(struct indsigt_request_list *l);
/* ACT_INDSIGT_REQUEST. Every request: open ones first, the most overdue
 * first, then answered ones. Person ids only, no names. */
int svc_indsigt_requests(struct service *svc, const struct actor *a,
			 struct indsigt_request_list *out, struct svc_result *r);

#endif
