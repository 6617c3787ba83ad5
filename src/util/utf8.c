#include "util/utf8.h"

/* Hand-written because glib's g_utf8_validate would pull GLib into every
 * module for one loop; this follows the table in RFC 3629, section 4. */
bool utf8_valid(const char *str, size_t len, size_t *bad_at)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		unsigned char lo = 0x80, hi = 0xBF;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			goto bad;
		}
		if (i + n >= len)
			goto bad;
		if (s[i + 1] < lo || s[i + 1] > hi)
			goto bad;
		for (size_t k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				goto bad;
		i += n + 1;
	}
	return true;
bad:
	if (bad_at)
		*bad_at = i;
	return false;
}

size_t utf8_prefix_len(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t n = max;
	/* back off over continuation bytes to the start of the cut character */
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

void utf8_lower_latin1(char *s)
{
	unsigned char *u = (unsigned char *)s;
	for (; *u; u++) {
		if (*u < 0x80) {
			if (*u >= 'A' && *u <= 'Z')
				*u = (unsigned char)(*u + ('a' - 'A'));
		} else if (*u == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97) {
			u[1] += 0x20;
			u++;
		}
	}
}
