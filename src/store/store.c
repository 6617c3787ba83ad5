#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/migrations.h"
#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

char *msgf(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	return strbuf_detach(&sb);
}

int db_fail(struct store *s, char **err, const char *what)
{
	*err = msgf(_("databasefejl (%s) i »%s«: %s"), what, s->path, sqlite3_errmsg(s->db));
	return -1;
}

/* Prepares sql and binds arguments described by types: 's' const char *
 * (NULL binds NULL), 'i' int. Returns NULL on error. */
sqlite3_stmt *vprep(struct store *s, const char *sql, const char *types, va_list ap)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	for (int i = 0; types[i]; i++) {
		int rc;
		if (types[i] == 's') {
			const char *v = va_arg(ap, const char *);
			rc = v ? sqlite3_bind_text(st, i + 1, v, -1, SQLITE_TRANSIENT)
			       : sqlite3_bind_null(st, i + 1);
		} else if (types[i] == 'l') {
			rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, long long));
		} else if (types[i] == 'b') {
			const void *v = va_arg(ap, const void *);
			int n = va_arg(ap, int);
			rc = sqlite3_bind_blob(st, i + 1, v, n, SQLITE_TRANSIENT);
		} else {
			rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int));
		}
		if (rc != SQLITE_OK) {
			sqlite3_finalize(st);
			return NULL;
		}
	}
	return st;
}

sqlite3_stmt *prep(struct store *s, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = vprep(s, sql, types, ap);
	va_end(ap);
	return st;
}

/* Runs a statement that returns no rows; 0 on success. */
int exec(struct store *s, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = vprep(s, sql, types, ap);
	va_end(ap);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

int stmt_step(sqlite3_stmt *st)
{
	return st ? sqlite3_step(st) : SQLITE_ERROR;
}

int rows_end(struct store *s, sqlite3_stmt *st, int rc, char **err, const char *what)
{
	int ret = rc == SQLITE_DONE ? 0 : db_fail(s, err, what);
	sqlite3_finalize(st);
	return ret;
}

int row_end(struct store *s, sqlite3_stmt *st, int rc, char **err, const char *what)
{
	int ret = rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : db_fail(s, err, what);
	sqlite3_finalize(st);
	return ret;
}

int store_begin(struct store *s, char **err)
{
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err, "BEGIN");
	return 0;
}

