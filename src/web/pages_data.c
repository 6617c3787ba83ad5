/* pages_data.c - /data: the data behind the strategy for the steering
 * group, the SSP-team and the police (ACT_DATA_VIEW): the youth survey's
 * shares and the police's yearly counts as server-drawn bar charts, each
 * with its table (chart.h), small counts hidden as everywhere
 * (service/data.h); the same figures as Danish-Excel CSV
 * (/data/ungeprofil.csv, /data/kriminalitet.csv); and for the SSP-team
 * (ACT_DATA_IMPORT) /data/import: upload a CSV file (multipart/form-data,
 * web/upload.c) or paste its text, see what it would change (a dry run),
 * then import it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/csv_import.h"
#include "render/data_out.h"
#include "service/data.h"
#include "util/i18n.h"
#include "util/strlist.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "web/chart.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* The distinct strings in order of first appearance (borrowed). */
struct uniq {
	const char **v;
	size_t nr, alloc;
};

static size_t uniq_add(struct uniq *u, const char *s)
{
	for (size_t i = 0; i < u->nr; i++)
		if (!strcmp(u->v[i], s))
			return i;
	ALLOC_GROW(u->v, u->nr + 1, u->alloc);
	u->v[u->nr] = s;
	return u->nr++;
}

/* The district ids of the strategy's order: "" first, then the org's. */
static void districts(const struct data_view *v, struct uniq *ids, struct uniq *names)
{
	uniq_add(ids, "");
	uniq_add(names, data_district_name(v, ""));
	for (size_t i = 0; i < v->org.districts_nr; i++) {
		uniq_add(ids, v->org.districts[i].id);
		uniq_add(names, v->org.districts[i].name);
	}
}

static void year_labels(struct uniq *years, char (*buf)[8], const int *ys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		snprintf(buf[i], sizeof(buf[i]), "%d", ys[i]);
		uniq_add(years, buf[i]);
	}
}

/* The distinct years of the set, ascending (the rows are sorted). */
static size_t set_years(const struct data_view *v, int *ys)
{
	size_t n = 0;
	for (size_t i = 0; i < v->set.nr; i++) {
		int y = v->set.kind == FIG_SURVEY ? v->set.survey[i].year : v->set.crime[i].year;
		if (!n || ys[n - 1] != y)
			ys[n++] = y;
	}
	return n;
}

static size_t index_of(const struct uniq *u, const char *s)
{
	for (size_t i = 0; i < u->nr; i++)
		if (!strcmp(u->v[i], s))
			return i;
	return (size_t)-1;
}

static void survey_charts(struct html *h, const struct data_view *v)
{
	html_printf(h, "<h2 id=\"ungeprofil\">%s</h2>\n", figure_kind_label(FIG_SURVEY));
	if (!v->set.nr) {
		html_printf(h, "<p>%s</p>\n", _("Ingen tal er importeret endnu."));
		return;
	}
	int *ys = xcalloc(v->set.nr, sizeof(*ys));
	size_t ny = set_years(v, ys);
	char(*ybuf)[8] = xcalloc(ny, sizeof(*ybuf));
	struct uniq years = {0}, ids = {0}, names = {0}, keys = {0};
	year_labels(&years, ybuf, ys, ny);
	districts(v, &ids, &names);
	size_t nat = names.nr;
	uniq_add(&names, _("Landsplan"));
	/* one chart per indicator and group */
	struct strlist key_text = STRLIST_INIT;
	for (size_t i = 0; i < v->set.nr; i++) {
		struct strbuf k = STRBUF_INIT;
		strbuf_addf(&k, "%s – %s", v->set.survey[i].indicator, v->set.survey[i].group);
		if (index_of(&keys, k.buf) == (size_t)-1) {
			strlist_add(&key_text, k.buf);
			uniq_add(&keys, key_text.v[key_text.nr - 1]);
		}
		strbuf_release(&k);
	}
	for (size_t c = 0; c < keys.nr; c++) {
		char id[48];
		snprintf(id, sizeof(id), "ungeprofil-%zu", c + 1);
		struct chart ch;
		char title[400];
		snprintf(title, sizeof(title), _("%s, andel i procent"), keys.v[c]);
		chart_init(&ch, id, title, "%", years.v, years.nr, names.v, names.nr);
		ch.decimals = true;
		for (size_t i = 0; i < v->set.nr; i++) {
			const struct survey_figure *f = &v->set.survey[i];
			struct strbuf k = STRBUF_INIT;
			strbuf_addf(&k, "%s – %s", f->indicator, f->group);
			bool mine = !strcmp(k.buf, keys.v[c]);
			strbuf_release(&k);
			if (!mine)
				continue;
			char y[8];
			snprintf(y, sizeof(y), "%d", f->year);
			size_t x = index_of(&years, y), s = index_of(&ids, f->district);
			if (s != (size_t)-1)
				chart_set(&ch, s, x, f->share / 100.0,
					  v->hidden[i] ? CHART_HIDDEN : CHART_VALUE);
			if (f->national != FIG_UNKNOWN)
				chart_set(&ch, nat, x, f->national / 100.0, CHART_VALUE);
		}
		chart_write(h, &ch);
		chart_release(&ch);
	}
	strlist_clear(&key_text);
	free(keys.v);
	free(years.v);
	free(ids.v);
	free(names.v);
	free(ybuf);
	free(ys);
}

