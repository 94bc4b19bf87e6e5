/* libreport tests: the indicator dataset (lr-dataset.h), loaded from CSV and built in memory.
 *
 * Fixtures live in tests/data (LR_TEST_DATA_DIR): good/<case>/ folders that must load without
 * errors, and bad/<case>/ folders that each hold one kind of mistake. Several hold bytes an
 * editor would "fix" (CRLF, a byte-order mark, invalid UTF-8, decomposed text), so they are
 * written by tests/data/make-fixtures.py, which also prints where each bad case's error is.
 * Every error is checked for its status, file, line, column (in characters) and a phrase of
 * its message. The last test case checks the real dataset (LR_DATA_DIR) against the articles
 * it quotes (LR_SEEDS_DIR).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lreport.h>

#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-main.h"

#ifndef LR_TEST_DATA_DIR
#error "LR_TEST_DATA_DIR must name the tests/data folder"
#endif
#ifndef LR_DATA_DIR
#error "LR_DATA_DIR must name the dataset folder (data/)"
#endif
#ifndef LR_SEEDS_DIR
#error "LR_SEEDS_DIR must name the folder of source articles (shared/seeds)"
#endif

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))
#define NO NAN /* an absent value, low or high */

/* Vietnamese is written as UTF-8 text (NFC); decomposed text and invisible or look-alike
 * characters are spelled as bytes. */
#define VIET_NAM "Việt Nam"              /* Việt Nam, NFC */
#define VIET_NAM_NFD "Vie\xcc\xa3\xcc\x82t Nam"     /* Việt Nam, decomposed */
#define HA_NOI "Hà Nội"
#define TY_USD "tỷ USD"
#define EN_DASH "\xe2\x80\x93"

/* ---------------------------------------------------------------------------------------- */
/* Helpers */

static char *
fixture_dir(const char *group, const char *name)
{
	return g_build_filename(LR_TEST_DATA_DIR, group, name, NULL);
}

static char *
fixture_file(const char *group, const char *name, const char *file)
{
	return g_build_filename(LR_TEST_DATA_DIR, group, name, file, NULL);
}

static lr_dataset_t *
load_fixture(const char *group, const char *name)
{
	char *directory = fixture_dir(group, name);
	lr_dataset_t *dataset = lr_dataset_load(directory);

	g_free(directory);
	ck_assert_ptr_nonnull(dataset);
	return dataset;
}

/* Prints every error of @dataset, so a failing test shows what the loader said. */
static void
print_errors(const lr_dataset_t *dataset, const char *label)
{
	size_t count = lr_dataset_get_error_count(dataset);

	for (size_t i = 0; i < count; i++) {
		const lr_error_t *error = lr_dataset_get_error(dataset, i);
		fprintf(stderr, "%s: error %zu: %s:%u:%u: [%s] %s\n", label, i,
			error->file ? error->file : "(no file)", error->line, error->column,
			lr_status_to_string(error->status), error->message);
	}
}

static void
assert_no_errors(const lr_dataset_t *dataset, const char *label)
{
	if (lr_dataset_get_error_count(dataset) != 0)
		print_errors(dataset, label);
	ck_assert_msg(lr_dataset_get_error_count(dataset) == 0, "%s: %zu errors", label,
		      lr_dataset_get_error_count(dataset));
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
}

/* Error @index of @dataset is @status at @path:@line:@column and its message has @phrase.
 * @path NULL: the error is not about a file. */
static void
assert_error(const lr_dataset_t *dataset, size_t index, lr_status_t status, const char *path,
	     unsigned line, unsigned column, const char *phrase, const char *label)
{
	const lr_error_t *error = lr_dataset_get_error(dataset, index);

	ck_assert_msg(error != NULL, "%s: no error %zu", label, index);
	ck_assert_msg(error->status == status, "%s: error %zu is '%s', expected '%s' (%s)", label,
		      index, lr_status_to_string(error->status), lr_status_to_string(status),
		      error->message);
	ck_assert_msg(error->message != NULL && strstr(error->message, phrase) != NULL,
		      "%s: error %zu says \"%s\", expected it to contain \"%s\"", label, index,
		      error->message, phrase);
	if (path)
		ck_assert_msg(error->file && strcmp(error->file, path) == 0,
			      "%s: error %zu is in %s, expected %s", label, index,
			      error->file ? error->file : "(no file)", path);
	else
		ck_assert_msg(error->file == NULL, "%s: error %zu names file %s", label, index,
			      error->file);
	ck_assert_msg(error->line == line && error->column == column,
		      "%s: error %zu (%s) is at %u:%u, expected %u:%u", label, index,
		      error->message, error->line, error->column, line, column);
}

static bool
same_number(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

typedef struct {
	unsigned line;
	const char *indicator;
	const char *entity;
	int year;
	const char *period;
	double value, low, high;
	int total;
	lr_observation_status_t status;
	const char *source;
	const char *quote;
	const char *note;
} expected_observation_t;

static void
assert_observation(const lr_dataset_t *dataset, size_t index,
		   const expected_observation_t *expected, const char *label)
{
	const lr_observation_t *observation = lr_dataset_get_observation(dataset, index);

	ck_assert_msg(observation != NULL, "%s: no observation %zu", label, index);
	ck_assert_msg(lr_dataset_get_observation_line(dataset, index) == expected->line,
		      "%s: observation %zu read from line %u, expected %u", label, index,
		      lr_dataset_get_observation_line(dataset, index), expected->line);
	ck_assert_str_eq(observation->indicator, expected->indicator);
	ck_assert_str_eq(observation->entity, expected->entity);
	ck_assert_int_eq(observation->year, expected->year);
	ck_assert_str_eq(observation->period, expected->period);
	ck_assert_msg(same_number(observation->value, expected->value),
		      "%s: observation %zu value %g, expected %g", label, index,
		      observation->value, expected->value);
	ck_assert_msg(same_number(observation->low, expected->low),
		      "%s: observation %zu low %g, expected %g", label, index, observation->low,
		      expected->low);
	ck_assert_msg(same_number(observation->high, expected->high),
		      "%s: observation %zu high %g, expected %g", label, index,
		      observation->high, expected->high);
	ck_assert_int_eq(observation->total, expected->total);
	ck_assert_int_eq(observation->status, expected->status);
	ck_assert_str_eq(observation->source, expected->source);
	ck_assert_str_eq(observation->quote, expected->quote);
	ck_assert_str_eq(observation->note, expected->note);
}

static void
assert_indicator(const lr_indicator_t *indicator, const char *id, const char *name_vi,
		 const char *name_en, const char *unit_vi, const char *unit_en,
		 lr_indicator_kind_t kind, lr_direction_t better, const char *pillar,
		 const char *note)
{
	ck_assert_ptr_nonnull(indicator);
	ck_assert_str_eq(indicator->id, id);
	ck_assert_str_eq(indicator->name_vi, name_vi);
	ck_assert_str_eq(indicator->name_en, name_en);
	ck_assert_str_eq(indicator->unit_vi, unit_vi);
	ck_assert_str_eq(indicator->unit_en, unit_en);
	ck_assert_int_eq(indicator->kind, kind);
	ck_assert_int_eq(indicator->better, better);
	ck_assert_str_eq(indicator->pillar, pillar);
	ck_assert_str_eq(indicator->note, note);
}

/* Both datasets hold the same indicators and observations, read from the same lines. */
static void
assert_same_dataset(const lr_dataset_t *a, const lr_dataset_t *b)
{
	ck_assert_uint_eq(lr_dataset_get_indicator_count(a), lr_dataset_get_indicator_count(b));
	ck_assert_uint_eq(lr_dataset_get_observation_count(a), lr_dataset_get_observation_count(b));
	for (size_t i = 0; i < lr_dataset_get_indicator_count(a); i++) {
		const lr_indicator_t *x = lr_dataset_get_indicator(a, i);
		assert_indicator(lr_dataset_get_indicator(b, i), x->id, x->name_vi, x->name_en,
				 x->unit_vi, x->unit_en, x->kind, x->better, x->pillar, x->note);
	}
	for (size_t i = 0; i < lr_dataset_get_observation_count(a); i++) {
		const lr_observation_t *x = lr_dataset_get_observation(a, i);
		expected_observation_t expected = {
			lr_dataset_get_observation_line(a, i), x->indicator, x->entity, x->year,
			x->period, x->value, x->low, x->high, x->total, x->status, x->source,
			x->quote, x->note,
		};
		assert_observation(b, i, &expected, "same dataset");
	}
}

/* ---------------------------------------------------------------------------------------- */
/* Good files */

/* What tests/data/good/basic (and its CRLF and BOM copies) must load as. */
static const expected_observation_t basic_observations[] = {
	{ 2, "ecommerce_revenue", VIET_NAM, 2023, "", 20.5, NO, NO, 0, LR_OBSERVATION_ACTUAL,
	  "000_a.txt", "20.5 " TY_USD, "" },
	{ 3, "ecommerce_revenue", VIET_NAM, 2024, "", NO, 27.7, 28, 0, LR_OBSERVATION_ESTIMATE,
	  "000_a.txt", "27.7" EN_DASH "28 " TY_USD, "range without a value" },
	{ 4, "egov_rank", VIET_NAM, 2022, "", 86, NO, NO, 193, LR_OBSERVATION_ACTUAL,
	  "001_b.txt", "86/193", "" },
	{ 5, "egov_rank", VIET_NAM, 2024, "", 71, NO, NO, 193, LR_OBSERVATION_ACTUAL,
	  "001_b.txt", "71/193", "" },
	{ 6, "internet_share", VIET_NAM, 2023, "H1", 78.1, NO, NO, 0, LR_OBSERVATION_ACTUAL,
	  "002_c.txt", "78.1%", "" },
	{ 7, "digital_growth", VIET_NAM, 2023, "", -3.5, NO, NO, 0, LR_OBSERVATION_FORECAST,
	  "002_c.txt", "giảm 3.5%", "" },
	{ 8, "ecommerce_revenue", HA_NOI, 2024, "09-30", 4.2, 4, 4.5, 0, LR_OBSERVATION_TARGET,
	  "003_d.txt", "4.2 " TY_USD, "" },
	{ 9, "ecommerce_revenue", VIET_NAM, 2023, "", 20.5, NO, NO, 0, LR_OBSERVATION_ACTUAL,
	  "001_b.txt", "20.5 " TY_USD, "same figure from another article" },
	{ 10, "internet_share", VIET_NAM, 2024, "11M", 80, NO, NO, 0, LR_OBSERVATION_ACTUAL,
	  "002_c.txt", "80%", "" },
	{ 11, "internet_share", VIET_NAM, 2024, "Q4", 0, NO, NO, 0, LR_OBSERVATION_ACTUAL,
	  "002_c.txt", "0%", "" },
	{ 12, "internet_share", VIET_NAM, 2024, "02-29", 100, NO, NO, 0, LR_OBSERVATION_ESTIMATE,
	  "002_c.txt", "100%", "" },
	{ 13, "egov_rank", "Singapore", 2024, "", 1, NO, NO, 193, LR_OBSERVATION_ACTUAL,
	  "001_b.txt", "1/193", "" },
	{ 14, "egov_rank", "Nam Sudan", 2024, "", 193, NO, NO, 193, LR_OBSERVATION_ACTUAL,
	  "001_b.txt", "193/193", "" },
};

static void
assert_basic(const lr_dataset_t *dataset, const char *label)
{
	const lr_indicator_t *indicator;

	assert_no_errors(dataset, label);
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 4);
	assert_indicator(lr_dataset_get_indicator(dataset, 0), "ecommerce_revenue",
			 "Doanh thu thương mại điện "
			 "tử bán lẻ", "Retail e-commerce revenue",
			 TY_USD, "billion USD", LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER, "economy",
			 "");
	/* Decomposed in the file, composed here. */
	assert_indicator(lr_dataset_get_indicator(dataset, 1), "egov_rank",
			 "Xếp hạng Chính phủ "
			 "điện tử", "E-government development rank",
			 "", "", LR_INDICATOR_RANK, LR_DIRECTION_LOWER, "government", "UN EGDI");
	assert_indicator(lr_dataset_get_indicator(dataset, 2), "internet_share",
			 "Tỷ lệ người dùng Internet",
			 "Share of Internet users", "%", "%", LR_INDICATOR_SHARE,
			 LR_DIRECTION_HIGHER, "society", "");
	assert_indicator(lr_dataset_get_indicator(dataset, 3), "digital_growth",
			 "Tăng trưởng kinh tế số",
			 "Digital economy growth", "%", "%", LR_INDICATOR_GROWTH,
			 LR_DIRECTION_HIGHER, "economy", "");
	ck_assert_ptr_null(lr_dataset_get_indicator(dataset, 4));

	indicator = lr_dataset_find_indicator(dataset, "egov_rank");
	ck_assert_ptr_eq(indicator, lr_dataset_get_indicator(dataset, 1));
	ck_assert_ptr_null(lr_dataset_find_indicator(dataset, "egov"));
	ck_assert_str_eq(lr_indicator_get_name(indicator, LR_LANGUAGE_EN),
			 "E-government development rank");
	ck_assert_str_eq(lr_indicator_get_name(indicator, LR_LANGUAGE_VI), indicator->name_vi);
	indicator = lr_dataset_find_indicator(dataset, "ecommerce_revenue");
	ck_assert_str_eq(lr_indicator_get_unit(indicator, LR_LANGUAGE_VI), TY_USD);
	ck_assert_str_eq(lr_indicator_get_unit(indicator, LR_LANGUAGE_EN), "billion USD");

	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset),
			  (size_t) N_ELEMENTS(basic_observations));
	for (int i = 0; i < N_ELEMENTS(basic_observations); i++)
		assert_observation(dataset, (size_t) i, &basic_observations[i], label);
	ck_assert_ptr_null(lr_dataset_get_observation(dataset, N_ELEMENTS(basic_observations)));
	ck_assert_uint_eq(lr_dataset_get_observation_line(dataset, N_ELEMENTS(basic_observations)),
			  0);
}

