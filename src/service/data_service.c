/* data_service.c - the survey and police figures (service/data.h). */
#include "service/data.h"

#include <stdlib.h>
#include <string.h>

#include "data/csv_import.h"
#include "service/service_internal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

int svc_data_import(struct service *svc, const struct actor *a, enum figure_kind kind,
		    const char *file_name, const char *buf, size_t len, bool dry_run,
		    struct diags *d, struct data_counts *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (!svc_allowed(svc, a, ACT_DATA_IMPORT, r))
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
	if (data_csv_read(kind, buf, len, &o, &set, d) < 0) {
		svc_fail(r, SVC_INVALID, "file", _("filen har fejl (%zu); intet er importeret"),
			 d->errors);
		goto out;
	}
	if (!dry_run) {
		struct strbuf what = STRBUF_INIT;
		strbuf_addf(&what, "%s %s: %zu rækker", figure_kind_id(kind), file_name, set.nr);
		int logged = svc_log(svc, a, "data.import", what.buf, "ok", r);
		strbuf_release(&what);
		if (logged < 0)
			goto out;
	}
	char *err = NULL;
	if (store_figures_import(svc->store, &set, file_name, a->username, dry_run, out, &err) <
	    0) {
		svc_store_fail(r, err);
		goto out;
	}
	rc = 0;
out:
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
	if (!svc_allowed(svc, a, ACT_DATA_VIEW, r))
		return -1;
	if (year != 0 && (year < FIG_YEAR_MIN || year > FIG_YEAR_MAX))
		return svc_fail(r, SVC_INVALID, "year", _("året skal ligge fra %d til %d"),
				FIG_YEAR_MIN, FIG_YEAR_MAX);
	out->year = year;
	if (svc_load_org(svc, &out->org, r) < 0)
		return -1;
	char *err = NULL;
	int got;
	if (store_figures_load(svc->store, year, &out->set, &err) < 0 ||
	    (got = store_data_import_latest(svc->store, kind, &out->latest, &err)) < 0) {
		data_view_release(out);
		return svc_store_fail(r, err);
	}
	out->has_latest = got == 0;
	out->hidden = xcalloc(out->set.nr + 1, sizeof(*out->hidden));
	figure_set_suppress(&out->set, out->hidden);
	return 0;
}
