/* pages_meetings.c - meetings in the browser: the annual wheel
 * (/aarshjul?aar=YYYY, drawn by render/wheel_svg.c and served as
 * /aarshjul/YYYY.svg, with the same meetings as tables month by month for
 * screen readers and keyboard users), the meeting list (/moeder?aar=YYYY&
 * organ=ID, with the form for ad hoc meetings), a page per meeting
 * (/moeder/ID: facts, status and time, agenda, attendance, minutes) and the
 * front page's upcoming meetings.
 *
 * Every change goes through service/meeting.h or service/meeting_run.h,
 * which check the role x action table and per-body rules and write the
 * access log. Forms post back and answer 303 (post/redirect/get) or the
 * same page with the error at its field (422).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/cpr.h"
#include "render/wheel_svg.h"
#include "service/team.h"
#include "service/meeting.h"
#include "service/crypto.h"
#include "service/guard.h"
#include "service/meeting_run.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* ---- small helpers ---- */

/* "13.00" */
static void clock_text(int minute, char out[8])
{
	snprintf(out, 8, "%02u.%02u", (unsigned)(minute / 60) % 100u, (unsigned)(minute % 60));
}

/* "13.00–15.00" */
static void time_span(const struct meeting *m, char out[24])
{
	long end_day;
	int end_min;
	meeting_end(m, &end_day, &end_min);
	char a[8], b[8];
	clock_text(m->start, a);
	clock_text(end_min, b);
	snprintf(out, 24, "%s–%s", a, b);
}

static const char *body_name(const struct org *o, const char *id)
{
	const struct org_body *b = org_find_body(o, id);
	return b ? b->name : id;
}

static const char *district_name(const struct org *o, const char *id)
{
	if (!id)
		return "";
	const struct org_district *d = org_find_district(o, id);
	return d ? d->name : id;
}

static const struct notice meeting_notices[] = {
    {"status", N_("Mødets status er ændret.")},
    {"flyttet", N_("Mødet er flyttet.")},
    {"tilfoejet", N_("Mødet er tilføjet.")},
    {"dagsorden", N_("Dagsordenen er gemt.")},
    {"fremmoede", N_("Fremmødet er gemt.")},
    {"referat", N_("Referatet er gemt.")},
    {NULL, NULL},
};

/* The stored meetings of year, or the computed plan when none is stored
 * (*computed). Answers the request and returns -1 on failure. */
static int year_data(struct request *rq, int year, struct org *o, struct meeting_list *l,
		     bool *computed)
{
	struct svc_result r = SVC_RESULT_INIT;
	*computed = false;
	org_init(o);
	if (svc_meetings_list(rq->svc, &rq->actor, year, NULL, o, l, &r) < 0)
		goto fail;
	if (!l->nr) {
		org_release(o);
		org_init(o);
		if (svc_plan_preview(rq->svc, &rq->actor, year, NULL, o, l, &r) < 0)
			goto fail;
		*computed = true;
	}
	return 0;
fail:
	web_svc_fail(rq, &r);
	org_release(o);
	meeting_list_release(l);
	return -1;
}

static void computed_notice(struct html *h, int year)
{
	char msg[300];
	snprintf(msg, sizeof(msg),
		 _("Mødeplanen for %d er ikke gemt endnu, så her vises den plan, strategien "
		   "giver. Den gemmes med »ssp plan %d --save« (og af »ssp init« for i år og næste "
		   "år); først da kan møderne åbnes, flyttes og aflyses."),
		 year, year);
	alert(h, "info", msg);
}

/* One table row per meeting; the date links to the meeting's page when it
 * is stored. compact: "tir. 13/1" (the month is in the table's caption)
 * instead of "13. januar 2027". */
static void meeting_row(struct html *h, const struct org *o, const struct meeting *m, bool compact)
{
	char date[40], span[24];
	if (compact) {
		struct date d = cal_date(m->day);
		snprintf(date, sizeof(date), "%s. %d/%d", cal_weekday_short(cal_weekday(m->day)),
			 d.d, d.m);
	} else {
		web_dk_date(m->day, date);
	}
	time_span(m, span);
	html_printf(h, "<tr><td class=\"app-nowrap\">");
	if (m->id)
		html_printf(h, "<a href=\"/moeder/%lld\">%s</a>", m->id, date);
	else
		html_printf(h, "%s", date);
	html_printf(h, "</td><td class=\"app-nowrap\">%s</td><td>%s</td>", span,
		    body_name(o, m->body));
	html_printf(h, "<td>%s</td><td>%s</td><td>%s%s</td></tr>\n", district_name(o, m->district),
		    m->theme ? m->theme : "", meeting_status_label(m->status),
		    m->ad_hoc ? _(" (ad hoc)") : "");
}

static void table_head(struct html *h, const char *caption)
{
	html_printf(h,
		    "<div class=\"app-table-wrap\">\n"
		    "<table class=\"table table--zebra table--compact app-meetings\">\n"
		    "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
		    caption, _("Dato"), _("Tid"), _("Forum"));
	html_printf(h,
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead>\n<tbody>\n",
		    _("Distrikt"), _("Tema"), _("Status"));
}

static const char *const month_names[12] = {
    N_("Januar"), N_("Februar"), N_("Marts"),     N_("April"),   N_("Maj"),      N_("Juni"),
    N_("Juli"),   N_("August"),  N_("September"), N_("Oktober"), N_("November"), N_("December")};
/* Inside a sentence Danish writes months in lower case ("Møder i januar"). */
static const char *const month_names_lc[12] = {
    N_("januar"), N_("februar"), N_("marts"),     N_("april"),   N_("maj"),      N_("juni"),
    N_("juli"),   N_("august"),  N_("september"), N_("oktober"), N_("november"), N_("december")};

/* ---- the annual wheel ---- */

/* The SSP-team's courses and events of year for the wheel (service/team.h);
 * an empty list when they cannot be read (the wheel is the meetings'
 * first). *ev points into *rows: release rows after use, free *ev. */
static size_t wheel_events(struct request *rq, int year, struct event_rows *rows,
			   struct wheel_event **ev)
{
	struct svc_result r = SVC_RESULT_INIT;
	*ev = NULL;
	if (svc_events_list(rq->svc, &rq->actor, year, rows, &r) < 0) {
		svc_result_clear(&r);
		memset(rows, 0, sizeof(*rows));
		return 0;
	}
	*ev = xcalloc(rows->nr + 1, sizeof(**ev));
	for (size_t i = 0; i < rows->nr; i++) {
		int minute;
		(*ev)[i].name = rows->v[i].name;
		team_moment_split(rows->v[i].start, &(*ev)[i].first, &minute);
		team_moment_split(rows->v[i].end, &(*ev)[i].last, &minute);
		(*ev)[i].cancelled = rows->v[i].cancelled;
	}
	return rows->nr;
}

