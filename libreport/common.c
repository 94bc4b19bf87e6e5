/* libreport: status names, error records, version and the small helpers every module needs.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <string.h>

#include <lreport/lreport.h>

#include "common-private.h"

static const char *const status_names[LR_STATUS_LAST] = {
	[LR_STATUS_SUCCESS] = "success",
	[LR_STATUS_NO_MEMORY] = "out of memory",
	[LR_STATUS_NULL_POINTER] = "a required argument was NULL",
	[LR_STATUS_INVALID_ARGUMENT] = "invalid argument",
	[LR_STATUS_INVALID_UTF8] = "text is not valid UTF-8",
	[LR_STATUS_FILE_NOT_FOUND] = "file not found",
	[LR_STATUS_READ_ERROR] = "file could not be read",
	[LR_STATUS_WRITE_ERROR] = "file could not be written",
	[LR_STATUS_PARSE_ERROR] = "malformed input",
	[LR_STATUS_INVALID_DATA] = "invalid data",
	[LR_STATUS_UNKNOWN_INDICATOR] = "unknown indicator",
	[LR_STATUS_UNKNOWN_ENTITY] = "unknown entity",
	[LR_STATUS_NO_DATA] = "no data matches the request",
	[LR_STATUS_UNSUPPORTED] = "not supported by this kind of chart",
	[LR_STATUS_FONT_ERROR] = "the fonts could not be loaded",
	[LR_STATUS_CAIRO_ERROR] = "cairo error",
};

const char *
lr_status_to_string(lr_status_t status)
{
	if ((unsigned) status >= LR_STATUS_LAST)
		return "unknown status";
	return status_names[status];
}

lr_status_t
lr_error(lr_status_t status)
{
	return status;
}

lr_status_t
lr_error_record_set(lr_error_record_t *record, lr_status_t status, const char *file,
		    unsigned line, unsigned column, const char *format, ...)
{
	va_list args;
	char *formatted;

	if (!record)
		return lr_error(status);
	lr_error_record_clear(record);
	va_start(args, format);
	formatted = g_strdup_vprintf(format, args);
	va_end(args);
	/* lr_error_t promises UTF-8; quoted arguments (ids, file names) may not be. */
	record->message = g_utf8_make_valid(formatted, -1);
	g_free(formatted);
	record->file = g_strdup(file);
	record->public.status = lr_error(status);
	record->public.message = record->message;
	record->public.file = record->file;
	record->public.line = line;
	record->public.column = column;
	return status;
}

void
lr_error_record_clear(lr_error_record_t *record)
{
	g_free(record->message);
	g_free(record->file);
	memset(record, 0, sizeof *record);
}

char *
lr_utf8_normalize(const char *text, gssize length, gsize *bad_offset)
{
	const char *end;

	if (!g_utf8_validate(text, length, &end)) {
		if (bad_offset)
			*bad_offset = (gsize) (end - text);
		return NULL;
	}
	/* Precomposed and decomposed Vietnamese must compare, sort and shape alike. */
	return g_utf8_normalize(text, length, G_NORMALIZE_NFC);
}

lr_status_t
lr_language_from_string(const char *code, lr_language_t *language)
{
	if (!code || !language)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (g_ascii_strcasecmp(code, "vi") == 0)
		*language = LR_LANGUAGE_VI;
	else if (g_ascii_strcasecmp(code, "en") == 0)
		*language = LR_LANGUAGE_EN;
	else
		return lr_error(LR_STATUS_INVALID_ARGUMENT);
	return LR_STATUS_SUCCESS;
}

void
lr_free(void *pointer)
{
	g_free(pointer);
}

const char *
lr_version_string(void)
{
	return LR_VERSION_STRING;
}
