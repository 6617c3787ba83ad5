/* diag.h - diagnostics a person reads: "FILE:LINE: fejl: message".
 *
 * Parsers and validators append to a struct diags instead of printing, so
 * one door (CLI) can print them and another (web) can show them, and a test
 * can assert on them. The list owns its strings. */
#ifndef SSP_DIAG_H
#define SSP_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_severity severity;
	int line; /* 1-based; 0 when the message concerns the whole file */
	char *msg;
};

struct diags {
	char *file; /* the name shown before the line number */
	struct diag *v;
	size_t nr, alloc;
	size_t errors, warnings;
};

void diags_init(struct diags *d, const char *file);
void diags_release(struct diags *d);
void diag_error(struct diags *d, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_warning(struct diags *d, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prints every diagnostic as "FILE:LINE: fejl: msg" in line order. */
void diags_print(const struct diags *d, FILE *out);

#endif
