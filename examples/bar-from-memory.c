/* An example of libreport's C API, built against the installed library through pkg-config:
 *
 *     cc bar-from-memory.c $(pkg-config --cflags --libs lreport-0) -o bar-from-memory
 *     ./bar-from-memory revenue.png revenue.pdf
 *
 * It builds a small dataset in memory (no CSV files), draws one bar chart to each file named
 * on the command line, and draws it again onto a cairo surface of its own, as reporting
 * software embedding libreport would.
 */
#include <math.h>
#include <stdio.h>

#include <lreport/lreport.h>

int
main(int argc, char **argv)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t revenue = {
		.id = "ecommerce_revenue",
		.name_vi = "Doanh thu thương mại điện tử bán lẻ",
		.name_en = "Retail e-commerce revenue",
		.unit_vi = "tỷ USD",
		.unit_en = "billion USD",
		.kind = LR_INDICATOR_VALUE,
		.better = LR_DIRECTION_HIGHER,
		.pillar = "economy",
	};
	const struct { int year; double value, low, high; lr_observation_status_t status; } rows[] = {
		{ 2021, 13.7, NAN, NAN, LR_OBSERVATION_ACTUAL },
		{ 2022, 16.4, NAN, NAN, LR_OBSERVATION_ACTUAL },
		{ 2023, 20.5, NAN, NAN, LR_OBSERVATION_ACTUAL },
		{ 2024, NAN, 27.7, 28, LR_OBSERVATION_FORECAST },
	};
	lr_chart_t *chart;
	cairo_surface_t *surface;
	cairo_t *cr;
	lr_rect_t rect = { 0, 0, 800, 450 };
	int status = 0;

	printf("libreport %s\n", lr_version_string());
	lr_dataset_add_indicator(dataset, &revenue);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		lr_observation_t observation = {
			.indicator = "ecommerce_revenue", .entity = "Việt Nam", .year = rows[i].year,
			.value = rows[i].value, .low = rows[i].low, .high = rows[i].high,
			.status = rows[i].status, .source = "example",
		};
		lr_dataset_add_observation(dataset, &observation);
	}
	if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS) {
		fprintf(stderr, "dataset: %s\n", lr_dataset_get_error(dataset, 0)->message);
		lr_dataset_destroy(dataset);
		return 1;
	}

	chart = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_add_indicator(chart, "ecommerce_revenue");
	lr_chart_set_language(chart, LR_LANGUAGE_VI);
	for (int i = 1; i < argc; i++)
		if (lr_chart_write(chart, argv[i], LR_FORMAT_AUTO, 800, 450, 1) != LR_STATUS_SUCCESS)
			status = 1;

	/* The same chart onto the caller's own surface. */
	surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 800, 450);
	cr = cairo_create(surface);
	if (lr_chart_draw(chart, cr, &rect) != LR_STATUS_SUCCESS)
		status = 1;
	cairo_destroy(cr);
	cairo_surface_destroy(surface);

	if (status)
		fprintf(stderr, "chart: %s\n", lr_chart_get_error(chart)->message);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
	return status;
}
