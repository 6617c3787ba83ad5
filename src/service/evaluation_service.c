/* evaluation_service.c - focus areas, trend tags and the yearly
 * evaluation (service/evaluation.h). */
#include "service/evaluation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/team.h"
#include "service/concern.h"
#include "service/meeting.h"
#include "service/service_internal.h"
#include "store/data_store.h"
#include "store/evaluation_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

static int store_err(struct svc_result *r, char *err)
{
	return svc_store_fail(r, err);
}

const struct org_body *focus_body(const struct org *o)
{
	for (size_t i = 0; i < o->bodies_nr; i++)
		if (o->bodies[i].focus_parity >= 0)
			return &o->bodies[i];
	for (size_t i = 0; i < o->bodies_nr; i++)
		if (plan_has_duties(&o->bodies[i]))
			return &o->bodies[i];
	return NULL;
}

static const struct text_field title_field = {.id = "title",
					      .label = N_("Titlen"),
					      .shape = TEXT_LINE,
					      .max = FOCUS_TITLE_MAX,
					      .required = true,
					      .everyone = true};
static const struct text_field goal_field = {.id = "goal",
					     .label = N_("Målet"),
					     .shape = TEXT_LINES,
					     .max = FOCUS_TEXT_MAX,
					     .required = true,
					     .everyone = true};
static const struct text_field measure_field = {.id = "measure",
						.label = N_("Målingen"),
						.shape = TEXT_LINES,
						.max = FOCUS_TEXT_MAX,
						.required = true,
						.everyone = true};

