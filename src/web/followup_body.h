/* followup_body.h - the JSON bodies of the concern follow-up API
 * (api_followup.c, docs/api.md) into the service's input structs. Pure:
 * no request, no server, so fuzz/fuzz_followup.c calls them directly.
 *
 * Each takes the parsed body (json_body_parse: one object), the longest
 * string accepted (max_field_bytes), and fills in with pointers into obj
 * (valid while obj lives). 0, or -1 with err naming the field
 * (PARSE_UNKNOWN_FIELD, PARSE_MISSING_FIELD, PARSE_BAD_TYPE, or the string
 * faults of json_get_string); the API answers 422 with that field. What
 * the values mean (dates, lists) is the service's to check. */
#ifndef SSP_WEB_FOLLOWUP_BODY_H
#define SSP_WEB_FOLLOWUP_BODY_H

#include <jansson.h>
#include <stddef.h>

#include "service/followup.h"
#include "web/parse.h"

/* {"text", "welfare"?: bool, "action"?: id} */
int followup_body_note(json_t *obj, size_t max, struct case_note_input *in,
		       struct parse_error *err);
/* {"name", "relation", "phone"?} */
int followup_body_related(json_t *obj, size_t max, struct related_input *in,
			  struct parse_error *err);
/* {"type", "owner_org"?, "owner_user"?, "due"?, "planned_date"?,
 *  "reported_at"?} */
int followup_body_action_add(json_t *obj, size_t max, struct action_input *in,
			     struct parse_error *err);
/* {"status"?, "planned_date"?, "held_date"?, "reported_at"?, "receipt_at"?} */
int followup_body_action_change(json_t *obj, size_t max, struct action_change *in,
				struct parse_error *err);

#endif
