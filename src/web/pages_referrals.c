/* pages_referrals.c - referrals, screening, statistics and declining to
 * share (issue 9):
 *
 *   GET  /indstillinger                 register a pupil and refer them;
 *                                       "Mine indstillinger": status only
 *   POST /indstillinger
 *   GET  /visitering                    the SSP-team's screening list
 *   POST /visitering/{id}               agenda / adhoc / other (reason)
 *   GET  /statistik?aar=YYYY            counts by category, age band,
 *                                       district and month ("<5")
 *   POST /sager/moede/{id}/afstaa       § 115, stk. 4: decline to share
 *   POST /api/v1/meetings/{id}/items/{item}/decline   the same, JSON
 *
 * Thin: the service calls of service/concern.h and service/referral.h
 * decide and log; the pages render what they hand out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/concern.h"
#include "service/concern.h"
#include "service/referral.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

static const struct notice referral_notices[] = {
    {"indstillet", N_("Indstillingen er sendt til SSP-teamet.")}, {NULL, NULL}};

static const struct notice screening_notices[] = {{"visiteret", N_("Indstillingen er visiteret.")},
						  {NULL, NULL}};

/* What a referrer sees of a referral: its status, never the meeting's
 * content. */
static const char *status_label(const char *status)
{
	static const struct {
		const char *id, *label;
	} labels[] = {
	    {"submitted", N_("Afventer SSP-teamets visitering")},
	    {"agenda", N_("Sat på dagsordenen til et § 115-møde")},
	    {"adhoc", N_("Sendt til et ad hoc § 115-møde")},
	    {"other", N_("Håndteret på anden måde")},
	    {"decided", N_("Drøftet på § 115-mødet")},
	};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(labels[i].id, status))
			return _(labels[i].label);
	return status;
}

static const char *basis_label(const char *id)
{
	enum legal_basis b;
	return id && legal_basis_parse(id, &b) == 0 ? legal_basis_label(b) : (id ? id : "");
}

static void flags_text(struct html *h, unsigned flags)
{
	if (flags & TARGET_FLAG_BELOW)
		html_printf(h, " <span class=\"app-tag\">%s</span>", _("under målgruppen"));
	if (flags & TARGET_FLAG_SSP_PLUS)
		html_printf(h, " <span class=\"app-tag\">%s</span>", _("SSP+"));
}

/* ---- /indstillinger ------------------------------------------------------------ */

