/* report.c - a document as HTML or as an A4 PDF (report.h). */
#include "render/report.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "render/org_diagram.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

void report_init(struct report *r, const char *title, const char *subtitle)
{
	memset(r, 0, sizeof(*r));
	r->title = xstrdup(title);
	r->subtitle = subtitle ? xstrdup(subtitle) : NULL;
}

void report_release(struct report *r)
{
	for (size_t i = 0; i < r->nr; i++) {
		struct report_block *b = r->v[i];
		free(b->text);
		strlist_clear(&b->cells);
		strlist_clear(&b->labels);
		free(b->values);
		free(b->hidden);
		free(b->unit);
		free(b->svg);
		free(b);
	}
	free(r->v);
	free(r->title);
	free(r->subtitle);
	memset(r, 0, sizeof(*r));
}

static struct report_block *add(struct report *r, enum report_block_kind k, const char *text)
{
	ALLOC_GROW(r->v, r->nr + 1, r->alloc);
	struct report_block *b = xcalloc(1, sizeof(*b));
	r->v[r->nr++] = b;
	b->kind = k;
	b->text = text ? xstrdup(text) : NULL;
	return b;
}

void report_h1(struct report *r, const char *text)
{
	add(r, RB_H1, text);
}

void report_h2(struct report *r, const char *text)
{
	add(r, RB_H2, text);
}

void report_p(struct report *r, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	struct report_block *b = add(r, RB_P, NULL);
	b->text = strbuf_detach(&sb);
}

struct report_block *report_table(struct report *r, size_t cols)
{
	struct report_block *b = add(r, RB_TABLE, NULL);
	b->cols = cols;
	return b;
}

void report_row(struct report_block *t, const char *const *cells)
{
	for (size_t i = 0; i < t->cols; i++)
		strlist_add(&t->cells, cells[i] ? cells[i] : "");
}

struct report_block *report_bars(struct report *r, const char *title, const char *unit)
{
	struct report_block *b = add(r, RB_BARS, title);
	b->unit = xstrdup(unit ? unit : "");
	return b;
}

void report_bar(struct report_block *b, const char *label, long value, bool hidden)
{
	size_t n = b->labels.nr;
	strlist_add(&b->labels, label);
	b->values = xrealloc(b->values, (n + 1) * sizeof(*b->values));
	b->hidden = xrealloc(b->hidden, (n + 1) * sizeof(*b->hidden));
	b->values[n] = value;
	b->hidden[n] = hidden;
}

void report_org(struct report *r)
{
	add(r, RB_ORG, _("Organisationsdiagram"));
}

void report_svg(struct report *r, char *svg_owned, const char *alt)
{
	struct report_block *b = add(r, RB_SVG, alt);
	b->svg = svg_owned;
}

/* ---- HTML ---- */

/* The web door's writer (web/html.c) is not reachable from render/, which
 * the command line uses without the web; this is the same five-character
 * escape for text and attribute values. */
static void esc(struct strbuf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			strbuf_addstr(out, "&amp;");
			break;
		case '<':
			strbuf_addstr(out, "&lt;");
			break;
		case '>':
			strbuf_addstr(out, "&gt;");
			break;
		case '"':
			strbuf_addstr(out, "&quot;");
			break;
		case '\'':
			strbuf_addstr(out, "&#39;");
			break;
		default:
			strbuf_addch(out, *s);
		}
	}
}

static void value_text(const struct report_block *b, size_t i, char buf[48])
{
	if (b->hidden[i])
		snprintf(buf, 48, "<5");
	else if (!strcmp(b->unit, "%"))
		snprintf(buf, 48, "%ld,%02ld %%", b->values[i] / 100, labs(b->values[i] % 100));
	else
		snprintf(buf, 48, "%ld", b->values[i]);
}

static long bars_max(const struct report_block *b)
{
	long max = 1;
	for (size_t i = 0; i < b->labels.nr; i++)
		if (!b->hidden[i] && b->values[i] > max)
			max = b->values[i];
	return max;
}