/* The fixture must really hold what the test claims it does. */
static void
assert_file_contains(const char *group, const char *name, const char *file, const char *bytes,
		     size_t length, bool at_start)
{
	char *path = fixture_file(group, name, file), *contents = NULL;
	gsize size = 0;

	ck_assert_msg(g_file_get_contents(path, &contents, &size, NULL), "cannot read %s", path);
	if (at_start)
		ck_assert_msg(size >= length && memcmp(contents, bytes, length) == 0,
			      "%s does not start as expected: regenerate the fixtures", path);
	else
		ck_assert_msg(g_strstr_len(contents, (gssize) size, bytes) != NULL,
			      "%s does not hold the expected bytes: regenerate the fixtures", path);
	g_free(contents);
	g_free(path);
}

START_TEST(test_good_basic)
{
	lr_dataset_t *dataset;

	assert_file_contains("good", "basic", "indicators.csv", "Xe\xcc\x82\xcc\x81p", 5, false);
	assert_file_contains("good", "basic", "observations.csv", "," VIET_NAM_NFD ",",
			     strlen(VIET_NAM_NFD) + 2, false);
	dataset = load_fixture("good", "basic");
	assert_basic(dataset, "good/basic");
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_good_crlf)
{
	lr_dataset_t *lf, *crlf;

	assert_file_contains("good", "crlf", "observations.csv", "note\r\n", 6, false);
	lf = load_fixture("good", "basic");
	crlf = load_fixture("good", "crlf");
	assert_basic(crlf, "good/crlf");
	assert_same_dataset(lf, crlf);
	lr_dataset_destroy(crlf);
	lr_dataset_destroy(lf);
}
END_TEST

START_TEST(test_good_bom)
{
	lr_dataset_t *plain, *bom;

	assert_file_contains("good", "bom", "indicators.csv", "\xef\xbb\xbfid,", 6, true);
	assert_file_contains("good", "bom", "observations.csv", "\xef\xbb\xbfindicator,", 13,
			     true);
	plain = load_fixture("good", "basic");
	bom = load_fixture("good", "bom");
	assert_basic(bom, "good/bom");
	assert_same_dataset(plain, bom);
	lr_dataset_destroy(bom);
	lr_dataset_destroy(plain);
}
END_TEST

static const expected_observation_t quoted_observations[] = {
	{ 2, "ecommerce_revenue", VIET_NAM, 2023, "", 20.5, NO, NO, 0, LR_OBSERVATION_ACTUAL,
	  "000_a.txt", "đạt 20,5 " TY_USD ", tăng 25%", "" },
	{ 3, "ecommerce_revenue", VIET_NAM, 2024, "", 21, NO, NO, 0, LR_OBSERVATION_ESTIMATE,
	  "000_a.txt", "gọi là \"kinh tế số\" năm 2024",
	  "two-line\nnote, spanning\nthree lines" },
	{ 6, "egov_rank", VIET_NAM, 2024, "", 71, NO, NO, 193, LR_OBSERVATION_ACTUAL,
	  "001_b.txt", "xếp thứ 71/193", "" },
	{ 7, "egov_rank", VIET_NAM, 2022, "", 86, NO, NO, 193, LR_OBSERVATION_ACTUAL,
	  "001_b.txt", "dòng một\ndòng hai", "" },
	{ 9, "internet_share", VIET_NAM, 2023, "", 78.1, NO, NO, 0, LR_OBSERVATION_ACTUAL,
	  "002_c.txt", "78.1%", "" },
};

START_TEST(test_good_quoted)
{
	lr_dataset_t *dataset = load_fixture("good", "quoted");
	const lr_indicator_t *indicator;

	assert_no_errors(dataset, "good/quoted");
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 4);
	indicator = lr_dataset_find_indicator(dataset, "internet_share");
	ck_assert_ptr_nonnull(indicator);
	ck_assert_str_eq(indicator->name_en, "Share of Internet users");
	ck_assert_str_eq(indicator->note, "Out of \"all\" people, not households");
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset),
			  (size_t) N_ELEMENTS(quoted_observations));
	for (int i = 0; i < N_ELEMENTS(quoted_observations); i++)
		assert_observation(dataset, (size_t) i, &quoted_observations[i], "good/quoted");
	lr_dataset_destroy(dataset);
}
END_TEST

/* Multi-line fields in a CRLF file: the lines after them are still counted right. */
START_TEST(test_good_quoted_crlf)
{
	lr_dataset_t *dataset = load_fixture("good", "quoted_crlf");

	assert_no_errors(dataset, "good/quoted_crlf");
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset),
			  (size_t) N_ELEMENTS(quoted_observations));
	for (int i = 0; i < N_ELEMENTS(quoted_observations); i++) {
		const lr_observation_t *observation = lr_dataset_get_observation(dataset, (size_t) i);
		ck_assert_uint_eq(lr_dataset_get_observation_line(dataset, (size_t) i),
				  quoted_observations[i].line);
		ck_assert_str_eq(observation->entity, VIET_NAM);
		ck_assert_int_eq(observation->year, quoted_observations[i].year);
	}
	ck_assert_str_eq(lr_dataset_get_observation(dataset, 1)->quote,
			 quoted_observations[1].quote);
	ck_assert_str_eq(lr_dataset_find_indicator(dataset, "internet_share")->note,
			 "Out of \"all\" people, not households");
	lr_dataset_destroy(dataset);
}
END_TEST

