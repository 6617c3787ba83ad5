/* The steering group's statistics (svc_concern_stats, issue 10): the
 * counts kept per connection and made again only when something they
 * count changed (the stats_epoch table and its triggers), the year found
 * through the index concern_opened. Each answer is held to a reference
 * made here from scratch the way the statistics were made before they were
 * kept: every row of the year read with its own SQL, turned into the
 * domain's rows (concern_age, concern_category_level, the district's
 * index) and counted by concern_stats_count. Over hand-made edge cases
 * (birthdays and 29 February, New Year, no district, a category or
 * district the strategy no longer has, five categories and the three of
 * tests/fixtures/anderledes.ini) and over a seeded random set, after
 * changes through another connection and through the service's own, a
 * kept answer that is stale fails. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/concern.h"
#include "domain/org.h"
#include "service/concern.h"
#include "service/service.h"
#include "service/service_internal.h"
#include "store/concern_store.h"
#include "util/xalloc.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

/* Five categories, three districts. */
#define STRATEGY5                                                                                  \
	"[kommune]\nnavn = Fem\npolitikreds = P\n"                                                 \
	"[distrikt \"nord\"]\nnavn = Nord\n[distrikt \"syd\"]\nnavn = Syd\n"                       \
	"[distrikt \"vest\"]\nnavn = Vest\n"                                                       \
	"[kategori \"k1\"]\nnavn = En\n[kategori \"k2\"]\nnavn = To\n"                             \
	"[kategori \"k3\"]\nnavn = Tre\n[kategori \"k4\"]\nnavn = Fire\n"                          \
	"[kategori \"k5\"]\nnavn = Fem\n"                                                          \
	"[organ \"p115\"]\nnavn = P115\nniveau = udførende\nformål = f\nansvarlig = r\n"         \
	"navngivne-personer = ja\nfrekvens = hver 14. dag\n"

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "cstats", STRATEGY5);
}

static int teardown(void **state)
{
	(void)state;
	concern_stats_cache_free(&fx.svc); /* service_close's; the fixture closes the store */
	fixture_teardown(&fx);
	return 0;
}

/* ---- another connection ------------------------------------------------- */

static sqlite3 *other(void)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static void run(sqlite3 *db, const char *sql)
{
	char *e = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK)
		fail_msg("%s: %s", sql, e ? e : "?");
}

