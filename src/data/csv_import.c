#include "data/csv_import.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define TEXT_MAX_CHARS 100
#define MAX_COLS       16

enum col {
	C_YEAR,
	C_INDICATOR,
	C_GROUP,
	C_DISTRICT,
	C_SHARE,
	C_RESPONDENTS,
	C_NATIONAL,
	C_MONTH,
	C_CATEGORY,
	C_AGE_BAND,
	C_COUNT,
	C__COUNT
};

/* The header names (lower case; "aar" and "maaned" are accepted for
 * keyboards and systems without Danish letters). */
static const char *const col_names[C__COUNT] = {"år",       "indikator",    "gruppe",    "distrikt",
						"andel",    "antal_svar",   "landsplan", "måned",
						"kategori", "aldersgruppe", "antal"};

struct col_rule {
	enum col col;
	bool required;
};

static const struct col_rule survey_cols[] = {
    {C_YEAR, true},  {C_INDICATOR, true},    {C_GROUP, true},     {C_DISTRICT, true},
    {C_SHARE, true}, {C_RESPONDENTS, false}, {C_NATIONAL, false},
};
static const struct col_rule crime_cols[] = {
    {C_YEAR, true},     {C_MONTH, false},   {C_CATEGORY, true},
    {C_AGE_BAND, true}, {C_DISTRICT, true}, {C_COUNT, true},
};

struct reader {
	enum figure_kind kind;
	const struct org *o;
	struct figure_set *out;
	struct diags *d;
	size_t errors_shown, errors_more;

	int line; /* physical line being fed to libcsv */
	bool header_done;
	int ncols;            /* fields in the header */
	int col_of[MAX_COLS]; /* header field -> enum col */
	int pos_of[C__COUNT]; /* enum col -> header field, or -1 */

	/* the record being read: its fields back to back, NUL-separated */
	struct strbuf rec;
	size_t off[MAX_COLS + 1];
	int fline[MAX_COLS + 1]; /* the line each field starts on */
	int nfields;
	int rec_line; /* the line the record starts on */

	int *row_line; /* the line of each row of out, for duplicate reports */
	size_t row_alloc;
};

static void error_at(struct reader *r, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_at(struct reader *r, int line, const char *fmt, ...)
{
	if (r->errors_shown >= DATA_CSV_MAX_ERRORS) {
		r->errors_more++;
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_error(r->d, line, "%s", sb.buf);
	strbuf_release(&sb);
	r->errors_shown++;
}

/* ---- decoding ---- */

/* Windows-1252 to UTF-8 with iconv (POSIX; glibc knows "WINDOWS-1252").
 * Returns 0, or -1 with the offset of the byte it could not convert. */
static int from_cp1252(const char *buf, size_t len, struct strbuf *out, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1) {
		*bad = 0;
		return -1;
	}
	strbuf_reset(out);
	strbuf_grow(out, len * 3 + 1);
	char *in = (char *)buf; /* iconv's interface is not const-correct */
	size_t inleft = len, outleft = out->alloc - 1;
	char *o = out->buf;
	size_t rc = iconv(cd, &in, &inleft, &o, &outleft);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		*bad = (size_t)(in - buf);
		return -1;
	}
	out->len = (size_t)(o - out->buf);
	out->buf[out->len] = '\0';
	return 0;
}

static int line_of(const char *buf, size_t at)
{
	int line = 1;
	for (size_t i = 0; i < at; i++)
		line += buf[i] == '\n';
	return line;
}

