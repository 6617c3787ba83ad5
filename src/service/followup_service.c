/* followup_service.c - following up a concern (service/followup.h).
 *
 * Every call: SVC_CALL + svc_begin (the permission decision), the work,
 * svc_commit (the access-log entry with the data subject "person:<id>"
 * and the concern's legal basis, in the same transaction). Plain text
 * leaves a call only after svc_commit. */
#include "service/followup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/concern.h"
#include "domain/cpr.h"
#include "service/crypto.h"
#include "service/meeting.h"
#include "service/case_common.h"
#include "service/service_internal.h"
#include "store/concern_store.h"
#include "store/followup_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* Case notes are free text about a person at the § 115 table: CPR-like
 * text is allowed there, control characters never; 10,000 bytes is a page.
 * A related person's name and phone are single lines. */
static const struct text_field f_text = {"text", N_("Notatet"), TEXT_LINES, 10000, true, false};
static const struct text_field f_name = {"name", N_("Navnet"), TEXT_LINE, 200, true, false};
static const struct text_field f_phone = {"phone", N_("Telefonnummeret"), TEXT_LINE, 30, false,
					  false};

/* ---- helpers ------------------------------------------------------------------ */

static int store_err(struct svc_result *r, char *err)
{
	return svc_store_fail(r, err);
}

static int not_future(long day, long today, const char *field, struct svc_result *r)
{
	if (day != CAL_NO_DAY && day > today)
		return svc_fail(r, SVC_INVALID, field, "%s",
				_("Datoen må ikke ligge i fremtiden."));
	return 0;
}

/* Loads concern id into *cr and names its person and legal basis in the
 * call's entry; SVC_NOT_FOUND on field "id". With open_only, a closed
 * concern is SVC_CONFLICT. */
