/* libreport tests: axis ticks by the extended Wilkinson algorithm (ticks-private.h).
 *
 * The table holds what R's labeling::extended(dmin, dmax, m) returns, worked out with a
 * line-by-line port of its R source and checked by hand for a few rows; the
 * integer_only rows are the same search keeping only whole-number ticks, and the degenerate
 * rows follow this module's documented widening. Values are compared with ==: a tick must
 * be the double nearest to its decimal (0.55, not 0.5 + 0.05). A property test then runs a
 * few thousand pseudo-random ranges (fixed seed) through the invariants every axis relies on.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "test-main.h"
#include "ticks-private.h"

#include <check.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))

typedef struct {
	double dmin, dmax;
	int m;
	bool integer_only;
	int count;
	double values[LR_TICKS_MAX];
	double step;
	int decimals;
} ticks_case_t;

static const ticks_case_t ticks_cases[] = {
	/* labeling::extended(dmin, dmax, m) */
	{ 0, 27.7, 5, false, 4, { 0, 10, 20, 30 }, 10, 0 },
	{ 0, 100, 5, false, 5, { 0, 25, 50, 75, 100 }, 25, 0 },
	{ 0, 85, 5, false, 5, { 0, 20, 40, 60, 80 }, 20, 0 },
	{ -3, 7, 5, false, 5, { -2.5, 0, 2.5, 5, 7.5 }, 2.5, 1 },
	{ 0.48, 0.75, 5, false, 6, { 0.5, 0.55, 0.6, 0.65, 0.7, 0.75 }, 0.05, 2 },
	{ 1, 193, 5, false, 5, { 0, 50, 100, 150, 200 }, 50, 0 },
	{ 0, 4543, 5, false, 5, { 0, 1000, 2000, 3000, 4000 }, 1000, 0 },
	{ 0, 0.012, 5, false, 5, { 0, 0.003, 0.006, 0.009, 0.012 }, 0.003, 3 },
	{ -10, -2, 5, false, 5, { -10, -8, -6, -4, -2 }, 2, 0 },
	{ 0, 1e9, 5, false, 5, { 0, 2.5e8, 5e8, 7.5e8, 1e9 }, 2.5e8, 0 },
	{ 0, 1e-6, 5, false, 5, { 0, 2.5e-7, 5e-7, 7.5e-7, 1e-6 }, 2.5e-7, 8 },
	{ 0, 1, 5, false, 5, { 0, 0.25, 0.5, 0.75, 1 }, 0.25, 2 },
	{ -1, 1, 5, false, 5, { -1, -0.5, 0, 0.5, 1 }, 0.5, 1 },
	{ 0, 5, 5, false, 6, { 0, 1, 2, 3, 4, 5 }, 1, 0 },
	{ 0, 7, 5, false, 5, { 0, 2, 4, 6, 8 }, 2, 0 },
	{ 17, 25, 5, false, 5, { 17, 19, 21, 23, 25 }, 2, 0 }, /* skip j = 2 */
	{ 44, 48, 5, false, 5, { 44, 45, 46, 47, 48 }, 1, 0 },
	{ 8.1, 14.1, 4, false, 4, { 8, 10, 12, 14 }, 2, 0 }, /* the example in R's manual */
	{ 0.1, 0.9, 5, false, 5, { 0, 0.25, 0.5, 0.75, 1 }, 0.25, 2 },
	{ -0.35, 0.35, 5, false, 5, { -0.4, -0.2, 0, 0.2, 0.4 }, 0.2, 1 },
	{ 2010, 2024, 5, false, 4, { 2010, 2015, 2020, 2025 }, 5, 0 },
	{ 0, 27.7, 3, false, 4, { 0, 10, 20, 30 }, 10, 0 },
	{ 0, 27.7, 8, false, 8, { 0, 4, 8, 12, 16, 20, 24, 28 }, 4, 0 },
	{ -7, 0, 5, false, 5, { -8, -6, -4, -2, 0 }, 2, 0 },
	{ 123.4, 123.9, 5, false, 6, { 123.4, 123.5, 123.6, 123.7, 123.8, 123.9 }, 0.1, 1 },
	{ 27.7, 0, 5, false, 4, { 0, 10, 20, 30 }, 10, 0 }, /* reversed bounds */
	{ -0.0037, 0.0121, 5, false, 5, { -0.004, 0, 0.004, 0.008, 0.012 }, 0.004, 3 },
	{ 1e12, 1e12 + 7, 5, false, 5, { 1e12, 1e12 + 2, 1e12 + 4, 1e12 + 6, 1e12 + 8 }, 2, 0 },
	/* 13 decimals needed: reported as the cap of 10 */
	{ 0, 1e-12, 5, false, 5, { 0, 2.5e-13, 5e-13, 7.5e-13, 1e-12 }, 2.5e-13, 10 },

	/* the same search, whole-number ticks only */
	{ 1, 193, 5, true, 5, { 0, 50, 100, 150, 200 }, 50, 0 },
	{ 17, 25, 5, true, 5, { 17, 19, 21, 23, 25 }, 2, 0 },
	{ 44, 48, 5, true, 5, { 44, 45, 46, 47, 48 }, 1, 0 },
	{ -3, 7, 5, true, 5, { -2, 0, 2, 4, 6 }, 2, 0 },
	{ 0, 1, 5, true, 2, { 0, 1 }, 1, 0 },
	{ 0, 10, 5, true, 6, { 0, 2, 4, 6, 8, 10 }, 2, 0 },
	{ 1, 3, 5, true, 3, { 1, 2, 3 }, 1, 0 },
	{ 0, 4543, 5, true, 5, { 0, 1000, 2000, 3000, 4000 }, 1000, 0 },
	/* nothing whole scores above R's floor: rounded out to 0..1 */
	{ 0.48, 0.75, 5, true, 2, { 0, 1 }, 1, 0 },

	/* degenerate ranges: widened to 0..value, or 0..1 for 0 */
	{ 5, 5, 5, false, 6, { 0, 1, 2, 3, 4, 5 }, 1, 0 },
	{ 0, 0, 5, false, 5, { 0, 0.25, 0.5, 0.75, 1 }, 0.25, 2 },
	{ -7, -7, 5, false, 5, { -8, -6, -4, -2, 0 }, 2, 0 },
	{ 0.3, 0.3, 5, true, 2, { 0, 1 }, 1, 0 },
	{ 1e6, 1e6 + 1e-7, 5, false, 5, { 0, 2.5e5, 5e5, 7.5e5, 1e6 }, 2.5e5, 0 }, /* 1e-13 of it */
};

