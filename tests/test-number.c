/* libreport tests: number formatting (lr-number.h).
 *
 * Each table row is formatted in Vietnamese and in English and compared byte for byte.
 * The last test switches the process to a decimal-comma locale, when one is installed, and
 * checks that no output changes.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lreport.h>

#include <check.h>
#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-main.h"

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* As bytes, so that a look-alike ASCII character in the expectations cannot slip in. */
#define MINUS "\xe2\x88\x92"  /* U+2212 MINUS SIGN */
#define DASH "\xe2\x80\x93"   /* U+2013 EN DASH */
#define NBSP "\xc2\xa0"       /* U+00A0 NO-BREAK SPACE */
#define INF "\xe2\x88\x9e"    /* U+221E INFINITY */

#define G LR_NUMBER_GROUPING
#define P LR_NUMBER_PERCENT
#define S LR_NUMBER_EXPLICIT_SIGN
#define T LR_NUMBER_TRIM_ZEROS
#define DEF (LR_NUMBER_GROUPING | LR_NUMBER_TRIM_ZEROS) /* what lr_number_format_init() sets */

#define VI_BN "tỷ USD"
#define EN_BN "billion USD"

typedef struct {
	double value;
	int decimals;
	int significant;
	unsigned flags;
	const char *unit_vi;
	const char *unit_en;
	const char *vi;
	const char *en;
} number_case_t;

