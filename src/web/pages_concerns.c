/* pages_concerns.c - the § 115-møde's case page (issue 9):
 *
 *   GET  /sager/moede/{id}                  the agenda: hand-overs, referrals,
 *                                           follow-ups; a decision form per
 *                                           undecided item; the police's
 *                                           hand-over form; closing
 *   POST /sager/moede/{id}/overlevering     register the young person and
 *                                           hand over (politi)
 *   POST /sager/moede/{id}/beslut/{item}    the meeting's decision on an item
 *   POST /sager/moede/{id}/luk              close: undecided hand-overs go
 *
 * The same service calls as the JSON API (service/concern.h); the page
 * shows only what the service handed out after logging the read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/concern.h"
#include "service/concern.h"
#include "service/team.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

static const struct notice case_notices[] = {
    {"overleveret", N_("Overleveringen er gemt.")},
    {"besluttet", N_("Beslutningen er gemt.")},
    {"lukket", N_("Mødet er lukket. Overleveringer, der ikke blev til sager, er slettet.")},
    {"afstaaet", N_("Det er registreret, at du afstår fra at dele om punktet.")},
    {NULL, NULL}};

static bool meeting_param(struct request *rq, long long *id)
{
	const char *s = rq->params[0];
	size_t n = strlen(s);
	if (n && n <= 18 && strspn(s, "0123456789") == n && s[0] != '0') {
		*id = strtoll(s, NULL, 10);
		return true;
	}
	web_error(rq, 404, _("Der findes intet møde med den adresse."), NULL);
	return false;
}

/* A category level typed in a form: 1-1000, or 0 for "" and 1000 (no
 * level) for anything else, so the service names the field. */
static int level_field(const char *s)
{
	if (!*s)
		return 0;
	char *end;
	long v = strtol(s, &end, 10);
	return *end || v < 1 || v > 1000 ? 1000 : (int)v;
}

static void flags_text(struct html *h, unsigned flags)
{
	if (flags & TARGET_FLAG_BELOW)
		html_printf(h, " <span class=\"app-tag\">%s</span>", _("under målgruppen"));
	if (flags & TARGET_FLAG_SSP_PLUS)
		html_printf(h, " <span class=\"app-tag\">%s</span>", _("SSP+"));
}

static void textarea(struct html *h, const char *id, const char *label, const char *value,
		     const char *error)
{
	html_printf(
	    h, "<div class=\"form-group%s\">\n<label class=\"form-label\" for=\"%s\">%s</label>\n",
	    error ? " form-error" : "", id, label);
	if (error)
		html_printf(h, "<span class=\"form-error-message\" id=\"%s-fejl\">%s</span>\n", id,
			    error);
	html_printf(h, "<textarea class=\"form-input\" id=\"%s\" name=\"%s\" rows=\"3\"", id, id);
	if (error)
		html_printf(h, " aria-invalid=\"true\" aria-describedby=\"%s-fejl\"", id);
	html_printf(h, ">%s</textarea>\n</div>\n", value ? value : "");
}

static void category_select(struct html *h, const struct org *o, const char *id, bool optional,
			    const char *error)
{
	struct field f = {id, _("Kategori"), NULL, NULL, NULL, NULL, optional, false};
	select_open(h, &f, error);
	if (optional)
		select_option(h, "", _("Ingen forslag"), true);
	for (size_t i = 0; i < o->categories_nr; i++) {
		char v[24], label[300];
		snprintf(v, sizeof(v), "%zu", i + 1);
		snprintf(label, sizeof(label), "%zu. %s", i + 1, o->categories[i].name);
		select_option(h, v, label, false);
	}
	select_close(h);
}