/* The file's text as UTF-8 in *text (BOM removed). -1 after an error. */
static int decode(struct reader *r, const char *buf, size_t len, struct strbuf *text)
{
	if (len >= 2 && (((unsigned char)buf[0] == 0xff && (unsigned char)buf[1] == 0xfe) ||
			 ((unsigned char)buf[0] == 0xfe && (unsigned char)buf[1] == 0xff))) {
		error_at(r, 0,
			 _("filen er gemt som UTF-16 (Unicode-tekst); gem den i Excel som »CSV "
			   "UTF-8 (kommasepareret)« eller »CSV (semikolonsepareret)«"));
		return -1;
	}
	const char *nul = memchr(buf, '\0', len);
	if (nul) {
		error_at(r, line_of(buf, (size_t)(nul - buf)),
			 _("filen indeholder en NUL-byte; den er ikke en CSV-tekstfil"));
		return -1;
	}
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		buf += 3;
		len -= 3;
		size_t bad;
		if (!utf8_valid(buf, len, &bad)) {
			error_at(
			    r, line_of(buf, bad),
			    _("filen begynder som UTF-8, men har en ugyldig byte (0x%02x); gem "
			      "den igen som »CSV UTF-8«"),
			    (unsigned char)buf[bad]);
			return -1;
		}
		strbuf_add(text, buf, len);
		return 0;
	}
	if (utf8_valid(buf, len, NULL)) {
		strbuf_add(text, buf, len);
		return 0;
	}
	size_t bad;
	if (from_cp1252(buf, len, text, &bad) < 0) {
		error_at(r, line_of(buf, bad),
			 _("filen er hverken UTF-8 eller Windows-1252 (byte 0x%02x); gem den som "
			   "»CSV UTF-8«"),
			 (unsigned char)buf[bad]);
		return -1;
	}
	diag_warning(r->d, 0,
		     _("filen er ikke UTF-8; den er læst som Windows-1252 (Excels »CSV "
		       "(semikolonsepareret)«). Kontrollér æ, ø og å i resultatet."));
	return 0;
}

int data_csv_utf8(const char *buf, size_t len, struct strbuf *text)
{
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		buf += 3;
		len -= 3;
	}
	if (utf8_valid(buf, len, NULL)) {
		strbuf_reset(text);
		strbuf_add(text, buf, len);
		return 0;
	}
	size_t bad;
	return from_cp1252(buf, len, text, &bad);
}

/* ---- the header ---- */

/* Lower-cases ASCII and the Danish capitals Æ Ø Å in place. */
static void fold(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (p[0] == 0xc3 && (p[1] == 0x85 || p[1] == 0x86 || p[1] == 0x98))
			p[1] = (unsigned char)(p[1] + 0x20), p++;
	}
}

/* The next character of *p folded as fold() does, as a code unit pair
 * (one byte, or 0xc3 and the folded second byte). */
static unsigned fold_next(const unsigned char **p)
{
	unsigned c = **p;
	(*p)++;
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c == 0xc3 && **p) {
		unsigned d = **p;
		(*p)++;
		if (d == 0x85 || d == 0x86 || d == 0x98)
			d += 0x20;
		return 0xc300 | d;
	}
	return c;
}

/* Are a and b equal when folded? No allocation: it runs on every row. */
static bool fold_eq(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	while (*x && *y)
		if (fold_next(&x) != fold_next(&y))
			return false;
	return !*x && !*y;
}

static const char *field(const struct reader *r, int i)
{
	return r->rec.buf + r->off[i];
}

static void read_header(struct reader *r)
{
	const struct col_rule *rules = r->kind == FIG_SURVEY ? survey_cols : crime_cols;
	size_t nrules = r->kind == FIG_SURVEY ? sizeof(survey_cols) / sizeof(*survey_cols)
					      : sizeof(crime_cols) / sizeof(*crime_cols);
	for (int c = 0; c < C__COUNT; c++)
		r->pos_of[c] = -1;
	r->ncols = r->nfields;
	bool bad = false;
	if (r->nfields == 1 && strchr(field(r, 0), ',')) {
		error_at(r, r->rec_line,
			 _("overskriften har kun én kolonne med kommaer i; filen skal bruge "
			   "semikolon (;) mellem felterne: gem den i Excel som »CSV "
			   "(semikolonsepareret)«"));
		r->header_done = true;
		r->ncols = -1;
		return;
	}
	for (int i = 0; i < r->nfields; i++) {
		char *name = xstrdup(field(r, i));
		fold(name);
		int found = -1;
		for (size_t k = 0; k < nrules; k++) {
			const char *want = col_names[rules[k].col];
			if (!strcmp(name, want) ||
			    (rules[k].col == C_YEAR && !strcmp(name, "aar")) ||
			    (rules[k].col == C_MONTH && !strcmp(name, "maaned")))
				found = (int)rules[k].col;
		}
		if (found < 0) {
			struct strbuf known = STRBUF_INIT;
			for (size_t k = 0; k < nrules; k++)
				strbuf_addf(&known, "%s%s", k ? ";" : "", col_names[rules[k].col]);
			error_at(
			    r, r->fline[i],
			    _("kolonne %d: ukendt overskrift »%s«; filen til %s har kolonnerne "
			      "%s"),
			    i + 1, field(r, i), figure_kind_id(r->kind), known.buf);
			strbuf_release(&known);
			bad = true;
		} else if (r->pos_of[found] >= 0) {
			error_at(r, r->fline[i], _("kolonne %d: »%s« står to gange i overskriften"),
				 i + 1, field(r, i));
			bad = true;
		} else {
			r->pos_of[found] = i;
			r->col_of[i] = found;
		}
		free(name);
	}
	for (size_t k = 0; k < nrules; k++) {
		if (rules[k].required && r->pos_of[rules[k].col] < 0 && !bad) {
			error_at(r, r->rec_line, _("overskriften mangler kolonnen »%s«"),
				 col_names[rules[k].col]);
			bad = true;
		}
	}
	r->header_done = true;
	if (bad)
		r->ncols = -1; /* no rows are read against a bad header */
}

