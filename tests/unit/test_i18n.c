/* _() (util/i18n.c): gettext behind a per-thread cache keyed by the
 * msgid's address. It must stay gettext: a catalogue translates, and a
 * change of the text domain's directory, of the global locale or of the
 * thread's locale takes effect on the next call (a stale cache fails
 * these). The catalogues are written here as .mo files (the format of GNU
 * gettext's manual, "The Format of GNU MO Files"), so the test needs no
 * msgfmt. */
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "test.h"

static char root[64];

static void put_u32(FILE *f, uint32_t v)
{
	assert_int_equal(fwrite(&v, 4, 1, f), 1);
}

/* DIR/en/LC_MESSAGES/ssp.mo translating "Forside" to text. */
static void write_mo(const char *dir, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s", dir);
	assert_true(mkdir(path, 0700) == 0 || errno == EEXIST);
	snprintf(path, sizeof(path), "%s/en", dir);
	assert_true(mkdir(path, 0700) == 0 || errno == EEXIST);
	snprintf(path, sizeof(path), "%s/en/LC_MESSAGES", dir);
	assert_true(mkdir(path, 0700) == 0 || errno == EEXIST);
	snprintf(path, sizeof(path), "%s/en/LC_MESSAGES/ssp.mo", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	/* sorted by msgid: the header entry ("") first */
	const char *ids[2] = {"", "Forside"};
	const char *strs[2] = {"Content-Type: text/plain; charset=UTF-8\n", text};
	uint32_t n = 2, orig = 28, trans = orig + 8 * n, data = trans + 8 * n;
	put_u32(f, 0x950412de);
	put_u32(f, 0);
	put_u32(f, n);
	put_u32(f, orig);
	put_u32(f, trans);
	put_u32(f, 0); /* no hash table */
	put_u32(f, data);
	uint32_t at = data;
	for (int i = 0; i < 2; i++) {
		put_u32(f, (uint32_t)strlen(ids[i]));
		put_u32(f, at);
		at += (uint32_t)strlen(ids[i]) + 1;
	}
	for (int i = 0; i < 2; i++) {
		put_u32(f, (uint32_t)strlen(strs[i]));
		put_u32(f, at);
		at += (uint32_t)strlen(strs[i]) + 1;
	}
	for (int i = 0; i < 2; i++)
		assert_int_equal(fwrite(ids[i], strlen(ids[i]) + 1, 1, f), 1);
	for (int i = 0; i < 2; i++)
		assert_int_equal(fwrite(strs[i], strlen(strs[i]) + 1, 1, f), 1);
	assert_int_equal(fclose(f), 0);
}

static const char *forside(void)
{
	return _("Forside");
}

static void *in_thread(void *arg)
{
	(void)arg;
	return (void *)forside();
}

static void test_translates_and_follows_changes(void **state)
{
	(void)state;
	char one[128], two[128];
	snprintf(root, sizeof(root), "/tmp/ssp-i18n-XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(one, sizeof(one), "%s/one", root);
	snprintf(two, sizeof(two), "%s/two", root);
	write_mo(one, "Home");
	write_mo(two, "Start");

	/* LANGUAGE picks the catalogue; glibc ignores it in the "C" locale */
	assert_int_equal(setenv("LANGUAGE", "en", 1), 0);
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	bindtextdomain("ssp", one);
	bind_textdomain_codeset("ssp", "UTF-8");
	textdomain("ssp");
	assert_string_equal(forside(), "Home");
	assert_string_equal(forside(), "Home"); /* from the cache */
	/* another thread has a cache of its own and the same answer */
	pthread_t t;
	void *res;
	assert_int_equal(pthread_create(&t, NULL, in_thread, NULL), 0);
	assert_int_equal(pthread_join(t, &res), 0);
	assert_string_equal((const char *)res, "Home");

	/* many more strings than the table holds: each still its own
	 * translation (or itself), before and after the table is emptied */
	static char many[1200][8];
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 1200; i++) {
			snprintf(many[i], sizeof(many[i]), "%d", i);
			assert_ptr_equal(i18n_gettext(many[i]), many[i]);
			if (i % 100 == 0)
				assert_string_equal(forside(), "Home");
		}

	/* another catalogue directory: the next call translates anew, and
	 * i18n_epoch says so to text rendered from _() and kept */
	unsigned long epoch = i18n_epoch();
	assert_int_equal(i18n_epoch(), epoch);
	bindtextdomain("ssp", two);
	assert_int_not_equal(i18n_epoch(), epoch);
	assert_string_equal(forside(), "Start");

	/* the global locale: in "C" the msgid itself */
	assert_non_null(setlocale(LC_ALL, "C"));
	assert_string_equal(forside(), "Forside");

	/* the thread's own locale (uselocale changes no global state) */
	locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
	assert_non_null(utf8);
	epoch = i18n_epoch();
	locale_t before = uselocale(utf8);
	assert_int_not_equal(i18n_epoch(), epoch);
	assert_string_equal(forside(), "Start");
	uselocale(before);
	assert_string_equal(forside(), "Forside");
	freelocale(utf8);

	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_translates_and_follows_changes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
