#include "util/wallclock.h"

#include <stdatomic.h>
#include <stdint.h>

#include "util/banned.h"

/* The pinned moment in nanoseconds since the epoch; INT64_MIN: not
 * pinned (the real clock). One atomic word, so a reader on another thread
 * sees either the old or the new moment, never half of each. */
static _Atomic int64_t pinned_ns = INT64_MIN;

void wallclock_now(struct timespec *out)
{
	int64_t ns = atomic_load_explicit(&pinned_ns, memory_order_relaxed);
	if (ns == INT64_MIN) {
		clock_gettime(CLOCK_REALTIME, out);
		return;
	}
	int64_t s = ns / 1000000000, rest = ns % 1000000000;
	if (rest < 0) {
		s--;
		rest += 1000000000;
	}
	out->tv_sec = (time_t)s;
	out->tv_nsec = (long)rest;
}

time_t wallclock_time(void)
{
	struct timespec ts;
	wallclock_now(&ts);
	return ts.tv_sec;
}

void wallclock_pin(const struct timespec *at)
{
	int64_t ns = at ? (int64_t)at->tv_sec * 1000000000 + at->tv_nsec : INT64_MIN;
	atomic_store_explicit(&pinned_ns, ns, memory_order_relaxed);
}
