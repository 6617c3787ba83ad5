/* data_record.h - the records of the figures' imports as the service hands
 * them to the doors (service/data.h) and the store reads and writes them
 * (store/data_store.h). Plain structs, no I/O. */
#ifndef SSP_DATA_RECORD_H
#define SSP_DATA_RECORD_H

#include <stddef.h>

/* What an import did (or, dry run, would do) row by row, by key: a key
 * not stored before is added; a stored one with other values is
 * replaced; one with the same values is unchanged. Stored rows the file
 * does not mention are left as they are. */
struct data_counts {
	size_t added, replaced, unchanged;
};

/* The latest import of a kind that changed something. */
struct data_import_row {
	char *file_name, *imported_at, *imported_by;
	struct data_counts counts;
};
void data_import_row_release(struct data_import_row *r);

#endif
