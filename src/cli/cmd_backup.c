/* ssp backup [--key FIL] FIL; ssp restore [--check] [--key FIL] FIL */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "service/backup.h"
#include "util/i18n.h"
#include "util/banned.h"

static void backup_usage(FILE *out)
{
	fputs(_("Brug: ssp backup [--key FIL] FIL\n"
		"\n"
		"Skriver en konsistent kopi af databasen (også mens serveren kører) til FIL,\n"
		"krypteret med backupnøglen. Nøglen ligger i DB.backup-key (ved siden af\n"
		"databasen, mode 0600) og laves ved »ssp init« eller første backup. Den er en\n"
		"anden end instansnøglen DB.key. Gem en kopi af begge nøgler uden for\n"
		"maskinen, adskilt fra backupfilerne: uden dem kan en backup ikke gendannes.\n"
		"\n"
		"  --key FIL    backupnøglen (ellers DB.backup-key)\n"
		"\n"
		"Se docs/backup.md.\n"),
	      out);
}

static void restore_usage(FILE *out)
{
	fputs(_("Brug: ssp restore [--check] [--key FIL] FIL\n"
		"\n"
		"Gendanner databasen fra backupfilen FIL. Filen dekrypteres og kontrolleres\n"
		"først (filhoved, hver blok godkendt, slutmarkeringen, integrity_check,\n"
		"skemaversion); derefter genafspilles alle sletninger, databasen har lavet\n"
		"efter backuppen, så intet slettet kommer tilbage, og adgangsloggen siden\n"
		"backuppen føres med over. Til sidst erstatter kopien databasen i ét skridt.\n"
		"Er noget galt, ændres databasen ikke. Stop »ssp serve« før en gendannelse.\n"
		"\n"
		"  --check      kontrollér kun backuppen; gendan intet\n"
		"  --key FIL    backupnøglen (ellers DB.backup-key)\n"
		"\n"
		"Se docs/backup.md.\n"),
	      out);
}

/* Options shared by both: --key, --check (restore only), one FILE. */
static int parse(const char *cmd, int argc, char **argv, bool restore, const char **key,
		 bool *check, const char **file)
{
	static const struct option opts[] = {{"key", required_argument, NULL, 'k'},
					     {"check", no_argument, NULL, 'c'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'k':
			*key = optarg;
			break;
		case 'c':
			if (!restore)
				return cli_usage_error(cmd, _("ukendt tilvalg"));
			*check = true;
			break;
		case 'h':
			(restore ? restore_usage : backup_usage)(stdout);
			return -1;
		default:
			return cli_usage_error(cmd, _("ukendt tilvalg"));
		}
	}
	if (optind >= argc)
		return cli_usage_error(cmd, "%s", _("backupfilen mangler"));
	if (optind + 1 < argc)
		return cli_usage_error(cmd, _("uventet argument »%s«"), argv[optind + 1]);
	*file = argv[optind];
	return 0;
}

static void print_created(const char *label, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char when[32] = "?";
	if (gmtime_r(&tt, &tm))
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	printf("  %s: %s\n", label, when);
}

int cmd_backup(int argc, char **argv, struct cli_ctx *ctx)
{
	const char *key = NULL, *file = NULL;
	bool check = false;
	int p = parse("backup", argc, argv, false, &key, &check, &file);
	if (p)
		return p < 0 ? 0 : p;
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct backup_info info;
	if (svc_backup(&call.svc, &call.a, ctx->db_path, file, key, &info, &call.r) < 0)
		return cli_call_close(&call, cli_svc_error(&call.r));
	printf(_("Backup skrevet: %s\n"), file);
	print_created(_("taget"), info.created);
	printf("  %s: %zu\n", _("databasens størrelse (byte)"), info.bytes);
	printf("  %s: %lld\n", _("seneste sletningspost"), (long long)info.deletion_id);
	if (info.key_created) {
		char *kp = key ? NULL : svc_backup_key_path(ctx->db_path);
		fprintf(stderr,
			_("ssp: backupnøglen »%s« er oprettet nu. Gem en kopi af den uden for "
			  "maskinen, adskilt fra backupfilerne (se docs/backup.md).\n"),
			key ? key : kp);
		free(kp);
	}
	return cli_call_close(&call, 0);
}

int cmd_restore(int argc, char **argv, struct cli_ctx *ctx)
{
	const char *key = NULL, *file = NULL;
	bool check = false;
	int p = parse("restore", argc, argv, true, &key, &check, &file);
	if (p)
		return p < 0 ? 0 : p;
	struct actor a;
	actor_cli(&a);
	struct restore_info info;
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_restore(ctx->db_path, file, key, check, &ctx->cfg, &a, &info, &r) < 0) {
		int rc = cli_svc_error(&r);
		fprintf(stderr, "%s",
			check ? _("ssp: backuppen kan ikke bruges.\n")
			      : _("ssp: intet er gendannet; databasen er uændret.\n"));
		svc_result_clear(&r);
		return rc;
	}
	svc_result_clear(&r);
	printf(check ? _("Backuppen er i orden: %s\n") : _("Gendannet fra %s\n"), file);
	print_created(_("taget"), info.backup.created);
	printf("  %s: %d\n", _("skemaversion"), info.backup.schema);
	printf("  %s: %lld\n", _("seneste sletningspost"), (long long)info.backup.deletion_id);
	if (check)
		return 0;
	if (info.live) {
		printf("  %s: %lld\n", _("sletninger genafspillet"), info.records);
		printf("  %s: %lld\n", _("rækker slettet igen"), info.rows);
		printf("  %s: %lld\n", _("adgangslogposter ført over"), info.log_copied);
	} else {
		fprintf(stderr, "%s",
			_("ssp: advarsel: der var ingen database at genafspille sletninger fra. "
			  "Kør »ssp purge« nu, og flyt en gammel kontrolpunktfil (DB.checkpoint) "
			  "til side, hvis »ssp audit verify« melder afkortning.\n"));
	}
	return 0;
}
