/* strategy_doc.h - the strategy as the document a municipality publishes
 * (ssp strategy render): purpose, target group, organisation and local
 * set-up (the national framework's four themes), the organisation
 * diagram, each body with its purpose, members, tasks and frequency, the
 * annual wheel of the year, and the focus areas in force. Built from the
 * stored strategy and the stored plan, so the written strategy and the
 * running system say the same. */
#ifndef SSP_STRATEGY_DOC_H
#define SSP_STRATEGY_DOC_H

#include "domain/evaluation.h"
#include "domain/org.h"
#include "domain/plan.h"
#include "render/report.h"

/* Fills r (report_init'ed by the caller; r->org is set to o). The annual
 * wheel goes in twice: as SVG (HTML only) and as a table by month (both). */
void strategy_document(const struct org *o, const struct meeting_list *plan, int year,
		       const struct focus_list *focus, struct report *r);

#endif
