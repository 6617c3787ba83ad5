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
	int threads;                    /* 16 */
	int max_concurrent_logins;      /* 2: Argon2id takes 64 MiB each */
	/* Argon2id at the MIN limits, for tests only. No ssp.conf key sets it:
	 * a unit test's fixture sets it in code, and a build configured with
	 * -Dtest_hooks=true (build-asan/, never the program an operator runs)
	 * also takes it from $SSP_TEST_FAST_HASHING=1 (auth.c). */
	bool fast_password_hashing;
	/* The door's guards (issue 8; local choices, docs/ssp.conf.5). */
	int anon_max_per_minute;     /* 30 failed anonymous attempts per address */
	int max_connections;         /* 4096 in all (epoll carries idle ones) */
	int max_connections_address; /* 256 per client address (a school behind one NAT) */
	int header_timeout;          /* 10 s without a byte before the headers are in */
	int connection_timeout;      /* 60 s without a byte once they are */
	char trusted_proxies[256];   /* addresses whose X-Forwarded-For is believed */
	/* [retention] purge-time (issue 12): `ssp serve` runs the purge each
	 * day at this local time, minutes after midnight; -1: never ("ingen") */
	int purge_minute; /* 03:30 */
};

void config_defaults(struct config *c);
/* Parses an ssp.conf text over the defaults already in c. 0, or -1 with
 * every problem in d. */
int config_parse(const char *buf, size_t len, struct config *c, struct diags *d);

#endif
