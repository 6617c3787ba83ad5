#include "domain/suppress.h"

#include <stdlib.h>

#include "util/xalloc.h"
#include "util/banned.h"

/* A sum with exactly one hidden cell: hide the smallest other cell that
 * is shown, preferring a part over the total. Returns true when it hid
 * one. */
static bool fix_sum(const long *counts, const struct supp_sum *s, bool *hidden)
{
	size_t nh = 0;
	for (size_t k = 0; k < s->n; k++)
		nh += hidden[s->cells[k]];
	if (nh != 1 || s->n < 2)
		return false;
	size_t best = (size_t)-1;
	for (size_t k = 0; k < s->n; k++) {
		size_t c = s->cells[k];
		if (hidden[c] || c == s->total)
			continue;
		if (best == (size_t)-1 || counts[c] < counts[best])
			best = c;
	}
	if (best == (size_t)-1)
		best = s->total; /* the only shown cell left */
	if (hidden[best])
		return false;
	hidden[best] = true;
	return true;
}

size_t suppress_apply(const long *counts, size_t n, long threshold, const struct supp_sum *sums,
		      size_t nsums, bool *hidden)
{
	for (size_t i = 0; i < n; i++)
		hidden[i] = counts[i] < threshold;
	/* Each pass hides at least one more cell or ends: at most n passes. */
	bool changed = true;
	while (changed) {
		changed = false;
		for (size_t j = 0; j < nsums; j++)
			changed |= fix_sum(counts, &sums[j], hidden);
	}
	size_t nr = 0;
	for (size_t i = 0; i < n; i++)
		nr += hidden[i];
	return nr;
}

size_t suppress_table(const long *counts, size_t rows, size_t cols, long threshold, bool *hidden)
{
	if (!rows || !cols)
		return 0;
	size_t nsums = rows + cols;
	struct supp_sum *sums = xcalloc(nsums, sizeof(*sums));
	size_t *cells = xcalloc(2 * rows * cols, sizeof(*cells));
	size_t *p = cells;
	for (size_t r = 0; r < rows; r++) {
		sums[r] = (struct supp_sum){p, cols, r * cols + cols - 1};
		for (size_t c = 0; c < cols; c++)
			*p++ = r * cols + c;
	}
	for (size_t c = 0; c < cols; c++) {
		sums[rows + c] = (struct supp_sum){p, rows, (rows - 1) * cols + c};
		for (size_t r = 0; r < rows; r++)
			*p++ = r * cols + c;
	}
	size_t nr = suppress_apply(counts, rows * cols, threshold, sums, nsums, hidden);
	free(sums);
	free(cells);
	return nr;
}
