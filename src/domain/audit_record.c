/* audit_record.c - releasing the access-log rows of audit_record.h. */
#include "domain/audit_record.h"

#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

void audit_row_release(struct audit_row *r)
{
	free(r->at);
	free(r->username);
	free(r->org);
	free(r->action);
	free(r->object);
	free(r->subject);
	free(r->legal_basis);
	free(r->client);
	free(r->outcome);
}

void audit_rows_release(struct audit_rows *rows)
{
	for (size_t i = 0; i < rows->nr; i++)
		audit_row_release(&rows->v[i]);
	free(rows->v);
	memset(rows, 0, sizeof(*rows));
}
