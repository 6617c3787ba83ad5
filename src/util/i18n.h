/* i18n.h - gettext wrapper.
 *
 * Every string a user reads goes through _() (or N_() where it must be a
 * constant, e.g. in static tables, and is translated later with _()).
 * The source language of the message catalogue is Danish: Danish users get
 * Danish text with no catalogue installed, and another language follows by
 * adding po/<lang>.po.
 */
#ifndef SSP_I18N_H
#define SSP_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

/* Binds the "ssp" text domain; call once at the start of main(). */
void i18n_init(void);

#endif
