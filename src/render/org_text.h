/* org_text.h - the organisation as plain text for a terminal. */
#ifndef SSP_ORG_TEXT_H
#define SSP_ORG_TEXT_H

#include <stdio.h>

#include "domain/org.h"

void org_text_write(const struct org *o, FILE *out);

#endif
