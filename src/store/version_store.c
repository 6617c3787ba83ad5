#include "store/version_store.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "domain/calendar.h"
#include "store/store_internal.h"
#include "util/xalloc.h"
#include "util/banned.h"

int store_strategy_version_add(struct store *s, long effective, const char *sha256,
			       const char *text, size_t len, const char *by, char **err)
{
	char day[11], now[STORE_TIME_LEN];
	cal_format_date(effective, day);
	store_now(now);
	char *copy = xstrndup(text, len);
	int rc = exec(s,
		      "INSERT INTO strategy_version (effective, sha256, text, applied_at,"
		      " applied_by) VALUES (?, ?, ?, ?, ?)",
		      "sssss", day, sha256, copy, now, by);
	free(copy);
	if (rc < 0)
		return db_fail(s, err, "strategy_version");
	return 0;
}

int store_strategy_versions(struct store *s, struct strategy_versions *out, char **err)
{
	sqlite3_stmt *st = prep(s,
				"SELECT id, effective, sha256, applied_at, applied_by"
				" FROM strategy_version ORDER BY effective, id",
				"");
	int rc;
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		struct strategy_version_row *r = &out->v[out->nr++];
		r->id = sqlite3_column_int64(st, 0);
		r->effective = col_dup(st, 1);
		r->sha256 = col_dup(st, 2);
		r->applied_at = col_dup(st, 3);
		r->applied_by = col_dup(st, 4);
	}
	return rows_end(s, st, rc, err, "strategy_version");
}

int store_strategy_version_at(struct store *s, long day, char **text, bool *latest, char **err)
{
	*text = NULL;
	*latest = true;
	char d[11];
	cal_format_date(day, d);
	sqlite3_stmt *st = prep(s,
				"SELECT text, id = (SELECT max(id) FROM strategy_version)"
				" FROM strategy_version WHERE effective <= ?"
				" ORDER BY effective DESC, id DESC LIMIT 1",
				"s", d);
	int rc = stmt_step(st);
	if (rc == SQLITE_ROW) {
		*text = col_dup(st, 0);
		*latest = sqlite3_column_int(st, 1) != 0;
	}
	return row_end(s, st, rc, err, "strategy_version") < 0 ? -1 : 0;
}
