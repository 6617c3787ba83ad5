/* ssp key rotate: re-seal every sealed field under a new data key. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "service/crypto.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp key rotate\n"
		"\n"
		"rotate laver en ny datanøgle og krypterer alle krypterede felter\n"
		"(fx to-faktor-hemmeligheder) om med den. Den gamle nøgle beholdes, til\n"
		"alt er krypteret om, og slettes derefter. Bliver kørslen afbrudt, gør\n"
		"den næste »ssp key rotate« den færdig. Serveren må køre imens.\n"
		"Instansnøglen i DB.key skiftes ikke; den skal fortsat sikkerhedskopieres\n"
		"sammen med databasen.\n"),
	      out);
}

int cmd_key(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc >= 2 && cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	if (argc != 2 || strcmp(argv[1], "rotate"))
		return cli_usage_error("key", _("brug »key rotate«"));
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct key_rotation kr;
	int rc = 0;
	if (svc_key_rotate(&call.svc, &call.a, 0, &kr, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
		fprintf(stderr,
			_("ssp: kør »ssp key rotate« igen for at gøre rotationen færdig.\n"));
	} else if (!kr.done) {
		rc = cli_error(_("datanøgle %lld er i brug, men ældre nøgler bruges stadig (der "
				 "skrives samtidig); kør »ssp key rotate« igen"),
			       kr.to_key);
	} else {
		if (kr.resumed)
			printf(_("En afbrudt rotation er gjort færdig.\n"));
		printf(_("Datanøgle %lld er nu den eneste: %lld felt(er) krypteret om.\n"),
		       kr.to_key, kr.resealed);
	}
	return cli_call_close(&call, rc);
}
