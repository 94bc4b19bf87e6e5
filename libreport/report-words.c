/* libreport: the words a report generates (contents, captions, page numbers, notes), in
 * Vietnamese and English. One table, so a translator reads them all at once and the
 * modules that print them never spell a word twice.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "report-private.h"

/* Formats (%d) take integers as the comments in report-private.h say. Notes are sentences
 * without their table marker: report-table.c puts "*" or "†" in front. */
static const char *const words[LR_RWORD_LAST][2] = {
	[LR_RWORD_CONTENTS] = { "Mục lục", "Contents" },
	[LR_RWORD_SOURCES] = { "Nguồn tài liệu", "Sources" },
	[LR_RWORD_FIGURE] = { "Hình", "Figure" },
	[LR_RWORD_TABLE] = { "Bảng", "Table" },
	[LR_RWORD_PAGE_OF] = { "Trang %d/%d", "Page %d of %d" },
	[LR_RWORD_SINCE] = { "so với %d", "since %d" },
	[LR_RWORD_ESTIMATE] = { "ước tính", "estimate" },
	[LR_RWORD_FORECAST] = { "dự báo", "forecast" },
	[LR_RWORD_TARGET] = { "mục tiêu", "target" },
	[LR_RWORD_RANGE] = { "khoảng", "range" },
	[LR_RWORD_SOURCE] = { "Nguồn", "Source" },
	[LR_RWORD_NOTE_ESTIMATE] = { "Số liệu ước tính, dự báo hoặc mục tiêu, chưa phải số thực tế.",
				     "Estimate, forecast or target, not an actual figure." },
	[LR_RWORD_NOTE_RANGE] = { "Khoảng giá trị (thấp–cao) theo nguồn.",
				  "A range (low–high), as the source gives it." },
	[LR_RWORD_NO_DATA] = { "không có số liệu", "no data" },
	[LR_RWORD_INDICATOR] = { "Chỉ tiêu", "Indicator" },
	[LR_RWORD_UNIT] = { "Đơn vị", "Unit" },
};

const char *
lr_report_word(lr_language_t language, lr_report_word_t word)
{
	if ((unsigned) word >= LR_RWORD_LAST || !words[word][0])
		return "";
	return words[word][language == LR_LANGUAGE_EN ? 1 : 0];
}
