/* ssp audit verify | show [--user U] [--subject S] [--limit N] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "service/audit.h"
#include "util/i18n.h"
#include "util/banned.h"

static void usage(FILE *out)
{
	fputs(_("Brug: ssp audit verify\n"
		"       ssp audit show [--user BRUGER] [--subject PERSON] [--limit N]\n"
		"\n"
		"verify genberegner adgangsloggens hash-kæde og afslutter med 0, når den er\n"
		"intakt; ellers nævnes den første post, der ikke holder. show udskriver\n"
		"loggen, nyeste først. Begge handlinger logges selv.\n"),
	      out);
}

/* One field of a tab-separated line, escaped so that no stored value can
 * forge a line or a column: backslash, tab, line feed, carriage return
 * and every other control character (C0, DEL, and the C1 range as UTF-8)
 * become \\, \t, \n, \r and \xHH. A missing value prints as "-". */
static void field(const char *v, bool last)
{
	if (!v)
		v = "-";
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p == '\\')
			fputs("\\\\", stdout);
		else if (*p == '\t')
			fputs("\\t", stdout);
		else if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p == '\r')
			fputs("\\r", stdout);
		else if (*p < 0x20 || *p == 0x7f)
			printf("\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) /* U+0080-U+009F */
			printf("\\xc2\\x%02x", *++p);
		else
			putchar(*p);
	}
	putchar(last ? '\n' : '\t');
}

int cmd_audit(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2)
		return cli_usage_error("audit", _("angiv en handling: verify eller show"));
	if (cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	bool verify = !strcmp(argv[1], "verify");
	if (!verify && strcmp(argv[1], "show"))
		return cli_usage_error("audit", _("ukendt handling »%s«; brug verify eller show"),
				       argv[1]);
	static const struct option opts[] = {
	    {"user", required_argument, NULL, 'u'},  {"subject", required_argument, NULL, 's'},
	    {"limit", required_argument, NULL, 'l'}, {"db", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},        {0, 0, 0, 0}};
	struct audit_filter f = {NULL, NULL, 0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'u':
			f.username = optarg;
			break;
		case 's':
			f.subject = optarg;
			break;
		case 'l': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 1000000)
				return cli_usage_error("audit",
						       _("--limit skal være et tal fra 1"));
			f.limit = (int)n;
			break;
		}
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("audit", _("ukendt tilvalg"));
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("audit", _("uventet argument"));
	if (verify && (f.username || f.subject || f.limit))
		return cli_usage_error("audit", _("verify tager ingen filtre"));

	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = 0;
	if (verify) {
		long long bad = 0, n = 0;
		if (svc_audit_verify(&call.svc, &call.a, &bad, &n, &call.r) < 0) {
			rc = cli_error("%s", call.r.message);
		} else if (bad) {
			fprintf(stderr,
				_("ssp: adgangsloggen er brudt: post %lld passer ikke med kæden "
				  "(%lld poster læst)\n"),
				bad, n);
			rc = 1;
		} else {
			printf(_("Adgangsloggen er intakt: %lld poster.\n"), n);
		}
	} else {
		struct audit_rows rows = {0};
		if (svc_audit_list(&call.svc, &call.a, &f, &rows, &call.r) < 0) {
			rc = cli_error("%s", call.r.message);
		} else {
			for (size_t i = 0; i < rows.nr; i++) {
				const struct audit_row *x = &rows.v[i];
				printf("%lld\t", x->seq);
				const char *const v[] = {x->at,          x->username, x->org,
							 x->action,      x->object,   x->subject,
							 x->legal_basis, x->client,   x->outcome};
				for (size_t k = 0; k < 9; k++)
					field(v[k], k == 8);
			}
		}
		audit_rows_release(&rows);
	}
	return cli_call_close(&call, rc);
}
