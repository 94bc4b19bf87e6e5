/* libreport: the indicator dataset in memory. Holds indicators and observations, applies the
 * rules of data/README.md to every row however it arrives (CSV or API), and keeps every error
 * it meets so `lreport validate` can list them all.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "dataset-private.h"

const char *const lr_observation_columns[LR_OBS_COLUMNS] = {
	"indicator", "entity", "year", "period", "value", "low", "high", "n", "status",
	"source", "quote", "note",
};

const char *const lr_indicator_columns[LR_IND_COLUMNS] = {
	"id", "name_vi", "name_en", "unit_vi", "unit_en", "kind", "better", "pillar", "note",
};

static const char *const pillars[] = {
	"overall", "government", "economy", "society", "infrastructure", "security", "innovation",
};

struct lr_dataset {
	gint references;
	lr_status_t status;
	GPtrArray *errors;              /* lr_error_record_t *, in the order met */
	GStringChunk *strings;          /* owns every string of indicators and observations */
	GHashTable *normal;             /* the NFC strings interned in @strings (a set) */
	GArray *indicators;             /* lr_indicator_t */
	GHashTable *indicator_index;    /* id -> index + 1 in indicators */
	GArray *observations;           /* lr_observation_t */
	GArray *observation_lines;      /* unsigned, parallel to observations */
	guint32 *key_slots;             /* open addressing: observation index + 1, 0 empty */
	gsize key_slot_count;           /* a power of two, at least twice the observations */
	GHashTable *entity_names;       /* entity -> English name (interned strings) */
	GHashTable *source_labels;      /* source -> const char *[2] {vi, en} (interned) */
	GArray *texts;                  /* lr_dataset_text_t: where each non-ASCII label was first met */
	GHashTable *text_set;           /* the interned texts in @texts */
};

static lr_dataset_t inert_no_memory = { .references = -1, .status = LR_STATUS_NO_MEMORY };

lr_dataset_t *
lr_dataset_create(void)
{
	lr_dataset_t *dataset = g_try_new0(lr_dataset_t, 1);

	if (!dataset)
		return &inert_no_memory;
	dataset->references = 1;
	dataset->errors = lr_error_list_new();
	dataset->strings = g_string_chunk_new(4096);
	dataset->normal = g_hash_table_new(g_str_hash, g_str_equal);
	dataset->indicators = g_array_new(FALSE, TRUE, sizeof(lr_indicator_t));
	dataset->indicator_index = g_hash_table_new(g_str_hash, g_str_equal);
	dataset->observations = g_array_new(FALSE, TRUE, sizeof(lr_observation_t));
	dataset->observation_lines = g_array_new(FALSE, TRUE, sizeof(unsigned));
	dataset->entity_names = g_hash_table_new(g_str_hash, g_str_equal);
	dataset->source_labels = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	dataset->texts = g_array_new(FALSE, FALSE, sizeof(lr_dataset_text_t));
	dataset->text_set = g_hash_table_new(NULL, NULL);
	return dataset;
}

lr_dataset_t *
lr_dataset_reference(lr_dataset_t *dataset)
{
	if (dataset && g_atomic_int_get(&dataset->references) > 0)
		g_atomic_int_inc(&dataset->references);
	return dataset;
}

void
lr_dataset_destroy(lr_dataset_t *dataset)
{
	if (!dataset || g_atomic_int_get(&dataset->references) <= 0)
		return;
	if (!g_atomic_int_dec_and_test(&dataset->references))
		return;
	g_ptr_array_unref(dataset->errors);
	g_string_chunk_free(dataset->strings);
	g_hash_table_unref(dataset->normal);
	g_array_unref(dataset->indicators);
	g_hash_table_unref(dataset->indicator_index);
	g_array_unref(dataset->observations);
	g_array_unref(dataset->observation_lines);
	g_free(dataset->key_slots);
	g_hash_table_unref(dataset->entity_names);
	g_hash_table_unref(dataset->source_labels);
	g_array_unref(dataset->texts);
	g_hash_table_unref(dataset->text_set);
	g_free(dataset);
}

bool
lr_dataset_is_inert(const lr_dataset_t *dataset)
{
	return !dataset->errors;
}