static const number_case_t number_cases[] = {
	/* separators and grouping */
	{ 27.7, 1, 0, DEF, NULL, NULL, "27,7", "27.7" },
	{ 4543, 1, 0, DEF, NULL, NULL, "4.543", "4,543" },
	{ 1234567.5, 1, 0, DEF, NULL, NULL, "1.234.567,5", "1,234,567.5" },
	{ 999, 1, 0, DEF, NULL, NULL, "999", "999" },
	{ 1000, 1, 0, DEF, NULL, NULL, "1.000", "1,000" },
	{ -999, 1, 0, DEF, NULL, NULL, MINUS "999", MINUS "999" },
	{ -1000, 1, 0, DEF, NULL, NULL, MINUS "1.000", MINUS "1,000" },
	{ 999.96, 1, 0, DEF, NULL, NULL, "1.000", "1,000" },
	{ 999.96, 1, 0, G, NULL, NULL, "1.000,0", "1,000.0" },
	{ 999.94, 1, 0, G, NULL, NULL, "999,9", "999.9" },
	{ 4543, 0, 0, 0, NULL, NULL, "4543", "4543" },
	{ 1234567.5, 1, 0, T, NULL, NULL, "1234567,5", "1234567.5" },
	{ 1e15, 0, 0, G, NULL, NULL, "1.000.000.000.000.000", "1,000,000,000,000,000" },
	{ 123456789012345678.0, 0, 0, G, NULL, NULL, "123.456.789.012.345.680",
	  "123,456,789,012,345,680" },
	{ 12345.678, 2, 0, G, NULL, NULL, "12.345,68", "12,345.68" },
	{ -3.5, 1, 0, DEF, NULL, NULL, MINUS "3,5", MINUS "3.5" },

	/* zero and values that round to zero: never a sign */
	{ 0.0, 1, 0, DEF, NULL, NULL, "0", "0" },
	{ -0.0, 1, 0, DEF, NULL, NULL, "0", "0" },
	{ -0.0, 1, 0, G, NULL, NULL, "0,0", "0.0" },
	{ -0.04, 1, 0, DEF, NULL, NULL, "0", "0" },
	{ -0.04, 1, 0, S | T, NULL, NULL, "0", "0" },
	{ 0.04, 1, 0, S | T, NULL, NULL, "0", "0" },
	{ -0.04, 1, 0, 0, NULL, NULL, "0,0", "0.0" },
	{ 1e-20, 2, 0, 0, NULL, NULL, "0,00", "0.00" },
	{ -1e-300, 1, 0, DEF, NULL, NULL, "0", "0" },
	{ -0.4, 0, 0, S, NULL, NULL, "0", "0" },

	/* rounding: half away from zero, on the decimal the data was written as */
	{ 2.25, 1, 0, 0, NULL, NULL, "2,3", "2.3" },
	{ -2.25, 1, 0, 0, NULL, NULL, MINUS "2,3", MINUS "2.3" },
	{ 0.5, 0, 0, 0, NULL, NULL, "1", "1" },
	{ 1.5, 0, 0, 0, NULL, NULL, "2", "2" },
	{ 2.5, 0, 0, 0, NULL, NULL, "3", "3" },
	{ -2.5, 0, 0, 0, NULL, NULL, MINUS "3", MINUS "3" },
	{ -0.5, 0, 0, 0, NULL, NULL, MINUS "1", MINUS "1" },
	{ 0.05, 1, 0, 0, NULL, NULL, "0,1", "0.1" },
	{ 0.049, 1, 0, T, NULL, NULL, "0", "0" },
	{ 2.675, 2, 0, 0, NULL, NULL, "2,68", "2.68" },
	{ 1.005, 2, 0, 0, NULL, NULL, "1,01", "1.01" },
	{ 0.285, 2, 0, 0, NULL, NULL, "0,29", "0.29" },
	{ 1.45, 1, 0, 0, NULL, NULL, "1,5", "1.5" },
	{ 9.95, 1, 0, T, NULL, NULL, "10", "10" },
	{ 9.95, 1, 0, 0, NULL, NULL, "10,0", "10.0" },
	{ 0.1 + 0.2, 15, 0, 0, NULL, NULL, "0,300000000000000", "0.300000000000000" },
	{ 0.1, 15, 0, T, NULL, NULL, "0,1", "0.1" },
	{ 4543.5, 0, 0, G, NULL, NULL, "4.544", "4,544" },
	{ 27.749, 1, 0, 0, NULL, NULL, "27,7", "27.7" },
	{ 123.456, 2, 0, 0, NULL, NULL, "123,46", "123.46" },
	{ 99999.95, 1, 0, DEF, NULL, NULL, "100.000", "100,000" },

	/* trimmed zeros */
	{ 28.0, 1, 0, T, NULL, NULL, "28", "28" },
	{ 28.0, 1, 0, 0, NULL, NULL, "28,0", "28.0" },
	{ 27.70, 2, 0, T, NULL, NULL, "27,7", "27.7" },
	{ 27.70, 2, 0, 0, NULL, NULL, "27,70", "27.70" },
	{ 28.04, 1, 0, T, NULL, NULL, "28", "28" },
	{ 100, 3, 0, T, NULL, NULL, "100", "100" },
	{ 0.125, 3, 0, T, NULL, NULL, "0,125", "0.125" },

	/* significant digits: integer digits are zeroed, never dropped */
	{ 0.012345, 1, 2, T, NULL, NULL, "0,012", "0.012" },
	{ 4543, 1, 2, DEF, NULL, NULL, "4.500", "4,500" },
	{ 27.75, 1, 3, T, NULL, NULL, "27,8", "27.8" },
	{ 9.96, 1, 2, 0, NULL, NULL, "10", "10" },
	{ 0.0996, 1, 2, 0, NULL, NULL, "0,10", "0.10" },
	{ 0.0996, 1, 2, T, NULL, NULL, "0,1", "0.1" },
	{ 1234567, 1, 3, G, NULL, NULL, "1.230.000", "1,230,000" },
	{ 0.96, 1, 1, 0, NULL, NULL, "1", "1" },
	{ 3.14159, 1, 4, 0, NULL, NULL, "3,142", "3.142" },
	{ -0.012345, 1, 2, T, NULL, NULL, MINUS "0,012", MINUS "0.012" },
	{ 0.0, 1, 3, 0, NULL, NULL, "0,00", "0.00" },
	{ 0.0, 1, 3, T, NULL, NULL, "0", "0" },
	{ 2.5, 1, 1, 0, NULL, NULL, "3", "3" },
	{ 27.7, 5, 2, 0, NULL, NULL, "28", "28" },
	{ 1.0, 1, 3, 0, NULL, NULL, "1,00", "1.00" },
	{ 123456.789, 0, 15, G, NULL, NULL, "123.456,789000000", "123,456.789000000" },

	/* percentages: no space, unit ignored */
	{ 16.5, 1, 0, DEF | P, NULL, NULL, "16,5%", "16.5%" },
	{ 3.2, 1, 0, P | S | T, NULL, NULL, "+3,2%", "+3.2%" },
	{ -3.2, 1, 0, DEF | P, NULL, NULL, MINUS "3,2%", MINUS "3.2%" },
	{ 16.5, 1, 0, DEF | P, VI_BN, EN_BN, "16,5%", "16.5%" },
	{ 0.0, 1, 0, P | S | T, NULL, NULL, "0%", "0%" },
	{ 1234.5, 1, 0, DEF | P, NULL, NULL, "1.234,5%", "1,234.5%" },

	/* explicit sign */
	{ 3.2, 1, 0, S | T, NULL, NULL, "+3,2", "+3.2" },
	{ -3.2, 1, 0, S | T, NULL, NULL, MINUS "3,2", MINUS "3.2" },
	{ 0.0, 1, 0, S, NULL, NULL, "0,0", "0.0" },
	{ -0.0, 1, 0, S | T, NULL, NULL, "0", "0" },
	{ 0.06, 1, 0, S, NULL, NULL, "+0,1", "+0.1" },

	/* units, after a no-break space */
	{ 27.7, 1, 0, DEF, VI_BN, EN_BN, "27,7" NBSP VI_BN, "27.7" NBSP EN_BN },
	{ 28, 1, 0, DEF, VI_BN, EN_BN, "28" NBSP VI_BN, "28" NBSP EN_BN },
	{ -5, 1, 0, DEF, "người", "people", MINUS "5" NBSP "người", MINUS "5" NBSP "people" },
	{ 27.7, 1, 0, DEF, "", "", "27,7", "27.7" },
	{ 1500, 1, 0, DEF | S, "USD", "USD", "+1.500" NBSP "USD", "+1,500" NBSP "USD" },

	/* not finite */
	{ NAN, 1, 0, DEF, NULL, NULL, DASH, DASH },
	{ NAN, 1, 0, DEF | P, VI_BN, EN_BN, DASH, DASH },
	{ INFINITY, 1, 0, DEF, NULL, NULL, INF, INF },
	{ -INFINITY, 1, 0, DEF, NULL, NULL, MINUS INF, MINUS INF },
	{ INFINITY, 1, 0, DEF | S, NULL, NULL, "+" INF, "+" INF },
	{ INFINITY, 1, 0, DEF | P, NULL, NULL, INF "%", INF "%" },
};

