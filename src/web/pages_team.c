/* pages_team.c - the SSP-team's daily work on the web (service/team.h):
 *
 *   /tilbud               the help landscape: search by text, age, district
 *                         and theme; offers not confirmed for a year are
 *                         flagged; the SSP-team adds and confirms offers
 *   /tilbud.csv           the same search as CSV
 *   /tilbud/{id}          the SSP-team edits an offer or takes it out of
 *                         the directory (/tilbud/{id}/fjern)
 *   /arrangementer        courses, training, theme days, parent evenings
 *                         and larger events of a year; the SSP-team adds
 *                         them and plans the strategy's recurring events
 *   /arrangementer.ics    the year's events as iCalendar
 *   /arrangementer/{id}   one event: sign up, registrations and attendance,
 *                         the duty roster (shifts), the evaluation; the
 *                         SSP-team edits (/ret, a page of its own) or
 *                         cancels (/aflys) it
 *
 * The door parses and renders; every decision is the service's. Forms are
 * shown to the roles the table allows, and refused by the service anyway.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/csv.h"
#include "service/meeting.h"
#include "service/team.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* The {id} of the path; answers 404 when it is no id. */
static bool page_id(struct request *rq, long long *id)
{
	return web_path_id(rq, 0, _("Der findes ingen side med den adresse."), id);
}

/* The strategy's districts as the value and label arrays of checkboxes()
 * (borrowed from o; free both). */
static size_t district_choices(const struct org *o, const char ***ids, const char ***names)
{
	*ids = xcalloc(o->districts_nr + 1, sizeof(**ids));
	*names = xcalloc(o->districts_nr + 1, sizeof(**names));
	for (size_t i = 0; i < o->districts_nr; i++) {
		(*ids)[i] = o->districts[i].id;
		(*names)[i] = o->districts[i].name;
	}
	return o->districts_nr;
}

/* A <select> of the strategy's districts with a first choice for none
 * (value ""), label all_label; sel the chosen id. */
static void district_select(struct html *h, const struct field *f, const struct org *o,
			    const char *all_label, const char *sel, const char *error)
{
	select_open(h, f, error);
	select_option(h, "", all_label, !sel || !*sel);
	for (size_t i = 0; i < o->districts_nr; i++)
		select_option(h, o->districts[i].id, o->districts[i].name,
			      sel && !strcmp(sel, o->districts[i].id));
	select_close(h);
}

/* "År 2026 · År 2028 · <extra>": the links to a yearly page's neighbours
 * and its export (href extra_href?aar=year). */
static void year_links(struct html *h, const char *path, int year, const char *extra_href,
		       const char *extra_label)
{
	html_printf(h,
		    "<p><a href=\"%s?aar=%d\">%s %d</a> · <a href=\"%s?aar=%d\">%s %d</a> · "
		    "<a href=\"%s?aar=%d\">%s</a></p>\n",
		    path, year - 1, _("År"), year - 1, path, year + 1, _("År"), year + 1,
		    extra_href, year, extra_label);
}

/* A checkbox group's values: the form refuses a repeated key, so the
 * boxes are named KEY-0, KEY-1, ... and carry their value. Borrowed from
 * the form; *out is owned. */
static bool group_key(const char *k, const char *key)
{
	size_t n = strlen(key);
	return !strncmp(k, key, n) && k[n] == '-' && k[n + 1] &&
	       strspn(k + n + 1, "0123456789") == strlen(k + n + 1);
}

static size_t form_all(const struct form *f, const char *key, const char ***out)
{
	size_t n = 0;
	*out = xcalloc(f->nr + 1, sizeof(**out));
	for (size_t i = 0; i < f->nr; i++)
		if (group_key(f->v[i].key, key))
			(*out)[n++] = f->v[i].value;
	return n;
}

static bool form_has(const struct form *f, const char *key, const char *value)
{
	for (size_t i = 0; i < f->nr; i++)
		if (group_key(f->v[i].key, key) && !strcmp(f->v[i].value, value))
			return true;
	return false;
}

/* form.c's textarea_field, with "(valgfrit)" after an optional field's
 * label as input_field writes it. */
static void textarea(struct html *h, const char *id, const char *label, const char *hint,
		     const char *value, const char *error, bool optional)
{
	struct strbuf l = STRBUF_INIT;
	strbuf_addstr(&l, label);
	if (optional)
		strbuf_addf(&l, " (%s)", _("valgfrit"));
	textarea_field(h, id, l.buf, hint, value, error, 4);
	strbuf_release(&l);
}

/* A fieldset of checkboxes named name: values[i] with labels[i], checked
 * as the form checked sent them, else as the list sel has them (NULL:
 * none). */
static void checkboxes(struct html *h, const char *name, const char *legend, const char *hint,
		       const char *const *values, const char *const *labels, size_t n,
		       const struct form *checked, const struct strlist *sel, const char *error)
{
	html_printf(h, "<fieldset class=\"form-group%s\"", error ? " form-error" : "");
	if (hint || error)
		html_printf(h, " aria-describedby=\"%s-hint\"", name);
	html_printf(h, ">\n<legend class=\"form-label\">%s</legend>\n", legend);
	if (hint || error)
		html_printf(h, "<span class=\"form-hint\" id=\"%s-hint\">%s%s%s</span>\n", name,
			    hint ? hint : "", hint && error ? " " : "", error ? error : "");
	html_printf(h, "<ul class=\"nobullet-list\">\n");
	for (size_t i = 0; i < n; i++)
		html_printf(h,
			    "<li><input class=\"form-checkbox\" type=\"checkbox\" id=\"%s-%zu\" "
			    "name=\"%s-%zu\" value=\"%s\"%s>"
			    "<label for=\"%s-%zu\">%s</label></li>\n",
			    name, i, name, i, values[i],
			    (checked ? form_has(checked, name, values[i])
				     : sel && strlist_has(sel, values[i]))
				? " checked"
				: "",
			    name, i, labels[i]);
	html_printf(h, "</ul>\n</fieldset>\n");
}

static void district_names(const struct org *o, const struct strlist *ids, struct strbuf *out)
{
	if (!ids->nr) {
		strbuf_addstr(out, _("Hele kommunen"));
		return;
	}
	for (size_t i = 0; i < ids->nr; i++) {
		const struct org_district *d = org_find_district(o, ids->v[i]);
		strbuf_addf(out, "%s%s", i ? ", " : "", d && d->name ? d->name : ids->v[i]);
	}
}

static void join(const struct strlist *l, struct strbuf *out)
{
	for (size_t i = 0; i < l->nr; i++)
		strbuf_addf(out, "%s%s", i ? ", " : "", l->v[i]);
}

/* ---- /tilbud ---- */

static const struct notice offer_notices[] = {
    {"oprettet", N_("Tilbuddet er tilføjet til oversigten.")},
    {"bekraeftet", N_("Tilbuddet er bekræftet.")},
    {"rettet", N_("Tilbuddet er rettet og dermed bekræftet.")},
    {"fjernet", N_("Tilbuddet er fjernet fra oversigten.")},
    {NULL, NULL},
};

static struct offer_query query_of(struct request *rq)
{
	return (struct offer_query){
	    form_get(&rq->query_form, "alder"), form_get(&rq->query_form, "distrikt"),
	    form_get(&rq->query_form, "tema"), form_get(&rq->query_form, "q")};
}

static void search_form(struct html *h, const struct org *o, const struct strlist *themes,
			const struct offer_query *q, const struct svc_result *r)
{
	html_printf(h,
		    "<form method=\"get\" action=\"/tilbud\" class=\"app-form\" role=\"search\" "
		    "aria-labelledby=\"soeg\">\n<h2 id=\"soeg\">%s</h2>\n",
		    _("Søg i tilbudsoversigten"));
	struct field f_q = {"q",     _("Søgeord"), "search",
			    q->text, "off",        _("Ord i navn, udbyder, henvisning eller tema."),
			    true,    false};
	input_field(h, &f_q, error_for(r, "q"));
	struct field f_age = {"alder", _("Den unges alder"), "number", q->age,
			      "off",   _("Fx 14."),          true,     false};
	input_field(h, &f_age, error_for(r, "age"));
	struct field f_d = {.id = "distrikt", .label = _("Distrikt"), .optional = true};
	district_select(h, &f_d, o, _("Alle distrikter"), q->district, error_for(r, "district"));
	struct field f_t = {.id = "tema", .label = _("Tema"), .optional = true};
	select_open(h, &f_t, error_for(r, "theme"));
	select_option(h, "", _("Alle temaer"), !q->theme || !*q->theme);
	for (size_t i = 0; i < themes->nr; i++)
		select_option(h, themes->v[i], themes->v[i],
			      q->theme && !strcmp(q->theme, themes->v[i]));
	select_close(h);
	submit_button(h, "primary", _("Søg"));
	html_printf(h, "</form>\n");
}