lr_status_t
lr_dataset_status(const lr_dataset_t *dataset)
{
	return dataset ? dataset->status : LR_STATUS_NULL_POINTER;
}

size_t
lr_dataset_get_error_count(const lr_dataset_t *dataset)
{
	return dataset && dataset->errors ? dataset->errors->len : 0;
}

const lr_error_t *
lr_dataset_get_error(const lr_dataset_t *dataset, size_t index)
{
	return dataset ? lr_error_list_get(dataset->errors, index) : NULL;
}

bool
lr_dataset_errors_full(const lr_dataset_t *dataset)
{
	return lr_error_list_is_full(dataset->errors);
}

void
lr_dataset_record_error(lr_dataset_t *dataset, lr_status_t status, const char *file,
			unsigned line, unsigned column, const char *format, ...)
{
	lr_error_record_t *record;
	va_list args;
	char *formatted;

	if (!dataset->errors)
		return;
	if (dataset->errors->len > LR_ERROR_COUNT_MAX)
		return; /* full, and said so: not worth formatting */
	record = g_new0(lr_error_record_t, 1);
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
	lr_error_list_add(dataset->errors, record);
	if (dataset->status == LR_STATUS_SUCCESS)
		dataset->status = status;
}

/* Shorthand: an error at a field of @position (or without position for API calls). */
static lr_status_t
field_error(lr_dataset_t *dataset, const lr_source_position_t *position, int field,
	    lr_status_t status, const char *format, ...) G_GNUC_PRINTF(5, 6);

static lr_status_t
field_error(lr_dataset_t *dataset, const lr_source_position_t *position, int field,
	    lr_status_t status, const char *format, ...)
{
	va_list args;
	char *message;

	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	if (position)
		lr_dataset_record_error(dataset, status, position->file,
					lr_source_line(position, field),
					field >= 0 && position->columns ? position->columns[field] : 0,
					"%s", message);
	else
		lr_dataset_record_error(dataset, status, NULL, 0, 0, "%s", message);
	g_free(message);
	return status;
}

/* Validated, NFC, interned copy of an optional string ("" for NULL). NULL on bad UTF-8. */
static const char *
intern(lr_dataset_t *dataset, const char *text)
{
	char *normalized;
	const char *stored;

	/* "" interned too: keys compare interned strings by pointer. */
	if (!text)
		text = "";
	/* Text equal to a string already interned is valid NFC: no need to normalise it again
	 * (a million rows name the same few entities and sources). */
	stored = g_hash_table_lookup(dataset->normal, text);
	if (stored)
		return stored;
	normalized = lr_utf8_normalize(text, -1, NULL);
	if (!normalized)
		return NULL;
	stored = g_string_chunk_insert_const(dataset->strings, normalized);
	g_hash_table_add(dataset->normal, (gpointer) stored);
	g_free(normalized);
	return stored;
}

/* The limit of a field: labels may be drawn, notes and quotes never are. */
static size_t
field_limit(bool note)
{
	return note ? LR_NOTE_LENGTH_MAX : LR_LABEL_LENGTH_MAX;
}

/* Checked before normalising, so that no work is spent on text that is refused. */
lr_status_t
lr_dataset_check_length(lr_dataset_t *dataset, const lr_source_position_t *position, int field,
	     const char *name, const char *text, bool note)
{
	size_t length = text ? strlen(text) : 0, limit = field_limit(note);

	if (length <= limit)
		return LR_STATUS_SUCCESS;
	return field_error(dataset, position, field, position ? LR_STATUS_INVALID_DATA
							     : LR_STATUS_INVALID_ARGUMENT,
		    "%s: the text is %zu bytes long, above the limit of %zu bytes for %s (%s)",
		    name, length, limit, note ? "a note or quote" : "a label",
		    note ? "LR_NOTE_LENGTH_MAX" : "LR_LABEL_LENGTH_MAX");
}

/* Notes where the interned label @text was first met, if it holds any non-ASCII character
 * (only those can lack a glyph: every bundled font has ASCII). */