void h_wheel(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	struct org o;
	struct meeting_list l = MEETING_LIST_INIT;
	bool computed;
	if (year_data(rq, year, &o, &l, &computed) < 0)
		return;
	char title[64];
	snprintf(title, sizeof(title), _("Årshjul %d"), year);
	struct page p;
	page_init(&p, title, "/aarshjul");
	html_printf(&p.main,
		    "<nav class=\"app-year-nav\" aria-label=\"%s\">\n<ul>\n"
		    "<li><a href=\"/aarshjul?aar=%d\">%s %d</a></li>\n"
		    "<li><a href=\"/aarshjul?aar=%d\">%s %d</a></li>\n"
		    "<li><a href=\"/moeder?aar=%d\">%s</a></li>\n</ul>\n</nav>\n",
		    _("Andre år"), year - 1, _("Forrige år:"), year - 1, year + 1, _("Næste år:"),
		    year + 1, year, _("Alle møder som liste"));
	if (computed)
		computed_notice(&p.main, year);

	size_t bodies = 0;
	for (size_t i = 0; i < o.bodies_nr; i++) {
		bool any = false;
		for (size_t k = 0; k < l.nr && !any; k++)
			any = !strcmp(l.v[k].body, o.bodies[i].id);
		bodies += any;
	}
	struct strbuf alt = STRBUF_INIT;
	strbuf_addf(&alt,
		    _("Årshjul for %d tegnet som en cirkel med årets tolv måneder med uret fra "
		      "januar øverst og en ring pr. forum: %zu møder i %zu fora. Samme møder står "
		      "i tabellerne måned for måned."),
		    year, l.nr, bodies);
	html_printf(&p.main,
		    "<div class=\"app-wheel-layout\">\n<figure class=\"app-wheel\">\n"
		    "<img src=\"/aarshjul/%d.svg\" width=\"760\" alt=\"%s\">\n"
		    "<figcaption>%s</figcaption>\n</figure>\n",
		    year, alt.buf,
		    _("Hver ring er et forum (forklaringen står under hjulet). Udfyldt "
		      "cirkel: planlagt; firkant: afholdt; åben cirkel med streg: aflyst. "
		      "Styregruppens møder er nummereret efter årshjulets temaer."));
	strbuf_release(&alt);

	html_printf(&p.main,
		    "<section class=\"app-wheel-list\" aria-labelledby=\"maaneder\">\n"
		    "<h2 id=\"maaneder\">%s</h2>\n",
		    _("Møder måned for måned"));
	for (int m = 1; m <= 12; m++) {
		long from = cal_ymd(year, m, 1), to = from + cal_days_in_month(year, m);
		html_printf(&p.main, "<h3 id=\"maaned-%d\">%s</h3>\n", m, _(month_names[m - 1]));
		bool any = false;
		for (size_t k = 0; k < l.nr; k++) {
			const struct meeting *mt = &l.v[k];
			if (mt->day < from || mt->day >= to)
				continue;
			if (!any) {
				char cap[64];
				snprintf(cap, sizeof(cap), _("Møder i %s %d"),
					 _(month_names_lc[m - 1]), year);
				table_head(&p.main, cap);
				any = true;
			}
			meeting_row(&p.main, &o, mt, true);
		}
		if (any)
			html_printf(&p.main, "</tbody>\n</table>\n</div>\n");
		else
			html_printf(&p.main, "<p class=\"app-muted\">%s</p>\n", _("Ingen møder."));
	}
	html_printf(&p.main, "</section>\n</div>\n");

	/* the SSP-team's courses and events (the wheel's outermost ring) */
	struct event_rows rows;
	struct wheel_event *ev;
	size_t nev = wheel_events(rq, year, &rows, &ev);
	free(ev);
	if (nev) {
		html_printf(&p.main,
			    "<section aria-labelledby=\"begivenheder\">\n<h2 "
			    "id=\"begivenheder\">%s</h2>\n<ul>\n",
			    _("Kurser og begivenheder (yderste ring)"));
		for (size_t i = 0; i < rows.nr; i++) {
			const struct event_row *e = &rows.v[i];
			long day;
			int minute;
			team_moment_split(e->start, &day, &minute);
			char when[40];
			web_dk_date(day, when);
			html_printf(&p.main,
				    "<li><a href=\"/arrangementer/%lld\">%s</a>: %s, %s%s</li>\n",
				    e->id, e->name, when, event_kind_label(e->kind),
				    e->cancelled ? _(" (aflyst)") : "");
		}
		html_printf(&p.main, "</ul>\n</section>\n");
	}
	event_rows_release(&rows);

	/* issue 13: the focus areas in force, also under the wheel */
	struct strlist focus = STRLIST_INIT;
	web_focus_lines(rq, year, &focus);
	if (focus.nr) {
		html_printf(&p.main,
			    "<section aria-labelledby=\"indsatsomraader\">\n<h2 "
			    "id=\"indsatsomraader\">%s</h2>\n<ul>\n",
			    _("Indsatsområder i kraft"));
		for (size_t i = 0; i < focus.nr; i++)
			html_printf(&p.main, "<li>%s</li>\n", focus.v[i]);
		html_printf(
		    &p.main,
		    "</ul>\n<p><a href=\"/indsatsomraader?aar=%d\">%s</a></p>\n</section>\n", year,
		    _("Se indsatsområderne"));
	}
	strlist_clear(&focus);
	/* the steering group's wheel of themes, as the strategy has it */
	for (size_t i = 0; i < o.bodies_nr; i++) {
		const struct org_body *b = &o.bodies[i];
		if (!b->wheel_themes.nr)
			continue;
		html_printf(
		    &p.main,
		    "<section aria-labelledby=\"tema-%s\">\n<h2 id=\"tema-%s\">%s: %s</h2>\n"
		    "<p>%s</p>\n<ol>\n",
		    b->id, b->id, b->name, _("årshjulets temaer"),
		    _("Temaerne fordeles i rækkefølge på årets møder."));
		for (size_t t = 0; t < b->wheel_themes.nr; t++)
			html_printf(&p.main, "<li>%s</li>\n", b->wheel_themes.v[t]);
		html_printf(&p.main, "</ol>\n</section>\n");
	}
	meeting_list_release(&l);
	org_release(&o);
	page_finish(rq, 200, &p);
}

