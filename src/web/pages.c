/* pages.c - the HTML pages. Each handler runs after router.c has parsed its
 * input, identified the caller, checked CSRF and the role x action table;
 * it calls the service layer and renders with html.c inside layout.c's
 * frame. Forms post back to their own page and answer with a redirect
 * (303, post/redirect/get) or the same form with the errors marked.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/authz.h"
#include "domain/org.h"
#include "render/org_diagram.h"
#include "service/audit.h"
#include "service/guard.h"
#include "service/auth.h"
#include "service/crypto.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/kept.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* ---- form helpers (the widgets are in form.c) ---- */

void page_notice(struct request *rq, struct html *h, const struct notice *notices)
{
	const char *ok = form_get(&rq->query_form, "ok");
	if (!ok)
		return;
	for (size_t i = 0; notices[i].key; i++)
		if (!strcmp(ok, notices[i].key))
			alert(h, "success", _(notices[i].text));
}

static const struct notice user_notices[] = {
    {"logget-ud", N_("Du er logget ud.")},
    {"oprettet", N_("Brugeren er oprettet.")},
    {"rolle", N_("Brugerens rolle er ændret, og brugerens sessioner er afsluttet.")},
    {"deaktiveret", N_("Brugeren er deaktiveret, og brugerens sessioner og tokens er "
		       "ophævet.")},
    {"adgangskode", N_("Din adgangskode er skiftet.")},
    {"totp", N_("To-faktor-login er slået til.")},
    {NULL, NULL},
};

const char *fget(struct request *rq, const char *key)
{
	const char *v = form_get(&rq->form, key);
	return v ? v : "";
}

/* ---- healthz ---- */

void h_healthz(struct request *rq)
{
	resp_text(rq, 200, "ok");
}

/* ---- sign-in ---- */

static void login_page(struct request *rq, unsigned status, const char *csrf, const char *username,
		       const struct svc_result *r)
{
	struct page p;
	page_init(&p, _("Log ind"), NULL);
	page_notice(rq, &p.main, user_notices);
	form_error_summary(&p.main, r);
	html_printf(&p.main, "<form method=\"post\" action=\"/logind\" class=\"app-form\">\n");
	csrf_input(&p.main, csrf);
	struct field user = {"username", _("Brugernavn"), "text", username, "username",
			     NULL,       false,           false};
	struct field pw = {
	    "password", _("Adgangskode"), "password", NULL, "current-password", NULL, false, false};
	input_field(&p.main, &user, NULL);
	input_field(&p.main, &pw, NULL);
	html_printf(
	    &p.main,
	    "<button type=\"submit\" class=\"button button-primary\">%s</button>\n</form>\n",
	    _("Log ind"));
	html_printf(&p.main, "<p class=\"app-muted\">%s</p>\n",
		    _("Har du glemt din adgangskode, eller er din konto spærret, så kontakt "
		      "administratoren."));
	page_finish(rq, status, &p);
}

/* The pre-session CSRF token of the sign-in form (double submit): reuse the
 * browser's ssp_csrf cookie when it holds one the server issued (csrf.c),
 * else make and set one. */
static void login_csrf(struct request *rq, char out[AUTH_SECRET_LEN + 1])
{
	const char *ch = req_header(rq, MHD_HTTP_HEADER_COOKIE);
	const char *name = web_cookie_name(rq, "ssp_csrf");
	if (ch && cookie_get(ch, strlen(ch), name, out, AUTH_SECRET_LEN + 1) == AUTH_SECRET_LEN &&
	    web_login_token_valid(rq->srv, out))
		return;
	web_login_token_new(rq->srv, out);
	resp_csrf_cookie(rq, out);
}

static const char *after_login(enum session_state st)
{
	return st == SESSION_NEED_TOTP    ? "/logind/totp"
	       : st == SESSION_NEED_ENROL ? "/profil/totp"
					  : "/";
}

void h_login_form(struct request *rq)
{
	if (rq->id == ID_SESSION) {
		resp_redirect(rq, after_login(rq->session.state));
		return;
	}
	char csrf[AUTH_SECRET_LEN + 1];
	login_csrf(rq, csrf);
	login_page(rq, 200, csrf, NULL, NULL);
}

void h_login_post(struct request *rq)
{
	const char *user = fget(rq, "username"), *pw = fget(rq, "password");
	char csrf[AUTH_SECRET_LEN + 1];
	login_csrf(rq, csrf);
	struct svc_result r = SVC_RESULT_INIT;
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	if (!*user || !*pw) {
		svc_fail(&r, SVC_INVALID, NULL, "%s", _("Skriv både brugernavn og adgangskode."));
		login_page(rq, 422, csrf, user, &r);
	} else if (svc_login(rq->svc, user, pw, rq->client, cookie, &info, &r) == 0) {
		/* a session from before (another user) ends here */
		if (rq->id == ID_SESSION)
			svc_logout(rq->svc, rq->cookie, rq->client);
		resp_redirect(rq, after_login(info.state));
		resp_session_cookie(rq, cookie);
		sodium_memzero(cookie, sizeof(cookie));
	} else if (r.status == SVC_THROTTLED) {
		page_message(rq, 429, _("For mange forsøg"), r.message);
		resp_header(&rq->rs, MHD_HTTP_HEADER_RETRY_AFTER, "%d",
			    rq->srv->cfg->login_window_minutes * 60);
	} else if (r.status == SVC_UNAUTHENTICATED || r.status == SVC_INVALID) {
		login_page(rq, r.status == SVC_INVALID ? 422 : 401, csrf, user, &r);
	} else {
		web_svc_error(rq, &r);
	}
	svc_result_clear(&r);
}