static void handover_form(struct request *rq, struct html *h, long long meeting,
			  const struct org *o, const struct svc_result *r)
{
	html_printf(h, "<h2 id=\"overlevering\">%s</h2>\n", _("Politiets overlevering"));
	form_error_summary(h, r);
	html_printf(h,
		    "<form method=\"post\" action=\"/sager/moede/%lld/overlevering\" "
		    "class=\"app-form\" aria-labelledby=\"overlevering\">\n",
		    meeting);
	csrf_input(h, rq->session.csrf);
	struct field f_name = {"name", _("Navn"), "text", NULL, "off", NULL, false, false};
	struct field f_cpr = {"cpr",  _("CPR-nummer"),
			      "text", NULL,
			      "off",  _("DDMMÅÅ-SSSS. Eller angiv fødselsdato nedenfor."),
			      true,   false};
	struct field f_birth = {"birth_date", _("Fødselsdato"), "date", NULL, "off", NULL, true,
				false};
	struct field f_date = {"contact_date", _("Kontaktdato"), "date", NULL, "off", NULL, false,
			       false};
	input_field(h, &f_name, error_for(r, "name"));
	input_field(h, &f_cpr, error_for(r, "cpr"));
	input_field(h, &f_birth, error_for(r, "birth_date"));
	input_field(h, &f_date, error_for(r, "contact_date"));
	textarea(h, "summary", _("Kort resumé"), NULL, error_for(r, "summary"));
	category_select(h, o, "category", true, error_for(r, "category"));
	submit_button(h, "primary", _("Overlever"));
	html_printf(h, "</form>\n");
}

