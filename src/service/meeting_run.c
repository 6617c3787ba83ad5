/* meeting_run.c - running meetings, participants and calendar feeds
 * (service/meeting_run.h has the rules). */
#include "service/meeting_run.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/audit.h"
#include "service/crypto.h"
#include "service/guard.h"
#include "service/meeting.h"
#include "service/team.h"
#include "service/evaluation.h"
#include "service/service_internal.h"
#include "store/meeting_store.h"
#include "store/user_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- helpers -------------------------------------------------------------- */

/* A meeting being changed (agenda, attendance, minutes): the
 * organisation, the meeting and its body. */
struct run {
	struct org org;
	struct meeting m;
	const struct org_body *b;
};

/* Starts call c (log action) on meeting id: the role may run meetings at
 * all, the meeting and its body are loaded into x inside the call, and
 * the body rule (domain/authz.c: ACT_MEETING_RUN) decides on them.
 * Release x also on failure; on -1 the call is over. */
static int run_load(struct svc_call *c, struct service *svc, const struct actor *a, long long id,
		    const char *action, struct run *x, struct svc_result *r)
{
	memset(x, 0, sizeof(*x));
	org_init(&x->org);
	char object[24];
	snprintf(object, sizeof(object), "%lld", id);
	if (svc_begin(c, svc, a, ACT_MEETING_RUN, NULL,
		      (struct svc_entry){.action = action, .object = object}, r) < 0)
		return -1;
	if (svc_load_org(svc, &x->org, r) < 0 || svc_get_meeting(svc, id, &x->m, r) < 0)
		return svc_abort(c);
	svc_call_object(c, "%s", x->m.uid);
	x->b = org_find_body(&x->org, x->m.body);
	if (!x->b) {
		svc_fail(r, SVC_NOT_FOUND, "id",
			 _("mødets forum »%s« findes ikke længere i strategien"), x->m.body);
		return svc_abort(c);
	}
	struct authz_facts facts = {0};
	if (svc_body_facts(svc, a, x->b, &facts, r) < 0)
		return svc_abort(c);
	return svc_authorize(c, &facts);
}

static void run_release(struct run *x)
{
	meeting_release(&x->m);
	org_release(&x->org);
}

/* The free-text fields of a running meeting (domain/text_policy.h). */
static const struct text_field agenda_field = {.id = "agenda",
					       .label = N_("Dagsordenen"),
					       .shape = TEXT_LINES,
					       .max = AGENDA_ITEMS_MAX * (AGENDA_ITEM_MAX + 1)};
static const struct text_field minutes_field = {
    .id = "minutes", .label = N_("Referatet"), .shape = TEXT_LINES, .max = MINUTES_MAX};
static const struct text_field guest_name_field = {.id = "guest_name",
						   .label = N_("Gæstens navn"),
						   .shape = TEXT_LINE,
						   .max = GUEST_FIELD_MAX,
						   .required = true};
static const struct text_field guest_org_field = {.id = "guest_org",
						  .label = N_("Gæstens organisation"),
						  .shape = TEXT_LINE,
						  .max = GUEST_FIELD_MAX};

/* The gate before a meeting's free text is stored: the text policy. A
 * CPR-like number where it does not belong sets *refused, so the call is
 * logged "refused" (svc_abort_refused). *out gets the normalised text. */
static int text_gate(const struct run *x, const struct text_field *f, const char *text,
		     struct strbuf *out, bool *refused, struct svc_result *r)
{
	struct text_verdict v;
	if (text_check(f, text, x->b->named_individuals, out, &v) == TEXT_OK)
		return 0;
	struct strbuf msg = STRBUF_INIT;
	text_explain(f, &v, x->b->name, &msg);
	svc_fail(r, SVC_INVALID, f->id, "%s", msg.buf);
	strbuf_release(&msg);
	if (v.fault == TEXT_CPR)
		*refused = true;
	return -1;
}

/* ---- the meeting's page ---------------------------------------------------- */

void meeting_view_release(struct meeting_view *v)
{
	meeting_release(&v->m);
	strlist_clear(&v->agenda);
	strlist_clear(&v->offered);
	person_list_release(&v->participants);
	person_list_release(&v->attendance);
	minutes_release(&v->minutes);
	memset(v, 0, sizeof(*v));
}

