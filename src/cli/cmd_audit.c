/* ssp audit verify [--checkpoint LINE] | checkpoint | show [--user U] [--subject S] [--limit N] */
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
	fputs(_("Brug: ssp audit verify [--checkpoint LINJE]\n"
		"       ssp audit checkpoint\n"
		"       ssp audit show [--user BRUGER] [--subject PERSON] [--limit N]\n"
		"\n"
		"verify genberegner adgangsloggens hash-kæde og sammenligner dens nyeste\n"
		"post med kontrolpunktfilen (DB.checkpoint) og, med --checkpoint, med en\n"
		"linje fra »ssp audit checkpoint«, som er gemt uden for maskinen.\n"
		"Afslutter med 0, når alt holder; 1, når en post er ændret eller\n"
		"mangler (den første nævnes); 3, når kæden holder, men kontrolpunktfilen\n"
		"mangler eller er ældre end loggen (så kan poster i slutningen være\n"
		"fjernet uden at det kan ses).\n"
		"checkpoint udskriver en linje, der fastholder loggens nyeste post; send\n"
		"den væk fra maskinen (mail, journal, papir) og kontroller senere med\n"
		"»ssp audit verify --checkpoint LINJE«.\n"
		"show udskriver loggen, nyeste først. Alle handlingerne logges selv.\n"),
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

/* Prints what svc_audit_verify_anchored found; returns the exit status
 * (0 all holds, 1 tampering shown, 3 the chain holds but nothing vouches
 * for its end). */
static int report(struct cli_call *call, const char *line)
{
	struct audit_verification v;
	if (svc_audit_verify_anchored(&call->svc, &call->a, line, &v, &call->r) < 0)
		return cli_error("%s", call->r.message);
	int rc = 0;
	if (v.first_bad) {
		fprintf(stderr,
			_("ssp: adgangsloggen er brudt: post %lld passer ikke med kæden "
			  "(%lld poster læst)\n"),
			v.first_bad, v.entries);
		rc = 1;
	}
	const char *cpfile = _("kontrolpunktfilen");
	switch (v.file) {
	case ANCHOR_AHEAD:
		fprintf(stderr,
			_("ssp: adgangsloggen er afkortet: %s nævner post %lld, men loggen "
			  "slutter ved post %lld; de nyeste poster er fjernet\n"),
			cpfile, v.file_cp.seq, v.head.seq);
		rc = 1;
		break;
	case ANCHOR_MISMATCH:
		fprintf(stderr,
			_("ssp: adgangsloggen er ændret: post %lld har en anden hash end i "
			  "%s\n"),
			v.file_cp.seq, cpfile);
		rc = 1;
		break;
	case ANCHOR_UNREADABLE:
		fprintf(stderr, "ssp: %s\n", v.file_error);
		rc = 1;
		break;
	case ANCHOR_MISSING:
		fprintf(
		    stderr,
		    _("ssp: advarsel: der er ingen kontrolpunktfil (%s); at de nyeste "
		      "poster ikke er fjernet, kan ikke vises. Filen skrives ved næste post.\n"),
		    v.file_path);
		if (!rc)
			rc = 3;
		break;
	case ANCHOR_BEHIND:
		fprintf(stderr,
			_("ssp: advarsel: %s er ældre end loggen (post %lld, loggen slutter ved "
			  "post %lld); at posterne derefter ikke er fjernet, kan ikke vises\n"),
			cpfile, v.file_cp.seq, v.head.seq);
		if (!rc)
			rc = 3;
		break;
	case ANCHOR_MATCH:
	case ANCHOR_NONE:
		break;
	}
	switch (v.line) {
	case ANCHOR_AHEAD:
		fprintf(stderr,
			_("ssp: adgangsloggen er afkortet: kontrolpunktet nævner post %lld, men "
			  "loggen slutter ved post %lld\n"),
			v.line_cp.seq, v.head.seq);
		rc = 1;
		break;
	case ANCHOR_MISMATCH:
		fprintf(stderr,
			_("ssp: adgangsloggen er ændret: post %lld passer ikke med "
			  "kontrolpunktet\n"),
			v.line_cp.seq);
		rc = 1;
		break;
	case ANCHOR_MATCH:
	case ANCHOR_BEHIND:
		if (v.line_cp.seq < v.pruned_upto)
			printf(_("Kontrolpunktet (post %lld) er ældre end loggens ældste bevarede "
				 "post; det kan ikke længere kontrolleres.\n"),
			       v.line_cp.seq);
		else
			printf(_("Kontrolpunktet (post %lld) passer med loggen.\n"), v.line_cp.seq);
		break;
	default:
		break;
	}
	if (v.pruned_upto && rc != 1)
		printf(_("Posterne til og med %lld er slettet efter adgangsloggens sletteregel; "
			 "kæden fortsætter fra et anker.\n"),
		       v.pruned_upto);
	if (rc == 0)
		printf(_("Adgangsloggen er intakt: %lld poster.\n"), v.entries);
	else if (rc == 3)
		printf(_("Adgangsloggens kæde er intakt: %lld poster.\n"), v.entries);
	audit_verification_release(&v);
	return rc;
}

int cmd_audit(int argc, char **argv, struct cli_ctx *ctx)
{
	if (argc < 2)
		return cli_usage_error("audit",
				       _("angiv en handling: verify, checkpoint eller show"));
	if (cli_is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	bool verify = !strcmp(argv[1], "verify");
	bool checkpoint = !strcmp(argv[1], "checkpoint");
	if (!verify && !checkpoint && strcmp(argv[1], "show"))
		return cli_usage_error(
		    "audit", _("ukendt handling »%s«; brug verify, checkpoint eller show"),
		    argv[1]);
	static const struct option opts[] = {{"user", required_argument, NULL, 'u'},
					     {"subject", required_argument, NULL, 's'},
					     {"limit", required_argument, NULL, 'l'},
					     {"db", required_argument, NULL, 'd'},
					     {"checkpoint", required_argument, NULL, 'c'},
					     {"help", no_argument, NULL, 'h'},
					     {0, 0, 0, 0}};
	const char *line = NULL;
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
		case 'c':
			line = optarg;
			break;
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
	if (!verify && line)
		return cli_usage_error("audit", _("--checkpoint hører til verify"));
	if ((verify || checkpoint) && (f.username || f.subject || f.limit))
		return cli_usage_error("audit", _("%s tager ingen filtre"), argv[1]);

	struct cli_call call;
	if (cli_call_open(ctx, &call) < 0)
		return 1;
	int rc = 0;
	if (verify) {
		rc = report(&call, line);
	} else if (checkpoint) {
		struct checkpoint c;
		char out[CHECKPOINT_LINE_MAX];
		if (svc_audit_checkpoint(&call.svc, &call.a, &c, out, &call.r) < 0)
			rc = cli_svc_error(&call.r);
		else
			printf("%s\n", out);
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