static void
place_text(lr_dataset_t *dataset, const char *text, const char *column,
	   const lr_source_position_t *position, int field)
{
	lr_dataset_text_t place = { text, column, NULL, 0, 0 };
	const char *p;

	for (p = text; *p && (guchar) *p < 0x80 && (guchar) *p >= 0x20; p++)
		;
	if (!*p || g_hash_table_contains(dataset->text_set, text))
		return;
	if (position) {
		place.file = position->file ? g_string_chunk_insert_const(dataset->strings,
									   position->file) : NULL;
		place.line = lr_source_line(position, field);
		place.column_number = field >= 0 && position->columns ? position->columns[field] : 0;
	}
	g_hash_table_add(dataset->text_set, (gpointer) text);
	g_array_append_val(dataset->texts, place);
}

void
lr_dataset_place_text(lr_dataset_t *dataset, const char *text, const char *column,
		      const lr_source_position_t *position, int field)
{
	const char *stored;

	if (!dataset->errors || !text || strlen(text) > LR_LABEL_LENGTH_MAX)
		return;
	stored = intern(dataset, text);
	if (stored)
		place_text(dataset, stored, column, position, field);
}

size_t
lr_dataset_get_text_count(const lr_dataset_t *dataset)
{
	return dataset && dataset->texts ? dataset->texts->len : 0;
}

const lr_dataset_text_t *
lr_dataset_get_text(const lr_dataset_t *dataset, size_t index)
{
	if (index >= lr_dataset_get_text_count(dataset))
		return NULL;
	return &g_array_index(dataset->texts, lr_dataset_text_t, index);
}

static bool
is_valid_id(const char *id)
{
	if (!g_ascii_islower(id[0]))
		return false;
	for (const char *p = id; *p; p++)
		if (!g_ascii_islower(*p) && !g_ascii_isdigit(*p) && *p != '_')
			return false;
	return true;
}

static const char *const kind_names[] = { "value", "rank", "share", "growth" };
static const char *const direction_names[] = { "higher", "lower", "neutral" };
static const char *const status_names[] = { "actual", "estimate", "forecast", "target" };

LR_DEFINE_ENUM_NAMES(indicator_kind, lr_indicator_kind_t, kind_names)
LR_DEFINE_ENUM_NAMES(direction, lr_direction_t, direction_names)
LR_DEFINE_ENUM_NAMES(observation_status, lr_observation_status_t, status_names)

/* Whether the reserved space of a caller-filled struct is zero, as documented. */
static bool
reserved_is_zero(void *const *reserved, unsigned count)
{
	for (unsigned i = 0; i < count; i++)
		if (reserved[i])
			return false;
	return true;
}

const char *
lr_indicator_get_name(const lr_indicator_t *indicator, lr_language_t language)
{
	if (!indicator)
		return "";
	return language == LR_LANGUAGE_EN && indicator->name_en[0] ? indicator->name_en
								    : indicator->name_vi;
}

const char *
lr_indicator_get_unit(const lr_indicator_t *indicator, lr_language_t language)
{
	if (!indicator)
		return "";
	return language == LR_LANGUAGE_EN ? indicator->unit_en : indicator->unit_vi;
}

static bool
is_pillar(const char *text)
{
	for (unsigned i = 0; i < G_N_ELEMENTS(pillars); i++)
		if (strcmp(text, pillars[i]) == 0)
			return true;
	return false;
}

