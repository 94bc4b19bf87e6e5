/* lreport-bench: how fast libreport writes charts, against a baseline measured in the same run.
 *
 * For a 1600×900 bar chart and ranking chart from the bundled dataset it prints milliseconds
 * per chart for PNG and PDF (median of N runs), the drawing alone, and the baseline: the same
 * drawing written with cairo_surface_write_to_png (cairo's own libpng writer at default
 * settings), plus the PNG file sizes and the process's peak memory. For PDF the baselines are
 * cairo's own: an empty 720×405 pt document (create and finish a PDF surface: cairo's fixed
 * cost), and the same drawing on a cairo PDF surface streamed to memory, with the time of
 * cairo_surface_finish (font subsets, deflate of the streams) apart. A benchmark, not a
 * test: it prints figures and never fails on them. Every chart is drawn many times, so the
 * figures are those of a process that has drawn it before (fonts loaded, layouts cached).
 *
 * Usage: lreport-bench [RUNS]   (default 50; LREPORT_DATA_DIR names the dataset)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <lreport/lreport.h>

#include "bench-util.h"

#define WIDTH 1600
#define HEIGHT 900

static double
median(double *values, int count)
{
	qsort(values, (size_t) count, sizeof *values, compare_doubles);
	return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

static long
file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long) st.st_size : -1;
}

/* Resident memory now, from /proc (Linux), in MiB; 0 where unknown. */
static double
resident_mib(void)
{
	char *status = NULL, *line;
	double mib = 0;

	if (g_file_get_contents("/proc/self/status", &status, NULL, NULL) &&
	    (line = strstr(status, "VmRSS:")))
		mib = g_ascii_strtod(line + 6, NULL) / 1024.0;
	g_free(status);
	return mib;
}

typedef enum { WRITE_PNG, WRITE_PDF, DRAW_ONLY, BASELINE_PNG, EMPTY_PDF, CAIRO_PDF } task_t;

static cairo_status_t
count_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	(void) data;
	*(gsize *) closure += length;
	return CAIRO_STATUS_SUCCESS;
}

/* The chart (or nothing) on a cairo PDF surface, into memory; returns the milliseconds of
 * cairo_surface_finish in *@finish_ms. */
static void
cairo_pdf(lr_chart_t *chart, double *finish_ms)
{
	gsize length = 0;
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(count_bytes, &length, 720, 405);
	double start;

	if (chart) {
		cairo_t *cr = cairo_create(surface);
		lr_rect_t rect = { 0, 0, 720, 405 };
		lr_chart_draw(chart, cr, &rect);
		cairo_destroy(cr);
	}
	start = now_ms();
	cairo_surface_finish(surface);
	*finish_ms = now_ms() - start;
	cairo_surface_destroy(surface);
}

/* Runs @task @runs times; returns the median milliseconds, and that of the PDF finish in
 * *@finish (may be NULL). */
static double
measure_split(lr_chart_t *chart, task_t task, const char *path, int runs, double *finish)
{
	double *times = g_new(double, runs), *finishes = g_new0(double, runs), result;

	for (int i = 0; i < runs; i++) {
		double start;
		/* A new file each run, as `lreport charts` writes into a fresh folder; replacing an
		 * existing file adds an fsync() (about 1 ms on this disk) to keep the old one safe. */
		char *file = path ? g_strdup_printf("%s.%d%s", path, i, strrchr(path, '.')) : NULL;
		start = now_ms();
		if (task == WRITE_PNG || task == WRITE_PDF) {
			if (lr_chart_write(chart, file, LR_FORMAT_AUTO, task == WRITE_PNG ? WIDTH : 720,
					   task == WRITE_PNG ? HEIGHT : 405, 1) != LR_STATUS_SUCCESS) {
				fprintf(stderr, "write failed: %s\n", lr_chart_get_error(chart)->message);
				exit(1);
			}
		} else if (task == EMPTY_PDF || task == CAIRO_PDF) {
			cairo_pdf(task == CAIRO_PDF ? chart : NULL, &finishes[i]);
		} else {
			cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
			cairo_t *cr = cairo_create(surface);
			lr_rect_t rect = { 0, 0, WIDTH, HEIGHT };
			lr_chart_draw(chart, cr, &rect);
			cairo_destroy(cr);
			if (task == BASELINE_PNG)
				cairo_surface_write_to_png(surface, file);
			cairo_surface_destroy(surface);
		}
		times[i] = now_ms() - start;
		if (file) {
			if (i + 1 == runs)
				rename(file, path); /* the last one is kept for the size comparison */
			else
				unlink(file);
		}
		g_free(file);
	}
	result = median(times, runs);
	if (finish)
		*finish = median(finishes, runs);
	g_free(times);
	g_free(finishes);
	return result;
}

static double
measure(lr_chart_t *chart, task_t task, const char *path, int runs)
{
	return measure_split(chart, task, path, runs, NULL);
}

typedef struct {
	const char *name;
	lr_chart_t *chart;
	double png, pdf, draw, baseline, empty_pdf, cairo_pdf, cairo_finish;
	long png_size, baseline_size;
} result_t;