int svc_focus_add(struct service *svc, const struct actor *a, const struct focus_area *in,
		  long long *id, struct svc_result *r)
{
	*id = 0;
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_FOCUS_EDIT, NULL,
		      (struct svc_entry){.action = "focus.add", .object = "focus"}, r) < 0)
		return -1;
	struct org o;
	org_init(&o);
	struct focus_area f = {.year = in->year};
	struct strbuf t = STRBUF_INIT, g = STRBUF_INIT, m = STRBUF_INIT;
	const char **ids = NULL;
	int rc = -1;
	if (svc_load_org(svc, &o, r) < 0)
		goto out;
	const struct org_body *fb = focus_body(&o);
	if (in->year < FIG_YEAR_MIN || in->year > FIG_YEAR_MAX) {
		svc_fail(r, SVC_INVALID, "year", _("året skal ligge fra %d til %d"), FIG_YEAR_MIN,
			 FIG_YEAR_MAX);
		goto out;
	}
	if (fb && !plan_focus_year(fb, in->year)) {
		svc_fail(r, SVC_INVALID, "year",
			 _("%d er ikke et år, hvor %s udpeger indsatsområder (strategien: "
			   "fokusomraader-aar)"),
			 in->year, fb->name);
		goto out;
	}
	if (svc_text(&title_field, in->title ? in->title : "", NULL, &t, r) < 0 ||
	    svc_text(&goal_field, in->goal ? in->goal : "", NULL, &g, r) < 0 ||
	    svc_text(&measure_field, in->measure ? in->measure : "", NULL, &m, r) < 0)
		goto out;
	f.title = t.buf;
	f.goal = g.buf;
	f.measure = m.buf;
	f.bodies = in->bodies;
	f.indicators = in->indicators;
	f.categories = in->categories;
	ids = xcalloc(o.bodies_nr + 1, sizeof(*ids));
	for (size_t i = 0; i < o.bodies_nr; i++)
		ids[i] = o.bodies[i].id;
	for (size_t i = 0; i < f.bodies.nr; i++)
		if (!org_find_body(&o, f.bodies.v[i])) {
			svc_fail(r, SVC_INVALID, "bodies",
				 _("forummet »%s« findes ikke i strategien"), f.bodies.v[i]);
			goto out;
		}
	const char *field, *why;
	if (focus_validate(&f, ids, o.bodies_nr, &field, &why) < 0) {
		svc_fail(r, SVC_INVALID, field, "%s", why);
		goto out;
	}
	/* a linked name is one line of plain text, nothing CPR-like */
	static const struct text_field link_field = {.id = "indicators",
						     .label = N_("Indikatoren"),
						     .shape = TEXT_LINE,
						     .max = 200,
						     .required = true,
						     .everyone = true};
	for (int k = 0; k < 2; k++) {
		const struct strlist *l = k ? &f.categories : &f.indicators;
		for (size_t i = 0; i < l->nr; i++) {
			struct strbuf x = STRBUF_INIT;
			int bad = svc_text(&link_field, l->v[i], NULL, &x, r);
			strbuf_release(&x);
			if (bad < 0)
				goto out;
		}
	}
	/* a name the imported figures do not use (a typo) would only ever
	 * show "no figures" in the evaluation: refused, with the names */
	char *err = NULL;
	for (int k = 0; k < 2; k++) {
		enum figure_kind kind = k ? FIG_CRIME : FIG_SURVEY;
		struct strlist known = STRLIST_INIT;
		if (store_figure_names(svc->store, kind, &known, &err) < 0) {
			strlist_clear(&known);
			store_err(r, err);
			goto out;
		}
		const char *bad = focus_unknown_link(k ? &f.categories : &f.indicators, &known);
		if (bad) {
			struct strbuf names = STRBUF_INIT;
			for (size_t i = 0; i < known.nr && i < 12; i++)
				strbuf_addf(&names, "%s»%s«", i ? ", " : "", known.v[i]);
			if (known.nr > 12)
				strbuf_addf(&names, _(" og %zu flere"), known.nr - 12);
			svc_fail(r, SVC_INVALID, k ? "categories" : "indicators",
				 _("»%s« findes ikke i de indlæste tal fra %s. Brug et af navnene "
				   "i tallene: %s."),
				 bad, figure_kind_label(kind), names.buf);
			strbuf_release(&names);
			strlist_clear(&known);
			goto out;
		}
		strlist_clear(&known);
	}
	if (store_focus_add(svc->store, &f, a->username, id, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	svc_call_object(&c, "focus:%lld", *id);
	rc = 0;
out:
	free(ids);
	strbuf_release(&t);
	strbuf_release(&g);
	strbuf_release(&m);
	org_release(&o);
	return rc == 0 ? svc_commit(&c) : svc_abort(&c);
}

int svc_focus_delete(struct service *svc, const struct actor *a, long long id, struct svc_result *r)
{
	char obj[32];
	snprintf(obj, sizeof(obj), "focus:%lld", id);
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_FOCUS_EDIT, NULL,
		      (struct svc_entry){.action = "focus.delete", .object = obj}, r) < 0)
		return -1;
	char *err = NULL;
	int got = store_focus_delete(svc->store, id, &err);
	if (got < 0) {
		store_err(r, err);
		return svc_abort(&c);
	}
	if (got > 0) {
		svc_fail(r, SVC_NOT_FOUND, "id", _("indsatsområde %lld findes ikke"), id);
		return svc_abort(&c);
	}
	return svc_commit(&c);
}

static int load_in_force(struct service *svc, int year, struct focus_list *out,
			 struct svc_result *r)
{
	char *err = NULL;
	if (store_focus_list(svc->store, year - 1, year, out, &err) < 0) {
		focus_list_release(out);
		return store_err(r, err);
	}
	return 0;
}

int svc_focus_list(struct service *svc, const struct actor *a, int year, struct focus_list *out,
		   struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (!svc_allowed(svc, a, ACT_FOCUS_VIEW, r))
		return -1;
	if (year < FIG_YEAR_MIN || year > FIG_YEAR_MAX)
		return svc_fail(r, SVC_INVALID, "year", _("året skal ligge fra %d til %d"),
				FIG_YEAR_MIN, FIG_YEAR_MAX);
	return load_in_force(svc, year, out, r);
}

