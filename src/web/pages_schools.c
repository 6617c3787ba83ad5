/* pages_schools.c - the school network's pages (service/school.h):
 *
 *   /skoler                       schools and clubs by district, their
 *                                 contact persons, læseplan and theme day;
 *                                 admin: add an institution
 *   /skoler/temadag?aar=YYYY      the year's theme day: who attended; the
 *                                 SSP-team records it
 *   /skoler/{id}                  one institution: contact persons and its
 *                                 SSP-læseplan (edit: its own contact
 *                                 person and the SSP-team); admin: edit,
 *                                 deactivate, reactivate
 *
 * Same rules as pages.c: router.c has checked the role before a handler
 * runs, the service checks again (and the need-to-know rule per
 * institution); forms post back and answer with a redirect (303) or the
 * same page with the errors marked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/authz.h"
#include "domain/calendar.h"
#include "service/meeting.h"
#include "service/school.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* ---- small helpers (shared with pages_compliance.c through web_internal.h) ---- */

void web_dk_date(long day, char out[40])
{
	static const char *const months[] = {N_("januar"),  N_("februar"),  N_("marts"),
					     N_("april"),   N_("maj"),      N_("juni"),
					     N_("juli"),    N_("august"),   N_("september"),
					     N_("oktober"), N_("november"), N_("december")};
	if (day == CAL_NO_DAY) {
		snprintf(out, 40, "–");
		return;
	}
	struct date d = cal_date(day);
	snprintf(out, 40, "%d. %s %d", d.d, _(months[(d.m - 1) % 12]), d.y);
}

int web_query_date(struct request *rq, const char *name, long *day)
{
	const char *s = form_get(&rq->query_form, name);
	*day = svc_today();
	if (!s || !*s)
		return 0;
	struct date d;
	if (cal_parse_date(s, &d) < 0) {
		web_error(rq, 400, _("Datoen skal skrives ÅÅÅÅ-MM-DD."), name);
		return -1;
	}
	*day = cal_days(d);
	return 0;
}

static const char *grade_label(const char *grade, char buf[32])
{
	if (!strcmp(grade, "klub"))
		return _("Klub");
	snprintf(buf, 32, _("%s. klasse"), grade);
	return buf;
}

static const char *kind_label(enum institution_kind k)
{
	return k == INST_CLUB ? _("Klub") : _("Skole");
}

static const struct notice school_notices[] = {
    {"oprettet", N_("Institutionen er oprettet.")},
    {"rettet", N_("Institutionen er rettet.")},
    {"deaktiveret", N_("Institutionen er deaktiveret. Den bevares, fordi møder, planer og "
		       "brugere kan henvise til den.")},
    {"aktiveret", N_("Institutionen er aktiv igen.")},
    {"punkt-tilfoejet", N_("Punktet er tilføjet læseplanen.")},
    {"punkt-rettet", N_("Punktet er rettet.")},
    {"punkt-slettet", N_("Punktet er slettet fra læseplanen.")},
    {"temadag", N_("Fremmødet på temadagen er gemt.")},
    {NULL, NULL},
};

static void breadcrumbs(struct html *h, const char *here)
{
	html_printf(
	    h,
	    "<nav class=\"breadcrumbs\" aria-label=\"%s\">\n<ol class=\"breadcrumbs__list\">\n"
	    "<li class=\"breadcrumbs__list-item\"><a class=\"breadcrumbs__link\" "
	    "href=\"/skoler\">%s</a></li>\n"
	    "<li class=\"breadcrumbs__list-item\" aria-current=\"page\">%s</li>\n</ol>\n</nav>\n",
	    _("Brødkrumme"), _("Skolenetværket"), here);
}

static void district_select(struct html *h, const struct org *o, const char *selected,
			    const char *error)
{
	struct field f = {.id = "district", .label = _("Distrikt")};
	select_open(h, &f, error);
	for (size_t i = 0; i < o->districts_nr; i++) {
		const struct org_district *d = &o->districts[i];
		select_option(h, d->id, d->name ? d->name : d->id,
			      selected && !strcmp(selected, d->id));
	}
	select_close(h);
}

static void kind_select(struct html *h, const char *selected, const char *error)
{
	struct field f = {.id = "kind", .label = _("Type")};
	select_open(h, &f, error);
	select_option(h, "skole", _("Skole"), selected && !strcmp(selected, "skole"));
	select_option(h, "klub", _("Klub"), selected && !strcmp(selected, "klub"));
	select_close(h);
}

/* ---- /skoler ---- */

