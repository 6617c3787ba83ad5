/* indsigt_service.c - the right of access (service/indsigt.h).
 *
 * Every call: SVC_CALL + svc_begin (the permission decision), the work,
 * svc_commit (the access-log entry with the person as subject, in the
 * same transaction). Plain text leaves a call only after svc_commit. */
#include "service/indsigt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/cpr.h"
#include "service/crypto.h"
#include "service/meeting.h"
#include "service/case_common.h"
#include "service/service_internal.h"
#include "store/concern_store.h"
#include "store/indsigt_store.h"
#include "store/sealed_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

static const struct text_field f_justification = {
    "justification", N_("Begrundelsen"), TEXT_LINES, 4000, true, false};

/* ---- releasing ------------------------------------------------------------- */

static void wipe_free(char *s)
{
	if (s)
		memset(s, 0, strlen(s));
	free(s);
}

void indsigt_request_view_release(struct indsigt_request_view *v)
{
	wipe_free(v->justification);
	free(v->answered_at);
	free(v->restricted_at);
	free(v->restricted_by);
	free(v->created_by);
	memset(v, 0, sizeof(*v));
}

void indsigt_report_release(struct indsigt_report *rep)
{
	for (size_t i = 0; i < rep->sections_nr; i++) {
		struct indsigt_section *sec = &rep->sections[i];
		for (size_t j = 0; j < sec->nr; j++) {
			for (size_t k = 0; k < sec->v[j].nr; k++) {
				free((char *)sec->v[j].v[k].column);
				wipe_free(sec->v[j].v[k].value);
			}
			free(sec->v[j].v);
		}
		free(sec->v);
	}
	free(rep->sections);
	org_release(&rep->org);
	indsigt_request_view_release(&rep->request);
	memset(rep, 0, sizeof(*rep));
	org_init(&rep->org);
}

