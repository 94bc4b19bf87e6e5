/* libreport tests: the one main() every test program shares (test-main.c), and what a test
 * program tells it. Each tests/test-MODULE.c defines lr_test_program and no main().
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_TEST_MAIN_H
#define LR_TEST_MAIN_H

#include <check.h>

typedef struct {
	Suite *(*suite)(void);           /* the program's Check suite */
	void (*before)(SRunner *runner); /* NULL, or called before the run */
	void (*after)(SRunner *runner);  /* NULL, or called after it (in the runner's process) */
} lr_test_program_t;

/* Defined by each test program. */
extern const lr_test_program_t lr_test_program;

#endif
