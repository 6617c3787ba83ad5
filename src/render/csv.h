/* csv.h - CSV rows (RFC 4180) for the exports people open in a
 * spreadsheet: every field quoted by libcsv's csv_write, CRLF line ends,
 * ';'-free by construction (the separator is ','). */
#ifndef SSP_CSV_H
#define SSP_CSV_H

#include <stddef.h>

#include "util/strbuf.h"

/* Appends one row of n fields (NULL is an empty field) to sb. */
void csv_row(struct strbuf *sb, const char *const *fields, size_t n);

#endif
