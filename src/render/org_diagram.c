#include "render/org_diagram.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/*
 * The diagram is built in two passes. Layout creates every pango layout from
 * one surface-independent pango context and fixes each box's position and
 * size; drawing then only places the finished layouts. Measuring and drawing
 * with the same layouts is what guarantees that text fits its box on either
 * surface, and it lets the page size be known before the surface exists
 * (a cairo SVG surface cannot be resized once created).
 *
 * All geometry is in points (1/72 inch), the unit of both surfaces.
 */

#define FONT_FAMILY "DejaVu Sans"

#define MARGIN 36.0	 /* page edge to content */
#define LABEL_W 120.0	 /* level label column inside a band */
#define BAND_PAD 16.0	 /* band edge to its label and boxes */
#define BOX_W 190.0	 /* every box has this width so rows line up */
#define BOX_PAD 8.0	 /* box edge to its text */
#define PART_GAP 4.0	 /* between the paragraphs of a box */
#define COL_GAP 22.0	 /* between boxes in a row */
#define ROW_GAP 24.0	 /* between rows; connectors run through it */
#define RADIUS 6.0	 /* box corner */
#define MAX_COLS 4	 /* boxes per row before wrapping */
#define STRIP_GAP 14.0	 /* between the last level band and the districts */
#define MIN_PAGE_W 480.0 /* keeps a tiny org from giving a sliver of a page */
#define MAX_TITLE_W 1000.0 /* a longer title wraps instead of widening the page */

enum font_role {
	FONT_TITLE,
	FONT_SUBTITLE,
	FONT_LABEL,
	FONT_BOX_TITLE,
	FONT_BOX_TEXT,
	FONT_NOTE,
	FONT__COUNT
};

static const char *const font_specs[FONT__COUNT] = {
	FONT_FAMILY " Bold 14", FONT_FAMILY " 11",	  FONT_FAMILY " Bold 11",
	FONT_FAMILY " Bold 10", FONT_FAMILY " 9.5", FONT_FAMILY " Italic 9",
};

struct rgb {
	double r, g, b;
};

/* Dark text on light fills; every text/fill pair has a contrast ratio of
 * at least 7:1 (WCAG AAA for normal text). */
static const struct rgb COL_PAGE = {1.0, 1.0, 1.0};
static const struct rgb COL_TEXT = {0.10, 0.10, 0.10};
static const struct rgb COL_LABEL = {0.11, 0.21, 0.31};
static const struct rgb COL_MUTED = {0.29, 0.29, 0.29};
static const struct rgb COL_WARN = {0.55, 0.10, 0.10};
static const struct rgb COL_BAND[2] = {{0.91, 0.94, 0.97}, {0.96, 0.97, 0.99}};
static const struct rgb COL_STRIP = {0.92, 0.96, 0.92};
static const struct rgb COL_BOX_FILL = {1.0, 1.0, 1.0};
static const struct rgb COL_BOX_EDGE = {0.23, 0.36, 0.48};
static const struct rgb COL_DISTRICT_EDGE = {0.24, 0.43, 0.28};
static const struct rgb COL_CONNECTOR = {0.35, 0.42, 0.49};

enum { PART_TITLE, PART_TEXT, PART_NOTE, PART__COUNT };

struct box {
	double x, y, w, h;
	double channel_y; /* free horizontal lane above the box's row */
	bool placed;
	PangoLayout *part[PART__COUNT]; /* drawn top to bottom; NULL = absent */
};

struct band {
	double y, h;
	const struct rgb *fill;
	PangoLayout *label;
	PangoLayout *empty; /* shown when the band has no boxes, else NULL */
};

#define BANDS_NR (LEVEL__COUNT + 1) /* the levels, then the district strip */

struct diagram {
	PangoContext *pc;
	PangoFontDescription *font[FONT__COUNT];
	double page_w, page_h;
	double grid_x, grid_w; /* where rows of boxes are centred */
	PangoLayout *title, *subtitle;
	struct band band[BANDS_NR];
	bool has_strip;
	struct box *bodies;    /* indexed like o->bodies */
	struct box *districts; /* indexed like o->districts */
	size_t bodies_nr, districts_nr;
};

