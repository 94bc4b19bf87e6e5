/* report-bench: how fast libreport renders reports. A benchmark, not a test: it prints
 * figures and never fails on them.
 *
 * 1. Whole process: `lreport report` on a 12-page spec with 10 charts, 3 tables and 2 rows of
 *    key figures (written to a scratch folder from the bundled dataset's indicators), the
 *    median wall time and peak resident memory of the child over RUNS runs; beside it, in the
 *    same run, the baseline of a process that only starts (`lreport --version`) and one that
 *    writes one chart PDF (`lreport bar`).
 * 2. Growth: time per page as a report built through the C API grows from 10 to 100 to 1,000
 *    sections (each a heading and two paragraphs, a chart every tenth), layout + PDF.
 * 3. PNG pages at 150 dpi: milliseconds per page of the 12-page report.
 *
 * Usage: report-bench LREPORT_EXE [RUNS]   (default 10)
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <lreport/lreport.h>

#include "bench-util.h"

static double
median(double *values, int count)
{
	qsort(values, (size_t) count, sizeof *values, compare_doubles);
	return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

/* Runs @argv; returns its wall time in ms and its peak RSS in MiB (through wait4). */
static bool
run_child(char **argv, double *ms, double *peak_mib)
{
	double start = now_ms();
	struct rusage usage;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return false;
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &usage) < 0)
		return false;
	*ms = now_ms() - start;
	*peak_mib = usage.ru_maxrss / 1024.0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void
measure(const char *what, char **argv, int runs)
{
	double *times = g_new(double, runs), peak = 0;

	for (int i = 0; i < runs; i++) {
		double mib = 0;
		if (!run_child(argv, &times[i], &mib)) {
			printf("%-44s failed\n", what);
			g_free(times);
			return;
		}
		peak = MAX(peak, mib);
	}
	printf("%-44s %8.1f ms  peak %5.1f MiB\n", what, median(times, runs), peak);
	g_free(times);
}

static const char paragraph[] =
	"Năm 2024, chuyển đổi số quốc gia tiếp tục có bước tiến rõ nét, với hạ tầng số được nâng "
	"cấp, dữ liệu số được làm giàu và dịch vụ công trực tuyến ngày càng thuận tiện cho người "
	"dân và doanh nghiệp. Các chỉ số quốc tế ghi nhận những cải thiện đáng kể.";

/* The 12-page spec: a section per chart, three tables, two rows of cards. */
static char *
write_spec(const char *folder)
{
	static const char *const charts[] = {
		"kind=bar\nindicator=ecommerce_revenue",
		"kind=bar\nindicator=ftth_coverage\nhorizontal=true\nsort=desc\nhighlight=Việt Nam",
		"kind=bar\nindicator=dx_targets_done;dx_targets_likely;dx_targets_effort\nlayout=stacked\nhorizontal=true",
		"kind=bar\nindicator=dx_targets_done;dx_targets_likely;dx_targets_effort\nlayout=percent",
		"kind=rank\nindicator=egdi_rank;gii_rank;gci_rank",
		"kind=rank\nindicator=egdi_rank",
		"kind=bar\nindicator=ecommerce_revenue\nlayout=grouped",
		"kind=bar\nindicator=ftth_coverage",
		"kind=rank\nindicator=gii_rank",
		"kind=bar\nindicator=digital_economy_gdp_share",
	};
	GString *spec = g_string_new("---\ntitle: Báo cáo đo hiệu năng\nsubtitle: Mười hai trang\n"
				     "author: libreport\ndate: 2025\nlanguage: vi\n");
	char *path = g_build_filename(folder, "bench.md", NULL);

	g_string_append_printf(spec, "data: %s\n---\n\n", LR_BENCH_DATA_DIR);
	g_string_append(spec, "# Tổng quan\n\n```figures\nindicator=egdi_rank\nindicator=gii_rank\n"
			      "indicator=gci_rank\nindicator=ecommerce_revenue\n```\n\n");
	g_string_append_printf(spec, "%s\n\n```figures\nindicator=ftth_coverage\n"
				     "indicator=digital_economy_gdp_share\nindicator=dx_targets_done\n```\n\n",
			       paragraph);
	for (unsigned i = 0; i < G_N_ELEMENTS(charts); i++) {
		g_string_append_printf(spec, "# Phần %c\n\n%s\n\n%s\n\n```chart\n%s\n```\n\n",
				       'A' + i, paragraph, paragraph, charts[i]);
		if (i % 3 == 0)
			g_string_append(spec, "```table\nindicator=egdi_rank;gii_rank;gci_rank\n```\n\n");
	}
	g_file_set_contents(path, spec->str, (gssize) spec->len, NULL);
	g_string_free(spec, TRUE);
	return path;
}

