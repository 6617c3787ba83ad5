/* retention.h - the purge: deleting what the strategy's retention rules
 * make due (issue 12; `ssp purge`, and the server's daily run).
 *
 * The rules are domain/retention.h's, read from the loaded strategy
 * ([sletning], built-in values where it is silent). The purge deletes in
 * batches, each one transaction with its own access-log entry (counts
 * only, never personal data), so a kill at any point leaves a consistent
 * database and the next purge finishes the job. Every deleted row gets a
 * deletion record (store/retention_store.h). Afterwards secure_delete and
 * a TRUNCATE WAL checkpoint leave no copy in free pages or the WAL.
 * The access log is pruned behind a keyed anchor (service/audit.h), so
 * `ssp audit verify` keeps holding.
 */
#ifndef SSP_RETENTION_SERVICE_H
#define SSP_RETENTION_SERVICE_H

#include <stdbool.h>

#include "domain/retention.h"
#include "service/service.h"

struct purge_options {
	long as_of;   /* the day the rules are applied on (calendar.h); CAL_NO_DAY: today */
	bool dry_run; /* count what is due, delete nothing (logged as such) */
	int batch;    /* records per type per transaction; 0: the default (200) */
};

struct purge_result {
	long long deleted[RET__COUNT]; /* records of each type (access_log: entries) */
	long long people;              /* people no record refers to any more */
	long long batches;             /* transactions committed */
	bool wal_truncated;            /* the WAL checkpoint emptied the WAL */
	char as_of[11];                /* "YYYY-MM-DD" */
};

/* ACT_RETENTION_PURGE. Deletes (or, dry_run, counts) what is due on
 * o->as_of. 0 with *out; -1 with r set (the batches committed before a
 * failure stay done). */
int svc_purge(struct service *svc, const struct actor *a, const struct purge_options *o,
	      struct purge_result *out, struct svc_result *r);

/* The daily purge of `ssp serve` ([retention] purge-time in ssp.conf):
 * a thread that runs svc_purge as the local operator at that local time
 * each day, on its own connection. NULL when purge_minute < 0 (off) or the
 * thread cannot start (said on stderr). */
struct purge_timer;
struct purge_timer *purge_timer_start(const char *db_path, const unsigned char key[32],
				      const struct config *cfg);
/* Stops the thread (waiting for a purge under way) and frees t (NULL: ok). */
void purge_timer_stop(struct purge_timer *t);

/* Seconds from local time now_min (minutes after midnight) and now_sec
 * to the next at_min (minutes after midnight); 1..86400. Pure. */
long purge_seconds_until(int now_min, int now_sec, int at_min);

#endif
