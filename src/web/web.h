/* web.h - the web door: pages and the JSON API over libmicrohttpd.
 *
 * Layout of src/web/:
 *   server.c   daemon, threads, per-thread service, request phases, limits
 *   response.c responses and cookies
 *   headers.c  the one function that sets security headers
 *   router.c   the route table, authentication, CSRF, permission pre-check
 *   pages.c    HTML pages (layout.c: the page frame with DKFDS)
 *   api.c      JSON API under /api/v1/ (api_meetings.c: meetings and
 *              compliance; api_schools.c: the school network)
 *   assets.c   /static/ files
 *   qr.c       QR code as inline SVG (two-factor enrolment)
 *   parse.c    form / query / cookie / JSON parsers (pure, fuzzed)
 *   params.c   the query year and path ids every area reads the same way
 *   html.c     the escaping HTML writer
 *   form.c     the form widgets (inputs, selects, text areas, checkboxes,
 *              buttons, alerts) every page uses
 */
#ifndef SSP_WEB_H
#define SSP_WEB_H

#include <stdio.h>

#include "service/config.h"

struct web_options {
	const char *db_path;
	const struct config *cfg;
	const char *listen;    /* "ADDR:PORT"; port 0 picks a free port */
	const char *tls_cert;  /* PEM file, or NULL for plain HTTP */
	const char *tls_key;   /* PEM file, or NULL */
	const char *asset_dir; /* served under /static/; NULL: built-in default */
	FILE *announce;        /* gets "Lytter på URL" as its first line */
};

/* Serves until SIGTERM or SIGINT, then stops gracefully (requests in
 * flight finish). Must be called with no other threads running. Returns 0
 * after a clean stop, -1 (message printed on stderr) when it cannot start. */
int web_serve(const struct web_options *opt);

#endif
