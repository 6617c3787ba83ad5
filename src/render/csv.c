/* csv.c - CSV rows through libcsv (csv.h). */
#include "render/csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "util/banned.h"

void csv_row(struct strbuf *sb, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *f = fields[i] ? fields[i] : "";
		size_t len = strlen(f);
		/* csv_write needs at most 2 * len + 2 bytes (every quote doubled) */
		size_t cap = 2 * len + 3;
		char *buf = xmalloc(cap);
		size_t w = csv_write(buf, cap, f, len);
		if (i)
			strbuf_addch(sb, ',');
		strbuf_add(sb, buf, w);
		free(buf);
	}
	strbuf_addstr(sb, "\r\n");
}
