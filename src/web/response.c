/* response.c - building responses (the security headers every response
 * carries are set in headers.c). */
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/web_internal.h"
#include "util/banned.h"

void resp_init(struct response *rs)
{
	memset(rs, 0, sizeof(*rs));
	strbuf_init(&rs->body);
	rs->fd = -1;
	rs->status = 500;
}

void resp_release(struct response *rs)
{
	strbuf_release(&rs->body);
	if (rs->fd >= 0)
		close(rs->fd);
	for (size_t i = 0; i < rs->nheaders; i++)
		free(rs->headers[i].value);
	resp_init(rs);
}

void resp_header(struct response *rs, const char *name, const char *fmt, ...)
{
	/* The table is sized for the most any handler sets; more is a bug. */
	if (rs->nheaders >= RESP_MAX_HEADERS)
		abort();
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	/* a header value never holds a line break (response splitting) */
	for (size_t i = 0; i < sb.len; i++)
		if (sb.buf[i] == '\r' || sb.buf[i] == '\n')
			sb.buf[i] = ' ';
	rs->headers[rs->nheaders].name = name;
	rs->headers[rs->nheaders].value = strbuf_detach(&sb);
	rs->nheaders++;
}

static void reset_body(struct request *rq)
{
	strbuf_reset(&rq->rs.body);
	if (rq->rs.fd >= 0) {
		close(rq->rs.fd);
		rq->rs.fd = -1;
	}
}

void resp_text(struct request *rq, unsigned status, const char *text)
{
	reset_body(rq);
	rq->rs.status = status;
	rq->rs.content_type = "text/plain; charset=utf-8";
	strbuf_addstr(&rq->rs.body, text);
	rq->responded = true;
}

void resp_json(struct request *rq, unsigned status, json_t *j)
{
	char *s = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	json_decref(j);
	if (!s)
		xdie_oom();
	resp_json_text(rq, status, s, strlen(s));
	free(s);
}

void resp_json_text(struct request *rq, unsigned status, const char *text, size_t len)
{
	reset_body(rq);
	rq->rs.status = status;
	rq->rs.content_type = "application/json";
	strbuf_add(&rq->rs.body, text, len);
	strbuf_addch(&rq->rs.body, '\n');
	rq->responded = true;
}

void resp_json_error(struct request *rq, unsigned status, const char *message, const char *field)
{
	json_t *j = json_object();
	json_object_set_new(j, "error", json_string(message ? message : ""));
	if (field && *field)
		json_object_set_new(j, "field", json_string(field));
	resp_json(rq, status, j);
}

void resp_redirect(struct request *rq, const char *location)
{
	reset_body(rq);
	rq->rs.status = 303;
	rq->rs.content_type = "text/plain; charset=utf-8";
	resp_header(&rq->rs, MHD_HTTP_HEADER_LOCATION, "%s", location);
	rq->responded = true;
}

static void cookie(struct request *rq, const char *name, const char *value)
{
	/* HttpOnly: no script reads it; SameSite=Strict: no other site's page
	 * sends it; no Max-Age: gone when the browser closes (the server also
	 * expires sessions). */
	resp_header(&rq->rs, MHD_HTTP_HEADER_SET_COOKIE,
		    "%s=%s; HttpOnly; SameSite=Strict; Path=/%s%s", web_cookie_name(rq, name),
		    value ? value : "", rq->srv->tls ? "; Secure" : "", value ? "" : "; Max-Age=0");
}

void resp_session_cookie(struct request *rq, const char *value)
{
	cookie(rq, "ssp_session", value);
}

void resp_csrf_cookie(struct request *rq, const char *value)
{
	cookie(rq, "ssp_csrf", value);
}