static double to_pt(int pango_units)
{
	return (double)pango_units / PANGO_SCALE;
}

static int to_pango(double pt)
{
	return (int)(pt * PANGO_SCALE + 0.5);
}

static bool is_blank(const char *s)
{
	return !s || !*s;
}

/* Pango warns on stderr and mangles invalid UTF-8; strings from a store or
 * an upload are not guaranteed valid, so repair them here. */
static void layout_set_text(PangoLayout *l, const char *s)
{
	if (g_utf8_validate(s, -1, NULL)) {
		pango_layout_set_text(l, s, -1);
		return;
	}
	gchar *ok = g_utf8_make_valid(s, -1);
	pango_layout_set_text(l, ok, -1);
	g_free(ok);
}

/* A wrapping layout of the given width in points (width <= 0: no wrapping).
 * The caller owns the result (g_object_unref). */
static PangoLayout *make_layout(struct diagram *d, enum font_role role, const char *text,
				double width)
{
	PangoLayout *l = pango_layout_new(d->pc);
	pango_layout_set_font_description(l, d->font[role]);
	if (width > 0) {
		pango_layout_set_width(l, to_pango(width));
		/* WORD_CHAR: long Danish compounds break instead of overflowing. */
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	layout_set_text(l, text);
	return l;
}

static double layout_w(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return to_pt(w);
}

static double layout_h(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return to_pt(h);
}

static void diagram_init(struct diagram *d, const struct org *o)
{
	memset(d, 0, sizeof(*d));
	d->pc = pango_font_map_create_context(pango_cairo_font_map_get_default());
	/* 72 dpi makes a font's point size equal to user-space units. */
	pango_cairo_context_set_resolution(d->pc, 72.0);
	/* Vector output: no hinting, and unrounded glyph positions (rounding
	 * to whole "pixels" would be whole points here and ruin the spacing). */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(d->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(d->pc, FALSE);
	pango_context_set_language(d->pc, pango_language_from_string("da"));
	for (int i = 0; i < FONT__COUNT; i++)
		d->font[i] = pango_font_description_from_string(font_specs[i]);

	d->bodies_nr = o->bodies_nr;
	d->districts_nr = o->districts_nr;
	d->bodies = xcalloc(o->bodies_nr, sizeof(*d->bodies));
	d->districts = xcalloc(o->districts_nr, sizeof(*d->districts));
}

static void unref_layout(PangoLayout **l)
{
	if (*l)
		g_object_unref(*l);
	*l = NULL;
}

static void box_release(struct box *b)
{
	for (int i = 0; i < PART__COUNT; i++)
		unref_layout(&b->part[i]);
}

static void diagram_release(struct diagram *d)
{
	for (size_t i = 0; i < d->bodies_nr; i++)
		box_release(&d->bodies[i]);
	for (size_t i = 0; i < d->districts_nr; i++)
		box_release(&d->districts[i]);
	free(d->bodies);
	free(d->districts);
	for (int i = 0; i < BANDS_NR; i++) {
		unref_layout(&d->band[i].label);
		unref_layout(&d->band[i].empty);
	}
	unref_layout(&d->title);
	unref_layout(&d->subtitle);
	for (int i = 0; i < FONT__COUNT; i++)
		if (d->font[i])
			pango_font_description_free(d->font[i]);
	if (d->pc)
		g_object_unref(d->pc);
	memset(d, 0, sizeof(*d));
}

/* ---- content of the boxes ---------------------------------------------- */

static void fill_body_box(struct diagram *d, struct box *b, const struct org_body *body)
{
	double tw = BOX_W - 2 * BOX_PAD;
	const char *name = !is_blank(body->name) ? body->name : body->id ? body->id : "?";
	b->part[PART_TITLE] = make_layout(d, FONT_BOX_TITLE, name, tw);

	struct strbuf sb = STRBUF_INIT;
	if (!is_blank(body->responsible))
		strbuf_addf(&sb, _("Ansvarlig: %s"), body->responsible);
	if (!is_blank(body->frequency_text)) {
		if (sb.len)
			strbuf_addch(&sb, '\n');
		strbuf_addf(&sb, _("Mødefrekvens: %s"), body->frequency_text);
	}
	if (sb.len)
		b->part[PART_TEXT] = make_layout(d, FONT_BOX_TEXT, sb.buf, tw);
	strbuf_release(&sb);

	if (!body->named_individuals)
		b->part[PART_NOTE] =
			make_layout(d, FONT_NOTE, _("Ingen navngivne personer"), tw);
}

static void fill_district_box(struct diagram *d, struct box *b, const struct org *o,
			      const struct org_district *dist)
{
	double tw = BOX_W - 2 * BOX_PAD;
	const char *name = !is_blank(dist->name) ? dist->name : dist->id ? dist->id : "?";
	b->part[PART_TITLE] = make_layout(d, FONT_BOX_TITLE, name, tw);

	static const char bullet[] = "\u2022 ";
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < o->institutions_nr; i++) {
		const struct org_institution *in = &o->institutions[i];
		if (!in->district || !dist->id || strcmp(in->district, dist->id))
			continue;
		const char *iname = !is_blank(in->name) ? in->name : in->id ? in->id : "?";
		if (sb.len)
			strbuf_addch(&sb, '\n');
		strbuf_addstr(&sb, bullet);
		if (in->example)
			strbuf_addf(&sb, _("%s (eksempel)"), iname);
		else
			strbuf_addstr(&sb, iname);
	}
	if (sb.len) {
		PangoLayout *l = make_layout(d, FONT_BOX_TEXT, sb.buf, tw);
		/* Hanging indent: wrapped lines start under the name, not the bullet. */
		PangoLayout *probe = make_layout(d, FONT_BOX_TEXT, bullet, 0);
		int bw, bh;
		pango_layout_get_size(probe, &bw, &bh);
		g_object_unref(probe);
		pango_layout_set_indent(l, -bw);
		b->part[PART_TEXT] = l;
	} else {
		b->part[PART_NOTE] = make_layout(d, FONT_NOTE, _("Ingen institutioner"), tw);
	}
	strbuf_release(&sb);
}

static double box_content_h(const struct box *b)
{
	double h = 0;
	int n = 0;
	for (int i = 0; i < PART__COUNT; i++) {
		if (!b->part[i])
			continue;
		h += layout_h(b->part[i]);
		n++;
	}
	return 2 * BOX_PAD + h + (n > 1 ? (n - 1) * PART_GAP : 0);
}

/* ---- layout -------------------------------------------------------------- */

static size_t min_sz(size_t a, size_t b)
{
	return a < b ? a : b;
}

static size_t max_sz(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* Places the boxes boxes[idx[0..n)] in rows from y on: rows are balanced
 * (5 boxes give 3 + 2, not 4 + 1), centred, and every box in a row gets the
 * row's height so bottom edges, and so connectors, line up.
 * Returns the height used. */
static double place_rows(struct diagram *d, struct box *boxes, const size_t *idx, size_t n,
			 double y)
{
	if (!n)
		return 0;
	size_t rows = (n + MAX_COLS - 1) / MAX_COLS;
	size_t per_row = (n + rows - 1) / rows;
	double top = y;
	for (size_t start = 0; start < n; start += per_row) {
		size_t k = min_sz(per_row, n - start);
		double row_w = (double)k * BOX_W + (double)(k - 1) * COL_GAP;
		double x = d->grid_x + (d->grid_w - row_w) / 2;
		double row_h = 0;
		for (size_t j = 0; j < k; j++) {
			double h = box_content_h(&boxes[idx[start + j]]);
			if (h > row_h)
				row_h = h;
		}
		/* The first row's lane lies in the band's top padding. */
		double lane = start == 0 ? y - BAND_PAD / 2 : y - ROW_GAP / 2;
		for (size_t j = 0; j < k; j++) {
			struct box *b = &boxes[idx[start + j]];
			b->x = x + (double)j * (BOX_W + COL_GAP);
			b->y = y;
			b->w = BOX_W;
			b->h = row_h;
			b->channel_y = lane;
			b->placed = true;
		}
		y += row_h + ROW_GAP;
	}
	return y - ROW_GAP - top;
}

/* Lays out one band from y: label on the left, boxes (or the empty note) in
 * the grid. Returns the band's height. */
static double layout_band(struct diagram *d, struct band *band, struct box *boxes,
			  const size_t *idx, size_t n, double y)
{
	band->y = y;
	double content = place_rows(d, boxes, idx, n, y + BAND_PAD);
	if (!n && band->empty)
		content = layout_h(band->empty);
	double label_h = layout_h(band->label);
	if (label_h > content)
		content = label_h;
	band->h = content + 2 * BAND_PAD;
	return band->h;
}

static void layout_diagram(struct diagram *d, const struct org *o)
{
	/* Boxes first: their count decides the grid width. */
	size_t per_level[LEVEL__COUNT] = {0};
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		if (b->level >= LEVEL__COUNT)
			continue; /* not a level we can draw; the parser never makes one */
		fill_body_box(d, &d->bodies[i], b);
		per_level[b->level]++;
	}
	for (size_t i = 0; i < o->districts_nr; i++)
		fill_district_box(d, &d->districts[i], o, &o->districts[i]);
	d->has_strip = o->districts_nr > 0;

	size_t cols = min_sz(o->districts_nr, MAX_COLS);
	for (int l = 0; l < LEVEL__COUNT; l++)
		cols = max_sz(cols, min_sz(per_level[l], MAX_COLS));
	cols = max_sz(cols, 1);
	double grid_w = (double)cols * BOX_W + (double)(cols - 1) * COL_GAP;
	double left = MARGIN + BAND_PAD + LABEL_W + BAND_PAD; /* grid's left edge */
	double page_w = left + grid_w + BAND_PAD + MARGIN;

	struct strbuf sb = STRBUF_INIT;
	if (!is_blank(o->municipality))
		strbuf_addf(&sb, _("Organisering af SSP-samarbejdet i %s"), o->municipality);
	else
		strbuf_addstr(&sb, _("Organisering af SSP-samarbejdet"));
	d->title = make_layout(d, FONT_TITLE, sb.buf, 0);
	strbuf_reset(&sb);
	if (!is_blank(o->police_district)) {
		strbuf_addf(&sb, _("Politikreds: %s"), o->police_district);
		d->subtitle = make_layout(d, FONT_SUBTITLE, sb.buf, 0);
	}
	strbuf_release(&sb);

	/* Widen the page for the title up to a limit, then let it wrap. */
	double want = layout_w(d->title);
	if (d->subtitle && layout_w(d->subtitle) > want)
		want = layout_w(d->subtitle);
	want += 2 * MARGIN;
	if (want > MAX_TITLE_W)
		want = MAX_TITLE_W;
	if (want > page_w)
		page_w = want;
	if (page_w < MIN_PAGE_W)
		page_w = MIN_PAGE_W;
	d->page_w = page_w;
	d->grid_x = left;
	d->grid_w = page_w - MARGIN - BAND_PAD - left;

	double text_w = page_w - 2 * MARGIN;
	PangoLayout *heads[2] = {d->title, d->subtitle};
	for (int i = 0; i < 2; i++) {
		if (!heads[i])
			continue;
		pango_layout_set_width(heads[i], to_pango(text_w));
		pango_layout_set_wrap(heads[i], PANGO_WRAP_WORD_CHAR);
		pango_layout_set_alignment(heads[i], PANGO_ALIGN_CENTER);
	}

	double y = MARGIN + layout_h(d->title);
	if (d->subtitle)
		y += 4 + layout_h(d->subtitle);
	y += 18;

	size_t *idx = xcalloc(max_sz(o->bodies_nr, o->districts_nr), sizeof(*idx));
	for (int l = 0; l < LEVEL__COUNT; l++) {
		struct band *band = &d->band[l];
		band->fill = &COL_BAND[l % 2];
		band->label = make_layout(d, FONT_LABEL, org_level_label((enum org_level)l),
					  LABEL_W);
		size_t n = 0;
		for (size_t i = 0; i < o->bodies_nr; i++)
			if (o->bodies[i].level == (enum org_level)l)
				idx[n++] = i;
		if (!n)
			band->empty = make_layout(d, FONT_NOTE, _("Ingen organer på dette niveau"),
						  d->grid_w);
		y += layout_band(d, band, d->bodies, idx, n, y);
	}
	if (d->has_strip) {
		struct band *band = &d->band[LEVEL__COUNT];
		y += STRIP_GAP;
		band->fill = &COL_STRIP;
		band->label = make_layout(d, FONT_LABEL, _("Distrikter"), LABEL_W);
		for (size_t i = 0; i < o->districts_nr; i++)
			idx[i] = i;
		y += layout_band(d, band, d->districts, idx, o->districts_nr, y);
	}
	free(idx);
	d->page_h = y + MARGIN;
}

/* ---- drawing ------------------------------------------------------------- */

static void set_rgb(cairo_t *cr, const struct rgb *c)
{
	cairo_set_source_rgb(cr, c->r, c->g, c->b);
}

static void show_layout_at(cairo_t *cr, PangoLayout *l, double x, double y,
			   const struct rgb *c)
{
	set_rgb(cr, c);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

static void rounded_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
	const double deg = G_PI / 180.0;
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -90 * deg, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, 90 * deg);
	cairo_arc(cr, x + r, y + h - r, r, 90 * deg, 180 * deg);
	cairo_arc(cr, x + r, y + r, r, 180 * deg, 270 * deg);
	cairo_close_path(cr);
}