static void decision_form(struct request *rq, struct html *h, long long meeting,
			  const struct agenda_item *it, const struct org *o,
			  const struct offer_rows *offers)
{
	char iid[48];
	snprintf(iid, sizeof(iid), "%s-%lld", agenda_kind_id(it->kind), it->id);
	html_printf(h,
		    "<form method=\"post\" action=\"/sager/moede/%lld/beslut/%s\" "
		    "class=\"app-form\" aria-label=\"%s %s\">\n",
		    meeting, iid, _("Beslutning om"), it->name);
	csrf_input(h, rq->session.csrf);
	char id[96];
	snprintf(id, sizeof(id), "category-%s", iid);
	struct field f_cat = {id, _("Kategori"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &f_cat, NULL);
	for (size_t i = 0; i < o->categories_nr; i++) {
		char v[24], label[300];
		snprintf(v, sizeof(v), "%zu", i + 1);
		snprintf(label, sizeof(label), "%zu. %s", i + 1, o->categories[i].name);
		select_option(h, v, label, (int)i + 1 == (it->category ? it->category : 1));
	}
	select_close(h);
	snprintf(id, sizeof(id), "type-%s", iid);
	struct field f_type = {id, _("Handling"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &f_type, NULL);
	for (size_t i = 0; i < concern_actions_nr(o); i++) {
		const char *a = concern_action_id(o, i);
		select_option(h, a, concern_action_label(o, a), i == 0);
	}
	select_close(h);
	snprintf(id, sizeof(id), "owner-%s", iid);
	struct field f_owner = {id,   _("Ansvarlig organisation"), NULL, NULL, NULL, NULL, false,
				false};
	select_open(h, &f_owner, NULL);
	static const char *const owner_labels[CONCERN_OWNER_ORGS] = {
	    N_("SSP-team"), N_("Politi"), N_("Børn og Familier"), N_("Ungeenheden")};
	for (int i = 0; i < CONCERN_OWNER_ORGS; i++)
		select_option(h, concern_owner_org_id(i), _(owner_labels[i]), i == 0);
	select_close(h);
	/* a referral points at an offer of the help landscape (issue 14) */
	snprintf(id, sizeof(id), "offer-%s", iid);
	struct field f_offer = {id,   _("Tilbud"),
				NULL, NULL,
				NULL, _("Kun ved en henvisning: tilbuddet i tilbudsoversigten."),
				true, false};
	select_open(h, &f_offer, NULL);
	select_option(h, "", _("Intet tilbud"), true);
	for (size_t i = 0; offers && i < offers->nr; i++) {
		char v[24];
		snprintf(v, sizeof(v), "%lld", offers->v[i].id);
		select_option(h, v, offers->v[i].name, false);
	}
	select_close(h);
	snprintf(id, sizeof(id), "owneruser-%s", iid);
	struct field f_user = {id,     _("Ansvarlig person"),
			       "text", NULL,
			       "off",  _("Brugernavnet, når personen kendes."),
			       true,   false};
	input_field(h, &f_user, NULL);
	snprintf(id, sizeof(id), "due-%s", iid);
	struct field f_due = {id,   _("Frist"), "date",
			      NULL, "off",      _("Tom: kategoriens standardfrist fra strategien."),
			      true, false};
	input_field(h, &f_due, NULL);
	snprintf(id, sizeof(id), "basis-%s", iid);
	struct field f_lb = {id, _("Hjemmel"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &f_lb, NULL);
	for (int b = 0; b < LB__COUNT; b++)
		select_option(h, legal_basis_id((enum legal_basis)b),
			      legal_basis_label((enum legal_basis)b), b == 0);
	select_close(h);
	snprintf(id, sizeof(id), "necessity-%s", iid);
	html_printf(h,
		    "<div class=\"form-group\"><input type=\"checkbox\" class=\"form-checkbox\" "
		    "id=\"%s\" name=\"necessity\" value=\"ja\">"
		    "<label for=\"%s\">%s</label></div>\n",
		    id, id, _("Det er nødvendigt at dele oplysningerne"));
	submit_button(h, "secondary", _("Gem beslutning"));
	html_printf(h, "</form>\n");
}

static void case_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	long long meeting;
	if (!meeting_param(rq, &meeting))
		return;
	struct agenda g;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_agenda(rq->svc, &rq->actor, meeting, &g, &lr) < 0) {
		web_svc_fail(rq, &lr);
		return;
	}
	struct org o;
	if (!web_load_org(rq, &o)) {
		agenda_release(&g);
		return;
	}
	/* the directory, for a referral's offer (nothing to choose when it
	 * cannot be read: the decision stands without one) */
	struct offer_rows offers;
	struct offer_query all = {"", "", "", ""};
	if (svc_offers_list(rq->svc, &rq->actor, &all, &offers, &lr) < 0) {
		svc_result_clear(&lr);
		memset(&offers, 0, sizeof(offers));
	}
	struct page p;
	page_init(&p, _("Sager på § 115-mødet"), "/moeder");
	page_notice(rq, &p.main, case_notices);
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Politiets overleveringer, de visiterede indstillinger og sager til "
		      "opfølgning. Mødet afklarer bekymringsniveauet, kategorien, de nødvendige "
		      "handlinger og hvem der har ansvaret. Der efterforskes ikke her."));
	if (g.closed)
		alert(&p.main, "info", _("Mødet er lukket."));
	if (!g.nr) {
		html_printf(&p.main, "<p>%s</p>\n", _("Der er ingen sager på mødet."));
	} else {
		html_printf(&p.main, "<h2>%s</h2>\n<ul class=\"app-case-list\">\n", _("Dagsorden"));
		for (size_t i = 0; i < g.nr; i++) {
			const struct agenda_item *it = &g.v[i];
			static const char *const kinds[] = {N_("Overlevering"), N_("Indstilling"),
							    N_("Opfølgning")};
			html_printf(&p.main, "<li><h3>%s: %s, %d %s", _(kinds[it->kind]), it->name,
				    it->age, _("år"));
			flags_text(&p.main, it->flags);
			html_printf(&p.main, "</h3>\n");
			if (it->summary)
				html_printf(&p.main, "<p>%s</p>\n", it->summary);
			if (it->concern)
				html_printf(&p.main,
					    "<p>%s <a href=\"/sager/%lld\">%lld</a>.</p>\n",
					    _("Besluttet: sag nr."), it->concern, it->concern);
			else if (!g.closed)
				decision_form(rq, &p.main, meeting, it, &o, &offers);
			html_printf(&p.main, "</li>\n");
		}
		html_printf(&p.main, "</ul>\n");
	}
	/* § 115, stk. 4: declining to share (pages_referrals.c) */
	case_decline_section(rq, &p.main, meeting, &g);
	if (!g.closed && rq->actor.role == ROLE_POLICE)
		handover_form(rq, &p.main, meeting, &o, r);
	else
		form_error_summary(&p.main, r);
	if (!g.closed) {
		html_printf(&p.main, "<h2 id=\"luk\">%s</h2>\n<p>%s</p>\n", _("Luk mødet"),
			    _("Overleveringer, der ikke er blevet til en sag, slettes."));
		html_printf(&p.main,
			    "<form method=\"post\" action=\"/sager/moede/%lld/luk\" "
			    "aria-labelledby=\"luk\">\n",
			    meeting);
		csrf_input(&p.main, rq->session.csrf);
		submit_button(&p.main, "secondary", _("Luk mødet"));
		html_printf(&p.main, "</form>\n");
	}
	page_finish(rq, status, &p);
	offer_rows_release(&offers);
	org_release(&o);
	agenda_release(&g);
}

