#include "domain/authz.h"

#include <string.h>

#include "util/i18n.h"
#include "util/banned.h"

static const char *const role_ids[ROLE__COUNT] = {"admin",          "ssp",       "politi",
						  "boern-familier", "ungeenhed", "kontaktperson",
						  "styregruppe",    "revisor"};

static const char *const role_labels[ROLE__COUNT] = {
    N_("Administrator"),   N_("SSP-team"),
    N_("Politi"),          N_("Børn og Familier"),
    N_("Ungeenheden"),     N_("SSP-kontaktperson"),
    N_("SSP-styregruppe"), N_("Revisor (databeskyttelsesrådgiver)")};

static const char *const action_ids[ACT__COUNT] = {"home.view",
						   "profile",
						   "org.view",
						   "user.admin",
						   "audit.view",
						   "meeting.view",
						   "meeting.plan",
						   "compliance.view",
						   "meeting.run",
						   [ACT_SCHOOL_VIEW] = "school.view",
						   [ACT_SCHOOL_ADMIN] = "school.admin",
						   [ACT_LAESEPLAN_EDIT] = "laeseplan.edit",
						   [ACT_THEME_DAY_RECORD] = "themeday.record",
						   [ACT_OFFER_VIEW] = "offer.view",
						   [ACT_OFFER_EDIT] = "offer.edit",
						   [ACT_EVENT_VIEW] = "event.view",
						   [ACT_EVENT_REGISTER] = "event.register",
						   [ACT_EVENT_EDIT] = "event.edit",
						   [ACT_NOTE_VIEW] = "note.view",
						   [ACT_NOTE_WRITE] = "note.write",
						   [ACT_ADVICE_RECORD] = "advice.record",
						   [ACT_ADVICE_VIEW] = "advice.view",
						   [ACT_MINUTES_VIEW] = "meeting.minutes.view",
						   [ACT_KEY_ADMIN] = "key.admin",
						   [ACT_STRATEGY_APPLY] = "strategy.apply",
						   [ACT_PERSON_ADD] = "person.add",
						   [ACT_CPR_REVEAL] = "person.cpr.reveal",
						   [ACT_HANDOVER_ADD] = "handover.add",
						   [ACT_HANDOVER_VIEW] = "handover.view",
						   [ACT_REFERRAL_ADD] = "referral.add",
						   [ACT_REFERRAL_VIEW] = "referral.view",
						   [ACT_REFERRAL_SCREEN] = "referral.screen",
						   [ACT_CONCERN_VIEW] = "concern.view",
						   [ACT_CONCERN_DECIDE] = "concern.decide",
						   [ACT_CONCERN_UPDATE] = "concern.update",
						   [ACT_CONCERN_STATS] = "concern.stats",
						   [ACT_DATA_VIEW] = "data.view",
						   [ACT_DATA_IMPORT] = "data.import",
						   [ACT_SHARE_DECLINE] = "share.decline",
						   [ACT_INDSIGT_VIEW] = "indsigt.view",
						   [ACT_INDSIGT_REQUEST] = "indsigt.request",
						   [ACT_RETENTION_PURGE] = "retention.purge",
						   [ACT_FOCUS_VIEW] = "focus.view",
						   [ACT_FOCUS_EDIT] = "focus.edit",
						   [ACT_TREND_TAG] = "trend.tag",
						   [ACT_TREND_VIEW] = "trend.view",
						   [ACT_EVALUATION_VIEW] = "evaluation.view",
						   [ACT_BACKUP_CREATE] = "backup.create",
						   [ACT_BACKUP_RESTORE] = "backup.restore"};

#define ALL  ((1u << ROLE__COUNT) - 1)
#define R(r) (1u << (r))
/* The participants of the § 115-møde (domain.md section 3). */
#define P115 (R(ROLE_SSP) | R(ROLE_POLICE) | R(ROLE_CHILD_FAMILY) | R(ROLE_YOUTH_UNIT))

