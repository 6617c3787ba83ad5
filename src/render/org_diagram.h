/* org_diagram.h - draws the organisation diagram with cairo + pango.
 *
 * The diagram shows the four levels of an org as horizontal bands with one
 * box per body, connectors from each body to the body it is anchored under,
 * and a strip of districts with their institutions. The page size follows
 * the content. Text is laid out with the "DejaVu Sans" font at 72 dpi, so
 * font sizes in points equal user-space units on both surfaces.
 *
 * Output for the same org and fonts is byte-for-byte the same for SVG (fit
 * for golden files); a PDF differs only in its /CreationDate. Cairo's SVG
 * holds glyph outlines, not text: check text through the PDF (pdftotext).
 *
 * Threads: pango's default font map is per thread, so concurrent calls from
 * different threads are safe; org_diagram_shutdown() releases only the
 * calling thread's font map and must run after every other thread is done.
 */
#ifndef SSP_ORG_DIAGRAM_H
#define SSP_ORG_DIAGRAM_H

#include <cairo.h>
#include <stdio.h>

#include "domain/org.h"

enum diagram_format { DIAGRAM_SVG, DIAGRAM_PDF };

/* Draws o as an organisation diagram and writes it to out (binary stream).
 * Returns 0 on success, -1 on failure with a Danish message in *err (caller frees).
 * out is flushed but not closed; on failure part of a document may have been
 * written to it. Strings in o may be NULL; invalid UTF-8 is shown with
 * replacement characters rather than rejected. */
int org_diagram_write(const struct org *o, enum diagram_format fmt, FILE *out, char **err);

/* Draws the diagram of o onto cr at its current origin, scaled down (never
 * up) to fit w x h points; *drawn_h gets the height it took. For a page of
 * a larger document (render/report.c). */
void org_diagram_draw_fit(cairo_t *cr, const struct org *o, double w, double h, double *drawn_h);

/* Releases pango's default font map; call once at the very end of main.
 * fontconfig's configuration is left to the end of the process (see the
 * definition for why). */
void org_diagram_shutdown(void);

#endif