void indsigt_request_list_release(struct indsigt_request_list *l)
{
	for (size_t i = 0; i < l->nr; i++)
		indsigt_request_view_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const struct indsigt_section *indsigt_section_of(const struct indsigt_report *rep,
						 const char *table)
{
	for (size_t i = 0; i < rep->sections_nr; i++)
		if (!strcmp(rep->sections[i].table, table))
			return &rep->sections[i];
	return NULL;
}

const char *indsigt_value(const struct indsigt_record *rec, const char *column)
{
	for (size_t i = 0; i < rec->nr; i++)
		if (!strcmp(rec->v[i].column, column))
			return rec->v[i].value;
	return NULL;
}

/* ---- helpers ------------------------------------------------------------------- */

/* The person of ref: 0 and *person, or -1 with r set (SVC_NOT_FOUND). */
static int find_person(struct service *svc, const struct indsigt_ref *ref, long long *person,
		       struct svc_result *r)
{
	char *err = NULL;
	if (ref->cpr && *ref->cpr) {
		struct cpr_number n;
		enum cpr_parse_error pe = cpr_parse(ref->cpr, strlen(ref->cpr), &n);
		if (pe != CPR_PARSE_OK)
			return svc_fail(r, SVC_INVALID, "cpr", "%s", cpr_parse_error_message(pe));
		unsigned char index[SVC_INDEX_BYTES];
		svc_blind_index(svc, "cpr", n.digits, 10, index);
		memset(&n, 0, sizeof(n));
		struct sealed ix = {index, sizeof(index)};
		int rc = concern_store_person_by_index(svc->store, &ix, person, &err);
		if (rc < 0)
			return svc_store_fail(r, err);
		if (rc == 1)
			return svc_fail(r, SVC_NOT_FOUND, "cpr", "%s",
					_("Der findes ingen person med dette CPR-nummer i "
					  "systemet."));
		return 0;
	}
	struct person_row p;
	int rc = concern_store_person_get(svc->store, ref->person, &p, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, "person",
				_("Der findes ingen person med id %lld."), ref->person);
	person_row_release(&p);
	*person = ref->person;
	return 0;
}

static const struct sealed_column *sealed_of(const char *table, const char *column)
{
	for (size_t i = 0; i < store_sealed_columns_nr; i++)
		if (!strcmp(store_sealed_columns[i].table, table) &&
		    !strcmp(store_sealed_columns[i].column, column))
			return &store_sealed_columns[i];
	return NULL;
}

/* The stored row as text fields: sealed columns opened (the registry
 * names the row's id column), other blobs (the CPR's blind index: no
 * information for a person) left out. */
static int record_of(struct service *svc, const char *table, const struct indsigt_row *row,
		     struct indsigt_record *out, struct svc_result *r)
{
	out->v = xcalloc(row->nr ? row->nr : 1, sizeof(*out->v));
	out->nr = 0;
	for (size_t i = 0; i < row->nr; i++) {
		const struct indsigt_cell *c = &row->v[i];
		struct indsigt_field f = {xstrdup(c->column), NULL, c->kind == IV_INT};
		if (c->kind == IV_BLOB) {
			const struct sealed_column *sc = sealed_of(table, c->column);
			const struct indsigt_cell *idc =
			    sc ? indsigt_cell(row, sc->id_column) : NULL;
			if (!sc || !idc || idc->kind != IV_INT) {
				free((char *)f.column);
				continue;
			}
			struct sealed_ref at = {table, c->column, idc->i};
			char *plain;
			size_t n;
			if (svc_unseal(svc, &at, c->blob.p, c->blob.n, &plain, &n, r) < 0) {
				free((char *)f.column);
				return -1;
			}
			f.value = xstrdup(plain);
			svc_plain_free(plain, n);
		} else if (c->text) {
			f.value = xstrdup(c->text);
		}
		out->v[out->nr++] = f;
	}
	return 0;
}

static void request_view_of(struct indsigt_request_row *row, struct indsigt_request_view *v)
{
	memset(v, 0, sizeof(*v));
	v->id = row->id;
	v->person = row->person_id;
	v->received = row->received;
	v->deadline = row->deadline;
	v->open = row->open;
	const char *bad;
	if (row->restricted_parts)
		indsigt_parts_parse(row->restricted_parts, &v->parts, &bad);
	v->answered_at = row->answered_at;
	row->answered_at = NULL;
	v->restricted_at = row->restricted_at;
	row->restricted_at = NULL;
	v->restricted_by = row->restricted_by;
	row->restricted_by = NULL;
	v->created_by = row->created_by;
	row->created_by = NULL;
}

/* ---- the answer -------------------------------------------------------------------- */

int svc_indsigt(struct service *svc, const struct actor *a, const struct indsigt_ref *ref,
		long long request, struct indsigt_report *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	org_init(&out->org);
	struct indsigt_request_rows reqs = {0};
	struct indsigt_request_row req;
	memset(&req, 0, sizeof(req));
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	if (svc_begin(
		&c, svc, a, ACT_INDSIGT_VIEW, NULL,
		(struct svc_entry){.action = "indsigt.view", .legal_basis = INDSIGT_LEGAL_BASIS},
		r) < 0)
		return -1;
	long long person = 0;
	if (svc_load_org(svc, &out->org, r) < 0 || find_person(svc, ref, &person, r) < 0)
		goto out;
	char subj[40];
	svc_person_subject(subj, person);
	svc_call_subject(&c, subj, INDSIGT_LEGAL_BASIS);
	out->person = person;
	out->made = svc_today();
	/* the request it answers, and its restriction */
	struct indsigt_request_row *rq = NULL;
	if (request > 0) {
		int rc = indsigt_store_request_get(svc->store, request, &req, &err);
		if (rc < 0) {
			svc_store_fail(r, err);
			goto out;
		}
		if (rc == 1 || req.person_id != person) {
			svc_fail(r, SVC_INVALID, "request", "%s",
				 _("Anmodningen findes ikke for denne person."));
			goto out;
		}
		rq = &req;
	} else {
		if (indsigt_store_requests(svc->store, person, &reqs, &err) < 0) {
			svc_store_fail(r, err);
			goto out;
		}
		if (reqs.nr)
			rq = &reqs.v[0];
	}
	if (rq) {
		out->has_request = true;
		struct sealed just = rq->justification;
		request_view_of(rq, &out->request);
		if (just.p) {
			struct sealed_ref at = {"indsigt_request", "restriction_justification",
						rq->id};
			char *plain;
			size_t n;
			if (svc_unseal(svc, &at, just.p, just.n, &plain, &n, r) < 0)
				goto out;
			out->request.justification = xstrdup(plain);
			svc_plain_free(plain, n);
		}
		svc_call_object(&c, "indsigt:%lld", rq->id);
	}
	/* table by table; a withheld part is never read */
	out->sections = xcalloc(indsigt_sources_nr, sizeof(*out->sections));
	out->sections_nr = indsigt_sources_nr;
	for (size_t i = 0; i < indsigt_sources_nr; i++) {
		const struct indsigt_source *src = &indsigt_sources[i];
		struct indsigt_section *sec = &out->sections[i];
		sec->table = src->table;
		sec->part = src->part;
		if (src->part >= 0 && (out->request.parts & (1u << src->part))) {
			sec->withheld = true;
			continue;
		}
		struct indsigt_rows rows = {0};
		if (src->collect(svc->store, person, subj, &rows, &err) < 0) {
			indsigt_rows_release(&rows);
			svc_store_fail(r, err);
			goto out;
		}
		sec->v = xcalloc(rows.nr ? rows.nr : 1, sizeof(*sec->v));
		for (size_t j = 0; j < rows.nr; j++) {
			if (record_of(svc, src->table, &rows.v[j], &sec->v[j], r) < 0) {
				sec->nr = j + 1;
				indsigt_rows_release(&rows);
				goto out;
			}
		}
		sec->nr = rows.nr;
		indsigt_rows_release(&rows);
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		indsigt_report_release(out);
	indsigt_request_row_release(&req);
	indsigt_request_rows_release(&reqs);
	return ret;
}

/* ---- requests ------------------------------------------------------------------------ */

int svc_indsigt_request_add(struct service *svc, const struct actor *a,
			    const struct indsigt_ref *ref, const char *received, long long *id,
			    long *deadline, struct svc_result *r)
{
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_INDSIGT_REQUEST, NULL,
		      (struct svc_entry){.action = "indsigt.request.add",
					 .legal_basis = INDSIGT_LEGAL_BASIS},
		      r) < 0)
		return -1;
	long today = svc_today(), day = today;
	if (received && *received) {
		struct date d;
		if (cal_parse_date(received, &d) < 0) {
			svc_fail(r, SVC_INVALID, "received", "%s",
				 _("Datoen skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD."));
			goto out;
		}
		day = cal_days(d);
		if (day > today) {
			svc_fail(r, SVC_INVALID, "received", "%s",
				 _("Modtagelsesdatoen kan ikke ligge i fremtiden."));
			goto out;
		}
	}
	long long person = 0;
	if (find_person(svc, ref, &person, r) < 0)
		goto out;
	*deadline = indsigt_deadline(day);
	if (indsigt_store_request_add(svc->store, person, day, *deadline, a->username, id, &err) <
	    0) {
		svc_store_fail(r, err);
		goto out;
	}
	char subj[40];
	svc_person_subject(subj, person);
	svc_call_subject(&c, subj, INDSIGT_LEGAL_BASIS);
	svc_call_object(&c, "indsigt:%lld", *id);
	ret = 0;
out:
	return ret == 0 ? svc_commit(&c) : svc_abort(&c);
}

