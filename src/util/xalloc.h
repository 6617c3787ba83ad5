/* xalloc.h - allocation that never returns NULL.
 *
 * Out of memory is not an input error a user can fix; the process stops
 * with a message instead of carrying on with half-built state. */
#ifndef SSP_XALLOC_H
#define SSP_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
_Noreturn void xdie_oom(void);

/* Grows an array to hold at least nr elements (git's ALLOC_GROW). */
#define ALLOC_GROW(x, nr, alloc)                                                                   \
	do {                                                                                       \
		if ((nr) > (alloc)) {                                                              \
			(alloc) = (alloc) ? (alloc)*2 : 8;                                         \
			if ((alloc) < (nr))                                                        \
				(alloc) = (nr);                                                    \
			(x) = xrealloc((x), (alloc) * sizeof(*(x)));                               \
		}                                                                                  \
	} while (0)

#endif
