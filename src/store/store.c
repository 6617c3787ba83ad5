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

#include "store/concern_store.h"
#include "store/migrations.h"
#include "store/retention_store.h"
#include "store/store_internal.h"
#include "store/team_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/wallclock.h"
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
/* Binds the arguments described by types to st; 0 on success. */
static int vbind(sqlite3_stmt *st, const char *types, va_list ap)
{
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
		if (rc != SQLITE_OK)
			return -1;
	}
	return 0;
}

sqlite3_stmt *vprep(struct store *s, const char *sql, const char *types, va_list ap)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (vbind(st, types, ap) < 0) {
		sqlite3_finalize(st);
		return NULL;
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

/* The cached statement for sql on this connection, prepared on first use;
 * NULL when the cache is full or the statement is in use (nested), so the
 * caller prepares a statement of its own. */
static sqlite3_stmt *cache_get(struct store *s, const char *sql)
{
	for (int i = 0; i < s->cache_nr; i++)
		if (s->cache[i].sql == sql)
			return sqlite3_stmt_busy(s->cache[i].st) ? NULL : s->cache[i].st;
	if (s->cache_nr == STORE_STMT_CACHE)
		return NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		return NULL;
	s->cache[s->cache_nr].sql = sql;
	s->cache[s->cache_nr++].st = st;
	return st;
}

sqlite3_stmt *cprep(struct store *s, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = cache_get(s, sql);
	if (st) {
		if (vbind(st, types, ap) < 0) {
			stmt_free(s, st);
			st = NULL;
		}
	} else {
		st = vprep(s, sql, types, ap);
	}
	va_end(ap);
	return st;
}

void stmt_free(struct store *s, sqlite3_stmt *st)
{
	if (!st)
		return;
	for (int i = 0; i < s->cache_nr; i++)
		if (s->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	sqlite3_finalize(st);
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

int cexec(struct store *s, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = cache_get(s, sql);
	if (st) {
		if (vbind(st, types, ap) < 0) {
			stmt_free(s, st);
			st = NULL;
		}
	} else {
		st = vprep(s, sql, types, ap);
	}
	va_end(ap);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	stmt_free(s, st);
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
	stmt_free(s, st);
	return ret;
}

int row_end(struct store *s, sqlite3_stmt *st, int rc, char **err, const char *what)
{
	int ret = rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : db_fail(s, err, what);
	stmt_free(s, st);
	return ret;
}

/* One savepoint name serves every level: ROLLBACK TO and RELEASE act on
 * the innermost savepoint of that name. */
static int tx_open(struct store *s, const char *outer, char **err)
{
	/* cached: a service call begins and commits one or more of these, and
	 * compiling them each time showed in the profile of bench/gen */
	const char *sql = s->tx_depth ? "SAVEPOINT ssp_tx" : outer;
	if (cexec(s, sql, "") < 0)
		return db_fail(s, err, "BEGIN");
	s->tx_depth++;
	return 0;
}

int store_begin(struct store *s, char **err)
{
	return tx_open(s, "BEGIN IMMEDIATE", err);
}

int store_begin_read(struct store *s, char **err)
{
	return tx_open(s, "BEGIN", err);
}

/* The store_on_tx_end call, once. */
static void tx_end_fire(struct store *s, bool committed)
{
	void (*fn)(void *, bool) = s->tx_end;
	s->tx_end = NULL;
	if (fn)
		fn(s->tx_end_data, committed);
}

void store_on_tx_end(struct store *s, void (*fn)(void *data, bool committed), void *data)
{
	s->tx_end = fn;
	s->tx_end_data = data;
	s->tx_end_depth = s->tx_depth;
}

int store_commit(struct store *s)
{
	const char *sql = s->tx_depth > 1 ? "RELEASE ssp_tx" : "COMMIT";
	if (s->tx_depth < 1 || cexec(s, sql, "") < 0)
		return -1;
	s->tx_depth--;
	if (s->tx_depth == 0)
		tx_end_fire(s, true);
	else if (s->tx_end && s->tx_end_depth > s->tx_depth)
		s->tx_end_depth = s->tx_depth; /* released into the level below */
	return 0;
}

void store_rollback(struct store *s)
{
	if (s->tx_depth > 1) {
		/* an access-log entry appended at this level or deeper is undone
		 * with it: it must not reach the checkpoint (audit_store.c); a
		 * full ROLLBACK clears it through the rollback hook */
		if (s->cp_pending && s->cp_depth >= s->tx_depth)
			s->cp_pending = false;
		sqlite3_exec(s->db, "ROLLBACK TO ssp_tx", NULL, NULL, NULL);
		sqlite3_exec(s->db, "RELEASE ssp_tx", NULL, NULL, NULL);
	} else {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
	if (s->tx_end && s->tx_depth <= s->tx_end_depth)
		tx_end_fire(s, false);
	if (s->tx_depth > 0)
		s->tx_depth--;
}

bool store_in_transaction(const struct store *s)
{
	return s->tx_depth > 0;
}

long long data_version_in_tx(struct store *s)
{
	unsigned int v;
	if (sqlite3_file_control(s->db, "main", SQLITE_FCNTL_DATA_VERSION, &v) != SQLITE_OK)
		return -1;
	return (long long)v;
}

long long store_data_version(struct store *s)
{
	/* the pager's version is brought up to date when a read transaction
	 * begins: PRAGMA data_version opens one (its own value leaves out this
	 * connection's commits, the file control's does not) */
	sqlite3_stmt *st = cprep(s, "PRAGMA data_version", "");
	long long v = st && sqlite3_step(st) == SQLITE_ROW ? data_version_in_tx(s) : -1;
	stmt_free(s, st);
	return v;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

long long store_changes(struct store *s)
{
	return (long long)sqlite3_total_changes64(s->db);
}

int store_end(struct store *s, int rc, char **err, const char *what)
{
	if (rc == 0 && store_commit(s) == 0)
		return 0;
	db_fail(s, err, what);
	store_rollback(s);
	return -1;
}

void store_now(char out[STORE_TIME_LEN])
{
	time_t t = wallclock_time();
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

/* SQLite cannot drop a CHECK constraint: the table is rebuilt by the
 * documented procedure (https://sqlite.org/lang_altertable.html, "making
 * other kinds of table schema changes"), with foreign keys off (the caller
 * turns them off outside the transaction): a new table from body's own
 * CREATE statement without the CHECK on level, so columns later migrations
 * added come along; copy; drop; rename; its indexes and triggers again.
 * Runs inside the migration's transaction. 0, or -1 with *e (sqlite). */
static int rebuild_body(struct store *s, char **e)
{
	static const char check[] =
	    " CHECK (level IN ('politisk','strategisk','koordinerende','udførende'))";
	sqlite3_stmt *st = NULL;
	struct strbuf create = STRBUF_INIT, extra = STRBUF_INIT;
	int rc = sqlite3_prepare_v2(s->db, "SELECT sql FROM sqlite_schema WHERE name = 'body'", -1,
				    &st, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		strbuf_addstr(&create, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	const char *at = strstr(create.buf, check);
	const char *name = strstr(create.buf, "CREATE TABLE body (");
	if (!at || name != create.buf) {
		/* already without it (or not the table we made): nothing to do */
		strbuf_release(&create);
		return 0;
	}
	struct strbuf sql = STRBUF_INIT;
	strbuf_addstr(&sql, "CREATE TABLE body_new (");
	strbuf_add(&sql, create.buf + strlen("CREATE TABLE body ("),
		   (size_t)(at - create.buf) - strlen("CREATE TABLE body ("));
	strbuf_addstr(&sql, at + strlen(check));
	strbuf_addstr(&sql, "; INSERT INTO body_new SELECT * FROM body;"
			    " DROP TABLE body; ALTER TABLE body_new RENAME TO body;");
	/* indexes and triggers on body, as they were */
	rc = sqlite3_prepare_v2(s->db,
				"SELECT sql FROM sqlite_schema WHERE tbl_name = 'body'"
				" AND type IN ('index', 'trigger') AND sql IS NOT NULL",
				-1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		strbuf_addf(&extra, "%s;", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	strbuf_addstr(&sql, extra.buf);
	rc = sqlite3_exec(s->db, sql.buf, NULL, NULL, e);
	strbuf_release(&sql);
	strbuf_release(&extra);
	strbuf_release(&create);
	if (rc != SQLITE_OK)
		return -1;
	/* nothing may point nowhere after it */
	rc = sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL);
	bool dangling = rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (rc != SQLITE_OK || dangling) {
		*e = sqlite3_mprintf("%s", "foreign_key_check after rebuilding body");
		return -1;
	}
	return 0;
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
		bool rebuild = !strncmp(store_migrations[v], STORE_REBUILD_BODY_LEVEL,
					strlen(STORE_REBUILD_BODY_LEVEL));
		int rc = SQLITE_OK;
		if (rebuild) {
			/* off outside the transaction (it is a no-op inside one) */
			rc = sqlite3_exec(s->db, "PRAGMA foreign_keys = OFF", NULL, NULL, &e);
			strbuf_addf(&sql, "BEGIN IMMEDIATE; %s", store_migrations[v]);
			if (rc == SQLITE_OK)
				rc = sqlite3_exec(s->db, sql.buf, NULL, NULL, &e);
			if (rc == SQLITE_OK && rebuild_body(s, &e) < 0)
				rc = SQLITE_ERROR;
			strbuf_reset(&sql);
			strbuf_addf(&sql, "PRAGMA user_version = %d; COMMIT;", v + 1);
		} else {
			strbuf_addf(&sql, "BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
				    store_migrations[v], v + 1);
		}
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(s->db, sql.buf, NULL, NULL, &e);
		if (rebuild) {
			if (rc != SQLITE_OK)
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
		}
		if (rc != SQLITE_OK) {
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

int store_global_init(void)
{
	/* Without memory statistics SQLite's allocator takes no global mutex
	 * on every malloc and free: the server's threads each have their own
	 * connection and would otherwise all wait on that one lock. Only
	 * possible before sqlite3_initialize(); later calls change nothing. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	return sqlite3_initialize() == SQLITE_OK ? 0 : -1;
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
	for (int i = 0; i < s->cache_nr; i++)
		sqlite3_finalize(s->cache[i].st);
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

/* A list as lines (NULL when empty; caller frees), and back. */
static char *join_lines(const struct strlist *l)
{
	if (!l->nr)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < l->nr; i++)
		strbuf_addf(&sb, "%s%s", i ? "\n" : "", l->v[i]);
	return strbuf_detach(&sb);
}

static void split_lines(const char *text, struct strlist *out)
{
	while (text && *text) {
		size_t n = strcspn(text, "\n");
		strlist_add_owned(out, xstrndup(text, n));
		text += n + (text[n] ? 1 : 0);
	}
}

/* [issue 11] An institution renamed from old to id: every row that names
 * it follows (its per-institution meetings and their UIDs "body-old-...",
 * users, people, referrals, læseplan items); the row for id exists already
 * (store_org_save inserts it first), the old row stays, inactive. */
static int rename_institution(struct store *s, const char *id, const char *old)
{
	static const char *const follow[] = {
	    "UPDATE meeting SET institution_id = ? WHERE institution_id = ?",
	    "UPDATE user SET institution_id = ? WHERE institution_id = ?",
	    "UPDATE person SET institution_id = ? WHERE institution_id = ?",
	    "UPDATE referral SET institution_id = ? WHERE institution_id = ?",
	    "UPDATE laeseplan_item SET institution_id = ? WHERE institution_id = ?",
	};
	if (exec(
		s,
		"UPDATE meeting SET uid = body_id || '-' || ?"
		" || substr(uid, length(body_id) + length(?) + 2)"
		" WHERE institution_id = ?"
		" AND substr(uid, 1, length(body_id) + length(?) + 2) = body_id || '-' || ? || '-'",
		"sssss", id, old, old, old, old) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(follow) / sizeof(follow[0]); i++)
		if (exec(s, follow[i], "ss", id, old) < 0)
			return -1;
	return exec(s, "UPDATE institution SET active = 0 WHERE id = ?", "s", old);
}

/* [issue 11] Renames: a body or district that declares tidligere-id takes
 * over its former ids' meetings (and their UIDs, so a re-plan matches
 * them), participants and institutions. The former rows stay, inactive
 * and empty. */
static int apply_renames(struct store *s, const struct org *o)
{
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		for (size_t k = 0; k < b->former_ids.nr; k++) {
			const char *old = b->former_ids.v[k];
			if (exec(s,
				 "UPDATE meeting SET uid = ? || substr(uid, length(?) + 1)"
				 " WHERE body_id = ? AND substr(uid, 1, length(?) + 1) = ? || '-'",
				 "sssss", b->id, old, old, old, old) < 0 ||
			    exec(s, "UPDATE meeting SET body_id = ? WHERE body_id = ?", "ss", b->id,
				 old) < 0 ||
			    exec(s,
				 "INSERT OR IGNORE INTO body_participant (body_id, user_id)"
				 " SELECT ?, user_id FROM body_participant WHERE body_id = ?",
				 "ss", b->id, old) < 0 ||
			    exec(s, "DELETE FROM body_participant WHERE body_id = ?", "s", old) < 0)
				return -1;
		}
	}
	for (size_t i = 0; i < o->districts_nr; i++) {
		const struct org_district *x = &o->districts[i];
		for (size_t k = 0; k < x->former_ids.nr; k++) {
			const char *old = x->former_ids.v[k];
			if (exec(s,
				 "UPDATE meeting SET uid = replace(uid, '-' || ? || '-', '-' || ? "
				 "|| '-'),"
				 " district_id = ? WHERE district_id = ?",
				 "ssss", old, x->id, x->id, old) < 0 ||
			    exec(s, "UPDATE institution SET district_id = ? WHERE district_id = ?",
				 "ss", x->id, old) < 0)
				return -1;
		}
	}
	for (size_t i = 0; i < o->institutions_nr; i++)
		for (size_t k = 0; k < o->institutions[i].former_ids.nr; k++)
			if (rename_institution(s, o->institutions[i].id,
					       o->institutions[i].former_ids.v[k]) < 0)
				return -1;
	return 0;
}

/* [issue 11] Bodies that were active, are left out of o and still have
 * recorded meetings (held, or with attendance or minutes): their records
 * would be orphaned. Appends "id (N møder)" to *out; -1 on a database error. */
static int orphaned_bodies(struct store *s, const struct strlist *was_active, struct strbuf *out)
{
	for (size_t i = 0; i < was_active->nr; i++) {
		sqlite3_stmt *st =
		    prep(s,
			 "SELECT count(*) FROM meeting m JOIN body b ON b.id = m.body_id"
			 " WHERE b.id = ? AND b.active = 0 AND (m.status = 'held'"
			 " OR EXISTS (SELECT 1 FROM meeting_minutes x"
			 " WHERE x.meeting_id = m.id)"
			 " OR EXISTS (SELECT 1 FROM meeting_attendance a"
			 " WHERE a.meeting_id = m.id))",
			 "s", was_active->v[i]);
		if (!st)
			return -1;
		int rc = sqlite3_step(st);
		int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return -1;
		if (n)
			strbuf_addf(out, "%s»%s« (%d)", out->len ? ", " : "", was_active->v[i], n);
	}
	return 0;
}

int store_org_save(struct store *s, const struct org *o, const char *source_sha256,
		   struct strlist *kept, char **err)
{
	if (store_begin(s, err) < 0)
		return -1;
	struct strlist was_active = STRLIST_INIT;
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

	/* the bodies in use before this reload (see orphaned_bodies) */
	{
		sqlite3_stmt *st = prep(s, "SELECT id FROM body WHERE active = 1", "");
		if (!st)
			goto fail;
		while (sqlite3_step(st) == SQLITE_ROW)
			strlist_add(&was_active, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
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
	/* [issue 11] the strategy's own levels; none: the default four */
	if (exec(s, "DELETE FROM org_level", "") < 0)
		goto fail;
	for (size_t i = 0; i < o->levels.nr; i++)
		if (exec(s, "INSERT INTO org_level (position, id) VALUES (?, ?)", "is", (int)i,
			 o->levels.v[i]) < 0)
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
			 "sssssssisi", b->id, b->name, org_level_id_in(o, b->level), b->parent,
			 b->purpose, b->responsible, b->frequency_text, (int)b->named_individuals,
			 b->note, (int)i) < 0)
			goto fail;
		char *chairs = join_lines(&b->chairs), *takers = join_lines(&b->minute_takers);
		int rc = exec(s,
			      "UPDATE body SET named_reason = ?, chairs = ?, minute_takers = ?"
			      " WHERE id = ?",
			      "ssss", b->named_reason, chairs, takers, b->id);
		free(chairs);
		free(takers);
		if (rc < 0 || exec(s, "DELETE FROM body_item WHERE body_id = ?", "s", b->id) < 0 ||
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
	if (apply_renames(s, o) < 0)
		goto fail;
	struct strbuf orphans = STRBUF_INIT;
	if (orphaned_bodies(s, &was_active, &orphans) < 0) {
		strbuf_release(&orphans);
		goto fail;
	}
	strlist_clear(&was_active);
	if (orphans.len) {
		struct strbuf msg = STRBUF_INIT;
		strbuf_addf(
		    &msg,
		    _("strategien fjerner organer med registrerede møder (afholdt, fremmøde "
		      "eller referat): %s. Skriv »tidligere-id = ...« i det organ, der "
		      "afløser et af dem, eller behold organet; intet er gemt"),
		    orphans.buf);
		strbuf_release(&orphans);
		*err = strbuf_detach(&msg);
		store_rollback(s);
		return -1;
	}
	if (store_team_settings_save(s, o) < 0) /* team_store.c */
		goto fail;
	if (store_concern_strategy_save(s, o) < 0) /* concern_store.c */
		goto fail;
	if (store_retention_save(s, o) < 0) /* retention_store.c */
		goto fail;
	return store_end(s, 0, err, _("gem organisation"));
fail:
	strlist_clear(&was_active);
	return store_end(s, -1, err, _("gem organisation"));
}

static int load_items(struct store *s, struct org_body *b)
{
	sqlite3_stmt *st = cprep(s,
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
	stmt_free(s, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int store_org_stamp(struct store *s, long long *stamp, long long *schema)
{
	sqlite3_stmt *st = cprep(
	    s, "SELECT stamp, (SELECT schema_version FROM pragma_schema_version) FROM org_stamp",
	    "");
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		*stamp = sqlite3_column_int64(st, 0);
		*schema = sqlite3_column_int64(st, 1);
	}
	stmt_free(s, st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int store_org_load(struct store *s, struct org *o, char **err)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (store_begin_read(s, err) < 0)
		return -1;

	st = cprep(s,
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
	stmt_free(s, st);

	st = cprep(s, "SELECT id, text FROM strategy_theme", "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		for (int t = 0; t < THEME__COUNT; t++)
			if (!strcmp(id, org_theme_id((enum org_theme)t)) && !o->themes[t])
				o->themes[t] = col_dup(st, 1);
	}
	stmt_free(s, st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;

	st = cprep(s, "SELECT id, name FROM district WHERE active = 1 ORDER BY position", "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_district *x = org_add_district(o);
		x->id = col_dup(st, 0);
		x->name = col_dup(st, 1);
	}
	stmt_free(s, st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;

	st = cprep(
	    s, "SELECT id, name, description FROM category WHERE active = 1 ORDER BY position", "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_category *x = org_add_category(o);
		x->id = col_dup(st, 0);
		x->name = col_dup(st, 1);
		x->description = col_dup(st, 2);
	}
	stmt_free(s, st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;

	/* [issue 11] the strategy's own levels, before the bodies' */
	st = cprep(s, "SELECT id FROM org_level ORDER BY position", "");
	if (!st)
		goto fail;
	struct strlist levels = STRLIST_INIT;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		strlist_add(&levels, (const char *)sqlite3_column_text(st, 0));
	stmt_free(s, st);
	if (levels.nr)
		org_set_levels(o, &levels);
	strlist_clear(&levels);
	if (rc != SQLITE_DONE)
		goto fail_nofin;

	st = cprep(s,
		   "SELECT id, name, level, parent_id, purpose, responsible, frequency,"
		   " named_individuals, note, named_reason, chairs, minute_takers FROM body"
		   " WHERE active = 1"
		   " ORDER BY position",
		   "");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_body *b = org_add_body(o);
		b->id = col_dup(st, 0);
		b->name = col_dup(st, 1);
		const char *lv = (const char *)sqlite3_column_text(st, 2);
		if (!lv || org_level_parse_in(o, lv, &b->level) < 0)
			b->level = (int)org_levels_nr(o) - 1; /* the lowest */
		b->parent = col_dup(st, 3);
		b->purpose = col_dup(st, 4);
		b->responsible = col_dup(st, 5);
		b->frequency_text = col_dup(st, 6);
		b->named_individuals = sqlite3_column_int(st, 7) != 0;
		b->note = col_dup(st, 8);
		b->named_reason = col_dup(st, 9);
		split_lines((const char *)sqlite3_column_text(st, 10), &b->chairs);
		split_lines((const char *)sqlite3_column_text(st, 11), &b->minute_takers);
		char *ferr = NULL;
		if (frequency_parse(b->frequency_text, &b->freq, &ferr) < 0)
			free(ferr); /* validated when loaded; keep the text */
	}
	stmt_free(s, st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;
	for (size_t i = 0; i < o->bodies_nr; i++)
		if (load_items(s, &o->bodies[i]) < 0)
			goto fail_nofin;
	if (store_planning_load(s, o) < 0) /* meeting_store.c */
		goto fail_nofin;
	if (store_team_settings_load(s, o) < 0) /* team_store.c */
		goto fail_nofin;
	if (store_concern_strategy_load(s, o) < 0) /* concern_store.c */
		goto fail_nofin;
	if (store_retention_load(s, o) < 0) /* retention_store.c */
		goto fail_nofin;

	st = cprep(s,
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
	stmt_free(s, st);
	if (rc != SQLITE_DONE)
		goto fail_nofin;
	return store_end(s, 0, err, _("læs organisation"));
fail:
	stmt_free(s, st);
fail_nofin:
	return store_end(s, -1, err, _("læs organisation"));
}
