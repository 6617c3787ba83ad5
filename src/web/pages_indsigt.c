/* pages_indsigt.c - the right of access for the revisor role (issue 12):
 *
 *   GET  /indsigt                              requests, overdue first; search
 *                                              by CPR; register a request
 *   POST /indsigt/soeg                         the answer for a CPR number
 *                                              (in the body, never the address)
 *   GET  /indsigt/person/{id}                  the answer for a person
 *   GET  /indsigt/person/{id}/json|pdf         the answer as a download
 *   POST /indsigt/anmodning                    register a request (CPR, date)
 *   POST /indsigt/anmodning/{id}/begraensning  restrict it (§ 22, stk. 2, nr. 4)
 *   POST /indsigt/anmodning/{id}/besvaret      mark it answered
 *
 * Every read is svc_indsigt (logged as indsigt.view with the person as
 * subject); the router checks the role and every form's CSRF token. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "render/indsigt_out.h"
#include "service/indsigt.h"
#include "service/meeting.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

static const struct notice notices[] = {
    {"registreret", N_("Anmodningen er registreret. Fristen for svar er en måned fra "
		       "modtagelsen.")},
    {"begraenset", N_("Begrænsningen er registreret med sin begrundelse.")},
    {"besvaret", N_("Anmodningen er markeret som besvaret.")},
    {NULL, NULL},
};

static void day_text(long day, char out[11])
{
	cal_format_date(day, out);
}

/* ---- the request list and the forms ------------------------------------------ */

static void search_form(struct html *h, struct request *rq, const struct svc_result *r)
{
	html_printf(h, "<h2 id=\"soeg\">%s</h2>\n", _("Find alt om en person"));
	html_printf(h, "<form method=\"post\" action=\"/indsigt/soeg\" class=\"app-form\">\n");
	csrf_input(h, rq->session.csrf);
	struct field f = {"cpr",  _("CPR-nummer"),
			  "text", NULL,
			  "off",  _("Skrives DDMMÅÅ-SSSS. Opslaget logges i adgangsloggen."),
			  false,  false};
	input_field(h, &f, error_for(r, "cpr"));
	submit_button(h, "primary", _("Vis oplysningerne"));
	html_printf(h, "</form>\n");
}

static void request_form(struct html *h, struct request *rq, const struct svc_result *r)
{
	html_printf(h, "<h2 id=\"ny\">%s</h2>\n", _("Registrér en anmodning om indsigt"));
	html_printf(h, "<form method=\"post\" action=\"/indsigt/anmodning\" class=\"app-form\">\n");
	csrf_input(h, rq->session.csrf);
	struct field f = {
	    "request_cpr", _("Personens CPR-nummer"), "text", NULL, "off", NULL, false, false};
	input_field(h, &f, error_for(r, "cpr"));
	struct field d = {
	    "received", _("Modtaget"),
	    "date",     NULL,
	    NULL,       _("Datoen anmodningen kom ind; tom: i dag. Fristen er en måned senere."),
	    true,       false};
	input_field(h, &d, error_for(r, "received"));
	submit_button(h, "secondary", _("Registrér anmodningen"));
	html_printf(h, "</form>\n");
}

static void requests_table(struct html *h, const struct indsigt_request_list *l)
{
	html_printf(h, "<h2 id=\"anmodninger\">%s</h2>\n", _("Anmodninger om indsigt"));
	if (!l->nr) {
		html_printf(h, "<p>%s</p>\n", _("Der er ingen anmodninger."));
		return;
	}
	html_printf(h,
		    "<table class=\"table table--zebra table--compact\">\n<caption>%s</caption>\n"
		    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("Åbne anmodninger først, de mest forsinkede øverst"), _("Nr."), _("Person"),
		    _("Modtaget"), _("Frist"), _("Status"), _("Begrænsning"));
	long today = svc_today();
	for (size_t i = 0; i < l->nr; i++) {
		const struct indsigt_request_view *v = &l->v[i];
		char rec[11], dl[11], status[96];
		day_text(v->received, rec);
		day_text(v->deadline, dl);
		long left = indsigt_days_left(v->deadline, today);
		if (!v->open)
			snprintf(status, sizeof(status), "%s", _("besvaret"));
		else if (left < 0)
			snprintf(status, sizeof(status), _("overskredet med %ld dage"), -left);
		else
			snprintf(status, sizeof(status), _("åben, %ld dage tilbage"), left);
		html_printf(h,
			    "<tr><td>%lld</td><td><a href=\"/indsigt/person/%lld\">%s %lld</a></td>"
			    "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
			    v->id, v->person, _("person"), v->person, rec, dl, status,
			    v->parts ? _("ja") : _("nej"));
	}
	html_printf(h, "</tbody>\n</table>\n");
}

