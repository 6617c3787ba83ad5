/* backup.h - encrypted backups and their restore (issue 12; docs/backup.md).
 *
 * `ssp backup FILE` copies the live database through SQLite's online
 * backup API (consistent while the server runs) and writes it encrypted
 * under the backup key (service/backup_file.h), a key of its own in
 * DB_PATH.backup-key (32 random bytes, mode 0600, created by `ssp init`
 * or the first backup), separate from the instance secret DB_PATH.key:
 * a backup copied off the machine is no use without the backup key, and
 * the backup key opens nothing in the live database.
 *
 * `ssp restore FILE` decrypts and checks the copy in memory, writes it
 * beside the database, replays onto it every deletion record the live
 * database made after the copy (so nothing deleted comes back) together
 * with the access log made since, and renames it over the live database.
 * Anything wrong (key, a changed or cut file, a damaged database, another
 * instance's database) leaves the live database untouched.
 *
 * Neither is one svc_begin() ... svc_commit() call: a backup's work is a
 * file outside the database, and a restore replaces the database under
 * its connection. The permission is svc_check()'s (a refusal logged), and
 * one entry is written with svc_log() afterwards, "ok" or "failed" (a
 * restore's in the restored database's log, which goes on from the
 * replaced one's). */
#ifndef SSP_BACKUP_H
#define SSP_BACKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "service/service.h"

/* DB_PATH.backup-key into out (caller frees). */
char *svc_backup_key_path(const char *db_path);
/* Reads the backup key at path into key; with create, makes it (mode 0600)
 * when missing and sets *created. 0, or -1 with a Danish message. */
int svc_backup_key_load(const char *path, bool create, unsigned char key[32], bool *created,
			char **err);

struct backup_info {
	int64_t created;     /* Unix seconds */
	int64_t deletion_id; /* the copy's highest deletion record */
	int schema;
	size_t bytes;     /* of the database image */
	bool key_created; /* the backup key was made by this call */
};

/* ACT_BACKUP_CREATE: writes the encrypted copy of svc's database (at
 * db_path) to file (via file.tmp and a rename: a cut backup never has the
 * name). key_path NULL: DB_PATH.backup-key. Logged "backup.create". */
int svc_backup(struct service *svc, const struct actor *a, const char *db_path, const char *file,
	       const char *key_path, struct backup_info *out, struct svc_result *r);

struct restore_info {
	struct backup_info backup; /* from the file's header and the copy */
	bool live;                 /* a live database was there to replay from */
	long long records, rows, log_copied, log_pruned, anchors; /* what the replay did */
};

/* ACT_BACKUP_RESTORE, as actor a: checks file (check_only: only that,
 * logged "backup.check") or restores it over the database at db_path
 * (logged "backup.restore" in the restored database's log). A live
 * database, when there is one, decides the permission and is replayed
 * from; without one, the instance secret DB_PATH.key must be in place. */
int svc_restore(const char *db_path, const char *file, const char *key_path, bool check_only,
		const struct config *cfg, const struct actor *a, struct restore_info *out,
		struct svc_result *r);

#endif
