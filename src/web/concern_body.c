/* concern_body.c - the case flow API's JSON bodies (web/concern_body.h). */
#include "web/concern_body.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/banned.h"

static int key_fail(struct parse_error *err, enum parse_status st, const char *key)
{
	memset(err, 0, sizeof(*err));
	err->status = st;
	snprintf(err->field, sizeof(err->field), "%s", key);
	return -1;
}

/* An integer member in [min, max]; *out untouched when absent and
 * optional. */
static int get_int(json_t *obj, const char *key, bool required, long long min, long long max,
		   long long *out, struct parse_error *err)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return required ? key_fail(err, PARSE_MISSING_FIELD, key) : 0;
	if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max)
		return key_fail(err, PARSE_BAD_TYPE, key);
	*out = (long long)json_integer_value(v);
	return 0;
}

/* An optional boolean member. */
static int get_bool(json_t *obj, const char *key, bool *out, struct parse_error *err)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_boolean(v))
		return key_fail(err, PARSE_BAD_TYPE, key);
	*out = json_is_true(v);
	return 0;
}

static int only(json_t *obj, const char *const *keys, struct parse_error *err)
{
	if (obj && !json_is_object(obj))
		return key_fail(err, PARSE_BAD_JSON, "");
	return json_only_keys(obj, keys, err);
}

int concern_body_person(json_t *obj, size_t max, struct person_input *in, struct parse_error *err)
{
	static const char *const keys[] = {"name", "cpr", "birth_date", "institution", NULL};
	memset(in, 0, sizeof(*in));
	if (only(obj, keys, err) < 0 ||
	    json_get_string(obj, "name", true, max, &in->name, err) < 0 ||
	    json_get_string(obj, "cpr", false, max, &in->cpr, err) < 0 ||
	    json_get_string(obj, "birth_date", false, max, &in->birth_date, err) < 0 ||
	    json_get_string(obj, "institution", false, max, &in->institution, err) < 0)
		return -1;
	return 0;
}

int concern_body_handover(json_t *obj, size_t max, struct handover_input *in,
			  struct parse_error *err)
{
	static const char *const keys[] = {"meeting", "person",   "contact_date",
					   "summary", "category", NULL};
	memset(in, 0, sizeof(*in));
	long long cat = 0;
	if (only(obj, keys, err) < 0 ||
	    get_int(obj, "meeting", true, 1, INT64_MAX, &in->meeting, err) < 0 ||
	    get_int(obj, "person", true, 1, INT64_MAX, &in->person, err) < 0 ||
	    json_get_string(obj, "contact_date", true, max, &in->contact_date, err) < 0 ||
	    json_get_string(obj, "summary", true, max, &in->summary, err) < 0 ||
	    get_int(obj, "category", false, 1, 1000, &cat, err) < 0)
		return -1;
	in->category = (int)cat;
	return 0;
}

int concern_body_referral(json_t *obj, size_t max, struct referral_input *in,
			  struct parse_error *err)
{
	static const char *const keys[] = {"person", "summary", "necessity", "legal_basis", NULL};
	memset(in, 0, sizeof(*in));
	if (only(obj, keys, err) < 0 ||
	    get_int(obj, "person", true, 1, INT64_MAX, &in->person, err) < 0 ||
	    json_get_string(obj, "summary", true, max, &in->summary, err) < 0 ||
	    json_get_string(obj, "necessity", true, max, &in->necessity, err) < 0 ||
	    json_get_string(obj, "legal_basis", true, max, &in->legal_basis, err) < 0)
		return -1;
	return 0;
}

int concern_body_screen(json_t *obj, size_t max, struct screen_input *in, struct parse_error *err)
{
	static const char *const keys[] = {"decision", "meeting", "reason", NULL};
	memset(in, 0, sizeof(*in));
	if (only(obj, keys, err) < 0 ||
	    json_get_string(obj, "decision", true, max, &in->decision, err) < 0 ||
	    get_int(obj, "meeting", false, 1, INT64_MAX, &in->meeting, err) < 0 ||
	    json_get_string(obj, "reason", false, max, &in->reason, err) < 0)
		return -1;
	return 0;
}

int concern_body_decision(json_t *obj, size_t max, struct decision_input *in,
			  struct decision_input_action acts[CONCERN_BODY_MAX_ACTIONS],
			  struct parse_error *err)
{
	static const char *const keys[] = {"category",  "actions",       "legal_basis",
					   "necessity", "serious_crime", "prison_sentence",
					   NULL};
	static const char *const akeys[] = {"type", "owner_org", "owner_user",
					    "due",  "offer",     NULL};
	memset(in, 0, sizeof(*in));
	memset(acts, 0, CONCERN_BODY_MAX_ACTIONS * sizeof(*acts));
	long long category = 0;
	if (only(obj, keys, err) < 0 ||
	    get_int(obj, "category", true, 1, 1000, &category, err) < 0 ||
	    json_get_string(obj, "legal_basis", true, max, &in->legal_basis, err) < 0 ||
	    get_bool(obj, "necessity", &in->necessity, err) < 0 ||
	    get_bool(obj, "serious_crime", &in->serious_crime, err) < 0 ||
	    get_bool(obj, "prison_sentence", &in->prison_sentence, err) < 0)
		return -1;
	in->category = (int)category;
	json_t *arr = json_object_get(obj, "actions");
	if (!arr || json_is_null(arr))
		return key_fail(err, PARSE_MISSING_FIELD, "actions");
	if (!json_is_array(arr) || json_array_size(arr) > CONCERN_BODY_MAX_ACTIONS)
		return key_fail(err, PARSE_BAD_TYPE, "actions");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *x = json_array_get(arr, i);
		struct decision_input_action *a = &acts[i];
		/* a fault inside an action names "actions", the member of the
		 * body (docs/api.md) */
		if (!json_is_object(x) || json_only_keys(x, akeys, err) < 0 ||
		    json_get_string(x, "type", true, max, &a->type, err) < 0 ||
		    json_get_string(x, "owner_org", true, max, &a->owner_org, err) < 0 ||
		    json_get_string(x, "owner_user", false, max, &a->owner_user, err) < 0 ||
		    json_get_string(x, "due", false, max, &a->due, err) < 0)
			return key_fail(err, PARSE_BAD_TYPE, "actions");
		/* a henvisning may name the offer it refers to (issue 14) */
		json_t *offer = json_object_get(x, "offer");
		if (offer && !json_is_null(offer)) {
			if (!json_is_integer(offer) || json_integer_value(offer) < 1)
				return key_fail(err, PARSE_BAD_TYPE, "actions");
			a->offer = json_integer_value(offer);
		}
	}
	in->actions = acts;
	in->actions_nr = json_array_size(arr);
	return 0;
}

int concern_body_close(json_t *obj, size_t max, const char **reason, struct parse_error *err)
{
	static const char *const keys[] = {"reason", NULL};
	*reason = NULL;
	if (only(obj, keys, err) < 0 || json_get_string(obj, "reason", true, max, reason, err) < 0)
		return -1;
	return 0;
}
