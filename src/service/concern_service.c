/* concern_service.c - the individual case flow (service/concern.h).
 *
 * Every call: SVC_CALL + svc_begin (the permission decision, with the
 * record's facts via svc_authorize once the record is loaded), the work,
 * svc_commit (the access-log entry with subject and legal basis, in the
 * same transaction). Plain text leaves a call only after svc_commit. */
#include "service/concern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cpr.h"
#include "service/crypto.h"
#include "service/meeting.h"
#include "service/case_common.h"
#include "service/service_internal.h"
#include "store/concern_store.h"
#include "store/team_store.h"
#include "store/retention_store.h"
#include "store/school_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- text fields (domain/text_policy.h) ---------------------------------- */

/* Free text about a person stays at the § 115 table: CPR-like text is
 * allowed there (named individuals), control characters never; 10,000
 * bytes is a page of text, more than a hand-over summary needs. */
static const struct text_field f_name = {"name", N_("Navnet"), TEXT_LINE, 200, true, false};
static const struct text_field f_summary = {"summary", N_("Resuméet"), TEXT_LINES,
					    10000,     true,           false};
static const struct text_field f_necessity = {
    "necessity", N_("Nødvendighedsbegrundelsen"), TEXT_LINES, 4000, true, false};
static const struct text_field f_reason = {"reason", N_("Begrundelsen"), TEXT_LINES, 4000, true,
					   false};

/* ---- helpers ---------------------------------------------------------------- */

/* Is the actor one of the § 115-møde's participants (domain.md section 3)? */
static bool p115(const struct actor *a)
{
	return a->cli || a->role == ROLE_SSP || a->role == ROLE_POLICE ||
	       a->role == ROLE_CHILD_FAMILY || a->role == ROLE_YOUTH_UNIT;
}

/* A required day: NULL is as invalid as a bad date. */
static int parse_day(const char *s, const char *field, long *day, struct svc_result *r)
{
	return svc_parse_day(s ? s : "", field, day, r);
}

static int store_err(struct svc_result *r, char *err)
{
	return svc_store_fail(r, err);
}

/* The target check of person p at day: SVC_INVALID on field when outside. */
static int check_target(const struct org *o, long birth, long day, const char *field,
			struct target_result *t, struct svc_result *r)
{
	if (target_check(o, cal_date(birth), cal_date(day), t) != TARGET_OK)
		return svc_fail(r, SVC_INVALID, field, "%s", target_verdict_message(t->verdict));
	return 0;
}

/* ---- young people -------------------------------------------------------------- */

void person_view_release(struct person_view *v)
{
	free(v->name);
	free(v->institution);
	free(v->district);
	memset(v, 0, sizeof(*v));
}

int svc_person_add(struct service *svc, const struct actor *a, const struct person_input *in,
		   long long *id, bool *existing, struct target_result *t, struct svc_result *r)
{
	*existing = false;
	const struct org *o = NULL;
	struct strbuf name = STRBUF_INIT;
	struct institution_row inst;
	memset(&inst, 0, sizeof(inst));
	struct cpr_number cpr;
	memset(&cpr, 0, sizeof(cpr));
	struct sealed s_name = {0}, s_cpr = {0};
	char *own = NULL, *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_PERSON_ADD, NULL,
		      (struct svc_entry){.action = "person.add", .legal_basis = "ssp"}, r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0)
		goto out;
	/* a contact person registers pupils of their own institution */
	const char *institution = in->institution && *in->institution ? in->institution : NULL;
	if (a->role == ROLE_CONTACT && !a->cli && !institution) {
		if (store_user_institution(svc->store, a->user_id, &own, &err) < 0) {
			store_err(r, err);
			goto out;
		}
		institution = own;
	}
	struct authz_facts f = {.institution = institution};
	if (svc_authorize(&c, &f) < 0)
		goto done;
	if (!in->name || svc_text(&f_name, in->name, NULL, &name, r) < 0) {
		if (!in->name)
			svc_fail(r, SVC_INVALID, "name", "%s", _("Angiv personens navn."));
		goto out;
	}
	long birth = 0;
	if (in->cpr && *in->cpr) {
		enum cpr_parse_error pe = cpr_parse(in->cpr, strlen(in->cpr), &cpr);
		if (pe != CPR_PARSE_OK) {
			svc_fail(r, SVC_INVALID, "cpr", "%s", cpr_parse_error_message(pe));
			goto out;
		}
		birth = cal_days(cpr.birth);
		long given = 0;
		if (in->birth_date && *in->birth_date &&
		    (parse_day(in->birth_date, "birth_date", &given, r) < 0 || given != birth)) {
			if (r->status == SVC_OK)
				svc_fail(r, SVC_INVALID, "birth_date", "%s",
					 _("Fødselsdatoen passer ikke til CPR-nummeret."));
			goto out;
		}
	} else if (in->birth_date && *in->birth_date) {
		if (parse_day(in->birth_date, "birth_date", &birth, r) < 0)
			goto out;
	} else {
		svc_fail(r, SVC_INVALID, "cpr", "%s", _("Angiv CPR-nummer eller fødselsdato."));
		goto out;
	}
	const char *bfield = in->cpr && *in->cpr ? "cpr" : "birth_date";
	if (check_target(o, birth, svc_today(), bfield, t, r) < 0)
		goto out;
	const char *district = NULL;
	if (institution) {
		int rc = store_institution_get(svc->store, institution, &inst, &err);
		if (rc < 0) {
			store_err(r, err);
			goto out;
		}
		if (rc == 1 || !inst.active) {
			svc_fail(r, SVC_INVALID, "institution", "%s",
				 _("Institutionen findes ikke."));
			goto out;
		}
		district = inst.district;
	}
	unsigned char index[SVC_INDEX_BYTES];
	struct sealed ix = {index, sizeof(index)};
	if (cpr.digits[0])
		svc_blind_index(svc, "cpr", cpr.digits, 10, index);
	int rc = concern_store_person_insert(svc->store, cpr.digits[0] ? &ix : NULL, birth,
					     institution, district, a->username, id, &err);
	if (rc < 0) {
		store_err(r, err);
		goto out;
	}
	*existing = rc == 1;
	if (!*existing) {
		char full[12];
		if (cpr.digits[0])
			cpr_format(&cpr, full);
		if (svc_seal_text(svc, "person", "name", *id, name.buf, &s_name, r) < 0 ||
		    (cpr.digits[0] &&
		     svc_seal_text(svc, "person", "cpr", *id, full, &s_cpr, r) < 0))
			goto out;
		memset(full, 0, sizeof(full));
		if (concern_store_person_seal(svc->store, *id, &s_name,
					      cpr.digits[0] ? &s_cpr : NULL, &err) < 0) {
			store_err(r, err);
			goto out;
		}
	}
	char subj[40];
	svc_person_subject(subj, *id);
	svc_call_subject(&c, subj, "ssp");
	svc_call_object(&c, "person:%lld%s", *id, *existing ? " existing" : "");
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	memset(&cpr, 0, sizeof(cpr));
	svc_sealed_clear(&s_name);
	svc_sealed_clear(&s_cpr);
	strbuf_release(&name);
	institution_row_release(&inst);
	free(own);
	return ret;
}

