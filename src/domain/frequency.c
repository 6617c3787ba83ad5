#include "domain/frequency.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* Hand-written recursive-descent parser: the language is a dozen Danish
 * phrases, and a generator (bison) would cost more than the grammar. */

enum tok_kind { T_WORD, T_NUM, T_PUNCT, T_END };

struct tok {
	enum tok_kind kind;
	char text[32]; /* lower-cased word, or the punctuation character */
	long num;
};

#define MAX_TOKS 64

struct parser {
	struct tok t[MAX_TOKS];
	int n, pos;
	char *err;
};

static void fail(struct parser *p, const char *msg, const char *arg)
{
	if (p->err)
		return;
	struct strbuf sb = STRBUF_INIT;
	if (arg)
		strbuf_addf(&sb, msg, arg);
	else
		strbuf_addstr(&sb, msg);
	p->err = strbuf_detach(&sb);
}

static int tokenize(struct parser *p, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	p->n = 0;
	while (*s) {
		if (p->n >= MAX_TOKS - 1) {
			fail(p, _("frekvensen er for lang"), NULL);
			return -1;
		}
		struct tok *t = &p->t[p->n];
		if (isspace(*s)) {
			s++;
			continue;
		}
		if (*s == '(') {
			/* a remark in parentheses is a comment: skipped, nesting allowed */
			int depth = 0;
			do {
				if (*s == '(')
					depth++;
				else if (*s == ')')
					depth--;
				s++;
			} while (*s && depth > 0);
			if (depth > 0) {
				fail(p, _("der mangler »)« efter en bemærkning i parentes"), NULL);
				return -1;
			}
			continue;
		}
		if (*s == ')') {
			fail(p, _("»)« uden en »(« før"), NULL);
			return -1;
		}
		if (isdigit(*s)) {
			long v = 0;
			while (isdigit(*s)) {
				if (v < 100000)
					v = v * 10 + (*s - '0');
				s++;
			}
			t->kind = T_NUM;
			t->num = v;
			snprintf(t->text, sizeof(t->text), "%ld", v);
		} else if (isalpha(*s) || *s >= 0x80) {
			const unsigned char *start = s;
			while (*s && (isalpha(*s) || *s >= 0x80))
				s++;
			/* keep at most what fits, cut on a character boundary */
			size_t len = utf8_prefix_len((const char *)start, (size_t)(s - start),
						     sizeof(t->text) - 1);
			memcpy(t->text, start, len);
			t->text[len] = '\0';
			utf8_lower_latin1(t->text);
			t->kind = T_WORD;
		} else if (strchr("-.,+/", *s)) {
			t->kind = T_PUNCT;
			t->text[0] = (char)*s;
			t->text[1] = '\0';
			s++;
		} else {
			char c[2] = {(char)*s, '\0'};
			fail(p, _("tegnet »%s« hører ikke hjemme i en frekvens"), c);
			return -1;
		}
		p->n++;
	}
	p->t[p->n].kind = T_END;
	p->t[p->n].text[0] = '\0';
	p->pos = 0;
	return 0;
}

static const struct tok *peek(struct parser *p, int ahead)
{
	int i = p->pos + ahead;
	return &p->t[i < p->n ? i : p->n];
}

static bool is_word(struct parser *p, int ahead, const char *w)
{
	const struct tok *t = peek(p, ahead);
	return t->kind == T_WORD && !strcmp(t->text, w);
}

static bool is_punct(struct parser *p, int ahead, char c)
{
	const struct tok *t = peek(p, ahead);
	return t->kind == T_PUNCT && t->text[0] == c;
}

static bool accept_word(struct parser *p, const char *w)
{
	if (is_word(p, 0, w)) {
		p->pos++;
		return true;
	}
	return false;
}

static bool accept_punct(struct parser *p, char c)
{
	if (is_punct(p, 0, c)) {
		p->pos++;
		return true;
	}
	return false;
}

static const char *const number_words[] = {"nul", "en",   "to", "tre", "fire",   "fem", "seks",
					   "syv", "otte", "ni", "ti",  "elleve", "tolv"};

