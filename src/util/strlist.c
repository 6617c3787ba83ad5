#include "util/strlist.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void strlist_add(struct strlist *l, const char *s)
{
	strlist_add_owned(l, xstrdup(s));
}

void strlist_add_owned(struct strlist *l, char *s)
{
	ALLOC_GROW(l->v, l->nr + 1, l->alloc);
	l->v[l->nr++] = s;
}

void strlist_clear(struct strlist *l)
{
	for (size_t i = 0; i < l->nr; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->nr = l->alloc = 0;
}

bool strlist_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; s && i < l->nr; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}
