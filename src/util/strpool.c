#include "util/strpool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "util/banned.h"

/* FNV-1a: short keys, no adversary that matters (a hostile file can only
 * make its own import slower). */
static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static void grow(struct strpool *p)
{
	size_t cap = p->cap ? p->cap * 2 : 64;
	char **slot = xcalloc(cap, sizeof(*slot));
	for (size_t i = 0; i < p->cap; i++) {
		if (!p->slot[i])
			continue;
		size_t j = hash(p->slot[i], strlen(p->slot[i])) & (cap - 1);
		while (slot[j])
			j = (j + 1) & (cap - 1);
		slot[j] = p->slot[i];
	}
	free(p->slot);
	p->slot = slot;
	p->cap = cap;
}

const char *strpool_intern(struct strpool *p, const char *s, size_t len)
{
	if ((p->nr + 1) * 2 > p->cap)
		grow(p);
	size_t j = hash(s, len) & (p->cap - 1);
	while (p->slot[j]) {
		if (!strncmp(p->slot[j], s, len) && p->slot[j][len] == '\0')
			return p->slot[j];
		j = (j + 1) & (p->cap - 1);
	}
	p->slot[j] = xstrndup(s, len);
	p->nr++;
	return p->slot[j];
}

void strpool_release(struct strpool *p)
{
	for (size_t i = 0; i < p->cap; i++)
		free(p->slot[i]);
	free(p->slot);
	memset(p, 0, sizeof(*p));
}
