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

/* Per thread, no lock: an open-addressed table (linear probing) keyed by
 * the msgid's address, emptied when it is three quarters full; a page
 * uses a few dozen strings, a thread over its life a few hundred. */
#define I18N_SLOTS 512

struct i18n_slot {
	const char *msgid;
	const char *text;
};

static _Thread_local struct {
	int counter;
	locale_t locale;
	unsigned long epoch; /* i18n_epoch */
	unsigned used;
	struct i18n_slot slot[I18N_SLOTS];
} cache;

static void cache_empty(void)
{
	for (int i = 0; i < I18N_SLOTS; i++)
		cache.slot[i].msgid = NULL;
	cache.used = 0;
	cache.counter = _nl_msg_cat_cntr;
}

/* The slot of msgid, or the empty slot where it goes. */
static struct i18n_slot *slot_of(const char *msgid)
{
	uintptr_t h = ((uintptr_t)msgid * (uintptr_t)0x9E3779B97F4A7C15u) >> 7;
	for (;; h++) {
		struct i18n_slot *s = &cache.slot[h % I18N_SLOTS];
		if (s->msgid == msgid || !s->msgid)
			return s;
	}
}

/* Empties the cache when the locale or the text domain changed. */
static void cache_check(void)
{
	locale_t loc = uselocale((locale_t)0);
	if (cache.counter != _nl_msg_cat_cntr || cache.locale != loc) {
		cache_empty();
		cache.locale = loc;
		cache.epoch++;
	}
}

unsigned long i18n_epoch(void)
{
	cache_check();
	return cache.epoch;
}

const char *i18n_gettext(const char *msgid)
{
	if (!msgid)
		return gettext(msgid);
	cache_check();
	struct i18n_slot *s = slot_of(msgid);
	if (s->msgid)
		return s->text;
	const char *text = gettext(msgid);
	/* loading the catalogue on first use counts as a change: remember
	 * the counter after the call, so the next call does not empty the
	 * cache again */
	if (cache.counter != _nl_msg_cat_cntr || cache.used >= I18N_SLOTS / 4 * 3) {
		if (cache.counter != _nl_msg_cat_cntr)
			cache.epoch++;
		cache_empty();
		s = slot_of(msgid);
	}
	s->msgid = msgid;
	s->text = text;
	cache.used++;
	return text;
}
#else
const char *i18n_gettext(const char *msgid)
{
	return gettext(msgid);
}

/* Without glibc's counter a change cannot be seen: nothing rendered from
 * _() is kept (every call a new epoch). */
unsigned long i18n_epoch(void)
{
	static _Atomic unsigned long epoch;
	return ++epoch;
}
#endif
