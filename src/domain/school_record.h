/* school_record.h - the school network's records as the service hands
 * them to the doors (service/school.h) and the store reads and writes them
 * (store/school_store.h). Plain structs, no I/O. */
#ifndef SSP_SCHOOL_RECORD_H
#define SSP_SCHOOL_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/org.h"
#include "domain/plan.h"

struct institution_row {
	char *id, *name;
	enum institution_kind kind;
	char *district;      /* district id */
	char *district_name; /* NULL when the district is gone */
	bool example, active;
	bool edited_by_admin; /* added or changed on /skoler: `ssp init` leaves it */
};

struct institution_rows {
	struct institution_row *v;
	size_t nr, alloc;
};

/* An active (not disabled) user of role kontaktperson with an institution. */
struct contact_row {
	long long user_id;
	char *username, *name, *institution;
};

struct contact_rows {
	struct contact_row *v;
	size_t nr, alloc;
};

/* One item of a læseplan. grade: "4".."10" or "klub". */
struct laeseplan_row {
	long long id;
	char *institution, *grade, *theme;
	long planned; /* a day (calendar.h) */
	long held;    /* CAL_NO_DAY when not held */
	char *updated_at, *updated_by;
};

struct laeseplan_rows {
	struct laeseplan_row *v;
	size_t nr, alloc;
};

/* A meeting of one body (the school network's) in a year. */
struct theme_day_row {
	long long meeting_id;
	long day;
	int start;
	enum meeting_status status;
	char *theme;
};

struct theme_day_rows {
	struct theme_day_row *v;
	size_t nr, alloc;
};

struct attendance_row {
	long long meeting_id, user_id;
	bool present;
};

struct attendance_rows {
	struct attendance_row *v;
	size_t nr, alloc;
};

void institution_row_release(struct institution_row *r);
void institution_rows_release(struct institution_rows *l);
void contact_rows_release(struct contact_rows *l);
void laeseplan_row_release(struct laeseplan_row *r);
void laeseplan_rows_release(struct laeseplan_rows *l);
void theme_day_rows_release(struct theme_day_rows *l);
void attendance_rows_release(struct attendance_rows *l);

#endif