static void referral_form(struct request *rq, struct html *h, const struct svc_result *r)
{
	bool again = r != NULL; /* a refused post: keep what was typed */
	html_printf(h, "<h2 id=\"indstil\">%s</h2>\n<p>%s</p>\n", _("Indstil en ung"),
		    _("Registrér eleven, og beskriv bekymringen. SSP-teamet visiterer "
		      "indstillingen til et § 115-møde eller håndterer den på anden måde. Du ser "
		      "indstillingens status, men ikke mødets drøftelser."));
	form_error_summary(h, r);
	html_printf(h, "<form method=\"post\" action=\"/indstillinger\" class=\"app-form\" "
		       "aria-labelledby=\"indstil\">\n");
	csrf_input(h, rq->session.csrf);
	struct field f_name = {
	    "name", _("Elevens navn"), "text", again ? fget(rq, "name") : NULL, "off", NULL, false,
	    false};
	struct field f_cpr = {"cpr",  _("CPR-nummer"),
			      "text", again ? fget(rq, "cpr") : NULL,
			      "off",  _("DDMMÅÅ-SSSS. Eller angiv fødselsdato nedenfor."),
			      true,   false};
	struct field f_birth = {"birth_date", _("Fødselsdato"),
				"date",       again ? fget(rq, "birth_date") : NULL,
				"off",        NULL,
				true,         false};
	input_field(h, &f_name, error_for(r, "name"));
	input_field(h, &f_cpr, error_for(r, "cpr"));
	input_field(h, &f_birth, error_for(r, "birth_date"));
	const char *person_error = error_for(r, "person");
	if (person_error)
		alert(h, "error", person_error);
	textarea_field(h, "summary", _("Beskrivelse af bekymringen"),
		       _("Hvad har skolen eller klubben set? Kun det, mødet har brug for."),
		       again ? fget(rq, "summary") : NULL, error_for(r, "summary"), 4);
	textarea_field(h, "necessity", _("Hvorfor er det nødvendigt at dele oplysningerne?"),
		       _("Nødvendighedsbegrundelsen: hvorfor kan skolen eller klubben ikke "
			 "løse det alene?"),
		       again ? fget(rq, "necessity") : NULL, error_for(r, "necessity"), 3);
	struct field f_lb = {"legal_basis", _("Hjemmel"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &f_lb, error_for(r, "legal_basis"));
	const char *chosen = again ? fget(rq, "legal_basis") : "";
	for (int b = 0; b < LB__COUNT; b++) {
		const char *id = legal_basis_id((enum legal_basis)b);
		select_option(h, id, legal_basis_label((enum legal_basis)b),
			      *chosen ? !strcmp(chosen, id) : b == 0);
	}
	select_close(h);
	submit_button(h, "primary", _("Send indstillingen"));
	html_printf(h, "</form>\n");
}

static void mine_table(struct html *h, const struct referral_list *l)
{
	html_printf(h, "<h2 id=\"mine\">%s</h2>\n", _("Mine indstillinger"));
	if (!l->nr) {
		html_printf(h, "<p>%s</p>\n", _("Du har ingen indstillinger."));
		return;
	}
	html_printf(h,
		    "<table class=\"table table--zebra\">\n<caption>%s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("Status for dine indstillinger"), _("Nr."), _("Indsendt"), _("Status"),
		    _("Mødedato"));
	for (size_t i = 0; i < l->nr; i++) {
		const struct referral_item *x = &l->v[i];
		char sent[40], met[40];
		web_dk_date(x->submitted, sent);
		web_dk_date(x->meeting_day, met);
		html_printf(
		    h, "<tr><th scope=\"row\">%lld</th><td>%s</td><td>%s</td><td>%s</td></tr>\n",
		    x->id, sent, status_label(x->status), met);
	}
	html_printf(h, "</tbody>\n</table>\n");
}

static void referrals_page(struct request *rq, unsigned status, const struct svc_result *r)
{
	struct referral_list l;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_referrals_mine(rq->svc, &rq->actor, &l, &lr) < 0) {
		web_svc_fail(rq, &lr);
		return;
	}
	struct page p;
	page_init(&p, _("Indstillinger"), "/indstillinger");
	page_notice(rq, &p.main, referral_notices);
	referral_form(rq, &p.main, r);
	mine_table(&p.main, &l);
	page_finish(rq, status, &p);
	referral_list_release(&l);
}

void h_referrals(struct request *rq)
{
	referrals_page(rq, 200, NULL);
}

void h_referrals_add(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	struct person_input pin = {fget(rq, "name"), *fget(rq, "cpr") ? fget(rq, "cpr") : NULL,
				   *fget(rq, "birth_date") ? fget(rq, "birth_date") : NULL, NULL};
	long long person, id;
	bool existing;
	struct target_result t;
	int rc = svc_person_add(rq->svc, &rq->actor, &pin, &person, &existing, &t, &r);
	if (rc == 0) {
		struct referral_input in = {person, fget(rq, "summary"), fget(rq, "necessity"),
					    fget(rq, "legal_basis")};
		rc = svc_referral_add(rq->svc, &rq->actor, &in, &id, &r);
	}
	if (rc < 0) {
		if (r.status == SVC_INVALID) {
			referrals_page(rq, 422, &r);
			svc_result_clear(&r);
		} else {
			web_svc_fail(rq, &r);
		}
		return;
	}
	resp_redirect(rq, "/indstillinger?ok=indstillet");
}

/* ---- /visitering --------------------------------------------------------------- */

static void meeting_label(const struct org *o, const struct meeting *m, char *out, size_t n)
{
	const struct org_body *b = org_find_body(o, m->body);
	char day[40];
	web_dk_date(m->day, day);
	snprintf(out, n, "%s, %s", b ? b->name : m->body, day);
}

