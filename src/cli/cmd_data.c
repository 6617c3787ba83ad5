/* ssp data import ungeprofil|kriminalitet FIL [--dry-run]
 * ssp data show ungeprofil|kriminalitet [--year ÅR] [--format text|json|csv] [-o FIL] */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "data/csv_import.h"
#include "render/data_out.h"
#include "service/data.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp data import ungeprofil|kriminalitet FIL.csv [--dry-run]\n"
		"      ssp data show ungeprofil|kriminalitet [--year ÅR] [--format text|json|csv]\n"
		"                    [-o FIL]\n"
		"\n"
		"Tallene bag strategien: Ungeprofilundersøgelsen og politiets\n"
		"kriminalitetstal, kun som samlede tal (ingen personoplysninger).\n"
		"\n"
		"import  læser en CSV-fil som Excel gemmer den på dansk (semikolon,\n"
		"        decimalkomma, UTF-8 med eller uden BOM, eller Windows-1252).\n"
		"        Alt eller intet: ved en fejl skrives FIL:LINJE og kolonne, og\n"
		"        intet importeres. Rækker med samme nøgle erstattes; at importere\n"
		"        den samme fil igen ændrer intet. --dry-run viser kun, hvad der\n"
		"        ville ske. Kolonner (overskrifter i vilkårlig rækkefølge):\n"
		"          ungeprofil:   år;indikator;gruppe;distrikt;andel;antal_svar;landsplan\n"
		"          kriminalitet: år;måned;kategori;aldersgruppe;distrikt;antal\n"
		"        Se docs/data.md og skabelonerne i docs/.\n"
		"show    viser tallene; tal under 5 vises som »<5« (og et tal mere, hvor\n"
		"        det skjulte ellers kunne regnes ud). --format csv giver en fil\n"
		"        til Excel.\n"),
	      out);
}

static int parse_kind(const char *s, enum figure_kind *kind)
{
	if (!s || figure_kind_parse(s, kind) < 0)
		return cli_usage_error("data", _("angiv ungeprofil eller kriminalitet, ikke »%s«"),
				       s ? s : "");
	return 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static int data_import(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"dry-run", no_argument, NULL, 'n'}, {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
	bool dry_run = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			dry_run = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("data", _("ukendt tilvalg"));
		}
	}
	if (argc - optind != 2)
		return cli_usage_error("data",
				       _("brug: ssp data import ungeprofil|kriminalitet FIL"));
	enum figure_kind kind;
	if (parse_kind(argv[optind], &kind))
		return EXIT_USAGE;
	const char *path = argv[optind + 1];
	struct strbuf text = STRBUF_INIT;
	char *err = NULL;
	if (read_file_max(path, &text, DATA_CSV_MAX_BYTES, &err) < 0) {
		cli_error("%s", err);
		free(err);
		strbuf_release(&text);
		return 1;
	}
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0) {
		strbuf_release(&text);
		return 1;
	}
	struct diags d;
	diags_init(&d, path);
	struct data_counts n;
	int rc = svc_data_import(&call.svc, &call.a, kind, base_name(path), text.buf, text.len,
				 dry_run, &d, &n, &call.r);
	diags_print(&d, stderr);
	if (rc < 0) {
		rc = cli_svc_error(&call.r);
	} else {
		printf(dry_run ? _("%s: %zu tilføjes, %zu erstattes, %zu er uændrede (prøve: intet "
				   "er gemt)\n")
			       : _("%s: %zu tilføjet, %zu erstattet, %zu uændrede\n"),
		       path, n.added, n.replaced, n.unchanged);
		rc = 0;
	}
	diags_release(&d);
	strbuf_release(&text);
	return cli_call_close(&call, rc);
}

static int data_show(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
					     {"format", required_argument, NULL, 'f'},
					     {"output", required_argument, NULL, 'o'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *format = "text", *output = NULL, *year_s = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'y':
			year_s = optarg;
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
			return cli_usage_error("data", _("ukendt tilvalg"));
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("data", _("brug: ssp data show ungeprofil|kriminalitet"));
	enum figure_kind kind;
	if (parse_kind(argv[optind], &kind) ||
	    cli_check_format("data", format, (const char *const[]){"text", "json", "csv", NULL}))
		return EXIT_USAGE;
	int year = 0;
	if (year_s) {
		char *end;
		long y = strtol(year_s, &end, 10);
		if (!*year_s || *end || y < 0 || y > 9999)
			return cli_usage_error("data", _("--year skal være et årstal, ikke »%s«"),
					       year_s);
		year = (int)y;
		if (!year)
			return cli_usage_error("data", _("--year skal være et årstal, ikke »%s«"),
					       year_s);
	}
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct data_view v;
	int rc;
	if (svc_data_view(&call.svc, &call.a, kind, year, &v, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
		data_view_release(&v);
		return cli_call_close(&call, rc);
	}
	FILE *out = cli_output_open(output);
	if (!out) {
		data_view_release(&v);
		return cli_call_close(&call, 1);
	}
	if (!strcmp(format, "json")) {
		rc = cli_write_json(data_view_to_json(&v), out);
	} else if (!strcmp(format, "csv")) {
		struct strbuf sb = STRBUF_INIT;
		data_view_csv(&v, &sb);
		rc = fwrite(sb.buf, 1, sb.len, out) == sb.len ? 0 : 1;
		strbuf_release(&sb);
	} else {
		data_view_text(&v, out);
		rc = 0;
	}
	rc = cli_output_close(out, rc);
	data_view_release(&v);
	return cli_call_close(&call, rc);
}

int cmd_data(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2 || cli_is_help(argv[1])) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	if (!strcmp(argv[1], "import"))
		return data_import(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "show"))
		return data_show(argc - 1, argv + 1, ctx);
	return cli_usage_error("data", _("ukendt underkommando »%s« (import eller show)"), argv[1]);
}
