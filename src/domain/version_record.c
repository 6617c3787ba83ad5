#include "domain/version_record.h"

#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

void strategy_versions_release(struct strategy_versions *l)
{
	for (size_t i = 0; i < l->nr; i++) {
		struct strategy_version_row *r = &l->v[i];
		free(r->effective);
		free(r->sha256);
		free(r->applied_at);
		free(r->applied_by);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

long strategy_version_in_force(const struct strategy_versions *l, const char *day)
{
	long best = -1;
	for (size_t i = 0; i < l->nr; i++) {
		const struct strategy_version_row *r = &l->v[i];
		if (strcmp(r->effective, day) > 0)
			continue;
		if (best < 0) {
			best = (long)i;
			continue;
		}
		const struct strategy_version_row *b = &l->v[best];
		int c = strcmp(r->effective, b->effective);
		if (c > 0 || (c == 0 && r->id > b->id))
			best = (long)i;
	}
	return best;
}