static void theme_day_cell(struct html *h, const struct school_network *n, const char *id)
{
	int contacts = school_network_contacts_of(n, id);
	char date[40];
	switch (n->f.theme_day) {
	case THEME_DAY_NO_BODY:
	case THEME_DAY_NONE:
		html_printf(h, "%s", _("Ingen temadag i året"));
		return;
	case THEME_DAY_UPCOMING:
		web_dk_date(n->f.theme_day_first, date);
		html_printf(h, "%s %s", _("Planlagt"), date);
		return;
	case THEME_DAY_PASSED:
		break;
	}
	if (!contacts) {
		html_printf(h, "%s", _("Ingen kontaktperson"));
		return;
	}
	int came = 0;
	for (size_t i = 0; i < n->contacts.nr; i++)
		if (!strcmp(n->contacts.v[i].institution, id) &&
		    school_network_attended(n, n->contacts.v[i].user_id))
			came++;
	char buf[80];
	snprintf(buf, sizeof(buf), _("%d af %d deltog"), came, contacts);
	html_printf(h, "<span class=\"app-status app-status--%s\">%s</span>",
		    came == contacts ? "ok" : "at-risk", buf);
}

static void institution_table(struct html *h, const struct school_network *n, const char *district,
			      const char *district_name, int sy)
{
	char sy_label[16];
	snprintf(sy_label, sizeof(sy_label), "%d/%02d", sy, (sy + 1) % 100);
	char caption[200];
	snprintf(caption, sizeof(caption), _("Skoler og klubber i distrikt %s"), district_name);
	html_printf(
	    h,
	    "<div class=\"table--responsive-scroll\">\n"
	    "<table class=\"table table--zebra\">\n<caption>%s</caption>\n<thead><tr>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s %s</th><th scope=\"col\">%s %d</th></tr></thead>\n<tbody>\n",
	    caption, _("Institution"), _("Type"), _("SSP-kontaktperson"), _("SSP-læseplan"),
	    sy_label, _("Temadag"), n->year);
	for (size_t i = 0; i < n->inst.nr; i++) {
		const struct institution_row *x = &n->inst.v[i];
		if (!x->active || strcmp(x->district, district))
			continue;
		html_printf(
		    h, "<tr><th scope=\"row\"><a href=\"/skoler/%s\">%s</a></th><td>%s</td><td>",
		    x->id, x->name, kind_label(x->kind));
		int k = 0;
		for (size_t c = 0; c < n->contacts.nr; c++)
			if (!strcmp(n->contacts.v[c].institution, x->id))
				html_printf(h, "%s%s", k++ ? ", " : "", n->contacts.v[c].name);
		if (!k)
			html_printf(h, "<span class=\"app-status app-status--at-risk\">%s</span>",
				    _("Ingen"));
		html_printf(h, "</td><td>");
		int items = school_network_items_of(n, x->id);
		char buf[80];
		if (items) {
			snprintf(buf, sizeof(buf), _("Ja (%d punkter)"), items);
			html_printf(h, "<span class=\"app-status app-status--ok\">%s</span>", buf);
		} else if (x->kind == INST_CLUB) {
			html_printf(h, "%s", _("Ingen (ikke krævet for klubber)"));
		} else {
			html_printf(h, "<span class=\"app-status app-status--at-risk\">%s</span>",
				    _("Nej"));
		}
		html_printf(h, "</td><td>");
		theme_day_cell(h, n, x->id);
		html_printf(h, "</td></tr>\n");
	}
	html_printf(h, "</tbody>\n</table>\n</div>\n");
}

static void add_form(struct request *rq, struct html *h, const struct org *o,
		     const struct svc_result *r)
{
	bool keep = r && r->status != SVC_OK;
	html_printf(h, "<h2 id=\"ny-institution\">%s</h2>\n", _("Tilføj skole eller klub"));
	form_error_summary(h, r);
	html_printf(h, "<form method=\"post\" action=\"/skoler\" class=\"app-form\" "
		       "aria-labelledby=\"ny-institution\">\n");
	csrf_input(h, rq->session.csrf);
	struct field f_id = {"id",
			     _("Id"),
			     "text",
			     keep ? fget(rq, "id") : NULL,
			     "off",
			     _("Små bogstaver a-z, tal og bindestreg, fx »hedensted-skole«. Kan "
			       "ikke ændres bagefter."),
			     false,
			     false};
	struct field f_name = {"name", _("Navn"), "text", keep ? fget(rq, "name") : NULL,
			       "off",  NULL,      false,  false};
	input_field(h, &f_id, error_for(r, "id"));
	input_field(h, &f_name, error_for(r, "name"));
	kind_select(h, keep ? fget(rq, "kind") : "skole", error_for(r, "kind"));
	district_select(h, o, keep ? fget(rq, "district") : NULL, error_for(r, "district"));
	submit_button(h, "primary", _("Tilføj"));
	html_printf(h, "</form>\n");
}

