/* test_web_units.c - unit tests of the web door's pure parts: the form,
 * query, cookie and JSON parsers (src/web/parse.c), the escaping HTML
 * writer (src/web/html.c) and the response builder with its security
 * headers (src/web/headers.c). The black-box tests in this folder cover
 * the rest through real HTTP. */
#include "../unit/test.h"

#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "web/html.h"
#include "web/parse.h"
#include "web/web_internal.h"

static const struct form_limits LIM = {16, 4};

static int parse(const char *s, struct form *f, struct parse_error *e)
{
	return form_parse(s, strlen(s), &LIM, f, e);
}

static void form_decodes(void **state)
{
	(void)state;
	struct form f;
	struct parse_error e;
	assert_int_equal(parse("a=x+y%C3%A6&&flag&b=&", &f, &e), 0);
	assert_int_equal(f.nr, 3);
	assert_string_equal(form_get(&f, "a"), "x y\xc3\xa6");
	assert_string_equal(form_get(&f, "flag"), "");
	assert_string_equal(form_get(&f, "b"), "");
	assert_null(form_get(&f, "c"));
	form_release(&f);
	assert_int_equal(parse("", &f, &e), 0);
	assert_int_equal(f.nr, 0);
	assert_int_equal(parse("t=a%0D%0Ab%09", &f, &e), 0);
	assert_string_equal(form_get(&f, "t"), "a\r\nb\t");
	form_release(&f);
}

static void expect_error(const char *s, enum parse_status st, const char *field)
{
	struct form f;
	struct parse_error e;
	assert_int_equal(parse(s, &f, &e), -1);
	assert_int_equal(e.status, st);
	assert_string_equal(e.field, field);
	assert_int_equal(f.nr, 0);
	assert_null(f.v);
	char msg[300];
	parse_error_message(&e, msg, sizeof(msg));
	assert_true(strlen(msg) > 10);
}

static void form_errors(void **state)
{
	(void)state;
	expect_error("a=%zz", PARSE_BAD_ESCAPE, "a");
	expect_error("a=%4", PARSE_BAD_ESCAPE, "a");
	expect_error("a=%C3%28", PARSE_BAD_UTF8, "a");
	expect_error("a=%ED%A0%80", PARSE_BAD_UTF8, "a"); /* a surrogate */
	expect_error("a=%C0%AF", PARSE_BAD_UTF8, "a");    /* overlong */
	expect_error("a=%00", PARSE_CONTROL_CHAR, "a");
	expect_error("a=%1B", PARSE_CONTROL_CHAR, "a");
	expect_error("a=1&a=2", PARSE_DUPLICATE, "a");
	expect_error("a=1&b=1&c=1&d=1&e=1", PARSE_TOO_MANY_FIELDS, "");
	expect_error("=1", PARSE_BAD_KEY, "");
	expect_error("a%20b=1", PARSE_BAD_KEY, "");
	expect_error("a b=1", PARSE_BAD_KEY, "");
	/* 16 decoded bytes are allowed, 17 are not */
	struct form f;
	struct parse_error e;
	assert_int_equal(parse("v=%41%41%41%41%41%41%41%41AAAAAAAA", &f, &e), 0);
	form_release(&f);
	expect_error("v=AAAAAAAAAAAAAAAAA", PARSE_FIELD_TOO_LONG, "v");
	/* an embedded NUL byte in the raw input is a control character */
	assert_int_equal(form_parse("a=b\0c", 5, &LIM, &f, &e), -1);
	assert_int_equal(e.status, PARSE_CONTROL_CHAR);
}

static void cookies(void **state)
{
	(void)state;
	char v[16];
	const char *h = "a=1; ssp_session=abc; ssp_session=second; q=\"quoted\"";
	assert_int_equal(cookie_get(h, strlen(h), "ssp_session", v, sizeof(v)), 3);
	assert_string_equal(v, "abc");
	assert_int_equal(cookie_get(h, strlen(h), "q", v, sizeof(v)), 6);
	assert_string_equal(v, "quoted");
	assert_int_equal(cookie_get(h, strlen(h), "ssp", v, sizeof(v)), -1);
	h = "  x = y ;;junk; bad=a b; long=0123456789abcdefXYZ";
	assert_int_equal(cookie_get(h, strlen(h), "x", v, sizeof(v)), -1); /* "x " is not "x" */
	assert_int_equal(cookie_get(h, strlen(h), "bad", v, sizeof(v)), -1);
	assert_int_equal(cookie_get(h, strlen(h), "long", v, sizeof(v)), -1);
	h = "x=y";
	assert_int_equal(cookie_get(h, strlen(h), "x", v, sizeof(v)), 1);
	assert_int_equal(cookie_get(h, 2, "x", v, sizeof(v)), 0); /* length is respected */
}

