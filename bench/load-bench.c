/* load-bench: how loading a dataset grows with its input, against GLib's normaliser as the
 * baseline measured in the same run. A benchmark, not a test: it prints figures and never
 * fails on them.
 *
 * 1. Long fields. A quote of 64 KiB, 256 KiB and 1 MiB of Vietnamese (the largest a note or
 *    quote may be, LR_NOTE_LENGTH_MAX; labels stop at LR_LABEL_LENGTH_MAX, 4 KiB), precomposed
 *    (NFC) and decomposed (NFD), loaded from memory with lr_dataset_load_from_memory(): the
 *    whole reader (libcsv, UTF-8 check, NFC, the dataset's rules). Beside it, GLib's
 *    g_utf8_normalize() on the same text, the normaliser libreport used before 0.3, which
 *    shifts its buffer at every composition and so grows with the square of the field. Time
 *    per MiB stays flat when growth is linear.
 * 2. Many rows. Observations files of 250,000, 500,000 and 1,000,000 rows (63 synthetic
 *    provinces × 201 years × 80 indicators, Vietnamese names), each loaded with
 *    lr_dataset_load() in a child process of its own, which prints the time and its peak
 *    resident memory (VmHWM) and what it held before loading.
 *
 * Usage: load-bench [RUNS]   (default 5; the median of RUNS loads for each field size)
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <lreport/lreport.h>

#include "bench-util.h"

static const char indicators_csv[] =
	"id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n"
	"sales,Doanh thu thương mại điện tử,E-commerce revenue,tỷ USD,billion USD,value,higher,"
	"economy,\n";

static const char observations_header[] =
	"indicator,entity,year,period,value,low,high,n,status,source,quote,note\n";

/* kB from a line of /proc/self/status ("VmHWM:", "VmRSS:"); 0 where unknown. */
static double
status_kib(const char *key)
{
	char *status = NULL, *line;
	double kib = 0;

	if (g_file_get_contents("/proc/self/status", &status, NULL, NULL) &&
	    (line = strstr(status, key)))
		kib = g_ascii_strtod(line + strlen(key), NULL);
	g_free(status);
	return kib;
}

/* @size bytes of Vietnamese prose in NFC, cut at a character boundary (g_free it). */
static char *
vietnamese_text(size_t size, bool decomposed)
{
	static const char sentence[] =
		"Chiến lược quốc gia phát triển kinh tế số và xã hội số đặt ra mục tiêu, "
		"trong đó tỷ trọng kinh tế số đạt khoảng hai mươi phần trăm. ";
	GString *text = g_string_sized_new(size + sizeof sentence);
	char *result;

	while (text->len < size) {
		if (decomposed) {
			char *nfd = g_utf8_normalize(sentence, -1, G_NORMALIZE_NFD);
			g_string_append(text, nfd);
			g_free(nfd);
		} else {
			g_string_append(text, sentence);
		}
	}
	/* Back to the start of the character at @size, so the text is valid UTF-8, and no
	 * longer than @size (which may be the limit). */
	while (size > 0 && ((unsigned char) text->str[size] & 0xC0) == 0x80)
		size--;
	g_string_truncate(text, size);
	result = g_string_free(text, FALSE);
	return result;
}

static void
bench_fields(int runs)
{
	static const size_t sizes[] = { 64 << 10, 256 << 10, 1 << 20 };

	printf("1. one quote field of Vietnamese, loaded from memory (median of %d)\n", runs);
	printf("   %-6s %9s %11s %12s %15s %14s\n", "form", "field", "load ms", "ms per MiB",
	       "GLib NFC ms", "GLib per MiB");
	for (int form = 0; form < 2; form++) {
		for (unsigned s = 0; s < G_N_ELEMENTS(sizes); s++) {
			char *quote = vietnamese_text(sizes[s], form == 1);
			size_t length = strlen(quote);
			char *observations = g_strdup_printf("%ssales,Việt Nam,2024,,1,,,,actual,"
							     "a.txt,\"%s\",\n",
							     observations_header, quote);
			double *times = g_new(double, runs), ours, glib, start;
			char *normal;

			for (int r = 0; r < runs; r++) {
				lr_dataset_t *dataset;

				start = now_ms();
				dataset = lr_dataset_load_from_memory("bench", indicators_csv,
								      strlen(indicators_csv),
								      observations,
								      strlen(observations));
				times[r] = now_ms() - start;
				if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS) {
					fprintf(stderr, "load-bench: %s\n",
						lr_dataset_get_error(dataset, 0)->message);
					exit(1);
				}
				lr_dataset_destroy(dataset);
			}
			qsort(times, (size_t) runs, sizeof *times, compare_doubles);
			ours = times[runs / 2];
			/* The baseline once: it takes seconds at 1 MiB. */
			start = now_ms();
			normal = g_utf8_normalize(quote, (gssize) length, G_NORMALIZE_NFC);
			glib = now_ms() - start;
			g_free(normal);
			printf("   %-6s %5zu KiB %11.2f %12.2f %15.1f %14.1f\n", form ? "NFD" : "NFC",
			       length >> 10, ours, ours / ((double) length / (1 << 20)), glib,
			       glib / ((double) length / (1 << 20)));
			fflush(stdout);
			g_free(times);
			g_free(observations);
			g_free(quote);
		}
	}
}