/* lr_dataset_load_files() takes the two files from anywhere. */
START_TEST(test_good_load_files)
{
	char *indicators = fixture_file("good", "basic", "indicators.csv");
	char *observations = fixture_file("good", "quoted", "observations.csv");
	lr_dataset_t *dataset = lr_dataset_load_files(indicators, observations);

	assert_no_errors(dataset, "load_files");
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 4);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset),
			  (size_t) N_ELEMENTS(quoted_observations));
	assert_observation(dataset, 3, &quoted_observations[3], "load_files");
	lr_dataset_destroy(dataset);
	g_free(indicators);
	g_free(observations);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Bad files: one mistake each (positions as printed by tests/data/make-fixtures.py) */

#define IND "indicators.csv"
#define OBS "observations.csv"

typedef struct {
	const char *name;      /* the folder under tests/data/bad */
	const char *file;      /* the file the error is in */
	lr_status_t status;
	unsigned line, column;
	const char *phrase;    /* in the message */
	unsigned indicators;   /* loaded despite the error */
	unsigned observations;
} bad_case_t;

static const bad_case_t bad_cases[] = {
	/* CSV syntax */
	{ "unterminated_quote", OBS, LR_STATUS_PARSE_ERROR, 3, 57,
	  "unterminated quoted field", 4, 1 },
	{ "malformed_quote", OBS, LR_STATUS_PARSE_ERROR, 3, 65, "malformed quoted field", 4, 1 },
	{ "quote_in_unquoted", OBS, LR_STATUS_PARSE_ERROR, 3, 61, "quote", 4, 1 },
	{ "too_few_columns", OBS, LR_STATUS_PARSE_ERROR, 3, 1, "expected 12 fields, found 11",
	  4, 2 },
	{ "too_many_columns", OBS, LR_STATUS_PARSE_ERROR, 3, 1, "expected 12 fields, found 13",
	  4, 2 },
	{ "after_blank_line", OBS, LR_STATUS_UNKNOWN_INDICATOR, 4, 1,
	  "'ecommerce_revenu' is not defined", 4, 2 },
	{ "after_multiline", OBS, LR_STATUS_INVALID_DATA, 5, 31,
	  "a share is a percentage between 0 and 100", 4, 2 },
	/* header */
	{ "header_wrong", OBS, LR_STATUS_PARSE_ERROR, 1, 11,
	  "expected column 'entity' here, found 'entiti'", 4, 2 },
	{ "header_missing_column", OBS, LR_STATUS_PARSE_ERROR, 1, 23,
	  "expected column 'period' here, found 'value'", 4, 2 },
	{ "header_extra_column", OBS, LR_STATUS_PARSE_ERROR, 1, 72,
	  "unexpected extra column 'extra'", 4, 2 },
	{ "no_header", OBS, LR_STATUS_PARSE_ERROR, 1, 1,
	  "expected column 'indicator' here, found 'ecommerce_revenue'", 4, 1 },
	{ "bom_header", IND, LR_STATUS_PARSE_ERROR, 1, 1, "expected column 'id' here, found 'ID'",
	  4, 2 },
	/* encoding: columns count characters, so "Việt" before the bad byte is 4 columns */
	{ "utf8_invalid", OBS, LR_STATUS_INVALID_UTF8, 3, 67, "quote: invalid UTF-8", 4, 2 },
	{ "utf8_invalid_quoted", OBS, LR_STATUS_INVALID_UTF8, 3, 33, "entity: invalid UTF-8",
	  4, 2 },
	{ "utf8_truncated_indicators", IND, LR_STATUS_INVALID_UTF8, 5, 28,
	  "name_vi: invalid UTF-8", 3, 2 },
	/* numbers */
	{ "value_decimal_comma", OBS, LR_STATUS_INVALID_DATA, 3, 34,
	  "write '.' as the decimal point", 4, 2 },
	{ "value_text", OBS, LR_STATUS_INVALID_DATA, 3, 34,
	  "value: expected a number like 27.7, found 'abc'", 4, 2 },
	{ "value_nan", OBS, LR_STATUS_INVALID_DATA, 3, 34,
	  "NaN and infinite values are not allowed", 4, 2 },
	{ "value_inf", OBS, LR_STATUS_INVALID_DATA, 3, 34,
	  "NaN and infinite values are not allowed", 4, 2 },
	{ "value_overflow", OBS, LR_STATUS_INVALID_DATA, 3, 40,
	  "high: expected a finite number like 27.7, found '1e999'", 4, 2 },
	{ "rank_zero", OBS, LR_STATUS_INVALID_DATA, 3, 26,
	  "a rank must be a whole number of at least 1, found 0", 4, 2 },
	{ "rank_above_n", OBS, LR_STATUS_INVALID_DATA, 3, 26, "rank 200 is above its n (193", 4,
	  2 },
	{ "rank_fraction", OBS, LR_STATUS_INVALID_DATA, 3, 26,
	  "a rank must be a whole number of at least 1, found 71.5", 4, 2 },
	{ "share_above_100", OBS, LR_STATUS_INVALID_DATA, 3, 31,
	  "a share is a percentage between 0 and 100", 4, 2 },
	{ "low_without_high", OBS, LR_STATUS_INVALID_DATA, 3, 40, "a range needs both ends", 4,
	  2 },
	{ "high_without_low", OBS, LR_STATUS_INVALID_DATA, 3, 35, "a range needs both ends", 4,
	  2 },
	{ "low_above_high", OBS, LR_STATUS_INVALID_DATA, 3, 35, "low: 30 is above high 28", 4,
	  2 },
	{ "value_outside_range", OBS, LR_STATUS_INVALID_DATA, 3, 34,
	  "value: 31 lies outside the range 27.7-28", 4, 2 },
	{ "missing_value", OBS, LR_STATUS_INVALID_DATA, 3, 34,
	  "value: expected a number (or a range in low and high)", 4, 2 },
	{ "bad_n", OBS, LR_STATUS_INVALID_DATA, 3, 31,
	  "n: expected a whole number from 1 to 1000000, found '0'", 4, 2 },
	/* other fields of observations */
	{ "unknown_indicator", OBS, LR_STATUS_UNKNOWN_INDICATOR, 3, 1,
	  "indicator: 'ecommerce_revenu' is not defined in indicators.csv", 4, 2 },
	{ "duplicate", OBS, LR_STATUS_INVALID_DATA, 3, 1,
	  "duplicate observation: line 2 has the same indicator, entity, year, period, status "
	  "and source", 4, 2 },
	{ "bad_period", OBS, LR_STATUS_INVALID_DATA, 3, 30,
	  "period: expected empty, H1, H2, Q1-Q4, 1M-11M or MM-DD; found 'Q5'", 4, 2 },
	{ "bad_date_period", OBS, LR_STATUS_INVALID_DATA, 3, 30, "found '02-30'", 4, 2 },
	{ "bad_status", OBS, LR_STATUS_INVALID_DATA, 3, 39,
	  "status: expected actual, estimate, forecast or target; found 'actul'", 4, 2 },
	{ "bad_year", OBS, LR_STATUS_INVALID_DATA, 3, 25,
	  "year: expected a whole number from 1900 to 2100, found '2O23'", 4, 2 },
	{ "missing_quote", OBS, LR_STATUS_INVALID_DATA, 3, 56,
	  "quote: every figure needs its source file and the quoted phrase", 4, 2 },
	{ "empty_entity", OBS, LR_STATUS_INVALID_DATA, 3, 16, "entity: expected a name", 4, 2 },
	/* indicators */
	{ "bad_kind", IND, LR_STATUS_INVALID_DATA, 4, 70,
	  "kind: expected value, rank, share or growth; found 'percent'", 3, 2 },
	{ "bad_better", IND, LR_STATUS_INVALID_DATA, 4, 76,
	  "better: expected higher, lower or neutral; found 'more'", 3, 2 },
	{ "bad_pillar", IND, LR_STATUS_INVALID_DATA, 4, 83, "pillar: expected overall,", 3, 2 },
	{ "bad_id", IND, LR_STATUS_INVALID_DATA, 4, 1,
	  "id: expected lower-case ASCII letters, digits and '_'", 3, 2 },
	{ "duplicate_indicator", IND, LR_STATUS_INVALID_DATA, 6, 1,
	  "indicator 'ecommerce_revenue' is defined twice", 4, 2 },
	/* whole files */
	{ "empty_file", OBS, LR_STATUS_PARSE_ERROR, 1, 1, "the file is empty", 4, 0 },
	{ "whitespace_file", OBS, LR_STATUS_PARSE_ERROR, 1, 1, "the file is empty", 4, 0 },
	{ "missing_file", OBS, LR_STATUS_FILE_NOT_FOUND, 0, 0, "observations.csv", 4, 0 },
};

