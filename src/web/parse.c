/* parse.c - forms, query strings, cookies and JSON bodies; see parse.h for
 * why these are ours and not libmicrohttpd's. */
#include "web/parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "util/banned.h"

static void set_error(struct parse_error *err, enum parse_status st, const char *field,
		      size_t field_len)
{
	err->status = st;
	err->field[0] = '\0';
	err->detail[0] = '\0';
	if (field) {
		if (field_len >= sizeof(err->field))
			field_len = sizeof(err->field) - 1;
		memcpy(err->field, field, field_len);
		err->field[field_len] = '\0';
	}
}

void parse_error_message(const struct parse_error *e, char *buf, size_t size)
{
	const char *f = e->field;
	switch (e->status) {
	case PARSE_OK:
		snprintf(buf, size, "%s", "");
		break;
	case PARSE_BAD_ESCAPE:
		snprintf(buf, size, _("Feltet »%s« indeholder en ugyldig %%-kode."), f);
		break;
	case PARSE_BAD_KEY:
		snprintf(buf, size, "%s", _("Et feltnavn er tomt eller indeholder ugyldige tegn."));
		break;
	case PARSE_BAD_UTF8:
		snprintf(buf, size, _("Feltet »%s« er ikke gyldig UTF-8-tekst."), f);
		break;
	case PARSE_CONTROL_CHAR:
		snprintf(buf, size, _("Feltet »%s« indeholder ugyldige kontroltegn."), f);
		break;
	case PARSE_FIELD_TOO_LONG:
		snprintf(buf, size, _("Feltet »%s« er for langt."), f);
		break;
	case PARSE_TOO_MANY_FIELDS:
		snprintf(buf, size, "%s", _("Formularen har for mange felter."));
		break;
	case PARSE_DUPLICATE:
		snprintf(buf, size, _("Feltet »%s« er angivet mere end én gang."), f);
		break;
	case PARSE_BAD_JSON:
		if (e->detail[0])
			snprintf(buf, size, _("Indholdet er ikke et gyldigt JSON-objekt (%s)."),
				 e->detail);
		else
			snprintf(buf, size, "%s", _("Indholdet er ikke et gyldigt JSON-objekt."));
		break;
	case PARSE_BAD_TYPE:
		snprintf(buf, size, _("Feltet »%s« har en forkert type eller ugyldige tegn."), f);
		break;
	case PARSE_UNKNOWN_FIELD:
		snprintf(buf, size, _("Feltet »%s« kendes ikke."), f);
		break;
	case PARSE_MISSING_FIELD:
		snprintf(buf, size, _("Feltet »%s« mangler."), f);
		break;
	}
}

/* ---- forms ---- */

void form_init(struct form *f)
{
	f->v = NULL;
	f->nr = f->alloc = 0;
}

void form_release(struct form *f)
{
	for (size_t i = 0; i < f->nr; i++) {
		free(f->v[i].key);
		free(f->v[i].value);
	}
	free(f->v);
	form_init(f);
}

const char *form_get(const struct form *f, const char *key)
{
	for (size_t i = 0; i < f->nr; i++)
		if (!strcmp(f->v[i].key, key))
			return f->v[i].value;
	return NULL;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool key_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

/* Decodes s[0..len) into out. Stops early (with PARSE_FIELD_TOO_LONG)
 * once the decoded text passes max, so a huge field is never copied whole. */
static enum parse_status decode(const char *s, size_t len, size_t max, struct strbuf *out)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			int hi = i + 1 < len ? hexval((unsigned char)s[i + 1]) : -1;
			int lo = i + 2 < len ? hexval((unsigned char)s[i + 2]) : -1;
			if (hi < 0 || lo < 0)
				return PARSE_BAD_ESCAPE;
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
		}
		if (out->len >= max)
			return PARSE_FIELD_TOO_LONG;
		strbuf_addch(out, (char)c);
	}
	return PARSE_OK;
}

