/* evaluation_store.h - SQL for focus areas, trend tags and the KPIs'
 * sources (domain/evaluation.h). Aggregates and facts without identity:
 * no name, CPR number or free text about a person is read here. */
#ifndef SSP_EVALUATION_STORE_H
#define SSP_EVALUATION_STORE_H

#include "domain/evaluation.h"
#include "store/store.h"

/* Inserts f (validated by the caller) with its bodies and links; *id gets
 * the new id. 0, or -1 with *err. */
int store_focus_add(struct store *s, const struct focus_area *f, const char *by, long long *id,
		    char **err);
/* Deletes focus area id: 0, 1 when there is none, -1 on error. */
int store_focus_delete(struct store *s, long long id, char **err);
/* Every focus area chosen in [from, to], by year then id. */
int store_focus_list(struct store *s, int from, int to, struct focus_list *out, char **err);

/* The tags of a meeting (strings appended to out). */
int store_tags_of(struct store *s, long long meeting_id, struct strlist *out, char **err);
/* Replaces the tags of a meeting. */
int store_tags_set(struct store *s, long long meeting_id, const struct strlist *themes,
		   const char *by, char **err);

/* One tagged meeting of a year: strings owned. */
struct tag_source {
	long long meeting_id;
	char *theme, *district, *body;
	long day;
};
struct tag_sources {
	struct tag_source *v;
	size_t nr, alloc;
};
void tag_sources_release(struct tag_sources *l);
int store_tags_of_year(struct store *s, int year, struct tag_sources *out, char **err);

/* The KPIs' sources for concerns opened in year (ages in whole years at
 * the first concern; day differences; counts). Arrays are malloc'ed. */
struct kpi_sources {
	long *first_age; /* [K-EARLY-AGE] one per person whose first concern is in year */
	size_t first_age_nr;
	long *contact_days; /* [K-EARLY-DAYS] hand-over contact -> first action */
	size_t contact_days_nr;
	long *sectors; /* [K-CROSS] per concern opened in year */
	size_t sectors_nr;
	struct action_fact *actions; /* [K-COHERENT] actions due in year */
	size_t actions_nr;
};
void kpi_sources_release(struct kpi_sources *k);
int store_kpi_sources(struct store *s, int year, struct kpi_sources *out, char **err);

#endif
