#include "util/i18n.h"

#include <locale.h>
#include <stdint.h>

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

#ifdef __GLIBC__
/* glibc counts every change that can alter a translation (setlocale,
 * textdomain, bindtextdomain, a catalogue loaded) in this exported
 * counter; GNU gettext's own configure test and its callers' caches read
 * it. It is not in a header. */
extern int _nl_msg_cat_cntr;

/* Direct-mapped, per thread, no lock: a page uses a few dozen strings. */
#define I18N_SLOTS 512

struct i18n_slot {
	const char *msgid;
	const char *text;
};

static _Thread_local struct {
	int counter;
	locale_t locale;
	struct i18n_slot slot[I18N_SLOTS];
} cache;

const char *i18n_gettext(const char *msgid)
{
	locale_t loc = uselocale((locale_t)0);
	if (cache.counter != _nl_msg_cat_cntr || cache.locale != loc) {
		for (int i = 0; i < I18N_SLOTS; i++)
			cache.slot[i].msgid = NULL;
		cache.counter = _nl_msg_cat_cntr;
		cache.locale = loc;
	}
	uintptr_t a = (uintptr_t)msgid;
	struct i18n_slot *s = &cache.slot[(a ^ (a >> 9)) % I18N_SLOTS];
	if (s->msgid == msgid && msgid)
		return s->text;
	const char *text = gettext(msgid);
	/* loading the catalogue on first use counts as a change: remember
	 * the counter after the call, so the next call does not empty the
	 * cache again */
	if (cache.counter != _nl_msg_cat_cntr) {
		for (int i = 0; i < I18N_SLOTS; i++)
			cache.slot[i].msgid = NULL;
		cache.counter = _nl_msg_cat_cntr;
	}
	s->msgid = msgid;
	s->text = text;
	return text;
}
#else
const char *i18n_gettext(const char *msgid)
{
	return gettext(msgid);
}
#endif