static void crime_charts(struct html *h, const struct data_view *v)
{
	html_printf(h, "<h2 id=\"kriminalitet\">%s</h2>\n", figure_kind_label(FIG_CRIME));
	if (!v->set.nr) {
		html_printf(h, "<p>%s</p>\n", _("Ingen tal er importeret endnu."));
		return;
	}
	int *ys = xcalloc(v->set.nr, sizeof(*ys));
	size_t ny = set_years(v, ys);
	char(*ybuf)[8] = xcalloc(ny, sizeof(*ybuf));
	struct uniq years = {0}, ids = {0}, names = {0}, keys = {0};
	year_labels(&years, ybuf, ys, ny);
	districts(v, &ids, &names);
	struct strlist key_text = STRLIST_INIT;
	bool monthly = false;
	for (size_t i = 0; i < v->set.nr; i++) {
		if (v->set.crime[i].month) {
			monthly = true;
			continue;
		}
		struct strbuf k = STRBUF_INIT;
		strbuf_addf(&k, _("%s, %s år"), v->set.crime[i].category, v->set.crime[i].age_band);
		if (index_of(&keys, k.buf) == (size_t)-1) {
			strlist_add(&key_text, k.buf);
			uniq_add(&keys, key_text.v[key_text.nr - 1]);
		}
		strbuf_release(&k);
	}
	for (size_t c = 0; c < keys.nr; c++) {
		char id[48];
		snprintf(id, sizeof(id), "kriminalitet-%zu", c + 1);
		char title[400];
		snprintf(title, sizeof(title), _("%s: antal pr. år"), keys.v[c]);
		struct chart ch;
		chart_init(&ch, id, title, "", years.v, years.nr, names.v, names.nr);
		for (size_t i = 0; i < v->set.nr; i++) {
			const struct crime_figure *f = &v->set.crime[i];
			if (f->month)
				continue;
			struct strbuf k = STRBUF_INIT;
			strbuf_addf(&k, _("%s, %s år"), f->category, f->age_band);
			bool mine = !strcmp(k.buf, keys.v[c]);
			strbuf_release(&k);
			if (!mine)
				continue;
			char y[8];
			snprintf(y, sizeof(y), "%d", f->year);
			size_t x = index_of(&years, y), s = index_of(&ids, f->district);
			if (s != (size_t)-1)
				chart_set(&ch, s, x, (double)f->count,
					  v->hidden[i] ? CHART_HIDDEN : CHART_VALUE);
		}
		chart_write(h, &ch);
		chart_release(&ch);
	}
	if (monthly)
		html_printf(h, "<p>%s</p>\n",
			    _("Tal pr. måned står i CSV-udtrækket (diagrammerne viser hele år)."));
	strlist_clear(&key_text);
	free(keys.v);
	free(years.v);
	free(ids.v);
	free(names.v);
	free(ybuf);
	free(ys);
}

static void latest(struct html *h, const struct data_view *v)
{
	if (!v->has_latest)
		return;
	char buf[400];
	snprintf(buf, sizeof(buf), _("Senest importeret: %s (%s, af %s)."), v->latest.file_name,
		 v->latest.imported_at, v->latest.imported_by);
	html_printf(h, "<p class=\"app-note\">%s</p>\n", buf);
}

