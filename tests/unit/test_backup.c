/* Backups (issue 12) at the service: only the administrator (and the
 * local operator) may back up or restore, a refusal is logged and writes
 * no file, the administrator's backup is logged and checks out; the
 * backup key is made once, 0600, and a wrong one is refused. The file
 * format's corner cases are fuzz/fuzz_backup.c's; the restore end to end
 * is tests/cli/backup.sh. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "service/backup.h"
#include "store/store.h"
#include "fixture.h"
#include "test.h"

#define STRATEGY                                                                                   \
	"[kommune]\nnavn = Test Kommune\npolitikreds = P\n"                                        \
	"[distrikt \"a\"]\nnavn = A\n"                                                             \
	"[kategori \"k1\"]\nnavn = K1\n"                                                           \
	"[organ \"p115\"]\nnavn = P115\nniveau = udførende\nformål = f\nansvarlig = r\n"         \
	"navngivne-personer = ja\nfrekvens = hver 14. dag\n"                                       \
	"[institution \"skole-a\"]\nnavn = Skole A\ntype = skole\ndistrikt = a\n"

static struct fixture fx;
static char file[200], key[200];

static int setup(void **state)
{
	(void)state;
	if (fixture_setup(&fx, "backup", STRATEGY) < 0)
		return -1;
	fixture_add_user(&fx, "sofie", "Sofie SSP", ROLE_SSP, NULL, NULL);
	fixture_add_user(&fx, "ada", "Ada Admin", ROLE_ADMIN, NULL, NULL);
	snprintf(file, sizeof(file), "%s/b.bak", fx.dir);
	snprintf(key, sizeof(key), "%s.backup-key", fx.path);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(file);
	unlink(key);
	fixture_teardown(&fx);
	return 0;
}

static void only_the_administrator(void **state)
{
	(void)state;
	struct actor sofie = fixture_actor(&fx, "sofie"), ada = fixture_actor(&fx, "ada");
	struct backup_info info;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_backup(&fx.svc, &sofie, fx.path, file, NULL, &info, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(access(file, F_OK), -1);
	assert_int_equal(fixture_count_log(&fx, "backup.create", "refused"), 1);

	assert_int_equal(svc_backup(&fx.svc, &ada, fx.path, file, NULL, &info, &r), 0);
	assert_true(info.key_created);
	assert_true(info.bytes > 4096);
	assert_int_equal(fixture_count_log(&fx, "backup.create", "ok"), 1);
	struct stat sb;
	assert_int_equal(stat(key, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* the second backup uses the same key */
	assert_int_equal(svc_backup(&fx.svc, &ada, fx.path, file, NULL, &info, &r), 0);
	assert_false(info.key_created);

	/* the check: refused for a case worker, fine for the administrator */
	store_close(fx.svc.store);
	fx.svc.store = NULL;
	struct restore_info ri;
	assert_int_equal(svc_restore(fx.path, file, NULL, true, &fx.cfg, &sofie, &ri, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_restore(fx.path, file, NULL, true, &fx.cfg, &ada, &ri, &r), 0);
	assert_int_equal(ri.backup.schema, info.schema);
	/* a wrong key */
	char other[200];
	snprintf(other, sizeof(other), "%s/other.key", fx.dir);
	FILE *f = fopen(other, "wb");
	assert_non_null(f);
	fputs("0123456789abcdef0123456789abcdef", f);
	fclose(f);
	assert_int_equal(svc_restore(fx.path, file, other, true, &fx.cfg, &ada, &ri, &r), -1);
	assert_non_null(strstr(r.message, "backupnøglen passer ikke"));
	svc_result_clear(&r);
	unlink(other);
	assert_int_equal(fixture_open(&fx), 0);
	assert_int_equal(fixture_count_log(&fx, "backup.check", "refused"), 1);
	assert_int_equal(fixture_count_log(&fx, "backup.check", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "backup.check", "failed"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(only_the_administrator, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
