/* ssp calendar token create|revoke USER: a user's private calendar
 * subscription address (/kalender/TOKEN.ics). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "service/meeting_run.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp calendar token create BRUGERNAVN\n"
		"       ssp calendar token revoke BRUGERNAVN\n"
		"\n"
		"create laver brugerens private kalenderadresse og skriver dens sti\n"
		"(/kalender/TOKEN.ics; sæt serverens adresse foran). Adressen vises kun\n"
		"denne ene gang og gemmes kun som hash; en tidligere adresse holder op med\n"
		"at virke. Kalenderen viser møderne i de fora, brugeren deltager i (se\n"
		"»ssp participant«). revoke tilbagekalder brugerens adresse.\n"),
	      out);
}

int cmd_calendar(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc >= 2 && cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	if (argc != 4 || strcmp(argv[1], "token") ||
	    (strcmp(argv[2], "create") && strcmp(argv[2], "revoke")))
		return cli_usage_error("calendar",
				       _("brug »calendar token create BRUGERNAVN« eller »calendar "
					 "token revoke BRUGERNAVN«"));
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = 0;
	if (!strcmp(argv[2], "create")) {
		char token[AUTH_SECRET_LEN + 1];
		if (svc_caltoken_create(&call.svc, &call.a, argv[3], token, &call.r) < 0) {
			rc = cli_svc_error(&call.r);
		} else {
			printf("/kalender/%s.ics\n", token);
			fprintf(stderr, _("Gem adressen nu: den kan ikke vises igen.\n"));
			sodium_memzero(token, sizeof(token));
		}
	} else {
		int n = 0;
		if (svc_caltoken_revoke(&call.svc, &call.a, argv[3], &n, &call.r) < 0)
			rc = cli_svc_error(&call.r);
		else
			printf(_("%d kalenderadresse(r) tilbagekaldt for %s.\n"), n, argv[3]);
	}
	return cli_call_close(&call, rc);
}
