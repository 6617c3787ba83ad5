/* backup_store.c - SQL of backups and restores (store/backup_store.h). */
#include "store/backup_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_internal.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* Bytes 18 and 19 of the header: the file format versions, 2 in WAL mode.
 * An image is kept and written in rollback mode (1): an in-memory copy
 * cannot be in WAL mode, and store_open turns WAL on again. */
static void legacy_mode(unsigned char *data, size_t len)
{
	if (len >= 100 && data[18] == 2 && data[19] == 2)
		data[18] = data[19] = 1;
}

static int mem_fail(sqlite3 *db, char **err, const char *what)
{
	*err = msgf(_("databasefejl (%s): %s"), what, db ? sqlite3_errmsg(db) : "?");
	return -1;
}

static long long one_int(sqlite3 *db, const char *sql, int *ok)
{
	sqlite3_stmt *st = NULL;
	long long v = 0;
	*ok = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		*ok = 1;
	}
	sqlite3_finalize(st);
	return v;
}

/* The facts of the database db: schema version, highest deletion record. */
static int image_facts(sqlite3 *db, struct store_image *im, char **err)
{
	int ok;
	im->schema = (int)one_int(db, "PRAGMA user_version", &ok);
	if (!ok)
		return mem_fail(db, err, "user_version");
	long long has = one_int(
	    db,
	    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'deletion_record'",
	    &ok);
	if (!ok)
		return mem_fail(db, err, "sqlite_master");
	im->deletion_id =
	    has ? one_int(db, "SELECT coalesce(max(id), 0) FROM deletion_record", &ok) : 0;
	if (has && !ok)
		return mem_fail(db, err, "deletion_record");
	return 0;
}

int store_image_make(struct store *s, struct store_image *out, char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3 *mem = NULL;
	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		mem_fail(mem, err, "backup");
		sqlite3_close(mem);
		return -1;
	}
	int rc = -1;
	sqlite3_backup *b = sqlite3_backup_init(mem, "main", s->db, "main");
	if (!b) {
		mem_fail(mem, err, "backup");
		goto out;
	}
	int step = sqlite3_backup_step(b, -1);
	if (sqlite3_backup_finish(b) != SQLITE_OK || step != SQLITE_DONE) {
		mem_fail(mem, err, "backup");
		goto out;
	}
	if (image_facts(mem, out, err) < 0)
		goto out;
	sqlite3_int64 n = 0;
	out->data = sqlite3_serialize(mem, "main", &n, 0);
	if (!out->data) {
		mem_fail(mem, err, "serialize");
		goto out;
	}
	out->len = (size_t)n;
	legacy_mode(out->data, out->len);
	rc = 0;
out:
	sqlite3_close(mem);
	return rc;
}

int store_image_check(const unsigned char *data, size_t len, struct store_image *out, char **err)
{
	memset(out, 0, sizeof(*out));
	if (len < 512 || memcmp(data, "SQLite format 3", 16) != 0) {
		*err = msgf("%s", _("backuppens indhold er ikke en SQLite-database"));
		return -1;
	}
	unsigned char *copy = sqlite3_malloc64(len);
	if (!copy) {
		*err = msgf("%s", _("ikke hukommelse nok til at kontrollere backuppen"));
		return -1;
	}
	memcpy(copy, data, len);
	legacy_mode(copy, len);
	sqlite3 *mem = NULL;
	int rc = -1;
	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		sqlite3_free(copy);
		goto fail;
	}
	/* the connection owns copy from here, even on failure */
	if (sqlite3_deserialize(mem, "main", copy, (sqlite3_int64)len, (sqlite3_int64)len,
				SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) !=
	    SQLITE_OK)
		goto fail;
	sqlite3_stmt *st = NULL;
	const char *first = NULL;
	int n = 0;
	if (sqlite3_prepare_v2(mem, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		goto fail;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!n++)
			first = (const char *)sqlite3_column_text(st, 0);
		if (n == 1 && first && strcmp(first, "ok") != 0) {
			*err = msgf(_("backuppens database er beskadiget (integrity_check: %s)"),
				    first);
			sqlite3_finalize(st);
			goto out;
		}
	}
	sqlite3_finalize(st);
	if (n != 1) {
		*err = msgf("%s", _("backuppens database er beskadiget (integrity_check)"));
		goto out;
	}
	int ok;
	one_int(mem, "PRAGMA foreign_key_check", &ok);
	if (ok) {
		*err = msgf("%s", _("backuppens database har henvisninger til rækker, som "
				    "ikke findes (foreign_key_check)"));
		goto out;
	}
	if (image_facts(mem, out, err) < 0)
		goto out;
	if (out->schema < 1 || out->schema > store_schema_latest()) {
		*err = msgf(_("backuppens database har skemaversion %d; denne ssp kan åbne "
			      "version 1 til %d"),
			    out->schema, store_schema_latest());
		goto out;
	}
	sqlite3_int64 sz = 0;
	out->data = sqlite3_serialize(mem, "main", &sz, 0);
	if (!out->data)
		goto fail;
	out->len = (size_t)sz;
	rc = 0;
	goto out;
