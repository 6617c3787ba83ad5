/* dpa_docs.h - the documents a municipality needs to adopt the system
 * (issue 12), rendered as Markdown from the strategy it runs:
 *
 *   DPA_ART30  fortegnelse over behandlingsaktiviteter (GDPR art. 30)
 *   DPA_DPIA   konsekvensanalyse (GDPR art. 35), a template
 *
 * Filled in from the strategy where it knows the answer (the data
 * controller, purpose and target group, the categories of data, the
 * recipients: the bodies where named young people are discussed and their
 * members), and from what the system itself does (sealed fields, access
 * log, two-factor sign-in). What only the municipality can say is marked
 * "[UDFYLDES]". Retention rules: the strategy's [sletning] (org.retention),
 * with the purge and the backups. Pure: no I/O. */
#ifndef SSP_DPA_DOCS_H
#define SSP_DPA_DOCS_H

#include "domain/org.h"
#include "util/strbuf.h"

enum dpa_kind { DPA_ART30, DPA_DPIA };

/* "art30" or "dpia": 0 and *out, or -1. */
int dpa_kind_parse(const char *s, enum dpa_kind *out);
void dpa_doc_markdown(const struct org *o, enum dpa_kind kind, struct strbuf *out);

#endif
