/* ssp focus add|list|delete ...
 * ssp trend tag MØDE-ID [TEMA ...] | ssp trend show ÅR [--format text|json|csv]
 * ssp evaluation ÅR [--format text|json|pdf|html|csv] [--as-of DATO] [-o FIL]
 * ssp strategy render [--year ÅR] --format html|pdf [-o FIL] */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/calendar.h"
#include "render/evaluation_out.h"
#include "render/report.h"
#include "render/strategy_doc.h"
#include "service/evaluation.h"
#include "service/meeting.h"
#include "util/i18n.h"
#include "util/banned.h"

/* Writes sb (or nothing) to the output path or stdout. */
static int write_out(const char *output, const struct strbuf *sb)
{
	FILE *out = cli_output_open(output);
	if (!out)
		return 1;
	int rc = sb->len && fwrite(sb->buf, 1, sb->len, out) != sb->len ? 1 : 0;
	return cli_output_close(out, rc);
}

static int year_of(const char *cmd, const char *s, int *year)
{
	if (!s || cal_parse_year(s, year) < 0)
		return cli_usage_error(cmd, _("angiv et årstal, ikke »%s«"), s ? s : "");
	return 0;
}

/* ---- ssp focus ---- */

static void focus_usage(FILE *out)
{
	fputs(_("Brug: ssp focus add --year ÅR --title TITEL --goal MÅL --measure MÅLING\n"
		"                    --body FORUM [--body ...] [--indicator INDIKATOR ...]\n"
		"                    [--category KATEGORI ...]\n"
		"      ssp focus list ÅR [--format text|json|csv] [-o FIL]\n"
		"      ssp focus delete ID\n"
		"\n"
		"Styregruppens strategiske indsatsområder. De udpeges i styregruppens\n"
		"indsatsområde-år (strategiens fokusomraader-aar, hvert 2. år) ud fra\n"
		"Ungeprofilundersøgelsens indikatorer (--indicator) og politiets\n"
		"kriminalitetskategorier (--category); de gælder det år og det næste og\n"
		"står på dagsordenen hos de fora, der bærer dem (--body), på årshjulet\n"
		"og i evalueringen.\n"),
	      out);
}

static int focus_add(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
					     {"title", required_argument, NULL, 't'},
					     {"goal", required_argument, NULL, 'g'},
					     {"measure", required_argument, NULL, 'm'},
					     {"body", required_argument, NULL, 'b'},
					     {"indicator", required_argument, NULL, 'i'},
					     {"category", required_argument, NULL, 'c'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	struct focus_area f;
	memset(&f, 0, sizeof(f));
	const char *year_s = NULL;
	int c, rc = EXIT_USAGE;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'y':
			year_s = optarg;
			break;
		case 't':
			f.title = optarg;
			break;
		case 'g':
			f.goal = optarg;
			break;
		case 'm':
			f.measure = optarg;
			break;
		case 'b':
			strlist_add(&f.bodies, optarg);
			break;
		case 'i':
			strlist_add(&f.indicators, optarg);
			break;
		case 'c':
			strlist_add(&f.categories, optarg);
			break;
		case 'h':
			focus_usage(stdout);
			rc = 0;
			goto out;
		default:
			cli_usage_error("focus", _("ukendt tilvalg"));
			goto out;
		}
	}
	if (optind != argc || year_of("focus", year_s, &f.year))
		goto out;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0) {
		rc = 1;
		goto out;
	}
	long long id;
	if (svc_focus_add(&call.svc, &call.a, &f, &id, &call.r) < 0)
		rc = cli_svc_error(&call.r);
	else {
		printf(_("indsatsområde %lld er registreret for %d\n"), id, f.year);
		rc = 0;
	}
	rc = cli_call_close(&call, rc);
out:
	strlist_clear(&f.bodies);
	strlist_clear(&f.indicators);
	strlist_clear(&f.categories);
	return rc;
}

static void focus_text(const struct focus_list *l, int year, struct strbuf *sb)
{
	if (!l->nr)
		strbuf_addf(sb, _("Ingen indsatsområder gælder i %d.\n"), year);
	for (size_t i = 0; i < l->nr; i++) {
		const struct focus_area *f = &l->v[i];
		strbuf_addf(sb, "%lld  %d  %s\n", f->id, f->year, f->title);
		strbuf_addf(sb, _("    mål: %s\n    måles ved: %s\n    fora:"), f->goal,
			    f->measure);
		for (size_t k = 0; k < f->bodies.nr; k++)
			strbuf_addf(sb, " %s", f->bodies.v[k]);
		for (size_t k = 0; k < f->indicators.nr; k++)
			strbuf_addf(sb, _("\n    indikator: %s"), f->indicators.v[k]);
		for (size_t k = 0; k < f->categories.nr; k++)
			strbuf_addf(sb, _("\n    kategori: %s"), f->categories.v[k]);
		strbuf_addch(sb, '\n');
	}
}