static void overview(struct request *rq, unsigned status, const struct svc_result *r)
{
	struct indsigt_request_list l;
	struct svc_result lr = SVC_RESULT_INIT;
	if (svc_indsigt_requests(rq->svc, &rq->actor, &l, &lr) < 0) {
		web_svc_fail(rq, &lr);
		return;
	}
	struct page p;
	page_init(&p, _("Indsigt"), "/indsigt");
	page_notice(rq, &p.main, notices);
	form_error_summary(&p.main, r);
	html_printf(&p.main, "<p>%s</p>\n",
		    _("Retten til indsigt (databeskyttelsesforordningens artikel 15): alt, hvad "
		      "systemet har om en person, og hvem der har set det. Svaret skal gives "
		      "senest en måned efter, at anmodningen er modtaget."));
	requests_table(&p.main, &l);
	search_form(&p.main, rq, r);
	request_form(&p.main, rq, r);
	page_finish(rq, status, &p);
	indsigt_request_list_release(&l);
}

void h_indsigt(struct request *rq)
{
	overview(rq, 200, NULL);
}

void h_indsigt_request_add(struct request *rq)
{
	struct indsigt_ref ref = {fget(rq, "request_cpr"), 0};
	struct svc_result r = SVC_RESULT_INIT;
	long long id;
	long dl;
	if (!*ref.cpr) {
		svc_fail(&r, SVC_INVALID, "cpr", "%s", _("Skriv personens CPR-nummer."));
	} else if (svc_indsigt_request_add(rq->svc, &rq->actor, &ref, fget(rq, "received"), &id,
					   &dl, &r) == 0) {
		resp_redirect(rq, "/indsigt?ok=registreret#anmodninger");
		return;
	}
	/* the error belongs to this form's CPR field, not the search form's */
	if (r.field && !strcmp(r.field, "cpr"))
		r.field = "request_cpr";
	if (r.status == SVC_INVALID || r.status == SVC_NOT_FOUND)
		overview(rq, r.status == SVC_INVALID ? 422 : 404, &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

/* ---- the answer -------------------------------------------------------------------- */

static void record_dl(struct html *h, const struct indsigt_report *rep,
		      const struct indsigt_record *rec)
{
	html_printf(h, "<dl class=\"app-dl\">\n");
	for (size_t i = 0; i < rec->nr; i++) {
		const struct indsigt_field *f = &rec->v[i];
		if (!f->value || !strcmp(f->column, "person_id"))
			continue;
		char buf[32];
		html_printf(h, "<dt>%s</dt><dd>%s</dd>\n", indsigt_field_label(f),
			    indsigt_shown(rep, f, buf));
	}
	html_printf(h, "</dl>\n");
}

static void section(struct html *h, const struct indsigt_report *rep, const char *table,
		    const char *title, const char *none)
{
	const struct indsigt_section *s = indsigt_section_of(rep, table);
	html_printf(h, "<h2>%s</h2>\n", title);
	if (s && s->withheld) {
		html_printf(h, "<p><strong>%s</strong></p>\n",
			    _("Undtaget fra indsigten (se begrænsningen ovenfor)."));
		return;
	}
	if (!s || !s->nr) {
		html_printf(h, "<p>%s</p>\n", none);
		return;
	}
	for (size_t i = 0; i < s->nr; i++)
		record_dl(h, rep, &s->v[i]);
}

static void access_log(struct html *h, const struct indsigt_report *rep)
{
	const struct indsigt_section *s = indsigt_section_of(rep, "audit_log");
	html_printf(h, "<h2>%s</h2>\n", _("Hvem har set oplysningerne"));
	if (s && s->withheld) {
		html_printf(h, "<p><strong>%s</strong></p>\n",
			    _("Undtaget fra indsigten (se begrænsningen ovenfor)."));
		return;
	}
	if (!s || !s->nr) {
		html_printf(h, "<p>%s</p>\n", _("Ingen har set oplysningerne."));
		return;
	}
	static const char *const cols[] = {"at",     "username",    "org",
					   "action", "legal_basis", "outcome"};
	html_printf(h,
		    "<table class=\"table table--zebra table--compact\">\n<caption>%s</caption>\n"
		    "<thead><tr>",
		    _("Adgangsloggen for personen, ældste først"));
	for (size_t c = 0; c < 6; c++)
		html_printf(h, "<th scope=\"col\">%s</th>", indsigt_label(cols[c]));
	html_printf(h, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < s->nr; i++) {
		html_printf(h, "<tr>");
		for (size_t c = 0; c < 6; c++) {
			const char *t = "–";
			char buf[32];
			for (size_t k = 0; k < s->v[i].nr; k++)
				if (!strcmp(s->v[i].v[k].column, cols[c]) && s->v[i].v[k].value)
					t = indsigt_shown(rep, &s->v[i].v[k], buf);
			html_printf(h, "<td>%s</td>", t);
		}
		html_printf(h, "</tr>\n");
	}
	html_printf(h, "</tbody>\n</table>\n");
}

static void request_part(struct html *h, struct request *rq, const struct indsigt_report *rep,
			 const struct svc_result *r)
{
	const struct indsigt_request_view *v = &rep->request;
	char rec[11], dl[11], line[300];
	day_text(v->received, rec);
	day_text(v->deadline, dl);
	html_printf(h, "<h2 id=\"anmodning\">%s</h2>\n", _("Anmodningen"));
	snprintf(line, sizeof(line), _("Anmodning nr. %lld, modtaget %s, frist %s: %s."), v->id,
		 rec, dl, v->open ? _("åben") : _("besvaret"));
	alert(h, v->open && indsigt_days_left(v->deadline, svc_today()) < 0 ? "warning" : "info",
	      line);
	if (v->parts) {
		html_printf(h, "<h3>%s</h3>\n<p>%s</p>\n<ul>\n", _("Begrænsning af indsigten"),
			    _("Undtaget efter databeskyttelseslovens § 22, stk. 2, nr. 4:"));
		for (int i = 0; i < INDSIGT_PART__COUNT; i++)
			if (v->parts & (1u << i))
				html_printf(h, "<li>%s</li>\n",
					    indsigt_part_label((enum indsigt_part)i));
		html_printf(h, "</ul>\n<p><strong>%s</strong> %s</p>\n", _("Begrundelse:"),
			    v->justification ? v->justification : "");
	}
	if (!v->open)
		return;
	html_printf(h,
		    "<form method=\"post\" action=\"/indsigt/anmodning/%lld/begraensning\" "
		    "class=\"app-form\">\n<fieldset>\n<legend class=\"form-label\">%s</legend>\n",
		    v->id, _("Undtag dele af svaret (databeskyttelseslovens § 22, stk. 2, nr. 4)"));
	csrf_input(h, rq->session.csrf);
	for (int i = 0; i < INDSIGT_PART__COUNT; i++) {
		char id[40];
		snprintf(id, sizeof(id), "part_%s", indsigt_part_id((enum indsigt_part)i));
		checkbox_field(h, id, "1", v->parts & (1u << i),
			       indsigt_part_label((enum indsigt_part)i));
	}
	html_printf(h, "</fieldset>\n");
	textarea_field(h, "justification", _("Konkret begrundelse"),
		       _("Hvorfor skal netop disse oplysninger undtages i denne sag? Begrundelsen "
			 "står i svaret til personen."),
		       NULL,
		       error_for(r, "justification") ? error_for(r, "justification")
						     : error_for(r, "parts"),
		       4);
	submit_button(h, "secondary", _("Registrér begrænsningen"));
	html_printf(h, "</form>\n");
	html_printf(h,
		    "<form method=\"post\" action=\"/indsigt/anmodning/%lld/besvaret\" "
		    "class=\"app-form\">\n",
		    v->id);
	csrf_input(h, rq->session.csrf);
	submit_button(h, "secondary", _("Markér anmodningen som besvaret"));
	html_printf(h, "</form>\n");
}

static void answer_page(struct request *rq, const struct indsigt_ref *ref, unsigned status,
			const struct svc_result *form_r)
{
	struct indsigt_report rep;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_indsigt(rq->svc, &rq->actor, ref, 0, &rep, &r) < 0) {
		indsigt_report_release(&rep);
		if (ref->cpr && (r.status == SVC_NOT_FOUND || r.status == SVC_INVALID)) {
			overview(rq, r.status == SVC_INVALID ? 422 : 404, &r);
			svc_result_clear(&r);
		} else {
			web_svc_fail(rq, &r);
		}
		return;
	}
	char title[80];
	snprintf(title, sizeof(title), _("Indsigt: person %lld"), rep.person);
	struct page p;
	page_init(&p, title, "/indsigt");
	page_notice(rq, &p.main, notices);
	form_error_summary(&p.main, form_r);
	html_printf(&p.main,
		    "<ul class=\"nobullet-list\">\n"
		    "<li><a href=\"/indsigt/person/%lld/pdf\">%s</a></li>\n"
		    "<li><a href=\"/indsigt/person/%lld/json\">%s</a></li>\n"
		    "<li><a href=\"/indsigt\">%s</a></li>\n</ul>\n",
		    rep.person, _("Hent svaret som PDF (brev til personen)"), rep.person,
		    _("Hent oplysningerne som JSON"), _("Tilbage til anmodningerne"));
	if (rep.has_request)
		request_part(&p.main, rq, &rep, form_r);
	section(&p.main, &rep, "person", _("Personen"), "");
	section(&p.main, &rep, "handover", _("Politiets overleveringer"), _("Ingen."));
	section(&p.main, &rep, "referral", _("Indstillinger"), _("Ingen."));
	section(&p.main, &rep, "concern", _("Bekymringer"), _("Ingen."));
	section(&p.main, &rep, "concern_category", _("Kategorier (historik)"), _("Ingen."));
	section(&p.main, &rep, "decision", _("Beslutninger på § 115-møder"), _("Ingen."));
	section(&p.main, &rep, "share_declined", _("Deltagere, der afslog at dele"), _("Ingen."));
	section(&p.main, &rep, "concern_action", _("Aftalte handlinger"), _("Ingen."));
	section(&p.main, &rep, "concern_note", _("Sagsnotater"), _("Ingen."));
	section(&p.main, &rep, "related_person", _("Pårørende og andre voksne"), _("Ingen."));
	section(&p.main, &rep, "indsigt_request", _("Anmodninger om indsigt"), _("Ingen."));
	access_log(&p.main, &rep);
	page_finish(rq, status, &p);
	indsigt_report_release(&rep);
}

void h_indsigt_search(struct request *rq)
{
	struct indsigt_ref ref = {fget(rq, "cpr"), 0};
	if (!*ref.cpr) {
		struct svc_result r = SVC_RESULT_INIT;
		svc_fail(&r, SVC_INVALID, "cpr", "%s", _("Skriv personens CPR-nummer."));
		overview(rq, 422, &r);
		svc_result_clear(&r);
		return;
	}
	answer_page(rq, &ref, 200, NULL);
}

void h_indsigt_person(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Personen findes ikke."), &id))
		return;
	struct indsigt_ref ref = {NULL, id};
	answer_page(rq, &ref, 200, NULL);
}

static void download(struct request *rq, bool pdf)
{
	long long id;
	if (!web_path_id(rq, 0, _("Personen findes ikke."), &id))
		return;
	struct indsigt_ref ref = {NULL, id};
	struct indsigt_report rep;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_indsigt(rq->svc, &rq->actor, &ref, 0, &rep, &r) < 0) {
		indsigt_report_release(&rep);
		web_svc_fail(rq, &r);
		return;
	}
	strbuf_reset(&rq->rs.body);
	if (pdf) {
		char *buf = NULL, *err = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		int rc = f ? indsigt_pdf_write(&rep, f, &err) : -1;
		if (f)
			fclose(f);
		if (rc < 0) {
			web_error(rq, 500, err ? err : _("PDF'en kunne ikke laves."), NULL);
			free(err);
			free(buf);
			indsigt_report_release(&rep);
			return;
		}
		strbuf_add(&rq->rs.body, buf, len);
		free(buf);
		rq->rs.content_type = "application/pdf";
	} else {
		json_t *j = indsigt_to_json(&rep);
		char *text = json_dumps(j, JSON_INDENT(2));
		json_decref(j);
		if (text)
			strbuf_addstr(&rq->rs.body, text);
		free(text);
		rq->rs.content_type = "application/json; charset=utf-8";
	}
	rq->rs.status = 200;
	resp_header(&rq->rs, "Content-Disposition", "attachment; filename=\"indsigt-%lld.%s\"",
		    rep.person, pdf ? "pdf" : "json");
	rq->responded = true;
	indsigt_report_release(&rep);
}