static void totp_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	struct page p;
	page_init(&p, _("Tofaktorkode"), NULL);
	html_printf(&p.main, "<p>%s</p>\n",
		    _("Åbn din godkendelsesapp, og skriv den 6-cifrede kode, den viser for SSP."));
	form_error_summary(&p.main, r);
	html_printf(&p.main, "<form method=\"post\" action=\"/logind/totp\" class=\"app-form\">\n");
	csrf_input(&p.main, rq->session.csrf);
	struct field code = {"code", _("Kode"), "text", NULL, "one-time-code", NULL, false, true};
	input_field(&p.main, &code, error_for(r, "code"));
	html_printf(
	    &p.main,
	    "<button type=\"submit\" class=\"button button-primary\">%s</button>\n</form>\n",
	    _("Fortsæt"));
	page_finish(rq, status, &p);
}

void h_totp_form(struct request *rq)
{
	totp_page(rq, 200, NULL);
}

void h_totp_post(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	char cookie[AUTH_SECRET_LEN + 1];
	struct session_info info;
	if (svc_login_totp(rq->svc, rq->cookie, fget(rq, "code"), rq->client, cookie, &info, &r) ==
	    0) {
		resp_redirect(rq, after_login(info.state));
		resp_session_cookie(rq, cookie);
		sodium_memzero(cookie, sizeof(cookie));
	} else if (r.status == SVC_THROTTLED) {
		page_message(rq, 429, _("For mange forsøg"), r.message);
		resp_header(&rq->rs, MHD_HTTP_HEADER_RETRY_AFTER, "%d",
			    rq->srv->cfg->login_window_minutes * 60);
	} else if (r.status == SVC_INVALID ||
		   (r.status == SVC_UNAUTHENTICATED && r.field && !strcmp(r.field, "code"))) {
		totp_page(rq, 422, &r);
	} else if (r.status == SVC_UNAUTHENTICATED) {
		/* the half-finished session is gone: start over */
		resp_session_cookie(rq, NULL);
		resp_redirect(rq, "/logind");
	} else {
		web_svc_error(rq, &r);
	}
	svc_result_clear(&r);
}

void h_logout(struct request *rq)
{
	if (rq->id == ID_SESSION)
		svc_logout(rq->svc, rq->cookie, rq->client);
	resp_redirect(rq, "/logind?ok=logget-ud");
	resp_session_cookie(rq, NULL);
}

/* ---- forside ---- */

void h_home(struct request *rq)
{
	struct page p;
	page_init(&p, _("Forside"), "/");
	html_printf(&p.main, "<p class=\"font-lead\">%s %s.</p>\n", _("Velkommen,"),
		    rq->actor.username);
	home_meetings_section(rq, &p.main); /* pages_meetings.c */
	home_team_section(rq, &p.main);     /* pages_team.c */
	home_indsigt_section(rq, &p.main);  /* pages_indsigt.c */
	home_followup_section(rq, &p.main); /* pages_followup.c */
	if (svc_may(rq->svc, &rq->actor, ACT_ORG_VIEW))
		html_printf(&p.main,
			    "<section aria-labelledby=\"org\">\n<h2 id=\"org\">%s</h2>\n"
			    "<p><a href=\"/organisation\">%s</a></p>\n</section>\n",
			    _("Organisationen"),
			    _("Se SSP-organisationen: fora, medlemmer og mødefrekvenser"));
	page_finish(rq, 200, &p);
}

/* ---- organisation ---- */

bool web_load_org(struct request *rq, struct org *o)
{
	struct svc_result r = SVC_RESULT_INIT;
	org_init(o);
	if (svc_org_view(rq->svc, &rq->actor, o, &r) < 0) {
		web_svc_fail(rq, &r);
		org_release(o);
		return false;
	}
	return true;
}

/* The main part of /organisation: the organisation alone, the same for
 * every reader. */