lr_status_t
lr_dataset_add_indicator_at(lr_dataset_t *dataset, const lr_indicator_t *indicator,
			    const lr_source_position_t *position)
{
	const char *texts[LR_IND_COLUMNS] = { 0 };
	const char *sources[LR_IND_COLUMNS];
	lr_indicator_t stored;

	if (!dataset)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!dataset->errors)
		return dataset->status;
	if (!indicator)
		return field_error(dataset, position, LR_IND_ID, LR_STATUS_NULL_POINTER,
				   "no indicator given");
	if (!indicator->id || !indicator->name_vi || !indicator->name_en)
		return field_error(dataset, position, LR_IND_ID, LR_STATUS_NULL_POINTER,
				   "an indicator needs an id and names in Vietnamese and English");
	if (!reserved_is_zero(indicator->reserved, G_N_ELEMENTS(indicator->reserved)))
		return field_error(dataset, position, LR_IND_ID, LR_STATUS_INVALID_ARGUMENT,
				   "reserved fields of lr_indicator_t must be zero");

	sources[LR_IND_ID] = indicator->id;
	sources[LR_IND_NAME_VI] = indicator->name_vi;
	sources[LR_IND_NAME_EN] = indicator->name_en;
	sources[LR_IND_UNIT_VI] = indicator->unit_vi;
	sources[LR_IND_UNIT_EN] = indicator->unit_en;
	sources[LR_IND_KIND] = NULL;
	sources[LR_IND_BETTER] = NULL;
	sources[LR_IND_PILLAR] = indicator->pillar;
	sources[LR_IND_NOTE] = indicator->note;
	for (int i = 0; i < LR_IND_COLUMNS; i++) {
		lr_status_t status;

		if (i == LR_IND_KIND || i == LR_IND_BETTER)
			continue;
		status = lr_dataset_check_length(dataset, position, i, lr_indicator_columns[i], sources[i],
				      i == LR_IND_NOTE);
		if (status != LR_STATUS_SUCCESS)
			return status;
		texts[i] = intern(dataset, sources[i]);
		if (!texts[i])
			return field_error(dataset, position, i, LR_STATUS_INVALID_UTF8,
					   "%s: text is not valid UTF-8", lr_indicator_columns[i]);
	}

	if (!is_valid_id(texts[LR_IND_ID]))
		return field_error(dataset, position, LR_IND_ID, LR_STATUS_INVALID_DATA,
				   "id: expected lower-case ASCII letters, digits and '_', starting "
				   "with a letter; found '%s'", texts[LR_IND_ID]);
	if (g_hash_table_contains(dataset->indicator_index, texts[LR_IND_ID]))
		return field_error(dataset, position, LR_IND_ID, LR_STATUS_INVALID_DATA,
				   "id: indicator '%s' is defined twice", texts[LR_IND_ID]);
	if (!texts[LR_IND_NAME_VI][0] || !texts[LR_IND_NAME_EN][0])
		return field_error(dataset, position,
				   texts[LR_IND_NAME_VI][0] ? LR_IND_NAME_EN : LR_IND_NAME_VI,
				   LR_STATUS_INVALID_DATA,
				   "name_vi and name_en: expected a name in both languages");
	if ((unsigned) indicator->kind > LR_INDICATOR_GROWTH)
		return field_error(dataset, position, LR_IND_KIND, LR_STATUS_INVALID_DATA,
				   "kind: expected value, rank, share or growth");
	if ((unsigned) indicator->better > LR_DIRECTION_NEUTRAL)
		return field_error(dataset, position, LR_IND_BETTER, LR_STATUS_INVALID_DATA,
				   "better: expected higher, lower or neutral");
	if (!is_pillar(texts[LR_IND_PILLAR]))
		return field_error(dataset, position, LR_IND_PILLAR, LR_STATUS_INVALID_DATA,
				   "pillar: expected overall, government, economy, society, "
				   "infrastructure, security or innovation; found '%s'",
				   texts[LR_IND_PILLAR]);

	stored = (lr_indicator_t) {
		.id = texts[LR_IND_ID], .name_vi = texts[LR_IND_NAME_VI],
		.name_en = texts[LR_IND_NAME_EN], .unit_vi = texts[LR_IND_UNIT_VI],
		.unit_en = texts[LR_IND_UNIT_EN], .kind = indicator->kind,
		.better = indicator->better, .pillar = texts[LR_IND_PILLAR],
		.note = texts[LR_IND_NOTE],
	};
	g_array_append_val(dataset->indicators, stored);
	g_hash_table_insert(dataset->indicator_index, (gpointer) stored.id,
			    GUINT_TO_POINTER(dataset->indicators->len));
	for (int i = 0; i < LR_IND_COLUMNS; i++)
		if (i != LR_IND_KIND && i != LR_IND_BETTER && i != LR_IND_NOTE)
			place_text(dataset, texts[i], lr_indicator_columns[i], position, i);
	return LR_STATUS_SUCCESS;
}

lr_status_t
lr_dataset_add_indicator(lr_dataset_t *dataset, const lr_indicator_t *indicator)
{
	return lr_dataset_add_indicator_at(dataset, indicator, NULL);
}