void h_indsigt_pdf(struct request *rq)
{
	download(rq, true);
}

void h_indsigt_json(struct request *rq)
{
	download(rq, false);
}

/* ---- restriction and answer ---------------------------------------------------------- */

void h_indsigt_restrict(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Anmodningen findes ikke."), &id))
		return;
	char parts[160] = "";
	size_t n = 0;
	for (int i = 0; i < INDSIGT_PART__COUNT; i++) {
		char key[40];
		const char *pid = indsigt_part_id((enum indsigt_part)i);
		snprintf(key, sizeof(key), "part_%s", pid);
		if (*fget(rq, key)) {
			int w = snprintf(parts + n, sizeof(parts) - n, "%s%s", n ? "," : "", pid);
			if (w > 0 && (size_t)w < sizeof(parts) - n)
				n += (size_t)w;
		}
	}
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_indsigt_restrict(rq->svc, &rq->actor, id, parts, fget(rq, "justification"), &r) ==
	    0) {
		resp_redirect(rq, "/indsigt?ok=begraenset#anmodninger");
		return;
	}
	if (r.status == SVC_INVALID)
		overview(rq, 422, &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

void h_indsigt_answered(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Anmodningen findes ikke."), &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_indsigt_answer(rq->svc, &rq->actor, id, &r) == 0) {
		resp_redirect(rq, "/indsigt?ok=besvaret#anmodninger");
		return;
	}
	web_svc_fail(rq, &r);
}