void h_wheel_svg(struct request *rq)
{
	const char *s = rq->params[0];
	int year;
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4 || cal_parse_year(s, &year) < 0) {
		web_error(rq, 404, _("Der findes ingen side med den adresse."), NULL);
		return;
	}
	struct org o;
	struct meeting_list l = MEETING_LIST_INIT;
	bool computed;
	if (year_data(rq, year, &o, &l, &computed) < 0)
		return;
	struct event_rows rows;
	struct wheel_event *ev;
	size_t nev = wheel_events(rq, year, &rows, &ev);
	struct strlist focus = STRLIST_INIT; /* issue 13: the focus areas in force */
	web_focus_lines(rq, year, &focus);
	char *svg = wheel_svg_draw(&o, &l, ev, nev, year, svc_today(), &focus);
	strlist_clear(&focus);
	free(ev);
	event_rows_release(&rows);
	strbuf_reset(&rq->rs.body);
	strbuf_addstr(&rq->rs.body, svg);
	rq->rs.status = 200;
	rq->rs.content_type = "image/svg+xml; charset=utf-8";
	rq->responded = true;
	free(svg);
	meeting_list_release(&l);
	org_release(&o);
}

/* ---- the meeting list ---- */

/* The body select of the add form: every body, and for a body with an
 * annual wheel (the steering group) also "convened as preparedness
 * group" (value "ID:beredskab"). */
static void body_select(struct html *h, const struct org *o, const char *sel, const char *error)
{
	struct field f = {.id = "body",
			  .label = _("Forum"),
			  .hint = _("Fx et ad hoc § 115-møde, et ekstra styregruppemøde eller "
				    "styregruppen samlet som beredskabsgruppe.")};
	select_open(h, &f, error);
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		select_option(h, b->id, b->name, !strcmp(sel, b->id));
		if (b->wheel_themes.nr) {
			struct strbuf v = STRBUF_INIT, label = STRBUF_INIT;
			strbuf_addf(&v, "%s:beredskab", b->id);
			strbuf_addf(&label, _("%s samlet som beredskabsgruppe"), b->name);
			select_option(h, v.buf, label.buf, !strcmp(sel, v.buf));
			strbuf_release(&v);
			strbuf_release(&label);
		}
	}
	select_close(h);
}

static void district_select(struct html *h, const struct org *o, const char *sel, const char *error)
{
	struct field f = {.id = "district", .label = _("Distrikt"), .optional = true};
	select_open(h, &f, error);
	select_option(h, "", _("Intet distrikt"), false);
	for (size_t i = 0; i < o->districts_nr; i++)
		select_option(h, o->districts[i].id, o->districts[i].name,
			      !strcmp(sel, o->districts[i].id));
	select_close(h);
}

static void add_form(struct request *rq, struct html *h, const struct org *o,
		     const struct svc_result *r)
{
	bool keep = r && r->status != SVC_OK;
	html_printf(h, "<h2 id=\"nyt-moede\">%s</h2>\n", _("Tilføj et ad hoc-møde"));
	form_error_summary(h, r);
	html_printf(h, "<form method=\"post\" action=\"/moeder\" class=\"app-form\" "
		       "aria-labelledby=\"nyt-moede\">\n");
	csrf_input(h, rq->session.csrf);
	/* one nonce per form shown: the same form posted twice (a double
	 * click, a retry) makes one meeting (h_meeting_add) */
	char nonce[AUTH_SECRET_LEN + 1];
	svc_random_token(nonce);
	html_printf(h, "<input type=\"hidden\" name=\"nonce\" value=\"%s\">\n", nonce);
	body_select(h, o, keep ? fget(rq, "body") : "", error_for(r, "body"));
	struct field f_date = {"date", _("Dato"),
			       "date", keep ? fget(rq, "date") : NULL,
			       "off",  _("Et møde lægges på en arbejdsdag."),
			       false,  false};
	struct field f_start = {"start", _("Tidspunkt"),
				"time",  keep ? fget(rq, "start") : NULL,
				"off",   _("Tomt: forummets sædvanlige tidspunkt."),
				true,    false};
	struct field f_theme = {"theme", _("Tema"), "text", keep ? fget(rq, "theme") : NULL,
				"off",   NULL,      true,   false};
	input_field(h, &f_date, error_for(r, "date"));
	input_field(h, &f_start,
		    error_for(r, "start") ? error_for(r, "start") : error_for(r, "duration"));
	district_select(h, o, keep ? fget(rq, "district") : "", error_for(r, "district"));
	input_field(h, &f_theme, error_for(r, "theme"));
	html_printf(
	    h, "<button type=\"submit\" class=\"button button-primary\">%s</button>\n</form>\n",
	    _("Tilføj mødet"));
}

static void meetings_page(struct request *rq, unsigned status, int year, const struct svc_result *r)
{
	const char *organ = form_get(&rq->query_form, "organ");
	if (organ && !*organ)
		organ = NULL;
	struct org o;
	struct meeting_list l = MEETING_LIST_INIT;
	bool computed;
	if (year_data(rq, year, &o, &l, &computed) < 0)
		return;
	const struct org_body *ob = organ ? org_find_body(&o, organ) : NULL;
	if (organ && !ob) {
		meeting_list_release(&l);
		org_release(&o);
		web_error(rq, 404, _("Organisationen har intet forum med den adresse."), "organ");
		return;
	}
	char title[64];
	snprintf(title, sizeof(title), _("Møder %d"), year);
	struct page p;
	page_init(&p, title, "/moeder");
	page_notice(rq, &p.main, meeting_notices);
	if (computed)
		computed_notice(&p.main, year);

	/* filter */
	html_printf(&p.main,
		    "<form method=\"get\" action=\"/moeder\" class=\"app-form app-filter\" "
		    "aria-labelledby=\"filter\">\n<h2 id=\"filter\">%s</h2>\n",
		    _("Vis møder"));
	char ys[12];
	snprintf(ys, sizeof(ys), "%d", year);
	struct field f_year = {"aar", _("År"), "text", ys, "off", NULL, false, true};
	input_field(&p.main, &f_year, NULL);
	struct field f_organ = {.id = "organ", .label = _("Forum")};
	select_open(&p.main, &f_organ, NULL);
	select_option(&p.main, "", _("Alle fora"), false);
	for (size_t i = 0; i < o.bodies_nr; i++)
		select_option(&p.main, o.bodies[i].id, o.bodies[i].name, ob == &o.bodies[i]);
	select_close(&p.main);
	submit_button(&p.main, "secondary", _("Vis"));
	html_printf(&p.main, "</form>\n");

	html_printf(&p.main, "<p><a href=\"/aarshjul?aar=%d\">%s %d</a></p>\n", year,
		    _("Se møderne som årshjul for"), year);
	if (ob)
		html_printf(&p.main,
			    "<p><a href=\"/kalender/organ/%s.ics\">%s</a> "
			    "<span class=\"app-muted\">%s</span></p>\n",
			    ob->id, _("Forummets kalender (iCalendar)"),
			    _("Åbn eller abonnér på den i Outlook, Google Kalender eller "
			      "Thunderbird."));

	size_t shown = 0;
	for (size_t k = 0; k < l.nr; k++)
		shown += !ob || !strcmp(l.v[k].body, ob->id);
	if (!shown) {
		html_printf(&p.main, "<p>%s</p>\n", _("Ingen møder i året for dette forum."));
	} else {
		char cap[200];
		snprintf(cap, sizeof(cap), _("%zu møder i %d%s%s"), shown, year, ob ? ": " : "",
			 ob ? ob->name : "");
		table_head(&p.main, cap);
		for (size_t k = 0; k < l.nr; k++)
			if (!ob || !strcmp(l.v[k].body, ob->id))
				meeting_row(&p.main, &o, &l.v[k], false);
		html_printf(&p.main, "</tbody>\n</table>\n</div>\n");
	}
	if (svc_may(rq->svc, &rq->actor, ACT_MEETING_PLAN))
		add_form(rq, &p.main, &o, r);
	meeting_list_release(&l);
	org_release(&o);
	page_finish(rq, status, &p);
}

