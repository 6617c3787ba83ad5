#include "render/org_diagram.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/*
 * The diagram is built in two passes. Layout creates every pango layout from
 * one surface-independent pango context, fixes each box's position and size
 * and routes the connectors; drawing then only places finished layouts and
 * lines. Measuring and drawing with the same layouts is what guarantees that
 * text fits its box on either surface, and it lets the page size be known
 * before the surface exists (a cairo SVG surface cannot be resized).
 *
 * All geometry is in points (1/72 inch), the unit of both surfaces.
 */

#define FONT_FAMILY "DejaVu Sans"

#define MARGIN      36.0   /* page edge to content */
#define LABEL_W     120.0  /* level label column inside a band */
#define BAND_PAD    16.0   /* band edge to its label and boxes */
#define BOX_W       190.0  /* every box has this width so rows line up */
#define BOX_PAD     8.0    /* box edge to its text */
#define PART_GAP    4.0    /* between the paragraphs of a box */
#define COL_GAP     22.0   /* between boxes in a row */
#define ROW_GAP     24.0   /* between rows of a band */
#define LANE_STEP   7.0    /* between parallel connector lanes in a gap */
#define RADIUS      6.0    /* box corner */
#define MAX_COLS    4      /* boxes per row before wrapping */
#define STRIP_GAP   14.0   /* between the last level band and the districts */
#define MIN_PAGE_W  480.0  /* keeps a tiny org from giving a sliver of a page */
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
    FONT_FAMILY " Bold 14", FONT_FAMILY " 11",  FONT_FAMILY " Bold 11",
    FONT_FAMILY " Bold 10", FONT_FAMILY " 9.5", FONT_FAMILY " Italic 9",
};

struct rgb {
	double r, g, b;
};

/* Dark text on light fills: every text colour has a contrast ratio of at
 * least 7:1 (WCAG AAA) against every fill it is drawn on. */
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
	size_t row, col; /* bodies: index into diagram.rows; position in the row */
	bool placed;
	PangoLayout *part[PART__COUNT]; /* drawn top to bottom; NULL = absent */
};

/* One row of body boxes. Rows are numbered top to bottom across all level
 * bands; "gap g" is the space below row g, where connectors leaving it run. */
struct row {
	double top, bottom;
	int band;
};

struct band {
	double y, h;
	const struct rgb *fill;
	PangoLayout *label;
	PangoLayout *empty; /* under the label when the band has no boxes */
};

/* the levels (the strategy's own, issue 11), then the district strip at
 * band d->levels_nr */
#define BANDS_NR (ORG_LEVELS_MAX + 1)

/*
 * Connectors are orthogonal and never pass behind a box or over text:
 *
 *  - A box with links to lower rows drops a "trunk" from its bottom centre
 *    into a horizontal bar in the gap below its row; each linked box in the
 *    next row hangs from that bar by a "drop" onto its top centre, so
 *    siblings share one bar.
 *  - Links that skip rows leave the bar for a vertical "corridor" through a
 *    column gap that is free in every row passed (or just outside the grid,
 *    which always is), and enter a bar in the gap above the linked box.
 *  - Boxes side by side in a row are joined by a short horizontal line;
 *    boxes further apart in a row by a bracket in the gap below the row.
 *
 * Every bar has its own lane (height) in its gap, ordered to cross few
 * other lines, and a gap grows when its lanes need more room. So lines of
 * different owners may cross but never run on top of each other, and a dot
 * marks each junction (three or more line ends meeting); a crossing has none.
 * A parent drawn below its child is linked the same way, upper box first.
 */

enum link_kind { LINK_SIDE, LINK_BRACKET, LINK_TREE };

struct link {
	size_t up, down; /* body indices: the higher row, or in one row the left box */
	enum link_kind kind;
	size_t bar;    /* LINK_BRACKET, LINK_TREE: the bar it hangs from */
	double drop_x; /* LINK_TREE: where it meets the lower box */
};

struct trunk {
	size_t up;       /* body index of the box the trunk leaves */
	size_t exit_bar; /* bar in the gap right below that box's row */
	bool has_corridor;
	double corridor_x;
};

struct bar_point {
	double x;
	bool up; /* the vertical line at x leaves the bar upwards */
};

#define NO_OWNER ((size_t)-1)

