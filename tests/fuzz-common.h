/* libreport fuzz targets: sanitizer defaults shared by every target (ASAN_OPTIONS and
 * LSAN_OPTIONS still win), so that a plain run of a target behaves as the runs its comment
 * shows, without a long environment.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_FUZZ_COMMON_H
#define LR_FUZZ_COMMON_H

const char *__asan_default_options(void);
const char *__lsan_default_suppressions(void);

/* ASan's 256 MiB quarantine of freed memory made every allocation land on fresh pages: page
 * faults and ASan's fill of each new block took about 40 % of a dataset run, and the
 * quarantine was 80 % of its 500 MB peak. 16 MiB keeps use-after-free detection for anything
 * freed within the last few inputs; measured on 6,000 inputs: 300 -> 500 exec/s,
 * 478 -> 118 MB peak. */
const char *
__asan_default_options(void)
{
	return "quarantine_size_mb=16";
}

/* As tests/lsan.supp (which meson test passes): fontconfig, Pango and HarfBuzz keep caches
 * for the life of a thread's font map (made by the first input that lays out text), which
 * LeakSanitizer reports as leaks at the first input and at exit. */
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n"
	       "leak:libpango-1.0.so\n"
	       "leak:libpangoft2-1.0.so\n"
	       "leak:libharfbuzz.so\n"
	       "leak:libgobject-2.0.so\n"
	       "leak:lr_fonts_get_context\n";
}

#ifdef LR_FUZZ_NEEDS_FONTS
#include <stdio.h>
#include <stdlib.h>

#include "text-private.h"

/* Targets that lay out text stop at once without fonts: every layout would fail the same
 * way and the run would test nothing but that error. (A copy of a target outside the folder
 * fuzz-build.sh made finds no fonts unless LREPORT_FONTS_DIR is set.) Making the fonts here
 * also keeps their caches out of the first input's leak check. */
static inline void
fuzz_require_fonts(const char *target)
{
	lr_status_t status;

	if (!lr_fonts_get_context(&status)) {
		fprintf(stderr, "%s: no fonts: %s\n(run the target from the folder fuzz-build.sh "
			"made, or set LREPORT_FONTS_DIR)\n", target, lr_fonts_get_error());
		abort();
	}
}
#endif

#endif
