/* libreport (private): how charts write their figures, built on the public formatters so a
 * chart's numbers follow the same rules as lr_format_number()'s.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_NUMBER_PRIVATE_H
#define LR_NUMBER_PRIVATE_H

#include <stdbool.h>
#include <lreport/lreport.h>

/* @value with @decimals digits kept (labels of one chart share their decimals: "8,0" beside
 * "2,9"), and with @with_unit its @unit ("%" is written as a percent sign). Never NULL (g_free). */
char *lr_format_figure(double value, lr_language_t language, const char *unit, int decimals,
		       bool with_unit);

/* An observation as its label: "71/193" for a rank (@rank), "27,7–28" for a range, else
 * lr_format_figure() with the unit only when it is "%". Never NULL (g_free). */
char *lr_format_observation_figure(const lr_observation_t *observation, lr_language_t language,
				   const char *unit, bool rank, int decimals);

/* An axis tick: no unit (the subtitle states it once), @decimals kept. Never NULL (g_free). */
char *lr_format_tick(double value, lr_language_t language, int decimals);

#endif
