/* ssp user add|list|disable, ssp token create|revoke */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "service/auth.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/banned.h"

static void user_usage(FILE *out)
{
	fputs(_("Brug: ssp user add BRUGERNAVN --name \"NAVN\" --role ROLLE [--org ORG]\n"
		"                   [--institution ID] --password-stdin\n"
		"       ssp user list\n"
		"       ssp user disable BRUGERNAVN\n"
		"       ssp user role BRUGERNAVN ROLLE\n"
		"\n"
		"Roller: admin, ssp, politi, boern-familier, ungeenhed, kontaktperson,\n"
		"styregruppe, revisor. Adgangskoden læses fra standard-input (første linje,\n"
		"mindst 12 tegn), så den ikke står i kommandohistorikken.\n"
		"\n"
		"Kommandolinjen er den lokale operatør: den, der kan læse databasen og dens\n"
		"nøglefil på serveren (i drift maskinens root). Den skal derfor ikke bekræfte\n"
		"med to-faktor, når den opretter en bruger med en rolle, der ser\n"
		"personoplysninger, eller giver en bruger sådan en rolle; i webgrænsefladen\n"
		"og API'et kræver det administratorens egen to-faktor-kode. Handlingen står\n"
		"som en bemærkelsesværdig hændelse i adgangsloggen (user.grant).\n"),
	      out);
}

/* Reads one line from stdin without its newline. */
static int read_password(struct strbuf *pw)
{
	int c;
	while ((c = getchar()) != EOF && c != '\n') {
		if (pw->len > 4096)
			return -1;
		strbuf_addch(pw, (char)c);
	}
	if (pw->len && pw->buf[pw->len - 1] == '\r')
		pw->buf[--pw->len] = '\0';
	return 0;
}

static int user_add(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option opts[] = {{"name", required_argument, NULL, 'n'},
					     {"role", required_argument, NULL, 'r'},
					     {"org", required_argument, NULL, 'o'},
					     {"institution", required_argument, NULL, 'i'},
					     {"password-stdin", no_argument, NULL, 'p'},
					     {"db", required_argument, NULL, 'd'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	struct user_new u = {0};
	const char *role = NULL;
	int pw_stdin = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			u.name = optarg;
			break;
		case 'r':
			role = optarg;
			break;
		case 'o':
			u.org = optarg;
			break;
		case 'i':
			u.institution = optarg;
			break;
		case 'p':
			pw_stdin = 1;
			break;
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'h':
			user_usage(stdout);
			return 0;
		default:
			return cli_usage_error("user add", _("ukendt tilvalg"));
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("user add", _("angiv præcis ét brugernavn"));
	u.username = argv[optind];
	if (!u.name)
		return cli_usage_error("user add", _("--name mangler"));
	if (!role)
		return cli_usage_error("user add", _("--role mangler"));
	if (role_parse(role, &u.role) < 0)
		return cli_usage_error(
		    "user add",
		    _("ukendt rolle »%s«; brug admin, ssp, politi, boern-familier, "
		      "ungeenhed, kontaktperson, styregruppe eller revisor"),
		    role);
	if (!pw_stdin)
		return cli_usage_error(
		    "user add",
		    _("--password-stdin mangler (adgangskoden læses fra standard-input)"));
	struct strbuf pw = STRBUF_INIT;
	if (read_password(&pw) < 0) {
		strbuf_release(&pw);
		return cli_error(_("adgangskoden er for lang"));
	}
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0) {
		strbuf_release(&pw);
		return 1;
	}
	int rc =
	    svc_user_add(&call.svc, &call.a, &u, pw.buf, &call.r) < 0 ? cli_svc_error(&call.r) : 0;
	if (!rc)
		printf(_("Brugeren %s (%s) er oprettet.\n"), u.username, role_label(u.role));
	memset(pw.buf, 0, pw.len);
	strbuf_release(&pw);
	return cli_call_close(&call, rc);
}

static int user_list(struct cli_ctx *ctx)
{
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	struct user_list l = {0};
	int rc = 0;
	if (svc_user_list(&call.svc, &call.a, &l, &call.r) < 0) {
		rc = cli_svc_error(&call.r);
	} else {
		printf("%-20s %-16s %-30s %-9s %s\n", _("BRUGERNAVN"), _("ROLLE"), _("NAVN"),
		       _("TO-FAKTOR"), _("STATUS"));
		for (size_t i = 0; i < l.nr; i++)
			printf("%-20s %-16s %-30s %-9s %s\n", l.v[i].username, role_id(l.v[i].role),
			       l.v[i].name, l.v[i].totp_enabled ? _("ja") : _("nej"),
			       l.v[i].disabled ? _("deaktiveret") : _("aktiv"));
	}
	user_list_release(&l);
	return cli_call_close(&call, rc);
}

static int user_disable(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc != 2)
		return cli_usage_error("user disable", _("angiv præcis ét brugernavn"));
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc =
	    svc_user_disable(&call.svc, &call.a, argv[1], &call.r) < 0 ? cli_svc_error(&call.r) : 0;
	if (!rc)
		printf(_("Brugeren %s er deaktiveret; sessioner og tokens er lukket.\n"), argv[1]);
	return cli_call_close(&call, rc);
}

