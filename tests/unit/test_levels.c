/* Issue 11: the municipality's own ordered levels ([strategi] niveauer):
 * parsed, stored and loaded in order; and the migration that frees
 * body.level from its CHECK on the four default levels, run on an existing
 * database (the table is rebuilt: its rows, the rows that refer to it and
 * the foreign keys all survive). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/org.h"
#include "store/migrations.h"
#include "store/store.h"
#include "strategy/parse.h"
#include "util/diag.h"
#include "test.h"

static const char strategy[] =
    "[kommune]\nnavn = Niveauby Kommune\npolitikreds = Fynbo Politi\n"
    "[strategi]\nniveauer = Politisk, Ledende, strategisk, koordinerende, udførende\n"
    "[kategori \"b\"]\nnavn = Bekymring\n"
    "[organ \"direktion\"]\nnavn = Direktionen\nniveau = LEDENDE\nformål = Leder.\n"
    "ansvarlig = Direktøren\nfrekvens = 4 om året\nnavngivne-personer = nej\n"
    "[organ \"byraad\"]\nnavn = Byrådet\nniveau = politisk\nformål = Beslutter.\n"
    "ansvarlig = Borgmesteren\nfrekvens = 4 om året\nnavngivne-personer = nej\n";

static int parse(const char *text, struct org *o, struct diags *d)
{
	org_init(o);
	diags_init(d, "t.ini");
	return strategy_parse(text, strlen(text), o, d);
}

static void own_levels_in_order(void **state)
{
	(void)state;
	struct org o;
	struct diags d;
	assert_int_equal(parse(strategy, &o, &d), 0);
	assert_int_equal((int)org_levels_nr(&o), 5);
	assert_string_equal(org_level_id_in(&o, 1), "ledende");
	assert_string_equal(org_level_label_in(&o, 1), "Ledende niveau");
	assert_string_equal(org_level_label_in(&o, 0), "Politisk niveau");
	assert_int_equal(o.bodies[0].level, 1);
	assert_int_equal(o.bodies[1].level, 0);
	org_release(&o);
	diags_release(&d);

	/* the default four without the key */
	const char *plain = strstr(strategy, "[kategori");
	char *text = malloc(strlen(strategy) + 1);
	snprintf(text, strlen(strategy) + 1, "[kommune]\nnavn = K\npolitikreds = P\n%s", plain);
	/* "ledende" is not one of the four: an error naming them and the key */
	assert_int_equal(parse(text, &o, &d), -1);
	assert_non_null(strstr(d.v[0].msg, "ukendt niveau »LEDENDE«; brug politisk, strategisk, "
					   "koordinerende, udførende"));
	assert_non_null(strstr(d.v[0].msg, "niveauer"));
	org_release(&o);
	diags_release(&d);
	free(text);
}