START_TEST(test_ticks_table)
{
	const ticks_case_t *c = &ticks_cases[_i];
	lr_ticks_t t;

	ck_assert_msg(lr_ticks_extended(c->dmin, c->dmax, c->m, c->integer_only, &t),
		      "row %d: (%g, %g) refused", _i, c->dmin, c->dmax);
	ck_assert_msg(t.count == c->count, "row %d: (%g, %g, m=%d%s): %d ticks, expected %d", _i,
		      c->dmin, c->dmax, c->m, c->integer_only ? ", integer" : "", t.count,
		      c->count);
	for (int i = 0; i < c->count; i++)
		ck_assert_msg(t.values[i] == c->values[i],
			      "row %d: tick %d is %.17g, expected %.17g", _i, i, t.values[i],
			      c->values[i]);
	ck_assert_msg(t.step == c->step, "row %d: step %.17g, expected %.17g", _i, t.step,
		      c->step);
	ck_assert_msg(t.first == c->values[0] && t.last == c->values[c->count - 1],
		      "row %d: first/last %.17g/%.17g", _i, t.first, t.last);
	ck_assert_msg(t.decimals == c->decimals, "row %d: %d decimals, expected %d", _i,
		      t.decimals, c->decimals);
}
END_TEST

START_TEST(test_ticks_refuses)
{
	lr_ticks_t t;

	ck_assert(!lr_ticks_extended(NAN, 1, 5, false, &t));
	ck_assert(!lr_ticks_extended(0, NAN, 5, false, &t));
	ck_assert(!lr_ticks_extended(-INFINITY, 1, 5, false, &t));
	ck_assert(!lr_ticks_extended(0, INFINITY, 5, true, &t));
	ck_assert(!lr_ticks_extended(0, 1, 1, false, &t));
	ck_assert(!lr_ticks_extended(0, 1, 0, false, &t));
	ck_assert(!lr_ticks_extended(0, 1, -5, false, &t));
	ck_assert(!lr_ticks_extended(0, 1, 5, false, NULL));
}
END_TEST

