/* ssp compliance YEAR [--as-of DATE] [--format text|json|json-full] */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "render/plan_json.h"
#include "render/plan_text.h"
#include "render/network_json.h"
#include "render/network_text.h"
#include "service/meeting.h"
#include "service/school.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp compliance ÅR [--as-of DATO] [--format text|json|json-full]\n"
		"\n"
		"Viser for hvert organ strategiens minimum, de planlagte, afholdte og\n"
		"aflyste møder i året og en status pr. DATO (ÅÅÅÅ-MM-DD; standard: i dag):\n"
		"  ok       planen når minimum, og møderne før datoen er afholdt\n"
		"  behind   (bagud) møder før datoen er ikke registreret som afholdt\n"
		"  at_risk  (i fare) planen når ikke minimum, selv hvis alle møder holdes\n"
		"           (aflyste møder uden erstatning, eller for få planlagt)\n"
		"Tallene bygger på den gemte mødeplan (»ssp plan ÅR --save«); er der ingen,\n"
		"på den beregnede plan.\n"
		"\n"
		"Derefter skolenetværket: skoler og klubber uden SSP-kontaktperson,\n"
		"kontaktpersoner, der ikke deltog i årets temadag (når den er holdt før\n"
		"DATO), og skoler uden SSP-læseplan for skoleåret (1. august - 31. juli;\n"
		"det skoleår, DATO ligger i, med DATO lagt inden for ÅR).\n"
		"\n"
		"--format json    kun organerne: en liste med body, required_min, planned,\n"
		"                 held, cancelled og status (kontrakten; uændret)\n"
		"--format json-full  et objekt: {\"year\", \"as_of\", \"from_plan\",\n"
		"                 \"bodies\": listen ovenfor, \"network\": skolenetværket}\n"),
	      out);
}

int cmd_compliance(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"format", required_argument, NULL, 'f'},
					     {"as-of", required_argument, NULL, 'a'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *format = "text", *as_of_s = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'a':
			as_of_s = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("compliance", _("ukendt tilvalg"));
		}
	}
	int year;
	if (cli_year_arg("compliance", argc, argv, optind, &year) ||
	    cli_check_format("compliance", format,
			     (const char *const[]){"text", "json", "json-full", NULL}))
		return EXIT_USAGE;
	long as_of = svc_today();
	if (as_of_s) {
		struct date d;
		if (cal_parse_date(as_of_s, &d) < 0)
			return cli_usage_error("compliance",
					       _("--as-of skal være en dato ÅÅÅÅ-MM-DD, ikke »%s«"),
					       as_of_s);
		as_of = cal_days(d);
	}

	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct org o;
	org_init(&o);
	struct compliance comp = {0};
	struct school_network net;
	memset(&net, 0, sizeof(net));
	bool from_plan = false;
	int rc = 1;
	if (svc_compliance(&call.svc, &call.a, year, as_of, &o, &comp, &from_plan, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
		goto out;
	}
	/* the array of --format json is the contract: it stays bodies only */
	bool network = strcmp(format, "json") != 0;
	if (network && svc_network_compliance(&call.svc, &call.a, year, as_of, &net, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
		goto out;
	}
	if (from_plan)
		fprintf(stderr,
			_("ssp: der er ingen gemt mødeplan for %d; tallene bygger på den beregnede "
			  "plan, og intet er registreret som afholdt (gem planen med »ssp plan %d "
			  "--save«)\n"),
			year, year);
	if (!strcmp(format, "json")) {
		rc = cli_write_json(compliance_to_json(&comp), stdout);
	} else if (!strcmp(format, "json-full")) {
		rc = cli_write_json(compliance_full_to_json(year, as_of, from_plan, &comp, &net.f),
				    stdout);
	} else {
		compliance_text_write(&comp, year, as_of, stdout);
		network_text_write(&net.in, &net.f, year, stdout);
		rc = 0;
	}
	rc = cli_output_close(stdout, rc);
out:
	compliance_release(&comp);
	school_network_release(&net);
	org_release(&o);
	return cli_call_close(&call, rc);
}