static void screening_form(struct request *rq, struct html *h, const struct referral_item *x,
			   const struct org *o, const struct meeting_list *ml,
			   const struct svc_result *r)
{
	const char *e_decision = error_for(r, "decision"), *e_meeting = error_for(r, "meeting"),
		   *e_reason = error_for(r, "reason");
	html_printf(h,
		    "<form method=\"post\" action=\"/visitering/%lld\" class=\"app-form\" "
		    "aria-labelledby=\"indstilling-%lld\">\n",
		    x->id, x->id);
	csrf_input(h, rq->session.csrf);
	html_printf(h,
		    "<fieldset class=\"form-group%s\">\n<legend class=\"form-label\">%s</legend>\n",
		    e_decision ? " form-error" : "", _("Visitering"));
	if (e_decision)
		html_printf(h, "<span class=\"form-error-message\">%s</span>\n", e_decision);
	static const struct {
		const char *id, *label;
	} choices[] = {
	    {"agenda", N_("På dagsordenen til det næste § 115-møde")},
	    {"adhoc", N_("Til et ad hoc § 115-møde")},
	    {"other", N_("Håndteres på anden måde (begrundelse kræves)")},
	};
	for (size_t i = 0; i < sizeof(choices) / sizeof(choices[0]); i++)
		html_printf(h,
			    "<div class=\"form-group-radio\"><input type=\"radio\" "
			    "class=\"form-radio\" id=\"decision-%lld-%s\" name=\"decision\" "
			    "value=\"%s\"%s><label for=\"decision-%lld-%s\">%s</label></div>\n",
			    x->id, choices[i].id, choices[i].id, i == 0 ? " checked" : "", x->id,
			    choices[i].id, _(choices[i].label));
	html_printf(h, "</fieldset>\n");
	char id[48];
	snprintf(id, sizeof(id), "meeting-%lld", x->id);
	html_printf(
	    h, "<div class=\"form-group%s\">\n<label class=\"form-label\" for=\"%s\">%s</label>\n",
	    e_meeting ? " form-error" : "", id, _("Møde"));
	html_printf(h, "<span class=\"form-hint\" id=\"%s-hint\">%s</span>\n", id,
		    _("Ved »anden måde« bruges mødet ikke. Et ad hoc § 115-møde oprettes under "
		      "Møder."));
	if (e_meeting)
		html_printf(h, "<span class=\"form-error-message\" id=\"%s-fejl\">%s</span>\n", id,
			    e_meeting);
	html_printf(h, "<select class=\"form-select\" id=\"%s\" name=\"meeting\"", id);
	if (e_meeting)
		html_printf(h, " aria-invalid=\"true\" aria-describedby=\"%s-hint %s-fejl\">\n", id,
			    id);
	else
		html_printf(h, " aria-describedby=\"%s-hint\">\n", id);
	bool first115 = true;
	for (size_t i = 0; i < ml->nr; i++) {
		const struct meeting *m = &ml->v[i];
		char label[400];
		meeting_label(o, m, label, sizeof(label));
		bool sel = first115 && !strcmp(m->body, "paragraf-115");
		if (sel)
			first115 = false;
		html_printf(h, "<option value=\"%lld\"%s>%s</option>\n", m->id,
			    sel ? " selected" : "", label);
	}
	html_printf(h, "</select>\n</div>\n");
	snprintf(id, sizeof(id), "reason-%lld", x->id);
	html_printf(
	    h, "<div class=\"form-group%s\">\n<label class=\"form-label\" for=\"%s\">%s</label>\n",
	    e_reason ? " form-error" : "", id, _("Begrundelse"));
	if (e_reason)
		html_printf(h, "<span class=\"form-error-message\" id=\"%s-fejl\">%s</span>\n", id,
			    e_reason);
	html_printf(h, "<textarea class=\"form-input\" id=\"%s\" name=\"reason\" rows=\"2\"", id);
	if (e_reason)
		html_printf(h, " aria-invalid=\"true\" aria-describedby=\"%s-fejl\"", id);
	html_printf(h, "></textarea>\n</div>\n");
	submit_button(h, "primary", _("Visitér"));
	html_printf(h, "</form>\n");
}

