/* replan.c - the re-plan merge (see replan.h). No I/O. */
#include "domain/replan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "util/banned.h"

static const struct meeting *find_uid(const struct meeting_list *l, const char *uid)
{
	for (size_t i = 0; i < l->nr; i++)
		if (l->v[i].uid && uid && !strcmp(l->v[i].uid, uid))
			return &l->v[i];
	return NULL;
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Does the stored meeting differ from the planned one in anything a
 * calendar shows? */
static bool differs(const struct meeting *a, const struct meeting *b)
{
	if (a->day != b->day || a->start != b->start || a->duration != b->duration ||
	    !same_str(a->district, b->district) || !same_str(a->institution, b->institution) ||
	    !same_str(a->theme, b->theme) || !same_str(a->body, b->body) ||
	    a->agenda.nr != b->agenda.nr)
		return true;
	for (size_t i = 0; i < a->agenda.nr; i++)
		if (strcmp(a->agenda.v[i], b->agenda.v[i]))
			return true;
	return false;
}

static void add(struct replan_changes *c, enum replan_op op, long long id,
		const struct meeting *planned)
{
	ALLOC_GROW(c->v, c->nr + 1, c->alloc);
	c->v[c->nr++] = (struct replan_change){op, id, planned};
}

void replan_merge(const struct meeting_list *stored, const struct meeting_list *plan,
		  long keep_before, struct replan_changes *out)
{
	memset(out, 0, sizeof(*out));
	struct replan_stats *stats = &out->stats;
	/* stored meetings first: keep, update or remove */
	for (size_t i = 0; i < stored->nr; i++) {
		const struct meeting *m = &stored->v[i];
		const struct meeting *p = find_uid(plan, m->uid);
		if (m->status != MEETING_PLANNED || m->by_hand || m->ad_hoc ||
		    m->day < keep_before) {
			stats->kept++;
		} else if (!p) {
			add(out, REPLAN_DELETE, m->id, NULL);
			stats->removed++;
		} else if (!differs(m, p)) {
			stats->unchanged++;
		} else {
			add(out, REPLAN_UPDATE, m->id, p);
			stats->updated++;
		}
	}
	/* then planned meetings not stored yet */
	for (size_t i = 0; i < plan->nr; i++) {
		const struct meeting *p = &plan->v[i];
		if (find_uid(stored, p->uid))
			continue;
		/* the past is not re-planned: a meeting the plan puts there now
		 * was never on the stored plan. (A year saved for the first
		 * time gets all its meetings.) */
		if (stored->nr && p->day < keep_before)
			continue;
		add(out, REPLAN_INSERT, 0, p);
		stats->added++;
	}
}

void replan_changes_release(struct replan_changes *c)
{
	free(c->v);
	memset(c, 0, sizeof(*c));
}
