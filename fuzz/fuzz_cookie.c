/* fuzz_cookie.c - libFuzzer target for the Cookie header parser
 * (src/web/parse.c cookie_get). The first byte picks the cookie name to
 * look for; the rest is the header value. A value that comes back must fit
 * the buffer, be NUL-terminated at the returned length and hold only RFC
 * 6265 cookie-octets (so it can go into a header or HTML unchanged).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {"ssp_session", "ssp_csrf", "a", "x y"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *name = names[data[0] % 4];
	const char *header = (const char *)data + 1;
	size_t len = size - 1;
	char out[45];
	memset(out, 0x5a, sizeof(out));
	int rc = cookie_get(header, len, name, out, sizeof(out));
	if (rc < -1 || rc >= (int)sizeof(out))
		abort();
	if (rc >= 0) {
		if (out[rc] != '\0' || strlen(out) != (size_t)rc)
			abort();
		for (int i = 0; i < rc; i++) {
			unsigned char c = (unsigned char)out[i];
			if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\')
				abort();
		}
		/* the value came from the header: it is a substring of it */
		int found = 0;
		for (size_t i = 0; i + (size_t)rc <= len && !found; i++)
			found = memcmp(header + i, out, (size_t)rc) == 0;
		if (!found)
			abort();
	}
	return 0;
}
