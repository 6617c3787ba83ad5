/* school_service.c - the school network (service/school.h). */
#include "service/school.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/audit.h"
#include "service/meeting.h"
#include "service/service_internal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define NAME_MAX_CHARS  200
#define THEME_MAX_CHARS 200

/* ---- helpers ---- */

/* One line of text: 1..max characters after trimming, valid UTF-8, no
 * control characters. Returns a trimmed copy (caller frees), or NULL with
 * *r set. */
static char *clean_line(const char *s, size_t max, const char *field, const char *what,
			struct svc_result *r)
{
	if (!s)
		s = "";
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n) {
		svc_fail(r, SVC_INVALID, field, _("Skriv %s."), what);
		return NULL;
	}
	if (!utf8_valid(s, n, NULL)) {
		svc_fail(r, SVC_INVALID, field, _("%s er ikke gyldig tekst (UTF-8)."), what);
		return NULL;
	}
	size_t chars = 0;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
			svc_fail(r, SVC_INVALID, field, _("%s skal stå på én linje."), what);
			return NULL;
		}
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	}
	if (chars > max) {
		svc_fail(r, SVC_INVALID, field, _("%s må højst være %zu tegn."), what, max);
		return NULL;
	}
	return xstrndup(s, n);
}

static int get_institution(struct service *svc, const char *id, struct institution_row *out,
			   struct svc_result *r)
{
	char *err = NULL;
	int rc = id && *id ? store_institution_get(svc->store, id, out, &err) : 1;
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc > 0)
		return svc_fail(r, SVC_NOT_FOUND, "id", _("Institutionen »%s« findes ikke."),
				id ? id : "");
	return 0;
}

/* ---- the network ---- */

void school_network_release(struct school_network *n)
{
	institution_rows_release(&n->inst);
	contact_rows_release(&n->contacts);
	laeseplan_rows_release(&n->items);
	theme_day_rows_release(&n->days);
	attendance_rows_release(&n->att);
	free(n->n_inst);
	free(n->n_contacts);
	free(n->n_items);
	free(n->n_days);
	free(n->n_att);
	network_findings_release(&n->f);
	memset(n, 0, sizeof(*n));
}

/* The network body's meetings of year when none of the year is stored:
 * from the computed plan, like svc_compliance (ids 0: no attendance can
 * be recorded on them). Sets *has_body. */
static int plan_days(struct service *svc, int year, struct school_network *out, char **err)
{
	struct org o;
	org_init(&o);
	int rc = store_org_load(svc->store, &o, err);
	out->has_network_body = rc == 0 && org_find_body(&o, NETWORK_BODY_ID) != NULL;
	int n = 0;
	if (rc == 0 && out->has_network_body && out->days.nr == 0)
		rc = store_meetings_count(svc->store, year, &n, err);
	if (rc == 0 && out->has_network_body && out->days.nr == 0 && n == 0) {
		struct meeting_list ml = MEETING_LIST_INIT;
		char *perr = NULL;
		/* a plan that cannot be made has no theme day; svc_compliance
		 * reports why */
		if (plan_year(&o, year, NETWORK_BODY_ID, &ml, &perr) == 0) {
			for (size_t i = 0; i < ml.nr; i++) {
				ALLOC_GROW(out->days.v, out->days.nr + 1, out->days.alloc);
				struct theme_day_row *t = &out->days.v[out->days.nr++];
				memset(t, 0, sizeof(*t));
				t->day = ml.v[i].day;
				t->start = ml.v[i].start;
				t->status = MEETING_PLANNED;
				t->theme = ml.v[i].theme ? xstrdup(ml.v[i].theme) : NULL;
			}
			out->from_plan = true;
		}
		free(perr);
		meeting_list_release(&ml);
	}
	org_release(&o);
	return rc;
}

