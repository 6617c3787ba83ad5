/* fuzz_json.c - libFuzzer target for JSON request bodies (src/web/parse.c
 * json_body_parse, json_only_keys, json_get_string): what POST
 * /api/v1/users does with its body. Accepted input must be one object;
 * strings handed out must be valid UTF-8 without control characters and
 * within the length limit; every error must carry a status and a message.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "web/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const keys[] = {"username",    "name",     "role", "org",
				   "institution", "password", NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parse_error err;
	char msg[512];
	/* the member a cut body ends in: a short word, or nothing */
	char key[16];
	if (json_prefix_open_member((const char *)data, size, key, sizeof(key))) {
		size_t kn = strlen(key);
		if (!kn || kn >= sizeof(key) ||
		    strspn(key, "abcdefghijklmnopqrstuvwxyz"
				"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != kn)
			abort();
	}
	json_t *j = json_body_parse((const char *)data, size, &err);
	if (!j) {
		/* a text value that is not UTF-8 is named by its member */
		if (err.status != PARSE_BAD_JSON && !(err.status == PARSE_BAD_UTF8 && err.field[0]))
			abort();
		parse_error_message(&err, msg, sizeof(msg));
		if (!msg[0])
			abort();
		return 0;
	}
	if (!json_is_object(j))
		abort();
	if (json_only_keys(j, keys, &err) < 0) {
		if (err.status != PARSE_UNKNOWN_FIELD || !err.field[0])
			abort();
	}
	for (size_t i = 0; keys[i]; i++) {
		const char *s = NULL;
		int rc = json_get_string(j, keys[i], i % 2 == 0, 32, &s, &err);
		if (rc == 0 && s) {
			size_t n = strlen(s);
			if (n > 32 || !utf8_valid(s, n, NULL))
				abort();
			for (size_t k = 0; k < n; k++) {
				unsigned char c = (unsigned char)s[k];
				if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
					abort();
			}
		} else if (rc == 0 && i % 2 == 0) {
			abort(); /* required but absent must fail */
		} else if (rc != 0) {
			if (err.status == PARSE_OK || strcmp(err.field, keys[i]) != 0)
				abort();
			parse_error_message(&err, msg, sizeof(msg));
		}
	}
	json_decref(j);
	return 0;
}
