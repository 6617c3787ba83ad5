/* params.c - request parameters every area reads the same way: the year
 * of the query string and record ids in the path. */
#include <stdio.h>

#include "domain/calendar.h"
#include "domain/plan.h"
#include "service/meeting.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

int web_query_year(struct request *rq, int *year)
{
	/* the pages speak Danish (?aar=), the JSON API English (?year=) */
	const char *name = rq->route && rq->route->kind == KIND_API ? "year" : "aar";
	const char *s = form_get(&rq->query_form, name);
	*year = cal_date(svc_today()).y;
	if (!s || !*s)
		return 0;
	int v;
	if (cal_parse_year(s, &v) < 0 || v < PLAN_YEAR_MIN || v > PLAN_YEAR_MAX) {
		char msg[160];
		snprintf(msg, sizeof(msg), _("Året skal være et tal mellem %d og %d."),
			 PLAN_YEAR_MIN, PLAN_YEAR_MAX);
		web_error(rq, 400, msg, name);
		return -1;
	}
	*year = v;
	return 0;
}

bool web_path_id(struct request *rq, size_t i, const char *not_found, long long *id)
{
	if (id_parse(rq->params[i], id))
		return true;
	web_error(rq, 404, not_found, NULL);
	return false;
}
