/* strategy_doc.c - the strategy as a document (strategy_doc.h). */
#include "render/strategy_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "render/wheel_svg.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

static const char *const month_names[12] = {
    N_("januar"), N_("februar"), N_("marts"),     N_("april"),   N_("maj"),      N_("juni"),
    N_("juli"),   N_("august"),  N_("september"), N_("oktober"), N_("november"), N_("december")};

static void join(const struct strlist *l, struct strbuf *sb)
{
	for (size_t i = 0; i < l->nr; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", l->v[i]);
}

static void body_section(const struct org *o, const struct org_body *b, struct report *r)
{
	report_h2(r, b->name);
	if (b->purpose)
		report_p(r, "%s", b->purpose);
	struct report_block *t = report_table(r, 2);
	report_row(t, (const char *const[]){_("Forhold"), _("Strategien")});
	report_row(t, (const char *const[]){_("Niveau"), org_level_label(b->level)});
	if (b->parent) {
		const struct org_body *p = org_find_body(o, b->parent);
		report_row(t, (const char *const[]){_("Forankret under"), p ? p->name : b->parent});
	}
	if (b->frequency_text)
		report_row(t, (const char *const[]){_("Mødefrekvens"), b->frequency_text});
	if (b->responsible)
		report_row(t, (const char *const[]){_("Ansvarlig"), b->responsible});
	struct strbuf sb = STRBUF_INIT;
	if (b->members.nr) {
		join(&b->members, &sb);
		report_row(t, (const char *const[]){_("Medlemmer"), sb.buf});
		strbuf_reset(&sb);
	}
	if (b->tasks.nr) {
		join(&b->tasks, &sb);
		report_row(t, (const char *const[]){_("Opgaver"), sb.buf});
		strbuf_reset(&sb);
	}
	if (b->wheel_themes.nr) {
		join(&b->wheel_themes, &sb);
		report_row(t, (const char *const[]){_("Årshjulets temaer"), sb.buf});
		strbuf_reset(&sb);
	}
	report_row(t, (const char *const[]){_("Navngivne unge drøftes"),
					    b->named_individuals ? _("ja") : _("nej")});
	strbuf_release(&sb);
}

void strategy_document(const struct org *o, const struct meeting_list *plan, int year,
		       const struct focus_list *focus, struct report *r)
{
	r->org = o;
	report_p(r,
		 _("Den kriminalpræventive strategi beskriver den fælles ramme for "
		   "SSP-samarbejdet ud fra den nationale rammes fire temaer. Dokumentet er skrevet "
		   "ud af det system, kommunen arbejder i, så strategien og den daglige drift "
		   "siger det samme."));
	int n = 1;
	for (int t = 0; t < THEME__COUNT; t++) {
		if (!o->themes[t])
			continue;
		char h[128];
		snprintf(h, sizeof(h), "%d. %s", n++, org_theme_label((enum org_theme)t));
		report_h1(r, h);
		report_p(r, "%s", o->themes[t]);
		if (t == THEME_TARGET_GROUP)
			report_p(r, _("Aldersgrænser: %d-%d år; SSP+ fra %d år."), o->age_min,
				 o->age_max, o->ssp_plus_from);
		if (t == THEME_ORGANISATION) {
			report_org(r);
			if (o->districts_nr) {
				struct strbuf sb = STRBUF_INIT;
				for (size_t i = 0; i < o->districts_nr; i++)
					strbuf_addf(&sb, "%s%s", i ? ", " : "",
						    o->districts[i].name);
				report_p(r, _("Distrikter: %s."), sb.buf);
				strbuf_release(&sb);
			}
		}
	}
	char h[128];
	snprintf(h, sizeof(h), _("%d. Fora og netværk"), n++);
	report_h1(r, h);
	for (size_t i = 0; i < o->bodies_nr; i++)
		body_section(o, &o->bodies[i], r);

	snprintf(h, sizeof(h), _("%d. Årshjul %d"), n++, year);
	report_h1(r, h);
	report_svg(
	    r, wheel_svg(o, plan, year, CAL_NO_DAY),
	    _("Årshjulet: årets møder pr. forum, måned for måned (tabellen nedenfor viser det "
	      "samme)"));
	struct report_block *t = report_table(r, 2);
	report_row(t, (const char *const[]){_("Måned"), _("Møder")});
	for (int m = 1; m <= 12; m++) {
		struct strbuf sb = STRBUF_INIT;
		for (size_t b = 0; b < o->bodies_nr; b++) {
			int count = 0;
			struct strbuf themes = STRBUF_INIT;
			for (size_t i = 0; i < plan->nr; i++) {
				const struct meeting *mt = &plan->v[i];
				struct date d = cal_date(mt->day);
				if (d.y != year || d.m != m || strcmp(mt->body, o->bodies[b].id) ||
				    mt->status == MEETING_CANCELLED)
					continue;
				count++;
				if (mt->theme && o->bodies[b].wheel_themes.nr)
					strbuf_addf(&themes, "%s%s", themes.len ? ", " : "",
						    mt->theme);
			}
			if (!count)
				continue;
			strbuf_addf(&sb, "%s%s", sb.len ? "; " : "", o->bodies[b].name);
			if (count > 1)
				strbuf_addf(&sb, " ×%d", count);
			if (themes.len)
				strbuf_addf(&sb, _(" (tema: %s)"), themes.buf);
			strbuf_release(&themes);
		}
		report_row(t, (const char *const[]){_(month_names[m - 1]), sb.len ? sb.buf : "–"});
		strbuf_release(&sb);
	}

	snprintf(h, sizeof(h), _("%d. Strategiske indsatsområder %d"), n++, year);
	report_h1(r, h);
	if (!focus->nr)
		report_p(r, _("Der er ikke registreret indsatsområder, som gælder i %d."), year);
	for (size_t i = 0; i < focus->nr; i++) {
		const struct focus_area *f = &focus->v[i];
		report_h2(r, f->title);
		struct strbuf bodies = STRBUF_INIT, base = STRBUF_INIT;
		for (size_t k = 0; k < f->bodies.nr; k++) {
			const struct org_body *b = org_find_body(o, f->bodies.v[k]);
			strbuf_addf(&bodies, "%s%s", k ? ", " : "", b ? b->name : f->bodies.v[k]);
		}
		join(&f->indicators, &base);
		if (f->categories.nr && base.len)
			strbuf_addstr(&base, ", ");
		join(&f->categories, &base);
		report_p(r, _("Udpeget %d. Mål: %s"), f->year, f->goal);
		report_p(r, _("Måles ved: %s"), f->measure);
		report_p(r, _("Bæres af: %s. Bygger på: %s."), bodies.buf ? bodies.buf : "",
			 base.buf ? base.buf : "");
		strbuf_release(&bodies);
		strbuf_release(&base);
	}
}
