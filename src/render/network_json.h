/* network_json.h - the school network's compliance findings as JSON: the
 * "network" member of `ssp compliance YEAR --format json-full`.
 *
 *   school_year        "2026/27"; school_year_from, school_year_to the
 *                      first and last day (domain/compliance_network.h)
 *   schools, clubs     active institutions of each kind
 *   contact_persons    contact persons of active institutions
 *   without_contact_person  [{id, name, kind, district}]   [N-CONTACT]
 *   theme_day          {state: "no_body" | "none" | "upcoming" | "passed",
 *                       first: "YYYY-MM-DD" or null, attended,
 *                       missed: [{username, name, institution}]}  [N-THEMEDAY]
 *   without_laeseplan  [{id, name, district}]               [N-LAESEPLAN]
 *   findings           the total number of findings
 */
#ifndef SSP_NETWORK_JSON_H
#define SSP_NETWORK_JSON_H

#include <jansson.h>

#include <stdbool.h>

#include "domain/compliance.h"
#include "domain/compliance_network.h"

/* A new reference (caller json_decref()s). */
json_t *network_to_json(const struct network_findings *f);

/* The whole object of `ssp compliance YEAR --format json-full` and of GET
 * /api/v1/compliance: {"year", "as_of": "YYYY-MM-DD", "from_plan",
 * "bodies": compliance_to_json(c), "network": network_to_json(f)}. A new
 * reference. */
json_t *compliance_full_to_json(int year, long as_of, bool from_plan, const struct compliance *c,
				const struct network_findings *f);

#endif
