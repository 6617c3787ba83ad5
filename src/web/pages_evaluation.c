/* pages_evaluation.c - focus areas, trends from below and the yearly
 * evaluation in the browser (issue 13), over service/evaluation.h:
 *
 *   /indsatsomraader?aar=Y        the focus areas in force; the steering
 *                                 group and the SSP-team record new ones
 *                                 in the focus-area year (ACT_FOCUS_EDIT)
 *   /indsatsomraader.csv?aar=Y    the same as Danish-Excel CSV
 *   /tendenser?aar=Y              tags counted per quarter and district,
 *                                 each tagged meeting one click away for
 *                                 those who may read its minutes
 *   /tendenser.csv?aar=Y
 *   /evaluering?aar=Y             the yearly evaluation (the document of
 *                                 render/evaluation_out.c, written here
 *                                 through the escaping HTML writer)
 *   /evaluering.pdf?aar=Y         the same as the PDF for the council
 *   /evaluering.csv?aar=Y         its key figures, /evaluering-moeder.csv
 *                                 its compliance table
 *   POST /moeder/{id}/temaer      tag a meeting's general minutes
 *
 * The meeting page shows the tags and the form (meeting_tags_section).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "render/evaluation_out.h"
#include "render/report.h"
#include "service/evaluation.h"
#include "service/meeting.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/chart.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* ---- the document, through the escaping writer ---- */

static void web_report(struct html *h, const struct report *r)
{
	for (size_t i = 0; i < r->nr; i++) {
		const struct report_block *b = r->v[i];
		switch (b->kind) {
		case RB_H1:
			html_printf(h, "<h2>%s</h2>\n", b->text);
			break;
		case RB_H2:
			html_printf(h, "<h3>%s</h3>\n", b->text);
			break;
		case RB_P:
		case RB_ORG:
		case RB_SVG:
			html_printf(h, "<p>%s</p>\n", b->text);
			break;
		case RB_TABLE: {
			size_t rows = b->cols ? b->cells.nr / b->cols : 0;
			html_printf(h,
				    "<div class=\"table--responsive-scroll\" tabindex=\"0\" "
				    "role=\"region\" aria-label=\"%s\">\n"
				    "<table class=\"table table--compact\">\n",
				    _("Tabel"));
			for (size_t row = 0; row < rows; row++) {
				html_printf(h, row ? "<tr>" : "<thead><tr>");
				for (size_t c = 0; c < b->cols; c++) {
					const char *cell = b->cells.v[row * b->cols + c];
					if (!row)
						html_printf(h, "<th scope=\"col\">%s</th>", cell);
					else if (!c)
						html_printf(h, "<th scope=\"row\">%s</th>", cell);
					else
						html_printf(h, "<td>%s</td>", cell);
				}
				html_printf(h, row ? "</tr>\n" : "</tr></thead>\n<tbody>\n");
			}
			html_printf(h,
				    rows ? "</tbody>\n</table>\n</div>\n" : "</table>\n</div>\n");
			break;
		}
		case RB_BARS: {
			char id[32];
			snprintf(id, sizeof(id), "diagram-%zu", i);
			const char *series[] = {b->unit && !strcmp(b->unit, "%") ? _("Andel")
										 : _("Antal")};
			struct chart ch;
			chart_init(&ch, id, b->text, b->unit ? b->unit : "",
				   (const char **)b->labels.v, b->labels.nr, series, 1);
			ch.x_title = _("Emne");
			for (size_t k = 0; k < b->labels.nr; k++)
				chart_set(&ch, 0, k, (double)b->values[k],
					  b->hidden[k] ? CHART_HIDDEN : CHART_VALUE);
			chart_write(h, &ch);
			chart_release(&ch);
			break;
		}
		}
	}
}

static void year_nav(struct html *h, const char *path, int year)
{
	html_printf(h,
		    "<nav aria-label=\"%s\"><p><a href=\"%s?aar=%d\">%s %d</a> · "
		    "<a href=\"%s?aar=%d\">%s %d</a></p></nav>\n",
		    _("Andre år"), path, year - 1, _("Forrige år:"), year - 1, path, year + 1,
		    _("Næste år:"), year + 1);
}

