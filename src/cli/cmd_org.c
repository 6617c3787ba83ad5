/* ssp org [--format text|json|svg|pdf] [--output FILE] */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "render/org_diagram.h"
#include "render/org_json.h"
#include "render/org_text.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp org [--db STI] [--format text|json|svg|pdf] [--output FIL]\n"
		"\n"
		"Viser organisationen niveau for niveau (politisk, strategisk,\n"
		"koordinerende, udførende). svg og pdf tegner organisationsdiagrammet.\n"
		"\n"
		"  --format FORMAT   text (standard), json, svg eller pdf\n"
		"  --output FIL      skriv til FIL i stedet for standard-output\n"),
	      out);
}

int cmd_org(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"format", required_argument, NULL, 'f'},
					     {"output", required_argument, NULL, 'o'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *format = "text", *output = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("org", _("ukendt tilvalg"));
		}
	}
	if (optind < argc)
		return cli_usage_error("org", _("uventet argument »%s«"), argv[optind]);
	if (cli_check_format("org", format,
			     (const char *const[]){"text", "json", "svg", "pdf", NULL}))
		return EXIT_USAGE;

	struct service svc;
	if (cli_open_service(ctx, SERVICE_OPEN_EXISTING, &svc) < 0)
		return 1;
	struct org o;
	org_init(&o);
	char *err = NULL;
	int rc = 1;
	if (service_org_get(&svc, &o, &err) < 0) {
		cli_error("%s", err);
		goto out;
	}
	FILE *out = cli_output_open(output);
	if (!out)
		goto out;
	if (!strcmp(format, "text")) {
		org_text_write(&o, out);
		rc = 0;
	} else if (!strcmp(format, "json")) {
		rc = cli_write_json(org_to_json(&o), out);
	} else {
		enum diagram_format f = !strcmp(format, "svg") ? DIAGRAM_SVG : DIAGRAM_PDF;
		if (org_diagram_write(&o, f, out, &err) < 0)
			cli_error("%s", err);
		else
			rc = 0;
	}
	rc = cli_output_close(out, rc);
out:
	free(err);
	org_release(&o);
	cli_close_service(&svc);
	return rc;
}