/* Reads a count: a number or a Danish number word. */
static bool accept_count(struct parser *p, long *out)
{
	const struct tok *t = peek(p, 0);
	if (t->kind == T_NUM) {
		*out = t->num;
		p->pos++;
		return true;
	}
	if (t->kind != T_WORD)
		return false;
	if (!strcmp(t->text, "én") || !strcmp(t->text, "et") || !strcmp(t->text, "én")) {
		*out = 1;
		p->pos++;
		return true;
	}
	for (size_t i = 1; i < sizeof(number_words) / sizeof(*number_words); i++) {
		if (!strcmp(t->text, number_words[i])) {
			*out = (long)i;
			p->pos++;
			return true;
		}
	}
	return false;
}

static const char *const month_names[] = {NULL,      "januar",   "februar", "marts",  "april",
					  "maj",     "juni",     "juli",    "august", "september",
					  "oktober", "november", "december"};
static const char *const month_short[] = {NULL,  "jan", "feb", "mar", "apr", "maj", "jun",
					  "jul", "aug", "sep", "okt", "nov", "dec"};

/* Reads a month; returns 1-12, 0 when no month is here, -1 on error. */
static int accept_month(struct parser *p)
{
	const struct tok *t = peek(p, 0);
	if (t->kind == T_NUM) {
		if (t->num < 1 || t->num > 12) {
			fail(p, _("måned %s findes ikke; brug 1-12 eller månedens navn"), t->text);
			return -1;
		}
		p->pos++;
		return (int)t->num;
	}
	if (t->kind != T_WORD)
		return 0;
	for (int m = 1; m <= 12; m++) {
		if (!strcmp(t->text, month_names[m]) || !strcmp(t->text, month_short[m])) {
			p->pos++;
			/* "sep." / "okt." */
			accept_punct(p, '.');
			return m;
		}
	}
	return 0;
}

static void expect_end_or_extra(struct parser *p, struct frequency *f);

static bool accept_per_year(struct parser *p)
{
	if (accept_word(p, "årligt"))
		return true;
	if (is_word(p, 0, "om") && (is_word(p, 1, "året") || is_word(p, 1, "år"))) {
		p->pos += 2;
		return true;
	}
	if (is_word(p, 0, "pr") && is_punct(p, 1, '.') && is_word(p, 2, "år")) {
		p->pos += 3;
		return true;
	}
	if (is_word(p, 0, "per") && is_word(p, 1, "år")) {
		p->pos += 2;
		return true;
	}
	return false;
}

static bool accept_per_month(struct parser *p)
{
	if (accept_word(p, "månedligt"))
		return true;
	if (is_word(p, 0, "om") && is_word(p, 1, "måneden")) {
		p->pos += 2;
		return true;
	}
	if (is_word(p, 0, "pr") && is_punct(p, 1, '.') && is_word(p, 2, "måned")) {
		p->pos += 3;
		return true;
	}
	if (is_word(p, 0, "per") && is_word(p, 1, "måned")) {
		p->pos += 2;
		return true;
	}
	return false;
}

/* [issue 11] "på hver skole", "i hver klub", "på hver folkeskole", "i
 * hver institution": the kind of institution a body meets at, each one for
 * itself (FREQ_INST_*); 0 when the words are not there. */
static int accept_institution_scope(struct parser *p)
{
	static const struct {
		const char *word;
		int kind;
	} kinds[] = {
	    {"skole", FREQ_INST_SCHOOL},     {"folkeskole", FREQ_INST_SCHOOL},
	    {"klub", FREQ_INST_CLUB},        {"ungdomsklub", FREQ_INST_CLUB},
	    {"fritidsklub", FREQ_INST_CLUB}, {"institution", FREQ_INST_ANY},
	};
	if (!(is_word(p, 0, "på") || is_word(p, 0, "i") || is_word(p, 0, "for")) ||
	    !(is_word(p, 1, "hver") || is_word(p, 1, "hvert")))
		return 0;
	int at = 2;
	if (is_word(p, at, "enkelt") || is_word(p, at, "enkelte"))
		at++;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (is_word(p, at, kinds[i].word)) {
			p->pos += at + 1;
			return kinds[i].kind;
		}
	}
	return 0;
}