static void screening_page(struct request *rq, unsigned status, long long failed_id,
			   const struct svc_result *r)
{
	struct referral_list l;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_referrals_to_screen(rq->svc, &rq->actor, &l, &lr) < 0) {
		web_svc_fail(rq, &lr);
		return;
	}
	struct org o;
	org_init(&o);
	struct meeting_list ml = MEETING_LIST_INIT;
	if (svc_screening_meetings(rq->svc, &rq->actor, &o, &ml, &lr) < 0) {
		referral_list_release(&l);
		org_release(&o);
		meeting_list_release(&ml);
		web_svc_fail(rq, &lr);
		return;
	}
	struct page p;
	page_init(&p, _("Visitering af indstillinger"), "/visitering");
	page_notice(rq, &p.main, screening_notices);
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Skolernes og klubbernes indstillinger, der venter på SSP-teamets "
		      "visitering: på dagsordenen til det næste § 115-møde, til et ad hoc "
		      "§ 115-møde eller håndteret på anden måde med en begrundelse."));
	if (!failed_id)
		form_error_summary(&p.main, r);
	if (!l.nr)
		html_printf(&p.main, "<p>%s</p>\n", _("Der er ingen indstillinger at visitere."));
	for (size_t i = 0; i < l.nr; i++) {
		const struct referral_item *x = &l.v[i];
		char sent[40];
		web_dk_date(x->submitted, sent);
		html_printf(
		    &p.main,
		    "<section class=\"app-referral\" aria-labelledby=\"indstilling-%lld\">\n"
		    "<h2 id=\"indstilling-%lld\">%s %lld: %s, %d %s",
		    x->id, x->id, _("Indstilling"), x->id, x->name ? x->name : "", x->age, _("år"));
		flags_text(&p.main, x->flags);
		html_printf(
		    &p.main,
		    "</h2>\n<dl>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
		    "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
		    "</dl>\n",
		    _("Institution"), x->institution ? x->institution : "–", _("Indsendt"), sent,
		    _("Hjemmel"), basis_label(x->legal_basis), _("Beskrivelse af bekymringen"),
		    x->summary ? x->summary : "", _("Nødvendighedsbegrundelse"),
		    x->necessity ? x->necessity : "");
		bool mine = failed_id == x->id;
		if (mine)
			form_error_summary(&p.main, r);
		screening_form(rq, &p.main, x, &o, &ml, mine ? r : NULL);
		html_printf(&p.main, "</section>\n");
	}
	page_finish(rq, status, &p);
	meeting_list_release(&ml);
	org_release(&o);
	referral_list_release(&l);
}

void h_screening(struct request *rq)
{
	screening_page(rq, 200, 0, NULL);
}

void h_screening_post(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Indstillingen findes ikke."), &id))
		return;
	const char *ms = fget(rq, "meeting");
	long long meeting = 0;
	if (*ms && !id_parse(ms, &meeting))
		meeting = 0;
	const char *reason = fget(rq, "reason");
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_referral_screen(rq->svc, &rq->actor, id, fget(rq, "decision"), meeting,
				*reason ? reason : NULL, &r) < 0) {
		if (r.status == SVC_INVALID) {
			screening_page(rq, 422, id, &r);
			svc_result_clear(&r);
		} else {
			web_svc_fail(rq, &r);
		}
		return;
	}
	resp_redirect(rq, "/visitering?ok=visiteret");
}

/* ---- /statistik ------------------------------------------------------------------ */

static const char *const month_names[12] = {
    N_("januar"), N_("februar"), N_("marts"),     N_("april"),   N_("maj"),      N_("juni"),
    N_("juli"),   N_("august"),  N_("september"), N_("oktober"), N_("november"), N_("december")};

static void stats_table_open(struct html *h, const char *id, const char *heading,
			     const char *caption, const char *first_col)
{
	html_printf(h,
		    "<h2 id=\"%s\">%s</h2>\n<table class=\"table table--zebra table--compact\">\n"
		    "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"app-num\">%s</th></tr></thead>\n<tbody>\n",
		    id, heading, caption, first_col, _("Antal"));
}