void h_case_meeting(struct request *rq)
{
	case_page(rq, 200, NULL);
}

static void failed(struct request *rq, struct svc_result *r)
{
	unsigned st = r->status == SVC_INVALID ? 422 : 0;
	if (st) {
		case_page(rq, st, r);
		svc_result_clear(r);
	} else {
		web_svc_fail(rq, r);
	}
}

static void redirect_ok(struct request *rq, const char *ok)
{
	struct strbuf loc = STRBUF_INIT;
	strbuf_addf(&loc, "/sager/moede/%s?ok=%s", rq->params[0], ok);
	resp_redirect(rq, loc.buf);
	strbuf_release(&loc);
}

void h_case_handover(struct request *rq)
{
	long long meeting;
	if (!meeting_param(rq, &meeting))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	struct person_input pin = {fget(rq, "name"), fget(rq, "cpr"), fget(rq, "birth_date"), NULL};
	long long person, id;
	bool existing;
	struct target_result t;
	if (svc_person_add(rq->svc, &rq->actor, &pin, &person, &existing, &t, &r) < 0) {
		failed(rq, &r);
		return;
	}
	struct handover_input in = {meeting, person, fget(rq, "contact_date"), fget(rq, "summary"),
				    level_field(fget(rq, "category"))};
	if (svc_handover_add(rq->svc, &rq->actor, &in, &id, &r) < 0) {
		failed(rq, &r);
		return;
	}
	redirect_ok(rq, "overleveret");
}

void h_case_decide(struct request *rq)
{
	long long meeting, item;
	if (!meeting_param(rq, &meeting))
		return;
	char buf[129];
	snprintf(buf, sizeof(buf), "%s", rq->params[1]);
	char *dash = strrchr(buf, '-');
	enum agenda_kind kind;
	if (!dash) {
		web_error(rq, 404, _("Punktet findes ikke på dette møde."), NULL);
		return;
	}
	*dash = '\0';
	size_t n = strlen(dash + 1);
	if (agenda_kind_parse(buf, &kind) < 0 || !n || n > 18 ||
	    strspn(dash + 1, "0123456789") != n) {
		web_error(rq, 404, _("Punktet findes ikke på dette møde."), NULL);
		return;
	}
	item = strtoll(dash + 1, NULL, 10);
	char key[160];
	const char *iid = rq->params[1];
	snprintf(key, sizeof(key), "category-%s", iid);
	int category = level_field(fget(rq, key));
	char k_type[160], k_owner[160], k_user[160], k_due[160], k_basis[160], k_offer[160];
	snprintf(k_user, sizeof(k_user), "owneruser-%s", iid);
	snprintf(k_type, sizeof(k_type), "type-%s", iid);
	snprintf(k_owner, sizeof(k_owner), "owner-%s", iid);
	snprintf(k_due, sizeof(k_due), "due-%s", iid);
	snprintf(k_basis, sizeof(k_basis), "basis-%s", iid);
	snprintf(k_offer, sizeof(k_offer), "offer-%s", iid);
	const char *due = fget(rq, k_due);
	const char *user = fget(rq, k_user);
	struct decision_input_action act = {fget(rq, k_type), fget(rq, k_owner),
					    *user ? user : NULL, *due ? due : NULL, 0};
	const char *offer = fget(rq, k_offer);
	if (*offer && !id_parse(offer, &act.offer))
		act.offer = -1; /* the service names it: no such offer */
	struct decision_input in = {.category = category,
				    .legal_basis = fget(rq, k_basis),
				    .necessity = !strcmp(fget(rq, "necessity"), "ja"),
				    .actions = &act,
				    .actions_nr = 1};
	long long concern;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_concern_decide(rq->svc, &rq->actor, meeting, kind, item, &in, &concern, &r) < 0) {
		failed(rq, &r);
		return;
	}
	redirect_ok(rq, "besluttet");
}

void h_case_close(struct request *rq)
{
	long long meeting;
	if (!meeting_param(rq, &meeting))
		return;
	long deleted;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_meeting_close(rq->svc, &rq->actor, meeting, &deleted, &r) < 0) {
		failed(rq, &r);
		return;
	}
	redirect_ok(rq, "lukket");
}