/* "", H1, H2, Q1–Q4, 1M–11M or MM-DD (a real date). */
static bool
is_valid_period(const char *period)
{
	size_t length = strlen(period);

	if (length == 0)
		return true;
	if (length == 2 && period[0] == 'H')
		return period[1] == '1' || period[1] == '2';
	if (length == 2 && period[0] == 'Q')
		return period[1] >= '1' && period[1] <= '4';
	if ((length == 2 || length == 3) && period[length - 1] == 'M') {
		int months = atoi(period);
		return g_ascii_isdigit(period[0]) && (length == 2 || g_ascii_isdigit(period[1])) &&
		       months >= 1 && months <= 11;
	}
	if (length == 5 && period[2] == '-' && g_ascii_isdigit(period[0]) &&
	    g_ascii_isdigit(period[1]) && g_ascii_isdigit(period[3]) && g_ascii_isdigit(period[4])) {
		int month = atoi(period), day = atoi(period + 3);
		return month >= 1 && month <= 12 && day >= 1 &&
		       day <= g_date_get_days_in_month((GDateMonth) month, 2024);
	}
	return false;
}

static bool
is_integer(double value)
{
	return value == floor(value);
}

/* Duplicate observations. A row's key is its indicator, entity, year, period, status and
 * source; the strings are interned, so equal strings are the same pointer, and the index
 * keeps only the observation's position: 8 bytes per row at most, where a hash table of
 * formatted keys took about 130 (a million rows reached 400 MB). */
static guint
observation_key_hash(const lr_observation_t *o)
{
	guint64 h = (guintptr) o->indicator;

	h = h * 0x9E3779B97F4A7C15u + (guintptr) o->entity;
	h = h * 0x9E3779B97F4A7C15u + (guint64) (guint) o->year;
	h = h * 0x9E3779B97F4A7C15u + (guintptr) o->period;
	h = h * 0x9E3779B97F4A7C15u + (guint64) o->status;
	h = h * 0x9E3779B97F4A7C15u + (guintptr) o->source;
	return (guint) (h ^ (h >> 29) ^ (h >> 47));
}

static bool
same_observation_key(const lr_observation_t *a, const lr_observation_t *b)
{
	return a->indicator == b->indicator && a->entity == b->entity && a->year == b->year &&
	       a->period == b->period && a->status == b->status && a->source == b->source;
}

/* The slot of @o's key: the one holding an observation with that key, or the empty one
 * where it goes. */
static gsize
find_key_slot(const lr_dataset_t *dataset, const lr_observation_t *o)
{
	gsize mask = dataset->key_slot_count - 1, slot = observation_key_hash(o) & mask;

	for (;;) {
		guint32 held = dataset->key_slots[slot];
		if (!held || same_observation_key(o, &g_array_index(dataset->observations,
								    lr_observation_t, held - 1)))
			return slot;
		slot = (slot + 1) & mask;
	}
}

/* Room for one more key, keeping the table at most half full. */
static void
reserve_key_slot(lr_dataset_t *dataset)
{
	gsize count = dataset->observations->len;

	if (dataset->key_slot_count >= 2 * (count + 1))
		return;
	g_free(dataset->key_slots);
	dataset->key_slot_count = MAX(dataset->key_slot_count * 2, 64);
	while (dataset->key_slot_count < 2 * (count + 1))
		dataset->key_slot_count *= 2;
	dataset->key_slots = g_new0(guint32, dataset->key_slot_count);
	for (guint i = 0; i < count; i++) {
		const lr_observation_t *o = &g_array_index(dataset->observations, lr_observation_t, i);
		dataset->key_slots[find_key_slot(dataset, o)] = i + 1;
	}
}

