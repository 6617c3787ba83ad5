/* utf8.h - UTF-8 checks for text that comes from outside. */
#ifndef SSP_UTF8_H
#define SSP_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF). On false, *bad_at (if given) is the offset of the
 * first byte that is not. */
bool utf8_valid(const char *s, size_t len, size_t *bad_at);

/* The longest prefix of s[0..len) of at most max bytes that does not end
 * inside a multi-byte character. */
size_t utf8_prefix_len(const char *s, size_t len, size_t max);

/* Lower-cases s in place: ASCII and the Latin-1 letters (Æ Ø Å É ...), which
 * keep their length in UTF-8. Other characters are left as they are. */
void utf8_lower_latin1(char *s);

/* Decodes the character at s (left > 0 bytes) into *cp and returns its
 * length; for a byte that does not start a well-formed character (as
 * utf8_valid judges), *cp = -1 and the length is 1. */
size_t utf8_decode(const char *s, size_t left, long *cp);

#endif