void h_meetings(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	meetings_page(rq, 200, year, NULL);
}

/* "YYYY-MM-DD" into a day; -1 when it is no date. */
static int form_day(const char *s, long *day)
{
	struct date d;
	if (cal_parse_date(s, &d) < 0)
		return -1;
	*day = cal_days(d);
	return 0;
}

/* The idempotency key of a posted form: its nonce bound to the session's
 * CSRF token (a nonce alone from another session claims nothing here), or
 * "" when the form carries none. */
static void form_idem_key(struct request *rq, char out[80])
{
	const char *nonce = fget(rq, "nonce");
	out[0] = '\0';
	if (!*nonce || strlen(nonce) > 64)
		return;
	unsigned char h[24];
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)rq->session.csrf,
				  strlen(rq->session.csrf));
	crypto_generichash_update(&st, (const unsigned char *)"|", 1);
	crypto_generichash_update(&st, (const unsigned char *)nonce, strlen(nonce));
	crypto_generichash_final(&st, h, sizeof(h));
	memcpy(out, "form:", 5);
	sodium_bin2hex(out + 5, 80 - 5, h, sizeof(h));
}

void h_meeting_add(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	char key[80];
	form_idem_key(rq, key);
	if (*key) {
		char *made = NULL;
		int rc = svc_idem_claim(rq->svc, &rq->actor, key, &made, &r);
		if (rc != 0) {
			/* posted before: show what it made, or that it is under way */
			if (made)
				resp_redirect(rq, made);
			else
				web_svc_error(rq, &r);
			free(made);
			svc_result_clear(&r);
			return;
		}
	}
	const char *body = fget(rq, "body"), *date = fget(rq, "date"), *start = fget(rq, "start");
	const char *district = fget(rq, "district"), *theme = fget(rq, "theme");
	long day = 0;
	int minute = -1;
	int year = cal_date(svc_today()).y;
	char body_id[129];
	snprintf(body_id, sizeof(body_id), "%s", body);
	bool preparedness = false;
	char *colon = strchr(body_id, ':');
	if (colon && !strcmp(colon, ":beredskab")) {
		*colon = '\0';
		preparedness = true;
	}
	struct strbuf th = STRBUF_INIT;
	if (preparedness)
		strbuf_addf(&th, "%s%s%s", _("Samlet som beredskabsgruppe"), *theme ? ": " : "",
			    theme);
	else
		strbuf_addstr(&th, theme);
	if (!*body_id) {
		svc_fail(&r, SVC_INVALID, "body", "%s", _("Vælg et forum."));
	} else if (form_day(date, &day) < 0) {
		svc_fail(&r, SVC_INVALID, "date", "%s",
			 _("Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-15."));
	} else if (*start && cal_parse_clock(start, &minute) < 0) {
		svc_fail(&r, SVC_INVALID, "start", "%s",
			 _("Skriv tidspunktet som TT:MM, fx 14:00."));
	} else if (th.len > 200) {
		svc_fail(&r, SVC_INVALID, "theme", "%s", _("Temaet må højst være 200 tegn."));
	} else {
		struct meeting m;
		if (svc_meeting_add(rq->svc, &rq->actor, body_id, *district ? district : NULL, day,
				    minute, 0, th.len ? th.buf : NULL, &m, &r) == 0) {
			char loc[64];
			snprintf(loc, sizeof(loc), "/moeder/%lld?ok=tilfoejet", m.id);
			if (*key)
				svc_idem_finish(rq->svc, &rq->actor, key, loc);
			meeting_release(&m);
			strbuf_release(&th);
			resp_redirect(rq, loc);
			return;
		}
	}
	strbuf_release(&th);
	if (*key) /* nothing made: the same form may be posted again */
		svc_idem_finish(rq->svc, &rq->actor, key, NULL);
	if (day && cal_date(day).y >= PLAN_YEAR_MIN && cal_date(day).y <= PLAN_YEAR_MAX)
		year = cal_date(day).y;
	if (r.status == SVC_INVALID || r.status == SVC_NOT_FOUND)
		meetings_page(rq, 422, year, &r);
	else
		web_svc_error(rq, &r);
	svc_result_clear(&r);
}

/* ---- a meeting's page ---- */

/* "29. november 2026 kl. 09.00" from "2026-11-29T08:00:00Z". */
static void local_stamp(const char *utc, char out[64])
{
	struct date d;
	int hh, mm;
	char date[11];
	snprintf(out, 64, "%s", utc ? utc : "");
	if (!utc || strlen(utc) < 16)
		return;
	snprintf(date, sizeof(date), "%.10s", utc);
	if (cal_parse_date(date, &d) < 0 || sscanf(utc + 11, "%2d:%2d", &hh, &mm) != 2)
		return;
	long day;
	int minute;
	cal_cph_from_utc(cal_days(d), hh * 60 + mm, &day, &minute);
	char ds[40], cs[8];
	web_dk_date(day, ds);
	clock_text(minute, cs);
	snprintf(out, 64, _("%s kl. %s"), ds, cs);
}

/* A person as shown: name (organisation), CPR-like numbers masked (a
 * guest at a § 115-møde may be named by relation to a young person). */
static void person_label(struct strbuf *sb, const struct person *p)
{
	const char *name = p->name ? p->name : "?";
	cpr_mask(name, strlen(name), sb);
	if (p->org && *p->org) {
		strbuf_addstr(sb, " (");
		cpr_mask(p->org, strlen(p->org), sb);
		strbuf_addch(sb, ')');
	}
}