static bool accept_scope(struct parser *p, struct frequency *f)
{
	if (is_word(p, 0, "i") && is_word(p, 1, "hvert") &&
	    (is_word(p, 2, "distrikt") || is_word(p, 2, "område"))) {
		p->pos += 3;
		f->per_district = true;
		return true;
	}
	int kind = accept_institution_scope(p);
	if (kind) {
		f->per_institution = kind;
		return true;
	}
	return false;
}

static void parse_period(struct parser *p, struct frequency *f)
{
	int save = p->pos;
	if (is_word(p, 0, "i") && is_word(p, 1, "perioden"))
		p->pos += 2;
	else if (is_word(p, 0, "i") || is_word(p, 0, "fra"))
		p->pos += 1;
	int from = accept_month(p);
	if (from < 0)
		return;
	if (from == 0) {
		p->pos = save;
		return;
	}
	int to;
	if (accept_punct(p, '-') || accept_word(p, "til")) {
		if (accept_word(p, "og"))
			if (!accept_word(p, "med")) {
				fail(p, _("skriv »til og med« mellem månederne"), NULL);
				return;
			}
		to = accept_month(p);
		if (to < 0)
			return;
		if (to == 0) {
			fail(p, _("der mangler en slutmåned efter »%s«"), peek(p, -1)->text);
			return;
		}
	} else {
		to = from;
	}
	/* A period may wrap the new year (e.g. november-februar). */
	f->months = 0;
	for (int m = from;; m = m % 12 + 1) {
		f->months |= 1u << m;
		if (m == to)
			break;
	}
}

/* The kind of count a rule states; finish() turns it into the yearly
 * minimum and maximum once the months (period, exclusions) are known. */
enum rule_unit { U_NONE, U_YEAR, U_MONTH, U_QUARTER, U_CADENCE };

struct rule {
	enum rule_unit unit;
	long lo, hi;
	bool atleast;
};

static const char *const weekday_words[] = {NULL,      "mandag", "tirsdag", "onsdag",
					    "torsdag", "fredag", "lørdag",  "søndag"};

/* Reads a weekday ("mandag", "mandagen", "mandage"); returns 1-7 or 0. */
static int accept_weekday(struct parser *p)
{
	const struct tok *t = peek(p, 0);
	if (t->kind != T_WORD)
		return 0;
	for (int d = 1; d <= 7; d++) {
		size_t n = strlen(weekday_words[d]);
		if (!strncmp(t->text, weekday_words[d], n) &&
		    (!t->text[n] || !strcmp(t->text + n, "en") || !strcmp(t->text + n, "e"))) {
			p->pos++;
			return d;
		}
	}
	return 0;
}

static bool accept_per_quarter(struct parser *p)
{
	if (accept_word(p, "kvartalsvis"))
		return true;
	if (is_word(p, 0, "om") && is_word(p, 1, "kvartalet")) {
		p->pos += 2;
		return true;
	}
	if (is_word(p, 0, "pr") && is_punct(p, 1, '.') && is_word(p, 2, "kvartal")) {
		p->pos += 3;
		return true;
	}
	if ((is_word(p, 0, "per") || is_word(p, 0, "hvert")) && is_word(p, 1, "kvartal")) {
		p->pos += 2;
		return true;
	}
	return false;
}