static void offers_table(struct request *rq, struct html *h, const struct org *o,
			 const struct offer_rows *l, bool may_edit)
{
	long today = svc_today();
	if (!l->nr) {
		html_printf(h, "<p>%s</p>\n", _("Ingen tilbud passer til søgningen."));
		return;
	}
	html_printf(h,
		    "<div class=\"table--responsive-scroll\">\n"
		    "<table class=\"table table--zebra\">\n<caption>%s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("Tilbud"), _("Tilbud"), _("Udbyder"), _("Alder"), _("Temaer"),
		    _("Distrikter"), _("Sådan henviser man"), _("Kontakt"), _("Sidst bekræftet"));
	for (size_t i = 0; i < l->nr; i++) {
		const struct offer_row *x = &l->v[i];
		struct strbuf th = STRBUF_INIT, di = STRBUF_INIT;
		join(&x->themes, &th);
		district_names(o, &x->districts, &di);
		char conf[40];
		web_dk_date(x->confirmed, conf);
		html_printf(h,
			    "<tr><th scope=\"row\">%s</th><td>%s</td><td>%d-%d %s</td><td>%s</td>"
			    "<td>%s</td><td class=\"app-pre\">%s</td><td>%s</td><td>%s",
			    x->name, x->provider, x->age_from, x->age_to, _("år"), th.buf, di.buf,
			    x->referral, x->contact ? x->contact : "", conf);
		if (offer_stale(x, today)) {
			html_printf(h,
				    "<br><span class=\"app-status app-status--at-risk\">%s</span>",
				    _("Ikke bekræftet i over et år"));
			if (may_edit) {
				html_printf(
				    h, "<form method=\"post\" action=\"/tilbud/%lld/bekraeft\">\n",
				    x->id);
				csrf_input(h, rq->session.csrf);
				html_printf(
				    h,
				    "<button type=\"submit\" class=\"button button-secondary\">"
				    "%s<span class=\"sr-only\"> %s</span></button>\n</form>\n",
				    _("Bekræft"), x->name);
			}
		}
		if (may_edit)
			html_printf(h,
				    "<br><a href=\"/tilbud/%lld\">%s<span class=\"sr-only\"> "
				    "%s</span></a>",
				    x->id, _("Ret eller fjern"), x->name);
		html_printf(h, "</td></tr>\n");
		strbuf_release(&th);
		strbuf_release(&di);
	}
	html_printf(h, "</tbody>\n</table>\n</div>\n");
}

/* The form of a new offer (x NULL) or of offer x: after a refused POST
 * (r not OK) it shows what was sent, else x's description. */
static void offer_form(struct request *rq, struct html *h, const struct org *o,
		       const struct strlist *themes, const struct svc_result *r,
		       const struct offer_row *x)
{
	bool keep = r && r->status != SVC_OK;
	char from[12] = "", to[12] = "", action[48];
	if (x) {
		snprintf(from, sizeof(from), "%d", x->age_from);
		snprintf(to, sizeof(to), "%d", x->age_to);
		snprintf(action, sizeof(action), "/tilbud/%lld", x->id);
	} else {
		snprintf(action, sizeof(action), "/tilbud");
	}
#define OFFER_VALUE(key, field) (keep ? fget(rq, key) : x ? (field) : NULL)
	html_printf(h, "<h2 id=\"tilbud-form\">%s</h2>\n",
		    x ? _("Ret tilbuddet") : _("Tilføj et tilbud"));
	form_error_summary(h, r);
	html_printf(h,
		    "<form method=\"post\" action=\"%s\" class=\"app-form\" "
		    "aria-labelledby=\"tilbud-form\">\n",
		    action);
	csrf_input(h, rq->session.csrf);
	struct field fs[] = {
	    {"name", _("Navn på tilbuddet"), "text", OFFER_VALUE("name", x->name), "off", NULL,
	     false, false},
	    {"provider", _("Udbyder"), "text", OFFER_VALUE("provider", x->provider), "off",
	     _("Kommunal enhed, politiet, en forening eller regionen."), false, false},
	    {"age_from", _("Alder fra"), "number", OFFER_VALUE("age_from", from), "off", NULL,
	     false, false},
	    {"age_to", _("Alder til"), "number", OFFER_VALUE("age_to", to), "off", NULL, false,
	     false},
	};
	for (size_t i = 0; i < sizeof(fs) / sizeof(*fs); i++)
		input_field(h, &fs[i], error_for(r, fs[i].id));
	checkboxes(h, "themes", _("Temaer"), NULL, (const char *const *)themes->v,
		   (const char *const *)themes->v, themes->nr, keep ? &rq->form : NULL,
		   x ? &x->themes : NULL, error_for(r, "themes"));
	const char **ids, **names;
	size_t nd = district_choices(o, &ids, &names);
	checkboxes(h, "districts", _("Distrikter"), _("Ingen valgt: hele kommunen."), ids, names,
		   nd, keep ? &rq->form : NULL, x ? &x->districts : NULL,
		   error_for(r, "districts"));
	free(ids);
	free(names);
	textarea(h, "referral", _("Sådan henviser man"),
		 _("Hvem må henvise, hvordan, og forventet ventetid."),
		 OFFER_VALUE("referral", x->referral), error_for(r, "referral"), false);
	struct field f_contact = {
	    "contact", _("Kontakt (funktion)"),
	    "text",    OFFER_VALUE("contact", x->contact),
	    "off",     _("En funktion eller et fællesnummer, ikke en privatperson."),
	    true,      false};
	input_field(h, &f_contact, error_for(r, "contact"));
#undef OFFER_VALUE
	submit_button(h, "primary", x ? _("Gem tilbuddet") : _("Tilføj tilbud"));
	html_printf(h, "</form>\n");
}

static void offers_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	struct org o;
	if (!web_load_org(rq, &o))
		return;
	struct strlist themes = STRLIST_INIT;
	struct svc_result lr = SVC_RESULT_INIT;
	struct offer_query q = query_of(rq);
	struct offer_rows l;
	memset(&l, 0, sizeof(l));
	if (svc_team_themes(rq->svc, &rq->actor, &themes, &lr) < 0) {
		web_svc_error(rq, &lr);
		goto out;
	}
	bool bad_search = svc_offers_list(rq->svc, &rq->actor, &q, &l, &lr) < 0;
	if (bad_search && lr.status != SVC_INVALID) {
		web_svc_error(rq, &lr);
		goto out;
	}
	struct page p;
	page_init(&p, _("Tilbudsoversigt"), "/tilbud");
	page_notice(rq, &p.main, offer_notices);
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Hjælpen, der findes for unge og familier: hvem tilbyder hvad, for hvilke "
		      "aldre og temaer, i hvilke distrikter, og hvordan man henviser."));
	if (bad_search)
		form_error_summary(&p.main, &lr);
	search_form(&p.main, &o, &themes, &q, bad_search ? &lr : NULL);
	struct strbuf csv = STRBUF_INIT;
	strbuf_addstr(&csv, "/tilbud.csv?alder=");
	url_encode(&csv, q.age ? q.age : "");
	strbuf_addstr(&csv, "&distrikt=");
	url_encode(&csv, q.district ? q.district : "");
	strbuf_addstr(&csv, "&tema=");
	url_encode(&csv, q.theme ? q.theme : "");
	strbuf_addstr(&csv, "&q=");
	url_encode(&csv, q.text ? q.text : "");
	html_printf(&p.main, "<h2>%s</h2>\n<p><a href=\"%s\">%s</a></p>\n", _("Tilbud"), csv.buf,
		    _("Hent søgningen som CSV (regneark)"));
	strbuf_release(&csv);
	bool may_edit = svc_may(rq->svc, &rq->actor, ACT_OFFER_EDIT);
	if (!bad_search)
		offers_table(rq, &p.main, &o, &l, may_edit);
	if (may_edit)
		offer_form(rq, &p.main, &o, &themes, r, NULL);
	page_finish(rq, status, &p);
out:
	svc_result_clear(&lr);
	offer_rows_release(&l);
	strlist_clear(&themes);
	org_release(&o);
}

void h_offers(struct request *rq)
{
	offers_page(rq, 200, NULL);
}

/* The offer form as the service reads it; free in->themes and
 * in->districts (the strings are the form's). */
