/* The re-plan merge (domain/replan.c): which stored meetings are kept,
 * updated or deleted, and which planned ones are added. Pure: lists built
 * in memory, no store. */
#include <stdlib.h>
#include <string.h>

#include "domain/replan.h"
#include "test.h"

enum { KEEP_BEFORE = 1000 };

static struct meeting mk(long long id, const char *uid, long day, enum meeting_status st)
{
	struct meeting m;
	memset(&m, 0, sizeof(m));
	m.id = id;
	m.uid = (char *)uid;
	m.body = (char *)"b";
	m.day = day;
	m.start = 14 * 60;
	m.duration = 90;
	m.status = st;
	return m;
}

static const struct replan_change *find(const struct replan_changes *c, enum replan_op op,
					const char *uid, long long id)
{
	for (size_t i = 0; i < c->nr; i++)
		if (c->v[i].op == op && c->v[i].id == id &&
		    (!uid || (c->v[i].planned && !strcmp(c->v[i].planned->uid, uid))))
			return &c->v[i];
	return NULL;
}

static void merge_keeps_updates_deletes_adds(void **state)
{
	(void)state;
	char *agenda_item = (char *)"Årsrapport";
	struct meeting sv[] = {
	    mk(1, "held", 1100, MEETING_HELD),          mk(2, "cancelled", 1100, MEETING_CANCELLED),
	    mk(3, "moved", 1100, MEETING_MOVED),        mk(4, "by-hand", 1100, MEETING_PLANNED),
	    mk(5, "ad-hoc", 1100, MEETING_PLANNED),     mk(6, "past", 900, MEETING_PLANNED),
	    mk(7, "same", 1100, MEETING_PLANNED),       mk(8, "new-time", 1100, MEETING_PLANNED),
	    mk(9, "new-agenda", 1100, MEETING_PLANNED), mk(10, "gone", 1100, MEETING_PLANNED),
	};
	sv[3].by_hand = true;
	sv[4].ad_hoc = true;
	struct meeting pv[] = {
	    mk(0, "held", 1200, MEETING_PLANNED),       mk(0, "cancelled", 1200, MEETING_PLANNED),
	    mk(0, "moved", 1200, MEETING_PLANNED),      mk(0, "by-hand", 1200, MEETING_PLANNED),
	    mk(0, "ad-hoc", 1200, MEETING_PLANNED),     mk(0, "past", 950, MEETING_PLANNED),
	    mk(0, "same", 1100, MEETING_PLANNED),       mk(0, "new-time", 1100, MEETING_PLANNED),
	    mk(0, "new-agenda", 1100, MEETING_PLANNED), mk(0, "added", 1300, MEETING_PLANNED),
	    mk(0, "added-past", 990, MEETING_PLANNED),
	};
	pv[7].start = 9 * 60;
	pv[8].agenda.v = &agenda_item;
	pv[8].agenda.nr = pv[8].agenda.alloc = 1;
	struct meeting_list stored = {sv, 10, 10};
	struct meeting_list plan = {pv, 11, 11};

	struct replan_changes c = REPLAN_CHANGES_INIT;
	replan_merge(&stored, &plan, KEEP_BEFORE, &c);
	/* held, cancelled, moved, by hand, ad hoc and past: kept as they are */
	assert_int_equal(c.stats.kept, 6);
	assert_int_equal(c.stats.unchanged, 1);
	assert_int_equal(c.stats.updated, 2);
	assert_int_equal(c.stats.removed, 1);
	/* "added-past" is before keep_before on a year already stored */
	assert_int_equal(c.stats.added, 1);
	assert_int_equal(c.nr, 4);
	/* stored order first (updates, deletes), then inserts */
	assert_int_equal(c.v[0].op, REPLAN_UPDATE);
	assert_int_equal(c.v[0].id, 8);
	assert_ptr_equal(c.v[0].planned, &pv[7]);
	assert_non_null(find(&c, REPLAN_UPDATE, "new-agenda", 9));
	assert_non_null(find(&c, REPLAN_DELETE, NULL, 10));
	assert_null(find(&c, REPLAN_DELETE, NULL, 10)->planned);
	assert_int_equal(c.v[3].op, REPLAN_INSERT);
	assert_int_equal(c.v[3].id, 0);
	assert_ptr_equal(c.v[3].planned, &pv[9]);
	replan_changes_release(&c);
	assert_int_equal(c.nr, 0);
}

static void merge_first_save_stores_whole_year(void **state)
{
	(void)state;
	struct meeting pv[] = {mk(0, "jan", 10, MEETING_PLANNED),
			       mk(0, "dec", 1300, MEETING_PLANNED)};
	struct meeting_list stored = {NULL, 0, 0};
	struct meeting_list plan = {pv, 2, 2};
	struct replan_changes c = REPLAN_CHANGES_INIT;
	replan_merge(&stored, &plan, KEEP_BEFORE, &c);
	assert_int_equal(c.stats.added, 2);
	assert_int_equal(c.nr, 2);
	assert_int_equal(c.v[0].op, REPLAN_INSERT);
	assert_ptr_equal(c.v[0].planned, &pv[0]);
	replan_changes_release(&c);

	/* an empty plan deletes every planned future meeting, keeps the rest */
	struct meeting sv[] = {mk(1, "a", 1100, MEETING_PLANNED), mk(2, "b", 1100, MEETING_HELD)};
	struct meeting_list stored2 = {sv, 2, 2};
	struct meeting_list none = {NULL, 0, 0};
	replan_merge(&stored2, &none, KEEP_BEFORE, &c);
	assert_int_equal(c.nr, 1);
	assert_int_equal(c.v[0].op, REPLAN_DELETE);
	assert_int_equal(c.v[0].id, 1);
	assert_int_equal(c.stats.kept, 1);
	replan_changes_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(merge_keeps_updates_deletes_adds),
	    cmocka_unit_test(merge_first_save_stores_whole_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