static void parse_count_rule(struct parser *p, struct frequency *f, struct rule *r)
{
	long lo, hi;
	if (is_word(p, 0, "månedligt") || is_word(p, 0, "årligt") || is_word(p, 0, "kvartalsvis")) {
		lo = 1; /* "månedligt" alone means once a month */
	} else if (!accept_count(p, &lo)) {
		if (peek(p, 0)->kind == T_END)
			fail(p, _("frekvensen slutter for tidligt; der mangler et antal"), NULL);
		else
			fail(p, _("forventede et antal, men fandt »%s«"), peek(p, 0)->text);
		return;
	}
	hi = lo;
	if (is_punct(p, 0, '-') || is_word(p, 0, "til")) {
		p->pos++;
		if (!accept_count(p, &hi)) {
			fail(p, _("der mangler et tal efter »-« eller »til«"), NULL);
			return;
		}
		if (hi < lo) {
			fail(p, _("det største antal skal komme sidst (fx »2-3«)"), NULL);
			return;
		}
	}
	if (lo < 1 || hi > 366) {
		fail(p, _("antallet skal være mellem 1 og 366"), NULL);
		return;
	}
	/* optional unit */
	(void)(accept_word(p, "gang") || accept_word(p, "gange") || accept_word(p, "møde") ||
	       accept_word(p, "møder"));
	r->lo = lo;
	r->hi = hi;
	if (accept_per_year(p)) {
		r->unit = U_YEAR;
	} else if (accept_per_month(p)) {
		if (hi > 31) {
			fail(p, _("højst 31 møder om måneden"), NULL);
			return;
		}
		r->unit = U_MONTH;
		f->per_month = (int)lo;
		parse_period(p, f);
	} else if (accept_per_quarter(p)) {
		if (hi > 92) {
			fail(p, _("højst 92 møder i kvartalet"), NULL);
			return;
		}
		r->unit = U_QUARTER;
		f->per_quarter = (int)lo;
	} else {
		const struct tok *t = peek(p, 0);
		if (t->kind == T_END)
			fail(p, _("der mangler »om året«, »om måneden« eller »om kvartalet«"),
			     NULL);
		else
			fail(p,
			     _("forventede »om året«, »om måneden« eller »om kvartalet«, men fandt "
			       "»%s«"),
			     t->text);
		return;
	}
	if (p->err)
		return;
	accept_scope(p, f);
}

static void cadence_weekday(struct parser *p, struct frequency *f, int wd)
{
	if (wd > 5) {
		fail(p, _("møder lægges på hverdage; vælg en dag fra mandag til fredag, ikke »%s«"),
		     weekday_words[wd]);
		return;
	}
	f->weekday = wd;
}

/* After "hver": "14. dag", "anden uge", "mandag", "anden torsdag", "måned". */
static void parse_cadence(struct parser *p, struct frequency *f, struct rule *r)
{
	long n = 1;
	if (accept_word(p, "måned")) {
		r->unit = U_MONTH;
		r->lo = r->hi = 1;
		f->per_month = 1;
		parse_period(p, f);
		return;
	}
	if (accept_word(p, "anden")) {
		n = 2;
	} else if (peek(p, 0)->kind == T_NUM) {
		n = peek(p, 0)->num;
		p->pos++;
		accept_punct(p, '.');
	}
	long unit;
	int wd;
	if (accept_word(p, "dag") || accept_word(p, "dage")) {
		unit = 1;
	} else if (accept_word(p, "uge") || accept_word(p, "uger")) {
		unit = 7;
	} else if ((wd = accept_weekday(p))) {
		unit = 7;
		cadence_weekday(p, f, wd);
		if (p->err)
			return;
	} else {
		fail(p, _("skriv »hver 14. dag«, »hver uge«, »hver mandag« eller »hver måned«"),
		     NULL);
		return;
	}
	if (n < 1 || n * unit > 365) {
		fail(p, _("intervallet skal være mellem 1 og 365 dage"), NULL);
		return;
	}
	r->unit = U_CADENCE;
	f->every_days = (int)(n * unit);
	/* "hver uge i perioden marts-oktober" */
	parse_period(p, f);
}

/* "undtagen juli", "undtagen juli og august", "undtagen i skoleferierne".
 * Excluded months are removed from the months the rule applies to. */