static void offer_input_of(struct request *rq, struct offer_input *in)
{
	const char **themes, **districts;
	*in = (struct offer_input){fget(rq, "name"),
				   fget(rq, "provider"),
				   fget(rq, "referral"),
				   fget(rq, "contact"),
				   fget(rq, "age_from"),
				   fget(rq, "age_to"),
				   NULL,
				   0,
				   NULL,
				   0};
	in->themes_nr = form_all(&rq->form, "themes", &themes);
	in->districts_nr = form_all(&rq->form, "districts", &districts);
	in->themes = themes;
	in->districts = districts;
}

static void offer_input_release(struct offer_input *in)
{
	free((void *)in->themes);
	free((void *)in->districts);
}

void h_offers_add(struct request *rq)
{
	struct offer_input in;
	offer_input_of(rq, &in);
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offer_add(rq->svc, &rq->actor, &in, &id, &r) == 0)
		resp_redirect(rq, "/tilbud?ok=oprettet");
	else if (r.status == SVC_INVALID)
		offers_page(rq, 422, &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
	offer_input_release(&in);
}

/* /tilbud/{id}: the edit form of one offer, and its removal. */
static void offer_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct org o;
	if (!web_load_org(rq, &o))
		return;
	struct offer_row x;
	struct strlist themes = STRLIST_INIT;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_offer_get(rq->svc, &rq->actor, id, &x, &lr) < 0) {
		web_svc_fail(rq, &lr);
		org_release(&o);
		return;
	}
	if (svc_team_themes(rq->svc, &rq->actor, &themes, &lr) < 0) {
		web_svc_fail(rq, &lr);
		goto out;
	}
	char title[120];
	snprintf(title, sizeof(title), _("Ret tilbud: %.80s"), x.name);
	struct page p;
	page_init(&p, title, "/tilbud");
	char conf[40];
	web_dk_date(x.confirmed, conf);
	html_printf(&p.main, "<p>%s %s. %s</p>\n", _("Sidst bekræftet:"), conf,
		    _("Når tilbuddet gemmes, regnes det som bekræftet i dag."));
	offer_form(rq, &p.main, &o, &themes, r && r->status == SVC_INVALID ? r : NULL, &x);
	html_printf(&p.main, "<h2 id=\"fjern\">%s</h2>\n<p>%s</p>\n",
		    _("Fjern tilbuddet fra oversigten"),
		    _("Tilbuddet findes ikke længere, eller det er lukket. Det gemmes, men vises "
		      "ikke mere."));
	if (r && r->status != SVC_INVALID)
		form_error_summary(&p.main, r);
	html_printf(&p.main,
		    "<form method=\"post\" action=\"/tilbud/%lld/fjern\" "
		    "aria-labelledby=\"fjern\">\n",
		    x.id);
	csrf_input(&p.main, rq->session.csrf);
	submit_button(&p.main, "secondary", _("Fjern fra oversigten"));
	html_printf(&p.main, "</form>\n<p><a href=\"/tilbud\">%s</a></p>\n",
		    _("Tilbage til tilbudsoversigten"));
	page_finish(rq, status, &p);
out:
	strlist_clear(&themes);
	offer_row_release(&x);
	org_release(&o);
}

void h_offer(struct request *rq)
{
	offer_page(rq, 200, NULL);
}

void h_offer_edit(struct request *rq)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct offer_input in;
	offer_input_of(rq, &in);
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offer_update(rq->svc, &rq->actor, id, &in, &r) == 0)
		resp_redirect(rq, "/tilbud?ok=rettet");
	else if (r.status == SVC_INVALID)
		offer_page(rq, 422, &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
	offer_input_release(&in);
}

/* A POST on /tilbud/{id}/...: one call on the offer, then back to the
 * directory with notice ok. */
static void offer_action(struct request *rq,
			 int (*call)(struct service *, const struct actor *, long long,
				     struct svc_result *),
			 const char *ok)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	char loc[48];
	snprintf(loc, sizeof(loc), "/tilbud?ok=%s", ok);
	if (call(rq->svc, &rq->actor, id, &r) == 0)
		resp_redirect(rq, loc);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

void h_offer_remove(struct request *rq)
{
	offer_action(rq, svc_offer_remove, "fjernet");
}

void h_offer_confirm(struct request *rq)
{
	offer_action(rq, svc_offer_confirm, "bekraeftet");
}

