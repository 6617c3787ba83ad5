/* fuzz_body_check.h - what a JSON API body's parser (web/concern_body.c,
 * web/followup_body.c) promises of every string it hands on, checked by
 * their fuzz targets: at most FUZZ_BODY_MAX bytes of valid UTF-8 without
 * control characters other than tab and line breaks. */
#ifndef SSP_FUZZ_BODY_CHECK_H
#define SSP_FUZZ_BODY_CHECK_H

#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

#define FUZZ_BODY_MAX 64

static inline void check_str(const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	if (n > FUZZ_BODY_MAX || !utf8_valid(s, n, NULL))
		abort();
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
			abort();
	}
}

#endif