static void send_download(struct request *rq, struct strbuf *sb, const char *type, const char *name,
			  int year)
{
	strbuf_reset(&rq->rs.body);
	strbuf_add(&rq->rs.body, sb->buf ? sb->buf : "", sb->len);
	rq->rs.status = 200;
	rq->rs.content_type = type;
	resp_header(&rq->rs, "Content-Disposition", "attachment; filename=\"%s-%d.%s\"", name, year,
		    strstr(type, "pdf") ? "pdf" : "csv");
	rq->responded = true;
}

/* ---- focus areas ---- */

static const struct notice focus_notices[] = {{"added", N_("Indsatsområdet er registreret.")},
					      {"deleted", N_("Indsatsområdet er slettet.")},
					      {NULL, NULL}};

/* The lines of text (trimmed, non-empty) into l. */
static void lines_into(const char *text, struct strlist *l)
{
	while (text && *text) {
		size_t n = strcspn(text, "\r\n");
		const char *s = text, *e = text + n;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e > s) {
			char *x = xstrndup(s, (size_t)(e - s));
			strlist_add_owned(l, x);
		}
		text += n;
		while (*text == '\r' || *text == '\n')
			text++;
	}
}

static void focus_form(struct request *rq, struct html *h, const struct org *o, int year,
		       const struct svc_result *r)
{
	bool keep = r != NULL;
	html_printf(h, "<h2 id=\"ny\">%s</h2>\n", _("Registrér et indsatsområde"));
	const struct org_body *fb = focus_body(o);
	if (fb)
		html_printf(
		    h, "<p>%s</p>\n",
		    plan_focus_year(fb, year)
			? _("Styregruppen udpeger indsatsområder i år. De gælder dette år og "
			    "det næste.")
			: _("Indsatsområder udpeges i styregruppens indsatsområde-år (hvert "
			    "2. år); vælg det år herunder."));
	form_error_summary(h, r);
	html_printf(h, "<form method=\"post\" action=\"/indsatsomraader\" class=\"app-form\">\n");
	csrf_input(h, rq->session.csrf);
	char ys[16];
	snprintf(ys, sizeof(ys), "%d", year);
	struct field fy = {
	    "year", _("Udpeget i år"), "text", keep ? fget(rq, "year") : ys, "off", NULL, false,
	    true};
	struct field ft = {"title", _("Titel"), "text", keep ? fget(rq, "title") : NULL,
			   "off",   NULL,       false,  false};
	input_field(h, &fy, error_for(r, "year"));
	input_field(h, &ft, error_for(r, "title"));
	textarea_field(h, "goal", _("Mål"), _("Hvad skal indsatsen opnå?"),
		       keep ? fget(rq, "goal") : NULL, error_for(r, "goal"), 3);
	textarea_field(h, "measure", _("Sådan måles det"),
		       _("Fx en indikator i Ungeprofilundersøgelsen eller politiets tal."),
		       keep ? fget(rq, "measure") : NULL, error_for(r, "measure"), 3);
	const char *berr = error_for(r, "bodies");
	html_printf(h,
		    "<fieldset class=\"form-group%s\">\n<legend class=\"form-label\">%s</legend>\n",
		    berr ? " form-error" : "", _("Fora, der bærer indsatsområdet"));
	if (berr)
		html_printf(h, "<span class=\"form-error-message\">%s</span>\n", berr);
	html_printf(h, "<ul class=\"nobullet-list\">\n");
	for (size_t i = 0; i < o->bodies_nr; i++) {
		char id[96];
		snprintf(id, sizeof(id), "body-%s", o->bodies[i].id);
		html_printf(h, "<li>");
		checkbox_field(h, id, "1", keep && fget(rq, id)[0], o->bodies[i].name);
		html_printf(h, "</li>\n");
	}
	html_printf(h, "</ul>\n</fieldset>\n");
	textarea_field(h, "indicators", _("Indikatorer fra Ungeprofilundersøgelsen"),
		       _("Én pr. linje, som de står i tallene (se Tallene bag strategien)."),
		       keep ? fget(rq, "indicators") : NULL, error_for(r, "indicators"), 3);
	textarea_field(h, "categories", _("Kategorier fra politiets tal"), _("Én pr. linje."),
		       keep ? fget(rq, "categories") : NULL, error_for(r, "categories"), 3);
	submit_button(h, "primary", _("Registrér indsatsområdet"));
	html_printf(h, "</form>\n");
}