/* Parses "ÅR [--format F] [-o FIL]" of a show command. */
static int show_args(const char *cmd, int argc, char **argv, int *year, const char **format,
		     const char **output, const char *const *formats)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
					     {"output", required_argument, NULL, 'o'},
					     {"as-of", required_argument, NULL, 'a'},
					     {0, 0, 0, 0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'f')
			*format = optarg;
		else if (c == 'o')
			*output = optarg;
		else
			return cli_usage_error(cmd, _("ukendt tilvalg"));
	}
	if (argc - optind != 1)
		return cli_usage_error(cmd, _("angiv ét årstal"));
	if (year_of(cmd, argv[optind], year) || cli_check_format(cmd, *format, formats))
		return EXIT_USAGE;
	return 0;
}

static int focus_list(int argc, char **argv, struct cli_ctx *ctx)
{
	int year;
	const char *format = "text", *output = NULL;
	if (show_args("focus", argc, argv, &year, &format, &output,
		      (const char *const[]){"text", "json", "csv", NULL}))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct focus_list l;
	int rc;
	if (svc_focus_list(&call.svc, &call.a, year, &l, &call.r) < 0)
		return cli_call_close(&call, cli_svc_error(&call.r));
	if (!strcmp(format, "json")) {
		FILE *out = cli_output_open(output);
		json_t *j = json_object();
		json_object_set_new(j, "year", json_integer(year));
		json_object_set_new(j, "focus_areas", focus_list_to_json(&l));
		rc = out ? cli_output_close(out, cli_write_json(j, out)) : (json_decref(j), 1);
	} else {
		struct strbuf sb = STRBUF_INIT;
		if (!strcmp(format, "csv"))
			focus_list_csv(&l, &sb);
		else
			focus_text(&l, year, &sb);
		rc = write_out(output, &sb);
		strbuf_release(&sb);
	}
	focus_list_release(&l);
	return cli_call_close(&call, rc);
}

static int parse_id(const char *cmd, const char *s, long long *id)
{
	char *end;
	long long v = s ? strtoll(s, &end, 10) : 0;
	if (!s || !*s || *end || v <= 0)
		return cli_usage_error(cmd, _("angiv et id (et positivt heltal), ikke »%s«"),
				       s ? s : "");
	*id = v;
	return 0;
}

int cmd_focus(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2 || cli_is_help(argv[1])) {
		focus_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	if (!strcmp(argv[1], "add"))
		return focus_add(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "list"))
		return focus_list(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "delete")) {
		long long id = 0;
		if (argc != 3 || parse_id("focus", argv[2], &id))
			return EXIT_USAGE;
		struct cli_call call;
		if (cli_call_open(ctx, &call) < 0)
			return 1;
		int rc = svc_focus_delete(&call.svc, &call.a, id, &call.r) < 0
			     ? cli_svc_error(&call.r)
			     : (printf(_("indsatsområde %lld er slettet\n"), id), 0);
		return cli_call_close(&call, rc);
	}
	return cli_usage_error("focus", _("ukendt underkommando »%s« (add, list eller delete)"),
			       argv[1]);
}

/* ---- ssp trend ---- */

static void trend_usage(FILE *out)
{
	fputs(_("Brug: ssp trend tag MØDE-ID [TEMA ...]\n"
		"      ssp trend show ÅR [--format text|json|csv] [-o FIL]\n"
		"\n"
		"Tendenser nedefra: de generelle referater fra distrikts- og hotspotmøder\n"
		"mærkes med strategiens temaer ([ssp-team] tema i strategifilen). tag\n"
		"erstatter mødets mærker (ingen temaer: fjerner dem). show tæller mærkerne\n"
		"pr. tema, kvartal og distrikt.\n"),
	      out);
}

