/* file.h - reading a whole (small) file. */
#ifndef SSP_FILE_H
#define SSP_FILE_H

#include <stddef.h>

#include "util/strbuf.h"

/* Largest file read_file() accepts; strategy files are a few dozen KiB. */
#define READ_FILE_MAX (4u * 1024 * 1024)

/* Reads path ("-" for standard input) into out. Returns 0, or -1 with a
 * Danish message in *err (caller frees). */
int read_file(const char *path, struct strbuf *out, char **err);
/* The same with another limit: max bytes (a CSV file of a million rows of
 * figures is some 40 MiB). */
int read_file_max(const char *path, struct strbuf *out, size_t max, char **err);

#endif