START_TEST(test_bad_file)
{
	const bad_case_t *bad = &bad_cases[_i];
	char *path = fixture_file("bad", bad->name, bad->file);
	lr_dataset_t *dataset = load_fixture("bad", bad->name);

	if (lr_dataset_get_error_count(dataset) != 1)
		print_errors(dataset, bad->name);
	ck_assert_msg(lr_dataset_get_error_count(dataset) == 1, "%s: %zu errors, expected 1",
		      bad->name, lr_dataset_get_error_count(dataset));
	ck_assert_int_eq(lr_dataset_status(dataset), bad->status);
	assert_error(dataset, 0, bad->status, path, bad->line, bad->column, bad->phrase,
		     bad->name);
	ck_assert_ptr_null(lr_dataset_get_error(dataset, 1));
	ck_assert_msg(lr_dataset_get_indicator_count(dataset) == bad->indicators,
		      "%s: %zu indicators loaded, expected %u", bad->name,
		      lr_dataset_get_indicator_count(dataset), bad->indicators);
	ck_assert_msg(lr_dataset_get_observation_count(dataset) == bad->observations,
		      "%s: %zu observations loaded, expected %u", bad->name,
		      lr_dataset_get_observation_count(dataset), bad->observations);
	lr_dataset_destroy(dataset);
	g_free(path);
}
END_TEST

/* A missing folder: both files are reported, indicators first. */
START_TEST(test_bad_missing_folder)
{
	char *directory = fixture_dir("bad", "no_such_folder");
	char *indicators = g_build_filename(directory, IND, NULL);
	char *observations = g_build_filename(directory, OBS, NULL);
	lr_dataset_t *dataset = lr_dataset_load(directory);

	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 2);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_FILE_NOT_FOUND);
	assert_error(dataset, 0, LR_STATUS_FILE_NOT_FOUND, indicators, 0, 0, IND, "no folder");
	assert_error(dataset, 1, LR_STATUS_FILE_NOT_FOUND, observations, 0, 0, OBS, "no folder");
	lr_dataset_destroy(dataset);
	g_free(observations);
	g_free(indicators);
	g_free(directory);
}
END_TEST

typedef struct {
	const char *file;
	lr_status_t status;
	unsigned line, column;
	const char *phrase;
} many_error_t;

/* tests/data/bad/many: every error is listed, in file order, indicators first. */
static const many_error_t many_errors[] = {
	{ IND, LR_STATUS_INVALID_DATA, 3, 75,
	  "better: expected higher, lower or neutral; found 'lowest'" },
	{ OBS, LR_STATUS_INVALID_DATA, 3, 25,
	  "year: expected a whole number from 1900 to 2100, found '23'" },
	{ OBS, LR_STATUS_INVALID_DATA, 6, 34, "write '.' as the decimal point" },
	{ OBS, LR_STATUS_UNKNOWN_INDICATOR, 7, 1, "indicator: 'egov_rank' is not defined" },
	{ OBS, LR_STATUS_INVALID_DATA, 9, 30,
	  "period: expected empty, H1, H2, Q1-Q4, 1M-11M or MM-DD; found '02-30'" },
	{ OBS, LR_STATUS_INVALID_DATA, 10, 1, "duplicate observation: line 2 has the same" },
	{ OBS, LR_STATUS_INVALID_DATA, 11, 31, "a share is a percentage between 0 and 100" },
	{ OBS, LR_STATUS_PARSE_ERROR, 12, 1, "expected 12 fields, found 11" },
	{ OBS, LR_STATUS_INVALID_DATA, 13, 37,
	  "status: expected actual, estimate, forecast or target; found 'done'" },
	{ OBS, LR_STATUS_INVALID_UTF8, 14, 66, "note: invalid UTF-8" },
};

START_TEST(test_bad_many)
{
	static const unsigned lines[] = { 2, 4, 8, 15 };
	lr_dataset_t *dataset = load_fixture("bad", "many");

	if (lr_dataset_get_error_count(dataset) != (size_t) N_ELEMENTS(many_errors))
		print_errors(dataset, "bad/many");
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), (size_t) N_ELEMENTS(many_errors));
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_INVALID_DATA);
	for (int i = 0; i < N_ELEMENTS(many_errors); i++) {
		char *path = fixture_file("bad", "many", many_errors[i].file);
		char label[32];
		snprintf(label, sizeof label, "bad/many #%d", i);
		assert_error(dataset, (size_t) i, many_errors[i].status, path, many_errors[i].line,
			     many_errors[i].column, many_errors[i].phrase, label);
		g_free(path);
	}
	ck_assert_ptr_null(lr_dataset_get_error(dataset, N_ELEMENTS(many_errors)));
	/* The good rows around the bad ones are kept. */
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 3);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), (size_t) N_ELEMENTS(lines));
	for (int i = 0; i < N_ELEMENTS(lines); i++)
		ck_assert_uint_eq(lr_dataset_get_observation_line(dataset, (size_t) i), lines[i]);
	ck_assert_str_eq(lr_dataset_get_observation(dataset, 1)->note, "a note\non two lines");
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* The in-memory API */

static const lr_indicator_t api_revenue = {
	.id = "ecommerce_revenue", .name_vi = "Doanh thu thương mại điện tử",
	.name_en = "E-commerce revenue", .unit_vi = TY_USD, .unit_en = "billion USD",
	.kind = LR_INDICATOR_VALUE, .better = LR_DIRECTION_HIGHER, .pillar = "economy", .note = NULL,
};

static const lr_indicator_t api_rank = {
	.id = "egov_rank", .name_vi = "Xếp hạng", .name_en = "Rank", .unit_vi = NULL,
	.unit_en = NULL, .kind = LR_INDICATOR_RANK, .better = LR_DIRECTION_LOWER,
	.pillar = "government", .note = "",
};

static lr_observation_t
api_observation(const char *indicator, int year, double value)
{
	lr_observation_t observation = {
		.indicator = indicator, .entity = VIET_NAM, .year = year, .period = NULL,
		.value = value, .low = NO, .high = NO, .total = 0, .status = LR_OBSERVATION_ACTUAL,
		.source = "000_a.txt", .quote = "quote", .note = NULL,
	};
	return observation;
}

START_TEST(test_api_build)
{
	lr_dataset_t *dataset = lr_dataset_create();
	char id[32], entity[32], name[64];
	lr_indicator_t indicator = api_revenue;
	lr_observation_t observation;
	const lr_observation_t *stored;

	ck_assert_ptr_nonnull(dataset);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 0);
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 0);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), 0);
	ck_assert_ptr_null(lr_dataset_get_error(dataset, 0));

	/* Strings are copied: the caller's buffers may change afterwards. Decomposed text
	 * comes back composed. */
	snprintf(id, sizeof id, "%s", "ecommerce_revenue");
	snprintf(name, sizeof name, "%s", "Doanh thu " VIET_NAM_NFD);
	indicator.id = id;
	indicator.name_vi = name;
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	memset(id, 'x', sizeof id - 1);
	memset(name, 'x', sizeof name - 1);
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &api_rank), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 2);
	ck_assert_str_eq(lr_dataset_get_indicator(dataset, 0)->id, "ecommerce_revenue");
	ck_assert_str_eq(lr_dataset_get_indicator(dataset, 0)->name_vi, "Doanh thu " VIET_NAM);
	ck_assert_str_eq(lr_dataset_get_indicator(dataset, 0)->note, "");
	ck_assert_str_eq(lr_dataset_get_indicator(dataset, 1)->unit_vi, "");
	ck_assert_str_eq(lr_indicator_get_unit(lr_dataset_get_indicator(dataset, 1),
					       LR_LANGUAGE_EN), "");
	ck_assert_ptr_eq(lr_dataset_find_indicator(dataset, "egov_rank"),
			 lr_dataset_get_indicator(dataset, 1));

	observation = api_observation("ecommerce_revenue", 2023, 20.5);
	snprintf(entity, sizeof entity, "%s", VIET_NAM_NFD);
	observation.entity = entity;
	observation.source = NULL; /* data that does not come from an article */
	observation.quote = NULL;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	memset(entity, 'x', sizeof entity - 1);
	observation = api_observation("egov_rank", 2024, NO);
	observation.low = 70;
	observation.high = 72;
	observation.total = 193;
	observation.period = "H1";
	observation.status = LR_OBSERVATION_TARGET;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);

	assert_no_errors(dataset, "api");
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), 2);
	stored = lr_dataset_get_observation(dataset, 0);
	ck_assert_str_eq(stored->indicator, "ecommerce_revenue");
	ck_assert_str_eq(stored->entity, VIET_NAM);
	ck_assert_int_eq(stored->year, 2023);
	ck_assert_str_eq(stored->period, "");
	ck_assert_double_eq(stored->value, 20.5);
	ck_assert_double_nan(stored->low);
	ck_assert_double_nan(stored->high);
	ck_assert_int_eq(stored->total, 0);
	ck_assert_str_eq(stored->source, "");
	ck_assert_str_eq(stored->quote, "");
	ck_assert_str_eq(stored->note, "");
	ck_assert_uint_eq(lr_dataset_get_observation_line(dataset, 0), 0);
	stored = lr_dataset_get_observation(dataset, 1);
	ck_assert_double_nan(stored->value);
	ck_assert_double_eq(stored->low, 70);
	ck_assert_double_eq(stored->high, 72);
	ck_assert_int_eq(stored->total, 193);
	ck_assert_str_eq(stored->period, "H1");
	ck_assert_int_eq(stored->status, LR_OBSERVATION_TARGET);
	ck_assert_str_eq(stored->source, "000_a.txt");
	ck_assert_str_eq(stored->quote, "quote");

	ck_assert_str_eq(lr_indicator_kind_to_string(LR_INDICATOR_SHARE), "share");
	ck_assert_str_eq(lr_indicator_kind_to_string((lr_indicator_kind_t) 42), "unknown");
	ck_assert_str_eq(lr_observation_status_to_string(LR_OBSERVATION_FORECAST), "forecast");
	ck_assert_str_eq(lr_observation_status_to_string((lr_observation_status_t) 42),
			 "unknown");
	lr_dataset_destroy(dataset);
}
END_TEST