static void focus_page(struct request *rq, unsigned status, int year, const struct svc_result *fr)
{
	struct focus_list l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_focus_list(rq->svc, &rq->actor, year, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	struct org o;
	org_init(&o);
	if (!web_load_org(rq, &o)) {
		focus_list_release(&l);
		org_release(&o);
		return;
	}
	struct page p;
	char title[96];
	snprintf(title, sizeof(title), _("Indsatsområder %d"), year);
	page_init(&p, title, "/data");
	page_notice(rq, &p.main, focus_notices);
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Styregruppens strategiske indsatsområder: udpeget hvert 2. år ud fra "
		      "Ungeprofilundersøgelsen og politiets tal. De står på dagsordenen hos de "
		      "fora, der bærer dem, og i årets evaluering."));
	year_nav(&p.main, "/indsatsomraader", year);
	html_printf(&p.main, "<p><a href=\"/indsatsomraader.csv?aar=%d\">%s</a></p>\n", year,
		    _("Hent indsatsområderne som CSV (Excel)"));
	bool may_edit = svc_may(rq->svc, &rq->actor, ACT_FOCUS_EDIT);
	if (!l.nr)
		html_printf(&p.main, "<p>%s</p>\n", _("Ingen indsatsområder gælder i året."));
	for (size_t i = 0; i < l.nr; i++) {
		const struct focus_area *f = &l.v[i];
		html_printf(
		    &p.main,
		    "<section aria-labelledby=\"fa-%lld\">\n<h2 id=\"fa-%lld\">%s</h2>\n<dl>\n",
		    f->id, f->id, f->title);
		char y[16];
		snprintf(y, sizeof(y), "%d", f->year);
		html_printf(
		    &p.main,
		    "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n",
		    _("Udpeget"), y, _("Mål"), f->goal, _("Sådan måles det"), f->measure);
		html_printf(&p.main, "<dt>%s</dt><dd><ul>", _("Bæres af"));
		for (size_t k = 0; k < f->bodies.nr; k++) {
			const struct org_body *b = org_find_body(&o, f->bodies.v[k]);
			html_printf(&p.main, "<li><a href=\"/organisation/%s\">%s</a></li>",
				    f->bodies.v[k], b ? b->name : f->bodies.v[k]);
		}
		html_printf(&p.main, "</ul></dd>\n<dt>%s</dt><dd><ul>", _("Bygger på"));
		for (size_t k = 0; k < f->indicators.nr; k++)
			html_printf(&p.main, "<li><a href=\"/data#ungeprofil\">%s</a> (%s)</li>",
				    f->indicators.v[k], figure_kind_label(FIG_SURVEY));
		for (size_t k = 0; k < f->categories.nr; k++)
			html_printf(&p.main, "<li><a href=\"/data#kriminalitet\">%s</a> (%s)</li>",
				    f->categories.v[k], figure_kind_label(FIG_CRIME));
		html_printf(&p.main, "</ul></dd>\n</dl>\n");
		if (may_edit) {
			html_printf(
			    &p.main,
			    "<form method=\"post\" action=\"/indsatsomraader/%lld/slet\">\n",
			    f->id);
			csrf_input(&p.main, rq->session.csrf);
			submit_button(&p.main, "secondary", _("Slet indsatsområdet"));
			html_printf(&p.main, "</form>\n");
		}
		html_printf(&p.main, "</section>\n");
	}
	if (may_edit)
		focus_form(rq, &p.main, &o, year, fr);
	page_finish(rq, status, &p);
	focus_list_release(&l);
	org_release(&o);
}

void h_focus(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) == 0)
		focus_page(rq, 200, year, NULL);
}

