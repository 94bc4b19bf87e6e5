/* libreport (private): axis ticks by the extended Wilkinson algorithm.
 *
 * Every numeric axis asks here where its ticks go. The search is the one of Talbot, Lin and
 * Hanrahan (InfoVis 2010) as R's labeling::extended runs it (and ggplot2 through
 * scales::breaks_extended), with the same nice numbers, weights, scores and pruning bounds,
 * so that a chart drawn here has the axis a reader of ggplot2 charts expects. The scores are
 * computed in doubles in R's order of operations, so that near ties are broken the same way;
 * the ticks themselves are built from integers and a power of ten, so that they are the
 * doubles nearest to short decimals (0.3, never 0.30000000000000004) and print as such.
 *
 * Where this departs from labeling::extended, and why:
 *  - "Zero is a label" (the simplicity bonus) is decided on integers, not with R's absolute
 *    epsilon on a floating remainder; the two agree except for steps below about 1e-14,
 *    where R's test calls every labeling a zero-labeling.
 *  - At most LR_TICKS_MAX ticks are considered, and a larger target is lowered to
 *    LR_TICKS_MAX (aiming at more ticks than may be returned would only make every
 *    labeling score badly); every loop has a cap, so that no input can hang the search.
 *  - A range that is empty or too narrow to write down (min == max, narrower than 1e-12
 *    of its magnitude, or than 1e-290) is widened to the span between zero and the value
 *    ([0, v] for v > 0, [v, 0] for v < 0), or to 0..1 when the value is 0 (or below 1e-290
 *    in magnitude). R returns m copies of the value instead. A bar or a constant line then
 *    gets an axis that starts at zero and reaches the value, as a spreadsheet draws it.
 *  - Data beyond 1e100 in magnitude, or spanning less than 1e-100, are searched after
 *    scaling by a power of ten, where R's squared distances would overflow or underflow.
 *  - integer_only keeps only labelings whose ticks are all integers (hence step >= 1).
 *  - When no labeling scores above R's floor of -2 (integer_only on a range narrower than
 *    one, say 0.2..0.3), the search is run again with no floor, on the range rounded out to
 *    whole numbers for integer_only, so that there is always an answer.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "ticks-private.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The nice numbers, in the order of preference that simplicity scores, and the same in
 * tenths so that the ticks can be built from integers (2.5 is the one non-integer). */
#define LR_TICKS_NQ 6
static const double lr_ticks_q[LR_TICKS_NQ] = { 1, 5, 2, 2.5, 4, 3 };
static const int lr_ticks_q_tenths[LR_TICKS_NQ] = { 10, 50, 20, 25, 40, 30 };

/* Weights of simplicity, coverage, density and legibility (legibility is always 1). */
#define LR_TICKS_W_SIMPLICITY 0.25
#define LR_TICKS_W_COVERAGE 0.2
#define LR_TICKS_W_DENSITY 0.5
#define LR_TICKS_W_LEGIBILITY 0.05

/* R's search stops by pruning alone; the floor of -2 ends the skip loop by j = 14 at the
 * latest, and the power of ten a few steps above the range. These caps only bind in the
 * floorless second pass or on inputs R could not handle, and guarantee termination. */
#define LR_TICKS_J_MAX 16
#define LR_TICKS_Z_STEPS 40

/* Tick indices (start + i * j) stay below this, so that R's double start is an exact
 * integer (below 2^53) and, times a tenth of a nice number (<= 50), fits int64_t. Ranges
 * at the degenerate limit reach about 1e14 at most. */
#define LR_TICKS_START_MAX 4e15

/* Narrower than this fraction of its magnitude, a range has no ticks worth writing: they
 * would need more than the 15 significant digits a double holds. */
#define LR_TICKS_DEGENERATE 1e-12

/* Below this, ticks would be subnormal doubles, too coarse to stay distinct: such ranges
 * are degenerate and such values are zero. */
#define LR_TICKS_TINY 1e-290

/* Outside these, R's (0.1 * range)^2 would overflow or underflow: search a scaled copy. */
#define LR_TICKS_SCALE_HIGH 1e100
#define LR_TICKS_SPAN_LOW 1e-100

/* The most decimals reported: finer ticks (below 1e-10) are for scientific notation, and
 * the caller is told only that ten are not enough. */
#define LR_TICKS_DECIMALS_MAX 10

