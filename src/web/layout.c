/* layout.c - the frame around every page: Det Fælles Designsystem's
 * stylesheet and script, a skip link, the header with the signed-in user and
 * sign-out, the main menu for the user's role, <main>, the footer.
 *
 * Accessibility (WCAG 2.1 AA): lang="da"; the skip link is the first
 * focusable element and jumps to <main id="main-content">; landmarks
 * header / nav (labelled) / main / footer; one h1 per page, then h2, h3 in
 * order; the current menu item has aria-current="page". No inline script
 * or style anywhere (the CSP would block it): behaviour is in
 * /static/app.js, looks in /static/app.css.
 */
#include <stdio.h>
#include <string.h>

#include "domain/authz.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

#ifndef SSP_VERSION
#define SSP_VERSION "0"
#endif

void page_init(struct page *p, const char *title, const char *nav)
{
	memset(p, 0, sizeof(*p));
	p->title = title;
	p->nav = nav;
	html_init(&p->main);
	/* most pages' main part fits: one allocation instead of doubling up */
	strbuf_grow(&p->main.sb, 4096);
}

struct menu_item {
	const char *path;
	const char *label; /* N_() */
	int action;
};

static const struct menu_item menu[] = {
    {"/", N_("Forside"), ACT_HOME_VIEW},
    {"/organisation", N_("Organisation"), ACT_ORG_VIEW},
    {"/aarshjul", N_("Årshjul"), ACT_MEETING_VIEW},
    {"/moeder", N_("Møder"), ACT_MEETING_VIEW},
    {"/skoler", N_("Skolenetværket"), ACT_SCHOOL_VIEW},
    {"/tilbud", N_("Tilbud"), ACT_OFFER_VIEW},
    {"/arrangementer", N_("Kurser og arrangementer"), ACT_EVENT_VIEW},
    {"/viden", N_("Viden"), ACT_NOTE_VIEW},
    {"/raadgivning", N_("Rådgivning"), ACT_ADVICE_VIEW},
    {"/overholdelse", N_("Overholdelse"), ACT_COMPLIANCE_VIEW},
    {"/data", N_("Data"), ACT_DATA_VIEW},
    /* issue 9: referrals (contact persons, SSP-team), screening, statistics */
    {"/indstillinger", N_("Indstillinger"), ACT_REFERRAL_ADD},
    {"/visitering", N_("Visitering"), ACT_REFERRAL_SCREEN},
    {"/statistik", N_("Statistik"), ACT_CONCERN_STATS},
    {"/brugere", N_("Brugere"), ACT_USER_ADMIN},
    {"/log", N_("Adgangslog"), ACT_AUDIT_VIEW},
    {"/indsigt", N_("Indsigt"), ACT_INDSIGT_REQUEST},
    {"/profil", N_("Min profil"), ACT_PROFILE},
};

static void header(struct request *rq, const struct page *p, struct html *h)
{
	bool session = rq->id == ID_SESSION;
	bool full = session && rq->session.state == SESSION_FULL;
	html_printf(h,
		    "<header class=\"app-header\">\n"
		    "<div class=\"container app-header-inner\">\n"
		    "<a class=\"app-brand\" href=\"/\">%s</a>\n",
		    _("SSP-samarbejdet"));
	if (session) {
		html_printf(
		    h,
		    "<div class=\"app-user\">\n"
		    "<p class=\"app-user-name\"><span class=\"sr-only\">%s </span>%s "
		    "<span class=\"app-user-role\">(%s)</span></p>\n"
		    "<form method=\"post\" action=\"/logud\" class=\"app-logout\">\n"
		    "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n"
		    "<button type=\"submit\" class=\"button button-secondary\">%s</button>\n"
		    "</form>\n"
		    "</div>\n",
		    _("Logget ind som"), rq->actor.username, role_label(rq->actor.role),
		    rq->session.csrf, _("Log ud"));
	}
	html_printf(h, "</div>\n");
	if (full) {
		html_printf(h,
			    "<nav class=\"app-nav\" aria-label=\"%s\">\n"
			    "<div class=\"container\">\n<ul>\n",
			    _("Hovedmenu"));
		for (size_t i = 0; i < sizeof(menu) / sizeof(menu[0]); i++) {
			if (!svc_may(rq->svc, &rq->actor, (enum action)menu[i].action))
				continue;
			bool cur = p->nav && !strcmp(p->nav, menu[i].path);
			if (cur)
				html_printf(h,
					    "<li><a href=\"%s\" class=\"current\" "
					    "aria-current=\"page\">%s</a></li>\n",
					    menu[i].path, _(menu[i].label));
			else
				html_printf(h, "<li><a href=\"%s\">%s</a></li>\n", menu[i].path,
					    _(menu[i].label));
		}
		html_printf(h, "</ul>\n</div>\n</nav>\n");
	}
	html_printf(h, "</header>\n");
}

