/* fixture.h - the set-up the unit tests share: the shipped strategy, and
 * for the service-level tests a temporary directory with a database, a
 * service on it, the local operator, a strategy, users, and a look at the
 * access log.
 *
 * One struct fixture per test file (static), set up and torn down around
 * each test with cmocka's setup/teardown. A helper that cannot do its work
 * fails the running test (fail_msg). */
#ifndef SSP_TEST_FIXTURE_H
#define SSP_TEST_FIXTURE_H

#include <stdbool.h>

#include "service/auth.h"
#include "service/service.h"

/* The shipped strategy (strategies/hedensted.ini) parsed into *o, which
 * the caller releases; fails the test when it does not parse. */
void fixture_shipped(struct org *o);

/* The password fixture_add_user gives every user. */
#define FIXTURE_PASSWORD "rigtig-adgangskode"

struct fixture {
	char dir[64];       /* the temporary directory */
	char path[128];     /* its database, DIR/t.db */
	struct config cfg;  /* defaults, with fast password hashing */
	struct service svc; /* svc.store is NULL until fixture_open */
	struct actor cli;   /* the local operator */
};

/* Makes the directory /tmp/ssp-NAME-XXXXXX and names the database in it;
 * nothing is opened. 0, or -1. */
int fixture_dir(struct fixture *f, const char *name);
/* Opens (creates) the database and the instance key as f->svc. 0, or -1
 * after printing why. */
int fixture_open(struct fixture *f);
/* fixture_dir, fixture_open and, unless strategy is NULL, fixture_apply. */
int fixture_setup(struct fixture *f, const char *name, const char *strategy);
/* Closes the store (if open) and removes the database, its WAL files, the
 * key and the directory. */
void fixture_teardown(struct fixture *f);

/* Loads strategy text into the database; fails the test on any error. */
void fixture_apply(struct fixture *f, const char *strategy);
/* Adds a user with FIXTURE_PASSWORD as the local operator. */
void fixture_add_user(struct fixture *f, const char *username, const char *name, enum role role,
		      const char *org, const char *institution);
/* The actor of user username, as a web session would make it (client
 * 127.0.0.1). */
struct actor fixture_actor(struct fixture *f, const char *username);
/* How many access-log entries have action and outcome (each NULL: any). */
int fixture_count_log(struct fixture *f, const char *action, const char *outcome);

#endif
