/* data_service.c - the survey and police figures (service/data.h). */
#include "service/data.h"

#include <stdlib.h>
#include <string.h>

#include "data/csv_import.h"
#include "service/service_internal.h"
#include "store/data_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

int svc_data_import(struct service *svc, const struct actor *a, enum figure_kind kind,
		    const char *file_name, const char *buf, size_t len, bool dry_run,
		    struct diags *d, struct data_counts *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	/* the file is read before the call's transaction opens, so a large
	 * file does not hold the write lock while it is parsed */
	struct svc_entry e = {.action = "data.import"};
	if (svc_check(svc, a, ACT_DATA_IMPORT, NULL, &e, r) < 0)
		return -1;
	struct org o;
	org_init(&o);
	if (svc_load_org(svc, &o, r) < 0) {
		org_release(&o);
		return -1;
	}
	struct figure_set set;
	figure_set_init(&set, kind);
	int rc = -1;
	char *err = NULL;
	if (data_csv_read(kind, buf, len, &o, &set, d) < 0) {
		svc_fail(r, SVC_INVALID, "file", _("filen har fejl (%zu); intet er importeret"),
			 d->errors);
	} else if (dry_run) {
		/* a preview: counted in a transaction that is rolled back */
		rc =
		    store_figures_import(svc->store, &set, file_name, a->username, true, out, &err);
		if (rc < 0)
			svc_store_fail(r, err);
	} else {
		/* the entry and the rows: one transaction */
		SVC_CALL(c);
		struct strbuf what = STRBUF_INIT;
		strbuf_addf(&what, "%s %s: %zu rækker", figure_kind_id(kind), file_name, set.nr);
		int begun =
		    svc_begin(&c, svc, a, ACT_DATA_IMPORT, NULL,
			      (struct svc_entry){.action = "data.import", .object = what.buf}, r);
		strbuf_release(&what);
		if (begun == 0) {
			if (store_figures_import(svc->store, &set, file_name, a->username, false,
						 out, &err) < 0) {
				svc_store_fail(r, err);
				rc = svc_abort(&c);
			} else {
				rc = svc_commit(&c);
			}
			if (rc < 0)
				memset(out, 0, sizeof(*out));
		}
	}
	figure_set_release(&set);
	org_release(&o);
	return rc;
}

void data_view_release(struct data_view *v)
{
	figure_set_release(&v->set);
	free(v->hidden);
	org_release(&v->org);
	data_import_row_release(&v->latest);
	memset(v, 0, sizeof(*v));
}

int svc_data_view(struct service *svc, const struct actor *a, enum figure_kind kind, int year,
		  struct data_view *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	figure_set_init(&out->set, kind);
	org_init(&out->org);
	SVC_CALL(c);
	struct strbuf what = STRBUF_INIT;
	strbuf_addf(&what, "%s %d", figure_kind_id(kind), year);
	int begun = svc_begin(&c, svc, a, ACT_DATA_VIEW, NULL,
			      (struct svc_entry){.action = "data.view", .object = what.buf}, r);
	strbuf_release(&what);
	if (begun < 0)
		return -1;
	if (year != 0 && (year < FIG_YEAR_MIN || year > FIG_YEAR_MAX)) {
		svc_fail(r, SVC_INVALID, "year", _("året skal ligge fra %d til %d"), FIG_YEAR_MIN,
			 FIG_YEAR_MAX);
		return svc_abort(&c);
	}
	out->year = year;
	/* the strategy, the figures and the latest import from one snapshot */
	char *err = NULL;
	int got = 1;
	if (svc_load_org(svc, &out->org, r) < 0 ||
	    ((store_figures_load(svc->store, year, &out->set, &err) < 0 ||
	      (got = store_data_import_latest(svc->store, kind, &out->latest, &err)) < 0) &&
	     svc_store_fail(r, err) < 0)) {
		data_view_release(out);
		return svc_abort(&c);
	}
	if (svc_commit(&c) < 0) {
		data_view_release(out);
		return -1;
	}
	out->has_latest = got == 0;
	out->hidden = xcalloc(out->set.nr + 1, sizeof(*out->hidden));
	figure_set_suppress(&out->set, out->hidden);
	return 0;
}
