/* ssp meeting held|cancel|reopen ID
 * ssp meeting move ID DATE [HH:MM] [--duration MIN]
 * ssp meeting add BODY DATE HH:MM [--district ID] [--theme TEXT] [--duration MIN] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "service/meeting.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp meeting held|cancel|reopen ID\n"
		"       ssp meeting move ID DATO [TT:MM] [--duration MIN]\n"
		"       ssp meeting add ORGAN DATO TT:MM [--district ID] [--theme TEKST]\n"
		"                       [--duration MIN]\n"
		"\n"
		"Retter et gemt møde (id'et står i »ssp plan ÅR --stored --format json«):\n"
		"held markerer det afholdt, cancel aflyst, reopen planlagt igen; move\n"
		"flytter det til DATO (ÅÅÅÅ-MM-DD) og evt. et nyt tidspunkt. add tilføjer\n"
		"et ad hoc-møde (fx ad hoc § 115-møde eller styregruppen som\n"
		"beredskabsgruppe). Møder, der er rettet her, bevares ved ny planlægning.\n"
		"Alle ændringer skrives i adgangsloggen.\n"),
	      out);
}

static int parse_id(const char *s, long long *out)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (end == s || *end || v < 1)
		return cli_usage_error("meeting", _("»%s« er ikke et møde-id"), s);
	*out = v;
	return 0;
}

static int parse_date(const char *s, long *out)
{
	struct date d;
	if (cal_parse_date(s, &d) < 0)
		return cli_usage_error("meeting", _("datoen skal skrives ÅÅÅÅ-MM-DD, ikke »%s«"),
				       s);
	*out = cal_days(d);
	return 0;
}

static int parse_clock(const char *s, int *out)
{
	if (cal_parse_clock(s, out) < 0)
		return cli_usage_error("meeting", _("tidspunktet skal skrives TT:MM, ikke »%s«"),
				       s);
	return 0;
}

int cmd_meeting(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2)
		return cli_usage_error(
		    "meeting", _("angiv en handling: held, cancel, reopen, move eller add"));
	if (cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	const char *action = argv[1];
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},    {"district", required_argument, NULL, 'D'},
	    {"theme", required_argument, NULL, 't'}, {"duration", required_argument, NULL, 'm'},
	    {"help", no_argument, NULL, 'h'},        {0, 0, 0, 0}};
	const char *district = NULL, *theme = NULL;
	int duration = 0, c;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'D':
			district = optarg;
			break;
		case 't':
			theme = optarg;
			break;
		case 'm': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 15 || n > 720)
				return cli_usage_error("meeting",
						       _("--duration skal være 15-720 minutter"));
			duration = (int)n;
			break;
		}
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("meeting", _("ukendt tilvalg"));
		}
	}
	char **args = argv + 1 + optind;
	int nargs = argc - 1 - optind;
	long long id = 0;
	long day = 0;
	int start = -1;
	enum meeting_status st = MEETING_PLANNED;
	if (!strcmp(action, "held") || !strcmp(action, "cancel") || !strcmp(action, "reopen")) {
		if (nargs != 1)
			return cli_usage_error("meeting", _("angiv præcis ét møde-id"));
		if (parse_id(args[0], &id))
			return EXIT_USAGE;
		st = !strcmp(action, "held")     ? MEETING_HELD
		     : !strcmp(action, "cancel") ? MEETING_CANCELLED
						 : MEETING_PLANNED;
	} else if (!strcmp(action, "move")) {
		if (nargs < 2 || nargs > 3)
			return cli_usage_error("meeting",
					       _("brug: ssp meeting move ID DATO [TT:MM]"));
		if (parse_id(args[0], &id) || parse_date(args[1], &day) ||
		    (nargs == 3 && parse_clock(args[2], &start)))
			return EXIT_USAGE;
	} else if (!strcmp(action, "add")) {
		if (nargs != 3)
			return cli_usage_error("meeting",
					       _("brug: ssp meeting add ORGAN DATO TT:MM"));
		if (parse_date(args[1], &day) || parse_clock(args[2], &start))
			return EXIT_USAGE;
	} else {
		return cli_usage_error("meeting",
				       _("ukendt handling »%s«; brug held, cancel, reopen, move "
					 "eller add"),
				       action);
	}

	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = 0;
	if (!strcmp(action, "move")) {
		if (svc_meeting_move(&call.svc, &call.a, id, day, start, duration, &call.r) < 0)
			rc = cli_svc_error(&call.r);
		else
			printf(_("mødet %lld er flyttet\n"), id);
	} else if (!strcmp(action, "add")) {
		struct meeting m;
		if (svc_meeting_add(&call.svc, &call.a, args[0], district, day, start, duration,
				    theme, &m, &call.r) < 0) {
			rc = cli_svc_error(&call.r);
		} else {
			printf(_("ad hoc-mødet er tilføjet med id %lld (UID %s)\n"), m.id, m.uid);
			meeting_release(&m);
		}
	} else if (svc_meeting_set_status(&call.svc, &call.a, id, st, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
	} else {
		printf(_("mødet %lld er nu %s\n"), id, meeting_status_label(st));
	}
	return cli_call_close(&call, rc);
}