/* The table: for each action, the roles that may perform it. */
static const unsigned allowed[ACT__COUNT] = {
    [ACT_HOME_VIEW] = ALL,
    [ACT_PROFILE] = ALL,
    [ACT_ORG_VIEW] = ALL,
    [ACT_USER_ADMIN] = R(ROLE_ADMIN),
    [ACT_AUDIT_VIEW] = R(ROLE_AUDITOR),
    /* meetings hold no personal data: dates, bodies, themes */
    [ACT_MEETING_VIEW] = ALL,
    [ACT_MEETING_PLAN] = R(ROLE_ADMIN) | R(ROLE_SSP),
    [ACT_COMPLIANCE_VIEW] = R(ROLE_ADMIN) | R(ROLE_SSP) | R(ROLE_STEERING) | R(ROLE_AUDITOR),
    /* the people who sit in the meetings: the SSP-team runs district and
     * hotspot meetings, the police the § 115-møde, Børn og Familier and the
     * Ungeenhed take part in both; the steering group runs its own meetings
     * (service/meeting_run.c: only bodies it takes part in, never one where
     * named young people are discussed) */
    [ACT_MEETING_RUN] =
	R(ROLE_SSP) | R(ROLE_POLICE) | R(ROLE_CHILD_FAMILY) | R(ROLE_YOUTH_UNIT) | R(ROLE_STEERING),
    /* the school network: institutions and their contact persons are the
     * network's address book, useful to every partner; nothing about young
     * people. A contact person edits only their own institution's læseplan
     * (service/school_service.c); the SSP-team, which maintains the
     * network, edits every one and records the theme day. */
    [ACT_SCHOOL_VIEW] = ALL,
    [ACT_SCHOOL_ADMIN] = R(ROLE_ADMIN),
    [ACT_LAESEPLAN_EDIT] = R(ROLE_SSP) | R(ROLE_CONTACT),
    [ACT_THEME_DAY_RECORD] = R(ROLE_SSP),
    /* the data behind the strategy: aggregates with small counts hidden,
     * for those who choose focus areas from them by the strategy: the
     * steering group, the SSP-team that prepares them, and the Lokalråd.
     * The Lokalråd has no role of its own: its municipal members (the
     * chefs) sign in as styregruppe, its police leadership as politi, so
     * politi is here for the Lokalråd (the police figures are the
     * police's own). The SSP-team imports the files. */
    [ACT_DATA_VIEW] = R(ROLE_SSP) | R(ROLE_STEERING) | R(ROLE_POLICE),
    [ACT_DATA_IMPORT] = R(ROLE_SSP),
    /* § 115, stk. 4: no participant is obliged to share; who declines on
     * an item is recorded (who, not what) */
    [ACT_SHARE_DECLINE] = P115,
    /* focus areas, trend tags and the evaluation (issue 13): no personal
     * data. The focus areas show on the agendas of the bodies that carry
     * them, so everyone reads them; the steering group records them, with
     * the SSP-team that prepares its meetings. Those who write the general
     * minutes of district and hotspot meetings tag them; the steering group
     * and the Lokalråd (styregruppe and politi, as for the figures) see the
     * counts, as does the SSP-team. The evaluation reads compliance and the
     * concern statistics too: the roles that may read both. */
    [ACT_FOCUS_VIEW] = ALL,
    [ACT_FOCUS_EDIT] = R(ROLE_SSP) | R(ROLE_STEERING),
    [ACT_TREND_TAG] = P115,
    [ACT_TREND_VIEW] = R(ROLE_SSP) | R(ROLE_STEERING) | R(ROLE_POLICE),
    [ACT_EVALUATION_VIEW] = R(ROLE_SSP) | R(ROLE_STEERING),
    /* everyone who sees the meeting reads minutes that hold trends, places
     * and unnamed groups; where named young people are discussed, only who
     * may run the meeting (need[] below) */
    [ACT_MINUTES_VIEW] = ALL,
    /* instance administration, done on the command line today (the local
     * operator passes every check); the rows say who could, given a door */
    [ACT_KEY_ADMIN] = R(ROLE_ADMIN),
    [ACT_STRATEGY_APPLY] = R(ROLE_ADMIN),
    /* the SSP-team's daily work: the help landscape and the courses and
     * events hold nothing about young people; everyone signed in reads
     * them and signs themselves up, the SSP-team maintains them */
    [ACT_OFFER_VIEW] = ALL,
    [ACT_OFFER_EDIT] = R(ROLE_SSP),
    [ACT_EVENT_VIEW] = ALL,
    [ACT_EVENT_REGISTER] = ALL,
    [ACT_EVENT_EDIT] = R(ROLE_SSP),
    /* knowledge notes: general knowledge (research, law, local trends in
     * general terms) from the SSP-team to the network */
    [ACT_NOTE_VIEW] = ALL,
    [ACT_NOTE_WRITE] = R(ROLE_SSP),
    /* advice given, without names: the SSP-team records it; the counts
     * feed the evaluation of the steering group */
    [ACT_ADVICE_RECORD] = R(ROLE_SSP),
    [ACT_ADVICE_VIEW] = R(ROLE_SSP) | R(ROLE_STEERING),
    /* The individual case flow (issue 9). The participants of the § 115
     * meetings see the concerns; a contact person registers and refers the
     * pupils of their own institution and sees the status of their own
     * referrals, never the meeting's content; the steering group sees
     * counts only; admin and revisor see no case (the auditor reads the
     * access log). The police bring the hand-over list; the SSP-team
     * screens referrals. */
    [ACT_PERSON_ADD] = P115 | R(ROLE_CONTACT),
    [ACT_CPR_REVEAL] = P115,
    [ACT_HANDOVER_ADD] = R(ROLE_POLICE),
    [ACT_HANDOVER_VIEW] = P115,
    [ACT_REFERRAL_ADD] = R(ROLE_SSP) | R(ROLE_CONTACT),
    [ACT_REFERRAL_VIEW] = P115 | R(ROLE_CONTACT),
    [ACT_REFERRAL_SCREEN] = R(ROLE_SSP),
    [ACT_CONCERN_VIEW] = P115,
    [ACT_CONCERN_DECIDE] = P115,
    [ACT_CONCERN_UPDATE] = P115,
    [ACT_CONCERN_STATS] = P115 | R(ROLE_STEERING),
    /* The right of access (issue 12): the data protection officer
     * (revisor) answers a person's request for everything held about
     * them and records restrictions; no case participant does, because
     * the answer spans every case and every colleague's reads (the access
     * log), beyond any one participant's need to know; admin sees no
     * personal data. The local operator may, as always. */
    [ACT_INDSIGT_VIEW] = R(ROLE_AUDITOR),
    [ACT_INDSIGT_REQUEST] = R(ROLE_AUDITOR),
    /* the purge deletes by the strategy's rules, reads nothing: instance
     * administration (the command line, and the server's daily run as the
     * local operator) */
    [ACT_RETENTION_PURGE] = R(ROLE_ADMIN),
    /* backups copy everything and restores replace it: instance
     * administration on the machine itself (the local operator) */
    [ACT_BACKUP_CREATE] = R(ROLE_ADMIN),
    [ACT_BACKUP_RESTORE] = R(ROLE_ADMIN),
};

