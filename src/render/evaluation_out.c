/* evaluation_out.c - the evaluation as JSON, document and CSV
 * (evaluation_out.h). */
#include "render/evaluation_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "render/data_out.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

void share_hundredths(long v, char buf[32])
{
	if (v % 100 == 0)
		snprintf(buf, 32, "%ld", v / 100);
	else if (v % 10 == 0)
		snprintf(buf, 32, "%ld,%ld", v / 100, labs(v % 100) / 10);
	else
		snprintf(buf, 32, "%ld,%02ld", v / 100, labs(v % 100));
}

static json_t *count_json(long n)
{
	if (n > 0 && n < STATS_SUPPRESS_BELOW)
		return json_string("<5");
	return json_integer(n);
}

static json_t *kpi_json(struct kpi k)
{
	json_t *j = json_object();
	json_object_set_new(j, "n", count_json(k.n));
	json_object_set_new(j, "value",
			    k.hidden ? json_string("<5")
			    : k.n    ? json_real((double)(long)(k.value * 10 + 0.5) / 10)
				     : json_null());
	return j;
}

static const char *body_name(const struct org *o, const char *id)
{
	const struct org_body *b = org_find_body(o, id);
	return b ? b->name : id;
}

static json_t *strlist_json(const struct strlist *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->nr; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

json_t *focus_list_to_json(const struct focus_list *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->nr; i++) {
		const struct focus_area *f = &l->v[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(f->id));
		json_object_set_new(o, "year", json_integer(f->year));
		json_object_set_new(o, "title", json_string(f->title));
		json_object_set_new(o, "goal", json_string(f->goal));
		json_object_set_new(o, "measure", json_string(f->measure));
		json_object_set_new(o, "bodies", strlist_json(&f->bodies));
		json_object_set_new(o, "indicators", strlist_json(&f->indicators));
		json_object_set_new(o, "categories", strlist_json(&f->categories));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *change_json(const struct focus_change *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string(figure_kind_id(c->kind)));
	json_object_set_new(o, "name", json_string(c->name));
	bool survey = c->kind == FIG_SURVEY;
	json_object_set_new(o, "before_year",
			    c->before_year ? json_integer(c->before_year) : json_null());
	json_object_set_new(o, "before",
			    !c->before_year    ? json_null()
			    : c->before_hidden ? json_string("<5")
			    : survey           ? json_real((double)c->before / 100.0)
					       : json_integer(c->before));
	json_object_set_new(o, "after_year",
			    c->after_year ? json_integer(c->after_year) : json_null());
	json_object_set_new(o, "after",
			    !c->after_year    ? json_null()
			    : c->after_hidden ? json_string("<5")
			    : survey          ? json_real((double)c->after / 100.0)
					      : json_integer(c->after));
	return o;
}

json_t *trend_view_to_json(const struct trend_view *v)
{
	json_t *j = json_object();
	json_object_set_new(j, "year", json_integer(v->year));
	json_object_set_new(j, "themes", strlist_json(&v->themes));
	json_object_set_new(j, "total", json_integer(v->counts.total));
	json_t *cells = json_array();
	for (size_t t = 0; t < v->counts.themes_nr; t++)
		for (int q = 1; q <= 4; q++)
			for (size_t d = 0; d <= v->counts.districts_nr; d++) {
				long n = trend_cell(&v->counts, t, q, d);
				if (!n)
					continue;
				json_t *c = json_object();
				json_object_set_new(c, "theme", json_string(v->themes.v[t]));
				json_object_set_new(c, "quarter", json_integer(q));
				json_object_set_new(c, "district",
						    d < v->org.districts_nr
							? json_string(v->org.districts[d].id)
							: json_null());
				json_object_set_new(c, "count", json_integer(n));
				json_array_append_new(cells, c);
			}
	json_object_set_new(j, "counts", cells);
	json_t *ms = json_array();
	for (size_t i = 0; i < v->meetings_nr; i++) {
		const struct trend_meeting *m = &v->meetings[i];
		json_t *o = json_object();
		char day[11];
		cal_format_date(m->day, day);
		json_object_set_new(o, "meeting_id", json_integer(m->id));
		json_object_set_new(o, "date", json_string(day));
		json_object_set_new(o, "body", json_string(m->body));
		json_object_set_new(o, "district",
				    m->district ? json_string(m->district) : json_null());
		json_object_set_new(o, "themes", json_string(m->themes));
		json_object_set_new(o, "minutes_visible", json_boolean(m->minutes_visible));
		json_array_append_new(ms, o);
	}
	json_object_set_new(j, "meetings", ms);
	return j;
}

static json_t *stats_json(const struct evaluation *e)
{
	const struct concern_stats *s = &e->stats;
	const struct org *o = &e->stats_org;
	json_t *j = json_object();
	json_object_set_new(j, "total", count_json(s->total));
	json_t *a = json_array();
	for (size_t i = 0; i < s->categories_nr && i < o->categories_nr; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "category", json_string(o->categories[i].id));
		json_object_set_new(c, "count", count_json(s->by_category[i]));
		json_array_append_new(a, c);
	}
	json_object_set_new(j, "by_category", a);
	a = json_array();
	for (int i = 0; i < AGE_BAND__COUNT; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "age_band", json_string(age_band_id((enum age_band)i)));
		json_object_set_new(c, "count", count_json(s->by_age[i]));
		json_array_append_new(a, c);
	}
	json_object_set_new(j, "by_age_band", a);
	a = json_array();
	for (size_t i = 0; i <= s->districts_nr; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "district",
				    i < s->districts_nr && i < o->districts_nr
					? json_string(o->districts[i].id)
					: json_null());
		json_object_set_new(c, "count", count_json(s->by_district[i]));
		json_array_append_new(a, c);
	}
	json_object_set_new(j, "by_district", a);
	return j;
}

