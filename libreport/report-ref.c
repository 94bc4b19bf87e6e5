/* libreport: {{references}} to the dataset in a report's prose, and the lookups that say
 * which observation an (indicator, entity, year) triple means. Key-figure cards and tables
 * use the same lookups, so a card, a table cell and a sentence can never name different
 * figures for one triple.
 *
 * Which observation a triple means:
 * 1. The entity is compared in NFC, by its dataset (Vietnamese) name or its English name;
 *    failing that, loosely (chart-match.c: without diacritics, case or punctuation, so
 *    "ha noi" and "HANOI" name "Hà Nội", as on the command line). No entity: the report's default entity when the indicator has data for it, else the
 *    indicator's only entity.
 * 2. Within one year, an actual figure wins over an estimate, a forecast and a target (in
 *    that order), then a whole year over part of one (H1, 9M …), then the first in file order.
 * 3. Year 0 (the latest) is the latest year among the best figures by rule 2 across all
 *    years: with an actual full-year figure for 2023 and only a forecast for 2024, it is
 *    2023 ("20,5 tỷ USD"), as a briefing reports the latest known figure, not a projection.
 * 4. The previous observation is the nearest earlier year with a figure for the same period,
 *    targets excepted (a target is not a past figure) unless the observation is a target.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "chart-match-private.h"
#include "report-private.h"

#define LR_DEFAULT_ENTITY "Vi\xe1\xbb\x87t Nam"

typedef struct {
	const char *name;
	lr_ref_form_t form;
} form_name_t;

static const form_name_t form_names[] = {
	{ "value", LR_REF_VALUE },
	{ "number", LR_REF_NUMBER },
	{ "change", LR_REF_CHANGE },
	{ "previous", LR_REF_PREVIOUS },
	{ "previous-year", LR_REF_PREVIOUS_YEAR },
	{ "year", LR_REF_YEAR },
	{ "total", LR_REF_TOTAL },
};

/* ---- Lookups ---------------------------------------------------------------------------- */

static bool
has_value(const lr_observation_t *o)
{
	return !isnan(o->value) || (!isnan(o->low) && !isnan(o->high));
}

/* Lower is better (rule 2 above). */
static int
preference(const lr_observation_t *o)
{
	return (int) o->status * 2 + (o->period && o->period[0] ? 1 : 0);
}

static bool
entity_is(const lr_dataset_t *dataset, const char *entity, const char *wanted)
{
	return strcmp(entity, wanted) == 0 ||
	       strcmp(lr_dataset_get_entity_name(dataset, entity, LR_LANGUAGE_EN), wanted) == 0;
}

/* Every entity with a figure of one of @indicators (@count 0: of any), by its dataset name
 * and its English name. */
static lr_matcher_t *
entity_matcher(const lr_report_t *report, const char *const *indicators, size_t count)
{
	const lr_dataset_t *dataset = report->dataset;
	size_t observations = lr_dataset_get_observation_count(dataset);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	lr_matcher_t *matcher = lr_matcher_new();

	for (size_t i = 0; i < observations; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(dataset, i);
		bool wanted = count == 0;
		for (size_t k = 0; k < count && !wanted; k++)
			wanted = strcmp(o->indicator, indicators[k]) == 0;
		if (!wanted || !g_hash_table_add(seen, (gpointer) o->entity))
			continue;
		lr_matcher_add(matcher, o->entity, o->entity);
		lr_matcher_add(matcher, o->entity,
			       lr_dataset_get_entity_name(dataset, o->entity, LR_LANGUAGE_EN));
	}
	g_hash_table_unref(seen);
	return matcher;
}

char *
lr_report_suggest_entity(const lr_report_t *report, const char *const *indicators, size_t count,
			 const char *entity)
{
	lr_matcher_t *matcher;
	char *hint;

	if (!report || !report->dataset || !entity || strlen(entity) > 200)
		return g_strdup("");
	matcher = entity_matcher(report, indicators, count);
	hint = lr_matcher_suggest(matcher, entity);
	lr_matcher_free(matcher);
	return hint;
}