void h_focus_csv(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct focus_list l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_focus_list(rq->svc, &rq->actor, year, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	focus_list_csv(&l, &sb);
	send_download(rq, &sb, "text/csv; charset=utf-8", "indsatsomraader", year);
	strbuf_release(&sb);
	focus_list_release(&l);
}

void h_focus_add(struct request *rq)
{
	struct focus_area f;
	memset(&f, 0, sizeof(f));
	const char *ys = fget(rq, "year");
	int year = 0;
	if (cal_parse_year(ys, &year) < 0)
		year = -1; /* the service names the field */
	f.year = year;
	f.title = (char *)fget(rq, "title");
	f.goal = (char *)fget(rq, "goal");
	f.measure = (char *)fget(rq, "measure");
	struct org o;
	org_init(&o);
	if (!web_load_org(rq, &o)) {
		org_release(&o);
		return;
	}
	for (size_t i = 0; i < o.bodies_nr; i++) {
		char id[96];
		snprintf(id, sizeof(id), "body-%s", o.bodies[i].id);
		if (fget(rq, id)[0])
			strlist_add(&f.bodies, o.bodies[i].id);
	}
	org_release(&o);
	lines_into(fget(rq, "indicators"), &f.indicators);
	lines_into(fget(rq, "categories"), &f.categories);
	struct svc_result r = SVC_RESULT_INIT;
	long long id;
	int rc = svc_focus_add(rq->svc, &rq->actor, &f, &id, &r);
	strlist_clear(&f.bodies);
	strlist_clear(&f.indicators);
	strlist_clear(&f.categories);
	if (rc == 0) {
		char loc[64];
		snprintf(loc, sizeof(loc), "/indsatsomraader?aar=%d&ok=added", year);
		resp_redirect(rq, loc);
	} else if (r.status == SVC_INVALID) {
		int shown =
		    year >= FIG_YEAR_MIN && year <= FIG_YEAR_MAX ? year : cal_date(svc_today()).y;
		focus_page(rq, 422, shown, &r);
	} else {
		web_svc_error(rq, &r);
	}
	svc_result_clear(&r);
}

void h_focus_delete(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Der findes intet indsatsområde med den adresse."), &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_focus_delete(rq->svc, &rq->actor, id, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	resp_redirect(rq, "/indsatsomraader?ok=deleted");
}

void web_focus_lines(struct request *rq, int year, struct strlist *out)
{
	struct focus_list l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_focus_list(rq->svc, &rq->actor, year, &l, &r) < 0) {
		svc_result_clear(&r);
		return;
	}
	for (size_t i = 0; i < l.nr; i++) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s: %s", l.v[i].title, l.v[i].goal);
		for (char *c = sb.buf; *c; c++)
			if (*c == '\n' || *c == '\t')
				*c = ' ';
		strlist_add_owned(out, strbuf_detach(&sb));
	}
	focus_list_release(&l);
}

/* ---- trends ---- */

void h_trends(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct trend_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_trends(rq->svc, &rq->actor, year, &v, &r) < 0) {
		trend_view_release(&v);
		web_svc_fail(rq, &r);
		return;
	}
	struct page p;
	char title[96];
	snprintf(title, sizeof(title), _("Tendenser fra møderne %d"), year);
	page_init(&p, title, "/data");
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("De generelle referater fra distrikts- og hotspotmøderne mærkes med "
		      "strategiens temaer. Her tælles mærkerne pr. kvartal og distrikt."));
	year_nav(&p.main, "/tendenser", year);
	html_printf(&p.main, "<p><a href=\"/tendenser.csv?aar=%d\">%s</a></p>\n", year,
		    _("Hent tællingen som CSV (Excel)"));
	/* theme x quarter as a chart with its table */
	const char *quarters[] = {_("1. kvartal"), _("2. kvartal"), _("3. kvartal"),
				  _("4. kvartal")};
	struct chart ch;
	chart_init(&ch, "tendenser-kvartal", _("Mærkede referater pr. tema og kvartal"), "",
		   quarters, 4, (const char **)v.themes.v, v.themes.nr);
	ch.x_title = _("Kvartal");
	for (size_t t = 0; t < v.counts.themes_nr; t++)
		for (int q = 1; q <= 4; q++) {
			long n = 0;
			for (size_t d = 0; d <= v.counts.districts_nr; d++)
				n += trend_cell(&v.counts, t, q, d);
			chart_set(&ch, t, (size_t)(q - 1), (double)n, CHART_VALUE);
		}
	chart_write(&p.main, &ch);
	chart_release(&ch);
	/* theme x district */
	html_printf(&p.main,
		    "<h2 id=\"pr-distrikt\">%s</h2>\n<div class=\"table--responsive-scroll\" "
		    "tabindex=\"0\" role=\"region\" aria-labelledby=\"pr-distrikt\">\n"
		    "<table class=\"table table--compact\">\n<thead><tr><th scope=\"col\">%s</th>",
		    _("Pr. distrikt"), _("Tema"));
	for (size_t d = 0; d < v.org.districts_nr; d++)
		html_printf(&p.main, "<th scope=\"col\">%s</th>", v.org.districts[d].name);
	html_printf(&p.main, "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    _("Uden distrikt"));
	for (size_t t = 0; t < v.counts.themes_nr; t++) {
		html_printf(&p.main, "<tr><th scope=\"row\">%s</th>", v.themes.v[t]);
		for (size_t d = 0; d <= v.counts.districts_nr; d++) {
			long n = 0;
			for (int q = 1; q <= 4; q++)
				n += trend_cell(&v.counts, t, q, d);
			html_printf(&p.main, "<td>%ld</td>", n);
		}
		html_printf(&p.main, "</tr>\n");
	}
	html_printf(&p.main, "</tbody>\n</table>\n</div>\n<h2>%s</h2>\n", _("Mærkede møder"));
	if (!v.meetings_nr)
		html_printf(&p.main, "<p>%s</p>\n", _("Ingen referater er mærket i året."));
	else
		html_printf(&p.main, "<ul>\n");
	for (size_t i = 0; i < v.meetings_nr; i++) {
		const struct trend_meeting *m = &v.meetings[i];
		const struct org_body *b = org_find_body(&v.org, m->body);
		char day[40];
		web_dk_date(m->day, day);
		if (m->minutes_visible)
			html_printf(&p.main,
				    "<li><a href=\"/moeder/%lld#referat\">%s, %s</a>: %s</li>\n",
				    m->id, b ? b->name : m->body, day, m->themes);
		else
			html_printf(&p.main, "<li>%s, %s: %s</li>\n", b ? b->name : m->body, day,
				    m->themes);
	}
	if (v.meetings_nr)
		html_printf(&p.main, "</ul>\n");
	page_finish(rq, 200, &p);
	trend_view_release(&v);
}

