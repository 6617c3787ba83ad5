/* ssp serve [--listen ADDR:PORT] [--tls-cert FIL --tls-key FIL] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "util/i18n.h"
#include "web/web.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(
	    _("Brug: ssp serve [--db STI] [--listen ADRESSE:PORT] [--tls-cert FIL --tls-key FIL]\n"
	      "\n"
	      "Kører webapplikationen (sider og JSON-API'et under /api/v1/), indtil den får\n"
	      "SIGTERM eller SIGINT (Ctrl-C); forespørgsler, der er i gang, gøres færdige.\n"
	      "Den første linje på standard-output er adressen, fx\n"
	      "»Lytter på http://127.0.0.1:8080/«.\n"
	      "\n"
	      "  --db STI          databasen (ellers $SSP_DB, ellers ./ssp.db); opret den\n"
	      "                    med »ssp init«\n"
	      "  --listen A:P      adresse og port (ellers [web] listen i indstillingerne,\n"
	      "                    ellers 127.0.0.1:8080); port 0 vælger en ledig port\n"
	      "  --tls-cert FIL    certifikat (PEM): server HTTPS i stedet for HTTP\n"
	      "  --tls-key FIL     certifikatets private nøgle (PEM)\n"
	      "\n"
	      "Designsystemets filer serveres fra byggemappens assets/ (eller\n"
	      "$SSP_ASSET_DIR); »make« lægger dem der.\n"),
	    out);
}

int cmd_serve(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},       {"listen", required_argument, NULL, 'l'},
	    {"tls-cert", required_argument, NULL, 'c'}, {"tls-key", required_argument, NULL, 'k'},
	    {"help", no_argument, NULL, 'h'},           {0, 0, 0, 0}};
	struct web_options opt = {0};
	opt.listen = ctx->cfg.listen;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'l':
			opt.listen = optarg;
			break;
		case 'c':
			opt.tls_cert = optarg;
			break;
		case 'k':
			opt.tls_key = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("serve", _("ukendt tilvalg"));
		}
	}
	if (optind < argc)
		return cli_usage_error("serve", _("uventet argument »%s«"), argv[optind]);
	if ((opt.tls_cert == NULL) != (opt.tls_key == NULL))
		return cli_usage_error("serve", _("--tls-cert og --tls-key skal angives sammen"));
	opt.db_path = ctx->db_path;
	opt.cfg = &ctx->cfg;
	opt.announce = stdout;
	return web_serve(&opt) == 0 ? 0 : 1;
}