static void draw_band(cairo_t *cr, const struct diagram *d, const struct band *band)
{
	set_rgb(cr, band->fill);
	cairo_rectangle(cr, MARGIN, band->y, d->page_w - 2 * MARGIN, band->h);
	cairo_fill(cr);
	/* The label is centred vertically in the band. */
	double lh = layout_h(band->label);
	show_layout_at(cr, band->label, MARGIN + BAND_PAD, band->y + (band->h - lh) / 2,
		       &COL_LABEL);
	if (band->empty)
		show_layout_at(cr, band->empty, d->grid_x, band->y + BAND_PAD, &COL_MUTED);
}

static void draw_box(cairo_t *cr, const struct box *b, const struct rgb *edge)
{
	rounded_rect(cr, b->x, b->y, b->w, b->h, RADIUS);
	set_rgb(cr, &COL_BOX_FILL);
	cairo_fill_preserve(cr);
	set_rgb(cr, edge);
	cairo_set_line_width(cr, 1.2);
	cairo_stroke(cr);

	static const struct rgb *const part_colour[PART__COUNT] = {&COL_TEXT, &COL_TEXT,
								  &COL_WARN};
	double y = b->y + BOX_PAD;
	for (int i = 0; i < PART__COUNT; i++) {
		if (!b->part[i])
			continue;
		show_layout_at(cr, b->part[i], b->x + BOX_PAD, y, part_colour[i]);
		y += layout_h(b->part[i]) + PART_GAP;
	}
}

