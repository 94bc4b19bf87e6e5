/* lreport (the CLI): what its command files share.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LREPORT_COMMANDS_H
#define LREPORT_COMMANDS_H

#include <lreport/lreport.h>

#define LREPORT_EXIT_DATA 1
#define LREPORT_EXIT_USAGE 2

/* Prints every error of @dataset as file:line:column: error: message (lreport.c). */
void lreport_print_dataset_errors(const lr_dataset_t *dataset);

/* `lreport report` (lreport-report.c). */
int lreport_command_report(int argc, char **argv, const char *default_data_dir);

/* Loads @spec with the dataset of @data_dir (NULL: the spec's own). NULL after printing the
 * dataset's errors. */
lr_report_t *lreport_load_report(const char *spec, const char *data_dir, lr_dataset_t **dataset);

/* Checks @spec (its own errors and a layout); prints errors or "SPEC: N pages: valid".
 * Returns an exit status. */
int lreport_validate_spec(const char *spec, const char *data_dir);

#endif
