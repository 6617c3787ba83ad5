/* fixture.c - see fixture.h. */
#include "fixture.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/user_store.h"
#include "strategy/parse.h"
#include "util/file.h"
#include "test.h"

void fixture_shipped(struct org *o)
{
	struct strbuf text = STRBUF_INIT;
	char *err = NULL;
	if (read_file(SSP_SOURCE_DIR "/strategies/hedensted.ini", &text, &err) < 0)
		fail_msg("%s", err);
	struct diags d;
	diags_init(&d, "hedensted.ini");
	org_init(o);
	if (strategy_parse(text.buf, text.len, o, &d) < 0) {
		diags_print(&d, stderr);
		fail_msg("the shipped strategy should parse");
	}
	diags_release(&d);
	strbuf_release(&text);
}

int fixture_dir(struct fixture *f, const char *name)
{
	memset(f, 0, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/ssp-%s-XXXXXX", name);
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
	return 0;
}

int fixture_open(struct fixture *f)
{
	config_defaults(&f->cfg);
	f->cfg.fast_password_hashing = true;
	memset(&f->svc, 0, sizeof(f->svc));
	f->svc.cfg = &f->cfg;
	actor_cli(&f->cli);
	char *err = NULL;
	if (store_open(f->path, STORE_OPEN_CREATE, &f->svc.store, &err) < 0 ||
	    service_load_key(&f->svc, f->path, &err) < 0) {
		fprintf(stderr, "fixture: %s\n", err ? err : "?");
		free(err);
		return -1;
	}
	return 0;
}

int fixture_setup(struct fixture *f, const char *name, const char *strategy)
{
	if (fixture_dir(f, name) < 0 || fixture_open(f) < 0)
		return -1;
	if (strategy)
		fixture_apply(f, strategy);
	return 0;
}

void fixture_teardown(struct fixture *f)
{
	store_close(f->svc.store);
	f->svc.store = NULL;
	const char *sfx[] = {
	    "", "-wal", "-shm", ".key", ".checkpoint", ".checkpoint.lock", ".checkpoint.tmp"};
	for (size_t i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		char p[160];
		snprintf(p, sizeof(p), "%s%s", f->path, sfx[i]);
		unlink(p);
	}
	rmdir(f->dir);
}

void fixture_apply(struct fixture *f, const char *strategy)
{
	struct diags d;
	diags_init(&d, "t.ini");
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_strategy_apply(&f->svc, &f->cli, strategy, strlen(strategy), &d, NULL, &r) < 0) {
		diags_print(&d, stderr);
		fail_msg("apply: %s", r.message ? r.message : "");
	}
	svc_result_clear(&r);
	diags_release(&d);
}

void fixture_add_user(struct fixture *f, const char *username, const char *name, enum role role,
		      const char *org, const char *institution)
{
	struct user_new u = {username, name, role, org, institution};
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_user_add(&f->svc, &f->cli, &u, FIXTURE_PASSWORD, &r) < 0)
		fail_msg("user add %s: %s", username, r.message);
	svc_result_clear(&r);
}

struct actor fixture_actor(struct fixture *f, const char *username)
{
	struct user_row row;
	char *err = NULL;
	if (store_user_by_name(f->svc.store, username, &row, &err) != 0)
		fail_msg("no user %s: %s", username, err ? err : "");
	struct actor a;
	memset(&a, 0, sizeof(a));
	a.user_id = row.info.id;
	snprintf(a.username, sizeof(a.username), "%s", username);
	a.role = row.info.role;
	snprintf(a.client, sizeof(a.client), "127.0.0.1");
	user_row_release(&row);
	return a;
}

int fixture_count_log(struct fixture *f, const char *action, const char *outcome)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(f->path, &db);
	sqlite3_prepare_v2(db,
			   "SELECT count(*) FROM audit_log WHERE (?1 IS NULL OR action = ?1)"
			   " AND (?2 IS NULL OR outcome = ?2)",
			   -1, &st, NULL);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	if (outcome)
		sqlite3_bind_text(st, 2, outcome, -1, SQLITE_STATIC);
	sqlite3_step(st);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}