struct bar {
	size_t gap;   /* index of the row above the gap */
	size_t owner; /* body index of the trunk's box; NO_OWNER for a bracket */
	double y, x0, x1;
	struct bar_point *pt;
	size_t pt_nr, pt_alloc;
};

struct routes {
	struct link *links;
	size_t links_nr, links_alloc;
	struct trunk *trunks;
	size_t trunks_nr, trunks_alloc;
	struct bar *bars;
	size_t bars_nr, bars_alloc;
};

struct diagram {
	PangoContext *pc;
	PangoFontDescription *font[FONT__COUNT];
	double page_w, page_h;
	double grid_x, grid_w; /* where rows of boxes are centred */
	PangoLayout *title, *subtitle;
	struct band band[BANDS_NR];
	int levels_nr; /* org_levels_nr: the level bands; the strip follows */
	bool has_strip;
	struct box *bodies;    /* indexed like o->bodies */
	struct box *districts; /* indexed like o->districts */
	size_t bodies_nr, districts_nr;
	struct row *rows; /* body rows only; districts have no connectors */
	size_t rows_nr, rows_alloc;
	struct routes routes;
};

/* ---- small helpers ------------------------------------------------------- */

static double to_pt(int pango_units)
{
	return (double)pango_units / PANGO_SCALE;
}

static int to_pango(double pt)
{
	return (int)(pt * PANGO_SCALE + 0.5);
}

/* Absolute value; spares a libm dependency for one function. */
static double dist(double v)
{
	return v < 0 ? -v : v;
}

static size_t min_sz(size_t a, size_t b)
{
	return a < b ? a : b;
}

static size_t max_sz(size_t a, size_t b)
{
	return a > b ? a : b;
}

static bool is_blank(const char *s)
{
	return !s || !*s;
}

static double box_cx(const struct box *b)
{
	return b->x + b->w / 2;
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

/* ---- setup and teardown -------------------------------------------------- */

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

static void routes_release(struct routes *r)
{
	for (size_t i = 0; i < r->bars_nr; i++)
		free(r->bars[i].pt);
	free(r->bars);
	free(r->trunks);
	free(r->links);
	memset(r, 0, sizeof(*r));
}

static void diagram_release(struct diagram *d)
{
	for (size_t i = 0; i < d->bodies_nr; i++)
		box_release(&d->bodies[i]);
	for (size_t i = 0; i < d->districts_nr; i++)
		box_release(&d->districts[i]);
	free(d->bodies);
	free(d->districts);
	free(d->rows);
	routes_release(&d->routes);
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

/* ---- content of the boxes ------------------------------------------------ */

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
		b->part[PART_NOTE] = make_layout(d, FONT_NOTE, _("Ingen navngivne personer"), tw);
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

/* ---- placing boxes ------------------------------------------------------- */

/* Places the boxes boxes[idx[0..n)] in rows from y on: rows are balanced
 * (5 boxes give 3 + 2, not 4 + 1), centred, and every box in a row gets the
 * row's height so bottom edges, and so connectors, line up. With band >= 0
 * (level bands) the rows are recorded in d->rows for the connectors.
 * Returns the height used. */
static double place_rows(struct diagram *d, struct box *boxes, const size_t *idx, size_t n,
			 double y, int band)
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
		for (size_t j = 0; j < k; j++) {
			struct box *b = &boxes[idx[start + j]];
			b->x = x + (double)j * (BOX_W + COL_GAP);
			b->y = y;
			b->w = BOX_W;
			b->h = row_h;
			b->row = band >= 0 ? d->rows_nr : 0;
			b->col = j;
			b->placed = true;
		}
		if (band >= 0) {
			ALLOC_GROW(d->rows, d->rows_nr + 1, d->rows_alloc);
			d->rows[d->rows_nr++] = (struct row){y, y + row_h, band};
		}
		y += row_h + ROW_GAP;
	}
	return y - ROW_GAP - top;
}

/* Height of the label column: the label, and under it the empty note.
 * The note sits there rather than in the grid so that connectors passing
 * through an empty band never cross text. */
static double label_block_h(const struct band *band)
{
	double h = layout_h(band->label);
	if (band->empty)
		h += PART_GAP + layout_h(band->empty);
	return h;
}

