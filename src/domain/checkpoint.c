#include "domain/checkpoint.h"

#include <stdio.h>
#include <string.h>

#include "util/banned.h"

#define PREFIX "ssp-audit-checkpoint v1 seq="

bool audit_hash_valid(const char *h)
{
	if (!h)
		return false;
	size_t i = 0;
	for (; h[i]; i++) {
		if (i >= AUDIT_HASH_LEN)
			return false;
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
			return false;
	}
	return i == AUDIT_HASH_LEN;
}

void checkpoint_format(const struct checkpoint *c, char out[CHECKPOINT_LINE_MAX])
{
	snprintf(out, CHECKPOINT_LINE_MAX, PREFIX "%lld hash=%s", c->seq, c->hash);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int checkpoint_parse(const char *s, size_t len, struct checkpoint *out)
{
	memset(out, 0, sizeof(*out));
	while (len && blank(*s)) {
		s++;
		len--;
	}
	while (len && blank(s[len - 1]))
		len--;
	size_t p = sizeof(PREFIX) - 1;
	if (len < p || memcmp(s, PREFIX, p))
		return -1;
	/* seq: 1 to 18 digits, no sign, no leading zero */
	size_t d = 0;
	long long seq = 0;
	while (p + d < len && s[p + d] >= '0' && s[p + d] <= '9' && d < 18) {
		seq = seq * 10 + (s[p + d] - '0');
		d++;
	}
	if (d == 0 || seq < 1 || s[p] == '0')
		return -1;
	p += d;
	static const char mid[] = " hash=";
	if (len - p != sizeof(mid) - 1 + AUDIT_HASH_LEN || memcmp(s + p, mid, sizeof(mid) - 1))
		return -1;
	p += sizeof(mid) - 1;
	char h[AUDIT_HASH_LEN + 1];
	memcpy(h, s + p, AUDIT_HASH_LEN);
	h[AUDIT_HASH_LEN] = '\0';
	if (!audit_hash_valid(h))
		return -1;
	out->seq = seq;
	memcpy(out->hash, h, sizeof(h));
	return 0;
}