/* Every failed add is recorded (file NULL, no position); the status stays the first error. */
START_TEST(test_api_errors)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t indicator = api_revenue;
	lr_observation_t observation;
	size_t errors = 0;

	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &api_revenue), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &api_rank), LR_STATUS_SUCCESS);

	observation = api_observation("no_such_indicator", 2023, 1);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation),
			 LR_STATUS_UNKNOWN_INDICATOR);
	assert_error(dataset, errors++, LR_STATUS_UNKNOWN_INDICATOR, NULL, 0, 0,
		     "'no_such_indicator' is not defined", "api unknown indicator");
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_UNKNOWN_INDICATOR);

	/* Later errors are recorded too, but the status stays the first one. */
	indicator.id = "Bad-Id";
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_INVALID_DATA);
	assert_error(dataset, errors++, LR_STATUS_INVALID_DATA, NULL, 0, 0,
		     "id: expected lower-case ASCII letters", "api bad id");
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_UNKNOWN_INDICATOR);

	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &api_revenue), LR_STATUS_INVALID_DATA);
	assert_error(dataset, errors++, LR_STATUS_INVALID_DATA, NULL, 0, 0,
		     "indicator 'ecommerce_revenue' is defined twice", "api duplicate indicator");

	indicator = api_revenue;
	indicator.id = "other";
	indicator.name_vi = "T\xe1\xbb\xb7 \xff";
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_INVALID_UTF8);
	assert_error(dataset, errors++, LR_STATUS_INVALID_UTF8, NULL, 0, 0,
		     "name_vi: text is not valid UTF-8", "api bad UTF-8");

	indicator = api_revenue;
	indicator.id = NULL;
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_NULL_POINTER);
	assert_error(dataset, errors++, LR_STATUS_NULL_POINTER, NULL, 0, 0,
		     "needs an id", "api NULL id");

	indicator = api_revenue;
	indicator.id = "other";
	indicator.kind = (lr_indicator_kind_t) 7;
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_INVALID_DATA);
	assert_error(dataset, errors++, LR_STATUS_INVALID_DATA, NULL, 0, 0,
		     "kind: expected value, rank, share or growth", "api bad kind");

	observation = api_observation("ecommerce_revenue", 2023, INFINITY);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation),
			 LR_STATUS_INVALID_DATA);
	assert_error(dataset, errors++, LR_STATUS_INVALID_DATA, NULL, 0, 0,
		     "value: expected a finite number", "api infinite value");

	observation = api_observation("egov_rank", 2023, 200);
	observation.total = 193;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation),
			 LR_STATUS_INVALID_DATA);
	assert_error(dataset, errors++, LR_STATUS_INVALID_DATA, NULL, 0, 0,
		     "rank 200 is above its n (193", "api rank above n");

	observation = api_observation("ecommerce_revenue", 1800, 1);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation),
			 LR_STATUS_INVALID_DATA);
	assert_error(dataset, errors++, LR_STATUS_INVALID_DATA, NULL, 0, 0,
		     "year: expected a year between 1900 and 2100, found 1800", "api bad year");

	observation = api_observation("ecommerce_revenue", 2023, 1);
	observation.status = (lr_observation_status_t) 9;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation),
			 LR_STATUS_INVALID_DATA);
	assert_error(dataset, errors++, LR_STATUS_INVALID_DATA, NULL, 0, 0,
		     "status: expected actual, estimate, forecast or target", "api bad status");

	/* A good row still goes in; the same row again is a duplicate. */
	observation = api_observation("ecommerce_revenue", 2023, 20.5);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	observation.value = 21;
	observation.entity = VIET_NAM_NFD; /* the same entity once composed */
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation),
			 LR_STATUS_INVALID_DATA);
	assert_error(dataset, errors++, LR_STATUS_INVALID_DATA, NULL, 0, 0,
		     "duplicate observation: same indicator, entity, year, period, status and "
		     "source as an earlier one", "api duplicate observation");
	/* ... but not when only the source differs. */
	observation.source = "001_b.txt";
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);

	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), errors);
	ck_assert_ptr_null(lr_dataset_get_error(dataset, errors));
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_UNKNOWN_INDICATOR);
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 2);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), 2);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_api_null)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_observation_t observation = api_observation("ecommerce_revenue", 2023, 1);

	lr_dataset_destroy(NULL);
	ck_assert_ptr_null(lr_dataset_reference(NULL));
	ck_assert_int_eq(lr_dataset_status(NULL), LR_STATUS_NULL_POINTER);
	ck_assert_uint_eq(lr_dataset_get_error_count(NULL), 0);
	ck_assert_ptr_null(lr_dataset_get_error(NULL, 0));
	ck_assert_uint_eq(lr_dataset_get_indicator_count(NULL), 0);
	ck_assert_ptr_null(lr_dataset_get_indicator(NULL, 0));
	ck_assert_ptr_null(lr_dataset_find_indicator(NULL, "ecommerce_revenue"));
	ck_assert_uint_eq(lr_dataset_get_observation_count(NULL), 0);
	ck_assert_ptr_null(lr_dataset_get_observation(NULL, 0));
	ck_assert_uint_eq(lr_dataset_get_observation_line(NULL, 0), 0);
	ck_assert_str_eq(lr_indicator_get_name(NULL, LR_LANGUAGE_VI), "");
	ck_assert_str_eq(lr_indicator_get_unit(NULL, LR_LANGUAGE_EN), "");

	ck_assert_int_eq(lr_dataset_add_indicator(NULL, &api_revenue), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_add_observation(NULL, &observation), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_ptr_null(lr_dataset_find_indicator(dataset, NULL));
	/* The two NULL rows are recorded, as every failure to add is. */
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 2);
	ck_assert_int_eq(lr_dataset_get_error(dataset, 0)->status, LR_STATUS_NULL_POINTER);
	ck_assert_ptr_null(lr_dataset_get_error(dataset, 2));
	ck_assert_ptr_null(lr_dataset_get_error(dataset, (size_t) -1));
	ck_assert_ptr_null(lr_dataset_get_indicator(dataset, 0));
	ck_assert_ptr_null(lr_dataset_get_observation(dataset, 0));

	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &api_revenue), LR_STATUS_SUCCESS);
	observation.entity = NULL;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation),
			 LR_STATUS_NULL_POINTER);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 3);
	assert_error(dataset, 2, LR_STATUS_NULL_POINTER, NULL, 0, 0,
		     "needs an indicator and an entity", "api NULL entity");
	ck_assert_ptr_null(lr_dataset_get_error(dataset, 3));
	lr_dataset_destroy(dataset);

	dataset = lr_dataset_load(NULL);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_NULL_POINTER);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 1);
	assert_error(dataset, 0, LR_STATUS_NULL_POINTER, NULL, 0, 0, "no dataset folder",
		     "load(NULL)");
	lr_dataset_destroy(dataset);

	dataset = lr_dataset_load_files(NULL, NULL);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_NULL_POINTER);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 1);
	assert_error(dataset, 0, LR_STATUS_NULL_POINTER, NULL, 0, 0, "no file named",
		     "load_files(NULL)");
	lr_dataset_destroy(dataset);
}
END_TEST

/* Each reference keeps the dataset and every string it returned alive (ASan checks the
 * reads after the first destroy, and that the last one frees everything). */
START_TEST(test_api_reference)
{
	lr_dataset_t *dataset = load_fixture("good", "basic");
	const lr_indicator_t *indicator = lr_dataset_get_indicator(dataset, 1);
	const lr_observation_t *observation = lr_dataset_get_observation(dataset, 0);
	const char *entity = observation->entity;

	ck_assert_ptr_eq(lr_dataset_reference(dataset), dataset);
	ck_assert_ptr_eq(lr_dataset_reference(dataset), dataset);
	lr_dataset_destroy(dataset);
	lr_dataset_destroy(dataset);
	/* One reference left. */
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 4);
	ck_assert_str_eq(indicator->id, "egov_rank");
	ck_assert_str_eq(entity, VIET_NAM);
	ck_assert_ptr_eq(lr_dataset_get_observation(dataset, 0), observation);
	lr_dataset_destroy(dataset);

	dataset = lr_dataset_create();
	ck_assert_ptr_eq(lr_dataset_reference(dataset), dataset);
	lr_dataset_destroy(dataset);
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &api_rank), LR_STATUS_SUCCESS);
	ck_assert_ptr_nonnull(lr_dataset_find_indicator(dataset, "egov_rank"));
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* The real dataset */

/* The seed file @name, NFC (the loader normalises quotes), read once; NULL when unreadable. */
static const char *
seed_text(GHashTable *seeds, const char *name)
{
	char *path, *contents = NULL, *normalized = NULL;

	if (g_hash_table_contains(seeds, name))
		return g_hash_table_lookup(seeds, name);
	path = g_build_filename(LR_SEEDS_DIR, name, NULL);
	if (g_file_get_contents(path, &contents, NULL, NULL))
		normalized = g_utf8_normalize(contents, -1, G_NORMALIZE_NFC);
	g_hash_table_insert(seeds, g_strdup(name), normalized);
	g_free(contents);
	g_free(path);
	return normalized;
}

