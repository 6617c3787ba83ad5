/* network_text.h - the school network's compliance findings as plain
 * text (the second part of `ssp compliance YEAR`). */
#ifndef SSP_NETWORK_TEXT_H
#define SSP_NETWORK_TEXT_H

#include <stdio.h>

#include "domain/compliance_network.h"

/* in is the input the findings were computed from (for institution
 * names); year is the compliance year. */
void network_text_write(const struct network_input *in, const struct network_findings *f, int year,
			FILE *out);

#endif
