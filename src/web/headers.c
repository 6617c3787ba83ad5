/* headers.c - the one place that sets the security headers every response
 * carries, and turns a struct response into a libmicrohttpd response. A
 * response that cannot carry all of its headers is never built. */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "web/web_internal.h"
#include "util/banned.h"

/* No inline script, no inline style, nothing from elsewhere: every script,
 * stylesheet, font and image comes from /static/ on this server. data: is
 * allowed for images because DKFDS's stylesheet draws some icons that way. */
#define CSP                                                                                        \
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "          \
	"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "                \
	"frame-ancestors 'none'"

/* Every response, whatever made it, passes through here. false when
 * libmicrohttpd refused one of them (out of memory). */
static bool security_headers(struct MHD_Response *r, bool tls, bool cacheable)
{
	static const char *const fixed[][2] = {
	    {"Content-Security-Policy", CSP},
	    {"X-Content-Type-Options", "nosniff"},
	    {"Referrer-Policy", "no-referrer"},
	    {"X-Frame-Options", "DENY"},
	    {"Cross-Origin-Opener-Policy", "same-origin"},
	    {"Cross-Origin-Resource-Policy", "same-origin"},
	    {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
	};
	for (size_t i = 0; i < sizeof(fixed) / sizeof(*fixed); i++)
		if (MHD_add_response_header(r, fixed[i][0], fixed[i][1]) != MHD_YES)
			return false;
	if (MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
				    cacheable ? "public, max-age=3600" : "no-store") != MHD_YES)
		return false;
	if (tls && MHD_add_response_header(r, "Strict-Transport-Security",
					   "max-age=31536000; includeSubDomains") != MHD_YES)
		return false;
	return true;
}

struct MHD_Response *resp_build(struct response *rs, bool tls)
{
	struct MHD_Response *r;
	if (rs->fd >= 0) {
		r = MHD_create_response_from_fd64(rs->fd_size, rs->fd);
		if (r)
			rs->fd = -1; /* libmicrohttpd closes it */
	} else if (rs->body.alloc) {
		/* the body's buffer is handed over (libmicrohttpd frees it), not
		 * copied: one allocation and copy of the page fewer */
		r = MHD_create_response_from_buffer_with_free_callback(rs->body.len, rs->body.buf,
								       &free);
		if (r)
			strbuf_init(&rs->body);
	} else {
		r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	}
	if (!r)
		return NULL;
	bool ok = security_headers(r, tls, rs->cacheable);
	if (ok && rs->content_type)
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->content_type) ==
		     MHD_YES;
	for (size_t i = 0; ok && i < rs->nheaders; i++)
		ok = MHD_add_response_header(r, rs->headers[i].name, rs->headers[i].value) ==
		     MHD_YES;
	if (!ok) {
		MHD_destroy_response(r);
		return NULL;
	}
	return r;
}
