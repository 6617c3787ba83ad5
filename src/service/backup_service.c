/* backup_service.c - backups and restores (service/backup.h). */
#include "service/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "service/backup_file.h"
#include "service/service_internal.h"
#include "store/backup_store.h"
#include "store/retention_store.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/wallclock.h"
#include "util/banned.h"

#define IN_USE                                                                                     \
	N_("databasen er åben i et andet program (kører ssp serve?); stop det og gendan igen")

/* a restore reads the whole copy into memory: far above any SSP database */
#define RESTORE_MAX ((size_t)1 << 36)

static char *pathf(const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s%s", a, b);
	return strbuf_detach(&sb);
}

char *svc_backup_key_path(const char *db_path)
{
	return pathf(db_path, ".backup-key");
}

int svc_backup_key_load(const char *path, bool create, unsigned char key[32], bool *created,
			char **err)
{
	*created = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		unsigned char k[32];
		randombytes_buf(k, sizeof(k));
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			int bad = write(fd, k, sizeof(k)) != (ssize_t)sizeof(k) || fsync(fd) != 0;
			close(fd);
			sodium_memzero(k, sizeof(k));
			if (bad) {
				unlink(path);
				fd = -1;
			} else {
				*created = true;
				fd = open(path, O_RDONLY | O_CLOEXEC);
			}
		}
	}
	if (fd < 0) {
		struct strbuf sb = STRBUF_INIT;
		if (errno == ENOENT)
			strbuf_addf(
			    &sb,
			    _("backupnøglen »%s« findes ikke; hent den fra det sted, hvor "
			      "den opbevares uden for maskinen (eller angiv den med --key)"),
			    path);
		else
			strbuf_addf(&sb, _("kan ikke læse backupnøglen »%s«: %s"), path,
				    strerror(errno));
		*err = strbuf_detach(&sb);
		return -1;
	}
	ssize_t n = read(fd, key, 32);
	close(fd);
	if (n != 32) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("backupnøglen »%s« er beskadiget (forventede 32 byte)"), path);
		*err = strbuf_detach(&sb);
		return -1;
	}
	return 0;
}

#ifdef SSP_TEST_HOOKS
/* Test build only: $SSP_TEST_RESTORE_KILL=STAGE kills the process
 * (SIGKILL) at that stage of a restore, as kill -9 would. */
static void test_kill_point(const char *stage)
{
	const char *v = getenv("SSP_TEST_RESTORE_KILL");
	if (v && !strcmp(v, stage))
		raise(SIGKILL);
}
#else
static void test_kill_point(const char *stage)
{
	(void)stage;
}
#endif

static int fsync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static int fsync_dir_of(const char *path)
{
	char *copy = xstrdup(path);
	int rc = fsync_path(dirname(copy), true);
	free(copy);
	return rc;
}

/* ---- backup ------------------------------------------------------------------ */

static int write_file(const char *file, struct backup_header *h, const unsigned char key[32],
		      const struct store_image *im, char **err)
{
	char *tmp = pathf(file, ".tmp");
	unlink(tmp);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!f) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("kan ikke oprette »%s«: %s"), tmp, strerror(errno));
		*err = strbuf_detach(&sb);
		if (fd >= 0)
			close(fd);
		free(tmp);
		return -1;
	}
	int rc = backup_write(f, h, key, im->data, im->len, err);
	if (rc == 0 && fsync(fileno(f)) != 0)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, file) != 0)
		rc = -1;
	if (rc < 0) {
		if (!*err) {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, _("kan ikke skrive »%s«: %s"), file, strerror(errno));
			*err = strbuf_detach(&sb);
		}
		unlink(tmp);
	} else {
		fsync_dir_of(file);
	}
	free(tmp);
	return rc;
}

