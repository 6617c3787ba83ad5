#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/strbuf.h"
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

bool cli_is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

int cli_year_arg(const char *cmd, int argc, char **argv, int first, int *year)
{
	if (first >= argc)
		return cli_usage_error(cmd, _("angiv et år, fx »ssp %s 2027«"), cmd);
	if (first + 1 < argc)
		return cli_usage_error(cmd, _("uventet argument »%s«"), argv[first + 1]);
	if (cal_parse_year(argv[first], year) < 0)
		return cli_usage_error(cmd, _("»%s« er ikke et årstal"), argv[first]);
	return 0;
}

int cli_check_format(const char *cmd, const char *format, const char *const *choices)
{
	size_t n = 0;
	for (; choices[n]; n++)
		if (!strcmp(format, choices[n]))
			return 0;
	/* "text, json eller ics" */
	struct strbuf list = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(&list, i + 1 < n ? ", " : _(" eller "));
		strbuf_addstr(&list, choices[i]);
	}
	cli_usage_error(cmd, _("ukendt format »%s«; brug %s"), format, list.buf);
	strbuf_release(&list);
	return EXIT_USAGE;
}

int cli_svc_error(const struct svc_result *r)
{
	cli_error("%s", r->message ? r->message : _("ukendt fejl"));
	return 1;
}

int cli_read_file(const char *path, struct strbuf *out)
{
	char *err = NULL;
	if (read_file(path, out, &err) < 0) {
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
	if (cli_read_file(ctx->config_path, &text) < 0)
		return -1;
	struct diags d;
	diags_init(&d, ctx->config_path);
	int rc = config_parse(text.buf, text.len, &ctx->cfg, &d);
	diags_print(&d, stderr);
	diags_release(&d);
	strbuf_release(&text);
	return rc;
}

int cli_open_service(struct cli_ctx *ctx, enum service_open_mode mode, struct service *svc)
{
	char *err = NULL;
	if (service_open(svc, ctx->db_path, mode, &ctx->cfg, &err) < 0) {
		cli_error("%s", err);
		free(err);
		return -1;
	}
	return 0;
}

void cli_close_service(struct service *svc)
{
	service_close(svc);
}

int cli_call_open(struct cli_ctx *ctx, struct cli_call *c)
{
	struct svc_result none = SVC_RESULT_INIT;
	c->r = none;
	actor_cli(&c->a);
	return cli_open_service(ctx, SERVICE_OPEN_EXISTING, &c->svc);
}

int cli_call_close(struct cli_call *c, int rc)
{
	svc_result_clear(&c->r);
	cli_close_service(&c->svc);
	return rc;
}

FILE *cli_output_open(const char *path)
{
	if (!path)
		return stdout;
	FILE *out = fopen(path, "wb");
	if (!out)
		cli_error(_("kan ikke skrive »%s«"), path);
	return out;
}

int cli_output_close(FILE *out, int rc)
{
	bool bad = fflush(out) != 0;
	if (out != stdout && fclose(out) != 0)
		bad = true;
	return bad ? cli_error(_("kunne ikke skrive output")) : rc;
}

int cli_write_json(json_t *j, FILE *out)
{
	int rc = json_dumpf(j, out, JSON_INDENT(2) | JSON_REAL_PRECISION(15)) ? 1 : 0;
	fputc('\n', out);
	json_decref(j);
	return rc;
}

const char *cli_default_strategy(void)
{
	const char *dir = getenv("SSP_STRATEGY_DIR");
	static char path[4096];
	snprintf(path, sizeof(path), "%s/hedensted.ini", dir && *dir ? dir : SSP_STRATEGYDIR);
	return path;
}
