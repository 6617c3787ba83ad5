/* evaluation.h - the service layer for focus areas, trend tags and the
 * yearly evaluation (domain/evaluation.h).
 *
 *   ACT_FOCUS_VIEW       the focus areas (svc_focus_list)
 *   ACT_FOCUS_EDIT       record or remove a focus area (steering group,
 *                        SSP-team), only in the focus-area year
 *   ACT_TREND_TAG        tag the general minutes of a meeting with the
 *                        strategy's themes (never at a body where named
 *                        young people are discussed)
 *   ACT_TREND_VIEW       the tags counted per quarter and district
 *   ACT_EVALUATION_VIEW  the yearly evaluation; it also reads compliance,
 *                        the school network, the figures and the concern
 *                        statistics, each checked and logged by its own call
 *
 * Everything here is aggregate or organisational: no personal data.
 * Changes are audited calls (svc_begin/svc_commit).
 */
#ifndef SSP_EVALUATION_SERVICE_H
#define SSP_EVALUATION_SERVICE_H

#include <stdbool.h>

#include "domain/compliance.h"
#include "domain/concern.h"
#include "domain/evaluation.h"
#include "domain/org.h"
#include "service/school.h"
#include "service/service.h"

/* The body that chooses the focus areas (the first with a
 * fokusomraader-aar or an annual wheel: the steering group), or NULL. */
const struct org_body *focus_body(const struct org *o);

/* ACT_FOCUS_EDIT. f->year must be a focus-area year of focus_body();
 * texts pass the text policy (nothing CPR-like). *id gets the new id. */
int svc_focus_add(struct service *svc, const struct actor *a, const struct focus_area *f,
		  long long *id, struct svc_result *r);
int svc_focus_delete(struct service *svc, const struct actor *a, long long id,
		     struct svc_result *r);

/* ACT_FOCUS_VIEW. The focus areas in force in year (chosen that year or
 * the year before). */
int svc_focus_list(struct service *svc, const struct actor *a, int year, struct focus_list *out,
		   struct svc_result *r);

/* For agendas and the annual wheel: the focus areas in force in year that
 * body carries (body NULL: all), without a check of its own (the caller's
 * call was checked). Appends "Indsatsområde: TITLE – mål: GOAL" lines. */
int svc_focus_agenda_lines(struct service *svc, const char *body, int year, struct strlist *out,
			   struct svc_result *r);

/* The strategy's controlled list of themes for tags ([ssp-team] tema, or
 * the defaults). */
void trend_themes(const struct org *o, struct strlist *out);

/* ACT_TREND_TAG. Replaces the tags of meeting id; each must be in
 * trend_themes(). SVC_INVALID (field "themes") for a body where named
 * young people are discussed. */
int svc_minutes_tags_set(struct service *svc, const struct actor *a, long long id,
			 const struct strlist *themes, struct svc_result *r);
/* ACT_MEETING_VIEW: the tags of meeting id. */
int svc_minutes_tags(struct service *svc, const struct actor *a, long long id, struct strlist *out,
		     struct svc_result *r);

/* The trends of a year. */
struct trend_view {
	int year;
	struct org org;
	struct strlist themes;
	struct trend_counts counts;
	/* the tagged meetings, for the link to their minutes */
	struct trend_meeting {
		long long id;
		char *body, *district, *themes; /* themes: ", "-joined */
		long day;
		bool minutes_visible; /* may the actor read the minutes? */
	} * meetings;
	size_t meetings_nr;
};
void trend_view_release(struct trend_view *v);
int svc_trends(struct service *svc, const struct actor *a, int year, struct trend_view *out,
	       struct svc_result *r);

/* The yearly evaluation. */
struct evaluation {
	int year;
	long as_of;
	struct org org;
	struct compliance comp;
	bool from_plan;
	struct school_network net;
	struct focus_list focus;       /* in force in year */
	struct focus_change **changes; /* per focus area: indicators, then categories */
	size_t *changes_nr;
	struct trend_view trends;
	struct concern_stats stats;
	struct org stats_org;
	struct kpi early_age, early_days, cross_mean, cross_share, coherent;
	struct figure_set survey, crime;
};
void evaluation_release(struct evaluation *e);

/* ACT_EVALUATION_VIEW. as_of: the day compliance is computed as of (the
 * year's last day + 1 for a past year is the caller's choice). */
int svc_evaluation(struct service *svc, const struct actor *a, int year, long as_of,
		   struct evaluation *out, struct svc_result *r);

/* ACT_ORG_VIEW (and ACT_MEETING_VIEW, ACT_FOCUS_VIEW through their
 * calls): what `ssp strategy render` needs: the stored strategy, the
 * year's meetings (stored, else the computed plan) and the focus areas in
 * force. org is org_init'ed by the caller. */
int svc_strategy_document(struct service *svc, const struct actor *a, int year, struct org *org,
			  struct meeting_list *plan, struct focus_list *focus,
			  struct svc_result *r);

#endif