void h_trends_csv(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct trend_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_trends(rq->svc, &rq->actor, year, &v, &r) < 0) {
		trend_view_release(&v);
		web_svc_fail(rq, &r);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	trend_view_csv(&v, &sb);
	send_download(rq, &sb, "text/csv; charset=utf-8", "tendenser", year);
	strbuf_release(&sb);
	trend_view_release(&v);
}

/* ---- tags on the meeting page ---- */

void meeting_tags_section(struct request *rq, struct html *h, long long id, bool can_tag)
{
	struct strlist tags = STRLIST_INIT;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_minutes_tags(rq->svc, &rq->actor, id, &tags, &r) < 0) {
		svc_result_clear(&r);
		return;
	}
	html_printf(h, "<section aria-labelledby=\"temaer\">\n<h2 id=\"temaer\">%s</h2>\n",
		    _("Temaer i referatet"));
	if (tags.nr) {
		html_printf(h, "<ul>\n");
		for (size_t i = 0; i < tags.nr; i++)
			html_printf(h, "<li>%s</li>\n", tags.v[i]);
		html_printf(h, "</ul>\n");
	} else {
		html_printf(h, "<p>%s</p>\n", _("Referatet er ikke mærket med temaer."));
	}
	if (can_tag) {
		struct org o;
		org_init(&o);
		if (web_load_org(rq, &o)) {
			struct strlist themes = STRLIST_INIT;
			trend_themes(&o, &themes);
			html_printf(h,
				    "<form method=\"post\" action=\"/moeder/%lld/temaer\" "
				    "class=\"app-form\">\n",
				    id);
			csrf_input(h, rq->session.csrf);
			html_printf(
			    h,
			    "<fieldset class=\"form-group\">\n<legend "
			    "class=\"form-label\">%s</legend>\n<ul class=\"nobullet-list\">\n",
			    _("Strategiens temaer"));
			for (size_t i = 0; i < themes.nr; i++) {
				char fid[32];
				snprintf(fid, sizeof(fid), "tema-%zu", i);
				bool on = false;
				for (size_t k = 0; k < tags.nr && !on; k++)
					on = !strcmp(tags.v[k], themes.v[i]);
				html_printf(h, "<li>");
				checkbox_field(h, fid, "1", on, themes.v[i]);
				html_printf(h, "</li>\n");
			}
			html_printf(h, "</ul>\n</fieldset>\n");
			submit_button(h, "secondary", _("Gem temaerne"));
			html_printf(h, "</form>\n");
			strlist_clear(&themes);
		}
		org_release(&o);
	}
	html_printf(h, "</section>\n");
	strlist_clear(&tags);
}

