/* csv_import.h - reading the youth survey and the police figures from
 * CSV files as a coordinator gets them (Danish Excel: ";" between fields,
 * decimal comma, UTF-8 with or without a byte-order mark, or Windows-1252;
 * CRLF or LF; quoted fields may hold ";", quotes and line breaks). libcsv
 * splits the fields; this file decodes the text, maps the header, and
 * checks every value by the rules of domain/figures.h.
 *
 * Works on a buffer: no I/O. Every finding goes to a struct diags as
 * "FILE:LINE: fejl: kolonne N (navn): ...", so the CLI can print them and
 * the web door show them. Columns (header names case-insensitive, any
 * order; a column not listed is an error):
 *
 *   ungeprofil:   år; indikator; gruppe; distrikt; andel; [antal_svar]; [landsplan]
 *   kriminalitet: år; [måned]; kategori; aldersgruppe; distrikt; antal
 *
 * A district is a district id or name of the strategy, or empty / "hele
 * kommunen" / "kommunen" / "i alt" for the whole municipality. A line
 * break inside a quoted text field is read as a space. A leading
 * apostrophe before = + - @ is removed: it is what the CSV export puts
 * there so a spreadsheet does not run the cell as a formula.
 */
#ifndef SSP_CSV_IMPORT_H
#define SSP_CSV_IMPORT_H

#include <stddef.h>

#include "domain/figures.h"
#include "domain/org.h"
#include "util/diag.h"
#include "util/strbuf.h"

/* The largest file the command line reads (a million rows of police
 * figures are some 40 MiB). */
#define DATA_CSV_MAX_BYTES (256u * 1024 * 1024)

/* At most this many errors are listed; the rest are counted. */
#define DATA_CSV_MAX_ERRORS 50

/* Reads buf[0..len) as a file of kind into out (figure_set_init'ed by the
 * caller with that kind; rows are appended, strings owned by out). o
 * gives the districts and the target group's ages. Returns 0 when the
 * file has no errors (warnings, such as the Windows-1252 note, may be in
 * *d); -1 otherwise, and then out holds no rows. Two rows with the same
 * key are an error. */
int data_csv_read(enum figure_kind kind, const char *buf, size_t len, const struct org *o,
		  struct figure_set *out, struct diags *d);

/* The text of a file that data_csv_read accepted, as UTF-8 without a
 * byte-order mark (a Windows-1252 file converted), in *text (reset); so
 * a browser can send it back to be imported. -1 when it is neither. */
int data_csv_utf8(const char *buf, size_t len, struct strbuf *text);

#endif
