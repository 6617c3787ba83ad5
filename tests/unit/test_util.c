/* util/ (strbuf, UTF-8, diagnostics) and service/config.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/config.h"
#include "test.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/utf8.h"

static void strbuf_basics(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	assert_string_equal(sb.buf, "");
	strbuf_addstr(&sb, "æble");
	strbuf_addch(&sb, ' ');
	strbuf_addf(&sb, "%d%s", 42, "  \n");
	assert_string_equal(sb.buf, "æble 42  \n");
	strbuf_rtrim(&sb);
	assert_string_equal(sb.buf, "æble 42");
	for (int i = 0; i < 1000; i++)
		strbuf_addstr(&sb, "0123456789");
	assert_int_equal(sb.len, strlen("æble 42") + 10000);
	char *s = strbuf_detach(&sb);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	free(s);
	s = strbuf_detach(&sb); /* an empty buffer detaches to an owned "" */
	assert_string_equal(s, "");
	free(s);
}

static void utf8_checks(void **state)
{
	(void)state;
	size_t at;
	assert_true(utf8_valid("Sydøstjyllands Æ Ø Å §", strlen("Sydøstjyllands Æ Ø Å §"), NULL));
	assert_false(utf8_valid("ab\xff", 3, &at));
	assert_int_equal(at, 2);
	assert_false(utf8_valid("\xc3", 1, &at));             /* truncated */
	assert_false(utf8_valid("\xc0\xaf", 2, &at));         /* overlong */
	assert_false(utf8_valid("\xed\xa0\x80", 3, &at));     /* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4, &at)); /* above U+10FFFF */
	assert_true(utf8_valid("\xf0\x9f\x98\x80", 4, NULL)); /* emoji */
	/* "æææ" is 6 bytes: a cut at 3 backs off to 2 */
	assert_int_equal(utf8_prefix_len("æææ", 6, 3), 2);
	assert_int_equal(utf8_prefix_len("æææ", 6, 4), 4);
	assert_int_equal(utf8_prefix_len("abc", 3, 10), 3);
}

static void diag_order(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d, "f.ini");
	diag_error(&d, 9, "ni");
	diag_warning(&d, 0, "hele filen");
	diag_error(&d, 2, "to");
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.warnings, 1);
	char buf[512] = "";
	FILE *f = fmemopen(buf, sizeof(buf), "w");
	diags_print(&d, f);
	fclose(f);
	assert_string_equal(buf,
			    "f.ini: advarsel: hele filen\nf.ini:2: fejl: to\nf.ini:9: fejl: ni\n");
	diags_release(&d);
}

static int parse_conf(const char *text, struct config *c, struct diags *d)
{
	config_defaults(c);
	diags_init(d, "ssp.conf");
	return config_parse(text, strlen(text), c, d);
}

static void config_good(void **state)
{
	(void)state;
	struct config c;
	struct diags d;
	assert_int_equal(parse_conf("", &c, &d), 0);
	assert_string_equal(c.listen, "127.0.0.1:8080");
	/* administrators create users of every role: two-factor by default */
	assert_true(c.totp_required_roles & (1u << ROLE_ADMIN));
	assert_true(c.totp_required_roles & (1u << ROLE_POLICE));
	assert_false(c.totp_required_roles & (1u << ROLE_STEERING));
	assert_int_equal(c.max_connections_address, 256);
	assert_int_equal(c.header_timeout, 10);
	diags_release(&d);
	assert_int_equal(
	    parse_conf("[web]\nmax-connections = 2048\nmax-connections-per-address = 4\n"
		       "header-timeout = 3\nconnection-timeout = 30\n"
		       "trusted-proxies = 127.0.0.1, ::1\n[login]\nanon-max-per-minute = 5\n",
		       &c, &d),
	    0);
	assert_int_equal(c.max_connections, 2048);
	assert_int_equal(c.max_connections_address, 4);
	assert_int_equal(c.header_timeout, 3);
	assert_int_equal(c.connection_timeout, 30);
	assert_string_equal(c.trusted_proxies, "127.0.0.1, ::1");
	assert_int_equal(c.anon_max_per_minute, 5);
	diags_release(&d);
	assert_int_equal(parse_conf("[web]\ntrusted-proxies = nginx.local\n", &c, &d), -1);
	diags_release(&d);
	assert_int_equal(parse_conf("; kommentar\n[web]\nlisten = 0.0.0.0:9000\nthreads = 8\n"
				    "[session]\nidle-minutes = 5\n[login]\ntotp-roles = ingen\n",
				    &c, &d),
			 0);
	assert_string_equal(c.listen, "0.0.0.0:9000");
	assert_int_equal(c.threads, 8);
	assert_int_equal(c.session_idle_minutes, 5);
	assert_int_equal(c.totp_required_roles, 0);
	assert_false(c.fast_password_hashing);
	diags_release(&d);
	/* fast hashing is no setting a production ssp.conf can turn on */
	assert_int_equal(parse_conf("[test]\nfast-password-hashing = ja\n", &c, &d), -1);
	assert_false(c.fast_password_hashing);
	diags_release(&d);
	assert_int_equal(parse_conf("[login]\ntotp-roles = ssp, revisor\n", &c, &d), 0);
	assert_int_equal(c.totp_required_roles, (1u << ROLE_SSP) | (1u << ROLE_AUDITOR));
	diags_release(&d);
}

static void config_bad(void **state)
{
	(void)state;
	struct config c;
	struct diags d;
	assert_int_equal(parse_conf("[web]\nthreads = 0\nfarve = blå\n[login]\ntotp-roles = chef\n"
				    "[session]\nidle-minutes = tre\n",
				    &c, &d),
			 -1);
	assert_int_equal(d.errors, 4);
	assert_int_equal(d.v[0].line, 2);
	assert_non_null(strstr(d.v[0].msg, "fra 1 til 64"));
	assert_int_equal(d.v[1].line, 3);
	assert_non_null(strstr(d.v[1].msg, "ukendt indstilling »farve«"));
	assert_int_equal(d.v[2].line, 5);
	assert_non_null(strstr(d.v[2].msg, "»chef«"));
	assert_int_equal(c.threads, 16); /* refused values keep the default */
	diags_release(&d);
	assert_int_equal(parse_conf("[web\nlisten = x\n", &c, &d), -1);
	bool line1 = false;
	for (size_t i = 0; i < d.nr; i++)
		line1 |= d.v[i].line == 1 && strstr(d.v[i].msg, "syntaksfejl") != NULL;
	assert_true(line1);
	diags_release(&d);
	assert_int_equal(parse_conf("[web]\nlisten = \xff\n", &c, &d), -1);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(strbuf_basics), cmocka_unit_test(utf8_checks),
	    cmocka_unit_test(diag_order),    cmocka_unit_test(config_good),
	    cmocka_unit_test(config_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