static bool user_present(const struct person_list *att, long long uid, bool *known)
{
	for (size_t i = 0; i < att->nr; i++)
		if (att->v[i].user_id == uid) {
			*known = true;
			return att->v[i].present;
		}
	*known = false;
	return false;
}

static void section_status(struct request *rq, struct html *h, const struct meeting_view *v,
			   const struct svc_result *r)
{
	const struct meeting *m = &v->m;
	html_printf(h, "<section aria-labelledby=\"status-tid\">\n<h2 id=\"status-tid\">%s</h2>\n",
		    _("Status og tid"));
	if (error_for(r, "status"))
		alert(h, "error", error_for(r, "status"));
	html_printf(h, "<div class=\"app-actions\">\n");
	static const struct {
		enum meeting_status st;
		const char *label;
	} buttons[] = {{MEETING_HELD, N_("Marker som afholdt")},
		       {MEETING_CANCELLED, N_("Aflys mødet")},
		       {MEETING_PLANNED, N_("Sæt tilbage til planlagt")}};
	/* issue 11: a meeting is held only once it has started; before, the
	 * page says when instead of offering the button (svc refuses it) */
	long now_day;
	int now_minute;
	svc_now(&now_day, &now_minute);
	bool started = m->day < now_day || (m->day == now_day && m->start <= now_minute);
	for (size_t i = 0; i < 3; i++) {
		if (m->status == buttons[i].st ||
		    (buttons[i].st == MEETING_PLANNED && m->status == MEETING_MOVED))
			continue;
		if (buttons[i].st == MEETING_HELD && !started) {
			html_printf(h, "<p class=\"app-muted\">%s</p>\n",
				    _("Mødet kan markeres som afholdt, når det er begyndt."));
			continue;
		}
		html_printf(h, "<form method=\"post\" action=\"/moeder/%lld/status\">\n", m->id);
		csrf_input(h, rq->session.csrf);
		html_printf(
		    h,
		    "<input type=\"hidden\" name=\"status\" value=\"%s\">\n"
		    "<button type=\"submit\" class=\"button button-secondary\">%s</button>\n"
		    "</form>\n",
		    meeting_status_id(buttons[i].st), _(buttons[i].label));
	}
	html_printf(h, "</div>\n");
	bool keep = r && r->status != SVC_OK &&
		    (error_for(r, "date") || error_for(r, "start") || error_for(r, "duration"));
	char date[11], start[8], dur[12];
	cal_format_date(m->day, date);
	snprintf(start, sizeof(start), "%02u:%02u", (unsigned)(m->start / 60) % 100u,
		 (unsigned)(m->start % 60));
	snprintf(dur, sizeof(dur), "%d", m->duration);
	html_printf(h,
		    "<h3 id=\"flyt\">%s</h3>\n<form method=\"post\" action=\"/moeder/%lld/flyt\" "
		    "class=\"app-form\" aria-labelledby=\"flyt\">\n",
		    _("Flyt mødet"), m->id);
	csrf_input(h, rq->session.csrf);
	struct field f_date = {"date", _("Ny dato"),
			       "date", keep ? fget(rq, "date") : date,
			       "off",  _("En arbejdsdag i samme år."),
			       false,  false};
	struct field f_start = {"start", _("Nyt tidspunkt"),
				"time",  keep ? fget(rq, "start") : start,
				"off",   NULL,
				true,    false};
	struct field f_dur = {"duration", _("Varighed i minutter"),
			      "text",     keep ? fget(rq, "duration") : dur,
			      "off",      NULL,
			      true,       true};
	input_field(h, &f_date, error_for(r, "date"));
	input_field(h, &f_start, error_for(r, "start"));
	input_field(h, &f_dur, error_for(r, "duration"));
	html_printf(h,
		    "<button type=\"submit\" class=\"button "
		    "button-primary\">%s</button>\n</form>\n</section>\n",
		    _("Flyt mødet"));
}

static void section_agenda(struct request *rq, struct html *h, const struct meeting_view *v,
			   const struct svc_result *r)
{
	html_printf(h, "<section aria-labelledby=\"dagsorden\">\n<h2 id=\"dagsorden\">%s</h2>\n",
		    _("Dagsorden"));
	if (!v->agenda_visible) {
		html_printf(
		    h, "<p>%s</p>\n</section>\n",
		    _("Dagsordenen for dette forum kan indeholde oplysninger om navngivne unge "
		      "og vises kun for dem, der fører mødet."));
		return;
	}
	if (!v->agenda_stored)
		html_printf(
		    h, "<p class=\"app-muted\">%s</p>\n",
		    _("Forslag ud fra årshjulets tema, de faste punkter og forummets "
		      "opgaver i strategien. Ret og gem det for at fastlægge dagsordenen."));
	if (v->agenda.nr) {
		html_printf(h, "<ol class=\"app-agenda\">\n");
		for (size_t i = 0; i < v->agenda.nr; i++) {
			/* as the minutes: a CPR number is masked when shown */
			struct strbuf shown = STRBUF_INIT;
			cpr_mask(v->agenda.v[i], strlen(v->agenda.v[i]), &shown);
			html_printf(h, "<li>%s</li>\n", shown.buf);
			strbuf_release(&shown);
		}
		html_printf(h, "</ol>\n");
	} else {
		html_printf(h, "<p>%s</p>\n", _("Dagsordenen er tom."));
	}
	if (v->offered.nr) {
		/* larger events before the next hotspot meeting (pages_team.c) */
		html_printf(h, "<p>%s</p>\n<ul class=\"app-offered\">\n",
			    _("Foreslåede punkter, der ikke står på dagsordenen (større "
			      "begivenheder før næste hotspotmøde):"));
		for (size_t i = 0; i < v->offered.nr; i++)
			html_printf(h, "<li>%s</li>\n", v->offered.v[i]);
		html_printf(h, "</ul>\n");
	}
	if (v->can_run) {
		const char *err = error_for(r, "agenda");
		struct strbuf text = STRBUF_INIT;
		if (err) {
			strbuf_addstr(&text, fget(rq, "agenda"));
		} else {
			for (size_t i = 0; i < v->agenda.nr; i++)
				strbuf_addf(&text, "%s\n", v->agenda.v[i]);
		}
		html_printf(h,
			    "<form method=\"post\" action=\"/moeder/%lld/dagsorden\" "
			    "class=\"app-form\">\n",
			    v->m.id);
		csrf_input(h, rq->session.csrf);
		textarea_field(h, "agenda", _("Ret dagsordenen"), _("Ét punkt pr. linje."),
			       text.buf, err, 8);
		html_printf(
		    h,
		    "<button type=\"submit\" class=\"button button-secondary\">%s</button>\n"
		    "</form>\n",
		    _("Gem dagsordenen"));
		strbuf_release(&text);
	}
	html_printf(h, "</section>\n");
}

