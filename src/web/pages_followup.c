/* pages_followup.c - a concern's page and its follow-up (issue 9):
 *
 *   GET  /sager/{id}                         the concern: the young person
 *                                            (CPR masked), category history,
 *                                            actions, case notes, related
 *                                            people, the underretning prompt
 *   POST /sager/{id}/cpr                     the page with the CPR number in
 *                                            full (a logged action)
 *   POST /sager/{id}/handling                a new action (a follow-up
 *                                            bekymringssamtale, ...)
 *   POST /sager/{id}/handling/{action}       status and dates of an action
 *   POST /sager/{id}/underretning            the prompt's underretning to
 *                                            Børn og Familier, with its date
 *   POST /sager/{id}/notat                   a case note
 *   POST /sager/{id}/relateret               a related person
 *   POST /sager/{id}/luk                     close the concern with a reason
 *
 * and the forside's "Dine åbne opgaver" (home_followup_section). The same
 * service calls as the JSON API (service/followup.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/concern.h"
#include "service/concern.h"
#include "service/followup.h"
#include "service/meeting.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

static const struct notice followup_notices[] = {
    {"handling", N_("Handlingen er oprettet.")},
    {"gemt", N_("Handlingen er opdateret.")},
    {"underretning", N_("Underretningen er registreret.")},
    {"notat", N_("Notatet er gemt.")},
    {"relateret", N_("Personen er tilføjet sagen.")},
    {"lukket", N_("Sagen er lukket.")},
    {NULL, NULL}};

static const char *const owner_labels[CONCERN_OWNER_ORGS] = {
    N_("SSP-team"), N_("Politi"), N_("Børn og Familier"), N_("Ungeenheden")};

static const char *owner_label(const char *id)
{
	for (int i = 0; i < CONCERN_OWNER_ORGS; i++)
		if (!strcmp(id, concern_owner_org_id(i)))
			return _(owner_labels[i]);
	return id;
}

static const char *day_str(long day, char buf[11])
{
	if (day == CAL_NO_DAY)
		return "";
	cal_format_date(day, buf);
	return buf;
}

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

static void owner_select(struct html *h, const char *id, const char *selected, const char *error)
{
	struct field f = {id, _("Ansvarlig organisation"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &f, error);
	for (int i = 0; i < CONCERN_OWNER_ORGS; i++)
		select_option(h, concern_owner_org_id(i), _(owner_labels[i]),
			      !strcmp(concern_owner_org_id(i), selected));
	select_close(h);
}

static void date_field(struct html *h, const char *id, const char *label, const char *value,
		       const char *hint, const char *error)
{
	struct field f = {id, label, "date", value, "off", hint, true, false};
	input_field(h, &f, error);
}

static void person_section(struct html *h, const struct followup_view *v, const char *cpr,
			   const char *csrf)
{
	html_printf(h,
		    "<section aria-labelledby=\"den-unge\">\n<h2 id=\"den-unge\">%s</h2>\n<dl>\n",
		    _("Den unge"));
	html_printf(h, "<dt>%s</dt><dd>%s</dd>\n", _("Navn"), v->name);
	html_printf(h, "<dt>%s</dt><dd>%s</dd>\n", _("CPR-nummer"),
		    cpr                ? cpr
		    : v->cpr_masked[0] ? v->cpr_masked
				       : _("Registreret med fødselsdato"));
	html_printf(h, "<dt>%s</dt><dd>%d %s", _("Alder"), v->age, _("år"));
	if (v->flags & TARGET_FLAG_BELOW)
		html_printf(h, " <span class=\"app-tag\">%s</span>", _("under målgruppen"));
	if (v->flags & TARGET_FLAG_SSP_PLUS)
		html_printf(h, " <span class=\"app-tag\">%s</span>", _("SSP+"));
	html_printf(h, "</dd>\n</dl>\n");
	if (!cpr && v->cpr_masked[0]) {
		html_printf(h, "<form method=\"post\" action=\"/sager/%lld/cpr\">\n", v->id);
		csrf_input(h, csrf);
		submit_button(h, "secondary", _("Vis CPR-nummer (logges)"));
		html_printf(h, "</form>\n");
	}
	html_printf(h, "</section>\n");
}

static void category_section(struct html *h, const struct followup_view *v, const struct org *o)
{
	html_printf(h, "<section aria-labelledby=\"kategori\">\n<h2 id=\"kategori\">%s</h2>\n",
		    _("Bekymringsniveau"));
	const struct org_category *c = concern_category(o, v->category);
	if (c)
		html_printf(h, "<p>%s %d. %s</p>\n", _("Nuværende kategori:"), v->category,
			    c->name);
	if (v->history_nr) {
		html_printf(h, "<p>%s ", _("Forløb:"));
		for (size_t i = 0; i < v->history_nr; i++)
			html_printf(h, "%s%d", i ? " → " : "", v->history[i]);
		html_printf(h, "</p>\n");
	}
	enum legal_basis lb;
	html_printf(h, "<p>%s %s</p>\n</section>\n", _("Hjemmel:"),
		    legal_basis_parse(v->legal_basis, &lb) == 0 ? legal_basis_label(lb)
								: v->legal_basis);
}

static void action_form(struct request *rq, struct html *h, const struct followup_view *v,
			const struct followup_action *a)
{
	char id[48], d1[11], label[200];
	html_printf(h,
		    "<form method=\"post\" action=\"/sager/%lld/handling/%lld\" class=\"app-form\" "
		    "aria-label=\"%s %lld\">\n",
		    v->id, a->id, _("Opdatér handling"), a->id);
	csrf_input(h, rq->session.csrf);
	snprintf(id, sizeof(id), "status-%lld", a->id);
	struct field f = {id, _("Status"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &f, NULL);
	for (int s = 0; s < ACTION_STATUS__COUNT; s++) {
		const char *sid = action_status_id((enum action_status)s);
		select_option(h, sid, action_status_label(sid), !strcmp(sid, a->status));
	}
	select_close(h);
	if (!strcmp(a->type, "bekymringssamtale")) {
		snprintf(id, sizeof(id), "planned-%lld", a->id);
		date_field(h, id, _("Planlagt dato"), day_str(a->planned, d1), NULL, NULL);
		snprintf(id, sizeof(id), "held-%lld", a->id);
		date_field(h, id, _("Afholdt dato"), day_str(a->held, d1), NULL, NULL);
	} else if (!strcmp(a->type, "underretning")) {
		snprintf(id, sizeof(id), "reported-%lld", a->id);
		date_field(h, id, _("Underretningen er lavet den"), day_str(a->reported, d1),
			   _("Kvitteringen skal komme inden 6 hverdage."), NULL);
		snprintf(id, sizeof(id), "receipt-%lld", a->id);
		date_field(h, id, _("Kvittering modtaget den"), day_str(a->receipt_at, d1), NULL,
			   NULL);
	}
	snprintf(label, sizeof(label), "%s", _("Gem"));
	submit_button(h, "secondary", label);
	html_printf(h, "</form>\n");
}

static void actions_section(struct request *rq, struct html *h, const struct followup_view *v,
			    const struct org *o, const struct svc_result *r)
{
	html_printf(h, "<section aria-labelledby=\"handlinger\">\n<h2 id=\"handlinger\">%s</h2>\n",
		    _("Handlinger"));
	if (!v->actions_nr)
		html_printf(h, "<p>%s</p>\n", _("Der er ingen handlinger på sagen."));
	char d[11];
	for (size_t i = 0; i < v->actions_nr; i++) {
		const struct followup_action *a = &v->actions[i];
		const char *label = concern_action_label(o, a->type);
		html_printf(h, "<article class=\"app-action\" id=\"handling-%lld\">\n<h3>%s", a->id,
			    label ? label : a->type);
		if (a->overdue)
			html_printf(h, " <span class=\"app-tag app-overdue\">%s</span>",
				    _("overskredet"));
		html_printf(h, "</h3>\n<dl>\n<dt>%s</dt><dd>%s", _("Ansvarlig"),
			    owner_label(a->owner_org));
		if (a->owner_user)
			html_printf(h, " (%s)", a->owner_user);
		html_printf(h, "</dd>\n<dt>%s</dt><dd>%s</dd>\n", _("Frist"), day_str(a->due, d));
		html_printf(h, "<dt>%s</dt><dd>%s</dd>\n", _("Status"),
			    action_status_label(a->status));
		if (a->planned != CAL_NO_DAY)
			html_printf(h, "<dt>%s</dt><dd>%s</dd>\n", _("Planlagt"),
				    day_str(a->planned, d));
		if (a->held != CAL_NO_DAY)
			html_printf(h, "<dt>%s</dt><dd>%s</dd>\n", _("Afholdt"),
				    day_str(a->held, d));
		if (a->reported != CAL_NO_DAY)
			html_printf(h, "<dt>%s</dt><dd>%s</dd>\n", _("Underrettet"),
				    day_str(a->reported, d));
		/* the receipt is due once the underretning has been made */
		if (a->reported != CAL_NO_DAY && a->receipt_due != CAL_NO_DAY) {
			html_printf(h, "<dt>%s</dt><dd>%s", _("Kvittering senest"),
				    day_str(a->receipt_due, d));
			if (a->receipt_overdue)
				html_printf(h, " <span class=\"app-tag app-overdue\">%s</span>",
					    _("kvittering overskredet"));
			html_printf(h, "</dd>\n");
		}
		if (a->receipt_at != CAL_NO_DAY)
			html_printf(h, "<dt>%s</dt><dd>%s</dd>\n", _("Kvittering modtaget"),
				    day_str(a->receipt_at, d));
		html_printf(h, "</dl>\n");
		if (v->open)
			action_form(rq, h, v, a);
		html_printf(h, "</article>\n");
	}
	if (v->open) {
		html_printf(h, "<h3 id=\"ny-handling\">%s</h3>\n<p>%s</p>\n", _("Ny handling"),
			    _("En opfølgende samtale er en ny bekymringssamtale. SSP-teamet er "
			      "tovholder på bekymringssamtaler."));
		html_printf(
		    h,
		    "<form method=\"post\" action=\"/sager/%lld/handling\" class=\"app-form\" "
		    "aria-labelledby=\"ny-handling\">\n",
		    v->id);
		csrf_input(h, rq->session.csrf);
		struct field f = {"type", _("Handling"), NULL, NULL, NULL, NULL, false, false};
		select_open(h, &f, error_for(r, "type"));
		for (size_t i = 0; i < concern_actions_nr(o); i++) {
			const char *t = concern_action_id(o, i);
			select_option(h, t, concern_action_label(o, t), i == 0);
		}
		select_close(h);
		owner_select(h, "owner_org", "ssp", error_for(r, "owner_org"));
		date_field(h, "due", _("Frist"), NULL,
			   _("Tom: kategoriens standardfrist fra strategien."),
			   error_for(r, "due"));
		date_field(h, "planned_date", _("Planlagt dato (bekymringssamtale)"), NULL, NULL,
			   error_for(r, "planned_date"));
		submit_button(h, "secondary", _("Opret handling"));
		html_printf(h, "</form>\n");
	}
	html_printf(h, "</section>\n");
}

