/* pages_compliance.c - /overholdelse?aar=YYYY&pr=YYYY-MM-DD: is the
 * strategy kept? For the steering group (ACT_COMPLIANCE_VIEW): per body the
 * required minimum, planned, held and cancelled meetings and a status in
 * text and colour (domain/compliance.h), then the school network's
 * findings (domain/compliance_network.h). Aggregates only: nothing here is
 * about a young person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/compliance.h"
#include "service/meeting.h"
#include "service/school.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* The CSS modifier of a status (static/app.css: text and colour). */
static const char *status_class(enum compliance_status s)
{
	return s == COMPLIANCE_OK ? "ok" : s == COMPLIANCE_BEHIND ? "behind" : "at-risk";
}

static void status_badge(struct html *h, enum compliance_status s)
{
	html_printf(h, "<span class=\"app-status app-status--%s\">%s</span>", status_class(s),
		    compliance_status_label(s));
}

static void counts_cells(struct html *h, const struct compliance_counts *c)
{
	html_printf(h,
		    "<td class=\"app-num\">%d</td><td class=\"app-num\">%d</td>"
		    "<td class=\"app-num\">%d</td><td class=\"app-num\">%d</td><td>",
		    c->required_min, c->planned, c->held, c->cancelled);
	status_badge(h, c->status);
	html_printf(h, "</td>");
}

static void bodies_table(struct html *h, const struct compliance *c, int year, const char *date)
{
	char caption[160];
	snprintf(caption, sizeof(caption), _("Mødekrav pr. forum %d, pr. %s"), year, date);
	html_printf(
	    h,
	    "<div class=\"table--responsive-scroll\">\n"
	    "<table class=\"table table--zebra app-compliance\">\n<caption>%s</caption>\n"
	    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"app-num\">%s</th>"
	    "<th scope=\"col\" class=\"app-num\">%s</th>"
	    "<th scope=\"col\" class=\"app-num\">%s</th>"
	    "<th scope=\"col\" class=\"app-num\">%s</th><th scope=\"col\">%s</th>"
	    "</tr></thead>\n<tbody>\n",
	    caption, _("Forum"), _("Minimum"), _("Planlagt"), _("Afholdt"), _("Aflyst"),
	    _("Status"));
	for (size_t i = 0; i < c->nr; i++) {
		const struct compliance_row *r = &c->v[i];
		html_printf(h, "<tr><th scope=\"row\"><a href=\"/organisation/%s\">%s</a></th>",
			    r->body, r->name ? r->name : r->body);
		counts_cells(h, &r->c);
		html_printf(h, "</tr>\n");
		for (size_t d = 0; d < r->districts_nr; d++) {
			html_printf(h,
				    "<tr class=\"app-subrow\"><th scope=\"row\">"
				    "<span class=\"sr-only\">%s, </span>%s %s</th>",
				    r->name ? r->name : r->body, _("distrikt"),
				    r->district_names[d]);
			counts_cells(h, &r->districts[d]);
			html_printf(h, "</tr>\n");
			/* [C-INST] the district's institutions */
			for (size_t n = 0; n < r->institutions_nr; n++) {
				if (!r->institution_districts[n] ||
				    strcmp(r->institution_districts[n], r->district_ids[d]))
					continue;
				html_printf(h,
					    "<tr class=\"app-subrow\"><th scope=\"row\">"
					    "<span class=\"sr-only\">%s, %s, </span>– %s</th>",
					    r->name ? r->name : r->body, r->district_names[d],
					    r->institution_names[n]);
				counts_cells(h, &r->institutions[n]);
				html_printf(h, "</tr>\n");
			}
		}
	}
	html_printf(h, "</tbody>\n</table>\n</div>\n");
}

/* [C-PERIOD] [C-THEME] What is missing: each period in which a body's rule
 * is not held, and each wheel theme a cancelled meeting took with it. */
