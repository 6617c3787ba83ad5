/* bench_core.c - speed and memory of the core, measured as ratios.
 *
 * The machines are shared and noisy, so absolute times mean little: every
 * figure is also given relative to a baseline measured in the same run
 * (copying the strategy text), and the comparison to make between two
 * versions is the ratio. Peak memory comes from getrusage().
 *
 *   bench/run.sh            (builds, runs this and the HTTP bench)
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "domain/plan.h"
#include "render/org_json.h"
#include "service/audit.h"
#include "service/config.h"
#include "service/crypto.h"
#include "strategy/parse.h"
#include "util/file.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile size_t sink;

/* Runs fn until at least min_s seconds have passed; returns seconds per call. */
static double measure(void (*fn)(void *), void *arg, double min_s)
{
	long n = 0;
	double t0 = now(), t;
	do {
		fn(arg);
		n++;
		t = now();
	} while (t - t0 < min_s);
	return (t - t0) / (double)n;
}

struct text {
	const char *buf;
	size_t len;
};

static void copy_text(void *arg)
{
	struct text *t = arg;
	char *c = malloc(t->len);
	memcpy(c, t->buf, t->len);
	sink += (size_t)c[t->len / 2];
	free(c);
}

static void parse_strategy(void *arg)
{
	struct text *t = arg;
	struct org o;
	struct diags d;
	org_init(&o);
	diags_init(&d, "bench");
	sink += (size_t)strategy_parse(t->buf, t->len, &o, &d);
	diags_release(&d);
	org_release(&o);
}

struct org_arg {
	struct org *o;
};

static void render_json(void *arg)
{
	struct org_arg *a = arg;
	json_t *j = org_to_json(a->o);
	char *s = json_dumps(j, JSON_INDENT(2));
	sink += strlen(s);
	free(s);
	json_decref(j);
}

static void plan_one_year(void *arg)
{
	struct org_arg *a = arg;
	struct meeting_list l = {0};
	char *err = NULL;
	if (plan_year(a->o, 2027, NULL, &l, &err) < 0)
		free(err);
	sink += l.nr;
	meeting_list_release(&l);
}

static void hash_interactive(void *arg)
{
	(void)arg;
	char out[crypto_pwhash_STRBYTES];
	sink += (size_t)crypto_pwhash_str(out, "en-lang-adgangskode", 19,
					  crypto_pwhash_OPSLIMIT_INTERACTIVE,
					  crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

/* A service on a temporary database: sealing (a data key look-up, an
 * unwrap and XChaCha20-Poly1305 each way) and one access-log append (a
 * transaction, the chain hash and the checkpoint file: flock, temp file,
 * fsync, rename). */
struct svc_arg {
	struct service svc;
	struct actor a;
};

static void seal_open_64(void *arg)
{
	struct svc_arg *s = arg;
	static const struct sealed_ref at = {"user", "totp_secret", 1};
	char plain[64] = "Anna Andersen, 010203-1234, Skolevej 1";
	unsigned char *v;
	size_t n, pn;
	char *p;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_seal(&s->svc, &at, plain, sizeof(plain), &v, &n, &r) == 0 &&
	    svc_unseal(&s->svc, &at, v, n, &p, &pn, &r) == 0) {
		sink += (size_t)p[0];
		svc_plain_free(p, pn);
	}
	free(v);
	svc_result_clear(&r);
}

static void audit_append(void *arg)
{
	struct svc_arg *s = arg;
	struct audit_entry e = {"bench.entry", "x", NULL, NULL, "ok"};
	sink += (size_t)audit_log(&s->svc, &s->a, "bench", &e);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "strategies/hedensted.ini";
	double min_s = argc > 2 ? atof(argv[2]) : 0.5;
	if (sodium_init() < 0)
		return 1;
	struct strbuf sb = STRBUF_INIT;
	char *err = NULL;
	if (read_file(path, &sb, &err) < 0) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	struct text t = {sb.buf, sb.len};
	struct org o;
	struct diags d;
	org_init(&o);
	diags_init(&d, path);
	if (strategy_parse(sb.buf, sb.len, &o, &d) < 0) {
		diags_print(&d, stderr);
		return 1;
	}
	struct org_arg oa = {&o};
	char dir[] = "/tmp/ssp-bench-XXXXXX", db[64];
	struct svc_arg sa;
	memset(&sa, 0, sizeof(sa));
	if (!mkdtemp(dir))
		return 1;
	snprintf(db, sizeof(db), "%s/b.db", dir);
	static struct config cfg;
	config_defaults(&cfg);
	if (service_open(&sa.svc, db, SERVICE_OPEN_CREATE, &cfg, &err) < 0) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	actor_cli(&sa.a);

	double base = measure(copy_text, &t, min_s);
	struct {
		const char *name;
		void (*fn)(void *);
		void *arg;
	} cases[] = {
	    {"strategy_parse", parse_strategy, &t},
	    {"org_to_json", render_json, &oa},
	    {"plan_year_2027", plan_one_year, &oa},
	    {"argon2id_interactive", hash_interactive, NULL},
	    {"seal_open_64b", seal_open_64, &sa},
	    {"audit_append", audit_append, &sa},
	};
	printf("%-22s %14s %14s\n", "case", "us/call", "x baseline");
	printf("%-22s %14.3f %14.1f\n", "baseline_copy", base * 1e6, 1.0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		double s = measure(cases[i].fn, cases[i].arg, min_s);
		printf("%-22s %14.3f %14.1f\n", cases[i].name, s * 1e6, s / base);
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("peak_rss_kib %ld\n", ru.ru_maxrss);
	service_close(&sa.svc);
	const char *sfx[] = {"", "-wal", "-shm", ".key", ".checkpoint", ".checkpoint.lock"};
	for (size_t i = 0; i < sizeof(sfx) / sizeof(*sfx); i++) {
		char p[96];
		snprintf(p, sizeof(p), "%s%s", db, sfx[i]);
		unlink(p);
	}
	rmdir(dir);
	diags_release(&d);
	org_release(&o);
	strbuf_release(&sb);
	return 0;
}