static enum parse_status check_text(const char *s, size_t len)
{
	if (!utf8_valid(s, len, NULL))
		return PARSE_BAD_UTF8;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
			return PARSE_CONTROL_CHAR;
	}
	return PARSE_OK;
}

int form_parse(const char *s, size_t len, const struct form_limits *lim, struct form *out,
	       struct parse_error *err)
{
	struct strbuf key = STRBUF_INIT, val = STRBUF_INIT;
	size_t pos = 0;
	enum parse_status st = PARSE_OK;
	form_init(out);
	set_error(err, PARSE_OK, NULL, 0);
	while (pos < len) {
		const char *seg = s + pos;
		const char *amp = memchr(seg, '&', len - pos);
		size_t seglen = amp ? (size_t)(amp - seg) : len - pos;
		pos += seglen + 1;
		if (seglen == 0)
			continue;
		const char *eq = memchr(seg, '=', seglen);
		size_t klen = eq ? (size_t)(eq - seg) : seglen;
		const char *vstart = eq ? eq + 1 : seg + seglen;
		size_t vlen = eq ? seglen - klen - 1 : 0;

		/* Keys are our own field names: a short ASCII set, so they are
		 * compared raw (a %-escaped key is not one of ours). */
		if (klen == 0 || klen > FORM_KEY_MAX) {
			set_error(err, PARSE_BAD_KEY, NULL, 0);
			goto fail;
		}
		for (size_t i = 0; i < klen; i++) {
			if (!key_char((unsigned char)seg[i])) {
				set_error(err, PARSE_BAD_KEY, NULL, 0);
				goto fail;
			}
		}
		strbuf_reset(&key);
		strbuf_add(&key, seg, klen);
		if (out->nr >= lim->max_fields) {
			set_error(err, PARSE_TOO_MANY_FIELDS, NULL, 0);
			goto fail;
		}
		if (form_get(out, key.buf)) {
			set_error(err, PARSE_DUPLICATE, key.buf, key.len);
			goto fail;
		}
		strbuf_reset(&val);
		st = decode(vstart, vlen, lim->max_field_bytes, &val);
		if (st == PARSE_OK)
			st = check_text(val.buf, val.len);
		if (st != PARSE_OK) {
			set_error(err, st, key.buf, key.len);
			goto fail;
		}
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct form_field *f = &out->v[out->nr++];
		f->key = strbuf_detach(&key);
		f->value_len = val.len;
		f->value = strbuf_detach(&val);
	}
	strbuf_release(&key);
	strbuf_release(&val);
	return 0;
fail:
	strbuf_release(&key);
	strbuf_release(&val);
	form_release(out);
	return -1;
}

int form_add(struct form *f, const char *key, const char *val, size_t len,
	     const struct form_limits *lim, struct parse_error *err)
{
	size_t klen = strlen(key);
	set_error(err, PARSE_OK, NULL, 0);
	if (klen == 0 || klen > FORM_KEY_MAX) {
		set_error(err, PARSE_BAD_KEY, NULL, 0);
		return -1;
	}
	for (size_t i = 0; i < klen; i++) {
		if (!key_char((unsigned char)key[i])) {
			set_error(err, PARSE_BAD_KEY, NULL, 0);
			return -1;
		}
	}
	if (f->nr >= lim->max_fields) {
		set_error(err, PARSE_TOO_MANY_FIELDS, NULL, 0);
		return -1;
	}
	if (form_get(f, key)) {
		set_error(err, PARSE_DUPLICATE, key, klen);
		return -1;
	}
	enum parse_status st = len > lim->max_field_bytes ? PARSE_FIELD_TOO_LONG : PARSE_OK;
	if (st == PARSE_OK)
		st = check_text(val, len);
	if (st != PARSE_OK) {
		set_error(err, st, key, klen);
		return -1;
	}
	ALLOC_GROW(f->v, f->nr + 1, f->alloc);
	struct form_field *ff = &f->v[f->nr++];
	ff->key = xstrdup(key);
	ff->value = xmalloc(len + 1);
	memcpy(ff->value, val, len);
	ff->value[len] = '\0';
	ff->value_len = len;
	return 0;
}

