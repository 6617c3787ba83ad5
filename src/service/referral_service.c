/* referral_service.c - the referral lists, the meetings to screen onto and
 * declining to share (service/referral.h). The single-record calls
 * (register, refer, screen, read) are concern_service.c's. */
#include "service/referral.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/crypto.h"
#include "service/meeting.h"
#include "service/case_common.h"
#include "service/service_internal.h"
#include "store/concern_store.h"
#include "store/school_store.h"
#include "store/share_store.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* How many coming meetings per body the screening form offers. */
#define SCREENING_MEETINGS_PER_BODY 8

void referral_list_release(struct referral_list *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		struct referral_item *x = &l->v[i];
		free(x->status);
		free(x->name);
		free(x->institution);
		free(x->summary);
		free(x->necessity);
		free(x->legal_basis);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* The day of a store time "YYYY-MM-DDTHH:MM:SSZ", or CAL_NO_DAY. */
static long day_of(const char *at)
{
	char ymd[11];
	struct date d;
	if (!at || strlen(at) < 10)
		return CAL_NO_DAY;
	memcpy(ymd, at, 10);
	ymd[10] = '\0';
	return cal_parse_date(ymd, &d) < 0 ? CAL_NO_DAY : cal_days(d);
}

static struct referral_item *item_from(struct referral_list *out, const struct referral_row *x)
{
	ALLOC_GROW(out->v, out->nr + 1, out->alloc);
	struct referral_item *it = &out->v[out->nr++];
	memset(it, 0, sizeof(*it));
	it->id = x->id;
	it->person = x->person_id;
	it->meeting = x->meeting_id;
	it->status = xstrdup(referral_status_id(x->status));
	it->submitted = day_of(x->created_at);
	it->meeting_day = CAL_NO_DAY;
	return it;
}

int svc_referrals_mine(struct service *svc, const struct actor *a, struct referral_list *out,
		       struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	struct referral_rows rows = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	/* the referrer's own: the owner rule holds by construction */
	struct authz_facts f = {.owner_user_id = a->user_id};
	if (svc_begin(&c, svc, a, ACT_REFERRAL_VIEW, &f,
		      (struct svc_entry){.action = "referral.list", .object = "referrals:mine"},
		      r) < 0)
		return -1;
	if (concern_store_referral_list(svc->store, a->username, 0, &rows, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	for (size_t i = 0; i < rows.nr; i++) {
		struct referral_item *it = item_from(out, &rows.v[i]);
		if (it->meeting) {
			char *body = NULL;
			long day;
			bool closed;
			int rc = concern_store_meeting_get(svc->store, it->meeting, &body, &day,
							   &closed, &err);
			free(body);
			if (rc < 0) {
				svc_store_fail(r, err);
				goto out;
			}
			if (rc == 0)
				it->meeting_day = day;
		}
	}
	svc_call_object(&c, "referrals:mine n=%zu", out->nr);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		referral_list_release(out);
	referral_rows_release(&rows);
	return ret;
}

/* The institution's name (an owned copy), or its id when it has none. */
static char *institution_name(struct service *svc, const char *id)
{
	if (!id)
		return NULL;
	struct institution_row x;
	char *err = NULL;
	int rc = store_institution_get(svc->store, id, &x, &err);
	free(err);
	if (rc != 0)
		return xstrdup(id);
	char *name = xstrdup(x.name ? x.name : id);
	institution_row_release(&x);
	return name;
}

int svc_referrals_to_screen(struct service *svc, const struct actor *a, struct referral_list *out,
			    struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	struct org o;
	org_init(&o);
	struct referral_rows rows = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_REFERRAL_SCREEN, NULL,
		      (struct svc_entry){.action = "referral.list",
					 .object = "referrals:submitted",
					 .legal_basis = "ssp"},
		      r) < 0)
		return -1;
	if (svc_load_org(svc, &o, r) < 0)
		goto out;
	if (concern_store_referral_list(svc->store, NULL, 0, &rows, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	long today = svc_today();
	for (size_t i = 0; i < rows.nr; i++) {
		const struct referral_row *x = &rows.v[i];
		struct referral_item *it = item_from(out, x);
		struct person_row p;
		int rc = concern_store_person_get(svc->store, x->person_id, &p, &err);
		if (rc < 0) {
			svc_store_fail(r, err);
			goto out;
		}
		if (rc == 0) {
			struct target_result t;
			target_check(&o, cal_date(p.birth), cal_date(today), &t);
			it->age = t.age;
			it->flags = t.flags;
			rc = svc_unseal_text(svc, "person", "name", p.id, &p.name, &it->name, r);
			person_row_release(&p);
			if (rc < 0)
				goto out;
		}
		it->institution = institution_name(svc, x->institution);
		it->legal_basis = xstrdup(x->legal_basis);
		if (svc_unseal_text(svc, "referral", "summary", x->id, &x->summary, &it->summary,
				    r) < 0 ||
		    svc_unseal_text(svc, "referral", "necessity", x->id, &x->necessity,
				    &it->necessity, r) < 0)
			goto out;
	}
	svc_call_object(&c, "referrals:submitted n=%zu", out->nr);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		referral_list_release(out);
	referral_rows_release(&rows);
	org_release(&o);
	return ret;
}

static int by_day(const void *x, const void *y)
{
	const struct meeting *a = x, *b = y;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

int svc_screening_meetings(struct service *svc, const struct actor *a, struct org *o,
			   struct meeting_list *out, struct svc_result *r)
{
	/* dates and bodies only: no personal data, no transaction */
	if (svc_check(svc, a, ACT_REFERRAL_SCREEN, NULL,
		      &(struct svc_entry){.action = "referral.meetings"}, r) < 0)
		return -1;
	if (svc_load_org(svc, o, r) < 0)
		return -1;
	long today = svc_today();
	int year = cal_date(today).y;
	char *err = NULL;
	for (size_t bi = 0; bi < o->bodies_nr; bi++) {
		const struct org_body *b = &o->bodies[bi];
		if (!b->named_individuals)
			continue;
		size_t taken = 0;
		for (int y = year; y <= year + 1 && taken < SCREENING_MEETINGS_PER_BODY; y++) {
			struct meeting_list l = MEETING_LIST_INIT;
			if (store_meetings_load(svc->store, y, b->id, &l, &err) < 0) {
				meeting_list_release(&l);
				return svc_store_fail(r, err);
			}
			if (l.nr)
				qsort(l.v, l.nr, sizeof(*l.v), by_day);
			for (size_t i = 0; i < l.nr && taken < SCREENING_MEETINGS_PER_BODY; i++) {
				struct meeting *m = &l.v[i];
				if (m->status != MEETING_PLANNED || m->day < today || !m->id)
					continue;
				char *body = NULL;
				long day;
				bool closed = false;
				int rc = concern_store_meeting_get(svc->store, m->id, &body, &day,
								   &closed, &err);
				free(body);
				if (rc < 0) {
					meeting_list_release(&l);
					return svc_store_fail(r, err);
				}
				if (rc != 0 || closed)
					continue;
				/* move the meeting over; l keeps a zeroed one */
				struct meeting *to = meeting_list_add(out);
				*to = *m;
				memset(m, 0, sizeof(*m));
				taken++;
			}
			meeting_list_release(&l);
		}
	}
	if (out->nr)
		qsort(out->v, out->nr, sizeof(*out->v), by_day);
	return 0;
}

/* Does agenda item (kind, item) belong to meeting? 0 yes, 1 no, -1 error. */
static int item_on_meeting(struct service *svc, long long meeting, enum agenda_kind kind,
			   long long item, char **err)
{
	int rc;
	bool ours = false;
	if (kind == AGENDA_HANDOVER) {
		struct handover_row h;
		rc = concern_store_handover_get(svc->store, item, &h, err);
		if (rc == 0) {
			ours = h.meeting_id == meeting;
			handover_row_release(&h);
		}
	} else if (kind == AGENDA_REFERRAL) {
		struct referral_row x;
		rc = concern_store_referral_get(svc->store, item, &x, err);
		if (rc == 0) {
			ours = x.meeting_id == meeting;
			referral_row_release(&x);
		}
	} else {
		/* a follow-up: an open concern (svc_agenda lists those due) */
		struct concern_row cr;
		rc = concern_store_concern_get(svc->store, item, &cr, err);
		if (rc == 0) {
			ours = cr.open;
			concern_row_release(&cr);
		}
	}
	if (rc < 0)
		return -1;
	return ours ? 0 : 1;
}

int svc_share_decline(struct service *svc, const struct actor *a, long long meeting,
		      enum agenda_kind kind, long long item, struct svc_result *r)
{
	struct org o;
	org_init(&o);
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[80];
	snprintf(obj, sizeof(obj), "meeting:%lld %s:%lld", meeting, agenda_kind_id(kind), item);
	if (svc_begin(&c, svc, a, ACT_SHARE_DECLINE, NULL,
		      (struct svc_entry){.action = "share.decline", .object = obj}, r) < 0)
		return -1;
	long day;
	bool closed;
	struct authz_facts f = {0};
	const struct org_body *b;
	if (svc_load_org(svc, &o, r) < 0 ||
	    svc_meeting_of(svc, &o, meeting, "id", &b, &day, &closed, r) < 0)
		goto out;
	if (svc_body_facts(svc, a, b, &f, r) < 0)
		goto out;
	if (svc_authorize(&c, &f) < 0)
		goto done;
	if (closed) {
		svc_fail(r, SVC_INVALID, "id", "%s", _("Mødet er lukket."));
		goto out;
	}
	int rc = item_on_meeting(svc, meeting, kind, item, &err);
	if (rc < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	if (rc == 1) {
		svc_fail(r, SVC_NOT_FOUND, "item", "%s", _("Punktet findes ikke på dette møde."));
		goto out;
	}
	/* who and for which organisation; never what was withheld */
	const char *org = a->org[0] ? a->org : role_id(a->role);
	if (concern_store_decline(svc->store, meeting, agenda_kind_id(kind), item, a->username, org,
				  &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	org_release(&o);
	return ret;
}

void share_declines_release(struct share_declines *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].username);
		free(l->v[i].org);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int svc_share_declines(struct service *svc, const struct actor *a, long long meeting,
		       struct share_declines *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	struct org o;
	org_init(&o);
	struct share_decline_rows rows = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "meeting:%lld", meeting);
	if (svc_begin(&c, svc, a, ACT_HANDOVER_VIEW, NULL,
		      (struct svc_entry){.action = "share.list", .object = obj}, r) < 0)
		return -1;
	long day;
	bool closed;
	struct authz_facts f = {0};
	const struct org_body *b;
	if (svc_load_org(svc, &o, r) < 0 ||
	    svc_meeting_of(svc, &o, meeting, "id", &b, &day, &closed, r) < 0)
		goto out;
	if (svc_body_facts(svc, a, b, &f, r) < 0)
		goto out;
	if (svc_authorize(&c, &f) < 0)
		goto done;
	if (store_share_declines(svc->store, meeting, &rows, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	for (size_t i = 0; i < rows.nr; i++) {
		enum agenda_kind k;
		if (!rows.v[i].item_kind || agenda_kind_parse(rows.v[i].item_kind, &k) < 0)
			continue;
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct share_decline *d = &out->v[out->nr++];
		d->kind = k;
		d->item = rows.v[i].item_id;
		d->username = xstrdup(rows.v[i].username ? rows.v[i].username : "");
		d->org = xstrdup(rows.v[i].org ? rows.v[i].org : "");
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	if (ret < 0)
		share_declines_release(out);
	share_decline_rows_release(&rows);
	org_release(&o);
	return ret;
}