/* Joins two boxes. Between rows the line leaves the upper box at its bottom
 * centre, runs in the free lane above the lower box's row and drops onto the
 * lower box's top centre, so siblings share one horizontal bar. Boxes in the
 * same row are joined side to side. Lines are drawn before the boxes, so one
 * that passes a box in between runs behind it rather than over its text. */
static void draw_connector(cairo_t *cr, const struct box *a, const struct box *b)
{
	const struct box *up = a->y <= b->y ? a : b;
	const struct box *down = up == a ? b : a;
	double ux = up->x + up->w / 2, dx = down->x + down->w / 2;
	if (up->y + up->h < down->channel_y) {
		cairo_move_to(cr, ux, up->y + up->h);
		cairo_line_to(cr, ux, down->channel_y);
		cairo_line_to(cr, dx, down->channel_y);
		cairo_line_to(cr, dx, down->y);
	} else {
		const struct box *left = a->x <= b->x ? a : b;
		const struct box *right = left == a ? b : a;
		double y = left->y + left->h / 2;
		cairo_move_to(cr, left->x + left->w, y);
		cairo_line_to(cr, right->x, y);
	}
	cairo_stroke(cr);
}

static void draw_diagram(cairo_t *cr, const struct diagram *d, const struct org *o)
{
	set_rgb(cr, &COL_PAGE);
	cairo_paint(cr);

	show_layout_at(cr, d->title, MARGIN, MARGIN, &COL_TEXT);
	if (d->subtitle)
		show_layout_at(cr, d->subtitle, MARGIN, MARGIN + layout_h(d->title) + 4,
			       &COL_MUTED);

	for (int i = 0; i < LEVEL__COUNT; i++)
		draw_band(cr, d, &d->band[i]);
	if (d->has_strip)
		draw_band(cr, d, &d->band[LEVEL__COUNT]);

	set_rgb(cr, &COL_CONNECTOR);
	cairo_set_line_width(cr, 1.5);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *child = &o->bodies[i];
		if (!child->parent || !d->bodies[i].placed)
			continue;
		const struct org_body *parent = org_find_body(o, child->parent);
		if (!parent || parent == child)
			continue;
		const struct box *pb = &d->bodies[parent - o->bodies];
		if (pb->placed)
			draw_connector(cr, pb, &d->bodies[i]);
	}

	for (size_t i = 0; i < d->bodies_nr; i++)
		if (d->bodies[i].placed)
			draw_box(cr, &d->bodies[i], &COL_BOX_EDGE);
	for (size_t i = 0; i < d->districts_nr; i++)
		if (d->districts[i].placed)
			draw_box(cr, &d->districts[i], &COL_DISTRICT_EDGE);
}