static lr_report_t *
growing_report(lr_dataset_t *dataset, int sections)
{
	lr_report_t *report = lr_report_create(dataset);

	lr_report_set_title(report, "Báo cáo tăng dần");
	for (int i = 0; i < sections; i++) {
		char title[32];
		snprintf(title, sizeof title, "Mục %d", i + 1);
		lr_report_add_heading(report, 1, title);
		lr_report_add_paragraph(report, paragraph);
		lr_report_add_paragraph(report, paragraph);
		if (i % 10 == 0) {
			lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);
			lr_chart_add_indicator(chart, "ecommerce_revenue");
			lr_report_add_chart(report, chart, NULL);
		}
	}
	return report;
}

int
main(int argc, char **argv)
{
	int runs = argc > 2 ? atoi(argv[2]) : 10;
	char *folder, *spec, *pdf, *png, *chart;
	lr_dataset_t *dataset;

	if (argc < 2) {
		fprintf(stderr, "usage: report-bench LREPORT_EXE [RUNS]\n");
		return 2;
	}
	if (runs < 1)
		runs = 1;
	g_setenv("SOURCE_DATE_EPOCH", "1735689600", TRUE);
	folder = g_dir_make_tmp("report-bench-XXXXXX", NULL);
	spec = write_spec(folder);
	pdf = g_build_filename(folder, "bench.pdf", NULL);
	png = g_build_filename(folder, "bench.png", NULL);
	chart = g_build_filename(folder, "chart.pdf", NULL);

	printf("whole process, median of %d runs (this machine: %ld cores)\n", runs,
	       sysconf(_SC_NPROCESSORS_ONLN));
	{
		char *version[] = { argv[1], "--version", NULL };
		char *bar[] = { argv[1], "bar", "--indicator", "ecommerce_revenue", "--data",
				LR_BENCH_DATA_DIR, "-o", chart, NULL };
		char *report[] = { argv[1], "report", spec, "-o", pdf, NULL };
		measure("baseline: lreport --version", version, runs);
		measure("baseline: lreport bar → 1 chart PDF", bar, runs);
		measure("lreport report → 12-page PDF", report, runs);
	}

	dataset = lr_dataset_load(LR_BENCH_DATA_DIR);
	{
		lr_report_t *report = lr_report_load(spec, dataset);
		double start = now_ms();
		int pages = lr_report_get_page_count(report);
		lr_status_t status = lr_report_write(report, png, LR_FORMAT_PNG, 150);
		double ms = now_ms() - start;
		printf("12-page report: %d pages, %d figures; PNG pages at 150 dpi: %.1f ms/page%s\n",
		       pages, 10, ms / (pages ? pages : 1), status ? " (failed)" : "");
		lr_report_destroy(report);
	}
	printf("\ngrowth (C API, layout + PDF in process)\n");
	for (int sections = 10; sections <= 1000; sections *= 10) {
		lr_report_t *report = growing_report(dataset, sections);
		double start = now_ms();
		lr_status_t status = lr_report_write(report, pdf, LR_FORMAT_PDF, 0);
		double ms = now_ms() - start;
		int pages = lr_report_get_page_count(report);
		printf("%5d sections  %5d pages  %9.1f ms  %6.2f ms/page%s\n", sections, pages, ms,
		       ms / (pages ? pages : 1), status ? "  (failed)" : "");
		lr_report_destroy(report);
	}
	lr_dataset_destroy(dataset);
	{
		/* Leave nothing behind. */
		GDir *dir = g_dir_open(folder, 0, NULL);
		const char *name;
		while (dir && (name = g_dir_read_name(dir))) {
			char *path = g_build_filename(folder, name, NULL);
			g_unlink(path);
			g_free(path);
		}
		if (dir)
			g_dir_close(dir);
		g_rmdir(folder);
	}
	g_free(folder);
	g_free(spec);
	g_free(pdf);
	g_free(png);
	g_free(chart);
	return 0;
}