static void schools_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct school_network n;
	struct svc_result lr = SVC_RESULT_INIT;
	/* as of the end of today: a theme day held today counts */
	if (svc_school_network(rq->svc, &rq->actor, year, svc_today() + 1, &n, &lr) < 0) {
		web_svc_error(rq, &lr);
		svc_result_clear(&lr);
		return;
	}
	struct org o;
	if (!web_load_org(rq, &o)) {
		school_network_release(&n);
		return;
	}
	struct page p;
	page_init(&p, _("Skolenetværket"), "/skoler");
	page_notice(rq, &p.main, school_notices);
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Alle udskolingsskoler og ungdomsklubber har en SSP-kontaktperson. "
		      "Kontaktpersonerne holder skolens SSP-læseplan, og SSP-teamet holder mindst "
		      "én temadag om året for dem alle."));
	html_printf(&p.main, "<p><a href=\"/skoler/temadag?aar=%d\">%s %d</a></p>\n", year,
		    _("Temadag og fremmøde"), year);
	if (!n.inst.nr)
		alert(&p.main, "info",
		      _("Der er ingen skoler eller klubber endnu. De indlæses fra strategien "
			"(»ssp init«) eller tilføjes af administratoren."));
	/* districts in the strategy's order, then any district only an
	 * institution still names */
	for (size_t d = 0; d < o.districts_nr; d++) {
		bool any = false;
		for (size_t i = 0; i < n.inst.nr && !any; i++)
			any =
			    n.inst.v[i].active && !strcmp(n.inst.v[i].district, o.districts[d].id);
		if (!any)
			continue;
		const char *dn = o.districts[d].name ? o.districts[d].name : o.districts[d].id;
		html_printf(&p.main, "<h2>%s %s</h2>\n", _("Distrikt"), dn);
		institution_table(&p.main, &n, o.districts[d].id, dn, n.f.school_year);
	}
	for (size_t i = 0; i < n.inst.nr; i++) {
		const struct institution_row *x = &n.inst.v[i];
		if (!x->active || org_find_district(&o, x->district))
			continue;
		bool first = true;
		for (size_t k = 0; k < i; k++)
			first &=
			    !(n.inst.v[k].active && !strcmp(n.inst.v[k].district, x->district));
		if (!first)
			continue;
		const char *dn = x->district_name ? x->district_name : x->district;
		html_printf(&p.main, "<h2>%s %s</h2>\n", _("Distrikt"), dn);
		institution_table(&p.main, &n, x->district, dn, n.f.school_year);
	}
	bool inactive = false;
	for (size_t i = 0; i < n.inst.nr; i++)
		inactive |= !n.inst.v[i].active;
	if (inactive) {
		html_printf(&p.main, "<h2>%s</h2>\n<p>%s</p>\n<ul>\n",
			    _("Deaktiverede institutioner"),
			    _("De bevares, fordi møder, planer og brugere kan henvise til dem."));
		for (size_t i = 0; i < n.inst.nr; i++)
			if (!n.inst.v[i].active)
				html_printf(&p.main, "<li><a href=\"/skoler/%s\">%s</a></li>\n",
					    n.inst.v[i].id, n.inst.v[i].name);
		html_printf(&p.main, "</ul>\n");
	}
	if (n.may_admin)
		add_form(rq, &p.main, &o, r);
	page_finish(rq, status, &p);
	org_release(&o);
	school_network_release(&n);
}

void h_schools(struct request *rq)
{
	schools_page(rq, 200, NULL);
}