void meeting_proposed_agenda(const struct org_body *b, const struct meeting *m, struct strlist *out)
{
	if (m->theme) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, b->wheel_themes.nr ? _("Årshjulets tema: %s") : _("Tema: %s"),
			    m->theme);
		strlist_add_owned(out, strbuf_detach(&sb));
	}
	for (size_t i = 0; i < m->agenda.nr; i++)
		strlist_add(out, m->agenda.v[i]);
	for (size_t i = 0; i < b->tasks.nr; i++)
		strlist_add(out, b->tasks.v[i]);
}

/* The read of what may name young people (the stored agenda or the
 * minutes of a body where they are discussed), as one call: decided by
 * ACT_MINUTES_VIEW on facts and logged before the text leaves the
 * service. -1 with r set: the caller drops the text. */
static int log_read(struct service *svc, const struct actor *a, const struct authz_facts *facts,
		    const char *action, const char *uid, struct svc_result *r)
{
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_MINUTES_VIEW, facts,
		      (struct svc_entry){.action = action, .object = uid}, r) < 0)
		return -1;
	return svc_commit(&c);
}

int svc_meeting_view(struct service *svc, const struct actor *a, long long id, struct org *org,
		     struct meeting_view *out, struct svc_result *r)
{
	memset(out, 0, sizeof(*out));
	if (!svc_allowed(svc, a, ACT_MEETING_VIEW, r))
		return -1;
	if (svc_load_org(svc, org, r) < 0 || svc_get_meeting(svc, id, &out->m, r) < 0)
		return -1;
	const struct org_body *b = org_find_body(org, out->m.body);
	if (!b)
		return svc_fail(r, SVC_NOT_FOUND, "id",
				_("mødets forum »%s« findes ikke længere i strategien"),
				out->m.body);
	out->body = b;
	struct authz_facts facts = {0};
	if (svc_body_facts(svc, a, b, &facts, r) < 0)
		return -1;
	/* the capabilities the page needs, decided here (domain/authz.c) */
	out->can_plan = svc_decide(svc, a, ACT_MEETING_PLAN, &facts).allow;
	out->can_run = svc_decide(svc, a, ACT_MEETING_RUN, &facts).allow;
	/* the agenda of a body where named young people are discussed may
	 * name them (no CPR check there): the minutes' rule applies to it */
	out->minutes_visible = svc_decide(svc, a, ACT_MINUTES_VIEW, &facts).allow;
	out->agenda_visible = out->minutes_visible;
	char *err = NULL;
	if (store_participants_load(svc->store, b->id, &out->participants, &err) < 0 ||
	    store_attendance_load(svc->store, id, &out->attendance, &err) < 0 ||
	    store_agenda_load(svc->store, id, &out->agenda, &out->agenda_stored, &err) < 0)
		return svc_store_fail(r, err);
	if (out->agenda_visible && svc_team_hotspot_items(svc, a, &out->m, &out->offered, r) < 0)
		return -1;
	if (!out->agenda_visible) {
		strlist_clear(&out->agenda);
	} else if (!out->agenda_stored) {
		meeting_proposed_agenda(b, &out->m, &out->agenda);
		for (size_t i = 0; i < out->offered.nr; i++)
			strlist_add(&out->agenda, out->offered.v[i]);
		strlist_clear(&out->offered);
		/* the focus areas in force that this body carries (issue 13) */
		if (svc_focus_agenda_lines(svc, b->id, cal_date(out->m.day).y, &out->agenda, r) < 0)
			return -1;
	} else if (b->named_individuals && out->agenda.nr &&
		   log_read(svc, a, &facts, "meeting.agenda.view", out->m.uid, r) < 0) {
		strlist_clear(&out->agenda);
		return -1;
	}
	/* offered items already on the stored agenda are not offered again */
	size_t k = 0;
	for (size_t i = 0; i < out->offered.nr; i++) {
		bool there = false;
		for (size_t j = 0; j < out->agenda.nr && !there; j++)
			there = !strcmp(out->agenda.v[j], out->offered.v[i]);
		if (there)
			free(out->offered.v[i]);
		else
			out->offered.v[k++] = out->offered.v[i];
	}
	out->offered.nr = k;
	/* the attendance of such a body names who came about a young person
	 * ("Mor til ..."): the minutes' rule applies to it too */
	out->attendance_visible = out->minutes_visible;
	if (!out->attendance_visible) {
		person_list_release(&out->attendance);
	} else if (b->named_individuals && out->attendance.nr &&
		   log_read(svc, a, &facts, "meeting.attendance.view", out->m.uid, r) < 0) {
		person_list_release(&out->attendance);
		return -1;
	}
	if (out->minutes_visible) {
		if (store_minutes_load(svc->store, id, &out->minutes, &err) < 0)
			return svc_store_fail(r, err);
		/* minutes of a § 115-møde may name young people: reading them is
		 * an access to personal data */
		if (b->named_individuals && out->minutes.text &&
		    log_read(svc, a, &facts, "meeting.minutes.view", out->m.uid, r) < 0) {
			minutes_release(&out->minutes);
			return -1;
		}
	}
	return 0;
}