/* Lays out band number band_nr from y. Returns the band's height. */
static double layout_band(struct diagram *d, int band_nr, struct box *boxes, const size_t *idx,
			  size_t n, double y)
{
	struct band *band = &d->band[band_nr];
	band->y = y;
	int rec = band_nr < d->levels_nr ? band_nr : -1;
	double content = place_rows(d, boxes, idx, n, y + BAND_PAD, rec);
	double label_h = label_block_h(band);
	if (label_h > content)
		content = label_h;
	band->h = content + 2 * BAND_PAD;
	return band->h;
}

/* Makes room: moves everything from y down by extra, and stretches the
 * band that y falls in. */
static void shift_down(struct diagram *d, double y, double extra)
{
	for (size_t i = 0; i < d->bodies_nr; i++)
		if (d->bodies[i].placed && d->bodies[i].y >= y)
			d->bodies[i].y += extra;
	for (size_t i = 0; i < d->districts_nr; i++)
		if (d->districts[i].placed && d->districts[i].y >= y)
			d->districts[i].y += extra;
	for (size_t i = 0; i < d->rows_nr; i++) {
		if (d->rows[i].top >= y) {
			d->rows[i].top += extra;
			d->rows[i].bottom += extra;
		}
	}
	for (int i = 0; i < BANDS_NR; i++) {
		struct band *b = &d->band[i];
		if (b->y >= y)
			b->y += extra;
		else if (b->y + b->h > y)
			b->h += extra;
	}
	d->page_h += extra;
}

/* ---- routing connectors -------------------------------------------------- */

static size_t new_bar(struct routes *r, size_t gap, size_t owner)
{
	ALLOC_GROW(r->bars, r->bars_nr + 1, r->bars_alloc);
	struct bar *b = &r->bars[r->bars_nr];
	memset(b, 0, sizeof(*b));
	b->gap = gap;
	b->owner = owner;
	return r->bars_nr++;
}

/* The owner's bar in a gap, created on first use. */
static size_t owner_bar(struct routes *r, size_t gap, size_t owner)
{
	for (size_t i = 0; i < r->bars_nr; i++)
		if (r->bars[i].owner == owner && r->bars[i].gap == gap)
			return i;
	return new_bar(r, gap, owner);
}

static void bar_add_point(struct bar *b, double x, bool up)
{
	ALLOC_GROW(b->pt, b->pt_nr + 1, b->pt_alloc);
	b->pt[b->pt_nr++] = (struct bar_point){x, up};
}

static struct trunk *trunk_of(struct routes *r, size_t up, const struct box *boxes)
{
	for (size_t i = 0; i < r->trunks_nr; i++)
		if (r->trunks[i].up == up)
			return &r->trunks[i];
	ALLOC_GROW(r->trunks, r->trunks_nr + 1, r->trunks_alloc);
	struct trunk *t = &r->trunks[r->trunks_nr++];
	memset(t, 0, sizeof(*t));
	t->up = up;
	t->exit_bar = owner_bar(r, boxes[up].row, up);
	return t;
}

/* Bracket legs sit near the facing corners, clear of every box centre and
 * so of trunks and drops. */
static double bracket_leg_x(const struct box *b, bool left)
{
	return left ? b->x + b->w - 20 : b->x + 20;
}

static void collect_links(struct routes *r, const struct diagram *d, const struct org *o)
{
	const struct box *bx = d->bodies;
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *child = &o->bodies[i];
		if (!child->parent || !bx[i].placed)
			continue;
		const struct org_body *parent = org_find_body(o, child->parent);
		if (!parent || parent == child)
			continue;
		size_t p = (size_t)(parent - o->bodies);
		if (!bx[p].placed)
			continue;

		struct link l = {0};
		if (bx[p].row == bx[i].row) {
			bool p_left = bx[p].col < bx[i].col;
			l.up = p_left ? p : i;
			l.down = p_left ? i : p;
			l.kind = bx[l.down].col - bx[l.up].col == 1 ? LINK_SIDE : LINK_BRACKET;
			if (l.kind == LINK_BRACKET)
				l.bar = new_bar(r, bx[p].row, NO_OWNER);
		} else {
			bool p_up = bx[p].row < bx[i].row;
			l.up = p_up ? p : i;
			l.down = p_up ? i : p;
			l.kind = LINK_TREE;
			l.drop_x = box_cx(&bx[l.down]);
			struct trunk *t = trunk_of(r, l.up, bx);
			if (bx[l.down].row == bx[l.up].row + 1) {
				l.bar = t->exit_bar;
			} else {
				t->has_corridor = true;
				l.bar = owner_bar(r, bx[l.down].row - 1, l.up);
			}
		}
		ALLOC_GROW(r->links, r->links_nr + 1, r->links_alloc);
		r->links[r->links_nr++] = l;
	}
}