lr_status_t
lr_dataset_add_observation_at(lr_dataset_t *dataset, const lr_observation_t *observation,
			      const lr_source_position_t *position)
{
	const lr_indicator_t *indicator;
	const char *indicator_id, *entity, *period, *source, *quote, *note;
	lr_observation_t stored;
	bool has_value, has_low, has_high;
	unsigned line;
	gsize slot;

	if (!dataset)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!dataset->errors)
		return dataset->status;
	if (!observation)
		return field_error(dataset, position, LR_OBS_INDICATOR, LR_STATUS_NULL_POINTER,
				   "no observation given");
	if (!observation->indicator || !observation->entity)
		return field_error(dataset, position, LR_OBS_INDICATOR, LR_STATUS_NULL_POINTER,
				   "an observation needs an indicator and an entity");
	if (!reserved_is_zero(observation->reserved, G_N_ELEMENTS(observation->reserved)))
		return field_error(dataset, position, LR_OBS_INDICATOR, LR_STATUS_INVALID_ARGUMENT,
				   "reserved fields of lr_observation_t must be zero");

	{
		const char *const fields[] = {
			[LR_OBS_INDICATOR] = observation->indicator, [LR_OBS_ENTITY] = observation->entity,
			[LR_OBS_PERIOD] = observation->period, [LR_OBS_SOURCE] = observation->source,
			[LR_OBS_QUOTE] = observation->quote, [LR_OBS_NOTE] = observation->note,
		};
		for (int i = 0; i < (int) G_N_ELEMENTS(fields); i++) {
			lr_status_t status = lr_dataset_check_length(dataset, position, i,
							  lr_observation_columns[i], fields[i],
							  i == LR_OBS_QUOTE || i == LR_OBS_NOTE);
			if (status != LR_STATUS_SUCCESS)
				return status;
		}
	}
	indicator_id = intern(dataset, observation->indicator);
	entity = intern(dataset, observation->entity);
	period = intern(dataset, observation->period);
	source = intern(dataset, observation->source);
	quote = intern(dataset, observation->quote);
	note = intern(dataset, observation->note);
	if (!indicator_id || !entity || !period || !source || !quote || !note) {
		int field = !indicator_id ? LR_OBS_INDICATOR : !entity ? LR_OBS_ENTITY
			  : !period ? LR_OBS_PERIOD : !source ? LR_OBS_SOURCE
			  : !quote ? LR_OBS_QUOTE : LR_OBS_NOTE;
		return field_error(dataset, position, field, LR_STATUS_INVALID_UTF8,
				   "%s: text is not valid UTF-8", lr_observation_columns[field]);
	}

	indicator = lr_dataset_find_indicator(dataset, indicator_id);
	if (!indicator)
		return field_error(dataset, position, LR_OBS_INDICATOR, LR_STATUS_UNKNOWN_INDICATOR,
				   "indicator: '%s' is not defined in indicators.csv",
				   indicator_id);
	if (!entity[0])
		return field_error(dataset, position, LR_OBS_ENTITY, LR_STATUS_INVALID_DATA,
				   "entity: expected a name (\"Việt Nam\" when the article names none)");
	if (observation->year < 1900 || observation->year > 2100)
		return field_error(dataset, position, LR_OBS_YEAR, LR_STATUS_INVALID_DATA,
				   "year: expected a year between 1900 and 2100, found %d",
				   observation->year);
	if (!is_valid_period(period))
		return field_error(dataset, position, LR_OBS_PERIOD, LR_STATUS_INVALID_DATA,
				   "period: expected empty, H1, H2, Q1-Q4, 1M-11M or MM-DD; found '%s'",
				   period);
	if ((unsigned) observation->status > LR_OBSERVATION_TARGET)
		return field_error(dataset, position, LR_OBS_STATUS, LR_STATUS_INVALID_DATA,
				   "status: expected actual, estimate, forecast or target");

	has_value = !isnan(observation->value);
	has_low = !isnan(observation->low);
	has_high = !isnan(observation->high);
	if (has_value && !isfinite(observation->value))
		return field_error(dataset, position, LR_OBS_VALUE, LR_STATUS_INVALID_DATA,
				   "value: expected a finite number");
	if ((has_low && !isfinite(observation->low)) || (has_high && !isfinite(observation->high)))
		return field_error(dataset, position, has_low && !isfinite(observation->low) ?
				   LR_OBS_LOW : LR_OBS_HIGH, LR_STATUS_INVALID_DATA,
				   "low/high: expected a finite number");
	if (has_low != has_high)
		return field_error(dataset, position, has_low ? LR_OBS_HIGH : LR_OBS_LOW,
				   LR_STATUS_INVALID_DATA,
				   "low and high: a range needs both ends");
	if (!has_value && !has_low)
		return field_error(dataset, position, LR_OBS_VALUE, LR_STATUS_INVALID_DATA,
				   "value: expected a number (or a range in low and high)");
	if (has_low && observation->low > observation->high)
		return field_error(dataset, position, LR_OBS_LOW, LR_STATUS_INVALID_DATA,
				   "low: %g is above high %g", observation->low, observation->high);
	if (has_low && has_value &&
	    (observation->value < observation->low || observation->value > observation->high))
		return field_error(dataset, position, LR_OBS_VALUE, LR_STATUS_INVALID_DATA,
				   "value: %g lies outside the range %g-%g", observation->value,
				   observation->low, observation->high);
	if (observation->total < 0 || observation->total > LR_RANK_MAX)
		return field_error(dataset, position, LR_OBS_N, LR_STATUS_INVALID_DATA,
				   "n: expected a whole number from 1 to %d, found %d", LR_RANK_MAX,
				   observation->total);
	if (indicator->kind == LR_INDICATOR_RANK) {
		double rank = has_value ? observation->value : observation->low;
		double worst = has_value ? observation->value : observation->high;
		if (!is_integer(rank) || !is_integer(worst) || rank < 1)
			return field_error(dataset, position, LR_OBS_VALUE, LR_STATUS_INVALID_DATA,
					   "value: a rank must be a whole number of at least 1, "
					   "found %g", rank);
		/* Ranks become ints when drawn: bound them here, where the row can be named. */
		if (worst > LR_RANK_MAX)
			return field_error(dataset, position, has_value ? LR_OBS_VALUE : LR_OBS_HIGH,
					   LR_STATUS_INVALID_DATA,
					   "%s: a rank must be at most %d, found %g",
					   has_value ? "value" : "high", LR_RANK_MAX, worst);
		if (observation->total > 0 && worst > observation->total)
			return field_error(dataset, position, LR_OBS_VALUE, LR_STATUS_INVALID_DATA,
					   "value: rank %g is above its n (%d entities ranked)",
					   worst, observation->total);
	}
	if (indicator->kind == LR_INDICATOR_SHARE) {
		double lowest = has_low ? observation->low : observation->value;
		double highest = has_high ? observation->high : observation->value;
		if (lowest < 0 || highest > 100)
			return field_error(dataset, position, LR_OBS_VALUE, LR_STATUS_INVALID_DATA,
					   "value: a share is a percentage between 0 and 100");
	}

	line = position ? position->line : 0;
	stored = *observation;
	stored.indicator = indicator->id;
	stored.entity = entity;
	stored.period = period;
	stored.source = source;
	stored.quote = quote;
	stored.note = note;
	reserve_key_slot(dataset);
	slot = find_key_slot(dataset, &stored);
	if (dataset->key_slots[slot]) {
		unsigned previous_line = g_array_index(dataset->observation_lines, unsigned,
						       dataset->key_slots[slot] - 1);
		if (previous_line)
			return field_error(dataset, position, LR_OBS_INDICATOR,
					   LR_STATUS_INVALID_DATA,
					   "duplicate observation: line %u has the same indicator, "
					   "entity, year, period, status and source", previous_line);
		return field_error(dataset, position, LR_OBS_INDICATOR, LR_STATUS_INVALID_DATA,
				   "duplicate observation: same indicator, entity, year, period, "
				   "status and source as an earlier one");
	}
	dataset->key_slots[slot] = dataset->observations->len + 1;
	g_array_append_val(dataset->observations, stored);
	g_array_append_val(dataset->observation_lines, line);
	place_text(dataset, entity, "entity", position, LR_OBS_ENTITY);
	place_text(dataset, period, "period", position, LR_OBS_PERIOD);
	place_text(dataset, source, "source", position, LR_OBS_SOURCE);
	return LR_STATUS_SUCCESS;
}

