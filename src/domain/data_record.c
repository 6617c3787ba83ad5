/* data_record.c - releasing the figures' import records (data_record.h). */
#include "domain/data_record.h"

#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

void data_import_row_release(struct data_import_row *r)
{
	free(r->file_name);
	free(r->imported_at);
	free(r->imported_by);
	memset(r, 0, sizeof(*r));
}