/* A drop exactly below another owner's trunk in the same gap would line up
 * with it and read as one line; move such a drop off the box centre. */
static void separate_drops(struct routes *r, const struct diagram *d)
{
	for (size_t i = 0; i < r->links_nr; i++) {
		struct link *l = &r->links[i];
		if (l->kind != LINK_TREE)
			continue;
		size_t gap = r->bars[l->bar].gap;
		for (size_t j = 0; j < r->trunks_nr; j++) {
			const struct trunk *t = &r->trunks[j];
			double tx = box_cx(&d->bodies[t->up]);
			if (t->up == l->up || r->bars[t->exit_bar].gap != gap ||
			    dist(tx - l->drop_x) > 1)
				continue;
			double toward = box_cx(&d->bodies[l->up]) < l->drop_x ? -1 : 1;
			l->drop_x += toward * BOX_W / 4;
			break;
		}
	}
}

/* True when a vertical line at x would pass clear of every box in rows
 * first..last, and of the side-to-side links there (crossing one of those
 * short lines would look like a junction of four). */
static bool column_free(const struct routes *r, const struct diagram *d, double x, size_t first,
			size_t last)
{
	for (size_t i = 0; i < d->bodies_nr; i++) {
		const struct box *b = &d->bodies[i];
		if (b->placed && b->row >= first && b->row <= last && x > b->x - 4 &&
		    x < b->x + b->w + 4)
			return false;
	}
	for (size_t i = 0; i < r->links_nr; i++) {
		const struct link *l = &r->links[i];
		const struct box *a = &d->bodies[l->up], *b = &d->bodies[l->down];
		if (l->kind == LINK_SIDE && a->row >= first && a->row <= last && x > a->x + a->w &&
		    x < b->x)
			return false;
	}
	return true;
}

/* A vertical line owned by one box, and the gaps it runs through. Two
 * verticals of different owners must not share an x in a shared gap, or
 * they would read as one line. */
struct vline {
	double x;
	size_t g0, g1, owner;
};

static bool vline_clash(const struct vline *v, size_t nr, double x, size_t g0, size_t g1,
			size_t owner)
{
	for (size_t i = 0; i < nr; i++)
		if (v[i].owner != owner && dist(v[i].x - x) < 3 && v[i].g0 <= g1 && g0 <= v[i].g1)
			return true;
	return false;
}

/* Chooses each corridor: the x, among the column gaps free through the rows
 * it passes and the lanes just outside the grid (always free), that keeps
 * its bars shortest without running along another owner's vertical line. */