/* Loads everything and computes the findings (no permission check). */
static int network_load(struct service *svc, int year, long as_of, struct school_network *out,
			struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (svc_check_year(year, r) < 0)
		return -1;
	out->year = year;
	out->as_of = as_of;
	long from, to;
	network_school_year(year, as_of, &from, &to);
	char *err = NULL;
	if (store_institutions_load(svc->store, &out->inst, &err) < 0 ||
	    store_contacts_load(svc->store, NULL, &out->contacts, &err) < 0 ||
	    store_laeseplan_load(svc->store, NULL, from, to, &out->items, &err) < 0 ||
	    store_theme_days_load(svc->store, NETWORK_BODY_ID, year, &out->days, &err) < 0 ||
	    store_theme_day_attendance_load(svc->store, NETWORK_BODY_ID, year, &out->att, &err) <
		0 ||
	    plan_days(svc, year, out, &err) < 0) {
		school_network_release(out);
		return svc_store_fail(r, err);
	}
	out->n_inst = xcalloc(out->inst.nr + 1, sizeof(*out->n_inst));
	for (size_t i = 0; i < out->inst.nr; i++) {
		const struct institution_row *x = &out->inst.v[i];
		out->n_inst[i] = (struct net_institution){
		    x->id, x->name, x->district, x->district_name, x->kind, x->active};
	}
	out->n_contacts = xcalloc(out->contacts.nr + 1, sizeof(*out->n_contacts));
	for (size_t i = 0; i < out->contacts.nr; i++) {
		const struct contact_row *c = &out->contacts.v[i];
		out->n_contacts[i] =
		    (struct net_contact){c->user_id, c->username, c->name, c->institution};
	}
	out->n_items = xcalloc(out->items.nr + 1, sizeof(*out->n_items));
	for (size_t i = 0; i < out->items.nr; i++)
		out->n_items[i] =
		    (struct net_item){out->items.v[i].institution, out->items.v[i].planned};
	out->n_days = xcalloc(out->days.nr + 1, sizeof(*out->n_days));
	for (size_t i = 0; i < out->days.nr; i++)
		out->n_days[i] =
		    (struct net_theme_day){out->days.v[i].meeting_id, out->days.v[i].day,
					   out->days.v[i].status == MEETING_CANCELLED};
	out->n_att = xcalloc(out->att.nr + 1, sizeof(*out->n_att));
	for (size_t i = 0; i < out->att.nr; i++)
		out->n_att[i] = (struct net_attendance){
		    out->att.v[i].meeting_id, out->att.v[i].user_id, out->att.v[i].present};
	out->in = (struct network_input){out->n_inst,      out->inst.nr,         out->n_contacts,
					 out->contacts.nr, out->n_items,         out->items.nr,
					 out->n_days,      out->days.nr,         out->n_att,
					 out->att.nr,      out->has_network_body};
	network_compute(&out->in, year, as_of, &out->f);
	return 0;
}

bool school_network_attended(const struct school_network *n, long long user_id)
{
	for (size_t k = 0; k < n->att.nr; k++) {
		if (n->att.v[k].user_id != user_id || !n->att.v[k].present)
			continue;
		for (size_t j = 0; j < n->days.nr; j++)
			if (n->days.v[j].meeting_id == n->att.v[k].meeting_id &&
			    n->days.v[j].status != MEETING_CANCELLED && n->days.v[j].day < n->as_of)
				return true;
	}
	return false;
}

int school_network_contacts_of(const struct school_network *n, const char *id)
{
	int c = 0;
	for (size_t i = 0; i < n->contacts.nr; i++)
		c += n->contacts.v[i].institution && !strcmp(n->contacts.v[i].institution, id);
	return c;
}

int school_network_items_of(const struct school_network *n, const char *id)
{
	int c = 0;
	for (size_t i = 0; i < n->items.nr; i++)
		c += n->items.v[i].institution && !strcmp(n->items.v[i].institution, id);
	return c;
}

int svc_school_network(struct service *svc, const struct actor *a, int year, long as_of,
		       struct school_network *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (!svc_allowed(svc, a, ACT_SCHOOL_VIEW, r))
		return -1;
	if (network_load(svc, year, as_of, out, r) < 0)
		return -1;
	out->may_admin = svc_decide(svc, a, ACT_SCHOOL_ADMIN, NULL).allow;
	out->may_record_theme_day = svc_decide(svc, a, ACT_THEME_DAY_RECORD, NULL).allow;
	return 0;
}

int svc_network_compliance(struct service *svc, const struct actor *a, int year, long as_of,
			   struct school_network *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (!svc_allowed(svc, a, ACT_COMPLIANCE_VIEW, r))
		return -1;
	return network_load(svc, year, as_of, out, r);
}

/* ---- one institution ---- */

