/* followup.c - the pure rules of following up a concern (domain/followup.h). */
#include "domain/followup.h"

#include <string.h>

#include "domain/calendar.h"
#include "util/i18n.h"
#include "util/banned.h"

static const char *const status_ids[ACTION_STATUS__COUNT] = {"open", "done", "cancelled"};
static const char *const status_labels[ACTION_STATUS__COUNT] = {N_("Åben"), N_("Udført"),
								N_("Annulleret")};

const char *action_status_id(enum action_status s)
{
	return (unsigned)s < ACTION_STATUS__COUNT ? status_ids[s] : "?";
}

int action_status_parse(const char *s, enum action_status *out)
{
	for (int i = 0; s && i < ACTION_STATUS__COUNT; i++)
		if (!strcmp(s, status_ids[i])) {
			*out = (enum action_status)i;
			return 0;
		}
	return -1;
}

const char *action_status_label(const char *id)
{
	enum action_status s;
	return action_status_parse(id, &s) == 0 ? _(status_labels[s]) : "?";
}

static const char *const relation_ids[RELATIONS_NR] = {"forælder", "værge", "søskende", "familie",
						       "anden-voksen"};
static const char *const relation_labels[RELATIONS_NR] = {
    N_("Forælder"), N_("Værge"), N_("Søskende"), N_("Anden familie"), N_("Anden vigtig voksen")};

const char *relation_id(int i)
{
	return i >= 0 && i < RELATIONS_NR ? relation_ids[i] : "?";
}

bool relation_valid(const char *id)
{
	for (int i = 0; id && i < RELATIONS_NR; i++)
		if (!strcmp(id, relation_ids[i]))
			return true;
	return false;
}

const char *relation_label(const char *id)
{
	for (int i = 0; id && i < RELATIONS_NR; i++)
		if (!strcmp(id, relation_ids[i]))
			return _(relation_labels[i]);
	return "?";
}

bool phone_valid(const char *s)
{
	if (!s)
		return false;
	size_t n = strlen(s), digits = 0;
	if (n == 0 || n > 30)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == '+' && i == 0)
			continue;
		else if (c != ' ' && c != '-' && c != '(' && c != ')')
			return false;
	}
	return digits >= 3 && digits <= 15;
}

const char *followup_actor_org(enum role role, const char *org)
{
	switch (role) {
	case ROLE_SSP:
		return "ssp";
	case ROLE_POLICE:
		return "politi";
	case ROLE_CHILD_FAMILY:
		return "boern-familier";
	case ROLE_YOUTH_UNIT:
		return "ungeenhed";
	default:
		return org && *org ? org : NULL;
	}
}

long followup_deadline(const struct action_dates *d)
{
	if (d->reported != CAL_NO_DAY && d->receipt_at == CAL_NO_DAY &&
	    d->receipt_due != CAL_NO_DAY)
		return d->receipt_due;
	return d->due;
}

bool followup_overdue(const struct action_dates *d, long today)
{
	long x = followup_deadline(d);
	return x != CAL_NO_DAY && x < today;
}

bool followup_receipt_overdue(const struct action_dates *d, long today)
{
	return d->reported != CAL_NO_DAY && d->receipt_at == CAL_NO_DAY &&
	       d->receipt_due != CAL_NO_DAY && d->receipt_due < today;
}
