/* indsigt_out.h - the answer to a request for access (indsigt) as JSON
 * and as a Danish letter-style PDF (cairo + pango).
 *
 * JSON (`ssp indsigt --format json`, the revisor page's download):
 *
 *   {"made": "YYYY-MM-DD", "municipality": "...",
 *    "person": {every column of the person record, CPR in full,
 *               "institution_name", "district_name"},
 *    "handovers": [...], "referrals": [...],
 *    "concerns": [{every column, "category_name", "category_history",
 *                  "decisions", "actions", "notes", "related_people"}],
 *    "share_declined": [...], "requests": [...], "access_log": [...],
 *    "request": null | {"id", "received", "deadline", "status"},
 *    "restriction": null | {"law", "withheld": [part ids],
 *                           "justification"}}
 *
 * Records carry every column the store holds (sealed columns opened),
 * with the schema's column names. A withheld part is an empty list, and
 * "restriction" names it.
 *
 * The PDF holds the same records with Danish labels, a section per
 * record type, the access-log extract as a table and the restriction
 * notice, if any. Text is DejaVu Sans; pdftotext reads it back. */
#ifndef SSP_INDSIGT_OUT_H
#define SSP_INDSIGT_OUT_H

#include <jansson.h>
#include <stdio.h>

#include "service/indsigt.h"

json_t *indsigt_to_json(const struct indsigt_report *rep);
/* Writes the PDF to out (binary). 0, or -1 with a Danish message in *err
 * (caller frees). */
int indsigt_pdf_write(const struct indsigt_report *rep, FILE *out, char **err);

/* The Danish label of a schema column (the column's own name when none
 * is known, so a new column still shows). */
const char *indsigt_label(const char *column);
/* The label of f (its column's, or a better one for its kind of value). */
const char *indsigt_field_label(const struct indsigt_field *f);
/* f's value as a reader wants it (names for the strategy's ids, the law
 * for a legal basis, ja/nej, Danish words for statuses and actions,
 * "YYYY-MM-DD HH:MM UTC"); buf may hold the result. */
const char *indsigt_shown(const struct indsigt_report *rep, const struct indsigt_field *f,
			  char buf[32]);

#endif