/* ---- the front page ------------------------------------------------------------------- */

void home_indsigt_section(struct request *rq, struct html *h)
{
	if (!svc_may(rq->svc, &rq->actor, ACT_INDSIGT_REQUEST))
		return;
	struct indsigt_request_list l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_indsigt_requests(rq->svc, &rq->actor, &l, &r) < 0) {
		svc_result_clear(&r);
		return;
	}
	size_t open = 0, overdue = 0;
	long today = svc_today();
	for (size_t i = 0; i < l.nr; i++) {
		if (!l.v[i].open)
			continue;
		open++;
		if (indsigt_days_left(l.v[i].deadline, today) < 0)
			overdue++;
	}
	indsigt_request_list_release(&l);
	char line[200];
	snprintf(line, sizeof(line),
		 _("%zu åbne anmodninger om indsigt, heraf %zu med overskredet "
		   "frist."),
		 open, overdue);
	html_printf(h, "<section aria-labelledby=\"indsigt\">\n<h2 id=\"indsigt\">%s</h2>\n",
		    _("Anmodninger om indsigt"));
	if (overdue)
		alert(h, "warning", line);
	else
		html_printf(h, "<p>%s</p>\n", line);
	html_printf(h, "<p><a href=\"/indsigt\">%s</a></p>\n</section>\n",
		    _("Se anmodningerne og fristerne"));
}