/* ---- the rows ---- */

/* Trims a text field in place (spaces, tabs and line breaks at both ends;
 * a run of line breaks and tabs inside becomes one space) and removes the
 * export's formula guard. Returns the result (inside s). */
static char *clean_text(char *s)
{
	char *w = s;
	bool space = false;
	for (char *p = s; *p; p++) {
		if (*p == '\r' || *p == '\n' || *p == '\t' || *p == ' ') {
			space = w != s;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *p;
	}
	*w = '\0';
	if (s[0] == '\'' && (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@'))
		memmove(s, s + 1, strlen(s));
	return s;
}

/* A text value for column c of at most TEXT_MAX_CHARS characters without
 * control characters; "" allowed only when may_be_empty. */
static const char *text_value(struct reader *r, enum col c, bool may_be_empty, bool *ok)
{
	int i = r->pos_of[c];
	char *s = clean_text(r->rec.buf + r->off[i]);
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			error_at(r, r->fline[i], _("kolonne %d (%s): teksten har et styretegn"),
				 i + 1, col_names[c]);
			*ok = false;
			return "";
		}
		chars += (*p & 0xc0) != 0x80;
	}
	if (!*s && !may_be_empty) {
		error_at(r, r->fline[i], _("kolonne %d (%s): feltet er tomt"), i + 1, col_names[c]);
		*ok = false;
	} else if (chars > TEXT_MAX_CHARS) {
		error_at(r, r->fline[i], _("kolonne %d (%s): højst %d tegn"), i + 1, col_names[c],
			 TEXT_MAX_CHARS);
		*ok = false;
	}
	return strpool_intern(&r->out->pool, s, strlen(s));
}

/* The value of column c with spaces trimmed ("" for an absent optional
 * column). */
static const char *raw(struct reader *r, enum col c)
{
	int i = r->pos_of[c];
	if (i < 0)
		return "";
	return clean_text(r->rec.buf + r->off[i]);
}

static void value_error(struct reader *r, enum col c, const char *why)
{
	int i = r->pos_of[c];
	const char *v = field(r, i);
	size_t n = utf8_prefix_len(v, strlen(v), 40);
	error_at(r, r->fline[i], _("kolonne %d (%s): »%.*s%s«: %s"), i + 1, col_names[c], (int)n, v,
		 v[n] ? "…" : "", why);
}

static const char *district_value(struct reader *r, bool *ok)
{
	const char *s = raw(r, C_DISTRICT);
	static const char *const whole[] = {"hele kommunen", "kommunen", "i alt", "hele kommune"};
	if (!*s)
		return "";
	for (size_t k = 0; k < sizeof(whole) / sizeof(*whole); k++)
		if (fold_eq(s, whole[k]))
			return "";
	for (size_t k = 0; k < r->o->districts_nr; k++) {
		const struct org_district *d = &r->o->districts[k];
		if (fold_eq(s, d->id) || fold_eq(s, d->name))
			return strpool_intern(&r->out->pool, d->id, strlen(d->id));
	}
	struct strbuf known = STRBUF_INIT;
	for (size_t k = 0; k < r->o->districts_nr; k++)
		strbuf_addf(&known, "%s, ", r->o->districts[k].name);
	strbuf_addstr(&known, _("eller tom for hele kommunen"));
	struct strbuf why = STRBUF_INIT;
	strbuf_addf(&why, _("ukendt distrikt; strategiens distrikter er %s"), known.buf);
	value_error(r, C_DISTRICT, why.buf);
	strbuf_release(&why);
	strbuf_release(&known);
	*ok = false;
	return "";
}

static void read_row(struct reader *r)
{
	if (r->nfields != r->ncols) {
		error_at(r, r->rec_line,
			 _("linjen har %d felter, men overskriften har %d (et manglende eller "
			   "overskydende semikolon?)"),
			 r->nfields, r->ncols);
		return;
	}
	bool ok = true;
	const char *why = NULL;
	int year = 0;
	if (figure_parse_year(raw(r, C_YEAR), &year, &why) < 0) {
		value_error(r, C_YEAR, why);
		ok = false;
	}
	if (r->kind == FIG_SURVEY) {
		struct survey_figure f = {
		    .year = year, .respondents = FIG_UNKNOWN, .national = FIG_UNKNOWN};
		f.indicator = text_value(r, C_INDICATOR, false, &ok);
		f.group = text_value(r, C_GROUP, false, &ok);
		f.district = district_value(r, &ok);
		if (figure_parse_share(raw(r, C_SHARE), &f.share, &why) < 0) {
			value_error(r, C_SHARE, why);
			ok = false;
		}
		const char *s = raw(r, C_RESPONDENTS);
		if (*s && figure_parse_count(s, &f.respondents, &why) < 0) {
			value_error(r, C_RESPONDENTS, why);
			ok = false;
		}
		s = raw(r, C_NATIONAL);
		if (*s && figure_parse_share(s, &f.national, &why) < 0) {
			value_error(r, C_NATIONAL, why);
			ok = false;
		}
		if (ok)
			*figure_set_add_survey(r->out) = f;
	} else {
		struct crime_figure f = {.year = year};
		char band[16];
		if (figure_parse_month(raw(r, C_MONTH), &f.month, &why) < 0) {
			value_error(r, C_MONTH, why);
			ok = false;
		}
		f.category = text_value(r, C_CATEGORY, false, &ok);
		if (figure_parse_age_band(raw(r, C_AGE_BAND), r->o->age_min, r->o->age_max, band,
					  &why) < 0) {
			value_error(r, C_AGE_BAND, why);
			ok = false;
		} else {
			f.age_band = strpool_intern(&r->out->pool, band, strlen(band));
		}
		f.district = district_value(r, &ok);
		if (figure_parse_count(raw(r, C_COUNT), &f.count, &why) < 0) {
			value_error(r, C_COUNT, why);
			ok = false;
		}
		if (ok)
			*figure_set_add_crime(r->out) = f;
	}
	if (ok) {
		ALLOC_GROW(r->row_line, r->out->nr, r->row_alloc);
		r->row_line[r->out->nr - 1] = r->rec_line;
	}
}

/* ---- libcsv's callbacks ---- */

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (r->nfields == 0)
		r->rec_line = r->line;
	int nl = 0;
	for (size_t i = 0; i < len; i++)
		nl += ((const char *)s)[i] == '\n';
	if (r->nfields == 0)
		r->rec_line = r->line - nl;
	if (r->nfields < MAX_COLS) {
		r->off[r->nfields] = r->rec.len;
		r->fline[r->nfields] = r->line - nl;
		if (len)
			strbuf_add(&r->rec, s, len);
		strbuf_addch(&r->rec, '\0');
	}
	r->nfields++;
}