/* ---- cookies ---- */

/* RFC 6265 4.1.1 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E */
static bool cookie_octet(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
	       (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

int cookie_get(const char *header, size_t len, const char *name, char *out, size_t size)
{
	size_t nlen = strlen(name);
	size_t pos = 0;
	while (pos < len) {
		const char *pair = header + pos;
		const char *semi = memchr(pair, ';', len - pos);
		size_t plen = semi ? (size_t)(semi - pair) : len - pos;
		pos += plen + 1;
		/* trim optional white space on both sides */
		while (plen && is_ows(*pair)) {
			pair++;
			plen--;
		}
		while (plen && is_ows(pair[plen - 1]))
			plen--;
		const char *eq = memchr(pair, '=', plen);
		if (!eq)
			continue;
		size_t klen = (size_t)(eq - pair);
		if (klen != nlen || memcmp(pair, name, nlen) != 0)
			continue;
		const char *v = eq + 1;
		size_t vlen = plen - klen - 1;
		if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
			v++;
			vlen -= 2;
		}
		if (vlen + 1 > size)
			return -1;
		for (size_t i = 0; i < vlen; i++)
			if (!cookie_octet((unsigned char)v[i]))
				return -1;
		memcpy(out, v, vlen);
		out[vlen] = '\0';
		return (int)vlen;
	}
	return -1;
}

/* ---- JSON ---- */

static void set_key_error(struct parse_error *err, enum parse_status st, const char *key);

/* The top-level member of the JSON text buf whose value holds byte bad
 * (the first byte that is not UTF-8), into key (size n): a small scan of
 * strings and nesting, enough to name the field; jansson only says where
 * the text broke. false when bad is not inside a string value of a
 * top-level member (a key, or not an object). */
static bool member_at(const char *buf, size_t len, size_t bad, char *key, size_t n)
{
	int depth = 0;
	bool have_key = false;
	key[0] = '\0';
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			depth--;
		} else if (c == '"') {
			size_t start = i + 1, j = start;
			while (j < len && buf[j] != '"')
				j += buf[j] == '\\' ? 2 : 1;
			size_t k = j + 1;
			while (k < len && buf[k] && strchr(" \t\r\n", buf[k]))
				k++;
			bool is_key = depth == 1 && k < len && buf[k] == ':';
			if (bad >= start && bad < j)
				return !is_key && depth >= 1 && have_key;
			if (is_key) {
				size_t kl = j - start;
				have_key = kl > 0 && kl < n;
				if (have_key) {
					memcpy(key, buf + start, kl);
					key[kl] = '\0';
				}
			}
			i = j;
		}
	}
	return false;
}

json_t *json_body_parse(const char *buf, size_t len, struct parse_error *err)
{
	json_error_t je;
	set_error(err, PARSE_OK, NULL, 0);
	/* a text value that is not UTF-8: name its member (the API answers
	 * 422 with the field, as for any other bad value) */
	size_t bad;
	char key[FORM_KEY_MAX + 1];
	if (!utf8_valid(buf, len, &bad) && member_at(buf, len, bad, key, sizeof(key))) {
		set_key_error(err, PARSE_BAD_UTF8, key);
		if (err->field[0] != '?')
			return NULL;
		set_error(err, PARSE_OK, NULL, 0);
	}
	/* jansson rejects invalid UTF-8 and, with JSON_REJECT_DUPLICATES,
	 * repeated keys; JSON_ALLOW_NUL is deliberately not given, so "\u0000"
	 * inside a string is an error too. */
	json_t *j = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!j) {
		set_error(err, PARSE_BAD_JSON, NULL, 0);
		snprintf(err->detail, sizeof(err->detail), _("linje %d, kolonne %d"), je.line,
			 je.column);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		set_error(err, PARSE_BAD_JSON, NULL, 0);
		snprintf(err->detail, sizeof(err->detail), "%s", _("forventede et objekt {...}"));
		return NULL;
	}
	return j;
}

