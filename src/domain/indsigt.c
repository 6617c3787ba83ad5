/* indsigt.c - the right of access's rules (domain/indsigt.h). */
#include "domain/indsigt.h"

#include <stdio.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/i18n.h"
#include "util/banned.h"

long indsigt_deadline(long received)
{
	struct date d = cal_date(received);
	int y = d.y, m = d.m + 1;
	if (m > 12) {
		m = 1;
		y++;
	}
	int last = cal_days_in_month(y, m);
	return cal_ymd(y, m, d.d > last ? last : d.d);
}

long indsigt_days_left(long deadline, long today)
{
	return deadline - today;
}

static const char *const part_ids[INDSIGT_PART__COUNT] = {
    [INDSIGT_PART_HANDOVERS] = "handovers", [INDSIGT_PART_REFERRALS] = "referrals",
    [INDSIGT_PART_CONCERNS] = "concerns",   [INDSIGT_PART_NOTES] = "notes",
    [INDSIGT_PART_RELATED] = "related",     [INDSIGT_PART_ACCESS_LOG] = "access_log",
};

static const char *const part_labels[INDSIGT_PART__COUNT] = {
    [INDSIGT_PART_HANDOVERS] = N_("Politiets overleveringer"),
    [INDSIGT_PART_REFERRALS] = N_("Indstillinger"),
    [INDSIGT_PART_CONCERNS] = N_("Bekymringer, kategorier, beslutninger og handlinger"),
    [INDSIGT_PART_NOTES] = N_("Sagsnotater"),
    [INDSIGT_PART_RELATED] = N_("Pårørende og andre voksne"),
    [INDSIGT_PART_ACCESS_LOG] = N_("Adgangsloggen"),
};

const char *indsigt_part_id(enum indsigt_part p)
{
	return p < INDSIGT_PART__COUNT ? part_ids[p] : "?";
}

const char *indsigt_part_label(enum indsigt_part p)
{
	return p < INDSIGT_PART__COUNT ? _(part_labels[p]) : "?";
}

int indsigt_part_parse(const char *s, enum indsigt_part *out)
{
	for (int i = 0; s && i < INDSIGT_PART__COUNT; i++)
		if (!strcmp(s, part_ids[i])) {
			*out = (enum indsigt_part)i;
			return 0;
		}
	return -1;
}

int indsigt_parts_parse(const char *s, unsigned *parts, const char **bad)
{
	*parts = 0;
	*bad = NULL;
	while (s && *s) {
		while (*s == ',' || *s == ' ')
			s++;
		if (!*s)
			break;
		size_t n = strcspn(s, ", ");
		char word[32];
		enum indsigt_part p;
		if (n >= sizeof(word)) {
			*bad = s;
			return -1;
		}
		memcpy(word, s, n);
		word[n] = '\0';
		if (indsigt_part_parse(word, &p) < 0) {
			*bad = s;
			return -1;
		}
		*parts |= 1u << p;
		s += n;
	}
	return 0;
}

void indsigt_parts_format(unsigned parts, char *out, size_t n)
{
	size_t len = 0;
	if (n)
		out[0] = '\0';
	for (int i = 0; i < INDSIGT_PART__COUNT; i++) {
		if (!(parts & (1u << i)))
			continue;
		int w = snprintf(out + len, n - len, "%s%s", len ? "," : "", part_ids[i]);
		if (w < 0 || (size_t)w >= n - len)
			return;
		len += (size_t)w;
	}
}
