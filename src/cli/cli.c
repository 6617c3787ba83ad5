#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>
#include <string.h>

#include "util/file.h"
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

int cli_load_config(struct cli_ctx *ctx)
{
	config_defaults(&ctx->cfg);
	if (!ctx->config_path)
		return 0;
	struct strbuf text = STRBUF_INIT;
	char *err = NULL;
	if (read_file(ctx->config_path, &text, &err) < 0) {
		cli_error("%s", err);
		free(err);
		return -1;
	}
	struct diags d;
	diags_init(&d, ctx->config_path);
	int rc = config_parse(text.buf, text.len, &ctx->cfg, &d);
	diags_print(&d, stderr);
	diags_release(&d);
	strbuf_release(&text);
	return rc;
}

int cli_open_service(struct cli_ctx *ctx, enum store_open_mode mode, struct service *svc)
{
	memset(svc, 0, sizeof(*svc));
	svc->cfg = &ctx->cfg;
	if (cli_open_store(ctx, mode, &svc->store) < 0)
		return -1;
	char *err = NULL;
	if (service_load_key(svc, ctx->db_path, &err) < 0) {
		cli_error("%s", err);
		free(err);
		store_close(svc->store);
		svc->store = NULL;
		return -1;
	}
	return 0;
}

void cli_close_service(struct service *svc)
{
	store_close(svc->store);
	sodium_memzero(svc->key, sizeof(svc->key));
	svc->store = NULL;
}

const char *cli_default_strategy(void)
{
	const char *dir = getenv("SSP_STRATEGY_DIR");
	static char path[4096];
	snprintf(path, sizeof(path), "%s/hedensted.ini", dir && *dir ? dir : SSP_STRATEGYDIR);
	return path;
}
