/* wheel_svg.h - the annual wheel (årshjul) as an SVG document.
 *
 * The year is a circle read clockwise from the top (1 January): twelve
 * month sectors with Danish month names around the outside, proportional
 * to the months' lengths; inside, one ring per body that has meetings in
 * the list (innermost first, in the strategy's order), each meeting a mark
 * on its body's ring at its date. Marks: a filled circle for a planned or
 * moved meeting, a filled square for a held one, an open circle with a
 * stroke through it for a cancelled one. A body with an annual wheel of
 * themes (the steering group) has its marks numbered. The legend below
 * the wheel names the rings and the signs and lists the numbers with date
 * and theme. Meetings of a body that meets in each district sit side by
 * side across the ring, one lane per district. A dashed line marks today
 * when it falls in the year. The SSP-team's courses and events can have a
 * ring of their own, outermost (wheel_svg_events).
 *
 * Written as text through an escaping writer (every string argument is
 * XML-escaped, invalid UTF-8 becomes U+FFFD, control characters are
 * dropped), with SVG presentation attributes only (no style attribute:
 * the web's CSP forbids inline style). Positions come from rotate()
 * transforms, so the output is exact and needs no floating point library.
 * Colours have at least 4.5:1 contrast against white and the ring shading.
 * Pure: no I/O.
 */
#ifndef SSP_WHEEL_SVG_H
#define SSP_WHEEL_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/org.h"
#include "domain/plan.h"

/* The number of colours the wheel cycles through for its rings. */
#define WHEEL_COLOURS 10

/* Ring colour i (0-based; cycles), "#rrggbb". */
const char *wheel_colour(size_t i);

/* Draws the meetings of l that fall in year (others are ignored) as an
 * annual wheel. today: a day (calendar.h) to mark, or CAL_NO_DAY. Returns
 * a complete standalone SVG document (UTF-8, with XML declaration);
 * caller frees. */
char *wheel_svg(const struct org *o, const struct meeting_list *l, int year, long today);
/* The same with the focus areas in force (one line each, e.g. "Rusmidler:
 * færre prøver hash") listed under the legend; focus NULL or empty: none. */
char *wheel_svg_focus(const struct org *o, const struct meeting_list *l, int year, long today,
		      const struct strlist *focus);

/* A course, training, theme day, parent evening or larger event of the
 * SSP-team (domain/team_record.h) as the wheel draws it. */
struct wheel_event {
	const char *name;
	long first, last; /* days (calendar.h) */
	bool cancelled;
};

/* wheel_svg, with the events of ev[0..nev) that start in year on one more
 * ring outside the bodies' ("Kurser og begivenheder"): a diamond at each
 * event's first day, open when it is cancelled, with the event's name and
 * days as its <title>. */
char *wheel_svg_events(const struct org *o, const struct meeting_list *l,
		       const struct wheel_event *ev, size_t nev, int year, long today);
/* Everything at once: the events' ring and the focus areas (either may be
 * empty). */
char *wheel_svg_draw(const struct org *o, const struct meeting_list *l,
		     const struct wheel_event *ev, size_t nev, int year, long today,
		     const struct strlist *focus);

#endif
