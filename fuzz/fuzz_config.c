/* fuzz_config.c - libFuzzer target for ssp.conf (service/config.c).
 *
 * Checks the promises of config_parse(): it never crashes, reports errors
 * through diags (return value and error count agree), and whatever it
 * accepts stays inside the documented ranges.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "service/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct diags d;
	config_defaults(&c);
	diags_init(&d, "fuzz.conf");
	int rc = config_parse((const char *)data, size, &c, &d);
	if ((rc == 0) != (d.errors == 0))
		abort();
	if (c.threads < 1 || c.threads > 64 || c.session_idle_minutes < 1 ||
	    c.session_max_hours < 1 || c.max_body_bytes < 1024 || c.max_field_bytes < 64 ||
	    c.login_window_minutes < 1 || c.max_concurrent_logins < 1 ||
	    !memchr(c.listen, '\0', sizeof(c.listen)))
		abort();
	diags_release(&d);
	return 0;
}
