/* libreport (private): what every module shares: the error record and the one place every
 * error passes through.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_COMMON_PRIVATE_H
#define LR_COMMON_PRIVATE_H

#include <glib.h>
#include <lreport/lr-common.h>

/* An error that owns its strings; lr_error_t is its public, borrowed view. */
typedef struct {
	lr_error_t public;
	char *message;
	char *file;
} lr_error_record_t;

/* Every error passes through here: one breakpoint catches them all. Returns @status. */
lr_status_t
lr_error(lr_status_t status);

/* Fills @record (zeroed, or holding an earlier error it replaces) with a formatted message;
 * a NULL @record is allowed. Returns @status, through lr_error(). */
lr_status_t
lr_error_record_set(lr_error_record_t *record, lr_status_t status, const char *file,
		    unsigned line, unsigned column, const char *format, ...) G_GNUC_PRINTF(6, 7);

void
lr_error_record_clear(lr_error_record_t *record);

/* Validates @text as UTF-8 and returns its NFC form (g_free it), or NULL when it is not
 * valid; then *@bad_offset, if given, is the byte offset of the first bad byte. */
char *
lr_utf8_normalize(const char *text, gssize length, gsize *bad_offset);

#endif