static void org_main(struct html *h, const struct org *op)
{
	const struct org o = *op;
	if (o.municipality)
		html_printf(h, "<p class=\"font-lead\">%s %s</p>\n", _("SSP-samarbejdet i"),
			    o.municipality);
	if (o.bodies_nr == 0) {
		alert(h, "info",
		      _("Der er ingen organisation endnu. Indlæs strategien med »ssp init«."));
		return;
	}
	html_printf(h,
		    "<figure class=\"app-diagram\">\n"
		    "<img src=\"/organisation/diagram.svg\" alt=\"%s\">\n"
		    "<figcaption>%s</figcaption>\n</figure>\n",
		    _("Organisationsdiagram: SSP-samarbejdets fora niveau for niveau. Samme "
		      "indhold står som liste nedenfor."),
		    _("Organisationsdiagrammet. Listen nedenfor har samme indhold."));
	for (int l = 0; l < (int)org_levels_nr(&o); l++) {
		bool any = false;
		for (size_t i = 0; i < o.bodies_nr; i++)
			any |= o.bodies[i].level == l;
		if (!any)
			continue;
		html_printf(h, "<h2>%s</h2>\n<ul>\n", org_level_label_in(&o, l));
		for (size_t i = 0; i < o.bodies_nr; i++) {
			const struct org_body *b = &o.bodies[i];
			if (b->level != l)
				continue;
			html_printf(h, "<li><a href=\"/organisation/%s\">%s</a>", b->id, b->name);
			if (b->frequency_text)
				html_printf(h, " <span class=\"app-muted\">(%s)</span>",
					    b->frequency_text);
			html_printf(h, "</li>\n");
		}
		html_printf(h, "</ul>\n");
	}
	if (o.districts_nr) {
		html_printf(h, "<h2>%s</h2>\n<ul>\n", _("Distrikter og institutioner"));
		for (size_t d = 0; d < o.districts_nr; d++) {
			html_printf(h, "<li>%s", o.districts[d].name);
			bool first = true;
			for (size_t i = 0; i < o.institutions_nr; i++) {
				const struct org_institution *in = &o.institutions[i];
				if (!in->district || strcmp(in->district, o.districts[d].id))
					continue;
				html_printf(h, "%s%s", first ? ": " : ", ", in->name);
				first = false;
			}
			html_printf(h, "</li>\n");
		}
		html_printf(h, "</ul>\n");
	}
}

void h_org(struct request *rq)
{
	/* the organisation as loaded on this thread's connection, again only
	 * after a change (svc_org_view_cached); read only, not released */
	const struct org *op;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_org_view_cached(rq->svc, &rq->actor, &op, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	/* the main part as last rendered on this thread (web/kept.h) */
	const struct html *main = web_kept(rq->svc, KEPT_ORG_PAGE, op, org_main);
	struct page p;
	page_init(&p, _("Organisation"), "/organisation");
	html_append(&p.main, main);
	page_finish(rq, 200, &p);
}

static void list_or_none(struct html *h, const struct strlist *l)
{
	if (!l->nr) {
		html_printf(h, "<p>%s</p>\n", _("Ingen angivet."));
		return;
	}
	html_printf(h, "<ul>\n");
	for (size_t i = 0; i < l->nr; i++)
		html_printf(h, "<li>%s</li>\n", l->v[i]);
	html_printf(h, "</ul>\n");
}

void h_org_body(struct request *rq)
{
	struct org o;
	if (!web_load_org(rq, &o))
		return;
	const struct org_body *b = org_find_body(&o, rq->params[0]);
	if (!b) {
		org_release(&o);
		web_error(rq, 404, _("Organisationen har intet forum med den adresse."), NULL);
		return;
	}
	struct page p;
	page_init(&p, b->name, "/organisation");
	html_printf(
	    &p.main,
	    "<nav class=\"breadcrumbs\" aria-label=\"%s\">\n<ol class=\"breadcrumbs__list\">\n"
	    "<li class=\"breadcrumbs__list-item\"><a class=\"breadcrumbs__link\" "
	    "href=\"/organisation\">%s</a></li>\n"
	    "<li class=\"breadcrumbs__list-item\" aria-current=\"page\">%s</li>\n</ol>\n</nav>\n",
	    _("Brødkrumme"), _("Organisation"), b->name);
	html_printf(&p.main, "<dl class=\"app-facts\">\n<dt>%s</dt><dd>%s</dd>\n", _("Niveau"),
		    org_level_label_in(&o, b->level));
	const struct org_body *parent = b->parent ? org_find_body(&o, b->parent) : NULL;
	if (parent)
		html_printf(&p.main, "<dt>%s</dt><dd><a href=\"/organisation/%s\">%s</a></dd>\n",
			    _("Forankret under"), parent->id, parent->name);
	html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Ansvarlig"),
		    b->responsible ? b->responsible : _("Ikke angivet"));
	for (size_t k = 0; k < b->chairs.nr; k++)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Mødeleder"), b->chairs.v[k]);
	for (size_t k = 0; k < b->minute_takers.nr; k++)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Referent"),
			    b->minute_takers.v[k]);
	html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Mødefrekvens"),
		    b->frequency_text ? b->frequency_text : _("Ikke angivet"));
	html_printf(&p.main, "<dt>%s</dt><dd>%s", _("Navngivne unge"),
		    b->named_individuals
			? _("Her må konkrete, navngivne unge drøftes (med hjemmel, fx "
			    "retsplejelovens § 115).")
			: _("Her drøftes ikke navngivne unge; kun tendenser og "
			    "anonymiserede sager."));
	/* issue 11: the strategy's own reason, only where it gives one */
	if (!b->named_individuals && b->named_reason)
		html_printf(&p.main, " %s »%s«", _("Strategien:"), b->named_reason);
	html_printf(&p.main, "</dd>\n</dl>\n");
	html_printf(&p.main, "<h2>%s</h2>\n<p>%s</p>\n", _("Formål"),
		    b->purpose ? b->purpose : _("Ikke angivet."));
	if (b->note)
		alert(&p.main, "info", b->note);
	html_printf(&p.main, "<h2>%s</h2>\n", _("Medlemmer"));
	list_or_none(&p.main, &b->members);
	html_printf(&p.main, "<h2>%s</h2>\n", _("Opgaver"));
	list_or_none(&p.main, &b->tasks);
	html_printf(&p.main, "<h2>%s</h2>\n", _("Temaer i årshjulet"));
	list_or_none(&p.main, &b->wheel_themes);
	body_participants_section(rq, &p.main, b->id); /* pages_calendar.c */
	bool children = false;
	for (size_t i = 0; i < o.bodies_nr; i++)
		children |= o.bodies[i].parent && !strcmp(o.bodies[i].parent, b->id);
	if (children) {
		html_printf(&p.main, "<h2>%s</h2>\n<ul>\n", _("Fora forankret her"));
		for (size_t i = 0; i < o.bodies_nr; i++)
			if (o.bodies[i].parent && !strcmp(o.bodies[i].parent, b->id))
				html_printf(&p.main,
					    "<li><a href=\"/organisation/%s\">%s</a></li>\n",
					    o.bodies[i].id, o.bodies[i].name);
		html_printf(&p.main, "</ul>\n");
	}
	page_finish(rq, 200, &p); /* before org_release: the title is b->name */
	org_release(&o);
}