static void periods_table(struct html *h, const struct compliance *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nr; i++) {
		n += c->v[i].missing_themes.nr;
		for (size_t p = 0; p < c->v[i].periods_nr; p++)
			n += c->v[i].periods[p].status != COMPLIANCE_OK;
	}
	html_printf(h, "<h2 id=\"perioder\">%s</h2>\n", _("Perioder, hvor reglen ikke er holdt"));
	if (!n) {
		html_printf(h, "<p>%s</p>\n",
			    _("Ingen: hver måned, hvert kvartal, hver uge i en fast rytme og hvert "
			      "års tema er holdt efter strategiens regel."));
		return;
	}
	html_printf(h,
		    "<div class=\"table--responsive-scroll\">\n"
		    "<table class=\"table table--zebra app-compliance\">\n<caption>%s</caption>\n"
		    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"app-num\">%s</th>"
		    "<th scope=\"col\" class=\"app-num\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead>\n<tbody>\n",
		    _("Perioder og temaer, der mangler"), _("Forum"), _("Periode"), _("Krav"),
		    _("Afholdt"), _("Status"));
	for (size_t i = 0; i < c->nr; i++) {
		const struct compliance_row *r = &c->v[i];
		const char *name = r->name ? r->name : r->body;
		for (size_t p = 0; p < r->periods_nr; p++) {
			const struct compliance_period *pe = &r->periods[p];
			if (pe->status == COMPLIANCE_OK)
				continue;
			char from[40], to[40];
			web_dk_date(pe->from, from);
			web_dk_date(pe->to, to);
			html_printf(
			    h,
			    "<tr><th scope=\"row\">%s</th><td>%s – %s%s%s</td>"
			    "<td class=\"app-num\">%d</td><td class=\"app-num\">%d</td><td>",
			    name, from, to, pe->institution || pe->district ? ", " : "",
			    pe->institution ? pe->institution
			    : pe->district  ? pe->district
					    : "",
			    pe->required, pe->held);
			status_badge(h, pe->status);
			html_printf(h, "</td></tr>\n");
		}
		for (size_t t = 0; t < r->missing_themes.nr; t++) {
			html_printf(
			    h, "<tr><th scope=\"row\">%s</th><td colspan=\"3\">%s: %s</td><td>",
			    name, _("Tema fra et aflyst møde er ikke flyttet"),
			    r->missing_themes.v[t]);
			status_badge(h, COMPLIANCE_BEHIND);
			html_printf(h, "</td></tr>\n");
		}
	}
	html_printf(h, "</tbody>\n</table>\n</div>\n");
}

static void summary(struct html *h, const struct compliance *c)
{
	int n[3] = {0, 0, 0};
	for (size_t i = 0; i < c->nr; i++)
		if (c->v[i].c.status <= COMPLIANCE_AT_RISK)
			n[c->v[i].c.status]++;
	html_printf(h, "<ul class=\"app-summary\" aria-label=\"%s\">\n", _("Overblik"));
	for (int s = 0; s < 3; s++) {
		char buf[80];
		snprintf(buf, sizeof(buf), ngettext("%d forum", "%d fora", (unsigned long)n[s]),
			 n[s]);
		html_printf(h, "<li>");
		status_badge(h, (enum compliance_status)s);
		html_printf(h, " %s</li>\n", buf);
	}
	html_printf(h, "</ul>\n");
}

static const char *district_of(const struct net_institution *x)
{
	return x->district_name ? x->district_name : x->district ? x->district : "";
}

static void network_section(struct html *h, const struct school_network *n)
{
	const struct network_findings *f = &n->f;
	html_printf(h, "<h2 id=\"skolenetvaerk\">%s</h2>\n", _("Skolenetværket"));
	char buf[240];
	snprintf(buf, sizeof(buf), _("%d skoler, %d klubber og %d SSP-kontaktpersoner."),
		 f->schools, f->clubs, f->contacts);
	html_printf(h, "<p>%s</p>\n", buf);

	html_printf(h, "<h3>%s</h3>\n", _("Skoler og klubber uden SSP-kontaktperson"));
	if (!f->no_contact_nr) {
		html_printf(h, "<p>");
		status_badge(h, COMPLIANCE_OK);
		html_printf(h, " %s</p>\n", _("Alle har en SSP-kontaktperson."));
	} else {
		html_printf(h, "<ul>\n");
		for (size_t i = 0; i < f->no_contact_nr; i++) {
			const struct net_institution *x = f->no_contact[i];
			html_printf(h, "<li><a href=\"/skoler/%s\">%s</a> (%s, %s)</li>\n", x->id,
				    x->name, x->kind == INST_CLUB ? _("klub") : _("skole"),
				    district_of(x));
		}
		html_printf(h, "</ul>\n");
	}

	html_printf(h, "<h3>%s</h3>\n", _("Temadagen for SSP-kontaktpersoner"));
	char date[40];
	switch (f->theme_day) {
	case THEME_DAY_NO_BODY:
		html_printf(h, "<p>%s</p>\n",
			    _("Strategien har intet SSP-skolenetværk, så der er ingen temadag at "
			      "følge."));
		break;
	case THEME_DAY_NONE:
		html_printf(h, "<p>");
		status_badge(h, COMPLIANCE_AT_RISK);
		html_printf(h, " %s</p>\n",
			    _("Der er ingen temadag i årets mødeplan (eller den er aflyst)."));
		break;
	case THEME_DAY_UPCOMING:
		web_dk_date(f->theme_day_first, date);
		html_printf(h, "<p>%s %s; %s</p>\n", _("Planlagt"), date,
			    _("fremmødet gøres op, når den er holdt."));
		break;
	case THEME_DAY_PASSED:
		web_dk_date(f->theme_day_first, date);
		if (!f->contacts) {
			html_printf(
			    h, "<p>%s %s. %s</p>\n", _("Holdt"), date,
			    _("Der er ingen SSP-kontaktpersoner at gøre fremmødet op for."));
			break;
		}
		snprintf(buf, sizeof(buf), _("%d af %d SSP-kontaktpersoner deltog."), f->attended,
			 f->contacts);
		html_printf(h, "<p>%s %s. %s ", _("Holdt"), date, buf);
		if (f->missed_nr)
			html_printf(h,
				    "<span class=\"app-status app-status--behind\">%s</span></p>\n",
				    _("Ikke alle deltog"));
		else
			html_printf(h, "<span class=\"app-status app-status--ok\">%s</span></p>\n",
				    _("Alle deltog"));
		if (f->missed_nr) {
			html_printf(h, "<p>%s</p>\n<ul>\n", _("Deltog ikke:"));
			for (size_t i = 0; i < f->missed_nr; i++) {
				const struct net_contact *c = f->missed[i];
				const char *inst = c->institution;
				for (size_t k = 0; k < n->in.inst_nr; k++)
					if (!strcmp(n->in.inst[k].id, c->institution))
						inst = n->in.inst[k].name;
				html_printf(h, "<li>%s, <a href=\"/skoler/%s\">%s</a></li>\n",
					    c->name, c->institution, inst);
			}
			html_printf(h, "</ul>\n");
		}
		break;
	}

	char sy[16];
	snprintf(sy, sizeof(sy), "%d/%02d", f->school_year, (f->school_year + 1) % 100);
	snprintf(buf, sizeof(buf), _("Skoler uden SSP-læseplan for skoleåret %s"), sy);
	html_printf(h, "<h3>%s</h3>\n", buf);
	if (!f->no_laeseplan_nr) {
		html_printf(h, "<p>");
		status_badge(h, COMPLIANCE_OK);
		html_printf(h, " %s</p>\n",
			    _("Alle skoler har punkter i læseplanen for skoleåret."));
	} else {
		html_printf(h, "<ul>\n");
		for (size_t i = 0; i < f->no_laeseplan_nr; i++) {
			const struct net_institution *x = f->no_laeseplan[i];
			html_printf(h, "<li><a href=\"/skoler/%s\">%s</a> (%s)</li>\n", x->id,
				    x->name, district_of(x));
		}
		html_printf(h, "</ul>\n");
	}
}