static void stats_row(struct html *h, const char *label, long n)
{
	char s[24];
	stats_cell(n, s);
	html_printf(h, "<tr><th scope=\"row\">%s</th><td class=\"app-num\">%s</td></tr>\n", label,
		    s);
}

void h_concern_stats_page(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct org o;
	org_init(&o);
	struct concern_stats st;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_concern_stats(rq->svc, &rq->actor, year, &o, &st, &r) < 0) {
		org_release(&o);
		web_svc_fail(rq, &r);
		return;
	}
	struct page p;
	page_init(&p, _("Statistik over bekymringer"), "/statistik");
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Sager om bekymring oprettet på § 115-møderne i året, talt op efter "
		      "kategori, aldersgruppe, distrikt og måned. Ingen personoplysninger: tal "
		      "under 5 vises som »<5«."));
	html_printf(
	    &p.main,
	    "<form method=\"get\" action=\"/statistik\" class=\"app-form app-inline-form\">\n");
	char ys[16];
	snprintf(ys, sizeof(ys), "%d", year);
	struct field f_year = {"aar", _("År"), "number", ys, "off", NULL, false, true};
	input_field(&p.main, &f_year, NULL);
	submit_button(&p.main, "secondary", _("Vis året"));
	html_printf(&p.main, "</form>\n");
	char total[24], cap[160];
	stats_cell(st.total, total);
	html_printf(&p.main, "<p>%s <strong>%s</strong></p>\n", _("Sager i alt:"), total);

	snprintf(cap, sizeof(cap), _("Sager %d efter kategori"), year);
	stats_table_open(&p.main, "kategori", _("Kategori"), cap, _("Kategori"));
	for (size_t i = 0; i < st.categories_nr && i < o.categories_nr; i++) {
		char label[300];
		snprintf(label, sizeof(label), "%zu. %s", i + 1, o.categories[i].name);
		stats_row(&p.main, label, st.by_category[i]);
	}
	html_printf(&p.main, "</tbody>\n</table>\n");

	snprintf(cap, sizeof(cap), _("Sager %d efter alder, da sagen blev oprettet"), year);
	stats_table_open(&p.main, "alder", _("Aldersgruppe"), cap, _("Aldersgruppe"));
	for (int b = 0; b < AGE_BAND__COUNT; b++)
		stats_row(&p.main, age_band_label((enum age_band)b), st.by_age[b]);
	html_printf(&p.main, "</tbody>\n</table>\n");

	snprintf(cap, sizeof(cap), _("Sager %d efter distrikt"), year);
	stats_table_open(&p.main, "distrikt", _("Distrikt"), cap, _("Distrikt"));
	for (size_t i = 0; i <= st.districts_nr; i++)
		stats_row(&p.main,
			  i < st.districts_nr && i < o.districts_nr ? o.districts[i].name
								    : _("Ukendt distrikt"),
			  st.by_district[i]);
	html_printf(&p.main, "</tbody>\n</table>\n");

	snprintf(cap, sizeof(cap), _("Sager %d efter måned"), year);
	stats_table_open(&p.main, "maaned", _("Måned"), cap, _("Måned"));
	for (int m = 0; m < 12; m++)
		stats_row(&p.main, _(month_names[m]), st.by_month[m]);
	html_printf(&p.main, "</tbody>\n</table>\n");
	page_finish(rq, 200, &p);
	concern_stats_release(&st);
	org_release(&o);
}

/* ---- § 115, stk. 4: declining to share ------------------------------------------- */

/* "<kind>-<id>" ("handover-12"): false when it is none. */
static bool agenda_item_parse(const char *s, enum agenda_kind *kind, long long *id)
{
	char buf[129];
	snprintf(buf, sizeof(buf), "%s", s);
	char *dash = strrchr(buf, '-');
	if (!dash)
		return false;
	*dash = '\0';
	return agenda_kind_parse(buf, kind) == 0 && id_parse(dash + 1, id);
}

