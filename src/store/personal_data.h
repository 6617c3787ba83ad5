/* personal_data.h - the declaration of every column that holds personal
 * data (issue 12: completeness by construction).
 *
 * One registry says, for each such column: its table, the record type it
 * belongs to (the retention record types of domain/retention.h, plus
 * "person", "user" and "guard"), whose data it is, whether it is sealed
 * (encrypted, service/crypto.h) and how a row reaches the young person it
 * is about. The purge (store/retention_store.c) and the right of access
 * (indsigt) are driven by it, and tests/unit/test_personal_data.c reads the
 * real schema and fails when a column that looks personal (a name, CPR,
 * phone, summary, text, necessity, reason, birth date, note, subject,
 * any BLOB ...) is neither declared here nor declared non-personal with a
 * reason: a new personal column cannot slip in unnoticed.
 *
 * The list itself is store/personal_columns.def: PERSONAL and SEALED rows.
 * store_sealed_columns[] (store/sealed_store.h: what is encrypted, key
 * rotation, the key-id triggers) is derived from its SEALED rows, so
 * every sealed column is personal by construction.
 *
 * Usage (indsigt, purge):
 *
 *	size_t n;
 *	const struct personal_column *pc = store_personal_columns(&n);
 *	for (size_t i = 0; i < n; i++)
 *		if (pc[i].subject == PD_YOUNG_PERSON && !strcmp(pc[i].record_type, "concern"))
 *			...;
 *
 * or store_personal_columns_of("referral", ...) for one record type. The
 * arrays are static and live as long as the program; nothing to free.
 * Thread-safe (built once, under pthread_once).
 */
#ifndef SSP_PERSONAL_DATA_H
#define SSP_PERSONAL_DATA_H

#include <stdbool.h>
#include <stddef.h>

/* Whose data the column holds. */
enum pd_subject {
	PD_YOUNG_PERSON, /* the young person a case is about (indsigt shows it) */
	PD_RELATED,      /* a parent or other adult around the young person */
	PD_STAFF,        /* a user, guest or client address: the staff's own data */
	PD_ANYONE        /* free text that must not name anyone, but might */
};

/* How a row of the table reaches the young person it is about. */
enum pd_link {
	PD_LINK_SELF,    /* the row is the person: person.id */
	PD_LINK_PERSON,  /* link_column holds person.id */
	PD_LINK_CONCERN, /* link_column holds concern.id; concern.person_id is the person */
	PD_LINK_SUBJECT, /* link_column holds "person:ID" (the access log) */
	PD_LINK_NONE     /* not tied to a young person */
};

struct personal_column {
	const char *table;
	const char *column;
	const char *record_type; /* "person", "concern", "referral", "user", ... */
	enum pd_subject subject;
	enum pd_link link;
	const char
	    *link_column; /* for link: "id", "person_id", "concern_id", "subject"; else NULL */
	bool sealed;      /* derived: in store_sealed_columns[] */
	const char *what; /* what it holds, for a reader (English) */
};

/* A column that looks personal by its name or type but is not, and why. */
struct nonpersonal_column {
	const char *table;
	const char *column;
	const char *why;
};

/* Every personal column; *n gets how many. */
const struct personal_column *store_personal_columns(size_t *n);
/* The personal columns of one record type, in registry order: writes up
 * to max pointers into out and returns how many there are in all. */
size_t store_personal_columns_of(const char *record_type, const struct personal_column **out,
				 size_t max);
/* The declaration of table.column, or NULL when it is not personal. */
const struct personal_column *store_personal_column(const char *table, const char *column);
/* The columns declared not personal; *n gets how many. */
const struct nonpersonal_column *store_nonpersonal_columns(size_t *n);

#endif