static int user_role(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc != 3)
		return cli_usage_error("user role", _("angiv et brugernavn og en rolle"));
	enum role role;
	if (role_parse(argv[2], &role) < 0)
		return cli_usage_error("user role", _("ukendt rolle »%s«"), argv[2]);
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = svc_user_set_role(&call.svc, &call.a, argv[1], role, NULL, &call.r) < 0
		     ? cli_svc_error(&call.r)
		     : 0;
	if (!rc)
		printf(_("Brugeren %s har nu rollen %s; brugerens sessioner er lukket.\n"), argv[1],
		       role_label(role));
	return cli_call_close(&call, rc);
}

int cmd_user(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2)
		return cli_usage_error("user",
				       _("angiv en handling: add, list, disable eller role"));
	const char *what = argv[1];
	if (cli_is_help(what)) {
		user_usage(stdout);
		return 0;
	}
	if (!strcmp(what, "add"))
		return user_add(argc - 1, argv + 1, ctx);
	if (argc > 2 && cli_is_help(argv[2])) {
		user_usage(stdout);
		return 0;
	}
	if (!strcmp(what, "list"))
		return argc == 2 ? user_list(ctx)
				 : cli_usage_error("user list", _("for mange argumenter"));
	if (!strcmp(what, "disable"))
		return user_disable(argc - 1, argv + 1, ctx);
	if (!strcmp(what, "role"))
		return user_role(argc - 1, argv + 1, ctx);
	return cli_usage_error("user",
			       _("ukendt handling »%s«; brug add, list, disable eller role"), what);
}

static void token_usage(FILE *out)
{
	fputs(_("Brug: ssp token create BRUGERNAVN\n"
		"       ssp token revoke BRUGERNAVN\n"
		"\n"
		"create udsteder et API-token til JSON-API'et (Authorization: Bearer TOKEN).\n"
		"Tokenet vises kun én gang og gemmes kun som hash. revoke tilbagekalder\n"
		"alle brugerens tokens.\n"
		"\n"
		"Et token står for brugeren med brugerens rolle på JSON-API'et, indtil det\n"
		"tilbagekaldes, og springer to-faktor over. Derfor laves tokens kun her, af\n"
		"den lokale operatør (maskinens root), aldrig i webgrænsefladen. Se\n"
		"docs/tokens.md.\n"),
	      out);
}

int cmd_token(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc >= 2 && cli_is_help(argv[1])) {
		token_usage(stdout);
		return 0;
	}
	if (argc != 3 || (strcmp(argv[1], "create") && strcmp(argv[1], "revoke")))
		return cli_usage_error("token",
				       _("brug »token create BRUGERNAVN« eller »token revoke "
					 "BRUGERNAVN«"));
	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = 0;
	if (!strcmp(argv[1], "create")) {
		char token[AUTH_SECRET_LEN + 1];
		if (svc_token_create(&call.svc, &call.a, argv[2], token, &call.r) < 0) {
			rc = cli_svc_error(&call.r);
		} else {
			printf("%s\n", token);
			fprintf(stderr, _("Gem tokenet nu: det kan ikke vises igen.\n"));
		}
	} else {
		int n = 0;
		if (svc_token_revoke(&call.svc, &call.a, argv[2], &n, &call.r) < 0)
			rc = cli_svc_error(&call.r);
		else
			printf(_("%d token(s) tilbagekaldt for %s.\n"), n, argv[2]);
	}
	return cli_call_close(&call, rc);
}
