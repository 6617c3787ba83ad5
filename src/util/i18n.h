/* i18n.h - gettext wrapper.
 *
 * Every string a user reads goes through _() (or N_() where it must be a
 * constant, e.g. in static tables, and is translated later with _()).
 * The source language of the message catalogue is Danish: Danish users get
 * Danish text with no catalogue installed, and another language follows by
 * adding po/<lang>.po.
 *
 * _() is gettext() behind a small per-thread cache (i18n.c): glibc's
 * gettext takes a process-wide read lock and reads the environment on
 * every call, a measurable share of a page (BENCHMARKS.md). The cache is
 * keyed by the msgid's address, so _() takes a string literal or an N_()
 * constant, never text built at run time (which has no translation
 * anyway). It is emptied when the locale or the text domain changes
 * (setlocale, uselocale, textdomain, bindtextdomain); the LANGUAGE
 * variable is read when the process starts, not while it runs.
 */
#ifndef SSP_I18N_H
#define SSP_I18N_H

#include <libintl.h>

#define _(s)  i18n_gettext(s)
#define N_(s) (s)

/* Binds the "ssp" text domain; call once at the start of main(). */
void i18n_init(void);

/* gettext(msgid), remembered per thread (see above). */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));

/* Changes whenever a translation _() gives this thread may have changed
 * (the same rule as the cache): what text rendered from _() and kept is
 * keyed on. */
unsigned long i18n_epoch(void);

#endif