void h_offers_csv(struct request *rq)
{
	struct offer_query q = query_of(rq);
	struct offer_rows l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_offers_list(rq->svc, &rq->actor, &q, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	long today = svc_today();
	strbuf_reset(&rq->rs.body);
	const char *head[] = {_("id"),
			      _("navn"),
			      _("udbyder"),
			      _("alder fra"),
			      _("alder til"),
			      _("temaer"),
			      _("distrikter"),
			      _("henvisning"),
			      _("kontakt"),
			      _("bekræftet"),
			      _("ikke bekræftet i et år")};
	csv_row(&rq->rs.body, head, sizeof(head) / sizeof(*head));
	for (size_t i = 0; i < l.nr; i++) {
		const struct offer_row *x = &l.v[i];
		char id[24], from[12], to[12], conf[11] = "";
		snprintf(id, sizeof(id), "%lld", x->id);
		snprintf(from, sizeof(from), "%d", x->age_from);
		snprintf(to, sizeof(to), "%d", x->age_to);
		if (x->confirmed != CAL_NO_DAY)
			cal_format_date(x->confirmed, conf);
		struct strbuf th = STRBUF_INIT, di = STRBUF_INIT;
		join(&x->themes, &th);
		join(&x->districts, &di);
		const char *row[] = {id,
				     x->name,
				     x->provider,
				     from,
				     to,
				     th.buf,
				     di.buf,
				     x->referral,
				     x->contact,
				     conf,
				     offer_stale(x, today) ? _("ja") : _("nej")};
		csv_row(&rq->rs.body, row, sizeof(row) / sizeof(*row));
		strbuf_release(&th);
		strbuf_release(&di);
	}
	offer_rows_release(&l);
	rq->rs.status = 200;
	rq->rs.content_type = "text/csv; charset=utf-8";
	resp_header(&rq->rs, "Content-Disposition", "attachment; filename=\"tilbud.csv\"");
	rq->responded = true;
}

/* ---- /arrangementer ---- */

static const struct notice event_notices[] = {
    {"oprettet", N_("Arrangementet er oprettet.")},
    {"tilmeldt", N_("Tilmeldingen er registreret.")},
    {"fremmoede", N_("Fremmødet er gemt.")},
    {"vagt", N_("Vagten er tilføjet til vagtplanen.")},
    {"evaluering", N_("Evalueringen er gemt.")},
    {"planlagt", N_("Årets tilbagevendende begivenheder er planlagt.")},
    {"rettet", N_("Arrangementet er rettet.")},
    {"aflyst", N_("Arrangementet er aflyst. Kalenderne viser det som aflyst.")},
    {NULL, NULL},
};

/* "20. juni 2027 kl. 18.00" */
static void dk_moment(long long m, char out[64])
{
	long day;
	int minute;
	team_moment_split(m, &day, &minute);
	char d[40];
	web_dk_date(day, d);
	snprintf(out, 64, "%s kl. %02u.%02u", d, (unsigned)(minute / 60) % 24u,
		 (unsigned)(minute % 60) % 60u);
}

/* The form of a new event (x NULL) or of event x, as offer_form. */
static void event_form(struct request *rq, struct html *h, const struct svc_result *r,
		       const struct event_row *x)
{
	bool keep = r && r->status != SVC_OK;
	char start[17] = "", end[17] = "", cap[12] = "", action[64];
	if (x) {
		team_format_moment(x->start, start);
		team_format_moment(x->end, end);
		if (x->capacity)
			snprintf(cap, sizeof(cap), "%d", x->capacity);
		snprintf(action, sizeof(action), "/arrangementer/%lld/ret", x->id);
	} else {
		snprintf(action, sizeof(action), "/arrangementer");
	}
#define EVENT_VALUE(key, field) (keep ? fget(rq, key) : x ? (field) : NULL)
	html_printf(h, "<h2 id=\"arrangement-form\">%s</h2>\n",
		    x ? _("Ret arrangementet") : _("Opret et arrangement"));
	form_error_summary(h, r);
	html_printf(h,
		    "<form method=\"post\" action=\"%s\" class=\"app-form\" "
		    "aria-labelledby=\"arrangement-form\">\n",
		    action);
	csrf_input(h, rq->session.csrf);
	const char *kind = EVENT_VALUE("kind", event_kind_id(x->kind));
	struct field f_kind = {.id = "kind", .label = _("Type")};
	select_open(h, &f_kind, error_for(r, "kind"));
	for (int k = 0; k < EVENT_KIND__COUNT; k++)
		select_option(h, event_kind_id((enum event_kind)k),
			      event_kind_label((enum event_kind)k),
			      kind && !strcmp(kind, event_kind_id((enum event_kind)k)));
	select_close(h);
	struct field fs[] = {
	    {"name", _("Navn"), "text", EVENT_VALUE("name", x->name), "off", NULL, false, false},
	    {"start", _("Start"), "datetime-local", EVENT_VALUE("start", start), "off",
	     _("Dato og klokkeslæt, fx 2027-06-20T18:00."), false, false},
	    {"end", _("Slut"), "datetime-local", EVENT_VALUE("end", end), "off", NULL, false,
	     false},
	    {"place", _("Sted"), "text", EVENT_VALUE("place", x->place), "off", NULL, false, false},
	    {"audience", _("Målgruppe"), "text", EVENT_VALUE("audience", x->audience), "off",
	     _("Fx lærere, nye SSP-kontaktpersoner eller forældre i 7. klasse."), true, false},
	    {"capacity", _("Antal pladser"), "number", EVENT_VALUE("capacity", cap), "off",
	     _("Tomt: ingen grænse."), true, false},
	    {"expected", _("Forventet publikum"), "text", EVENT_VALUE("expected", x->expected),
	     "off", _("Kun ved større begivenheder, fx 3.000 unge."), true, false},
	};
	for (size_t i = 0; i < sizeof(fs) / sizeof(*fs); i++)
		input_field(h, &fs[i], error_for(r, fs[i].id));
	textarea(h, "risk_notes", _("Risikovurdering"),
		 _("Generelt: tendenser og steder, aldrig navne på børn og unge."),
		 EVENT_VALUE("risk_notes", x->risk_notes), error_for(r, "risk_notes"), true);
	textarea(h, "call_list", _("Hvem ringer vi til"), _("Funktioner og fællesnumre."),
		 EVENT_VALUE("call_list", x->call_list), error_for(r, "call_list"), true);
#undef EVENT_VALUE
	submit_button(h, "primary", x ? _("Gem ændringerne") : _("Opret arrangement"));
	html_printf(h, "</form>\n");
}

static void events_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct event_rows l;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_events_list(rq->svc, &rq->actor, year, &l, &lr) < 0) {
		web_svc_fail(rq, &lr);
		return;
	}
	struct page p;
	page_init(&p, _("Kurser og arrangementer"), "/arrangementer");
	page_notice(rq, &p.main, event_notices);
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Kurser for fagprofessionelle, uddannelse af nye SSP-kontaktpersoner, "
		      "temadage, forældremøder og SSP's tilstedeværelse ved større begivenheder."));
	year_links(&p.main, "/arrangementer", year, "/arrangementer.ics",
		   _("Abonnér i kalenderen (ICS)"));
	html_printf(&p.main, "<h2>%s %d</h2>\n", _("Arrangementer i"), year);
	if (!l.nr) {
		html_printf(&p.main, "<p>%s</p>\n", _("Der er ingen arrangementer i året endnu."));
	} else {
		html_printf(&p.main,
			    "<div class=\"table--responsive-scroll\">\n"
			    "<table class=\"table table--zebra\">\n<caption>%s %d</caption>\n"
			    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
			    "<tbody>\n",
			    _("Arrangementer i"), year, _("Arrangement"), _("Type"), _("Start"),
			    _("Sted"), _("Pladser"), _("Din tilmelding"));
		for (size_t i = 0; i < l.nr; i++) {
			const struct event_row *e = &l.v[i];
			char when[64], places[48];
			dk_moment(e->start, when);
			if (e->capacity)
				snprintf(places, sizeof(places), _("%d af %d taget"), e->registered,
					 e->capacity);
			else
				snprintf(places, sizeof(places), _("%d tilmeldt"), e->registered);
			html_printf(&p.main,
				    "<tr><th scope=\"row\"><a href=\"/arrangementer/%lld\">%s</a>"
				    "</th><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
				    "</tr>\n",
				    e->id, e->name, event_kind_label(e->kind), when, e->place,
				    e->kind == EVENT_EVENT ? "–" : places,
				    e->mine ? _("Tilmeldt") : "–");
		}
		html_printf(&p.main, "</tbody>\n</table>\n</div>\n");
	}
	event_rows_release(&l);
	if (svc_may(rq->svc, &rq->actor, ACT_EVENT_EDIT)) {
		html_printf(&p.main, "<h2 id=\"tilbagevendende\">%s</h2>\n<p>%s</p>\n",
			    _("Tilbagevendende begivenheder"),
			    _("Strategifilen kan nævne årets byfester og andre faste begivenheder. "
			      "De, der endnu ikke er planlagt i året, oprettes som større "
			      "begivenheder, som derefter rettes til."));
		html_printf(&p.main,
			    "<form method=\"post\" action=\"/arrangementer/tilbagevendende\" "
			    "aria-labelledby=\"tilbagevendende\">\n"
			    "<input type=\"hidden\" name=\"aar\" value=\"%d\">\n",
			    year);
		csrf_input(&p.main, rq->session.csrf);
		if (r && error_for(r, "year"))
			alert(&p.main, "error", error_for(r, "year"));
		submit_button(&p.main, "secondary",
			      _("Planlæg årets tilbagevendende begivenheder"));
		html_printf(&p.main, "</form>\n");
		event_form(rq, &p.main, r && !error_for(r, "year") ? r : NULL, NULL);
	}
	page_finish(rq, status, &p);
}

void h_events(struct request *rq)
{
	events_page(rq, 200, NULL);
}

/* The event form as the service reads it (the strings are the form's). */
static struct event_input event_input_of(struct request *rq)
{
	return (struct event_input){fget(rq, "kind"),       fget(rq, "name"),
				    fget(rq, "start"),      fget(rq, "end"),
				    fget(rq, "place"),      fget(rq, "audience"),
				    fget(rq, "capacity"),   fget(rq, "expected"),
				    fget(rq, "risk_notes"), fget(rq, "call_list")};
}

void h_events_add(struct request *rq)
{
	struct event_input in = event_input_of(rq);
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_add(rq->svc, &rq->actor, &in, &id, &r) == 0) {
		char loc[64];
		snprintf(loc, sizeof(loc), "/arrangementer/%lld?ok=oprettet", id);
		resp_redirect(rq, loc);
	} else if (r.status == SVC_INVALID) {
		events_page(rq, 422, &r);
	} else {
		web_svc_error(rq, &r);
	}
	svc_result_clear(&r);
}

void h_events_recurring(struct request *rq)
{
	int year = 0;
	const char *s = fget(rq, "aar");
	struct svc_result r = SVC_RESULT_INIT;
	int created;
	if (cal_parse_year(s, &year) < 0)
		year = 0;
	if (svc_recurring_plan(rq->svc, &rq->actor, year, &created, &r) == 0) {
		char loc[64];
		snprintf(loc, sizeof(loc), "/arrangementer?aar=%d&ok=planlagt", year);
		resp_redirect(rq, loc);
	} else if (r.status == SVC_INVALID) {
		events_page(rq, 422, &r);
	} else {
		web_svc_error(rq, &r);
	}
	svc_result_clear(&r);
}