static void section_attendance(struct request *rq, struct html *h, const struct meeting_view *v,
			       const struct svc_result *r)
{
	html_printf(h, "<section aria-labelledby=\"fremmoede\">\n<h2 id=\"fremmoede\">%s</h2>\n",
		    _("Fremmøde"));
	if (!v->attendance_visible) {
		/* as the minutes: who came to a § 115-møde is need-to-know */
		html_printf(h, "<p>%s</p>\n</section>\n",
			    _("I dette forum drøftes navngivne unge. Fremmødet kan kun ses af dem, "
			      "der fører mødet."));
		return;
	}
	if (!v->participants.nr && !v->attendance.nr)
		html_printf(h, "<p>%s</p>\n",
			    _("Ingen brugere er knyttet til forummet endnu. En administrator "
			      "tilknytter deltagere på forummets side under Organisation."));
	if (!v->can_run) {
		if (v->attendance.nr) {
			html_printf(h, "<ul>\n");
			for (size_t i = 0; i < v->attendance.nr; i++) {
				struct strbuf sb = STRBUF_INIT;
				person_label(&sb, &v->attendance.v[i]);
				html_printf(h, "<li>%s: %s</li>\n", sb.buf,
					    v->attendance.v[i].present ? _("til stede")
								       : _("ikke til stede"));
				strbuf_release(&sb);
			}
			html_printf(h, "</ul>\n");
		} else if (v->participants.nr) {
			html_printf(h, "<p>%s</p>\n", _("Fremmødet er ikke registreret."));
		}
		html_printf(h, "</section>\n");
		return;
	}
	form_error_summary(h, error_for(r, "attendance") ? r : NULL);
	html_printf(h,
		    "<form method=\"post\" action=\"/moeder/%lld/fremmoede\" class=\"app-form\">\n",
		    v->m.id);
	csrf_input(h, rq->session.csrf);
	/* participants, then users on the attendance who no longer take part */
	bool any = false;
	for (int pass = 0; pass < 2; pass++) {
		const struct person_list *l = pass ? &v->attendance : &v->participants;
		for (size_t i = 0; i < l->nr; i++) {
			const struct person *p = &l->v[i];
			if (!p->user_id)
				continue;
			bool known;
			if (pass) {
				bool dup = false;
				for (size_t k = 0; k < v->participants.nr; k++)
					dup |= v->participants.v[k].user_id == p->user_id;
				if (dup)
					continue;
			}
			bool present = user_present(&v->attendance, p->user_id, &known);
			if (!any)
				html_printf(
				    h, "<fieldset>\n<legend class=\"form-label\">%s</legend>\n",
				    _("Deltagere til stede"));
			any = true;
			char id[40];
			snprintf(id, sizeof(id), "present-%lld", p->user_id);
			struct strbuf label = STRBUF_INIT;
			person_label(&label, p);
			checkbox_field(h, id, "1", present, label.buf);
			strbuf_release(&label);
		}
	}
	if (any)
		html_printf(h, "</fieldset>\n");
	size_t g = 0;
	for (size_t i = 0; i < v->attendance.nr; i++) {
		const struct person *p = &v->attendance.v[i];
		if (p->user_id)
			continue;
		if (!g)
			html_printf(h, "<fieldset>\n<legend class=\"form-label\">%s</legend>\n",
				    _("Gæster (fjern fluebenet for at slette)"));
		char id[40];
		snprintf(id, sizeof(id), "keep-guest-%zu", g++);
		struct strbuf label = STRBUF_INIT;
		person_label(&label, p);
		checkbox_field(h, id, "1", true, label.buf);
		strbuf_release(&label);
	}
	if (g)
		html_printf(h, "</fieldset>\n");
	bool keep = error_for(r, "guest_name") || error_for(r, "guest_org");
	struct field f_name = {"guest_name", _("Ny gæst: navn"),
			       "text",       keep ? fget(rq, "guest_name") : NULL,
			       "off",        _("En gæst, der ikke er bruger i systemet."),
			       true,         false};
	struct field f_org = {"guest_org", _("Ny gæst: organisation"),
			      "text",      keep ? fget(rq, "guest_org") : NULL,
			      "off",       NULL,
			      true,        false};
	input_field(h, &f_name, error_for(r, "guest_name"));
	input_field(h, &f_org, error_for(r, "guest_org"));
	html_printf(h,
		    "<button type=\"submit\" class=\"button "
		    "button-secondary\">%s</button>\n</form>\n</section>\n",
		    _("Gem fremmødet"));
}

static void section_minutes(struct request *rq, struct html *h, const struct meeting_view *v,
			    const struct svc_result *r)
{
	html_printf(h, "<section aria-labelledby=\"referat\">\n<h2 id=\"referat\">%s</h2>\n",
		    _("Referat"));
	if (!v->minutes_visible) {
		html_printf(
		    h, "<p>%s</p>\n</section>\n",
		    _("Referatet fra dette forum kan indeholde oplysninger om navngivne unge "
		      "og vises kun for dem, der fører mødet."));
		return;
	}
	if (!v->body->named_individuals)
		html_printf(h, "<p>%s</p>\n",
			    _("Referatet er generelt: tendenser, steder og unavngivne grupper."));
	const char *text = v->minutes.text;
	if (text && *text) {
		/* a § 115 referat may hold CPR numbers: masked when shown */
		struct strbuf shown = STRBUF_INIT;
		cpr_mask(text, strlen(text), &shown);
		html_printf(h, "<div class=\"app-minutes\">\n");
		for (const char *p = shown.buf; *p;) {
			size_t n = strcspn(p, "\n");
			char *line = xstrndup(p, n);
			if (n)
				html_printf(h, "<p>%s</p>\n", line);
			free(line);
			p += n + (p[n] ? 1 : 0);
		}
		html_printf(h, "</div>\n");
		strbuf_release(&shown);
		char when[64];
		local_stamp(v->minutes.updated_at, when);
		html_printf(h, "<p class=\"app-muted\">%s %s, %s</p>\n", _("Senest rettet af"),
			    v->minutes.updated_by, when);
	} else {
		html_printf(h, "<p>%s</p>\n", _("Der er ikke skrevet referat endnu."));
	}
	if (v->can_run) {
		const char *err = error_for(r, "minutes");
		html_printf(h,
			    "<form method=\"post\" action=\"/moeder/%lld/referat\" "
			    "class=\"app-form\">\n",
			    v->m.id);
		csrf_input(h, rq->session.csrf);
		textarea_field(h, "minutes",
			       text && *text ? _("Ret referatet") : _("Skriv referat"),
			       v->body->named_individuals
				   ? _("Højst 10.000 tegn.")
				   : _("Tendenser, steder og unavngivne grupper; ingen navne og "
				       "ingen CPR-numre. Højst 10.000 tegn."),
			       err ? fget(rq, "minutes") : text, err, 10);
		html_printf(h,
			    "<button type=\"submit\" class=\"button button-primary\">%s</button>\n"
			    "</form>\n",
			    _("Gem referatet"));
	}
	html_printf(h, "</section>\n");
}