/* Loads person id inside call c: SVC_NOT_FOUND when there is none. */
static int load_person(struct svc_call *c, struct service *svc, long long id, struct person_row *p,
		       struct svc_result *r)
{
	char *err = NULL;
	int rc = concern_store_person_get(svc->store, id, p, &err);
	if (rc < 0)
		return store_err(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, "person", "%s", _("Personen findes ikke."));
	char subj[40];
	svc_person_subject(subj, id);
	svc_call_subject(c, subj, "ssp");
	return 0;
}

int svc_person_get(struct service *svc, const struct actor *a, long long id,
		   struct person_view *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	const struct org *o = NULL;
	struct person_row p;
	memset(&p, 0, sizeof(p));
	char *cpr = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "person:%lld", id);
	if (svc_begin(&c, svc, a, ACT_CONCERN_VIEW, NULL,
		      (struct svc_entry){.action = "person.read", .object = obj}, r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0 || load_person(&c, svc, id, &p, r) < 0 ||
	    svc_unseal_text(svc, "person", "name", id, &p.name, &out->name, r) < 0 ||
	    svc_unseal_text(svc, "person", "cpr", id, &p.cpr, &cpr, r) < 0)
		goto out;
	out->id = id;
	if (cpr) {
		struct cpr_number n;
		if (cpr_parse(cpr, strlen(cpr), &n) == CPR_PARSE_OK)
			cpr_format_masked(&n, out->cpr_masked);
		memset(&n, 0, sizeof(n));
		memset(cpr, 0, strlen(cpr));
	}
	out->birth = p.birth;
	struct target_result t;
	target_check(o, cal_date(p.birth), cal_date(svc_today()), &t);
	out->age = t.age;
	out->flags = t.flags;
	out->institution = p.institution ? xstrdup(p.institution) : NULL;
	out->district = p.district ? xstrdup(p.district) : NULL;
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		person_view_release(out);
	free(cpr);
	person_row_release(&p);
	return ret;
}

int svc_person_cpr(struct service *svc, const struct actor *a, long long id, char out[12],
		   struct svc_result *r)
{
	out[0] = '\0';
	struct person_row p;
	memset(&p, 0, sizeof(p));
	char *cpr = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "person:%lld", id);
	if (svc_begin(&c, svc, a, ACT_CPR_REVEAL, NULL,
		      (struct svc_entry){.action = "person.cpr.reveal", .object = obj}, r) < 0)
		return -1;
	if (load_person(&c, svc, id, &p, r) < 0 ||
	    svc_unseal_text(svc, "person", "cpr", id, &p.cpr, &cpr, r) < 0)
		goto out;
	if (!cpr) {
		svc_fail(r, SVC_NOT_FOUND, "cpr", "%s",
			 _("Personen er registreret uden CPR-nummer."));
		goto out;
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret == 0)
		snprintf(out, 12, "%s", cpr);
	if (cpr)
		memset(cpr, 0, strlen(cpr));
	free(cpr);
	person_row_release(&p);
	return ret;
}

/* ---- hand-over entries ----------------------------------------------------------- */

void handover_view_release(struct handover_view *v)
{
	free(v->summary);
	memset(v, 0, sizeof(*v));
}

