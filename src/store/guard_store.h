/* guard_store.h - SQL for the web door's guards (service/guard.c owns the
 * rules): failed anonymous attempts counted per address and minute, and
 * idempotency keys of creating requests. */
#ifndef SSP_GUARD_STORE_H
#define SSP_GUARD_STORE_H

#include <stddef.h>

#include "store/store.h"

/* One counter of failed anonymous attempts. */
struct anon_count {
	char *client;
	long long minute; /* Unix time / 60 */
	char *action;     /* "token.use", "calendar.feed" */
	long long count;
};

struct anon_counts {
	struct anon_count *v;
	size_t nr, alloc;
};

void anon_counts_release(struct anon_counts *l);

/* Adds one to (client, minute, action); *count gets the client's total
 * for that minute (every action). */
int store_anon_failure_add(struct store *s, const char *client, long long minute,
			   const char *action, long long *count, char **err);
/* The client's total for minute. */
int store_anon_failure_count(struct store *s, const char *client, long long minute,
			     long long *count, char **err);
/* Takes (reads and deletes, in one transaction) every counter of a minute
 * before `before`, appended to out. */
int store_anon_failure_take(struct store *s, long long before, struct anon_counts *out, char **err);

/* Claims key for user_id: 0 when it is new (now claimed, no object yet),
 * 1 when it was claimed before (*object gets what it made, or NULL while
 * the first request is still working; caller frees), -1 on error. */
int store_idem_claim(struct store *s, long long user_id, const char *key, long long now,
		     char **object, char **err);
/* Records what the claim made ("/moeder/12"), or drops the claim when
 * object is NULL (the request failed: the key may be used again). */
int store_idem_finish(struct store *s, long long user_id, const char *key, const char *object,
		      char **err);
/* Forgets claims made before `before`. */
int store_idem_expire(struct store *s, long long before, char **err);

#endif
