/* suppress.h - small-cell suppression with secondary suppression.
 *
 * Published aggregates hide every count below a threshold. Hiding only
 * those is not enough when the reader also sees a sum: a row of a table
 * with one hidden cell and a shown total gives the hidden cell away by
 * subtraction. Secondary suppression hides one more cell in each such
 * row or column.
 *
 * The input is a list of counts and a list of "sums": sets of cells of
 * which one (the total) is the sum of the others, e.g. a table's row with
 * its row total, or the districts of a key with the whole municipality's
 * figure. A cell may be in many sums. The rule, applied until nothing
 * changes: a sum with exactly one hidden cell gets a second one, the
 * smallest shown cell of the sum (the total only when no other cell is
 * left, and on a tie the first). Then no sum has exactly one unknown, so
 * no hidden cell follows from a single sum by subtraction. (Combinations
 * of several sums can still narrow a hidden value to a range; that is the
 * usual accepted limit of this method for published tables.)
 *
 * Pure: no I/O, no allocation beyond the caller's arrays except a
 * scratch copy.
 */
#ifndef SSP_SUPPRESS_H
#define SSP_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

struct supp_sum {
	const size_t *cells; /* indexes into the counts */
	size_t n;
	size_t total; /* index of the cell that is the sum of the others */
};

/* Sets hidden[i] for every count below threshold, then applies the rule
 * above over sums[0..nsums). hidden has n elements (overwritten). Cells
 * already hidden by the caller stay hidden only if below threshold: the
 * caller passes no other state. Returns the number of hidden cells. */
size_t suppress_apply(const long *counts, size_t n, long threshold, const struct supp_sum *sums,
		      size_t nsums, bool *hidden);

/* A table of rows x cols counts in row-major order whose last row holds
 * the column totals and whose last column the row totals (the bottom
 * right cell the grand total). Every row and column is a sum. hidden has
 * rows * cols elements. Returns the number of hidden cells. */
size_t suppress_table(const long *counts, size_t rows, size_t cols, long threshold, bool *hidden);

#endif
