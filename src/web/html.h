/* html.h - an HTML writer that escapes by construction (after kcgi's
 * khtml and openradtool).
 *
 *   html_printf(h, "<a href=\"/organisation/%s\">%s</a>", body->id, body->name);
 *
 * The format string is the only way to write markup. Every %s argument is
 * escaped for both text and (double- or single-quoted) attribute context:
 * & < > " ' become entities, invalid UTF-8 becomes U+FFFD and control
 * characters other than TAB/LF/CR are dropped. Numbers: %d %i %u %ld %lu %lld
 * %llu %zu; %% is a percent sign. Any other conversion is a programming
 * error and aborts. Already-built markup goes in with html_append() (a
 * struct html, never a char *), so there is no way to pass a string through
 * unescaped.
 *
 * Keep translatable text out of the format (html_printf(h, "<p>%s</p>",
 * _("..."))) so that a translation can never add markup. The format must be
 * a literal: this header turns -Wformat-nonliteral on for every file that
 * includes it, so html_printf(h, str) does not compile.
 *
 * Attribute values are always written quoted by the format; URLs in href
 * are built from our own paths and ids (html_url_part() for a piece that
 * came from outside), never from a whole user-supplied URL.
 */
#ifndef SSP_WEB_HTML_H
#define SSP_WEB_HTML_H

#include <stddef.h>

#include "util/strbuf.h"

#pragma GCC diagnostic error "-Wformat-nonliteral"

struct html {
	struct strbuf sb;
};

#define HTML_INIT                                                                                  \
	{                                                                                          \
		STRBUF_INIT                                                                        \
	}

void html_init(struct html *h);
void html_release(struct html *h);

void html_printf(struct html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends inner's markup (built by this writer) to h. */
void html_append(struct html *h, const struct html *inner);

/* Appends s escaped (the %s rule of html_printf) to a plain strbuf. */
void html_escape(struct strbuf *out, const char *s, size_t len);

/* Appends s percent-encoded for a URL path segment or query value
 * (everything but [A-Za-z0-9._~-]); the result still goes through %s. */
void url_encode(struct strbuf *out, const char *s);

#endif
