/* main.c - ssp: git-style dispatch to one cmd_*() per subcommand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "render/org_diagram.h"
#include "util/i18n.h"
#include "util/banned.h"

#ifndef SSP_VERSION
#define SSP_VERSION "0"
#endif

struct command {
	const char *name;
	int (*fn)(int argc, char **argv, struct cli_ctx *ctx);
	const char *summary; /* N_() marked, translated when printed */
};

static const struct command commands[] = {
    {"init", cmd_init, N_("opret eller opdater databasen og indlæs strategien")},
    {"org", cmd_org, N_("vis organisationen (tekst, JSON, SVG eller PDF)")},
    {"strategy", cmd_strategy,
     N_("kontroller en strategifil (strategy check FIL); fortegnelse og DPIA (strategy docs)")},
    {"user", cmd_user, N_("opret, vis og deaktiver brugere")},
    {"token", cmd_token, N_("udsted og tilbagekald API-tokens")},
    {"audit", cmd_audit, N_("kontroller og vis adgangsloggen")},
    {"plan", cmd_plan, N_("planlæg årets møder (tekst, JSON eller iCalendar)")},
    {"meeting", cmd_meeting, N_("marker møder afholdt eller aflyst, flyt og tilføj møder")},
    {"participant", cmd_participant, N_("knyt brugere til fora (deres møder og kalender)")},
    {"calendar", cmd_calendar, N_("private kalenderadresser (calendar token create BRUGER)")},
    {"compliance", cmd_compliance, N_("overholdes strategiens mødekrav? (compliance ÅR)")},
    {"data", cmd_data, N_("tallene bag strategien: importér og vis (data import|show)")},
    {"serve", cmd_serve, N_("kør webapplikationen (serve --listen ADRESSE:PORT)")},
    {"focus", cmd_focus, N_("styregruppens indsatsområder (focus add|list|delete)")},
    {"trend", cmd_trend, N_("mærk referater med strategiens temaer, tæl dem (trend tag|show)")},
    {"evaluation", cmd_evaluation, N_("årets evaluering som tekst, JSON, HTML, CSV eller PDF")},
    {"key", cmd_key, N_("krypter felterne om med en ny datanøgle (key rotate)")},
    {"indsigt", cmd_indsigt, N_("retten til indsigt: alt om én person (JSON eller PDF)")},
    {"events", cmd_events, N_("kurser og arrangementer; planlæg årets faste begivenheder")},
    {"purge", cmd_purge, N_("slet det, som slettereglerne gør forfaldent (purge --dry-run)")},
    {"backup", cmd_backup, N_("skriv en krypteret backup af databasen (backup FIL)")},
    {"restore", cmd_restore, N_("kontrollér eller gendan en backup (restore [--check] FIL)")},
};

static void usage(FILE *out)
{
	fputs(_("Brug: ssp [--db STI] [--config FIL] KOMMANDO [TILVALG]\n"
		"\n"
		"ssp understøtter kommunens SSP-samarbejde (skole, socialforvaltning og\n"
		"politi) efter den kriminalpræventive strategi.\n"
		"\n"
		"Kommandoer:\n"),
	      out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\n"
		"Databasen er --db STI, ellers $SSP_DB, ellers ./ssp.db. Indstillinger\n"
		"læses fra --config FIL eller $SSP_CONFIG (se docs/ssp.conf.5).\n"
		"»ssp KOMMANDO --help« viser hjælp til en kommando.\n"),
	      out);
}

int main(int argc, char **argv)
{
	/* Every file ssp creates (database, -wal, -shm, key, checkpoints,
	 * exports) is private to its owner; the code also asks for 0600
	 * explicitly where it creates the files that hold secrets. */
	umask(077);
	i18n_init();
	if (service_global_init() < 0) {
		fputs(_("ssp: kryptobibliotekerne kunne ikke starte\n"), stderr);
		return 1;
	}
	struct cli_ctx ctx;
	memset(&ctx, 0, sizeof(ctx));
	const char *env = getenv("SSP_DB");
	ctx.db_path = env && *env ? env : "ssp.db";
	env = getenv("SSP_CONFIG");
	ctx.config_path = env && *env ? env : NULL;

	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			printf("ssp %s\n", SSP_VERSION);
			return 0;
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			ctx.db_path = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			ctx.db_path = argv[i] + 5;
		} else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
			ctx.config_path = argv[++i];
		} else {
			fprintf(stderr, _("ssp: ukendt tilvalg »%s«\n"), argv[i]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (cli_load_config(&ctx) < 0)
		return 1;
	int rc = -1;
	for (size_t k = 0; k < sizeof(commands) / sizeof(*commands); k++) {
		if (!strcmp(argv[i], commands[k].name)) {
			rc = commands[k].fn(argc - i, argv + i, &ctx);
			break;
		}
	}
	if (rc == -1) {
		if (!strcmp(argv[i], "help")) {
			usage(stdout);
			return 0;
		}
		fprintf(stderr, _("ssp: ukendt kommando »%s«; se »ssp --help«\n"), argv[i]);
		return EXIT_USAGE;
	}
	org_diagram_shutdown();
	service_global_done();
	return rc;
}
