/* chart.h - bar charts as inline SVG, drawn on the server through the
 * escaping HTML writer (html.h), each with the same numbers as a table
 * beside it for screen readers and for copying.
 *
 * A chart is a grid of values: x categories (years) by series (districts,
 * the national share). A missing value (not in the data) or a hidden one
 * (small-cell suppression) draws no bar; the table says which ("–" or
 * "<5"). The SVG has role="img" with a <title> and a <desc> naming what
 * it shows and pointing to the table.
 */
#ifndef SSP_WEB_CHART_H
#define SSP_WEB_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "web/html.h"

enum chart_cell { CHART_VALUE, CHART_MISSING, CHART_HIDDEN };

struct chart {
	const char *id;    /* unique on the page ([a-z0-9-]) */
	const char *title; /* translated, shown as the figure's caption */
	const char *unit;  /* "%" or "" */
	size_t nx, ns;
	const char **x;      /* nx labels */
	const char **series; /* ns names */
	double *v;           /* ns * nx, series-major: v[s * nx + x] */
	enum chart_cell *cell;
	bool decimals;       /* values are shares with a decimal comma */
	const char *x_title; /* the table's first column header; NULL: "År" */
};

/* Allocates the grid (every cell CHART_MISSING); labels are borrowed. */
void chart_init(struct chart *c, const char *id, const char *title, const char *unit,
		const char **x, size_t nx, const char **series, size_t ns);
void chart_release(struct chart *c);
void chart_set(struct chart *c, size_t s, size_t x, double v, enum chart_cell cell);

/* Writes <figure> with the SVG and the table. */
void chart_write(struct html *h, const struct chart *c);

#endif
