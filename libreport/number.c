/* libreport: number formatting for chart labels, in Vietnamese and English.
 *
 * Every number a chart shows (axis ticks, data labels, ranges, ranks) is written here, so
 * that "27,7 tỷ USD" and "27.7 billion USD" follow one set of rules. Nothing here reads the
 * process locale: a report rendered on a German or Vietnamese desktop must be byte for
 * byte the one rendered on a build server. Digits come from g_ascii_formatd() (always
 * "C" conventions) and are then rounded and laid out as decimal digit strings.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lr-common.h>
#include <lreport/lr-number.h>
#include <lreport/lr-dataset.h>

#include "number-private.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include <glib.h>

/* Spelled as bytes: these characters are invisible or look like ASCII ones in an editor,
 * and a mistyped hyphen for U+2212 would go unnoticed. */
#define LR_MINUS_SIGN "\xe2\x88\x92"   /* U+2212: a hyphen would look too short next to digits */
#define LR_EN_DASH "\xe2\x80\x93"      /* U+2013: ranges and missing values */
#define LR_NO_BREAK_SPACE "\xc2\xa0"   /* U+00A0: keeps "27,7" and "tỷ USD" on one line */
#define LR_INFINITY "\xe2\x88\x9e"     /* U+221E */
#define LR_UP_ARROW "\xe2\x86\x91"     /* U+2191 */
#define LR_DOWN_ARROW "\xe2\x86\x93"   /* U+2193 */

#define LR_NUMBER_MAX_DIGITS 15
#define LR_NUMBER_KNOWN_FLAGS                                                                \
	(LR_NUMBER_GROUPING | LR_NUMBER_PERCENT | LR_NUMBER_EXPLICIT_SIGN | LR_NUMBER_TRIM_ZEROS)

/* A non-negative decimal number: digits[0] has the place value 10^exponent. Trailing zero
 * digits are never stored, so length is 0 exactly when the number is zero. 17 digits
 * identify any double; one more is room for a carry out of rounding. */
typedef struct {
	unsigned char digits[20];
	int length;
	int exponent;
} lr_decimal_t;

/* Fills @decimal with the shortest decimal (at most 17 digits) that reads back as
 * @magnitude. Rounding then works on what the data file said: 2.675 is stored as
 * 2.67499999999999982…, and rounding that binary value (as printf or round(x * 100) do)
 * would give "2,67" where every reader of the source expects "2,68". For a normal double
 * whose shortest form has at most 15 digits, that form is its 15-digit rounding padded
 * with zeros, so three attempts find it. (Subnormals, far below anything charted, may keep
 * 15 digits where fewer would do; those digits are still correct.) */
static void
lr_decimal_from_double(double magnitude, lr_decimal_t *decimal)
{
	static const char *const formats[] = { "%.14e", "%.15e", "%.16e" };
	char buffer[G_ASCII_DTOSTR_BUF_SIZE];
	const char *p;
	size_t i;
	int exponent_sign = 1;
	int exponent = 0;

	decimal->length = 0;
	decimal->exponent = 0;
	if (magnitude == 0.0)
		return;

	for (i = 0; i < G_N_ELEMENTS(formats); i++) {
		g_ascii_formatd(buffer, sizeof buffer, formats[i], magnitude);
		if (g_ascii_strtod(buffer, NULL) == magnitude)
			break;
	}

	/* buffer is "d.ddd…e±xx": g_ascii_formatd() always writes a '.', never a locale's
	 * separator. */
	for (p = buffer; *p != '\0' && *p != 'e'; p++) {
		if (*p >= '0' && *p <= '9' && decimal->length < (int) sizeof decimal->digits)
			decimal->digits[decimal->length++] = (unsigned char) (*p - '0');
	}
	if (*p == 'e') {
		p++;
		if (*p == '-' || *p == '+') {
			exponent_sign = *p == '-' ? -1 : 1;
			p++;
		}
		for (; *p >= '0' && *p <= '9'; p++)
			exponent = exponent * 10 + (*p - '0');
	}
	decimal->exponent = exponent_sign * exponent;

	while (decimal->length > 0 && decimal->digits[decimal->length - 1] == 0)
		decimal->length--;
	if (decimal->length == 0)
		decimal->exponent = 0;
}

