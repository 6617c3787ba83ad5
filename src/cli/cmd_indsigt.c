/* ssp indsigt (--cpr CPR | --person ID) [--request NR] [--format json|pdf] [-o FIL]
 * ssp indsigt request (--cpr CPR | --person ID) [--received ÅÅÅÅ-MM-DD]
 * ssp indsigt restrict NR --parts DELE --justification TEKST
 * ssp indsigt answered NR
 * ssp indsigt requests [--format text|json]
 *
 * The right of access (issue 12, service/indsigt.h). --cpr - reads the
 * CPR number from standard input, so it stays out of the process list
 * and the shell's history. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/calendar.h"
#include "render/indsigt_out.h"
#include "service/indsigt.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp indsigt (--cpr CPR | --person ID) [--request NR]\n"
		"                  [--format json|pdf] [--output FIL]\n"
		"      ssp indsigt request (--cpr CPR | --person ID) [--received ÅÅÅÅ-MM-DD]\n"
		"      ssp indsigt restrict NR --parts DELE --justification TEKST\n"
		"      ssp indsigt answered NR\n"
		"      ssp indsigt requests [--format text|json]\n"
		"\n"
		"Retten til indsigt (databeskyttelsesforordningens art. 15): alt, hvad\n"
		"systemet har om én person, og hvem der har set det.\n"
		"\n"
		"uden underkommando  samler oplysningerne som JSON (standard) eller som et\n"
		"                    brev i PDF. Med --request gælder den anmodnings\n"
		"                    begrænsning; ellers personens åbne anmodning.\n"
		"request             registrerer en anmodning; fristen er en måned efter\n"
		"                    modtagelsen.\n"
		"restrict            undtager dele af svaret efter databeskyttelseslovens\n"
		"                    § 22, stk. 2, nr. 4 med en konkret begrundelse. DELE er\n"
		"                    kommaadskilt: handovers, referrals, concerns, notes,\n"
		"                    related, access_log.\n"
		"answered            markerer anmodningen besvaret.\n"
		"requests            viser anmodningerne; åbne først, de mest forsinkede øverst.\n"
		"\n"
		"--cpr - læser CPR-nummeret fra standardinput.\n"),
	      out);
}

/* --cpr and --person into ref; cpr_buf holds a CPR read from stdin. */
static int parse_ref(const char *cpr, const char *person, struct indsigt_ref *ref, char cpr_buf[64])
{
	memset(ref, 0, sizeof(*ref));
	if ((cpr != NULL) == (person != NULL))
		return cli_usage_error("indsigt", _("angiv enten --cpr eller --person"));
	if (cpr) {
		if (!strcmp(cpr, "-")) {
			if (!fgets(cpr_buf, 64, stdin))
				return cli_usage_error("indsigt",
						       _("intet CPR-nummer på standardinput"));
			cpr_buf[strcspn(cpr_buf, "\r\n")] = '\0';
			cpr = cpr_buf;
		}
		ref->cpr = cpr;
		return 0;
	}
	char *end;
	long long id = strtoll(person, &end, 10);
	if (!*person || *end || id <= 0)
		return cli_usage_error("indsigt", _("--person skal være et id, ikke »%s«"), person);
	ref->person = id;
	return 0;
}

static int parse_id(const char *s, long long *id)
{
	char *end;
	*id = s ? strtoll(s, &end, 10) : 0;
	if (!s || !*s || *end || *id <= 0)
		return cli_usage_error("indsigt", _("angiv anmodningens nummer, ikke »%s«"),
				       s ? s : "");
	return 0;
}

static int show(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"cpr", required_argument, NULL, 'c'},
					     {"person", required_argument, NULL, 'p'},
					     {"request", required_argument, NULL, 'r'},
					     {"format", required_argument, NULL, 'f'},
					     {"output", required_argument, NULL, 'o'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *cpr = NULL, *person = NULL, *format = "json", *output = NULL, *req = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			cpr = optarg;
			break;
		case 'p':
			person = optarg;
			break;
		case 'r':
			req = optarg;
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
			return cli_usage_error("indsigt", _("ukendt tilvalg"));
		}
	}
	if (optind != argc)
		return cli_usage_error("indsigt", _("ukendt argument »%s«"), argv[optind]);
	long long request = 0;
	char cpr_buf[64];
	struct indsigt_ref ref;
	if (cli_check_format("indsigt", format, (const char *const[]){"json", "pdf", NULL}) ||
	    parse_ref(cpr, person, &ref, cpr_buf) || (req && parse_id(req, &request)))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct indsigt_report rep;
	int rc;
	if (svc_indsigt(&call.svc, &call.a, &ref, request, &rep, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
		indsigt_report_release(&rep);
		memset(cpr_buf, 0, sizeof(cpr_buf));
		return cli_call_close(&call, rc);
	}
	memset(cpr_buf, 0, sizeof(cpr_buf));
	FILE *out = cli_output_open(output);
	if (!out) {
		indsigt_report_release(&rep);
		return cli_call_close(&call, 1);
	}
	if (!strcmp(format, "pdf")) {
		char *err = NULL;
		rc = indsigt_pdf_write(&rep, out, &err) < 0 ? cli_error("%s", err) : 0;
		free(err);
	} else {
		rc = cli_write_json(indsigt_to_json(&rep), out);
	}
	rc = cli_output_close(out, rc);
	indsigt_report_release(&rep);
	return cli_call_close(&call, rc);
}

