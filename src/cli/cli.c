#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/banned.h"

#ifndef SSP_STRATEGYDIR
#define SSP_STRATEGYDIR "strategies"
#endif

int cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("ssp: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "ssp %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("Se »ssp %s --help«.\n"), cmd);
	return EXIT_USAGE;
}

int cli_open_store(struct cli_ctx *ctx, enum store_open_mode mode, struct store **out)
{
	char *err = NULL;
	if (store_open(ctx->db_path, mode, out, &err) < 0) {
		cli_error("%s", err);
		free(err);
		return -1;
	}
	return 0;
}

const char *cli_default_strategy(void)
{
	const char *dir = getenv("SSP_STRATEGY_DIR");
	static char path[4096];
	snprintf(path, sizeof(path), "%s/hedensted.ini", dir && *dir ? dir : SSP_STRATEGYDIR);
	return path;
}
