#include "domain/cpr.h"

#include <string.h>

#include "domain/calendar.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/banned.h"

int cpr_birth_year(int yy, int seventh)
{
	if (yy < 0 || yy > 99 || seventh < 0 || seventh > 9)
		return -1;
	if (seventh <= 3)
		return 1900 + yy;
	if (seventh == 4 || seventh == 9)
		return yy <= 36 ? 2000 + yy : 1900 + yy;
	return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/* d: the ten digit values. */
static bool plausible_digits(const int d[10])
{
	int day = d[0] * 10 + d[1];
	int month = d[2] * 10 + d[3];
	int yy = d[4] * 10 + d[5];
	int year = cpr_birth_year(yy, d[6]);
	return year > 0 && cal_date_valid(year, month, day);
}

/* ---- reading text as classified characters ----------------------------------
 *
 * The detector does not match bytes but characters, each read into one of
 * the classes below, so that the spellings people (and word processors,
 * and people avoiding a filter) use all look alike: full-width and other
 * Unicode decimal digits are digits, the no-break and other Unicode spaces
 * are spaces, the typographic dashes are dashes. Zero-width characters and
 * the soft hyphen are skipped as if absent. Invalid UTF-8 reads as one
 * OTHER byte. */

enum unit_class { U_OTHER, U_DIGIT, U_SPACE, U_DASH, U_SLASH, U_DOT, U_IGNORE };

struct unit {
	enum unit_class cls;
	int value;  /* U_DIGIT: 0-9 */
	size_t len; /* bytes */
};

/* Unicode decimal digits (general category Nd) in the scripts a Danish
 * text may plausibly hold or an evasion would use: first code point of
 * each block of ten. */
static const long digit_zero[] = {
    0x0030,  /* ASCII */
    0x0660,  /* Arabic-Indic */
    0x06F0,  /* Extended Arabic-Indic */
    0x07C0,  /* NKo */
    0x0966,  /* Devanagari */
    0x09E6,  /* Bengali */
    0x0A66,  /* Gurmukhi */
    0x0AE6,  /* Gujarati */
    0x0B66,  /* Oriya */
    0x0BE6,  /* Tamil */
    0x0C66,  /* Telugu */
    0x0CE6,  /* Kannada */
    0x0D66,  /* Malayalam */
    0x0E50,  /* Thai */
    0x0ED0,  /* Lao */
    0x0F20,  /* Tibetan */
    0x1040,  /* Myanmar */
    0x17E0,  /* Khmer */
    0x1810,  /* Mongolian */
    0xFF10,  /* full-width */
    0x1D7CE, /* mathematical bold */
    0x1D7D8, /* mathematical double-struck */
    0x1D7E2, /* mathematical sans-serif */
    0x1D7EC, /* mathematical sans-serif bold */
    0x1D7F6, /* mathematical monospace */
    0x1FBF0, /* segmented */
};

static void classify(long cp, struct unit *u)
{
	u->value = 0;
	for (size_t i = 0; i < sizeof(digit_zero) / sizeof(digit_zero[0]); i++)
		if (cp >= digit_zero[i] && cp <= digit_zero[i] + 9) {
			u->cls = U_DIGIT;
			u->value = (int)(cp - digit_zero[i]);
			return;
		}
	switch (cp) {
	case ' ':
	case '\t':
	case 0x00A0: /* no-break space */
	case 0x1680:
	case 0x202F: /* narrow no-break space */
	case 0x205F:
	case 0x3000: /* ideographic space */
		u->cls = U_SPACE;
		return;
	case '-':
	case 0x2010: /* hyphen */
	case 0x2011: /* non-breaking hyphen */
	case 0x2012: /* figure dash */
	case 0x2013: /* en dash */
	case 0x2014: /* em dash */
	case 0x2015: /* horizontal bar */
	case 0x2212: /* minus sign */
	case 0xFE58:
	case 0xFE63: /* small hyphen-minus */
	case 0xFF0D: /* full-width hyphen-minus */
		u->cls = U_DASH;
		return;
	case '/':
	case 0x2044: /* fraction slash */
	case 0x2215: /* division slash */
	case 0xFF0F: /* full-width solidus */
		u->cls = U_SLASH;
		return;
	case '.':
	case 0xFF0E: /* full-width full stop */
		u->cls = U_DOT;
		return;
	case 0x00AD: /* soft hyphen */
	case 0x200B: /* zero width space */
	case 0x200C:
	case 0x200D:
	case 0x2060: /* word joiner */
	case 0xFEFF:
		u->cls = U_IGNORE;
		return;
	default:
		break;
	}
	if (cp >= 0x2000 && cp <= 0x200A) { /* en quad .. hair space */
		u->cls = U_SPACE;
		return;
	}
	u->cls = U_OTHER;
}

/* The character at text[i] (i < len). */
static void unit_at(const char *text, size_t len, size_t i, struct unit *u)
{
	long cp;
	u->len = utf8_decode(text + i, len - i, &cp);
	if (cp < 0)
		u->cls = U_OTHER;
	else
		classify(cp, u);
}

/* The first character at or after text[*i] that is not ignorable; *i is
 * moved to it. False at the end. */
static bool next_unit(const char *text, size_t len, size_t *i, struct unit *u)
{
	while (*i < len) {
		unit_at(text, len, *i, u);
		if (u->cls != U_IGNORE)
			return true;
		*i += u->len;
	}
	return false;
}

/* Is the character before text[i] (skipping ignorable ones) a digit? */
static bool digit_before(const char *text, size_t i)
{
	while (i > 0) {
		size_t k = i - 1;
		/* back to the start of the character (at most 3 continuation bytes) */
		for (int steps = 0; k > 0 && steps < 3 && ((unsigned char)text[k] & 0xC0) == 0x80;
		     steps++)
			k--;
		struct unit u;
		unit_at(text, i, k, &u);
		if (k + u.len != i) {
			/* text[k..i) is not one character: the last byte alone is */
			k = i - 1;
			unit_at(text, i, k, &u);
		}
		if (u.cls != U_IGNORE)
			return u.cls == U_DIGIT;
		i = k;
	}
	return false;
}

/* Reads count digits from *i into d; false unless they are all there. */
static bool digits(const char *text, size_t len, size_t *i, int *d, int count)
{
	for (int k = 0; k < count; k++) {
		struct unit u;
		if (!next_unit(text, len, i, &u) || u.cls != U_DIGIT)
			return false;
		d[k] = u.value;
		*i += u.len;
	}
	return true;
}

/* Skips up to max spaces from *i; returns how many. */
static int spaces(const char *text, size_t len, size_t *i, int max)
{
	int n = 0;
	struct unit u;
	while (n < max && next_unit(text, len, i, &u) && u.cls == U_SPACE) {
		*i += u.len;
		n++;
	}
	return n;
}

/* The separator between the date and the serial part: nothing, or one
 * dash or slash with at most one space either side, or one or two spaces.
 * dash_required: only the dash or slash form. */
static bool serial_sep(const char *text, size_t len, size_t *i, bool dash_required)
{
	int before = spaces(text, len, i, 2);
	struct unit u;
	if (next_unit(text, len, i, &u) && (u.cls == U_DASH || u.cls == U_SLASH)) {
		if (before > 1)
			return false;
		*i += u.len;
		spaces(text, len, i, 1);
		return true;
	}
	return !dash_required;
}

/* Reads a CPR-shaped number starting at the digit text[start]: the date
 * DDMMYY (or DD MM YY, DD.MM.YY, DD-MM-YY with one separator used twice),
 * a separator, and the four serial digits. Sets d, *serial (where the
 * serial part starts) and returns the offset just past its last digit, or
 * 0 when there is none. */
static size_t shape(const char *text, size_t len, size_t start, int d[10], size_t *serial)
{
	size_t i = start;
	if (!digits(text, len, &i, d, 2))
		return 0;
	struct unit u;
	if (!next_unit(text, len, &i, &u))
		return 0;
	if (u.cls == U_DIGIT) {
		if (!digits(text, len, &i, d + 2, 4) || !serial_sep(text, len, &i, false))
			return 0;
	} else if (u.cls == U_SPACE || u.cls == U_DOT || u.cls == U_DASH) {
		/* grouped: "01 02 03-1234", "01.02.03-1234"; the serial must
		 * then follow a dash or slash, so that phone numbers in pairs
		 * and a date followed by a time are not read as one */
		enum unit_class sep = u.cls;
		i += u.len;
		if (!digits(text, len, &i, d + 2, 2) || !next_unit(text, len, &i, &u) ||
		    u.cls != sep)
			return 0;
		i += u.len;
		if (!digits(text, len, &i, d + 4, 2))
			return 0;
		if (sep == U_DASH) {
			/* "01-02-03-1234": the same dash once more */
			if (!next_unit(text, len, &i, &u) || u.cls != U_DASH)
				return 0;
			i += u.len;
		} else if (!serial_sep(text, len, &i, true)) {
			return 0;
		}
	} else {
		return 0;
	}
	if (!next_unit(text, len, &i, &u) || u.cls != U_DIGIT)
		return 0;
	*serial = i;
	if (!digits(text, len, &i, d + 6, 4))
		return 0;
	return i;
}

/* A match at start, not part of a longer number: its end, or 0. */
static size_t match_at(const char *text, size_t len, size_t start, size_t *serial)
{
	int d[10];
	size_t end = shape(text, len, start, d, serial);
	if (!end || !plausible_digits(d))
		return 0;
	size_t k = end;
	struct unit u;
	if (next_unit(text, len, &k, &u) && u.cls == U_DIGIT)
		return 0;
	return end;
}

bool cpr_is_plausible(const char *s, size_t len)
{
	struct unit u;
	size_t serial;
	if (!len)
		return false;
	unit_at(s, len, 0, &u);
	if (u.cls != U_DIGIT)
		return false;
	return match_at(s, len, 0, &serial) == len;
}

/* The first match at or after from: start, end and serial offsets. */
static bool find_from(const char *text, size_t len, size_t from, size_t *at, size_t *end,
		      size_t *serial)
{
	bool prev_digit = from > 0 && digit_before(text, from);
	size_t i = from;
	while (i < len) {
		struct unit u;
		unit_at(text, len, i, &u);
		if (u.cls == U_IGNORE) {
			i += u.len;
			continue;
		}
		/* a match starts at the first digit of a run */
		if (u.cls == U_DIGIT && !prev_digit) {
			size_t e = match_at(text, len, i, serial);
			if (e) {
				*at = i;
				*end = e;
				return true;
			}
		}
		prev_digit = u.cls == U_DIGIT;
		i += u.len;
	}
	return false;
}

bool cpr_find(const char *text, size_t len, size_t *at, size_t *n)
{
	size_t a, e, serial;
	if (!find_from(text, len, 0, &a, &e, &serial))
		return false;
	*at = a;
	*n = e - a;
	return true;
}

void cpr_mask(const char *text, size_t len, struct strbuf *out)
{
	size_t from = 0, a, e, serial;
	while (from < len && find_from(text, len, from, &a, &e, &serial)) {
		/* everything up to the serial part (its last four digits) */
		strbuf_add(out, text + from, serial - from);
		strbuf_addstr(out, "xxxx");
		from = e;
	}
	strbuf_add(out, text + from, len - from);
}

/* ---- Parsing a CPR number typed by a person ---------------------------- */

/* The parser reads only what a person types into the CPR field: ASCII
 * digits with an ASCII hyphen or a typographic dash (U+2010-U+2013,
 * U+2212) between the two parts. */
static bool parse_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t parse_dash_len(const char *s, size_t left)
{
	const unsigned char *u = (const unsigned char *)s;
	if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x93)
		return 3;
	if (left >= 3 && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)
		return 3;
	return 0;
}

