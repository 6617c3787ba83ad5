/* ssp events [ÅR] [--format text|json|ics]
 * ssp events recurring ÅR
 *
 * The SSP-team's courses and events on the command line (service/team.h):
 * the year's list (as /arrangementer and GET /api/v1/events), and the
 * planning of the strategy file's recurring events, for a yearly job that
 * plans next year's town festivals. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "service/meeting.h"
#include "service/team.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp events [ÅR] [--format text|json|ics]\n"
		"      ssp events recurring ÅR\n"
		"\n"
		"Viser årets kurser, uddannelser, temadage, forældremøder og større\n"
		"begivenheder (standard: i år), som tekst, JSON ({\"year\", \"events\": [{\"id\",\n"
		"\"kind\", \"name\", \"start\", \"end\", \"place\", \"cancelled\"}]}) eller "
		"iCalendar.\n"
		"\n"
		"»recurring ÅR« opretter strategifilens tilbagevendende begivenheder\n"
		"([ssp-team] begivenhed), som endnu ikke er planlagt i ÅR, som større\n"
		"begivenheder (kl. 12 første dag til kl. 23 sidste dag, sted »Sted\n"
		"aftales«), der derefter rettes til. Kun i år og fremover; at køre den\n"
		"igen opretter intet nyt.\n"),
	      out);
}

static int recurring(int argc, char **argv, int first, struct cli_ctx *ctx)
{
	int year;
	if (cli_year_arg("events recurring", argc, argv, first, &year))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int created, rc;
	if (svc_recurring_plan(&call.svc, &call.a, year, &created, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
	} else {
		printf(_("%d tilbagevendende begivenheder oprettet i %d.\n"), created, year);
		rc = cli_output_close(stdout, 0);
	}
	return cli_call_close(&call, rc);
}

static json_t *events_json(int year, const struct event_rows *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->nr; i++) {
		const struct event_row *e = &l->v[i];
		char s[17], t[17];
		team_format_moment(e->start, s);
		team_format_moment(e->end, t);
		json_array_append_new(a, json_pack("{sIsssssssssssb}", "id", (json_int_t)e->id,
						   "kind", event_kind_id(e->kind), "name", e->name,
						   "start", s, "end", t, "place", e->place,
						   "cancelled", e->cancelled));
	}
	return json_pack("{siso}", "year", year, "events", a);
}

static void events_text(const struct event_rows *l, FILE *out)
{
	if (!l->nr)
		fputs(_("Ingen kurser eller arrangementer i året.\n"), out);
	for (size_t i = 0; i < l->nr; i++) {
		const struct event_row *e = &l->v[i];
		char s[17], t[17];
		team_format_moment(e->start, s);
		team_format_moment(e->end, t);
		fprintf(out, "%lld\t%s\t%s\t%s\t%s\t%s%s\n", e->id, s, t, event_kind_label(e->kind),
			e->name, e->place, e->cancelled ? _("\t(aflyst)") : "");
	}
}

int cmd_events(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *format = "text";
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
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("events", _("ukendt tilvalg"));
		}
	}
	if (optind < argc && !strcmp(argv[optind], "recurring"))
		return recurring(argc, argv, optind + 1, ctx);
	int year = cal_date(svc_today()).y;
	if (optind < argc && cli_year_arg("events", argc, argv, optind, &year))
		return EXIT_USAGE;
	if (cli_check_format("events", format, (const char *const[]){"text", "json", "ics", NULL}))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc;
	if (!strcmp(format, "ics")) {
		char *ics;
		if (svc_events_ics(&call.svc, &call.a, year, &ics, &call.r) < 0)
			return cli_call_close(&call, cli_svc_error(&call.r));
		fputs(ics, stdout);
		free(ics);
		return cli_call_close(&call, cli_output_close(stdout, 0));
	}
	struct event_rows l;
	if (svc_events_list(&call.svc, &call.a, year, &l, &call.r) < 0)
		return cli_call_close(&call, cli_svc_error(&call.r));
	if (!strcmp(format, "json")) {
		rc = cli_write_json(events_json(year, &l), stdout);
	} else {
		events_text(&l, stdout);
		rc = 0;
	}
	event_rows_release(&l);
	return cli_call_close(&call, cli_output_close(stdout, rc));
}
