#include "service/config.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->listen, sizeof(c->listen), "127.0.0.1:8080");
	c->session_idle_minutes = 30;
	c->session_max_hours = 10;
	for (int r = 0; r < ROLE__COUNT; r++)
		if (role_sees_personal_data((enum role)r) || r == ROLE_ADMIN)
			c->totp_required_roles |= 1u << r;
	c->max_body_bytes = 1024 * 1024;
	c->max_field_bytes = 10000;
	c->login_max_failures_user = 5;
	c->login_max_failures_address = 20;
	c->login_window_minutes = 15;
	c->threads = 16;
	c->max_concurrent_logins = 2;
	c->fast_password_hashing = false;
	c->anon_max_per_minute = 30;
	c->max_connections = 4096;
	c->max_connections_address = 256;
	c->header_timeout = 10;
	c->connection_timeout = 60;
	c->purge_minute = 3 * 60 + 30;
}

struct cstate {
	const char *buf;
	size_t len, pos;
	int lineno;
	struct config *c;
	struct diags *d;
};

static char *reader(char *str, int num, void *stream)
{
	struct cstate *st = stream;
	if (st->pos >= st->len || num < 2)
		return NULL;
	const char *line = st->buf + st->pos;
	const char *nl = memchr(line, '\n', st->len - st->pos);
	size_t n = nl ? (size_t)(nl - line) + 1 : st->len - st->pos;
	st->pos += n;
	st->lineno++;
	if (n > (size_t)num - 1) {
		diag_error(st->d, st->lineno, _("linjen er for lang"));
		n = 0;
	}
	memcpy(str, line, n);
	str[n] = '\0';
	return str;
}

static int int_value(struct cstate *st, const char *name, const char *v, long lo, long hi,
		     long *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi) {
		diag_error(st->d, st->lineno,
			   _("»%s« skal være et heltal fra %ld til %ld, ikke »%s«"), name, lo, hi,
			   v);
		return -1;
	}
	*out = n;
	return 0;
}

static int roles_value(struct cstate *st, const char *v, unsigned *out)
{
	unsigned bits = 0;
	if (!strcmp(v, "ingen")) {
		*out = 0;
		return 0;
	}
	char *copy = strdup(v);
	if (!copy)
		return -1;
	char *save = NULL;
	for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		enum role r;
		if (role_parse(tok, &r) < 0) {
			diag_error(st->d, st->lineno, _("ukendt rolle »%s« i totp-roles"), tok);
			free(copy);
			return -1;
		}
		bits |= 1u << r;
	}
	free(copy);
	*out = bits;
	return 0;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct cstate *st = user;
	struct config *c = st->c;
	long n;
	char key[160];
	snprintf(key, sizeof(key), "%s.%s", section, name);
	if (!strcmp(key, "web.listen")) {
		if (strlen(value) >= sizeof(c->listen) || !strchr(value, ':'))
			diag_error(st->d, st->lineno, _("»listen« skal være ADRESSE:PORT"));
		else
			snprintf(c->listen, sizeof(c->listen), "%s", value);
	} else if (!strcmp(key, "web.threads")) {
		if (!int_value(st, name, value, 1, 64, &n))
			c->threads = (int)n;
	} else if (!strcmp(key, "web.max-body-bytes")) {
		if (!int_value(st, name, value, 1024, 64L * 1024 * 1024, &n))
			c->max_body_bytes = (size_t)n;
	} else if (!strcmp(key, "web.max-field-bytes")) {
		if (!int_value(st, name, value, 64, 1024L * 1024, &n))
			c->max_field_bytes = (size_t)n;
	} else if (!strcmp(key, "web.max-connections")) {
		if (!int_value(st, name, value, 16, 100000, &n))
			c->max_connections = (int)n;
	} else if (!strcmp(key, "web.max-connections-per-address")) {
		if (!int_value(st, name, value, 1, 100000, &n))
			c->max_connections_address = (int)n;
	} else if (!strcmp(key, "web.header-timeout")) {
		if (!int_value(st, name, value, 1, 600, &n))
			c->header_timeout = (int)n;
	} else if (!strcmp(key, "web.connection-timeout")) {
		if (!int_value(st, name, value, 1, 3600, &n))
			c->connection_timeout = (int)n;
	} else if (!strcmp(key, "web.trusted-proxies")) {
		if (strlen(value) >= sizeof(c->trusted_proxies) ||
		    strspn(value, "0123456789abcdefABCDEF.:, ") != strlen(value))
			diag_error(st->d, st->lineno,
				   _("»trusted-proxies« skal være IP-adresser adskilt af komma"));
		else
			snprintf(c->trusted_proxies, sizeof(c->trusted_proxies), "%s", value);
	} else if (!strcmp(key, "login.anon-max-per-minute")) {
		if (!int_value(st, name, value, 1, 100000, &n))
			c->anon_max_per_minute = (int)n;
	} else if (!strcmp(key, "session.idle-minutes")) {
		if (!int_value(st, name, value, 1, 24 * 60, &n))
			c->session_idle_minutes = (int)n;
	} else if (!strcmp(key, "session.max-hours")) {
		if (!int_value(st, name, value, 1, 24 * 7, &n))
			c->session_max_hours = (int)n;
	} else if (!strcmp(key, "login.max-failures-user")) {
		if (!int_value(st, name, value, 1, 1000, &n))
			c->login_max_failures_user = (int)n;
	} else if (!strcmp(key, "login.max-failures-address")) {
		if (!int_value(st, name, value, 1, 100000, &n))
			c->login_max_failures_address = (int)n;
	} else if (!strcmp(key, "login.window-minutes")) {
		if (!int_value(st, name, value, 1, 24 * 60, &n))
			c->login_window_minutes = (int)n;
	} else if (!strcmp(key, "login.max-concurrent")) {
		if (!int_value(st, name, value, 1, 64, &n))
			c->max_concurrent_logins = (int)n;
	} else if (!strcmp(key, "retention.purge-time")) {
		int m;
		if (!strcmp(value, "ingen"))
			c->purge_minute = -1;
		else if (cal_parse_clock(value, &m) == 0)
			c->purge_minute = m;
		else
			diag_error(st->d, st->lineno,
				   _("»purge-time« skal være et klokkeslæt TT:MM (fx 03:30) eller "
				     "»ingen«, ikke »%s«"),
				   value);
	} else if (!strcmp(key, "login.totp-roles")) {
		roles_value(st, value, &c->totp_required_roles);
	} else if (!*section) {
		diag_error(st->d, st->lineno, _("»%s« står uden for en [sektion]"), name);
	} else {
		diag_error(st->d, st->lineno, _("ukendt indstilling »%s« i [%s]"), name, section);
	}
	return 1;
}

int config_parse(const char *buf, size_t len, struct config *c, struct diags *d)
{
	size_t before = d->errors, bad;
	if (memchr(buf, '\0', len) || !utf8_valid(buf, len, &bad)) {
		diag_error(d, 0, _("filen er ikke en UTF-8-tekstfil"));
		return -1;
	}
	struct cstate st = {buf, len, 0, 0, c, d};
	int rc = ini_parse_stream(reader, &st, handler, &st);
	if (rc > 0) {
		bool seen = false;
		for (size_t i = 0; i < d->nr; i++)
			seen |= d->v[i].line == rc;
		if (!seen)
			diag_error(d, rc,
				   _("syntaksfejl: forventede [sektion] eller nøgle = værdi"));
	}
	return d->errors > before ? -1 : 0;
}