typedef struct {
	double low;
	double high;
	int decimals;
	int significant;
	unsigned flags;
	const char *unit_vi;
	const char *unit_en;
	const char *vi;
	const char *en;
} range_case_t;

static const range_case_t range_cases[] = {
	{ 27.7, 28, 1, 0, DEF, VI_BN, EN_BN, "27,7" DASH "28" NBSP VI_BN, "27.7" DASH "28" NBSP EN_BN },
	{ 10, 12, 1, 0, DEF | P, VI_BN, EN_BN, "10" DASH "12%", "10" DASH "12%" },
	{ 1000, 2500, 1, 0, DEF, NULL, NULL, "1.000" DASH "2.500", "1,000" DASH "2,500" },
	{ -2, 3, 1, 0, DEF, NULL, NULL, MINUS "2 " DASH " 3", MINUS "2 " DASH " 3" },
	{ -5, -2, 1, 0, DEF, NULL, NULL, MINUS "5 " DASH " " MINUS "2", MINUS "5 " DASH " " MINUS "2" },
	{ -2, 3, 1, 0, DEF | P, NULL, NULL, MINUS "2 " DASH " 3%", MINUS "2 " DASH " 3%" },
	{ -0.01, 3, 1, 0, DEF, NULL, NULL, "0" DASH "3", "0" DASH "3" },
	{ 1.5, 2.5, 1, 0, P | S | T, NULL, NULL, "+1,5 " DASH " +2,5%", "+1.5 " DASH " +2.5%" },
	{ 0.5, 1.25, 2, 0, 0, NULL, NULL, "0,50" DASH "1,25", "0.50" DASH "1.25" },
	{ 1.04, 1.06, 1, 0, DEF, NULL, NULL, "1" DASH "1,1", "1" DASH "1.1" },
	{ 4543, 12000, 1, 2, DEF, NULL, NULL, "4.500" DASH "12.000", "4,500" DASH "12,000" },
	{ 27.74, 27.66, 1, 0, DEF, VI_BN, EN_BN, "27,7" NBSP VI_BN, "27.7" NBSP EN_BN },
	{ 0, INFINITY, 1, 0, DEF, NULL, NULL, "0" DASH INF, "0" DASH INF },
	{ -INFINITY, 0, 1, 0, DEF, NULL, NULL, MINUS INF " " DASH " 0", MINUS INF " " DASH " 0" },
	{ NAN, 3, 1, 0, DEF, VI_BN, EN_BN, DASH, DASH },
	{ 3, NAN, 1, 0, DEF | P, NULL, NULL, DASH, DASH },
};