/* Keeps the first @keep digits of @decimal, rounding half away from zero (the magnitude
 * is rounded up on a 5, which is away from zero for either sign). @keep may be negative
 * or zero: the number is then rounded at a place above its first digit. */
static void
lr_decimal_round(lr_decimal_t *decimal, int keep)
{
	bool round_up;
	int i;

	if (keep >= decimal->length)
		return;
	if (keep < 0) {
		/* The first digit is at least two places below the rounding place: less than
		 * half a unit, so zero. */
		decimal->length = 0;
		decimal->exponent = 0;
		return;
	}

	round_up = decimal->digits[keep] >= 5;
	decimal->length = keep;
	if (round_up) {
		for (i = keep - 1; i >= 0; i--) {
			if (decimal->digits[i] < 9) {
				decimal->digits[i]++;
				break;
			}
			decimal->digits[i] = 0;
		}
		if (i < 0) {
			/* 9.96 → 10: the carry becomes a new first digit, one place higher. */
			memmove(decimal->digits + 1, decimal->digits, (size_t) keep);
			decimal->digits[0] = 1;
			decimal->length = keep + 1;
			decimal->exponent++;
		}
	}

	while (decimal->length > 0 && decimal->digits[decimal->length - 1] == 0)
		decimal->length--;
	if (decimal->length == 0)
		decimal->exponent = 0;
}

/* The digit of @decimal at place 10^@place (0 outside the stored digits). */
static char
lr_decimal_digit(const lr_decimal_t *decimal, int place)
{
	int index = decimal->exponent - place;

	if (index < 0 || index >= decimal->length)
		return '0';
	return (char) ('0' + decimal->digits[index]);
}

static bool
lr_number_format_is_valid(const lr_number_format_t *format)
{
	if ((int) format->language != LR_LANGUAGE_VI && (int) format->language != LR_LANGUAGE_EN)
		return false;
	if (format->decimals < 0 || format->decimals > LR_NUMBER_MAX_DIGITS)
		return false;
	if (format->significant < 0 || format->significant > LR_NUMBER_MAX_DIGITS)
		return false;
	/* A flag from a newer libreport would be silently ignored and give a wrong label. */
	if ((format->flags & ~(unsigned) LR_NUMBER_KNOWN_FLAGS) != 0)
		return false;
	/* The unit is copied into the output, which must stay valid UTF-8. */
	if (format->unit != NULL && !g_utf8_validate(format->unit, -1, NULL))
		return false;
	/* Room for later fields: a non-zero value would be one this version cannot honour. */
	for (unsigned i = 0; i < G_N_ELEMENTS(format->reserved); i++)
		if (format->reserved[i] != NULL)
			return false;
	return true;
}

/* Returns @format, or @defaults filled as for Vietnamese when @format is NULL; NULL when
 * a field is out of range. */
static const lr_number_format_t *
lr_number_format_resolve(const lr_number_format_t *format, lr_number_format_t *defaults)
{
	if (format == NULL) {
		lr_number_format_init(defaults, LR_LANGUAGE_VI);
		return defaults;
	}
	return lr_number_format_is_valid(format) ? format : NULL;
}

/* Appends @value without percent sign or unit. Returns true when a sign (minus or plus)
 * was written, which lr_format_range() needs to choose its dash. NaN is not handled. */