/* The meeting's page; r (may be NULL) is the failed change to show. */
static void meeting_page(struct request *rq, unsigned status, long long id,
			 const struct svc_result *r)
{
	struct org o;
	org_init(&o);
	struct meeting_view v;
	struct svc_result vr = SVC_RESULT_INIT;
	if (svc_meeting_view(rq->svc, &rq->actor, id, &o, &v, &vr) < 0) {
		web_svc_fail(rq, &vr);
		meeting_view_release(&v);
		org_release(&o);
		return;
	}
	const struct meeting *m = &v.m;
	const struct org_body *b = v.body;
	char date[40], span[24], title[200];
	web_dk_date(m->day, date);
	time_span(m, span);
	snprintf(title, sizeof(title), "%s %s", b->name, date);
	struct page p;
	page_init(&p, title, "/moeder");
	html_printf(
	    &p.main,
	    "<nav class=\"breadcrumbs\" aria-label=\"%s\">\n<ol class=\"breadcrumbs__list\">\n"
	    "<li class=\"breadcrumbs__list-item\"><a class=\"breadcrumbs__link\" "
	    "href=\"/moeder?aar=%d\">%s</a></li>\n"
	    "<li class=\"breadcrumbs__list-item\" aria-current=\"page\">%s</li>\n</ol>\n</nav>\n",
	    _("Brødkrumme"), cal_date(m->day).y, _("Møder"), title);
	page_notice(rq, &p.main, meeting_notices);
	if (r && r->status != SVC_OK)
		alert(&p.main, "error",
		      r->message ? r->message : _("Oplysningerne kan ikke bruges."));

	html_printf(
	    &p.main,
	    "<dl class=\"app-facts\">\n<dt>%s</dt><dd><a href=\"/organisation/%s\">%s</a></dd>\n"
	    "<dt>%s</dt><dd>%s %s, %s %s</dd>\n",
	    _("Forum"), b->id, b->name, _("Dato og tid"), cal_weekday_name(cal_weekday(m->day)),
	    date, _("kl."), span);
	if (m->district)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Distrikt"),
			    district_name(&o, m->district));
	if (m->institution) {
		const struct org_institution *x = org_find_institution(&o, m->institution);
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Skole eller klub"),
			    x && x->name ? x->name : m->institution);
	}
	if (m->theme)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Tema"), m->theme);
	html_printf(&p.main, "<dt>%s</dt><dd>%s%s</dd>\n", _("Status"),
		    meeting_status_label(m->status), m->ad_hoc ? _(" (ad hoc-møde)") : "");
	if (b->responsible)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Ansvarlig"), b->responsible);
	/* issue 11: the chair and minute-taker of this district's meeting */
	const char *chair = org_role_for_meeting(&b->chairs, m->institution, m->district);
	const char *taker = org_role_for_meeting(&b->minute_takers, m->institution, m->district);
	if (chair)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Mødeleder"), chair);
	if (taker)
		html_printf(&p.main, "<dt>%s</dt><dd>%s</dd>\n", _("Referent"), taker);
	html_printf(&p.main, "</dl>\n");
	if (!b->named_individuals) {
		/* the strategy's own reason, quoted, only where it gives one */
		struct strbuf note = STRBUF_INIT;
		if (b->named_reason)
			strbuf_addf(&note,
				    _("Konkrete sager om navngivne unge drøftes ikke i dette "
				      "forum. Strategien: »%s«"),
				    b->named_reason);
		else
			strbuf_addstr(
			    &note, _("Konkrete sager om navngivne unge drøftes ikke i dette forum "
				     "(strategifilen: »navngivne-personer = nej«)."));
		alert(&p.main, "info", note.buf);
		strbuf_release(&note);
	}
	/* issue 9: the § 115 case page, for bodies with named young people and
	 * only to the roles that may read it */
	if (b->named_individuals && svc_may(rq->svc, &rq->actor, ACT_HANDOVER_VIEW))
		html_printf(&p.main, "<p><a href=\"/sager/moede/%lld\">%s</a></p>\n", m->id,
			    _("Sager på mødet (overleveringer, indstillinger, opfølgning)"));
	html_printf(&p.main, "<p><a href=\"/kalender/organ/%s.ics\">%s</a></p>\n", b->id,
		    _("Forummets kalender (iCalendar)"));

	if (v.can_plan)
		section_status(rq, &p.main, &v, r);
	section_agenda(rq, &p.main, &v, r);
	section_attendance(rq, &p.main, &v, r);
	section_minutes(rq, &p.main, &v, r);
	/* issue 13: trend tags on general minutes */
	if (v.minutes_visible && !b->named_individuals)
		meeting_tags_section(rq, &p.main, m->id,
				     v.can_run && svc_may(rq->svc, &rq->actor, ACT_TREND_TAG));
	page_finish(rq, status, &p);
	meeting_view_release(&v);
	org_release(&o);
}

static bool path_id(struct request *rq, long long *id)
{
	return web_path_id(rq, 0, _("Der findes intet møde med den adresse."), id);
}

void h_meeting(struct request *rq)
{
	long long id;
	if (path_id(rq, &id))
		meeting_page(rq, 200, id, NULL);
}

/* After a change: 303 back to the page, or the page with the error. */
static void after_change(struct request *rq, long long id, int rc, struct svc_result *r,
			 const char *ok)
{
	if (rc == 0) {
		char loc[80];
		snprintf(loc, sizeof(loc), "/moeder/%lld?ok=%s", id, ok);
		resp_redirect(rq, loc);
	} else if (r->status == SVC_INVALID) {
		meeting_page(rq, 422, id, r);
	} else {
		web_svc_error(rq, r);
	}
	svc_result_clear(r);
}