static void bad_level_lists(void **state)
{
	(void)state;
	static const char *const bad[][2] = {
	    {"politisk, ledende, politisk", "to gange"},
	    {"politisk,, strategisk", "ord adskilt af komma"},
	    {"a, b, c, d, e, f, g, h, i", "højst have 8"},
	    {"politisk; strategisk", "ord adskilt af komma"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char text[2048];
		snprintf(text, sizeof(text),
			 "[kommune]\nnavn = K\npolitikreds = P\n[strategi]\nniveauer = %s\n"
			 "[kategori \"b\"]\nnavn = B\n",
			 bad[i][0]);
		struct org o;
		struct diags d;
		assert_int_equal(parse(text, &o, &d), -1);
		bool found = false;
		for (size_t k = 0; k < d.nr; k++)
			found |= d.v[k].line == 5 && strstr(d.v[k].msg, bad[i][1]) != NULL;
		if (!found)
			fail_msg("»%s«: no error at line 5 saying »%s«", bad[i][0], bad[i][1]);
		org_release(&o);
		diags_release(&d);
	}
}

static char dir[64], path[128];

static int count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A database as the previous version left it, with a body that rows in
 * other tables refer to, is upgraded. */
static void upgrade_rebuilds_body(void **state)
{
	(void)state;
	int mine = -1;
	for (int v = 0; v < store_migrations_nr; v++)
		if (!strncmp(store_migrations[v], STORE_REBUILD_BODY_LEVEL,
			     strlen(STORE_REBUILD_BODY_LEVEL)))
			mine = v;
	assert_true(mine > 0);
	snprintf(dir, sizeof(dir), "/tmp/ssp-levels-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	for (int v = 0; v < mine; v++) {
		char *e = NULL;
		if (sqlite3_exec(db, store_migrations[v], NULL, NULL, &e) != SQLITE_OK)
			fail_msg("migration %d: %s", v + 1, e);
	}
	char sql[2048];
	snprintf(sql, sizeof(sql),
		 "PRAGMA user_version = %d;"
		 "INSERT INTO body (id, name, level, purpose, responsible, frequency,"
		 " named_individuals, position, weekday) VALUES"
		 " ('styre', 'Styregruppe', 'strategisk', 'p', 'r', '4 om året', 0, 0, 2),"
		 " ('team', 'Team', 'udførende', 'p', 'r', 'løbende', 1, 1, NULL);"
		 "UPDATE body SET parent_id = 'styre' WHERE id = 'team';"
		 "INSERT INTO body_item (body_id, kind, position, text) VALUES"
		 " ('styre', 'member', 0, 'Skolechef'), ('styre', 'task', 0, 'Retning');"
		 "INSERT INTO meeting (uid, body_id, year, start_at, end_at, updated_at) VALUES"
		 " ('u1@x', 'styre', 2025, '2025-03-04T14:00:00+01:00',"
		 " '2025-03-04T16:00:00+01:00', '2025-01-01T00:00:00Z');",
		 mine);
	char *e = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK)
		fail_msg("old data: %s", e);
	/* the old table refuses a level of the municipality's own */
	assert_int_not_equal(sqlite3_exec(db,
					  "UPDATE body SET level = 'ledende' WHERE id = 'styre'",
					  NULL, NULL, NULL),
			     SQLITE_OK);
	sqlite3_close(db);

	struct store *s;
	char *err = NULL;
	if (store_open(path, STORE_OPEN_EXISTING, &s, &err) < 0)
		fail_msg("upgrade: %s", err);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	store_close(s);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM body"), 2);
	assert_int_equal(count(db, "SELECT weekday FROM body WHERE id = 'styre'"), 2);
	assert_int_equal(count(db, "SELECT parent_id = 'styre' FROM body WHERE id = 'team'"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM body_item"), 2); /* no cascade */
	assert_int_equal(count(db, "SELECT count(*) FROM meeting WHERE body_id = 'styre'"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'body_new'"),
			 0);
	assert_int_equal(count(db, "SELECT instr(sql, 'CHECK (level') FROM sqlite_schema"
				   " WHERE name = 'body'"),
			 0);
	/* other CHECKs stay */
	assert_true(count(db, "SELECT instr(sql, 'CHECK (weekday') FROM sqlite_schema"
			      " WHERE name = 'body'") > 0);
	assert_int_equal(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(sqlite3_exec(db, "UPDATE body SET level = 'ledende' WHERE id = 'styre'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	/* the foreign keys still hold: a meeting of no body is refused */
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	assert_int_not_equal(sqlite3_exec(db,
					  "INSERT INTO meeting (uid, body_id, year, start_at,"
					  " end_at, updated_at) VALUES ('u2@x', 'nope', 2025, 'a',"
					  " 'b', 'c')",
					  NULL, NULL, NULL),
			     SQLITE_OK);
	sqlite3_close(db);

	/* the levels round-trip through the upgraded store, in order */
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &s, &err), 0);
	struct org o, back;
	struct diags d;
	assert_int_equal(parse(strategy, &o, &d), 0);
	if (store_org_save(s, &o, "x", NULL, &err) < 0)
		fail_msg("save: %s", err);
	org_init(&back);
	assert_int_equal(store_org_load(s, &back, &err), 0);
	assert_int_equal((int)org_levels_nr(&back), 5);
	assert_string_equal(org_level_id_in(&back, 1), "ledende");
	const struct org_body *b = org_find_body(&back, "direktion");
	assert_non_null(b);
	assert_int_equal(b->level, 1);
	org_release(&o);
	org_release(&back);
	diags_release(&d);
	store_close(s);
	char f[200];
	static const char *const tails[] = {"", "-wal", "-shm"};
	for (int i = 0; i < 3; i++) {
		snprintf(f, sizeof(f), "%s%s", path, tails[i]);
		unlink(f);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(own_levels_in_order),
	    cmocka_unit_test(bad_level_lists),
	    cmocka_unit_test(upgrade_rebuilds_body),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
