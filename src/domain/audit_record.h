/* audit_record.h - an access-log entry as read back (service/audit.h
 * hands them out, store/audit_store.h reads them). Plain structs, no I/O. */
#ifndef SSP_AUDIT_RECORD_H
#define SSP_AUDIT_RECORD_H

#include <stddef.h>

struct audit_row {
	long long seq;
	char *at, *username, *org, *action, *object, *subject, *legal_basis, *client, *outcome;
};

struct audit_rows {
	struct audit_row *v;
	size_t nr, alloc;
};

/* Frees the strings of one row. */
void audit_row_release(struct audit_row *r);
void audit_rows_release(struct audit_rows *rows);

#endif