void h_schools_add(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	struct institution_input in = {fget(rq, "id"), fget(rq, "name"), fget(rq, "kind"),
				       fget(rq, "district")};
	if (svc_institution_add(rq->svc, &rq->actor, &in, &r) == 0) {
		struct strbuf loc = STRBUF_INIT;
		strbuf_addf(&loc, "/skoler/%s?ok=oprettet", in.id);
		resp_redirect(rq, loc.buf);
		strbuf_release(&loc);
		return;
	}
	if (r.status == SVC_INVALID || r.status == SVC_CONFLICT)
		schools_page(rq, http_status_for(r.status), &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

/* ---- /skoler/{id} ---- */

/* Which form on the page a failed POST came from, so that its errors and
 * values show there. */
enum school_form { FORM_NONE, FORM_ITEM, FORM_INSTITUTION };

static void item_form(struct request *rq, struct html *h, const struct school_detail *d,
		      const struct laeseplan_row *edit, const struct svc_result *r)
{
	bool keep = r && r->status != SVC_OK;
	char planned[11] = "", held[11] = "";
	if (edit && edit->planned != CAL_NO_DAY)
		cal_format_date(edit->planned, planned);
	if (edit && edit->held != CAL_NO_DAY)
		cal_format_date(edit->held, held);
	html_printf(h, "<h2 id=\"punkt\">%s</h2>\n",
		    edit ? _("Ret punkt i læseplanen") : _("Tilføj punkt til læseplanen"));
	form_error_summary(h, r);
	if (edit)
		html_printf(h,
			    "<form method=\"post\" action=\"/skoler/%s/laeseplan/%lld\" "
			    "class=\"app-form\" aria-labelledby=\"punkt\">\n",
			    d->inst.id, edit->id);
	else
		html_printf(h,
			    "<form method=\"post\" action=\"/skoler/%s/laeseplan\" "
			    "class=\"app-form\" aria-labelledby=\"punkt\">\n",
			    d->inst.id);
	csrf_input(h, rq->session.csrf);
	const char *grade = keep ? fget(rq, "grade") : edit ? edit->grade : NULL;
	bool club = d->inst.kind == INST_CLUB;
	struct field f_grade = {.id = "grade", .label = club ? _("Trin") : _("Klassetrin")};
	select_open(h, &f_grade, error_for(r, "grade"));
	static const char *const grades[] = {"4", "5", "6", "7", "8", "9", "10"};
	if (club) {
		select_option(h, "klub", _("Klub"), grade && !strcmp(grade, "klub"));
	} else {
		for (size_t i = 0; i < sizeof(grades) / sizeof(grades[0]); i++) {
			char buf[32];
			select_option(h, grades[i], grade_label(grades[i], buf),
				      grade && !strcmp(grade, grades[i]));
		}
	}
	select_close(h);
	struct field f_theme = {
	    "theme", _("Tema"),
	    "text",  keep ? fget(rq, "theme") : edit ? edit->theme : NULL,
	    "off",   _("Fx »Digital dannelse og deling af billeder« eller »Rusmidler«."),
	    false,   false};
	struct field f_planned = {"planned", _("Planlagt dato"),
				  "date",    keep ? fget(rq, "planned") : edit ? planned : NULL,
				  "off",     NULL,
				  false,     false};
	struct field f_held = {"held", _("Afholdt dato"),
			       "date", keep ? fget(rq, "held") : edit ? held : NULL,
			       "off",  _("Udfyldes, når forløbet er holdt."),
			       true,   false};
	input_field(h, &f_theme, error_for(r, "theme"));
	input_field(h, &f_planned, error_for(r, "planned"));
	input_field(h, &f_held, error_for(r, "held"));
	submit_button(h, "primary", edit ? _("Gem ændringer") : _("Tilføj punkt"));
	if (edit)
		html_printf(h, " <a class=\"button button-secondary\" href=\"/skoler/%s\">%s</a>\n",
			    d->inst.id, _("Fortryd"));
	html_printf(h, "</form>\n");
}

static void laeseplan_table(struct request *rq, struct html *h, const struct school_detail *d)
{
	if (!d->items.nr) {
		html_printf(h, "<p>%s</p>\n", _("Læseplanen har ingen punkter endnu."));
		return;
	}
	html_printf(h,
		    "<div class=\"table--responsive-scroll\">\n"
		    "<table class=\"table table--zebra\">\n<caption>%s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th>",
		    _("SSP-læseplanens punkter efter klassetrin"), _("Trin"), _("Tema"),
		    _("Planlagt"), _("Afholdt"));
	if (d->may_edit)
		html_printf(h, "<th scope=\"col\">%s</th>", _("Handling"));
	html_printf(h, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < d->items.nr; i++) {
		const struct laeseplan_row *it = &d->items.v[i];
		char gb[32], planned[40], held[40];
		web_dk_date(it->planned, planned);
		web_dk_date(it->held, held);
		html_printf(h, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
			    grade_label(it->grade, gb), it->theme, planned,
			    it->held == CAL_NO_DAY ? _("Ikke endnu") : held);
		if (d->may_edit) {
			html_printf(
			    h,
			    "<td><a href=\"/skoler/%s?ret=%lld#punkt\">%s<span "
			    "class=\"sr-only\"> %s</span></a>\n"
			    "<form method=\"post\" action=\"/skoler/%s/laeseplan/%lld/slet\" "
			    "class=\"app-inline-form\">\n",
			    d->inst.id, it->id, _("Ret"), it->theme, d->inst.id, it->id);
			csrf_input(h, rq->session.csrf);
			html_printf(h,
				    "<button type=\"submit\" class=\"button button-secondary "
				    "button-small\">%s<span class=\"sr-only\"> %s</span></button>\n"
				    "</form></td>",
				    _("Slet"), it->theme);
		}
		html_printf(h, "</tr>\n");
	}
	html_printf(h, "</tbody>\n</table>\n</div>\n");
}

static void institution_form(struct request *rq, struct html *h, const struct school_detail *d,
			     const struct org *o, const struct svc_result *r)
{
	bool keep = r && r->status != SVC_OK;
	html_printf(h, "<h2 id=\"ret-institution\">%s</h2>\n", _("Ret institutionen"));
	form_error_summary(h, r);
	html_printf(h,
		    "<form method=\"post\" action=\"/skoler/%s\" class=\"app-form\" "
		    "aria-labelledby=\"ret-institution\">\n",
		    d->inst.id);
	csrf_input(h, rq->session.csrf);
	struct field f_name = {"name", _("Navn"), "text", keep ? fget(rq, "name") : d->inst.name,
			       "off",  NULL,      false,  false};
	input_field(h, &f_name, error_for(r, "name"));
	kind_select(h, keep ? fget(rq, "kind") : institution_kind_id(d->inst.kind),
		    error_for(r, "kind"));
	district_select(h, o, keep ? fget(rq, "district") : d->inst.district,
			error_for(r, "district"));
	/* store_org_save leaves an institution an administrator has changed */
	html_printf(h, "<p class=\"form-hint\">%s</p>\n",
		    d->inst.edited_by_admin
			? _("En administrator har rettet institutionen her, så strategifilen "
			    "ændrer den ikke længere: »ssp init« beholder navn, type, distrikt og "
			    "status, som de er her. Ret den også i strategifilen, så de to "
			    "stemmer overens.")
			: _("Når du gemmer, deaktiverer eller aktiverer institutionen her, "
			    "ændrer strategifilen den ikke længere: »ssp init« beholder den, som "
			    "du efterlader den. Ret den også i strategifilen, så de to stemmer "
			    "overens."));
	submit_button(h, "primary", _("Gem"));
	html_printf(h, "</form>\n");

	if (d->inst.active) {
		html_printf(
		    h, "<h2 id=\"deaktiver\">%s</h2>\n<p>%s</p>\n", _("Deaktiver"),
		    _("En deaktiveret institution vises ikke længere i netværket og i "
		      "opgørelserne, men slettes ikke: møder, planer og brugere kan henvise "
		      "til den."));
		html_printf(h,
			    "<form method=\"post\" action=\"/skoler/%s/deaktiver\" "
			    "aria-labelledby=\"deaktiver\">\n",
			    d->inst.id);
		csrf_input(h, rq->session.csrf);
		submit_button(h, "secondary", _("Deaktiver institutionen"));
	} else {
		html_printf(h, "<h2 id=\"aktiver\">%s</h2>\n", _("Genaktiver"));
		html_printf(h,
			    "<form method=\"post\" action=\"/skoler/%s/aktiver\" "
			    "aria-labelledby=\"aktiver\">\n",
			    d->inst.id);
		csrf_input(h, rq->session.csrf);
		submit_button(h, "secondary", _("Genaktiver institutionen"));
	}
	html_printf(h, "</form>\n");
}

static void school_page(struct request *rq, unsigned status, enum school_form which,
			const struct svc_result *r)
{
	struct school_detail d;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_school_get(rq->svc, &rq->actor, rq->params[0], &d, &lr) < 0) {
		web_svc_error(rq, &lr);
		svc_result_clear(&lr);
		return;
	}
	struct org o;
	if (!web_load_org(rq, &o)) {
		school_detail_release(&d);
		return;
	}
	/* ?ret=ID: edit that item (only one of this institution) */
	const struct laeseplan_row *edit = NULL;
	const char *ret = form_get(&rq->query_form, "ret");
	if (ret && d.may_edit)
		for (size_t i = 0; i < d.items.nr && !edit; i++) {
			char idbuf[24];
			snprintf(idbuf, sizeof(idbuf), "%lld", d.items.v[i].id);
			if (!strcmp(idbuf, ret))
				edit = &d.items.v[i];
		}
	if (which == FORM_ITEM && rq->params[1][0]) /* a failed edit: keep editing it */
		for (size_t i = 0; i < d.items.nr && !edit; i++) {
			char idbuf[24];
			snprintf(idbuf, sizeof(idbuf), "%lld", d.items.v[i].id);
			if (!strcmp(idbuf, rq->params[1]))
				edit = &d.items.v[i];
		}

	struct page p;
	page_init(&p, d.inst.name, "/skoler");
	breadcrumbs(&p.main, d.inst.name);
	page_notice(rq, &p.main, school_notices);
	if (!d.inst.active)
		alert(&p.main, "warning",
		      _("Institutionen er deaktiveret. Den vises her, fordi møder, planer og "
			"brugere kan henvise til den."));
	const struct org_district *dist = org_find_district(&o, d.inst.district);
	html_printf(&p.main,
		    "<dl class=\"app-facts\">\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
		    "<dt>%s</dt><dd>%s</dd>\n</dl>\n",
		    _("Type"), kind_label(d.inst.kind), _("Distrikt"),
		    dist && dist->name ? dist->name : d.inst.district, _("Status"),
		    d.inst.active ? _("Aktiv") : _("Deaktiveret"));
	if (d.inst.example)
		html_printf(
		    &p.main, "<p class=\"app-muted\">%s</p>\n",
		    _("Eksempeldata fra den medfølgende strategi: erstat med kommunens egne "
		      "skoler og klubber."));

	html_printf(&p.main, "<h2>%s</h2>\n", _("SSP-kontaktperson"));
	if (!d.contacts.nr) {
		html_printf(&p.main,
			    "<p><span class=\"app-status app-status--at-risk\">%s</span> %s</p>\n",
			    _("Ingen"),
			    _("Institutionen har ingen SSP-kontaktperson. Administratoren opretter "
			      "en bruger med rollen SSP-kontaktperson og denne institution."));
	} else {
		html_printf(&p.main, "<ul>\n");
		for (size_t i = 0; i < d.contacts.nr; i++)
			html_printf(&p.main, "<li>%s</li>\n", d.contacts.v[i].name);
		html_printf(&p.main, "</ul>\n");
	}

	html_printf(&p.main, "<h2>%s</h2>\n", _("SSP-læseplan"));
	html_printf(&p.main, "<p>%s</p>\n",
		    _("Skolens systematiske forebyggelsesplan: forløb pr. klassetrin med tema, "
		      "planlagt og afholdt dato."));
	laeseplan_table(rq, &p.main, &d);
	if (d.may_edit)
		item_form(rq, &p.main, &d, edit, which == FORM_ITEM ? r : NULL);
	else if (d.inst.active)
		html_printf(&p.main, "<p class=\"app-muted\">%s</p>\n",
			    _("Læseplanen rettes af institutionens SSP-kontaktperson og af "
			      "SSP-teamet."));
	if (d.may_admin)
		institution_form(rq, &p.main, &d, &o, which == FORM_INSTITUTION ? r : NULL);
	page_finish(rq, status, &p); /* before the release: the title is d.inst.name */
	org_release(&o);
	school_detail_release(&d);
}

void h_school(struct request *rq)
{
	school_page(rq, 200, FORM_NONE, NULL);
}

/* After a failed POST: the page with the form's errors, or the error page. */
static void school_failed(struct request *rq, enum school_form which, struct svc_result *r)
{
	if (r->status == SVC_INVALID || r->status == SVC_CONFLICT)
		school_page(rq, http_status_for(r->status), which, r);
	else
		web_svc_error(rq, r);
	svc_result_clear(r);
}

static void redirect_school(struct request *rq, const char *ok)
{
	struct strbuf loc = STRBUF_INIT;
	strbuf_addf(&loc, "/skoler/%s?ok=%s", rq->params[0], ok);
	resp_redirect(rq, loc.buf);
	strbuf_release(&loc);
}

void h_school_edit(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	struct institution_input in = {NULL, fget(rq, "name"), fget(rq, "kind"),
				       fget(rq, "district")};
	if (svc_institution_edit(rq->svc, &rq->actor, rq->params[0], &in, &r) == 0)
		redirect_school(rq, "rettet");
	else
		school_failed(rq, FORM_INSTITUTION, &r);
}

static void set_active(struct request *rq, bool active)
{
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_institution_set_active(rq->svc, &rq->actor, rq->params[0], active, &r) == 0)
		redirect_school(rq, active ? "aktiveret" : "deaktiveret");
	else
		school_failed(rq, FORM_INSTITUTION, &r);
}