void h_data(struct request *rq)
{
	struct data_view s, c;
	struct svc_result r = SVC_RESULT_INIT;
	memset(&c, 0, sizeof(c));
	if (svc_data_view(rq->svc, &rq->actor, FIG_SURVEY, 0, &s, &r) < 0 ||
	    svc_data_view(rq->svc, &rq->actor, FIG_CRIME, 0, &c, &r) < 0) {
		data_view_release(&s);
		data_view_release(&c);
		web_svc_fail(rq, &r);
		return;
	}
	struct page p;
	page_init(&p, _("Tallene bag strategien"), "/data");
	html_printf(&p.main, "<p class=\"font-lead\">%s</p>\n",
		    _("Ungeprofilundersøgelsen og politiets kriminalitetstal, som styregruppen "
		      "vælger fokusområder ud fra. Kun samlede tal: tal under 5 vises som »<5«, og "
		      "så mange andre, at de ikke kan regnes ud."));
	html_printf(&p.main,
		    "<ul>\n<li><a href=\"/data/ungeprofil.csv\">%s</a></li>\n"
		    "<li><a href=\"/data/kriminalitet.csv\">%s</a></li>\n",
		    _("Hent Ungeprofilundersøgelsen som CSV (Excel)"),
		    _("Hent politiets tal som CSV (Excel)"));
	if (svc_may(rq->svc, &rq->actor, ACT_DATA_IMPORT))
		html_printf(&p.main, "<li><a href=\"/data/import\">%s</a></li>\n",
			    _("Importér en CSV-fil"));
	/* issue 13: what the figures are for */
	html_printf(&p.main, "<li><a href=\"/indsatsomraader\">%s</a></li>\n",
		    _("Styregruppens indsatsområder"));
	if (svc_may(rq->svc, &rq->actor, ACT_TREND_VIEW))
		html_printf(&p.main, "<li><a href=\"/tendenser\">%s</a></li>\n",
			    _("Tendenser fra distrikts- og hotspotmøderne"));
	if (svc_may(rq->svc, &rq->actor, ACT_EVALUATION_VIEW))
		html_printf(&p.main, "<li><a href=\"/evaluering\">%s</a></li>\n",
			    _("Årets evaluering"));
	html_printf(&p.main, "</ul>\n");
	survey_charts(&p.main, &s);
	latest(&p.main, &s);
	crime_charts(&p.main, &c);
	latest(&p.main, &c);
	page_finish(rq, 200, &p);
	data_view_release(&s);
	data_view_release(&c);
}

static void csv_download(struct request *rq, enum figure_kind kind)
{
	struct data_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_data_view(rq->svc, &rq->actor, kind, 0, &v, &r) < 0) {
		data_view_release(&v);
		web_svc_fail(rq, &r);
		return;
	}
	strbuf_reset(&rq->rs.body);
	data_view_csv(&v, &rq->rs.body);
	rq->rs.status = 200;
	rq->rs.content_type = "text/csv; charset=utf-8";
	resp_header(&rq->rs, "Content-Disposition", "attachment; filename=\"%s.csv\"",
		    figure_kind_id(kind));
	rq->responded = true;
	data_view_release(&v);
}

void h_data_csv_survey(struct request *rq)
{
	csv_download(rq, FIG_SURVEY);
}

void h_data_csv_crime(struct request *rq)
{
	csv_download(rq, FIG_CRIME);
}

/* ---- import: upload or paste, preview, apply ---- */

