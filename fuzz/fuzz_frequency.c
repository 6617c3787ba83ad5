/* fuzz_frequency.c - libFuzzer target for the meeting-frequency language.
 *
 * NUL-terminates the input (frequency_parse() takes a C string; bytes after
 * an embedded NUL are simply not seen) and checks the promises of
 * domain/frequency.h. A broken promise calls abort(), which libFuzzer
 * reports as a crash and saves as crash-<sha1>.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/frequency.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	struct frequency f;
	/* Poison the output so a field the parser forgets to set shows up. */
	memset(&f, 0x5a, sizeof(f));
	char *err = (char *)(uintptr_t)1;
	int rc = frequency_parse(text, &f, &err);

	if (rc == 0) {
		if (err)
			abort();
		if (f.min_per_year < -1 || f.max_per_year < -1)
			abort();
		if (f.min_per_year >= 0 && f.max_per_year >= 0 && f.min_per_year > f.max_per_year)
			abort();
		/* months: only bits 1..12 */
		if (f.months & ~0x1ffeu)
			abort();
		int mc = frequency_month_count(&f);
		if (mc < 0 || mc > 12 || (f.months && !mc))
			abort();
		if (f.every_days < 0 || f.every_days > 365 || f.per_month < 0 || f.per_month > 31 ||
		    f.per_quarter < 0 || f.per_quarter > 92)
			abort();
		/* a weekday only with a cadence, and only a working day */
		if (f.weekday < 0 || f.weekday > 5 || (f.weekday && !f.every_days))
			abort();
		/* at most one kind of rule */
		int kinds =
		    (f.every_days > 0) + (f.per_month > 0) + (f.per_quarter > 0) + f.continuous;
		if (kinds > 1)
			abort();
		if ((f.months || f.school_holidays) && f.continuous)
			abort();
		if (f.per_district && (f.every_days || f.continuous))
			abort();
		/* per institution (issue 11): a kind, and never with a district
		 * scope, a cadence or ongoing work */
		if (f.per_institution < FREQ_INST_NONE || f.per_institution > FREQ_INST_ANY ||
		    (f.per_institution && (f.per_district || f.every_days || f.continuous)))
			abort();
		/* a cadence implies its yearly minimum: all year, or fewer over some months */
		if (f.every_days && (f.min_per_year > 365 / f.every_days ||
				     (!f.months && f.min_per_year != 365 / f.every_days)))
			abort();
		/* a monthly rule implies count * months */
		if (f.per_month && f.min_per_year != f.per_month * (f.months ? mc : 12))
			abort();
		/* ad hoc meetings can only count when there are some */
		if (f.ad_hoc_counts && !f.ad_hoc)
			abort();
		/* something must have been said */
		if (f.min_per_year < 0 && !f.ad_hoc && !f.continuous)
			abort();
	} else {
		if (rc != -1)
			abort();
		if (!err || !*err)
			abort();
		/* on error the output is reset */
		if (f.min_per_year != -1 || f.max_per_year != -1 || f.months || f.every_days ||
		    f.per_month || f.per_quarter || f.weekday || f.school_holidays ||
		    f.per_district || f.per_institution || f.ad_hoc || f.ad_hoc_counts ||
		    f.continuous)
			abort();
		free(err);
	}
	free(text);
	return 0;
}
