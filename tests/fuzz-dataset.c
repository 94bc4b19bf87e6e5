/* libreport fuzz target: the dataset loaders, from a folder and from memory (libreport/dataset.c,
 * libreport/dataset-csv.c), and the validation of lr_dataset_add_indicator() and
 * lr_dataset_add_observation().
 *
 * Build: tests/fuzz-build.sh build /tmp/fuzz builds this and the other targets (every
 * library file instrumented; -fno-sanitize-recover makes UBSan findings abort, so libFuzzer
 * keeps the input).
 *
 * Add -DFUZZ_TOLERATE_KNOWN_BUGS to let the run go on past the bugs listed at KNOWN_BUG below
 * (until they are fixed). FUZZ_DATASET_VERBOSE=1 in the environment prints every error.
 *
 * Run on a copy of the seed corpus (the corpus grows; keep it out of the repository), in
 * memory: TMPDIR=/dev/shm for the per-input files and the corpus folder in /dev/shm too
 * (libFuzzer rewrites corpus files as it reduces them, and on ext4 that cost a tenth of the
 * run); -fork=2 -ignore_crashes=1 uses two cores and goes on after a crash:
 *
 *   rm -rf /dev/shm/fuzz-corpus && cp -r tests/fuzz-corpus /dev/shm/fuzz-corpus
 *   TMPDIR=/dev/shm /tmp/fuzz/fuzz-dataset -max_len=4096 -timeout=5 -rss_limit_mb=2048 \
 *       -max_total_time=240 /dev/shm/fuzz-corpus
 *
 * Keep what it found: merge into the repository's corpus only inputs that add coverage:
 *
 *   /tmp/fuzz/fuzz-dataset -merge=1 tests/fuzz-corpus /dev/shm/fuzz-corpus
 *
 * Reproduce / minimise a crash:
 *   /tmp/fuzz/fuzz-dataset crash-<sha1>
 *   /tmp/fuzz/fuzz-dataset -minimize_crash=1 -runs=10000 -exact_artifact_path=/tmp/min crash-<sha1>
 *
 * Leak check under valgrind, without sanitizers: meson's replay of the corpus,
 *
 *   G_SLICE=always-malloc valgrind --leak-check=full --show-leak-kinds=definite,indirect \
 *       --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
 *       build/tests/fuzz-dataset-replay tests/fuzz-corpus
 *
 * Profile: callgrind on that replay binary (the library's own costs), or perf on a target
 * built with FUZZ_CFLAGS=-fno-omit-frame-pointer (ASan's and libFuzzer's too).
 *
 * Input format.
 *   Even length: CSV mode. The input is split at each "\n\0\n" into up to four files:
 *     indicators.csv, observations.csv, sources.csv, entities.csv (the last two optional).
 *     Without a separator, a fixed valid indicators.csv is used and the whole input is
 *     observations.csv. Two texts (no sources or entities) are loaded from memory with
 *     lr_dataset_load_from_memory(), as a server loads an upload, named "fuzz" or (size % 8
 *     == 4) NULL; when size % 4 == 2 they are also written as files and loaded with
 *     lr_dataset_load(), and the two datasets must hold the same errors (file names aside)
 *     and the same rows. Three or four texts go through files only (the memory loader
 *     reads no sources or entities). Files are written to a private folder made once with
 *     mkdtemp() (under $TMPDIR, default /tmp; TMPDIR=/dev/shm makes it faster). Every load
 *     is checked: every error, indicator and observation: messages are
 *     non-NULL valid UTF-8, files are the loaded paths in file then line order, line and column
 *     lie inside the file (column <= characters of that line + 1), a file holding a NUL or
 *     invalid UTF-8 has an error, stored rows obey the rules of data/README.md, strings are
 *     valid NFC UTF-8 and no two observations share a key.
 *   Odd length: API mode. The bytes drive a sequence of lr_dataset_add_indicator(),
 *     lr_dataset_add_observation(), lr_dataset_set_entity_name() and
 *     lr_dataset_set_source_label() calls with strings built from tokens and raw bytes
 *     (possibly invalid UTF-8, NFD, control characters or NULL), special doubles (NaN, inf,
 *     -0, huge, denormal, raw bits) and out-of-range enum values. Each result is checked
 *     against a model: a failure records exactly one error with the returned status; an
 *     observation is reported as a duplicate exactly when the harness already accepted one
 *     with the same (NFC) indicator, entity, year, period, status and source.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp(), kill() under -std=c11 */
#endif

#include <lreport/lreport.h>

#include "fuzz-common.h"

#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <glib.h>
#include <limits.h>
#include <signal.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void remove_work_dir(void);