int svc_backup(struct service *svc, const struct actor *a, const char *db_path, const char *file,
	       const char *key_path, struct backup_info *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (svc_check(svc, a, ACT_BACKUP_CREATE, NULL,
		      &(struct svc_entry){.action = "backup.create"}, r) < 0)
		return -1;
	char *kp = key_path ? xstrdup(key_path) : svc_backup_key_path(db_path);
	unsigned char key[32];
	char *err = NULL;
	struct store_image im = {0};
	int rc = svc_backup_key_load(kp, true, key, &out->key_created, &err);
	if (rc == 0)
		rc = store_image_make(svc->store, &im, &err);
	if (rc == 0) {
		struct backup_header h = {0};
		h.created = (int64_t)wallclock_time();
		h.deletion_id = im.deletion_id;
		h.schema = (uint32_t)im.schema;
		rc = write_file(file, &h, key, &im, &err);
		out->created = h.created;
		out->deletion_id = h.deletion_id;
		out->schema = im.schema;
		out->bytes = im.len;
	}
	sodium_memzero(key, sizeof(key));
	store_image_free(&im);
	free(kp);
	struct strbuf obj = STRBUF_INIT;
	strbuf_addf(&obj, "deletion-id=%lld schema=%d bytes=%zu%s", (long long)out->deletion_id,
		    out->schema, out->bytes, out->key_created ? " key-created" : "");
	struct svc_entry e = {.action = "backup.create", .object = obj.buf};
	struct svc_result lr = SVC_RESULT_INIT;
	int logged = svc_log(svc, a, &e, rc == 0 ? SVC_OK_OUTCOME : SVC_FAILED, &lr);
	strbuf_release(&obj);
	if (rc < 0) {
		svc_result_clear(&lr);
		svc_fail(r, SVC_ERROR, NULL, "%s", err ? err : "?");
		free(err);
		return -1;
	}
	if (logged < 0) {
		*r = lr;
		return -1;
	}
	return 0;
}

/* ---- restore ------------------------------------------------------------------ */

/* Removes what a restore killed before its rename left beside the database. */
static void remove_leftovers(const char *tmp)
{
	static const char *const sfx[] = {
	    "", "-wal", "-shm", "-journal", ".checkpoint", ".checkpoint.lock", ".checkpoint.tmp"};
	for (size_t i = 0; i < sizeof(sfx) / sizeof(*sfx); i++) {
		char *p = pathf(tmp, sfx[i]);
		unlink(p);
		free(p);
	}
}

static bool file_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

static bool nonempty(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && sb.st_size > 0;
}

/* Reads and decrypts file; checks the copy. */
static int read_backup(const char *file, const unsigned char key[32], struct restore_info *out,
		       struct store_image *im, char **err)
{
	FILE *f = fopen(file, "rb");
	if (!f) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("kan ikke åbne »%s«: %s"), file, strerror(errno));
		*err = strbuf_detach(&sb);
		return -1;
	}
	struct backup_header h;
	unsigned char *data = NULL;
	size_t len = 0;
	int rc = backup_read(f, key, RESTORE_MAX, &h, &data, &len, err);
	fclose(f);
	if (rc < 0)
		return -1;
	rc = store_image_check(data, len, im, err);
	backup_data_free(data, len);
	if (rc < 0)
		return -1;
	out->backup.created = h.created;
	out->backup.deletion_id = im->deletion_id;
	out->backup.schema = im->schema;
	out->backup.bytes = im->len;
	if ((int64_t)im->deletion_id != h.deletion_id || (uint32_t)im->schema != h.schema) {
		*err = xstrdup(_("backuppens filhoved passer ikke med dens indhold"));
		store_image_free(im);
		return -1;
	}
	return 0;
}

/* Writes the checked copy to tmp, migrates it, checks that the instance
 * secret opens it, and replays the live database's deletions onto it. */
static int prepare(const char *db_path, const char *tmp, const struct store_image *im, bool live,
		   const struct config *cfg, struct restore_info *out, char **err)
{
	if (store_image_write(im, tmp, err) < 0)
		return -1;
	struct service t;
	memset(&t, 0, sizeof(t));
	t.cfg = cfg;
	if (store_open(tmp, STORE_OPEN_EXISTING, &t.store, err) < 0)
		return -1;
	int rc = service_load_key(&t, db_path, err);
	if (rc == 0 && live) {
		struct store_replay rp;
		rc = store_restore_replay(t.store, db_path, im->deletion_id, &rp, err);
		out->records = rp.records;
		out->rows = rp.rows + rp.orphans;
		out->log_copied = rp.log_copied;
		out->log_pruned = rp.log_pruned;
		out->anchors = rp.anchors;
	}
	bool done = false;
	char *cerr = NULL;
	if (rc == 0 && store_secure_checkpoint(t.store, &done, &cerr) < 0) {
		*err = cerr;
		rc = -1;
	}
	service_close(&t);
	test_kill_point("replayed");
	if (rc == 0) {
		char *wal = pathf(tmp, "-wal");
		if (nonempty(wal) || fsync_path(tmp, false) != 0) {
			*err = xstrdup(_("den gendannede kopi kunne ikke skrives færdig"));
			rc = -1;
		}
		free(wal);
	}
	return rc;
}