void page_finish(struct request *rq, unsigned status, struct page *p)
{
	/* written straight into the response's body, sized once */
	struct html h;
	h.sb = rq->rs.body;
	strbuf_reset(&h.sb);
	strbuf_grow(&h.sb, p->main.sb.len + 3072);
	html_printf(&h,
		    "<!DOCTYPE html>\n"
		    "<html lang=\"da\">\n"
		    "<head>\n"
		    "<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>%s – %s</title>\n"
		    "<link rel=\"stylesheet\" href=\"/static/dkfds/css/dkfds.min.css\">\n"
		    "<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
		    "<script src=\"/static/dkfds/js/dkfds.min.js\" defer></script>\n"
		    "<script src=\"/static/app.js\" defer></script>\n",
		    p->title, _("SSP"));
	if (rq->id == ID_SESSION)
		html_printf(&h, "<meta name=\"csrf-token\" content=\"%s\">\n", rq->session.csrf);
	html_printf(&h, "</head>\n<body>\n<a class=\"skipnav\" href=\"#main-content\">%s</a>\n",
		    _("Gå til indhold"));
	header(rq, p, &h);
	html_printf(&h, "<div class=\"container page-container\">\n"
			"<main id=\"main-content\" class=\"app-main\" tabindex=\"-1\">\n");
	if (!p->no_h1)
		html_printf(&h, "<h1>%s</h1>\n", p->title);
	html_append(&h, &p->main);
	html_printf(&h,
		    "</main>\n</div>\n"
		    "<footer class=\"app-footer\">\n<div class=\"container\">\n"
		    "<p>%s</p>\n<p>%s %s</p>\n"
		    "</div>\n</footer>\n</body>\n</html>\n",
		    _("SSP: det kriminalpræventive samarbejde mellem skole, socialforvaltning og "
		      "politi."),
		    _("ssp version"), SSP_VERSION);

	rq->rs.body = h.sb;
	rq->rs.status = status;
	rq->rs.content_type = "text/html; charset=utf-8";
	rq->responded = true;
	html_release(&p->main);
}

void page_message(struct request *rq, unsigned status, const char *title, const char *message)
{
	struct page p;
	page_init(&p, title, NULL);
	html_printf(&p.main,
		    "<div class=\"alert alert-%s\" role=\"alert\">\n"
		    "<div class=\"alert-body\">\n<p class=\"alert-text\">%s</p>\n</div>\n</div>\n",
		    status >= 500   ? "error"
		    : status == 404 ? "info"
				    : "warning",
		    message ? message : title);
	if (status == 404 || status == 403 || status == 405)
		html_printf(&p.main, "<p><a href=\"/\">%s</a></p>\n", _("Gå til forsiden"));
	else if (status == 429 || status == 401)
		html_printf(&p.main, "<p><a href=\"/logind\">%s</a></p>\n",
			    _("Tilbage til log ind"));
	else if (status < 500)
		html_printf(&p.main, "<p>%s</p>\n",
			    _("Gå tilbage i browseren, ret oplysningerne og prøv igen."));
	page_finish(rq, status, &p);
}