const char *
lr_report_resolve_entity(const lr_report_t *report, const char *indicator, const char *entity)
{
	const lr_dataset_t *dataset = report ? report->dataset : NULL;
	size_t count = lr_dataset_get_observation_count(dataset);
	char *wanted;
	const char *found = NULL;

	if (!dataset || !entity)
		return NULL;
	wanted = lr_utf8_normalize(entity, -1, NULL);
	if (!wanted)
		return NULL;
	for (size_t i = 0; i < count && !found; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(dataset, i);
		if ((!indicator || strcmp(o->indicator, indicator) == 0) &&
		    entity_is(dataset, o->entity, wanted))
			found = o->entity;
	}
	if (!found) {
		/* Loosely (rule 1); the dataset's own string, not the matcher's copy. */
		lr_matcher_t *matcher = entity_matcher(report, &indicator, indicator ? 1 : 0);
		const char *key = lr_matcher_find(matcher, wanted);
		for (size_t i = 0; key && i < count && !found; i++) {
			const lr_observation_t *o = lr_dataset_get_observation(dataset, i);
			if (strcmp(o->entity, key) == 0)
				found = o->entity;
		}
		lr_matcher_free(matcher);
	}
	g_free(wanted);
	return found;
}

/* Levenshtein distance, or @limit + 1 as soon as it must exceed @limit: a failed lookup
 * compares the id with every indicator of the dataset, and most differ in length or early. */
static size_t
edit_distance(const char *a, const char *b, size_t limit)
{
	size_t m = strlen(a), n = strlen(b), small[65], *row, result;

	if ((m > n ? m - n : n - m) > limit)
		return limit + 1;
	row = n < G_N_ELEMENTS(small) ? small : g_new(size_t, n + 1);
	for (size_t j = 0; j <= n; j++)
		row[j] = j;
	result = n;
	for (size_t i = 1; i <= m; i++) {
		size_t diagonal = row[0], row_best;
		row[0] = row_best = i;
		for (size_t j = 1; j <= n; j++) {
			size_t above = row[j];
			row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1),
				     diagonal + (a[i - 1] != b[j - 1]));
			row_best = MIN(row_best, row[j]);
			diagonal = above;
		}
		if (row_best > limit) {
			result = limit + 1;
			goto out;
		}
		result = row[n];
	}
out:
	if (row != small)
		g_free(row);
	return MIN(result, limit + 1);
}

char *
lr_report_suggest_indicator(const lr_report_t *report, const char *id)
{
	const lr_dataset_t *dataset = report ? report->dataset : NULL;
	size_t count = lr_dataset_get_indicator_count(dataset), best_distance = 3;
	const char *best = NULL;

	if (!id || strlen(id) > 64) /* a paragraph mistaken for an id: no suggestion */
		return g_strdup("");
	for (size_t i = 0; i < count && best_distance > 0; i++) {
		const char *known = lr_dataset_get_indicator(dataset, i)->id;
		size_t distance = edit_distance(id, known, best_distance - 1);
		if (distance < best_distance) {
			best_distance = distance;
			best = known;
		}
	}
	return best ? g_strdup_printf(" (did you mean '%s'?)", best) : g_strdup("");
}

/* Rule 1 without an entity: the default one, else the indicator's only one. */
static const char *
default_entity(const lr_report_t *report, const char *indicator)
{
	const char *wanted = report->default_entity ? report->default_entity : LR_DEFAULT_ENTITY;
	const char *only = NULL;
	size_t count = lr_dataset_get_observation_count(report->dataset);

	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(report->dataset, i);
		if (strcmp(o->indicator, indicator) != 0)
			continue;
		if (entity_is(report->dataset, o->entity, wanted))
			return o->entity;
		if (only && strcmp(only, o->entity) != 0)
			return wanted; /* several entities, none the default: no match */
		only = o->entity;
	}
	return only ? only : wanted;
}

