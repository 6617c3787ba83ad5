/* service.h - the one way into the store for every door (CLI and web).
 *
 * Every function takes the acting person (struct actor), checks the role x
 * action table (domain/authz.h) and writes the access log (service/audit.h)
 * before it returns, so no page, API route or command can forget either.
 * Doors map enum svc_status to exit codes or HTTP statuses.
 */
#ifndef SSP_SERVICE_H
#define SSP_SERVICE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/version_record.h"
#include "domain/authz.h"
#include "domain/org.h"
#include "service/config.h"
#include "util/diag.h"

enum svc_status {
	SVC_OK = 0,
	SVC_INVALID,         /* bad input: 400/422, exit 1 */
	SVC_UNAUTHENTICATED, /* 401 */
	SVC_FORBIDDEN,       /* 403 */
	SVC_NOT_FOUND,       /* 404 */
	SVC_CONFLICT,        /* 409 */
	SVC_THROTTLED,       /* 429 */
	SVC_ERROR            /* 500: store or system failure */
};

/* The outcome of a service call that can fail for a reason a person must
 * read. message is Danish (owned, may be NULL on SVC_OK); field names the
 * form field / JSON key at fault, or NULL. */
struct svc_result {
	enum svc_status status;
	char *message;
	const char *field;
};

#define SVC_RESULT_INIT                                                                            \
	{                                                                                          \
		SVC_OK, NULL, NULL                                                                 \
	}