void school_detail_release(struct school_detail *d)
{
	institution_row_release(&d->inst);
	contact_rows_release(&d->contacts);
	laeseplan_rows_release(&d->items);
	memset(d, 0, sizeof(*d));
}

/* The facts of ACT_LAESEPLAN_EDIT (domain/authz.c): the SSP-team and the
 * local operator edit every læseplan, a contact person only their own
 * institution's. */
static struct authz_facts laeseplan_facts(const char *institution)
{
	struct authz_facts f = {.institution = institution};
	return f;
}

int svc_school_get(struct service *svc, const struct actor *a, const char *id,
		   struct school_detail *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (!svc_allowed(svc, a, ACT_SCHOOL_VIEW, r))
		return -1;
	if (get_institution(svc, id, &out->inst, r) < 0)
		return -1;
	char *err = NULL;
	if (store_contacts_load(svc->store, id, &out->contacts, &err) < 0 ||
	    store_laeseplan_load(svc->store, id, CAL_NO_DAY, CAL_NO_DAY, &out->items, &err) < 0) {
		school_detail_release(out);
		return svc_store_fail(r, err);
	}
	struct authz_facts f = laeseplan_facts(id);
	out->may_edit = out->inst.active && svc_decide(svc, a, ACT_LAESEPLAN_EDIT, &f).allow;
	out->may_admin = svc_decide(svc, a, ACT_SCHOOL_ADMIN, NULL).allow;
	return 0;
}

/* ---- institutions ---- */

/* Validates name, kind and district of in into row (id untouched). */
static int check_institution(struct service *svc, const struct institution_input *in,
			     struct institution_row *row, struct svc_result *r)
{
	char *name = clean_line(in->name, NAME_MAX_CHARS, "name", _("Navn"), r);
	if (!name)
		return -1;
	row->name = name;
	if (!in->kind || institution_kind_parse(in->kind, &row->kind) < 0)
		return svc_fail(r, SVC_INVALID, "kind", "%s", _("Vælg skole eller klub."));
	if (!in->district || !*in->district || !store_district_active(svc->store, in->district))
		return svc_fail(r, SVC_INVALID, "district", "%s",
				_("Vælg et af strategiens distrikter."));
	row->district = xstrdup(in->district);
	return 0;
}

int svc_institution_add(struct service *svc, const struct actor *a,
			const struct institution_input *in, struct svc_result *r)
{
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_SCHOOL_ADMIN, NULL,
		      (struct svc_entry){.action = "school.add", .object = in->id}, r) < 0)
		return -1;
	struct institution_row row;
	memset(&row, 0, sizeof(row));
	int ret = -1;
	if (!in->id || !institution_id_valid(in->id)) {
		svc_fail(r, SVC_INVALID, "id", "%s",
			 _("Id'et skal være 1-64 tegn: små bogstaver a-z, tal og bindestreg (ikke "
			   "først), og ikke »temadag« eller »theme-day«."));
		goto out;
	}
	if (check_institution(svc, in, &row, r) < 0)
		goto out;
	row.id = xstrdup(in->id);
	struct institution_row old;
	char *err = NULL;
	int rc = store_institution_get(svc->store, row.id, &old, &err);
	if (rc < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	if (rc == 0) {
		svc_fail(r, SVC_CONFLICT, "id",
			 old.active
			     ? _("Der findes allerede en institution med id'et »%s«.")
			     : _("Id'et »%s« tilhører en deaktiveret institution; genaktiver "
				 "den i stedet."),
			 row.id);
		institution_row_release(&old);
		goto out;
	}
	rc = store_institution_insert(svc->store, &row, &err);
	if (rc == -2) {
		svc_fail(r, SVC_CONFLICT, "id",
			 _("Der findes allerede en institution med id'et »%s«."), row.id);
		goto out;
	}
	if (rc < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	institution_row_release(&row);
	return ret == 0 ? svc_commit(&c) : svc_abort(&c);
}

int svc_institution_edit(struct service *svc, const struct actor *a, const char *id,
			 const struct institution_input *in, struct svc_result *r)
{
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_SCHOOL_ADMIN, NULL,
		      (struct svc_entry){.action = "school.edit", .object = id}, r) < 0)
		return -1;
	struct institution_row old, row;
	memset(&row, 0, sizeof(row));
	if (get_institution(svc, id, &old, r) < 0)
		return svc_abort(&c);
	int ret = -1;
	if (check_institution(svc, in, &row, r) < 0)
		goto out;
	row.id = xstrdup(id);
	svc_call_object(&c, "%s name=%s kind=%s district=%s", id, row.name,
			institution_kind_id(row.kind), row.district);
	char *err = NULL;
	int rc = store_institution_update(svc->store, &row, &err);
	if (rc < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	if (rc > 0) {
		svc_fail(r, SVC_NOT_FOUND, "id", _("Institutionen »%s« findes ikke."), id);
		goto out;
	}
	ret = 0;
out:
	institution_row_release(&old);
	institution_row_release(&row);
	return ret == 0 ? svc_commit(&c) : svc_abort(&c);
}

