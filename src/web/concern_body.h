/* concern_body.h - the JSON bodies of the case flow's API (api_concerns.c,
 * docs/api.md "Enkeltsager") into the service's input structs. Pure: no
 * request, no server, so fuzz/fuzz_concerns.c calls them directly.
 *
 * Each takes the parsed body (json_body_parse: one object; NULL reads as
 * {}), the longest string accepted (max_field_bytes), and fills in with
 * pointers into obj (valid while obj lives). 0, or -1 with err naming the
 * field (PARSE_UNKNOWN_FIELD, PARSE_MISSING_FIELD, PARSE_BAD_TYPE, or the
 * string faults of json_get_string); the API answers 422 with that field.
 * What the values mean (dates, categories, lists) is the service's to
 * check. */
#ifndef SSP_WEB_CONCERN_BODY_H
#define SSP_WEB_CONCERN_BODY_H

#include <jansson.h>
#include <stddef.h>

#include "service/concern.h"
#include "web/parse.h"

/* The most actions one decision takes. */
#define CONCERN_BODY_MAX_ACTIONS 32

/* {"name", "cpr"?, "birth_date"?, "institution"?} */
int concern_body_person(json_t *obj, size_t max, struct person_input *in, struct parse_error *err);
/* {"meeting", "person", "contact_date", "summary", "category"?} */
int concern_body_handover(json_t *obj, size_t max, struct handover_input *in,
			  struct parse_error *err);
/* {"person", "summary", "necessity", "legal_basis"} */
int concern_body_referral(json_t *obj, size_t max, struct referral_input *in,
			  struct parse_error *err);
/* {"decision", "meeting"?, "reason"?} */
struct screen_input {
	const char *decision, *reason;
	long long meeting; /* 0 when absent */
};
int concern_body_screen(json_t *obj, size_t max, struct screen_input *in, struct parse_error *err);
/* {"category", "actions": [{"type", "owner_org", "owner_user"?, "due"?}],
 *  "legal_basis", "necessity"?, "serious_crime"?, "prison_sentence"?};
 * in->actions points into acts. */
int concern_body_decision(json_t *obj, size_t max, struct decision_input *in,
			  struct decision_input_action acts[CONCERN_BODY_MAX_ACTIONS],
			  struct parse_error *err);
/* {"reason"} */
int concern_body_close(json_t *obj, size_t max, const char **reason, struct parse_error *err);

#endif
