#include "render/data_out.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

const char *data_district_name(const struct data_view *v, const char *district)
{
	if (!district || !*district)
		return _("Hele kommunen");
	const struct org_district *d = org_find_district(&v->org, district);
	return d ? d->name : district;
}

static json_t *share_json(int hundredths)
{
	return hundredths == FIG_UNKNOWN ? json_null() : json_real(hundredths / 100.0);
}

static json_t *count_json(long v, bool hidden)
{
	if (hidden)
		return json_string(FIG_SUPPRESSED);
	return v == FIG_UNKNOWN ? json_null() : json_integer(v);
}

static json_t *district_json(const char *district)
{
	return *district ? json_string(district) : json_null();
}

json_t *data_view_to_json(const struct data_view *v)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < v->set.nr; i++) {
		json_t *o;
		if (v->set.kind == FIG_SURVEY) {
			const struct survey_figure *f = &v->set.survey[i];
			o = json_pack("{s:i, s:s, s:s, s:o, s:s, s:o, s:o, s:o}", "year", f->year,
				      "indicator", f->indicator, "group", f->group, "district",
				      district_json(f->district), "district_name",
				      data_district_name(v, f->district), "share",
				      v->hidden[i] ? json_null() : share_json(f->share),
				      "respondents", count_json(f->respondents, v->hidden[i]),
				      "national", share_json(f->national));
		} else {
			const struct crime_figure *f = &v->set.crime[i];
			o = json_pack("{s:i, s:o, s:s, s:s, s:o, s:s, s:o}", "year", f->year,
				      "month", f->month ? json_integer(f->month) : json_null(),
				      "category", f->category, "age_band", f->age_band, "district",
				      district_json(f->district), "district_name",
				      data_district_name(v, f->district), "count",
				      count_json(f->count, v->hidden[i]));
		}
		json_array_append_new(rows, o);
	}
	return json_pack("{s:o}", "rows", rows);
}

/* ---- text ---- */

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* A table of cells (row-major, ncols per row, the first row the header),
 * columns padded to their widest cell. */
static void table_write(char **cells, size_t nrows, size_t ncols, FILE *out)
{
	size_t *w = xcalloc(ncols, sizeof(*w));
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++)
			if (chars(cells[r * ncols + c]) > w[c])
				w[c] = chars(cells[r * ncols + c]);
	for (size_t r = 0; r < nrows; r++) {
		for (size_t c = 0; c < ncols; c++) {
			const char *s = cells[r * ncols + c];
			fputs(s, out);
			if (c + 1 < ncols)
				for (size_t k = chars(s); k < w[c] + 2; k++)
					fputc(' ', out);
		}
		fputc('\n', out);
	}
	free(w);
}

static char *share_text(int hundredths)
{
	char buf[16];
	if (hundredths == FIG_UNKNOWN)
		return xstrdup("–");
	figure_format_share(hundredths, buf);
	return xstrdup(buf);
}

static char *count_text(long v, bool hidden)
{
	char buf[32];
	if (hidden)
		return xstrdup(FIG_SUPPRESSED);
	if (v == FIG_UNKNOWN)
		return xstrdup("–");
	snprintf(buf, sizeof(buf), "%ld", v);
	return xstrdup(buf);
}

static char *num_text(long v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%ld", v);
	return xstrdup(buf);
}

void data_view_text(const struct data_view *v, FILE *out)
{
	fprintf(out, "%s\n", figure_kind_label(v->set.kind));
	if (!v->set.nr) {
		fputs(_("Ingen tal er importeret endnu.\n"), out);
		return;
	}
	bool survey = v->set.kind == FIG_SURVEY;
	size_t ncols = survey ? 7 : 6, nrows = v->set.nr + 1;
	char **cells = xcalloc(nrows * ncols, sizeof(*cells));
	static const char *const sh[] = {N_("År"),           N_("Indikator"), N_("Gruppe"),
					 N_("Distrikt"),     N_("Andel (%)"), N_("Antal svar"),
					 N_("Landsplan (%)")};
	static const char *const ch[] = {N_("År"),           N_("Måned"),    N_("Kategori"),
					 N_("Aldersgruppe"), N_("Distrikt"), N_("Antal")};
	for (size_t c = 0; c < ncols; c++)
		cells[c] = xstrdup(_(survey ? sh[c] : ch[c]));
	for (size_t i = 0; i < v->set.nr; i++) {
		char **row = cells + (i + 1) * ncols;
		if (survey) {
			const struct survey_figure *f = &v->set.survey[i];
			row[0] = num_text(f->year);
			row[1] = xstrdup(f->indicator);
			row[2] = xstrdup(f->group);
			row[3] = xstrdup(data_district_name(v, f->district));
			row[4] = v->hidden[i] ? xstrdup(FIG_SUPPRESSED) : share_text(f->share);
			row[5] = count_text(f->respondents, v->hidden[i]);
			row[6] = share_text(f->national);
		} else {
			const struct crime_figure *f = &v->set.crime[i];
			row[0] = num_text(f->year);
			row[1] = f->month ? num_text(f->month) : xstrdup(_("hele året"));
			row[2] = xstrdup(f->category);
			row[3] = xstrdup(f->age_band);
			row[4] = xstrdup(data_district_name(v, f->district));
			row[5] = count_text(f->count, v->hidden[i]);
		}
	}
	table_write(cells, nrows, ncols, out);
	for (size_t k = 0; k < nrows * ncols; k++)
		free(cells[k]);
	free(cells);
	fprintf(out,
		_("Tal under %d vises som »%s«, og så mange andre, at de ikke kan regnes ud.\n"),
		FIG_SUPPRESS_BELOW, FIG_SUPPRESSED);
}

