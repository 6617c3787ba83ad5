#include "domain/retention.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

static const char *const record_ids[RET__COUNT] = {
    "handover",        "referral", "concern",    "concern_conversation",
    "risk_assessment", "minutes",  "access_log", "indsigt"};
static const char *const record_keys[RET__COUNT] = {
    "overlevering",    "indstilling", "bekymring",  "bekymringssamtale",
    "risikovurdering", "referat",     "adgangslog", "indsigt"};
static const char *const record_labels[RET__COUNT] = {N_("politiets overleveringer"),
						      N_("indstillinger"),
						      N_("bekymringer med handlinger og noter"),
						      N_("referater af bekymringssamtaler"),
						      N_("risikovurderinger"),
						      N_("generelle referater"),
						      N_("adgangsloggen"),
						      N_("besvarede anmodninger om indsigt")};
static const char *const trigger_ids[TRIG__COUNT] = {"møde-lukket", "sag-lukket", "fylder-18",
						     "fylder-25", "seneste-aktivitet"};

/* Which trigger each record type may count from (bit per trigger). */
#define T(t)     (1u << (t))
#define PERSONAL (T(TRIG_CASE_CLOSED) | T(TRIG_TURNS_18) | T(TRIG_TURNS_25) | T(TRIG_LAST_ACTIVITY))
static const unsigned allowed[RET__COUNT] = {
    [RET_HANDOVER] =
	T(TRIG_MEETING_CLOSED) | T(TRIG_TURNS_18) | T(TRIG_TURNS_25) | T(TRIG_LAST_ACTIVITY),
    [RET_REFERRAL] = PERSONAL,
    [RET_CONCERN] = PERSONAL,
    [RET_CONVERSATION] = PERSONAL,
    [RET_RISK_ASSESSMENT] = PERSONAL,
    [RET_MINUTES] = T(TRIG_MEETING_CLOSED) | T(TRIG_LAST_ACTIVITY),
    [RET_ACCESS_LOG] = T(TRIG_LAST_ACTIVITY),
    /* the last activity of a request: its answer (an open request is
     * never due) */
    [RET_INDSIGT] = T(TRIG_LAST_ACTIVITY),
};

const char *retention_record_id(enum retention_record r)
{
	return r < RET__COUNT ? record_ids[r] : "?";
}

const char *retention_record_key(enum retention_record r)
{
	return r < RET__COUNT ? record_keys[r] : "?";
}

const char *retention_record_label(enum retention_record r)
{
	return r < RET__COUNT ? _(record_labels[r]) : "?";
}

int retention_record_parse_id(const char *s, enum retention_record *out)
{
	for (int i = 0; i < RET__COUNT; i++)
		if (s && !strcmp(s, record_ids[i])) {
			*out = (enum retention_record)i;
			return 0;
		}
	return -1;
}

const char *retention_trigger_id(enum retention_trigger t)
{
	return t < TRIG__COUNT ? trigger_ids[t] : "?";
}

int retention_trigger_parse(const char *s, enum retention_trigger *out)
{
	for (int i = 0; i < TRIG__COUNT; i++)
		if (s && !strcmp(s, trigger_ids[i])) {
			*out = (enum retention_trigger)i;
			return 0;
		}
	/* the ASCII spelling, as ids elsewhere in the strategy file */
	if (s && !strcmp(s, "moede-lukket")) {
		*out = TRIG_MEETING_CLOSED;
		return 0;
	}
	return -1;
}

bool retention_trigger_allowed(enum retention_record r, enum retention_trigger t)
{
	return r < RET__COUNT && t < TRIG__COUNT && (allowed[r] & T(t));
}

/* ---- durations -------------------------------------------------------- */