static bool
lr_append_number(GString *out, double value, const lr_number_format_t *format)
{
	const bool english = format->language == LR_LANGUAGE_EN;
	const char decimal_separator = english ? '.' : ',';
	const char group_separator = english ? ',' : '.';
	const bool grouping = (format->flags & LR_NUMBER_GROUPING) != 0;
	lr_decimal_t decimal;
	int fraction_digits;
	int needed;
	int place;
	bool is_zero;
	bool has_sign = false;

	if (isinf(value)) {
		if (value < 0) {
			g_string_append(out, LR_MINUS_SIGN);
			has_sign = true;
		} else if (format->flags & LR_NUMBER_EXPLICIT_SIGN) {
			g_string_append_c(out, '+');
			has_sign = true;
		}
		g_string_append(out, LR_INFINITY);
		return has_sign;
	}

	lr_decimal_from_double(fabs(value), &decimal);
	if (format->significant > 0) {
		if (decimal.length == 0) {
			fraction_digits = format->significant - 1;
		} else {
			lr_decimal_round(&decimal, format->significant);
			/* After rounding, so that 9.96 at 2 significant digits is "10", not
			 * "10,0". Integer places are zeroed, never dropped (4543 → "4.500"). */
			fraction_digits = MAX(0, format->significant - 1 - decimal.exponent);
		}
	} else {
		lr_decimal_round(&decimal, decimal.exponent + format->decimals + 1);
		fraction_digits = format->decimals;
	}

	if (format->flags & LR_NUMBER_TRIM_ZEROS) {
		needed = MAX(0, decimal.length - 1 - decimal.exponent);
		fraction_digits = MIN(fraction_digits, needed);
	}

	/* -0.0 and -0.001 shown as "0" carry no sign: "−0" would claim a direction the shown
	 * value does not have. */
	is_zero = decimal.length == 0;
	if (!is_zero && value < 0) {
		g_string_append(out, LR_MINUS_SIGN);
		has_sign = true;
	} else if (!is_zero && (format->flags & LR_NUMBER_EXPLICIT_SIGN)) {
		g_string_append_c(out, '+');
		has_sign = true;
	}

	if (is_zero || decimal.exponent < 0) {
		g_string_append_c(out, '0');
	} else {
		for (place = decimal.exponent; place >= 0; place--) {
			g_string_append_c(out, lr_decimal_digit(&decimal, place));
			/* exponent >= 3: numbers below 1000 are never grouped. */
			if (grouping && decimal.exponent >= 3 && place > 0 && place % 3 == 0)
				g_string_append_c(out, group_separator);
		}
	}

	if (fraction_digits > 0) {
		g_string_append_c(out, decimal_separator);
		for (place = -1; place >= -fraction_digits; place--)
			g_string_append_c(out, lr_decimal_digit(&decimal, place));
	}
	return has_sign;
}

/* The percent sign follows the number directly in both languages ("16,5%"); a unit goes
 * after a no-break space. */
static void
lr_append_suffix(GString *out, const lr_number_format_t *format)
{
	if (format->flags & LR_NUMBER_PERCENT) {
		g_string_append_c(out, '%');
	} else if (format->unit != NULL && format->unit[0] != '\0') {
		g_string_append(out, LR_NO_BREAK_SPACE);
		g_string_append(out, format->unit);
	}
}

void
lr_number_format_init(lr_number_format_t *format, lr_language_t language)
{
	if (format == NULL)
		return;
	format->language = language;
	format->decimals = 1;
	format->significant = 0;
	format->flags = LR_NUMBER_GROUPING | LR_NUMBER_TRIM_ZEROS;
	format->unit = NULL;
	memset(format->reserved, 0, sizeof format->reserved);
}

char *
lr_format_number(double value, const lr_number_format_t *format)
{
	lr_number_format_t defaults;
	GString *out;

	format = lr_number_format_resolve(format, &defaults);
	if (format == NULL)
		return NULL;

	/* A missing value has no unit: "– tỷ USD" would suggest a quantity. */
	if (isnan(value))
		return g_strdup(LR_EN_DASH);

	out = g_string_new(NULL);
	lr_append_number(out, value, format);
	lr_append_suffix(out, format);
	return g_string_free(out, FALSE);
}

char *
lr_format_range(double low, double high, const lr_number_format_t *format)
{
	lr_number_format_t defaults;
	GString *out;
	GString *high_text;
	bool low_signed;
	bool high_signed;

	format = lr_number_format_resolve(format, &defaults);
	if (format == NULL)
		return NULL;

	/* A range with an unknown end is itself unknown. */
	if (isnan(low) || isnan(high))
		return g_strdup(LR_EN_DASH);

	out = g_string_new(NULL);
	high_text = g_string_new(NULL);
	low_signed = lr_append_number(out, low, format);
	high_signed = lr_append_number(high_text, high, format);

	/* Bounds that look the same once rounded ("28–28") say no more than one number. */
	if (!g_string_equal(out, high_text)) {
		/* "−5–−2" reads as a subtraction; spaces set the dash apart from the signs. */
		if (low_signed || high_signed)
			g_string_append(out, " " LR_EN_DASH " ");
		else
			g_string_append(out, LR_EN_DASH);
		g_string_append_len(out, high_text->str, (gssize) high_text->len);
	}
	g_string_free(high_text, TRUE);

	lr_append_suffix(out, format);
	return g_string_free(out, FALSE);
}