typedef struct {
	double dmin, dmax;  /* the data, scaled by 10^-shift */
	int shift;          /* ticks in the scaled space are worth 10^shift times more */
	double limit;       /* largest |tick| in the scaled space that stays a finite double */
	int m;
	bool integer_only;
} lr_ticks_search_t;

typedef struct {
	bool found;
	double score;
	int j, qi, k, z;    /* ticks are (start + i * j) * q * 10^z, i in 0..k-1 */
	int64_t start;
} lr_ticks_best_t;

/* x * 10^e in two halves, so that neither factor overflows or underflows where the product
 * would not (10^-323 is not a normal double, 10^154 * 10^154 is fine). */
static double
lr_ticks_scale(double x, int e)
{
	int half = e / 2;

	return x * pow(10.0, half) * pow(10.0, e - half);
}

/* The double nearest to n * 10^e. strtod rounds correctly, which n * pow(10, e) does not
 * (3 * 0.1 is 0.30000000000000004); the string has no radix character, so the locale
 * cannot change how it reads. */
static double
lr_ticks_decimal(int64_t n, int e)
{
	char buffer[48];

	snprintf(buffer, sizeof buffer, "%" PRId64 "e%d", n, e);
	return strtod(buffer, NULL);
}

/* Decimals needed to write n * 10^e exactly. */
static int
lr_ticks_decimals_of(int64_t n, int e)
{
	int decimals = -e;

	if (n == 0)
		return 0;
	while (decimals > 0 && n % 10 == 0) {
		n /= 10;
		decimals--;
	}
	return decimals > 0 ? decimals : 0;
}

/* Whether every tick (start + i * j) * q_tenths * 10^e is an integer: with e < 0, 10^-e
 * must divide both the first tick and the step. */
static bool
lr_ticks_integral(int64_t start, int j, int q_tenths, int e)
{
	int64_t divisor = 1;

	if (e >= 0)
		return true;
	if (e < -18)
		return false; /* 10^-e exceeds any tick index we allow */
	for (int i = 0; i < -e; i++)
		divisor *= 10;
	return (start * q_tenths) % divisor == 0 && ((int64_t) j * q_tenths) % divisor == 0;
}

/* The scores, written as labeling::extended writes them (same operations, same order) so
 * that they round the same way. */
static double
lr_ticks_simplicity_max(int qi, int j)
{
	return 1.0 - (double) qi / (LR_TICKS_NQ - 1) - j + 1.0;
}

static double
lr_ticks_coverage(double dmin, double dmax, double lmin, double lmax)
{
	double range = 0.1 * (dmax - dmin);
	double high = dmax - lmax, low = dmin - lmin;

	return 1.0 - 0.5 * (high * high + low * low) / (range * range);
}

static double
lr_ticks_coverage_max(double dmin, double dmax, double span)
{
	double range = dmax - dmin;
	double half, tenth;

	if (span <= range)
		return 1.0;
	half = (span - range) / 2;
	tenth = 0.1 * range;
	return 1.0 - 0.5 * (half * half + half * half) / (tenth * tenth);
}

static double
lr_ticks_density(int k, int m, double dmin, double dmax, double lmin, double lmax)
{
	double r = (k - 1) / (lmax - lmin);
	double rt = (m - 1) / (fmax(lmax, dmax) - fmin(dmin, lmin));

	return 2.0 - fmax(r / rt, rt / r);
}

static double
lr_ticks_density_max(int k, int m)
{
	return k >= m ? 2.0 - (double) (k - 1) / (m - 1) : 1.0;
}

/* Scores the labelings with k ticks, step j * q * 10^z, starting at every multiple of
 * q * 10^z that keeps the data within reach (R's min_start..max_start), and keeps the best
 * one that beats best->score and that the caller's constraints allow. */