int retention_duration_parse(const char *s, size_t len, struct retention_duration *out, char **err)
{
	memset(out, 0, sizeof(*out));
	*err = NULL;
	if (len < 3 || s[0] != 'P') {
		*err = xstrdup(_("en varighed skrives som ISO 8601 med P foran, fx P365D, P5Y "
				 "eller P1Y6M"));
		return -1;
	}
	/* designators in this order, each at most once */
	static const char order[] = "YMWD";
	int next = 0, parts = 0;
	long weeks = 0;
	size_t i = 1;
	while (i < len) {
		if (s[i] < '0' || s[i] > '9') {
			if (s[i] == 'T')
				*err = xstrdup(_("en slettefrist regnes i hele dage: brug ikke "
						 "timer, minutter eller sekunder (T)"));
			else
				*err =
				    xstrdup(_("der mangler et tal før en enhed (Y, M, W eller D)"));
			return -1;
		}
		long n = 0;
		size_t digits = 0;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			if (n > RETENTION_PART_MAX) {
				n = RETENTION_PART_MAX + 1;
			} else {
				n = n * 10 + (s[i] - '0');
			}
			i++;
			digits++;
		}
		if (i == len) {
			*err = xstrdup(_("tallet skal følges af en enhed: Y (år), M (måneder), W "
					 "(uger) eller D (dage)"));
			return -1;
		}
		const char *p = strchr(order, s[i]);
		if (!p || s[i] == '\0') {
			if (s[i] == ',' || s[i] == '.')
				*err = xstrdup(_("en slettefrist har ingen brøkdele"));
			else
				*err = xstrdup(_("ukendt enhed; brug Y (år), M (måneder), W (uger) "
						 "eller D (dage)"));
			return -1;
		}
		int k = (int)(p - order);
		if (k < next) {
			*err = xstrdup(_("enhederne skal stå i rækkefølgen Y, M, W, D og højst én "
					 "gang hver"));
			return -1;
		}
		if (n > RETENTION_PART_MAX || digits > 6) {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, _("tallet er for stort (højst %d)"), RETENTION_PART_MAX);
			*err = strbuf_detach(&sb);
			return -1;
		}
		next = k + 1;
		parts++;
		switch (s[i]) {
		case 'Y':
			out->years = (int)n;
			break;
		case 'M':
			out->months = (int)n;
			break;
		case 'W':
			weeks = n;
			break;
		default:
			out->days = (int)n;
			break;
		}
		i++;
	}
	if (!parts) {
		*err = xstrdup(_("en varighed skal have mindst én del, fx P0D"));
		return -1;
	}
	long days = (long)out->days + weeks * 7;
	if (days > RETENTION_PART_MAX) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("for mange dage (højst %d)"), RETENTION_PART_MAX);
		*err = strbuf_detach(&sb);
		memset(out, 0, sizeof(*out));
		return -1;
	}
	out->days = (int)days;
	return 0;
}

void retention_duration_format(const struct retention_duration *d, char *out, size_t size)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addch(&sb, 'P');
	if (d->years)
		strbuf_addf(&sb, "%dY", d->years);
	if (d->months)
		strbuf_addf(&sb, "%dM", d->months);
	if (d->days || (!d->years && !d->months))
		strbuf_addf(&sb, "%dD", d->days);
	snprintf(out, size, "%s", sb.buf);
	strbuf_release(&sb);
}

bool retention_duration_at_least_months(const struct retention_duration *d, int months)
{
	long m = (long)d->years * 12 + d->months;
	if (m >= months)
		return true;
	/* the months short, in days: at most 31 each, and 184 days for any
	 * six consecutive months (July to December) */
	long short_by = months - m;
	return (long)d->days >= short_by * 31;
}

