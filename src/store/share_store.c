/* share_store.c - the declines of § 115, stk. 4 (store/share_store.h). */
#include "store/share_store.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/xalloc.h"
#include "util/banned.h"

void share_decline_rows_release(struct share_decline_rows *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		free(l->v[i].item_kind);
		free(l->v[i].username);
		free(l->v[i].org);
		free(l->v[i].at);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int store_share_declines(struct store *s, long long meeting_id, struct share_decline_rows *out,
			 char **err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = prep(s,
				"SELECT item_kind, item_id, username, org, at FROM share_declined"
				" WHERE meeting_id = ? ORDER BY at, rowid",
				"l", meeting_id);
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct share_decline_row *r = &out->v[out->nr++];
		r->item_kind = col_dup(st, 0);
		r->item_id = sqlite3_column_int64(st, 1);
		r->username = col_dup(st, 2);
		r->org = col_dup(st, 3);
		r->at = col_dup(st, 4);
	}
	int ret = rows_end(s, st, rc, err, "share_declined");
	if (ret < 0)
		share_decline_rows_release(out);
	return ret;
}
