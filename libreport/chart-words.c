/* libreport: wording (see chart-words-private.h). Every fixed word a chart prints is in the
 * table below, and label shaping is here, so a translation or a wording rule changes in one
 * place.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <string.h>

#include <glib.h>

#include "chart-words-private.h"
#include "common-private.h"

const char *
lr_word(lr_language_t language, lr_word_t word)
{
	static const char *const words[LR_WORD_LAST][2] = {
		[LR_WORD_SOURCE] = { "Nguồn", "Source" },
		[LR_WORD_NOTE_UNCERTAIN] = { "Cột nhạt, viền đứt: ", "Pale bars with dashed outlines: " },
		[LR_WORD_ESTIMATE] = { "ước tính", "estimates" },
		[LR_WORD_FORECAST] = { "dự báo", "forecasts" },
		[LR_WORD_TARGET] = { "mục tiêu", "targets" },
		[LR_WORD_RANGE_NOTE] = { "Phần nhạt phía trên: khoảng giá trị nguồn đưa ra (thấp–cao).",
					 "Paler extension: the range the source gives (low–high)." },
		[LR_WORD_DISAGREE_NOTE] = { "Các nguồn đưa số liệu khác nhau; biểu đồ dùng số liệu của nguồn đầu tiên.",
					    "Sources differ; the chart shows the first source's figure." },
		[LR_WORD_RANK_AXIS] = { "Thứ hạng (1 = cao nhất)", "Rank (1 = best)" },
		[LR_WORD_GAP_NOTE] = { "Nét đứt: không có số liệu các năm ở giữa.",
				       "Dashed lines: no data for the years between." },
		[LR_WORD_PERCENT_SUBTITLE] = { "Tỷ trọng trong tổng (%)", "Share of the total (%)" },
		[LR_WORD_RANK_N_NOTE] = { "x/N: hạng x trong N nền kinh tế được xếp hạng.",
					  "x/N: rank x of N economies ranked." },
		[LR_WORD_HOLLOW_NOTE] = { "Điểm rỗng: ", "Hollow points: " },
		[LR_WORD_NO_DATA] = { "không có số liệu", "no data" },
		[LR_WORD_NOTE_HATCHED] = { "Cột gạch chéo, viền đứt: ", "Hatched bars with dashed outlines: " },
	};
	return words[word][language == LR_LANGUAGE_EN ? 1 : 0];
}

char *
lr_words_uncertain_list(lr_language_t language, unsigned statuses)
{
	static const lr_word_t words[] = { LR_WORD_ESTIMATE, LR_WORD_FORECAST, LR_WORD_TARGET };
	GString *list = g_string_new(NULL);

	for (int i = 0; i < 3; i++)
		if (statuses & (1u << (i + 1)))
			g_string_append_printf(list, "%s%s", list->len ? ", " : "",
					       lr_word(language, words[i]));
	return g_string_free(list, FALSE);
}

char *
lr_words_labels_left_out(lr_language_t language, int left_out, int total)
{
	if (language == LR_LANGUAGE_EN)
		return g_strdup_printf("Value labels: %d of %d bars are not labelled, for lack of room.",
				       left_out, total);
	return g_strdup_printf("Nhãn giá trị: %d trên %d cột không ghi số vì không đủ chỗ.",
			       left_out, total);
}

/* Entities are written as in running text ("thế giới"); a label starts a line ("Thế giới"). */
char *
lr_words_capitalize(const char *text)
{
	gunichar first = g_utf8_get_char(text);
	char head[8];
	int length;

	if (!*text || g_unichar_isupper(first))
		return g_strdup(text);
	length = g_unichar_to_utf8(g_unichar_totitle(first), head);
	head[length] = '\0';
	return g_strconcat(head, g_utf8_next_char(text), NULL);
}

/* Words that cannot end a title: a shared prefix "Share of" would make the title "Share
 * of". Not counted as shared words, so such a prefix is cut only when enough other words
 * come before them. */
static bool
is_function_word(const char *word, lr_language_t language)
{
	static const char *const en[] = { "a", "an", "and", "at", "by", "for", "from", "in", "of",
					  "on", "or", "per", "the", "to", "with" };
	static const char *const vi[] = { "các", "cho", "của", "những", "trong", "và", "về",
					  "với" };

	if (language == LR_LANGUAGE_EN)
		return lr_name_index(en, G_N_ELEMENTS(en), word) >= 0;
	return lr_name_index(vi, G_N_ELEMENTS(vi), word) >= 0;
}

/* Indicators of one chart often share their first words ("Số mục tiêu chuyển đổi số quốc
 * gia đã hoàn thành", "… có khả năng hoàn thành cao"). */
char *
lr_words_strip_common_prefix(char **labels, int count, lr_language_t language)
{
	char **first = g_strsplit(labels[0], " ", -1);
	int shared = g_strv_length(first);
	/* Vietnamese words are written as syllables, and a cut could split one ("phần cứng",
	 * hardware, into "phần" + "cứng"): cut Vietnamese only after three shared syllables and
	 * when every label keeps at least two. */
	int min_shared = language == LR_LANGUAGE_VI ? 3 : 2;
	int min_left = language == LR_LANGUAGE_VI ? 2 : 1;
	char *prefix = NULL;

	for (int i = 1; i < count; i++) {
		char **words = g_strsplit(labels[i], " ", -1);
		int k = 0;
		while (k < shared && words[k] && strcmp(words[k], first[k]) == 0)
			k++;
		shared = k;
		g_strfreev(words);
	}
	for (int i = 0; i < count; i++) {
		char **words = g_strsplit(labels[i], " ", -1);
		if ((int) g_strv_length(words) - shared < min_left)
			shared = 0;
		g_strfreev(words);
	}
	/* The prefix becomes the title: it may not end on "of" or "và". */
	while (shared > 0 && is_function_word(first[shared - 1], language))
		shared--;
	if (shared >= min_shared && first[shared]) {
		char *saved = first[shared];
		first[shared] = NULL;
		prefix = g_strjoinv(" ", first);
		first[shared] = saved;
		for (int i = 0; i < count; i++) {
			const char *rest = labels[i];
			char *label;
			for (int k = 0; k < shared; k++)
				rest = strchr(rest, ' ') + 1;
			label = lr_words_capitalize(rest);
			g_free(labels[i]);
			labels[i] = label;
		}
	}
	g_strfreev(first);
	return prefix;
}
