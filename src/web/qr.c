/* qr.c - a QR code as inline SVG for two-factor enrolment.
 *
 * Drawn as one <path> of unit squares (horizontal runs merged) on a white
 * <rect>, with colours as fill attributes: the CSP forbids style attributes.
 * A quiet zone of four modules surrounds the code, as the standard asks.
 */
#include <qrencode.h>

#include "web/web_internal.h"
#include "util/banned.h"

#define QUIET 4

int qr_svg(struct html *h, const char *text, const char *label)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return -1;
	int w = q->width, size = w + 2 * QUIET;
	html_printf(h,
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-qr-code\" "
		    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		    "aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">\n"
		    "<title id=\"qr-title\">%s</title>\n"
		    "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n"
		    "<path fill=\"#000000\" d=\"",
		    size, size, size * 6, size * 6, label, size, size);
	for (int y = 0; y < w; y++) {
		for (int x = 0; x < w;) {
			if (!(q->data[y * w + x] & 1)) {
				x++;
				continue;
			}
			int run = 1;
			while (x + run < w && (q->data[y * w + x + run] & 1))
				run++;
			html_printf(h, "M%d %dh%dv1h-%dz", x + QUIET, y + QUIET, run, run);
			x += run;
		}
	}
	html_printf(h, "\"/>\n</svg>\n");
	QRcode_free(q);
	return 0;
}