const lr_observation_t *
lr_report_find_observation(const lr_report_t *report, const char *indicator, const char *entity,
			   int year)
{
	const lr_observation_t *best = NULL;
	const char *name;
	size_t count;

	if (!report || !report->dataset || !indicator)
		return NULL;
	name = entity ? lr_report_resolve_entity(report, indicator, entity)
		      : default_entity(report, indicator);
	if (!name)
		return NULL;
	count = lr_dataset_get_observation_count(report->dataset);
	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(report->dataset, i);
		if (strcmp(o->indicator, indicator) != 0 || strcmp(o->entity, name) != 0 ||
		    !has_value(o) || (year && o->year != year))
			continue;
		/* Rule 2, then for the latest (rule 3) the later year; file order breaks ties. */
		if (!best || preference(o) < preference(best) ||
		    (preference(o) == preference(best) && o->year > best->year))
			best = o;
	}
	return best;
}

const lr_observation_t *
lr_report_find_previous(const lr_report_t *report, const lr_observation_t *observation)
{
	const lr_observation_t *best = NULL;
	size_t count;

	if (!report || !report->dataset || !observation)
		return NULL;
	count = lr_dataset_get_observation_count(report->dataset);
	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(report->dataset, i);
		if (strcmp(o->indicator, observation->indicator) != 0 ||
		    strcmp(o->entity, observation->entity) != 0 ||
		    strcmp(o->period, observation->period) != 0 || o->year >= observation->year ||
		    !has_value(o))
			continue;
		if (o->status == LR_OBSERVATION_TARGET &&
		    observation->status != LR_OBSERVATION_TARGET)
			continue;
		if (!best || o->year > best->year ||
		    (o->year == best->year && preference(o) < preference(best)))
			best = o;
	}
	return best;
}

/* ---- Parsing ---------------------------------------------------------------------------- */

typedef struct {
	const char *start;  /* inside the quotes for a quoted token */
	size_t length;
	bool quoted;
	unsigned column;
} token_t;

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_indicator_id(const char *text, size_t length)
{
	if (!length || !g_ascii_islower(text[0]))
		return false;
	for (size_t i = 1; i < length; i++)
		if (!g_ascii_islower(text[i]) && !g_ascii_isdigit(text[i]) && text[i] != '_')
			return false;
	return true;
}

static bool
all_digits(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		if (!g_ascii_isdigit(text[i]))
			return false;
	return length > 0;
}

static bool
form_from_token(const token_t *token, lr_ref_form_t *form)
{
	for (size_t i = 0; i < G_N_ELEMENTS(form_names); i++)
		if (strlen(form_names[i].name) == token->length &&
		    strncmp(form_names[i].name, token->start, token->length) == 0) {
			*form = form_names[i].form;
			return true;
		}
	return false;
}

static int
compare_int(const void *a, const void *b)
{
	int x = *(const int *) a, y = *(const int *) b;

	return (x > y) - (x < y);
}

/* The years with data, "2022, 2024", for messages. */
static char *
years_with_data(const lr_report_t *report, const char *indicator, const char *entity)
{
	GString *years = g_string_new(NULL);
	int last = 0;
	size_t count = lr_dataset_get_observation_count(report->dataset);
	GArray *list = g_array_new(FALSE, FALSE, sizeof(int));

	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(report->dataset, i);
		if (strcmp(o->indicator, indicator) == 0 && strcmp(o->entity, entity) == 0 &&
		    has_value(o))
			g_array_append_val(list, o->year);
	}
	g_array_sort(list, (GCompareFunc) compare_int);
	for (unsigned i = 0; i < list->len; i++) {
		int year = g_array_index(list, int, i);
		if (year != last)
			g_string_append_printf(years, "%s%d", years->len ? ", " : "", year);
		last = year;
	}
	g_array_unref(list);
	return g_string_free(years, FALSE);
}

