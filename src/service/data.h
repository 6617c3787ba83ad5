/* data.h - the service layer for the data behind the strategy: the youth
 * survey's and the police's aggregate figures (domain/figures.h).
 *
 * Same contract as service.h: each function checks the actor's right in
 * the role x action table first (the local operator may do all), and
 * returns 0 or -1 with *r set.
 *
 *   ACT_DATA_VIEW    the figures, with small counts hidden (svc_data_view)
 *   ACT_DATA_IMPORT  import a CSV file (svc_data_import)
 *
 * An import is one audited call: its access-log entry ("data.import",
 * object "KIND FILE: N rækker") and the stored rows commit or roll back
 * together. A preview (dry run) stores nothing and logs only a refusal.
 * A view is read in one audited call ("data.view") too, so the figures
 * and the latest import come from one snapshot.
 */
#ifndef SSP_DATA_SERVICE_H
#define SSP_DATA_SERVICE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/data_record.h"
#include "domain/figures.h"
#include "service/service.h"
#include "util/diag.h"

/* ACT_DATA_IMPORT. Reads buf[0..len) as a CSV file of kind
 * (data/csv_import.h) against the stored strategy's districts and ages;
 * d (diags_init'ed by the caller with the file's name) receives every
 * finding. When the file has errors nothing is stored: -1 with
 * SVC_INVALID. Else stores every row in one transaction (or, dry_run,
 * only counts what it would do) and fills *out. */
int svc_data_import(struct service *svc, const struct actor *a, enum figure_kind kind,
		    const char *file_name, const char *buf, size_t len, bool dry_run,
		    struct diags *d, struct data_counts *out, struct svc_result *r);

/* The figures of a kind as they may be shown. */
struct data_view {
	int year;              /* 0: every year */
	struct figure_set set; /* the rows */
	bool *hidden;          /* per row: count (crime) or respondents and share
				  (survey) shown as FIG_SUPPRESSED */
	struct org org;        /* the stored strategy (district names) */
	bool has_latest;       /* the latest import that changed something */
	struct data_import_row latest;
};

void data_view_release(struct data_view *v);

/* ACT_DATA_VIEW. year 0 for every year, else FIG_YEAR_MIN..FIG_YEAR_MAX
 * (SVC_INVALID on field "year"). Hidden cells are decided over all
 * stored rows of the kind and year. */
int svc_data_view(struct service *svc, const struct actor *a, enum figure_kind kind, int year,
		  struct data_view *out, struct svc_result *r);

#endif