typedef struct {
	int rank;
	int total;
	const char *expected;
} rank_case_t;

static const rank_case_t rank_cases[] = {
	{ 71, 193, "71/193" },
	{ 71, 0, "71" },
	{ 1, 1, "1/1" },
	{ 193, 193, "193/193" },
	{ INT_MAX, 0, "2147483647" },
	{ 0, 193, NULL },
	{ -1, 0, NULL },
	{ 5, 4, NULL },
	{ 1, -1, NULL },
};

typedef struct {
	int places_gained;
	lr_rank_change_style_t style;
	const char *vi;
	const char *en;
} rank_change_case_t;

#define W LR_RANK_CHANGE_WORDS
#define A LR_RANK_CHANGE_ARROW

static const rank_change_case_t rank_change_cases[] = {
	{ 15, W, "tăng 15 bậc", "up 15 places" },
	{ 1, W, "tăng 1 bậc", "up 1 place" },
	{ -1, W, "giảm 1 bậc", "down 1 place" },
	{ -3, W, "giảm 3 bậc", "down 3 places" },
	{ 0, W, "giữ nguyên", "unchanged" },
	{ 15, A, "↑15 bậc", "↑15 places" },
	{ 1, A, "↑1 bậc", "↑1 place" },
	{ -1, A, "↓1 bậc", "↓1 place" },
	{ -3, A, "↓3 bậc", "↓3 places" },
	{ 0, A, "=", "=" },
	{ INT_MIN, W, "giảm 2147483648 bậc", "down 2147483648 places" },
	{ INT_MAX, A, "↑2147483647 bậc", "↑2147483647 places" },
	{ 5, (lr_rank_change_style_t) 2, NULL, NULL },
	{ 0, (lr_rank_change_style_t) -1, NULL, NULL },
};

/* Format fields that are out of range: every function taking a format returns NULL. */
typedef struct {
	int language;
	int decimals;
	int significant;
	unsigned flags;
	const char *unit;
} invalid_case_t;

static const invalid_case_t invalid_cases[] = {
	{ LR_LANGUAGE_VI, -1, 0, DEF, NULL },
	{ LR_LANGUAGE_EN, 16, 0, DEF, NULL },
	{ LR_LANGUAGE_VI, 1, -1, DEF, NULL },
	{ LR_LANGUAGE_EN, 1, 16, DEF, NULL },
	{ 2, 1, 0, DEF, NULL },
	{ -1, 1, 0, DEF, NULL },
	{ LR_LANGUAGE_VI, 1, 0, 1u << 4, NULL },
	{ LR_LANGUAGE_VI, 1, 0, DEF, "t\xff" },
	{ LR_LANGUAGE_EN, 1, 0, DEF, "\xc3" },
};

static const char *
show(const char *text)
{
	return text != NULL ? text : "(NULL)";
}

/* Compares and frees @got. */
static void
expect(char *got, const char *expected, const char *what, int index, const char *language)
{
	int same;

	if (got == NULL || expected == NULL)
		same = got == expected;
	else
		same = strcmp(got, expected) == 0;
	ck_assert_msg(same, "%s case %d (%s): got \"%s\", expected \"%s\"", what, index, language,
		      show(got), show(expected));
	lr_free(got);
}