enum MHD_Result resp_send(struct request *rq)
{
	struct MHD_Response *r = resp_build(&rq->rs, rq->srv->tls);
	unsigned status = rq->rs.status;
	if (!r) {
		/* It cannot carry its security headers (libmicrohttpd refused
		 * one): never send it without them. An empty 500 that has them
		 * instead, or, failing that, close the connection. */
		struct response bare;
		resp_init(&bare);
		r = resp_build(&bare, rq->srv->tls);
		resp_release(&bare);
		status = 500;
		if (!r)
			return MHD_NO;
	}
	enum MHD_Result ret = MHD_queue_response(rq->conn, status, r);
	MHD_destroy_response(r);
	return ret;
}

unsigned http_status_for(enum svc_status st)
{
	switch (st) {
	case SVC_OK:
		return 200;
	case SVC_INVALID:
		return 422;
	case SVC_UNAUTHENTICATED:
		return 401;
	case SVC_FORBIDDEN:
		return 403;
	case SVC_NOT_FOUND:
		return 404;
	case SVC_CONFLICT:
		return 409;
	case SVC_THROTTLED:
		return 429;
	case SVC_ERROR:
		break;
	}
	return 500;
}

static const char *status_title(unsigned status)
{
	switch (status) {
	case 400:
		return _("Forkert forespørgsel");
	case 401:
		return _("Du er ikke logget ind");
	case 403:
		return _("Ingen adgang");
	case 404:
		return _("Siden findes ikke");
	case 405:
		return _("Metoden er ikke tilladt");
	case 409:
		return _("Konflikt");
	case 413:
		return _("Indholdet er for stort");
	case 415:
		return _("Forkert indholdstype");
	case 422:
		return _("Oplysningerne kan ikke bruges");
	case 429:
		return _("For mange forsøg");
	default:
		return _("Der opstod en fejl");
	}
}

void web_error(struct request *rq, unsigned status, const char *message, const char *field)
{
	if (status >= 500 && message) {
		/* a private calendar address carries its secret in the path */
		const char *path = rq->path ? rq->path : "?";
		if (!strncmp(path, "/kalender/", 10) && strncmp(path, "/kalender/organ/", 16))
			path = "/kalender/(privat adresse)";
		fprintf(stderr, "ssp serve: %s %s: %u %s\n", rq->method, path, status, message);
	}
	if (status >= 500) /* the details are in the server's log, not for the browser */
		message = _("Der opstod en fejl på serveren. Prøv igen om lidt; "
			    "fortsætter fejlen, så kontakt administratoren.");
	if (rq->route && rq->route->kind == KIND_API) {
		resp_json_error(rq, status, message ? message : status_title(status), field);
	} else if (rq->route && rq->route->kind == KIND_RAW) {
		resp_text(rq, status, message ? message : status_title(status));
	} else if (rq->path && !strncmp(rq->path, "/api/", 5)) {
		resp_json_error(rq, status, message ? message : status_title(status), field);
	} else {
		page_message(rq, status, status_title(status), message);
	}
	if (status == 401 && rq->path && !strncmp(rq->path, "/api/", 5))
		resp_header(&rq->rs, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"ssp\"");
	/* every throttled answer says when to try again (the failure window) */
	if (status == 429)
		resp_header(&rq->rs, MHD_HTTP_HEADER_RETRY_AFTER, "%d",
			    rq->srv->cfg->login_window_minutes * 60);
}

void web_svc_error(struct request *rq, const struct svc_result *r)
{
	unsigned status = http_status_for(r->status);
	bool api = rq->route ? rq->route->kind == KIND_API : !strncmp(rq->path, "/api/", 5);
	if (status == 401 && !api) {
		resp_redirect(rq, "/logind");
		return;
	}
	web_error(rq, status, r->message, r->field);
}

void web_svc_fail(struct request *rq, struct svc_result *r)
{
	web_svc_error(rq, r);
	svc_result_clear(r);
}

void web_parse_error(struct request *rq, const struct parse_error *e)
{
	char msg[512];
	parse_error_message(e, msg, sizeof(msg));
	web_error(rq, 400, msg, e->field[0] ? e->field : NULL);
}

bool web_token_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb || la == 0)
		return false;
	return sodium_memcmp(a, b, la) == 0;
}

const char *req_header(struct request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}