/* Ours first, for every chart, so the peak memory it reports is libreport's alone; then the
 * baseline, whose libpng and zlib buffers would otherwise count too. */
static void
measure_ours(result_t *result, const char *folder, int runs)
{
	char *png = g_build_filename(folder, "chart.png", NULL);
	char *pdf = g_build_filename(folder, "chart.pdf", NULL);

	/* One warm-up of each: fonts load and glyph caches fill once per process. */
	measure(result->chart, WRITE_PNG, png, 1);
	measure(result->chart, WRITE_PDF, pdf, 1);
	result->png = measure(result->chart, WRITE_PNG, png, runs);
	result->pdf = measure(result->chart, WRITE_PDF, pdf, runs);
	result->png_size = file_size(png);
	g_free(png);
	g_free(pdf);
}

static void
measure_baseline(result_t *result, const char *folder, int runs)
{
	char *baseline = g_build_filename(folder, "baseline.png", NULL);

	/* Drawing alone, onto a surface of the caller's (as the baseline does). */
	result->draw = measure(result->chart, DRAW_ONLY, NULL, runs);
	measure(result->chart, BASELINE_PNG, baseline, 1);
	result->baseline = measure(result->chart, BASELINE_PNG, baseline, runs);
	result->baseline_size = file_size(baseline);
	g_free(baseline);
	measure(result->chart, CAIRO_PDF, NULL, 1);
	result->empty_pdf = measure(NULL, EMPTY_PDF, NULL, runs);
	result->cairo_pdf = measure_split(result->chart, CAIRO_PDF, NULL, runs, &result->cairo_finish);
}

static void
print_result(const result_t *r)
{
	printf("%-5s %4dx%-4d  PNG %6.2f ms  (draw %5.2f ms)  PDF %5.2f ms  |  baseline "
	       "cairo_surface_write_to_png %6.2f ms  |  PNG %7ld B vs cairo %7ld B (%.2fx)\n",
	       r->name, WIDTH, HEIGHT, r->png, r->draw, r->pdf, r->baseline, r->png_size,
	       r->baseline_size, r->baseline_size > 0 ? (double) r->png_size / r->baseline_size : 0);
	printf("%-5s 720x405 pt PDF %5.2f ms  |  baseline cairo PDF surface: empty document %5.2f ms, "
	       "this drawing %5.2f ms (cairo_surface_finish %5.2f ms)\n",
	       r->name, r->pdf, r->empty_pdf, r->cairo_pdf, r->cairo_finish);
}

int
main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 50;
	const char *data = g_getenv("LREPORT_DATA_DIR");
	char *folder = g_getenv("LREPORT_BENCH_DIR") ? g_strdup(g_getenv("LREPORT_BENCH_DIR")) : g_dir_make_tmp("lreport-bench-XXXXXX", NULL);
	lr_dataset_t *dataset;
	lr_chart_t *bar, *rank;
	struct rusage usage;
	double start_rss;

	if (runs < 1 || !folder) {
		fprintf(stderr, "usage: lreport-bench [RUNS]\n");
		return 2;
	}
	dataset = lr_dataset_load(data ? data : LR_BENCH_DATA_DIR);
	if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS) {
		fprintf(stderr, "dataset: %s\n", lr_dataset_get_error(dataset, 0)->message);
		return 1;
	}
	bar = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_add_indicator(bar, "ecommerce_revenue");
	rank = lr_chart_create(LR_CHART_RANK, dataset);
	lr_chart_add_indicator(rank, "egdi_rank");
	lr_chart_add_indicator(rank, "gii_rank");
	lr_chart_add_indicator(rank, "gci_rank");

	start_rss = resident_mib();
	printf("libreport %s, median of %d runs, files in %s (targets: PNG <= 3 ms, PDF <= 2 ms, "
	       "PNG <= 1.5x cairo's size, peak <= 25 MiB)\n", lr_version_string(), runs, folder);
	{
		result_t results[2] = { { .name = "bar", .chart = bar }, { .name = "rank", .chart = rank } };
		for (int i = 0; i < 2; i++)
			measure_ours(&results[i], folder, runs);
		getrusage(RUSAGE_SELF, &usage);
		for (int i = 0; i < 2; i++)
			measure_baseline(&results[i], folder, runs);
		for (int i = 0; i < 2; i++)
			print_result(&results[i]);
		printf("peak memory (max RSS) of libreport's runs: %.1f MiB; resident after loading "
		       "the dataset, before any chart: %.1f MiB\n", usage.ru_maxrss / 1024.0, start_rss);
	}

	lr_chart_destroy(bar);
	lr_chart_destroy(rank);
	lr_dataset_destroy(dataset);
	{
		const char *names[] = { "chart.png", "chart.pdf", "baseline.png" };
		for (unsigned i = 0; i < G_N_ELEMENTS(names); i++) {
			char *path = g_build_filename(folder, names[i], NULL);
			unlink(path);
			g_free(path);
		}
	}
	rmdir(folder);
	g_free(folder);
	return 0;
}
