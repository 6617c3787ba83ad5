#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

void diags_init(struct diags *d, const char *file)
{
	d->file = xstrdup(file);
	d->v = NULL;
	d->nr = d->alloc = 0;
	d->errors = d->warnings = 0;
}

void diags_release(struct diags *d)
{
	for (size_t i = 0; i < d->nr; i++)
		free(d->v[i].msg);
	free(d->v);
	free(d->file);
	d->v = NULL;
	d->file = NULL;
	d->nr = d->alloc = 0;
}

static void add(struct diags *d, enum diag_severity sev, int line, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_vaddf(&sb, fmt, ap);
	ALLOC_GROW(d->v, d->nr + 1, d->alloc);
	d->v[d->nr].severity = sev;
	d->v[d->nr].line = line;
	d->v[d->nr].msg = strbuf_detach(&sb);
	d->nr++;
	if (sev == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void diag_error(struct diags *d, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_ERROR, line, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diags *d, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_WARNING, line, fmt, ap);
	va_end(ap);
}

static int by_line(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return 0;
}

void diags_print(const struct diags *d, FILE *out)
{
	/* Stable order by line: copy indexes so equal lines keep insertion order. */
	struct diag *v = xmalloc(d->nr * sizeof(*v) + 1);
	for (size_t i = 0; i < d->nr; i++)
		v[i] = d->v[i];
	/* insertion sort: stable and the lists are short */
	for (size_t i = 1; i < d->nr; i++) {
		struct diag t = v[i];
		size_t j = i;
		while (j > 0 && by_line(&v[j - 1], &t) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = t;
	}
	for (size_t i = 0; i < d->nr; i++) {
		const char *kind = v[i].severity == DIAG_ERROR ? _("fejl") : _("advarsel");
		if (v[i].line > 0)
			fprintf(out, "%s:%d: %s: %s\n", d->file, v[i].line, kind, v[i].msg);
		else
			fprintf(out, "%s: %s: %s\n", d->file, kind, v[i].msg);
	}
	free(v);
}
