/* cli.h - the command-line door: one cmd_*() per subcommand (git's layout).
 *
 * A command parses its arguments, calls the service layer and renders the
 * result. Exit status: 0 success, 1 the work failed (bad input, store
 * error), 2 usage error. */
#ifndef SSP_CLI_H
#define SSP_CLI_H

#include "service/service.h"
#include "store/store.h"

struct cli_ctx {
	const char *db_path;	 /* --db, else $SSP_DB, else ./ssp.db */
	const char *config_path; /* --config, else $SSP_CONFIG, else none */
	struct config cfg;	 /* defaults, then the config file */
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
int cmd_meeting(int argc, char **argv, struct cli_ctx *ctx);
int cmd_participant(int argc, char **argv, struct cli_ctx *ctx);
int cmd_calendar(int argc, char **argv, struct cli_ctx *ctx);
int cmd_serve(int argc, char **argv, struct cli_ctx *ctx);

/* Prints "ssp: <message>" to stderr and returns 1. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints a usage error and a hint to --help; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Parses a year argument of cmd into *out; on text that is no number
 * prints a usage error and returns EXIT_USAGE (cmd_plan.c). The range is
 * the service's to check. */
int cli_parse_year(const char *cmd, const char *s, int *out);
/* Prints a service failure's message; returns 1 (cmd_plan.c). */
int cli_svc_error(const struct svc_result *r);

/* Opens the store named by ctx; prints the error and returns -1 on failure. */
int cli_open_store(struct cli_ctx *ctx, enum store_open_mode mode, struct store **out);

/* Loads ctx->config_path (if any) into ctx->cfg; prints errors. */
int cli_load_config(struct cli_ctx *ctx);

/* Opens the store and the instance key into svc (svc->cfg = &ctx->cfg).
 * Prints the error and returns -1 on failure. Close with cli_close_service. */
int cli_open_service(struct cli_ctx *ctx, enum store_open_mode mode, struct service *svc);
void cli_close_service(struct service *svc);

/* Path of the strategy shipped with the program (strategies/hedensted.ini). */
const char *cli_default_strategy(void);

#endif
