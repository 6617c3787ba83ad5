/* fuzz_retention.c - libFuzzer target for the retention rules
 * (domain/retention.h): the ISO-8601 duration parser and the rule
 * "DURATION fra TRIGGER" of the strategy's [sletning] section.
 *
 * Checks: an accepted duration has every part in 0..RETENTION_PART_MAX,
 * formats to a text that parses back to the same duration; a refusal
 * always says why; an accepted rule's trigger is allowed for its record
 * type, an accepted access-log rule keeps at least six months, and the
 * cut-off day never lies after the day it is computed for.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/retention.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct retention_duration d;
	char *err = NULL;
	if (retention_duration_parse((const char *)data, size, &d, &err) == 0) {
		check(err == NULL);
		check(d.years >= 0 && d.years <= RETENTION_PART_MAX);
		check(d.months >= 0 && d.months <= RETENTION_PART_MAX);
		check(d.days >= 0 && d.days <= RETENTION_PART_MAX);
		char buf[32];
		retention_duration_format(&d, buf, sizeof(buf));
		struct retention_duration back;
		check(retention_duration_parse(buf, strlen(buf), &back, &err) == 0);
		check(back.years == d.years && back.months == d.months && back.days == d.days);
	} else {
		check(err != NULL);
		free(err);
	}
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	enum retention_record rt = (enum retention_record)(size % RET__COUNT);
	struct retention_rule rule;
	err = NULL;
	if (retention_rule_parse(rt, s, &rule, &err) == 0) {
		check(retention_trigger_allowed(rt, rule.trigger));
		if (rt == RET_ACCESS_LOG)
			check(retention_duration_at_least_months(&rule.after, 6));
		long day = cal_ymd(2030, 6, 15);
		check(retention_cutoff(&rule, day) <= day);
	} else {
		check(err != NULL);
		free(err);
	}
	free(s);
	return 0;
}
