/* libreport (private): what every module shares: the error record and the one place every
 * error passes through.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_COMMON_PRIVATE_H
#define LR_COMMON_PRIVATE_H

#include <glib.h>
#include <stdbool.h>
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

/* A list of errors in the order met: lr_error_record_t *, owned by the list. */
GPtrArray *
lr_error_list_new(void);

/* Adds @record (allocated with g_new0, filled) to @list and returns true; or, when @list
 * already holds LR_ERROR_COUNT_MAX errors, frees it and returns false, having added, the
 * first time, an error at @record's place saying that reading stops there. */
bool
lr_error_list_add(GPtrArray *list, lr_error_record_t *record);

/* Whether @list has reached LR_ERROR_COUNT_MAX: readers stop reading. */
bool
lr_error_list_is_full(const GPtrArray *list);

/* The @index-th error's public view, or NULL when @list is NULL or @index out of range. */
const lr_error_t *
lr_error_list_get(const GPtrArray *list, size_t index);

/* The position of @text in @names (exact match), or -1 (also for a NULL @text). */
int
lr_name_index(const char *const *names, unsigned count, const char *text);

/* Defines the public pair lr_NAME_from_string() / lr_NAME_to_string() of an enumeration
 * whose values 0, 1, … are spelled by the array @names, as the headers document them. */
#define LR_DEFINE_ENUM_NAMES(name, type, names)                                              \
	lr_status_t lr_##name##_from_string(const char *text, type *value)                   \
	{                                                                                    \
		int index_;                                                                  \
		if (!text || !value)                                                         \
			return lr_error(LR_STATUS_NULL_POINTER);                             \
		index_ = lr_name_index(names, G_N_ELEMENTS(names), text);                    \
		if (index_ < 0)                                                              \
			return lr_error(LR_STATUS_INVALID_ARGUMENT);                         \
		*value = (type) index_;                                                      \
		return LR_STATUS_SUCCESS;                                                    \
	}                                                                                    \
	const char *lr_##name##_to_string(type value)                                        \
	{                                                                                    \
		return (unsigned) value < G_N_ELEMENTS(names) ? names[value] : "unknown";    \
	}

/* Reads the whole of @path into *@contents (NUL-terminated, g_free it) and *@size. Refuses,
 * before reading, what is not a regular file (a FIFO would block, a device never end) and
 * files above LR_FILE_SIZE_MAX bytes. On failure fills @error (file = @path) and returns
 * LR_STATUS_FILE_NOT_FOUND or LR_STATUS_READ_ERROR. */
lr_status_t
lr_file_read(const char *path, char **contents, size_t *size, lr_error_record_t *error);

/* (normalize.c) Validates @text as UTF-8 and returns its NFC form (g_free it), in time
 * linear in the text, or NULL when it is not valid; then *@bad_offset, if given, is the byte offset of the first bad byte. */
char *
lr_utf8_normalize(const char *text, gssize length, gsize *bad_offset);

#endif