/* Splits text into its trimmed, non-empty lines. */
static void split_items(const char *text, struct strlist *out)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		const char *s = text, *e = text + n;
		while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (e > s)
			strlist_add_owned(out, xstrndup(s, (size_t)(e - s)));
		text += n + (text[n] ? 1 : 0);
	}
}

int svc_meeting_agenda_save(struct service *svc, const struct actor *a, long long id,
			    const char *text, struct svc_result *r)
{
	SVC_CALL(c);
	struct run x;
	struct strlist items = STRLIST_INIT;
	struct strbuf clean = STRBUF_INIT;
	int ret = -1;
	bool refused = false;
	if (run_load(&c, svc, a, id, "meeting.agenda", &x, r) < 0)
		goto out;
	if (text_gate(&x, &agenda_field, text, &clean, &refused, r) < 0)
		goto out;
	split_items(clean.buf, &items);
	if (items.nr > AGENDA_ITEMS_MAX) {
		svc_fail(r, SVC_INVALID, "agenda", _("dagsordenen kan højst have %d punkter"),
			 AGENDA_ITEMS_MAX);
		goto out;
	}
	for (size_t i = 0; i < items.nr; i++) {
		if (strlen(items.v[i]) > AGENDA_ITEM_MAX) {
			svc_fail(r, SVC_INVALID, "agenda",
				 _("punkt %zu på dagsordenen er for langt (højst %d tegn)"), i + 1,
				 AGENDA_ITEM_MAX);
			goto out;
		}
	}
	char *err = NULL;
	if (store_agenda_save(svc->store, id, &items, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	strlist_clear(&items);
	strbuf_release(&clean);
	run_release(&x);
	if (ret == 0)
		return svc_commit(&c);
	return refused ? svc_abort_refused(&c) : svc_abort(&c);
}

static bool has_user(const struct person_list *l, long long id)
{
	for (size_t i = 0; i < l->nr; i++)
		if (l->v[i].user_id == id)
			return true;
	return false;
}

int svc_meeting_attendance_save(struct service *svc, const struct actor *a, long long id,
				const struct person_list *att, struct svc_result *r)
{
	SVC_CALL(c);
	struct run x;
	struct person_list known = {0}, before = {0}, clean = {0};
	struct strbuf field = STRBUF_INIT;
	int ret = -1;
	bool refused = false;
	char *err = NULL;
	if (run_load(&c, svc, a, id, "meeting.attendance", &x, r) < 0)
		goto out;
	if (store_participants_load(svc->store, x.b->id, &known, &err) < 0 ||
	    store_attendance_load(svc->store, id, &before, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	size_t guests = 0;
	for (size_t i = 0; i < att->nr; i++) {
		const struct person *p = &att->v[i];
		if (p->user_id) {
			if (!has_user(&known, p->user_id) && !has_user(&before, p->user_id)) {
				svc_fail(r, SVC_INVALID, "attendance",
					 _("bruger %lld deltager ikke i %s"), p->user_id,
					 x.b->name);
				goto out;
			}
			for (size_t k = 0; k < i; k++)
				if (att->v[k].user_id == p->user_id) {
					svc_fail(r, SVC_INVALID, "attendance",
						 _("en deltager står to gange"));
					goto out;
				}
			continue;
		}
		guests++;
		if (!p->name || !*p->name) {
			svc_fail(r, SVC_INVALID, "guest_name", _("skriv gæstens navn"));
			goto out;
		}
	}
	/* guests' names and organisations through the text policy, into a
	 * normalised copy of the list */
	for (size_t i = 0; i < att->nr; i++) {
		const struct person *p = &att->v[i];
		struct person *q = person_list_add(&clean);
		q->user_id = p->user_id;
		q->present = p->present;
		q->role = p->role;
		q->username = p->username ? xstrdup(p->username) : NULL;
		if (p->user_id) {
			q->name = p->name ? xstrdup(p->name) : NULL;
			q->org = p->org ? xstrdup(p->org) : NULL;
			continue;
		}
		if (text_gate(&x, &guest_name_field, p->name, &field, &refused, r) < 0)
			goto out;
		q->name = xstrdup(field.buf);
		if (text_gate(&x, &guest_org_field, p->org ? p->org : "", &field, &refused, r) < 0)
			goto out;
		q->org = field.len ? xstrdup(field.buf) : NULL;
	}
	if (guests > GUESTS_MAX) {
		svc_fail(r, SVC_INVALID, "guest_name", _("et møde kan højst have %d gæster"),
			 GUESTS_MAX);
		goto out;
	}
	if (store_attendance_save(svc->store, id, &clean, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	person_list_release(&known);
	person_list_release(&before);
	person_list_release(&clean);
	strbuf_release(&field);
	run_release(&x);
	if (ret == 0)
		return svc_commit(&c);
	return refused ? svc_abort_refused(&c) : svc_abort(&c);
}

int svc_meeting_minutes_save(struct service *svc, const struct actor *a, long long id,
			     const char *text, struct svc_result *r)
{
	SVC_CALL(c);
	struct run x;
	struct strbuf norm = STRBUF_INIT;
	int ret = -1;
	bool refused = false;
	if (run_load(&c, svc, a, id, "meeting.minutes", &x, r) < 0)
		goto out;
	/* browsers send CRLF from a textarea: the policy stores LF */
	if (text_gate(&x, &minutes_field, text, &norm, &refused, r) < 0)
		goto out;
	char *err = NULL;
	if (store_minutes_save(svc->store, id, norm.buf, a->username, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	strbuf_release(&norm);
	run_release(&x);
	if (ret == 0)
		return svc_commit(&c);
	return refused ? svc_abort_refused(&c) : svc_abort(&c);
}

/* ---- participants ---------------------------------------------------------- */

static int find_body(struct service *svc, const char *body, struct org *org,
		     const struct org_body **b, struct svc_result *r)
{
	if (svc_load_org(svc, org, r) < 0)
		return -1;
	*b = body ? org_find_body(org, body) : NULL;
	if (!*b)
		return svc_fail(r, SVC_NOT_FOUND, "body", _("organet »%s« findes ikke"),
				body ? body : "");
	return 0;
}

int svc_participants(struct service *svc, const struct actor *a, const char *body,
		     struct person_list *out, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_ORG_VIEW, r))
		return -1;
	struct org org;
	org_init(&org);
	const struct org_body *b;
	int ret = find_body(svc, body, &org, &b, r);
	char *err = NULL;
	if (ret == 0 && store_participants_load(svc->store, b->id, out, &err) < 0)
		ret = svc_store_fail(r, err);
	org_release(&org);
	return ret;
}

static int participant_change(struct service *svc, const struct actor *a, const char *body,
			      const char *username, bool add, bool *changed, struct svc_result *r)
{
	*changed = false;
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_USER_ADMIN, NULL,
		      (struct svc_entry){.action = add ? "participant.add" : "participant.remove",
					 .object = body},
		      r) < 0)
		return -1;
	struct org org;
	org_init(&org);
	const struct org_body *b;
	struct user_row u;
	memset(&u, 0, sizeof(u));
	int ret = -1;
	bool did = false;
	if (find_body(svc, body, &org, &b, r) < 0 || svc_user_by_name(svc, username, &u, r) < 0)
		goto out;
	if (add && u.info.disabled) {
		svc_fail(r, SVC_CONFLICT, "username", _("Brugeren »%s« er deaktiveret."),
			 u.info.username);
		goto out;
	}
	svc_call_object(&c, "%s %s", b->id, u.info.username);
	char *err = NULL;
	int rc = add ? store_participant_add(svc->store, b->id, u.info.id, &err)
		     : store_participant_remove(svc->store, b->id, u.info.id, &err);
	if (rc < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	did = rc == 0;
	ret = 0;
out:
	user_row_release(&u);
	org_release(&org);
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	*changed = ret == 0 && did;
	return ret;
}

int svc_participant_add(struct service *svc, const struct actor *a, const char *body,
			const char *username, bool *changed, struct svc_result *r)
{
	return participant_change(svc, a, body, username, true, changed, r);
}

int svc_participant_remove(struct service *svc, const struct actor *a, const char *body,
			   const char *username, bool *changed, struct svc_result *r)
{
	return participant_change(svc, a, body, username, false, changed, r);
}

/* ---- meetings of several years --------------------------------------------- */

static bool in_list(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->nr; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

/* Appends the meetings of year (the stored plan, or the computed one when
 * nothing of the year is stored) whose body is in bodies (NULL: all) and
 * that fall on or after from. A year the strategy cannot be planned for
 * adds nothing: a calendar feed shows what there is. */
static int year_meetings(struct service *svc, const struct org *org, int year,
			 const struct strlist *bodies, long from, struct meeting_list *out,
			 struct svc_result *r)
{
	if (year < PLAN_YEAR_MIN || year > PLAN_YEAR_MAX)
		return 0;
	struct meeting_list l = MEETING_LIST_INIT;
	char *err = NULL;
	int n = 0;
	if (store_meetings_count(svc->store, year, &n, &err) < 0 ||
	    (n && store_meetings_load(svc->store, year, NULL, &l, &err) < 0)) {
		meeting_list_release(&l);
		return svc_store_fail(r, err);
	}
	if (!n && plan_year(org, year, NULL, &l, &err) < 0)
		free(err);
	for (size_t i = 0; i < l.nr; i++) {
		const struct meeting *m = &l.v[i];
		if ((bodies && !in_list(bodies, m->body)) || m->day < from)
			continue;
		meeting_copy(meeting_list_add(out), m);
	}
	meeting_list_release(&l);
	return 0;
}

int svc_my_meetings(struct service *svc, const struct actor *a, size_t max, struct org *org,
		    struct meeting_list *out, size_t *bodies_nr, struct svc_result *r)
{
	*bodies_nr = 0;
	if (!svc_allowed(svc, a, ACT_HOME_VIEW, r))
		return -1;
	if (svc_load_org(svc, org, r) < 0)
		return -1;
	struct strlist bodies = STRLIST_INIT;
	char *err = NULL;
	if (a->user_id && store_participant_bodies(svc->store, a->user_id, &bodies, &err) < 0) {
		strlist_clear(&bodies);
		return svc_store_fail(r, err);
	}
	*bodies_nr = bodies.nr;
	int ret = 0;
	long today = svc_today();
	int year = cal_date(today).y;
	for (int y = year; bodies.nr && y <= year + 1 && out->nr < max && ret == 0; y++)
		ret = year_meetings(svc, org, y, &bodies, today, out, r);
	strlist_clear(&bodies);
	meeting_list_sort(out);
	while (out->nr > max)
		meeting_release(&out->v[--out->nr]);
	return ret;
}

/* Last year, this year and next year. */
static int three_years(struct service *svc, const struct org *org, const struct strlist *bodies,
		       struct meeting_list *out, struct svc_result *r)
{
	int year = cal_date(svc_today()).y;
	for (int y = year - 1; y <= year + 1; y++)
		if (year_meetings(svc, org, y, bodies, CAL_NO_DAY, out, r) < 0)
			return -1;
	meeting_list_sort(out);
	return 0;
}

int svc_calendar_body(struct service *svc, const struct actor *a, const char *body, struct org *org,
		      struct meeting_list *out, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_MEETING_VIEW, r))
		return -1;
	if (svc_load_org(svc, org, r) < 0)
		return -1;
	if (body && !org_find_body(org, body))
		return svc_fail(r, SVC_NOT_FOUND, "body", _("organet »%s« findes ikke"), body);
	struct strlist only = STRLIST_INIT;
	if (body)
		strlist_add(&only, body);
	int ret = three_years(svc, org, body ? &only : NULL, out, r);
	strlist_clear(&only);
	return ret;
}

/* ---- private calendar addresses --------------------------------------------- */

static int token_hash(const char *token, unsigned char out[32])
{
	size_t n = token ? strlen(token) : 0;
	if (n != AUTH_SECRET_LEN)
		return -1;
	crypto_generichash(out, 32, (const unsigned char *)token, n, NULL, 0);
	return 0;
}

/* Starts call c (log action) about the user a calendar-token call is
 * about: username (someone else: ACT_USER_ADMIN) or the actor
 * (ACT_PROFILE), loaded into *u inside the call. Release *u also on
 * failure; on -1 the call is over. */
static int token_user(struct svc_call *c, struct service *svc, const struct actor *a,
		      const char *username, const char *action, struct user_row *u,
		      struct svc_result *r)
{
	memset(u, 0, sizeof(*u));
	bool other = username && (a->cli || strcmp(username, a->username) != 0);
	if (svc_begin(
		c, svc, a, other ? ACT_USER_ADMIN : ACT_PROFILE, NULL,
		(struct svc_entry){.action = action, .object = other ? username : a->username},
		r) < 0)
		return -1;
	if (other)
		return svc_user_by_name(svc, username, u, r) < 0 ? svc_abort(c) : 0;
	if (!a->user_id) {
		svc_fail(r, SVC_INVALID, NULL, "%s",
			 _("Kun en bruger kan have en kalenderadresse; angiv brugeren."));
		return svc_abort(c);
	}
	return svc_user_by_id(svc, a->user_id, u, r) < 0 ? svc_abort(c) : 0;
}

int svc_caltoken_create(struct service *svc, const struct actor *a, const char *username,
			char *token_out, struct svc_result *r)
{
	token_out[0] = '\0';
	SVC_CALL(c);
	struct user_row u;
	if (token_user(&c, svc, a, username, "calendar.token.create", &u, r) < 0) {
		user_row_release(&u);
		return -1;
	}
	int ret = -1;
	if (u.info.disabled) {
		svc_fail(r, SVC_CONFLICT, "username", _("Brugeren »%s« er deaktiveret."),
			 u.info.username);
		goto out;
	}
	unsigned char h[32];
	svc_random_token(token_out);
	token_hash(token_out, h);
	char *err = NULL;
	if (store_caltoken_replace(svc->store, h, u.info.id, &err) < 0) {
		sodium_memzero(token_out, AUTH_SECRET_LEN + 1);
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	user_row_release(&u);
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		sodium_memzero(token_out, AUTH_SECRET_LEN + 1);
	return ret;
}

int svc_caltoken_revoke(struct service *svc, const struct actor *a, const char *username,
			int *count, struct svc_result *r)
{
	*count = 0;
	SVC_CALL(c);
	struct user_row u;
	if (token_user(&c, svc, a, username, "calendar.token.revoke", &u, r) < 0) {
		user_row_release(&u);
		return -1;
	}
	int ret = -1;
	char *err = NULL;
	if (store_caltoken_revoke_user(svc->store, u.info.id, count, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	ret = 0;
out:
	user_row_release(&u);
	ret = ret == 0 ? svc_commit(&c) : svc_abort(&c);
	if (ret < 0)
		*count = 0;
	return ret;
}

int svc_caltoken_status(struct service *svc, const struct actor *a, char **created_at,
			struct svc_result *r)
{
	*created_at = NULL;
	if (!svc_allowed(svc, a, ACT_PROFILE, r))
		return -1;
	if (!a->user_id)
		return 0;
	char *err = NULL;
	if (store_caltoken_live(svc->store, a->user_id, created_at, &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

int svc_calendar_feed(struct service *svc, const char *token, const char *client, struct org *org,
		      struct meeting_list *out, char **owner, struct svc_result *r)
{
	*owner = NULL;
	unsigned char h[32];
	long long uid = 0;
	char *err = NULL;
	int rc = token_hash(token, h) < 0 ? 1 : store_caltoken_find(svc->store, h, &uid, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	struct user_row u;
	memset(&u, 0, sizeof(u));
	if (rc == 0 && (rc = store_user_by_id(svc->store, uid, &u, &err)) < 0)
		return svc_store_fail(r, err);
	struct actor a;
	memset(&a, 0, sizeof(a));
	if (rc == 0)
		svc_actor_of(&a, &u.info, client);
	if (rc == 1 || u.info.disabled || !svc_decide(svc, &a, ACT_MEETING_VIEW, NULL).allow) {
		user_row_release(&u);
		if (svc_anon_failure(svc, client, "calendar.feed", r))
			return -1;
		return svc_fail(r, SVC_NOT_FOUND, NULL,
				_("Der findes ingen side med den adresse."));
	}
	struct strlist bodies = STRLIST_INIT;
	int ret = -1;
	if (svc_log(svc, &a, &(struct svc_entry){.action = "calendar.feed", .object = NULL}, "ok",
		    r) < 0 ||
	    svc_load_org(svc, org, r) < 0)
		goto out;
	if (store_participant_bodies(svc->store, a.user_id, &bodies, &err) < 0) {
		svc_store_fail(r, err);
		goto out;
	}
	if (bodies.nr && three_years(svc, org, &bodies, out, r) < 0)
		goto out;
	*owner = xstrdup(u.info.name ? u.info.name : u.info.username);
	ret = 0;
out:
	strlist_clear(&bodies);
	user_row_release(&u);
	return ret;
}