static void json_bodies(void **state)
{
	(void)state;
	struct parse_error e;
	const char *ok = "{\"username\": \"jens\", \"n\": 1}";
	json_t *j = json_body_parse(ok, strlen(ok), &e);
	assert_non_null(j);
	static const char *const allowed[] = {"username", NULL};
	assert_int_equal(json_only_keys(j, allowed, &e), -1);
	assert_int_equal(e.status, PARSE_UNKNOWN_FIELD);
	assert_string_equal(e.field, "n");
	const char *s;
	assert_int_equal(json_get_string(j, "username", true, 10, &s, &e), 0);
	assert_string_equal(s, "jens");
	assert_int_equal(json_get_string(j, "username", true, 3, &s, &e), -1);
	assert_int_equal(e.status, PARSE_FIELD_TOO_LONG);
	assert_int_equal(json_get_string(j, "n", true, 10, &s, &e), -1);
	assert_int_equal(e.status, PARSE_BAD_TYPE);
	assert_int_equal(json_get_string(j, "absent", false, 10, &s, &e), 0);
	assert_null(s);
	assert_int_equal(json_get_string(j, "absent", true, 10, &s, &e), -1);
	assert_int_equal(e.status, PARSE_MISSING_FIELD);
	json_decref(j);

	const char *bad[] = {"[1]", "{\"a\":1,\"a\":2}", "{", "", "{\"a\":\"\\u0000\"}", "\"x\""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_null(json_body_parse(bad[i], strlen(bad[i]), &e));
		assert_int_equal(e.status, PARSE_BAD_JSON);
	}
	const char *ctl = "{\"a\":\"x\\u001by\"}";
	j = json_body_parse(ctl, strlen(ctl), &e);
	assert_non_null(j);
	assert_int_equal(json_get_string(j, "a", true, 10, &s, &e), -1);
	assert_int_equal(e.status, PARSE_CONTROL_CHAR);
	json_decref(j);
}

static void html_writer(void **state)
{
	(void)state;
	struct html h = HTML_INIT;
	html_printf(&h, "<a href=\"/x/%s\" title='%s'>%s</a> %d %ld %lld %u %zu %%", "a\"b", "it's",
		    "<b>&amp;</b>", -1, 2L, 3LL, 4u, (size_t)5);
	assert_string_equal(h.sb.buf, "<a href=\"/x/a&quot;b\" title='it&#39;s'>"
				      "&lt;b&gt;&amp;amp;&lt;/b&gt;</a> -1 2 3 4 5 %");
	struct html inner = HTML_INIT;
	html_printf(&inner, "<em>%s</em>", "æ");
	html_printf(&h, "|");
	html_append(&h, &inner);
	assert_non_null(strstr(h.sb.buf, "|<em>æ</em>"));
	html_release(&inner);
	html_release(&h);

	struct strbuf sb = STRBUF_INIT;
	html_escape(&sb, "a\xff\x01\tb\xc3", 6);
	assert_string_equal(sb.buf, "a\xef\xbf\xbd\tb\xef\xbf\xbd");
	strbuf_reset(&sb);
	url_encode(&sb, "a b/æ.~_-");
	assert_string_equal(sb.buf, "a%20b%2F%C3%A6.~_-");
	strbuf_release(&sb);
}

/* html_escape copies unchanged bytes in runs: every kind of byte at the
 * start, middle and end of a run */