/* The invariants every caller relies on. @lo..@hi is the data, after any widening. */
static void
check_invariants(const lr_ticks_t *t, double lo, double hi, bool integer_only, const char *what)
{
	double scale;

	ck_assert_msg(t->count >= 2 && t->count <= LR_TICKS_MAX, "%s: %d ticks", what, t->count);
	ck_assert_msg(t->step > 0 && isfinite(t->step), "%s: step %g", what, t->step);
	ck_assert_msg(t->first == t->values[0] && t->last == t->values[t->count - 1],
		      "%s: first/last", what);
	ck_assert_msg(t->decimals >= 0 && t->decimals <= 10, "%s: %d decimals", what, t->decimals);
	/* overlaps the data */
	ck_assert_msg(t->first <= hi && t->last >= lo, "%s: ticks %.17g..%.17g miss the data",
		      what, t->first, t->last);

	scale = fmax(fmax(fabs(t->first), fabs(t->last)), t->step);
	for (int i = 0; i < t->count; i++) {
		double v = t->values[i];

		ck_assert_msg(isfinite(v), "%s: tick %d not finite", what, i);
		if (i > 0)
			ck_assert_msg(v > t->values[i - 1], "%s: tick %d not ascending", what, i);
		/* equally spaced, by step */
		ck_assert_msg(fabs(v - (t->first + i * t->step)) <= scale * 1e-12,
			      "%s: tick %d is %.17g, step %.17g from %.17g", what, i, v, t->step,
			      t->first);
		if (integer_only)
			ck_assert_msg(v == floor(v), "%s: tick %.17g not whole", what, v);
	}
	if (integer_only)
		ck_assert_msg(t->step >= 1 && t->step == floor(t->step), "%s: step %.17g", what,
			      t->step);

	/* decimals: enough to write every tick exactly, and no fewer would do */
	if (t->decimals < 10) {
		bool one_fewer_fails = t->decimals == 0;

		for (int i = 0; i < t->count; i++) {
			char buffer[400];

			snprintf(buffer, sizeof buffer, "%.*f", t->decimals, t->values[i]);
			ck_assert_msg(strtod(buffer, NULL) == t->values[i],
				      "%s: %.17g is not %s (%d decimals)", what, t->values[i],
				      buffer, t->decimals);
			if (t->decimals > 0) {
				snprintf(buffer, sizeof buffer, "%.*f", t->decimals - 1,
					 t->values[i]);
				if (strtod(buffer, NULL) != t->values[i])
					one_fewer_fails = true;
			}
		}
		ck_assert_msg(one_fewer_fails, "%s: %d decimals, fewer would do", what,
			      t->decimals);
	}
}

/* xorshift64*: the same sequence on every platform, unlike rand(). */
static uint64_t
next_random(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 2685821657736338717ULL;
}

static double
uniform(uint64_t *state, double lo, double hi)
{
	return lo + (hi - lo) * ((double) (next_random(state) >> 11) / 9007199254740992.0);
}

#define PROPERTY_RUNS 4000

START_TEST(test_ticks_properties)
{
	uint64_t state = 0x1234abcd5678ef01ULL;
	clock_t started = clock();
	double seconds;

	for (int run = 0; run < PROPERTY_RUNS; run++) {
		int kind = (int) (next_random(&state) % 4);
		double e = uniform(&state, -9, 12);
		int m = 2 + (int) (next_random(&state) % 11);
		bool integer_only = next_random(&state) % 3 == 0;
		double a, b;
		char what[160];
		lr_ticks_t t;

		if (kind == 0) { /* counts and ranks */
			a = floor(uniform(&state, -50, 300));
			b = a + floor(uniform(&state, 0, 400));
		} else if (kind == 1) { /* from zero, as bars */
			a = 0;
			b = uniform(&state, 0.01, 10) * pow(10, e);
		} else { /* anywhere, narrow or wide */
			a = uniform(&state, -1, 1) * pow(10, e);
			b = a + uniform(&state, 0.001, 3) * pow(10, e + uniform(&state, -4, 1));
		}
		snprintf(what, sizeof what, "run %d: (%.17g, %.17g, m=%d%s)", run, a, b, m,
			 integer_only ? ", integer" : "");
		ck_assert_msg(lr_ticks_extended(a, b, m, integer_only, &t), "%s refused", what);
		if (a == b) /* widened to 0..value, or 0..1 */
			check_invariants(&t, fmin(a, 0), a == 0 ? 1 : fmax(a, 0), integer_only,
					 what);
		else
			check_invariants(&t, a, b, integer_only, what);
	}
	/* A chart calls this once per axis, but a dashboard has many: each call must stay
	 * within a couple of milliseconds, even under the sanitizers. */
	seconds = (double) (clock() - started) / CLOCKS_PER_SEC;
	ck_assert_msg(seconds / PROPERTY_RUNS < 2e-3, "%.3f s for %d ranges", seconds,
		      PROPERTY_RUNS);
}
END_TEST