/* ---- output -------------------------------------------------------------- */

struct sink {
	FILE *out;
	bool failed; /* tells a write error from other cairo failures */
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct sink *s = closure;
	if (fwrite(data, 1, length, s->out) != length) {
		s->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static char *cairo_error(const struct sink *s, cairo_status_t st)
{
	struct strbuf sb = STRBUF_INIT;
	if (s->failed || st == CAIRO_STATUS_WRITE_ERROR)
		strbuf_addstr(&sb, _("diagrammet kunne ikke skrives: skrivefejl i uddata"));
	else
		strbuf_addf(&sb, _("diagrammet kunne ikke tegnes (cairo: %s)"),
			    cairo_status_to_string(st));
	return strbuf_detach(&sb);
}

int org_diagram_write(const struct org *o, enum diagram_format fmt, FILE *out, char **err)
{
	*err = NULL;
	if (fmt != DIAGRAM_SVG && fmt != DIAGRAM_PDF) {
		*err = xstrdup(_("ukendt format til organisationsdiagrammet"));
		return -1;
	}

	struct diagram d;
	diagram_init(&d, o);
	layout_diagram(&d, o);

	struct sink sink = {out, false};
	cairo_surface_t *surface;
	if (fmt == DIAGRAM_PDF) {
		surface = cairo_pdf_surface_create_for_stream(sink_write, &sink, d.page_w,
							      d.page_h);
		const char *title = pango_layout_get_text(d.title);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ssp");
	} else {
		surface = cairo_svg_surface_create_for_stream(sink_write, &sink, d.page_w,
							      d.page_h);
	}
	/* A surface in an error state ignores drawing, so checking once at
	 * the end catches a failure at any step. */
	cairo_t *cr = cairo_create(surface);
	draw_diagram(cr, &d, o);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface); /* writes the rest of the document */
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	diagram_release(&d);

	if (st != CAIRO_STATUS_SUCCESS) {
		*err = cairo_error(&sink, st);
		return -1;
	}
	if (fflush(out) != 0 || ferror(out)) {
		*err = xstrdup(_("diagrammet kunne ikke skrives: skrivefejl i uddata"));
		return -1;
	}
	return 0;
}

void org_diagram_shutdown(void)
{
	/* Order matters: FcFini() before cairo's reset trips a cairo assertion
	 * (toolchain.md, trap 6). */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}
