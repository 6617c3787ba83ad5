/* fuzz_calendar.c - libFuzzer target for the date, time and year parsers
 * that read what people type (domain/calendar.h, domain/plan.h): dates
 * and clock times from web forms and `ssp meeting`/`ssp compliance`
 * arguments, years from the command line and web addresses, and stored
 * meeting times.
 *
 * NUL-terminates the input (the parsers take C strings) and checks that
 * whatever is accepted is in range and survives a round trip through its
 * formatter. A broken promise calls abort().
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	/* "YYYY-MM-DD": a real date, and exactly what cal_format_date writes */
	struct date d;
	if (cal_parse_date(s, &d) == 0) {
		check(strlen(s) == 10);
		check(cal_date_valid(d.y, d.m, d.d));
		long day = cal_days(d);
		struct date back = cal_date(day);
		check(back.y == d.y && back.m == d.m && back.d == d.d);
		char out[11];
		cal_format_date(day, out);
		check(!strcmp(out, s));
	}

	/* "14:00", "9:30", "9.30": minutes of one day; the canonical form
	 * parses to the same */
	int minutes = -1;
	if (cal_parse_clock(s, &minutes) == 0) {
		check(minutes >= 0 && minutes < 1440);
		char canon[8];
		snprintf(canon, sizeof(canon), "%02d:%02d", minutes / 60, minutes % 60);
		int again = -1;
		check(cal_parse_clock(canon, &again) == 0 && again == minutes);
	}

	/* a year: within the clamp, and digits that fit are read exactly */
	int year = 0;
	if (cal_parse_year(s, &year) == 0) {
		check(year >= -CAL_YEAR_CLAMP && year <= CAL_YEAR_CLAMP);
		size_t n = strlen(s);
		check(n >= 1 && strspn(s + (s[0] == '-'), "0123456789") == n - (s[0] == '-'));
		if (n <= 6)
			check(year == atoi(s));
	}

	/* a stored meeting time: the local date and clock; formatting the
	 * result and parsing it again gives the same */
	long day;
	int minute;
	if (plan_parse_time(s, &day, &minute) == 0) {
		check(minute >= 0 && minute < 1440);
		char out[26];
		plan_format_time(day, minute, out);
		long day2;
		int minute2;
		check(plan_parse_time(out, &day2, &minute2) == 0);
		check(day2 == day && minute2 == minute);
		check(!strncmp(out, s, 16)); /* "YYYY-MM-DDTHH:MM" */
	}
	free(s);
	return 0;
}