lr_status_t
lr_dataset_add_observation(lr_dataset_t *dataset, const lr_observation_t *observation)
{
	return lr_dataset_add_observation_at(dataset, observation, NULL);
}

size_t
lr_dataset_get_indicator_count(const lr_dataset_t *dataset)
{
	return dataset && dataset->indicators ? dataset->indicators->len : 0;
}

const lr_indicator_t *
lr_dataset_get_indicator(const lr_dataset_t *dataset, size_t index)
{
	if (index >= lr_dataset_get_indicator_count(dataset))
		return NULL;
	return &g_array_index(dataset->indicators, lr_indicator_t, index);
}

const lr_indicator_t *
lr_dataset_find_indicator(const lr_dataset_t *dataset, const char *id)
{
	guint position;

	if (!dataset || !dataset->indicator_index || !id)
		return NULL;
	position = GPOINTER_TO_UINT(g_hash_table_lookup(dataset->indicator_index, id));
	return position ? lr_dataset_get_indicator(dataset, position - 1) : NULL;
}

size_t
lr_dataset_get_observation_count(const lr_dataset_t *dataset)
{
	return dataset && dataset->observations ? dataset->observations->len : 0;
}

const lr_observation_t *
lr_dataset_get_observation(const lr_dataset_t *dataset, size_t index)
{
	if (index >= lr_dataset_get_observation_count(dataset))
		return NULL;
	return &g_array_index(dataset->observations, lr_observation_t, index);
}

