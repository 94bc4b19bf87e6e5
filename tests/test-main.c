/* libreport tests: the shared main(). Runs the program's suite (CK_VERBOSITY=verbose in the
 * environment lists every test) and exits 0 when every test passed.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdlib.h>

#include "test-main.h"


int
main(void)
{
	SRunner *runner = srunner_create(lr_test_program.suite());
	int failed;

	if (lr_test_program.before)
		lr_test_program.before(runner);
	srunner_run_all(runner, CK_ENV);
	failed = srunner_ntests_failed(runner);
	if (lr_test_program.after)
		lr_test_program.after(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
