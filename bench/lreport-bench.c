/* lreport-bench: how fast libreport writes charts, against a baseline measured in the same run.
 *
 * For a 1600×900 bar chart and ranking chart from the bundled dataset it prints milliseconds
 * per chart for PNG and PDF (median of N runs), the drawing alone, and the baseline: the same
 * drawing written with cairo_surface_write_to_png (cairo's own libpng writer at default
 * settings), plus the PNG file sizes and the process's peak memory. A benchmark, not a test:
 * it prints figures and never fails on them.
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
#include <glib.h>
#include <lreport/lreport.h>

#define WIDTH 1600
#define HEIGHT 900

static double
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return x < y ? -1 : x > y;
}

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

typedef enum { WRITE_PNG, WRITE_PDF, DRAW_ONLY, BASELINE_PNG } task_t;

/* Runs @task @runs times; returns the median milliseconds. */
static double
measure(lr_chart_t *chart, task_t task, const char *path, int runs)
{
	double *times = g_new(double, runs), result;

	for (int i = 0; i < runs; i++) {
		double start = now_ms();
		if (task == WRITE_PNG || task == WRITE_PDF) {
			if (lr_chart_write(chart, path, LR_FORMAT_AUTO, task == WRITE_PNG ? WIDTH : 720,
					   task == WRITE_PNG ? HEIGHT : 405, 1) != LR_STATUS_SUCCESS) {
				fprintf(stderr, "write failed: %s\n", lr_chart_get_error(chart)->message);
				exit(1);
			}
		} else {
			cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
			cairo_t *cr = cairo_create(surface);
			lr_rect_t rect = { 0, 0, WIDTH, HEIGHT };
			lr_chart_draw(chart, cr, &rect);
			cairo_destroy(cr);
			if (task == BASELINE_PNG)
				cairo_surface_write_to_png(surface, path);
			cairo_surface_destroy(surface);
		}
		times[i] = now_ms() - start;
	}
	result = median(times, runs);
	g_free(times);
	return result;
}

static void
bench_chart(const char *name, lr_chart_t *chart, const char *folder, int runs)
{
	char *png = g_build_filename(folder, "chart.png", NULL);
	char *pdf = g_build_filename(folder, "chart.pdf", NULL);
	char *baseline = g_build_filename(folder, "baseline.png", NULL);
	double t_png, t_pdf, t_draw, t_baseline;
	long s_png, s_baseline;

	/* One warm-up of each: fonts load and glyph caches fill once per process. */
	measure(chart, WRITE_PNG, png, 1);
	measure(chart, WRITE_PDF, pdf, 1);
	measure(chart, BASELINE_PNG, baseline, 1);

	t_baseline = measure(chart, BASELINE_PNG, baseline, runs);
	t_png = measure(chart, WRITE_PNG, png, runs);
	t_draw = measure(chart, DRAW_ONLY, NULL, runs);
	t_pdf = measure(chart, WRITE_PDF, pdf, runs);
	s_png = file_size(png);
	s_baseline = file_size(baseline);

	printf("%-5s %4dx%-4d  PNG %6.2f ms  (draw %5.2f ms)  PDF %5.2f ms  |  baseline cairo_surface_write_to_png %6.2f ms  "
	       "|  PNG %7ld B vs cairo %7ld B (%.2fx)\n",
	       name, WIDTH, HEIGHT, t_png, t_draw, t_pdf, t_baseline, s_png, s_baseline,
	       s_baseline > 0 ? (double) s_png / s_baseline : 0);
	g_free(png);
	g_free(pdf);
	g_free(baseline);
}

int
main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 50;
	const char *data = g_getenv("LREPORT_DATA_DIR");
	char *folder = g_dir_make_tmp("lreport-bench-XXXXXX", NULL);
	lr_dataset_t *dataset;
	lr_chart_t *bar, *rank;
	struct rusage usage;

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

	printf("libreport %s, median of %d runs, files in %s (targets: PNG <= 6 ms, PDF <= 2 ms, "
	       "PNG <= 1.5x cairo's size, peak <= 25 MiB)\n", lr_version_string(), runs, folder);
	bench_chart("bar", bar, folder, runs);
	bench_chart("rank", rank, folder, runs);

	getrusage(RUSAGE_SELF, &usage);
	printf("peak memory (max RSS): %.1f MiB\n", usage.ru_maxrss / 1024.0);

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