/* Who has declined on which item: user and organisation, never what. */
static void declines_list(struct request *rq, struct html *h, long long meeting,
			  const struct agenda *g)
{
	struct share_declines l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_share_declines(rq->svc, &rq->actor, meeting, &l, &r) < 0) {
		/* the case page itself was allowed: say so, do not fail it */
		alert(h, "warning", _("Afståelserne kan ikke vises lige nu."));
		svc_result_clear(&r);
		return;
	}
	if (l.nr) {
		html_printf(h, "<h3>%s</h3>\n<ul class=\"app-declines\">\n",
			    _("Registrerede afståelser"));
		for (size_t i = 0; i < l.nr; i++) {
			const char *name = "";
			for (size_t j = 0; j < g->nr; j++)
				if (g->v[j].kind == l.v[i].kind && g->v[j].id == l.v[i].item)
					name = g->v[j].name ? g->v[j].name : "";
			html_printf(h, "<li>%s (%s): %s</li>\n", l.v[i].username, l.v[i].org, name);
		}
		html_printf(h, "</ul>\n");
	}
	share_declines_release(&l);
}

void case_decline_section(struct request *rq, struct html *h, long long meeting,
			  const struct agenda *g)
{
	if (g->closed || !g->nr || !svc_may(rq->svc, &rq->actor, ACT_SHARE_DECLINE))
		return;
	html_printf(h, "<h2 id=\"afstaa\">%s</h2>\n<p>%s</p>\n",
		    _("Afstå fra at dele (§ 115, stk. 4)"),
		    _("Ingen deltager har pligt til at dele oplysninger. Det registreres, at du "
		      "og din organisation afstår fra at dele om punktet, men ikke hvad du "
		      "ville have delt."));
	html_printf(h,
		    "<form method=\"post\" action=\"/sager/moede/%lld/afstaa\" class=\"app-form\" "
		    "aria-labelledby=\"afstaa\">\n",
		    meeting);
	csrf_input(h, rq->session.csrf);
	struct field f = {"decline-item", _("Punkt"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &f, NULL);
	for (size_t i = 0; i < g->nr; i++) {
		const struct agenda_item *it = &g->v[i];
		static const char *const kinds[] = {N_("Overlevering"), N_("Indstilling"),
						    N_("Opfølgning")};
		char v[64], label[400];
		snprintf(v, sizeof(v), "%s-%lld", agenda_kind_id(it->kind), it->id);
		snprintf(label, sizeof(label), "%s: %s", _(kinds[it->kind]),
			 it->name ? it->name : "");
		select_option(h, v, label, i == 0);
	}
	select_close(h);
	submit_button(h, "secondary", _("Jeg afstår fra at dele om punktet"));
	html_printf(h, "</form>\n");
	declines_list(rq, h, meeting, g);
}

void h_case_decline(struct request *rq)
{
	long long meeting, item;
	enum agenda_kind kind;
	if (!web_path_id(rq, 0, _("Der findes intet møde med den adresse."), &meeting))
		return;
	if (!agenda_item_parse(fget(rq, "decline-item"), &kind, &item)) {
		web_error(rq, 404, _("Punktet findes ikke på dette møde."), "item");
		return;
	}
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_share_decline(rq->svc, &rq->actor, meeting, kind, item, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	struct strbuf loc = STRBUF_INIT;
	strbuf_addf(&loc, "/sager/moede/%lld?ok=afstaaet", meeting);
	resp_redirect(rq, loc.buf);
	strbuf_release(&loc);
}

void api_meeting_decline(struct request *rq)
{
	long long meeting, item;
	enum agenda_kind kind;
	if (!web_path_id(rq, 0, _("Der findes intet med den adresse."), &meeting))
		return;
	if (!agenda_item_parse(rq->params[1], &kind, &item)) {
		web_error(rq, 404, _("Punktet findes ikke på dette møde."), "item");
		return;
	}
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_share_decline(rq->svc, &rq->actor, meeting, kind, item, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "meeting", json_integer(meeting));
	json_object_set_new(j, "item", json_string(rq->params[1]));
	json_object_set_new(j, "declined", json_true());
	resp_json(rq, 201, j);
}