void h_org_diagram(struct request *rq)
{
	struct org o;
	if (!web_load_org(rq, &o))
		return;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		xdie_oom();
	char *err = NULL;
	int rc = org_diagram_write(&o, DIAGRAM_SVG, f, &err);
	fclose(f);
	org_release(&o);
	if (rc < 0) {
		web_error(rq, 500, err, NULL);
	} else {
		strbuf_reset(&rq->rs.body);
		strbuf_add(&rq->rs.body, buf, len);
		rq->rs.status = 200;
		rq->rs.content_type = "image/svg+xml";
		rq->responded = true;
	}
	free(err);
	free(buf);
}

/* ---- users (admin) ---- */

static void users_page(struct request *rq, unsigned status, const struct svc_result *r);

/* The administrator's own two-factor code (step-up) in a form that opens
 * personal data to someone (auth.h: svc_stepup). */
static void stepup_field(struct html *h, const char *id, const char *error)
{
	struct field f = {
	    id,
	    _("Din egen to-faktor-kode"),
	    "text",
	    NULL,
	    "one-time-code",
	    _("Kræves for roller, der ser personoplysninger: skriv den 6-cifrede kode, "
	      "som din app viser lige nu."),
	    true,
	    true};
	input_field(h, &f, error);
}

/* A refused user change: the form again with the reason (422, 403, 409),
 * 429 with Retry-After when the step-up was tried too often, or the
 * error page. */
static void user_change_failed(struct request *rq, struct svc_result *r)
{
	if (r->status == SVC_THROTTLED) {
		page_message(rq, 429, _("For mange forsøg"), r->message);
		resp_header(&rq->rs, MHD_HTTP_HEADER_RETRY_AFTER, "%d",
			    rq->srv->cfg->login_window_minutes * 60);
	} else if (r->status == SVC_INVALID || r->status == SVC_CONFLICT ||
		   r->status == SVC_FORBIDDEN || r->status == SVC_NOT_FOUND) {
		users_page(rq, http_status_for(r->status), r);
	} else {
		web_svc_error(rq, r);
	}
}