START_TEST(test_real_dataset)
{
	lr_dataset_t *dataset = lr_dataset_load(LR_DATA_DIR);
	size_t indicators = lr_dataset_get_indicator_count(dataset);
	size_t observations = lr_dataset_get_observation_count(dataset);
	GHashTable *seeds, *used;
	unsigned failures = 0;

	if (lr_dataset_get_error_count(dataset) > 0)
		print_errors(dataset, LR_DATA_DIR);
	ck_assert_msg(lr_dataset_get_error_count(dataset) == 0, "%s: %zu errors", LR_DATA_DIR,
		      lr_dataset_get_error_count(dataset));
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
	ck_assert_msg(observations > 100, "%s has only %zu observations", LR_DATA_DIR,
		      observations);

	/* Every indicator is used. */
	used = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < observations; i++)
		g_hash_table_add(used, (gpointer) lr_dataset_get_observation(dataset, i)->indicator);
	for (size_t i = 0; i < indicators; i++) {
		const char *id = lr_dataset_get_indicator(dataset, i)->id;
		if (!g_hash_table_contains(used, id)) {
			fprintf(stderr, "%s/indicators.csv: indicator '%s' has no observation\n",
				LR_DATA_DIR, id);
			failures++;
		}
	}
	g_hash_table_unref(used);

	/* Every quote is copied exactly from the article it names. */
	if (!g_file_test(LR_SEEDS_DIR, G_FILE_TEST_IS_DIR)) {
		printf("note: %s is not there; the quotes of the dataset are not checked\n",
		       LR_SEEDS_DIR);
	} else {
		seeds = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		for (size_t i = 0; i < observations; i++) {
			const lr_observation_t *observation = lr_dataset_get_observation(dataset, i);
			unsigned line = lr_dataset_get_observation_line(dataset, i);
			const char *text;

			if (strchr(observation->source, '/') || strchr(observation->source, '\\') ||
			    !(text = seed_text(seeds, observation->source))) {
				fprintf(stderr, "%s/observations.csv:%u: source '%s' is not a file "
					"of %s\n", LR_DATA_DIR, line, observation->source,
					LR_SEEDS_DIR);
				failures++;
			} else if (!strstr(text, observation->quote)) {
				fprintf(stderr, "%s/observations.csv:%u: the quote \"%s\" is not in "
					"%s\n", LR_DATA_DIR, line, observation->quote,
					observation->source);
				failures++;
			}
		}
		g_hash_table_unref(seeds);
	}
	ck_assert_msg(failures == 0, "%u problems in the dataset (listed on stderr)", failures);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */

/* ---------------------------------------------------------------------------------------- */
/* From memory (lr_dataset_load_from_memory) */

/* The text of @group/@name/@file, copied into a buffer of exactly its size with no NUL after
 * it (so a read past the end is an ASan error); *@size its length. NULL when missing. */
static char *
fixture_bytes(const char *group, const char *name, const char *file, size_t *size)
{
	char *path = fixture_file(group, name, file), *contents = NULL, *exact;
	gsize length = 0;

	if (!g_file_get_contents(path, &contents, &length, NULL)) {
		g_free(path);
		*size = 0;
		return NULL;
	}
	exact = g_malloc(length ? length : 1);
	memcpy(exact, contents, length);
	g_free(contents);
	g_free(path);
	*size = length;
	return exact;
}

static lr_dataset_t *
load_fixture_from_memory(const char *group, const char *name, const char *label)
{
	size_t indicators_size, observations_size;
	char *indicators = fixture_bytes(group, name, IND, &indicators_size);
	char *observations = fixture_bytes(group, name, OBS, &observations_size);
	lr_dataset_t *dataset = lr_dataset_load_from_memory(label, indicators, indicators_size,
							     observations, observations_size);

	g_free(indicators);
	g_free(observations);
	return dataset;
}

START_TEST(test_memory_good)
{
	static const char *const cases[] = { "basic", "crlf", "bom", "quoted", "quoted_crlf" };
	lr_dataset_t *from_files = load_fixture("good", cases[_i]);
	lr_dataset_t *from_memory = load_fixture_from_memory("good", cases[_i], "upload");

	assert_no_errors(from_memory, cases[_i]);
	assert_same_dataset(from_files, from_memory);
	lr_dataset_destroy(from_memory);
	lr_dataset_destroy(from_files);
}
END_TEST

/* Every bad fixture gives the same error from memory, at the same line and column, in the
 * file "name/observations.csv" (or indicators.csv). */
START_TEST(test_memory_bad)
{
	const bad_case_t *bad = &bad_cases[_i];
	size_t size;
	char *probe = fixture_bytes("bad", bad->name, IND, &size);
	char *probe2 = fixture_bytes("bad", bad->name, OBS, &size);
	char *file = g_strdup_printf("upload 7/%s", bad->file);
	lr_dataset_t *dataset;

	/* A case made of a missing file or a special one has no text to give. */
	if (!probe || !probe2) {
		g_free(probe);
		g_free(probe2);
		g_free(file);
		return;
	}
	g_free(probe);
	g_free(probe2);
	dataset = load_fixture_from_memory("bad", bad->name, "upload 7");
	if (lr_dataset_get_error_count(dataset) != 1)
		print_errors(dataset, bad->name);
	ck_assert_msg(lr_dataset_get_error_count(dataset) == 1, "%s: %zu errors, expected 1",
		      bad->name, lr_dataset_get_error_count(dataset));
	assert_error(dataset, 0, bad->status, file, bad->line, bad->column, bad->phrase,
		     bad->name);
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), bad->indicators);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), bad->observations);
	lr_dataset_destroy(dataset);
	g_free(file);
}
END_TEST

/* A text with a mistake on each of 2 million lines (4 MB): reading stops after
 * LR_ERROR_COUNT_MAX errors with one more saying so, at the line reached, and none of the
 * rest is read (it once recorded every error: 10 MB of such lines took 1.3 GB and 45 s). */
START_TEST(test_error_count_max)
{
	static const char header[] = "indicator,entity,year,period,value,low,high,n,status,source,quote,note\n";
	size_t size, lines = 2000000;
	char *indicators = fixture_bytes("good", "basic", IND, &size);
	GString *text = g_string_new(header);
	const lr_error_t *last;
	lr_dataset_t *dataset;

	for (size_t i = 0; i < lines; i++)
		g_string_append(text, "x\n");
	dataset = lr_dataset_load_from_memory("flood", indicators, size, text->str, text->len);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), LR_ERROR_COUNT_MAX + 1);
	assert_error(dataset, 0, LR_STATUS_PARSE_ERROR, "flood/observations.csv", 2, 1,
		     "expected 12 fields, found 1", "first");
	last = lr_dataset_get_error(dataset, LR_ERROR_COUNT_MAX);
	ck_assert_str_eq(last->file, "flood/observations.csv");
	ck_assert_uint_eq(last->line, LR_ERROR_COUNT_MAX + 2);
	ck_assert_msg(strstr(last->message, "too many errors: reading stopped here after 1000"),
		      "%s", last->message);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_PARSE_ERROR);
	lr_dataset_destroy(dataset);

	/* Just below the limit, every error is kept and nothing is said of a limit. */
	g_string_truncate(text, sizeof header - 1);
	for (size_t i = 0; i < LR_ERROR_COUNT_MAX; i++)
		g_string_append(text, "x\n");
	dataset = lr_dataset_load_from_memory("flood", indicators, size, text->str, text->len);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), LR_ERROR_COUNT_MAX);
	last = lr_dataset_get_error(dataset, LR_ERROR_COUNT_MAX - 1);
	ck_assert_ptr_null(strstr(last->message, "too many"));
	lr_dataset_destroy(dataset);
	g_string_free(text, TRUE);
	g_free(indicators);
}
END_TEST

/* A quoted field with a line break moves the fields after it to the next line: their errors
 * name that line and the column on it (found by fuzz-dataset: "observations.csv:2:8" on a
 * line of 4 characters). */
START_TEST(test_field_after_quoted_line_break)
{
	static const char observations[] =
		"indicator,entity,year,period,value,low,high,n,status,source,quote,note\n"
		"ecommerce_revenue,\"Việt\nNam\",20x3,,1,,,,actual,s,q,\n"
		"ecommerce_revenue,\"A\nB\nC\",2023,,1,,,,actul,s,q,\n";
	size_t size;
	char *indicators = fixture_bytes("good", "basic", IND, &size);
	lr_dataset_t *dataset = lr_dataset_load_from_memory("q", indicators, size, observations,
							     sizeof observations - 1);

	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 2);
	assert_error(dataset, 0, LR_STATUS_INVALID_DATA, "q/observations.csv", 3, 6,
		     "year: expected a whole number", "year after a two-line entity");
	assert_error(dataset, 1, LR_STATUS_INVALID_DATA, "q/observations.csv", 6, 15,
		     "status: expected actual", "status after a three-line entity");
	lr_dataset_destroy(dataset);
	g_free(indicators);
}
END_TEST