static void
number_format_from_case(lr_number_format_t *format, lr_language_t language, int decimals,
			int significant, unsigned flags, const char *unit)
{
	lr_number_format_init(format, language);
	format->decimals = decimals;
	format->significant = significant;
	format->flags = flags;
	format->unit = unit;
}

static void
run_number_case(int i)
{
	const number_case_t *c = &number_cases[i];
	lr_number_format_t format;

	number_format_from_case(&format, LR_LANGUAGE_VI, c->decimals, c->significant, c->flags,
				c->unit_vi);
	expect(lr_format_number(c->value, &format), c->vi, "number", i, "vi");
	number_format_from_case(&format, LR_LANGUAGE_EN, c->decimals, c->significant, c->flags,
				c->unit_en);
	expect(lr_format_number(c->value, &format), c->en, "number", i, "en");
}

static void
run_range_case(int i)
{
	const range_case_t *c = &range_cases[i];
	lr_number_format_t format;

	number_format_from_case(&format, LR_LANGUAGE_VI, c->decimals, c->significant, c->flags,
				c->unit_vi);
	expect(lr_format_range(c->low, c->high, &format), c->vi, "range", i, "vi");
	number_format_from_case(&format, LR_LANGUAGE_EN, c->decimals, c->significant, c->flags,
				c->unit_en);
	expect(lr_format_range(c->low, c->high, &format), c->en, "range", i, "en");
}

START_TEST(test_number)
{
	run_number_case(_i);
}
END_TEST

START_TEST(test_range)
{
	run_range_case(_i);
}
END_TEST

START_TEST(test_rank)
{
	const rank_case_t *c = &rank_cases[_i];

	expect(lr_format_rank(c->rank, c->total), c->expected, "rank", _i, "-");
}
END_TEST

START_TEST(test_rank_change)
{
	const rank_change_case_t *c = &rank_change_cases[_i];

	expect(lr_format_rank_change(c->places_gained, LR_LANGUAGE_VI, c->style), c->vi,
	       "rank change", _i, "vi");
	expect(lr_format_rank_change(c->places_gained, LR_LANGUAGE_EN, c->style), c->en,
	       "rank change", _i, "en");
}
END_TEST

START_TEST(test_invalid_format)
{
	const invalid_case_t *c = &invalid_cases[_i];
	lr_number_format_t format;

	number_format_from_case(&format, (lr_language_t) c->language, c->decimals, c->significant,
				c->flags, c->unit);
	expect(lr_format_number(27.7, &format), NULL, "invalid number", _i, "-");
	expect(lr_format_range(1, 2, &format), NULL, "invalid range", _i, "-");
}
END_TEST

START_TEST(test_defaults)
{
	lr_number_format_t format;

	lr_number_format_init(NULL, LR_LANGUAGE_VI); /* does nothing, must not crash */

	lr_number_format_init(&format, LR_LANGUAGE_EN);
	ck_assert_int_eq(format.language, LR_LANGUAGE_EN);
	ck_assert_int_eq(format.decimals, 1);
	ck_assert_int_eq(format.significant, 0);
	ck_assert_uint_eq(format.flags, DEF);
	ck_assert_ptr_null(format.unit);

	/* NULL means Vietnamese defaults */
	expect(lr_format_number(4543.25, NULL), "4.543,3", "defaults", 0, "vi");
	expect(lr_format_number(28.0, NULL), "28", "defaults", 1, "vi");
	expect(lr_format_number(-0.0, NULL), "0", "defaults", 2, "vi");
	expect(lr_format_range(27.7, 28, NULL), "27,7" DASH "28", "defaults", 3, "vi");

	/* unknown language in the rank change */
	expect(lr_format_rank_change(3, (lr_language_t) 7, LR_RANK_CHANGE_WORDS), NULL, "defaults",
	       4, "?");
}
END_TEST