static void place_corridors(struct routes *r, const struct diagram *d)
{
	const struct box *bx = d->bodies;
	struct vline *v = xcalloc(r->trunks_nr + 2 * r->links_nr, sizeof(*v));
	size_t v_nr = 0;
	for (size_t i = 0; i < r->trunks_nr; i++) {
		size_t up = r->trunks[i].up;
		v[v_nr++] = (struct vline){box_cx(&bx[up]), bx[up].row, bx[up].row, up};
	}
	for (size_t i = 0; i < r->links_nr; i++) {
		const struct link *l = &r->links[i];
		size_t g = r->bars[l->bar].gap;
		if (l->kind == LINK_TREE) {
			v[v_nr++] = (struct vline){l->drop_x, g, g, l->up};
		} else if (l->kind == LINK_BRACKET) {
			v[v_nr++] = (struct vline){bracket_leg_x(&bx[l->up], true), g, g, NO_OWNER};
			v[v_nr++] =
			    (struct vline){bracket_leg_x(&bx[l->down], false), g, g, NO_OWNER};
		}
	}

	/* Candidates, the first of equals winning: the middle of each column
	 * gap, then a little to either side, then the lanes outside the grid. */
	double *cand = xcalloc(6 * d->bodies_nr + 6, sizeof(*cand));
	size_t cand_nr = 0;
	static const double spread[3] = {0, -6, 6};
	for (int s = 0; s < 3; s++) {
		for (size_t i = 0; i < d->bodies_nr; i++) {
			if (!bx[i].placed)
				continue;
			cand[cand_nr++] = bx[i].x - COL_GAP / 2 + spread[s];
			cand[cand_nr++] = bx[i].x + bx[i].w + COL_GAP / 2 + spread[s];
		}
	}
	static const double outer[3] = {BAND_PAD / 2, BAND_PAD / 4, BAND_PAD * 3 / 4};
	for (int s = 0; s < 3; s++) {
		cand[cand_nr++] = d->grid_x - outer[s];
		cand[cand_nr++] = d->grid_x + d->grid_w + outer[s];
	}

	for (size_t i = 0; i < r->trunks_nr; i++) {
		struct trunk *t = &r->trunks[i];
		if (!t->has_corridor)
			continue;
		size_t g0 = bx[t->up].row, g1 = g0;
		for (size_t b = 0; b < r->bars_nr; b++)
			if (r->bars[b].owner == t->up && r->bars[b].gap > g1)
				g1 = r->bars[b].gap;
		double best = 0, best_cost = 0;
		bool found = false;
		for (size_t c = 0; c < cand_nr; c++) {
			double x = cand[c];
			if (!column_free(r, d, x, g0 + 1, g1) ||
			    vline_clash(v, v_nr, x, g0, g1, t->up))
				continue;
			double cost = dist(x - box_cx(&bx[t->up]));
			for (size_t k = 0; k < r->links_nr; k++)
				if (r->links[k].kind == LINK_TREE && r->links[k].up == t->up &&
				    r->bars[r->links[k].bar].gap > g0)
					cost += dist(x - r->links[k].drop_x);
			if (!found || cost < best_cost - 0.01) {
				best = x;
				best_cost = cost;
				found = true;
			}
		}
		/* Only when every outer lane is taken: share the middle one. */
		t->corridor_x = found ? best : d->grid_x - BAND_PAD / 2;
		v[v_nr++] = (struct vline){t->corridor_x, g0, g1, t->up};
	}
	free(cand);
	free(v);
}

static void fill_bar_points(struct routes *r, const struct diagram *d)
{
	const struct box *bx = d->bodies;
	for (size_t i = 0; i < r->trunks_nr; i++) {
		const struct trunk *t = &r->trunks[i];
		bar_add_point(&r->bars[t->exit_bar], box_cx(&bx[t->up]), true);
		if (!t->has_corridor)
			continue;
		for (size_t b = 0; b < r->bars_nr; b++)
			if (r->bars[b].owner == t->up)
				bar_add_point(&r->bars[b], t->corridor_x, b != t->exit_bar);
	}
	for (size_t i = 0; i < r->links_nr; i++) {
		const struct link *l = &r->links[i];
		if (l->kind == LINK_TREE) {
			bar_add_point(&r->bars[l->bar], l->drop_x, false);
		} else if (l->kind == LINK_BRACKET) {
			bar_add_point(&r->bars[l->bar], bracket_leg_x(&bx[l->up], true), true);
			bar_add_point(&r->bars[l->bar], bracket_leg_x(&bx[l->down], false), true);
		}
	}
	for (size_t i = 0; i < r->bars_nr; i++) {
		struct bar *b = &r->bars[i];
		b->x0 = b->x1 = b->pt_nr ? b->pt[0].x : 0;
		for (size_t j = 1; j < b->pt_nr; j++) {
			if (b->pt[j].x < b->x0)
				b->x0 = b->pt[j].x;
			if (b->pt[j].x > b->x1)
				b->x1 = b->pt[j].x;
		}
	}
}

/* Lines crossed when bar a runs above bar b in the same gap: b's upward
 * lines cross a, and a's downward lines cross b. */
static int crossings(const struct bar *a, const struct bar *b)
{
	int n = 0;
	for (size_t i = 0; i < b->pt_nr; i++)
		if (b->pt[i].up && b->pt[i].x > a->x0 && b->pt[i].x < a->x1)
			n++;
	for (size_t i = 0; i < a->pt_nr; i++)
		if (!a->pt[i].up && a->pt[i].x > b->x0 && a->pt[i].x < b->x1)
			n++;
	return n;
}

/* Span of gap g that lanes may use. Between bands that is the lower band's
 * top padding, so no bar runs along a band edge; below the last row it is
 * the rest of its band. */