static void parse_exclusion(struct parser *p, struct frequency *f)
{
	if (is_punct(p, 0, ',') && is_word(p, 1, "undtagen"))
		p->pos++;
	if (!accept_word(p, "undtagen"))
		return;
	(void)(accept_word(p, "i") || accept_word(p, "om"));
	if (accept_word(p, "skoleferierne") || accept_word(p, "skoleferier") ||
	    accept_word(p, "skoleferien")) {
		f->school_holidays = true;
		return;
	}
	if (is_word(p, 0, "skolernes") && (is_word(p, 1, "ferier") || is_word(p, 1, "ferie"))) {
		p->pos += 2;
		f->school_holidays = true;
		return;
	}
	unsigned excluded = 0;
	for (;;) {
		int from = accept_month(p);
		if (from < 0)
			return;
		if (from == 0) {
			if (peek(p, 0)->kind == T_END)
				fail(p,
				     _("der mangler en måned eller »skoleferierne« efter "
				       "»undtagen«"),
				     NULL);
			else
				fail(p,
				     _("efter »undtagen« skal der stå en måned (fx »juli«) eller "
				       "»i skoleferierne«, ikke »%s«"),
				     peek(p, 0)->text);
			return;
		}
		int to = from;
		if (accept_punct(p, '-') || accept_word(p, "til")) {
			to = accept_month(p);
			if (to < 0)
				return;
			if (to == 0) {
				fail(p, _("der mangler en slutmåned efter »%s«"),
				     peek(p, -1)->text);
				return;
			}
		}
		for (int m = from;; m = m % 12 + 1) {
			excluded |= 1u << m;
			if (m == to)
				break;
		}
		/* another month follows "," or "og"; anything else ends the list */
		int save = p->pos;
		if ((accept_punct(p, ',') || accept_word(p, "og")) && accept_month(p) > 0) {
			p->pos--;
			if (is_punct(p, 0, '.')) /* "sep." was read */
				p->pos--;
			continue;
		}
		p->pos = save;
		break;
	}
	unsigned all = f->months ? f->months : 0x1ffeu;
	f->months = all & ~excluded;
	if (!f->months)
		fail(p, _("reglen undtager alle årets måneder"), NULL);
}

static bool accept_ad_hoc(struct parser *p)
{
	if (is_word(p, 0, "ad") && is_punct(p, 1, '-') && is_word(p, 2, "hoc")) {
		p->pos += 3;
		return true;
	}
	if (is_word(p, 0, "ad") && is_word(p, 1, "hoc")) {
		p->pos += 2;
		return true;
	}
	return accept_word(p, "adhoc");
}

/* "efter behov", "ved behov", "ved bekymring" */
static bool accept_need(struct parser *p)
{
	if ((is_word(p, 0, "efter") || is_word(p, 0, "ved")) &&
	    (is_word(p, 1, "behov") || is_word(p, 1, "bekymring"))) {
		p->pos += 2;
		return true;
	}
	return false;
}

static void expect_end_or_extra(struct parser *p, struct frequency *f)
{
	if (p->err)
		return;
	accept_punct(p, '.');
	if (peek(p, 0)->kind == T_END)
		return;
	if (accept_punct(p, '+') || accept_punct(p, ',') || accept_word(p, "og") ||
	    accept_word(p, "samt")) {
		/* ", og ad hoc", ", + ad hoc" */
		while (accept_punct(p, '+') || accept_word(p, "og") || accept_word(p, "samt"))
			;
		if (is_word(p, 0, "med") && is_word(p, 1, "mulighed") && is_word(p, 2, "for"))
			p->pos += 3;
		if (accept_ad_hoc(p)) {
			if (is_punct(p, 0, '-') &&
			    (is_word(p, 1, "møder") || is_word(p, 1, "møde")))
				p->pos++;
			(void)(accept_word(p, "møder") || accept_word(p, "møde"));
			(void)accept_need(p);
		} else if (accept_need(p)) {
			/* "og efter behov" */
		} else {
			fail(p,
			     _("efter hovedreglen kan kun »+ ad hoc« eller »og efter behov« følge"),
			     NULL);
			return;
		}
		/* ", som tæller med": they count towards the minimum */
		int save = p->pos;
		accept_punct(p, ',');
		(void)(accept_word(p, "som") || accept_word(p, "der"));
		if (is_word(p, 0, "tæller") && is_word(p, 1, "med")) {
			p->pos += 2;
			f->ad_hoc_counts = true;
		} else {
			p->pos = save;
		}
		accept_punct(p, '.');
		f->ad_hoc = true;
		if (peek(p, 0)->kind == T_END)
			return;
	}
	fail(p, _("uventet »%s« i frekvensen"), peek(p, 0)->text);
}

int frequency_month_count(const struct frequency *f)
{
	int n = 0;
	for (int m = 1; m <= 12; m++)
		if (f->months & (1u << m))
			n++;
	return n;
}

