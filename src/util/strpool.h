/* strpool.h - a set of interned strings.
 *
 * A CSV file of a million rows repeats the same few indicator, group,
 * category and district names on every line; the pool keeps one copy of
 * each, so rows can hold borrowed pointers that compare equal exactly when
 * the strings do. The pool owns every string it returns; they stay valid
 * until strpool_release(). Allocation failure aborts (xalloc.h). */
#ifndef SSP_STRPOOL_H
#define SSP_STRPOOL_H

#include <stddef.h>

struct strpool {
	char **slot; /* open addressing, NULL = empty */
	size_t cap;  /* power of two, or 0 */
	size_t nr;
};

#define STRPOOL_INIT                                                                               \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* The pool's copy of s[0..len) (which need not be NUL-terminated). */
const char *strpool_intern(struct strpool *p, const char *s, size_t len);
void strpool_release(struct strpool *p);

#endif