char *
lr_format_rank(int rank, int total)
{
	if (rank < 1 || total < 0 || (total != 0 && total < rank))
		return NULL;
	/* Integers only: %d does not depend on the locale (no grouping without the ' flag). */
	if (total == 0)
		return g_strdup_printf("%d", rank);
	return g_strdup_printf("%d/%d", rank, total);
}

char *
lr_format_rank_change(int places_gained, lr_language_t language, lr_rank_change_style_t style)
{
	/* long long: the magnitude of INT_MIN does not fit in an int. */
	const long long places = places_gained < 0 ? -(long long) places_gained : places_gained;
	const bool english = language == LR_LANGUAGE_EN;
	const char *unit;

	if ((int) language != LR_LANGUAGE_VI && (int) language != LR_LANGUAGE_EN)
		return NULL;
	if ((int) style != LR_RANK_CHANGE_WORDS && (int) style != LR_RANK_CHANGE_ARROW)
		return NULL;

	if (places_gained == 0) {
		if (style == LR_RANK_CHANGE_ARROW)
			return g_strdup("=");
		return g_strdup(english ? "unchanged" : "giữ nguyên");
	}

	/* Vietnamese nouns do not inflect for number; English needs "1 place". */
	if (english)
		unit = places == 1 ? "place" : "places";
	else
		unit = "bậc";

	if (style == LR_RANK_CHANGE_ARROW)
		return g_strdup_printf("%s%lld %s", places_gained > 0 ? LR_UP_ARROW : LR_DOWN_ARROW,
				       places, unit);
	if (english)
		return g_strdup_printf("%s %lld %s", places_gained > 0 ? "up" : "down", places, unit);
	return g_strdup_printf("%s %lld %s", places_gained > 0 ? "tăng" : "giảm", places, unit);
}

/* ---- chart figures (number-private.h) ------------------------------------------------ */

/* Returns @text as a GLib string ("" when formatting failed), freeing @text. */
static char *
take_text(char *text)
{
	char *copy = g_strdup(text ? text : "");
	lr_free(text);
	return copy;
}

char *
lr_format_figure(double value, lr_language_t language, const char *unit, int decimals,
		 bool with_unit)
{
	lr_number_format_t format;

	lr_number_format_init(&format, language);
	format.decimals = CLAMP(decimals, 0, 6);
	format.flags &= ~(unsigned) LR_NUMBER_TRIM_ZEROS;
	if (strcmp(unit, "%") == 0)
		format.flags |= with_unit ? LR_NUMBER_PERCENT : 0;
	else if (with_unit && unit[0])
		format.unit = unit;
	return take_text(lr_format_number(value, &format));
}

char *
lr_format_observation_figure(const lr_observation_t *observation, lr_language_t language,
			     const char *unit, bool rank, int decimals)
{
	lr_number_format_t format;

	if (rank && !isnan(observation->value))
		return take_text(lr_format_rank((int) observation->value, observation->total));
	if (!isnan(observation->low)) {
		lr_number_format_init(&format, language);
		format.decimals = CLAMP(decimals, 0, 6);
		format.flags &= ~(unsigned) LR_NUMBER_TRIM_ZEROS;
		if (strcmp(unit, "%") == 0)
			format.flags |= LR_NUMBER_PERCENT;
		return take_text(lr_format_range(observation->low, observation->high, &format));
	}
	return lr_format_figure(observation->value, language, unit, decimals,
				strcmp(unit, "%") == 0);
}

char *
lr_format_tick(double value, lr_language_t language, int decimals)
{
	lr_number_format_t format;

	lr_number_format_init(&format, language);
	format.decimals = decimals;
	format.flags &= ~(unsigned) LR_NUMBER_TRIM_ZEROS;
	return take_text(lr_format_number(value, &format));
}