json_t *evaluation_to_json(const struct evaluation *e)
{
	json_t *j = json_object();
	char day[11];
	cal_format_date(e->as_of, day);
	json_object_set_new(j, "year", json_integer(e->year));
	json_object_set_new(j, "as_of", json_string(day));
	json_t *comp = json_array();
	for (size_t i = 0; i < e->comp.nr; i++) {
		const struct compliance_row *r = &e->comp.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "body", json_string(r->body));
		json_object_set_new(o, "name", json_string(r->name));
		json_object_set_new(o, "required", json_integer(r->c.required_min));
		json_object_set_new(o, "planned", json_integer(r->c.planned));
		json_object_set_new(o, "held", json_integer(r->c.held));
		json_object_set_new(o, "cancelled", json_integer(r->c.cancelled));
		json_object_set_new(o, "status", json_string(compliance_status_id(r->c.status)));
		json_t *ps = json_array();
		for (size_t k = 0; k < r->periods_nr; k++) {
			const struct compliance_period *p = &r->periods[k];
			json_t *pj = json_object();
			char f[11], t[11];
			cal_format_date(p->from, f);
			cal_format_date(p->to, t);
			json_object_set_new(pj, "from", json_string(f));
			json_object_set_new(pj, "to", json_string(t));
			json_object_set_new(pj, "district",
					    p->district ? json_string(p->district) : json_null());
			json_object_set_new(pj, "required", json_integer(p->required));
			json_object_set_new(pj, "held", json_integer(p->held));
			json_object_set_new(pj, "status",
					    json_string(compliance_status_id(p->status)));
			json_array_append_new(ps, pj);
		}
		json_object_set_new(o, "periods", ps);
		json_array_append_new(comp, o);
	}
	json_object_set_new(j, "compliance", comp);
	const struct network_findings *f = &e->net.f;
	json_t *net = json_object();
	json_object_set_new(net, "school_year", json_integer(f->school_year));
	json_object_set_new(net, "schools", json_integer(f->schools));
	json_object_set_new(net, "clubs", json_integer(f->clubs));
	json_object_set_new(net, "contact_persons", json_integer(f->contacts));
	json_object_set_new(net, "without_contact", json_integer((json_int_t)f->no_contact_nr));
	json_object_set_new(net, "without_laeseplan", json_integer((json_int_t)f->no_laeseplan_nr));
	json_object_set_new(net, "theme_day", json_string(theme_day_state_id(f->theme_day)));
	json_object_set_new(net, "theme_day_attended", json_integer(f->attended));
	json_object_set_new(net, "theme_day_missed", json_integer((json_int_t)f->missed_nr));
	json_object_set_new(j, "school_network", net);
	json_t *fa = focus_list_to_json(&e->focus);
	for (size_t i = 0; i < e->focus.nr; i++) {
		json_t *ch = json_array();
		for (size_t k = 0; k < e->changes_nr[i]; k++)
			json_array_append_new(ch, change_json(&e->changes[i][k]));
		json_object_set_new(json_array_get(fa, i), "figures", ch);
	}
	json_object_set_new(j, "focus_areas", fa);
	json_object_set_new(j, "trends", trend_view_to_json(&e->trends));
	json_t *k = json_object();
	json_object_set_new(k, "early_age_at_first_concern_median", kpi_json(e->early_age));
	json_object_set_new(k, "early_days_police_contact_to_action_median",
			    kpi_json(e->early_days));
	json_object_set_new(k, "cross_sectoral_sectors_per_concern_mean", kpi_json(e->cross_mean));
	json_object_set_new(k, "cross_sectoral_two_or_more_pct", kpi_json(e->cross_share));
	json_object_set_new(k, "coherent_actions_on_time_pct", kpi_json(e->coherent));
	json_object_set_new(j, "kpi", k);
	json_object_set_new(j, "concerns", stats_json(e));
	return j;
}

