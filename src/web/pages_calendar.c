/* pages_calendar.c - calendars and who takes part in which body:
 *
 *   /kalender/organ/ID.ics   a body's meetings (signed in)
 *   /kalender/TOKEN.ics      a person's meetings through their private
 *                            subscription address: no sign-in (calendar
 *                            clients cannot), the token is the credential;
 *                            a wrong or revoked token is a bare 404
 *   /profil/kalender         make (or replace) the address, shown once
 *   /profil/kalender/tilbagekald
 *   /organisation/ID/deltagere[/fjern]  an admin adds or removes a
 *                            participant (their calendar follows)
 *
 * plus the profile page's and a body page's sections about them. The ICS
 * is render/ics.c's (stable UIDs, VTIMEZONE Europe/Copenhagen).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/ics.h"
#include "service/auth.h"
#include "service/meeting_run.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

static void send_ics(struct request *rq, const struct org *o, const struct meeting_list *l,
		     const char *calname, const char *filename)
{
	char *ics = ics_render(o, l, calname, time(NULL));
	strbuf_reset(&rq->rs.body);
	strbuf_addstr(&rq->rs.body, ics);
	free(ics);
	rq->rs.status = 200;
	rq->rs.content_type = "text/calendar; charset=utf-8";
	resp_header(&rq->rs, "Content-Disposition", "inline; filename=\"%s\"", filename);
	rq->responded = true;
}

/* ---- feeds ---- */

void h_calendar_body(struct request *rq)
{
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_calendar_body(rq->svc, &rq->actor, rq->params[0], &o, &l, &r) < 0) {
		web_svc_fail(rq, &r);
	} else {
		const struct org_body *b = org_find_body(&o, rq->params[0]);
		struct strbuf name = STRBUF_INIT, file = STRBUF_INIT;
		strbuf_addf(&name, "SSP %s: %s", o.municipality ? o.municipality : "", b->name);
		strbuf_addf(&file, "ssp-%s.ics", b->id); /* an id: [a-z0-9-] */
		send_ics(rq, &o, &l, name.buf, file.buf);
		strbuf_release(&name);
		strbuf_release(&file);
	}
	meeting_list_release(&l);
	org_release(&o);
}

void h_calendar_feed(struct request *rq)
{
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	struct svc_result r = SVC_RESULT_INIT;
	char *owner = NULL;
	if (svc_calendar_feed(rq->svc, rq->params[0], rq->client, &o, &l, &owner, &r) < 0) {
		/* nothing about why: a guessed token learns nothing */
		if (r.status == SVC_NOT_FOUND)
			web_error(rq, 404, _("Der findes ingen side med den adresse."), NULL);
		else
			web_svc_error(rq, &r);
		svc_result_clear(&r);
	} else {
		struct strbuf name = STRBUF_INIT;
		strbuf_addf(&name, _("SSP-møder for %s"), owner);
		send_ics(rq, &o, &l, name.buf, "ssp.ics");
		strbuf_release(&name);
	}
	free(owner);
	meeting_list_release(&l);
	org_release(&o);
}

/* ---- the private address on the profile page ---- */

/* The address the browser reached us at, for the subscription URL: the
 * Host header when it looks like a host name (it is shown only to the
 * person who sent it, escaped), else nothing (the path alone). */
static void base_url(struct request *rq, struct strbuf *out)
{
	const char *host = req_header(rq, MHD_HTTP_HEADER_HOST);
	if (!host || !*host || strlen(host) > 255 ||
	    strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") !=
		strlen(host))
		return;
	strbuf_addf(out, "%s://%s", rq->srv->tls ? "https" : "http", host);
}