void svc_result_clear(struct svc_result *r);
/* Sets r and returns -1 (so `return svc_fail(...)` reads naturally). */
int svc_fail(struct svc_result *r, enum svc_status st, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Who is acting. A web request's actor comes from its session or bearer
 * token; the command line's is the local operator (cli = true), who has
 * shell access to the database file and so may do what any role may,
 * but is logged like everyone else. */
struct actor {
	long long user_id; /* 0 for the local operator */
	char username[65];
	char org[129];
	enum role role;
	bool cli;
	char client[64]; /* client address, or "cli" */
};

/* Fills a for the local operator ("cli:<login name>"). */
void actor_cli(struct actor *a);

struct store; /* store/store.h: the service's own, never a door's */

struct service {
	struct store *store;
	const struct config *cfg;
	unsigned char key[32]; /* instance secret: access-log chain, sealing */
	/* svc_org_view_cached and svc_org_cur (service_internal.h): the
	 * organisation as last loaded on this connection, and its stamp and
	 * the schema version then (store_org_stamp); freed by service_close */
	struct org *org_cache;
	long long org_stamp, org_schema;
	/* svc_concern_stats: the last counts on this connection
	 * (concern_service.c); freed by service_close */
	struct stats_cache *stats_cache;
	unsigned long org_gen; /* svc_org_generation */
	/* The organisation's stamp and the schema version as of this
	 * request's session lookup (svc_session), when it had one:
	 * svc_org_view_cached compares them instead of opening a read
	 * transaction of its own. Forgotten by svc_request_begin. */
	bool request_stamp_ok;
	long long request_stamp, request_schema;
};

/* Process-wide set-up of the crypto libraries (libsodium, liboath); call
 * once from main() before any thread starts. 0, or -1 on failure. */
int service_global_init(void);
void service_global_done(void);

/* Opens the instance secret next to the database (DB_PATH.key, mode 0600),
 * creating it on first use, and readies sealed fields (svc_crypto_open in
 * service/crypto.h: the first data key, a check that the key file belongs
 * to the database, re-sealing of old-format secrets). svc->store must be
 * open. */
int service_load_key(struct service *svc, const char *db_path, char **err);

/* How the doors open the service: the database at db_path and its instance
 * key (service_load_key), with settings cfg (kept, not copied). 0, or -1
 * with a Danish message in *err (caller frees) and nothing to close.
 * service_open_keyed takes a key the caller already holds (each web worker
 * thread gets the key the server loaded once) and needs an existing
 * database. Close with service_close (wipes the key). */
enum service_open_mode {
	SERVICE_OPEN_EXISTING, /* the database must exist and be initialised */
	SERVICE_OPEN_CREATE    /* create the file if missing, then migrate */
};
int service_open(struct service *svc, const char *db_path, enum service_open_mode mode,
		 const struct config *cfg, char **err);
int service_open_keyed(struct service *svc, const char *db_path, const unsigned char key[32],
		       const struct config *cfg, char **err);
void service_close(struct service *svc);

/* Are the database, its -wal and -shm, the key and the checkpoint file (those that exist)
 * private to their owner (no group or other bits)? 0, or -1 with a Danish
 * message saying which file and how to fix it (chmod 600). `ssp serve`
 * refuses to start otherwise. */
int service_check_file_modes(const char *db_path, char **err);

/* May the actor's role do this kind of thing (the role x action table
 * alone; the call then decides on its record)? Logs a refusal
 * (outcome "refused") to the access log (call.c). */
bool svc_allowed(struct service *svc, const struct actor *a, enum action act, struct svc_result *r);

/* What the actor may do in general, with no particular record (the role x
 * action table, through domain/authz.c): for a door's menus and links, so
 * no door asks the table itself. Logs nothing; the call behind the link
 * decides again, on its record, and logs. What a door shows about one
 * record comes with that record's view ("may edit", "may see the
 * minutes"). */
bool svc_may(struct service *svc, const struct actor *a, enum action act);

/* ---- organisation (service/org_service.c) ---- */

/* Parses and validates a strategy text without storing it. Returns 0 when
 * it has no errors; every finding is in *d. */
int service_strategy_check(const char *text, size_t len, struct org *out, struct diags *d);

/* ACT_STRATEGY_APPLY. Validates the strategy text and, only if it has no
 * errors, replaces the organisation with it (one transaction), logged as
 * strategy.apply with the SHA-256 of the text before it happens. Returns
 * 0 on success; -1 with SVC_INVALID and the findings in *d (validation)
 * or another status in *r. The ids of the strategy's institutions that
 * were left as an administrator left them are appended to *kept (when not
 * NULL; see store_org_save). */
int svc_strategy_apply(struct service *svc, const struct actor *a, const char *text, size_t len,
		       struct diags *d, struct strlist *kept, struct svc_result *r);
/* The same, and the text is kept as the version in force from day
 * `effective` (calendar.h; svc_strategy_apply: today), issue 11. */
int svc_strategy_apply_from(struct service *svc, const struct actor *a, const char *text,
			    size_t len, long effective, struct diags *d, struct strlist *kept,
			    struct svc_result *r);

/* ACT_ORG_VIEW. Every applied strategy version (issue 11), by the day it
 * takes effect (domain/version_record.h); no text, only the day, the
 * SHA-256 of the text, when and by whom it was applied. */
int svc_strategy_versions(struct service *svc, const struct actor *a, struct strategy_versions *out,
			  struct svc_result *r);

/* Loads the current organisation (ACT_ORG_VIEW). */
int service_org_get(struct service *svc, struct org *out, char **err);
int svc_org_view(struct service *svc, const struct actor *a, struct org *out, struct svc_result *r);
/* The same, read only: *out belongs to svc and stays valid until the next
 * call on svc (or service_close). It is loaded again only when the database
 * changed since (any commit, on any connection): the signed-in
 * /organisation page without a query per request. */
int svc_org_view_cached(struct service *svc, const struct actor *a, const struct org **out,
			struct svc_result *r);

/* A door calls this first thing for each request on svc (the web server's
 * threads serve one request after another on one service): forgets what
 * the previous request read (request_dv), so no later check of cached
 * data compares against a state from before this request. */
void svc_request_begin(struct service *svc);

/* Changes whenever svc_org_view_cached loads the organisation anew (a value
 * no other load in the process had; 0 before the first): what a door keys
 * its own copy of the view on (the rendered /organisation). */
unsigned long svc_org_generation(const struct service *svc);

#endif