static void prompt_section(struct request *rq, struct html *h, const struct followup_view *v)
{
	if (!v->report_prompt)
		return;
	html_printf(h,
		    "<section aria-labelledby=\"underretning\" class=\"app-prompt\">\n"
		    "<h2 id=\"underretning\">%s</h2>\n",
		    _("Lav en underretning til Børn og Familier"));
	alert(h, "warning",
	      _("Et notat på sagen udtrykker bekymring for barnets trivsel. Du har pligt til at "
		"underrette Børn og Familier. Beskeden står her, indtil en underretning er "
		"registreret som lavet."));
	html_printf(h,
		    "<form method=\"post\" action=\"/sager/%lld/underretning\" class=\"app-form\" "
		    "aria-labelledby=\"underretning\">\n",
		    v->id);
	csrf_input(h, rq->session.csrf);
	char today[11];
	cal_format_date(svc_today(), today);
	date_field(h, "reported_at", _("Underretningen er lavet den"), today,
		   _("Børn og Familier skal kvittere inden 6 hverdage."), NULL);
	submit_button(h, "primary", _("Registrér underretningen"));
	html_printf(h, "</form>\n</section>\n");
}

static void notes_section(struct request *rq, struct html *h, const struct followup_view *v,
			  const struct org *o, const struct svc_result *r)
{
	html_printf(h, "<section aria-labelledby=\"notater\">\n<h2 id=\"notater\">%s</h2>\n",
		    _("Sagsnotater"));
	if (!v->notes_nr)
		html_printf(h, "<p>%s</p>\n", _("Der er ingen notater på sagen."));
	for (size_t i = 0; i < v->notes_nr; i++) {
		const struct followup_note *n = &v->notes[i];
		html_printf(h, "<article class=\"app-note\">\n<p class=\"app-muted\">%s, %s",
			    n->created_at, n->created_by);
		if (n->welfare)
			html_printf(h, " <span class=\"app-tag\">%s</span>",
				    _("bekymring for barnets trivsel"));
		if (n->action)
			html_printf(h, " <span class=\"app-tag\">%s %lld</span>",
				    _("referat af handling"), n->action);
		html_printf(h, "</p>\n<p>%s</p>\n</article>\n", n->text ? n->text : "");
	}
	if (v->open) {
		html_printf(h, "<h3 id=\"nyt-notat\">%s</h3>\n", _("Nyt notat"));
		html_printf(h,
			    "<form method=\"post\" action=\"/sager/%lld/notat\" class=\"app-form\" "
			    "aria-labelledby=\"nyt-notat\">\n",
			    v->id);
		csrf_input(h, rq->session.csrf);
		textarea_field(h, "text", _("Notat"), NULL, NULL, error_for(r, "text"), 4);
		struct field f = {"action", _("Referat af handling"), NULL, NULL, NULL, NULL, true,
				  false};
		select_open(h, &f, error_for(r, "action"));
		select_option(h, "", _("Ingen"), true);
		for (size_t i = 0; i < v->actions_nr; i++) {
			char val[24], label[300];
			const char *t = concern_action_label(o, v->actions[i].type);
			snprintf(val, sizeof(val), "%lld", v->actions[i].id);
			snprintf(label, sizeof(label), "%lld: %s", v->actions[i].id,
				 t ? t : v->actions[i].type);
			select_option(h, val, label, false);
		}
		select_close(h);
		checkbox_field(h, "welfare", "ja", false, _("Bekymring for barnets trivsel"));
		submit_button(h, "secondary", _("Gem notat"));
		html_printf(h, "</form>\n");
	}
	html_printf(h, "</section>\n");
}