void h_compliance(struct request *rq)
{
	int year;
	if (web_query_year(rq, &year) < 0)
		return;
	long as_of;
	if (web_query_date(rq, "pr", &as_of) < 0)
		return;
	struct org o;
	org_init(&o);
	struct compliance c = {0};
	struct school_network n;
	memset(&n, 0, sizeof(n));
	bool from_plan = false;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_compliance(rq->svc, &rq->actor, year, as_of, &o, &c, &from_plan, &r) < 0 ||
	    svc_network_compliance(rq->svc, &rq->actor, year, as_of, &n, &r) < 0) {
		web_svc_fail(rq, &r);
		compliance_release(&c);
		school_network_release(&n);
		org_release(&o);
		return;
	}
	char date[40], iso[11];
	web_dk_date(as_of, date);
	cal_format_date(as_of, iso);

	struct page p;
	page_init(&p, _("Overholdelse af strategien"), "/overholdelse");
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Holder hvert forum strategiens mindste antal møder, og er skolenetværket på "
		      "plads? Kun optællinger: her er ingen oplysninger om unge."));
	html_printf(&p.main,
		    "<form method=\"get\" action=\"/overholdelse\" class=\"app-form app-filter\" "
		    "aria-labelledby=\"vaelg\">\n<h2 id=\"vaelg\">%s</h2>\n",
		    _("Vælg år og dato"));
	char ybuf[8];
	snprintf(ybuf, sizeof(ybuf), "%d", year);
	struct field fy = {"aar", _("År"), "text", ybuf, "off", NULL, false, false};
	struct field fd = {"pr",   _("Status pr. dato"),
			   "date", iso,
			   "off",  _("Møder før datoen skal være holdt."),
			   false,  false};
	input_field(&p.main, &fy, NULL);
	input_field(&p.main, &fd, NULL);
	html_printf(
	    &p.main,
	    "<button type=\"submit\" class=\"button button-secondary\">%s</button>\n</form>\n",
	    _("Vis"));

	html_printf(&p.main, "<h2 id=\"fora\">%s</h2>\n", _("Møder pr. forum"));
	if (from_plan)
		alert(
		    &p.main, "info",
		    _("Årets mødeplan er ikke gemt; tallene bygger på den beregnede plan, og intet "
		      "er registreret som holdt."));
	summary(&p.main, &c);
	bodies_table(&p.main, &c, year, date);
	periods_table(&p.main, &c);
	html_printf(
	    &p.main,
	    "<dl class=\"app-facts\">\n"
	    "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n</dl>\n",
	    compliance_status_label(COMPLIANCE_OK),
	    _("Planen når minimum, og møderne før datoen er registreret som holdt."),
	    compliance_status_label(COMPLIANCE_BEHIND),
	    _("Møder før datoen er ikke registreret som holdt. Minimum kan stadig nås: "
	      "registrer dem, hvis de er holdt, eller hold flere."),
	    compliance_status_label(COMPLIANCE_AT_RISK),
	    _("Planen når ikke minimum, selv hvis alle møder holdes (aflyste møder uden "
	      "erstatning, eller for få planlagt). Planlæg flere."));
	network_section(&p.main, &n);
	training_section(rq, &p.main, as_of); /* pages_team.c */
	page_finish(rq, 200, &p);
	compliance_release(&c);
	school_network_release(&n);
	org_release(&o);
}