fail:
	if (!*err)
		*err = msgf(_("backuppens indhold kan ikke læses som en database: %s"),
			    mem ? sqlite3_errmsg(mem) : "?");
out:
	sqlite3_close(mem);
	return rc;
}

int store_image_write(const struct store_image *im, const char *path, char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		*err = msgf(_("kan ikke oprette »%s«: %s"), path, strerror(errno));
		return -1;
	}
	size_t off = 0;
	while (off < im->len) {
		ssize_t n = write(fd, im->data + off, im->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (off != im->len || fsync(fd) != 0) {
		*err = msgf(_("kan ikke skrive »%s«: %s"), path, strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	return 0;
}

void store_image_free(struct store_image *im)
{
	if (im->data) {
		memset(im->data, 0, im->len);
		sqlite3_free(im->data);
	}
	im->data = NULL;
	im->len = 0;
}

bool store_open_elsewhere(const char *path)
{
	char *shm = msgf("%s-shm", path);
	int fd = open(shm, O_RDONLY | O_CLOEXEC);
	free(shm);
	if (fd < 0)
		return false;
	struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1};
	bool held = fcntl(fd, F_GETLK, &l) == 0 && l.l_type != F_UNLCK;
	close(fd);
	return held;
}

/* ---- the replay ------------------------------------------------------------ */

static long long q_int(struct store *s, const char *sql, int *ok)
{
	sqlite3_stmt *st = prep(s, sql, "");
	long long v = 0;
	*ok = 0;
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		*ok = 1;
	}
	sqlite3_finalize(st);
	return v;
}

/* Is the live database the one the copy was made from? Its data keys are
 * random per instance (a key rotation deletes the old ones, so one in
 * common is enough), and the access log is chained with a key of the
 * instance: the copy's newest entry is in the live log with the same
 * hash, or an anchor of the copy is among the live anchors; or (a log
 * pruned past the copy's end) the copy's newest deletion record is the
 * live one of that id, to the second. The instance key opening the copy
 * is checked before (service_load_key). */
static int same_lineage(struct store *s, char **err)
{
	int ok;
	long long same = q_int(
	    s,
	    "SELECT EXISTS (SELECT 1 FROM main.data_key m JOIN live.data_key l ON l.id = m.id"
	    " AND l.wrapped = m.wrapped)"
	    " OR EXISTS (SELECT 1 FROM main.audit_log m JOIN live.audit_log l ON l.seq = m.seq"
	    " AND l.hash = m.hash WHERE m.seq = (SELECT max(seq) FROM main.audit_log))"
	    " OR EXISTS (SELECT 1 FROM main.audit_anchor m JOIN live.audit_anchor l ON l.id = m.id"
	    " AND l.mac = m.mac)"
	    " OR EXISTS (SELECT 1 FROM main.deletion_record m JOIN live.deletion_record l"
	    " ON l.id = m.id AND l.at = m.at AND l.table_name = m.table_name AND l.row_id = "
	    "m.row_id"
	    " WHERE m.id = (SELECT max(id) FROM main.deletion_record))",
	    &ok);
	if (!ok)
		return db_fail(s, err, "restore");
	if (!same) {
		*err = msgf("%s", _("den nuværende database er ikke den, backuppen er taget af "
				    "(andre datanøgler og en anden adgangslog), så dens "
				    "sletninger kan ikke genafspilles på backuppen"));
		return -1;
	}
	return 0;
}

/* Is t a table of the copy, named in plain letters (it comes from a file
 * and goes into SQL as an identifier)? */
static bool table_ok(struct store *s, const char *t)
{
	bool ok = t && *t && strlen(t) < 64;
	for (const char *p = t; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || *p == '_';
	sqlite3_stmt *ex =
	    ok ? prep(s, "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?", "s",
		      t)
	       : NULL;
	ok = ex && sqlite3_step(ex) == SQLITE_ROW;
	sqlite3_finalize(ex);
	return ok;
}

static int delete_row(struct store *s, const char *t, long long row, long long *count, char **err)
{
	if (!table_ok(s, t)) {
		*err = msgf(_("en sletningspost nævner en ukendt tabel »%.64s«"), t ? t : "");
		return -1;
	}
	char sql[128];
	snprintf(sql, sizeof(sql), "DELETE FROM main.\"%s\" WHERE rowid = ?", t);
	if (exec(s, sql, "l", row) < 0)
		return db_fail(s, err, "restore");
	*count += sqlite3_changes(s->db);
	return 0;
}

/* Rows of the copy whose parent the replay deleted: a row the live
 * database removed without a deletion record (a change by hand, a
 * category taken off a concern) cannot outlive its parent there either.
 * Deleted until none is left (a chain of them takes several rounds). */
static int delete_orphans(struct store *s, struct store_replay *out, char **err)
{
	for (int round = 0; round < 32; round++) {
		sqlite3_stmt *st = prep(s, "PRAGMA main.foreign_key_check", "");
		if (!st)
			return db_fail(s, err, "foreign_key_check");
		struct orphan {
			char table[64];
			long long row;
		} *v = NULL;
		size_t nr = 0, alloc = 0;
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(st, 0);
			if (!t || sqlite3_column_type(st, 1) == SQLITE_NULL)
				continue;
			if (nr == alloc) {
				alloc = alloc ? alloc * 2 : 16;
				v = xrealloc(v, alloc * sizeof(*v));
			}
			snprintf(v[nr].table, sizeof(v[nr].table), "%s", t);
			v[nr++].row = sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
		int ret = rc == SQLITE_DONE ? 0 : db_fail(s, err, "foreign_key_check");
		for (size_t i = 0; ret == 0 && i < nr; i++)
			ret = delete_row(s, v[i].table, v[i].row, &out->orphans, err);
		free(v);
		if (ret < 0)
			return -1;
		if (!nr)
			return 0;
	}
	*err = msgf("%s", _("backuppen har henvisninger, som genafspilningen ikke kan rydde op"));
	return -1;
}

/* Deletes the row each live deletion record after since names, in id
 * order; foreign keys are checked at the end (delete_orphans). */
static int replay_rows(struct store *s, long long since, struct store_replay *out, char **err)
{
	if (exec(s, "PRAGMA defer_foreign_keys = ON", "") < 0)
		return db_fail(s, err, "restore");
	sqlite3_stmt *st =
	    prep(s,
		 "SELECT d.table_name, d.row_id FROM live.deletion_record d WHERE d.id > ?1"
		 " AND d.table_name <> 'audit_log' ORDER BY d.id",
		 "l", since);
	if (!st)
		return db_fail(s, err, "restore");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (delete_row(s, (const char *)sqlite3_column_text(st, 0),
			       sqlite3_column_int64(st, 1), &out->rows, err) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "restore");
	return delete_orphans(s, out, err);
}

/* The access log: the live anchors after the copy's, the prunes they
 * allow, the entries made after the copy (their chain goes on from the
 * copy's newest entry, which same_lineage checked). */
static int replay_log(struct store *s, struct store_replay *out, char **err)
{
	int ok;
	long long head = q_int(s,
			       "SELECT max(coalesce((SELECT max(seq) FROM main.audit_log), 0),"
			       " coalesce((SELECT max(upto_seq) FROM main.audit_anchor), 0))",
			       &ok);
	if (!ok || exec(s,
			"INSERT INTO main.audit_anchor SELECT * FROM live.audit_anchor WHERE id >"
			" (SELECT coalesce(max(id), 0) FROM main.audit_anchor) ORDER BY id",
			"") < 0)
		return db_fail(s, err, "restore");
	out->anchors = sqlite3_changes(s->db);
	if (exec(s,
		 "DELETE FROM main.audit_log WHERE seq <= (SELECT coalesce(max(upto_seq), 0)"
		 " FROM main.audit_anchor)",
		 "") < 0)
		return db_fail(s, err, "restore");
	out->log_pruned = sqlite3_changes(s->db);
	if (exec(s,
		 "INSERT INTO main.audit_log SELECT * FROM live.audit_log WHERE seq > ?1 ORDER BY "
		 "seq",
		 "l", head) < 0)
		return db_fail(s, err, "restore");
	out->log_copied = sqlite3_changes(s->db);
	return 0;
}

int store_restore_replay(struct store *s, const char *live_path, long long since,
			 struct store_replay *out, char **err)
{
	memset(out, 0, sizeof(*out));
	if (exec(s, "ATTACH DATABASE ? AS live", "s", live_path) < 0)
		return db_fail(s, err, "attach");
	int rc = store_begin(s, err);
	if (rc == 0) {
		rc = same_lineage(s, err);
		if (rc == 0)
			rc = replay_rows(s, since, out, err);
		if (rc == 0)
			rc = replay_log(s, out, err);
		if (rc == 0 &&
		    exec(s,
			 "INSERT INTO main.deletion_record SELECT * FROM live.deletion_record"
			 " WHERE id > ?1 ORDER BY id",
			 "l", since) < 0)
			rc = db_fail(s, err, "restore");
		if (rc == 0)
			out->records = sqlite3_changes(s->db);
		if (rc == 0)
			rc = store_end(s, 0, err, "restore");
		else
			store_rollback(s);
	}
	if (exec(s, "DETACH DATABASE live", "") < 0 && rc == 0)
		rc = db_fail(s, err, "detach");
	return rc;
}