static void related_section(struct request *rq, struct html *h, const struct followup_view *v,
			    const struct svc_result *r)
{
	html_printf(h, "<section aria-labelledby=\"relaterede\">\n<h2 id=\"relaterede\">%s</h2>\n",
		    _("Forældre og andre vigtige voksne"));
	if (!v->related_nr)
		html_printf(h, "<p>%s</p>\n", _("Der er ingen personer tilknyttet sagen."));
	else
		html_printf(h, "<ul>\n");
	for (size_t i = 0; i < v->related_nr; i++) {
		const struct followup_related *p = &v->related[i];
		html_printf(h, "<li>%s (%s)", p->name ? p->name : "", relation_label(p->relation));
		if (p->phone)
			html_printf(h, ", %s %s", _("tlf."), p->phone);
		html_printf(h, "</li>\n");
	}
	if (v->related_nr)
		html_printf(h, "</ul>\n");
	if (v->open) {
		html_printf(h, "<h3 id=\"ny-relateret\">%s</h3>\n<p>%s</p>\n", _("Tilføj person"),
			    _("Kun det nødvendige for at kontakte personen."));
		html_printf(h,
			    "<form method=\"post\" action=\"/sager/%lld/relateret\" "
			    "class=\"app-form\" aria-labelledby=\"ny-relateret\">\n",
			    v->id);
		csrf_input(h, rq->session.csrf);
		struct field fn = {"name", _("Navn"), "text", NULL, "off", NULL, false, false};
		input_field(h, &fn, error_for(r, "name"));
		struct field fr = {"relation", _("Relation"), NULL, NULL, NULL, NULL, false, false};
		select_open(h, &fr, error_for(r, "relation"));
		for (int i = 0; i < RELATIONS_NR; i++)
			select_option(h, relation_id(i), relation_label(relation_id(i)), i == 0);
		select_close(h);
		struct field fp = {"phone", _("Telefon"), "tel", NULL, "off", NULL, true, false};
		input_field(h, &fp, error_for(r, "phone"));
		submit_button(h, "secondary", _("Tilføj"));
		html_printf(h, "</form>\n");
	}
	html_printf(h, "</section>\n");
}