int svc_institution_set_active(struct service *svc, const struct actor *a, const char *id,
			       bool active, struct svc_result *r)
{
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_SCHOOL_ADMIN, NULL,
		      (struct svc_entry){.action = active ? "school.activate" : "school.deactivate",
					 .object = id},
		      r) < 0)
		return -1;
	struct institution_row old;
	if (get_institution(svc, id, &old, r) < 0)
		return svc_abort(&c);
	institution_row_release(&old);
	char *err = NULL;
	int rc = store_institution_set_active(svc->store, id, active, &err);
	if (rc < 0)
		svc_store_fail(r, err);
	else if (rc > 0)
		svc_fail(r, SVC_NOT_FOUND, "id", _("Institutionen »%s« findes ikke."), id);
	return rc == 0 ? svc_commit(&c) : svc_abort(&c);
}

/* ---- læseplan ---- */

static int parse_day(const char *s, const char *field, const char *what, long *out,
		     struct svc_result *r)
{
	struct date d;
	if (!s || cal_parse_date(s, &d) < 0)
		return svc_fail(r, SVC_INVALID, field,
				_("%s skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2027-09-15."), what);
	if (d.y < PLAN_YEAR_MIN || d.y > PLAN_YEAR_MAX)
		return svc_fail(r, SVC_INVALID, field, _("%s skal ligge mellem år %d og %d."), what,
				PLAN_YEAR_MIN, PLAN_YEAR_MAX);
	*out = cal_days(d);
	return 0;
}

/* Validates in for institution x into row (grade, theme, planned, held). */
static int check_item(const struct institution_row *x, const struct laeseplan_input *in,
		      struct laeseplan_row *row, struct svc_result *r)
{
	const char *g = in->grade ? in->grade : "";
	bool ok;
	if (x->kind == INST_CLUB) {
		ok = !strcmp(g, "klub");
	} else {
		char *end;
		long v = strtol(g, &end, 10);
		ok = *g >= '0' && *g <= '9' && !*end && v >= 4 && v <= 10 && !(g[0] == '0');
	}
	if (!ok)
		return svc_fail(r, SVC_INVALID, "grade", "%s",
				x->kind == INST_CLUB
				    ? _("En klubs læseplan har trinnet »klub«.")
				    : _("Vælg et klassetrin fra 4. til 10. klasse."));
	row->grade = xstrdup(g);
	row->theme = clean_line(in->theme, THEME_MAX_CHARS, "theme", _("Tema"), r);
	if (!row->theme)
		return -1;
	if (parse_day(in->planned, "planned", _("Planlagt dato"), &row->planned, r) < 0)
		return -1;
	row->held = CAL_NO_DAY;
	if (in->held && *in->held) {
		if (parse_day(in->held, "held", _("Afholdt dato"), &row->held, r) < 0)
			return -1;
		if (row->held > svc_today())
			return svc_fail(r, SVC_INVALID, "held", "%s",
					_("Afholdt dato kan ikke ligge efter i dag."));
	}
	return 0;
}

/* The common start of every læseplan change, as call c: the role, the
 * institution, the need-to-know rule (domain/authz.c), an active
 * institution. *x is filled on 0 (c open); on -1 the call is over. */
