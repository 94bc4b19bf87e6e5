/* libreport (private): line-break rules shared by charts and reports (text-breaks.c).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_TEXT_BREAKS_PRIVATE_H
#define LR_TEXT_BREAKS_PRIVATE_H

#include <stdbool.h>
#include <pango/pango.h>

/* Forbids line breaks inside every word (a run of non-spaces) of @layout's text that holds
 * punctuation before its end, so lines break at spaces only. Call after setting the text. */
void lr_text_forbid_inner_breaks(PangoLayout *layout);

#endif
