/* replan.h - bringing a year's stored meetings in line with a new plan: a
 * pure function that says what to insert, update and delete. The store
 * applies the changes in one transaction (store_meetings_replan). */
#ifndef SSP_REPLAN_H
#define SSP_REPLAN_H

#include <stddef.h>

#include "domain/plan.h"

struct replan_stats {
	int added;     /* planned meetings that were not stored */
	int updated;   /* stored planned meetings whose time, theme ... changed */
	int unchanged; /* stored planned meetings the plan keeps as they are */
	int removed;   /* stored planned meetings the plan no longer has */
	int kept;      /* meetings re-planning must not touch (below) */
};

enum replan_op {
	REPLAN_INSERT, /* store planned as a new meeting */
	REPLAN_UPDATE, /* set stored meeting id to planned's body, district, time,
			* theme and agenda, SEQUENCE + 1 */
	REPLAN_DELETE  /* delete stored meeting id */
};

struct replan_change {
	enum replan_op op;
	long long id;                  /* the stored meeting (UPDATE, DELETE); else 0 */
	const struct meeting *planned; /* into the plan (INSERT, UPDATE); else NULL */
};

struct replan_changes {
	struct replan_change *v;
	size_t nr, alloc;
	struct replan_stats stats;
};

#define REPLAN_CHANGES_INIT                                                                        \
	{                                                                                          \
		NULL, 0, 0,                                                                        \
		{                                                                                  \
			0, 0, 0, 0, 0                                                              \
		}                                                                                  \
	}

/* The changes that bring stored (the year's stored meetings) in line with
 * plan (plan_year()'s output for that year), matching by UID. Stored
 * meetings that were held, cancelled or moved, changed by hand, added ad
 * hoc, or that start before keep_before (a day, calendar.h; the past is not
 * re-planned) are kept as they are, and a planned meeting with the same UID
 * is then not added; nor is a planned meeting before keep_before, unless
 * nothing of the year was stored yet (the first save stores the whole
 * year). Every other stored meeting is updated to the plan when it differs
 * in anything a calendar shows, or deleted when the plan no longer has it.
 * Changes come in stored order (updates and deletes), then plan order
 * (inserts); out->stats counts them. out->v points into plan: keep plan
 * alive while using it. Free with replan_changes_release. */
void replan_merge(const struct meeting_list *stored, const struct meeting_list *plan,
		  long keep_before, struct replan_changes *out);
void replan_changes_release(struct replan_changes *c);

#endif