static int laeseplan_gate(struct svc_call *c, struct service *svc, const struct actor *a,
			  const char *institution, const char *action, struct institution_row *x,
			  struct svc_result *r)
{
	memset(x, 0, sizeof(*x));
	if (svc_begin(c, svc, a, ACT_LAESEPLAN_EDIT, NULL,
		      (struct svc_entry){.action = action, .object = institution}, r) < 0)
		return -1;
	if (get_institution(svc, institution, x, r) < 0)
		return svc_abort(c);
	struct authz_facts f = laeseplan_facts(institution);
	if (svc_authorize(c, &f) < 0) {
		institution_row_release(x);
		return -1;
	}
	if (!x->active) {
		institution_row_release(x);
		svc_fail(r, SVC_INVALID, NULL, "%s",
			 _("Institutionen er deaktiveret; dens læseplan kan ikke ændres."));
		return svc_abort(c);
	}
	return 0;
}

/* Loads item of institution, or SVC_NOT_FOUND. */
static int get_item(struct service *svc, const char *institution, long long item,
		    struct laeseplan_row *out, struct svc_result *r)
{
	char *err = NULL;
	int rc = store_laeseplan_get(svc->store, item, out, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc > 0 || !out->institution || strcmp(out->institution, institution)) {
		if (rc == 0)
			laeseplan_row_release(out);
		return svc_fail(r, SVC_NOT_FOUND, "item", _("Læseplanen har intet punkt %lld."),
				item);
	}
	return 0;
}

static void item_object(struct strbuf *sb, const char *institution, long long id,
			const struct laeseplan_row *row)
{
	char planned[11] = "-", held[11] = "-";
	if (row && row->planned != CAL_NO_DAY)
		cal_format_date(row->planned, planned);
	if (row && row->held != CAL_NO_DAY)
		cal_format_date(row->held, held);
	strbuf_addf(sb, "%s#%lld", institution, id);
	if (row)
		strbuf_addf(sb, " grade=%s planned=%s held=%s", row->grade, planned, held);
}