/* Loads request id inside call c; SVC_NOT_FOUND on "request". */
static int load_request(struct service *svc, long long id, struct indsigt_request_row *out,
			struct svc_result *r)
{
	char *err = NULL;
	int rc = indsigt_store_request_get(svc->store, id, out, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, "request", "%s",
				_("Anmodningen om indsigt findes ikke."));
	return 0;
}

int svc_indsigt_restrict(struct service *svc, const struct actor *a, long long id,
			 const char *parts, const char *justification, struct svc_result *r)
{
	struct indsigt_request_row req;
	memset(&req, 0, sizeof(req));
	struct strbuf text = STRBUF_INIT;
	unsigned char *sealed = NULL;
	size_t sealed_n = 0;
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "indsigt:%lld", id);
	if (svc_begin(&c, svc, a, ACT_INDSIGT_REQUEST, NULL,
		      (struct svc_entry){.action = "indsigt.restrict",
					 .object = obj,
					 .legal_basis = INDSIGT_RESTRICTION_LAW},
		      r) < 0)
		return -1;
	if (load_request(svc, id, &req, r) < 0)
		goto out;
	unsigned set = 0;
	const char *bad = NULL;
	if (indsigt_parts_parse(parts, &set, &bad) < 0 || !set) {
		svc_fail(r, SVC_INVALID, "parts", "%s",
			 _("Vælg de dele af svaret, der undtages (overleveringer, indstillinger, "
			   "bekymringer, sagsnotater, pårørende eller adgangsloggen)."));
		goto out;
	}
	if (!justification || !*justification) {
		svc_fail(r, SVC_INVALID, "justification", "%s",
			 _("Skriv den konkrete begrundelse for undtagelsen "
			   "(databeskyttelseslovens § 22, stk. 2, nr. 4)."));
		goto out;
	}
	if (svc_text(&f_justification, justification, NULL, &text, r) < 0)
		goto out;
	char canon[128];
	indsigt_parts_format(set, canon, sizeof(canon));
	if (indsigt_store_request_restrict(svc->store, id, canon, a->username, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	struct sealed_ref at = {"indsigt_request", "restriction_justification", id};
	if (svc_seal(svc, &at, text.buf, text.len, &sealed, &sealed_n, r) < 0)
		goto out;
	struct sealed s = {sealed, sealed_n};
	if (indsigt_store_request_seal(svc->store, id, &s, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	char subj[40];
	svc_person_subject(subj, req.person_id);
	svc_call_subject(&c, subj, INDSIGT_RESTRICTION_LAW);
	svc_call_object(&c, "indsigt:%lld parts=%s", id, canon);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (text.buf)
		memset(text.buf, 0, text.len);
	strbuf_release(&text);
	free(sealed);
	indsigt_request_row_release(&req);
	return ret;
}

int svc_indsigt_answer(struct service *svc, const struct actor *a, long long id,
		       struct svc_result *r)
{
	struct indsigt_request_row req;
	memset(&req, 0, sizeof(req));
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "indsigt:%lld", id);
	if (svc_begin(&c, svc, a, ACT_INDSIGT_REQUEST, NULL,
		      (struct svc_entry){.action = "indsigt.answer",
					 .object = obj,
					 .legal_basis = INDSIGT_LEGAL_BASIS},
		      r) < 0)
		return -1;
	if (load_request(svc, id, &req, r) < 0)
		goto out;
	int rc = indsigt_store_request_answer(svc->store, id, a->username, &err);
	if (rc < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	if (rc == 1) {
		svc_fail(r, SVC_CONFLICT, "request", "%s", _("Anmodningen er allerede besvaret."));
		goto out;
	}
	char subj[40];
	svc_person_subject(subj, req.person_id);
	svc_call_subject(&c, subj, INDSIGT_LEGAL_BASIS);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	indsigt_request_row_release(&req);
	return ret;
}

int svc_indsigt_requests(struct service *svc, const struct actor *a,
			 struct indsigt_request_list *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	struct indsigt_request_rows rows = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_INDSIGT_REQUEST, NULL,
		      (struct svc_entry){.action = "indsigt.requests"}, r) < 0)
		return -1;
	if (indsigt_store_requests(svc->store, 0, &rows, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	out->v = xcalloc(rows.nr ? rows.nr : 1, sizeof(*out->v));
	for (size_t i = 0; i < rows.nr; i++)
		request_view_of(&rows.v[i], &out->v[i]);
	out->nr = rows.nr;
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		indsigt_request_list_release(out);
	indsigt_request_rows_release(&rows);
	return ret;
}