static void html_bars(const struct report_block *b, size_t idx, struct strbuf *out)
{
	size_t n = b->labels.nr;
	long max = bars_max(b);
	int h = (int)n * 22 + 8;
	strbuf_addf(out, "<figure class=\"report-chart\">\n<figcaption id=\"chart-%zu\">", idx);
	esc(out, b->text);
	strbuf_addf(
	    out,
	    "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" "
	    "height=\"%d\" viewBox=\"0 0 560 %d\" role=\"img\" aria-labelledby=\"chart-%zu\">\n",
	    h, h, idx);
	for (size_t i = 0; i < n; i++) {
		char v[48];
		value_text(b, i, v);
		int y = (int)i * 22 + 4;
		long w = b->hidden[i] ? 0 : b->values[i] * 300 / max;
		strbuf_addf(out, "<text x=\"0\" y=\"%d\" font-size=\"12\" fill=\"#1a1a1a\">",
			    y + 14);
		esc(out, b->labels.v[i]);
		strbuf_addf(out,
			    "</text><rect x=\"200\" y=\"%d\" width=\"%ld\" height=\"16\" "
			    "fill=\"#1f4e79\"/><text x=\"%ld\" y=\"%d\" font-size=\"12\" "
			    "fill=\"#1a1a1a\">",
			    y, w, 206 + w, y + 14);
		esc(out, v);
		strbuf_addstr(out, "</text>\n");
	}
	strbuf_addstr(out, "</svg>\n</figure>\n<table class=\"report-table\">\n<caption>");
	esc(out, b->text);
	strbuf_addstr(out, _(" (tal)"));
	strbuf_addstr(out, "</caption>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		char v[48];
		value_text(b, i, v);
		strbuf_addstr(out, "<tr><th scope=\"row\">");
		esc(out, b->labels.v[i]);
		strbuf_addstr(out, "</th><td>");
		esc(out, v);
		strbuf_addstr(out, "</td></tr>\n");
	}
	strbuf_addstr(out, "</tbody>\n</table>\n");
}

void report_html_body(const struct report *r, struct strbuf *out)
{
	for (size_t i = 0; i < r->nr; i++) {
		const struct report_block *b = r->v[i];
		switch (b->kind) {
		case RB_H1:
			strbuf_addstr(out, "<h2>");
			esc(out, b->text);
			strbuf_addstr(out, "</h2>\n");
			break;
		case RB_H2:
			strbuf_addstr(out, "<h3>");
			esc(out, b->text);
			strbuf_addstr(out, "</h3>\n");
			break;
		case RB_P:
			strbuf_addstr(out, "<p>");
			esc(out, b->text);
			strbuf_addstr(out, "</p>\n");
			break;
		case RB_TABLE: {
			size_t rows = b->cols ? b->cells.nr / b->cols : 0;
			strbuf_addstr(out, "<table class=\"report-table\">\n");
			for (size_t row = 0; row < rows; row++) {
				strbuf_addstr(out, row ? "<tr>" : "<thead><tr>");
				for (size_t c = 0; c < b->cols; c++) {
					const char *cell = b->cells.v[row * b->cols + c];
					strbuf_addstr(out, !row ? "<th scope=\"col\">"
							   : !c ? "<th scope=\"row\">"
								: "<td>");
					esc(out, cell);
					strbuf_addstr(out, !row || !c ? "</th>" : "</td>");
				}
				strbuf_addstr(out, row ? "</tr>\n" : "</tr></thead>\n<tbody>\n");
			}
			strbuf_addstr(out, rows ? "</tbody>\n</table>\n" : "</table>\n");
			break;
		}
		case RB_BARS:
			html_bars(b, i, out);
			break;
		case RB_ORG: {
			char *buf = NULL, *err = NULL;
			size_t len = 0;
			FILE *f = open_memstream(&buf, &len);
			int rc = f && r->org ? org_diagram_write(r->org, DIAGRAM_SVG, f, &err) : -1;
			if (f)
				fclose(f);
			free(err);
			const char *svg = rc == 0 && buf ? strstr(buf, "<svg") : NULL;
			strbuf_addstr(out,
				      "<figure class=\"report-org\" role=\"img\" aria-label=\"");
			esc(out, b->text);
			strbuf_addstr(out, "\">\n");
			if (svg)
				strbuf_addstr(out, svg);
			strbuf_addstr(out, "</figure>\n");
			free(buf);
			break;
		}
		case RB_SVG: {
			const char *svg = b->svg ? strstr(b->svg, "<svg") : NULL;
			strbuf_addstr(out,
				      "<figure class=\"report-svg\" role=\"img\" aria-label=\"");
			esc(out, b->text);
			strbuf_addstr(out, "\">\n");
			if (svg)
				strbuf_addstr(out, svg);
			strbuf_addstr(out, "</figure>\n");
			break;
		}
		}
	}
}

