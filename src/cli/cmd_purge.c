/* ssp purge [--dry-run] [--as-of YYYY-MM-DD] [--format text|json] */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/calendar.h"
#include "service/retention.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp purge [--dry-run] [--as-of ÅÅÅÅ-MM-DD] [--format text|json]\n"
		"\n"
		"Sletter det, som strategiens sletteregler ([sletning]) gør forfaldent:\n"
		"overleveringer, indstillinger, bekymringer med handlinger og noter, referater,\n"
		"personer, som intet længere henviser til, og adgangslogens gamle poster. Alt\n"
		"slettes: rækker, krypterede værdier og CPR-indeks. Bagefter overskrives den\n"
		"frigjorte plads, og WAL-filen tømmes. Hver slettet række får en sletningspost\n"
		"uden personoplysninger; adgangsloggen får en post med antallene.\n"
		"\n"
		"  --dry-run          tæl, hvad der ville blive slettet; slet intet\n"
		"  --as-of DATO       anvend reglerne, som om det var den dag (ellers i dag)\n"
		"  --format FORMAT    text (standard) eller json: {\"deleted\": {\"TYPE\": N}}\n"
		"\n"
		"Bliver kørslen afbrudt, er databasen hel, og næste »ssp purge« gør den færdig.\n"
		"Serveren kører sletningen hver dag ([retention] purge-time i ssp.conf).\n"),
	      out);
}

int cmd_purge(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"dry-run", no_argument, NULL, 'n'},
					     {"as-of", required_argument, NULL, 'a'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	struct purge_options o = {CAL_NO_DAY, false, 0};
	const char *format = "text";
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			o.dry_run = true;
			break;
		case 'a': {
			struct date d;
			if (cal_parse_date(optarg, &d) < 0 || d.y < 2000 || d.y > 2200)
				return cli_usage_error(
				    "purge", _("»%s« er ikke en dato ÅÅÅÅ-MM-DD (år 2000-2200)"),
				    optarg);
			o.as_of = cal_days(d);
			break;
		}
		case 'f':
			format = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("purge", _("ukendt tilvalg"));
		}
	}
	if (optind < argc)
		return cli_usage_error("purge", _("uventet argument »%s«"), argv[optind]);
	static const char *const formats[] = {"text", "json", NULL};
	if (cli_check_format("purge", format, formats))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct purge_result res;
	int rc = 0;
	if (svc_purge(&call.svc, &call.a, &o, &res, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
		fprintf(stderr, "%s",
			_("ssp: det, der nåede at blive slettet, er slettet; kør "
			  "»ssp purge« igen.\n"));
		return cli_call_close(&call, rc);
	}
	if (!strcmp(format, "json")) {
		json_t *del = json_object();
		for (int i = 0; i < RET__COUNT; i++)
			json_object_set_new(del, retention_record_id((enum retention_record)i),
					    json_integer(res.deleted[i]));
		json_object_set_new(del, RETENTION_PERSON, json_integer(res.people));
		json_t *j = json_object();
		json_object_set_new(j, "deleted", del);
		json_object_set_new(j, "as_of", json_string(res.as_of));
		json_object_set_new(j, "dry_run", json_boolean(o.dry_run));
		rc = cli_write_json(j, stdout);
	} else {
		printf(o.dry_run ? _("Forfaldent pr. %s (intet er slettet):\n")
				 : _("Slettet pr. %s:\n"),
		       res.as_of);
		for (int i = 0; i < RET__COUNT; i++)
			printf("  %-40s %lld\n", retention_record_label((enum retention_record)i),
			       res.deleted[i]);
		printf("  %-40s %lld\n", _("personer uden sager"), res.people);
		if (!o.dry_run && !res.wal_truncated)
			fprintf(stderr, "%s",
				_("ssp: advarsel: WAL-filen kunne ikke tømmes helt (en anden "
				  "forbindelse læser); den tømmes ved næste kontrolpunkt\n"));
	}
	return cli_call_close(&call, rc);
}