/* Days of a common year in the months of f (all when f->months is 0). */
static int days_in_months(const struct frequency *f)
{
	static const int len[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int n = 0;
	for (int m = 1; m <= 12; m++)
		if (!f->months || (f->months & (1u << m)))
			n += len[m];
	return n;
}

/* Sets the yearly minimum and maximum from the rule and the months. */
static void finish(struct parser *p, struct frequency *f, const struct rule *r)
{
	if (p->err)
		return;
	bool bounded = !(r->atleast && r->hi == r->lo);
	int months = f->months ? frequency_month_count(f) : 12;
	switch (r->unit) {
	case U_YEAR:
		f->min_per_year = (int)r->lo;
		f->max_per_year = bounded ? (int)r->hi : -1;
		break;
	case U_MONTH:
		f->min_per_year = (int)r->lo * months;
		f->max_per_year = bounded ? (int)r->hi * months : -1;
		break;
	case U_QUARTER: {
		/* quarters with at least one month the rule applies to */
		int quarters = 0;
		for (int q = 0; q < 4; q++)
			if (!f->months || (f->months & (0xeu << (3 * q))))
				quarters++;
		f->min_per_year = (int)r->lo * quarters;
		f->max_per_year = bounded ? (int)r->hi * quarters : -1;
		break;
	}
	case U_CADENCE:
		f->min_per_year = days_in_months(f) / f->every_days;
		break;
	case U_NONE:
		break;
	}
}

int frequency_parse(const char *text, struct frequency *out, char **err)
{
	struct parser p;
	struct rule r = {U_NONE, 0, 0, false};
	memset(&p, 0, sizeof(p));
	memset(out, 0, sizeof(*out));
	out->min_per_year = -1;
	out->max_per_year = -1;
	*err = NULL;

	if (tokenize(&p, text) < 0)
		goto out;
	if (p.n == 0) {
		fail(&p, _("frekvensen er tom"), NULL);
		goto out;
	}
	if (accept_ad_hoc(&p) || accept_need(&p)) {
		out->ad_hoc = true;
		(void)accept_need(&p);
		accept_punct(&p, '.');
		if (peek(&p, 0)->kind != T_END)
			fail(&p, _("uventet »%s« efter »ad hoc«"), peek(&p, 0)->text);
		goto out;
	}
	if (accept_word(&p, "løbende")) {
		out->continuous = true;
		accept_punct(&p, '.');
		if (peek(&p, 0)->kind != T_END)
			fail(&p, _("uventet »%s« efter »løbende«"), peek(&p, 0)->text);
		goto out;
	}
	if (accept_word(&p, "hver")) {
		parse_cadence(&p, out, &r);
	} else if (accept_word(&p, "ugentligt")) {
		r.unit = U_CADENCE;
		out->every_days = 7;
		parse_period(&p, out);
	} else if ((is_word(&p, 0, "hvert") && is_word(&p, 1, "kvartal")) ||
		   is_word(&p, 0, "kvartalsvis")) {
		p.pos += is_word(&p, 0, "hvert") ? 2 : 1;
		r.unit = U_QUARTER;
		r.lo = r.hi = 1;
		out->per_quarter = 1;
		accept_scope(&p, out);
	} else {
		if (accept_word(&p, "mindst") || accept_word(&p, "minimum")) {
			r.atleast = true;
		} else if (is_word(&p, 0, "min") && is_punct(&p, 1, '.')) {
			p.pos += 2;
			r.atleast = true;
		}
		if (!r.atleast && peek(&p, 0)->kind == T_WORD && !is_word(&p, 0, "månedligt") &&
		    !is_word(&p, 0, "årligt") && !accept_count(&p, &(long){0})) {
			fail(&p,
			     _("ukendt ord »%s«; skriv fx »mindst 4 om året«, »hver 14. dag«, "
			       "»hver anden torsdag«, »1 om måneden i marts-oktober«, "
			       "»kvartalsvis«, »2-3 om året i hvert distrikt«, »løbende« eller "
			       "»ad hoc«"),
			     peek(&p, 0)->text);
			goto out;
		}
		if (!r.atleast)
			p.pos = 0;
		parse_count_rule(&p, out, &r);
	}
	if (!p.err)
		parse_exclusion(&p, out);
	finish(&p, out, &r);
	expect_end_or_extra(&p, out);
out:
	if (p.err) {
		*err = p.err;
		memset(out, 0, sizeof(*out));
		out->min_per_year = out->max_per_year = -1;
		return -1;
	}
	return 0;
}