void report_html(const struct report *r, struct strbuf *out)
{
	strbuf_addstr(out, "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
			   "<title>");
	esc(out, r->title);
	strbuf_addstr(out,
		      "</title>\n<style>\n"
		      "body{font-family:'DejaVu Sans',sans-serif;max-width:48em;margin:2em auto;"
		      "color:#1a1a1a;line-height:1.45}\n"
		      "table{border-collapse:collapse;margin:1em 0}\n"
		      "th,td{border:1px solid #999;padding:.25em .5em;text-align:left;"
		      "vertical-align:top}\n"
		      "thead th{background:#e8eef5}\n"
		      "figure{margin:1em 0}svg{max-width:100%;height:auto}\n"
		      "@media print{h2{page-break-before:always}}\n"
		      "</style>\n</head>\n<body>\n<main>\n<h1>");
	esc(out, r->title);
	strbuf_addstr(out, "</h1>\n");
	if (r->subtitle) {
		strbuf_addstr(out, "<p>");
		esc(out, r->subtitle);
		strbuf_addstr(out, "</p>\n");
	}
	report_html_body(r, out);
	strbuf_addstr(out, "</main>\n</body>\n</html>\n");
}

/* ---- plain text ---- */

void report_text(const struct report *r, struct strbuf *out)
{
	strbuf_addf(out, "%s\n", r->title);
	if (r->subtitle)
		strbuf_addf(out, "%s\n", r->subtitle);
	for (size_t i = 0; i < r->nr; i++) {
		const struct report_block *b = r->v[i];
		switch (b->kind) {
		case RB_H1:
			strbuf_addf(out, "\n%s\n", b->text);
			for (size_t k = 0; k < strlen(b->text) && k < 72; k++)
				strbuf_addch(out, '=');
			strbuf_addch(out, '\n');
			break;
		case RB_H2:
			strbuf_addf(out, "\n%s\n", b->text);
			break;
		case RB_P:
		case RB_SVG:
		case RB_ORG:
			strbuf_addf(out, "%s\n", b->text);
			break;
		case RB_TABLE:
			for (size_t c = 0; c < b->cells.nr; c++)
				strbuf_addf(out, "%s%s", b->cells.v[c],
					    (c + 1) % b->cols ? " | " : "\n");
			break;
		case RB_BARS:
			strbuf_addf(out, "%s:\n", b->text);
			for (size_t k = 0; k < b->labels.nr; k++) {
				char v[48];
				value_text(b, k, v);
				strbuf_addf(out, "  %s: %s\n", b->labels.v[k], v);
			}
			break;
		}
	}
}

/* ---- PDF ---- */

#define PAGE_W  595.0 /* A4 in points */
#define PAGE_H  842.0
#define MARGIN  56.0
#define CONTENT (PAGE_W - 2 * MARGIN)
#define BOTTOM  (PAGE_H - MARGIN)

