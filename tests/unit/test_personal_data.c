/* The personal-data declaration (store/personal_data.h) against the real
 * schema: every column of every table (PRAGMA table_info over the
 * migrated database) that looks personal by its name or type is declared
 * personal or declared non-personal with a reason; every declared column
 * exists; every sealed column is declared personal; every personal
 * column of a young person says how its row reaches the person.
 *
 * SSP_TEST_EXTRA_COLUMN=table.column (used by the test that shows this
 * test can fail) adds an undeclared column to the schema first. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/personal_data.h"
#include "store/sealed_store.h"
#include "store/store.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "personal", NULL);
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

/* Does a column look personal? Its name has one of these words (as a
 * whole part between underscores), or it is a BLOB. */
static bool looks_personal(const char *column, const char *type)
{
	static const char *const words[] = {
	    "name",    "cpr",    "phone", "summary", "text",    "necessity", "reason",
	    "birth",   "note",   "notes", "subject", "contact", "body",      "username",
	    "address", "client", "email", "title",   "secret",  "mail",      NULL};
	if (type && !strcasecmp(type, "BLOB"))
		return true;
	size_t len = strlen(column);
	if (len > 3 && !strcmp(column + len - 3, "_id"))
		return false; /* a reference: the row it names is checked itself */
	char buf[128];
	snprintf(buf, sizeof(buf), "%s", column);
	char *save = NULL;
	for (char *t = strtok_r(buf, "_", &save); t; t = strtok_r(NULL, "_", &save))
		for (int i = 0; words[i]; i++)
			if (!strcmp(t, words[i]))
				return true;
	return false;
}

static bool nonpersonal(const char *table, const char *column)
{
	size_t n;
	const struct nonpersonal_column *np = store_nonpersonal_columns(&n);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(np[i].table, table) && !strcmp(np[i].column, column))
			return true;
	return false;
}

static sqlite3 *open_db(void)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("open %s", fx.path);
	const char *extra = getenv("SSP_TEST_EXTRA_COLUMN");
	if (extra && *extra) {
		char sql[256], table[64];
		const char *dot = strchr(extra, '.');
		assert_non_null(dot);
		snprintf(table, sizeof(table), "%.*s", (int)(dot - extra), extra);
		snprintf(sql, sizeof(sql), "ALTER TABLE \"%s\" ADD COLUMN \"%s\" TEXT", table,
			 dot + 1);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	return db;
}

static void every_personal_looking_column_is_declared(void **state)
{
	(void)state;
	sqlite3 *db = open_db();
	sqlite3_stmt *st;
	assert_int_equal(
	    sqlite3_prepare_v2(db,
			       "SELECT m.name, p.name, p.type FROM sqlite_master m,"
			       " pragma_table_info(m.name) p WHERE m.type = 'table'"
			       " AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
			       -1, &st, NULL),
	    SQLITE_OK);
	int missing = 0, columns = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *c = (const char *)sqlite3_column_text(st, 1);
		const char *type = (const char *)sqlite3_column_text(st, 2);
		columns++;
		if (!looks_personal(c, type))
			continue;
		if (store_personal_column(t, c) || nonpersonal(t, c))
			continue;
		fprintf(stderr,
			"undeclared: %s.%s looks personal; declare it in "
			"src/store/personal_columns.def, or as not personal (with why) in "
			"src/store/personal_data.c\n",
			t, c);
		missing++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_true(columns > 100);
	assert_int_equal(missing, 0);
}

static bool column_exists(sqlite3 *db, const char *t, const char *c)
{
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1, &st,
			   NULL);
	sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c, -1, SQLITE_STATIC);
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

static void every_declared_column_exists_and_is_linked(void **state)
{
	(void)state;
	sqlite3 *db = open_db();
	size_t n;
	const struct personal_column *pc = store_personal_columns(&n);
	assert_true(n > 10);
	for (size_t i = 0; i < n; i++) {
		if (!column_exists(db, pc[i].table, pc[i].column))
			fail_msg("declared but not in the schema: %s.%s", pc[i].table,
				 pc[i].column);
		assert_non_null(pc[i].record_type);
		assert_non_null(pc[i].what);
		if (pc[i].link != PD_LINK_NONE) {
			assert_non_null(pc[i].link_column);
			if (!column_exists(db, pc[i].table, pc[i].link_column))
				fail_msg("%s.%s: no link column %s", pc[i].table, pc[i].column,
					 pc[i].link_column);
		}
		if (pc[i].subject == PD_YOUNG_PERSON || pc[i].subject == PD_RELATED)
			assert_int_not_equal(pc[i].link, PD_LINK_NONE);
		assert_null(store_personal_column(pc[i].table, pc[i].column) != &pc[i]
				? pc[i].table
				: NULL); /* declared once */
		assert_false(nonpersonal(pc[i].table, pc[i].column));
	}
	size_t m;
	const struct nonpersonal_column *np = store_nonpersonal_columns(&m);
	for (size_t i = 0; i < m; i++)
		if (!column_exists(db, np[i].table, np[i].column))
			fail_msg("declared not personal but not in the schema: %s.%s", np[i].table,
				 np[i].column);
	sqlite3_close(db);
}

static void sealed_columns_are_the_declared_sealed_ones(void **state)
{
	(void)state;
	size_t n, sealed = 0;
	const struct personal_column *pc = store_personal_columns(&n);
	for (size_t i = 0; i < n; i++)
		sealed += pc[i].sealed;
	assert_int_equal(sealed, store_sealed_columns_nr);
	for (size_t i = 0; i < store_sealed_columns_nr; i++) {
		const struct personal_column *p = store_personal_column(
		    store_sealed_columns[i].table, store_sealed_columns[i].column);
		assert_non_null(p);
		assert_true(p->sealed);
	}
	/* per record type */
	const struct personal_column *out[16];
	size_t k = store_personal_columns_of("referral", out, 16);
	assert_int_equal(k, 3);
	for (size_t i = 0; i < k; i++)
		assert_string_equal(out[i]->table, "referral");
	assert_true(store_personal_columns_of("person", out, 1) >= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(every_personal_looking_column_is_declared, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(every_declared_column_exists_and_is_linked, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(sealed_columns_are_the_declared_sealed_ones, setup,
					    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
