/* user.c - releasing the user records of user.h. */
#include "domain/user.h"

#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

void user_info_release(struct user_info *u)
{
	free(u->username);
	free(u->name);
	free(u->org);
	free(u->institution);
	free(u->created_at);
	memset(u, 0, sizeof(*u));
}

void user_list_release(struct user_list *l)
{
	for (size_t i = 0; i < l->nr; i++)
		user_info_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
