/* plan_text.h - meeting plans and compliance as plain text for a terminal. */
#ifndef SSP_PLAN_TEXT_H
#define SSP_PLAN_TEXT_H

#include <stdio.h>

#include "domain/compliance.h"
#include "domain/org.h"
#include "domain/plan.h"

/* One line per meeting in date order, then a count per body. */
void plan_text_write(const struct org *o, const struct meeting_list *l, int year, FILE *out);

/* One line per body (and district) with its counts and status. */
void compliance_text_write(const struct compliance *c, int year, long as_of, FILE *out);

#endif