static void users_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	struct user_list users = {0};
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_user_list(rq->svc, &rq->actor, &users, &lr) < 0) {
		web_svc_error(rq, &lr);
		svc_result_clear(&lr);
		return;
	}
	struct page p;
	page_init(&p, _("Brugere"), "/brugere");
	page_notice(rq, &p.main, user_notices);
	html_printf(&p.main,
		    "<table class=\"table table--zebra\">\n<caption>%s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("Alle brugere"), _("Brugernavn"), _("Navn"), _("Rolle"), _("Organisation"),
		    _("To-faktor"), _("Status"), _("Handling"));
	for (size_t i = 0; i < users.nr; i++) {
		const struct user_info *u = &users.v[i];
		html_printf(&p.main,
			    "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
			    "<td>%s</td><td>",
			    u->username, u->name, role_label(u->role), u->org ? u->org : "",
			    u->totp_enabled ? _("Ja") : _("Nej"),
			    u->disabled ? _("Deaktiveret") : _("Aktiv"));
		/* no button to lock oneself out */
		if (!u->disabled && strcmp(u->username, rq->actor.username) != 0) {
			struct strbuf action = STRBUF_INIT;
			url_encode(&action, u->username);
			html_printf(&p.main,
				    "<form method=\"post\" action=\"/brugere/%s/deaktiver\">\n",
				    action.buf);
			csrf_input(&p.main, rq->session.csrf);
			html_printf(&p.main,
				    "<button type=\"submit\" class=\"button button-secondary\">%s"
				    "<span class=\"sr-only\"> %s</span></button>\n</form>\n",
				    _("Deaktiver"), u->username);
			strbuf_release(&action);
		}
		html_printf(&p.main, "</td></tr>\n");
	}
	html_printf(&p.main, "</tbody>\n</table>\n");
	user_list_release(&users);

	html_printf(&p.main, "<h2 id=\"ny-bruger\">%s</h2>\n", _("Opret bruger"));
	form_error_summary(&p.main, r);
	html_printf(&p.main, "<form method=\"post\" action=\"/brugere\" class=\"app-form\" "
			     "aria-labelledby=\"ny-bruger\">\n");
	csrf_input(&p.main, rq->session.csrf);
	bool keep = r && r->status != SVC_OK;
	struct field f_user = {
	    "username", _("Brugernavn"),
	    "text",     keep ? fget(rq, "username") : NULL,
	    "off",      _("Små bogstaver, tal, punktum, bindestreg og understreg."),
	    false,      false};
	struct field f_name = {"name", _("Navn"), "text", keep ? fget(rq, "name") : NULL,
			       "off",  NULL,      false,  false};
	input_field(&p.main, &f_user, error_for(r, "username"));
	input_field(&p.main, &f_name, error_for(r, "name"));

	const char *sel = keep ? fget(rq, "role") : "";
	struct field f_role = {.id = "role", .label = _("Rolle")};
	select_open(&p.main, &f_role, error_for(r, "role"));
	for (int ro = 0; ro < ROLE__COUNT; ro++)
		select_option(&p.main, role_id((enum role)ro), role_label((enum role)ro),
			      !strcmp(sel, role_id((enum role)ro)));
	select_close(&p.main);

	struct field f_org = {"org",          _("Organisation"),
			      "text",         keep ? fget(rq, "org") : NULL,
			      "organization", _("Fx »Politi« eller »Skole«."),
			      true,           false};
	struct field f_inst = {
	    "institution", _("Institution"),
	    "text",        keep ? fget(rq, "institution") : NULL,
	    "off",         _("Institutionens id fra strategien (for kontaktpersoner)."),
	    true,          false};
	struct field f_pw = {
	    "password",     _("Første adgangskode"),
	    "password",     NULL,
	    "new-password", _("Mindst 12 tegn. Giv den til brugeren på en sikker måde."),
	    false,          false};
	input_field(&p.main, &f_org, error_for(r, "org"));
	input_field(&p.main, &f_inst, error_for(r, "institution"));
	input_field(&p.main, &f_pw, error_for(r, "password"));
	bool adding = !fget(rq, "stepup_form")[0];
	stepup_field(&p.main, "stepup_code", adding ? error_for(r, "stepup_code") : NULL);
	html_printf(
	    &p.main,
	    "<button type=\"submit\" class=\"button button-primary\">%s</button>\n</form>\n",
	    _("Opret bruger"));

	/* giving an existing user another role */
	html_printf(&p.main, "<h2 id=\"ny-rolle\">%s</h2>\n", _("Skift en brugers rolle"));
	html_printf(&p.main, "<form method=\"post\" action=\"/brugere/rolle\" class=\"app-form\" "
			     "aria-labelledby=\"ny-rolle\">\n");
	csrf_input(&p.main, rq->session.csrf);
	html_printf(&p.main, "<input type=\"hidden\" name=\"stepup_form\" value=\"rolle\">\n");
	bool keep_role = keep && !adding;
	struct field f_ruser = {"role_username", _("Brugernavn"),
				"text",          keep_role ? fget(rq, "role_username") : NULL,
				"off",           NULL,
				false,           false};
	input_field(&p.main, &f_ruser, keep_role ? error_for(r, "username") : NULL);
	const char *rsel = keep_role ? fget(rq, "new_role") : "";
	struct field f_nrole = {.id = "new_role", .label = _("Ny rolle")};
	select_open(&p.main, &f_nrole, keep_role ? error_for(r, "role") : NULL);
	for (int ro = 0; ro < ROLE__COUNT; ro++)
		select_option(&p.main, role_id((enum role)ro), role_label((enum role)ro),
			      !strcmp(rsel, role_id((enum role)ro)));
	select_close(&p.main);
	stepup_field(&p.main, "role_stepup_code", keep_role ? error_for(r, "stepup_code") : NULL);
	html_printf(
	    &p.main,
	    "<button type=\"submit\" class=\"button button-secondary\">%s</button>\n</form>\n",
	    _("Skift rolle"));
	page_finish(rq, status, &p);
}

void h_users(struct request *rq)
{
	users_page(rq, 200, NULL);
}

void h_users_add(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	struct user_new u = {fget(rq, "username"), fget(rq, "name"), ROLE_ADMIN, NULL, NULL};
	const char *org = fget(rq, "org"), *inst = fget(rq, "institution");
	u.org = *org ? org : NULL;
	u.institution = *inst ? inst : NULL;
	if (role_parse(fget(rq, "role"), &u.role) < 0)
		svc_fail(&r, SVC_INVALID, "role", "%s", _("Vælg en rolle på listen."));
	else {
		if (svc_user_add_stepup(rq->svc, &rq->actor, &u, fget(rq, "password"),
					fget(rq, "stepup_code"), &r) == 0) {
			resp_redirect(rq, "/brugere?ok=oprettet");
			return;
		}
	}
	user_change_failed(rq, &r);
	svc_result_clear(&r);
}