static void
lr_ticks_try_starts(const lr_ticks_search_t *s, int j, int qi, int k, int z, double step,
		    lr_ticks_best_t *best)
{
	/* R's .simplicity before its v term: the same expression as its upper bound, less 1 */
	double simplicity_base = 1.0 - (double) qi / (LR_TICKS_NQ - 1) - j;
	double min_start = floor(s->dmax / step) * j - (double) (k - 1) * j;
	double max_start = ceil(s->dmin / step) * j;

	if (fabs(min_start) > LR_TICKS_START_MAX
	    || fabs(max_start) + (double) (k - 1) * j > LR_TICKS_START_MAX)
		return;
	/* A fractional step rules out every start at once (start 0 tests the step alone);
	 * skipping them is only faster, as no rejected labeling moves the pruning bounds. */
	if (s->integer_only && !lr_ticks_integral(0, j, lr_ticks_q_tenths[qi], z - 1 + s->shift))
		return;
	for (int64_t start = (int64_t) min_start; start <= (int64_t) max_start; start++) {
		double lmin = (double) start * (step / j);
		double lmax = lmin + step * (k - 1);
		/* Zero is one of the ticks: the bonus R's v term gives. */
		bool zero = start % j == 0 && start <= 0 && start + (int64_t) (k - 1) * j >= 0;
		double simplicity = simplicity_base + (zero ? 1.0 : 0.0);
		double coverage = lr_ticks_coverage(s->dmin, s->dmax, lmin, lmax);
		double density = lr_ticks_density(k, s->m, s->dmin, s->dmax, lmin, lmax);
		double score = LR_TICKS_W_SIMPLICITY * simplicity + LR_TICKS_W_COVERAGE * coverage
			       + LR_TICKS_W_DENSITY * density + LR_TICKS_W_LEGIBILITY * 1.0;

		if (!(score > best->score))
			continue;
		if (fabs(lmin) > s->limit || fabs(lmax) > s->limit)
			continue;
		if (s->integer_only
		    && !lr_ticks_integral(start, j, lr_ticks_q_tenths[qi], z - 1 + s->shift))
			continue;
		*best = (lr_ticks_best_t) { true, score, j, qi, k, z, start };
	}
}

/* labeling::extended's nested search: skip j, nice number q, tick count k, power of ten z,
 * start. Each level stops once the best score it could still reach (simplicity, coverage
 * and density at their upper bounds) falls below the best found so far. @floor_score is
 * R's initial best score (-2), or -INFINITY to accept the best of whatever exists. */
static bool
lr_ticks_search(const lr_ticks_search_t *s, double floor_score, lr_ticks_best_t *best)
{
	const double w_s = LR_TICKS_W_SIMPLICITY, w_c = LR_TICKS_W_COVERAGE;
	const double w_d = LR_TICKS_W_DENSITY, w_l = LR_TICKS_W_LEGIBILITY;

	*best = (lr_ticks_best_t) { .found = false, .score = floor_score };
	for (int j = 1; j <= LR_TICKS_J_MAX; j++) {
		for (int qi = 0; qi < LR_TICKS_NQ; qi++) {
			double q = lr_ticks_q[qi];
			double sm = lr_ticks_simplicity_max(qi, j);

			/* Larger skips only simplify less: nothing further can win. */
			if (w_s * sm + w_c + w_d + w_l < best->score)
				return best->found;
			for (int k = 2; k <= LR_TICKS_MAX; k++) {
				double dm = lr_ticks_density_max(k, s->m);
				double delta;
				int z;

				if (w_s * sm + w_c + w_d * dm + w_l < best->score)
					break;
				delta = (s->dmax - s->dmin) / (k + 1) / j / q;
				z = (int) ceil(log10(delta));
				for (int zi = 0; zi < LR_TICKS_Z_STEPS; zi++, z++) {
					double step = j * q * pow(10.0, z);
					double cm = lr_ticks_coverage_max(s->dmin, s->dmax,
									  step * (k - 1));

					if (w_s * sm + w_c * cm + w_d * dm + w_l < best->score)
						break;
					lr_ticks_try_starts(s, j, qi, k, z, step, best);
				}
			}
		}
	}
	return best->found;
}

/* Prepares a search of [dmin, dmax] (dmin < dmax, not degenerate), scaling the data by a
 * power of ten when R's arithmetic would leave the range of doubles. */
static void
lr_ticks_setup(lr_ticks_search_t *s, double dmin, double dmax, int m, bool integer_only)
{
	double magnitude = fmax(fabs(dmin), fabs(dmax));

	s->shift = 0;
	s->limit = DBL_MAX;
	/* dmax - dmin itself overflows past DBL_MAX: test the magnitude first. */
	if (magnitude > LR_TICKS_SCALE_HIGH || dmax - dmin < LR_TICKS_SPAN_LOW) {
		s->shift = (int) floor(log10(magnitude));
		s->limit = lr_ticks_scale(DBL_MAX, -s->shift) * (1.0 - 1e-12);
		if (!isfinite(s->limit))
			s->limit = DBL_MAX;
	}
	s->dmin = lr_ticks_scale(dmin, -s->shift);
	s->dmax = lr_ticks_scale(dmax, -s->shift);
	s->m = m;
	s->integer_only = integer_only;
}