START_TEST(test_memory_arguments)
{
	static const char header[] = "indicator,entity,year,period,value,low,high,n,status,source,quote,note\n";
	size_t size;
	char *indicators = fixture_bytes("good", "basic", IND, &size);
	lr_dataset_t *dataset;
	char *text;

	/* NULL text; no name: "<memory>". */
	dataset = lr_dataset_load_from_memory(NULL, indicators, size, NULL, 0);
	assert_error(dataset, 0, LR_STATUS_NULL_POINTER, "<memory>", 0, 0, "no observations text",
		     "NULL");
	lr_dataset_destroy(dataset);

	/* Empty text is an empty file; the length, not a NUL, ends the text. */
	dataset = lr_dataset_load_from_memory(NULL, indicators, size, header, 0);
	assert_error(dataset, 0, LR_STATUS_PARSE_ERROR, "<memory>/observations.csv", 1, 1,
		     "the file is empty", "empty");
	lr_dataset_destroy(dataset);
	dataset = lr_dataset_load_from_memory(NULL, indicators, size, header, sizeof header - 1);
	assert_no_errors(dataset, "header only");
	lr_dataset_destroy(dataset);

	/* A NUL inside the text is invalid UTF-8 at its place, not the end of the text. */
	text = g_strdup_printf("%sgdp,Vi\001t Nam,2024,,1,,,,actual,a.txt,q,\n", header);
	*strchr(text, '\001') = '\0';
	dataset = lr_dataset_load_from_memory("nul", indicators, size, text,
					      strlen(header) + strlen(text + strlen(header) + 8) + 8 + 1);
	assert_error(dataset, 0, LR_STATUS_INVALID_UTF8, "nul/observations.csv", 2, 7,
		     "invalid UTF-8", "NUL");
	lr_dataset_destroy(dataset);
	g_free(text);
	g_free(indicators);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Text longer than a label (LR_LABEL_LENGTH_MAX) or a note (LR_NOTE_LENGTH_MAX) */

/* @count copies of "ệ" (3 bytes), then @tail bytes of "a". */
static char *
long_text(size_t count, size_t tail)
{
	GString *text = g_string_new(NULL);

	for (size_t i = 0; i < count; i++)
		g_string_append(text, "\xe1\xbb\x87");
	for (size_t i = 0; i < tail; i++)
		g_string_append_c(text, 'a');
	return g_string_free(text, FALSE);
}

START_TEST(test_label_limit_csv)
{
	static const char ind_header[] = "id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n";
	static const char obs_header[] = "indicator,entity,year,period,value,low,high,n,status,source,quote,note\n";
	/* Exactly the limit is accepted, one byte more refused. */
	char *fits = long_text(LR_LABEL_LENGTH_MAX / 3, LR_LABEL_LENGTH_MAX % 3);
	char *over = long_text(LR_LABEL_LENGTH_MAX / 3, LR_LABEL_LENGTH_MAX % 3 + 1);
	char *note = long_text(LR_NOTE_LENGTH_MAX / 3, LR_NOTE_LENGTH_MAX % 3);
	char *note_over = long_text(LR_NOTE_LENGTH_MAX / 3, LR_NOTE_LENGTH_MAX % 3 + 1);
	char *indicators = g_strdup_printf("%sa,\"%s\",A,,,value,higher,economy,%s\n"
					   "b,Tên,\"%s\",,,value,higher,economy,\n"
					   "c,Tên,C,,,value,higher,economy,%s\n",
					   ind_header, fits, note, over, note_over);
	char *observations = g_strdup_printf("%sa,%s,2024,,1,,,,actual,a.txt,%s,\n"
					     "a,Việt Nam,2024,,1,,,,actual,\"%s\",q,\n",
					     obs_header, fits, note, over);
	lr_dataset_t *dataset = lr_dataset_load_from_memory("long", indicators, strlen(indicators),
							     observations, strlen(observations));
	char *phrase = g_strdup_printf("name_en: the text is %u bytes long, above the limit of %u "
				       "bytes for a label (LR_LABEL_LENGTH_MAX)",
				       LR_LABEL_LENGTH_MAX + 1, LR_LABEL_LENGTH_MAX);

	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 3);
	assert_error(dataset, 0, LR_STATUS_INVALID_DATA, "long/indicators.csv", 3, 7, phrase,
		     "name_en");
	assert_error(dataset, 1, LR_STATUS_INVALID_DATA, "long/indicators.csv", 4, 32,
		     "note: the text is 1048577 bytes long, above the limit of 1048576 bytes for a "
		     "note or quote (LR_NOTE_LENGTH_MAX)", "note");
	/* Columns count characters: "a," (2) + "Việt Nam" (8) + ",2024,,1,,,,actual," (19) + 1. */
	assert_error(dataset, 2, LR_STATUS_INVALID_DATA, "long/observations.csv", 3, 30,
		     "source: the text is 4097 bytes", "source");
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 1);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), 1);
	ck_assert_str_eq(lr_dataset_get_indicator(dataset, 0)->name_vi, fits);
	ck_assert_str_eq(lr_dataset_get_observation(dataset, 0)->quote, note);
	lr_dataset_destroy(dataset);
	g_free(phrase);
	g_free(observations);
	g_free(indicators);
	g_free(note_over);
	g_free(note);
	g_free(over);
	g_free(fits);
}
END_TEST

START_TEST(test_label_limit_api)
{
	char *over = long_text(0, LR_LABEL_LENGTH_MAX + 1);
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t indicator = api_revenue;
	lr_observation_t observation = api_observation("ecommerce_revenue", 2024, 27.7);

	indicator.unit_en = over;
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_INVALID_ARGUMENT);
	assert_error(dataset, 0, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
		     "unit_en: the text is 4097 bytes long", "unit_en");
	indicator.unit_en = "billion USD";
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	observation.entity = over;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_INVALID_ARGUMENT);
	assert_error(dataset, 1, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
		     "entity: the text is 4097 bytes long", "entity");
	ck_assert_int_eq(lr_dataset_set_entity_name(dataset, VIET_NAM, over), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "a.txt", over, "A"),
			 LR_STATUS_INVALID_ARGUMENT);
	assert_error(dataset, 3, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
		     "label_vi: the text is 4097 bytes long", "label_vi");
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 4);
	ck_assert_str_eq(lr_dataset_get_entity_name(dataset, VIET_NAM, LR_LANGUAGE_EN), VIET_NAM);
	lr_dataset_destroy(dataset);
	g_free(over);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Characters no bundled font can draw (lr_dataset_check_glyphs) */

typedef struct {
	GPtrArray *lines; /* "file:line:column: message" */
} warnings_t;

static void
collect_warning(const lr_error_t *warning, void *closure)
{
	warnings_t *warnings = closure;

	ck_assert_int_eq(warning->status, LR_STATUS_MISSING_GLYPH);
	g_ptr_array_add(warnings->lines, g_strdup_printf("%s:%u:%u: %s",
							 warning->file ? warning->file : "-",
							 warning->line, warning->column,
							 warning->message));
}

START_TEST(test_check_glyphs)
{
	static const char indicators[] =
		"id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n"
		"sales,Doanh số 📈,Sales \xee\x80\x80,,,value,higher,economy,note \xf0\x9f\xa6\xa0\n";
	static const char observations[] =
		"indicator,entity,year,period,value,low,high,n,status,source,quote,note\n"
		"sales,Hà Nội,2023,,1,,,,actual,a.txt,quote \xf0\x9f\xa6\xa0,\n"
		"sales,\"Đà Nẵng \xf0\x9f\xa6\xa0\",2023,,1,,,,actual,a.txt,q,\n"
		"sales,\"Đà Nẵng \xf0\x9f\xa6\xa0\",2024,,1,,,,actual,a.txt,q,\n";
	lr_dataset_t *dataset = lr_dataset_load_from_memory("up", indicators, strlen(indicators),
							     observations, strlen(observations));
	warnings_t warnings = { g_ptr_array_new_with_free_func(g_free) };
	size_t count = 99;

	assert_no_errors(dataset, "glyphs");
	ck_assert_int_eq(lr_dataset_check_glyphs(dataset, collect_warning, &warnings, &count),
			 LR_STATUS_SUCCESS);
	/* The private-use character in name_en, and the microbe in the entity once (where first
	 * read); not the emoji Symbola has, and not the note or quote, which are never drawn. */
	ck_assert_uint_eq(count, 2);
	ck_assert_uint_eq(warnings.lines->len, 2);
	ck_assert_str_eq(g_ptr_array_index(warnings.lines, 0),
			 "up/indicators.csv:2:18: name_en: no bundled font can draw U+E000 "
			 "(character 7 of the text), which a chart would show as a box; write it "
			 "another way or leave it out");
	ck_assert_pstr_eq(strstr(g_ptr_array_index(warnings.lines, 1), "up/observations.csv:3:7: "
				 "entity: no bundled font can draw U+1F9A0 (character 9"),
			  g_ptr_array_index(warnings.lines, 1));

	/* Through the API: no place; NULL func only counts; NULL dataset. */
	{
		lr_dataset_t *built = lr_dataset_create();
		lr_indicator_t indicator = api_revenue;

		indicator.name_vi = "Doanh thu \xf0\x9f\xa5\xb0";
		ck_assert_int_eq(lr_dataset_add_indicator(built, &indicator), LR_STATUS_SUCCESS);
		g_ptr_array_set_size(warnings.lines, 0);
		ck_assert_int_eq(lr_dataset_check_glyphs(built, collect_warning, &warnings, NULL),
				 LR_STATUS_SUCCESS);
		ck_assert_uint_eq(warnings.lines->len, 1);
		ck_assert_ptr_nonnull(strstr(g_ptr_array_index(warnings.lines, 0),
					     "-:0:0: name_vi: no bundled font can draw U+1F970"));
		ck_assert_int_eq(lr_dataset_check_glyphs(built, NULL, NULL, &count), LR_STATUS_SUCCESS);
		ck_assert_uint_eq(count, 1);
		lr_dataset_destroy(built);
	}
	ck_assert_int_eq(lr_dataset_check_glyphs(NULL, NULL, NULL, &count), LR_STATUS_NULL_POINTER);
	ck_assert_uint_eq(count, 0);
	g_ptr_array_unref(warnings.lines);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Input that is not a file, or too big, or ranks beyond an int */

#define GOOD_INDICATORS LR_TEST_DATA_DIR "/good/basic/indicators.csv"

/* A folder with the good indicators and @observations (NULL: none written) as
 * observations.csv; g_free() it, and remove it with remove_folder(). */
static char *
folder_with(const char *observations)
{
	char *folder = g_dir_make_tmp("lr-dataset-XXXXXX", NULL);
	char *contents, *path;
	gsize size;

	ck_assert_ptr_nonnull(folder);
	ck_assert(g_file_get_contents(GOOD_INDICATORS, &contents, &size, NULL));
	path = g_build_filename(folder, "indicators.csv", NULL);
	ck_assert(g_file_set_contents(path, contents, (gssize) size, NULL));
	g_free(path);
	g_free(contents);
	if (observations) {
		path = g_build_filename(folder, "observations.csv", NULL);
		ck_assert(g_file_set_contents(path, observations, -1, NULL));
		g_free(path);
	}
	return folder;
}

static void
remove_folder(char *folder)
{
	const char *names[] = { "indicators.csv", "observations.csv" };

	for (int i = 0; i < N_ELEMENTS(names); i++) {
		char *path = g_build_filename(folder, names[i], NULL);
		g_remove(path);
		g_free(path);
	}
	g_rmdir(folder);
	g_free(folder);
}

/* The load of @folder fails at once with one READ_ERROR on observations.csv that says @phrase. */
static void
assert_refused(const char *folder, const char *phrase)
{
	char *path = g_build_filename(folder, "observations.csv", NULL);
	gint64 start = g_get_monotonic_time();
	lr_dataset_t *dataset = lr_dataset_load(folder);
	double seconds = (double) (g_get_monotonic_time() - start) / G_USEC_PER_SEC;

	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_READ_ERROR);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 1);
	assert_error(dataset, 0, LR_STATUS_READ_ERROR, path, 0, 0, phrase, phrase);
	/* Refused before reading: no waiting on a FIFO, no gigabytes from a sparse file. */
	ck_assert_msg(seconds < 2, "refusing took %.1f s", seconds);
	lr_dataset_destroy(dataset);
	g_free(path);
}