void calendar_profile_section(struct request *rq, struct html *h)
{
	char *created = NULL;
	struct svc_result r = SVC_RESULT_INIT;
	html_printf(h, "<h2 id=\"kalender\">%s</h2>\n", _("Kalenderabonnement"));
	static const struct notice notices[] = {
	    {"kalender-tilbagekaldt",
	     N_("Din kalenderadresse er tilbagekaldt; den virker ikke længere.")},
	    {NULL, NULL}};
	page_notice(rq, h, notices);
	if (svc_caltoken_status(rq->svc, &rq->actor, &created, &r) < 0) {
		html_printf(h, "<p>%s</p>\n", r.message);
		svc_result_clear(&r);
		return;
	}
	html_printf(h, "<p>%s</p>\n",
		    _("Med en privat kalenderadresse kan din kalender (Outlook, Google Kalender, "
		      "Thunderbird, telefonen) abonnere på møderne i de fora, du deltager i. "
		      "Adressen er personlig: alle, der kender den, kan se møderne, så del den "
		      "ikke."));
	if (created) {
		char when[64];
		snprintf(when, sizeof(when), "%.10s", created);
		html_printf(
		    h, "<p>%s %s. %s</p>\n", _("Du har en kalenderadresse, oprettet"), when,
		    _("Den blev kun vist, da den blev oprettet. Har du mistet den, så lav en "
		      "ny; den gamle holder da op med at virke."));
	} else {
		html_printf(h, "<p>%s</p>\n", _("Du har ingen kalenderadresse."));
	}
	html_printf(
	    h, "<div class=\"app-actions\">\n<form method=\"post\" action=\"/profil/kalender\">\n");
	csrf_input(h, rq->session.csrf);
	html_printf(
	    h, "<button type=\"submit\" class=\"button button-primary\">%s</button>\n</form>\n",
	    created ? _("Lav en ny kalenderadresse") : _("Opret kalenderadresse"));
	if (created) {
		html_printf(h, "<form method=\"post\" action=\"/profil/kalender/tilbagekald\">\n");
		csrf_input(h, rq->session.csrf);
		html_printf(h,
			    "<button type=\"submit\" class=\"button "
			    "button-secondary\">%s</button>\n</form>\n",
			    _("Tilbagekald kalenderadressen"));
	}
	html_printf(h, "</div>\n");
	free(created);
}

void h_caltoken_create(struct request *rq)
{
	char tok[AUTH_SECRET_LEN + 1];
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_caltoken_create(rq->svc, &rq->actor, NULL, tok, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	struct strbuf url = STRBUF_INIT;
	base_url(rq, &url);
	strbuf_addf(&url, "/kalender/%s.ics", tok);
	sodium_memzero(tok, sizeof(tok));
	struct page p;
	page_init(&p, _("Din kalenderadresse"), "/profil");
	alert(&p.main, "success",
	      _("Din private kalenderadresse er oprettet. Den vises kun denne ene gang; en "
		"tidligere adresse virker ikke længere."));
	html_printf(
	    &p.main,
	    "<div class=\"form-group\">\n<label class=\"form-label\" for=\"kalenderadresse\">"
	    "%s</label>\n<span class=\"form-hint\" id=\"kalenderadresse-hint\">%s</span>\n"
	    "<input class=\"form-input app-wide\" type=\"text\" id=\"kalenderadresse\" "
	    "readonly value=\"%s\" aria-describedby=\"kalenderadresse-hint\">\n</div>\n",
	    _("Kalenderadresse"),
	    _("Kopiér adressen, og tilføj den i din kalender som abonnement (»Tilføj "
	      "kalender fra internettet« / »Fra URL«)."),
	    url.buf);
	html_printf(&p.main, "<p><a href=\"/profil\">%s</a></p>\n", _("Tilbage til din profil"));
	strbuf_release(&url);
	page_finish(rq, 200, &p);
}

void h_caltoken_revoke(struct request *rq)
{
	int n = 0;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_caltoken_revoke(rq->svc, &rq->actor, NULL, &n, &r) < 0)
		web_svc_fail(rq, &r);
	else
		resp_redirect(rq, "/profil?ok=kalender-tilbagekaldt#kalender");
}

/* ---- participants on a body's page ---- */