void h_school_deactivate(struct request *rq)
{
	set_active(rq, false);
}

void h_school_activate(struct request *rq)
{
	set_active(rq, true);
}

static void item_input(struct request *rq, struct laeseplan_input *in)
{
	in->grade = fget(rq, "grade");
	in->theme = fget(rq, "theme");
	in->planned = fget(rq, "planned");
	in->held = fget(rq, "held");
}

/* The {item} segment as an id; answers 404 and returns false when it is none. */
static bool item_param(struct request *rq, long long *id)
{
	return web_path_id(rq, 1, _("Læseplanen har intet punkt med den adresse."), id);
}

void h_laeseplan_add(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	struct laeseplan_input in;
	item_input(rq, &in);
	if (svc_laeseplan_add(rq->svc, &rq->actor, rq->params[0], &in, NULL, &r) == 0)
		redirect_school(rq, "punkt-tilfoejet");
	else
		school_failed(rq, FORM_ITEM, &r);
}

void h_laeseplan_edit(struct request *rq)
{
	long long item;
	if (!item_param(rq, &item))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	struct laeseplan_input in;
	item_input(rq, &in);
	if (svc_laeseplan_edit(rq->svc, &rq->actor, rq->params[0], item, &in, &r) == 0)
		redirect_school(rq, "punkt-rettet");
	else
		school_failed(rq, FORM_ITEM, &r);
}

