/* cpr.h - spotting text that looks like a Danish CPR number.
 *
 * Pure: no I/O, no globals. Used where personal identification numbers
 * must not be written: the general minutes (referat) of bodies where named
 * young people are not discussed (service/meeting_run.c).
 *
 * What counts as CPR-like (domain.md section 6): ten digits, the date
 * DDMMYY and the serial part SSSS, written
 *   DDMMYY-SSSS, DDMMYYSSSS, DDMMYY SSSS, DDMMYY/SSSS (one dash or slash,
 *     at most one space either side; or one or two spaces; or nothing),
 *   DD MM YY-SSSS, DD.MM.YY-SSSS, DD-MM-YY-SSSS (the date grouped with one
 *     separator used twice; the serial part then follows a dash or slash,
 *     so phone numbers in pairs and a date followed by a time are not
 *     read as one),
 * after normalising: Unicode decimal digits (full-width, Arabic-Indic,
 * mathematical ...) count as digits, the no-break and other Unicode
 * spaces as spaces, typographic dashes (en, em, minus, full-width) as the
 * hyphen, zero-width characters and the soft hyphen as nothing. The number
 * must not be part of a longer run of digits, and its first six digits
 * must be a real date once the century is read from the 7th digit with
 * the year:
 *   7th digit 0-3: 1900-1999;
 *   4 or 9:        2000-2036 when YY <= 36, else 1937-1999;
 *   5-8:           2000-2057 when YY <= 57, else 1858-1899.
 * The modulus 11 check is never applied: numbers failing it have been
 * issued since 2007, so a "wrong" check digit proves nothing.
 */
#ifndef SSP_CPR_H
#define SSP_CPR_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* The birth year of a CPR number from its YY (0-99) and 7th digit (0-9);
 * -1 for arguments out of range. */
int cpr_birth_year(int yy, int seventh);

/* Is s[0..len) exactly one CPR-like number ("010203-1234", "0102031234",
 * "01.02.03-1234", ...), from its first digit to its last? */
bool cpr_is_plausible(const char *s, size_t len);

/* The normal form of a CPR number for exact look-ups (the blind index,
 * service/crypto.h): its ten ASCII digits, whatever the spelling the
 * detector reads ("010203-1234", "0102031234", "010203–1234", "01.02.03-1234",
 * full-width digits, and the same with surrounding blanks all give
 * "0102031234"). Only the shape is checked, not the date, so a number
 * given with a typing error still finds itself. Writes 10 digits and a
 * NUL to out and returns true, or returns false when s[0..len) is not
 * one CPR-shaped number. */
bool cpr_digits(const char *s, size_t len, char out[11]);

/* Finds the first CPR-like number in text[0..len). Returns true and sets
 * *at and *n (offset and length of the match in bytes, from its first
 * digit to its last) when there is one. */
bool cpr_find(const char *text, size_t len, size_t *at, size_t *n);

/* Appends text[0..len) to out with the serial part of every CPR-like
 * number replaced by "xxxx" ("010203-1234" becomes "010203-xxxx", and the
 * four full-width serial digits become four ASCII x), for showing text
 * that may hold one (domain.md: mask CPR in the interface). */
void cpr_mask(const char *text, size_t len, struct strbuf *out);

/* ---- Parsing a CPR number typed by a person (person records) ----------
 *
 * Unlike the detector above, which looks for CPR-like text to keep it out
 * of general minutes, these functions read the one number a user gives
 * for a young person. The same century table applies, the same "never
 * modulus 11" rule (a number failing it is accepted), and an impossible
 * date is refused. Whether the birth date lies in the future is the
 * caller's question (it needs today's date: domain/concern.h). */

#include "domain/calendar.h" /* struct date */

enum cpr_parse_error {
	CPR_PARSE_OK,
	CPR_PARSE_SHAPE, /* not DDMMYY-SSSS or DDMMYYSSSS */
	CPR_PARSE_DATE,  /* the first six digits are no real date */
};

struct cpr_number {
	char digits[11];   /* the ten digits, NUL-terminated */
	struct date birth; /* from DDMMYY and the century table */
};

/* Parses s[0..len): ten digits, or six digits, a hyphen (or a
 * typographic dash) and four digits; leading and trailing ASCII white
 * space is ignored. Fills *out and returns CPR_PARSE_OK, or an error and
 * leaves *out zeroed. */
enum cpr_parse_error cpr_parse(const char *s, size_t len, struct cpr_number *out);
/* The Danish message for an error (translated), naming what to type. */
const char *cpr_parse_error_message(enum cpr_parse_error e);
/* "DDMMYY-SSSS": the canonical form (input of the blind index). */
void cpr_format(const struct cpr_number *c, char out[12]);
/* "DDMMYY-xxxx": how the interface shows a CPR number (domain.md
 * section 6: mask CPR in the interface). */
void cpr_format_masked(const struct cpr_number *c, char out[12]);

#endif