static void on_record(int c, void *data)
{
	(void)c;
	struct reader *r = data;
	if (r->nfields > MAX_COLS) {
		error_at(r, r->rec_line, _("linjen har %d felter; højst %d er mulige"), r->nfields,
			 MAX_COLS);
		r->nfields = 0;
		if (!r->header_done) {
			r->header_done = true;
			r->ncols = -1;
		}
	} else if (!r->header_done) {
		read_header(r);
	} else if (r->ncols >= 0) {
		read_row(r);
	}
	r->nfields = 0;
	strbuf_reset(&r->rec);
}

/* ---- duplicates ---- */

static int survey_ptr_cmp(const void *pa, const void *pb)
{
	const struct survey_figure *a = *(const struct survey_figure *const *)pa;
	const struct survey_figure *b = *(const struct survey_figure *const *)pb;
	int k = survey_key_cmp(a, b);
	return k ? k : (a > b) - (a < b);
}

static int crime_ptr_cmp(const void *pa, const void *pb)
{
	const struct crime_figure *a = *(const struct crime_figure *const *)pa;
	const struct crime_figure *b = *(const struct crime_figure *const *)pb;
	int k = crime_key_cmp(a, b);
	return k ? k : (a > b) - (a < b);
}

static void find_duplicates(struct reader *r)
{
	size_t n = r->out->nr;
	if (n < 2)
		return;
	bool survey = r->out->kind == FIG_SURVEY;
	const void **rows = xcalloc(n, sizeof(*rows));
	for (size_t i = 0; i < n; i++)
		rows[i] =
		    survey ? (const void *)&r->out->survey[i] : (const void *)&r->out->crime[i];
	qsort(rows, n, sizeof(*rows), survey ? survey_ptr_cmp : crime_ptr_cmp);
	for (size_t i = 1; i < n; i++) {
		size_t a, b;
		int k;
		if (survey) {
			const struct survey_figure *x = rows[i - 1], *y = rows[i];
			k = survey_key_cmp(x, y);
			a = (size_t)(x - r->out->survey);
			b = (size_t)(y - r->out->survey);
		} else {
			const struct crime_figure *x = rows[i - 1], *y = rows[i];
			k = crime_key_cmp(x, y);
			a = (size_t)(x - r->out->crime);
			b = (size_t)(y - r->out->crime);
		}
		if (!k)
			error_at(r, r->row_line[b],
				 _("rækken gentager linje %d (samme år, %s og distrikt)"),
				 r->row_line[a],
				 survey ? _("indikator, gruppe")
					: _("måned, kategori, aldersgruppe"));
	}
	free(rows);
}