/* The entities an indicator has figures for, "Việt Nam, thế giới", for messages. */
static char *
entities_of(const lr_report_t *report, const char *indicator)
{
	GString *names = g_string_new(NULL);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	size_t count = lr_dataset_get_observation_count(report->dataset);

	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(report->dataset, i);
		if (strcmp(o->indicator, indicator) != 0 || g_hash_table_contains(seen, o->entity))
			continue;
		g_hash_table_add(seen, (gpointer) o->entity);
		g_string_append_printf(names, "%s%s", names->len ? ", " : "", o->entity);
	}
	g_hash_table_unref(seen);
	return g_string_free(names, FALSE);
}

/* Checks a parsed reference against the dataset; records the error and returns false. */
static bool
check_reference(lr_report_t *report, lr_reference_t *reference, const token_t *entity_token,
		const token_t *year_token, const token_t *form_token, unsigned indicator_column)
{
	const lr_indicator_t *indicator =
		lr_dataset_find_indicator(report->dataset, reference->indicator);
	const lr_observation_t *observation, *previous;
	const char *file = reference->file;
	unsigned line = reference->line;
	const char *entity;

	if (!indicator) {
		char *hint = lr_report_suggest_indicator(report, reference->indicator);
		lr_report_record_error(report, LR_STATUS_UNKNOWN_INDICATOR, file, line,
				       indicator_column,
				       "unknown indicator '%s' in a reference%s; expected an id of "
				       "indicators.csv",
				       reference->indicator, hint);
		g_free(hint);
		return false;
	}
	if (reference->entity) {
		const char *name = lr_report_resolve_entity(report, reference->indicator,
							    reference->entity);
		if (!name) {
			char *known = entities_of(report, reference->indicator);
			char *hint = lr_report_suggest_entity(report, (const char *const *) &reference->indicator,
							      1, reference->entity);
			lr_report_record_error(report, LR_STATUS_UNKNOWN_ENTITY, file, line,
					       entity_token->column,
					       "'%s' has no figure of %s%s%s: %s",
					       reference->entity, reference->indicator, hint,
					       hint[0] ? " Expected one of" : "; expected one of", known);
			g_free(hint);
			g_free(known);
			return false;
		}
		/* Keep the dataset's name: an English one would not match later lookups' NFC. */
		g_free(reference->entity);
		reference->entity = g_strdup(name);
	}
	observation = lr_report_find_observation(report, reference->indicator, reference->entity,
						 reference->year);
	entity = reference->entity ? reference->entity
				   : default_entity(report, reference->indicator);
	if (!observation) {
		char *years = years_with_data(report, reference->indicator, entity);
		if (reference->year)
			lr_report_record_error(report, LR_STATUS_NO_DATA, file, line,
					       year_token->column,
					       "no figure of %s for %s in %d; years with data: %s",
					       reference->indicator, entity, reference->year,
					       *years ? years : "none");
		else
			lr_report_record_error(report, LR_STATUS_NO_DATA, file, line,
					       indicator_column, "no figure of %s for %s",
					       reference->indicator, entity);
		g_free(years);
		return false;
	}
	switch (reference->form) {
	case LR_REF_CHANGE:
	case LR_REF_PREVIOUS:
	case LR_REF_PREVIOUS_YEAR:
		previous = lr_report_find_previous(report, observation);
		if (!previous) {
			lr_report_record_error(report, LR_STATUS_NO_DATA, file, line,
					       form_token->column,
					       "the %d figure of %s for %s has no earlier one to "
					       "compare with (form '%s')",
					       observation->year, indicator->id, entity,
					       form_names[reference->form].name);
			return false;
		}
		break;
	case LR_REF_TOTAL:
		if (observation->total <= 0) {
			lr_report_record_error(report, LR_STATUS_NO_DATA, file, line,
					       form_token->column,
					       "the %d figure of %s has no total (the N of x/N)",
					       observation->year, indicator->id);
			return false;
		}
		break;
	default:
		break;
	}
	return true;
}