int svc_focus_agenda_lines(struct service *svc, const char *body, int year, struct strlist *out,
			   struct svc_result *r)
{
	struct focus_list l;
	memset(&l, 0, sizeof(l));
	if (load_in_force(svc, year, &l, r) < 0)
		return -1;
	for (size_t i = 0; i < l.nr; i++) {
		bool carries = !body;
		for (size_t k = 0; body && k < l.v[i].bodies.nr; k++)
			carries = carries || !strcmp(l.v[i].bodies.v[k], body);
		if (!carries)
			continue;
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("Indsatsområde: %s – mål: %s"), l.v[i].title, l.v[i].goal);
		for (char *p = sb.buf; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
		strlist_add_owned(out, strbuf_detach(&sb));
	}
	focus_list_release(&l);
	return 0;
}

/* ---- trend tags ---- */

void trend_themes(const struct org *o, struct strlist *out)
{
	if (o->team_themes.nr) {
		for (size_t i = 0; i < o->team_themes.nr; i++)
			strlist_add(out, o->team_themes.v[i]);
		return;
	}
	for (size_t i = 0; team_default_themes[i]; i++)
		strlist_add(out, _(team_default_themes[i]));
}

int svc_minutes_tags_set(struct service *svc, const struct actor *a, long long id,
			 const struct strlist *themes, struct svc_result *r)
{
	char obj[32];
	snprintf(obj, sizeof(obj), "meeting:%lld", id);
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_TREND_TAG, NULL,
		      (struct svc_entry){.action = "minutes.tag", .object = obj}, r) < 0)
		return -1;
	struct org o;
	org_init(&o);
	struct meeting m;
	memset(&m, 0, sizeof(m));
	struct strlist known = STRLIST_INIT;
	int rc = -1;
	if (svc_load_org(svc, &o, r) < 0 || svc_get_meeting(svc, id, &m, r) < 0)
		goto out;
	const struct org_body *b = org_find_body(&o, m.body);
	struct authz_facts facts = {0};
	if (!b) {
		svc_fail(r, SVC_NOT_FOUND, "id", _("mødets forum findes ikke i strategien"));
		goto out;
	}
	if (svc_body_facts(svc, a, b, &facts, r) < 0)
		goto out;
	if (svc_authorize(&c, &facts) < 0)
		goto out;
	if (b->named_individuals) {
		svc_fail(r, SVC_INVALID, "themes",
			 _("%s drøfter navngivne unge; kun generelle referater kan mærkes med "
			   "temaer"),
			 b->name);
		goto out;
	}
	trend_themes(&o, &known);
	for (size_t i = 0; i < themes->nr; i++) {
		bool ok = false;
		for (size_t k = 0; k < known.nr && !ok; k++)
			ok = !strcmp(known.v[k], themes->v[i]);
		if (!ok) {
			svc_fail(r, SVC_INVALID, "themes",
				 _("»%s« er ikke et af strategiens temaer"), themes->v[i]);
			goto out;
		}
	}
	char *err = NULL;
	if (store_tags_set(svc->store, id, themes, a->username, &err) < 0) {
		store_err(r, err);
		goto out;
	}
	rc = 0;
out:
	strlist_clear(&known);
	meeting_release(&m);
	org_release(&o);
	return rc == 0 ? svc_commit(&c) : svc_abort(&c);
}

int svc_minutes_tags(struct service *svc, const struct actor *a, long long id, struct strlist *out,
		     struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_MEETING_VIEW, r))
		return -1;
	char *err = NULL;
	if (store_tags_of(svc->store, id, out, &err) < 0)
		return store_err(r, err);
	return 0;
}

