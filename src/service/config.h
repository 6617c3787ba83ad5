/* config.h - settings of a running instance (ssp.conf, INI).
 *
 * Everything has a safe default, so the file is optional. See
 * docs/ssp.conf.5 for the keys. Parsing works on a buffer (no I/O).
 */
#ifndef SSP_CONFIG_H
#define SSP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/authz.h"
#include "util/diag.h"

struct config {
	char listen[128];               /* "127.0.0.1:8080" */
	int session_idle_minutes;       /* 30 */
	int session_max_hours;          /* 10 */
	unsigned totp_required_roles;   /* bit per enum role; default: role_sees_personal_data */
	size_t max_body_bytes;          /* 1 MiB */
	size_t max_field_bytes;         /* 10000 */
	int login_max_failures_user;    /* 5 per window */
	int login_max_failures_address; /* 20 per window */
	int login_window_minutes;       /* 15 */
	int threads;                    /* 4 */
	int max_concurrent_logins;      /* 2: Argon2id takes 64 MiB each */
	/* Argon2id at the MIN limits, for tests only. No ssp.conf key sets it:
	 * a unit test's fixture sets it in code, and a build configured with
	 * -Dtest_hooks=true (build-asan/, never the program an operator runs)
	 * also takes it from $SSP_TEST_FAST_HASHING=1 (auth.c). */
	bool fast_password_hashing;
};

void config_defaults(struct config *c);
/* Parses an ssp.conf text over the defaults already in c. 0, or -1 with
 * every problem in d. */
int config_parse(const char *buf, size_t len, struct config *c, struct diags *d);

#endif
