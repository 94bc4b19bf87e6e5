/* libreport (private): axis tick selection by the extended Wilkinson algorithm.
 *
 * Talbot, Lin and Hanrahan, "An Extension of Wilkinson's Algorithm for Positioning Tick
 * Labels on Axes", IEEE InfoVis 2010; the same search as R's labeling::extended, which
 * ggplot2's scales::breaks_extended uses.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_TICKS_PRIVATE_H
#define LR_TICKS_PRIVATE_H

#include <stdbool.h>

#define LR_TICKS_MAX 32

typedef struct {
	int count;                   /* number of ticks, 2..LR_TICKS_MAX */
	double first, last, step;    /* first and last tick, spacing */
	double values[LR_TICKS_MAX]; /* the ticks, ascending, exact multiples of step (no 0.30000000000000004) */
	int decimals;                /* fewest decimals that write every tick exactly (0 for 0, 5, 10; 1 for 2.5) */
} lr_ticks_t;

/* Picks about @target_count nice ticks for data spanning [@data_min, @data_max] (a target
 * above LR_TICKS_MAX is lowered to it). @integer_only keeps only whole steps and ticks (ranks,
 * counts of places). Equal or nearly equal bounds are widened to [0, v] (or [v, 0], or [0, 1]
 * for 0). Ticks need not cover the data (as in the paper, coverage is scored, not forced);
 * callers extend the axis to whichever reaches further. `decimals` is capped at 10. Returns
 * false only for non-finite input, @target_count < 2 or a NULL @ticks. */
bool lr_ticks_extended(double data_min, double data_max, int target_count, bool integer_only,
		       lr_ticks_t *ticks);

#endif
