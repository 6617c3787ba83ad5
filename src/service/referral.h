/* referral.h - the lists behind the referral and screening pages and
 * declining to share at the § 115-møde (issue 9; service/concern.h holds
 * the single-record calls these build on):
 *
 *   - a referrer's own referrals, status only (never the meeting's
 *     content, never the pupil's name or the free text);
 *   - the referrals awaiting the SSP-team's screening, with their content;
 *   - the meetings a referral can be screened onto: planned meetings, from
 *     today, of bodies that allow named young people;
 *   - § 115, stk. 4: a participant declines to share on an agenda item;
 *     who (user, organisation) is recorded, not what.
 *
 * Same contract as service/concern.h: one permission decision and one
 * access-log entry per call; SVC_INVALID with the field named. */
#ifndef SSP_SERVICE_REFERRAL_H
#define SSP_SERVICE_REFERRAL_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/plan.h"
#include "service/concern.h"

struct referral_item {
	long long id, person, meeting; /* meeting 0 when none */
	char *status;     /* owned: "submitted", "agenda", "adhoc", "other", "decided" */
	long submitted;   /* a day */
	long meeting_day; /* a day, or CAL_NO_DAY */
	/* the screening list only (NULL / 0 in a referrer's own list) */
	char *name, *institution, *summary, *necessity, *legal_basis;
	int age;
	unsigned flags;
};

struct referral_list {
	struct referral_item *v;
	size_t nr, alloc;
};

void referral_list_release(struct referral_list *l);

/* The actor's own referrals, newest last: status, dates and the meeting's
 * day only. */
int svc_referrals_mine(struct service *svc, const struct actor *a, struct referral_list *out,
		       struct svc_result *r);

/* The referrals awaiting screening, with name, age, institution, summary,
 * necessity and legal basis (the SSP-team). */
int svc_referrals_to_screen(struct service *svc, const struct actor *a, struct referral_list *out,
			    struct svc_result *r);

/* The meetings a referral may be screened onto: planned, from today on
 * (this year and next), of bodies that allow named young people; ordered
 * by day. o gets the organisation (org_release). */
int svc_screening_meetings(struct service *svc, const struct actor *a, struct org *o,
			   struct meeting_list *out, struct svc_result *r);

/* § 115, stk. 4: a declines to share on agenda item (kind, item) of
 * meeting. SVC_NOT_FOUND when the meeting or the item (on that meeting)
 * is none; SVC_INVALID ("id") when the meeting is closed. */
int svc_share_decline(struct service *svc, const struct actor *a, long long meeting,
		      enum agenda_kind kind, long long item, struct svc_result *r);

/* Who declined to share on the meeting's items, oldest first: the
 * meeting's participants (as the agenda). */
struct share_decline {
	enum agenda_kind kind;
	long long item;
	char *username, *org; /* owned */
};

struct share_declines {
	struct share_decline *v;
	size_t nr, alloc;
};

void share_declines_release(struct share_declines *l);
int svc_share_declines(struct service *svc, const struct actor *a, long long meeting,
		       struct share_declines *out, struct svc_result *r);

#endif
