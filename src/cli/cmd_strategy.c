/* ssp strategy check FILE */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp strategy check FIL\n"
		"      ssp strategy render [--year ÅR] --format html|pdf [-o FIL]\n"
		"\n"
		"Kontrollerer en strategifil (se ssp-strategy(5)) uden at gemme noget.\n"
		"Hver fejl angives som FIL:LINJE: fejl: besked. Advarer, hvis et af den\n"
		"nationale rammes fire temaer (formål, målgruppe, organisering, lokal\n"
		"tilrettelæggelse) mangler indhold.\n"
		"\n"
		"render skriver den indlæste strategi som det dokument, kommunen\n"
		"offentliggør: formål, målgruppe, organisering med diagram, hvert forum med\n"
		"medlemmer og mødefrekvens, årshjulet og de gældende indsatsområder.\n"
		"\n"
		"Afslutningsstatus: 0 i orden (advarsler tilladt), 1 fejl i filen, 2 forkert "
		"brug.\n"),
	      out);
}

static int check(const char *path)
{
	struct strbuf text = STRBUF_INIT;
	if (cli_read_file(path, &text) < 0)
		return 1;
	struct diags d;
	diags_init(&d, path);
	struct org o;
	org_init(&o);
	int rc = service_strategy_check(text.buf, text.len, &o, &d);
	diags_print(&d, stderr);
	if (rc == 0)
		printf(_("%s: strategien er i orden: %zu organer, %zu distrikter, %zu "
			 "sagskategorier, %zu advarsler\n"),
		       path, o.bodies_nr, o.districts_nr, o.categories_nr, d.warnings);
	else
		fprintf(stderr, _("%s: %zu fejl; intet er gemt\n"), path, d.errors);
	org_release(&o);
	diags_release(&d);
	strbuf_release(&text);
	return rc == 0 ? 0 : 1;
}

int cmd_strategy(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2)
		return cli_usage_error("strategy", _("angiv en handling: check eller render"));
	if (cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "render"))
		return cmd_strategy_render(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "check"))
		return cli_usage_error("strategy",
				       _("ukendt handling »%s«; brug check eller render"), argv[1]);
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 0;
		}
		return cli_usage_error("strategy", _("ukendt tilvalg"));
	}
	if (argc - 1 - optind != 1)
		return cli_usage_error("strategy", _("angiv præcis én strategifil"));
	return check(argv[1 + optind]);
}
