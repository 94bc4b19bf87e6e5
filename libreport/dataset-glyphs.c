/* libreport: which characters of a dataset's labels no bundled font can draw. A layer above
 * both the dataset (which keeps where each label was first read) and the fonts (which know
 * what they cover), so that `lreport validate` can warn before a chart shows a box.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "dataset-private.h"
#include "text-private.h"

lr_status_t
lr_dataset_check_glyphs(const lr_dataset_t *dataset, lr_warning_func_t func, void *closure,
			size_t *count)
{
	size_t found = 0;

	if (count)
		*count = 0;
	if (!dataset)
		return lr_error(LR_STATUS_NULL_POINTER);
	for (size_t i = 0; i < lr_dataset_get_text_count(dataset); i++) {
		const lr_dataset_text_t *place = lr_dataset_get_text(dataset, i);
		gsize length = strlen(place->text), offset;
		gunichar missing;
		lr_status_t status = lr_fonts_find_missing_char(place->text, length, &offset, &missing);
		char *message;
		lr_error_t warning = { 0 };

		if (status != LR_STATUS_SUCCESS)
			return status;
		if (offset == length)
			continue;
		found++;
		if (!func)
			continue;
		message = g_strdup_printf("%s: no bundled font can draw U+%04" G_GINT32_MODIFIER "X "
					  "(character %ld of the text), which a chart would show as "
					  "a box; write it another way or leave it out", place->column,
					  (gint32) missing,
					  g_utf8_pointer_to_offset(place->text, place->text + offset) + 1);
		warning.status = LR_STATUS_MISSING_GLYPH;
		warning.message = message;
		warning.file = place->file;
		warning.line = place->line;
		warning.column = place->column_number;
		func(&warning, closure);
		g_free(message);
	}
	if (count)
		*count = found;
	return LR_STATUS_SUCCESS;
}
