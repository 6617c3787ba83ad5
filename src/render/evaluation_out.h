/* evaluation_out.h - the yearly evaluation, the trends and the focus
 * areas as JSON, as a document (render/report.h: HTML and PDF) and as
 * Danish Excel CSV (';', decimal comma, BOM, formulas neutralised by
 * data_out.h's csv_cell). Counts under 5 are "<5" everywhere. */
#ifndef SSP_EVALUATION_OUT_H
#define SSP_EVALUATION_OUT_H

#include <jansson.h>

#include "render/report.h"
#include "service/evaluation.h"
#include "util/strbuf.h"

json_t *evaluation_to_json(const struct evaluation *e);
/* Adds the evaluation's chapters to r (report_init'ed by the caller). */
void evaluation_report(const struct evaluation *e, struct report *r);

json_t *focus_list_to_json(const struct focus_list *l);
json_t *trend_view_to_json(const struct trend_view *v);

/* CSV of the tables the steering group sees. */
void focus_list_csv(const struct focus_list *l, struct strbuf *out);
void trend_view_csv(const struct trend_view *v, struct strbuf *out);
void evaluation_kpi_csv(const struct evaluation *e, struct strbuf *out);
void evaluation_compliance_csv(const struct evaluation *e, struct strbuf *out);

/* "12,5" for 1250 hundredths (caller's buffer). */
void share_hundredths(long v, char buf[32]);

#endif
