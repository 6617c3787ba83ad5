/* school_record.c - releasing the records of school_record.h. */
#include "domain/school_record.h"

#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

void institution_row_release(struct institution_row *r)
{
	free(r->id);
	free(r->name);
	free(r->district);
	free(r->district_name);
	memset(r, 0, sizeof(*r));
}

void institution_rows_release(struct institution_rows *l)
{
	for (size_t i = 0; i < l->nr; i++)
		institution_row_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void contact_rows_release(struct contact_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].username);
		free(l->v[i].name);
		free(l->v[i].institution);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void laeseplan_row_release(struct laeseplan_row *r)
{
	free(r->institution);
	free(r->grade);
	free(r->theme);
	free(r->updated_at);
	free(r->updated_by);
	memset(r, 0, sizeof(*r));
}

void laeseplan_rows_release(struct laeseplan_rows *l)
{
	for (size_t i = 0; i < l->nr; i++)
		laeseplan_row_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void theme_day_rows_release(struct theme_day_rows *l)
{
	for (size_t i = 0; i < l->nr; i++)
		free(l->v[i].theme);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void attendance_rows_release(struct attendance_rows *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}