lr_reference_t *
lr_reference_parse(lr_report_t *report, const char *text, size_t length, const char *file,
		   unsigned line, unsigned column)
{
	const char *grammar = "expected {{INDICATOR [\"ENTITY\"] [YEAR] [FORM]}}";
	token_t tokens[5], *entity_token = NULL, *year_token = NULL, *form_token = NULL;
	int count = 0, stage = 0;
	size_t i = 0;
	lr_reference_t *reference;

	/* Split into at most 4 tokens, quoted ones whole; columns in characters. */
	while (i < length) {
		token_t *token;
		if (is_space(text[i])) {
			i++;
			continue;
		}
		if (count == 4) {
			lr_report_record_error(report, LR_STATUS_PARSE_ERROR, file, line,
					       column + (unsigned) g_utf8_strlen(text, (gssize) i),
					       "too many words in the reference; %s", grammar);
			return NULL;
		}
		token = &tokens[count++];
		token->column = column + (unsigned) g_utf8_strlen(text, (gssize) i);
		token->quoted = text[i] == '"';
		if (token->quoted) {
			const char *close = memchr(text + i + 1, '"', length - i - 1);
			if (!close) {
				lr_report_record_error(report, LR_STATUS_PARSE_ERROR, file, line,
						       token->column,
						       "unclosed quote in the reference; expected "
						       "\"ENTITY\"");
				return NULL;
			}
			token->start = text + i + 1;
			token->length = (size_t) (close - token->start);
			i = (size_t) (close - text) + 1;
		} else {
			token->start = text + i;
			while (i < length && !is_space(text[i]))
				i++;
			token->length = (size_t) (text + i - token->start);
		}
	}
	if (!count) {
		lr_report_record_error(report, LR_STATUS_PARSE_ERROR, file, line, column,
				       "empty reference; %s", grammar);
		return NULL;
	}
	if (tokens[0].quoted || !is_indicator_id(tokens[0].start, tokens[0].length)) {
		lr_report_record_error(report, LR_STATUS_PARSE_ERROR, file, line, tokens[0].column,
				       "'%.*s' is not an indicator id (lower-case letters, digits, "
				       "'_'); %s",
				       (int) tokens[0].length, tokens[0].start, grammar);
		return NULL;
	}
	reference = g_new0(lr_reference_t, 1);
	reference->indicator = g_strndup(tokens[0].start, tokens[0].length);
	reference->form = LR_REF_VALUE;
	reference->file = g_strdup(file);
	reference->line = line;
	reference->column = column;
	/* The order is fixed (entity, year, form), so a misspelt form reads as an entity. */
	for (int t = 1; t < count; t++) {
		token_t *token = &tokens[t];
		lr_ref_form_t form;
		const char *problem = NULL;
		if (!token->quoted && form_from_token(token, &form)) {
			if (stage >= 3)
				problem = "a second form";
			reference->form = form;
			form_token = token;
			stage = 3;
		} else if (!token->quoted && all_digits(token->start, token->length)) {
			if (token->length != 4)
				problem = "a year that is not four digits";
			else if (stage >= 2)
				problem = "a year after the form";
			reference->year = atoi(token->start);
			year_token = token;
			stage = 2;
		} else {
			char *entity = g_strndup(token->start, token->length);
			char *normal = lr_utf8_normalize(entity, -1, NULL);
			g_free(entity);
			if (stage >= 1)
				problem = "an entity after the year or the form (or an unknown "
					  "form: value, number, change, previous, previous-year, "
					  "year, total)";
			else if (!normal || !*normal)
				problem = "an empty entity";
			g_free(reference->entity);
			reference->entity = normal;
			entity_token = token;
			stage = 1;
		}
		if (problem) {
			lr_report_record_error(report, LR_STATUS_PARSE_ERROR, file, line,
					       token->column,
					       "unexpected '%.*s' in the reference: %s; %s",
					       (int) token->length, token->start, problem, grammar);
			lr_reference_free(reference);
			return NULL;
		}
	}
	if (report && report->dataset &&
	    !check_reference(report, reference, entity_token, year_token, form_token,
			     tokens[0].column)) {
		lr_reference_free(reference);
		return NULL;
	}
	return reference;
}