static void close_section(struct request *rq, struct html *h, const struct followup_view *v,
			  const struct svc_result *r)
{
	html_printf(h, "<section aria-labelledby=\"luk-sag\">\n<h2 id=\"luk-sag\">%s</h2>\n",
		    v->open ? _("Luk sagen") : _("Sagen er lukket"));
	if (!v->open) {
		if (v->close_reason)
			html_printf(h, "<p>%s %s</p>\n", _("Begrundelse:"), v->close_reason);
	} else {
		html_printf(h,
			    "<form method=\"post\" action=\"/sager/%lld/luk\" class=\"app-form\" "
			    "aria-labelledby=\"luk-sag\">\n",
			    v->id);
		csrf_input(h, rq->session.csrf);
		textarea_field(h, "reason", _("Begrundelse"), NULL, NULL, error_for(r, "reason"),
			       2);
		submit_button(h, "secondary", _("Luk sagen"));
		html_printf(h, "</form>\n");
	}
	html_printf(h, "</section>\n");
}

static void concern_page(struct request *rq, unsigned status, const struct svc_result *r,
			 const char *cpr)
{
	long long id;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id))
		return;
	struct followup_view v;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_followup_get(rq->svc, &rq->actor, id, &v, &lr) < 0) {
		web_svc_fail(rq, &lr);
		return;
	}
	struct org o;
	if (!web_load_org(rq, &o)) {
		followup_view_release(&v);
		return;
	}
	char title[64];
	snprintf(title, sizeof(title), _("Sag nr. %lld"), id);
	struct page p;
	page_init(&p, title, "/");
	page_notice(rq, &p.main, followup_notices);
	form_error_summary(&p.main, r);
	prompt_section(rq, &p.main, &v);
	person_section(&p.main, &v, cpr, rq->session.csrf);
	category_section(&p.main, &v, &o);
	actions_section(rq, &p.main, &v, &o, r);
	notes_section(rq, &p.main, &v, &o, r);
	related_section(rq, &p.main, &v, r);
	close_section(rq, &p.main, &v, r);
	page_finish(rq, status, &p);
	org_release(&o);
	followup_view_release(&v);
}

