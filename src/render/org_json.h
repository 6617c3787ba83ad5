/* org_json.h - the organisation as JSON (the contract of `ssp org --format
 * json` and GET /api/v1/org; see docs/ssp-strategy.5). */
#ifndef SSP_ORG_JSON_H
#define SSP_ORG_JSON_H

#include <jansson.h>

#include "domain/org.h"

/* Returns a new reference (caller json_decref()s). */
json_t *org_to_json(const struct org *o);
json_t *frequency_to_json(const char *text, const struct frequency *f);

#endif