int store_end(struct store *s, int rc, char **err, const char *what)
{
	if (rc == 0 && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	db_fail(s, err, what);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

void store_now(char out[STORE_TIME_LEN])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, STORE_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int store_schema_latest(void)
{
	return store_migrations_nr;
}

int store_schema_version(struct store *s)
{
	sqlite3_stmt *st = prep(s, "PRAGMA user_version", "");
	int v = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int migrate(struct store *s, char **err)
{
	int v = store_schema_version(s);
	if (v < 0)
		return db_fail(s, err, "user_version");
	if (v > store_migrations_nr) {
		*err = msgf(_("databasen »%s« har skemaversion %d, men dette program kender kun "
			      "op til %d; brug en nyere udgave af ssp"),
			    s->path, v, store_migrations_nr);
		return -1;
	}
	for (; v < store_migrations_nr; v++) {
		char *e = NULL;
		struct strbuf sql = STRBUF_INIT;
		strbuf_addf(&sql, "BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
			    store_migrations[v], v + 1);
		if (sqlite3_exec(s->db, sql.buf, NULL, NULL, &e) != SQLITE_OK) {
			*err = msgf(_("kunne ikke opgradere databasen »%s« til version %d: %s"),
				    s->path, v + 1, e ? e : "?");
			sqlite3_free(e);
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			strbuf_release(&sql);
			return -1;
		}
		strbuf_release(&sql);
	}
	return 0;
}

int store_open(const char *path, enum store_open_mode mode, struct store **out, char **err)
{
	*out = NULL;
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	if (exists && S_ISDIR(sb.st_mode)) {
		*err = msgf(_("»%s« er en mappe, ikke en database"), path);
		return -1;
	}
	if (!exists && mode == STORE_OPEN_EXISTING) {
		*err = msgf(_("databasen »%s« findes ikke; opret den med »ssp init« (eller angiv "
			      "en anden med --db eller SSP_DB)"),
			    path);
		return -1;
	}
	if (exists && access(path, R_OK) != 0) {
		*err = msgf(_("kan ikke læse databasen »%s«: %s"), path, strerror(errno));
		return -1;
	}
	if (!exists && mode == STORE_OPEN_CREATE) {
		/* A new database is private to its owner whatever the umask:
		 * SQLite gives -wal, -shm and journals the database file's mode.
		 * An empty file is an empty SQLite database. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0) {
			*err = msgf(_("kan ikke åbne databasen »%s«: %s (findes mappen, og må der "
				      "skrives i den?)"),
				    path, strerror(errno));
			return -1;
		}
		close(fd);
	}
	struct store *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (mode == STORE_OPEN_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		*err = msgf(_("kan ikke åbne databasen »%s«: %s (findes mappen, og må der skrives "
			      "i den?)"),
			    path, s->db ? sqlite3_errmsg(s->db) : "?");
		store_close(s);
		return -1;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	char *e = NULL;
	int rc = sqlite3_exec(s->db,
			      "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
			      "PRAGMA journal_mode = WAL;",
			      NULL, NULL, &e);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			*err = msgf(_("»%s« er ikke en SQLite-database"), path);
		else
			*err = msgf(_("kan ikke åbne databasen »%s«: %s"), path, e ? e : "?");
		sqlite3_free(e);
		store_close(s);
		return -1;
	}
	if (mode == STORE_OPEN_EXISTING && store_schema_version(s) == 0) {
		*err = msgf(_("databasen »%s« er tom; opret den med »ssp init«"), path);
		store_close(s);
		return -1;
	}
	if (migrate(s, err) < 0) {
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

/* ---- organisation ------------------------------------------------------ */

static int save_items(struct store *s, const char *body, const char *kind, const struct strlist *l)
{
	for (size_t i = 0; i < l->nr; i++)
		if (exec(
			s,
			"INSERT INTO body_item (body_id, kind, position, text) VALUES (?, ?, ?, ?)",
			"ssis", body, kind, (int)i, l->v[i]) < 0)
			return -1;
	return 0;
}

int store_org_save(struct store *s, const struct org *o, const char *source_sha256,
		   struct strlist *kept, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	char now[STORE_TIME_LEN];
	store_now(now);

	if (exec(s,
		 "INSERT INTO municipality (id, name, police_district, age_min, age_max,"
		 " ssp_plus_from, strategy_sha256, loaded_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)"
		 " ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
		 " police_district = excluded.police_district, age_min = excluded.age_min,"
		 " age_max = excluded.age_max, ssp_plus_from = excluded.ssp_plus_from,"
		 " strategy_sha256 = excluded.strategy_sha256, loaded_at = excluded.loaded_at",
		 "ssiiiss", o->municipality, o->police_district, o->age_min, o->age_max,
		 o->ssp_plus_from, source_sha256, now) < 0)
		goto fail;
	if (exec(s, "DELETE FROM strategy_theme", "") < 0)
		goto fail;
	for (int i = 0; i < THEME__COUNT; i++)
		if (o->themes[i] && exec(s, "INSERT INTO strategy_theme (id, text) VALUES (?, ?)",
					 "ss", org_theme_id((enum org_theme)i), o->themes[i]) < 0)
			goto fail;

	if (exec(s, "UPDATE district SET active = 0", "") < 0 ||
	    exec(s, "UPDATE category SET active = 0", "") < 0 ||
	    exec(s, "UPDATE body SET active = 0", "") < 0)
		goto fail;
	for (size_t i = 0; i < o->districts_nr; i++)
		if (exec(s,
			 "INSERT INTO district (id, name, position, active) VALUES (?, ?, ?, 1)"
			 " ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
			 " position = excluded.position, active = 1",
			 "ssi", o->districts[i].id, o->districts[i].name, (int)i) < 0)
			goto fail;
	for (size_t i = 0; i < o->categories_nr; i++)
		if (exec(s,
			 "INSERT INTO category (id, name, description, position, active)"
			 " VALUES (?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET name = "
			 "excluded.name,"
			 " description = excluded.description, position = excluded.position,"
			 " active = 1",
			 "sssi", o->categories[i].id, o->categories[i].name,
			 o->categories[i].description, (int)i) < 0)
			goto fail;
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		if (exec(s,
			 "INSERT INTO body (id, name, level, parent_id, purpose, responsible,"
			 " frequency, named_individuals, note, position, active)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET"
			 " name = excluded.name, level = excluded.level,"
			 " parent_id = excluded.parent_id, purpose = excluded.purpose,"
			 " responsible = excluded.responsible, frequency = excluded.frequency,"
			 " named_individuals = excluded.named_individuals, note = excluded.note,"
			 " position = excluded.position, active = 1",
			 "sssssssisi", b->id, b->name, org_level_id(b->level), b->parent,
			 b->purpose, b->responsible, b->frequency_text, (int)b->named_individuals,
			 b->note, (int)i) < 0)
			goto fail;
		if (exec(s, "DELETE FROM body_item WHERE body_id = ?", "s", b->id) < 0 ||
		    save_items(s, b->id, "member", &b->members) < 0 ||
		    save_items(s, b->id, "task", &b->tasks) < 0 ||
		    save_items(s, b->id, "wheel_theme", &b->wheel_themes) < 0)
			goto fail;
	}
	for (size_t i = 0; i < o->institutions_nr; i++) {
		const struct org_institution *x = &o->institutions[i];
		/* an administrator's institution is not touched (migration 5) */
		if (exec(s,
			 "INSERT INTO institution (id, name, kind, district_id, example, active)"
			 " VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET"
			 " name = excluded.name, kind = excluded.kind,"
			 " district_id = excluded.district_id, example = excluded.example,"
			 " active = 1 WHERE institution.edited_by_admin = 0",
			 "ssssi", x->id, x->name, institution_kind_id(x->kind), x->district,
			 (int)x->example) < 0)
			goto fail;
		if (!sqlite3_changes(s->db) && kept)
			strlist_add(kept, x->id);
	}
	if (store_planning_save(s, o) < 0) /* meeting_store.c */
		goto fail;
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	return 0;
fail:
	db_fail(s, err, _("gem organisation"));
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int load_items(struct store *s, struct org_body *b)
{
	sqlite3_stmt *st = prep(s,
				"SELECT kind, text FROM body_item WHERE body_id = ?"
				" ORDER BY kind, position",
				"s", b->id);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		char *text = col_dup(st, 1);
		if (!strcmp(kind, "member"))
			strlist_add_owned(&b->members, text);
		else if (!strcmp(kind, "task"))
			strlist_add_owned(&b->tasks, text);
		else
			strlist_add_owned(&b->wheel_themes, text);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int store_org_load(struct store *s, struct org *o, char **err)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err, "BEGIN");

	st = prep(s,
		  "SELECT name, police_district, age_min, age_max, ssp_plus_from"
		  " FROM municipality WHERE id = 1",
		  "");
	if (!st)
		goto fail;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		o->municipality = col_dup(st, 0);
		o->police_district = col_dup(st, 1);
		o->age_min = sqlite3_column_int(st, 2);
		o->age_max = sqlite3_column_int(st, 3);
		o->ssp_plus_from = sqlite3_column_int(st, 4);
	} else if (rc != SQLITE_DONE) {
		goto fail;
	}
	sqlite3_finalize(st);

	st = prep(s, "SELECT id, text FROM strategy_theme", "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		for (int t = 0; t < THEME__COUNT; t++)
			if (!strcmp(id, org_theme_id((enum org_theme)t)) && !o->themes[t])
				o->themes[t] = col_dup(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;

	st = prep(s, "SELECT id, name FROM district WHERE active = 1 ORDER BY position", "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_district *x = org_add_district(o);
		x->id = col_dup(st, 0);
		x->name = col_dup(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;

	st = prep(
	    s, "SELECT id, name, description FROM category WHERE active = 1 ORDER BY position", "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_category *x = org_add_category(o);
		x->id = col_dup(st, 0);
		x->name = col_dup(st, 1);
		x->description = col_dup(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;

	st = prep(s,
		  "SELECT id, name, level, parent_id, purpose, responsible, frequency,"
		  " named_individuals, note FROM body WHERE active = 1 ORDER BY position",
		  "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_body *b = org_add_body(o);
		b->id = col_dup(st, 0);
		b->name = col_dup(st, 1);
		if (org_level_parse((const char *)sqlite3_column_text(st, 2), &b->level) < 0)
			b->level = LEVEL_EXECUTING;
		b->parent = col_dup(st, 3);
		b->purpose = col_dup(st, 4);
		b->responsible = col_dup(st, 5);
		b->frequency_text = col_dup(st, 6);
		b->named_individuals = sqlite3_column_int(st, 7) != 0;
		b->note = col_dup(st, 8);
		char *ferr = NULL;
		if (frequency_parse(b->frequency_text, &b->freq, &ferr) < 0)
			free(ferr); /* validated when loaded; keep the text */
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;
	for (size_t i = 0; i < o->bodies_nr; i++)
		if (load_items(s, &o->bodies[i]) < 0)
			goto fail_nofin;
	if (store_planning_load(s, o) < 0) /* meeting_store.c */
		goto fail_nofin;

	st = prep(s,
		  "SELECT id, name, kind, district_id, example FROM institution WHERE active = 1"
		  " ORDER BY district_id, kind, name",
		  "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_institution *x = org_add_institution(o);
		x->id = col_dup(st, 0);
		x->name = col_dup(st, 1);
		institution_kind_parse((const char *)sqlite3_column_text(st, 2), &x->kind);
		x->district = col_dup(st, 3);
		x->example = sqlite3_column_int(st, 4) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return 0;
fail:
	sqlite3_finalize(st);
fail_nofin:
	db_fail(s, err, _("læs organisation"));
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
