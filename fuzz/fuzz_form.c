/* fuzz_form.c - libFuzzer target for the form / query-string parser
 * (src/web/parse.c form_parse), form_add (a multipart part's key and
 * value, web/upload.c: the input split at its first '='), the id parser (id_parse) on every value,
 * and the HTML escaper that later prints the
 * values (src/web/html.c html_escape).
 *
 * Small limits (values of 64 bytes, 8 fields) so the fuzzer reaches the
 * limit paths quickly. A broken promise of web/parse.h or web/html.h calls
 * abort(), which libFuzzer reports as a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/utf8.h"
#include "web/html.h"
#include "web/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int key_ok(const char *k)
{
	size_t n = strlen(k);
	if (n == 0 || n > FORM_KEY_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = k[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-'))
			return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct form_limits lim = {64, 8};
	struct form f;
	struct parse_error err;
	char msg[512];
	int rc = form_parse((const char *)data, size, &lim, &f, &err);
	parse_error_message(&err, msg, sizeof(msg));
	if (!utf8_valid(msg, strlen(msg), NULL))
		abort();
	if (rc == 0) {
		if (err.status != PARSE_OK || f.nr > lim.max_fields)
			abort();
		for (size_t i = 0; i < f.nr; i++) {
			const struct form_field *x = &f.v[i];
			if (!key_ok(x->key))
				abort();
			if (strlen(x->value) != x->value_len || x->value_len > lim.max_field_bytes)
				abort();
			if (!utf8_valid(x->value, x->value_len, NULL))
				abort();
			for (size_t k = 0; k < x->value_len; k++) {
				unsigned char c = (unsigned char)x->value[k];
				if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
					abort();
			}
			/* every value may be an id (path segments, form fields):
			 * id_parse accepts only 1-18 digits without a leading zero */
			long long id = 0;
			if (id_parse(x->value, &id) &&
			    (id < 1 || x->value_len > 18 || x->value[0] == '0'))
				abort();
			if (form_get(&f, x->key) !=
			    f.v[i].value) /* no duplicates: first is itself */
				abort();
			/* escaped output: no markup characters, still UTF-8 */
			struct strbuf sb = STRBUF_INIT;
			html_escape(&sb, x->value, x->value_len);
			if (strpbrk(sb.buf, "<>\"'") || !utf8_valid(sb.buf, sb.len, NULL))
				abort();
			strbuf_release(&sb);
		}
	} else {
		if (rc != -1 || err.status == PARSE_OK || f.nr != 0 || f.v != NULL)
			abort();
		if (err.field[0] && !key_ok(err.field))
			abort();
	}
	/* form_add: key before the first '=', the value after it; added twice,
	 * the second is a duplicate */
	const char *eq = memchr(data, '=', size);
	if (eq && (size_t)((const uint8_t *)eq - data) <= 80) {
		char key[81];
		size_t kl = (size_t)((const uint8_t *)eq - data);
		memcpy(key, data, kl);
		key[kl] = '\0';
		const char *v = eq + 1;
		size_t vl = size - kl - 1;
		struct form g;
		form_init(&g);
		if (form_add(&g, key, v, vl, &lim, &err) == 0) {
			if (err.status != PARSE_OK || g.nr != 1 || !key_ok(g.v[0].key) ||
			    g.v[0].value_len != vl || vl > lim.max_field_bytes ||
			    strlen(g.v[0].value) != vl || !utf8_valid(g.v[0].value, vl, NULL) ||
			    memcmp(g.v[0].value, v, vl) != 0)
				abort();
			if (form_add(&g, key, v, vl, &lim, &err) != -1 ||
			    err.status != PARSE_DUPLICATE || g.nr != 1)
				abort();
		} else if (err.status == PARSE_OK || g.nr != 0 ||
			   (err.field[0] && !key_ok(err.field))) {
			abort();
		}
		form_release(&g);
	}
	/* the escaper on raw bytes too: never markup, always UTF-8 */
	struct strbuf raw = STRBUF_INIT;
	html_escape(&raw, (const char *)data, size);
	if (strpbrk(raw.buf, "<>\"'") || !utf8_valid(raw.buf, raw.len, NULL) ||
	    memchr(raw.buf, '\0', raw.len))
		abort();
	strbuf_release(&raw);
	form_release(&f);
	return 0;
}