/* ---- Formatting ------------------------------------------------------------------------- */

/* The fewest decimals, at most 2, that write @value exactly: the rule chart-bar.c applies to
 * a chart's labels, here for one value ("0,71", "20,5", "85"). */
static int
decimals_for(double value)
{
	for (int d = 0; d < 2; d++) {
		double scaled = value * pow(10, d);
		if (fabs(scaled - round(scaled)) < 1e-6)
			return d;
	}
	return 2;
}

static bool
is_percent(const lr_indicator_t *indicator, lr_language_t language)
{
	return indicator->kind == LR_INDICATOR_SHARE || indicator->kind == LR_INDICATOR_GROWTH ||
	       strcmp(lr_indicator_get_unit(indicator, language), "%") == 0;
}

static void
init_format(lr_number_format_t *format, const lr_indicator_t *indicator, lr_language_t language,
	    bool with_unit)
{
	const char *unit = lr_indicator_get_unit(indicator, language);

	lr_number_format_init(format, language);
	if (!with_unit)
		return;
	if (is_percent(indicator, language))
		format->flags |= LR_NUMBER_PERCENT;
	else if (unit[0])
		format->unit = unit;
}

static char *
take(char *formatted)
{
	/* lr_format_* allocate with GLib; copy anyway so the two allocators never mix. */
	char *copy = g_strdup(formatted);

	lr_free(formatted);
	return copy;
}

static double
central(const lr_observation_t *o)
{
	return !isnan(o->value) ? o->value : (o->low + o->high) / 2;
}

/* The figure as the charts write it: "71/193", "27,7–28 tỷ USD", "16,5%". */
static char *
format_observation(const lr_indicator_t *indicator, const lr_observation_t *o,
		   lr_language_t language, bool with_unit)
{
	lr_number_format_t format;

	if (indicator->kind == LR_INDICATOR_RANK && !isnan(o->value))
		return take(with_unit ? lr_format_rank((int) o->value, o->total)
				      : lr_format_rank((int) o->value, 0));
	init_format(&format, indicator, language, with_unit);
	if (!isnan(o->low) && !isnan(o->high)) {
		format.decimals = MAX(decimals_for(o->low), decimals_for(o->high));
		return take(lr_format_range(o->low, o->high, &format));
	}
	format.decimals = decimals_for(o->value);
	return take(lr_format_number(o->value, &format));
}

/* The change from @previous to @o. Ranks: places, in words ("tăng 15 bậc"). Percentages
 * (share, growth): the difference in percentage points ("+2,5 điểm phần trăm"), since a
 * relative change of a share misleads. Other values: the relative change in percent ("+23%"),
 * or the signed difference with the unit when the earlier figure is 0. Ranges count by their
 * middle. No change at all is "giữ nguyên" / "unchanged". */