static bool parse_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

enum cpr_parse_error cpr_parse(const char *s, size_t len, struct cpr_number *out)
{
	memset(out, 0, sizeof(*out));
	while (len && parse_space(s[0])) {
		s++;
		len--;
	}
	while (len && parse_space(s[len - 1]))
		len--;
	char d[10];
	size_t k = 0, n = 0;
	while (k < len && n < 6 && parse_digit(s[k]))
		d[n++] = s[k++];
	if (n != 6)
		return CPR_PARSE_SHAPE;
	if (k < len && s[k] == '-')
		k++;
	else if (k < len)
		k += parse_dash_len(s + k, len - k);
	while (k < len && n < 10 && parse_digit(s[k]))
		d[n++] = s[k++];
	if (n != 10 || k != len)
		return CPR_PARSE_SHAPE;
	int day = (d[0] - '0') * 10 + (d[1] - '0');
	int month = (d[2] - '0') * 10 + (d[3] - '0');
	int year = cpr_birth_year((d[4] - '0') * 10 + (d[5] - '0'), d[6] - '0');
	if (year < 0 || !cal_date_valid(year, month, day))
		return CPR_PARSE_DATE;
	memcpy(out->digits, d, 10);
	out->digits[10] = '\0';
	out->birth = (struct date){year, month, day};
	return CPR_PARSE_OK;
}

