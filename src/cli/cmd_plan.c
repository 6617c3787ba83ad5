/* ssp plan YEAR [--format text|json|ics] [--body ID] [--save | --stored]
 *               [--strategy FILE] [--output FILE] */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/plan.h"
#include "render/ics.h"
#include "render/plan_json.h"
#include "render/plan_text.h"
#include "service/meeting.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp plan ÅR [--format text|json|ics] [--body ID] [--save | --stored]\n"
		"                [--strategy FIL] [--output FIL]\n"
		"\n"
		"Planlægger årets møder ud fra strategiens mødefrekvenser: på arbejdsdage\n"
		"(ikke weekender, helligdage, strategiens lukkedage eller organets\n"
		"ferieuger), på organets ugedag og tidspunkt, i Europe/Copenhagen-tid.\n"
		"Året skal ligge mellem 2000 og 2100.\n"
		"\n"
		"  --format FORMAT   text (standard), json eller ics (iCalendar, RFC 5545)\n"
		"  --body ID         kun dette organs møder (id fra »ssp org --format json«)\n"
		"  --save            gem planen i databasen; møder, der er afholdt, aflyst,\n"
		"                    flyttet, rettet i hånden eller ligger før i dag, bevares\n"
		"  --stored          vis den gemte plan i stedet for at beregne en ny\n"
		"  --strategy FIL    planlæg ud fra strategifilen FIL (uden database)\n"
		"  --output FIL      skriv til FIL i stedet for standard-output\n"
		"\n"
		"ics-tidsstemplet (DTSTAMP) er nu, eller $SOURCE_DATE_EPOCH når den er sat.\n"),
	      out);
}

static time_t stamp_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long long v = strtoll(e, &end, 10);
		if (!*end && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

static int write_plan(const struct org *o, const struct meeting_list *l, int year, const char *body,
		      const char *format, const char *output)
{
	FILE *out = cli_output_open(output);
	if (!out)
		return 1;
	int rc = 0;
	if (!strcmp(format, "text")) {
		plan_text_write(o, l, year, out);
	} else if (!strcmp(format, "json")) {
		rc = cli_write_json(plan_to_json(l), out);
	} else {
		struct strbuf name = STRBUF_INIT;
		strbuf_addf(&name, "SSP %s", o->municipality ? o->municipality : "");
		const struct org_body *b = body ? org_find_body(o, body) : NULL;
		if (b)
			strbuf_addf(&name, ": %s", b->name);
		strbuf_addf(&name, " %d", year);
		char *ics = ics_render(o, l, name.buf, stamp_time());
		fputs(ics, out);
		free(ics);
		strbuf_release(&name);
	}
	return cli_output_close(out, rc);
}

/* --strategy FILE: plan from a file, no database. */
static int plan_from_file(const char *path, int year, const char *body, const char *format,
			  const char *output)
{
	struct strbuf text = STRBUF_INIT;
	if (cli_read_file(path, &text) < 0)
		return 1;
	struct org o;
	org_init(&o);
	struct diags d;
	diags_init(&d, path);
	struct meeting_list l = MEETING_LIST_INIT;
	int rc = 1;
	if (service_strategy_check(text.buf, text.len, &o, &d) < 0) {
		diags_print(&d, stderr);
		goto out;
	}
	char *err = NULL;
	if (plan_year(&o, year, body, &l, &err) < 0) {
		cli_error("%s", err);
		free(err);
		goto out;
	}
	rc = write_plan(&o, &l, year, body, format, output);
out:
	meeting_list_release(&l);
	diags_release(&d);
	org_release(&o);
	strbuf_release(&text);
	return rc;
}

int cmd_plan(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"format", required_argument, NULL, 'f'},
					     {"body", required_argument, NULL, 'b'},
					     {"save", no_argument, NULL, 's'},
					     {"stored", no_argument, NULL, 'S'},
					     {"strategy", required_argument, NULL, 't'},
					     {"output", required_argument, NULL, 'o'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *format = "text", *body = NULL, *strategy = NULL, *output = NULL;
	bool save = false, stored = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'b':
			body = optarg;
			break;
		case 's':
			save = true;
			break;
		case 'S':
			stored = true;
			break;
		case 't':
			strategy = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("plan", _("ukendt tilvalg"));
		}
	}
	int year;
	if (cli_year_arg("plan", argc, argv, optind, &year) ||
	    cli_check_format("plan", format, (const char *const[]){"text", "json", "ics", NULL}))
		return EXIT_USAGE;
	if (save && stored)
		return cli_usage_error("plan", _("--save og --stored kan ikke bruges sammen"));
	if (strategy && (save || stored))
		return cli_usage_error("plan",
				       _("--strategy planlægger uden database; det kan ikke "
					 "bruges med --save eller --stored"));
	if (strategy)
		return plan_from_file(strategy, year, body, format, output);

	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	int rc = 1;
	if (save) {
		struct replan_stats st;
		if (svc_plan_save(&call.svc, &call.a, year, &o, &st, &call.r) < 0) {
			rc = cli_svc_error(&call.r);
			goto out;
		}
		fprintf(stderr,
			_("ssp: mødeplanen for %d er gemt: %d nye, %d ændrede, %d uændrede, "
			  "%d fjernede, %d bevaret (afholdt, aflyst, flyttet, rettet i hånden "
			  "eller før i dag)\n"),
			year, st.added, st.updated, st.unchanged, st.removed, st.kept);
		org_release(&o);
		org_init(&o);
		stored = true;
	}
	if (stored ? svc_meetings_list(&call.svc, &call.a, year, body, &o, &l, &call.r) < 0
		   : svc_plan_preview(&call.svc, &call.a, year, body, &o, &l, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
		goto out;
	}
	rc = write_plan(&o, &l, year, body, format, output);
out:
	meeting_list_release(&l);
	org_release(&o);
	return cli_call_close(&call, rc);
}
