/* upload.c - a multipart/form-data page POST (a file upload, issue 13:
 * /data/import). The body has been collected by server.c like any other
 * (so the file counts against max_body_bytes); here it is fed to
 * libmicrohttpd's own post processor, which parses multipart/form-data and
 * reads the boundary from the connection's Content-Type header. Not
 * hand-written (parse.h says why the urlencoded parser is): MIME multipart
 * has enough corners (boundaries split across chunks, part headers,
 * quoting) that the library's tested parser is the safer home. What it
 * hands over is then held to our rules: text parts go through form_add
 * (key set, UTF-8, no control characters, no duplicates, the limits), at
 * most one file part, and it must be named "file".
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/web_internal.h"
#include "util/banned.h"

bool web_is_multipart(struct request *rq)
{
	const char *ct = req_header(rq, MHD_HTTP_HEADER_CONTENT_TYPE);
	static const char want[] = "multipart/form-data";
	return ct && !strncasecmp(ct, want, sizeof(want) - 1) &&
	       (ct[sizeof(want) - 1] == ';' || ct[sizeof(want) - 1] == ' ');
}

enum mp_fail { MP_OK, MP_FORM, MP_SECOND_FILE, MP_FILE_KEY, MP_NO_KEY };

struct mp_state {
	struct request *rq;
	const struct form_limits *lim;
	bool open, open_is_file; /* a part is being collected */
	size_t parts;
	struct strbuf key, val;
	enum mp_fail fail;
	struct parse_error pe;
};

/* Stores the part being collected. */
static void finish_part(struct mp_state *s)
{
	if (!s->open || s->fail)
		return;
	s->open = false;
	if (s->open_is_file)
		return; /* its bytes are in rq->upload already */
	if (form_add(&s->rq->form, s->key.buf, s->val.buf, s->val.len, s->lim, &s->pe) < 0)
		s->fail = MP_FORM;
}

static enum MHD_Result part_cb(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *filename, const char *content_type,
			       const char *transfer_encoding, const char *data, uint64_t off,
			       size_t size)
{
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	struct mp_state *s = cls;
	if (s->fail)
		return MHD_NO;
	if (!key) {
		s->fail = MP_NO_KEY;
		return MHD_NO;
	}
	bool is_file = filename != NULL;
	size_t have = is_file ? s->rq->upload.data.len : s->val.len;
	/* the post processor hands a long part over in pieces, each with its
	 * offset; a piece at the offset where the open part ends continues it */
	bool more = s->open && s->open_is_file == is_file && !strcmp(s->key.buf, key) &&
		    off == (uint64_t)have;
	if (!more) {
		finish_part(s);
		if (s->fail)
			return MHD_NO;
		if (is_file && strcmp(key, "file") != 0) {
			s->fail = MP_FILE_KEY;
			return MHD_NO;
		}
		if (is_file && s->rq->upload.present) {
			s->fail = MP_SECOND_FILE;
			return MHD_NO;
		}
		s->open = true;
		s->open_is_file = is_file;
		s->parts++;
		strbuf_reset(&s->key);
		strbuf_addstr(&s->key, key);
		strbuf_reset(&s->val);
		if (is_file) {
			s->rq->upload.present = true;
			s->rq->upload.name = xstrdup(filename);
		}
	}
	if (is_file) {
		strbuf_add(&s->rq->upload.data, data, size);
	} else {
		if (s->val.len + size > s->lim->max_field_bytes) {
			s->pe.status = PARSE_FIELD_TOO_LONG;
			snprintf(s->pe.field, sizeof(s->pe.field), "%.64s", key);
			s->fail = MP_FORM;
			return MHD_NO;
		}
		strbuf_add(&s->val, data, size);
	}
	return MHD_YES;
}

bool web_multipart_parse(struct request *rq, const struct form_limits *lim)
{
	struct mp_state s = {.rq = rq, .lim = lim};
	strbuf_init(&s.key);
	strbuf_init(&s.val);
	memset(&s.pe, 0, sizeof(s.pe));
	struct MHD_PostProcessor *pp = MHD_create_post_processor(rq->conn, 16 * 1024, part_cb, &s);
	if (!pp) {
		/* e.g. multipart/form-data without a boundary */
		web_error(rq, 400,
			  _("Formularen kunne ikke læses: Content-Type mangler en boundary."),
			  NULL);
		return false;
	}
	enum MHD_Result ok = MHD_YES;
	if (rq->body.len)
		ok = MHD_post_process(pp, rq->body.buf, rq->body.len);
	/* destroying flushes what is still buffered; MHD_NO when the body
	 * ended before its closing boundary */
	enum MHD_Result done = MHD_destroy_post_processor(pp);
	finish_part(&s);
	strbuf_release(&s.key);
	strbuf_release(&s.val);
	if (s.fail == MP_FORM) {
		web_parse_error(rq, &s.pe);
		return false;
	}
	const char *msg = NULL;
	if (s.fail == MP_SECOND_FILE)
		msg = _("Formularen må kun have én fil.");
	else if (s.fail == MP_FILE_KEY)
		msg =
		    _("Formularen har en fil i et ukendt felt; filen skal sendes i feltet »file«.");
	else if (s.fail == MP_NO_KEY || ok != MHD_YES || done != MHD_YES || !s.parts)
		/* !s.parts: a body without one boundary (the post processor
		 * reads it all as preamble) is no form */
		msg = _("Formularen kunne ikke læses: den er ikke gyldig multipart/form-data.");
	if (msg) {
		web_error(rq, 400, msg, NULL);
		return false;
	}
	return true;
}
