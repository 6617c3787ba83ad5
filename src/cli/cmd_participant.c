/* ssp participant add|remove BODY USER, ssp participant list BODY: who
 * takes part in which body (their calendar and front page follow). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "service/meeting_run.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp participant add ORGAN BRUGERNAVN\n"
		"       ssp participant remove ORGAN BRUGERNAVN\n"
		"       ssp participant list ORGAN\n"
		"\n"
		"Knytter en bruger til et forum (organ-id fra »ssp org --format json«).\n"
		"Brugeren får forummets møder på forsiden og i sin kalenderadresse og kan\n"
		"krydses af ved fremmødet. Ændringer skrives i adgangsloggen.\n"),
	      out);
}

int cmd_participant(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc >= 2 && cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	bool list = argc == 3 && !strcmp(argv[1], "list");
	bool change = argc == 4 && (!strcmp(argv[1], "add") || !strcmp(argv[1], "remove"));
	if (!list && !change)
		return cli_usage_error("participant",
				       _("brug »participant add|remove ORGAN BRUGERNAVN« eller "
					 "»participant list ORGAN«"));
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = 0;
	if (list) {
		struct person_list ps = {0};
		if (svc_participants(&call.svc, &call.a, argv[2], &ps, &call.r) < 0)
			rc = cli_svc_error(&call.r);
		for (size_t i = 0; i < ps.nr; i++)
			printf("%s\t%s\t%s\n", ps.v[i].username, ps.v[i].name,
			       role_id(ps.v[i].role));
		person_list_release(&ps);
	} else {
		bool add = !strcmp(argv[1], "add"), changed;
		if ((add ? svc_participant_add(&call.svc, &call.a, argv[2], argv[3], &changed,
					       &call.r)
			 : svc_participant_remove(&call.svc, &call.a, argv[2], argv[3], &changed,
						  &call.r)) < 0)
			rc = cli_svc_error(&call.r);
		else if (add)
			printf(changed ? _("%s deltager nu i %s.\n")
				       : _("%s deltog allerede i %s.\n"),
			       argv[3], argv[2]);
		else
			printf(changed ? _("%s deltager ikke længere i %s.\n")
				       : _("%s deltog ikke i %s.\n"),
			       argv[3], argv[2]);
	}
	return cli_call_close(&call, rc);
}
