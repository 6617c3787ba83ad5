/* cli.h - the command-line door: one cmd_*() per subcommand (git's layout).
 *
 * A command parses its arguments, calls the service layer and renders the
 * result. Exit status: 0 success, 1 the work failed (bad input, store
 * error), 2 usage error. */
#ifndef SSP_CLI_H
#define SSP_CLI_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "service/service.h"
#include "util/strbuf.h"

struct cli_ctx {
	const char *db_path;     /* --db, else $SSP_DB, else ./ssp.db */
	const char *config_path; /* --config, else $SSP_CONFIG, else none */
	struct config cfg;       /* defaults, then the config file */
};

#define EXIT_USAGE 2

int cmd_init(int argc, char **argv, struct cli_ctx *ctx);
int cmd_org(int argc, char **argv, struct cli_ctx *ctx);
int cmd_strategy(int argc, char **argv, struct cli_ctx *ctx);
int cmd_user(int argc, char **argv, struct cli_ctx *ctx);
int cmd_token(int argc, char **argv, struct cli_ctx *ctx);
int cmd_audit(int argc, char **argv, struct cli_ctx *ctx);
int cmd_plan(int argc, char **argv, struct cli_ctx *ctx);
int cmd_compliance(int argc, char **argv, struct cli_ctx *ctx);
int cmd_events(int argc, char **argv, struct cli_ctx *ctx);
int cmd_meeting(int argc, char **argv, struct cli_ctx *ctx);
int cmd_participant(int argc, char **argv, struct cli_ctx *ctx);
int cmd_calendar(int argc, char **argv, struct cli_ctx *ctx);
int cmd_serve(int argc, char **argv, struct cli_ctx *ctx);
int cmd_key(int argc, char **argv, struct cli_ctx *ctx);
int cmd_data(int argc, char **argv, struct cli_ctx *ctx);
int cmd_indsigt(int argc, char **argv, struct cli_ctx *ctx);
int cmd_purge(int argc, char **argv, struct cli_ctx *ctx);
int cmd_focus(int argc, char **argv, struct cli_ctx *ctx);
int cmd_trend(int argc, char **argv, struct cli_ctx *ctx);
int cmd_evaluation(int argc, char **argv, struct cli_ctx *ctx);
int cmd_strategy_render(int argc, char **argv, struct cli_ctx *ctx); /* cmd_evaluation.c */
int cmd_backup(int argc, char **argv, struct cli_ctx *ctx);
int cmd_restore(int argc, char **argv, struct cli_ctx *ctx);

/* Prints "ssp: <message>" to stderr and returns 1. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints a usage error and a hint to --help; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Is arg "--help" or "-h"? */
bool cli_is_help(const char *arg);
/* The one positional argument YEAR of cmd, argv[first] (first: optind
 * after the options), into *year. Prints a usage error and returns
 * EXIT_USAGE when there is none, more than one, or it is no number; the
 * range is the service's to check. */
int cli_year_arg(const char *cmd, int argc, char **argv, int first, int *year);
/* 0 when format is one of the NULL-terminated choices; else prints a
 * usage error naming them and returns EXIT_USAGE. */
int cli_check_format(const char *cmd, const char *format, const char *const *choices);
/* Prints a service failure's message; returns 1. */
int cli_svc_error(const struct svc_result *r);

/* Reads the file path into out; prints the error and returns -1 on failure. */
int cli_read_file(const char *path, struct strbuf *out);

/* Loads ctx->config_path (if any) into ctx->cfg; prints errors. */
int cli_load_config(struct cli_ctx *ctx);

/* Opens the service (service_open: the database and the instance key) on
 * ctx's database with ctx->cfg. Prints the error and returns -1 on failure.
 * Close with cli_close_service. */
int cli_open_service(struct cli_ctx *ctx, enum service_open_mode mode, struct service *svc);
void cli_close_service(struct service *svc);

/* One command's call of the service: the opened service (existing
 * database), the local operator as actor, and the call's result. */
struct cli_call {
	struct service svc;
	struct actor a;
	struct svc_result r;
};

/* Opens c; prints the error and returns -1 on failure (nothing to close). */
int cli_call_open(struct cli_ctx *ctx, struct cli_call *c);
/* Clears c->r and closes the service; returns rc, so a command can end
 * with `return cli_call_close(&c, rc);`. */
int cli_call_close(struct cli_call *c, int rc);

/* Opens path for writing, or gives stdout when path is NULL; prints the
 * error and returns NULL on failure. */
FILE *cli_output_open(const char *path);
/* Flushes out and closes it unless it is stdout. Returns rc, or 1 after
 * printing the error when the output could not be written. */
int cli_output_close(FILE *out, int rc);
/* Writes j indented and a newline to out and frees j; 0, or 1 when
 * jansson could not write it. */
int cli_write_json(json_t *j, FILE *out);

/* Path of the strategy shipped with the program (strategies/hedensted.ini). */
const char *cli_default_strategy(void);

#endif
