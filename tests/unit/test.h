/* test.h - includes cmocka needs, in the order it needs them. */
#ifndef SSP_TEST_H
#define SSP_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#endif