/* ---- the document ---- */

static void kpi_text(struct kpi k, const char *unit, char buf[64])
{
	if (!k.n)
		snprintf(buf, 64, "%s", _("ingen data"));
	else if (k.hidden)
		snprintf(buf, 64, "<5");
	else {
		long tenths = (long)(k.value * 10 + 0.5);
		snprintf(buf, 64, "%ld,%ld%s", tenths / 10, tenths % 10, unit);
	}
}

static void n_text(long n, char buf[24])
{
	stats_cell(n, buf);
}

static void change_text(const struct focus_change *c, bool after, char buf[64])
{
	int y = after ? c->after_year : c->before_year;
	long v = after ? c->after : c->before;
	bool hidden = after ? c->after_hidden : c->before_hidden;
	if (!y) {
		snprintf(buf, 64, "%s", _("ingen tal"));
		return;
	}
	char num[40];
	if (hidden)
		snprintf(num, sizeof(num), "<5");
	else if (c->kind == FIG_SURVEY) {
		char sh[32];
		share_hundredths(v, sh);
		snprintf(num, sizeof(num), "%s %%", sh);
	} else
		snprintf(num, sizeof(num), "%ld", v);
	snprintf(buf, 64, "%.40s (%d)", num, y);
}

void evaluation_report(const struct evaluation *e, struct report *r)
{
	char day[11];
	cal_format_date(e->as_of, day);
	report_p(r,
		 _("Styregruppen vurderer årligt planen for sammenhængende indsats over for "
		   "ungdomskriminalitet. Denne evaluering samler årets mødeoverholdelse, "
		   "skolenetværket, indsatsområderne med tallene før og efter, temaerne fra "
		   "distrikts- og hotspotmøderne og strategiens principper som nøgletal. Tal under "
		   "5 vises som »<5«. Opgjort pr. %s."),
		 day);

	report_h1(r, _("1. Møder: overholdes strategiens mødekrav?"));
	struct report_block *t = report_table(r, 5);
	report_row(t, (const char *const[]){_("Forum"), _("Krav"), _("Planlagt"), _("Afholdt"),
					    _("Status")});
	struct report_block *bars = NULL;
	for (size_t i = 0; i < e->comp.nr; i++) {
		const struct compliance_row *c = &e->comp.v[i];
		char req[16], pl[16], held[16];
		snprintf(req, sizeof(req), "%d", c->c.required_min);
		snprintf(pl, sizeof(pl), "%d", c->c.planned);
		snprintf(held, sizeof(held), "%d", c->c.held);
		report_row(t, (const char *const[]){c->name, req, pl, held,
						    compliance_status_label(c->c.status)});
	}
	/* per period (and district): how many periods met the rule, and the
	 * ones that did not */
	size_t periods = 0, met = 0;
	for (size_t i = 0; i < e->comp.nr; i++)
		for (size_t k = 0; k < e->comp.v[i].periods_nr; k++) {
			periods++;
			met += e->comp.v[i].periods[k].status == COMPLIANCE_OK;
		}
	report_p(r,
		 _("Perioder: %zu af %zu perioder (pr. forum og distrikt) nåede strategiens krav."),
		 met, periods);
	if (met < periods) {
		t = report_table(r, 5);
		report_row(t, (const char *const[]){_("Forum"), _("Periode"), _("Distrikt"),
						    _("Krav"), _("Afholdt")});
		for (size_t i = 0; i < e->comp.nr; i++) {
			const struct compliance_row *c = &e->comp.v[i];
			for (size_t k = 0; k < c->periods_nr; k++) {
				const struct compliance_period *p = &c->periods[k];
				if (p->status == COMPLIANCE_OK)
					continue;
				char f[11], to[11], span[32], req[16], held[16];
				cal_format_date(p->from, f);
				cal_format_date(p->to, to);
				snprintf(span, sizeof(span), "%s – %s", f, to);
				snprintf(req, sizeof(req), "%d", p->required);
				snprintf(held, sizeof(held), "%d", p->held);
				const char *dn = "";
				for (size_t d = 0; p->district && d < e->org.districts_nr; d++)
					if (!strcmp(e->org.districts[d].id, p->district))
						dn = e->org.districts[d].name;
				report_row(t, (const char *const[]){c->name, span, dn, req, held});
			}
		}
	}
	bars = report_bars(r, _("Afholdte møder pr. forum"), "");
	for (size_t i = 0; i < e->comp.nr; i++)
		report_bar(bars, e->comp.v[i].name, e->comp.v[i].c.held, false);

	report_h1(r, _("2. SSP-skolenetværket"));
	const struct network_findings *f = &e->net.f;
	t = report_table(r, 2);
	char a[32], b[32], c2[32], d[32], g[32];
	snprintf(a, sizeof(a), "%d", f->schools);
	snprintf(b, sizeof(b), "%d", f->clubs);
	snprintf(c2, sizeof(c2), "%d", f->contacts);
	snprintf(d, sizeof(d), "%zu", f->no_contact_nr);
	snprintf(g, sizeof(g), "%zu", f->no_laeseplan_nr);
	report_row(t, (const char *const[]){_("Nøgletal"), _("Antal")});
	report_row(t, (const char *const[]){_("Skoler"), a});
	report_row(t, (const char *const[]){_("Klubber"), b});
	report_row(t, (const char *const[]){_("SSP-kontaktpersoner"), c2});
	report_row(t, (const char *const[]){_("Institutioner uden kontaktperson"), d});
	report_row(t, (const char *const[]){_("Skoler uden SSP-læseplan"), g});
	const char *td = f->theme_day == THEME_DAY_PASSED     ? _("afholdt")
			 : f->theme_day == THEME_DAY_UPCOMING ? _("planlagt")
			 : f->theme_day == THEME_DAY_NONE     ? _("ingen i året")
							  : _("intet skolenetværk i strategien");
	report_row(t, (const char *const[]){_("Temadag for kontaktpersoner"), td});
	if (f->theme_day == THEME_DAY_PASSED) {
		char at[32], mi[32];
		snprintf(at, sizeof(at), "%d", f->attended);
		snprintf(mi, sizeof(mi), "%zu", f->missed_nr);
		report_row(t, (const char *const[]){_("Deltog i temadagen"), at});
		report_row(t, (const char *const[]){_("Mangler temadagen"), mi});
	}

	report_h1(r, _("3. Indsatsområder: hvad har flyttet sig?"));
	if (!e->focus.nr)
		report_p(r, _("Der er ikke registreret indsatsområder, som gælder i %d."), e->year);
	for (size_t i = 0; i < e->focus.nr; i++) {
		const struct focus_area *fa = &e->focus.v[i];
		report_h2(r, fa->title);
		struct strbuf bodies = STRBUF_INIT;
		for (size_t k = 0; k < fa->bodies.nr; k++)
			strbuf_addf(&bodies, "%s%s", k ? ", " : "",
				    body_name(&e->org, fa->bodies.v[k]));
		report_p(r, _("Udpeget %d. Mål: %s"), fa->year, fa->goal);
		report_p(r, _("Måles ved: %s"), fa->measure);
		report_p(r, _("Bæres af: %s"), bodies.buf);
		strbuf_release(&bodies);
		t = report_table(r, 4);
		report_row(t,
			   (const char *const[]){_("Indikator"), _("Kilde"), _("Før"), _("Efter")});
		for (size_t k = 0; k < e->changes_nr[i]; k++) {
			const struct focus_change *ch = &e->changes[i][k];
			char be[64], af[64];
			change_text(ch, false, be);
			change_text(ch, true, af);
			report_row(t, (const char *const[]){ch->name, figure_kind_label(ch->kind),
							    be, af});
		}
	}

	report_h1(r, _("4. Tendenser fra distrikts- og hotspotmøderne"));
	report_p(r,
		 _("Antal referater mærket med hvert af strategiens temaer, pr. kvartal (%ld "
		   "mærker i alt)."),
		 e->trends.counts.total);
	const struct trend_view *tv = &e->trends;
	t = report_table(r, 5);
	report_row(t, (const char *const[]){_("Tema"), _("1. kvt."), _("2. kvt."), _("3. kvt."),
					    _("4. kvt.")});
	bars = report_bars(r, _("Mærker pr. tema i året"), "");
	for (size_t th = 0; th < tv->counts.themes_nr; th++) {
		char q[4][24];
		long sum = 0;
		for (int k = 1; k <= 4; k++) {
			long n = 0;
			for (size_t dd = 0; dd <= tv->counts.districts_nr; dd++)
				n += trend_cell(&tv->counts, th, k, dd);
			sum += n;
			snprintf(q[k - 1], sizeof(q[0]), "%ld", n);
		}
		report_row(t, (const char *const[]){tv->themes.v[th], q[0], q[1], q[2], q[3]});
		report_bar(bars, tv->themes.v[th], sum, false);
	}
	if (tv->org.districts_nr) {
		t = report_table(r, tv->org.districts_nr + 2);
		const char **hdr = xcalloc(tv->org.districts_nr + 2, sizeof(*hdr));
		hdr[0] = _("Tema");
		for (size_t dd = 0; dd < tv->org.districts_nr; dd++)
			hdr[dd + 1] = tv->org.districts[dd].name;
		hdr[tv->org.districts_nr + 1] = _("Uden distrikt");
		report_row(t, hdr);
		char(*cells)[24] = xcalloc(tv->org.districts_nr + 1, sizeof(*cells));
		for (size_t th = 0; th < tv->counts.themes_nr; th++) {
			hdr[0] = tv->themes.v[th];
			for (size_t dd = 0; dd <= tv->org.districts_nr; dd++) {
				long n = 0;
				for (int k = 1; k <= 4; k++)
					n += trend_cell(&tv->counts, th, k, dd);
				snprintf(cells[dd], sizeof(cells[0]), "%ld", n);
				hdr[dd + 1] = cells[dd];
			}
			report_row(t, hdr);
		}
		free(cells);
		free(hdr);
	}

	report_h1(r, _("5. Strategiens principper som nøgletal"));
	report_p(r, _("Strategien vil have en indsats, der er tidlig, tværsektoriel og "
		      "sammenhængende. Nøgletallene bygger på årets bekymringer; et nøgletal "
		      "over færre end 5 unge, bekymringer eller handlinger vises som »<5«."));
	t = report_table(r, 3);
	char k1[64], k2[64], k3[64], k4[64], k5[64], n1[24], n2[24], n3[24], n4[24], n5[24];
	kpi_text(e->early_age, _(" år"), k1);
	kpi_text(e->early_days, _(" dage"), k2);
	kpi_text(e->cross_mean, "", k3);
	kpi_text(e->cross_share, " %", k4);
	kpi_text(e->coherent, " %", k5);
	n_text(e->early_age.n, n1);
	n_text(e->early_days.n, n2);
	n_text(e->cross_mean.n, n3);
	n_text(e->cross_share.n, n4);
	n_text(e->coherent.n, n5);
	report_row(t, (const char *const[]){_("Nøgletal"), _("Værdi"), _("Opgjort over")});
	report_row(t,
		   (const char *const[]){_("Tidlig: alder ved første bekymring (median)"), k1, n1});
	report_row(
	    t, (const char *const[]){
		   _("Tidlig: dage fra politiets kontakt til første handling (median)"), k2, n2});
	report_row(t, (const char *const[]){_("Tværsektoriel: sektorer pr. bekymring (gennemsnit)"),
					    k3, n3});
	report_row(t, (const char *const[]){_("Tværsektoriel: bekymringer med to eller flere "
					      "sektorer"),
					    k4, n4});
	report_row(t, (const char *const[]){_("Sammenhængende: handlinger fulgt op inden fristen"),
					    k5, n5});

	report_h1(r, _("6. Bekymringer i året"));
	const struct concern_stats *s = &e->stats;
	char tot[24];
	stats_cell(s->total, tot);
	report_p(r, _("Bekymringer oprettet i %d: %s."), e->year, tot);
	bars = report_bars(r, _("Bekymringer pr. kategori"), "");
	for (size_t i = 0; i < s->categories_nr && i < e->stats_org.categories_nr; i++)
		report_bar(bars, e->stats_org.categories[i].name, s->by_category[i],
			   s->by_category[i] > 0 && s->by_category[i] < STATS_SUPPRESS_BELOW);
	bars = report_bars(r, _("Bekymringer pr. aldersgruppe"), "");
	for (int i = 0; i < AGE_BAND__COUNT; i++)
		report_bar(bars, age_band_label((enum age_band)i), s->by_age[i],
			   s->by_age[i] > 0 && s->by_age[i] < STATS_SUPPRESS_BELOW);
	bars = report_bars(r, _("Bekymringer pr. distrikt"), "");
	for (size_t i = 0; i <= s->districts_nr; i++)
		report_bar(bars,
			   i < s->districts_nr && i < e->stats_org.districts_nr
			       ? e->stats_org.districts[i].name
			       : _("Ukendt distrikt"),
			   s->by_district[i],
			   s->by_district[i] > 0 && s->by_district[i] < STATS_SUPPRESS_BELOW);
}

