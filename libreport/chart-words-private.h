/* libreport (private): wording. The fixed words charts print, in Vietnamese and English, and
 * the rules that shape labels: shared first words cut from series labels, a capital at the
 * start of a label.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_CHART_WORDS_PRIVATE_H
#define LR_CHART_WORDS_PRIVATE_H

#include <lreport/lreport.h>

/* Words the charts print. */
typedef enum {
	LR_WORD_SOURCE,            /* "Nguồn" */
	LR_WORD_NOTE_UNCERTAIN,    /* "Cột nhạt, viền đứt: …" */
	LR_WORD_ESTIMATE,
	LR_WORD_FORECAST,
	LR_WORD_TARGET,
	LR_WORD_RANGE_NOTE,
	LR_WORD_DISAGREE_NOTE,
	LR_WORD_RANK_AXIS,         /* "Thứ hạng (1 = cao nhất)" */
	LR_WORD_GAP_NOTE,
	LR_WORD_PERCENT_SUBTITLE,
	LR_WORD_RANK_N_NOTE,
	LR_WORD_HOLLOW_NOTE,
	LR_WORD_NO_DATA,
	LR_WORD_NOTE_HATCHED,
	LR_WORD_LAST
} lr_word_t;

/* @word in @language (static). */
const char *lr_word(lr_language_t language, lr_word_t word);

/* "ước tính, dự báo" for the statuses other than actual in the bit set @statuses (g_free). */
char *lr_words_uncertain_list(lr_language_t language, unsigned statuses);

/* The note of a bar chart whose value labels did not all fit: "@left_out of @total bars
 * carry no value label: no room" (g_free). */
char *lr_words_labels_left_out(lr_language_t language, int left_out, int total);

/* @text with a capital first letter, as a label that starts a line (g_free). */
char *lr_words_capitalize(const char *text);

/* Cuts the first words every one of @labels shares (each label then starts with a capital)
 * and returns them, to serve as the default title; NULL, labels unchanged, when too little is
 * shared. Cautious for Vietnamese, whose words are written as syllables. */
char *lr_words_strip_common_prefix(char **labels, int count, lr_language_t language);

#endif