void h_user_role(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	enum role role;
	if (role_parse(fget(rq, "new_role"), &role) < 0)
		svc_fail(&r, SVC_INVALID, "role", "%s", _("Vælg en rolle på listen."));
	else if (svc_user_set_role(rq->svc, &rq->actor, fget(rq, "role_username"), role,
				   fget(rq, "role_stepup_code"), &r) == 0) {
		resp_redirect(rq, "/brugere?ok=rolle");
		return;
	}
	user_change_failed(rq, &r);
	svc_result_clear(&r);
}

void h_user_disable(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_user_disable(rq->svc, &rq->actor, rq->params[0], &r) == 0)
		resp_redirect(rq, "/brugere?ok=deaktiveret");
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

/* ---- profile ---- */

static void profile_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	struct user_info me;
	struct svc_result sr = SVC_RESULT_INIT;
	memset(&me, 0, sizeof(me));
	if (svc_user_self(rq->svc, &rq->actor, &me, &sr) < 0) {
		web_svc_error(rq, &sr);
		svc_result_clear(&sr);
		return;
	}
	struct page p;
	page_init(&p, _("Min profil"), "/profil");
	page_notice(rq, &p.main, user_notices);
	html_printf(&p.main,
		    "<dl class=\"app-facts\">\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
		    "<dt>%s</dt><dd>%s</dd>\n",
		    _("Navn"), me.name, _("Brugernavn"), me.username, _("Rolle"),
		    role_label(me.role));
	if (me.org)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Organisation"), me.org);
	if (me.institution)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Institution"), me.institution);
	html_printf(&p.main, "</dl>\n");

	html_printf(&p.main, "<h2>%s</h2>\n", _("To-faktor-login"));
	if (me.totp_enabled)
		html_printf(&p.main, "<p>%s</p>\n",
			    _("To-faktor-login er slået til. Du skal bruge en kode fra din "
			      "godkendelsesapp, hver gang du logger ind."));
	else
		html_printf(&p.main, "<p>%s</p>\n<p><a href=\"/profil/totp\">%s</a></p>\n",
			    auth_totp_required(rq->svc, me.role)
				? _("Din rolle kræver to-faktor-login, men det er ikke slået til.")
				: _("To-faktor-login er ikke slået til."),
			    _("Slå to-faktor-login til"));

	calendar_profile_section(rq, &p.main); /* pages_calendar.c */

	html_printf(&p.main, "<h2 id=\"skift\">%s</h2>\n", _("Skift adgangskode"));
	form_error_summary(&p.main, r);
	html_printf(&p.main, "<form method=\"post\" action=\"/profil/adgangskode\" "
			     "class=\"app-form\" aria-labelledby=\"skift\">\n");
	csrf_input(&p.main, rq->session.csrf);
	struct field f_old = {"old_password",
			      _("Nuværende adgangskode"),
			      "password",
			      NULL,
			      "current-password",
			      NULL,
			      false,
			      false};
	struct field f_new = {"new_password", _("Ny adgangskode"),  "password", NULL,
			      "new-password", _("Mindst 12 tegn."), false,      false};
	struct field f_rep = {"new_password2", _("Gentag ny adgangskode"),
			      "password",      NULL,
			      "new-password",  NULL,
			      false,           false};
	input_field(&p.main, &f_old, error_for(r, "old_password"));
	input_field(&p.main, &f_new, error_for(r, "new_password"));
	input_field(&p.main, &f_rep, error_for(r, "new_password2"));
	html_printf(
	    &p.main,
	    "<button type=\"submit\" class=\"button button-primary\">%s</button>\n</form>\n",
	    _("Skift adgangskode"));
	user_info_release(&me);
	page_finish(rq, status, &p);
}

void h_profile(struct request *rq)
{
	profile_page(rq, 200, NULL);
}

void h_password_post(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	if (strcmp(fget(rq, "new_password"), fget(rq, "new_password2")) != 0)
		svc_fail(&r, SVC_INVALID, "new_password2", "%s",
			 _("De to nye adgangskoder er ikke ens."));
	else if (svc_password_change(rq->svc, &rq->actor, fget(rq, "old_password"),
				     fget(rq, "new_password"), rq->cookie, &r) == 0) {
		resp_redirect(rq, "/profil?ok=adgangskode");
		return;
	}
	if (r.status == SVC_INVALID)
		profile_page(rq, 422, &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

/* ---- two-factor enrolment ---- */

/* A base32 secret as authenticator apps show it: groups of four. */
static void grouped(struct strbuf *out, const char *s)
{
	for (size_t i = 0; s[i]; i++) {
		if (i && i % 4 == 0)
			strbuf_addch(out, ' ');
		strbuf_addch(out, s[i]);
	}
}

static bool base32_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 16 || n > 128)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '2' && s[i] <= '7')))
			return false;
	return true;
}