int svc_laeseplan_add(struct service *svc, const struct actor *a, const char *institution,
		      const struct laeseplan_input *in, long long *id, struct svc_result *r)
{
	SVC_CALL(c);
	struct institution_row x;
	if (laeseplan_gate(&c, svc, a, institution, "laeseplan.add", &x, r) < 0)
		return -1;
	struct laeseplan_row row;
	memset(&row, 0, sizeof(row));
	int ret = -1;
	if (check_item(&x, in, &row, r) < 0)
		goto out;
	row.institution = xstrdup(institution);
	char *err = NULL;
	if (store_laeseplan_insert(svc->store, &row, a->username, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	struct strbuf obj = STRBUF_INIT;
	item_object(&obj, institution, row.id, &row);
	svc_call_object(&c, "%s", obj.buf);
	strbuf_release(&obj);
	ret = 0;
out:
	institution_row_release(&x);
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret == 0 && id)
		*id = row.id;
	laeseplan_row_release(&row);
	return ret;
}

int svc_laeseplan_edit(struct service *svc, const struct actor *a, const char *institution,
		       long long item, const struct laeseplan_input *in, struct svc_result *r)
{
	SVC_CALL(c);
	struct institution_row x;
	if (laeseplan_gate(&c, svc, a, institution, "laeseplan.edit", &x, r) < 0)
		return -1;
	struct laeseplan_row old, row;
	memset(&row, 0, sizeof(row));
	int ret = -1;
	if (get_item(svc, institution, item, &old, r) < 0) {
		institution_row_release(&x);
		return svc_abort(&c);
	}
	if (check_item(&x, in, &row, r) < 0)
		goto out;
	row.id = item;
	row.institution = xstrdup(institution);
	struct strbuf obj = STRBUF_INIT;
	item_object(&obj, institution, item, &row);
	svc_call_object(&c, "%s", obj.buf);
	strbuf_release(&obj);
	char *err = NULL;
	int rc = store_laeseplan_update(svc->store, &row, a->username, &err);
	if (rc < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	if (rc > 0) {
		svc_fail(r, SVC_NOT_FOUND, "item", _("Læseplanen har intet punkt %lld."), item);
		goto out;
	}
	ret = 0;
out:
	laeseplan_row_release(&old);
	laeseplan_row_release(&row);
	institution_row_release(&x);
	return ret == 0 ? svc_commit(&c) : svc_abort(&c);
}

int svc_laeseplan_remove(struct service *svc, const struct actor *a, const char *institution,
			 long long item, struct svc_result *r)
{
	SVC_CALL(c);
	struct institution_row x;
	if (laeseplan_gate(&c, svc, a, institution, "laeseplan.remove", &x, r) < 0)
		return -1;
	institution_row_release(&x);
	struct laeseplan_row old;
	if (get_item(svc, institution, item, &old, r) < 0)
		return svc_abort(&c);
	struct strbuf obj = STRBUF_INIT;
	item_object(&obj, institution, item, &old);
	laeseplan_row_release(&old);
	svc_call_object(&c, "%s", obj.buf);
	strbuf_release(&obj);
	char *err = NULL;
	int rc = store_laeseplan_delete(svc->store, item, &err);
	if (rc < 0)
		svc_store_fail(r, err);
	else if (rc > 0)
		svc_fail(r, SVC_NOT_FOUND, "item", _("Læseplanen har intet punkt %lld."), item);
	return rc == 0 ? svc_commit(&c) : svc_abort(&c);
}

/* ---- theme day ---- */

int svc_theme_day_record(struct service *svc, const struct actor *a, long long meeting_id,
			 const long long *present, size_t n, struct svc_result *r)
{
	SVC_CALL(c);
	char mid[24];
	snprintf(mid, sizeof(mid), "%lld", meeting_id);
	if (svc_begin(&c, svc, a, ACT_THEME_DAY_RECORD, NULL,
		      (struct svc_entry){.action = "themeday.attendance", .object = mid}, r) < 0)
		return -1;
	struct meeting m;
	memset(&m, 0, sizeof(m));
	char *err = NULL;
	int rc = store_meeting_get(svc->store, meeting_id, &m, &err);
	if (rc < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	if (rc > 0 || !m.body || strcmp(m.body, NETWORK_BODY_ID)) {
		if (rc == 0)
			meeting_release(&m);
		svc_fail(r, SVC_NOT_FOUND, "meeting", _("Skolenetværket har intet møde %lld."),
			 meeting_id);
		return svc_abort(&c);
	}
	int ret = -1;
	struct contact_rows contacts = {0};
	struct institution_rows inst = {0};
	long long *ids = NULL;
	bool *flags = NULL;
	if (m.status == MEETING_CANCELLED) {
		svc_fail(r, SVC_INVALID, "meeting", "%s",
			 _("Temadagen er aflyst; der er intet fremmøde at registrere."));
		goto out;
	}
	if (m.day > svc_today()) {
		svc_fail(r, SVC_INVALID, "meeting", "%s",
			 _("Temadagen er ikke holdt endnu; registrer fremmødet på dagen eller "
			   "bagefter."));
		goto out;
	}
	if (store_contacts_load(svc->store, NULL, &contacts, &err) < 0 ||
	    store_institutions_load(svc->store, &inst, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	/* every id sent must be a contact person of an active institution */
	ids = xcalloc(contacts.nr + 1, sizeof(*ids));
	flags = xcalloc(contacts.nr + 1, sizeof(*flags));
	size_t k = 0;
	int here = 0;
	for (size_t i = 0; i < contacts.nr; i++) {
		const struct contact_row *c = &contacts.v[i];
		bool active = false;
		for (size_t j = 0; j < inst.nr && !active; j++)
			active = inst.v[j].active && !strcmp(inst.v[j].id, c->institution);
		if (!active)
			continue;
		ids[k] = c->user_id;
		for (size_t p = 0; p < n; p++)
			flags[k] |= present[p] == c->user_id;
		here += flags[k];
		k++;
	}
	for (size_t p = 0; p < n; p++) {
		bool known = false;
		for (size_t i = 0; i < k && !known; i++)
			known = ids[i] == present[p];
		if (!known) {
			svc_fail(
			    r, SVC_INVALID, "deltog",
			    _("Bruger %lld er ikke SSP-kontaktperson på en aktiv institution."),
			    present[p]);
			goto out;
		}
	}
	svc_call_object(&c, "%s present=%d/%zu", m.uid ? m.uid : "?", here, k);
	if (store_theme_day_attendance_set(svc->store, meeting_id, ids, flags, k, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	free(ids);
	free(flags);
	contact_rows_release(&contacts);
	institution_rows_release(&inst);
	meeting_release(&m);
	return ret == 0 ? svc_commit(&c) : svc_abort(&c);
}