/* Writes @rows observations into @folder/observations.csv (and its indicators.csv). */
static void
write_rows(const char *folder, int rows)
{
	char *path = g_build_filename(folder, "indicators.csv", NULL);
	GString *text = g_string_new("id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n");
	FILE *file;
	int written = 0;

	for (int i = 0; i < 80; i++)
		g_string_append_printf(text, "chi_so_%02d,Chỉ số thử nghiệm %d,Synthetic indicator %d,"
				       "điểm,points,value,higher,economy,synthetic\n", i, i, i);
	g_file_set_contents(path, text->str, (gssize) text->len, NULL);
	g_string_free(text, TRUE);
	g_free(path);
	path = g_build_filename(folder, "observations.csv", NULL);
	file = fopen(path, "w");
	if (!file) {
		perror(path);
		exit(1);
	}
	fputs(observations_header, file);
	for (int i = 0; i < 80 && written < rows; i++)
		for (int year = 1900; year <= 2100 && written < rows; year++)
			for (int province = 1; province <= 63 && written < rows; province++, written++)
				fprintf(file, "chi_so_%02d,Tỉnh Thử Nghiệm Đồng Bằng %02d,%d,,%d.%d,,,,actual,"
					"tong_hop.txt,Số liệu tổng hợp cho thử nghiệm,\n", i, province,
					year, (written * 7919) % 1000, written % 10);
	fclose(file);
	g_free(path);
}

static void
bench_rows(void)
{
	static const int counts[] = { 250000, 500000, 1000000 };
	char *folder = g_dir_make_tmp("lreport-load-bench-XXXXXX", NULL);

	printf("\n2. observations.csv of N rows, lr_dataset_load() in a fresh process\n");
	printf("   %9s %9s %10s %12s %14s %15s\n", "rows", "file MiB", "load ms", "µs per row",
	       "RSS before MiB", "peak RSS MiB");
	fflush(stdout);
	for (unsigned c = 0; c < G_N_ELEMENTS(counts); c++) {
		char *path = g_build_filename(folder, "observations.csv", NULL);
		GStatBuf st;
		pid_t child;
		int status;

		write_rows(folder, counts[c]);
		g_stat(path, &st);
		child = fork();
		if (child == 0) {
			double before = status_kib("VmRSS:"), start = now_ms(), ms;
			lr_dataset_t *dataset = lr_dataset_load(folder);

			ms = now_ms() - start;
			if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS ||
			    lr_dataset_get_observation_count(dataset) != (size_t) counts[c]) {
				fprintf(stderr, "load-bench: %s\n", lr_dataset_get_error_count(dataset) ?
					lr_dataset_get_error(dataset, 0)->message : "rows missing");
				_exit(1);
			}
			printf("   %9d %9.1f %10.0f %12.2f %14.1f %15.1f\n", counts[c],
			       (double) st.st_size / (1 << 20), ms, ms * 1e3 / counts[c],
			       before / 1024, status_kib("VmHWM:") / 1024);
			fflush(stdout);
			lr_dataset_destroy(dataset);
			_exit(0);
		}
		waitpid(child, &status, 0);
		g_remove(path);
		g_free(path);
	}
	{
		char *path = g_build_filename(folder, "indicators.csv", NULL);
		g_remove(path);
		g_free(path);
	}
	g_rmdir(folder);
	g_free(folder);
}

int
main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 5;

	if (runs < 1)
		runs = 1;
	bench_fields(runs);
	bench_rows();
	return 0;
}