static void gap_span(const struct diagram *d, size_t g, double *from, double *to)
{
	const struct row *row = &d->rows[g];
	if (g + 1 >= d->rows_nr) {
		const struct band *b = &d->band[row->band];
		*from = row->bottom;
		*to = b->y + b->h;
		return;
	}
	const struct row *next = &d->rows[g + 1];
	*to = next->top;
	*from = next->band == row->band ? row->bottom : d->band[next->band].y;
}

/* Orders the bars of gap g top to bottom into order[]; returns how many. */
static size_t order_gap(const struct routes *r, size_t g, size_t *order)
{
	size_t k = 0;
	for (size_t i = 0; i < r->bars_nr; i++)
		if (r->bars[i].gap == g)
			order[k++] = i;
	/* Insertion sort: a bar goes above another when that crosses fewer
	 * lines. Not optimal in every case, but k is small and typical trees
	 * come out without crossings. */
	for (size_t i = 1; i < k; i++) {
		size_t cur = order[i], j = i;
		while (j > 0 && crossings(&r->bars[cur], &r->bars[order[j - 1]]) <
				    crossings(&r->bars[order[j - 1]], &r->bars[cur])) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = cur;
	}
	return k;
}

/* Routes every connector, growing gaps that need room for their lanes
 * (which moves what lies below), and gives every bar its lane. */
static void route_connectors(struct diagram *d, const struct org *o)
{
	struct routes *r = &d->routes;
	collect_links(r, d, o);
	separate_drops(r, d);
	place_corridors(r, d);
	fill_bar_points(r, d);

	size_t *order = xcalloc(r->bars_nr, sizeof(*order));
	for (size_t g = 0; g < d->rows_nr; g++) {
		size_t k = order_gap(r, g, order);
		if (!k)
			continue;
		double from, to;
		gap_span(d, g, &from, &to);
		double need = (double)(k + 1) * LANE_STEP;
		if (to - from < need) {
			/* Grow the gap where its lanes are, just above "to". */
			shift_down(d, to - 0.01, need - (to - from));
			gap_span(d, g, &from, &to);
		}
		for (size_t i = 0; i < k; i++)
			r->bars[order[i]].y =
			    from + (to - from) * (double)(i + 1) / (double)(k + 1);
	}
	free(order);
}

/* ---- whole layout -------------------------------------------------------- */

static void layout_diagram(struct diagram *d, const struct org *o)
{
	/* Boxes first: their count decides the grid width. */
	size_t per_level[ORG_LEVELS_MAX] = {0};
	d->levels_nr = (int)org_levels_nr(o);
	if (d->levels_nr > ORG_LEVELS_MAX)
		d->levels_nr = ORG_LEVELS_MAX; /* the parser allows no more */
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		if (b->level < 0 || b->level >= d->levels_nr)
			continue; /* not a level we can draw; the parser never makes one */
		fill_body_box(d, &d->bodies[i], b);
		per_level[b->level]++;
	}
	for (size_t i = 0; i < o->districts_nr; i++)
		fill_district_box(d, &d->districts[i], o, &o->districts[i]);
	d->has_strip = o->districts_nr > 0;

	size_t cols = min_sz(o->districts_nr, MAX_COLS);
	for (int l = 0; l < d->levels_nr; l++)
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

	PangoLayout *heads[2] = {d->title, d->subtitle};
	for (int i = 0; i < 2; i++) {
		if (!heads[i])
			continue;
		pango_layout_set_width(heads[i], to_pango(page_w - 2 * MARGIN));
		pango_layout_set_wrap(heads[i], PANGO_WRAP_WORD_CHAR);
		pango_layout_set_alignment(heads[i], PANGO_ALIGN_CENTER);
	}

	double y = MARGIN + layout_h(d->title);
	if (d->subtitle)
		y += 4 + layout_h(d->subtitle);
	y += 18;

	size_t *idx = xcalloc(max_sz(o->bodies_nr, o->districts_nr), sizeof(*idx));
	for (int l = 0; l < d->levels_nr; l++) {
		struct band *band = &d->band[l];
		band->fill = &COL_BAND[l % 2];
		band->label = make_layout(d, FONT_LABEL, org_level_label_in(o, l), LABEL_W);
		size_t n = 0;
		for (size_t i = 0; i < o->bodies_nr; i++)
			if (o->bodies[i].level == l)
				idx[n++] = i;
		if (!n)
			band->empty =
			    make_layout(d, FONT_NOTE, _("Ingen organer på dette niveau"), LABEL_W);
		y += layout_band(d, l, d->bodies, idx, n, y);
	}
	if (d->has_strip) {
		struct band *band = &d->band[d->levels_nr];
		y += STRIP_GAP;
		band->fill = &COL_STRIP;
		band->label = make_layout(d, FONT_LABEL, _("Distrikter"), LABEL_W);
		for (size_t i = 0; i < o->districts_nr; i++)
			idx[i] = i;
		y += layout_band(d, d->levels_nr, d->districts, idx, o->districts_nr, y);
	}
	free(idx);
	d->page_h = y + MARGIN;

	route_connectors(d, o);
}

