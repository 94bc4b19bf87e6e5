/* libreport: locale-independent number formatting in Vietnamese and English.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#if !defined(LR_H_INSIDE) && !defined(LR_COMPILATION)
#error "Only <lreport/lreport.h> can be included directly."
#endif

#ifndef LR_NUMBER_H
#define LR_NUMBER_H

#include <lreport/lr-common.h>

LR_BEGIN_DECLS

/**
 * lr_number_flags_t:
 * @LR_NUMBER_GROUPING: separate thousands (vi "4.543", en "4,543"); numbers below 1000
 *   never get a separator
 * @LR_NUMBER_PERCENT: the value is a percentage: "16,5%" (vi), "16.5%" (en); the unit is
 *   then ignored
 * @LR_NUMBER_EXPLICIT_SIGN: write "+" before positive numbers ("+3,2%"), for changes
 * @LR_NUMBER_TRIM_ZEROS: drop trailing zeros of the fraction and a bare separator
 *   ("28,0" → "28", "27,70" → "27,7")
 *
 * Negative numbers always use U+2212 MINUS SIGN, never a hyphen.
 *
 * Since: 0.1
 */
typedef enum {
	LR_NUMBER_GROUPING = 1 << 0,
	LR_NUMBER_PERCENT = 1 << 1,
	LR_NUMBER_EXPLICIT_SIGN = 1 << 2,
	LR_NUMBER_TRIM_ZEROS = 1 << 3
} lr_number_flags_t;

/**
 * lr_number_format_t:
 * @language: which conventions (decimal and grouping separators, words)
 * @decimals: digits after the decimal separator (0–15), used when @significant is 0
 * @significant: when > 0, round to this many significant digits instead (1–15); integer
 *   digits are never dropped: 4543 at 2 significant digits is "4.500"
 * @flags: a combination of lr_number_flags_t
 * @unit: NULL, or UTF-8 text written after the number and a no-break space
 *   ("27,7 tỷ USD"); the caller keeps ownership
 *
 * @reserved: must be zero (lr_number_format_init() sets it), room for later fields
 *
 * How to write a number. A plain struct: initialise it with lr_number_format_init() and
 * change the fields you need. Formatting never looks at the process locale.
 *
 * Since: 0.1 (@reserved since 0.2)
 */
typedef struct {
	lr_language_t language;
	int decimals;
	int significant;
	unsigned flags;
	const char *unit;
	void *reserved[4];
} lr_number_format_t;

/**
 * lr_number_format_init:
 * @format: the format to fill
 * @language: the language
 *
 * Sets @format to: one decimal, no significant-digit rounding, grouping and trimmed zeros,
 * no unit. Does nothing when @format is NULL.
 * Since: 0.1
 */
LR_EXTERN void
lr_number_format_init(lr_number_format_t *format, lr_language_t language);

/**
 * lr_format_number:
 * @value: the number
 * @format: how to write it; NULL means lr_number_format_init() with Vietnamese
 *
 * Formats @value: 27.7 → "27,7" (vi) or "27.7" (en); 4543 → "4.543" or "4,543";
 * -3.5 → "−3,5"; with LR_NUMBER_PERCENT 16.5 → "16,5%". A value that rounds to zero is
 * written without a sign. NaN is written "–" (en dash), infinities "∞" and "−∞".
 *
 * Returns: a newly allocated UTF-8 string for the caller to free with lr_free(), or NULL
 * when memory runs out or a field of @format is out of range (or @reserved is not zero).
 * Since: 0.1
 */
LR_EXTERN char *
lr_format_number(double value, const lr_number_format_t *format);

/**
 * lr_format_range:
 * @low: the low end
 * @high: the high end
 * @format: as for lr_format_number()
 *
 * Formats a range with an en dash and the unit or percent sign once, at the end:
 * "27,7–28 tỷ USD", "10–12%". When a bound is negative a spaced dash is used
 * ("−2 – 3"), so the minus sign cannot be misread.
 *
 * Returns: a newly allocated string to free with lr_free(), or NULL (as lr_format_number()).
 * Since: 0.1
 */
LR_EXTERN char *
lr_format_range(double low, double high, const lr_number_format_t *format);

/**
 * lr_format_rank:
 * @rank: the position, 1 = first
 * @total: the number of entities ranked (the N of "x/N"), or 0 when not known
 *
 * Returns: "71/193", or "71" when @total is 0, newly allocated (free with lr_free()); NULL
 * when @rank < 1, @total < 0, or @total is non-zero and below @rank.
 * Since: 0.1
 */
LR_EXTERN char *
lr_format_rank(int rank, int total);

/**
 * lr_rank_change_style_t:
 * @LR_RANK_CHANGE_WORDS: "tăng 15 bậc" / "giảm 3 bậc" / "giữ nguyên";
 *   "up 15 places" / "down 1 place" / "unchanged"
 * @LR_RANK_CHANGE_ARROW: "↑15 bậc" / "↓3 bậc" / "="; "↑15 places" / "↓1 place" / "="
 *
 * Since: 0.1
 */
typedef enum {
	LR_RANK_CHANGE_WORDS = 0,
	LR_RANK_CHANGE_ARROW
} lr_rank_change_style_t;

/**
 * lr_format_rank_change:
 * @places_gained: how many places the entity moved up (from rank 86 to rank 71 is +15);
 *   negative when it fell
 * @language: the language
 * @style: words or arrows
 *
 * Returns: the change as people say it, newly allocated (free with lr_free()), or NULL when
 * memory runs out or @style is unknown.
 * Since: 0.1
 */
LR_EXTERN char *
lr_format_rank_change(int places_gained, lr_language_t language, lr_rank_change_style_t style);

LR_END_DECLS

#endif /* LR_NUMBER_H */