/* Writes the ticks of @best: integers times a power of ten, read back as the nearest
 * doubles, and the decimals that write them. */
static void
lr_ticks_fill(const lr_ticks_search_t *s, const lr_ticks_best_t *best, lr_ticks_t *ticks)
{
	int q_tenths = lr_ticks_q_tenths[best->qi];
	int e = best->z - 1 + s->shift;

	ticks->count = best->k;
	ticks->decimals = 0;
	for (int i = 0; i < best->k; i++) {
		int64_t n = (best->start + (int64_t) i * best->j) * q_tenths;
		int decimals = lr_ticks_decimals_of(n, e);

		ticks->values[i] = lr_ticks_decimal(n, e);
		if (decimals > ticks->decimals)
			ticks->decimals = decimals;
	}
	if (ticks->decimals > LR_TICKS_DECIMALS_MAX)
		ticks->decimals = LR_TICKS_DECIMALS_MAX;
	ticks->step = lr_ticks_decimal((int64_t) best->j * q_tenths, e);
	ticks->first = ticks->values[0];
	ticks->last = ticks->values[best->k - 1];
}

/* Decimals needed to write @value exactly in fixed notation, or the cap; only for the last
 * resort below, whose ticks are not built from decimals. Writing and reading back use the
 * same locale, so its radix character cancels out. */
static int
lr_ticks_decimals_of_double(double value)
{
	for (int decimals = 0; decimals < LR_TICKS_DECIMALS_MAX; decimals++) {
		char buffer[400];

		snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
		if (strtod(buffer, NULL) == value)
			return decimals;
	}
	return LR_TICKS_DECIMALS_MAX;
}

bool
lr_ticks_extended(double data_min, double data_max, int target_count, bool integer_only,
		  lr_ticks_t *ticks)
{
	lr_ticks_search_t s;
	lr_ticks_best_t best;
	double dmin = data_min, dmax = data_max;

	if (ticks == NULL || !isfinite(data_min) || !isfinite(data_max) || target_count < 2)
		return false;
	if (dmin > dmax) {
		dmin = data_max;
		dmax = data_min;
	}
	/* Nothing to divide: widen to zero..value (see the top of the file). dmax - dmin can
	 * overflow, to infinity, which is then no degenerate range. */
	if (dmax - dmin <= fmax(fabs(dmin), fabs(dmax)) * LR_TICKS_DEGENERATE
	    || dmax - dmin < LR_TICKS_TINY) {
		double value = dmin + (dmax - dmin) / 2;

		if (fabs(value) < LR_TICKS_TINY)
			value = 0.0;
		dmin = value < 0 ? value : 0.0;
		dmax = value > 0 ? value : (value < 0 ? 0.0 : 1.0);
	}

	if (target_count > LR_TICKS_MAX)
		target_count = LR_TICKS_MAX;
	lr_ticks_setup(&s, dmin, dmax, target_count, integer_only);
	if (lr_ticks_search(&s, -2.0, &best)) {
		lr_ticks_fill(&s, &best, ticks);
		return true;
	}

	/* Nothing beat R's floor. Whole-number ticks need a range of at least one: round it
	 * out, then take the best labeling there is. */
	if (integer_only) {
		dmin = floor(dmin);
		dmax = ceil(dmax);
	}
	lr_ticks_setup(&s, dmin, dmax, target_count, integer_only);
	if (lr_ticks_search(&s, -INFINITY, &best)) {
		lr_ticks_fill(&s, &best, ticks);
		return true;
	}

	/* Not reached by any input the tests try; kept so that the contract holds regardless. */
	ticks->count = 2;
	ticks->values[0] = ticks->first = dmin;
	ticks->values[1] = ticks->last = dmax;
	ticks->step = dmax - dmin;
	ticks->decimals = lr_ticks_decimals_of_double(dmin);
	if (lr_ticks_decimals_of_double(dmax) > ticks->decimals)
		ticks->decimals = lr_ticks_decimals_of_double(dmax);
	return true;
}