/* ---- drawing ------------------------------------------------------------- */

static void set_rgb(cairo_t *cr, const struct rgb *c)
{
	cairo_set_source_rgb(cr, c->r, c->g, c->b);
}

static void show_layout_at(cairo_t *cr, PangoLayout *l, double x, double y, const struct rgb *c)
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
	/* The label block is centred vertically in the band. */
	double y = band->y + (band->h - label_block_h(band)) / 2;
	show_layout_at(cr, band->label, MARGIN + BAND_PAD, y, &COL_LABEL);
	if (band->empty)
		show_layout_at(cr, band->empty, MARGIN + BAND_PAD,
			       y + layout_h(band->label) + PART_GAP, &COL_MUTED);
}

static void draw_box(cairo_t *cr, const struct box *b, const struct rgb *edge)
{
	rounded_rect(cr, b->x, b->y, b->w, b->h, RADIUS);
	set_rgb(cr, &COL_BOX_FILL);
	cairo_fill_preserve(cr);
	set_rgb(cr, edge);
	cairo_set_line_width(cr, 1.2);
	cairo_stroke(cr);

	static const struct rgb *const part_colour[PART__COUNT] = {&COL_TEXT, &COL_TEXT, &COL_WARN};
	double y = b->y + BOX_PAD;
	for (int i = 0; i < PART__COUNT; i++) {
		if (!b->part[i])
			continue;
		show_layout_at(cr, b->part[i], b->x + BOX_PAD, y, part_colour[i]);
		y += layout_h(b->part[i]) + PART_GAP;
	}
}

/* Lowest lane a trunk's corridor reaches. */
static double corridor_end(const struct routes *r, const struct trunk *t)
{
	double end = r->bars[t->exit_bar].y;
	for (size_t b = 0; b < r->bars_nr; b++)
		if (r->bars[b].owner == t->up && r->bars[b].y > end)
			end = r->bars[b].y;
	return end;
}

/* Number of line ends meeting at x on bar b: the bar to either side, and
 * verticals up and down. A corridor running on past one of its bars counts
 * as both up and down there. */
static int junction_degree(const struct routes *r, size_t b, double x)
{
	const struct bar *br = &r->bars[b];
	bool up = false, down = false;
	for (size_t i = 0; i < br->pt_nr; i++) {
		if (dist(br->pt[i].x - x) >= 0.5)
			continue;
		if (br->pt[i].up)
			up = true;
		else
			down = true;
	}
	for (size_t i = 0; i < r->trunks_nr; i++) {
		const struct trunk *t = &r->trunks[i];
		if (t->has_corridor && t->up == br->owner && b != t->exit_bar &&
		    dist(t->corridor_x - x) < 0.5 && br->y < corridor_end(r, t))
			down = true;
	}
	return (x > br->x0 + 0.5) + (x < br->x1 - 0.5) + up + down;
}

static void line(cairo_t *cr, double x0, double y0, double x1, double y1)
{
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
	cairo_stroke(cr);
}

static void dot(cairo_t *cr, double x, double y)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x, y, 2.5, 0, 2 * G_PI);
	cairo_fill(cr);
}

