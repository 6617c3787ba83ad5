#include "util/file.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "util/i18n.h"
#include "util/banned.h"

static int fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(char **err, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	*err = strbuf_detach(&sb);
	return -1;
}

int read_file(const char *path, struct strbuf *out, char **err)
{
	return read_file_max(path, out, READ_FILE_MAX, err);
}

int read_file_max(const char *path, struct strbuf *out, size_t max, char **err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		return fail(err, _("kan ikke åbne »%s«: %s"), path, strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (f != stdin)
			fclose(f);
		return fail(err, _("»%s« er en mappe, ikke en fil"), path);
	}
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (out->len + n > max) {
			if (f != stdin)
				fclose(f);
			return fail(err, _("»%s« er for stor (over %zu MiB)"), path, max >> 20);
		}
		strbuf_add(out, buf, n);
	}
	int bad = ferror(f);
	int saved = errno;
	if (f != stdin)
		fclose(f);
	if (bad)
		return fail(err, _("kan ikke læse »%s«: %s"), path, strerror(saved));
	return 0;
}