/* Extremes: every digit is produced, none from the binary tail beyond 17 digits. */
START_TEST(test_extremes)
{
	lr_number_format_t format;
	char *text;
	size_t i;
	size_t length;

	lr_number_format_init(&format, LR_LANGUAGE_EN);
	format.decimals = 0;
	format.flags = 0;
	text = lr_format_number(DBL_MAX, &format);
	ck_assert_ptr_nonnull(text);
	length = strlen(text);
	ck_assert_uint_eq(length, 309);
	ck_assert_msg(strncmp(text, "17976931348623157", 17) == 0, "DBL_MAX starts %.20s", text);
	for (i = 17; i < length; i++)
		ck_assert_msg(text[i] == '0', "DBL_MAX digit %zu is '%c'", i, text[i]);
	lr_free(text);

	format.flags = G;
	text = lr_format_number(-DBL_MAX, &format);
	ck_assert_ptr_nonnull(text);
	ck_assert_msg(strncmp(text, MINUS "179,769,313,486,231,570,000,", 30) == 0,
		      "-DBL_MAX starts %.32s", text);
	ck_assert_uint_eq(strlen(text), strlen(MINUS) + 309 + 102);
	lr_free(text);

	/* The smallest subnormal, 4.94e-324: 325 decimals, ending in "49". */
	format.significant = 2;
	format.flags = T;
	text = lr_format_number(4.9406564584124654e-324, &format);
	ck_assert_ptr_nonnull(text);
	length = strlen(text);
	ck_assert_uint_eq(length, 2 + 325);
	ck_assert_msg(strncmp(text, "0.000", 5) == 0 && strcmp(text + length - 3, "049") == 0,
		      "subnormal written %.8s…%s", text, text + length - 4);
	lr_free(text);

	format.significant = 0;
	format.decimals = 15;
	format.flags = DEF;
	text = lr_format_number(1e-300, &format);
	ck_assert_str_eq(text, "0");
	lr_free(text);
}
END_TEST

/* Output must not follow the process locale. Check runs each test in its own process, but
 * the locale is put back anyway for CK_FORK=no runs. */
START_TEST(test_locale_independent)
{
	static const char *const candidates[] = {
		"de_DE.UTF-8", "de_DE.utf8", "vi_VN.UTF-8", "vi_VN.utf8", "fr_FR.UTF-8",
		"fr_FR.utf8", "ru_RU.UTF-8", "ru_RU.utf8", "de_DE", "fr_FR",
	};
	const char *chosen = NULL;
	int i;

	for (i = 0; i < N_ELEMENTS(candidates) && chosen == NULL; i++) {
		if (setlocale(LC_ALL, candidates[i]) != NULL &&
		    strcmp(localeconv()->decimal_point, ",") == 0)
			chosen = candidates[i];
	}
	if (chosen == NULL) {
		setlocale(LC_ALL, "C");
		fprintf(stderr, "test-number: no decimal-comma locale installed; "
				"locale independence not checked\n");
		return;
	}

	for (i = 0; i < N_ELEMENTS(number_cases); i++)
		run_number_case(i);
	for (i = 0; i < N_ELEMENTS(range_cases); i++)
		run_range_case(i);
	setlocale(LC_ALL, "C");
}
END_TEST

static Suite *
number_suite(void)
{
	Suite *suite = suite_create("number");
	TCase *tc;

	tc = tcase_create("format_number");
	tcase_add_loop_test(tc, test_number, 0, N_ELEMENTS(number_cases));
	suite_add_tcase(suite, tc);

	tc = tcase_create("format_range");
	tcase_add_loop_test(tc, test_range, 0, N_ELEMENTS(range_cases));
	suite_add_tcase(suite, tc);

	tc = tcase_create("format_rank");
	tcase_add_loop_test(tc, test_rank, 0, N_ELEMENTS(rank_cases));
	suite_add_tcase(suite, tc);

	tc = tcase_create("format_rank_change");
	tcase_add_loop_test(tc, test_rank_change, 0, N_ELEMENTS(rank_change_cases));
	suite_add_tcase(suite, tc);

	tc = tcase_create("invalid_format");
	tcase_add_loop_test(tc, test_invalid_format, 0, N_ELEMENTS(invalid_cases));
	suite_add_tcase(suite, tc);

	tc = tcase_create("misc");
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_extremes);
	tcase_add_test(tc, test_locale_independent);
	suite_add_tcase(suite, tc);

	return suite;
}

const lr_test_program_t lr_test_program = { number_suite, NULL, NULL };
