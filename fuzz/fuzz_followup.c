/* fuzz_followup.c - libFuzzer target for the JSON bodies of the concern
 * follow-up API (src/web/followup_body.c): what POST
 * /api/v1/concerns/{id}/notes, /related, /actions and /api/v1/actions/{id}
 * make of a body, without a server. The first byte picks the body; the
 * rest is the JSON. Accepted strings must be valid UTF-8 without control
 * characters (but TAB, LF, CR) within the limit; a refusal must name its
 * field (or be a JSON error) and carry a message. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_body_check.h"
#include "web/followup_body.h"
#include "web/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX FUZZ_BODY_MAX

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct parse_error err;
	char msg[512];
	json_t *j = json_body_parse((const char *)data + 1, size - 1, &err);
	if (!j)
		return 0;
	int rc;
	switch (data[0] % 4) {
	case 0: {
		struct case_note_input in;
		rc = followup_body_note(j, MAX, &in, &err);
		if (rc == 0) {
			if (!in.text || in.action < 0)
				abort();
			check_str(in.text);
		}
		break;
	}
	case 1: {
		struct related_input in;
		rc = followup_body_related(j, MAX, &in, &err);
		if (rc == 0) {
			if (!in.name || !in.relation)
				abort();
			check_str(in.name);
			check_str(in.relation);
			check_str(in.phone);
		}
		break;
	}
	case 2: {
		struct action_input in;
		rc = followup_body_action_add(j, MAX, &in, &err);
		if (rc == 0) {
			if (!in.type)
				abort();
			check_str(in.type);
			check_str(in.owner_org);
			check_str(in.owner_user);
			check_str(in.due);
			check_str(in.planned_date);
			check_str(in.reported_at);
		}
		break;
	}
	default: {
		struct action_change in;
		rc = followup_body_action_change(j, MAX, &in, &err);
		if (rc == 0) {
			check_str(in.status);
			check_str(in.planned_date);
			check_str(in.held_date);
			check_str(in.reported_at);
			check_str(in.receipt_at);
		}
		break;
	}
	}
	if (rc != 0) {
		if (err.status == PARSE_OK)
			abort();
		if (err.status != PARSE_BAD_JSON && !err.field[0])
			abort();
		parse_error_message(&err, msg, sizeof(msg));
		if (!msg[0])
			abort();
	}
	json_decref(j);
	return 0;
}