const char *cpr_parse_error_message(enum cpr_parse_error e)
{
	switch (e) {
	case CPR_PARSE_OK:
		return "";
	case CPR_PARSE_SHAPE:
		return _("CPR-nummeret skal skrives som DDMMÅÅ-SSSS eller DDMMÅÅSSSS (10 cifre)");
	case CPR_PARSE_DATE:
		return _("CPR-nummerets første seks cifre er ikke en gyldig dato (DDMMÅÅ)");
	}
	return "?";
}

void cpr_format(const struct cpr_number *c, char out[12])
{
	memcpy(out, c->digits, 6);
	out[6] = '-';
	memcpy(out + 7, c->digits + 6, 4);
	out[11] = '\0';
}

void cpr_format_masked(const struct cpr_number *c, char out[12])
{
	memcpy(out, c->digits, 6);
	memcpy(out + 6, "-xxxx", 6);
}

bool cpr_digits(const char *s, size_t len, char out[11])
{
	/* leading and trailing blanks, Unicode spaces and ignorable
	 * characters are not part of the number */
	size_t start = 0;
	struct unit u;
	while (next_unit(s, len, &start, &u) && u.cls == U_SPACE)
		start += u.len;
	size_t end = len;
	while (end > start) {
		size_t k = end - 1;
		while (k > start && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		unit_at(s, end, k, &u);
		if (k + u.len != end || (u.cls != U_SPACE && u.cls != U_IGNORE))
			break;
		end = k;
	}
	int d[10];
	size_t serial;
	if (start >= end || shape(s, end, start, d, &serial) != end)
		return false;
	for (int i = 0; i < 10; i++)
		out[i] = (char)('0' + d[i]);
	out[10] = '\0';
	return true;
}
