/* user.h - the user records the doors see (service/auth.h hands them out,
 * store/user_store.h reads and writes them). Plain structs, no I/O. */
#ifndef SSP_USER_H
#define SSP_USER_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/authz.h"

struct user_info {
	long long id;
	char *username;
	char *name;
	enum role role;
	char *org;         /* may be NULL */
	char *institution; /* institution id, may be NULL */
	bool totp_enabled;
	bool disabled;
	char *created_at;
};

struct user_list {
	struct user_info *v;
	size_t nr, alloc;
};

void user_info_release(struct user_info *u);
void user_list_release(struct user_list *l);

struct user_new {
	const char *username; /* 1-64 of [a-z0-9._-] */
	const char *name;
	enum role role;
	const char *org;         /* optional */
	const char *institution; /* optional; must exist */
};

#endif