void h_events_ics(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	char *ics;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_events_ics(rq->svc, &rq->actor, year, &ics, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	strbuf_reset(&rq->rs.body);
	strbuf_addstr(&rq->rs.body, ics);
	free(ics);
	rq->rs.status = 200;
	rq->rs.content_type = "text/calendar; charset=utf-8";
	resp_header(&rq->rs, "Content-Disposition", "inline; filename=\"arrangementer-%d.ics\"",
		    year);
	rq->responded = true;
}

/* ---- /arrangementer/{id} ---- */

enum event_form { EF_NONE, EF_REGISTER, EF_ATTEND, EF_SHIFT, EF_EVAL, EF_CANCEL };

static void roster(struct request *rq, struct html *h, const struct event_detail *d,
		   enum event_form which, const struct svc_result *r)
{
	bool keep = which == EF_SHIFT && r && r->status != SVC_OK;
	html_printf(h, "<h2 id=\"vagtplan\">%s</h2>\n", _("Vagtplan"));
	if (!d->shifts.nr) {
		html_printf(h, "<p>%s</p>\n", _("Der er ingen vagter endnu."));
	} else {
		html_printf(h,
			    "<div class=\"table--responsive-scroll\">\n"
			    "<table class=\"table table--zebra\">\n<caption>%s</caption>\n"
			    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
			    "<tbody>\n",
			    _("Hvem har vagt hvornår"), _("Navn"), _("Fra"), _("Til"), _("Opgave"));
		for (size_t i = 0; i < d->shifts.nr; i++) {
			const struct shift_row *s = &d->shifts.v[i];
			char a[64], b[64];
			dk_moment(s->start, a);
			dk_moment(s->end, b);
			html_printf(h,
				    "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td>"
				    "</tr>\n",
				    s->name, a, b, s->task ? s->task : "");
		}
		html_printf(h, "</tbody>\n</table>\n</div>\n");
	}
	if (!d->may_edit)
		return;
	html_printf(h, "<h3 id=\"ny-vagt\">%s</h3>\n", _("Tilføj en vagt"));
	if (which == EF_SHIFT)
		form_error_summary(h, r);
	html_printf(
	    h,
	    "<form method=\"post\" action=\"/arrangementer/%lld/vagter\" class=\"app-form\" "
	    "aria-labelledby=\"ny-vagt\">\n",
	    d->ev.id);
	csrf_input(h, rq->session.csrf);
	const struct svc_result *er = which == EF_SHIFT ? r : NULL;
	struct field fs[] = {
	    {"username", _("Brugernavn"), "text", keep ? fget(rq, "username") : NULL, "off",
	     _("Den, der har vagten."), false, false},
	    {"start", _("Fra"), "datetime-local", keep ? fget(rq, "start") : NULL, "off", NULL,
	     false, false},
	    {"end", _("Til"), "datetime-local", keep ? fget(rq, "end") : NULL, "off", NULL, false,
	     false},
	    {"task", _("Opgave"), "text", keep ? fget(rq, "task") : NULL, "off",
	     _("Fx nattevandring eller bemanding af SSP-teltet."), true, false},
	};
	for (size_t i = 0; i < sizeof(fs) / sizeof(*fs); i++)
		input_field(h, &fs[i], error_for(er, fs[i].id));
	submit_button(h, "primary", _("Tilføj vagt"));
	html_printf(h, "</form>\n");
}

static void registrations(struct request *rq, struct html *h, const struct event_detail *d,
			  enum event_form which, const struct svc_result *r)
{
	html_printf(h, "<h2 id=\"tilmeldte\">%s</h2>\n", _("Tilmeldte og fremmøde"));
	if (which == EF_ATTEND)
		form_error_summary(h, r);
	if (!d->regs.nr) {
		html_printf(h, "<p>%s</p>\n", _("Ingen er tilmeldt endnu."));
	} else {
		html_printf(h,
			    "<form method=\"post\" action=\"/arrangementer/%lld/fremmoede\" "
			    "aria-labelledby=\"tilmeldte\">\n",
			    d->ev.id);
		csrf_input(h, rq->session.csrf);
		html_printf(h,
			    "<fieldset>\n<legend class=\"form-label\">%s</legend>\n"
			    "<ul class=\"nobullet-list\">\n",
			    _("Hvem kom?"));
		for (size_t i = 0; i < d->regs.nr; i++) {
			const struct registration_row *g = &d->regs.v[i];
			html_printf(h,
				    "<li><input class=\"form-checkbox\" type=\"checkbox\" "
				    "id=\"present-%zu\" name=\"present-%zu\" value=\"%s\"%s>"
				    "<label for=\"present-%zu\">%s (%s)</label></li>\n",
				    i, i, g->username, g->attended == 1 ? " checked" : "", i,
				    g->name, g->username);
		}
		html_printf(h, "</ul>\n</fieldset>\n");
		submit_button(h, "secondary", _("Gem fremmøde"));
		html_printf(h, "</form>\n");
	}
	html_printf(h, "<h3 id=\"tilmeld-andre\">%s</h3>\n", _("Tilmeld en anden"));
	if (which == EF_REGISTER)
		form_error_summary(h, r);
	html_printf(
	    h,
	    "<form method=\"post\" action=\"/arrangementer/%lld/tilmeld\" class=\"app-form\" "
	    "aria-labelledby=\"tilmeld-andre\">\n",
	    d->ev.id);
	csrf_input(h, rq->session.csrf);
	struct field f = {"username", _("Brugernavn"), "text", NULL, "off", NULL, false, false};
	input_field(h, &f, which == EF_REGISTER ? error_for(r, "username") : NULL);
	submit_button(h, "secondary", _("Tilmeld"));
	html_printf(h, "</form>\n");
}

static void event_page(struct request *rq, unsigned status, enum event_form which,
		       const struct svc_result *r)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct event_detail d;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_event_get(rq->svc, &rq->actor, id, &d, &lr) < 0) {
		web_svc_fail(rq, &lr);
		return;
	}
	struct page p;
	page_init(&p, d.ev.name, "/arrangementer");
	page_notice(rq, &p.main, event_notices);
	if (d.ev.cancelled)
		alert(&p.main, "warning", _("Arrangementet er aflyst."));
	if (which == EF_CANCEL && !d.may_edit)
		form_error_summary(&p.main, r);
	char a[64], b[64], cap[32];
	dk_moment(d.ev.start, a);
	dk_moment(d.ev.end, b);
	html_printf(&p.main,
		    "<dl class=\"app-dl\">\n<dt>%s</dt><dd>%s</dd>\n"
		    "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
		    "<dt>%s</dt><dd>%s</dd>\n",
		    _("Type"), event_kind_label(d.ev.kind), _("Start"), a, _("Slut"), b, _("Sted"),
		    d.ev.place);
	if (d.ev.audience)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Målgruppe"), d.ev.audience);
	if (d.ev.kind != EVENT_EVENT) {
		if (d.ev.capacity)
			snprintf(cap, sizeof(cap), _("%d af %d taget"), d.ev.registered,
				 d.ev.capacity);
		else
			snprintf(cap, sizeof(cap), _("%d tilmeldt"), d.ev.registered);
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Pladser"), cap);
	}
	if (d.ev.expected)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Forventet publikum"),
			    d.ev.expected);
	if (d.ev.risk_notes)
		html_printf(&p.main, "<dt>%s</dt><dd class=\"app-pre\">%s</dd>\n",
			    _("Risikovurdering"), d.ev.risk_notes);
	if (d.ev.call_list)
		html_printf(&p.main, "<dt>%s</dt><dd class=\"app-pre\">%s</dd>\n",
			    _("Hvem ringer vi til"), d.ev.call_list);
	html_printf(&p.main, "</dl>\n");
	if (d.ev.kind != EVENT_EVENT) {
		if (d.ev.mine) {
			alert(&p.main, "info", _("Du er tilmeldt."));
		} else if (d.may_register) {
			if (which == EF_REGISTER && !d.may_edit)
				form_error_summary(&p.main, r);
			html_printf(
			    &p.main,
			    "<form method=\"post\" action=\"/arrangementer/%lld/tilmeld\">\n",
			    d.ev.id);
			csrf_input(&p.main, rq->session.csrf);
			submit_button(&p.main, "primary", _("Tilmeld mig"));
			html_printf(&p.main, "</form>\n");
		} else {
			html_printf(
			    &p.main, "<p>%s</p>\n",
			    _("Tilmeldingen er lukket: arrangementet er fuldt, aflyst eller "
			      "begyndt."));
		}
		if (d.may_edit)
			registrations(rq, &p.main, &d, which, r);
	}
	if (d.ev.kind == EVENT_EVENT) {
		html_printf(&p.main, "<h2>%s</h2>\n", _("Mødet før begivenheden"));
		if (d.hotspot_day != CAL_NO_DAY && !d.ev.cancelled) {
			char when[40];
			web_dk_date(d.hotspot_day, when);
			html_printf(&p.main, "<p>%s ", _("Beredskabet tages op på"));
			if (d.hotspot_id)
				html_printf(&p.main, "<a href=\"/moeder/%lld\">%s %s %s</a>",
					    d.hotspot_id, d.hotspot_body, _("den"), when);
			else
				html_printf(&p.main, "%s %s %s", d.hotspot_body, _("den"), when);
			html_printf(
			    &p.main, ". %s</p>\n",
			    _("Begivenheden står som foreslået punkt på mødets dagsorden."));
		} else {
			html_printf(
			    &p.main, "<p>%s</p>\n",
			    d.hotspot_body
				? _("Der er intet planlagt møde i forummet før begivenheden.")
				: _("Strategien nævner intet forum, der tager større "
				    "begivenheder op ([ssp-team] beredskabsforum)."));
		}
	}
	if (d.ev.kind == EVENT_EVENT || d.shifts.nr)
		roster(rq, &p.main, &d, which, r);
	if (d.may_edit) {
		html_printf(&p.main, "<h2 id=\"evaluering\">%s</h2>\n", _("Evaluering"));
		if (which == EF_EVAL)
			form_error_summary(&p.main, r);
		html_printf(&p.main,
			    "<form method=\"post\" action=\"/arrangementer/%lld/evaluering\" "
			    "class=\"app-form\" aria-labelledby=\"evaluering\">\n",
			    d.ev.id);
		csrf_input(&p.main, rq->session.csrf);
		textarea(&p.main, "text", _("Kort evaluering bagefter"),
			 _("Hvad gik godt, hvad gør vi anderledes næste gang? Ingen navne."),
			 which == EF_EVAL && r ? fget(rq, "text") : d.ev.evaluation,
			 which == EF_EVAL ? error_for(r, "evaluation") : NULL, true);
		submit_button(&p.main, "secondary", _("Gem evaluering"));
		html_printf(&p.main, "</form>\n");
		html_printf(&p.main,
			    "<h2>%s</h2>\n<p><a href=\"/arrangementer/%lld/ret\">%s</a></p>\n",
			    _("Ret arrangementet"), d.ev.id,
			    _("Ret navn, tid, sted, pladser og beredskab"));
		html_printf(&p.main, "<h2 id=\"aflys\">%s</h2>\n<p>%s</p>\n",
			    _("Aflys arrangementet"),
			    _("Arrangementet bliver stående som aflyst, tilmeldingen lukker, og "
			      "kalenderne viser det som aflyst."));
		if (which == EF_CANCEL)
			form_error_summary(&p.main, r);
		html_printf(&p.main,
			    "<form method=\"post\" action=\"/arrangementer/%lld/aflys\" "
			    "aria-labelledby=\"aflys\">\n",
			    d.ev.id);
		csrf_input(&p.main, rq->session.csrf);
		submit_button(&p.main, "secondary", _("Aflys arrangementet"));
		html_printf(&p.main, "</form>\n");
	} else if (d.ev.evaluation) {
		html_printf(&p.main, "<h2>%s</h2>\n<p class=\"app-pre\">%s</p>\n", _("Evaluering"),
			    d.ev.evaluation);
	}
	html_printf(&p.main, "<p><a href=\"/arrangementer\">%s</a></p>\n",
		    _("Alle kurser og arrangementer"));
	page_finish(rq, status, &p); /* the title is d's */
	event_detail_release(&d);
}

