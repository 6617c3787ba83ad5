/* version_record.h - a stored strategy version as read back (issue 11):
 * the list `ssp strategy versions` shows. */
#ifndef SSP_VERSION_RECORD_H
#define SSP_VERSION_RECORD_H

#include <stddef.h>

struct strategy_version_row {
	long long id;
	char *effective;  /* YYYY-MM-DD: in force from this day */
	char *sha256;     /* of the text as applied */
	char *applied_at; /* YYYY-MM-DDTHH:MM:SSZ */
	char *applied_by; /* NULL: not recorded */
};

struct strategy_versions {
	struct strategy_version_row *v;
	size_t nr, alloc;
};

void strategy_versions_release(struct strategy_versions *l);

/* The version in force on day (YYYY-MM-DD): the latest effective on or
 * before it, the latest applied among those of one day; its index in l,
 * or -1 when none is yet. */
long strategy_version_in_force(const struct strategy_versions *l, const char *day);

#endif
