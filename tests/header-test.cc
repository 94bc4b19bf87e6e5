/* Compiled as C99 with -pedantic -Werror and as C++: the public header stands alone. */
#include <lreport/lreport.h>

#if !LR_VERSION_ATLEAST(0, 1, 0)
#error "version macro"
#endif

int
main(void)
{
	lr_number_format_t format;
	lr_number_format_init(&format, LR_LANGUAGE_VI);
	return lr_status_to_string(LR_STATUS_SUCCESS) == 0;
}
