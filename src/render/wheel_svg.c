/* wheel_svg.c - the annual wheel as SVG text (wheel_svg.h). */
#include "render/wheel_svg.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- the escaping writer ---------------------------------------------------
 *
 * svg_printf(sb, "<text x=\"%d\">%s</text>", x, name): markup only from the
 * literal format; every %s is escaped for text and quoted attributes (& < >
 * " ' as entities), invalid UTF-8 becomes U+FFFD, and characters XML 1.0
 * does not allow (controls other than TAB, LF, CR) are dropped. Numbers:
 * %d, %ld, %zu; %% is a percent sign. Anything else aborts. */

static void xml_escape(struct strbuf *out, const char *s)
{
	size_t len = strlen(s);
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			switch (c) {
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
				if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
					strbuf_addch(out, (char)c);
			}
			i++;
			continue;
		}
		size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (n <= len - i && utf8_valid(s + i, n, NULL)) {
			strbuf_add(out, s + i, n);
			i += n;
		} else {
			strbuf_addstr(out, "\xEF\xBF\xBD");
			i++;
		}
	}
}

static void svg_printf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void svg_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (const char *p = fmt; *p;) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			strbuf_addstr(sb, p);
			break;
		}
		strbuf_add(sb, p, (size_t)(pct - p));
		p = pct + 1;
		if (p[0] == '%') {
			strbuf_addch(sb, '%');
			p++;
		} else if (p[0] == 's') {
			const char *s = va_arg(ap, const char *);
			if (s)
				xml_escape(sb, s);
			p++;
		} else if (p[0] == 'd') {
			strbuf_addf(sb, "%d", va_arg(ap, int));
			p++;
		} else if (p[0] == 'l' && p[1] == 'd') {
			strbuf_addf(sb, "%ld", va_arg(ap, long));
			p += 2;
		} else if (p[0] == 'z' && p[1] == 'u') {
			strbuf_addf(sb, "%zu", va_arg(ap, size_t));
			p += 2;
		} else {
			fprintf(stderr, "svg_printf: unsupported conversion in \"%s\"\n", fmt);
			abort();
		}
	}
	va_end(ap);
}

/* ---- geometry -------------------------------------------------------------- */

/* Everything in user units of a 1000 x 760 canvas; angles in hundredths of
 * a degree (SVG takes decimals; integers keep the output exact). */
#define W_WIDTH  760
#define WHEEL_H  740 /* the wheel's square; the legend follows below it */
#define CX       380
#define CY       375
#define R_INNER  110
#define R_OUTER  300
#define R_LABEL  334
#define COL1_X   24  /* legend: bodies */
#define COL2_X   400 /* legend: signs, then the numbered themes */
#define LINE     26
#define MARK_MAX 9

/* Contrast on white; on the ring shading (#f2f2f2) at least 5.8:1. */
static const char *const colours[WHEEL_COLOURS] = {
    "#1b3a57", /* navy     11.7:1 */
    "#a3271b", /* red      7.3:1 */
    "#1e6b34", /* green    6.5:1 */
    "#6a1b9a", /* purple   9.4:1 */
    "#8a4b00", /* brown    6.8:1 */
    "#00695c", /* teal     6.6:1 */
    "#ad1457", /* magenta  7.0:1 */
    "#37474f", /* slate    9.6:1 */
    "#1554a0", /* blue     7.5:1 */
    "#5d4037", /* umber    9.3:1 */
};

const char *wheel_colour(size_t i)
{
	return colours[i % WHEEL_COLOURS];
}

static const char *const months[13] = {
    NULL,          N_("Januar"),   N_("Februar"), N_("Marts"),  N_("April"),
    N_("Maj"),     N_("Juni"),     N_("Juli"),    N_("August"), N_("September"),
    N_("Oktober"), N_("November"), N_("December")};

/* The angle of a moment (day + minute/1440 into the year) in hundredths of
 * a degree clockwise from the top. */
static long angle(long day, int minute, long jan1, int year_days)
{
	long long t = (long long)(day - jan1) * 1440 + minute;
	return (long)(t * 36000 / ((long long)year_days * 1440));
}

/* "12.34" from hundredths. */
static void deg(char out[32], long h)
{
	snprintf(out, 32, "%s%ld.%02ld", h < 0 ? "-" : "", labs(h) / 100, labs(h) % 100);
}