static void draw_connectors(cairo_t *cr, const struct diagram *d)
{
	const struct routes *r = &d->routes;
	const struct box *bx = d->bodies;
	set_rgb(cr, &COL_CONNECTOR);
	cairo_set_line_width(cr, 1.5);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE); /* closes the corners */

	for (size_t i = 0; i < r->bars_nr; i++) {
		const struct bar *b = &r->bars[i];
		if (b->x1 > b->x0)
			line(cr, b->x0, b->y, b->x1, b->y);
		for (size_t j = 0; j < b->pt_nr; j++) {
			bool seen = false;
			for (size_t k = 0; k < j; k++)
				seen = seen || dist(b->pt[k].x - b->pt[j].x) < 0.5;
			if (!seen && junction_degree(r, i, b->pt[j].x) >= 3)
				dot(cr, b->pt[j].x, b->y);
		}
	}
	for (size_t i = 0; i < r->trunks_nr; i++) {
		const struct trunk *t = &r->trunks[i];
		const struct box *up = &bx[t->up];
		double exit_y = r->bars[t->exit_bar].y;
		line(cr, box_cx(up), up->y + up->h, box_cx(up), exit_y);
		if (t->has_corridor)
			line(cr, t->corridor_x, exit_y, t->corridor_x, corridor_end(r, t));
	}
	for (size_t i = 0; i < r->links_nr; i++) {
		const struct link *l = &r->links[i];
		const struct box *a = &bx[l->up], *b = &bx[l->down];
		switch (l->kind) {
		case LINK_SIDE:
			line(cr, a->x + a->w, a->y + a->h / 2, b->x, b->y + b->h / 2);
			break;
		case LINK_BRACKET:
			line(cr, bracket_leg_x(a, true), a->y + a->h, bracket_leg_x(a, true),
			     r->bars[l->bar].y);
			line(cr, bracket_leg_x(b, false), b->y + b->h, bracket_leg_x(b, false),
			     r->bars[l->bar].y);
			break;
		case LINK_TREE:
			line(cr, l->drop_x, r->bars[l->bar].y, l->drop_x, b->y);
			break;
		}
	}
}

static void draw_diagram(cairo_t *cr, const struct diagram *d)
{
	set_rgb(cr, &COL_PAGE);
	cairo_paint(cr);

	show_layout_at(cr, d->title, MARGIN, MARGIN, &COL_TEXT);
	if (d->subtitle)
		show_layout_at(cr, d->subtitle, MARGIN, MARGIN + layout_h(d->title) + 4,
			       &COL_MUTED);

	for (int i = 0; i < d->levels_nr; i++)
		draw_band(cr, d, &d->band[i]);
	if (d->has_strip)
		draw_band(cr, d, &d->band[d->levels_nr]);

	draw_connectors(cr, d);

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

static char *write_error(void)
{
	return xstrdup(_("diagrammet kunne ikke skrives: skrivefejl i uddata"));
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
		surface =
		    cairo_pdf_surface_create_for_stream(sink_write, &sink, d.page_w, d.page_h);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
					       pango_layout_get_text(d.title));
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ssp");
	} else {
		surface =
		    cairo_svg_surface_create_for_stream(sink_write, &sink, d.page_w, d.page_h);
	}
	/* A surface or context in an error state ignores drawing, so checking
	 * once at the end catches a failure at any step. */
	cairo_t *cr = cairo_create(surface);
	draw_diagram(cr, &d);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface); /* writes the rest of the document */
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	diagram_release(&d);

	if (sink.failed || st == CAIRO_STATUS_WRITE_ERROR) {
		*err = write_error();
		return -1;
	}
	if (st != CAIRO_STATUS_SUCCESS) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("diagrammet kunne ikke tegnes (cairo: %s)"),
			    cairo_status_to_string(st));
		*err = strbuf_detach(&sb);
		return -1;
	}
	if (fflush(out) != 0 || ferror(out)) {
		*err = write_error();
		return -1;
	}
	return 0;
}

void org_diagram_draw_fit(cairo_t *cr, const struct org *o, double w, double h, double *drawn_h)
{
	struct diagram d;
	diagram_init(&d, o);
	layout_diagram(&d, o);
	double scale = 1.0;
	if (d.page_w > w)
		scale = w / d.page_w;
	if (d.page_h * scale > h)
		scale = h / d.page_h;
	cairo_save(cr);
	cairo_scale(cr, scale, scale);
	draw_diagram(cr, &d);
	cairo_restore(cr);
	*drawn_h = d.page_h * scale;
	diagram_release(&d);
}

void org_diagram_shutdown(void)
{
	/* Only pango's font map is released. cairo_debug_reset_static_data()
	 * and FcFini() (toolchain.md, trap 6) asserted at random under load:
	 * pango 1.50 may still hold the font map in its fontconfig thread, so
	 * cairo fonts were alive at the reset. fontconfig's few hundred bytes
	 * go with the process; the tests suppress only those
	 * (tests/lsan.supp). */
	pango_cairo_font_map_set_default(NULL);
}