/* ---- the whole file ---- */

int data_csv_read(enum figure_kind kind, const char *buf, size_t len, const struct org *o,
		  struct figure_set *out, struct diags *d)
{
	struct reader r;
	memset(&r, 0, sizeof(r));
	r.kind = kind;
	r.o = o;
	r.out = out;
	r.d = d;
	strbuf_init(&r.rec);
	struct strbuf text = STRBUF_INIT;
	size_t start_rows = out->nr;
	int rc = -1;
	if (decode(&r, buf, len, &text) < 0)
		goto out;

	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		xdie_oom();
	csv_set_delim(&p, ';');
	/* Fed one physical line at a time, so every callback knows the line
	 * it ends on (libcsv counts no lines). */
	const char *s = text.buf, *end = text.buf + text.len;
	r.line = 1;
	bool parse_failed = false;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		size_t done = csv_parse(&p, s, n, on_field, on_record, &r);
		if (done != n) {
			parse_failed = true;
			break;
		}
		s += n;
		if (nl)
			r.line++;
	}
	if (!parse_failed && csv_fini(&p, on_field, on_record, &r) != 0)
		parse_failed = true;
	if (parse_failed) {
		if (csv_error(&p) == CSV_ENOMEM)
			xdie_oom();
		error_at(&r, r.nfields ? r.rec_line : r.line,
			 _("kolonne %d: fejl i anførselstegn (et felt i \"...\" skal slutte med \" "
			   "lige før ; eller linjeskift, og \" inde i feltet skrives \"\")"),
			 r.nfields + 1);
	}
	csv_free(&p);

	if (!r.header_done && !d->errors)
		error_at(&r, 0, _("filen er tom: der er ingen overskriftslinje"));
	if (!d->errors)
		find_duplicates(&r);
	if (r.errors_more)
		diag_error(d, 0, _("... og %zu fejl mere"), r.errors_more);
	rc = d->errors ? -1 : 0;
out:
	if (rc < 0)
		out->nr = start_rows; /* nothing from a file with errors */
	free(r.row_line);
	strbuf_release(&r.rec);
	strbuf_release(&text);
	return rc;
}