/* s cut to about max bytes (on a character boundary) with an ellipsis,
 * so that the legend stays inside the canvas; caller frees. */
static char *shorten(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return xstrdup(s);
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, s, utf8_prefix_len(s, n, max - 3));
	strbuf_rtrim(&sb);
	strbuf_addstr(&sb, "\xE2\x80\xA6"); /* … */
	return strbuf_detach(&sb);
}

struct ring {
	const struct org_body *b;
	size_t n;      /* meetings on it */
	bool numbered; /* the body has an annual wheel of themes */
};

/* Lane (0..lanes-1) of district d of body b's meetings, by the strategy's
 * district order; 0 for a meeting without a district. */
static int district_lane(const struct org *o, const char *d)
{
	if (!d)
		return 0;
	for (size_t i = 0; i < o->districts_nr; i++)
		if (!strcmp(o->districts[i].id, d))
			return (int)i;
	return 0;
}

static void mark(struct strbuf *sb, const struct meeting *m, const char *colour, long a, int r,
		 int size, int number)
{
	char ad[32], back[32];
	deg(ad, a);
	deg(back, -a);
	int y = CY - r;
	svg_printf(sb, "<g transform=\"rotate(%s %d %d)\">", ad, CX, CY);
	switch (m->status) {
	case MEETING_HELD:
		svg_printf(sb,
			   "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
			   "transform=\"rotate(%s %d %d)\"/>",
			   CX - size, y - size, 2 * size, 2 * size, colour, back, CX, y);
		break;
	case MEETING_CANCELLED:
		svg_printf(sb,
			   "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#ffffff\" stroke=\"%s\" "
			   "stroke-width=\"2\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			   "stroke=\"%s\" stroke-width=\"2\"/>",
			   CX, y, size - 1, colour, CX - size, y + size, CX + size, y - size,
			   colour);
		break;
	default:
		svg_printf(sb, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\"/>", CX, y, size,
			   colour);
	}
	if (number > 0 && m->status != MEETING_CANCELLED)
		svg_printf(sb,
			   "<text x=\"%d\" y=\"%d\" transform=\"rotate(%s %d %d)\" "
			   "text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" "
			   "fill=\"#ffffff\">%d</text>",
			   CX, y + 4, back, CX, y, number);
	else if (number > 0)
		svg_printf(sb,
			   "<text x=\"%d\" y=\"%d\" transform=\"rotate(%s %d %d)\" "
			   "text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" "
			   "fill=\"%s\">%d</text>",
			   CX + size + 7, y + 4, back, CX, y, colour, number);
	svg_printf(sb, "</g>\n");
}

/* A diamond at angle a on radius r (an event of the team's ring); open
 * (white with a stroke) when cancelled. title: the name and days. */
static void diamond(struct strbuf *sb, const struct wheel_event *e, const char *colour, long a,
		    int r, int size)
{
	char ad[32], t[64];
	deg(ad, a);
	struct date f = cal_date(e->first), l = cal_date(e->last);
	if (e->first == e->last)
		snprintf(t, sizeof(t), "%d/%d", f.d, f.m);
	else
		snprintf(t, sizeof(t), "%d/%d-%d/%d", f.d, f.m, l.d, l.m);
	int y = CY - r;
	svg_printf(sb,
		   "<g transform=\"rotate(%s %d %d)\"><title>%s (%s)%s</title>"
		   "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
		   "stroke=\"%s\" stroke-width=\"2\" transform=\"rotate(45 %d %d)\"/></g>\n",
		   ad, CX, CY, e->name, t, e->cancelled ? _(" – aflyst") : "", CX - size, y - size,
		   2 * size, 2 * size, e->cancelled ? "#ffffff" : colour, colour, CX, y);
}

char *wheel_svg(const struct org *o, const struct meeting_list *l, int year, long today)
{
	return wheel_svg_draw(o, l, NULL, 0, year, today, NULL);
}

char *wheel_svg_events(const struct org *o, const struct meeting_list *l,
		       const struct wheel_event *ev, size_t nev, int year, long today)
{
	return wheel_svg_draw(o, l, ev, nev, year, today, NULL);
}

char *wheel_svg_focus(const struct org *o, const struct meeting_list *l, int year, long today,
		      const struct strlist *focus)
{
	return wheel_svg_draw(o, l, NULL, 0, year, today, focus);
}

