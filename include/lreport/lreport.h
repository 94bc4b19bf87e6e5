/* libreport: publication-quality charts of indicator data, Vietnamese first.
 *
 * The one header to include: #include <lreport/lreport.h>
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LREPORT_H
#define LREPORT_H

#define LR_H_INSIDE

#include <lreport/lr-version.h>
#include <lreport/lr-common.h>
#include <lreport/lr-number.h>
#include <lreport/lr-dataset.h>
#include <lreport/lr-theme.h>
#include <lreport/lr-chart.h>
#include <lreport/lr-report.h>

#undef LR_H_INSIDE

#endif /* LREPORT_H */
