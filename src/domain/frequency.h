/* frequency.h - the meeting-frequency language of a strategy file.
 *
 * A body's "frekvens" is written in plain Danish, close to the strategy's
 * own words, and parsed into a rule the planner and the compliance check
 * can use. The grammar (case-insensitive; see docs/ssp-strategy.5):
 *
 *   frequency := main [exclusion] [extra]
 *   main      := "ad hoc" [need] | need | "løbende"
 *              | "hver" [N ["."] | "anden"] ("dag" | "dage" | "uge" | weekday) [period]
 *              | "hver" "måned" [period] | "ugentligt" [period]
 *              | "hvert kvartal" | "kvartalsvis"
 *              | [atleast] count [unit] per-year [scope]
 *              | [atleast] count [unit] per-month [period] [scope]
 *              | [atleast] count [unit] per-quarter [scope]
 *   atleast   := "mindst" | "min." | "minimum"
 *   count     := N | N ("-" | "til") M | "en" | "én" | "et" | "to" ... "tolv"
 *   unit      := "gang" | "gange" | "møde" | "møder"
 *   per-year  := "om året" | "årligt" | "pr. år" | "om år"
 *   per-month := "om måneden" | "månedligt" | "pr. måned"
 *   per-quarter := "om kvartalet" | "kvartalsvis" | "pr. kvartal" | "hvert kvartal"
 *   weekday   := "mandag" ... "fredag" (also "mandagen", "mandage")
 *   period    := ["i perioden" | "i" | "fra"] month ("-" | "til" ["og med"]) month
 *   month     := 1..12 | "januar" ... "december" | "jan" ... "dec"
 *   scope     := "i hvert distrikt" | "i hvert område"
 *              | ("på" | "i" | "for") ("hver" | "hvert") ["enkelt" | "enkelte"] kind
 *   kind      := "skole" | "folkeskole" | "klub" | "ungdomsklub" | "fritidsklub"
 *              | "institution"
 *   exclusion := "undtagen" ["i" | "om"] (months ("," | "og") ... | "skoleferierne")
 *   extra     := ("+" | "," | "og" | "samt") ["med mulighed for"] ("ad hoc" ["møder"] | need)
 *                [[","] ["som" | "der"] "tæller med"]
 *   need      := "efter behov" | "ved behov" | "ved bekymring"
 *
 * Text in parentheses is a remark and is skipped: "hver 14. dag (tirsdage)".
 *
 * Pure: no I/O, no globals.
 */
#ifndef SSP_FREQUENCY_H
#define SSP_FREQUENCY_H

#include <stdbool.h>

struct frequency {
	/* Yearly minimum; for cadences and monthly rules the minimum they
	 * imply (every 14 days: 26; monthly March-October: 8; a cadence over
	 * some months: the days of those months in a common year divided by
	 * the cadence). -1 if none. */
	int min_per_year;
	int max_per_year; /* -1 when there is no upper bound */
	int every_days;   /* 0 when the rule is not a cadence */
	int per_month;    /* 0 when the rule is not monthly */
	unsigned months;  /* bit m set for month m (1-12); 0 when not limited */
	int per_quarter;  /* meetings in each quarter ("kvartalsvis"); 0 otherwise */
	int weekday;      /* 1 mandag .. 5 fredag from "hver mandag"; 0 when not said */
	/* "undtagen i skoleferierne": no meetings in the school holidays, the
	 * weeks the body's "ferieuger" key lists (the parser requires it) */
	bool school_holidays;
	bool per_district;
	/* "på hver skole", "i hver klub", "i hver institution": the meetings
	 * are held at each institution of that kind ([institution] entries),
	 * each with the rule's count; FREQ_INST_NONE otherwise */
	int per_institution;
	bool ad_hoc; /* meetings may (or only) be called as needed */
	/* "+ ad hoc, som tæller med": ad hoc meetings count towards the minimum */
	bool ad_hoc_counts;
	bool continuous; /* ongoing work, no meetings to plan */
};

/* struct frequency's per_institution: which [institution] entries. */
enum { FREQ_INST_NONE, FREQ_INST_SCHOOL, FREQ_INST_CLUB, FREQ_INST_ANY };

/* Parses text into *out. Returns 0 on success; on error returns -1 and
 * stores a Danish message (caller frees) in *err. */
int frequency_parse(const char *text, struct frequency *out, char **err);

/* Number of months set in f->months. */
int frequency_month_count(const struct frequency *f);

#endif
