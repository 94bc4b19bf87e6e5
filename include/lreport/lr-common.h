/* libreport: common types shared by every public header.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#if !defined(LR_H_INSIDE) && !defined(LR_COMPILATION)
#error "Only <lreport/lreport.h> can be included directly."
#endif

#ifndef LR_COMMON_H
#define LR_COMMON_H

#include <stddef.h>

/**
 * LR_BEGIN_DECLS:
 *
 * Opens the headers' declarations: extern "C" { in C++, nothing in C.
 * Since: 0.1
 */
#ifdef __cplusplus
#define LR_BEGIN_DECLS extern "C" {
#define LR_END_DECLS }
#else
#define LR_BEGIN_DECLS
#define LR_END_DECLS
#endif
/**
 * LR_END_DECLS:
 *
 * Closes what LR_BEGIN_DECLS opened.
 * Since: 0.1
 */

/**
 * LR_EXTERN:
 *
 * Marks a function of the library's interface: exported from the shared library (every
 * other symbol is hidden), declared extern.
 * Since: 0.1
 */
#if defined(_WIN32)
#define LR_EXTERN __declspec(dllimport) extern
#elif defined(__GNUC__)
#define LR_EXTERN __attribute__((visibility("default"))) extern
#else
#define LR_EXTERN extern
#endif

LR_BEGIN_DECLS

/**
 * lr_status_t:
 *
 * The result of an operation. Values are only ever appended, never renumbered.
 * Charts keep the first error of their specification (a setter's bad argument, an unknown
 * indicator): later calls on such a chart do nothing and the status stays, so callers may
 * check once at the end. Errors of one draw, write or layout call are that call's: returned,
 * readable until the next call, but they do not stop the next call (see lr-chart.h).
 * Datasets keep the first error as their status too, but go on accepting rows and recording
 * every error, so that a file's problems can be listed all at once. lr_status_to_string()
 * names each value.
 *
 * Since: 0.1 (LR_STATUS_IMMUTABLE since 0.2, LR_STATUS_MISSING_GLYPH since 0.3)
 */
typedef enum {
	LR_STATUS_SUCCESS = 0,
	LR_STATUS_NO_MEMORY,        /* an allocation failed */
	LR_STATUS_NULL_POINTER,     /* a required argument was NULL */
	LR_STATUS_INVALID_ARGUMENT, /* an argument is out of range or malformed */
	LR_STATUS_INVALID_UTF8,     /* text is not valid UTF-8 */
	LR_STATUS_FILE_NOT_FOUND,   /* an input file does not exist */
	LR_STATUS_READ_ERROR,       /* an input file could not be read */
	LR_STATUS_WRITE_ERROR,      /* an output file could not be written (permission, disk full) */
	LR_STATUS_PARSE_ERROR,      /* an input file is not well formed (CSV syntax, header) */
	LR_STATUS_INVALID_DATA,     /* well formed input with a wrong value (range, kind, duplicate) */
	LR_STATUS_UNKNOWN_INDICATOR,/* an indicator id that the dataset does not have */
	LR_STATUS_UNKNOWN_ENTITY,   /* an entity that the dataset does not have for the indicators */
	LR_STATUS_NO_DATA,          /* the request selects no observation */
	LR_STATUS_UNSUPPORTED,      /* a request this kind of chart cannot draw */
	LR_STATUS_FONT_ERROR,       /* the bundled fonts could not be loaded */
	LR_STATUS_CAIRO_ERROR,      /* cairo reported an error on a surface or context */
	LR_STATUS_IMMUTABLE,        /* the object is shared read-only (a theme charts use) */
	LR_STATUS_MISSING_GLYPH,    /* a warning: no bundled font can draw a character (since 0.3) */
	LR_STATUS_LAST
} lr_status_t;

/**
 * lr_status_to_string:
 * @status: a status
 *
 * Returns: a short English description of @status, static, never NULL.
 * Since: 0.1
 */
LR_EXTERN const char *
lr_status_to_string(lr_status_t status);

