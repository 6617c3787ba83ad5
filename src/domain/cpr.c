#include "domain/cpr.h"

#include <string.h>

#include "domain/calendar.h"
#include "util/i18n.h"
#include "util/banned.h"

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

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

/* d: the ten digits. */
static bool plausible_digits(const char d[10])
{
	int day = (d[0] - '0') * 10 + (d[1] - '0');
	int month = (d[2] - '0') * 10 + (d[3] - '0');
	int yy = (d[4] - '0') * 10 + (d[5] - '0');
	int year = cpr_birth_year(yy, d[6] - '0');
	return year > 0 && cal_date_valid(year, month, day);
}

/* The length of a Unicode dash at s that a word processor may have put in
 * place of the hyphen (U+2010-U+2013, U+2212), or 0. */
static size_t dash_len(const char *s, size_t left)
{
	const unsigned char *u = (const unsigned char *)s;
	if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x93)
		return 3;
	if (left >= 3 && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)
		return 3;
	return 0;
}

/* Reads a CPR-shaped token at s (10 digits, or 6 + a dash + 4) into d;
 * returns its length, or 0. */
static size_t shape(const char *s, size_t left, char d[10])
{
	if (left < 10)
		return 0;
	for (int i = 0; i < 6; i++) {
		if (!digit(s[i]))
			return 0;
		d[i] = s[i];
	}
	size_t k = 6;
	if (s[k] == '-')
		k++;
	else
		k += dash_len(s + k, left - k);
	if (left < k + 4)
		return 0;
	for (int i = 0; i < 4; i++) {
		if (!digit(s[k + (size_t)i]))
			return 0;
		d[6 + i] = s[k + (size_t)i];
	}
	return k + 4;
}

bool cpr_is_plausible(const char *s, size_t len)
{
	char d[10];
	size_t n = shape(s, len, d);
	return n && n == len && plausible_digits(d);
}

bool cpr_find(const char *text, size_t len, size_t *at, size_t *n)
{
	for (size_t i = 0; i < len; i++) {
		/* a match starts at the first digit of a run */
		if (!digit(text[i]) || (i > 0 && digit(text[i - 1])))
			continue;
		char d[10];
		size_t k = shape(text + i, len - i, d);
		if (!k)
			continue;
		/* ... and is not followed by more digits (a longer number) */
		if (i + k < len && digit(text[i + k]))
			continue;
		if (!plausible_digits(d))
			continue;
		*at = i;
		*n = k;
		return true;
	}
	return false;
}

void cpr_mask(const char *text, size_t len, struct strbuf *out)
{
	size_t at, n;
	while (len && cpr_find(text, len, &at, &n)) {
		/* everything up to the serial part (its last four digits) */
		strbuf_add(out, text, at + n - 4);
		strbuf_addstr(out, "xxxx");
		text += at + n;
		len -= at + n;
	}
	strbuf_add(out, text, len);
}

/* ---- Parsing a CPR number typed by a person ---------------------------- */

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
	while (k < len && n < 6 && digit(s[k]))
		d[n++] = s[k++];
	if (n != 6)
		return CPR_PARSE_SHAPE;
	if (k < len && s[k] == '-')
		k++;
	else if (k < len)
		k += dash_len(s + k, len - k);
	while (k < len && n < 10 && digit(s[k]))
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