struct pdf {
	cairo_t *cr;
	PangoContext *pc;
	double y;
	int page;
	const struct report *r;
	FILE *out;
	bool failed;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf *p = closure;
	if (fwrite(data, 1, len, p->out) != len) {
		p->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *layout(struct pdf *p, const char *text, const char *font, double width)
{
	PangoLayout *l = pango_layout_new(p->pc);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static double height_of(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void footer(struct pdf *p)
{
	char buf[64];
	snprintf(buf, sizeof(buf), _("Side %d"), p->page);
	PangoLayout *l = layout(p, buf, "DejaVu Sans 8", CONTENT);
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	cairo_set_source_rgb(p->cr, 0.29, 0.29, 0.29);
	cairo_move_to(p->cr, MARGIN, PAGE_H - MARGIN / 2);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	PangoLayout *t = layout(p, p->r->title, "DejaVu Sans 8", CONTENT * 0.7);
	cairo_move_to(p->cr, MARGIN, PAGE_H - MARGIN / 2);
	pango_cairo_show_layout(p->cr, t);
	g_object_unref(t);
}

static void new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

/* Makes room for h points (a new page when they do not fit). */
static void room(struct pdf *p, double h)
{
	if (p->y + h > BOTTOM && p->y > MARGIN)
		new_page(p);
}

static void text_at(struct pdf *p, PangoLayout *l, double x, double y)
{
	cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
}

static void flow(struct pdf *p, const char *text, const char *font, double before, double after)
{
	PangoLayout *l = layout(p, text, font, CONTENT);
	double h = height_of(l);
	room(p, before + h);
	p->y += p->y > MARGIN ? before : 0;
	text_at(p, l, MARGIN, p->y);
	p->y += h + after;
	g_object_unref(l);
}

static void pdf_table(struct pdf *p, const struct report_block *b)
{
	size_t rows = b->cols ? b->cells.nr / b->cols : 0;
	double first = b->cols > 1 ? CONTENT * 0.4 : CONTENT;
	double rest = b->cols > 1 ? (CONTENT - first) / (double)(b->cols - 1) : 0;
	p->y += 4;
	for (size_t row = 0; row < rows; row++) {
		PangoLayout **ls = xcalloc(b->cols, sizeof(*ls));
		double h = 0;
		for (size_t c = 0; c < b->cols; c++) {
			ls[c] = layout(p, b->cells.v[row * b->cols + c],
				       row ? "DejaVu Sans 9" : "DejaVu Sans Bold 9",
				       (c ? rest : first) - 6);
			double lh = height_of(ls[c]);
			h = lh > h ? lh : h;
		}
		h += 6;
		room(p, h);
		double x = MARGIN;
		for (size_t c = 0; c < b->cols; c++) {
			double w = c ? rest : first;
			if (!row) {
				cairo_set_source_rgb(p->cr, 0.91, 0.94, 0.97);
				cairo_rectangle(p->cr, x, p->y, w, h);
				cairo_fill(p->cr);
			}
			cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
			cairo_set_line_width(p->cr, 0.5);
			cairo_rectangle(p->cr, x, p->y, w, h);
			cairo_stroke(p->cr);
			text_at(p, ls[c], x + 3, p->y + 3);
			g_object_unref(ls[c]);
			x += w;
		}
		free(ls);
		p->y += h;
	}
	p->y += 8;
}

static void pdf_bars(struct pdf *p, const struct report_block *b)
{
	flow(p, b->text, "DejaVu Sans Bold 10", 6, 4);
	long max = bars_max(b);
	double label_w = CONTENT * 0.38, bar_w = CONTENT * 0.47;
	for (size_t i = 0; i < b->labels.nr; i++) {
		PangoLayout *l = layout(p, b->labels.v[i], "DejaVu Sans 9", label_w - 6);
		double h = height_of(l);
		h = h < 14 ? 14 : h;
		room(p, h + 4);
		text_at(p, l, MARGIN, p->y);
		g_object_unref(l);
		double w = b->hidden[i] ? 0 : bar_w * (double)b->values[i] / (double)max;
		cairo_set_source_rgb(p->cr, 0.12, 0.31, 0.47);
		cairo_rectangle(p->cr, MARGIN + label_w, p->y + 1, w, 11);
		cairo_fill(p->cr);
		char v[48];
		value_text(b, i, v);
		PangoLayout *vl = layout(p, v, "DejaVu Sans 9", 80);
		text_at(p, vl, MARGIN + label_w + w + 4, p->y);
		g_object_unref(vl);
		p->y += h + 4;
	}
	p->y += 6;
}

static void pdf_org(struct pdf *p)
{
	/* the diagram on a page of its own, scaled to fit */
	if (p->y > MARGIN)
		new_page(p);
	double used = 0;
	cairo_save(p->cr);
	cairo_translate(p->cr, MARGIN, p->y);
	org_diagram_draw_fit(p->cr, p->r->org, CONTENT, BOTTOM - p->y, &used);
	cairo_restore(p->cr);
	p->y += used + 12;
}

int report_pdf(const struct report *r, FILE *out, char **err)
{
	*err = NULL;
	struct pdf p = {.r = r, .out = out, .page = 1, .y = MARGIN};
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(sink_write, &p, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, r->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "ssp");
	p.cr = cairo_create(s);
	p.pc = pango_cairo_create_context(p.cr);
	pango_cairo_context_set_resolution(p.pc, 72.0);
	pango_context_set_language(p.pc, pango_language_from_string("da"));
	flow(&p, r->title, "DejaVu Sans Bold 20", 0, 6);
	if (r->subtitle)
		flow(&p, r->subtitle, "DejaVu Sans 11", 0, 12);
	for (size_t i = 0; i < r->nr; i++) {
		const struct report_block *b = r->v[i];
		switch (b->kind) {
		case RB_H1:
			room(&p, 120); /* no heading alone at the foot of a page */
			flow(&p, b->text, "DejaVu Sans Bold 15", 14, 6);
			break;
		case RB_H2:
			room(&p, 80);
			flow(&p, b->text, "DejaVu Sans Bold 11.5", 10, 4);
			break;
		case RB_P:
			flow(&p, b->text, "DejaVu Sans 10", 2, 6);
			break;
		case RB_TABLE:
			pdf_table(&p, b);
			break;
		case RB_BARS:
			pdf_bars(&p, b);
			break;
		case RB_ORG:
			if (r->org)
				pdf_org(&p);
			break;
		case RB_SVG:
			flow(&p, b->text, "DejaVu Sans Oblique 9", 2, 6);
			break;
		}
	}
	footer(&p);
	g_object_unref(p.pc);
	cairo_status_t st = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (p.failed || st != CAIRO_STATUS_SUCCESS || fflush(out) != 0) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("PDF-filen kunne ikke skrives (%s)"),
			    p.failed ? _("skrivefejl") : cairo_status_to_string(st));
		*err = strbuf_detach(&sb);
		return -1;
	}
	return 0;
}
