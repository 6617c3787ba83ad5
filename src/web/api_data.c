/* api_data.c - the JSON API of the data behind the strategy (docs/api.md):
 * the same figures as `ssp data show KIND --format json` and the page
 * /data, through the same service call (service/data.h), so the same role
 * x action row (data.view) and the same suppression apply:
 *
 *   GET /api/v1/data/ungeprofil?year=     the youth survey
 *   GET /api/v1/data/kriminalitet?year=   the police figures
 *
 * Without year: every year.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "render/data_out.h"
#include "service/data.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

static void data_api(struct request *rq, enum figure_kind kind)
{
	const char *s = form_get(&rq->query_form, "year");
	int year = 0;
	if (s && *s &&
	    (cal_parse_year(s, &year) < 0 || year < FIG_YEAR_MIN || year > FIG_YEAR_MAX)) {
		char msg[160];
		snprintf(msg, sizeof(msg), _("Året skal være et tal mellem %d og %d."),
			 FIG_YEAR_MIN, FIG_YEAR_MAX);
		web_error(rq, 400, msg, "year");
		return;
	}
	struct data_view v;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_data_view(rq->svc, &rq->actor, kind, year, &v, &r) < 0) {
		data_view_release(&v);
		web_svc_fail(rq, &r);
		return;
	}
	resp_json(rq, 200, data_view_to_json(&v));
	data_view_release(&v);
}

void api_data_survey(struct request *rq)
{
	data_api(rq, FIG_SURVEY);
}

void api_data_crime(struct request *rq)
{
	data_api(rq, FIG_CRIME);
}
