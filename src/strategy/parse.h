/* parse.h - reads a strategy file (INI, parsed with inih) into a struct org.
 *
 * The file format is documented in docs/ssp-strategy.5. Parsing works on a
 * buffer (no I/O), so the CLI, the web door and the fuzz target share it.
 */
#ifndef SSP_STRATEGY_PARSE_H
#define SSP_STRATEGY_PARSE_H

#include <stddef.h>

#include "domain/org.h"
#include "util/diag.h"

/* Parses buf[0..len) into *out (which must be org_init'ed) and appends every
 * problem to *d, errors and warnings, each with its line. Returns 0 when
 * there were no errors (warnings allowed), -1 otherwise; on -1, *out holds
 * whatever could be read and must not be stored. */
int strategy_parse(const char *buf, size_t len, struct org *out, struct diags *d);

#endif
