/* fuzz_concerns.c - libFuzzer target for the JSON bodies of the case
 * flow's API (src/web/concern_body.c): what POST /api/v1/people,
 * /handovers, /referrals, /referrals/{id}/screen,
 * /meetings/{id}/items/{item}/decision and /concerns/{id}/close make of a
 * body, without a server. The first byte picks the body; the rest is the
 * JSON (json_body_parse, as the router does). Accepted strings must be
 * valid UTF-8 without control characters (but TAB, LF, CR) within the
 * limit, ids positive, a category 1..1000, at most 32 actions each with a
 * type and an owner; a refusal must name its field (or be a JSON error)
 * and carry a message. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_body_check.h"
#include "web/concern_body.h"
#include "web/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX FUZZ_BODY_MAX

static void need(const char *s)
{
	if (!s)
		abort();
	check_str(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct parse_error err;
	char msg[512];
	json_t *j = json_body_parse((const char *)data + 1, size - 1, &err);
	if (!j) {
		if (err.status != PARSE_BAD_JSON && !(err.status == PARSE_BAD_UTF8 && err.field[0]))
			abort();
		return 0;
	}
	int rc;
	switch (data[0] % 6) {
	case 0: {
		struct person_input in;
		rc = concern_body_person(j, MAX, &in, &err);
		if (rc == 0) {
			need(in.name);
			check_str(in.cpr);
			check_str(in.birth_date);
			check_str(in.institution);
		}
		break;
	}
	case 1: {
		struct handover_input in;
		rc = concern_body_handover(j, MAX, &in, &err);
		if (rc == 0) {
			if (in.meeting < 1 || in.person < 1 || in.category < 0 ||
			    in.category > 1000)
				abort();
			need(in.contact_date);
			need(in.summary);
		}
		break;
	}
	case 2: {
		struct referral_input in;
		rc = concern_body_referral(j, MAX, &in, &err);
		if (rc == 0) {
			if (in.person < 1)
				abort();
			need(in.summary);
			need(in.necessity);
			need(in.legal_basis);
		}
		break;
	}
	case 3: {
		struct screen_input in;
		rc = concern_body_screen(j, MAX, &in, &err);
		if (rc == 0) {
			if (in.meeting < 0)
				abort();
			need(in.decision);
			check_str(in.reason);
		}
		break;
	}
	case 4: {
		struct decision_input in;
		struct decision_input_action acts[CONCERN_BODY_MAX_ACTIONS];
		rc = concern_body_decision(j, MAX, &in, acts, &err);
		if (rc == 0) {
			if (in.category < 1 || in.category > 1000 ||
			    in.actions_nr > CONCERN_BODY_MAX_ACTIONS || in.actions != acts)
				abort();
			need(in.legal_basis);
			for (size_t i = 0; i < in.actions_nr; i++) {
				need(acts[i].type);
				need(acts[i].owner_org);
				check_str(acts[i].owner_user);
				check_str(acts[i].due);
			}
		}
		break;
	}
	default: {
		const char *reason;
		rc = concern_body_close(j, MAX, &reason, &err);
		if (rc == 0)
			need(reason);
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
