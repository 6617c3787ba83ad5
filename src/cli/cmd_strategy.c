/* ssp strategy check FILE
 * ssp strategy docs --kind dpia|art30 [FILE] [--output FIL]
 * ssp strategy versions [--as-of DATE] [--format text|json] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/calendar.h"
#include "service/meeting.h"
#include "render/dpa_docs.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp strategy check FIL\n"
		"      ssp strategy docs --kind dpia|art30 [FIL] [--output FIL]\n"
		"      ssp strategy render [--year ÅR] --format html|pdf [-o FIL]\n"
		"      ssp strategy versions [--as-of DATO] [--format text|json]\n"
		"\n"
		"Kontrollerer en strategifil (se ssp-strategy(5)) uden at gemme noget.\n"
		"Hver fejl angives som FIL:LINJE: fejl: besked. Advarer, hvis et af den\n"
		"nationale rammes fire temaer (formål, målgruppe, organisering, lokal\n"
		"tilrettelæggelse) mangler indhold.\n"
		"\n"
		"docs skriver konsekvensanalysen (dpia) eller fortegnelsen efter\n"
		"databeskyttelsesforordningens art. 30 (art30) som Markdown, udfyldt fra\n"
		"strategifilen FIL eller, uden FIL, fra strategien i databasen.\n"
		"render skriver den indlæste strategi som det dokument, kommunen\n"
		"offentliggør: formål, målgruppe, organisering med diagram, hvert forum med\n"
		"medlemmer og mødefrekvens, årshjulet og de gældende indsatsområder.\n"
		"versions viser de gemte versioner af strategien (»ssp init --effective«):\n"
		"hvornår hver gælder fra, hvornår og af hvem den blev indlæst, og\n"
		"SHA-256 af teksten; den, der gælder i dag (eller på DATO), er markeret.\n"
		"\n"
		"Afslutningsstatus: 0 i orden (advarsler tilladt), 1 fejl i filen, 2 forkert "
		"brug.\n"),
	      out);
}

static int check(const char *path)
{
	struct strbuf text = STRBUF_INIT;
	if (cli_read_file(path, &text) < 0)
		return 1;
	struct diags d;
	diags_init(&d, path);
	struct org o;
	org_init(&o);
	int rc = service_strategy_check(text.buf, text.len, &o, &d);
	diags_print(&d, stderr);
	if (rc == 0)
		printf(_("%s: strategien er i orden: %zu organer, %zu distrikter, %zu "
			 "sagskategorier, %zu advarsler\n"),
		       path, o.bodies_nr, o.districts_nr, o.categories_nr, d.warnings);
	else
		fprintf(stderr, _("%s: %zu fejl; intet er gemt\n"), path, d.errors);
	org_release(&o);
	diags_release(&d);
	strbuf_release(&text);
	return rc == 0 ? 0 : 1;
}

/* ssp strategy docs: the adoption documents (render/dpa_docs.h). */
static int docs(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"kind", required_argument, NULL, 'k'},
					     {"output", required_argument, NULL, 'o'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *kind_s = NULL, *output = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'k':
			kind_s = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("strategy", _("ukendt tilvalg"));
		}
	}
	enum dpa_kind kind;
	if (dpa_kind_parse(kind_s, &kind) < 0)
		return cli_usage_error("strategy", _("--kind skal være dpia eller art30"));
	if (argc - optind > 1)
		return cli_usage_error("strategy", _("angiv højst én strategifil"));
	struct org o;
	org_init(&o);
	int rc = 0;
	if (argc - optind == 1) {
		struct strbuf text = STRBUF_INIT;
		if (cli_read_file(argv[optind], &text) < 0)
			return 1;
		struct diags d;
		diags_init(&d, argv[optind]);
		rc = service_strategy_check(text.buf, text.len, &o, &d);
		diags_print(&d, stderr);
		diags_release(&d);
		strbuf_release(&text);
		if (rc != 0) {
			org_release(&o);
			return 1;
		}
	} else {
		struct cli_call call;
		if (cli_call_open(ctx, &call) < 0)
			return 1;
		if (svc_org_view(&call.svc, &call.a, &o, &call.r) < 0)
			rc = cli_svc_error(&call.r);
		rc = cli_call_close(&call, rc);
		if (rc) {
			org_release(&o);
			return rc;
		}
	}
	struct strbuf md = STRBUF_INIT;
	dpa_doc_markdown(&o, kind, &md);
	FILE *out = cli_output_open(output);
	if (out) {
		rc = fwrite(md.buf, 1, md.len, out) == md.len ? 0 : 1;
		rc = cli_output_close(out, rc);
	} else {
		rc = 1;
	}
	strbuf_release(&md);
	org_release(&o);
	return rc;
}