void h_meeting_tags(struct request *rq)
{
	long long id;
	if (!web_path_id(rq, 0, _("Der findes intet møde med den adresse."), &id))
		return;
	struct org o;
	org_init(&o);
	if (!web_load_org(rq, &o)) {
		org_release(&o);
		return;
	}
	struct strlist all = STRLIST_INIT, chosen = STRLIST_INIT;
	trend_themes(&o, &all);
	org_release(&o);
	for (size_t i = 0; i < all.nr; i++) {
		char fid[32];
		snprintf(fid, sizeof(fid), "tema-%zu", i);
		if (fget(rq, fid)[0])
			strlist_add(&chosen, all.v[i]);
	}
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_minutes_tags_set(rq->svc, &rq->actor, id, &chosen, &r);
	strlist_clear(&all);
	strlist_clear(&chosen);
	if (rc < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	char loc[80];
	snprintf(loc, sizeof(loc), "/moeder/%lld#temaer", id);
	resp_redirect(rq, loc);
}

/* ---- the evaluation ---- */

static long as_of_for(int year)
{
	long today = svc_today();
	return today > cal_ymd(year, 12, 31) ? cal_ymd(year + 1, 1, 1) : today;
}

static bool load_evaluation(struct request *rq, int *year, struct evaluation *e)
{
	memset(e, 0, sizeof(*e));
	if (web_query_year(rq, year) < 0)
		return false;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_evaluation(rq->svc, &rq->actor, *year, as_of_for(*year), e, &r) < 0) {
		evaluation_release(e);
		web_svc_fail(rq, &r);
		return false;
	}
	return true;
}

static void build_report(const struct evaluation *e, struct report *r)
{
	char title[128], sub[256];
	snprintf(title, sizeof(title), _("Evaluering af SSP-samarbejdet %d"), e->year);
	snprintf(sub, sizeof(sub), _("%s · kriminalpræventiv strategi · årlig vurdering"),
		 e->org.municipality ? e->org.municipality : "");
	report_init(r, title, sub);
	evaluation_report(e, r);
}

void h_evaluation(struct request *rq)
{
	int year;
	struct evaluation e;
	if (!load_evaluation(rq, &year, &e))
		return;
	struct report r;
	build_report(&e, &r);
	struct page p;
	page_init(&p, r.title, "/data");
	year_nav(&p.main, "/evaluering", year);
	html_printf(&p.main,
		    "<ul>\n<li><a href=\"/evaluering.pdf?aar=%d\">%s</a></li>\n"
		    "<li><a href=\"/evaluering.csv?aar=%d\">%s</a></li>\n"
		    "<li><a href=\"/evaluering-moeder.csv?aar=%d\">%s</a></li>\n</ul>\n",
		    year, _("Hent evalueringen som PDF (til byrådet)"), year,
		    _("Hent nøgletallene som CSV (Excel)"), year,
		    _("Hent mødeoverholdelsen som CSV (Excel)"));
	web_report(&p.main, &r);
	page_finish(rq, 200, &p);
	report_release(&r);
	evaluation_release(&e);
}

void h_evaluation_pdf(struct request *rq)
{
	int year;
	struct evaluation e;
	if (!load_evaluation(rq, &year, &e))
		return;
	struct report r;
	build_report(&e, &r);
	char *buf = NULL, *err = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc = f ? report_pdf(&r, f, &err) : -1;
	if (f)
		fclose(f);
	if (rc < 0) {
		web_error(rq, 500, err ? err : _("PDF-filen kunne ikke laves."), NULL);
	} else {
		struct strbuf sb = {.buf = buf, .len = len, .alloc = len};
		send_download(rq, &sb, "application/pdf", "evaluering", year);
	}
	free(err);
	free(buf);
	report_release(&r);
	evaluation_release(&e);
}

static void evaluation_csv(struct request *rq, bool compliance)
{
	int year;
	struct evaluation e;
	if (!load_evaluation(rq, &year, &e))
		return;
	struct strbuf sb = STRBUF_INIT;
	if (compliance)
		evaluation_compliance_csv(&e, &sb);
	else
		evaluation_kpi_csv(&e, &sb);
	send_download(rq, &sb, "text/csv; charset=utf-8",
		      compliance ? "evaluering-moeder" : "evaluering-noegletal", year);
	strbuf_release(&sb);
	evaluation_release(&e);
}

