/* chart.c - bar charts as inline SVG (chart.h). Written by hand through
 * the escaping writer rather than with cairo: cairo's SVG surface turns
 * text into glyph outlines, and a chart's labels must stay text a screen
 * reader, a search and a test can read. */
#include "web/chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/figures.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define W      640
#define H      300
#define LEFT   56
#define RIGHT  12
#define TOP    16
#define BOTTOM 40

/* Colours with at least 3:1 contrast against white (WCAG 1.4.11). */
static const char *const palette[] = {"#0059b3", "#b34700", "#00734d", "#8a2d9e",
				      "#a3203a", "#4d5a00", "#005f73", "#5c4033"};

void chart_init(struct chart *c, const char *id, const char *title, const char *unit,
		const char **x, size_t nx, const char **series, size_t ns)
{
	memset(c, 0, sizeof(*c));
	c->id = id;
	c->title = title;
	c->unit = unit;
	c->x = x;
	c->nx = nx;
	c->series = series;
	c->ns = ns;
	c->v = xcalloc(nx * ns + 1, sizeof(*c->v));
	c->cell = xcalloc(nx * ns + 1, sizeof(*c->cell));
	for (size_t i = 0; i < nx * ns; i++)
		c->cell[i] = CHART_MISSING;
}

void chart_release(struct chart *c)
{
	free(c->v);
	free(c->cell);
	memset(c, 0, sizeof(*c));
}

void chart_set(struct chart *c, size_t s, size_t x, double v, enum chart_cell cell)
{
	c->v[s * c->nx + x] = v;
	c->cell[s * c->nx + x] = cell;
}

static long round_l(double v)
{
	return v < 0 ? -(long)(-v + 0.5) : (long)(v + 0.5);
}

/* A round step for about five grid lines up to max. */
static double nice_step(double max)
{
	if (max <= 0)
		return 1;
	/* no libm: the magnitude by repeated scaling */
	double raw = max / 5, mag = 1;
	while (mag * 10 <= raw)
		mag *= 10;
	while (mag > raw)
		mag /= 10;
	double f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static void number(char *buf, size_t n, double v, bool decimals)
{
	if (decimals) {
		char tmp[16];
		figure_format_share((int)round_l(v * 100), tmp);
		snprintf(buf, n, "%s", tmp);
	} else {
		snprintf(buf, n, "%.0f", v);
	}
}

static void cell_text(const struct chart *c, size_t s, size_t x, char *buf, size_t n)
{
	enum chart_cell k = c->cell[s * c->nx + x];
	if (k == CHART_HIDDEN)
		snprintf(buf, n, "%s", FIG_SUPPRESSED);
	else if (k == CHART_MISSING)
		snprintf(buf, n, "–");
	else
		number(buf, n, c->v[s * c->nx + x], c->decimals);
}

static void svg(struct html *h, const struct chart *c)
{
	double max = 0;
	for (size_t i = 0; i < c->nx * c->ns; i++)
		if (c->cell[i] == CHART_VALUE && c->v[i] > max)
			max = c->v[i];
	double step = nice_step(max), top = step;
	while (top < max)
		top += step;
	if (top <= 0)
		top = step;
	int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
	html_printf(h,
		    "<svg class=\"app-chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
		    "aria-labelledby=\"%s-title %s-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
		    "<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n",
		    W, H + 20 * (int)((c->ns + 3) / 4), c->id, c->id, c->id, c->title, c->id,
		    _("Søjlediagram. Tallene står i tabellen under diagrammet."));
	/* grid and y labels */
	for (double y = 0; y <= top + step / 2; y += step) {
		int py = TOP + ph - (int)round_l(y / top * ph);
		char lab[32];
		number(lab, sizeof(lab), y, c->decimals && step < 1);
		html_printf(
		    h,
		    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"app-chart-grid\"/>"
		    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"app-chart-label\">"
		    "%s%s</text>\n",
		    LEFT, py, W - RIGHT, py, LEFT - 6, py + 4, lab, c->unit);
	}
	/* bars, grouped by x */
	double gw = (double)pw / (double)(c->nx ? c->nx : 1);
	double bw = gw * 0.8 / (double)(c->ns ? c->ns : 1);
	for (size_t x = 0; x < c->nx; x++) {
		double gx = LEFT + gw * (double)x + gw * 0.1;
		for (size_t s = 0; s < c->ns; s++) {
			if (c->cell[s * c->nx + x] != CHART_VALUE)
				continue;
			double v = c->v[s * c->nx + x];
			int bh = (int)round_l(v / top * ph);
			char val[32];
			cell_text(c, s, x, val, sizeof(val));
			html_printf(
			    h,
			    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
			    "<title>%s, %s: %s%s</title></rect>\n",
			    (int)round_l(gx + bw * (double)s), TOP + ph - bh,
			    (int)round_l(bw > 2 ? bw - 1 : bw), bh,
			    palette[s % (sizeof(palette) / sizeof(*palette))], c->series[s],
			    c->x[x], val, c->unit);
		}
		html_printf(h,
			    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
			    "class=\"app-chart-label\">%s</text>\n",
			    (int)round_l(LEFT + gw * (double)x + gw / 2), TOP + ph + 18, c->x[x]);
	}
	html_printf(h, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"app-chart-axis\"/>\n",
		    LEFT, TOP + ph, W - RIGHT, TOP + ph);
	/* legend, four to a row */
	for (size_t s = 0; s < c->ns; s++) {
		int lx = LEFT + (int)(s % 4) * 150, ly = H - 4 + 20 * (int)(s / 4);
		html_printf(h,
			    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
			    "<text x=\"%d\" y=\"%d\" class=\"app-chart-label\">%s</text>\n",
			    lx, ly - 10, palette[s % (sizeof(palette) / sizeof(*palette))], lx + 16,
			    ly, c->series[s]);
	}
	html_printf(h, "</svg>\n");
}

static void table(struct html *h, const struct chart *c)
{
	html_printf(h,
		    /* a wide table scrolls: the region takes the keyboard's focus
		     * so it can be scrolled without a mouse (WCAG 2.1.1) */
		    "<div class=\"table--responsive-scroll\" tabindex=\"0\" role=\"region\" "
		    "aria-label=\"%s\">\n"
		    "<table class=\"table table--compact app-chart-table\" id=\"%s-table\">\n"
		    "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>",
		    c->title, c->id, c->title, c->x_title ? c->x_title : _("År"));
	for (size_t s = 0; s < c->ns; s++)
		html_printf(h, "<th scope=\"col\" class=\"app-num\">%s</th>", c->series[s]);
	html_printf(h, "</tr></thead>\n<tbody>\n");
	for (size_t x = 0; x < c->nx; x++) {
		html_printf(h, "<tr><th scope=\"row\">%s</th>", c->x[x]);
		for (size_t s = 0; s < c->ns; s++) {
			char val[32];
			cell_text(c, s, x, val, sizeof(val));
			html_printf(h, "<td class=\"app-num\">%s</td>", val);
		}
		html_printf(h, "</tr>\n");
	}
	html_printf(h, "</tbody>\n</table>\n</div>\n");
}

void chart_write(struct html *h, const struct chart *c)
{
	html_printf(h, "<figure class=\"app-figure\" id=\"%s\">\n<figcaption>%s</figcaption>\n",
		    c->id, c->title);
	svg(h, c);
	table(h, c);
	html_printf(h, "</figure>\n");
}