/* ssp strategy versions: the stored versions (issue 11). */
static int versions(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
					     {"as-of", required_argument, NULL, 'a'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *format = "text", *as_of_s = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
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
			return cli_usage_error("strategy", _("ukendt tilvalg"));
		}
	}
	if (cli_check_format("strategy", format, (const char *const[]){"text", "json", NULL}))
		return EXIT_USAGE;
	if (optind != argc)
		return cli_usage_error("strategy", _("versions tager ingen argumenter"));
	long day = svc_today();
	if (as_of_s) {
		struct date d;
		if (cal_parse_date(as_of_s, &d) < 0)
			return cli_usage_error("strategy",
					       _("--as-of skal være en dato ÅÅÅÅ-MM-DD, ikke »%s«"),
					       as_of_s);
		day = cal_days(d);
	}
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct strategy_versions l = {0};
	int rc = 0;
	if (svc_strategy_versions(&call.svc, &call.a, &l, &call.r) < 0)
		rc = cli_svc_error(&call.r);
	rc = cli_call_close(&call, rc);
	if (rc)
		return rc;
	char on[11];
	cal_format_date(day, on);
	long now = strategy_version_in_force(&l, on);
	if (!strcmp(format, "json")) {
		json_t *a = json_array();
		for (size_t i = 0; i < l.nr; i++) {
			const struct strategy_version_row *v = &l.v[i];
			json_array_append_new(
			    a, json_pack("{sIsssssssosb}", "id", (json_int_t)v->id, "effective",
					 v->effective, "sha256", v->sha256, "applied_at",
					 v->applied_at, "applied_by",
					 v->applied_by ? json_string(v->applied_by) : json_null(),
					 "in_force", (long)i == now));
		}
		rc = cli_write_json(json_pack("{ssso}", "as_of", on, "versions", a), stdout);
	} else if (!l.nr) {
		puts(_("Ingen versioner er gemt (strategien er indlæst før versionerne)."));
	} else {
		printf(_("%-4s %-11s %-21s %-16s %s\n"), _("nr."), _("gælder fra"), _("indlæst"),
		       _("af"), "SHA-256");
		for (size_t i = 0; i < l.nr; i++) {
			const struct strategy_version_row *v = &l.v[i];
			printf("%-4lld %-11s %-21s %-16s %.16s%s\n", v->id, v->effective,
			       v->applied_at, v->applied_by ? v->applied_by : "-", v->sha256,
			       (long)i == now
				   ? (as_of_s ? _("  (gælder den dag)") : _("  (gælder i dag)"))
				   : "");
		}
	}
	strategy_versions_release(&l);
	return rc;
}

int cmd_strategy(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2)
		return cli_usage_error("strategy",
				       _("angiv en handling: check, docs, render eller versions"));
	if (cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "docs"))
		return docs(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "render"))
		return cmd_strategy_render(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "versions"))
		return versions(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "check"))
		return cli_usage_error(
		    "strategy", _("ukendt handling »%s«; brug check, docs, render eller versions"),
		    argv[1]);
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 0;
		}
		return cli_usage_error("strategy", _("ukendt tilvalg"));
	}
	if (argc - 1 - optind != 1)
		return cli_usage_error("strategy", _("angiv præcis én strategifil"));
	return check(argv[1 + optind]);
}