void h_laeseplan_remove(struct request *rq)
{
	long long item;
	if (!item_param(rq, &item))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_laeseplan_remove(rq->svc, &rq->actor, rq->params[0], item, &r) == 0)
		redirect_school(rq, "punkt-slettet");
	else
		school_failed(rq, FORM_ITEM, &r);
}

/* ---- /skoler/temadag ---- */

/* Theme days on which attendance can be recorded: stored, not cancelled,
 * not in the future. */
static bool recordable(const struct theme_day_row *t, long today)
{
	return t->meeting_id > 0 && t->status != MEETING_CANCELLED && t->day <= today;
}

/* year 0: the current year. */
static void theme_day_page(struct request *rq, unsigned status, int year,
			   const struct svc_result *r)
{
	long today = svc_today();
	if (!year)
		year = cal_date(today).y;
	/* attendance counts for the theme days that have taken place by the
	 * end of today */
	struct school_network n;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_school_network(rq->svc, &rq->actor, year, today + 1, &n, &lr) < 0) {
		web_svc_error(rq, &lr);
		svc_result_clear(&lr);
		return;
	}
	bool can_record = n.may_record_theme_day;
	struct page p;
	char title[120];
	snprintf(title, sizeof(title), _("Temadag for SSP-kontaktpersoner %d"), year);
	page_init(&p, title, "/skoler");
	breadcrumbs(&p.main, _("Temadag"));
	page_notice(rq, &p.main, school_notices);
	html_printf(&p.main,
		    "<nav aria-label=\"%s\"><p><a href=\"/skoler/temadag?aar=%d\">%s %d</a> · "
		    "<a href=\"/skoler/temadag?aar=%d\">%s %d</a></p></nav>\n",
		    _("Andre år"), year - 1, _("Temadag"), year - 1, year + 1, _("Temadag"),
		    year + 1);

	html_printf(&p.main, "<h2>%s</h2>\n", _("Årets temadage"));
	if (n.f.theme_day == THEME_DAY_NO_BODY)
		html_printf(&p.main, "<p>%s</p>\n",
			    _("Strategien har intet SSP-skolenetværk, så der er ingen temadag at "
			      "følge."));
	else if (!n.days.nr)
		html_printf(&p.main, "<p>%s</p>\n",
			    _("Der er ingen temadag i mødeplanen for året."));
	else {
		if (n.from_plan)
			alert(&p.main, "info",
			      _("Årets mødeplan er ikke gemt endnu; datoen er den beregnede. "
				"Fremmøde kan registreres, når planen er gemt."));
		html_printf(&p.main, "<ul>\n");
		for (size_t i = 0; i < n.days.nr; i++) {
			char date[40];
			web_dk_date(n.days.v[i].day, date);
			html_printf(&p.main, "<li>%s (%s)%s%s</li>\n", date,
				    meeting_status_label(n.days.v[i].status),
				    n.days.v[i].theme ? ": " : "",
				    n.days.v[i].theme ? n.days.v[i].theme : "");
		}
		html_printf(&p.main, "</ul>\n");
	}

	html_printf(&p.main, "<h2>%s</h2>\n", _("Fremmøde"));
	size_t listed = 0;
	for (size_t i = 0; i < n.contacts.nr; i++)
		for (size_t k = 0; k < n.inst.nr; k++)
			listed += n.inst.v[k].active &&
				  !strcmp(n.inst.v[k].id, n.contacts.v[i].institution);
	if (!listed) {
		html_printf(&p.main, "<p>%s</p>\n",
			    _("Der er ingen SSP-kontaktpersoner. Administratoren opretter dem som "
			      "brugere med rollen SSP-kontaktperson og deres institution."));
	} else {
		html_printf(
		    &p.main,
		    "<div class=\"table--responsive-scroll\">\n"
		    "<table class=\"table table--zebra\">\n<caption>%s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("SSP-kontaktpersoner og deres deltagelse i årets temadag"), _("Navn"),
		    _("Institution"), _("Deltog"));
		for (size_t i = 0; i < n.contacts.nr; i++) {
			const struct contact_row *c = &n.contacts.v[i];
			const struct institution_row *x = NULL;
			for (size_t k = 0; k < n.inst.nr && !x; k++)
				if (n.inst.v[k].active && !strcmp(n.inst.v[k].id, c->institution))
					x = &n.inst.v[k];
			if (!x)
				continue;
			html_printf(&p.main,
				    "<tr><th scope=\"row\">%s</th><td><a "
				    "href=\"/skoler/%s\">%s</a></td><td>",
				    c->name, x->id, x->name);
			if (n.f.theme_day != THEME_DAY_PASSED)
				html_printf(&p.main, "%s", _("Ikke holdt endnu"));
			else if (school_network_attended(&n, c->user_id))
				html_printf(&p.main,
					    "<span class=\"app-status app-status--ok\">%s</span>",
					    _("Ja"));
			else
				html_printf(
				    &p.main,
				    "<span class=\"app-status app-status--at-risk\">%s</span>",
				    _("Nej"));
			html_printf(&p.main, "</td></tr>\n");
		}
		html_printf(&p.main, "</tbody>\n</table>\n</div>\n");
	}

	if (can_record && listed) {
		/* the meeting to record: ?moede=ID (or the form's), else the
		 * last one that has taken place */
		const char *want = form_get(&rq->query_form, "moede");
		if (r && r->status != SVC_OK && *fget(rq, "moede"))
			want = fget(rq, "moede");
		const struct theme_day_row *sel = NULL, *last = NULL;
		size_t eligible = 0;
		for (size_t i = 0; i < n.days.nr; i++) {
			if (!recordable(&n.days.v[i], today))
				continue;
			eligible++;
			last = &n.days.v[i];
			char idbuf[24];
			snprintf(idbuf, sizeof(idbuf), "%lld", n.days.v[i].meeting_id);
			if (want && !strcmp(idbuf, want))
				sel = &n.days.v[i];
		}
		if (!sel)
			sel = last;
		html_printf(&p.main, "<h2 id=\"registrer\">%s</h2>\n", _("Registrer fremmøde"));
		form_error_summary(&p.main, r);
		if (!sel) {
			html_printf(
			    &p.main, "<p>%s</p>\n",
			    _("Der er ingen holdt temadag at registrere fremmøde for i året. "
			      "Temadagen skal stå i den gemte mødeplan, ikke være aflyst og "
			      "ikke ligge i fremtiden."));
		} else {
			html_printf(
			    &p.main,
			    "<form method=\"post\" action=\"/skoler/temadag\" class=\"app-form\" "
			    "aria-labelledby=\"registrer\">\n");
			csrf_input(&p.main, rq->session.csrf);
			html_printf(&p.main, "<input type=\"hidden\" name=\"aar\" value=\"%d\">\n",
				    year);
			if (eligible > 1) {
				struct field f_day = {.id = "moede", .label = _("Temadag")};
				select_open(&p.main, &f_day, error_for(r, "meeting"));
				for (size_t i = 0; i < n.days.nr; i++) {
					const struct theme_day_row *t = &n.days.v[i];
					if (!recordable(t, today))
						continue;
					char id[24], label[40];
					snprintf(id, sizeof(id), "%lld", t->meeting_id);
					web_dk_date(t->day, label);
					select_option(&p.main, id, label,
						      t->meeting_id == sel->meeting_id);
				}
				select_close(&p.main);
			} else {
				char date[40];
				web_dk_date(sel->day, date);
				html_printf(
				    &p.main,
				    "<input type=\"hidden\" name=\"moede\" value=\"%lld\">\n"
				    "<p>%s %s</p>\n",
				    sel->meeting_id, _("Temadagen"), date);
			}
			const char *err = error_for(r, "deltog");
			html_printf(&p.main,
				    "<fieldset%s>\n<legend class=\"form-label\">%s</legend>\n",
				    err ? " class=\"form-error\"" : "", _("Hvem deltog?"));
			if (err)
				html_printf(&p.main,
					    "<span class=\"form-error-message\"><span "
					    "class=\"sr-only\">%s </span>%s</span>\n",
					    _("Fejl:"), err);
			for (size_t i = 0; i < n.contacts.nr; i++) {
				const struct contact_row *c = &n.contacts.v[i];
				const struct institution_row *x = NULL;
				for (size_t k = 0; k < n.inst.nr && !x; k++)
					if (n.inst.v[k].active &&
					    !strcmp(n.inst.v[k].id, c->institution))
						x = &n.inst.v[k];
				if (!x)
					continue;
				bool checked = false;
				for (size_t k = 0; k < n.att.nr; k++)
					checked |= n.att.v[k].meeting_id == sel->meeting_id &&
						   n.att.v[k].user_id == c->user_id &&
						   n.att.v[k].present;
				struct strbuf id = STRBUF_INIT, label = STRBUF_INIT;
				strbuf_addf(&id, "deltog-%lld", c->user_id);
				strbuf_addf(&label, "%s (%s)", c->name, x->name);
				checkbox_field(&p.main, id.buf, "ja", checked, label.buf);
				strbuf_release(&id);
				strbuf_release(&label);
			}
			html_printf(&p.main, "</fieldset>\n");
			submit_button(&p.main, "primary", _("Gem fremmøde"));
			html_printf(&p.main, "</form>\n");
		}
	}
	page_finish(rq, status, &p);
	school_network_release(&n);
}