unsigned
lr_dataset_get_observation_line(const lr_dataset_t *dataset, size_t index)
{
	if (index >= lr_dataset_get_observation_count(dataset))
		return 0;
	return g_array_index(dataset->observation_lines, unsigned, index);
}

lr_status_t
lr_dataset_set_entity_name(lr_dataset_t *dataset, const char *entity, const char *name_en)
{
	const char *key, *value;

	if (!dataset || !entity || !name_en)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!dataset->errors)
		return dataset->status;
	if (lr_dataset_check_length(dataset, NULL, -1, "entity", entity, false) != LR_STATUS_SUCCESS ||
	    lr_dataset_check_length(dataset, NULL, -1, "name_en", name_en, false) != LR_STATUS_SUCCESS)
		return LR_STATUS_INVALID_ARGUMENT;
	key = intern(dataset, entity);
	value = intern(dataset, name_en);
	if (!key || !value)
		return lr_error(LR_STATUS_INVALID_UTF8);
	g_hash_table_insert(dataset->entity_names, (gpointer) key, (gpointer) value);
	place_text(dataset, value, "name_en", NULL, -1);
	return LR_STATUS_SUCCESS;
}

const char *
lr_dataset_get_entity_name(const lr_dataset_t *dataset, const char *entity, lr_language_t language)
{
	const char *name;

	if (!dataset || !dataset->entity_names || !entity || language != LR_LANGUAGE_EN)
		return entity;
	name = g_hash_table_lookup(dataset->entity_names, entity);
	return name ? name : entity;
}

lr_status_t
lr_dataset_set_source_label(lr_dataset_t *dataset, const char *source, const char *label_vi,
			    const char *label_en)
{
	const char **labels;
	const char *key;

	if (!dataset || !source || !label_vi || !label_en)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!dataset->errors)
		return dataset->status;
	if (lr_dataset_check_length(dataset, NULL, -1, "source", source, false) != LR_STATUS_SUCCESS ||
	    lr_dataset_check_length(dataset, NULL, -1, "label_vi", label_vi, false) != LR_STATUS_SUCCESS ||
	    lr_dataset_check_length(dataset, NULL, -1, "label_en", label_en, false) != LR_STATUS_SUCCESS)
		return LR_STATUS_INVALID_ARGUMENT;
	labels = g_new(const char *, 2);
	key = intern(dataset, source);
	labels[0] = intern(dataset, label_vi);
	labels[1] = intern(dataset, label_en);
	if (!key || !labels[0] || !labels[1]) {
		g_free(labels);
		return lr_error(LR_STATUS_INVALID_UTF8);
	}
	g_hash_table_insert(dataset->source_labels, (gpointer) key, labels);
	place_text(dataset, labels[0], "label_vi", NULL, -1);
	place_text(dataset, labels[1], "label_en", NULL, -1);
	return LR_STATUS_SUCCESS;
}

const char *
lr_dataset_get_source_label(const lr_dataset_t *dataset, const char *source, lr_language_t language)
{
	const char **labels;

	if (!dataset || !dataset->source_labels || !source)
		return source;
	labels = g_hash_table_lookup(dataset->source_labels, source);
	if (!labels)
		return source;
	return labels[language == LR_LANGUAGE_EN ? 1 : 0];
}