/* secret is shown, never trusted: svc_totp_confirm checks the code against
 * the pending secret the service stored. */
static void enrol_page(struct request *rq, unsigned status, const char *secret,
		       const struct svc_result *r)
{
	struct page p;
	page_init(&p, _("Slå to-faktor-login til"), "/profil");
	if (rq->session.state == SESSION_NEED_ENROL)
		alert(&p.main, "info",
		      _("Din rolle giver adgang til personoplysninger, så du skal slå "
			"to-faktor-login "
			"til, før du kan fortsætte."));
	html_printf(&p.main, "<ol>\n<li>%s</li>\n<li>%s</li>\n<li>%s</li>\n</ol>\n",
		    _("Åbn en godkendelsesapp på din telefon (fx Microsoft Authenticator, Google "
		      "Authenticator eller FreeOTP)."),
		    _("Skan QR-koden, eller skriv hemmeligheden nedenfor i appen."),
		    _("Skriv den 6-cifrede kode, som appen viser, og tryk »Slå til«."));
	struct strbuf uri = STRBUF_INIT;
	strbuf_addstr(&uri, "otpauth://totp/SSP:");
	url_encode(&uri, rq->actor.username);
	strbuf_addf(&uri, "?secret=%s&issuer=SSP&algorithm=SHA1&digits=6&period=30", secret);
	html_printf(&p.main, "<div class=\"app-qr\">\n");
	if (qr_svg(&p.main, uri.buf, _("QR-kode til godkendelsesappen")) < 0)
		html_printf(&p.main, "<p>%s</p>\n",
			    _("QR-koden kunne ikke tegnes; brug hemmeligheden."));
	html_printf(&p.main, "</div>\n");
	strbuf_release(&uri);
	struct strbuf g = STRBUF_INIT;
	grouped(&g, secret);
	html_printf(&p.main,
		    "<p>%s <code class=\"app-secret\" id=\"totp-secret\" "
		    "data-secret=\"%s\">%s</code></p>\n",
		    _("Hemmelighed:"), secret, g.buf);
	strbuf_release(&g);
	form_error_summary(&p.main, r);
	html_printf(&p.main, "<form method=\"post\" action=\"/profil/totp\" class=\"app-form\">\n");
	csrf_input(&p.main, rq->session.csrf);
	html_printf(&p.main, "<input type=\"hidden\" name=\"secret\" value=\"%s\">\n", secret);
	struct field code = {
	    "code", _("Kode fra appen"), "text", NULL, "one-time-code", NULL, false, true};
	input_field(&p.main, &code, error_for(r, "code"));
	html_printf(
	    &p.main,
	    "<button type=\"submit\" class=\"button button-primary\">%s</button>\n</form>\n",
	    _("Slå til"));
	page_finish(rq, status, &p);
}

void h_enrol_form(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	char *secret = NULL, *uri = NULL;
	if (svc_totp_begin(rq->svc, &rq->actor, &secret, &uri, &r) < 0) {
		if (r.status == SVC_CONFLICT) /* already on */
			resp_redirect(rq, "/profil");
		else
			web_svc_error(rq, &r);
		svc_result_clear(&r);
		return;
	}
	enrol_page(rq, 200, secret, NULL);
	sodium_memzero(secret, strlen(secret));
	free(secret);
	free(uri);
}

void h_enrol_post(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	bool forced = rq->session.state == SESSION_NEED_ENROL;
	if (svc_totp_confirm(rq->svc, &rq->actor, rq->cookie, fget(rq, "code"), &r) == 0) {
		resp_redirect(rq, forced ? "/" : "/profil?ok=totp");
	} else if (r.status == SVC_INVALID && base32_ok(fget(rq, "secret"))) {
		enrol_page(rq, 422, fget(rq, "secret"), &r);
	} else if (r.status == SVC_INVALID) {
		/* no pending secret to show: start over with a new one */
		resp_redirect(rq, "/profil/totp");
	} else if (r.status == SVC_CONFLICT) {
		resp_redirect(rq, "/profil");
	} else {
		web_svc_error(rq, &r);
	}
	svc_result_clear(&r);
}

/* ---- access log (revisor) ---- */

#define LOG_PAGE 500