#define CHECK(condition)                                                                        \
	do {                                                                                    \
		if (!(condition)) {                                                             \
			fprintf(stderr, "fuzz-dataset: check failed at %s:%d: %s\n", __FILE__,  \
				__LINE__, #condition);                                          \
			remove_work_dir();                                                      \
			abort();                                                                \
		}                                                                               \
	} while (0)

#define CHECKF(condition, ...)                                                                  \
	do {                                                                                    \
		if (!(condition)) {                                                             \
			fprintf(stderr, "fuzz-dataset: check failed at %s:%d: %s: ", __FILE__,  \
				__LINE__, #condition);                                          \
			fprintf(stderr, __VA_ARGS__);                                           \
			fputc('\n', stderr);                                                    \
			remove_work_dir();                                                      \
			abort();                                                                \
		}                                                                               \
	} while (0)

enum { FILE_INDICATORS, FILE_OBSERVATIONS, FILE_SOURCES, FILE_ENTITIES, FILE_COUNT };

static const char *const file_names[FILE_COUNT] = {
	"indicators.csv", "observations.csv", "sources.csv", "entities.csv",
};

static char *work_dir;                /* the private folder, made once */
static bool verbose;                  /* FUZZ_DATASET_VERBOSE=1: print what each input gave */
static char *file_paths[FILE_COUNT];  /* as lr_dataset_load() builds them */
/* As lr_dataset_load_from_memory() names its two texts, with the name "fuzz" or NULL. */
static const char *const memory_paths[2][FILE_COUNT] = {
	{ "fuzz/indicators.csv", "fuzz/observations.csv", "", "" },
	{ "<memory>/indicators.csv", "<memory>/observations.csv", "", "" },
};

static const char fixed_indicators[] =
	"id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n"
	"v,Giá trị,Value,tỷ USD,billion USD,value,higher,economy,\n"
	"r,Xếp hạng,Rank,,,rank,lower,government,\n"
	"s,Tỷ lệ,Share,%,%,share,higher,society,\"a \"\"note\"\", here\"\n"
	"g,Tăng trưởng,Growth,%,%,growth,neutral,overall,\n";

static const char *const pillars[] = {
	"overall", "government", "economy", "society", "infrastructure", "security", "innovation",
};

/* ---------------------------------------------------------------------------------------- */
/* Set-up */

static void
remove_files(const char *directory)
{
	for (int i = 0; i < FILE_COUNT; i++) {
		char *path = g_build_filename(directory, file_names[i], NULL);
		unlink(path);
		g_free(path);
	}
}

/* At exit and before a failed check aborts. libFuzzer leaves with _Exit() after
 * -max_total_time and after sanitizer reports, so init_once() also sweeps folders that
 * earlier, dead processes left behind. */
static void
remove_work_dir(void)
{
	if (!work_dir)
		return;
	remove_files(work_dir);
	rmdir(work_dir);
}

/* Folders are named fuzz-dataset-<pid>-XXXXXX; remove those of processes that are gone. */
static void
remove_stale_dirs(const char *tmp)
{
	GDir *dir = g_dir_open(tmp, 0, NULL);
	const char *name;

	if (!dir)
		return;
	while ((name = g_dir_read_name(dir))) {
		char *end;
		long pid;

		if (!g_str_has_prefix(name, "fuzz-dataset-"))
			continue;
		pid = strtol(name + strlen("fuzz-dataset-"), &end, 10);
		if (pid <= 0 || end[0] != '-' || strlen(end) != 7 || pid == (long) getpid())
			continue;
		if (kill((pid_t) pid, 0) == 0 || errno != ESRCH)
			continue;
		{
			char *path = g_build_filename(tmp, name, NULL);
			remove_files(path);
			rmdir(path); /* fails, harmlessly, if anything else is inside */
			g_free(path);
		}
	}
	g_dir_close(dir);
}

static void
init_once(void)
{
	static bool done;
	const char *tmp;
	char *template;

	if (done)
		return;
	done = true;
	verbose = getenv("FUZZ_DATASET_VERBOSE") != NULL;
	tmp = getenv("TMPDIR");
	if (!tmp || !tmp[0])
		tmp = "/tmp";
	remove_stale_dirs(tmp);
	{
		char *name = g_strdup_printf("fuzz-dataset-%ld-XXXXXX", (long) getpid());
		template = g_build_filename(tmp, name, NULL);
		g_free(name);
	}
	if (!mkdtemp(template)) {
		fprintf(stderr, "fuzz-dataset: mkdtemp(%s): %s\n", template, strerror(errno));
		abort();
	}
	work_dir = template;
	for (int i = 0; i < FILE_COUNT; i++)
		file_paths[i] = g_build_filename(work_dir, file_names[i], NULL);
	atexit(remove_work_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	init_once();
	return 0;
}

/* open/write/close: stdio's buffer would be one more 4 KiB allocation per file and input. */
static void
write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	CHECKF(fd >= 0, "%s: %s", path, strerror(errno));
	while (size > 0) {
		ssize_t written = write(fd, data, size);
		CHECKF(written > 0, "%s: %s", path, strerror(errno));
		data += written;
		size -= (size_t) written;
	}
	CHECK(close(fd) == 0);
}

/* ---------------------------------------------------------------------------------------- */
/* Checks shared by both modes */

static bool
is_nfc_utf8(const char *text)
{
	char *normalized;
	bool same;

	if (!text)
		return false;
	/* ASCII is NFC: GLib's normalisation of every stored string was an eighth of the run. */
	for (const char *p = text; (unsigned char) *p < 0x80; p++)
		if (!*p)
			return true;
	if (!g_utf8_validate(text, -1, NULL))
		return false;
	normalized = g_utf8_normalize(text, -1, G_NORMALIZE_NFC);
	same = normalized && strcmp(normalized, text) == 0;
	g_free(normalized);
	return same;
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

static bool
is_pillar(const char *text)
{
	for (size_t i = 0; i < G_N_ELEMENTS(pillars); i++)
		if (strcmp(text, pillars[i]) == 0)
			return true;
	return false;
}

static bool
is_valid_period(const char *period)
{
	static const char *const fixed[] = { "", "H1", "H2", "Q1", "Q2", "Q3", "Q4" };
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	size_t length = strlen(period);

	for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++)
		if (strcmp(period, fixed[i]) == 0)
			return true;
	for (int m = 1; m <= 11; m++) {
		char text[8];
		snprintf(text, sizeof text, "%dM", m);
		if (strcmp(period, text) == 0)
			return true;
		snprintf(text, sizeof text, "%02dM", m);
		if (strcmp(period, text) == 0)
			return true;
	}
	if (length == 5 && period[2] == '-' && g_ascii_isdigit(period[0]) &&
	    g_ascii_isdigit(period[1]) && g_ascii_isdigit(period[3]) && g_ascii_isdigit(period[4])) {
		int month = (period[0] - '0') * 10 + (period[1] - '0');
		int day = (period[3] - '0') * 10 + (period[4] - '0');
		return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
	}
	return false;
}

static bool
same_double(double a, double b)
{
	return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

/* A key that cannot collide: every string is length-prefixed. */
static char *
observation_key(const char *indicator, const char *entity, int year, const char *period,
		int status, const char *source)
{
	return g_strdup_printf("%zu:%s|%zu:%s|%d|%zu:%s|%d|%zu:%s", strlen(indicator), indicator,
			       strlen(entity), entity, year, strlen(period), period, status,
			       strlen(source), source);
}

static void
check_indicator(const lr_dataset_t *dataset, const lr_indicator_t *indicator)
{
	const char *texts[] = {
		indicator->id, indicator->name_vi, indicator->name_en, indicator->unit_vi,
		indicator->unit_en, indicator->pillar, indicator->note,
	};

	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
		CHECKF(is_nfc_utf8(texts[i]), "indicator string %zu", i);
	CHECK(is_valid_id(indicator->id));
	CHECK(indicator->name_vi[0] && indicator->name_en[0]);
	CHECK((unsigned) indicator->kind <= LR_INDICATOR_GROWTH);
	CHECK((unsigned) indicator->better <= LR_DIRECTION_NEUTRAL);
	CHECK(is_pillar(indicator->pillar));
	CHECK(lr_dataset_find_indicator(dataset, indicator->id) == indicator);
	CHECK(strcmp(lr_indicator_kind_to_string(indicator->kind), "unknown") != 0);
	CHECK(lr_indicator_get_name(indicator, LR_LANGUAGE_VI) == indicator->name_vi);
	CHECK(lr_indicator_get_name(indicator, LR_LANGUAGE_EN) == indicator->name_en);
	CHECK(lr_indicator_get_unit(indicator, LR_LANGUAGE_VI) == indicator->unit_vi);
	CHECK(lr_indicator_get_unit(indicator, LR_LANGUAGE_EN) == indicator->unit_en);
}

static void
check_observation(const lr_dataset_t *dataset, const lr_observation_t *observation,
		  bool from_file)
{
	const lr_indicator_t *indicator;
	const char *texts[] = {
		observation->indicator, observation->entity, observation->period,
		observation->source, observation->quote, observation->note,
	};
	bool has_value, has_low, has_high;

	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
		CHECKF(is_nfc_utf8(texts[i]), "observation string %zu", i);
	indicator = lr_dataset_find_indicator(dataset, observation->indicator);
	CHECK(indicator != NULL);
	CHECK(indicator->id == observation->indicator);
	CHECK(observation->entity[0]);
	CHECK(observation->year >= 1900 && observation->year <= 2100);
	CHECKF(is_valid_period(observation->period), "period '%s'", observation->period);
	CHECK((unsigned) observation->status <= LR_OBSERVATION_TARGET);
	CHECK(strcmp(lr_observation_status_to_string(observation->status), "unknown") != 0);
	if (from_file)
		CHECK(observation->source[0] && observation->quote[0]);

	has_value = !isnan(observation->value);
	has_low = !isnan(observation->low);
	has_high = !isnan(observation->high);
	CHECK(!has_value || isfinite(observation->value));
	CHECK(!has_low || isfinite(observation->low));
	CHECK(!has_high || isfinite(observation->high));
	CHECK(has_low == has_high);
	CHECK(has_value || has_low);
	CHECK(!has_low || observation->low <= observation->high);
	CHECK(!has_low || !has_value ||
	      (observation->low <= observation->value && observation->value <= observation->high));
	CHECK(observation->total >= 0);
	if (from_file)
		CHECK(observation->total <= 1000000);
	if (indicator->kind == LR_INDICATOR_RANK) {
		double best = has_value ? observation->value : observation->low;
		double worst = has_value ? observation->value : observation->high;
		CHECK(best == floor(best) && worst == floor(worst) && best >= 1);
		CHECK(observation->total == 0 || worst <= observation->total);
	}
	if (indicator->kind == LR_INDICATOR_SHARE) {
		CHECK((has_low ? observation->low : observation->value) >= 0);
		CHECK((has_high ? observation->high : observation->value) <= 100);
	}

	/* The lookups used by charts. */
	CHECK(lr_dataset_get_entity_name(dataset, observation->entity, LR_LANGUAGE_VI) ==
	      observation->entity);
	CHECK(g_utf8_validate(lr_dataset_get_entity_name(dataset, observation->entity,
							 LR_LANGUAGE_EN), -1, NULL));
	CHECK(g_utf8_validate(lr_dataset_get_source_label(dataset, observation->source,
							  LR_LANGUAGE_VI), -1, NULL));
	CHECK(g_utf8_validate(lr_dataset_get_source_label(dataset, observation->source,
							  LR_LANGUAGE_EN), -1, NULL));
}

/* Walks every indicator and observation; @observation_lines is the line count of
 * observations.csv in CSV mode (@from_file), unused in API mode. */
static void
check_contents(const lr_dataset_t *dataset, bool from_file, unsigned observation_lines)
{
	size_t indicators = lr_dataset_get_indicator_count(dataset);
	size_t observations = lr_dataset_get_observation_count(dataset);
	GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	unsigned previous_line = 0;

	for (size_t i = 0; i < indicators; i++) {
		const lr_indicator_t *indicator = lr_dataset_get_indicator(dataset, i);
		CHECK(indicator != NULL);
		check_indicator(dataset, indicator);
	}
	CHECK(lr_dataset_get_indicator(dataset, indicators) == NULL);

	for (size_t i = 0; i < observations; i++) {
		const lr_observation_t *observation = lr_dataset_get_observation(dataset, i);
		unsigned line = lr_dataset_get_observation_line(dataset, i);
		char *key;

		CHECK(observation != NULL);
		check_observation(dataset, observation, from_file);
		key = observation_key(observation->indicator, observation->entity, observation->year,
				      observation->period, (int) observation->status,
				      observation->source);
		CHECKF(!g_hash_table_contains(keys, key), "observation %zu is a duplicate", i);
		g_hash_table_add(keys, key);
		if (from_file) {
			/* Data rows follow the header (line >= 1 even for CR-only files, whose
			 * records all share line 1), in file order, inside the file. */
			CHECKF(line >= 1 && line <= observation_lines && line >= previous_line,
			       "observation %zu at line %u (previous %u, file has %u lines)", i,
			       line, previous_line, observation_lines);
			previous_line = line;
		} else {
			CHECK(line == 0);
		}
	}
	CHECK(lr_dataset_get_observation(dataset, observations) == NULL);
	CHECK(lr_dataset_get_observation_line(dataset, observations) == 0);
	g_hash_table_unref(keys);
}

/* ---------------------------------------------------------------------------------------- */
/* CSV mode */

typedef struct {
	const uint8_t *data;
	size_t size;
	bool present;
	/* Characters of each line, for the two line numberings (see is_line_end), built on
	 * first use: checking each error's position by rescanning the file made inputs with
	 * many errors quadratic, and most of the run's time (every byte compare is traced). */
	GArray *line_chars[2];
} part_t;

/* An upper bound on the records of a file: libcsv also ends a record at a lone '\r'. */
static size_t
count_record_ends(const part_t *part)
{
	size_t ends = 1;

	for (size_t i = 0; i < part->size; i++)
		ends += part->data[i] == '\n' || part->data[i] == '\r';
	return ends;
}

/* Lines end at '\n'; with @lone_cr also at a '\r' not followed by '\n' (libcsv ends records
 * there, but data/README.md only promises LF and CRLF files: both numberings are accepted). */
static bool
is_line_end(const part_t *part, size_t i, bool lone_cr)
{
	return part->data[i] == '\n' ||
	       (lone_cr && part->data[i] == '\r' && (i + 1 == part->size || part->data[i + 1] != '\n'));
}

static unsigned
count_lines(const part_t *part, bool lone_cr)
{
	unsigned lines = 1;

	for (size_t i = 0; i < part->size; i++)
		lines += is_line_end(part, i, lone_cr);
	return lines;
}

/* Characters of 1-based @line (without its end): a valid UTF-8 sequence is one character,
 * every byte of an invalid one is one too, so this is never less than any sane count. */
static unsigned
line_characters(const part_t *part, unsigned line, bool lone_cr)
{
	size_t i = 0, end;
	unsigned characters = 0;

	for (unsigned l = 1; l < line && i < part->size; i++)
		if (is_line_end(part, i, lone_cr))
			l++;
	end = i;
	while (end < part->size && !is_line_end(part, end, lone_cr))
		end++;
	while (i < end) {
		gunichar c = g_utf8_get_char_validated((const char *) part->data + i,
						       (gssize) (end - i));
		size_t step = 1;
		if (c != (gunichar) -1 && c != (gunichar) -2)
			step = (size_t) (g_utf8_next_char((const char *) part->data + i) -
					 (const char *) (part->data + i));
		i += step;
		characters++;
	}
	return characters;
}

/* The characters of every line of @part, in one pass. */
static GArray *
line_index(part_t *part, bool lone_cr)
{
	GArray **index = &part->line_chars[lone_cr];
	size_t i = 0;

	if (*index)
		return *index;
	*index = g_array_new(FALSE, FALSE, sizeof(unsigned));
	for (;;) {
		size_t end = i;
		unsigned characters = 0;

		while (end < part->size && !is_line_end(part, end, lone_cr))
			end++;
		/* Counted as line_characters() counts. */
		while (i < end) {
			gunichar c = g_utf8_get_char_validated((const char *) part->data + i,
							       (gssize) (end - i));
			size_t step = 1;
			if (c != (gunichar) -1 && c != (gunichar) -2)
				step = (size_t) (g_utf8_next_char((const char *) part->data + i) -
						 (const char *) (part->data + i));
			i += step;
			characters++;
		}
		g_array_append_val(*index, characters);
		if (end >= part->size)
			break;
		i = end + 1;
	}
	return *index;
}

static void
part_clear(part_t *part)
{
	for (int i = 0; i < 2; i++)
		if (part->line_chars[i])
			g_array_unref(part->line_chars[i]);
	memset(part->line_chars, 0, sizeof part->line_chars);
}

static bool
position_in_file(part_t *part, unsigned line, unsigned column, bool lone_cr)
{
	GArray *index = line_index(part, lone_cr);

	return line >= 1 && line <= index->len && column >= 1 &&
	       column <= g_array_index(index, unsigned, line - 1) + 1;
}

/* Built with -DFUZZ_TOLERATE_KNOWN_BUGS, the checks that the unfixed library is known to fail
 * do not stop the run, so fuzzing can look past them:
 *   - a NUL in a header cell cuts the cell short unnoticed ("name_vi\0junk" passes);
 *   - "no header line" is reported at line 1 after an unterminated-quote error further down;
 *   - the duplicate key joins fields with \x1f, so an entity or source holding \x1f can make
 *     two different observations "duplicates". */
#ifdef FUZZ_TOLERATE_KNOWN_BUGS
#define KNOWN_BUG(condition) (condition)
#else
#define KNOWN_BUG(condition) false
#endif

static void
check_errors(const lr_dataset_t *dataset, part_t *parts, const char *const *paths)
{
	size_t count = lr_dataset_get_error_count(dataset);
	int previous_file = 0;
	unsigned previous_line = 0;

	CHECK((count == 0) == (lr_dataset_status(dataset) == LR_STATUS_SUCCESS));
	for (size_t i = 0; i < count; i++) {
		const lr_error_t *error = lr_dataset_get_error(dataset, i);
		int file = -1;

		CHECK(error != NULL);
		if (verbose)
			fprintf(stderr, "  error: %s:%u:%u: [%s] %s\n",
				error->file ? error->file : "(no file)", error->line, error->column,
				lr_status_to_string(error->status), error->message);
		if (i == 0)
			CHECK(error->status == lr_dataset_status(dataset));
		CHECK(error->status > LR_STATUS_SUCCESS && error->status < LR_STATUS_LAST);
		CHECK(error->message != NULL && error->message[0]);
		CHECKF(g_utf8_validate(error->message, -1, NULL),
		       "error %zu (%s:%u:%u): message is not valid UTF-8: %s", i,
		       error->file ? error->file : "(null)", error->line, error->column,
		       error->message);
		CHECK(error->file != NULL);
		for (int f = 0; f < FILE_COUNT; f++)
			if (strcmp(error->file, paths[f]) == 0)
				file = f;
		CHECKF(file >= 0 && parts[file].present, "error %zu names file %s", i, error->file);
		/* "Errors come in file order, indicators file first." */
		CHECKF(file >= previous_file, "error %zu (%s) after an error in %s", i,
		       file_names[file], file_names[previous_file]);
		if (file != previous_file)
			previous_line = 0;
		CHECKF(error->line >= previous_line ||
		       KNOWN_BUG(g_str_has_prefix(error->message, "no header line")),
		       "error %zu (%s:%u) comes after an error at line %u: %s", i, file_names[file],
		       error->line, previous_line, error->message);
		previous_file = file;
		previous_line = error->line;
		CHECKF(position_in_file(&parts[file], error->line, error->column, false) ||
		       position_in_file(&parts[file], error->line, error->column, true),
		       "error %zu: %s:%u:%u is outside the file (%u lines; that line has %u "
		       "characters): %s", i, file_names[file], error->line, error->column,
		       count_lines(&parts[file], false),
		       line_characters(&parts[file], error->line, false), error->message);
	}
	CHECK(lr_dataset_get_error(dataset, count) == NULL);

	/* Every byte of a CSV file is in a field, a separator or a blank, so a file holding a
	 * NUL or invalid UTF-8 cannot load without an error of its own. */
	for (int f = 0; f < FILE_COUNT; f++) {
		bool has_nul, file_errors = false;

		if (!parts[f].present)
			continue;
		has_nul = memchr(parts[f].data, 0, parts[f].size) != NULL;
		if (!has_nul && g_utf8_validate((const char *) parts[f].data,
						(gssize) parts[f].size, NULL))
			continue;
		for (size_t i = 0; i < count; i++)
			if (strcmp(lr_dataset_get_error(dataset, i)->file, paths[f]) == 0)
				file_errors = true;
		CHECKF(file_errors || KNOWN_BUG(has_nul),
		       "%s holds a NUL or invalid UTF-8 but loaded without an error", file_names[f]);
	}
}

/* The parts as files in the private folder, loaded with lr_dataset_load(). */
static lr_dataset_t *
load_files(const part_t *parts)
{
	lr_dataset_t *dataset;

	for (int f = 0; f < FILE_COUNT; f++) {
		if (parts[f].present)
			write_file(file_paths[f], parts[f].data, parts[f].size);
		else
			unlink(file_paths[f]);
	}
	dataset = lr_dataset_load(work_dir);
	CHECK(dataset != NULL);
	return dataset;
}

/* Every check of a loaded dataset whose errors name the files @paths. */
static void
check_loaded(lr_dataset_t *dataset, part_t *parts, const char *const *paths)
{
	CHECK(dataset != NULL);
	if (verbose)
		fprintf(stderr, "csv: %zu indicators, %zu observations, %zu errors\n",
			lr_dataset_get_indicator_count(dataset),
			lr_dataset_get_observation_count(dataset),
			lr_dataset_get_error_count(dataset));
	check_errors(dataset, parts, paths);
	check_contents(dataset, true, count_lines(&parts[FILE_OBSERVATIONS], true));
	CHECK(lr_dataset_get_indicator_count(dataset) < count_record_ends(&parts[FILE_INDICATORS]));
	CHECK(lr_dataset_get_observation_count(dataset) <
	      count_record_ends(&parts[FILE_OBSERVATIONS]));

	/* References: the second destroy frees (the caller's). */
	CHECK(lr_dataset_reference(dataset) == dataset);
	lr_dataset_destroy(dataset);
	CHECK(lr_dataset_get_error_count(dataset) == lr_dataset_get_error_count(dataset));
}

/* @message with each file path of @files replaced by that of @memory. */
static char *
rename_files(const char *message, const char *const *memory)
{
	char *out = g_strdup(message);

	for (int f = 0; f < 2; f++) {
		char **pieces = g_strsplit(out, file_paths[f], -1);
		g_free(out);
		out = g_strjoinv(memory[f], pieces);
		g_strfreev(pieces);
	}
	return out;
}

/* The memory loader and the folder loader gave the same errors and rows. */
static void
check_same(const lr_dataset_t *memory, const char *const *memory_names, const lr_dataset_t *files)
{
	size_t errors = lr_dataset_get_error_count(memory);
	size_t observations = lr_dataset_get_observation_count(memory);

	CHECKF(errors == lr_dataset_get_error_count(files), "%zu errors from memory, %zu from files",
	       errors, lr_dataset_get_error_count(files));
	for (size_t i = 0; i < errors; i++) {
		const lr_error_t *a = lr_dataset_get_error(memory, i), *b = lr_dataset_get_error(files, i);
		char *renamed = rename_files(b->message, memory_names);
		CHECKF(a->status == b->status && a->line == b->line && a->column == b->column &&
		       /* unchanged, or naming the file (the data may quote a path, too) */
		       (strcmp(a->message, b->message) == 0 || strcmp(a->message, renamed) == 0),
		       "error %zu differs: memory %u:%u [%s] %s, files %u:%u [%s] %s", i, a->line,
		       a->column, lr_status_to_string(a->status), a->message, b->line, b->column,
		       lr_status_to_string(b->status), b->message);
		g_free(renamed);
	}
	CHECK(lr_dataset_get_indicator_count(memory) == lr_dataset_get_indicator_count(files));
	CHECK(observations == lr_dataset_get_observation_count(files));
	for (size_t i = 0; i < lr_dataset_get_indicator_count(memory); i++)
		CHECK(strcmp(lr_dataset_get_indicator(memory, i)->id,
			     lr_dataset_get_indicator(files, i)->id) == 0);
	for (size_t i = 0; i < observations; i++) {
		const lr_observation_t *a = lr_dataset_get_observation(memory, i);
		const lr_observation_t *b = lr_dataset_get_observation(files, i);
		CHECK(strcmp(a->indicator, b->indicator) == 0 && strcmp(a->entity, b->entity) == 0);
		CHECK(a->year == b->year && strcmp(a->period, b->period) == 0);
		CHECK(same_double(a->value, b->value) && same_double(a->low, b->low) &&
		      same_double(a->high, b->high));
		CHECK(lr_dataset_get_observation_line(memory, i) ==
		      lr_dataset_get_observation_line(files, i));
	}
}

static void
run_csv(const uint8_t *data, size_t size)
{
	static const uint8_t separator[] = { '\n', 0, '\n' };
	part_t parts[FILE_COUNT] = { { 0 } };
	size_t start = 0;
	int n = 0;

	/* Split at "\n\0\n"; the last part takes the rest, separators and all. */
	for (size_t i = 0; n < FILE_COUNT - 1 && i + sizeof separator <= size; i++) {
		if (memcmp(data + i, separator, sizeof separator) == 0) {
			parts[n++] = (part_t) { .data = data + start, .size = i - start, .present = true };
			start = i + sizeof separator;
			i = start - 1;
		}
	}
	parts[n++] = (part_t) { .data = data + start, .size = size - start, .present = true };
	if (n == 1) {
		parts[FILE_OBSERVATIONS] = parts[0];
		parts[FILE_INDICATORS] = (part_t) { .data = (const uint8_t *) fixed_indicators,
						    .size = sizeof fixed_indicators - 1, .present = true };
	}

	if (n <= 2) {
		/* Two texts: what a server hands lr_dataset_load_from_memory(). */
		bool unnamed = size % 8 == 4;
		lr_dataset_t *from_memory = lr_dataset_load_from_memory(
			unnamed ? NULL : "fuzz", (const char *) parts[FILE_INDICATORS].data,
			parts[FILE_INDICATORS].size, (const char *) parts[FILE_OBSERVATIONS].data,
			parts[FILE_OBSERVATIONS].size);

		check_loaded(from_memory, parts, memory_paths[unnamed]);
		/* One input in two also through files: the same rules must give the same errors
		 * (but for the file names) and the same rows. */
		if (size % 4 == 2) {
			lr_dataset_t *from_files = load_files(parts);
			check_loaded(from_files, parts, (const char *const *) file_paths);
			check_same(from_memory, memory_paths[unnamed], from_files);
			lr_dataset_destroy(from_files);
			remove_files(work_dir);
		}
		lr_dataset_destroy(from_memory);
	} else {
		/* sources.csv and entities.csv: only the folder loader reads them. */
		lr_dataset_t *dataset = load_files(parts);
		check_loaded(dataset, parts, (const char *const *) file_paths);
		lr_dataset_destroy(dataset);
		/* Nothing stays on disk between inputs (or after a crash in the next one). */
		remove_files(work_dir);
	}
	for (int f = 0; f < FILE_COUNT; f++)
		part_clear(&parts[f]);
}

/* ---------------------------------------------------------------------------------------- */
/* API mode */

typedef struct {
	const uint8_t *data;
	size_t size;
	GPtrArray *owned; /* strings built for this input */
} bytes_t;

static uint8_t
take_byte(bytes_t *in)
{
	uint8_t byte;

	if (!in->size)
		return 0;
	byte = *in->data++;
	in->size--;
	return byte;
}

static uint32_t
take_u32(bytes_t *in)
{
	uint32_t value = 0;

	for (int i = 0; i < 4; i++)
		value = value << 8 | take_byte(in);
	return value;
}

static const char *const tokens[] = {
	"", "a", "v", "r", "s", "g", "x_1", "A", " ", ",", "\"", "\n", "\r\n", "\x1f", "\t",
	"2020", "0", "1", "H1", "Q4", "11M", "12M", "02-29", "02-30", "13-01",
	"Việt Nam",          /* Việt Nam, NFC */
	"Vie\xcc\xa3\xcc\x82t Nam",     /* Việt Nam, NFD */
	"é", "e\xcc\x81",        /* é, NFC and NFD */
	"\xef\xbb\xbf",                 /* BOM */
	"\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x80\xaf",
	"%s%n%p%%", "overall", "economy", "security", "000_a.txt", "\xe2\x80\x93",
};

/* NULL (rarely), or a concatenation of tokens and raw input bytes. */
static const char *
take_string(bytes_t *in)
{
	uint8_t head = take_byte(in);
	GString *text;

	if (head % 32 == 31)
		return NULL;
	text = g_string_new(NULL);
	for (int n = head % 5; n > 0; n--) {
		uint8_t pick = take_byte(in);
		if (pick >= 0xF0) {
			for (int k = pick & 0x0F; k > 0 && in->size; k--) {
				uint8_t byte = take_byte(in);
				g_string_append_c(text, (char) (byte ? byte : 0x80));
			}
		} else {
			g_string_append(text, tokens[pick % G_N_ELEMENTS(tokens)]);
		}
	}
	{
		char *str = g_string_free(text, FALSE);
		g_ptr_array_add(in->owned, str);
		return str;
	}
}

static int
take_enum(bytes_t *in)
{
	uint8_t pick = take_byte(in);

	switch (pick % 8) {
	case 4: return -1;
	case 5: return 4;
	case 6: return INT_MAX;
	case 7: return (int) take_u32(in);
	default: return pick % 4;
	}
}

static int
take_year(bytes_t *in)
{
	static const int years[] = { 1900, 2100, 2020, 2021, 1899, 2101, INT_MIN };
	uint8_t pick = take_byte(in) % 8;

	return pick < G_N_ELEMENTS(years) ? years[pick] : (int) take_u32(in);
}

static int
take_total(bytes_t *in)
{
	static const int totals[] = { 0, 0, 1, 2, 193, -1, INT_MAX, INT_MIN, 1000001 };
	uint8_t pick = take_byte(in) % 10;

	return pick < G_N_ELEMENTS(totals) ? totals[pick] : (int) take_u32(in);
}

static double
take_double(bytes_t *in)
{
	const double specials[] = {
		NAN, -NAN, INFINITY, -INFINITY, 0.0, -0.0, 1, 2, 2.5, 71, 100, 101, -1, -3.5,
		DBL_MAX, -DBL_MAX, DBL_MIN, DBL_TRUE_MIN, 1e300, 193, 0.5, 99.999999999999,
	};
	uint8_t pick = take_byte(in);

	if (pick < 0xF0)
		return specials[pick % G_N_ELEMENTS(specials)];
	{
		uint64_t bits = (uint64_t) take_u32(in) << 32 | take_u32(in);
		double value;
		memcpy(&value, &bits, sizeof value);
		return value;
	}
}

/* NFC copy of a valid string ("" for NULL), or NULL for invalid UTF-8. */
static char *
nfc(const char *text)
{
	if (!text)
		return g_strdup("");
	if (!g_utf8_validate(text, -1, NULL))
		return NULL;
	return g_utf8_normalize(text, -1, G_NORMALIZE_NFC);
}

static void
expect_one_new_error(const lr_dataset_t *dataset, size_t before, lr_status_t status)
{
	const lr_error_t *error;

	CHECKF(lr_dataset_get_error_count(dataset) == before + 1, "%zu errors, expected %zu",
	       lr_dataset_get_error_count(dataset), before + 1);
	error = lr_dataset_get_error(dataset, before);
	CHECK(error != NULL && error->status == status);
	CHECK(error->message && g_utf8_validate(error->message, -1, NULL));
	CHECK(error->file == NULL && error->line == 0 && error->column == 0);
}

static void
api_add_indicator(lr_dataset_t *dataset, bytes_t *in, GHashTable *ids, GPtrArray *id_list)
{
	lr_indicator_t indicator = {
		.id = take_string(in), .name_vi = take_string(in), .name_en = take_string(in),
		.unit_vi = take_string(in), .unit_en = take_string(in),
		.kind = (lr_indicator_kind_t) take_enum(in),
		.better = (lr_direction_t) take_enum(in),
	};
	size_t before = lr_dataset_get_error_count(dataset);
	uint8_t pillar = take_byte(in);
	lr_status_t status;
	char *id;

	indicator.pillar = pillar < 0xE0 ? pillars[pillar % G_N_ELEMENTS(pillars)]
					 : take_string(in);
	indicator.note = take_string(in);
	if (take_byte(in) % 4 == 0 && id_list->len) /* reuse an id: duplicates */
		indicator.id = g_ptr_array_index(id_list, take_byte(in) % id_list->len);

	status = lr_dataset_add_indicator(dataset, &indicator);
	id = indicator.id ? nfc(indicator.id) : NULL;
	if (status == LR_STATUS_SUCCESS) {
		const lr_indicator_t *stored;
		CHECK(lr_dataset_get_error_count(dataset) == before);
		CHECK(id != NULL && !g_hash_table_contains(ids, id));
		stored = lr_dataset_find_indicator(dataset, id);
		CHECK(stored != NULL);
		CHECK(stored->kind == indicator.kind && stored->better == indicator.better);
		check_indicator(dataset, stored);
		g_ptr_array_add(id_list, g_strdup(id));
		g_hash_table_add(ids, id);
		return;
	}
	expect_one_new_error(dataset, before, status);
	/* By prefix: other messages quote the id, which may itself say "defined twice". */
	if (g_str_has_prefix(lr_dataset_get_error(dataset, before)->message, "id: indicator '"))
		CHECK(id != NULL && g_hash_table_contains(ids, id));
	g_free(id);
}

static void
api_add_observation(lr_dataset_t *dataset, bytes_t *in, GHashTable *keys, GPtrArray *id_list)
{
	lr_observation_t observation = { 0 };
	size_t before = lr_dataset_get_error_count(dataset);
	uint8_t pick = take_byte(in);
	char *indicator, *entity, *period, *source;
	char *key = NULL;
	lr_status_t status;

	observation.indicator = pick < 0xC0 && id_list->len ?
		g_ptr_array_index(id_list, pick % id_list->len) : take_string(in);
	observation.entity = take_string(in);
	observation.year = take_year(in);
	observation.period = take_string(in);
	observation.value = take_double(in);
	observation.low = take_double(in);
	observation.high = take_double(in);
	observation.total = take_total(in);
	observation.status = (lr_observation_status_t) take_enum(in);
	observation.source = take_string(in);
	observation.quote = take_string(in);
	observation.note = take_string(in);

	status = lr_dataset_add_observation(dataset, &observation);

	indicator = observation.indicator ? nfc(observation.indicator) : NULL;
	entity = observation.entity ? nfc(observation.entity) : NULL;
	period = nfc(observation.period);
	source = nfc(observation.source);
	if (indicator && entity && period && source)
		key = observation_key(indicator, entity, observation.year, period,
				      (int) observation.status, source);

	if (status == LR_STATUS_SUCCESS) {
		size_t count = lr_dataset_get_observation_count(dataset);
		const lr_observation_t *stored = lr_dataset_get_observation(dataset, count - 1);
		CHECK(lr_dataset_get_error_count(dataset) == before);
		CHECKF(key != NULL && !g_hash_table_contains(keys, key),
		       "accepted a duplicate observation: %s", key ? key : "(invalid)");
		CHECK(stored != NULL);
		CHECK(strcmp(stored->indicator, indicator) == 0);
		CHECK(strcmp(stored->entity, entity) == 0);
		CHECK(strcmp(stored->period, period) == 0);
		CHECK(strcmp(stored->source, source) == 0);
		CHECK(stored->year == observation.year && stored->total == observation.total);
		CHECK(stored->status == observation.status);
		CHECK(same_double(stored->value, observation.value));
		CHECK(same_double(stored->low, observation.low));
		CHECK(same_double(stored->high, observation.high));
		check_observation(dataset, stored, false);
		g_hash_table_add(keys, key);
		key = NULL;
	} else {
		const char *message;
		expect_one_new_error(dataset, before, status);
		message = lr_dataset_get_error(dataset, before)->message;
		if (g_str_has_prefix(message, "duplicate observation"))
			CHECKF((key != NULL && g_hash_table_contains(keys, key)) ||
			       KNOWN_BUG((entity && strchr(entity, '\x1f')) ||
					 (source && strchr(source, '\x1f'))),
			       "reported as a duplicate, but no accepted observation has the key %s",
			       key ? key : "(invalid)");
	}
	g_free(indicator);
	g_free(entity);
	g_free(period);
	g_free(source);
	g_free(key);
}

static void
api_set_entity_name(lr_dataset_t *dataset, bytes_t *in)
{
	const char *entity = take_string(in), *name_en = take_string(in);
	size_t before = lr_dataset_get_error_count(dataset);
	lr_status_t status = lr_dataset_set_entity_name(dataset, entity, name_en);

	CHECK(lr_dataset_get_error_count(dataset) == before);
	if (status == LR_STATUS_SUCCESS) {
		char *key = nfc(entity), *value = nfc(name_en);
		CHECK(key && value);
		CHECK(strcmp(lr_dataset_get_entity_name(dataset, key, LR_LANGUAGE_EN), value) == 0);
		CHECK(lr_dataset_get_entity_name(dataset, key, LR_LANGUAGE_VI) == key);
		g_free(key);
		g_free(value);
	} else {
		CHECK(status == LR_STATUS_NULL_POINTER || status == LR_STATUS_INVALID_UTF8);
	}
}

static void
api_set_source_label(lr_dataset_t *dataset, bytes_t *in)
{
	const char *source = take_string(in), *label_vi = take_string(in),
		   *label_en = take_string(in);
	size_t before = lr_dataset_get_error_count(dataset);
	lr_status_t status = lr_dataset_set_source_label(dataset, source, label_vi, label_en);

	CHECK(lr_dataset_get_error_count(dataset) == before);
	if (status == LR_STATUS_SUCCESS) {
		char *key = nfc(source), *vi = nfc(label_vi), *en = nfc(label_en);
		CHECK(key && vi && en);
		CHECK(strcmp(lr_dataset_get_source_label(dataset, key, LR_LANGUAGE_VI), vi) == 0);
		CHECK(strcmp(lr_dataset_get_source_label(dataset, key, LR_LANGUAGE_EN), en) == 0);
		g_free(key);
		g_free(vi);
		g_free(en);
	} else {
		CHECK(status == LR_STATUS_NULL_POINTER || status == LR_STATUS_INVALID_UTF8);
	}
}

static void
run_api(const uint8_t *data, size_t size)
{
	bytes_t in = { data, size, g_ptr_array_new_with_free_func(g_free) };
	GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GPtrArray *id_list = g_ptr_array_new_with_free_func(g_free);
	lr_dataset_t *dataset = lr_dataset_create();

	CHECK(dataset != NULL && lr_dataset_status(dataset) == LR_STATUS_SUCCESS);
	for (int op = 0; op < 256 && in.size; op++) {
		switch (take_byte(&in) % 8) {
		case 0:
		case 1:
			api_add_indicator(dataset, &in, ids, id_list);
			break;
		case 6:
			api_set_entity_name(dataset, &in);
			break;
		case 7:
			api_set_source_label(dataset, &in);
			break;
		default:
			api_add_observation(dataset, &in, keys, id_list);
			break;
		}
	}
	CHECK((lr_dataset_get_error_count(dataset) == 0) ==
	      (lr_dataset_status(dataset) == LR_STATUS_SUCCESS));
	CHECK(lr_dataset_get_indicator_count(dataset) == g_hash_table_size(ids));
	CHECK(lr_dataset_get_observation_count(dataset) == g_hash_table_size(keys));
	if (verbose) {
		fprintf(stderr, "api: %zu indicators, %zu observations, %zu errors\n",
			lr_dataset_get_indicator_count(dataset),
			lr_dataset_get_observation_count(dataset),
			lr_dataset_get_error_count(dataset));
		for (size_t i = 0; i < lr_dataset_get_error_count(dataset); i++)
			fprintf(stderr, "  error: %s\n", lr_dataset_get_error(dataset, i)->message);
	}
	check_contents(dataset, false, 0);

	/* NULL arguments are refused without recording anything. */
	CHECK(lr_dataset_add_indicator(dataset, NULL) == LR_STATUS_NULL_POINTER);
	CHECK(lr_dataset_add_observation(dataset, NULL) == LR_STATUS_NULL_POINTER);
	CHECK(lr_dataset_find_indicator(dataset, NULL) == NULL);

	lr_dataset_destroy(dataset);
	g_ptr_array_unref(id_list);
	g_hash_table_unref(keys);
	g_hash_table_unref(ids);
	g_ptr_array_unref(in.owned);
}

/* ---------------------------------------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	init_once();
	if (size % 2)
		run_api(data, size);
	else
		run_csv(data, size);
	return 0;
}