int svc_restore(const char *db_path, const char *file, const char *key_path, bool check_only,
		const struct config *cfg, const struct actor *a, struct restore_info *out,
		struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	const char *what = check_only ? "backup.check" : "backup.restore";
	struct service live;
	memset(&live, 0, sizeof(live));
	char *err = NULL;
	out->live = file_exists(db_path);
	if (out->live) {
		if (service_open(&live, db_path, SERVICE_OPEN_EXISTING, cfg, &err) < 0) {
			svc_fail(r, SVC_ERROR, NULL,
				 _("%s; flyt den beskadigede database til side (mv %s "
				   "%s.beskadiget) og gendan igen"),
				 err, db_path, db_path);
			free(err);
			return -1;
		}
		if (svc_check(&live, a, ACT_BACKUP_RESTORE, NULL,
			      &(struct svc_entry){.action = what}, r) < 0) {
			service_close(&live);
			return -1;
		}
		if (!check_only && store_open_elsewhere(db_path)) {
			struct svc_result lr = SVC_RESULT_INIT;
			svc_log(&live, a, &(struct svc_entry){.action = what, .object = "in-use"},
				SVC_FAILED, &lr);
			svc_result_clear(&lr);
			service_close(&live);
			return svc_fail(r, SVC_INVALID, NULL, "%s", _(IN_USE));
		}
	} else if (!check_only) {
		char *k = pathf(db_path, ".key");
		bool has = file_exists(k);
		free(k);
		if (!has)
			return svc_fail(r, SVC_INVALID, NULL,
					_("instansnøglen »%s.key« mangler; læg den, der hører til "
					  "backuppen, på plads først (se docs/backup.md)"),
					db_path);
	}
	char *kp = key_path ? xstrdup(key_path) : svc_backup_key_path(db_path);
	char *tmp = pathf(db_path, ".restore-tmp");
	unsigned char key[32];
	bool created;
	struct store_image im = {0};
	int rc = svc_backup_key_load(kp, false, key, &created, &err);
	if (rc == 0)
		rc = read_backup(file, key, out, &im, &err);
	sodium_memzero(key, sizeof(key));
	if (rc == 0 && !check_only) {
		remove_leftovers(tmp);
		rc = prepare(db_path, tmp, &im, out->live, cfg, out, &err);
		if (rc == 0 && out->live) {
			/* the live database's own connection goes before the
			 * rename; another one (a running server) keeps its WAL */
			store_close(live.store);
			live.store = NULL;
			char *wal = pathf(db_path, "-wal");
			if (nonempty(wal) || store_open_elsewhere(db_path)) {
				err = xstrdup(_(IN_USE));
				rc = -1;
			}
			free(wal);
		}
		test_kill_point("before-rename");
		if (rc == 0 && rename(tmp, db_path) != 0) {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, _("kan ikke erstatte »%s«: %s"), db_path, strerror(errno));
			err = strbuf_detach(&sb);
			rc = -1;
		}
		if (rc == 0)
			fsync_dir_of(db_path);
		else
			remove_leftovers(tmp);
		test_kill_point("after-rename");
		if (out->live && !live.store) {
			/* reopen: the restored database on success, else the
			 * untouched live one, for the log entry */
			char *oerr = NULL;
			if (service_open(&live, db_path, SERVICE_OPEN_EXISTING, cfg, &oerr) < 0)
				free(oerr);
		}
		if (rc == 0 && !out->live) {
			char *oerr = NULL;
			if (service_open(&live, db_path, SERVICE_OPEN_EXISTING, cfg, &oerr) < 0)
				free(oerr);
		}
	}
	store_image_free(&im);
	free(kp);
	free(tmp);
	struct strbuf obj = STRBUF_INIT;
	strbuf_addf(&obj, "created=%lld deletion-id=%lld", (long long)out->backup.created,
		    (long long)out->backup.deletion_id);
	if (!check_only && rc == 0)
		strbuf_addf(&obj, " replayed=%lld rows=%lld log-copied=%lld", out->records,
			    out->rows, out->log_copied);
	struct svc_result lr = SVC_RESULT_INIT;
	int logged = 0;
	if (live.store)
		logged = svc_log(&live, a, &(struct svc_entry){.action = what, .object = obj.buf},
				 rc == 0 ? SVC_OK_OUTCOME : SVC_FAILED, &lr);
	strbuf_release(&obj);
	service_close(&live);
	if (rc < 0) {
		svc_result_clear(&lr);
		svc_fail(r, SVC_INVALID, NULL, "%s", err ? err : "?");
		free(err);
		return -1;
	}
	if (logged < 0) {
		*r = lr;
		return -1;
	}
	return 0;
}