/* ---- CSV ---- */

void csv_cell(struct strbuf *out, const char *s, bool text)
{
	struct strbuf tmp = STRBUF_INIT;
	/* formula guard: a spreadsheet runs a cell starting with these */
	if (text && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'))
		strbuf_addch(&tmp, '\'');
	strbuf_addstr(&tmp, s);
	bool quote = strpbrk(tmp.buf, ";\"\r\n") != NULL ||
		     (tmp.len && (tmp.buf[0] == ' ' || tmp.buf[tmp.len - 1] == ' '));
	if (quote) {
		size_t need = csv_write2(NULL, 0, tmp.buf, tmp.len, '"');
		strbuf_grow(out, need + 1);
		csv_write2(out->buf + out->len, need, tmp.buf, tmp.len, '"');
		out->len += need;
		out->buf[out->len] = '\0';
	} else {
		strbuf_addstr(out, tmp.buf);
	}
	strbuf_release(&tmp);
}

static void csv_row(struct strbuf *out, const char *const *cells, const bool *text, size_t n)
{
	for (size_t c = 0; c < n; c++) {
		if (c)
			strbuf_addch(out, ';');
		csv_cell(out, cells[c], text[c]);
	}
	strbuf_addstr(out, "\r\n");
}

void data_view_csv(const struct data_view *v, struct strbuf *out)
{
	strbuf_addstr(out, "\xef\xbb\xbf");
	bool survey = v->set.kind == FIG_SURVEY;
	static const char *const sh[] = {"år",    "indikator",  "gruppe",   "distrikt",
					 "andel", "antal_svar", "landsplan"};
	static const char *const ch[] = {"år",           "måned",    "kategori",
					 "aldersgruppe", "distrikt", "antal"};
	static const bool st[] = {false, true, true, true, false, false, false};
	static const bool ct[] = {false, false, true, false, true, false};
	static const bool none[7] = {false};
	csv_row(out, survey ? sh : ch, none, survey ? 7 : 6);
	for (size_t i = 0; i < v->set.nr; i++) {
		char *c[7] = {0};
		if (survey) {
			const struct survey_figure *f = &v->set.survey[i];
			c[0] = num_text(f->year);
			c[1] = xstrdup(f->indicator);
			c[2] = xstrdup(f->group);
			c[3] = xstrdup(data_district_name(v, f->district));
			c[4] = v->hidden[i] ? xstrdup(FIG_SUPPRESSED) : share_text(f->share);
			c[5] = v->hidden[i]                    ? xstrdup(FIG_SUPPRESSED)
			       : f->respondents == FIG_UNKNOWN ? xstrdup("")
							       : num_text(f->respondents);
			c[6] = f->national == FIG_UNKNOWN ? xstrdup("") : share_text(f->national);
			csv_row(out, (const char *const *)c, st, 7);
		} else {
			const struct crime_figure *f = &v->set.crime[i];
			c[0] = num_text(f->year);
			c[1] = f->month ? num_text(f->month) : xstrdup("");
			c[2] = xstrdup(f->category);
			c[3] = xstrdup(f->age_band);
			c[4] = xstrdup(data_district_name(v, f->district));
			c[5] = count_text(f->count, v->hidden[i]);
			csv_row(out, (const char *const *)c, ct, 6);
		}
		for (size_t k = 0; k < 7; k++)
			free(c[k]);
	}
}