int svc_handover_add(struct service *svc, const struct actor *a, const struct handover_input *in,
		     long long *id, struct svc_result *r)
{
	const struct org *o = NULL;
	struct person_row p;
	memset(&p, 0, sizeof(p));
	struct strbuf summary = STRBUF_INIT;
	struct sealed s_sum = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[48];
	snprintf(obj, sizeof(obj), "meeting:%lld", in->meeting);
	if (svc_begin(
		&c, svc, a, ACT_HANDOVER_ADD, NULL,
		(struct svc_entry){.action = "handover.add", .object = obj, .legal_basis = "ssp"},
		r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0)
		goto out;
	const struct org_body *b;
	long day;
	bool closed;
	if (svc_meeting_of(svc, o, in->meeting, "meeting", &b, &day, &closed, r) < 0)
		goto out;
	struct authz_facts f = {0};
	if (svc_body_facts(svc, a, b, &f, r) < 0)
		goto out;
	if (svc_authorize(&c, &f) < 0)
		goto done;
	char refusal_buf[CONCERN_REFUSAL_MAX];
	const char *refusal = concern_body_refusal(b, refusal_buf, sizeof(refusal_buf));
	if (refusal) {
		svc_fail(r, SVC_INVALID, "meeting", "%s", refusal);
		goto out;
	}
	if (closed) {
		svc_fail(r, SVC_INVALID, "meeting", "%s", _("Mødet er lukket."));
		goto out;
	}
	if (load_person(&c, svc, in->person, &p, r) < 0)
		goto out;
	long contact = 0;
	if (parse_day(in->contact_date, "contact_date", &contact, r) < 0)
		goto out;
	if (contact > svc_today()) {
		svc_fail(r, SVC_INVALID, "contact_date", "%s",
			 _("Kontaktdatoen ligger i fremtiden."));
		goto out;
	}
	struct target_result t;
	if (check_target(o, p.birth, contact, "person", &t, r) < 0)
		goto out;
	const char *category = NULL;
	if (in->category) {
		const struct org_category *cat = concern_category(o, in->category);
		if (!cat) {
			svc_fail(r, SVC_INVALID, "category", "%s",
				 _("Kategorien findes ikke i strategien."));
			goto out;
		}
		category = cat->id;
	}
	if (!in->summary) {
		svc_fail(r, SVC_INVALID, "summary", "%s", _("Skriv et kort resumé."));
		goto out;
	}
	if (svc_text(&f_summary, in->summary, b, &summary, r) < 0)
		goto out;
	if (concern_store_handover_insert(svc->store, in->meeting, in->person, contact, category,
					  a->username, id, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	if (svc_seal_text(svc, "handover", "summary", *id, summary.buf, &s_sum, r) < 0)
		goto out;
	if (concern_store_handover_seal(svc->store, *id, &s_sum, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	svc_call_object(&c, "meeting:%lld handover:%lld", in->meeting, *id);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	svc_sealed_clear(&s_sum);
	strbuf_release(&summary);
	person_row_release(&p);
	return ret;
}

int svc_handover_get(struct service *svc, const struct actor *a, long long id,
		     struct handover_view *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	const struct org *o = NULL;
	struct handover_row h;
	memset(&h, 0, sizeof(h));
	struct person_row p;
	memset(&p, 0, sizeof(p));
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "handover:%lld", id);
	if (svc_begin(&c, svc, a, ACT_HANDOVER_VIEW, NULL,
		      (struct svc_entry){.action = "handover.read", .object = obj}, r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0)
		goto out;
	int rc = concern_store_handover_get(svc->store, id, &h, &err);
	if (rc < 0) {
		store_err(r, err);
		goto out;
	}
	if (rc == 1) {
		svc_fail(r, SVC_NOT_FOUND, "id", "%s",
			 _("Overleveringen findes ikke (den slettes, når mødet lukkes, medmindre "
			   "den er blevet til en sag)."));
		goto out;
	}
	const struct org_body *b;
	long day;
	bool closed;
	struct authz_facts f = {0};
	if (svc_meeting_of(svc, o, h.meeting_id, "id", &b, &day, &closed, r) < 0 ||
	    svc_body_facts(svc, a, b, &f, r) < 0)
		goto out;
	if (svc_authorize(&c, &f) < 0)
		goto done;
	if (load_person(&c, svc, h.person_id, &p, r) < 0 ||
	    svc_unseal_text(svc, "handover", "summary", id, &h.summary, &out->summary, r) < 0)
		goto out;
	out->id = id;
	out->meeting = h.meeting_id;
	out->person = h.person_id;
	out->concern = h.concern_id;
	out->contact_date = h.contact_date;
	out->category = concern_category_level(o, h.category);
	struct target_result t;
	target_check(o, cal_date(p.birth), cal_date(h.contact_date), &t);
	out->age = t.age;
	out->flags = t.flags;
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	if (ret < 0)
		handover_view_release(out);
	handover_row_release(&h);
	person_row_release(&p);
	return ret;
}

/* ---- referrals ---------------------------------------------------------------- */

void referral_view_release(struct referral_view *v)
{
	free(v->status);
	free(v->summary);
	free(v->necessity);
	free(v->reason);
	free(v->legal_basis);
	memset(v, 0, sizeof(*v));
}

int svc_referral_add(struct service *svc, const struct actor *a, const struct referral_input *in,
		     long long *id, struct svc_result *r)
{
	const struct org *o = NULL;
	struct person_row p;
	memset(&p, 0, sizeof(p));
	struct strbuf summary = STRBUF_INIT, necessity = STRBUF_INIT;
	struct sealed s_sum = {0}, s_nec = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_REFERRAL_ADD, NULL,
		      (struct svc_entry){.action = "referral.add"}, r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0 || load_person(&c, svc, in->person, &p, r) < 0)
		goto out;
	/* a contact person refers pupils of their own institution */
	struct authz_facts f = {.institution = p.institution};
	if (svc_authorize(&c, &f) < 0)
		goto done;
	enum legal_basis lb;
	if (legal_basis_parse(in->legal_basis, &lb) < 0) {
		svc_fail(r, SVC_INVALID, "legal_basis", "%s", _("Ukendt hjemmel."));
		goto out;
	}
	struct target_result t;
	if (check_target(o, p.birth, svc_today(), "person", &t, r) < 0)
		goto out;
	if (!in->summary || !in->necessity) {
		svc_fail(r, SVC_INVALID, in->summary ? "necessity" : "summary", "%s",
			 _("Feltet skal udfyldes."));
		goto out;
	}
	if (svc_text(&f_summary, in->summary, NULL, &summary, r) < 0 ||
	    svc_text(&f_necessity, in->necessity, NULL, &necessity, r) < 0)
		goto out;
	if (concern_store_referral_insert(svc->store, in->person, p.institution, legal_basis_id(lb),
					  a->username, id, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	if (svc_seal_text(svc, "referral", "summary", *id, summary.buf, &s_sum, r) < 0 ||
	    svc_seal_text(svc, "referral", "necessity", *id, necessity.buf, &s_nec, r) < 0)
		goto out;
	if (concern_store_referral_seal(svc->store, *id, &s_sum, &s_nec, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	char subj[40];
	svc_person_subject(subj, in->person);
	svc_call_subject(&c, subj, legal_basis_id(lb));
	svc_call_object(&c, "referral:%lld", *id);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	svc_sealed_clear(&s_sum);
	svc_sealed_clear(&s_nec);
	strbuf_release(&summary);
	strbuf_release(&necessity);
	person_row_release(&p);
	return ret;
}

/* Loads referral id inside call c: SVC_NOT_FOUND when there is none. */
static int load_referral(struct svc_call *c, struct service *svc, long long id,
			 struct referral_row *x, struct svc_result *r)
{
	char *err = NULL;
	int rc = concern_store_referral_get(svc->store, id, x, &err);
	if (rc < 0)
		return store_err(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Indstillingen findes ikke."));
	char subj[40];
	svc_person_subject(subj, x->person_id);
	svc_call_subject(c, subj, x->legal_basis);
	return 0;
}

int svc_referral_screen(struct service *svc, const struct actor *a, long long id,
			const char *decision, long long meeting, const char *reason,
			struct svc_result *r)
{
	const struct org *o = NULL;
	struct referral_row x;
	memset(&x, 0, sizeof(x));
	struct strbuf why = STRBUF_INIT;
	struct sealed s_why = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "referral:%lld", id);
	if (svc_begin(&c, svc, a, ACT_REFERRAL_SCREEN, NULL,
		      (struct svc_entry){.action = "referral.screen", .object = obj}, r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0 || load_referral(&c, svc, id, &x, r) < 0)
		goto out;
	enum referral_status st;
	if (!decision || referral_status_parse(decision, &st) < 0 || st == REFERRAL_SUBMITTED ||
	    st == REFERRAL_DECIDED) {
		svc_fail(r, SVC_INVALID, "decision", "%s",
			 _("Vælg »agenda«, »adhoc« eller »other«."));
		goto out;
	}
	if (st == REFERRAL_OTHER) {
		if (!reason || svc_text(&f_reason, reason, NULL, &why, r) < 0) {
			if (!reason)
				svc_fail(r, SVC_INVALID, "reason", "%s",
					 _("Begrund, hvordan indstillingen ellers håndteres."));
			goto out;
		}
		meeting = 0;
	} else {
		const struct org_body *b;
		long day;
		bool closed;
		if (meeting <= 0) {
			svc_fail(r, SVC_INVALID, "meeting", "%s", _("Vælg mødet."));
			goto out;
		}
		if (svc_meeting_of(svc, o, meeting, "meeting", &b, &day, &closed, r) < 0)
			goto out;
		char refusal_buf[CONCERN_REFUSAL_MAX];
		const char *refusal = concern_body_refusal(b, refusal_buf, sizeof(refusal_buf));
		if (refusal || closed) {
			svc_fail(r, SVC_INVALID, "meeting", "%s",
				 refusal ? refusal : _("Mødet er lukket."));
			goto out;
		}
		if (reason && *reason && svc_text(&f_reason, reason, b, &why, r) < 0)
			goto out;
	}
	int rc = concern_store_referral_screen(svc->store, id, st, meeting, a->username, &err);
	if (rc < 0) {
		store_err(r, err);
		goto out;
	}
	if (rc == 1) {
		svc_fail(r, SVC_CONFLICT, "id", "%s", _("Indstillingen er allerede visiteret."));
		goto out;
	}
	if (why.len) {
		if (svc_seal_text(svc, "referral", "screen_reason", id, why.buf, &s_why, r) < 0)
			goto out;
		if (concern_store_referral_seal_reason(svc->store, id, &s_why, &err) < 0) {
			store_err(r, err);
			goto out;
		}
	}
	svc_call_object(&c, "referral:%lld decision=%s meeting=%lld", id, referral_status_id(st),
			meeting);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	svc_sealed_clear(&s_why);
	strbuf_release(&why);
	referral_row_release(&x);
	return ret;
}

int svc_referral_get(struct service *svc, const struct actor *a, long long id,
		     struct referral_view *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	struct referral_row x;
	memset(&x, 0, sizeof(x));
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "referral:%lld", id);
	if (svc_begin(&c, svc, a, ACT_REFERRAL_VIEW, NULL,
		      (struct svc_entry){.action = "referral.read", .object = obj}, r) < 0)
		return -1;
	if (load_referral(&c, svc, id, &x, r) < 0)
		goto out;
	/* the creator owns the referral (usernames are unique and never reused) */
	bool mine = a->user_id && x.created_by && !strcmp(x.created_by, a->username);
	struct authz_facts f = {.owner_user_id = mine ? a->user_id : 0, .actor_in_record = p115(a)};
	if (svc_authorize(&c, &f) < 0)
		goto done;
	out->id = id;
	out->person = x.person_id;
	out->meeting = x.meeting_id;
	out->concern = x.concern_id;
	out->status = xstrdup(referral_status_id(x.status));
	out->content = p115(a);
	if (out->content) {
		out->legal_basis = xstrdup(x.legal_basis);
		if (svc_unseal_text(svc, "referral", "summary", id, &x.summary, &out->summary, r) <
			0 ||
		    svc_unseal_text(svc, "referral", "necessity", id, &x.necessity, &out->necessity,
				    r) < 0 ||
		    svc_unseal_text(svc, "referral", "screen_reason", id, &x.screen_reason,
				    &out->reason, r) < 0)
			goto out;
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	if (ret < 0)
		referral_view_release(out);
	referral_row_release(&x);
	return ret;
}

/* ---- the § 115-møde ---------------------------------------------------------- */

static const char *const kind_ids[] = {"handover", "referral", "followup"};

const char *agenda_kind_id(enum agenda_kind k)
{
	return k <= AGENDA_FOLLOWUP ? kind_ids[k] : "?";
}

int agenda_kind_parse(const char *s, enum agenda_kind *out)
{
	for (int i = 0; i <= AGENDA_FOLLOWUP; i++)
		if (s && !strcmp(s, kind_ids[i])) {
			*out = (enum agenda_kind)i;
			return 0;
		}
	return -1;
}

void agenda_release(struct agenda *g)
{
	for (size_t i = 0; i < g->nr; i++) {
		free(g->v[i].name);
		free(g->v[i].summary);
	}
	free(g->v);
	memset(g, 0, sizeof(*g));
}

/* Appends an item about person pid, with its name unsealed. */
static int agenda_add(struct service *svc, const struct org *o, struct agenda *g, long day,
		      enum agenda_kind kind, long long id, long long pid, char *summary,
		      int category, long long concern, struct svc_result *r)
{
	struct person_row p;
	char *err = NULL;
	int rc = concern_store_person_get(svc->store, pid, &p, &err);
	if (rc != 0) {
		free(summary);
		return rc < 0 ? store_err(r, err) : 0;
	}
	ALLOC_GROW(g->v, g->nr + 1, g->alloc);
	struct agenda_item *it = &g->v[g->nr++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->id = id;
	it->person = pid;
	it->summary = summary;
	it->category = category;
	it->concern = concern;
	struct target_result t;
	target_check(o, cal_date(p.birth), cal_date(day), &t);
	it->age = t.age;
	it->flags = t.flags;
	rc = svc_unseal_text(svc, "person", "name", pid, &p.name, &it->name, r);
	person_row_release(&p);
	return rc;
}

int svc_agenda(struct service *svc, const struct actor *a, long long meeting, struct agenda *out,
	       struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	const struct org *o = NULL;
	struct handover_rows hl = {0};
	struct referral_rows rl = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "meeting:%lld", meeting);
	if (svc_begin(
		&c, svc, a, ACT_HANDOVER_VIEW, NULL,
		(struct svc_entry){.action = "agenda.read", .object = obj, .legal_basis = "ssp"},
		r) < 0)
		return -1;
	const struct org_body *b;
	long day;
	bool closed;
	struct authz_facts f = {0};
	if (svc_org_cur(svc, &o, r) < 0 ||
	    svc_meeting_of(svc, o, meeting, "id", &b, &day, &closed, r) < 0 ||
	    svc_body_facts(svc, a, b, &f, r) < 0)
		goto out;
	if (svc_authorize(&c, &f) < 0)
		goto done;
	out->meeting = meeting;
	out->closed = closed;
	if (concern_store_handover_list(svc->store, meeting, &hl, &err) < 0 ||
	    concern_store_referral_list(svc->store, NULL, meeting, &rl, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	for (size_t i = 0; i < hl.nr; i++) {
		char *sum = NULL;
		if (svc_unseal_text(svc, "handover", "summary", hl.v[i].id, &hl.v[i].summary, &sum,
				    r) < 0 ||
		    agenda_add(svc, o, out, day, AGENDA_HANDOVER, hl.v[i].id, hl.v[i].person_id,
			       sum, concern_category_level(o, hl.v[i].category), hl.v[i].concern_id,
			       r) < 0)
			goto out;
	}
	for (size_t i = 0; i < rl.nr; i++) {
		char *sum = NULL;
		if (svc_unseal_text(svc, "referral", "summary", rl.v[i].id, &rl.v[i].summary, &sum,
				    r) < 0 ||
		    agenda_add(svc, o, out, day, AGENDA_REFERRAL, rl.v[i].id, rl.v[i].person_id,
			       sum, 0, rl.v[i].concern_id, r) < 0)
			goto out;
	}
	/* follow-ups: open concerns with an action due by the meeting day */
	struct action_rows due = {0};
	for (int k = 0; k < CONCERN_OWNER_ORGS; k++) {
		if (concern_store_actions_open(svc->store, concern_owner_org_id(k), NULL, &due,
					       &err) < 0) {
			store_err(r, err);
			goto out;
		}
		for (size_t i = 0; i < due.nr; i++) {
			if (due.v[i].due > day)
				continue;
			bool seen = false;
			for (size_t j = 0; j < out->nr && !seen; j++)
				seen = out->v[j].kind == AGENDA_FOLLOWUP &&
				       out->v[j].id == due.v[i].concern_id;
			long long decided = 0;
			int rc = concern_store_decision_for(svc->store, meeting, "followup",
							    due.v[i].concern_id, &decided, &err);
			if (rc < 0) {
				action_rows_release(&due);
				store_err(r, err);
				goto out;
			}
			if (!seen &&
			    agenda_add(svc, o, out, day, AGENDA_FOLLOWUP, due.v[i].concern_id,
				       due.v[i].person_id, NULL, 0, rc == 0 ? decided : 0, r) < 0) {
				action_rows_release(&due);
				goto out;
			}
		}
		action_rows_release(&due);
	}
	svc_call_object(&c, "meeting:%lld items=%zu", meeting, out->nr);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	if (ret < 0)
		agenda_release(out);
	handover_rows_release(&hl);
	referral_rows_release(&rl);
	return ret;
}

static bool institution_exists(const char *id, void *ctx)
{
	struct service *svc = ctx;
	struct institution_row x;
	char *err = NULL;
	int rc = store_institution_get(svc->store, id, &x, &err);
	free(err);
	bool ok = rc == 0 && x.active;
	if (rc == 0)
		institution_row_release(&x);
	return ok;
}

/* A referral action (henvisning) may name the offer of the help
 * landscape it refers to (issue 14): only that type, and only an offer in
 * the directory. SVC_INVALID on "actions" naming the element. */
static int check_offer(struct service *svc, const struct decision_input_action *x, size_t i,
		       struct svc_result *r)
{
	if (!x->type || strcmp(x->type, "henvisning") != 0)
		return svc_fail(r, SVC_INVALID, "actions", "actions[%zu].offer: %s", i,
				_("kun en henvisning kan pege på et tilbud"));
	struct offer_row o;
	char *err = NULL;
	int rc = store_offer_get(svc->store, x->offer, &o, &err);
	if (rc < 0)
		return store_err(r, err);
	if (rc > 0)
		return svc_fail(r, SVC_INVALID, "actions", "actions[%zu].offer: %s", i,
				_("tilbuddet findes ikke i tilbudsoversigten"));
	offer_row_release(&o);
	return 0;
}

static bool user_exists(const char *username, void *ctx)
{
	struct service *svc = ctx;
	struct user_row u;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_user_by_name(svc, username, &u, &r) < 0) {
		svc_result_clear(&r);
		return false;
	}
	user_row_release(&u);
	return true;
}

int svc_concern_decide(struct service *svc, const struct actor *a, long long meeting,
		       enum agenda_kind kind, long long item, const struct decision_input *in,
		       long long *concern, struct svc_result *r)
{
	const struct org *o = NULL;
	struct person_row p;
	memset(&p, 0, sizeof(p));
	struct decision_action *acts = NULL;
	struct decision_action_in *ins = NULL;
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[64];
	snprintf(obj, sizeof(obj), "meeting:%lld %s:%lld", meeting, agenda_kind_id(kind), item);
	if (svc_begin(&c, svc, a, ACT_CONCERN_DECIDE, NULL,
		      (struct svc_entry){.action = "concern.decide", .object = obj}, r) < 0)
		return -1;
	const struct org_body *b;
	long day;
	bool closed;
	struct authz_facts f = {0};
	if (svc_org_cur(svc, &o, r) < 0 ||
	    svc_meeting_of(svc, o, meeting, "id", &b, &day, &closed, r) < 0 ||
	    svc_body_facts(svc, a, b, &f, r) < 0)
		goto out;
	if (svc_authorize(&c, &f) < 0)
		goto done;
	if (closed) {
		svc_fail(r, SVC_INVALID, "id", "%s", _("Mødet er lukket."));
		goto out;
	}
	/* the item must belong to this meeting */
	long long person = 0;
	bool serious = in->serious_crime, sentence = in->prison_sentence;
	if (kind == AGENDA_HANDOVER) {
		struct handover_row h;
		int rc = concern_store_handover_get(svc->store, item, &h, &err);
		if (rc < 0) {
			store_err(r, err);
			goto out;
		}
		bool ours = rc == 0 && h.meeting_id == meeting;
		person = h.person_id;
		if (rc == 0)
			handover_row_release(&h);
		if (!ours) {
			svc_fail(r, SVC_NOT_FOUND, "item", "%s",
				 _("Punktet findes ikke på dette møde."));
			goto out;
		}
	} else if (kind == AGENDA_REFERRAL) {
		struct referral_row x;
		int rc = concern_store_referral_get(svc->store, item, &x, &err);
		if (rc < 0) {
			store_err(r, err);
			goto out;
		}
		bool ours = rc == 0 && x.meeting_id == meeting;
		person = x.person_id;
		if (rc == 0)
			referral_row_release(&x);
		if (!ours) {
			svc_fail(r, SVC_NOT_FOUND, "item", "%s",
				 _("Punktet findes ikke på dette møde."));
			goto out;
		}
	} else {
		struct concern_row cr;
		int rc = concern_store_concern_get(svc->store, item, &cr, &err);
		if (rc < 0) {
			store_err(r, err);
			goto out;
		}
		bool ok = rc == 0 && cr.open;
		person = cr.person_id;
		if (rc == 0) {
			serious = serious || cr.serious_crime;
			sentence = sentence || cr.prison_sentence;
			concern_row_release(&cr);
		}
		if (!ok) {
			svc_fail(r, SVC_NOT_FOUND, "item", "%s",
				 _("Der er ingen åben sag at følge op på."));
			goto out;
		}
	}
	if (load_person(&c, svc, person, &p, r) < 0)
		goto out;
	enum legal_basis lb_code;
	if (legal_basis_parse(in->legal_basis, &lb_code) == 0) {
		char subj[40];
		svc_person_subject(subj, person);
		svc_call_subject(&c, subj, legal_basis_id(lb_code));
	}
	acts = xcalloc(in->actions_nr + 1, sizeof(*acts));
	ins = xcalloc(in->actions_nr + 1, sizeof(*ins));
	for (size_t i = 0; i < in->actions_nr; i++) {
		acts[i].type = in->actions[i].type;
		acts[i].owner_org = in->actions[i].owner_org;
		acts[i].owner_user = in->actions[i].owner_user && *in->actions[i].owner_user
					 ? in->actions[i].owner_user
					 : NULL;
		acts[i].due = CAL_NO_DAY;
		if (in->actions[i].due) {
			struct date d;
			if (cal_parse_date(in->actions[i].due, &d) < 0) {
				svc_fail(r, SVC_INVALID, "actions", "actions[%zu].due: %s", i,
					 _("datoen skal skrives ÅÅÅÅ-MM-DD"));
				goto out;
			}
			acts[i].due = cal_days(d);
		}
		if (in->actions[i].offer && check_offer(svc, &in->actions[i], i, r) < 0)
			goto out;
	}
	struct decision d = {.category = in->category,
			     .actions = acts,
			     .actions_nr = in->actions_nr,
			     .legal_basis = in->legal_basis,
			     .necessity = in->necessity,
			     .meeting_day = day,
			     .age = concern_age(cal_date(p.birth), cal_date(day)),
			     .serious_crime = serious,
			     .prison_sentence = sentence,
			     .institution_exists = institution_exists,
			     .user_exists = user_exists,
			     .ctx = svc};
	struct decision_error de;
	if (decision_validate(o, &d, &de) < 0) {
		/* the field: "category", "legal_basis", "necessity", "actions"
		 * (the element is named in the message) */
		const char *field = !strncmp(de.field, "actions", 7)   ? "actions"
				    : !strcmp(de.field, "category")    ? "category"
				    : !strcmp(de.field, "legal_basis") ? "legal_basis"
								       : "necessity";
		svc_fail(r, SVC_INVALID, field, "%s: %s", de.field, de.message);
		goto out;
	}
	for (size_t i = 0; i < in->actions_nr; i++) {
		ins[i].type = acts[i].type;
		ins[i].owner_org = acts[i].owner_org;
		ins[i].owner_user = acts[i].owner_user;
		ins[i].due = acts[i].due;
		ins[i].receipt_due = CAL_NO_DAY;
		ins[i].offer_id = in->actions[i].offer;
		/* an underretning made at the meeting: its receipt is due in 6
		 * working days */
		if (!strcmp(acts[i].type, "underretning"))
			ins[i].receipt_due = report_receipt_due(&o->closed, day);
	}
	struct decision_in di = {.meeting_id = meeting,
				 .item_kind = agenda_kind_id(kind),
				 .item_id = item,
				 .person_id = person,
				 .category = concern_category(o, in->category)->id,
				 .legal_basis = in->legal_basis,
				 .serious_crime = serious,
				 .prison_sentence = sentence,
				 .actions = ins,
				 .actions_nr = in->actions_nr,
				 .by = a->username};
	int rc = concern_store_decide(svc->store, &di, concern, &err);
	if (rc < 0) {
		store_err(r, err);
		goto out;
	}
	if (rc == 1) {
		svc_fail(r, SVC_CONFLICT, "item", "%s",
			 _("En anden deltager har allerede truffet beslutning om punktet."));
		goto out;
	}
	svc_call_object(&c, "meeting:%lld %s:%lld concern:%lld", meeting, agenda_kind_id(kind),
			item, *concern);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	free(acts);
	free(ins);
	person_row_release(&p);
	return ret;
}

int svc_meeting_close(struct service *svc, const struct actor *a, long long meeting, long *deleted,
		      struct svc_result *r)
{
	*deleted = 0;
	const struct org *o = NULL;
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "meeting:%lld", meeting);
	if (svc_begin(&c, svc, a, ACT_MEETING_RUN, NULL,
		      (struct svc_entry){.action = "meeting.close", .object = obj}, r) < 0)
		return -1;
	const struct org_body *b;
	long day;
	bool closed;
	struct authz_facts f = {0};
	if (svc_org_cur(svc, &o, r) < 0 ||
	    svc_meeting_of(svc, o, meeting, "id", &b, &day, &closed, r) < 0 ||
	    svc_body_facts(svc, a, b, &f, r) < 0)
		goto out;
	if (svc_authorize(&c, &f) < 0)
		goto done;
	int rc = concern_store_meeting_close(svc->store, meeting, &err);
	if (rc < 0) {
		store_err(r, err);
		goto out;
	}
	if (rc == 1) {
		svc_fail(r, SVC_CONFLICT, "id", "%s", _("Mødet er allerede lukket."));
		goto out;
	}
	/* a deletion record per entry (issue 12), then the deletion */
	if (store_deletion_record_meeting_close(svc->store, meeting, &err) < 0 ||
	    concern_store_handover_purge(svc->store, meeting, deleted, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	/* the deletion is recorded without personal data: how many */
	svc_call_object(&c, "meeting:%lld handovers-deleted=%ld", meeting, *deleted);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
done:
	return ret;
}

/* ---- concerns ------------------------------------------------------------------ */

void concern_view_release(struct concern_view *v)
{
	free(v->name);
	free(v->legal_basis);
	free(v->close_reason);
	free(v->history);
	for (size_t i = 0; i < v->actions_nr; i++) {
		free(v->actions[i].type);
		free(v->actions[i].owner_org);
		free(v->actions[i].owner_user);
		free(v->actions[i].status);
		free(v->actions[i].offer_name);
	}
	free(v->actions);
	memset(v, 0, sizeof(*v));
}

static int load_concern(struct svc_call *c, struct service *svc, long long id,
			struct concern_row *cr, struct svc_result *r)
{
	char *err = NULL;
	int rc = concern_store_concern_get(svc->store, id, cr, &err);
	if (rc < 0)
		return store_err(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Sagen findes ikke."));
	char subj[40];
	svc_person_subject(subj, cr->person_id);
	svc_call_subject(c, subj, cr->legal_basis);
	return 0;
}

int svc_concern_get(struct service *svc, const struct actor *a, long long id,
		    struct concern_view *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	const struct org *o = NULL;
	struct concern_row cr;
	memset(&cr, 0, sizeof(cr));
	struct person_row p;
	memset(&p, 0, sizeof(p));
	struct category_steps hist = {0};
	struct action_rows al = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "concern:%lld", id);
	if (svc_begin(&c, svc, a, ACT_CONCERN_VIEW, NULL,
		      (struct svc_entry){.action = "concern.read", .object = obj}, r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0 || load_concern(&c, svc, id, &cr, r) < 0 ||
	    load_person(&c, svc, cr.person_id, &p, r) < 0)
		goto out;
	char subj[40];
	svc_person_subject(subj, cr.person_id);
	svc_call_subject(&c, subj, cr.legal_basis);
	if (svc_unseal_text(svc, "person", "name", p.id, &p.name, &out->name, r) < 0 ||
	    svc_unseal_text(svc, "concern", "close_reason", id, &cr.close_reason,
			    &out->close_reason, r) < 0)
		goto out;
	if (concern_store_category_history(svc->store, id, &hist, &err) < 0 ||
	    concern_store_actions_of_concern(svc->store, id, &al, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	out->id = id;
	out->person = cr.person_id;
	out->category = concern_category_level(o, cr.category);
	out->legal_basis = xstrdup(cr.legal_basis);
	out->open = cr.open;
	out->history = xcalloc(hist.nr + 1, sizeof(int));
	for (size_t i = 0; i < hist.nr; i++)
		out->history[out->history_nr++] = concern_category_level(o, hist.v[i].category);
	out->actions = xcalloc(al.nr + 1, sizeof(*out->actions));
	for (size_t i = 0; i < al.nr; i++) {
		struct concern_view_action *x = &out->actions[out->actions_nr++];
		x->id = al.v[i].id;
		x->type = xstrdup(al.v[i].type);
		x->owner_org = xstrdup(al.v[i].owner_org);
		x->owner_user = al.v[i].owner_user ? xstrdup(al.v[i].owner_user) : NULL;
		x->status = xstrdup(al.v[i].status);
		x->due = al.v[i].due;
		x->receipt_due = al.v[i].receipt_due;
		x->offer = al.v[i].offer_id;
		x->offer_name = al.v[i].offer_name ? xstrdup(al.v[i].offer_name) : NULL;
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		concern_view_release(out);
	category_steps_release(&hist);
	action_rows_release(&al);
	concern_row_release(&cr);
	person_row_release(&p);
	return ret;
}

int svc_concern_close(struct service *svc, const struct actor *a, long long id, const char *reason,
		      struct svc_result *r)
{
	struct concern_row cr;
	memset(&cr, 0, sizeof(cr));
	struct strbuf why = STRBUF_INIT;
	struct sealed s_why = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "concern:%lld", id);
	if (svc_begin(&c, svc, a, ACT_CONCERN_UPDATE, NULL,
		      (struct svc_entry){.action = "concern.close", .object = obj}, r) < 0)
		return -1;
	if (load_concern(&c, svc, id, &cr, r) < 0)
		goto out;
	if (!reason) {
		svc_fail(r, SVC_INVALID, "reason", "%s", _("Begrund, hvorfor sagen lukkes."));
		goto out;
	}
	if (svc_text(&f_reason, reason, NULL, &why, r) < 0)
		goto out;
	int rc = concern_store_concern_close(svc->store, id, a->username, &err);
	if (rc < 0) {
		store_err(r, err);
		goto out;
	}
	if (rc == 1) {
		svc_fail(r, SVC_CONFLICT, "id", "%s", _("Sagen er allerede lukket."));
		goto out;
	}
	if (svc_seal_text(svc, "concern", "close_reason", id, why.buf, &s_why, r) < 0)
		goto out;
	if (concern_store_concern_seal_reason(svc->store, id, &s_why, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	svc_sealed_clear(&s_why);
	strbuf_release(&why);
	concern_row_release(&cr);
	return ret;
}

/* ---- statistics ------------------------------------------------------------------- */

/* The counts last made on this connection (svc->stats_cache): for one
 * year, with the categories and districts that name them (ids and names
 * only), while the statistics' epoch is what it was before they were made
 * (concern_store_stats_epoch: a change in between makes the next call
 * count again, never keeps older counts). */
struct stats_cache {
	int year;
	bool kept; /* false: the epoch could not be read, count every time */
	long long epoch;
	struct org names;
	struct concern_stats st;
	long loads;
};

static void stats_cache_clear(struct stats_cache *c)
{
	org_release(&c->names);
	concern_stats_release(&c->st);
	c->kept = false;
}

void concern_stats_cache_free(struct service *svc)
{
	if (!svc->stats_cache)
		return;
	stats_cache_clear(svc->stats_cache);
	free(svc->stats_cache);
	svc->stats_cache = NULL;
}

long svc_concern_stats_loads(const struct service *svc)
{
	return svc->stats_cache ? svc->stats_cache->loads : 0;
}

/* The categories' and districts' ids and names of from into *to. */
static void copy_names(const struct org *from, struct org *to)
{
	for (size_t i = 0; i < from->categories_nr; i++) {
		struct org_category *x = org_add_category(to);
		x->id = xstrdup(from->categories[i].id);
		x->name = xstrdup(from->categories[i].name);
	}
	for (size_t i = 0; i < from->districts_nr; i++) {
		struct org_district *x = org_add_district(to);
		x->id = xstrdup(from->districts[i].id);
		x->name = xstrdup(from->districts[i].name);
	}
}

static void copy_stats(const struct concern_stats *from, struct concern_stats *to)
{
	*to = *from;
	to->by_category = xcalloc(from->categories_nr + 1, sizeof(long));
	memcpy(to->by_category, from->by_category, (from->categories_nr + 1) * sizeof(long));
	to->by_district = xcalloc(from->districts_nr + 1, sizeof(long));
	memcpy(to->by_district, from->by_district, (from->districts_nr + 1) * sizeof(long));
}

/* Counts year afresh into c (cleared first) under the organisation now. */
static int stats_count(struct service *svc, int year, struct stats_cache *c, struct svc_result *r)
{
	stats_cache_clear(c);
	struct org o;
	org_init(&o);
	struct stats_sources src = {0};
	struct stats_row *rows = NULL;
	char *err = NULL;
	int ret = -1;
	if (svc_load_org(svc, &o, r) < 0)
		goto out;
	if (concern_store_stats(svc->store, year, &src, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	rows = xcalloc(src.nr + 1, sizeof(*rows));
	for (size_t i = 0; i < src.nr; i++) {
		rows[i].category = concern_category_level(&o, src.v[i].category);
		rows[i].age = concern_age(cal_date(src.v[i].birth), cal_date(src.v[i].opened));
		rows[i].district = -1;
		for (size_t k = 0; src.v[i].district && k < o.districts_nr; k++)
			if (!strcmp(o.districts[k].id, src.v[i].district))
				rows[i].district = (int)k;
		rows[i].month = cal_date(src.v[i].opened).m;
	}
	concern_stats_count(&o, rows, src.nr, &c->st);
	copy_names(&o, &c->names);
	c->year = year;
	c->loads++;
	ret = 0;
out:
	free(rows);
	stats_sources_release(&src);
	org_release(&o);
	return ret;
}

int svc_concern_stats(struct service *svc, const struct actor *a, int year, struct org *o,
		      struct concern_stats *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	char obj[24];
	snprintf(obj, sizeof(obj), "year:%d", year);
	struct svc_entry e = {.action = "concern.stats", .object = obj};
	if (svc_check(svc, a, ACT_CONCERN_STATS, NULL, &e, r) < 0)
		return -1;
	if (svc_check_year(year, r) < 0)
		return -1;
	/* the epoch before the counts: read first, so a change in between is
	 * seen by the next call */
	long long epoch;
	char *err = NULL;
	int erc = concern_store_stats_epoch(svc->store, &epoch, &err);
	if (erc < 0)
		return store_err(r, err);
	if (!svc->stats_cache) {
		svc->stats_cache = xcalloc(1, sizeof(*svc->stats_cache));
		org_init(&svc->stats_cache->names);
	}
	struct stats_cache *c = svc->stats_cache;
	if (!c->kept || c->year != year || c->epoch != epoch) {
		if (stats_count(svc, year, c, r) < 0)
			return -1;
		c->kept = erc == 0;
		c->epoch = epoch;
	}
	copy_names(&c->names, o);
	copy_stats(&c->st, out);
	/* counts only: no data subject */
	return svc_log(svc, a, &e, SVC_OK_OUTCOME, r);
}
