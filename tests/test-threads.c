/* libreport tests: threads. Four threads draw different charts (bar and ranking, three canvas
 * sizes, both languages) from one shared dataset, many times each, and every drawing must
 * have exactly the pixels the same chart has when drawn alone first. Built for
 * ThreadSanitizer in CI (scripts/fresh-machine.sh test), which then also checks that the
 * shared dataset, the per-thread fonts and the PNG encoder's workers do not race.
 *
 * Through the public API and the shared library, as a user would.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lreport.h>

#include <cairo.h>
#include <check.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 4
#define ROUNDS 12
#define JOBS 6

typedef struct {
	lr_chart_kind_t kind;
	const char *indicators[3];
	lr_language_t language;
	int width, height;
} job_t;

static const job_t jobs[JOBS] = {
	{ LR_CHART_BAR, { "ecommerce_revenue" }, LR_LANGUAGE_VI, 400, 225 },
	{ LR_CHART_RANK, { "egdi_rank", "gii_rank", "gci_rank" }, LR_LANGUAGE_VI, 480, 270 },
	{ LR_CHART_BAR, { "ftth_coverage" }, LR_LANGUAGE_EN, 320, 240 },
	{ LR_CHART_RANK, { "egdi_rank" }, LR_LANGUAGE_EN, 400, 225 },
	{ LR_CHART_BAR, { "dx_targets_done", "dx_targets_likely", "dx_targets_effort" }, LR_LANGUAGE_VI, 480, 270 },
	{ LR_CHART_BAR, { "ecommerce_revenue" }, LR_LANGUAGE_EN, 320, 240 },
};

static lr_dataset_t *dataset;
static char *expected[JOBS]; /* SHA-256 of each job's pixels, drawn alone */

/* Draws @job into a new chart of the shared dataset; returns the pixels' SHA-256. */
static char *
draw_job(const job_t *job)
{
	lr_chart_t *chart = lr_chart_create(job->kind, dataset);
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, job->width, job->height);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, job->width, job->height };
	char *sum;

	for (int i = 0; i < 3 && job->indicators[i]; i++)
		lr_chart_add_indicator(chart, job->indicators[i]);
	lr_chart_set_language(chart, job->language);
	lr_chart_draw(chart, cr, &rect);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	sum = lr_chart_status(chart) == LR_STATUS_SUCCESS
		      ? g_compute_checksum_for_data(G_CHECKSUM_SHA256, cairo_image_surface_get_data(surface),
						    (gsize) cairo_image_surface_get_stride(surface) * (gsize) job->height)
		      : g_strdup_printf("error: %s", lr_chart_get_error(chart)->message);
	cairo_surface_destroy(surface);
	lr_chart_destroy(chart);
	return sum;
}

typedef struct {
	int index;
	int mismatches;
	char *first_mismatch;
} worker_t;

static gpointer
worker(gpointer data)
{
	worker_t *w = data;

	for (int round = 0; round < ROUNDS; round++) {
		int j = (w->index + round) % JOBS;
		char *sum = draw_job(&jobs[j]);

		if (strcmp(sum, expected[j]) != 0) {
			if (!w->first_mismatch)
				w->first_mismatch = g_strdup_printf("job %d, round %d: %s", j, round, sum);
			w->mismatches++;
		}
		g_free(sum);
	}
	return NULL;
}

START_TEST(test_threads_share_a_dataset)
{
	GThread *threads[THREADS];
	worker_t workers[THREADS];

	dataset = lr_dataset_load(LR_DATA_DIR);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
	for (int j = 0; j < JOBS; j++) {
		expected[j] = draw_job(&jobs[j]);
		ck_assert_msg(!g_str_has_prefix(expected[j], "error"), "job %d: %s", j, expected[j]);
	}
	for (int t = 0; t < THREADS; t++) {
		workers[t] = (worker_t) { .index = t };
		threads[t] = g_thread_new("draw", worker, &workers[t]);
	}
	for (int t = 0; t < THREADS; t++)
		g_thread_join(threads[t]);
	for (int t = 0; t < THREADS; t++) {
		ck_assert_msg(workers[t].mismatches == 0, "thread %d: %d drawings differ from the "
			      "chart drawn alone, first %s", t, workers[t].mismatches,
			      workers[t].first_mismatch);
		g_free(workers[t].first_mismatch);
	}
	for (int j = 0; j < JOBS; j++)
		g_free(expected[j]);
	lr_dataset_destroy(dataset);
}
END_TEST

int
main(void)
{
	Suite *suite = suite_create("threads");
	TCase *draw = tcase_create("draw");
	SRunner *runner;
	int failed;

	tcase_add_test(draw, test_threads_share_a_dataset);
	tcase_set_timeout(draw, 600);
	suite_add_tcase(suite, draw);
	runner = srunner_create(suite);
	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
