/* meeting_record.c - the people lists and minutes of meeting_record.h. */
#include "domain/meeting_record.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "util/banned.h"

struct person *person_list_add(struct person_list *l)
{
	ALLOC_GROW(l->v, l->nr + 1, l->alloc);
	struct person *p = &l->v[l->nr++];
	memset(p, 0, sizeof(*p));
	return p;
}

void person_list_release(struct person_list *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].username);
		free(l->v[i].name);
		free(l->v[i].org);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void minutes_release(struct minutes *m)
{
	free(m->text);
	free(m->updated_at);
	free(m->updated_by);
	memset(m, 0, sizeof(*m));
}