/* A person born on birth (YYYY-MM-DD) in district (NULL: none). */
static long long person(sqlite3 *db, const char *birth, const char *district)
{
	sqlite3_stmt *st;
	assert_int_equal(
	    sqlite3_prepare_v2(db,
			       "INSERT INTO person (birth_date, district_id, created_at,"
			       " created_by) VALUES (?, ?, '2015-01-01T00:00:00Z', 't')",
			       -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, birth, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, district, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(db);
}

/* A concern of category about person, opened at (an *_at timestamp). */
static long long concern(sqlite3 *db, long long p, const char *category, const char *at)
{
	sqlite3_stmt *st;
	assert_int_equal(
	    sqlite3_prepare_v2(db,
			       "INSERT INTO concern (person_id, category_id, legal_basis,"
			       " necessity, opened_at, opened_by) VALUES (?, ?, 'ssp', 1,"
			       " ?, 't')",
			       -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, p);
	sqlite3_bind_text(st, 2, category, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(db);
}

/* ---- the reference: counted from scratch, as before ------------------------ */

static void reference(int year, struct org *o, struct concern_stats *out)
{
	char *err = NULL;
	org_init(o);
	assert_int_equal(service_org_get(&fx.svc, o, &err), 0);
	sqlite3 *db = other();
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT c.category_id, p.district_id, p.birth_date,"
					    " substr(c.opened_at, 1, 10) FROM concern c"
					    " JOIN person p ON p.id = c.person_id ORDER BY c.id",
					    -1, &st, NULL),
			 SQLITE_OK);
	struct stats_row *rows = NULL;
	size_t nr = 0, alloc = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *cat = (const char *)sqlite3_column_text(st, 0);
		const char *dist = (const char *)sqlite3_column_text(st, 1);
		struct date birth, opened;
		assert_int_equal(cal_parse_date((const char *)sqlite3_column_text(st, 2), &birth),
				 0);
		assert_int_equal(cal_parse_date((const char *)sqlite3_column_text(st, 3), &opened),
				 0);
		if (opened.y != year) /* the year chosen here, not in SQL */
			continue;
		ALLOC_GROW(rows, nr + 1, alloc);
		struct stats_row *r = &rows[nr++];
		r->category = concern_category_level(o, cat);
		r->age = concern_age(birth, opened);
		r->district = -1;
		for (size_t k = 0; dist && k < o->districts_nr; k++)
			if (!strcmp(o->districts[k].id, dist))
				r->district = (int)k;
		r->month = opened.m;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	concern_stats_count(o, rows, nr, out);
	free(rows);
}

/* svc_concern_stats for year equals the reference, names included;
 * returns the total. */
static long check(int year)
{
	struct org o, ro;
	org_init(&o);
	struct concern_stats st, ref;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_concern_stats(&fx.svc, &fx.cli, year, &o, &st, &r) < 0)
		fail_msg("svc_concern_stats %d: %s", year, r.message ? r.message : "?");
	reference(year, &ro, &ref);
	assert_int_equal(st.total, ref.total);
	assert_int_equal(st.categories_nr, ref.categories_nr);
	assert_int_equal(st.districts_nr, ref.districts_nr);
	for (size_t i = 0; i < ref.categories_nr; i++) {
		assert_int_equal(st.by_category[i], ref.by_category[i]);
		assert_string_equal(o.categories[i].id, ro.categories[i].id);
		assert_string_equal(o.categories[i].name, ro.categories[i].name);
	}
	for (size_t i = 0; i <= ref.districts_nr; i++)
		assert_int_equal(st.by_district[i], ref.by_district[i]);
	for (size_t i = 0; i < ref.districts_nr; i++) {
		assert_string_equal(o.districts[i].id, ro.districts[i].id);
		assert_string_equal(o.districts[i].name, ro.districts[i].name);
	}
	for (int b = 0; b < AGE_BAND__COUNT; b++)
		assert_int_equal(st.by_age[b], ref.by_age[b]);
	for (int m = 0; m < 12; m++)
		assert_int_equal(st.by_month[m], ref.by_month[m]);
	long total = st.total;
	concern_stats_release(&st);
	concern_stats_release(&ref);
	org_release(&o);
	org_release(&ro);
	svc_result_clear(&r);
	return total;
}

static void check_years(void)
{
	for (int y = 2015; y <= 2030; y++)
		check(y);
}

static char *read_fixture(const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/fixtures/%s", SSP_SOURCE_DIR, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *text = xmalloc((size_t)n + 1);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* ---- the tests -------------------------------------------------------------- */

static void edge_cases(void **state)
{
	(void)state;
	sqlite3 *db = other();
	/* born 15 March 2010: 9 the day before the birthday, 10 on it, and so
	 * on at every band's edge */
	long long p = person(db, "2010-03-15", "nord");
	concern(db, p, "k1", "2020-03-14T10:00:00Z"); /* 9: under 10 */
	concern(db, p, "k2", "2020-03-15T10:00:00Z"); /* 10 */
	concern(db, p, "k3", "2025-03-14T10:00:00Z"); /* 14 */
	concern(db, p, "k4", "2025-03-15T10:00:00Z"); /* 15 */
	concern(db, p, "k5", "2028-03-14T10:00:00Z"); /* 17 */
	concern(db, p, "k5", "2028-03-15T10:00:00Z"); /* 18 */
	/* born 29 February: 10 only from 1 March in a year without one */
	long long leap = person(db, "2008-02-29", "syd");
	concern(db, leap, "k1", "2018-02-28T12:00:00Z");
	concern(db, leap, "k1", "2018-03-01T12:00:00Z");
	concern(db, leap, "k2", "2024-02-29T12:00:00Z");
	/* New Year: the last second of one year and the first of the next */
	long long none = person(db, "2012-07-01", NULL); /* no district */
	concern(db, none, "k3", "2024-12-31T23:59:59Z");
	concern(db, none, "k3", "2025-01-01T00:00:00Z");
	/* opened before the birth day (cannot be entered; counts as under 10) */
	concern(db, none, "k4", "2011-06-01T08:00:00Z");
	sqlite3_close(db);
	check_years();
	/* the bands by hand for 2020 and 2025 and 2028 */
	struct org o;
	org_init(&o);
	struct concern_stats st;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_concern_stats(&fx.svc, &fx.cli, 2028, &o, &st, &r), 0);
	assert_int_equal(st.total, 2);
	assert_int_equal(st.by_age[AGE_15_17], 1);
	assert_int_equal(st.by_age[AGE_18_25], 1);
	assert_int_equal(st.by_category[4], 2);
	assert_int_equal(st.by_month[2], 2);
	concern_stats_release(&st);
	org_release(&o);
	org_init(&o);
	assert_int_equal(svc_concern_stats(&fx.svc, &fx.cli, 2025, &o, &st, &r), 0);
	assert_int_equal(st.total, 3);
	assert_int_equal(st.by_age[AGE_10_14], 2);
	assert_int_equal(st.by_age[AGE_15_17], 1);
	assert_int_equal(st.by_district[0], 2);
	assert_int_equal(st.by_district[3], 1); /* unknown */
	assert_int_equal(st.by_month[0], 1);
	concern_stats_release(&st);
	org_release(&o);
	org_init(&o);
	assert_int_equal(svc_concern_stats(&fx.svc, &fx.cli, 2018, &o, &st, &r), 0);
	assert_int_equal(st.by_age[AGE_UNDER_10], 1);
	assert_int_equal(st.by_age[AGE_10_14], 1);
	concern_stats_release(&st);
	org_release(&o);
	svc_result_clear(&r);

	/* another strategy: three categories and twelve districts; the five
	 * categories and three districts are no longer the strategy's, so
	 * their concerns are not counted (categories) or count as unknown
	 * (districts) */
	check(2025);
	char *text = read_fixture("anderledes.ini");
	fixture_apply(&fx, text);
	free(text);
	assert_int_equal(check(2025), 0); /* none of the three categories yet */
	db = other();
	long long q = person(db, "2011-01-01", "d03");
	concern(db, q, "gul", "2025-05-01T09:00:00Z");
	concern(db, q, "roed", "2025-06-01T09:00:00Z");
	concern(db, p, "orange", "2025-07-01T09:00:00Z"); /* district nord: gone */
	sqlite3_close(db);
	assert_int_equal(check(2025), 3);
	check_years();
}

/* A seeded random set, compared year by year; then changed at random
 * through another connection, compared after each change. */
static unsigned long long rng = 88172645463325252ULL;
static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void random_set(void **state)
{
	(void)state;
	static const char *const cats[] = {"k1", "k2", "k3", "k4", "k5"};
	static const char *const dists[] = {"nord", "syd", "vest", NULL};
	sqlite3 *db = other();
	run(db, "BEGIN");
	long long people[400];
	for (int i = 0; i < 400; i++) {
		char birth[48];
		int y = 1998 + (int)next(20), m = 1 + (int)next(12);
		int d = m == 2 ? 1 + (int)next(29) : 1 + (int)next(28);
		if (m == 2 && d == 29 && y % 4)
			d = 28;
		snprintf(birth, sizeof(birth), "%04d-%02d-%02d", y, m, d);
		people[i] = person(db, birth, dists[next(4)]);
	}
	for (int i = 0; i < 1500; i++) {
		char at[64];
		snprintf(at, sizeof(at), "%04d-%02d-%02dT%02d:%02d:%02dZ", 2016 + (int)next(12),
			 1 + (int)next(12), 1 + (int)next(28), (int)next(24), (int)next(60),
			 (int)next(60));
		concern(db, people[next(400)], cats[next(5)], at);
	}
	run(db, "COMMIT");
	check_years();
	/* each change is to one of the year's concerns (or its person) and
	 * moves it in at least one dimension */
	for (int round = 0; round < 40; round++) {
		int y = round % 3 ? 2021 : 2016 + (int)next(12);
		char one[160], sql[512];
		snprintf(one, sizeof(one),
			 "(SELECT id FROM concern WHERE opened_at LIKE '%d-%%' ORDER BY id"
			 " LIMIT 1 OFFSET %u)",
			 y, next(60));
		switch (round % 5) {
		case 0: /* the next category */
			snprintf(
			    sql, sizeof(sql),
			    "UPDATE concern SET category_id = 'k' ||"
			    " (CAST(substr(category_id, 2) AS INTEGER) %% 5 + 1) WHERE id = %s",
			    one);
			break;
		case 1: /* into vest, or out of any district */
			snprintf(sql, sizeof(sql),
				 "UPDATE person SET district_id = CASE WHEN district_id IS 'vest'"
				 " THEN NULL ELSE 'vest' END"
				 " WHERE id = (SELECT person_id FROM concern WHERE id = %s)",
				 one);
			break;
		case 2: /* five years older */
			snprintf(sql, sizeof(sql),
				 "UPDATE person SET birth_date = date(birth_date, '-5 years')"
				 " WHERE id = (SELECT person_id FROM concern WHERE id = %s)",
				 one);
			break;
		case 3: /* another month */
			snprintf(sql, sizeof(sql),
				 "UPDATE concern SET opened_at = CASE WHEN substr(opened_at, 6, 2) "
				 "= '06'"
				 " THEN '%d-07-15T12:00:00Z' ELSE '%d-06-15T12:00:00Z' END WHERE "
				 "id = %s",
				 y, y, one);
			break;
		default:
			snprintf(sql, sizeof(sql), "DELETE FROM concern WHERE id = %s", one);
		}
		check(y); /* kept now */
		run(db, sql);
		check(y); /* counted again */
	}
	sqlite3_close(db);
}

/* Kept while nothing counted changed, whatever else is committed (each
 * call's own access-log entry); counted again after a change by another
 * connection or by this one. */
static void kept_until_changed(void **state)
{
	(void)state;
	sqlite3 *db = other();
	long long p = person(db, "2011-04-01", "syd");
	long long c1 = concern(db, p, "k2", "2025-02-01T10:00:00Z");
	sqlite3_close(db);
	int logged = fixture_count_log(&fx, "concern.stats", NULL);
	assert_int_equal(check(2025), 1);
	long loads = svc_concern_stats_loads(&fx.svc);
	assert_int_equal(check(2025), 1);
	assert_int_equal(check(2025), 1);
	/* two more answers, each logged, and none of the entries made the
	 * connection count again */
	assert_int_equal(svc_concern_stats_loads(&fx.svc), loads);
	assert_int_equal(fixture_count_log(&fx, "concern.stats", NULL), logged + 3);

	/* a new concern through another connection: in the next answer */
	char sql[160];
	db = other();
	long long c2 = concern(db, p, "k3", "2025-03-01T10:00:00Z");
	assert_int_equal(check(2025), 2);
	assert_int_equal(svc_concern_stats_loads(&fx.svc), loads + 1);
	/* closed: still counted (the year's opened concerns), not counted again */
	snprintf(sql, sizeof(sql),
		 "UPDATE concern SET status = 'closed', closed_at = '2025-04-01T00:00:00Z',"
		 " closed_by = 't' WHERE id = %lld",
		 c1);
	run(db, sql);
	assert_int_equal(check(2025), 2);
	assert_int_equal(svc_concern_stats_loads(&fx.svc), loads + 1);
	/* the person moves district; the category changes; a concern goes */
	run(db, "UPDATE person SET district_id = 'nord'");
	check(2025);
	snprintf(sql, sizeof(sql), "UPDATE concern SET category_id = 'k5' WHERE id = %lld", c1);
	run(db, sql);
	check(2025);
	snprintf(sql, sizeof(sql), "DELETE FROM concern WHERE id = %lld", c2);
	run(db, sql);
	assert_int_equal(check(2025), 1);
	sqlite3_close(db);

	/* through this very connection: a concern closed by the store (not a
	 * change to the counts), and a strategy that renames a category */
	db = other();
	long long c4 = concern(db, p, "k4", "2025-09-01T10:00:00Z");
	sqlite3_close(db);
	assert_int_equal(check(2025), 2);
	loads = svc_concern_stats_loads(&fx.svc);
	char *err = NULL;
	assert_int_equal(concern_store_concern_close(fx.svc.store, c4, "t", &err), 0);
	assert_int_equal(check(2025), 2);
	assert_int_equal(svc_concern_stats_loads(&fx.svc), loads);
	char text[2048];
	snprintf(text, sizeof(text), "%s", STRATEGY5);
	memcpy(strstr(text, "navn = To"), "navn = 2!", 9);
	fixture_apply(&fx, text);
	check(2025);
	assert_int_equal(svc_concern_stats_loads(&fx.svc), loads + 1);
	/* another year is counted for itself, and the first again after it */
	check(2024);
	check(2025);
	assert_int_equal(svc_concern_stats_loads(&fx.svc), loads + 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(edge_cases, setup, teardown),
	    cmocka_unit_test_setup_teardown(random_set, setup, teardown),
	    cmocka_unit_test_setup_teardown(kept_until_changed, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