void trend_view_release(struct trend_view *v)
{
	org_release(&v->org);
	strlist_clear(&v->themes);
	trend_counts_release(&v->counts);
	for (size_t i = 0; i < v->meetings_nr; i++) {
		free(v->meetings[i].body);
		free(v->meetings[i].district);
		free(v->meetings[i].themes);
	}
	free(v->meetings);
	memset(v, 0, sizeof(*v));
}

int svc_trends(struct service *svc, const struct actor *a, int year, struct trend_view *out,
	       struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	org_init(&out->org);
	char obj[24];
	snprintf(obj, sizeof(obj), "year:%d", year);
	struct svc_entry e = {.action = "trend.view", .object = obj};
	if (svc_check(svc, a, ACT_TREND_VIEW, NULL, &e, r) < 0)
		return -1;
	if (svc_check_year(year, r) < 0 || svc_load_org(svc, &out->org, r) < 0)
		return -1;
	out->year = year;
	trend_themes(&out->org, &out->themes);
	struct tag_sources src;
	char *err = NULL;
	if (store_tags_of_year(svc->store, year, &src, &err) < 0)
		return store_err(r, err);
	struct trend_tag_row *rows = xcalloc(src.nr + 1, sizeof(*rows));
	const char **dist = xcalloc(out->org.districts_nr + 1, sizeof(*dist));
	for (size_t i = 0; i < out->org.districts_nr; i++)
		dist[i] = out->org.districts[i].id;
	for (size_t i = 0; i < src.nr; i++)
		rows[i] = (struct trend_tag_row){src.v[i].theme, src.v[i].district, src.v[i].day};
	trend_count((const char *const *)out->themes.v, out->themes.nr, dist, out->org.districts_nr,
		    year, rows, src.nr, &out->counts);
	free(dist);
	free(rows);
	/* one row per tagged meeting, with whether the actor may read it */
	out->meetings = xcalloc(src.nr + 1, sizeof(*out->meetings));
	int rc = 0;
	for (size_t i = 0; i < src.nr && rc == 0; i++) {
		struct trend_meeting *tm =
		    out->meetings_nr ? &out->meetings[out->meetings_nr - 1] : NULL;
		if (tm && tm->id == src.v[i].meeting_id) {
			size_t n = strlen(tm->themes) + strlen(src.v[i].theme) + 3;
			char *s = xmalloc(n);
			snprintf(s, n, "%s, %s", tm->themes, src.v[i].theme);
			free(tm->themes);
			tm->themes = s;
			continue;
		}
		tm = &out->meetings[out->meetings_nr++];
		tm->id = src.v[i].meeting_id;
		tm->body = xstrdup(src.v[i].body);
		tm->district = src.v[i].district ? xstrdup(src.v[i].district) : NULL;
		tm->themes = xstrdup(src.v[i].theme);
		tm->day = src.v[i].day;
		const struct org_body *b = org_find_body(&out->org, tm->body);
		struct authz_facts facts = {0};
		if (b && (rc = svc_body_facts(svc, a, b, &facts, r)) == 0)
			tm->minutes_visible = svc_decide(svc, a, ACT_MINUTES_VIEW, &facts).allow;
	}
	tag_sources_release(&src);
	if (rc == 0)
		rc = svc_log(svc, a, &e, SVC_OK_OUTCOME, r);
	return rc;
}

/* ---- the yearly evaluation ---- */

void evaluation_release(struct evaluation *e)
{
	org_release(&e->org);
	compliance_release(&e->comp);
	school_network_release(&e->net);
	for (size_t i = 0; e->changes && i < e->focus.nr; i++)
		free(e->changes[i]);
	free(e->changes);
	free(e->changes_nr);
	focus_list_release(&e->focus);
	trend_view_release(&e->trends);
	concern_stats_release(&e->stats);
	org_release(&e->stats_org);
	figure_set_release(&e->survey);
	figure_set_release(&e->crime);
	memset(e, 0, sizeof(*e));
}

