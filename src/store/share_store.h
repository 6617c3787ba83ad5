/* share_store.h - § 115, stk. 4: who declined to share on which agenda
 * item of a meeting (table share_declined, migration 11). Who and when,
 * never what. Same contract as store.h. */
#ifndef SSP_SHARE_STORE_H
#define SSP_SHARE_STORE_H

#include <stddef.h>

#include "store/store.h"

struct share_decline_row {
	char *item_kind; /* "handover", "referral", "followup" */
	long long item_id;
	char *username, *org, *at;
};

struct share_decline_rows {
	struct share_decline_row *v;
	size_t nr, alloc;
};

void share_decline_rows_release(struct share_decline_rows *l);
/* The meeting's declines, oldest first. */
int store_share_declines(struct store *s, long long meeting_id, struct share_decline_rows *out,
			 char **err);

#endif