void h_concern(struct request *rq)
{
	concern_page(rq, 200, NULL, NULL);
}

static void failed(struct request *rq, struct svc_result *r)
{
	if (r->status == SVC_INVALID) {
		concern_page(rq, 422, r, NULL);
		svc_result_clear(r);
	} else {
		web_svc_fail(rq, r);
	}
}

static void redirect_ok(struct request *rq, const char *ok, const char *anchor)
{
	struct strbuf loc = STRBUF_INIT;
	strbuf_addf(&loc, "/sager/%s?ok=%s#%s", rq->params[0], ok, anchor);
	resp_redirect(rq, loc.buf);
	strbuf_release(&loc);
}

void h_concern_cpr(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id))
		return;
	/* the concern's person, read through the logged concern view first */
	struct followup_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_followup_get(rq->svc, &rq->actor, id, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	long long person = v.person;
	followup_view_release(&v);
	char cpr[12];
	if (svc_person_cpr(rq->svc, &rq->actor, person, cpr, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	concern_page(rq, 200, NULL, cpr);
	memset(cpr, 0, sizeof(cpr));
}

void h_concern_action_add(struct request *rq)
{
	long long id, aid;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id))
		return;
	struct action_input in = {opt(fget(rq, "type")), opt(fget(rq, "owner_org")),    NULL,
				  opt(fget(rq, "due")),  opt(fget(rq, "planned_date")), NULL};
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_action_add(rq->svc, &rq->actor, id, &in, &aid, &r) < 0) {
		failed(rq, &r);
		return;
	}
	redirect_ok(rq, "handling", "handlinger");
}

void h_concern_action_change(struct request *rq)
{
	long long id, aid;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id) ||
	    !web_path_id(rq, 1, _("Handlingen findes ikke."), &aid))
		return;
	char k_st[48], k_pl[48], k_he[48], k_re[48], k_rc[48];
	snprintf(k_st, sizeof(k_st), "status-%lld", aid);
	snprintf(k_pl, sizeof(k_pl), "planned-%lld", aid);
	snprintf(k_he, sizeof(k_he), "held-%lld", aid);
	snprintf(k_re, sizeof(k_re), "reported-%lld", aid);
	snprintf(k_rc, sizeof(k_rc), "receipt-%lld", aid);
	struct action_change in = {opt(fget(rq, k_st)), opt(fget(rq, k_pl)), opt(fget(rq, k_he)),
				   opt(fget(rq, k_re)), opt(fget(rq, k_rc))};
	long long concern = 0;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_action_change(rq->svc, &rq->actor, aid, &in, &concern, &r) < 0) {
		failed(rq, &r);
		return;
	}
	if (concern != id) {
		web_error(rq, 404, _("Handlingen hører ikke til denne sag."), NULL);
		return;
	}
	redirect_ok(rq, "gemt", "handlinger");
}

