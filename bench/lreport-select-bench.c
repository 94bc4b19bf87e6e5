/* lreport-select-bench: how chart data selection scales with the number of entities.
 *
 * For 10,000, 100,000 and 1,000,000 entities (one indicator, one year, one observation each)
 * it prints the milliseconds to build the dataset in memory, to select every entity
 * (lr_chart_validate() of a chart that names none), to add every entity to a chart by name
 * and select them, and to draw a chart of five of them at 1600×900. Selection was quadratic
 * before 0.2 (100,000 entities: 30 s); it is linear now. A benchmark, not a test: it prints
 * figures and never fails on them.
 *
 * Usage: lreport-select-bench [MAX_ENTITIES]   (default 1000000)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <cairo.h>
#include <glib.h>
#include <lreport/lreport.h>

#include "bench-util.h"

static void
entity_name(char *buffer, size_t size, int index)
{
	g_snprintf(buffer, size, "Entity %07d", index);
}

static lr_dataset_t *
make_dataset(int entities)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t indicator = {
		.id = "x", .name_vi = "Chỉ số", .name_en = "Index", .unit_vi = "", .unit_en = "",
		.kind = LR_INDICATOR_VALUE, .better = LR_DIRECTION_HIGHER, .pillar = "overall",
	};
	char name[32];

	lr_dataset_add_indicator(dataset, &indicator);
	for (int i = 0; i < entities; i++) {
		lr_observation_t observation = {
			.indicator = "x", .entity = name, .year = 2024, .value = i % 1000,
			.low = NAN, .high = NAN, .status = LR_OBSERVATION_ACTUAL,
		};
		entity_name(name, sizeof name, i);
		lr_dataset_add_observation(dataset, &observation);
	}
	return dataset;
}

int
main(int argc, char **argv)
{
	int max = argc > 1 ? atoi(argv[1]) : 1000000;

	printf("%10s %12s %12s %18s %14s\n", "entities", "dataset ms", "select ms",
	       "add+select ms", "draw 5 ms");
	for (int entities = 10000; entities <= max; entities *= 10) {
		double t0 = now_ms(), t1, t2, t3, t4;
		lr_dataset_t *dataset = make_dataset(entities);
		lr_chart_t *all, *named, *five;
		cairo_surface_t *surface;
		cairo_t *cr;
		lr_rect_t rect = { 0, 0, 1600, 900 };
		lr_status_t statuses[3];
		char name[32];

		t1 = now_ms();
		all = lr_chart_create(LR_CHART_BAR, dataset);
		lr_chart_add_indicator(all, "x");
		statuses[0] = lr_chart_validate(all);
		t2 = now_ms();
		named = lr_chart_create(LR_CHART_BAR, dataset);
		lr_chart_add_indicator(named, "x");
		for (int i = 0; i < entities; i++) {
			entity_name(name, sizeof name, i);
			lr_chart_add_entity(named, name);
		}
		statuses[1] = lr_chart_validate(named);
		t3 = now_ms();
		five = lr_chart_create(LR_CHART_BAR, dataset);
		lr_chart_add_indicator(five, "x");
		for (int i = 0; i < 5; i++) {
			entity_name(name, sizeof name, entities - 1 - i * (entities / 5));
			lr_chart_add_entity(five, name);
		}
		surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1600, 900);
		cr = cairo_create(surface);
		statuses[2] = lr_chart_draw(five, cr, &rect);
		t4 = now_ms();
		printf("%10d %12.0f %12.0f %18.0f %14.0f%s\n", entities, t1 - t0, t2 - t1, t3 - t2,
		       t4 - t3,
		       statuses[0] || statuses[1] || statuses[2] ? "  (a call failed)" : "");
		cairo_destroy(cr);
		cairo_surface_destroy(surface);
		lr_chart_destroy(all);
		lr_chart_destroy(named);
		lr_chart_destroy(five);
		lr_dataset_destroy(dataset);
		fflush(stdout);
	}
	return 0;
}