/* The rules beyond the table, per action (authz.h, enum authz_need). */
static const unsigned need[ACT__COUNT] = {
    [ACT_MEETING_RUN] = AUTHZ_NEED_BODY,
    [ACT_MINUTES_VIEW] = AUTHZ_NEED_BODY_IF_NAMED,
    [ACT_LAESEPLAN_EDIT] = AUTHZ_NEED_OWN_INSTITUTION,
    /* the case flow: hand-overs and decisions belong to a meeting (body
     * rule); a contact person acts for their own institution; a referral
     * is read by its creator or the meeting's participants (owner rule:
     * the service sets actor_in_record for the § 115 roles) */
    [ACT_HANDOVER_ADD] = AUTHZ_NEED_BODY,
    [ACT_HANDOVER_VIEW] = AUTHZ_NEED_BODY,
    [ACT_CONCERN_DECIDE] = AUTHZ_NEED_BODY,
    [ACT_PERSON_ADD] = AUTHZ_NEED_OWN_INSTITUTION,
    [ACT_REFERRAL_ADD] = AUTHZ_NEED_OWN_INSTITUTION,
    [ACT_REFERRAL_VIEW] = AUTHZ_NEED_OWNER,
    [ACT_SHARE_DECLINE] = AUTHZ_NEED_BODY,
    /* tagging the minutes follows writing them (ACT_MEETING_RUN) */
    [ACT_TREND_TAG] = AUTHZ_NEED_BODY,
};

static const char *const reason_ids[AUTHZ_REASON__COUNT] = {
    [AUTHZ_OK] = "ok",
    [AUTHZ_OK_OPERATOR] = "operator",
    [AUTHZ_DENY_ROLE] = "role",
    [AUTHZ_DENY_NAMED_BODY] = "named-body",
    [AUTHZ_DENY_NOT_PARTICIPANT] = "not-participant",
    [AUTHZ_DENY_OTHER_INSTITUTION] = "other-institution",
    [AUTHZ_DENY_OTHER_ORG] = "other-org",
    [AUTHZ_DENY_NOT_OWNER] = "not-owner",
};