/* Copies a JSON member name into err->field only when it is a safe key. */
static void set_key_error(struct parse_error *err, enum parse_status st, const char *key)
{
	size_t n = strlen(key);
	bool safe = n > 0 && n <= FORM_KEY_MAX;
	for (size_t i = 0; safe && i < n; i++)
		safe = key_char((unsigned char)key[i]);
	set_error(err, st, safe ? key : "?", safe ? n : 1);
}

int json_only_keys(json_t *obj, const char *const *allowed, struct parse_error *err)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		bool ok = false;
		for (size_t i = 0; allowed[i]; i++)
			ok |= !strcmp(key, allowed[i]);
		if (!ok) {
			set_key_error(err, PARSE_UNKNOWN_FIELD, key);
			return -1;
		}
	}
	return 0;
}

int json_get_string(json_t *obj, const char *key, bool required, size_t max_bytes, const char **out,
		    struct parse_error *err)
{
	json_t *v = json_object_get(obj, key);
	*out = NULL;
	if (!v || json_is_null(v)) {
		if (!required)
			return 0;
		set_key_error(err, PARSE_MISSING_FIELD, key);
		return -1;
	}
	if (!json_is_string(v)) {
		set_key_error(err, PARSE_BAD_TYPE, key);
		return -1;
	}
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	if (n > max_bytes) {
		set_key_error(err, PARSE_FIELD_TOO_LONG, key);
		return -1;
	}
	enum parse_status st = check_text(s, n);
	if (st != PARSE_OK) {
		set_key_error(err, st, key);
		return -1;
	}
	*out = s;
	return 0;
}

bool id_parse(const char *s, long long *out)
{
	size_t n = strlen(s);
	if (!n || n > 18 || strspn(s, "0123456789") != n || s[0] == '0')
		return false;
	*out = strtoll(s, NULL, 10);
	return true;
}

bool json_prefix_open_member(const char *s, size_t len, char *key, size_t size)
{
	size_t i = 0, kl = 0;
	int depth = 0;
	bool in_str = false, esc = false, is_key = false, key_ok = false;
	bool expect_key = false, have_key = false, value_done = false;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i == len || s[i] != '{' || size < 2)
		return false;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (in_str) {
			if (esc) {
				esc = false;
				key_ok = key_ok && !is_key;
			} else if (c == '\\') {
				esc = true;
			} else if (c == '"') {
				in_str = false;
				if (is_key)
					have_key = key_ok && kl > 0;
				else if (depth == 1)
					value_done = true; /* a whole string value */
				is_key = false;
			} else if (is_key) {
				bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
					    (c >= '0' && c <= '9') || c == '_' || c == '-';
				if (word && kl < size - 1)
					key[kl++] = (char)c;
				else
					key_ok = false;
			}
			continue;
		}
		switch (c) {
		case '"':
			in_str = true;
			if (depth == 1 && expect_key) {
				is_key = true;
				key_ok = true;
				kl = 0;
				have_key = false;
				value_done = false;
				expect_key = false;
			}
			break;
		case '{':
			if (++depth == 1)
				expect_key = true;
			break;
		case '[':
			depth++;
			break;
		case '}':
		case ']':
			if (--depth < 1)
				return false; /* the object ended: not cut inside it */
			value_done = depth == 1;
			break;
		case ',':
			if (depth == 1) {
				expect_key = true;
				have_key = false;
			}
			break;
		default:
			break;
		}
	}
	if (depth < 1 || !have_key || expect_key || value_done)
		return false;
	key[kl] = '\0';
	return true;
}
