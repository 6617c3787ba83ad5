/* parse.h - strict parsers for what a browser or API client sends: forms and
 * query strings (application/x-www-form-urlencoded), the Cookie header and
 * JSON bodies.
 *
 * Why hand-written rather than MHD_PostProcessor / MHD_get_connection_values:
 * libmicrohttpd's parsers are lenient (a bad %-escape, a duplicate key or
 * invalid UTF-8 pass through silently, and a later value overwrites an
 * earlier one), they cannot be run without a live connection, and their
 * limits are not ours. These functions are pure (no I/O, no globals, no
 * libmicrohttpd), work on a byte buffer of known length (so an embedded NUL
 * is seen, not truncated), reject rather than guess, and are fuzzed by
 * fuzz/fuzz_form.c, fuzz/fuzz_cookie.c and fuzz/fuzz_json.c.
 *
 * Every error carries a Danish message and, when known, the field at fault.
 */
#ifndef SSP_WEB_PARSE_H
#define SSP_WEB_PARSE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

enum parse_status {
	PARSE_OK = 0,
	PARSE_BAD_ESCAPE,      /* "%" not followed by two hex digits */
	PARSE_BAD_KEY,         /* empty key, or characters outside [A-Za-z0-9_.-] */
	PARSE_BAD_UTF8,        /* a value is not well-formed UTF-8 */
	PARSE_CONTROL_CHAR,    /* NUL or another control character in a value */
	PARSE_FIELD_TOO_LONG,  /* a decoded value longer than max_field_bytes */
	PARSE_TOO_MANY_FIELDS, /* more than max_fields pairs */
	PARSE_DUPLICATE,       /* the same key twice */
	PARSE_BAD_JSON,        /* not JSON, or JSON but not an object */
	PARSE_BAD_TYPE,        /* a JSON member has the wrong type */
	PARSE_UNKNOWN_FIELD,   /* a JSON member the endpoint does not know */
	PARSE_MISSING_FIELD    /* a required JSON member is absent */
};

/* What went wrong, for a person. field holds the key at fault (only
 * [A-Za-z0-9_.-], so it is safe to print anywhere) or is empty. */
struct parse_error {
	enum parse_status status;
	char field[65];
	char detail[160]; /* e.g. jansson's "line 1 column 5: ..." */
};

/* Formats e as one Danish sentence into buf (always NUL-terminated). */
void parse_error_message(const struct parse_error *e, char *buf, size_t size);

/* ---- application/x-www-form-urlencoded ---- */

struct form_field {
	char *key;   /* owned; 1-64 of [A-Za-z0-9_.-] */
	char *value; /* owned; decoded, valid UTF-8, NUL-terminated */
	size_t value_len;
};

struct form {
	struct form_field *v;
	size_t nr, alloc;
};

struct form_limits {
	size_t max_field_bytes; /* longest decoded value */
	size_t max_fields;      /* most key=value pairs */
};

#define FORM_KEY_MAX 64

void form_init(struct form *f);
void form_release(struct form *f);

/* Parses s[0..len) ("a=1&b=x+y%C3%A6"): '+' is a space, %XX a byte; empty
 * segments ("a=1&&b=2", a trailing '&') are skipped; "k" without '=' has an
 * empty value. Values may hold TAB, CR and LF but no other control
 * character. Returns 0, or -1 with *err set and out left empty. */
int form_parse(const char *s, size_t len, const struct form_limits *lim, struct form *out,
	       struct parse_error *err);

/* Appends key=val[0..len) (already decoded, e.g. one part of a
 * multipart/form-data body) to f under form_parse's rules: a key of
 * [A-Za-z0-9_.-], no duplicate, at most lim's fields and bytes, the value
 * valid UTF-8 without control characters. 0, or -1 with *err set. */
int form_add(struct form *f, const char *key, const char *val, size_t len,
	     const struct form_limits *lim, struct parse_error *err);

/* The value of key, or NULL when absent. */
const char *form_get(const struct form *f, const char *key);

/* ---- Cookie header (RFC 6265 section 5.4 / 4.2.1) ---- */

/* Finds cookie name in a Cookie header value "a=1; b=2". Writes its value
 * (surrounding double quotes removed) to out and returns its length; returns
 * -1 when absent or when the value is longer than size - 1 or holds bytes
 * outside RFC 6265's cookie-octet. When the name occurs more than once the
 * first occurrence wins (browsers send the most specific path first).
 * Malformed pairs elsewhere in the header are skipped, not fatal: other
 * sites' cookies on the same host are none of our business. */
int cookie_get(const char *header, size_t len, const char *name, char *out, size_t size);

/* ---- JSON bodies ---- */

/* Parses a JSON body that must be one object with no duplicate keys and
 * valid UTF-8 strings (jansson, JSON_REJECT_DUPLICATES). Returns a new
 * reference, or NULL with *err set. */
json_t *json_body_parse(const char *buf, size_t len, struct parse_error *err);

/* Checks that every member of obj is named in allowed (NULL-terminated). */
int json_only_keys(json_t *obj, const char *const *allowed, struct parse_error *err);

/* Fetches member key as a string: *out points into obj (valid while obj
 * lives), or NULL when absent and !required. Rejects non-strings, control
 * characters and strings over max_bytes. */
int json_get_string(json_t *obj, const char *key, bool required, size_t max_bytes, const char **out,
		    struct parse_error *err);

/* The first bytes of a JSON body too large to keep (server.c keeps the
 * first max-body-bytes and discards the rest): when they end inside the
 * value of a member of the top-level object, names that member, so the
 * answer can say which field was too long (422) instead of only that the
 * body was (413). true with key set (letters, digits, "_" and "-" only,
 * at most size - 1 bytes), or false when the prefix is no such thing.
 * Hand-written because jansson parses only whole documents; it tracks
 * strings, escapes and nesting, nothing more. */
bool json_prefix_open_member(const char *s, size_t len, char *key, size_t size);

/* A record id as it appears in an address or a form: 1-18 decimal digits,
 * no sign, no spaces, no leading zero. true with *out set, or false. */
bool id_parse(const char *s, long long *out);

#endif