START_TEST(test_refuse_fifo)
{
	char *folder = folder_with(NULL);
	char *path = g_build_filename(folder, "observations.csv", NULL);

	/* A FIFO nobody writes to: reading it would block forever. */
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	assert_refused(folder, "not a regular file (it is a FIFO)");
	g_free(path);
	remove_folder(folder);
}
END_TEST

START_TEST(test_refuse_device)
{
	char *folder = folder_with(NULL);
	char *path = g_build_filename(folder, "observations.csv", NULL);

	/* A link to /dev/zero: an endless file. */
	ck_assert_int_eq(symlink("/dev/zero", path), 0);
	assert_refused(folder, "(it is a device)");
	g_free(path);
	remove_folder(folder);
}
END_TEST

START_TEST(test_refuse_large_sparse_file)
{
	char *folder = folder_with("indicator,entity,year,period,value,low,high,n,status,source,quote,note\n");
	char *path = g_build_filename(folder, "observations.csv", NULL);
	FILE *file = fopen(path, "r+");

	/* 2 GiB that take no disk: a hole after a valid header. */
	ck_assert_ptr_nonnull(file);
	ck_assert_int_eq(ftruncate(fileno(file), (off_t) 2 << 30), 0);
	fclose(file);
	assert_refused(folder, "above the limit of 256 MiB");
	g_free(path);
	remove_folder(folder);
}
END_TEST

/* _i: which rank too large for an int, at which column. */
START_TEST(test_rank_bounds_csv)
{
	static const struct {
		const char *row;
		unsigned column;
		const char *phrase;
	} rows[] = {
		{ "egov_rank,Việt Nam,2024,,1e300,,,,actual,000_a.txt,q,", 26, "value: a rank must be at most 1000000, found 1e+300" },
		{ "egov_rank,Việt Nam,2024,,3000000000,,,,actual,000_a.txt,q,", 26, "value: a rank must be at most 1000000, found 3e+09" },
		{ "egov_rank,Việt Nam,2024,,,1,3e9,,actual,000_a.txt,q,", 29, "high: a rank must be at most 1000000" },
		{ "egov_rank,Việt Nam,2024,,71,,,3000000000,actual,000_a.txt,q,", 31, "n: expected a whole number from 1 to 1000000" },
	};
	char *csv = g_strdup_printf("indicator,entity,year,period,value,low,high,n,status,source,quote,note\n%s\n",
				    rows[_i].row);
	char *folder = folder_with(csv);
	char *path = g_build_filename(folder, "observations.csv", NULL);
	lr_dataset_t *dataset = lr_dataset_load(folder);

	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 1);
	assert_error(dataset, 0, LR_STATUS_INVALID_DATA, path, 2, rows[_i].column, rows[_i].phrase,
		     rows[_i].row);
	lr_dataset_destroy(dataset);
	g_free(path);
	g_free(csv);
	remove_folder(folder);
}
END_TEST

/* Duplicates compare text, however it came: a NULL period or note is "", decomposed text is
 * its NFC form; a different entity, year, period, status or source is another row. */
START_TEST(test_duplicate_keys)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t indicator = api_revenue;
	lr_observation_t observation = api_observation("ecommerce_revenue", 2024, 27.7);

	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	observation.period = "";
	observation.entity = VIET_NAM_NFD;
	observation.value = 30;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_INVALID_DATA);
	ck_assert_ptr_nonnull(strstr(lr_dataset_get_error(dataset, 0)->message, "duplicate observation"));
	observation.period = "H1";
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	observation.status = LR_OBSERVATION_ESTIMATE;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	observation.source = "000_b.txt";
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	observation.year = 2023;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	observation.entity = HA_NOI;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	/* Many rows: the index grows and still finds each one. */
	for (int year = 1900; year <= 2100; year++) {
		observation.year = year;
		observation.entity = "Đà Nẵng";
		ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	}
	for (int year = 1900; year <= 2100; year++) {
		observation.year = year;
		ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_INVALID_DATA);
	}
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), 6 + 201);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 1 + 201);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_rank_bounds_api)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t indicator = api_rank;
	lr_observation_t observation = api_observation("egov_rank", 2024, 71);

	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	observation.total = 2000000000;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_INVALID_DATA);
	observation.total = 193;
	observation.value = 1e300;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_INVALID_DATA);
	observation.value = LR_RANK_MAX;
	observation.total = LR_RANK_MAX;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 2);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_reserved_must_be_zero)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t indicator = api_revenue;
	lr_observation_t observation = api_observation("ecommerce_revenue", 2024, 27.7);
	int anything;

	indicator.reserved[3] = &anything;
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_INVALID_ARGUMENT);
	indicator.reserved[3] = NULL;
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	observation.reserved[0] = &anything;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_nonnull(strstr(lr_dataset_get_error(dataset, 1)->message, "reserved"));
	lr_dataset_destroy(dataset);
}
END_TEST

static Suite *
dataset_suite(void)
{
	Suite *suite = suite_create("dataset");
	TCase *tc;

	tc = tcase_create("good_files");
	tcase_add_test(tc, test_good_basic);
	tcase_add_test(tc, test_good_crlf);
	tcase_add_test(tc, test_good_bom);
	tcase_add_test(tc, test_good_quoted);
	tcase_add_test(tc, test_good_quoted_crlf);
	tcase_add_test(tc, test_good_load_files);
	suite_add_tcase(suite, tc);

	tc = tcase_create("bad_files");
	tcase_add_loop_test(tc, test_bad_file, 0, N_ELEMENTS(bad_cases));
	tcase_add_test(tc, test_bad_missing_folder);
	tcase_add_test(tc, test_bad_many);
	suite_add_tcase(suite, tc);

	tc = tcase_create("api");
	tcase_add_test(tc, test_api_build);
	tcase_add_test(tc, test_api_errors);
	tcase_add_test(tc, test_api_null);
	tcase_add_test(tc, test_api_reference);
	suite_add_tcase(suite, tc);

	tc = tcase_create("memory");
	tcase_add_loop_test(tc, test_memory_good, 0, 5);
	tcase_add_loop_test(tc, test_memory_bad, 0, N_ELEMENTS(bad_cases));
	tcase_add_test(tc, test_memory_arguments);
	tcase_add_test(tc, test_error_count_max);
	tcase_add_test(tc, test_field_after_quoted_line_break);
	suite_add_tcase(suite, tc);

	tc = tcase_create("label_limit");
	tcase_add_test(tc, test_label_limit_csv);
	tcase_add_test(tc, test_label_limit_api);
	tcase_add_test(tc, test_check_glyphs);
	suite_add_tcase(suite, tc);

	tc = tcase_create("hostile_input");
	tcase_add_test(tc, test_refuse_fifo);
	tcase_add_test(tc, test_refuse_device);
	tcase_add_test(tc, test_refuse_large_sparse_file);
	tcase_add_loop_test(tc, test_rank_bounds_csv, 0, 4);
	tcase_add_test(tc, test_rank_bounds_api);
	tcase_add_test(tc, test_duplicate_keys);
	tcase_add_test(tc, test_reserved_must_be_zero);
	suite_add_tcase(suite, tc);

	tc = tcase_create("real_dataset");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_real_dataset);
	suite_add_tcase(suite, tc);

	return suite;
}

const lr_test_program_t lr_test_program = { dataset_suite, NULL, NULL };
