/* ssp init [--strategy FILE] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp init [--db STI] [--strategy FIL]\n"
		"\n"
		"Opretter databasen (eller opgraderer den) og indlæser strategien.\n"
		"Uden --strategy indlæses den medfølgende strategies/hedensted.ini.\n"
		"Køres den igen med en redigeret strategi, opdateres organisationen,\n"
		"og alt andet i databasen bevares. Har strategien fejl, ændres intet.\n"
		"\n"
		"  --db STI          databasen (ellers $SSP_DB, ellers ./ssp.db)\n"
		"  --strategy FIL    strategifilen (se ssp-strategy(5))\n"),
	      out);
}

int cmd_init(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"strategy", required_argument, NULL, 's'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *strategy = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 's':
			strategy = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("init", _("ukendt tilvalg"));
		}
	}
	if (optind < argc)
		return cli_usage_error("init", _("uventet argument »%s«"), argv[optind]);
	if (!strategy)
		strategy = cli_default_strategy();

	struct strbuf text = STRBUF_INIT;
	char *err = NULL;
	if (read_file(strategy, &text, &err) < 0) {
		cli_error("%s", err);
		free(err);
		return 1;
	}
	/* Validate before touching the database, so a bad file creates nothing. */
	struct diags d;
	diags_init(&d, strategy);
	struct org o;
	org_init(&o);
	int bad = service_strategy_check(text.buf, text.len, &o, &d);
	diags_print(&d, stderr);
	if (bad) {
		fprintf(stderr, _("%s: %zu fejl; databasen er ikke ændret\n"), strategy, d.errors);
		goto out;
	}
	struct service svc;
	if (cli_open_service(ctx, STORE_OPEN_CREATE, &svc) < 0) {
		bad = 1;
		goto out;
	}
	diags_release(&d);
	diags_init(&d, strategy);
	if (service_strategy_apply(&svc, text.buf, text.len, &d, &err) < 0) {
		if (err)
			cli_error("%s", err);
		diags_print(&d, stderr);
		free(err);
		bad = 1;
	} else {
		printf(_("Databasen %s er klar: %s, %zu organer, %zu distrikter, %zu "
			 "sagskategorier (strategi: %s)\n"),
		       ctx->db_path, o.municipality, o.bodies_nr, o.districts_nr, o.categories_nr,
		       strategy);
	}
	cli_close_service(&svc);
out:
	org_release(&o);
	diags_release(&d);
	strbuf_release(&text);
	return bad ? 1 : 0;
}
