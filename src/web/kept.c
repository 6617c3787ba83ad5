#include "web/kept.h"

#include <pthread.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/banned.h"

struct kept {
	const struct service *svc;
	unsigned long org_gen, i18n;
	bool made;
	struct html html;
};

static pthread_key_t kept_key;
static pthread_once_t kept_once = PTHREAD_ONCE_INIT;

static void kept_free(void *p)
{
	struct kept *k = p;
	for (int i = 0; i < KEPT__COUNT; i++)
		html_release(&k[i].html);
	free(k);
}

static void kept_init(void)
{
	if (pthread_key_create(&kept_key, kept_free) != 0)
		abort();
}

const struct html *web_kept(struct service *svc, enum kept_slot slot, const struct org *op,
			    void (*make)(struct html *out, const struct org *op))
{
	pthread_once(&kept_once, kept_init);
	struct kept *all = pthread_getspecific(kept_key);
	if (!all) {
		all = xcalloc(KEPT__COUNT, sizeof(*all));
		for (int i = 0; i < KEPT__COUNT; i++)
			html_init(&all[i].html);
		if (pthread_setspecific(kept_key, all) != 0)
			abort();
	}
	struct kept *k = &all[slot];
	unsigned long gen = svc_org_generation(svc), epoch = i18n_epoch();
	if (!k->made || k->svc != svc || k->org_gen != gen || k->i18n != epoch) {
		html_release(&k->html);
		html_init(&k->html);
		make(&k->html, op);
		k->svc = svc;
		k->org_gen = gen;
		k->i18n = epoch;
		k->made = true;
	}
	return &k->html;
}
