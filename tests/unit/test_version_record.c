/* Issue 11: which stored strategy version is in force on a day
 * (domain/version_record.c, the mark of `ssp strategy versions`). */
#include <stdlib.h>
#include <string.h>

#include "domain/version_record.h"
#include "util/xalloc.h"
#include "test.h"

static void add(struct strategy_versions *l, long long id, const char *effective)
{
	ALLOC_GROW(l->v, l->nr + 1, l->alloc);
	struct strategy_version_row *r = &l->v[l->nr++];
	memset(r, 0, sizeof(*r));
	r->id = id;
	r->effective = xstrdup(effective);
}

static void in_force(void **state)
{
	(void)state;
	struct strategy_versions l = {0};
	assert_int_equal(strategy_version_in_force(&l, "2026-01-01"), -1); /* none stored */
	/* as the store lists them: by day, then as applied */
	add(&l, 1, "2025-01-01");
	add(&l, 3, "2026-06-01");
	add(&l, 4, "2026-06-01"); /* the same day, applied later: it wins */
	add(&l, 2, "2027-01-01");
	assert_int_equal(strategy_version_in_force(&l, "2024-12-31"), -1);
	assert_int_equal(strategy_version_in_force(&l, "2025-01-01"), 0);
	assert_int_equal(strategy_version_in_force(&l, "2026-05-31"), 0);
	assert_int_equal(strategy_version_in_force(&l, "2026-06-01"), 2);
	assert_int_equal(strategy_version_in_force(&l, "2026-12-31"), 2);
	assert_int_equal(strategy_version_in_force(&l, "2027-01-01"), 3);
	assert_int_equal(strategy_version_in_force(&l, "2099-01-01"), 3);
	strategy_versions_release(&l);
	assert_int_equal(l.nr, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(in_force),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