void h_log(struct request *rq)
{
	const char *user = form_get(&rq->query_form, "user");
	const char *subject = form_get(&rq->query_form, "subject");
	const char *before_s = form_get(&rq->query_form, "foer");
	struct audit_filter f = {user && *user ? user : NULL, subject && *subject ? subject : NULL,
				 LOG_PAGE};
	/* a page of older entries: ?foer=SEQ (entries before it) */
	long long before = 0;
	if (before_s && *before_s) {
		size_t n = strlen(before_s);
		if (n > 18 || strspn(before_s, "0123456789") != n || before_s[0] == '0') {
			web_error(rq, 400, _("»foer« skal være et postnummer."), "foer");
			return;
		}
		before = strtoll(before_s, NULL, 10);
	}
	struct audit_rows rows = {0}, notable = {0};
	struct svc_result r = SVC_RESULT_INIT;
	long long first_bad = 0, entries = 0;
	/* the chain is checked on the first page; paging back reads a page
	 * of rows, not the whole log */
	if ((before == 0 && svc_audit_verify(rq->svc, &rq->actor, &first_bad, &entries, &r) < 0) ||
	    svc_audit_page(rq->svc, &rq->actor, &f, before, &rows, &r) < 0 ||
	    (before == 0 && svc_audit_notable(rq->svc, &rq->actor, 20, &notable, &r) < 0)) {
		if (r.status == SVC_INVALID) /* a control character in a filter */
			web_error(rq, 400, r.message, r.field);
		else
			web_svc_fail(rq, &r);
		svc_result_clear(&r);
		audit_rows_release(&rows);
		audit_rows_release(&notable);
		return;
	}
	struct page p;
	page_init(&p, _("Adgangslog"), "/log");
	if (before > 0) {
		html_printf(&p.main, "<p>%s</p>\n",
			    _("Ældre poster. Kædens kontrol står på første side."));
	} else if (first_bad == 0) {
		char msg[300];
		snprintf(msg, sizeof(msg),
			 _("Loggens kæde er intakt: ingen af de %lld poster er ændret, slettet "
			   "eller byttet om."),
			 entries);
		alert(&p.main, "success", msg);
	} else {
		char msg[300];
		snprintf(msg, sizeof(msg),
			 _("Loggens kæde er brudt ved post %lld: den post eller en før den er "
			   "ændret eller slettet. Kontakt den driftsansvarlige."),
			 first_bad);
		alert(&p.main, "error", msg);
	}
	if (notable.nr) {
		/* what an auditor should look at first (service/guard.h) */
		html_printf(
		    &p.main,
		    "<h2 id=\"bemaerk\">%s</h2>\n<table class=\"table table--compact\">\n"
		    "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("Bemærkelsesværdige hændelser"),
		    _("Roller med adgang til personoplysninger, rolleskift, API-tokens, "
		      "deaktiveringer, afviste to-faktor-bekræftelser, låste login og mislykkede "
		      "anonyme forsøg (nyeste 20)"),
		    _("Nr."), _("Tid (UTC)"), _("Bruger"), _("Handling"), _("Objekt"), _("Klient"));
		for (size_t i = 0; i < notable.nr; i++) {
			const struct audit_row *a = &notable.v[i];
			html_printf(
			    &p.main,
			    "<tr><td>%lld</td><td>%s</td><td>%s</td><td>%s %s</td><td>%s</td>"
			    "<td>%s</td></tr>\n",
			    a->seq, a->at, a->username, a->action, a->outcome, a->object,
			    a->client);
		}
		html_printf(&p.main, "</tbody>\n</table>\n");
	}
	audit_rows_release(&notable);
	html_printf(&p.main,
		    "<form method=\"get\" action=\"/log\" class=\"app-form app-filter\" "
		    "aria-labelledby=\"filter\">\n<h2 id=\"filter\">%s</h2>\n",
		    _("Filtrer"));
	struct field fu = {"user", _("Bruger"), "text", user, "off", NULL, true, false};
	struct field fs = {
	    "subject", _("Registreret person (den unge)"), "text", subject, "off", NULL, true,
	    false};
	input_field(&p.main, &fu, NULL);
	input_field(&p.main, &fs, NULL);
	html_printf(
	    &p.main,
	    "<button type=\"submit\" class=\"button button-secondary\">%s</button>\n</form>\n",
	    _("Vis"));
	if (rows.nr == 0) {
		html_printf(&p.main, "<p>%s</p>\n", _("Ingen poster passer til filteret."));
	} else {
		html_printf(
		    &p.main,
		    "<table class=\"table table--zebra table--compact\">\n<caption>%s</caption>\n"
		    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("Adgangsloggen, nyeste først (500 poster pr. side)"), _("Nr."),
		    _("Tid (UTC)"), _("Bruger"), _("Organisation"), _("Handling"), _("Objekt"),
		    _("Registreret person"), _("Klient"), _("Udfald"));
		for (size_t i = 0; i < rows.nr; i++) {
			const struct audit_row *a = &rows.v[i];
			html_printf(&p.main,
				    "<tr><td>%lld</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
				    "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
				    a->seq, a->at, a->username, a->org, a->action, a->object,
				    a->subject, a->client, a->outcome);
		}
		html_printf(&p.main, "</tbody>\n</table>\n");
		if (rows.nr == LOG_PAGE && rows.v[rows.nr - 1].seq > 1) {
			struct strbuf link = STRBUF_INIT;
			strbuf_addf(&link, "/log?foer=%lld", rows.v[rows.nr - 1].seq);
			if (f.username) {
				strbuf_addstr(&link, "&user=");
				url_encode(&link, f.username);
			}
			if (f.subject) {
				strbuf_addstr(&link, "&subject=");
				url_encode(&link, f.subject);
			}
			html_printf(&p.main, "<p><a href=\"%s\">%s</a></p>\n", link.buf,
				    _("Ældre poster"));
			strbuf_release(&link);
		}
	}
	audit_rows_release(&rows);
	page_finish(rq, 200, &p);
}