static const char *const reason_texts[AUTHZ_REASON__COUNT] = {
    [AUTHZ_OK] = N_("Tilladt."),
    [AUTHZ_OK_OPERATOR] = N_("Tilladt (lokal operatør)."),
    [AUTHZ_DENY_ROLE] = N_("Din rolle giver ikke adgang til dette."),
    [AUTHZ_DENY_NAMED_BODY] = N_("I dette forum drøftes navngivne unge, og din rolle ser ikke "
				 "personoplysninger."),
    [AUTHZ_DENY_NOT_PARTICIPANT] = N_("Du deltager ikke i dette forum og kan derfor ikke føre "
				      "dets møder."),
    [AUTHZ_DENY_OTHER_INSTITUTION] = N_("Du kan kun rette læseplanen for din egen institution."),
    [AUTHZ_DENY_OTHER_ORG] = N_("Oplysningen tilhører en anden organisation."),
    [AUTHZ_DENY_NOT_OWNER] = N_("Kun sagens ejer og dens deltagere har adgang."),
};

const char *role_id(enum role r)
{
	return r < ROLE__COUNT ? role_ids[r] : "?";
}

const char *role_label(enum role r)
{
	return r < ROLE__COUNT ? _(role_labels[r]) : "?";
}

int role_parse(const char *s, enum role *out)
{
	for (int r = 0; r < ROLE__COUNT; r++) {
		if (!strcmp(s, role_ids[r])) {
			*out = (enum role)r;
			return 0;
		}
	}
	return -1;
}

const char *action_id(enum action a)
{
	return a < ACT__COUNT ? action_ids[a] : "?";
}

bool authz_allowed(enum role r, enum action a)
{
	if (r >= ROLE__COUNT || a >= ACT__COUNT)
		return false;
	return (allowed[a] & R(r)) != 0;
}

struct authz_rule authz_rule_of(enum action a)
{
	struct authz_rule rule = {0, 0};
	if (a < ACT__COUNT) {
		rule.roles = allowed[a];
		rule.need = need[a];
	}
	return rule;
}

static struct authz_decision decision(bool allow, enum authz_reason why)
{
	struct authz_decision d = {allow, why};
	return d;
}

static bool same(const char *a, const char *b)
{
	return a && b && *a && !strcmp(a, b);
}

struct authz_decision authz_apply(struct authz_rule rule, const struct authz_actor *actor,
				  const struct authz_facts *facts)
{
	static const struct authz_facts none;
	if (!facts)
		facts = &none;
	if (actor->operator)
		return decision(true, AUTHZ_OK_OPERATOR);
	if (actor->role >= ROLE__COUNT || !(rule.roles & R(actor->role)))
		return decision(false, AUTHZ_DENY_ROLE);
	if ((rule.need & AUTHZ_NEED_BODY_IF_NAMED) && facts->body_named) {
		/* reading what may name young people: who may run the meeting */
		struct authz_rule run = authz_rule_of(ACT_MEETING_RUN);
		run.need |= rule.need & ~AUTHZ_NEED_BODY_IF_NAMED;
		return authz_apply(run, actor, facts);
	}
	if ((rule.need & AUTHZ_NEED_BODY) && !role_sees_personal_data(actor->role)) {
		if (facts->body_named)
			return decision(false, AUTHZ_DENY_NAMED_BODY);
		if (!facts->actor_takes_part)
			return decision(false, AUTHZ_DENY_NOT_PARTICIPANT);
	}
	if ((rule.need & AUTHZ_NEED_OWN_INSTITUTION) && actor->role == ROLE_CONTACT &&
	    !same(actor->institution, facts->institution))
		return decision(false, AUTHZ_DENY_OTHER_INSTITUTION);
	if ((rule.need & AUTHZ_NEED_OWN_ORG) && !same(actor->org, facts->owner_org))
		return decision(false, AUTHZ_DENY_OTHER_ORG);
	if ((rule.need & AUTHZ_NEED_OWNER) &&
	    !(facts->actor_in_record || (actor->user_id && facts->owner_user_id == actor->user_id)))
		return decision(false, AUTHZ_DENY_NOT_OWNER);
	return decision(true, AUTHZ_OK);
}

struct authz_decision authz_decide(const struct authz_actor *actor, enum action a,
				   const struct authz_facts *facts)
{
	if (a >= ACT__COUNT)
		return decision(false, AUTHZ_DENY_ROLE);
	return authz_apply(authz_rule_of(a), actor, facts);
}

const char *authz_reason_id(enum authz_reason why)
{
	return why < AUTHZ_REASON__COUNT ? reason_ids[why] : "?";
}

const char *authz_reason_text(enum authz_reason why)
{
	return why < AUTHZ_REASON__COUNT ? _(reason_texts[why]) : "?";
}

bool role_sees_personal_data(enum role r)
{
	/* admin and styregruppe see no personal data; the auditor sees the
	 * access log, which names data subjects */
	return r != ROLE_ADMIN && r != ROLE_STEERING;
}
