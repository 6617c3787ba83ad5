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

/* Parses a year argument; -1 when it is not a number at all. */
static int parse_year(const char *s, int *out)
{
	char *end;
	long y = strtol(s, &end, 10);
	if (end == s || *end || s[0] == '+' || s[0] == ' ')
		return -1;
	*out = y < -1000000 ? -1000000 : y > 1000000 ? 1000000 : (int)y;
	return 0;
}

int cli_parse_year(const char *cmd, const char *s, int *out)
{
	if (parse_year(s, out) < 0)
		return cli_usage_error(cmd, _("»%s« er ikke et årstal"), s);
	return 0;
}

/* Maps a service failure to an exit status after printing it. */
int cli_svc_error(const struct svc_result *r)
{
	cli_error("%s", r->message ? r->message : _("ukendt fejl"));
	return 1;
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
	FILE *out = stdout;
	if (output && !(out = fopen(output, "wb")))
		return cli_error(_("kan ikke skrive »%s«"), output);
	int rc = 0;
	if (!strcmp(format, "text")) {
		plan_text_write(o, l, year, out);
	} else if (!strcmp(format, "json")) {
		json_t *j = plan_to_json(l);
		rc = json_dumpf(j, out, JSON_INDENT(2)) ? 1 : 0;
		fputc('\n', out);
		json_decref(j);
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
	if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
		cli_error(_("kunne ikke skrive output"));
		rc = 1;
	}
	return rc;
}

/* --strategy FILE: plan from a file, no database. */
static int plan_from_file(const char *path, int year, const char *body, const char *format,
			  const char *output)
{
	struct strbuf text = STRBUF_INIT;
	char *err = NULL;
	if (read_file(path, &text, &err) < 0) {
		cli_error("%s", err);
		free(err);
		return 1;
	}
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
	if (optind >= argc)
		return cli_usage_error("plan", _("angiv et år, fx »ssp plan 2027«"));
	if (optind + 1 < argc)
		return cli_usage_error("plan", _("uventet argument »%s«"), argv[optind + 1]);
	int year;
	if (cli_parse_year("plan", argv[optind], &year))
		return EXIT_USAGE;
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "ics"))
		return cli_usage_error("plan", _("ukendt format »%s«; brug text, json eller ics"),
				       format);
	if (save && stored)
		return cli_usage_error("plan", _("--save og --stored kan ikke bruges sammen"));
	if (strategy && (save || stored))
		return cli_usage_error("plan",
				       _("--strategy planlægger uden database; det kan ikke "
					 "bruges med --save eller --stored"));
	if (strategy)
		return plan_from_file(strategy, year, body, format, output);

	struct service svc;
	if (cli_open_service(ctx, STORE_OPEN_EXISTING, &svc) < 0)
		return 1;
	struct actor a;
	actor_cli(&a);
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	struct svc_result r = SVC_RESULT_INIT;
	int rc = 1;
	if (save) {
		struct replan_stats st;
		if (svc_plan_save(&svc, &a, year, &o, &st, &r) < 0) {
			rc = cli_svc_error(&r);
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
	if (stored ? svc_meetings_list(&svc, &a, year, body, &o, &l, &r) < 0
		   : svc_plan_preview(&svc, &a, year, body, &o, &l, &r) < 0) {
		rc = cli_svc_error(&r);
		goto out;
	}
	rc = write_plan(&o, &l, year, body, format, output);
out:
	svc_result_clear(&r);
	meeting_list_release(&l);
	org_release(&o);
	cli_close_service(&svc);
	return rc;
}
