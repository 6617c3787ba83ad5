/* team_record.c - releasing the SSP-team's records (team_record.h). */
#include "domain/team_record.h"

#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

void offer_row_release(struct offer_row *r)
{
	free(r->name);
	free(r->provider);
	strlist_clear(&r->themes);
	strlist_clear(&r->districts);
	free(r->referral);
	free(r->contact);
	free(r->owner);
	free(r->updated_at);
	free(r->updated_by);
	memset(r, 0, sizeof(*r));
}

void offer_rows_release(struct offer_rows *l)
{
	for (size_t i = 0; i < l->nr; i++)
		offer_row_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void event_row_release(struct event_row *r)
{
	free(r->uid);
	free(r->name);
	free(r->place);
	free(r->audience);
	free(r->expected);
	free(r->risk_notes);
	free(r->call_list);
	free(r->evaluation);
	free(r->recurring);
	free(r->created_by);
	memset(r, 0, sizeof(*r));
}

void event_rows_release(struct event_rows *l)
{
	for (size_t i = 0; i < l->nr; i++)
		event_row_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void registration_rows_release(struct registration_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].username);
		free(l->v[i].name);
		free(l->v[i].role);
		free(l->v[i].institution);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void trainee_rows_release(struct trainee_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].username);
		free(l->v[i].name);
		free(l->v[i].institution);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void shift_rows_release(struct shift_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].username);
		free(l->v[i].name);
		free(l->v[i].task);
		free(l->v[i].event_name);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void note_rows_release(struct note_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		struct note_row *n = &l->v[i];
		free(n->title);
		free(n->body);
		free(n->created_at);
		free(n->created_by);
		strlist_clear(&n->roles);
		strlist_clear(&n->bodies);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void advice_rows_release(struct advice_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].asker);
		free(l->v[i].theme);
		free(l->v[i].district);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void advice_counts_release(struct advice_counts *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].theme);
		free(l->v[i].district);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
