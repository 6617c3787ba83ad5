/* meeting_record.h - the records of running a meeting as the service hands
 * them to the doors (service/meeting_run.h) and the store reads and
 * writes them (store/meeting_run_store.h): people (participants,
 * attendance) and minutes. Plain structs, no I/O. */
#ifndef SSP_MEETING_RECORD_H
#define SSP_MEETING_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/authz.h"

/* A user as the meeting pages show one. */
struct person {
	long long user_id; /* 0 for a guest */
	char *username;    /* NULL for a guest */
	char *name;
	char *org; /* may be NULL */
	enum role role;
	bool present; /* attendance only */
};

struct person_list {
	struct person *v;
	size_t nr, alloc;
};

struct person *person_list_add(struct person_list *l);
void person_list_release(struct person_list *l);

struct minutes {
	char *text; /* NULL when none are written */
	char *updated_at;
	char *updated_by;
};

void minutes_release(struct minutes *m);

#endif
