/* report.h - a printed document (the yearly evaluation, the strategy as
 * published) as a list of blocks, written as HTML or as an A4 PDF with
 * cairo + pango.
 *
 * The content is built once (render/evaluation_out.c,
 * render/strategy_doc.c) and the two writers lay it out, so the HTML and
 * the PDF never disagree. Blocks: headings, paragraphs, tables (the first
 * row is the header), horizontal bar charts (each with its values as a
 * table beside it in HTML, for screen readers; in the PDF the values are
 * printed at the bars), the organisation diagram and raw SVG (HTML only;
 * the PDF prints the block's alternative text).
 *
 * Strings are copied in. Text is escaped by the HTML writer; SVG blocks
 * must come from the program's own SVG writers. Pure apart from the
 * writers' FILE output.
 */
#ifndef SSP_REPORT_H
#define SSP_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "domain/org.h"
#include "util/strbuf.h"
#include "util/strlist.h"

enum report_block_kind { RB_H1, RB_H2, RB_P, RB_TABLE, RB_BARS, RB_ORG, RB_SVG };

struct report_block {
	enum report_block_kind kind;
	char *text;  /* heading, paragraph, chart title, SVG's alternative text */
	size_t cols; /* RB_TABLE: columns; cells row-major, first row the header */
	struct strlist cells;
	struct strlist labels; /* RB_BARS */
	long *values;          /* RB_BARS; hidden values are drawn as "<5" */
	bool *hidden;
	char *unit; /* RB_BARS: "%" or "" */
	char *svg;  /* RB_SVG */
};

struct report {
	char *title, *subtitle;
	const struct org *org; /* for RB_ORG (borrowed) */
	/* each block allocated on its own: the pointers report_table() and
	 * report_bars() return stay valid while more blocks are added */
	struct report_block **v;
	size_t nr, alloc;
};

void report_init(struct report *r, const char *title, const char *subtitle);
void report_release(struct report *r);

void report_h1(struct report *r, const char *text);
void report_h2(struct report *r, const char *text);
void report_p(struct report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A table of cols columns; add the header and each row with report_row. */
struct report_block *report_table(struct report *r, size_t cols);
void report_row(struct report_block *t, const char *const *cells);
/* A bar chart; add bars with report_bar. */
struct report_block *report_bars(struct report *r, const char *title, const char *unit);
void report_bar(struct report_block *b, const char *label, long value, bool hidden);
void report_org(struct report *r);
void report_svg(struct report *r, char *svg_owned, const char *alt);

/* The body of the document as HTML (no <html>: for a page's <main>). */
void report_html_body(const struct report *r, struct strbuf *out);
/* A standalone HTML document (lang="da", its own print style sheet). */
void report_html(const struct report *r, struct strbuf *out);
/* Plain text for a terminal (tables as "a | b | c" lines). */
void report_text(const struct report *r, struct strbuf *out);
/* An A4 PDF. 0, or -1 with a Danish message in *err (caller frees). */
int report_pdf(const struct report *r, FILE *out, char **err);

#endif