static void
check_extreme(double a, double b, int m, bool integer_only)
{
	char what[160];
	lr_ticks_t t;

	snprintf(what, sizeof what, "(%.17g, %.17g, m=%d%s)", a, b, m,
		 integer_only ? ", integer" : "");
	ck_assert_msg(lr_ticks_extended(a, b, m, integer_only, &t), "%s refused", what);
	ck_assert_msg(t.count >= 2 && t.count <= LR_TICKS_MAX, "%s: %d ticks", what, t.count);
	ck_assert_msg(t.step > 0 && isfinite(t.step), "%s: step %g", what, t.step);
	for (int i = 0; i < t.count; i++) {
		ck_assert_msg(isfinite(t.values[i]), "%s: tick %d", what, i);
		if (i > 0)
			ck_assert_msg(t.values[i] > t.values[i - 1], "%s: tick %d not ascending",
				      what, i);
		if (integer_only)
			ck_assert_msg(t.values[i] == floor(t.values[i]), "%s: tick %.17g", what,
				      t.values[i]);
	}
}

/* Inputs at the edges of doubles still give finite, ordered, nice ticks. */
START_TEST(test_ticks_extremes)
{
	static const struct {
		double dmin, dmax;
	} ranges[] = {
		{ -DBL_MAX, DBL_MAX }, { 0, DBL_MAX }, { DBL_MAX * 0.9, DBL_MAX },
		{ -DBL_MAX, -DBL_MAX * 0.5 }, { 1e200, 3e200 }, { 0, 1e-200 },
		{ -1e-250, 1e-250 }, { 1e-280, 5e-280 }, { 0, DBL_TRUE_MIN }, { DBL_MIN, DBL_MIN },
		{ -0.0, 0.0 }, { 1e15, 1e15 + 2 }, { 1e15, 1e15 + 0.125 }, { 1, 1 + 1e-12 },
		{ -DBL_MAX, -DBL_MAX }, { 4e18, 4e18 + 2048 }, { 0.1, 0.1 + 1e-9 },
		/* just wider than the degenerate limit, 1e-12 of the magnitude */
		{ 1, 1 + 3e-12 }, { 1e3, 1e3 + 2e-9 }, { -123456.789, -123456.7889998 },
	};

	for (int r = 0; r < N_ELEMENTS(ranges); r++)
		for (int m = 2; m <= 40; m += 19) {
			check_extreme(ranges[r].dmin, ranges[r].dmax, m, false);
			check_extreme(ranges[r].dmin, ranges[r].dmax, m, true);
		}
}
END_TEST

/* A target beyond LR_TICKS_MAX gets as many ticks as fit, never more. */
START_TEST(test_ticks_many)
{
	lr_ticks_t t;

	ck_assert(lr_ticks_extended(0, 1, 1000, false, &t));
	ck_assert_int_le(t.count, LR_TICKS_MAX);
	ck_assert_int_ge(t.count, 20);
	ck_assert(lr_ticks_extended(0, 100, 30, false, &t));
	ck_assert_int_le(t.count, LR_TICKS_MAX);
	ck_assert(lr_ticks_extended(0, 1, 1000, true, &t));
	ck_assert_int_le(t.count, LR_TICKS_MAX);
	ck_assert(t.first <= 0 && t.last >= 1);
	ck_assert(lr_ticks_extended(0, 1, 2, false, &t));
	ck_assert_int_ge(t.count, 2);
}
END_TEST

static Suite *
ticks_suite(void)
{
	Suite *s = suite_create("ticks");
	TCase *tc = tcase_create("extended");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_ticks_table, 0, N_ELEMENTS(ticks_cases));
	tcase_add_test(tc, test_ticks_refuses);
	tcase_add_test(tc, test_ticks_properties);
	tcase_add_test(tc, test_ticks_extremes);
	tcase_add_test(tc, test_ticks_many);
	suite_add_tcase(s, tc);
	return s;
}

const lr_test_program_t lr_test_program = { ticks_suite, NULL, NULL };