void h_evaluation_csv(struct request *rq)
{
	evaluation_csv(rq, false);
}

void h_evaluation_meetings_csv(struct request *rq)
{
	evaluation_csv(rq, true);
}

/* ---- the JSON API (docs/api.md) ---- */

void api_focus_list(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct focus_list l;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_focus_list(rq->svc, &rq->actor, year, &l, &r) < 0) {
		web_svc_fail(rq, &r);
		return;
	}
	json_t *j = json_object();
	json_object_set_new(j, "year", json_integer(year));
	json_object_set_new(j, "focus_areas", focus_list_to_json(&l));
	resp_json(rq, 200, j);
	focus_list_release(&l);
}

/* A JSON array of strings into l; answers 422 and returns false when the
 * member is not one. */
static bool string_array(struct request *rq, const char *key, struct strlist *l)
{
	json_t *a = json_object_get(rq->json, key);
	if (!a)
		return true;
	size_t i;
	json_t *v;
	if (!json_is_array(a))
		goto bad;
	json_array_foreach(a, i, v)
	{
		if (!json_is_string(v) || json_string_length(v) > rq->srv->cfg->max_field_bytes)
			goto bad;
		strlist_add(l, json_string_value(v));
	}
	return true;
bad:;
	char msg[160];
	snprintf(msg, sizeof(msg), _("»%s« skal være en liste af tekster."), key);
	web_error(rq, 422, msg, key);
	return false;
}

void api_focus_add(struct request *rq)
{
	static const char *const keys[] = {"year",   "title",      "goal",       "measure",
					   "bodies", "indicators", "categories", NULL};
	if (!api_body_keys(rq, keys))
		return;
	struct focus_area f;
	memset(&f, 0, sizeof(f));
	long long year = 0;
	const char *title = NULL, *goal = NULL, *measure = NULL;
	if (!api_int(rq, rq->json, "year", true, FIG_YEAR_MIN, FIG_YEAR_MAX, &year) ||
	    !api_string(rq, "title", true, &title) || !api_string(rq, "goal", true, &goal) ||
	    !api_string(rq, "measure", true, &measure) || !string_array(rq, "bodies", &f.bodies) ||
	    !string_array(rq, "indicators", &f.indicators) ||
	    !string_array(rq, "categories", &f.categories))
		goto out;
	f.year = (int)year;
	f.title = (char *)title;
	f.goal = (char *)goal;
	f.measure = (char *)measure;
	struct svc_result r = SVC_RESULT_INIT;
	long long id;
	if (svc_focus_add(rq->svc, &rq->actor, &f, &id, &r) < 0) {
		api_svc_fail(rq, &r, NULL);
		goto out;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	resp_json(rq, 201, j);
out:
	strlist_clear(&f.bodies);
	strlist_clear(&f.indicators);
	strlist_clear(&f.categories);
}

void api_trends(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct trend_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_trends(rq->svc, &rq->actor, year, &v, &r) < 0) {
		trend_view_release(&v);
		web_svc_fail(rq, &r);
		return;
	}
	resp_json(rq, 200, trend_view_to_json(&v));
	trend_view_release(&v);
}

void api_meeting_tags(struct request *rq)
{
	static const char *const keys[] = {"themes", NULL};
	long long id;
	if (!web_path_id(rq, 0, _("Der findes intet møde med den adresse."), &id) ||
	    !api_body_keys(rq, keys))
		return;
	struct strlist themes = STRLIST_INIT;
	if (!string_array(rq, "themes", &themes)) {
		strlist_clear(&themes);
		return;
	}
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_minutes_tags_set(rq->svc, &rq->actor, id, &themes, &r) < 0)
		api_svc_fail(rq, &r, NULL);
	else {
		json_t *j = json_object();
		json_object_set_new(j, "meeting_id", json_integer(id));
		json_t *a = json_array();
		for (size_t i = 0; i < themes.nr; i++)
			json_array_append_new(a, json_string(themes.v[i]));
		json_object_set_new(j, "themes", a);
		resp_json(rq, 200, j);
	}
	strlist_clear(&themes);
}

void api_evaluation(struct request *rq)
{
	int year;
	struct evaluation e;
	if (!load_evaluation(rq, &year, &e))
		return;
	resp_json(rq, 200, evaluation_to_json(&e));
	evaluation_release(&e);
}
