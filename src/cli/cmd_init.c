/* ssp init [--strategy FILE] [--effective DATE] [--no-plan] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>

#include "cli/cli.h"
#include "service/backup.h"
#include "service/meeting.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp init [--db STI] [--strategy FIL] [--effective DATO] [--no-plan]\n"
		"\n"
		"Opretter databasen (eller opgraderer den) og indlæser strategien.\n"
		"Uden --strategy indlæses den medfølgende strategies/hedensted.ini.\n"
		"Køres den igen med en redigeret strategi, opdateres organisationen,\n"
		"og alt andet i databasen bevares. En skole eller klub, som en\n"
		"administrator har tilføjet, rettet, deaktiveret eller aktiveret på\n"
		"/skoler, beholdes, som den er (en linje nævner hver af dem).\n"
		"Har strategien fejl, ændres intet.\n"
		"Derefter gemmes mødeplanen for i år og næste år (som »ssp plan ÅR\n"
		"--save«: afholdte, aflyste, flyttede og håndrettede møder bevares).\n"
		"\n"
		"  --db STI          databasen (ellers $SSP_DB, ellers ./ssp.db)\n"
		"  --strategy FIL    strategifilen (se ssp-strategy(5))\n"
		"  --effective DATO  dagen, strategien gælder fra (ÅÅÅÅ-MM-DD; ellers i dag);\n"
		"                    et tidligere år planlægges og vurderes efter den\n"
		"                    strategi, der gjaldt ved årets udgang\n"
		"  --no-plan         gem ikke mødeplanen\n"),
	      out);
}

/* Saves the plan of this year and the next. A strategy that cannot be
 * planned is loaded all the same (the organisation is valid): a warning
 * says so, and nothing of the plan is changed. */
static void save_plans(struct service *svc)
{
	struct actor a;
	actor_cli(&a);
	int year = cal_date(svc_today()).y;
	for (int y = year; y <= year + 1; y++) {
		struct org o;
		org_init(&o);
		struct replan_stats st;
		struct svc_result r = SVC_RESULT_INIT;
		if (svc_plan_save(svc, &a, y, &o, &st, &r) < 0)
			fprintf(stderr, _("ssp: advarsel: mødeplanen for %d er ikke gemt: %s\n"), y,
				r.message ? r.message : "?");
		else
			printf(_("Mødeplanen for %d er gemt: %d nye, %d ændrede, %d uændrede, %d "
				 "fjernede, %d bevaret.\n"),
			       y, st.added, st.updated, st.unchanged, st.removed, st.kept);
		svc_result_clear(&r);
		org_release(&o);
	}
}

int cmd_init(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'}, {"strategy", required_argument, NULL, 's'},
	    {"no-plan", no_argument, NULL, 'n'},  {"effective", required_argument, NULL, 'e'},
	    {"help", no_argument, NULL, 'h'},     {0, 0, 0, 0}};
	const char *strategy = NULL;
	bool no_plan = false;
	long effective = svc_today();
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 's':
			strategy = optarg;
			break;
		case 'n':
			no_plan = true;
			break;
		case 'e': {
			struct date dt;
			if (cal_parse_date(optarg, &dt) < 0)
				return cli_usage_error(
				    "init",
				    _("--effective skal være en dato ÅÅÅÅ-MM-DD, "
				      "ikke »%s«"),
				    optarg);
			effective = cal_ymd(dt.y, dt.m, dt.d);
			break;
		}
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("init", _("ukendt tilvalg"));
		}
	}
	if (optind < argc)
		return cli_usage_error("init", _("uventet argument »%s«"), argv[optind]);
	if (!strategy)
		strategy = cli_default_strategy();

	struct strbuf text = STRBUF_INIT;
	if (cli_read_file(strategy, &text) < 0)
		return 1;
	/* Validate before touching the database, so a bad file creates nothing. */
	struct diags d;
	diags_init(&d, strategy);
	struct org o;
	org_init(&o);
	int bad = service_strategy_check(text.buf, text.len, &o, &d);
	diags_print(&d, stderr);
	if (bad) {
		fprintf(stderr, _("%s: %zu fejl; databasen er ikke ændret\n"), strategy, d.errors);
		goto out;
	}
	struct service svc;
	if (cli_open_service(ctx, SERVICE_OPEN_CREATE, &svc) < 0) {
		bad = 1;
		goto out;
	}
	diags_release(&d);
	diags_init(&d, strategy);
	struct strlist kept = STRLIST_INIT;
	struct actor a;
	actor_cli(&a);
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_strategy_apply_from(&svc, &a, text.buf, text.len, effective, &d, &kept, &r) < 0) {
		diags_print(&d, stderr);
		if (r.status != SVC_INVALID)
			cli_svc_error(&r);
		bad = 1;
	} else {
		printf(_("Databasen %s er klar: %s, %zu organer, %zu distrikter, %zu "
			 "sagskategorier (strategi: %s)\n"),
		       ctx->db_path, o.municipality, o.bodies_nr, o.districts_nr, o.categories_nr,
		       strategy);
		char from[11];
		cal_format_date(effective, from);
		printf(_("Strategien er gemt som en version, der gælder fra %s.\n"), from);
		for (size_t i = 0; i < kept.nr; i++)
			printf(
			    _("Institutionen »%s« er beholdt, som en administrator har efterladt "
			      "den på /skoler; strategiens navn, type og distrikt for den er ikke "
			      "indlæst.\n"),
			    kept.v[i]);
		if (!no_plan)
			save_plans(&svc);
		/* the backup key, beside the instance secret (docs/backup.md) */
		char *kp = svc_backup_key_path(ctx->db_path), *kerr = NULL;
		unsigned char bk[32];
		bool created = false;
		if (svc_backup_key_load(kp, true, bk, &created, &kerr) < 0) {
			fprintf(stderr, _("ssp: advarsel: %s\n"), kerr);
			free(kerr);
		} else if (created) {
			printf(_("Backupnøglen %s er oprettet; gem en kopi af den uden for "
				 "maskinen (se docs/backup.md).\n"),
			       kp);
		}
		sodium_memzero(bk, sizeof(bk));
		free(kp);
	}
	strlist_clear(&kept);
	svc_result_clear(&r);
	cli_close_service(&svc);
out:
	org_release(&o);
	diags_release(&d);
	strbuf_release(&text);
	return bad ? 1 : 0;
}
