/* followup_body.c - the follow-up API's JSON bodies (web/followup_body.h). */
#include "web/followup_body.h"

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

/* An optional record id: an integer 1 .. 2^63-1. */
static int get_id(json_t *obj, const char *key, long long *out, struct parse_error *err)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < 1)
		return key_fail(err, PARSE_BAD_TYPE, key);
	*out = (long long)json_integer_value(v);
	return 0;
}

static int only(json_t *obj, const char *const *keys, struct parse_error *err)
{
	if (!json_is_object(obj))
		return key_fail(err, PARSE_BAD_JSON, "");
	return json_only_keys(obj, keys, err);
}

int followup_body_note(json_t *obj, size_t max, struct case_note_input *in, struct parse_error *err)
{
	static const char *const keys[] = {"text", "welfare", "action", NULL};
	memset(in, 0, sizeof(*in));
	if (only(obj, keys, err) < 0 ||
	    json_get_string(obj, "text", true, max, &in->text, err) < 0 ||
	    get_bool(obj, "welfare", &in->welfare, err) < 0 ||
	    get_id(obj, "action", &in->action, err) < 0)
		return -1;
	return 0;
}

int followup_body_related(json_t *obj, size_t max, struct related_input *in,
			  struct parse_error *err)
{
	static const char *const keys[] = {"name", "relation", "phone", NULL};
	memset(in, 0, sizeof(*in));
	if (only(obj, keys, err) < 0 ||
	    json_get_string(obj, "name", true, max, &in->name, err) < 0 ||
	    json_get_string(obj, "relation", true, max, &in->relation, err) < 0 ||
	    json_get_string(obj, "phone", false, max, &in->phone, err) < 0)
		return -1;
	return 0;
}

int followup_body_action_add(json_t *obj, size_t max, struct action_input *in,
			     struct parse_error *err)
{
	static const char *const keys[] = {"type",         "owner_org",   "owner_user", "due",
					   "planned_date", "reported_at", NULL};
	memset(in, 0, sizeof(*in));
	if (only(obj, keys, err) < 0 ||
	    json_get_string(obj, "type", true, max, &in->type, err) < 0 ||
	    json_get_string(obj, "owner_org", false, max, &in->owner_org, err) < 0 ||
	    json_get_string(obj, "owner_user", false, max, &in->owner_user, err) < 0 ||
	    json_get_string(obj, "due", false, max, &in->due, err) < 0 ||
	    json_get_string(obj, "planned_date", false, max, &in->planned_date, err) < 0 ||
	    json_get_string(obj, "reported_at", false, max, &in->reported_at, err) < 0)
		return -1;
	return 0;
}

int followup_body_action_change(json_t *obj, size_t max, struct action_change *in,
				struct parse_error *err)
{
	static const char *const keys[] = {"status",      "planned_date", "held_date",
					   "reported_at", "receipt_at",   NULL};
	memset(in, 0, sizeof(*in));
	if (only(obj, keys, err) < 0 ||
	    json_get_string(obj, "status", false, max, &in->status, err) < 0 ||
	    json_get_string(obj, "planned_date", false, max, &in->planned_date, err) < 0 ||
	    json_get_string(obj, "held_date", false, max, &in->held_date, err) < 0 ||
	    json_get_string(obj, "reported_at", false, max, &in->reported_at, err) < 0 ||
	    json_get_string(obj, "receipt_at", false, max, &in->receipt_at, err) < 0)
		return -1;
	return 0;
}