void h_event(struct request *rq)
{
	event_page(rq, 200, EF_NONE, NULL);
}

/* After a POST on /arrangementer/{id}: back to the page with a notice, or
 * the page again with the error where the form is. */
static void event_done(struct request *rq, int rc, struct svc_result *r, enum event_form which,
		       const char *ok)
{
	if (rc == 0) {
		char loc[200];
		snprintf(loc, sizeof(loc), "/arrangementer/%s?ok=%s", rq->params[0], ok);
		resp_redirect(rq, loc);
	} else if (r->status == SVC_INVALID || r->status == SVC_CONFLICT) {
		event_page(rq, http_status_for(r->status), which, r);
	} else {
		web_svc_error(rq, r);
	}
	svc_result_clear(r);
}

void h_event_register(struct request *rq)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	const char *who = form_get(&rq->form, "username");
	int rc = svc_event_register(rq->svc, &rq->actor, id, who, &r);
	event_done(rq, rc, &r, EF_REGISTER, "tilmeldt");
}

void h_event_attendance(struct request *rq)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	const char **present;
	size_t n = form_all(&rq->form, "present", &present);
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_event_attendance(rq->svc, &rq->actor, id, present, n, &r);
	free(present);
	event_done(rq, rc, &r, EF_ATTEND, "fremmoede");
}

void h_event_shift(struct request *rq)
{
	long long id, sid;
	if (!page_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_shift_add(rq->svc, &rq->actor, id, fget(rq, "username"), fget(rq, "start"),
			       fget(rq, "end"), fget(rq, "task"), &sid, &r);
	event_done(rq, rc, &r, EF_SHIFT, "vagt");
}

/* /arrangementer/{id}/ret: the edit form on a page of its own (the
 * event's page has the shift form, whose fields share these ids). */
static void event_edit_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct event_detail d;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_event_get(rq->svc, &rq->actor, id, &d, &lr) < 0) {
		web_svc_fail(rq, &lr);
		return;
	}
	char title[120];
	snprintf(title, sizeof(title), _("Ret arrangement: %.80s"), d.ev.name);
	struct page p;
	page_init(&p, title, "/arrangementer");
	if (!d.may_edit)
		alert(&p.main, "warning",
		      _("Arrangementet er aflyst og kan ikke rettes. Opret et nyt i stedet."));
	else
		event_form(rq, &p.main, r, &d.ev);
	html_printf(&p.main, "<p><a href=\"/arrangementer/%lld\">%s</a></p>\n", d.ev.id,
		    _("Tilbage til arrangementet"));
	page_finish(rq, status, &p);
	event_detail_release(&d);
}

void h_event_edit_form(struct request *rq)
{
	event_edit_page(rq, 200, NULL);
}

void h_event_edit(struct request *rq)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct event_input in = event_input_of(rq);
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_event_update(rq->svc, &rq->actor, id, &in, &r) == 0) {
		char loc[64];
		snprintf(loc, sizeof(loc), "/arrangementer/%lld?ok=rettet", id);
		resp_redirect(rq, loc);
	} else if (r.status == SVC_INVALID || r.status == SVC_CONFLICT) {
		event_edit_page(rq, http_status_for(r.status), &r);
	} else {
		web_svc_error(rq, &r);
	}
	svc_result_clear(&r);
}

void h_event_cancel(struct request *rq)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_event_cancel(rq->svc, &rq->actor, id, &r);
	event_done(rq, rc, &r, EF_CANCEL, "aflyst");
}

void h_event_evaluation(struct request *rq)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_event_evaluation(rq->svc, &rq->actor, id, fget(rq, "text"), &r);
	event_done(rq, rc, &r, EF_EVAL, "evaluering");
}

/* ---- the training rule on /overholdelse ---- */

void training_section(struct request *rq, struct html *h, long as_of)
{
	struct training_report t;
	struct svc_result r = SVC_RESULT_INIT;
	html_printf(h, "<h2 id=\"uddannelse\">%s</h2>\n",
		    _("Uddannelse af nye SSP-kontaktpersoner"));
	if (svc_training_report(rq->svc, &rq->actor, as_of, &t, &r) < 0) {
		alert(h, "error", r.message ? r.message : _("Kunne ikke hentes."));
		svc_result_clear(&r);
		return;
	}
	char rule[200];
	snprintf(rule, sizeof(rule),
		 t.default_used ? _("En ny SSP-kontaktperson uddannes inden for %d måneder "
				    "(standardværdien: strategifilen angiver intet).")
				: _("En ny SSP-kontaktperson uddannes inden for %d måneder "
				    "(strategifilen)."),
		 t.months);
	html_printf(h, "<p>%s</p>\n", rule);
	if (!t.untrained) {
		alert(h, "success",
		      t.rows.nr ? _("Alle kontaktpersoner er uddannet.")
				: _("Der er ingen kontaktpersoner endnu."));
		training_report_release(&t);
		return;
	}
	html_printf(h,
		    "<div class=\"table--responsive-scroll\">\n"
		    "<table class=\"table table--zebra\">\n<caption>%s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("Kontaktpersoner, der ikke er uddannet"), _("Kontaktperson"),
		    _("Institution"), _("Frist"), _("Status"));
	for (size_t i = 0; i < t.rows.nr; i++) {
		const struct trainee_row *x = &t.rows.v[i];
		if (t.status[i] == TRAINING_DONE)
			continue;
		char deadline[40];
		web_dk_date(t.deadline[i], deadline);
		bool overdue = t.status[i] == TRAINING_OVERDUE;
		html_printf(h,
			    "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td><span "
			    "class=\"app-status app-status--%s\">%s</span></td></tr>\n",
			    x->name, x->institution ? x->institution : "", deadline,
			    overdue ? "at-risk" : "behind", training_status_label(t.status[i]));
	}
	html_printf(h, "</tbody>\n</table>\n</div>\n<p><a href=\"/arrangementer\">%s</a></p>\n",
		    _("Se og opret uddannelser under Kurser og arrangementer"));
	training_report_release(&t);
}

/* ---- knowledge notes: /viden and the front page ---- */

static const struct notice note_notices[] = {
    {"oprettet", N_("Vidensnotatet er sendt.")},
    {"laest", N_("Notatet er markeret som læst.")},
    {NULL, NULL},
};

