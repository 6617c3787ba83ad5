#include "service/service.h"

#include <errno.h>
#include <fcntl.h>
#include <liboath/oath.h>
#include <pwd.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "service/audit.h"
#include "service/crypto.h"
#include "service/service_internal.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/banned.h"

int service_global_init(void)
{
	if (sodium_init() < 0)
		return -1;
	if (store_global_init() < 0)
		return -1;
	if (oath_init() != OATH_OK)
		return -1;
	return 0;
}

void service_global_done(void)
{
	oath_done();
}

void svc_result_clear(struct svc_result *r)
{
	free(r->message);
	r->message = NULL;
	r->status = SVC_OK;
	r->field = NULL;
}

int svc_fail(struct svc_result *r, enum svc_status st, const char *field, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	free(r->message);
	r->message = strbuf_detach(&sb);
	r->status = st;
	r->field = field;
	return -1;
}

int svc_store_fail(struct svc_result *r, char *err)
{
	svc_fail(r, SVC_ERROR, NULL, "%s", err ? err : _("databasefejl"));
	free(err);
	return -1;
}

int svc_text(const struct text_field *f, const char *in, const struct org_body *b,
	     struct strbuf *out, struct svc_result *r)
{
	struct text_verdict v;
	if (text_check(f, in, b ? b->named_individuals : true, out, &v) == TEXT_OK)
		return 0;
	struct strbuf msg = STRBUF_INIT;
	text_explain(f, &v, b ? b->name : NULL, &msg);
	svc_fail(r, SVC_INVALID, f->id, "%s", msg.buf);
	strbuf_release(&msg);
	return -1;
}

void actor_cli(struct actor *a)
{
	memset(a, 0, sizeof(*a));
	a->cli = true;
	a->role = ROLE_ADMIN;
	const char *login = getenv("USER");
	struct passwd pw, *res = NULL;
	char buf[1024];
	if (getpwuid_r(getuid(), &pw, buf, sizeof(buf), &res) == 0 && res)
		login = res->pw_name;
	snprintf(a->username, sizeof(a->username), "cli:%s", login ? login : "?");
	snprintf(a->client, sizeof(a->client), "cli");
}

/* The instance secret lives in a file beside the database, not in it, so a
 * copy of the database alone cannot forge access-log entries. */
int service_load_key(struct service *svc, const char *db_path, char **err)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s.key", db_path);
	int fd = open(path.buf, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		unsigned char key[sizeof(svc->key)];
		randombytes_buf(key, sizeof(key));
		fd = open(path.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			ssize_t n = write(fd, key, sizeof(key));
			int bad = n != (ssize_t)sizeof(key) || fsync(fd) != 0;
			close(fd);
			sodium_memzero(key, sizeof(key));
			if (bad) {
				unlink(path.buf);
				goto fail;
			}
		}
		fd = open(path.buf, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0)
		goto fail;
	ssize_t n = read(fd, svc->key, sizeof(svc->key));
	close(fd);
	if (n != (ssize_t)sizeof(svc->key)) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("nøglefilen »%s« er beskadiget (forventede %zu byte)"), path.buf,
			    sizeof(svc->key));
		*err = strbuf_detach(&sb);
		strbuf_release(&path);
		return -1;
	}
	strbuf_release(&path);
	return svc_crypto_open(svc, err);
fail:;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, _("kan ikke læse eller oprette nøglefilen »%s«: %s"), path.buf,
		    strerror(errno));
	*err = strbuf_detach(&sb);
	strbuf_release(&path);
	return -1;
}

int service_open(struct service *svc, const char *db_path, enum service_open_mode mode,
		 const struct config *cfg, char **err)
{
	memset(svc, 0, sizeof(*svc));
	svc->cfg = cfg;
	if (store_open(db_path,
		       mode == SERVICE_OPEN_CREATE ? STORE_OPEN_CREATE : STORE_OPEN_EXISTING,
		       &svc->store, err) < 0)
		return -1;
	if (service_load_key(svc, db_path, err) < 0) {
		service_close(svc);
		return -1;
	}
	return 0;
}

int service_open_keyed(struct service *svc, const char *db_path, const unsigned char key[32],
		       const struct config *cfg, char **err)
{
	memset(svc, 0, sizeof(*svc));
	svc->cfg = cfg;
	if (store_open(db_path, STORE_OPEN_EXISTING, &svc->store, err) < 0)
		return -1;
	memcpy(svc->key, key, sizeof(svc->key));
	return 0;
}

void service_close(struct service *svc)
{
	if (svc->org_cache) {
		org_release(svc->org_cache);
		free(svc->org_cache);
		svc->org_cache = NULL;
	}
	concern_stats_cache_free(svc);
	store_close(svc->store);
	svc->store = NULL;
	sodium_memzero(svc->key, sizeof(svc->key));
}

/* The files beside DB_PATH that hold personal data or secrets. Append a
 * new one here, and `ssp serve` checks it too. */
static const char *const private_suffixes[] = {"",     "-wal",        ".key",        ".checkpoint",
					       "-shm", ".backup-key", ".restore-tmp"};

int service_check_file_modes(const char *db_path, char **err)
{
	for (size_t i = 0; i < sizeof(private_suffixes) / sizeof(*private_suffixes); i++) {
		struct strbuf path = STRBUF_INIT;
		strbuf_addf(&path, "%s%s", db_path, private_suffixes[i]);
		struct stat sb;
		if (stat(path.buf, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 077)) {
			struct strbuf m = STRBUF_INIT;
			strbuf_addf(
			    &m,
			    _("»%s« kan læses af andre end ejeren (rettigheder %04o); den "
			      "indeholder personoplysninger eller nøgler. Ret det med: chmod "
			      "600 %s"),
			    path.buf, (unsigned)(sb.st_mode & 07777), path.buf);
			*err = strbuf_detach(&m);
			strbuf_release(&path);
			return -1;
		}
		strbuf_release(&path);
	}
	return 0;
}
