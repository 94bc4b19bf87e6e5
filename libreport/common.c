/* libreport: status names, error records, version and the small helpers every module needs.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
	[LR_STATUS_IMMUTABLE] = "the object is shared and can no longer be changed",
	[LR_STATUS_MISSING_GLYPH] = "no bundled font can draw a character",
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

lr_status_t
lr_file_read(const char *path, char **contents, size_t *size, lr_error_record_t *error)
{
	struct stat st;
	GByteArray *bytes;
	guint8 buffer[65536];
	lr_status_t status = LR_STATUS_SUCCESS;
	/* Non-blocking: opening a FIFO with no writer must not wait for one. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

	*contents = NULL;
	*size = 0;
	if (fd < 0)
		return lr_error_record_set(error, errno == ENOENT ? LR_STATUS_FILE_NOT_FOUND
								  : LR_STATUS_READ_ERROR,
					   path, 0, 0, "cannot open '%s': %s", path, g_strerror(errno));
	if (fstat(fd, &st) != 0) {
		status = lr_error_record_set(error, LR_STATUS_READ_ERROR, path, 0, 0,
					     "cannot read '%s': %s", path, g_strerror(errno));
		close(fd);
		return status;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return lr_error_record_set(error, LR_STATUS_READ_ERROR, path, 0, 0,
					   "'%s' is not a regular file (it is a %s); expected a text file",
					   path, S_ISDIR(st.st_mode) ? "folder" : S_ISFIFO(st.st_mode) ? "FIFO"
					   : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "device" : "special file");
	}
	if ((unsigned long long) st.st_size > LR_FILE_SIZE_MAX) {
		close(fd);
		return lr_error_record_set(error, LR_STATUS_READ_ERROR, path, 0, 0,
					   "'%s' is %llu bytes, above the limit of %u MiB for an input file",
					   path, (unsigned long long) st.st_size, LR_FILE_SIZE_MAX >> 20);
	}
	bytes = g_byte_array_sized_new((guint) st.st_size + 1);
	for (;;) {
		ssize_t got = read(fd, buffer, sizeof buffer);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			status = lr_error_record_set(error, LR_STATUS_READ_ERROR, path, 0, 0,
						     "cannot read '%s': %s", path, g_strerror(errno));
			break;
		}
		if (got == 0)
			break;
		/* The file may grow while it is read: the limit holds for what is read. */
		if (bytes->len + (size_t) got > LR_FILE_SIZE_MAX) {
			status = lr_error_record_set(error, LR_STATUS_READ_ERROR, path, 0, 0,
						     "'%s' grew above the limit of %u MiB for an input file",
						     path, LR_FILE_SIZE_MAX >> 20);
			break;
		}
		g_byte_array_append(bytes, buffer, (guint) got);
	}
	close(fd);
	if (status != LR_STATUS_SUCCESS) {
		g_byte_array_unref(bytes);
		return status;
	}
	*size = bytes->len;
	g_byte_array_append(bytes, (const guint8 *) "", 1);
	*contents = (char *) g_byte_array_free(bytes, FALSE);
	return LR_STATUS_SUCCESS;
}

static void
error_record_free(gpointer data)
{
	lr_error_record_clear(data);
	g_free(data);
}

GPtrArray *
lr_error_list_new(void)
{
	return g_ptr_array_new_with_free_func(error_record_free);
}

bool
lr_error_list_add(GPtrArray *list, lr_error_record_t *record)
{
	if (list->len < LR_ERROR_COUNT_MAX) {
		g_ptr_array_add(list, record);
		return true;
	}
	if (list->len == LR_ERROR_COUNT_MAX) {
		lr_error_record_t *last = g_new0(lr_error_record_t, 1);
		lr_error_record_set(last, record->public.status, record->public.file,
				    record->public.line, record->public.column,
				    "too many errors: reading stopped here after %u; correct these "
				    "and read the file again", LR_ERROR_COUNT_MAX);
		g_ptr_array_add(list, last);
	}
	error_record_free(record);
	return false;
}

bool
lr_error_list_is_full(const GPtrArray *list)
{
	return list && list->len >= LR_ERROR_COUNT_MAX;
}

const lr_error_t *
lr_error_list_get(const GPtrArray *list, size_t index)
{
	if (!list || index >= list->len)
		return NULL;
	return &((const lr_error_record_t *) g_ptr_array_index(list, index))->public;
}

int
lr_name_index(const char *const *names, unsigned count, const char *text)
{
	for (unsigned i = 0; text && i < count; i++)
		if (strcmp(text, names[i]) == 0)
			return (int) i;
	return -1;
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

const char *
lr_language_to_string(lr_language_t language)
{
	switch (language) {
	case LR_LANGUAGE_VI:
		return "vi";
	case LR_LANGUAGE_EN:
		return "en";
	default:
		return "unknown";
	}
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

unsigned
lr_version(void)
{
	return LR_VERSION_ENCODE(LR_VERSION_MAJOR, LR_VERSION_MINOR, LR_VERSION_MICRO);
}