static void html_escape_runs(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	const char in[] = "<ab<c>&\"'\x01"
			  "d\xc3\xa6"
			  "e\xff"
			  "f\tg\x7f>";
	html_escape(&sb, in, sizeof(in) - 1);
	assert_string_equal(sb.buf, "&lt;ab&lt;c&gt;&amp;&quot;&#39;d\xc3\xa6"
				    "e\xEF\xBF\xBD"
				    "f\tg\x7f&gt;");
	strbuf_reset(&sb);
	html_escape(&sb, "plain", 5);
	assert_string_equal(sb.buf, "plain");
	strbuf_reset(&sb);
	html_escape(&sb, "", 0);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

/* The rule of html_escape, byte by byte, for comparison. */
static void escape_reference(struct strbuf *out, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		size_t n = c < 0x80   ? 1
			   : c < 0xC2 ? 0
			   : c < 0xE0 ? 2
			   : c < 0xF0 ? 3
			   : c < 0xF5 ? 4
				      : 0;
		if (n > 1 && (i + n > len || !utf8_valid(str + i, n, NULL)))
			n = 0;
		if (!n) {
			strbuf_addstr(out, "\xEF\xBF\xBD");
			i++;
		} else if (n > 1) {
			strbuf_add(out, s + i, n);
			i += n;
		} else {
			const char *rep = c == '&'    ? "&amp;"
					  : c == '<'  ? "&lt;"
					  : c == '>'  ? "&gt;"
					  : c == '"'  ? "&quot;"
					  : c == '\'' ? "&#39;"
						      : NULL;
			if (rep)
				strbuf_addstr(out, rep);
			else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
				strbuf_addch(out, (char)c);
			i++;
		}
	}
}

/* html_escape against a byte-by-byte reference: every kind of byte at
 * every place of a run, and runs of many lengths */
static void html_escape_words(void **state)
{
	(void)state;
	static const char *const odd[] = {"&",
					  "<",
					  ">",
					  "\"",
					  "'",
					  "\x01",
					  "\x1f",
					  "\t",
					  "\n",
					  "\r",
					  "\x7f",
					  " ",
					  "\xff",
					  "\x80",
					  "\xc3",
					  "\xc3\xa6",
					  "\xe2\x80\x93",
					  "\xe2",
					  "\xf0\x9f\x98\x80",
					  "\xed\xa0\x80"};
	for (size_t k = 0; k < sizeof(odd) / sizeof(*odd); k++)
		for (size_t at = 0; at < 20; at++)
			for (size_t total = at; total < 26; total += 5) {
				char in[64];
				memset(in, 'a', sizeof(in));
				size_t n = strlen(odd[k]);
				memcpy(in + at, odd[k], n);
				size_t len = total + n;
				struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
				html_escape(&got, in, len);
				escape_reference(&want, in, len);
				assert_string_equal(got.buf, want.buf);
				strbuf_release(&got);
				strbuf_release(&want);
			}
}

/* html_printf's %s escapes up to the NUL without measuring first: the
 * same bytes as html_escape for every kind of input, including UTF-8
 * sequences of each length, whole and cut off by the end of the string */
static void html_printf_escapes_like_html_escape(void **state)
{
	(void)state;
	static const char *const in[] = {
	    "",
	    "plain",
	    "<ab<c>&\"'\x01"
	    "d\xc3\xa6"
	    "e\xff"
	    "f\tg\x7f>",
	    "\xc3",                                     /* cut two-byte sequence */
	    "x\xe2\x80",                                /* cut three-byte sequence */
	    "x\xe2\x80\x93y",                           /* en dash */
	    "\xf0\x9f\x98",                             /* cut four-byte sequence */
	    "\xf0\x9f\x98\x80",                         /* emoji */
	    "\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\x80", /* overlong, surrogate, too high, lone */
	};
	for (size_t i = 0; i < sizeof(in) / sizeof(*in); i++) {
		struct strbuf want = STRBUF_INIT;
		html_escape(&want, in[i], strlen(in[i]));
		struct html h = HTML_INIT;
		html_printf(&h, "[%s]", in[i]);
		assert_int_equal(h.sb.len, want.len + 2);
		assert_memory_equal(h.sb.buf + 1, want.buf, want.len);
		assert_int_equal(h.sb.buf[h.sb.len], '\0');
		html_release(&h);
		strbuf_release(&want);
	}
}

static void response_headers(void **state)
{
	(void)state;
	struct response rs;
	memset(&rs, 0, sizeof(rs));
	strbuf_init(&rs.body);
	rs.fd = -1;
	rs.status = 200;
	rs.content_type = "text/plain; charset=utf-8";
	strbuf_addstr(&rs.body, "hej");
	rs.headers[0].name = "Location";
	rs.headers[0].value = strdup("/");
	rs.nheaders = 1;
	struct MHD_Response *r = resp_build(&rs, true);
	assert_non_null(r);
	assert_non_null(
	    strstr(MHD_get_response_header(r, "Content-Security-Policy"), "default-src 'self'"));
	assert_string_equal(MHD_get_response_header(r, "X-Frame-Options"), "DENY");
	assert_string_equal(MHD_get_response_header(r, "X-Content-Type-Options"), "nosniff");
	assert_string_equal(MHD_get_response_header(r, "Cache-Control"), "no-store");
	assert_non_null(MHD_get_response_header(r, "Strict-Transport-Security"));
	assert_string_equal(MHD_get_response_header(r, "Location"), "/");
	MHD_destroy_response(r);

	/* A header libmicrohttpd refuses (an empty value; a name with a
	 * space): no response at all, rather than one that lacks it. */
	free(rs.headers[0].value);
	rs.headers[0].value = strdup("");
	assert_null(resp_build(&rs, false));
	free(rs.headers[0].value);
	rs.headers[0].name = "Bad Name";
	rs.headers[0].value = strdup("x");
	assert_null(resp_build(&rs, false));
	free(rs.headers[0].value);
	strbuf_release(&rs.body);
}