void h_theme_day(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	theme_day_page(rq, 200, year, NULL);
}

/* The year the theme-day form was posted for, or 0. */
static int form_year(struct request *rq)
{
	int v;
	if (cal_parse_year(fget(rq, "aar"), &v) < 0)
		return 0;
	return v >= PLAN_YEAR_MIN && v <= PLAN_YEAR_MAX ? v : 0;
}

void h_theme_day_post(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	const char *ms = fget(rq, "moede");
	long long meeting = 0;
	long long *present = xcalloc(rq->form.nr + 1, sizeof(*present));
	size_t n = 0;
	bool bad = !id_parse(ms, &meeting);
	for (size_t i = 0; i < rq->form.nr && !bad; i++) {
		const struct form_field *f = &rq->form.v[i];
		if (strncmp(f->key, "deltog-", 7))
			continue;
		long long uid;
		if (!id_parse(f->key + 7, &uid) || strcmp(f->value, "ja")) {
			svc_fail(&r, SVC_INVALID, "deltog", "%s",
				 _("Formularen har et ugyldigt afkrydsningsfelt."));
			break;
		}
		present[n++] = uid;
	}
	if (bad)
		svc_fail(&r, SVC_INVALID, "meeting", "%s", _("Vælg en temadag."));
	if (r.status == SVC_OK &&
	    svc_theme_day_record(rq->svc, &rq->actor, meeting, present, n, &r) == 0) {
		free(present);
		/* aar is echoed only when it is a year */
		struct strbuf loc = STRBUF_INIT;
		int y = form_year(rq);
		if (y)
			strbuf_addf(&loc, "/skoler/temadag?aar=%d&ok=temadag", y);
		else
			strbuf_addstr(&loc, "/skoler/temadag?ok=temadag");
		resp_redirect(rq, loc.buf);
		strbuf_release(&loc);
		return;
	}
	free(present);
	if (r.status == SVC_INVALID) {
		/* the page of the year the form was for */
		theme_day_page(rq, 422, form_year(rq), &r);
	} else {
		web_svc_error(rq, &r);
	}
	svc_result_clear(&r);
}