static void trend_text(const struct trend_view *v, struct strbuf *sb)
{
	strbuf_addf(sb, _("Tendenser %d: %ld mærker\n"), v->year, v->counts.total);
	for (size_t t = 0; t < v->counts.themes_nr; t++) {
		/* the theme on a line of its own: a width in bytes would misalign
		 * Danish letters */
		strbuf_addf(sb, "%s\n   ", v->themes.v[t]);
		for (int q = 1; q <= 4; q++) {
			long n = 0;
			for (size_t d = 0; d <= v->counts.districts_nr; d++)
				n += trend_cell(&v->counts, t, q, d);
			strbuf_addf(sb, _("  %d. kvt. %3ld"), q, n);
		}
		strbuf_addch(sb, '\n');
	}
	for (size_t i = 0; i < v->meetings_nr; i++) {
		char day[11];
		cal_format_date(v->meetings[i].day, day);
		strbuf_addf(sb, _("møde %lld  %s  %s  %s\n"), v->meetings[i].id, day,
			    v->meetings[i].body, v->meetings[i].themes);
	}
}

int cmd_trend(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2 || cli_is_help(argv[1])) {
		trend_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	if (!strcmp(argv[1], "tag")) {
		long long id = 0;
		if (argc < 3 || parse_id("trend", argv[2], &id))
			return EXIT_USAGE;
		struct strlist themes = STRLIST_INIT;
		for (int i = 3; i < argc; i++)
			strlist_add(&themes, argv[i]);
		struct cli_call call;
		int rc = 1;
		if (cli_call_open(ctx, &call) == 0) {
			rc = svc_minutes_tags_set(&call.svc, &call.a, id, &themes, &call.r) < 0
				 ? cli_svc_error(&call.r)
				 : (printf(_("møde %lld: %zu temaer\n"), id, themes.nr), 0);
			rc = cli_call_close(&call, rc);
		}
		strlist_clear(&themes);
		return rc;
	}
	if (strcmp(argv[1], "show"))
		return cli_usage_error("trend", _("ukendt underkommando »%s« (tag eller show)"),
				       argv[1]);
	int year;
	const char *format = "text", *output = NULL;
	if (show_args("trend", argc - 1, argv + 1, &year, &format, &output,
		      (const char *const[]){"text", "json", "csv", NULL}))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct trend_view v;
	int rc;
	if (svc_trends(&call.svc, &call.a, year, &v, &call.r) < 0) {
		trend_view_release(&v);
		return cli_call_close(&call, cli_svc_error(&call.r));
	}
	if (!strcmp(format, "json")) {
		FILE *out = cli_output_open(output);
		json_t *j = trend_view_to_json(&v);
		rc = out ? cli_output_close(out, cli_write_json(j, out)) : (json_decref(j), 1);
	} else {
		struct strbuf sb = STRBUF_INIT;
		if (!strcmp(format, "csv"))
			trend_view_csv(&v, &sb);
		else
			trend_text(&v, &sb);
		rc = write_out(output, &sb);
		strbuf_release(&sb);
	}
	trend_view_release(&v);
	return cli_call_close(&call, rc);
}

/* ---- ssp evaluation ---- */

static void evaluation_usage(FILE *out)
{
	fputs(_("Brug: ssp evaluation ÅR [--format text|json|pdf|html|csv] [--as-of DATO]\n"
		"                        [-o FIL]\n"
		"\n"
		"Årets evaluering til styregruppen og byrådet: mødeoverholdelse pr. forum\n"
		"og periode, SSP-skolenetværket, indsatsområderne med tallene før og\n"
		"efter, temaerne fra møderne og strategiens principper som nøgletal\n"
		"(tidlig, tværsektoriel, sammenhængende) samt bekymringer pr. kategori,\n"
		"aldersgruppe og distrikt. Tal under 5 vises som »<5«. --as-of (ÅÅÅÅ-MM-DD)\n"
		"er den dag, der opgøres pr.; standard: i dag, eller 1. januar året efter\n"
		"for et afsluttet år. --format pdf skriver en PDF (brug -o FIL);\n"
		"--format csv nøgletallene til Excel.\n"),
	      out);
}