/* The note's text: escaped, line breaks kept (app-pre), and every word
 * that starts with http:// or https:// as a link to itself (text and
 * links only: the address goes through html_printf's escaping, and no
 * other scheme can become a link). */
static void note_text(struct html *h, const char *text)
{
	html_printf(h, "<p class=\"app-pre\">");
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, " \t\r\n");
		if (n && (!strncmp(p, "https://", 8) || !strncmp(p, "http://", 7))) {
			char *url = xstrndup(p, n);
			html_printf(h, "<a href=\"%s\">%s</a>", url, url);
			free(url);
		} else if (n) {
			char *w = xstrndup(p, n);
			html_printf(h, "%s", w);
			free(w);
		}
		p += n;
		size_t ws = strspn(p, " \t\r\n");
		if (ws) {
			char *w = xstrndup(p, ws);
			html_printf(h, "%s", w);
			free(w);
		}
		p += ws;
	}
	html_printf(h, "</p>\n");
}

static void note_audience(const struct org *o, const struct note_row *n, struct strbuf *out)
{
	for (size_t i = 0; i < n->roles.nr; i++) {
		enum role role;
		strbuf_addf(out, "%s%s", out->len ? ", " : "",
			    role_parse(n->roles.v[i], &role) == 0 ? role_label(role)
								  : n->roles.v[i]);
	}
	for (size_t i = 0; i < n->bodies.nr; i++) {
		const struct org_body *b = o ? org_find_body(o, n->bodies.v[i]) : NULL;
		strbuf_addf(out, "%s%s", out->len ? ", " : "", b ? b->name : n->bodies.v[i]);
	}
}

static void note_article(struct request *rq, struct html *h, const struct org *o,
			 const struct note_row *n, bool read_button)
{
	char stamp[11] = "";
	if (n->created_at)
		snprintf(stamp, sizeof(stamp), "%.10s", n->created_at);
	struct date d;
	char when[40] = "";
	if (cal_parse_date(stamp, &d) == 0)
		web_dk_date(cal_days(d), when);
	struct strbuf aud = STRBUF_INIT;
	note_audience(o, n, &aud);
	html_printf(
	    h,
	    "<article class=\"app-note\">\n<h3>%s</h3>\n<p class=\"form-hint\">%s %s · %s %s</p>\n",
	    n->title, when, n->created_by ? n->created_by : "", _("Til:"), aud.buf);
	strbuf_release(&aud);
	note_text(h, n->body);
	if (read_button && !n->read) {
		html_printf(h, "<form method=\"post\" action=\"/viden/%lld/laest\">\n", n->id);
		csrf_input(h, rq->session.csrf);
		html_printf(h,
			    "<button type=\"submit\" class=\"button button-secondary\">%s<span "
			    "class=\"sr-only\"> %s</span></button>\n</form>\n",
			    _("Markér som læst"), n->title);
	}
	html_printf(h, "</article>\n");
}

static void note_form(struct request *rq, struct html *h, const struct org *o,
		      const struct svc_result *r)
{
	bool keep = r && r->status != SVC_OK;
	html_printf(h, "<h2 id=\"nyt-notat\">%s</h2>\n", _("Skriv et vidensnotat"));
	form_error_summary(h, r);
	html_printf(h, "<form method=\"post\" action=\"/viden\" class=\"app-form\" "
		       "aria-labelledby=\"nyt-notat\">\n");
	csrf_input(h, rq->session.csrf);
	struct field f_title = {
	    "title", _("Overskrift"), "text", keep ? fget(rq, "title") : NULL, "off",
	    NULL,    false,           false};
	input_field(h, &f_title, error_for(r, "title"));
	textarea(h, "body", _("Tekst"),
		 _("Ny forskning, lovændringer eller lokale tendenser i generelle vendinger. Tekst "
		   "og links; ingen navne på børn og unge."),
		 keep ? fget(rq, "body") : NULL, error_for(r, "body"), false);
	const char *rids[ROLE__COUNT], *rlabels[ROLE__COUNT];
	for (int i = 0; i < ROLE__COUNT; i++) {
		rids[i] = role_id((enum role)i);
		rlabels[i] = role_label((enum role)i);
	}
	checkboxes(h, "roles", _("Til roller"), NULL, rids, rlabels, ROLE__COUNT,
		   keep ? &rq->form : NULL, NULL, error_for(r, "roles"));
	const char **bids = xcalloc(o->bodies_nr + 1, sizeof(*bids));
	const char **bnames = xcalloc(o->bodies_nr + 1, sizeof(*bnames));
	for (size_t i = 0; i < o->bodies_nr; i++) {
		bids[i] = o->bodies[i].id;
		bnames[i] = o->bodies[i].name;
	}
	checkboxes(h, "bodies", _("Til fora"), _("Deltagerne i forummet får notatet."), bids,
		   bnames, o->bodies_nr, keep ? &rq->form : NULL, NULL, error_for(r, "bodies"));
	free(bids);
	free(bnames);
	submit_button(h, "primary", _("Send notat"));
	html_printf(h, "</form>\n");
}

static void notes_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	struct org o;
	if (!web_load_org(rq, &o))
		return;
	struct note_rows l;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_notes_list(rq->svc, &rq->actor, false, &l, &lr) < 0) {
		web_svc_fail(rq, &lr);
		org_release(&o);
		return;
	}
	struct page p;
	page_init(&p, _("Viden til netværket"), "/viden");
	page_notice(rq, &p.main, note_notices);
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Korte vidensnotater fra SSP-teamet: ny forskning, lovændringer og lokale "
		      "tendenser i generelle vendinger. Ulæste notater står på forsiden."));
	html_printf(&p.main, "<h2>%s</h2>\n", _("Notater"));
	if (!l.nr)
		html_printf(&p.main, "<p>%s</p>\n", _("Der er ingen vidensnotater endnu."));
	for (size_t i = 0; i < l.nr; i++)
		note_article(rq, &p.main, &o, &l.v[i], false);
	if (svc_may(rq->svc, &rq->actor, ACT_NOTE_WRITE))
		note_form(rq, &p.main, &o, r);
	page_finish(rq, status, &p);
	note_rows_release(&l);
	org_release(&o);
}

void h_notes(struct request *rq)
{
	notes_page(rq, 200, NULL);
}

void h_notes_add(struct request *rq)
{
	const char **roles, **bodies;
	size_t nr = form_all(&rq->form, "roles", &roles);
	size_t nb = form_all(&rq->form, "bodies", &bodies);
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_note_add(rq->svc, &rq->actor, fget(rq, "title"), fget(rq, "body"), roles, nr,
			 bodies, nb, &id, &r) == 0)
		resp_redirect(rq, "/viden?ok=oprettet");
	else if (r.status == SVC_INVALID)
		notes_page(rq, 422, &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
	free(roles);
	free(bodies);
}

