/* libreport benchmarks: the clock and the sort every benchmark uses.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT */
#ifndef LR_BENCH_UTIL_H
#define LR_BENCH_UTIL_H

#include <time.h>

/* Milliseconds on the monotonic clock. */
static inline double
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* For qsort() of doubles, ascending. */
static inline int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return x < y ? -1 : x > y;
}

#endif
