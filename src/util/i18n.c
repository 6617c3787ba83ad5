#include "util/i18n.h"

#include <locale.h>

#ifndef SSP_LOCALEDIR
#define SSP_LOCALEDIR "/usr/local/share/locale"
#endif

void i18n_init(void)
{
	setlocale(LC_ALL, "");
	bindtextdomain("ssp", SSP_LOCALEDIR);
	bind_textdomain_codeset("ssp", "UTF-8");
	textdomain("ssp");
}