void h_note_read(struct request *rq)
{
	long long id;
	if (!page_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_note_read(rq->svc, &rq->actor, id, &r) == 0)
		resp_redirect(rq, "/?ok=laest");
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

void home_team_section(struct request *rq, struct html *h)
{
	struct note_rows l;
	struct svc_result r = SVC_RESULT_INIT;
	page_notice(rq, h, note_notices);
	if (svc_notes_list(rq->svc, &rq->actor, true, &l, &r) == 0) {
		html_printf(h, "<section aria-labelledby=\"viden\">\n<h2 id=\"viden\">%s</h2>\n",
			    _("Ny viden til dig"));
		if (!l.nr)
			html_printf(h, "<p>%s</p>\n", _("Du har ingen ulæste vidensnotater."));
		for (size_t i = 0; i < l.nr; i++)
			note_article(rq, h, NULL, &l.v[i], true);
		html_printf(h, "<p><a href=\"/viden\">%s</a></p>\n</section>\n",
			    _("Tidligere vidensnotater"));
		note_rows_release(&l);
	}
	svc_result_clear(&r);
	struct offer_rows o;
	if (svc_offers_stale_mine(rq->svc, &rq->actor, &o, &r) == 0 && o.nr) {
		char msg[200];
		snprintf(msg, sizeof(msg),
			 o.nr == 1 ? _("Du ejer %zu tilbud, der ikke er bekræftet i over et år.")
				   : _("Du ejer %zu tilbud, der ikke er bekræftet i over et år."),
			 o.nr);
		html_printf(h,
			    "<section aria-labelledby=\"tilbud-bekraeft\">\n<h2 "
			    "id=\"tilbud-bekraeft\">%s</h2>\n",
			    _("Tilbud, der skal bekræftes"));
		alert(h, "warning", msg);
		html_printf(h, "<ul>\n");
		for (size_t i = 0; i < o.nr; i++)
			html_printf(h, "<li>%s</li>\n", o.v[i].name);
		html_printf(h, "</ul>\n<p><a href=\"/tilbud\">%s</a></p>\n</section>\n",
			    _("Gå til tilbudsoversigten"));
	}
	if (r.status == SVC_OK)
		offer_rows_release(&o);
	svc_result_clear(&r);
}

/* ---- advice given: /raadgivning ---- */

static const struct notice advice_notices[] = {
    {"oprettet", N_("Rådgivningen er registreret.")},
    {NULL, NULL},
};

static const char *district_name(const struct org *o, const char *id)
{
	if (!id)
		return _("Hele kommunen");
	const struct org_district *d = org_find_district(o, id);
	return d && d->name ? d->name : id;
}

static void advice_form(struct request *rq, struct html *h, const struct org *o,
			const struct strlist *themes, const struct svc_result *r)
{
	bool keep = r && r->status != SVC_OK;
	html_printf(h, "<h2 id=\"ny-raadgivning\">%s</h2>\n", _("Registrér rådgivning"));
	form_error_summary(h, r);
	html_printf(h, "<form method=\"post\" action=\"/raadgivning\" class=\"app-form\" "
		       "aria-labelledby=\"ny-raadgivning\">\n");
	csrf_input(h, rq->session.csrf);
	char today[11];
	cal_format_date(svc_today(), today);
	struct field f_day = {"day", _("Dato"), "date", keep ? fget(rq, "day") : today,
			      "off", NULL,      false,  false};
	input_field(h, &f_day, error_for(r, "day"));
	const char *asker = keep ? fget(rq, "asker") : NULL;
	struct field f_asker = {
	    .id = "asker", .label = _("Hvem spurgte"), .hint = _("En rolle, aldrig et navn.")};
	select_open(h, &f_asker, error_for(r, "asker"));
	for (int k = 0; k < ASKER__COUNT; k++)
		select_option(h, advice_asker_id((enum advice_asker)k),
			      advice_asker_label((enum advice_asker)k),
			      asker && !strcmp(asker, advice_asker_id((enum advice_asker)k)));
	select_close(h);
	const char *theme = keep ? fget(rq, "theme") : NULL;
	struct field f_theme = {.id = "theme", .label = _("Tema")};
	select_open(h, &f_theme, error_for(r, "theme"));
	for (size_t i = 0; i < themes->nr; i++)
		select_option(h, themes->v[i], themes->v[i], theme && !strcmp(theme, themes->v[i]));
	select_close(h);
	struct field f_d = {.id = "district", .label = _("Distrikt")};
	district_select(h, &f_d, o, _("Hele kommunen"), keep ? fget(rq, "district") : NULL,
			error_for(r, "district"));
	struct field f_min = {"minutes", _("Tidsforbrug i minutter"),
			      "number",  keep ? fget(rq, "minutes") : NULL,
			      "off",     NULL,
			      false,     false};
	input_field(h, &f_min, error_for(r, "minutes"));
	html_printf(
	    h,
	    "<fieldset class=\"form-group\">\n<legend class=\"form-label\">%s</legend>\n"
	    "<ul class=\"nobullet-list\">\n"
	    "<li><input class=\"form-checkbox\" type=\"checkbox\" id=\"referral\" "
	    "name=\"referral\" value=\"ja\"%s><label for=\"referral\">%s</label></li>\n"
	    "<li><input class=\"form-checkbox\" type=\"checkbox\" id=\"underretning\" "
	    "name=\"underretning\" value=\"ja\"%s><label for=\"underretning\">%s</label></li>\n"
	    "</ul>\n</fieldset>\n",
	    _("Førte til"), keep && *fget(rq, "referral") ? " checked" : "", _("En henvisning"),
	    keep && *fget(rq, "underretning") ? " checked" : "", _("En underretning"));
	submit_button(h, "primary", _("Registrér"));
	html_printf(h, "</form>\n");
}

static void advice_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct org o;
	if (!web_load_org(rq, &o))
		return;
	struct advice_counts c;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_advice_counts(rq->svc, &rq->actor, year, &c, &lr) < 0) {
		web_svc_fail(rq, &lr);
		org_release(&o);
		return;
	}
	struct page p;
	page_init(&p, _("Rådgivning"), "/raadgivning");
	page_notice(rq, &p.main, advice_notices);
	html_printf(
	    &p.main, "<p class=\"font-lead\">%s</p>\n",
	    _("SSP-teamets råd og vejledning til fagprofessionelle og forældre, uden navne: "
	      "hvem spurgte (en rolle), tema, distrikt og tid. Årets optællinger indgår i "
	      "evalueringen."));
	year_links(&p.main, "/raadgivning", year, "/raadgivning.csv",
		   _("Hent optællingen som CSV (regneark)"));
	html_printf(&p.main, "<h2>%s %d</h2>\n", _("Rådgivning i"), year);
	if (!c.nr) {
		html_printf(&p.main, "<p>%s</p>\n",
			    _("Der er ingen rådgivning registreret i året."));
	} else {
		html_printf(&p.main,
			    "<div class=\"table--responsive-scroll\">\n"
			    "<table class=\"table table--zebra\">\n<caption>%s %d</caption>\n"
			    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
			    "<tbody>\n",
			    _("Rådgivning efter tema og distrikt,"), year, _("Tema"), _("Distrikt"),
			    _("Antal"), _("Minutter"), _("Henvisninger"), _("Underretninger"));
		for (size_t i = 0; i < c.nr; i++)
			html_printf(&p.main,
				    "<tr><th scope=\"row\">%s</th><td>%s</td><td>%d</td><td>%d</td>"
				    "<td>%d</td><td>%d</td></tr>\n",
				    c.v[i].theme, district_name(&o, c.v[i].district), c.v[i].count,
				    c.v[i].minutes, c.v[i].referrals, c.v[i].underretninger);
		html_printf(&p.main, "</tbody>\n</table>\n</div>\n");
	}
	advice_counts_release(&c);
	if (svc_may(rq->svc, &rq->actor, ACT_ADVICE_RECORD)) {
		struct strlist themes = STRLIST_INIT;
		if (svc_team_themes(rq->svc, &rq->actor, &themes, &lr) == 0)
			advice_form(rq, &p.main, &o, &themes, r);
		svc_result_clear(&lr);
		strlist_clear(&themes);
	}
	page_finish(rq, status, &p);
	org_release(&o);
}

void h_advice(struct request *rq)
{
	advice_page(rq, 200, NULL);
}

void h_advice_add(struct request *rq)
{
	struct advice_input in = {fget(rq, "day"),
				  fget(rq, "asker"),
				  fget(rq, "theme"),
				  fget(rq, "district"),
				  fget(rq, "minutes"),
				  *fget(rq, "referral") != '\0',
				  *fget(rq, "underretning") != '\0'};
	long long id;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_advice_add(rq->svc, &rq->actor, &in, &id, &r) == 0)
		resp_redirect(rq, "/raadgivning?ok=oprettet");
	else if (r.status == SVC_INVALID)
		advice_page(rq, 422, &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

void h_advice_csv(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct advice_counts c;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_advice_counts(rq->svc, &rq->actor, year, &c, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	strbuf_reset(&rq->rs.body);
	const char *head[] = {_("år"),       _("tema"),         _("distrikt"),      _("antal"),
			      _("minutter"), _("henvisninger"), _("underretninger")};
	csv_row(&rq->rs.body, head, sizeof(head) / sizeof(*head));
	for (size_t i = 0; i < c.nr; i++) {
		char y[8], n[16], m[16], f[16], u[16];
		snprintf(y, sizeof(y), "%d", year);
		snprintf(n, sizeof(n), "%d", c.v[i].count);
		snprintf(m, sizeof(m), "%d", c.v[i].minutes);
		snprintf(f, sizeof(f), "%d", c.v[i].referrals);
		snprintf(u, sizeof(u), "%d", c.v[i].underretninger);
		const char *row[] = {
		    y, c.v[i].theme, c.v[i].district ? c.v[i].district : "", n, m, f, u};
		csv_row(&rq->rs.body, row, sizeof(row) / sizeof(*row));
	}
	advice_counts_release(&c);
	rq->rs.status = 200;
	rq->rs.content_type = "text/csv; charset=utf-8";
	resp_header(&rq->rs, "Content-Disposition", "attachment; filename=\"raadgivning-%d.csv\"",
		    year);
	rq->responded = true;
}