int svc_evaluation(struct service *svc, const struct actor *a, int year, long as_of,
		   struct evaluation *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	org_init(&out->org);
	org_init(&out->stats_org);
	org_init(&out->trends.org);
	figure_set_init(&out->survey, FIG_SURVEY);
	figure_set_init(&out->crime, FIG_CRIME);
	char obj[24];
	snprintf(obj, sizeof(obj), "year:%d", year);
	struct svc_entry e = {.action = "evaluation.view", .object = obj};
	if (svc_check(svc, a, ACT_EVALUATION_VIEW, NULL, &e, r) < 0)
		return -1;
	if (svc_check_year(year, r) < 0)
		return -1;
	out->year = year;
	out->as_of = as_of;
	/* each part through its own call: checked and logged as itself */
	if (svc_compliance(svc, a, year, as_of, &out->org, &out->comp, &out->from_plan, r) < 0 ||
	    svc_network_compliance(svc, a, year, as_of, &out->net, r) < 0 ||
	    svc_focus_list(svc, a, year, &out->focus, r) < 0)
		return -1;
	org_release(&out->trends.org);
	if (svc_trends(svc, a, year, &out->trends, r) < 0 ||
	    svc_concern_stats(svc, a, year, &out->stats_org, &out->stats, r) < 0)
		return -1;
	char *err = NULL;
	if (store_figures_load(svc->store, 0, &out->survey, &err) < 0 ||
	    store_figures_load(svc->store, 0, &out->crime, &err) < 0)
		return store_err(r, err);
	out->changes = xcalloc(out->focus.nr + 1, sizeof(*out->changes));
	out->changes_nr = xcalloc(out->focus.nr + 1, sizeof(*out->changes_nr));
	for (size_t i = 0; i < out->focus.nr; i++) {
		const struct focus_area *f = &out->focus.v[i];
		size_t n = f->indicators.nr + f->categories.nr;
		out->changes[i] = xcalloc(n + 1, sizeof(**out->changes));
		for (size_t k = 0; k < f->indicators.nr; k++)
			focus_change_compute(&out->survey, f->indicators.v[k], f->year, year,
					     &out->changes[i][out->changes_nr[i]++]);
		for (size_t k = 0; k < f->categories.nr; k++)
			focus_change_compute(&out->crime, f->categories.v[k], f->year, year,
					     &out->changes[i][out->changes_nr[i]++]);
	}
	struct kpi_sources k;
	if (store_kpi_sources(svc->store, year, &k, &err) < 0) {
		kpi_sources_release(&k);
		return store_err(r, err);
	}
	out->early_age = kpi_median(k.first_age, k.first_age_nr);
	out->early_days = kpi_median(k.contact_days, k.contact_days_nr);
	out->cross_mean = kpi_mean(k.sectors, k.sectors_nr);
	out->cross_share = kpi_share_at_least(k.sectors, k.sectors_nr, 2);
	long end = cal_ymd(year, 12, 31);
	out->coherent = kpi_on_time(k.actions, k.actions_nr, as_of - 1 < end ? as_of - 1 : end);
	kpi_sources_release(&k);
	/* counts only: no data subject */
	return svc_log(svc, a, &e, SVC_OK_OUTCOME, r);
}

int svc_strategy_document(struct service *svc, const struct actor *a, int year, struct org *org,
			  struct meeting_list *plan, struct focus_list *focus, struct svc_result *r)
{
	memset(plan, 0, sizeof(*plan));
	memset(focus, 0, sizeof(*focus));
	if (!svc_allowed(svc, a, ACT_ORG_VIEW, r))
		return -1;
	if (svc_meetings_list(svc, a, year, NULL, org, plan, r) < 0)
		return -1;
	if (!plan->nr) {
		org_release(org);
		org_init(org);
		if (svc_plan_preview(svc, a, year, NULL, org, plan, r) < 0)
			return -1;
	}
	return svc_focus_list(svc, a, year, focus, r);
}