void h_meeting_status(struct request *rq)
{
	long long id;
	if (!path_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	enum meeting_status st;
	int rc = -1;
	if (meeting_status_parse(fget(rq, "status"), &st) < 0)
		svc_fail(&r, SVC_INVALID, "status", "%s", _("Ukendt status."));
	else
		rc = svc_meeting_set_status(rq->svc, &rq->actor, id, st, &r);
	after_change(rq, id, rc, &r, "status");
}

void h_meeting_move(struct request *rq)
{
	long long id;
	if (!path_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	const char *date = fget(rq, "date"), *start = fget(rq, "start");
	const char *dur = fget(rq, "duration");
	long day;
	int minute = -1, duration = 0, rc = -1;
	char *end = NULL;
	long dv = *dur ? strtol(dur, &end, 10) : 0;
	if (form_day(date, &day) < 0)
		svc_fail(&r, SVC_INVALID, "date", "%s",
			 _("Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-15."));
	else if (*start && cal_parse_clock(start, &minute) < 0)
		svc_fail(&r, SVC_INVALID, "start", "%s",
			 _("Skriv tidspunktet som TT:MM, fx 14:00."));
	else if (*dur && (*end || dv < 15 || dv > 1440))
		svc_fail(&r, SVC_INVALID, "duration", "%s",
			 _("Skriv varigheden i hele minutter, mindst 15."));
	else {
		duration = (int)dv;
		rc = svc_meeting_move(rq->svc, &rq->actor, id, day, minute, duration, &r);
	}
	after_change(rq, id, rc, &r, "flyttet");
}

void h_meeting_agenda(struct request *rq)
{
	long long id;
	if (!path_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_meeting_agenda_save(rq->svc, &rq->actor, id, fget(rq, "agenda"), &r);
	after_change(rq, id, rc, &r, "dagsorden");
}

void h_meeting_minutes(struct request *rq)
{
	long long id;
	if (!path_id(rq, &id))
		return;
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_meeting_minutes_save(rq->svc, &rq->actor, id, fget(rq, "minutes"), &r);
	after_change(rq, id, rc, &r, "referat");
}

void h_meeting_attendance(struct request *rq)
{
	long long id;
	if (!path_id(rq, &id))
		return;
	/* the form lists the body's participants and the stored attendance:
	 * read them again to know which boxes it had */
	struct org o;
	org_init(&o);
	struct meeting_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_meeting_view(rq->svc, &rq->actor, id, &o, &v, &r) < 0) {
		web_svc_fail(rq, &r);
		meeting_view_release(&v);
		org_release(&o);
		return;
	}
	struct person_list att = {0};
	for (int pass = 0; pass < 2; pass++) {
		const struct person_list *l = pass ? &v.attendance : &v.participants;
		for (size_t i = 0; i < l->nr; i++) {
			const struct person *p = &l->v[i];
			bool dup = false;
			for (size_t k = 0; k < att.nr; k++)
				dup |= att.v[k].user_id == p->user_id;
			if (!p->user_id || dup)
				continue;
			char key[40];
			snprintf(key, sizeof(key), "present-%lld", p->user_id);
			struct person *n = person_list_add(&att);
			n->user_id = p->user_id;
			n->present = *fget(rq, key) != '\0';
		}
	}
	size_t g = 0;
	for (size_t i = 0; i < v.attendance.nr; i++) {
		const struct person *p = &v.attendance.v[i];
		if (p->user_id)
			continue;
		char key[40];
		snprintf(key, sizeof(key), "keep-guest-%zu", g++);
		if (!*fget(rq, key))
			continue;
		struct person *n = person_list_add(&att);
		n->name = xstrdup(p->name);
		n->org = p->org ? xstrdup(p->org) : NULL;
		n->present = true;
	}
	const char *gname = fget(rq, "guest_name"), *gorg = fget(rq, "guest_org");
	if (*gname || *gorg) {
		struct person *n = person_list_add(&att);
		n->name = xstrdup(gname);
		n->org = *gorg ? xstrdup(gorg) : NULL;
		n->present = true;
	}
	meeting_view_release(&v);
	org_release(&o);
	int rc = svc_meeting_attendance_save(rq->svc, &rq->actor, id, &att, &r);
	person_list_release(&att);
	after_change(rq, id, rc, &r, "fremmoede");
}

/* ---- the front page ---- */

void home_meetings_section(struct request *rq, struct html *h)
{
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	struct svc_result r = SVC_RESULT_INIT;
	size_t bodies = 0;
	int rc = svc_my_meetings(rq->svc, &rq->actor, 5, &o, &l, &bodies, &r);
	html_printf(h, "<section aria-labelledby=\"moeder\">\n<h2 id=\"moeder\">%s</h2>\n",
		    _("Dine kommende møder"));
	if (rc < 0) {
		/* e.g. no strategy loaded yet: the front page still works */
		html_printf(h, "<p>%s</p>\n", r.message ? r.message : _("Møderne kan ikke vises."));
	} else if (!bodies) {
		html_printf(h, "<p>%s</p>\n",
			    _("Du har ingen kommende møder, for du er ikke knyttet til noget forum "
			      "endnu. En administrator knytter dig til de fora, du deltager i, på "
			      "forummets side under Organisation; så står deres møder her."));
	} else if (!l.nr) {
		html_printf(h, "<p>%s</p>\n", _("Der er ingen kommende møder i dine fora."));
	} else {
		html_printf(h, "<ul class=\"app-upcoming\">\n");
		for (size_t i = 0; i < l.nr; i++) {
			const struct meeting *m = &l.v[i];
			char date[40], span[24];
			web_dk_date(m->day, date);
			time_span(m, span);
			struct strbuf what = STRBUF_INIT;
			strbuf_addstr(&what, body_name(&o, m->body));
			if (m->district)
				strbuf_addf(&what, ", %s", district_name(&o, m->district));
			if (m->theme)
				strbuf_addf(&what, ": %s", m->theme);
			if (m->id)
				html_printf(h, "<li><a href=\"/moeder/%lld\">%s %s, %s %s</a>",
					    m->id, cal_weekday_name(cal_weekday(m->day)), date,
					    _("kl."), span);
			else
				html_printf(h, "<li>%s %s, %s %s",
					    cal_weekday_name(cal_weekday(m->day)), date, _("kl."),
					    span);
			html_printf(h, " – %s", what.buf);
			if (m->status != MEETING_PLANNED)
				html_printf(h, " <span class=\"app-muted\">(%s)</span>",
					    meeting_status_label(m->status));
			html_printf(h, "</li>\n");
			strbuf_release(&what);
		}
		html_printf(h, "</ul>\n");
	}
	if (svc_may(rq->svc, &rq->actor, ACT_MEETING_VIEW))
		html_printf(h, "<p><a href=\"/aarshjul\">%s</a> · <a href=\"/moeder\">%s</a></p>\n",
			    _("Se årshjulet"), _("Alle møder"));
	html_printf(h, "</section>\n");
	svc_result_clear(&r);
	meeting_list_release(&l);
	org_release(&o);
}