static char *
format_change(const lr_indicator_t *indicator, const lr_observation_t *o,
	      const lr_observation_t *previous, lr_language_t language)
{
	lr_number_format_t format;
	double now = central(o), before = central(previous), change;
	char *number, *text;

	/* "+0 điểm phần trăm" reads as a figure: no change is said in words, as for ranks. */
	if (indicator->kind == LR_INDICATOR_RANK || now == before)
		return take(lr_format_rank_change((int) before - (int) now, language,
						  LR_RANK_CHANGE_WORDS));
	lr_number_format_init(&format, language);
	format.flags |= LR_NUMBER_EXPLICIT_SIGN;
	if (is_percent(indicator, language)) {
		change = now - before;
		format.decimals = MIN(decimals_for(change), 1);
		number = take(lr_format_number(change, &format));
		/* "điểm phần trăm", after a no-break space as units are. */
		text = g_strconcat(number, "\xc2\xa0",
				   language == LR_LANGUAGE_VI
					   ? "\xc4\x91i\xe1\xbb\x83m ph\xe1\xba\xa7n tr\xc4\x83m"
					   : "percentage points",
				   NULL);
		g_free(number);
		return text;
	}
	if (before == 0) {
		init_format(&format, indicator, language, true);
		format.flags |= LR_NUMBER_EXPLICIT_SIGN;
		format.decimals = decimals_for(now);
		return take(lr_format_number(now, &format));
	}
	change = (now - before) / fabs(before) * 100;
	format.flags |= LR_NUMBER_PERCENT;
	format.decimals = fabs(change) >= 10 ? 0 : 1;
	return take(lr_format_number(change, &format));
}

char *
lr_reference_format(const lr_report_t *report, const lr_reference_t *reference,
		    lr_language_t language, const char **source, lr_error_record_t *error)
{
	const lr_indicator_t *indicator;
	const lr_observation_t *o, *previous = NULL;
	char *text = NULL;

	if (source)
		*source = NULL;
	if (!report || !reference) {
		lr_error_record_set(error, LR_STATUS_NULL_POINTER, NULL, 0, 0,
				    "lr_reference_format: report or reference is NULL");
		return NULL;
	}
	indicator = lr_dataset_find_indicator(report->dataset, reference->indicator);
	if (!indicator) {
		lr_error_record_set(error, LR_STATUS_UNKNOWN_INDICATOR, reference->file,
				    reference->line, reference->column,
				    "unknown indicator '%s' in a reference", reference->indicator);
		return NULL;
	}
	o = lr_report_find_observation(report, reference->indicator, reference->entity,
				       reference->year);
	if (!o) {
		lr_error_record_set(error, LR_STATUS_NO_DATA, reference->file, reference->line,
				    reference->column, "no figure of %s for this reference",
				    reference->indicator);
		return NULL;
	}
	if (reference->form == LR_REF_CHANGE || reference->form == LR_REF_PREVIOUS ||
	    reference->form == LR_REF_PREVIOUS_YEAR) {
		previous = lr_report_find_previous(report, o);
		if (!previous) {
			lr_error_record_set(error, LR_STATUS_NO_DATA, reference->file,
					    reference->line, reference->column,
					    "the %d figure of %s has no earlier one to compare "
					    "with",
					    o->year, reference->indicator);
			return NULL;
		}
	}
	switch (reference->form) {
	case LR_REF_VALUE:
		text = format_observation(indicator, o, language, true);
		break;
	case LR_REF_NUMBER:
		text = format_observation(indicator, o, language, false);
		break;
	case LR_REF_CHANGE:
		text = format_change(indicator, o, previous, language);
		break;
	case LR_REF_PREVIOUS:
		text = format_observation(indicator, previous, language, true);
		break;
	case LR_REF_PREVIOUS_YEAR:
		text = g_strdup_printf("%d", previous->year);
		break;
	case LR_REF_YEAR:
		text = g_strdup_printf("%d", o->year);
		break;
	case LR_REF_TOTAL:
		if (o->total <= 0) {
			lr_error_record_set(error, LR_STATUS_NO_DATA, reference->file,
					    reference->line, reference->column,
					    "the %d figure of %s has no total (the N of x/N)",
					    o->year, reference->indicator);
			return NULL;
		}
		text = g_strdup_printf("%d", o->total);
		break;
	}
	if (!text || !*text) {
		g_free(text);
		lr_error_record_set(error, LR_STATUS_NO_MEMORY, reference->file, reference->line,
				    reference->column, "the reference could not be formatted");
		return NULL;
	}
	if (source)
		*source = (previous && reference->form == LR_REF_PREVIOUS) ? previous->source
									   : o->source;
	return text;
}