/* The member a cut JSON body ends in (server.c: 422 naming it). */
static void json_prefix_member(void **state)
{
	(void)state;
	char k[16];
	const char *open = "{\"meeting\": 1, \"summary\": \"xxxx";
	assert_true(json_prefix_open_member(open, strlen(open), k, sizeof(k)));
	assert_string_equal(k, "summary");
	const char *nested = " {\"a\": \"}\\\"\", \"actions\": [{\"type\": \"x";
	assert_true(json_prefix_open_member(nested, strlen(nested), k, sizeof(k)));
	assert_string_equal(k, "actions");
	const char *none[] = {
	    "",                                /* nothing */
	    "[\"summary\", \"xx",              /* not an object */
	    "{\"summ",                         /* cut in the key */
	    "{\"a\": \"b\", ",                 /* between members */
	    "{\"a\": \"b\"",                   /* after a whole value */
	    "{\"a\": [1, 2]",                  /* after a whole array */
	    "{\"a\": 1} {\"b\": \"x",          /* the object ended */
	    "{\"s\\u0041\": \"x",              /* an escaped key is not named */
	    "{\"a b\": \"x",                   /* nor one with a space */
	    "{\"very-long-member-name\": \"x", /* nor one longer than the buffer */
	};
	for (size_t i = 0; i < sizeof(none) / sizeof(*none); i++)
		assert_false(json_prefix_open_member(none[i], strlen(none[i]), k, sizeof(k)));
}

static void ids(void **state)
{
	(void)state;
	long long id = -1;
	assert_true(id_parse("1", &id));
	assert_int_equal(id, 1);
	assert_true(id_parse("999999999999999999", &id));
	assert_int_equal(id, 999999999999999999LL);
	const char *bad[] = {"",   "0",  "007", "-1",   "+1",
			     " 1", "1 ", "1x",  "0x10", "1000000000000000000"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		id = -1;
		assert_false(id_parse(bad[i], &id));
		assert_int_equal(id, -1);
	}
}

/* A text value that is not UTF-8 is named by its top-level member (the API
 * answers 422 with that field); bad bytes anywhere else are bad JSON. */
static void json_bad_utf8_named(void **state)
{
	(void)state;
	static const struct {
		const char *body, *field; /* field NULL: PARSE_BAD_JSON */
	} cases[] = {
	    {"{\"a\":\"\xc3\x28\"}", "a"},
	    {"{\"a\": 1, \"summary\" : \"ok \xff\"}", "summary"},
	    {"{\"a\": \"x\\\"y\", \"b\": \"\\\"\xfe\"}", "b"},
	    {"{\"actions\": [{\"type\": \"\xff\", \"owner_org\": \"ssp\"}]}", "actions"},
	    {"{\"\xff\": 1}", NULL},
	    {"{\"a\": 1}\xff", NULL},
	    {"[\"\xff\"]", NULL},
	    {"\"\xff\"", NULL},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct parse_error e;
		assert_null(json_body_parse(cases[i].body, strlen(cases[i].body), &e));
		if (cases[i].field) {
			assert_int_equal(e.status, PARSE_BAD_UTF8);
			assert_string_equal(e.field, cases[i].field);
		} else {
			assert_int_equal(e.status, PARSE_BAD_JSON);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(form_decodes),
	    cmocka_unit_test(form_errors),
	    cmocka_unit_test(cookies),
	    cmocka_unit_test(json_bodies),
	    cmocka_unit_test(html_writer),
	    cmocka_unit_test(response_headers),
	    cmocka_unit_test(ids),
	    cmocka_unit_test(json_bad_utf8_named),
	    cmocka_unit_test(html_escape_runs),
	    cmocka_unit_test(html_printf_escapes_like_html_escape),
	    cmocka_unit_test(html_escape_words),
	    cmocka_unit_test(json_prefix_member),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