static int load_concern(struct svc_call *c, struct service *svc, long long id,
			struct concern_row *cr, bool open_only, struct svc_result *r)
{
	char *err = NULL;
	int rc = concern_store_concern_get(svc->store, id, cr, &err);
	if (rc < 0)
		return store_err(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Sagen findes ikke."));
	char subj[40];
	snprintf(subj, sizeof(subj), "person:%lld", cr->person_id);
	svc_call_subject(c, subj, cr->legal_basis);
	if (open_only && !cr->open)
		return svc_fail(r, SVC_CONFLICT, "id", "%s",
				_("Sagen er lukket. En lukket sag kan ikke ændres."));
	return 0;
}

static void action_fill(struct followup_action *x, const struct action_row *a, long today)
{
	x->id = a->id;
	x->concern = a->concern_id;
	x->type = xstrdup(a->type);
	x->owner_org = xstrdup(a->owner_org);
	x->owner_user = a->owner_user ? xstrdup(a->owner_user) : NULL;
	x->status = xstrdup(a->status);
	x->due = a->due;
	x->planned = a->planned;
	x->held = a->held;
	x->reported = a->reported;
	x->receipt_due = a->receipt_due;
	x->receipt_at = a->receipt_at;
	struct action_dates d = {a->due, a->reported, a->receipt_due, a->receipt_at};
	x->deadline = followup_deadline(&d);
	bool open = !strcmp(a->status, "open");
	x->overdue = open && followup_overdue(&d, today);
	x->receipt_overdue = open && followup_receipt_overdue(&d, today);
}

static void action_free(struct followup_action *x)
{
	free(x->type);
	free(x->owner_org);
	free(x->owner_user);
	free(x->status);
}

/* Does the concern ask for an underretning: a welfare note, and no
 * underretning recorded as made? */
static bool prompt_of(const struct case_note_rows *nl, const struct action_rows *al)
{
	bool welfare = false;
	for (size_t i = 0; i < nl->nr; i++)
		welfare |= nl->v[i].welfare;
	if (!welfare)
		return false;
	for (size_t i = 0; i < al->nr; i++)
		if (!strcmp(al->v[i].type, "underretning") && al->v[i].reported != CAL_NO_DAY &&
		    strcmp(al->v[i].status, "cancelled"))
			return false;
	return true;
}

/* ---- the concern's record --------------------------------------------------------- */

void followup_view_release(struct followup_view *v)
{
	free(v->name);
	free(v->history);
	free(v->legal_basis);
	free(v->close_reason);
	for (size_t i = 0; i < v->actions_nr; i++)
		action_free(&v->actions[i]);
	free(v->actions);
	for (size_t i = 0; i < v->notes_nr; i++) {
		if (v->notes[i].text)
			memset(v->notes[i].text, 0, strlen(v->notes[i].text));
		free(v->notes[i].text);
		free(v->notes[i].created_at);
		free(v->notes[i].created_by);
	}
	free(v->notes);
	for (size_t i = 0; i < v->related_nr; i++) {
		free(v->related[i].name);
		free(v->related[i].relation);
		free(v->related[i].phone);
	}
	free(v->related);
	memset(v, 0, sizeof(*v));
}

int svc_followup_get(struct service *svc, const struct actor *a, long long id,
		     struct followup_view *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	const struct org *o = NULL;
	struct concern_row cr;
	memset(&cr, 0, sizeof(cr));
	struct person_row p;
	memset(&p, 0, sizeof(p));
	struct category_steps hist = {0};
	struct action_rows al = {0};
	struct case_note_rows nl = {0};
	struct related_rows rl = {0};
	char *cpr = NULL, *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "concern:%lld", id);
	if (svc_begin(&c, svc, a, ACT_CONCERN_VIEW, NULL,
		      (struct svc_entry){.action = "concern.followup.read", .object = obj}, r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0 || load_concern(&c, svc, id, &cr, false, r) < 0)
		goto out;
	int rc = concern_store_person_get(svc->store, cr.person_id, &p, &err);
	if (rc != 0) {
		if (rc < 0)
			store_err(r, err);
		else
			svc_fail(r, SVC_NOT_FOUND, "person", "%s", _("Personen findes ikke."));
		goto out;
	}
	if (concern_store_category_history(svc->store, id, &hist, &err) < 0 ||
	    concern_store_actions_of_concern(svc->store, id, &al, &err) < 0 ||
	    concern_store_notes(svc->store, id, &nl, &err) < 0 ||
	    concern_store_related_list(svc->store, id, &rl, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	if (svc_unseal_text(svc, "person", "name", p.id, &p.name, &out->name, r) < 0 ||
	    svc_unseal_text(svc, "person", "cpr", p.id, &p.cpr, &cpr, r) < 0 ||
	    svc_unseal_text(svc, "concern", "close_reason", id, &cr.close_reason,
			    &out->close_reason, r) < 0)
		goto out;
	out->id = id;
	out->person = cr.person_id;
	if (cpr) {
		struct cpr_number n;
		if (cpr_parse(cpr, strlen(cpr), &n) == CPR_PARSE_OK)
			cpr_format_masked(&n, out->cpr_masked);
		memset(&n, 0, sizeof(n));
		memset(cpr, 0, strlen(cpr));
	}
	long today = svc_today();
	struct target_result t;
	target_check(o, cal_date(p.birth), cal_date(today), &t);
	out->age = t.age;
	out->flags = t.flags;
	out->category = concern_category_level(o, cr.category);
	out->legal_basis = xstrdup(cr.legal_basis);
	out->open = cr.open;
	out->history = xcalloc(hist.nr + 1, sizeof(int));
	for (size_t i = 0; i < hist.nr; i++)
		out->history[out->history_nr++] = concern_category_level(o, hist.v[i].category);
	out->actions = xcalloc(al.nr + 1, sizeof(*out->actions));
	for (size_t i = 0; i < al.nr; i++)
		action_fill(&out->actions[out->actions_nr++], &al.v[i], today);
	out->notes = xcalloc(nl.nr + 1, sizeof(*out->notes));
	for (size_t i = 0; i < nl.nr; i++) {
		struct followup_note *x = &out->notes[out->notes_nr++];
		x->id = nl.v[i].id;
		x->action = nl.v[i].action_id;
		x->welfare = nl.v[i].welfare;
		x->created_at = xstrdup(nl.v[i].created_at ? nl.v[i].created_at : "");
		x->created_by = xstrdup(nl.v[i].created_by ? nl.v[i].created_by : "");
		if (svc_unseal_text(svc, "concern_note", "text", x->id, &nl.v[i].text, &x->text,
				    r) < 0)
			goto out;
	}
	out->related = xcalloc(rl.nr + 1, sizeof(*out->related));
	for (size_t i = 0; i < rl.nr; i++) {
		struct followup_related *x = &out->related[out->related_nr++];
		x->id = rl.v[i].id;
		x->relation = xstrdup(rl.v[i].relation);
		if (svc_unseal_text(svc, "related_person", "name", x->id, &rl.v[i].name, &x->name,
				    r) < 0 ||
		    svc_unseal_text(svc, "related_person", "phone", x->id, &rl.v[i].phone,
				    &x->phone, r) < 0)
			goto out;
	}
	out->report_prompt = prompt_of(&nl, &al);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		followup_view_release(out);
	free(cpr);
	category_steps_release(&hist);
	action_rows_release(&al);
	case_note_rows_release(&nl);
	related_rows_release(&rl);
	concern_row_release(&cr);
	person_row_release(&p);
	return ret;
}

/* ---- actions ------------------------------------------------------------------------ */

static bool institution_exists(struct service *svc, const char *id)
{
	struct institution_row x;
	char *err = NULL;
	int rc = store_institution_get(svc->store, id, &x, &err);
	free(err);
	bool ok = rc == 0 && x.active;
	if (rc == 0)
		institution_row_release(&x);
	return ok;
}

int svc_action_add(struct service *svc, const struct actor *a, long long concern,
		   const struct action_input *in, long long *id, struct svc_result *r)
{
	struct org o;
	org_init(&o);
	struct concern_row cr;
	memset(&cr, 0, sizeof(cr));
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "concern:%lld", concern);
	if (svc_begin(&c, svc, a, ACT_CONCERN_UPDATE, NULL,
		      (struct svc_entry){.action = "concern.action.add", .object = obj}, r) < 0)
		return -1;
	if (svc_load_org(svc, &o, r) < 0 || load_concern(&c, svc, concern, &cr, true, r) < 0)
		goto out;
	if (!in->type || !concern_action_valid(&o, in->type)) {
		svc_fail(r, SVC_INVALID, "type", "%s", _("Vælg en handling fra listen."));
		goto out;
	}
	bool talk = !strcmp(in->type, "bekymringssamtale");
	const char *owner = in->owner_org && *in->owner_org ? in->owner_org : talk ? "ssp" : NULL;
	if (!owner || (!concern_owner_org_fixed(owner) && !institution_exists(svc, owner))) {
		svc_fail(r, SVC_INVALID, "owner_org", "%s",
			 _("Vælg den organisation, der har ansvaret."));
		goto out;
	}
	if (talk && strcmp(owner, "ssp")) {
		/* domain.md section 4: the SSP-team is the bekymringssamtale's
		 * tovholder (others take part; a named owner may be anyone) */
		svc_fail(r, SVC_INVALID, "owner_org", "%s",
			 _("SSP-teamet er tovholder på en bekymringssamtale."));
		goto out;
	}
	const char *user = in->owner_user && *in->owner_user ? in->owner_user : NULL;
	if (user) {
		struct user_row u;
		if (svc_user_by_name(svc, user, &u, r) < 0) {
			if (r->status == SVC_NOT_FOUND) {
				svc_result_clear(r);
				svc_fail(r, SVC_INVALID, "owner_user", "%s",
					 _("Der findes ingen bruger med det brugernavn."));
			}
			goto out;
		}
		user_row_release(&u);
	}
	long today = svc_today();
	long due = CAL_NO_DAY, planned = CAL_NO_DAY, reported = CAL_NO_DAY;
	if (svc_parse_day(in->due, "due", &due, r) < 0 ||
	    svc_parse_day(in->planned_date, "planned_date", &planned, r) < 0 ||
	    svc_parse_day(in->reported_at, "reported_at", &reported, r) < 0 ||
	    not_future(reported, today, "reported_at", r) < 0)
		goto out;
	if (reported != CAL_NO_DAY && strcmp(in->type, "underretning")) {
		svc_fail(r, SVC_INVALID, "reported_at", "%s",
			 _("Kun en underretning har en dato for underretning."));
		goto out;
	}
	if (due == CAL_NO_DAY) {
		int days = concern_category_deadline(&o, concern_category_level(&o, cr.category));
		due = today + (days > 0 ? days : CONCERN_DEFAULT_DEADLINE_DAYS);
	} else if (due < today) {
		svc_fail(r, SVC_INVALID, "due", "%s", _("Fristen må ikke ligge før i dag."));
		goto out;
	}
	if (planned != CAL_NO_DAY && !talk) {
		svc_fail(r, SVC_INVALID, "planned_date", "%s",
			 _("Kun en bekymringssamtale har en planlagt dato."));
		goto out;
	}
	if (followup_store_action_insert(svc->store, concern, in->type, owner, user, due,
					 a->username, id, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	if (planned != CAL_NO_DAY || reported != CAL_NO_DAY) {
		/* the receipt of an underretning is due 6 working days after it
		 * was made */
		struct action_row row = {
		    .id = *id,
		    .status = "open",
		    .planned = planned,
		    .held = CAL_NO_DAY,
		    .reported = reported,
		    .receipt_due = reported == CAL_NO_DAY ? CAL_NO_DAY
							  : report_receipt_due(&o.closed, reported),
		    .receipt_at = CAL_NO_DAY};
		if (followup_store_action_set(svc->store, &row, &err) < 0) {
			store_err(r, err);
			goto out;
		}
	}
	svc_call_object(&c, "concern:%lld action:%lld", concern, *id);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	concern_row_release(&cr);
	org_release(&o);
	return ret;
}

int svc_action_change(struct service *svc, const struct actor *a, long long id,
		      const struct action_change *in, long long *concern, struct svc_result *r)
{
	const struct org *o = NULL;
	struct concern_row cr;
	memset(&cr, 0, sizeof(cr));
	struct action_rows al = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "action:%lld", id);
	if (svc_begin(&c, svc, a, ACT_CONCERN_UPDATE, NULL,
		      (struct svc_entry){.action = "concern.action.update", .object = obj}, r) < 0)
		return -1;
	if (svc_org_cur(svc, &o, r) < 0)
		goto out;
	int rc = followup_store_action_get(svc->store, id, &al, &err);
	if (rc < 0) {
		store_err(r, err);
		goto out;
	}
	if (rc == 1) {
		svc_fail(r, SVC_NOT_FOUND, "id", "%s", _("Handlingen findes ikke."));
		goto out;
	}
	struct action_row *x = &al.v[0];
	if (concern)
		*concern = x->concern_id;
	if (load_concern(&c, svc, x->concern_id, &cr, true, r) < 0)
		goto out;
	svc_call_object(&c, "concern:%lld action:%lld", x->concern_id, id);
	if (!in->status && !in->planned_date && !in->held_date && !in->reported_at &&
	    !in->receipt_at) {
		svc_fail(r, SVC_INVALID, "status", "%s", _("Der er intet at ændre."));
		goto out;
	}
	enum action_status st;
	if (in->status && action_status_parse(in->status, &st) < 0) {
		svc_fail(r, SVC_INVALID, "status", "%s",
			 _("Status skal være »open«, »done« eller »cancelled«."));
		goto out;
	}
	bool talk = !strcmp(x->type, "bekymringssamtale");
	bool report = !strcmp(x->type, "underretning");
	long today = svc_today();
	if ((in->planned_date || in->held_date) && !talk) {
		svc_fail(r, SVC_INVALID, in->planned_date ? "planned_date" : "held_date", "%s",
			 _("Kun en bekymringssamtale har planlagt og afholdt dato."));
		goto out;
	}
	if ((in->reported_at || in->receipt_at) && !report) {
		svc_fail(r, SVC_INVALID, in->reported_at ? "reported_at" : "receipt_at", "%s",
			 _("Kun en underretning har en dato for underretning og kvittering."));
		goto out;
	}
	long held = CAL_NO_DAY, reported = CAL_NO_DAY, receipt = CAL_NO_DAY;
	if (svc_parse_day(in->planned_date, "planned_date", &x->planned, r) < 0 ||
	    svc_parse_day(in->held_date, "held_date", &held, r) < 0 ||
	    not_future(held, today, "held_date", r) < 0 ||
	    svc_parse_day(in->reported_at, "reported_at", &reported, r) < 0 ||
	    not_future(reported, today, "reported_at", r) < 0 ||
	    svc_parse_day(in->receipt_at, "receipt_at", &receipt, r) < 0 ||
	    not_future(receipt, today, "receipt_at", r) < 0)
		goto out;
	if (held != CAL_NO_DAY)
		x->held = held;
	if (reported != CAL_NO_DAY) {
		x->reported = reported;
		/* the receipt is due 6 working days after the report */
		x->receipt_due = report_receipt_due(&o->closed, reported);
	}
	if (receipt != CAL_NO_DAY) {
		if (x->reported == CAL_NO_DAY || receipt < x->reported) {
			svc_fail(r, SVC_INVALID, "receipt_at", "%s",
				 _("Kvitteringen kan tidligst registreres den dag, underretningen "
				   "blev lavet."));
			goto out;
		}
		x->receipt_at = receipt;
	}
	if (x->reported != CAL_NO_DAY && x->receipt_at != CAL_NO_DAY &&
	    x->receipt_at < x->reported) {
		svc_fail(r, SVC_INVALID, "reported_at", "%s",
			 _("Underretningen kan ikke være lavet efter kvitteringen."));
		goto out;
	}
	if (in->status) {
		free(x->status);
		x->status = xstrdup(action_status_id(st));
	}
	if (followup_store_action_set(svc->store, x, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	action_rows_release(&al);
	concern_row_release(&cr);
	return ret;
}

/* ---- case notes ---------------------------------------------------------------------- */

int svc_case_note_add(struct service *svc, const struct actor *a, long long concern,
		      const struct case_note_input *in, long long *id, bool *prompt,
		      struct svc_result *r)
{
	struct concern_row cr;
	memset(&cr, 0, sizeof(cr));
	struct strbuf text = STRBUF_INIT;
	struct sealed s_text = {0};
	struct action_rows al = {0};
	struct case_note_rows nl = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "concern:%lld", concern);
	if (svc_begin(&c, svc, a, ACT_CONCERN_UPDATE, NULL,
		      (struct svc_entry){.action = "concern.note.add", .object = obj}, r) < 0)
		return -1;
	if (load_concern(&c, svc, concern, &cr, true, r) < 0 ||
	    svc_text(&f_text, in->text, NULL, &text, r) < 0)
		goto out;
	if (in->action) {
		int rc = followup_store_action_get(svc->store, in->action, &al, &err);
		if (rc < 0) {
			store_err(r, err);
			goto out;
		}
		if (rc == 1 || al.v[0].concern_id != concern) {
			svc_fail(r, SVC_INVALID, "action", "%s",
				 _("Handlingen hører ikke til denne sag."));
			goto out;
		}
		action_rows_release(&al);
	}
	if (concern_store_note_insert(svc->store, concern, in->action, in->welfare, a->username, id,
				      &err) < 0) {
		store_err(r, err);
		goto out;
	}
	if (svc_seal_text(svc, "concern_note", "text", *id, text.buf, &s_text, r) < 0)
		goto out;
	if (concern_store_note_seal(svc->store, *id, &s_text, &err) < 0 ||
	    concern_store_notes(svc->store, concern, &nl, &err) < 0 ||
	    concern_store_actions_of_concern(svc->store, concern, &al, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	if (prompt)
		*prompt = prompt_of(&nl, &al);
	svc_call_object(&c, "concern:%lld note:%lld%s", concern, *id,
			in->welfare ? " welfare" : "");
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	svc_sealed_clear(&s_text);
	if (text.buf)
		memset(text.buf, 0, text.len);
	strbuf_release(&text);
	action_rows_release(&al);
	case_note_rows_release(&nl);
	concern_row_release(&cr);
	return ret;
}

/* ---- related people ---------------------------------------------------------------- */

int svc_related_add(struct service *svc, const struct actor *a, long long concern,
		    const struct related_input *in, long long *id, struct svc_result *r)
{
	struct concern_row cr;
	memset(&cr, 0, sizeof(cr));
	struct strbuf name = STRBUF_INIT, phone = STRBUF_INIT;
	struct sealed s_name = {0}, s_phone = {0};
	char *err = NULL;
	int ret = -1;
	SVC_CALL(c);
	char obj[40];
	snprintf(obj, sizeof(obj), "concern:%lld", concern);
	if (svc_begin(&c, svc, a, ACT_CONCERN_UPDATE, NULL,
		      (struct svc_entry){.action = "concern.related.add", .object = obj}, r) < 0)
		return -1;
	if (load_concern(&c, svc, concern, &cr, true, r) < 0 ||
	    svc_text(&f_name, in->name, NULL, &name, r) < 0)
		goto out;
	if (!relation_valid(in->relation)) {
		svc_fail(r, SVC_INVALID, "relation", "%s",
			 _("Vælg relationen fra listen: forælder, værge, søskende, familie eller "
			   "anden voksen."));
		goto out;
	}
	bool has_phone = in->phone && *in->phone;
	if (has_phone) {
		if (svc_text(&f_phone, in->phone, NULL, &phone, r) < 0)
			goto out;
		if (!phone_valid(phone.buf)) {
			svc_fail(r, SVC_INVALID, "phone", "%s",
				 _("Skriv telefonnummeret med cifre, fx 20 30 40 50 eller "
				   "+45 20304050."));
			goto out;
		}
	}
	if (concern_store_related_insert(svc->store, concern, in->relation, a->username, id, &err) <
	    0) {
		store_err(r, err);
		goto out;
	}
	if (svc_seal_text(svc, "related_person", "name", *id, name.buf, &s_name, r) < 0 ||
	    (has_phone &&
	     svc_seal_text(svc, "related_person", "phone", *id, phone.buf, &s_phone, r) < 0))
		goto out;
	if (concern_store_related_seal(svc->store, *id, &s_name, has_phone ? &s_phone : NULL,
				       &err) < 0) {
		store_err(r, err);
		goto out;
	}
	svc_call_object(&c, "concern:%lld related:%lld", concern, *id);
	ret = 0;
out:
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	svc_sealed_clear(&s_name);
	svc_sealed_clear(&s_phone);
	strbuf_release(&name);
	strbuf_release(&phone);
	concern_row_release(&cr);
	return ret;
}

/* ---- the forside -------------------------------------------------------------------- */

void my_actions_release(struct my_actions *l)
{
	for (size_t i = 0; i < l->nr; i++)
		action_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static int by_urgency(const void *pa, const void *pb)
{
	const struct followup_action *x = pa, *y = pb;
	if (x->overdue != y->overdue)
		return x->overdue ? -1 : 1;
	if (x->deadline != y->deadline)
		return x->deadline < y->deadline ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

int svc_actions_mine(struct service *svc, const struct actor *a, struct my_actions *out,
		     struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	struct svc_entry e = {.action = "concern.action.mine", .object = NULL};
	if (svc_check(svc, a, ACT_CONCERN_VIEW, NULL, &e, r) < 0)
		return -1;
	struct action_rows al = {0};
	char *err = NULL;
	if (followup_store_actions_mine(svc->store, followup_actor_org(a->role, a->org),
					a->username, &al, &err) < 0)
		return store_err(r, err);
	long today = svc_today();
	out->v = xcalloc(al.nr + 1, sizeof(*out->v));
	for (size_t i = 0; i < al.nr; i++)
		action_fill(&out->v[out->nr++], &al.v[i], today);
	qsort(out->v, out->nr, sizeof(*out->v), by_urgency);
	action_rows_release(&al);
	return 0;
}