/* The file form: a CSV file sent as multipart/form-data (upload.c). */
static void upload_form(struct html *h, struct request *rq, const char *kind, const char *error)
{
	html_printf(h, "<h2>%s</h2>\n", _("Send en fil"));
	html_printf(h, "<form method=\"post\" action=\"/data/import\" class=\"app-form\" "
		       "enctype=\"multipart/form-data\" id=\"upload-form\">\n");
	csrf_input(h, rq->session.csrf);
	struct field fk = {"upload-kind", _("Hvilke tal?"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &fk, NULL);
	select_option(h, "ungeprofil", figure_kind_label(FIG_SURVEY),
		      !kind || !strcmp(kind, "ungeprofil"));
	select_option(h, "kriminalitet", figure_kind_label(FIG_CRIME),
		      kind && !strcmp(kind, "kriminalitet"));
	select_close(h);
	html_printf(
	    h,
	    "<div class=\"form-group%s\">\n<label class=\"form-label\" for=\"file\">%s</label>\n",
	    error ? " form-error" : "", _("CSV-fil"));
	html_printf(h, "<span class=\"form-hint\" id=\"file-hint\">%s</span>\n",
		    _("Gemt fra Excel som »CSV UTF-8« eller »CSV (semikolonsepareret)«. "
		      "Kolonner: se docs/data.md."));
	if (error)
		html_printf(h,
			    "<span class=\"form-error-message\" id=\"file-error\">"
			    "<span class=\"sr-only\">%s </span>%s</span>\n",
			    _("Fejl:"), error);
	html_printf(
	    h,
	    "<input class=\"form-input\" type=\"file\" id=\"file\" name=\"file\" "
	    "accept=\".csv,text/csv\" required aria-describedby=\"file-hint%s\"%s>\n</div>\n",
	    error ? " file-error" : "", error ? " aria-invalid=\"true\"" : "");
	html_printf(h, "<input type=\"hidden\" name=\"step\" value=\"preview\">\n");
	submit_button(h, "primary", _("Vis hvad filen vil ændre"));
	html_printf(h, "</form>\n");
}

/* The paste form: the CSV text in a textarea. */
static void import_form(struct html *h, struct request *rq, const char *kind, const char *csv,
			const char *error)
{
	html_printf(h, "<h2>%s</h2>\n", _("Eller indsæt teksten"));
	html_printf(h, "<form method=\"post\" action=\"/data/import\" class=\"app-form\">\n");
	csrf_input(h, rq->session.csrf);
	struct field fk = {"kind", _("Hvilke tal?"), NULL, NULL, NULL, NULL, false, false};
	select_open(h, &fk, NULL);
	select_option(h, "ungeprofil", figure_kind_label(FIG_SURVEY),
		      !kind || !strcmp(kind, "ungeprofil"));
	select_option(h, "kriminalitet", figure_kind_label(FIG_CRIME),
		      kind && !strcmp(kind, "kriminalitet"));
	select_close(h);
	textarea_field(
	    h, "csv", _("CSV-filens indhold"),
	    _("Åbn filen i Excel eller Notesblok, markér alt, kopiér og sæt ind her. "
	      "Større filer sendes som fil ovenfor eller importeres med »ssp data import«."),
	    csv, error, 12);
	html_printf(h, "<input type=\"hidden\" name=\"step\" value=\"preview\">\n");
	submit_button(h, "primary", _("Vis hvad der vil ske"));
	html_printf(h, "</form>\n");
}

void h_data_import(struct request *rq)
{
	struct page p;
	page_init(&p, _("Importér tal"), "/data");
	html_printf(&p.main, "<p>%s</p>\n",
		    _("Først vises, hvad filen vil ændre; intet gemmes, før du trykker Importér."));
	upload_form(&p.main, rq, NULL, NULL);
	import_form(&p.main, rq, NULL, NULL, NULL);
	page_finish(rq, 200, &p);
}

/* The uploaded file's name as shown and logged: the last path segment
 * (some browsers send a whole path), at most 100 bytes, whole UTF-8
 * characters without control characters; else a neutral name. */
static void upload_name(const char *sent, char *out, size_t size)
{
	const char *base = sent;
	for (const char *c = sent; *c; c++)
		if (*c == '/' || *c == '\\')
			base = c + 1;
	size_t n = strlen(base);
	if (n > 100) {
		n = 100;
		while (n && ((unsigned char)base[n] & 0xc0) == 0x80)
			n--; /* not inside a character */
	}
	bool ok = n > 0 && utf8_valid(base, n, NULL);
	for (size_t i = 0; ok && i < n; i++)
		if ((unsigned char)base[i] < 0x20 || base[i] == 0x7f)
			ok = false;
	if (ok)
		snprintf(out, size, "%.*s", (int)n, base);
	else
		snprintf(out, size, "%s", _("fil.csv"));
}

void h_data_import_post(struct request *rq)
{
	bool upload = rq->upload.present;
	if (!upload && !form_get(&rq->form, "csv") && web_is_multipart(rq)) {
		/* a file form whose file part is missing */
		web_error(rq, 422, _("Vælg en CSV-fil."), "file");
		return;
	}
	const char *kind_s = fget(rq, upload ? "upload-kind" : "kind"), *step = fget(rq, "step");
	enum figure_kind kind;
	if (figure_kind_parse(kind_s, &kind) < 0) {
		web_error(rq, 422, _("Vælg ungeprofil eller kriminalitet."),
			  upload ? "upload-kind" : "kind");
		return;
	}
	bool apply = !upload && !strcmp(step, "apply");
	/* the file's name: the upload's, or carried by the apply form */
	char name[128] = "";
	if (upload)
		upload_name(rq->upload.name, name, sizeof(name));
	else if (*fget(rq, "name"))
		upload_name(fget(rq, "name"), name, sizeof(name));
	const char *buf = upload ? rq->upload.data.buf : fget(rq, "csv");
	size_t len = upload ? rq->upload.data.len : strlen(buf);
	if (upload && (!rq->upload.name[0] || len == 0)) {
		char msg[300];
		if (rq->upload.name[0])
			snprintf(msg, sizeof(msg), _("Filen »%s« er tom."), name);
		else
			snprintf(msg, sizeof(msg), "%s", _("Vælg en CSV-fil."));
		web_error(rq, 422, msg, "file");
		return;
	}
	struct diags d;
	diags_init(&d, name[0] ? name : _("den indsatte tekst"));
	struct data_counts n;
	struct svc_result r = SVC_RESULT_INIT;
	int rc = svc_data_import(rq->svc, &rq->actor, kind, name[0] ? name : "web", buf, len,
				 !apply, &d, &n, &r);
	if (rc < 0 && r.status != SVC_INVALID) {
		diags_release(&d);
		web_svc_fail(rq, &r);
		return;
	}
	struct page p;
	page_init(&p, apply && rc == 0 ? _("Tallene er importeret") : _("Importér tal"), "/data");
	for (size_t i = 0; i < d.nr; i++) {
		char line[1200];
		if (d.v[i].line && name[0])
			snprintf(line, sizeof(line), _("%s, linje %d: %s"), name, d.v[i].line,
				 d.v[i].msg);
		else if (d.v[i].line)
			snprintf(line, sizeof(line), _("Linje %d: %s"), d.v[i].line, d.v[i].msg);
		else if (name[0])
			snprintf(line, sizeof(line), "%s: %s", name, d.v[i].msg);
		else
			snprintf(line, sizeof(line), "%s", d.v[i].msg);
		alert(&p.main, d.v[i].severity == DIAG_ERROR ? "error" : "warning", line);
	}
	char buf2[300];
	if (rc < 0 && upload) {
		snprintf(buf2, sizeof(buf2),
			 _("Filen »%s« kan ikke importeres; se fejlene ovenfor."), name);
		upload_form(&p.main, rq, kind_s, buf2);
		import_form(&p.main, rq, NULL, NULL, NULL);
	} else if (rc < 0) {
		import_form(&p.main, rq, kind_s, buf, r.message);
	} else if (!apply) {
		if (name[0]) {
			snprintf(buf2, sizeof(buf2), _("Fil: »%s«"), name);
			html_printf(&p.main, "<p class=\"app-file-name\">%s</p>\n", buf2);
		}
		snprintf(buf2, sizeof(buf2),
			 _("Filen vil tilføje %zu rækker, erstatte %zu og lade %zu være uændrede."),
			 n.added, n.replaced, n.unchanged);
		html_printf(&p.main, "<h2>%s</h2>\n<p>%s</p>\n", _("Det vil ske"), buf2);
		/* the text goes back as UTF-8 (a Windows-1252 file converted) in
		 * a multipart form, which a browser sends without %-escapes */
		struct strbuf text = STRBUF_INIT;
		if (data_csv_utf8(buf, len, &text) < 0)
			strbuf_addstr(&text, ""); /* cannot happen: the preview read it */
		html_printf(&p.main,
			    "<form method=\"post\" action=\"/data/import\" class=\"app-form\" "
			    "enctype=\"multipart/form-data\">\n");
		csrf_input(&p.main, rq->session.csrf);
		html_printf(&p.main,
			    "<input type=\"hidden\" name=\"kind\" value=\"%s\">\n"
			    "<input type=\"hidden\" name=\"name\" value=\"%s\">\n"
			    "<input type=\"hidden\" name=\"csv\" value=\"%s\">\n"
			    "<input type=\"hidden\" name=\"step\" value=\"apply\">\n",
			    figure_kind_id(kind), name, text.buf);
		strbuf_release(&text);
		submit_button(&p.main, "primary", _("Importér"));
		html_printf(&p.main, "</form>\n<p><a href=\"/data/import\">%s</a></p>\n",
			    _("Fortryd og vælg en anden fil"));
	} else {
		snprintf(buf2, sizeof(buf2), _("%zu tilføjet, %zu erstattet, %zu uændrede."),
			 n.added, n.replaced, n.unchanged);
		alert(&p.main, "success", buf2);
		html_printf(&p.main, "<p><a href=\"/data\">%s</a></p>\n", _("Se tallene"));
	}
	page_finish(rq, rc < 0 ? 422 : 200, &p);
	svc_result_clear(&r);
	diags_release(&d);
}