void body_participants_section(struct request *rq, struct html *h, const char *body_id)
{
	struct person_list ps = {0};
	struct svc_result r = SVC_RESULT_INIT;
	html_printf(h, "<h2 id=\"deltagere\">%s</h2>\n", _("Deltagere og møder"));
	static const struct notice notices[] = {
	    {"deltager-tilfoejet", N_("Deltageren er tilføjet.")},
	    {"deltager-fjernet", N_("Deltageren er fjernet.")},
	    {NULL, NULL}};
	page_notice(rq, h, notices);
	html_printf(h,
		    "<p><a href=\"/moeder?organ=%s\">%s</a> · <a href=\"/kalender/organ/%s.ics\">"
		    "%s</a></p>\n",
		    body_id, _("Forummets møder"), body_id, _("Forummets kalender (iCalendar)"));
	if (svc_participants(rq->svc, &rq->actor, body_id, &ps, &r) < 0) {
		html_printf(h, "<p>%s</p>\n", r.message);
		svc_result_clear(&r);
		return;
	}
	bool admin = svc_may(rq->svc, &rq->actor, ACT_USER_ADMIN);
	html_printf(h, "<p>%s</p>\n",
		    _("Brugere, der deltager i forummet, får dets møder på forsiden og i deres "
		      "kalenderabonnement og kan krydses af ved fremmødet."));
	if (!ps.nr) {
		html_printf(h, "<p>%s</p>\n", _("Ingen brugere er knyttet til forummet."));
	} else {
		html_printf(h, "<ul class=\"app-participants\">\n");
		for (size_t i = 0; i < ps.nr; i++) {
			const struct person *p = &ps.v[i];
			html_printf(h, "<li>%s", p->name);
			if (p->org && *p->org)
				html_printf(h, " (%s)", p->org);
			html_printf(h, " <span class=\"app-muted\">%s</span>", role_label(p->role));
			if (admin) {
				html_printf(
				    h,
				    "\n<form method=\"post\" action=\"/organisation/%s/deltagere/"
				    "fjern\" class=\"app-inline-form\">\n",
				    body_id);
				csrf_input(h, rq->session.csrf);
				html_printf(
				    h,
				    "<input type=\"hidden\" name=\"username\" value=\"%s\">\n"
				    "<button type=\"submit\" class=\"button button-tertiary\">%s"
				    "<span class=\"sr-only\"> %s</span></button>\n</form>\n",
				    p->username, _("Fjern"), p->name);
			}
			html_printf(h, "</li>\n");
		}
		html_printf(h, "</ul>\n");
	}
	if (admin) {
		struct user_list users = {0};
		if (svc_user_list(rq->svc, &rq->actor, &users, &r) == 0) {
			html_printf(h,
				    "<form method=\"post\" action=\"/organisation/%s/deltagere\" "
				    "class=\"app-form\">\n",
				    body_id);
			csrf_input(h, rq->session.csrf);
			struct field f_user = {.id = "username", .label = _("Tilføj deltager")};
			select_open(h, &f_user, NULL);
			size_t options = 0;
			for (size_t i = 0; i < users.nr; i++) {
				const struct user_info *u = &users.v[i];
				bool taken = false;
				for (size_t k = 0; k < ps.nr; k++)
					taken |= ps.v[k].user_id == u->id;
				if (taken || u->disabled)
					continue;
				struct strbuf label = STRBUF_INIT;
				strbuf_addf(&label, "%s (%s, %s)", u->name, u->username,
					    role_label(u->role));
				select_option(h, u->username, label.buf, false);
				strbuf_release(&label);
				options++;
			}
			if (!options)
				select_option(h, "", _("Alle brugere deltager allerede"), false);
			select_close(h);
			submit_button(h, "secondary", _("Tilføj"));
			html_printf(h, "</form>\n");
		}
		svc_result_clear(&r);
		user_list_release(&users);
	}
	person_list_release(&ps);
}

static void participant_change(struct request *rq, bool add)
{
	struct svc_result r = SVC_RESULT_INIT;
	bool changed;
	const char *user = fget(rq, "username");
	int rc =
	    add ? svc_participant_add(rq->svc, &rq->actor, rq->params[0], user, &changed, &r)
		: svc_participant_remove(rq->svc, &rq->actor, rq->params[0], user, &changed, &r);
	if (rc < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	struct strbuf loc = STRBUF_INIT;
	strbuf_addstr(&loc, "/organisation/");
	url_encode(&loc, rq->params[0]);
	strbuf_addf(&loc, "?ok=%s#deltagere", add ? "deltager-tilfoejet" : "deltager-fjernet");
	resp_redirect(rq, loc.buf);
	strbuf_release(&loc);
}

void h_participant_add(struct request *rq)
{
	participant_change(rq, true);
}

void h_participant_remove(struct request *rq)
{
	participant_change(rq, false);
}
