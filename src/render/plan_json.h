/* plan_json.h - meeting plans and compliance as JSON: the contract of
 * `ssp plan YEAR --format json` and `ssp compliance YEAR --format json`.
 *
 * A plan is an array of meetings, each an object with
 *   body      the body id (as in `ssp org --format json`)
 *   start     ISO 8601 local time with offset, Europe/Copenhagen
 *             ("2027-01-12T14:00:00+01:00")
 *   end       the same, for the end
 *   district  the district id, only when the body meets in each district
 *   theme     only when the meeting has a theme (the annual wheel's, or
 *             the body's "tema")
 *   agenda    only when standing duties are placed on the meeting
 *             (the yearly evaluation, the selection of focus areas)
 *   uid       the iCalendar UID
 *   status    "planned" | "held" | "cancelled" | "moved"
 *   id        only for a stored meeting: its id
 *   ad_hoc, changed_by_hand  only when true
 *
 * Compliance is an array with one object per body: body, name,
 * required_min, planned, held, cancelled, due, upcoming, status
 * ("ok" | "behind" | "at_risk"; domain/compliance.h has the rule) and,
 * for a body that meets in each district, districts: the same counts
 * per district (with "district").
 */
#ifndef SSP_PLAN_JSON_H
#define SSP_PLAN_JSON_H

#include <jansson.h>

#include "domain/compliance.h"
#include "domain/plan.h"

/* New references (caller json_decref()s). */
json_t *meeting_to_json(const struct meeting *m);
json_t *plan_to_json(const struct meeting_list *l);
json_t *compliance_to_json(const struct compliance *c);

#endif