int cmd_evaluation(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc >= 2 && cli_is_help(argv[1])) {
		evaluation_usage(stdout);
		return 0;
	}
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
					     {"output", required_argument, NULL, 'o'},
					     {"as-of", required_argument, NULL, 'a'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *format = "text", *output = NULL, *as_of_s = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'a':
			as_of_s = optarg;
			break;
		case 'h':
			evaluation_usage(stdout);
			return 0;
		default:
			return cli_usage_error("evaluation", _("ukendt tilvalg"));
		}
	}
	int year;
	if (argc - optind != 1 || year_of("evaluation", argv[optind], &year) ||
	    cli_check_format("evaluation", format,
			     (const char *const[]){"text", "json", "pdf", "html", "csv", NULL}))
		return EXIT_USAGE;
	long as_of = svc_today();
	if (as_of_s) {
		struct date d;
		if (cal_parse_date(as_of_s, &d) < 0)
			return cli_usage_error("evaluation",
					       _("--as-of skal være en dato ÅÅÅÅ-MM-DD, ikke »%s«"),
					       as_of_s);
		as_of = cal_days(d);
	} else if (as_of > cal_ymd(year, 12, 31)) {
		as_of = cal_ymd(year + 1, 1, 1);
	}
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct evaluation e;
	int rc;
	if (svc_evaluation(&call.svc, &call.a, year, as_of, &e, &call.r) < 0) {
		evaluation_release(&e);
		return cli_call_close(&call, cli_svc_error(&call.r));
	}
	if (!strcmp(format, "json")) {
		FILE *out = cli_output_open(output);
		json_t *j = evaluation_to_json(&e);
		rc = out ? cli_output_close(out, cli_write_json(j, out)) : (json_decref(j), 1);
	} else if (!strcmp(format, "csv")) {
		struct strbuf sb = STRBUF_INIT;
		evaluation_kpi_csv(&e, &sb);
		rc = write_out(output, &sb);
		strbuf_release(&sb);
	} else {
		struct report r;
		char title[128], sub[256];
		snprintf(title, sizeof(title), _("Evaluering af SSP-samarbejdet %d"), year);
		snprintf(sub, sizeof(sub), _("%s · kriminalpræventiv strategi · årlig vurdering"),
			 e.org.municipality ? e.org.municipality : "");
		report_init(&r, title, sub);
		r.org = &e.org;
		evaluation_report(&e, &r);
		struct strbuf sb = STRBUF_INIT;
		if (!strcmp(format, "pdf")) {
			FILE *out = cli_output_open(output);
			char *err = NULL;
			rc = out ? report_pdf(&r, out, &err) : 1;
			if (rc < 0) {
				cli_error("%s", err);
				free(err);
				rc = 1;
			}
			rc = out ? cli_output_close(out, rc) : 1;
		} else {
			if (!strcmp(format, "html"))
				report_html(&r, &sb);
			else
				report_text(&r, &sb);
			rc = write_out(output, &sb);
		}
		strbuf_release(&sb);
		report_release(&r);
	}
	evaluation_release(&e);
	return cli_call_close(&call, rc);
}

/* ---- ssp strategy render ---- */

/* Writes r as format (html, pdf or text) to output. */
static int write_report(const struct report *r, const char *format, const char *output)
{
	if (!strcmp(format, "pdf")) {
		FILE *out = cli_output_open(output);
		if (!out)
			return 1;
		char *err = NULL;
		int rc = report_pdf(r, out, &err);
		if (rc < 0) {
			cli_error("%s", err);
			free(err);
			rc = 1;
		}
		return cli_output_close(out, rc);
	}
	struct strbuf sb = STRBUF_INIT;
	if (!strcmp(format, "html"))
		report_html(r, &sb);
	else
		report_text(r, &sb);
	int rc = write_out(output, &sb);
	strbuf_release(&sb);
	return rc;
}

int cmd_strategy_render(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
					     {"output", required_argument, NULL, 'o'},
					     {"year", required_argument, NULL, 'y'},
					     {0, 0, 0, 0}};
	const char *format = "html", *output = NULL, *year_s = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'f')
			format = optarg;
		else if (c == 'o')
			output = optarg;
		else if (c == 'y')
			year_s = optarg;
		else
			return cli_usage_error("strategy", _("ukendt tilvalg"));
	}
	int year = cal_date(svc_today()).y;
	if (optind != argc || (year_s && year_of("strategy", year_s, &year)) ||
	    cli_check_format("strategy", format,
			     (const char *const[]){"html", "pdf", "text", NULL}))
		return EXIT_USAGE;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct org o;
	org_init(&o);
	struct meeting_list plan;
	struct focus_list focus;
	int rc;
	if (svc_strategy_document(&call.svc, &call.a, year, &o, &plan, &focus, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
	} else {
		struct report r;
		char title[256];
		snprintf(title, sizeof(title), _("Kriminalpræventiv strategi for SSP-samarbejdet"));
		char sub[256];
		snprintf(sub, sizeof(sub), _("%s · %s · udskrevet for %d"),
			 o.municipality ? o.municipality : "",
			 o.police_district ? o.police_district : "", year);
		report_init(&r, title, sub);
		strategy_document(&o, &plan, year, &focus, &r);
		rc = write_report(&r, format, output);
		report_release(&r);
	}
	focus_list_release(&focus);
	meeting_list_release(&plan);
	org_release(&o);
	return cli_call_close(&call, rc);
}