/**
 * lr_error_t:
 * @status: what kind of error
 * @message: UTF-8 text saying what was wrong and what was expected
 * @file: the file the error is in, or NULL when it is not about a file
 * @line: 1-based line in @file, 0 when not known
 * @column: 1-based column in @file (in characters), 0 when not known
 *
 * @reserved: for fields of later versions; zero
 *
 * One error, as reported by loaders and objects. The strings are owned by the object that
 * returned the error and stay valid as that object's documentation says.
 *
 * Since: 0.1 (@reserved since 0.2)
 */
typedef struct {
	lr_status_t status;
	const char *message;
	const char *file;
	unsigned line;
	unsigned column;
	void *reserved[4];
} lr_error_t;

/**
 * lr_language_t:
 *
 * The language of labels, titles and number formats.
 *
 * Since: 0.1
 */
typedef enum {
	LR_LANGUAGE_VI = 0, /* Vietnamese: 27,7 · 4.543 · 16,5% · "tăng 15 bậc" */
	LR_LANGUAGE_EN      /* English: 27.7 · 4,543 · 16.5% · "up 15 places" */
} lr_language_t;

/**
 * lr_language_from_string:
 * @code: "vi" or "en" (case-insensitive)
 * @language: (out): where to store the language
 *
 * Returns: LR_STATUS_SUCCESS, or LR_STATUS_INVALID_ARGUMENT when @code is neither;
 * LR_STATUS_NULL_POINTER when an argument is NULL.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_language_from_string(const char *code, lr_language_t *language);

/**
 * lr_language_to_string:
 * @language: a language
 *
 * Returns: "vi" or "en", the code lr_language_from_string() reads; "unknown" for a value
 * that is neither (static, never NULL).
 * Since: 0.2
 */
LR_EXTERN const char *
lr_language_to_string(lr_language_t language);

/**
 * LR_FILE_SIZE_MAX:
 *
 * The largest input file libreport reads (dataset CSV files, chart lists): 256 MiB. Larger
 * files, and anything that is not a regular file (a FIFO, a device, a folder), are refused
 * with LR_STATUS_READ_ERROR and a message that says so, before anything is read.
 * Since: 0.2
 */
#define LR_FILE_SIZE_MAX (256u * 1024u * 1024u)

/**
 * LR_LABEL_LENGTH_MAX:
 *
 * The longest text, in bytes of UTF-8 as given, that libreport accepts for anything it may
 * draw as a label: in a dataset the id, names, units, pillar, entity, period, source and
 * source labels; through the API chart titles, subtitles, entities and highlights, and
 * report titles, headings and captions: 4096 bytes (about 3,000 Vietnamese letters, far more
 * than fits on a chart). Longer text is refused: with LR_STATUS_INVALID_DATA and the file,
 * line and column when read from a file, with LR_STATUS_INVALID_ARGUMENT and a message naming
 * the setter through the API. The bound keeps every layout far inside the 32-bit coordinates
 * of Pango (a 512 KB label overflowed them) and loading and drawing quick.
 * Since: 0.3
 */
#define LR_LABEL_LENGTH_MAX 4096u

/**
 * LR_ERROR_COUNT_MAX:
 *
 * The most errors a dataset, a chart list or a report spec records: 1000. Then one more
 * error, at the place reached, says that reading stopped there, and the rest of the input is
 * not read (nor checked). This bounds the memory and time that bad input can take: a file
 * of 256 MiB with a mistake on every line would otherwise hold about 100 million errors.
 * Since: 0.3
 */
#define LR_ERROR_COUNT_MAX 1000u

/**
 * LR_NOTE_LENGTH_MAX:
 *
 * The longest note or quote of a dataset (the `note` and `quote` columns), which are kept
 * and printed but never laid out on a chart: 1 MiB, in bytes of UTF-8 as given; longer ones
 * are refused like labels above LR_LABEL_LENGTH_MAX.
 * Since: 0.3
 */
#define LR_NOTE_LENGTH_MAX (1024u * 1024u)

/**
 * lr_free:
 * @pointer: memory that a libreport function returned and documented as the caller's to free
 *
 * Frees it. NULL is ignored.
 * Since: 0.1
 */
LR_EXTERN void
lr_free(void *pointer);

LR_END_DECLS

#endif /* LR_COMMON_H */
