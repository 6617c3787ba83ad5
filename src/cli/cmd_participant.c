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
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		usage(stdout);
		return 0;
	}
	bool list = argc == 3 && !strcmp(argv[1], "list");
	bool change = argc == 4 && (!strcmp(argv[1], "add") || !strcmp(argv[1], "remove"));
	if (!list && !change)
		return cli_usage_error("participant",
				       _("brug »participant add|remove ORGAN BRUGERNAVN« eller "
					 "»participant list ORGAN«"));
	struct service svc;
	if (cli_open_service(ctx, STORE_OPEN_EXISTING, &svc) < 0)
		return 1;
	struct actor a;
	actor_cli(&a);
	struct svc_result r = SVC_RESULT_INIT;
	int rc = 0;
	if (list) {
		struct person_list ps = {0};
		if (svc_participants(&svc, &a, argv[2], &ps, &r) < 0)
			rc = cli_svc_error(&r);
		for (size_t i = 0; i < ps.nr; i++)
			printf("%s\t%s\t%s\n", ps.v[i].username, ps.v[i].name,
			       role_id(ps.v[i].role));
		person_list_release(&ps);
	} else {
		bool add = !strcmp(argv[1], "add"), changed;
		if ((add ? svc_participant_add(&svc, &a, argv[2], argv[3], &changed, &r)
			 : svc_participant_remove(&svc, &a, argv[2], argv[3], &changed, &r)) < 0)
			rc = cli_svc_error(&r);
		else if (add)
			printf(changed ? _("%s deltager nu i %s.\n")
				       : _("%s deltog allerede i %s.\n"),
			       argv[3], argv[2]);
		else
			printf(changed ? _("%s deltager ikke længere i %s.\n")
				       : _("%s deltog ikke i %s.\n"),
			       argv[3], argv[2]);
	}
	svc_result_clear(&r);
	cli_close_service(&svc);
	return rc;
}