int retention_rule_parse(enum retention_record r, const char *s, struct retention_rule *out,
			 char **err)
{
	memset(out, 0, sizeof(*out));
	*err = NULL;
	const char *sp = strchr(s, ' ');
	const char *dur_end = sp ? sp : s + strlen(s);
	char *derr = NULL;
	if (retention_duration_parse(s, (size_t)(dur_end - s), &out->after, &derr) < 0) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, _("ugyldig varighed »%.*s«: %s"), (int)(dur_end - s), s, derr);
		free(derr);
		*err = strbuf_detach(&sb);
		return -1;
	}
	const char *p = dur_end;
	while (*p == ' ')
		p++;
	if (strncmp(p, "fra ", 4) != 0) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb,
			    _("skriv reglen som »VARIGHED fra HÆNDELSE«, fx »P1825D fra "
			      "sag-lukket«, ikke »%s«"),
			    s);
		*err = strbuf_detach(&sb);
		return -1;
	}
	p += 4;
	while (*p == ' ')
		p++;
	struct strbuf trig = STRBUF_INIT;
	strbuf_addstr(&trig, p);
	while (trig.len && trig.buf[trig.len - 1] == ' ')
		trig.buf[--trig.len] = '\0';
	int rc = 0;
	if (retention_trigger_parse(trig.buf, &out->trigger) < 0) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb,
			    _("ukendt hændelse »%s«; brug møde-lukket, sag-lukket, fylder-18, "
			      "fylder-25 eller seneste-aktivitet"),
			    trig.buf);
		*err = strbuf_detach(&sb);
		rc = -1;
	} else if (!retention_trigger_allowed(r, out->trigger)) {
		struct strbuf sb = STRBUF_INIT, list = STRBUF_INIT;
		for (int t = 0; t < TRIG__COUNT; t++)
			if (retention_trigger_allowed(r, (enum retention_trigger)t))
				strbuf_addf(&list, "%s%s", list.len ? ", " : "", trigger_ids[t]);
		strbuf_addf(&sb, _("»%s« kan ikke regnes fra »%s«; brug %s"), record_keys[r],
			    trig.buf, list.buf);
		strbuf_release(&list);
		*err = strbuf_detach(&sb);
		rc = -1;
	} else if (r == RET_ACCESS_LOG && !retention_duration_at_least_months(
					      &out->after, RETENTION_ACCESS_LOG_MIN_MONTHS)) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb,
			    _("adgangsloggen skal gemmes i mindst %d måneder (fx P6M eller "
			      "P1Y)"),
			    RETENTION_ACCESS_LOG_MIN_MONTHS);
		*err = strbuf_detach(&sb);
		rc = -1;
	}
	strbuf_release(&trig);
	if (rc < 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

void retention_rule_format(const struct retention_rule *rule, char *out, size_t size)
{
	char d[32];
	retention_duration_format(&rule->after, d, sizeof(d));
	snprintf(out, size, "%s fra %s", d, retention_trigger_id(rule->trigger));
}

void retention_defaults(struct retention_policy *p)
{
	memset(p, 0, sizeof(*p));
	/* Conservative local choices, the same as strategies/hedensted.ini;
	 * the data protection officer decides (docs/retention.md). */
	p->rule[RET_HANDOVER] = (struct retention_rule){{0, 0, 0}, TRIG_MEETING_CLOSED, 0};
	p->rule[RET_REFERRAL] = (struct retention_rule){{0, 0, 365}, TRIG_LAST_ACTIVITY, 0};
	p->rule[RET_CONCERN] = (struct retention_rule){{0, 0, 1825}, TRIG_CASE_CLOSED, 0};
	p->rule[RET_CONVERSATION] = (struct retention_rule){{0, 0, 1825}, TRIG_CASE_CLOSED, 0};
	p->rule[RET_RISK_ASSESSMENT] = (struct retention_rule){{0, 0, 1825}, TRIG_CASE_CLOSED, 0};
	p->rule[RET_MINUTES] = (struct retention_rule){{0, 0, 1825}, TRIG_MEETING_CLOSED, 0};
	p->rule[RET_ACCESS_LOG] = (struct retention_rule){{0, 0, 1825}, TRIG_LAST_ACTIVITY, 0};
	/* an answered request documents the answer (and any restriction)
	 * for as long as a complaint about it can come: as long as the
	 * case records themselves */
	p->rule[RET_INDSIGT] = (struct retention_rule){{0, 0, 1825}, TRIG_LAST_ACTIVITY, 0};
}

long retention_add(long d, int years, int months, int days)
{
	struct date x = cal_date(d);
	long m = (long)x.y * 12 + (x.m - 1) + (long)years * 12 + months;
	int y = (int)(m >= 0 ? m / 12 : -((-m + 11) / 12));
	int mon = (int)(m - (long)y * 12) + 1;
	int last = cal_days_in_month(y, mon);
	int dd = x.d > last ? last : x.d;
	return cal_ymd(y, mon, dd) + days;
}

long retention_cutoff(const struct retention_rule *rule, long as_of)
{
	const struct retention_duration *a = &rule->after;
	int extra = rule->trigger == TRIG_TURNS_18 ? 18 : rule->trigger == TRIG_TURNS_25 ? 25 : 0;
	/* subtract the days first, then months and years: the inverse of
	 * trigger + years + months + days */
	return retention_add(as_of - a->days, -(a->years + extra), -a->months, 0);
}
