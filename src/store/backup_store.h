/* backup_store.h - SQL of backups and restores (issue 12; the file format
 * and its encryption are service/backup_file.h's, the permission, key and
 * access log service/backup.h's).
 *
 * An image is a whole SQLite database as bytes (sqlite3_serialize): made
 * from the live database through SQLite's online backup API, checked in
 * memory, written to a file that then replaces the live one. Plaintext
 * images live in memory only until the restore writes its checked and
 * replayed result; free them with store_image_free (wipes them).
 *
 * Same contract as store.h: 0, or -1 with a Danish message in *err. */
#ifndef SSP_BACKUP_STORE_H
#define SSP_BACKUP_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

struct store_image {
	unsigned char *data; /* sqlite3_malloc'd */
	size_t len;
	long long deletion_id; /* max(deletion_record.id); 0: none */
	int schema;            /* PRAGMA user_version */
};

/* A consistent copy of the live database s (the backup API, one step:
 * one read transaction, so a writer on another connection is either in
 * it or not). */
int store_image_make(struct store *s, struct store_image *out, char **err);
/* Checks the plaintext data (copied, not kept): an SQLite database that
 * passes PRAGMA integrity_check and foreign_key_check, with a schema
 * version this program can open (1 .. store_schema_latest()). out gets a
 * copy of data with its facts (free with store_image_free). */
int store_image_check(const unsigned char *data, size_t len, struct store_image *out, char **err);
/* Writes the image to path as a new file of mode 0600, synced. */
int store_image_write(const struct store_image *im, const char *path, char **err);
void store_image_free(struct store_image *im);

/* Has another process the database at path open? Every SQLite
 * connection in WAL mode holds a read lock on the "DMS" byte of the -shm
 * file (byte 128; sqlite.org/walformat.html) while it is open; a lock of
 * this process does not count (POSIX locks). */
bool store_open_elsewhere(const char *path);

/* What a replay did. */
struct store_replay {
	long long records;    /* deletion records of the live database carried over */
	long long rows;       /* rows of the restored copy they deleted */
	long long orphans;    /* rows left without their parent, deleted too */
	long long log_pruned; /* access-log entries pruned behind carried anchors */
	long long log_copied; /* access-log entries made after the backup, carried over */
	long long anchors;    /* access-log anchors carried over */
};

/* Replays onto s, the restored copy (migrated, not yet in place), what
 * the live database at live_path did after the backup: every deletion
 * record with id > since, in id order (children before parents, as they
 * were written), deleting the row it names; the access log's anchors and
 * prunes; the access-log entries made after the copy (they continue its
 * chain, so `ssp audit verify` and the checkpoint file still hold); and
 * the deletion records themselves; then the rows the deletions left
 * without a parent (foreign_key_check). One transaction. Refused (-1,
 * nothing changed) when the live database is not the one the backup was
 * made from: no data key and no access-log entry or anchor in common. */
int store_restore_replay(struct store *s, const char *live_path, long long since,
			 struct store_replay *out, char **err);

#endif