void h_concern_report(struct request *rq)
{
	long long id, aid;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id))
		return;
	/* one call: the action and the day it was made, or neither */
	struct action_input in = {
	    "underretning", "boern-familier", NULL, NULL, NULL, opt(fget(rq, "reported_at"))};
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_action_add(rq->svc, &rq->actor, id, &in, &aid, &r) < 0) {
		failed(rq, &r);
		return;
	}
	redirect_ok(rq, "underretning", "handlinger");
}

void h_concern_note_add(struct request *rq)
{
	long long id, nid;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id))
		return;
	const char *act = fget(rq, "action");
	long long action = 0;
	if (*act && !id_parse(act, &action))
		action = -1; /* the service names the field */
	struct case_note_input in = {fget(rq, "text"), !strcmp(fget(rq, "welfare"), "ja"),
				     action < 0 ? 0 : action};
	struct svc_result r = SVC_RESULT_INIT;
	if (action < 0) {
		svc_fail(&r, SVC_INVALID, "action", "%s", _("Vælg en handling fra listen."));
		failed(rq, &r);
		return;
	}
	bool prompt = false;
	if (svc_case_note_add(rq->svc, &rq->actor, id, &in, &nid, &prompt, &r) < 0) {
		failed(rq, &r);
		return;
	}
	redirect_ok(rq, "notat", prompt ? "underretning" : "notater");
}

void h_concern_related_add(struct request *rq)
{
	long long id, rid;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id))
		return;
	struct related_input in = {fget(rq, "name"), fget(rq, "relation"), opt(fget(rq, "phone"))};
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_related_add(rq->svc, &rq->actor, id, &in, &rid, &r) < 0) {
		failed(rq, &r);
		return;
	}
	redirect_ok(rq, "relateret", "relaterede");
}

void h_concern_close(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Sagen findes ikke."), &id))
		return;
	const char *reason = fget(rq, "reason");
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_concern_close(rq->svc, &rq->actor, id, *reason ? reason : NULL, &r) < 0) {
		failed(rq, &r);
		return;
	}
	redirect_ok(rq, "lukket", "luk-sag");
}

/* ---- the forside ------------------------------------------------------------------ */

void home_followup_section(struct request *rq, struct html *h)
{
	html_printf(h, "<section aria-labelledby=\"opgaver\">\n<h2 id=\"opgaver\">%s</h2>\n",
		    _("Dine åbne opgaver"));
	struct my_actions l = {0};
	struct svc_result r = SVC_RESULT_INIT;
	if (!svc_may(rq->svc, &rq->actor, ACT_CONCERN_VIEW) ||
	    svc_actions_mine(rq->svc, &rq->actor, &l, &r) < 0 || !l.nr) {
		html_printf(h, "<p>%s</p>\n</section>\n",
			    _("Du har ingen åbne opgaver. Opgaver opstår, når et møde fordeler "
			      "dem, og de står her, indtil de er løst."));
		svc_result_clear(&r);
		my_actions_release(&l);
		return;
	}
	struct org o;
	org_init(&o);
	struct svc_result orr = SVC_RESULT_INIT;
	bool have_org = svc_org_view(rq->svc, &rq->actor, &o, &orr) == 0;
	svc_result_clear(&orr);
	html_printf(h, "<ul class=\"app-tasks\">\n");
	char d[11];
	for (size_t i = 0; i < l.nr; i++) {
		const struct followup_action *a = &l.v[i];
		const char *label = have_org ? concern_action_label(&o, a->type) : NULL;
		html_printf(h, "<li><a href=\"/sager/%lld#handling-%lld\">%s %lld: %s</a>, %s %s",
			    a->concern, a->id, _("Sag nr."), a->concern, label ? label : a->type,
			    a->receipt_due == a->deadline && a->reported != CAL_NO_DAY
				? _("kvittering senest")
				: _("frist"),
			    day_str(a->deadline, d));
		if (a->overdue)
			html_printf(h, " <span class=\"app-tag app-overdue\">%s</span>",
				    _("overskredet"));
		html_printf(h, "</li>\n");
	}
	html_printf(h, "</ul>\n</section>\n");
	org_release(&o);
	my_actions_release(&l);
}
