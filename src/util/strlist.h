/* strlist.h - an owned, ordered list of strings. */
#ifndef SSP_STRLIST_H
#define SSP_STRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct strlist {
	char **v;
	size_t nr, alloc;
};

#define STRLIST_INIT                                                                               \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Appends a copy of s. */
void strlist_add(struct strlist *l, const char *s);
/* Appends s and takes ownership of it. */
void strlist_add_owned(struct strlist *l, char *s);
void strlist_clear(struct strlist *l);
/* Does l hold a string equal to s (s NULL: no)? */
bool strlist_has(const struct strlist *l, const char *s);

#endif
