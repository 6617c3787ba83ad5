/* data_out.h - the survey and police figures as text, JSON and CSV.
 *
 * Every writer shows a hidden cell (data_view.hidden) as FIG_SUPPRESSED
 * ("<5"), never its value. The JSON is the contract of `ssp data show
 * KIND --format json` and GET /api/v1/data/KIND (docs/api.md):
 *
 *   ungeprofil:   {"rows": [{"year", "indicator", "group", "district",
 *                  "district_name", "share", "respondents", "national"}]}
 *   kriminalitet: {"rows": [{"year", "month", "category", "age_band",
 *                  "district", "district_name", "count"}]}
 *
 * district is the strategy's district id, null for the whole
 * municipality; month null for the whole year; share and national are
 * numbers in percent (12.5), national null when unknown; respondents and
 * count are numbers, or the string "<5" when hidden (a hidden survey
 * row's share is null: a share of fewer than five answers is not shown).
 *
 * The CSV is Danish Excel: UTF-8 with a byte-order mark, ";" between
 * fields, CRLF, decimal comma, the import's own header (so an export can
 * be imported again unchanged when nothing is hidden), and a text cell
 * starting with = + - or @ prefixed with an apostrophe so a spreadsheet
 * does not run it as a formula (the import removes it again).
 */
#ifndef SSP_DATA_OUT_H
#define SSP_DATA_OUT_H

#include <jansson.h>
#include <stdio.h>

#include "service/data.h"
#include "util/strbuf.h"

/* The district's name for a row's district id ("" -> "Hele kommunen"). */
const char *data_district_name(const struct data_view *v, const char *district);

json_t *data_view_to_json(const struct data_view *v);
void data_view_text(const struct data_view *v, FILE *out);
void data_view_csv(const struct data_view *v, struct strbuf *out);

/* One CSV cell as Danish Excel wants it (quoted when needed, formula
 * guard when text is true). */
void csv_cell(struct strbuf *out, const char *s, bool text);

#endif
