/* wallclock.h - the one place the service and the store ask what time it
 * is: the timestamps they write (created, changed, the access log's "at")
 * and "today" (svc_today, the purge's dates).
 *
 * By default it is the real clock (CLOCK_REALTIME). A program that fills a
 * database with history (bench/gen.c, the benchmark's data generator) pins
 * it to a moment of its choosing with wallclock_pin; nothing else does:
 * there is no environment variable, option or route that reaches it, and
 * the doors (src/web, src/cli) never call it (a lint test checks). Rate
 * limits and TOTP keep to the real clock: they are about real elapsed time. */
#ifndef SSP_UTIL_WALLCLOCK_H
#define SSP_UTIL_WALLCLOCK_H

#include <time.h>

/* Now: the pinned moment, or the real clock when none is pinned. */
void wallclock_now(struct timespec *out);
/* Now in whole seconds since the epoch (wallclock_now's tv_sec). */
time_t wallclock_time(void);
/* Pins the clock at *at until the next wallclock_pin; NULL returns to the
 * real clock. For the data generator only; safe from any thread. */
void wallclock_pin(const struct timespec *at);

#endif