/* ---- CSV ---- */

static void row(struct strbuf *out, const char *const *cells, size_t n)
{
	for (size_t c = 0; c < n; c++) {
		if (c)
			strbuf_addch(out, ';');
		csv_cell(out, cells[c] ? cells[c] : "", true);
	}
	strbuf_addstr(out, "\r\n");
}

static void bom(struct strbuf *out)
{
	strbuf_addstr(out, "\xef\xbb\xbf");
}

static void join(const struct strlist *l, struct strbuf *sb)
{
	for (size_t i = 0; i < l->nr; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", l->v[i]);
}

void focus_list_csv(const struct focus_list *l, struct strbuf *out)
{
	bom(out);
	row(out,
	    (const char *const[]){"år", "titel", "mål", "måling", "fora", "indikatorer",
				  "kategorier"},
	    7);
	for (size_t i = 0; i < l->nr; i++) {
		const struct focus_area *f = &l->v[i];
		char y[16];
		snprintf(y, sizeof(y), "%d", f->year);
		struct strbuf b = STRBUF_INIT, ind = STRBUF_INIT, cat = STRBUF_INIT;
		join(&f->bodies, &b);
		join(&f->indicators, &ind);
		join(&f->categories, &cat);
		row(out,
		    (const char *const[]){y, f->title, f->goal, f->measure, b.buf ? b.buf : "",
					  ind.buf ? ind.buf : "", cat.buf ? cat.buf : ""},
		    7);
		strbuf_release(&b);
		strbuf_release(&ind);
		strbuf_release(&cat);
	}
}

void trend_view_csv(const struct trend_view *v, struct strbuf *out)
{
	bom(out);
	row(out, (const char *const[]){"år", "tema", "kvartal", "distrikt", "antal"}, 5);
	char y[16];
	snprintf(y, sizeof(y), "%d", v->year);
	for (size_t t = 0; t < v->counts.themes_nr; t++)
		for (int q = 1; q <= 4; q++)
			for (size_t d = 0; d <= v->counts.districts_nr; d++) {
				long n = trend_cell(&v->counts, t, q, d);
				if (!n)
					continue;
				char qs[8], ns[24];
				snprintf(qs, sizeof(qs), "%d", q);
				snprintf(ns, sizeof(ns), "%ld", n);
				row(out,
				    (const char *const[]){
					y, v->themes.v[t], qs,
					d < v->org.districts_nr ? v->org.districts[d].name : "",
					ns},
				    5);
			}
}

static void kpi_csv_value(struct kpi k, char buf[64])
{
	if (!k.n)
		buf[0] = '\0';
	else if (k.hidden)
		snprintf(buf, 64, "<5");
	else {
		long tenths = (long)(k.value * 10 + 0.5);
		snprintf(buf, 64, "%ld,%ld", tenths / 10, tenths % 10);
	}
}

void evaluation_kpi_csv(const struct evaluation *e, struct strbuf *out)
{
	bom(out);
	row(out, (const char *const[]){"år", "nøgletal", "værdi", "opgjort_over"}, 4);
	const struct {
		const char *id;
		struct kpi k;
	} ks[] = {{"tidlig_alder_median", e->early_age},
		  {"tidlig_dage_median", e->early_days},
		  {"tvaersektoriel_sektorer_gennemsnit", e->cross_mean},
		  {"tvaersektoriel_to_eller_flere_pct", e->cross_share},
		  {"sammenhaengende_til_tiden_pct", e->coherent}};
	char y[16];
	snprintf(y, sizeof(y), "%d", e->year);
	for (size_t i = 0; i < sizeof(ks) / sizeof(*ks); i++) {
		char v[64], n[24];
		kpi_csv_value(ks[i].k, v);
		stats_cell(ks[i].k.n, n);
		row(out, (const char *const[]){y, ks[i].id, v, n}, 4);
	}
}

void evaluation_compliance_csv(const struct evaluation *e, struct strbuf *out)
{
	bom(out);
	row(out,
	    (const char *const[]){"år", "forum", "krav", "planlagt", "afholdt", "aflyst", "status"},
	    7);
	char y[16];
	snprintf(y, sizeof(y), "%d", e->year);
	for (size_t i = 0; i < e->comp.nr; i++) {
		const struct compliance_row *c = &e->comp.v[i];
		char a[16], b[16], h[16], x[16];
		snprintf(a, sizeof(a), "%d", c->c.required_min);
		snprintf(b, sizeof(b), "%d", c->c.planned);
		snprintf(h, sizeof(h), "%d", c->c.held);
		snprintf(x, sizeof(x), "%d", c->c.cancelled);
		row(out,
		    (const char *const[]){y, c->name, a, b, h, x,
					  compliance_status_label(c->c.status)},
		    7);
	}
}
