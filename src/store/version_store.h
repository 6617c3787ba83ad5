/* version_store.h - each applied strategy, kept as a version with the day
 * it took effect (issue 11), so planning and compliance for a past year
 * use the rules then in force. */
#ifndef SSP_VERSION_STORE_H
#define SSP_VERSION_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/version_record.h"

struct store;

/* Stores text as the strategy in force from day `effective` (calendar.h),
 * applied by `by`. Runs in the caller's transaction. 0, or -1 with *err. */
int store_strategy_version_add(struct store *s, long effective, const char *sha256,
			       const char *text, size_t len, const char *by, char **err);

/* The version in force on day `day`: the latest effective on or before it
 * (then the latest stored). *text (caller frees) is NULL when none is;
 * *latest says whether it is the newest version of all (the one the
 * organisation in the store comes from). 0, or -1 with *err. */
int store_strategy_version_at(struct store *s, long day, char **text, bool *latest, char **err);

/* Every stored version, by the day it takes effect, then as applied. */
int store_strategy_versions(struct store *s, struct strategy_versions *out, char **err);

#endif