static int request_add(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"cpr", required_argument, NULL, 'c'},
					     {"person", required_argument, NULL, 'p'},
					     {"received", required_argument, NULL, 'd'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *cpr = NULL, *person = NULL, *received = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			cpr = optarg;
			break;
		case 'p':
			person = optarg;
			break;
		case 'd':
			received = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("indsigt", _("ukendt tilvalg"));
		}
	}
	char cpr_buf[64];
	struct indsigt_ref ref;
	if (optind != argc)
		return cli_usage_error("indsigt", _("ukendt argument »%s«"), argv[optind]);
	if (parse_ref(cpr, person, &ref, cpr_buf))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	long long id;
	long deadline;
	int rc = 0;
	if (svc_indsigt_request_add(&call.svc, &call.a, &ref, received, &id, &deadline, &call.r) <
	    0) {
		rc = cli_svc_error(&call.r);
	} else {
		char dl[11];
		cal_format_date(deadline, dl);
		printf(_("Anmodning nr. %lld registreret; fristen for svar er %s.\n"), id, dl);
	}
	memset(cpr_buf, 0, sizeof(cpr_buf));
	return cli_call_close(&call, rc);
}

static int restrict_cmd(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"parts", required_argument, NULL, 'p'},
					     {"justification", required_argument, NULL, 'j'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *parts = NULL, *just = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			parts = optarg;
			break;
		case 'j':
			just = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("indsigt", _("ukendt tilvalg"));
		}
	}
	long long id;
	if (argc - optind != 1)
		return cli_usage_error("indsigt", _("brug: ssp indsigt restrict NR --parts DELE "
						    "--justification TEKST"));
	if (parse_id(argv[optind], &id))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = 0;
	if (svc_indsigt_restrict(&call.svc, &call.a, id, parts, just, &call.r) < 0)
		rc = cli_svc_error(&call.r);
	else
		printf(_("Begrænsningen af anmodning nr. %lld er registreret.\n"), id);
	return cli_call_close(&call, rc);
}

static int answered(int argc, char **argv, struct cli_ctx *ctx)
{
	long long id;
	if (argc != 2)
		return cli_usage_error("indsigt", _("brug: ssp indsigt answered NR"));
	if (cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	if (parse_id(argv[1], &id))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = 0;
	if (svc_indsigt_answer(&call.svc, &call.a, id, &call.r) < 0)
		rc = cli_svc_error(&call.r);
	else
		printf(_("Anmodning nr. %lld er markeret som besvaret.\n"), id);
	return cli_call_close(&call, rc);
}

static int requests(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *format = "text";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("indsigt", _("ukendt tilvalg"));
		}
	}
	if (optind != argc)
		return cli_usage_error("indsigt", _("ukendt argument »%s«"), argv[optind]);
	if (cli_check_format("indsigt", format, (const char *const[]){"text", "json", NULL}))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct indsigt_request_list l;
	if (svc_indsigt_requests(&call.svc, &call.a, &l, &call.r) < 0) {
		int rc = cli_svc_error(&call.r);
		return cli_call_close(&call, rc);
	}
	int rc = 0;
	json_t *arr = json_array();
	for (size_t i = 0; i < l.nr; i++) {
		const struct indsigt_request_view *v = &l.v[i];
		char rec[11], dl[11], parts[128];
		cal_format_date(v->received, rec);
		cal_format_date(v->deadline, dl);
		indsigt_parts_format(v->parts, parts, sizeof(parts));
		json_array_append_new(
		    arr, json_pack("{sI sI ss ss ss ss}", "id", (json_int_t)v->id, "person",
				   (json_int_t)v->person, "received", rec, "deadline", dl, "status",
				   v->open ? "open" : "answered", "withheld", parts));
	}
	if (!strcmp(format, "json")) {
		rc = cli_write_json(arr, stdout);
	} else {
		for (size_t i = 0; i < l.nr; i++) {
			const struct indsigt_request_view *v = &l.v[i];
			char rec[11], dl[11];
			cal_format_date(v->received, rec);
			cal_format_date(v->deadline, dl);
			printf(_("nr. %lld  person %lld  modtaget %s  frist %s  %s%s\n"), v->id,
			       v->person, rec, dl, v->open ? _("åben") : _("besvaret"),
			       v->parts ? _("  (begrænset)") : "");
		}
		json_decref(arr);
	}
	indsigt_request_list_release(&l);
	return cli_call_close(&call, rc);
}

int cmd_indsigt(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2 || cli_is_help(argv[1])) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	if (!strcmp(argv[1], "request"))
		return request_add(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "restrict"))
		return restrict_cmd(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "answered"))
		return answered(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "requests"))
		return requests(argc - 1, argv + 1, ctx);
	return show(argc, argv, ctx);
}