char *wheel_svg_draw(const struct org *o, const struct meeting_list *l,
		     const struct wheel_event *ev, size_t nev, int year, long today,
		     const struct strlist *focus)
{
	long jan1 = cal_ymd(year, 1, 1);
	int year_days = cal_leap_year(year) ? 366 : 365;
	long next_jan1 = jan1 + year_days;

	/* the rings: bodies with meetings this year, in the strategy's order */
	struct ring *rings = xcalloc(o->bodies_nr + 1, sizeof(*rings));
	size_t nrings = 0, total = 0;
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		size_t n = 0;
		for (size_t k = 0; k < l->nr; k++)
			n += !strcmp(l->v[k].body, b->id) && l->v[k].day >= jan1 &&
			     l->v[k].day < next_jan1;
		if (!n)
			continue;
		rings[nrings].b = b;
		rings[nrings].n = n;
		rings[nrings].numbered = b->wheel_themes.nr > 0;
		nrings++;
		total += n;
	}
	/* the team's courses and events: one more ring, outermost */
	size_t nev_year = 0;
	for (size_t k = 0; k < nev; k++)
		nev_year += ev[k].first >= jan1 && ev[k].first < next_jan1;
	size_t all_rings = nrings + (nev_year ? 1 : 0);

	struct strbuf sb = STRBUF_INIT; /* everything after the header */
	char year_s[12];
	snprintf(year_s, sizeof(year_s), "%d", year);
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	strbuf_addf(&title, _("Årshjul %d"), year);
	strbuf_addf(&desc,
		    _("Årets %zu møder i %zu fora, ét forum pr. ring, vist måned for måned med "
		      "uret fra 1. januar øverst."),
		    total, nrings);
	if (nev_year)
		strbuf_addf(&desc, _(" Yderst: %zu kurser og begivenheder."), nev_year);
	struct strbuf head = STRBUF_INIT;
	svg_printf(&head,
		   "<title id=\"wheel-title\">%s</title>\n<desc id=\"wheel-desc\">%s</desc>\n",
		   title.buf, desc.buf);
	strbuf_release(&title);
	strbuf_release(&desc);

	/* rings, outermost first so that each inner disc covers the rest */
	int width = all_rings ? (R_OUTER - R_INNER) / (int)all_rings : R_OUTER - R_INNER;
	svg_printf(&sb, "<g id=\"rings\">\n");
	for (size_t i = all_rings + 1; i-- > 0;) {
		int r = R_INNER + (int)i * width;
		svg_printf(&sb,
			   "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" stroke=\"#8c8c8c\" "
			   "stroke-width=\"1\"/>\n",
			   CX, CY, r, i == 0 ? "#ffffff" : (i % 2 ? "#f2f2f2" : "#ffffff"));
	}
	svg_printf(&sb, "</g>\n");

	/* month sectors: boundaries and names */
	svg_printf(&sb, "<g id=\"months\">\n");
	for (int m = 1; m <= 12; m++) {
		long start = cal_ymd(year, m, 1);
		long a = angle(start, 0, jan1, year_days);
		long mid = angle(start, 0, jan1, year_days) +
			   (angle(start + cal_days_in_month(year, m), 0, jan1, year_days) - a) / 2;
		char ad[32], md[32], back[32];
		deg(ad, a);
		deg(md, mid);
		deg(back, -mid);
		svg_printf(
		    &sb,
		    "<g class=\"month\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#595959\" stroke-width=\"1.5\" transform=\"rotate(%s %d %d)\"/>"
		    "<text x=\"%d\" y=\"%d\" transform=\"rotate(%s %d %d) rotate(%s %d %d)\" "
		    "text-anchor=\"middle\" font-size=\"18\" fill=\"#1a1a1a\">%s</text></g>\n",
		    CX, CY - R_INNER, CX, CY - R_OUTER - 12, ad, CX, CY, CX, CY - R_LABEL + 5, md,
		    CX, CY, back, CX, CY - R_LABEL, _(months[m]));
	}
	svg_printf(&sb, "</g>\n");

	/* the year in the middle */
	svg_printf(&sb,
		   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"40\" "
		   "font-weight=\"bold\" fill=\"#1b3a57\">%s</text>\n",
		   CX, CY + 14, year_s);

	/* today */
	if (today != CAL_NO_DAY && today >= jan1 && today < next_jan1) {
		char ad[32];
		deg(ad, angle(today, 720, jan1, year_days));
		svg_printf(&sb,
			   "<g id=\"today\" transform=\"rotate(%s %d %d)\"><line x1=\"%d\" "
			   "y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b35f00\" stroke-width=\"3\" "
			   "stroke-dasharray=\"6 4\"/></g>\n",
			   ad, CX, CY, CX, CY - R_INNER + 20, CX, CY - R_OUTER - 4);
	}

	/* the marks, ring by ring */
	int size = width * 35 / 100;
	if (size > MARK_MAX)
		size = MARK_MAX;
	if (size < 3)
		size = 3;
	svg_printf(&sb, "<g id=\"marks\">\n");
	for (size_t i = 0; i < nrings; i++) {
		const struct ring *rg = &rings[i];
		const char *colour = wheel_colour(i);
		int lanes = rg->b->freq.per_district && o->districts_nr ? (int)o->districts_nr : 1;
		int number = 0;
		svg_printf(&sb, "<g data-body=\"%s\">\n", rg->b->id);
		for (size_t k = 0; k < l->nr; k++) {
			const struct meeting *m = &l->v[k];
			if (strcmp(m->body, rg->b->id) || m->day < jan1 || m->day >= next_jan1)
				continue;
			int lane = lanes > 1 ? district_lane(o, m->district) : 0;
			int r = R_INNER + (int)i * width + width * (2 * lane + 1) / (2 * lanes);
			int s =
			    lanes > 1 && size > width / (lanes + 1) ? width / (lanes + 1) : size;
			if (s < 3)
				s = 3;
			mark(&sb, m, colour, angle(m->day, m->start, jan1, year_days), r, s,
			     rg->numbered ? ++number : 0);
		}
		svg_printf(&sb, "</g>\n");
	}
	if (nev_year) {
		int r = R_INNER + (int)nrings * width + width / 2;
		svg_printf(&sb, "<g data-ring=\"events\">\n");
		for (size_t k = 0; k < nev; k++)
			if (ev[k].first >= jan1 && ev[k].first < next_jan1)
				diamond(&sb, &ev[k], wheel_colour(nrings),
					angle(ev[k].first, 0, jan1, year_days), r,
					size * 3 / 4 + 1);
		svg_printf(&sb, "</g>\n");
	}
	svg_printf(&sb, "</g>\n");

	/* the legend below the wheel: the bodies in the left column; the signs
	 * and the numbered themes in the right */
	int y1 = WHEEL_H + 10, y2 = WHEEL_H + 10;
	svg_printf(&sb,
		   "<g id=\"legend\" font-size=\"17\" fill=\"#1a1a1a\">\n"
		   "<text x=\"%d\" y=\"%d\" font-size=\"19\" font-weight=\"bold\">%s</text>\n",
		   COL1_X, y1, _("Fora, inderst til yderst"));
	for (size_t i = 0; i < nrings; i++) {
		y1 += LINE;
		char *name = shorten(rings[i].b->name, 28);
		svg_printf(&sb,
			   "<circle cx=\"%d\" cy=\"%d\" r=\"8\" fill=\"%s\"/>"
			   "<text x=\"%d\" y=\"%d\">%zu. %s (%zu)</text>\n",
			   COL1_X + 8, y1 - 6, wheel_colour(i), COL1_X + 24, y1, i + 1, name,
			   rings[i].n);
		free(name);
	}
	if (nev_year) {
		y1 += LINE;
		svg_printf(&sb,
			   "<rect x=\"%d\" y=\"%d\" width=\"11\" height=\"11\" fill=\"%s\" "
			   "transform=\"rotate(45 %d %d)\"/><text x=\"%d\" y=\"%d\">%zu. %s "
			   "(%zu)</text>\n",
			   COL1_X + 3, y1 - 11, wheel_colour(nrings), COL1_X + 8, y1 - 6,
			   COL1_X + 24, y1, nrings + 1, _("Kurser og begivenheder"), nev_year);
	}
	if (!nrings && !nev_year) {
		y1 += LINE;
		svg_printf(&sb, "<text x=\"%d\" y=\"%d\">%s</text>\n", COL1_X, y1,
			   _("Ingen møder i året."));
	}
	svg_printf(&sb, "<text x=\"%d\" y=\"%d\" font-size=\"19\" font-weight=\"bold\">%s</text>\n",
		   COL2_X, y2, _("Tegn"));
	y2 += LINE;
	svg_printf(&sb,
		   "<circle cx=\"%d\" cy=\"%d\" r=\"8\" fill=\"#1a1a1a\"/>"
		   "<text x=\"%d\" y=\"%d\">%s</text>\n",
		   COL2_X + 8, y2 - 6, COL2_X + 24, y2, _("planlagt eller flyttet"));
	y2 += LINE;
	svg_printf(&sb,
		   "<rect x=\"%d\" y=\"%d\" width=\"15\" height=\"15\" fill=\"#1a1a1a\"/>"
		   "<text x=\"%d\" y=\"%d\">%s</text>\n",
		   COL2_X + 1, y2 - 14, COL2_X + 24, y2, _("afholdt"));
	y2 += LINE;
	svg_printf(&sb,
		   "<circle cx=\"%d\" cy=\"%d\" r=\"7\" fill=\"#ffffff\" stroke=\"#1a1a1a\" "
		   "stroke-width=\"2\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		   "stroke=\"#1a1a1a\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
		   COL2_X + 8, y2 - 6, COL2_X, y2 + 2, COL2_X + 16, y2 - 14, COL2_X + 24, y2,
		   _("aflyst"));
	if (today != CAL_NO_DAY && today >= jan1 && today < next_jan1) {
		y2 += LINE;
		svg_printf(&sb,
			   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b35f00\" "
			   "stroke-width=\"3\" stroke-dasharray=\"6 4\"/>"
			   "<text x=\"%d\" y=\"%d\">%s</text>\n",
			   COL2_X, y2 - 6, COL2_X + 18, y2 - 6, COL2_X + 24, y2, _("i dag"));
	}
	for (size_t i = 0; i < nrings; i++) {
		if (!rings[i].numbered)
			continue;
		char *name = shorten(rings[i].b->name, 30);
		y2 += LINE + 14;
		svg_printf(
		    &sb,
		    "<text x=\"%d\" y=\"%d\" font-size=\"19\" font-weight=\"bold\">%s: %s</text>\n",
		    COL2_X, y2, name, _("temaer"));
		free(name);
		int number = 0;
		for (size_t k = 0; k < l->nr; k++) {
			const struct meeting *m = &l->v[k];
			if (strcmp(m->body, rings[i].b->id) || m->day < jan1 || m->day >= next_jan1)
				continue;
			struct date d = cal_date(m->day);
			char *theme = shorten(m->theme ? m->theme : _("(intet tema)"), 26);
			y2 += LINE;
			svg_printf(&sb, "<text x=\"%d\" y=\"%d\">%d. %d/%d: %s</text>\n", COL2_X,
				   y2, ++number, d.d, d.m, theme);
			free(theme);
		}
	}
	int height = (y1 > y2 ? y1 : y2) + 24;
	/* the focus areas in force (issue 13), across the whole width */
	if (focus && focus->nr) {
		int y = height + LINE;
		svg_printf(
		    &sb,
		    "<text x=\"%d\" y=\"%d\" font-size=\"19\" font-weight=\"bold\">%s</text>\n",
		    COL1_X, y, _("Indsatsområder i kraft"));
		for (size_t i = 0; i < focus->nr; i++) {
			char *line = shorten(focus->v[i], 80);
			y += LINE;
			svg_printf(&sb, "<text x=\"%d\" y=\"%d\">%s</text>\n", COL1_X, y, line);
			free(line);
		}
		height = y + 24;
	}
	svg_printf(&sb, "</g>\n</svg>\n");
	free(rings);

	struct strbuf out = STRBUF_INIT;
	svg_printf(&out,
		   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		   "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		   "aria-labelledby=\"wheel-title wheel-desc\" "
		   "font-family=\"Arial, Helvetica, sans-serif\">\n",
		   W_WIDTH, height, W_WIDTH, height);
	strbuf_add(&out, head.buf, head.len);
	svg_printf(&out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
		   W_WIDTH, height);
	strbuf_add(&out, sb.buf, sb.len);
	strbuf_release(&head);
	strbuf_release(&sb);
	return strbuf_detach(&out);
}
