/* The permission decision (domain/authz.c): every rule, with the cases it
 * allows and the cases it denies, as one table; then the role x action
 * table itself, action by action. */
#include <stdio.h>
#include <string.h>

#include "domain/authz.h"
#include "test.h"

#define ALLOW(why) true, AUTHZ_##why
#define DENY(why)  false, AUTHZ_DENY_##why

/* Facts used by the rows below. */
static const struct authz_facts general_body = {.actor_takes_part = false};
static const struct authz_facts general_body_member = {.actor_takes_part = true};
static const struct authz_facts named_body = {.body_named = true};
static const struct authz_facts named_body_member = {.body_named = true, .actor_takes_part = true};
static const struct authz_facts school_a = {.institution = "skole-a"};
static const struct authz_facts school_b = {.institution = "skole-b"};
static const struct authz_facts no_school = {.institution = NULL};

struct row {
	const char *what;
	enum role role;
	bool operator;
	const char *institution; /* the actor's */
	enum action act;
	const struct authz_facts *facts;
	bool allow;
	enum authz_reason reason;
};

static const struct row rows[] = {
    /* the local operator may do all, whatever the record */
    {"operator, user admin", ROLE_STEERING, true, NULL, ACT_USER_ADMIN, NULL, ALLOW(OK_OPERATOR)},
    {"operator, named body", ROLE_STEERING, true, NULL, ACT_MEETING_RUN, &named_body,
     ALLOW(OK_OPERATOR)},
    /* the table: a role without the action is refused before any rule */
    {"table: ssp may not admin users", ROLE_SSP, false, NULL, ACT_USER_ADMIN, NULL, DENY(ROLE)},
    {"table: admin admins users", ROLE_ADMIN, false, NULL, ACT_USER_ADMIN, NULL, ALLOW(OK)},
    {"table: contact may not run meetings", ROLE_CONTACT, false, NULL, ACT_MEETING_RUN,
     &general_body_member, DENY(ROLE)},
    {"table: admin may not run meetings", ROLE_ADMIN, false, NULL, ACT_MEETING_RUN,
     &general_body_member, DENY(ROLE)},
    {"table: auditor may not edit a læseplan", ROLE_AUDITOR, false, "skole-a", ACT_LAESEPLAN_EDIT,
     &school_a, DENY(ROLE)},

    /* ACT_MEETING_RUN, the body rule */
    {"run: ssp, general body, not a participant", ROLE_SSP, false, NULL, ACT_MEETING_RUN,
     &general_body, ALLOW(OK)},
    {"run: police, named body", ROLE_POLICE, false, NULL, ACT_MEETING_RUN, &named_body, ALLOW(OK)},
    {"run: steering, general body it takes part in", ROLE_STEERING, false, NULL, ACT_MEETING_RUN,
     &general_body_member, ALLOW(OK)},
    {"run: steering, general body it takes no part in", ROLE_STEERING, false, NULL, ACT_MEETING_RUN,
     &general_body, DENY(NOT_PARTICIPANT)},
    {"run: steering, named body even as participant", ROLE_STEERING, false, NULL, ACT_MEETING_RUN,
     &named_body_member, DENY(NAMED_BODY)},
    {"run: steering, no record facts", ROLE_STEERING, false, NULL, ACT_MEETING_RUN, NULL,
     DENY(NOT_PARTICIPANT)},

    /* ACT_MINUTES_VIEW: general minutes for all, named minutes as running */
    {"minutes: contact, general body", ROLE_CONTACT, false, NULL, ACT_MINUTES_VIEW, &general_body,
     ALLOW(OK)},
    {"minutes: admin, general body", ROLE_ADMIN, false, NULL, ACT_MINUTES_VIEW, &general_body,
     ALLOW(OK)},
    {"minutes: contact, named body", ROLE_CONTACT, false, NULL, ACT_MINUTES_VIEW, &named_body,
     DENY(ROLE)},
    {"minutes: auditor, named body", ROLE_AUDITOR, false, NULL, ACT_MINUTES_VIEW, &named_body,
     DENY(ROLE)},
    {"minutes: steering, named body it takes part in", ROLE_STEERING, false, NULL, ACT_MINUTES_VIEW,
     &named_body_member, DENY(NAMED_BODY)},
    {"minutes: youth unit, named body", ROLE_YOUTH_UNIT, false, NULL, ACT_MINUTES_VIEW, &named_body,
     ALLOW(OK)},
    {"minutes: child-family, named body", ROLE_CHILD_FAMILY, false, NULL, ACT_MINUTES_VIEW,
     &named_body, ALLOW(OK)},

    /* ACT_LAESEPLAN_EDIT: a contact person, only their own institution */
    {"læseplan: contact, own institution", ROLE_CONTACT, false, "skole-a", ACT_LAESEPLAN_EDIT,
     &school_a, ALLOW(OK)},
    {"læseplan: contact, other institution", ROLE_CONTACT, false, "skole-a", ACT_LAESEPLAN_EDIT,
     &school_b, DENY(OTHER_INSTITUTION)},
    {"læseplan: contact without an institution", ROLE_CONTACT, false, NULL, ACT_LAESEPLAN_EDIT,
     &school_a, DENY(OTHER_INSTITUTION)},
    {"læseplan: contact, record without an institution", ROLE_CONTACT, false, "skole-a",
     ACT_LAESEPLAN_EDIT, &no_school, DENY(OTHER_INSTITUTION)},
    {"læseplan: ssp, any institution", ROLE_SSP, false, NULL, ACT_LAESEPLAN_EDIT, &school_b,
     ALLOW(OK)},
};

static void every_rule(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *t = &rows[i];
		struct authz_actor a = {t->role, t->operator, t->operator? 0 : 7, "org-a",
					t->institution};
		struct authz_decision d = authz_decide(&a, t->act, t->facts);
		if (d.allow != t->allow || d.reason != t->reason)
			fail_msg("%s: got %s/%s, want %s/%s", t->what, d.allow ? "allow" : "deny",
				 authz_reason_id(d.reason), t->allow ? "allow" : "deny",
				 authz_reason_id(t->reason));
	}
}

/* The rules no action carries yet (the concern flow will): applied to a
 * rule directly. */
static void owner_and_org_rules(void **state)
{
	(void)state;
	struct authz_rule own = {1u << ROLE_SSP | 1u << ROLE_POLICE, AUTHZ_NEED_OWNER};
	struct authz_actor ssp = {ROLE_SSP, false, 7, "ssp-team", NULL};
	struct authz_facts mine = {.owner_user_id = 7};
	struct authz_facts theirs = {.owner_user_id = 8};
	struct authz_facts shared = {.owner_user_id = 8, .actor_in_record = true};
	assert_true(authz_apply(own, &ssp, &mine).allow);
	assert_true(authz_apply(own, &ssp, &shared).allow);
	struct authz_decision d = authz_apply(own, &ssp, &theirs);
	assert_false(d.allow);
	assert_int_equal(d.reason, AUTHZ_DENY_NOT_OWNER);
	assert_false(authz_apply(own, &ssp, NULL).allow);
	/* user id 0 (no account) owns nothing */
	struct authz_actor nobody = {ROLE_SSP, false, 0, NULL, NULL};
	struct authz_facts unowned = {.owner_user_id = 0};
	assert_false(authz_apply(own, &nobody, &unowned).allow);
	/* the role comes first */
	struct authz_actor contact = {ROLE_CONTACT, false, 7, NULL, "skole-a"};
	assert_int_equal(authz_apply(own, &contact, &mine).reason, AUTHZ_DENY_ROLE);

	struct authz_rule org = {1u << ROLE_POLICE, AUTHZ_NEED_OWN_ORG};
	struct authz_actor police = {ROLE_POLICE, false, 3, "politi-syd", NULL};
	struct authz_facts ours = {.owner_org = "politi-syd"};
	struct authz_facts other = {.owner_org = "politi-nord"};
	assert_true(authz_apply(org, &police, &ours).allow);
	d = authz_apply(org, &police, &other);
	assert_false(d.allow);
	assert_int_equal(d.reason, AUTHZ_DENY_OTHER_ORG);
	assert_false(authz_apply(org, &police, NULL).allow); /* no owner: not ours */
	police.org = NULL;
	assert_false(authz_apply(org, &police, &ours).allow);
}

/* The table, action by action: the roles that may, with no record rule in
 * the way (facts that satisfy every rule). */
static void the_table(void **state)
{
	(void)state;
	const char *want[ACT__COUNT] = {
	    [ACT_HOME_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
			      "styregruppe revisor",
	    [ACT_PROFILE] = "admin ssp politi boern-familier ungeenhed kontaktperson "
			    "styregruppe revisor",
	    [ACT_ORG_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
			     "styregruppe revisor",
	    [ACT_USER_ADMIN] = "admin",
	    [ACT_AUDIT_VIEW] = "revisor",
	    [ACT_MEETING_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
				 "styregruppe revisor",
	    [ACT_MEETING_PLAN] = "admin ssp",
	    [ACT_COMPLIANCE_VIEW] = "admin ssp styregruppe revisor",
	    [ACT_MEETING_RUN] = "ssp politi boern-familier ungeenhed styregruppe",
	    [ACT_SCHOOL_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
				"styregruppe revisor",
	    [ACT_SCHOOL_ADMIN] = "admin",
	    [ACT_LAESEPLAN_EDIT] = "ssp kontaktperson",
	    [ACT_THEME_DAY_RECORD] = "ssp",
	    [ACT_MINUTES_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
				 "styregruppe revisor",
	    /* the SSP-team's daily work (issue 14) */
	    [ACT_OFFER_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
			       "styregruppe revisor",
	    [ACT_OFFER_EDIT] = "ssp",
	    [ACT_EVENT_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
			       "styregruppe revisor",
	    [ACT_EVENT_REGISTER] = "admin ssp politi boern-familier ungeenhed kontaktperson "
				   "styregruppe revisor",
	    [ACT_EVENT_EDIT] = "ssp",
	    [ACT_NOTE_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
			      "styregruppe revisor",
	    [ACT_NOTE_WRITE] = "ssp",
	    [ACT_ADVICE_RECORD] = "ssp",
	    [ACT_ADVICE_VIEW] = "ssp styregruppe",
	    [ACT_KEY_ADMIN] = "admin",
	    [ACT_STRATEGY_APPLY] = "admin",
	    /* the case flow (issue 9) */
	    [ACT_PERSON_ADD] = "ssp politi boern-familier ungeenhed kontaktperson",
	    [ACT_CPR_REVEAL] = "ssp politi boern-familier ungeenhed",
	    [ACT_HANDOVER_ADD] = "politi",
	    [ACT_HANDOVER_VIEW] = "ssp politi boern-familier ungeenhed",
	    [ACT_REFERRAL_ADD] = "ssp kontaktperson",
	    [ACT_REFERRAL_VIEW] = "ssp politi boern-familier ungeenhed kontaktperson",
	    [ACT_REFERRAL_SCREEN] = "ssp",
	    [ACT_CONCERN_VIEW] = "ssp politi boern-familier ungeenhed",
	    [ACT_CONCERN_DECIDE] = "ssp politi boern-familier ungeenhed",
	    [ACT_CONCERN_UPDATE] = "ssp politi boern-familier ungeenhed",
	    [ACT_CONCERN_STATS] = "ssp politi boern-familier ungeenhed styregruppe",
	    /* the data behind the strategy (issue 13) */
	    [ACT_DATA_VIEW] = "ssp politi styregruppe",
	    [ACT_DATA_IMPORT] = "ssp",
	    [ACT_SHARE_DECLINE] = "ssp politi boern-familier ungeenhed",
	    [ACT_INDSIGT_VIEW] = "revisor",
	    [ACT_INDSIGT_REQUEST] = "revisor",
	    /* the life of personal data (issue 12) */
	    [ACT_RETENTION_PURGE] = "admin",
	    /* focus areas, trend tags, the evaluation (issue 13) */
	    [ACT_FOCUS_VIEW] = "admin ssp politi boern-familier ungeenhed kontaktperson "
			       "styregruppe revisor",
	    [ACT_FOCUS_EDIT] = "ssp styregruppe",
	    [ACT_TREND_TAG] = "ssp politi boern-familier ungeenhed",
	    [ACT_TREND_VIEW] = "ssp politi styregruppe",
	    [ACT_EVALUATION_VIEW] = "ssp styregruppe",
	    /* backups (issue 12) */
	    [ACT_BACKUP_CREATE] = "admin",
	    [ACT_BACKUP_RESTORE] = "admin",
	};
	struct authz_facts easy = {
	    .actor_takes_part = true, .institution = "skole-a", .actor_in_record = true};
	for (int act = 0; act < ACT__COUNT; act++) {
		assert_non_null(want[act]); /* a new action gets its row here */
		char got[256] = "";
		for (int role = 0; role < ROLE__COUNT; role++) {
			struct authz_actor a = {(enum role)role, false, 7, NULL, "skole-a"};
			struct authz_decision d = authz_decide(&a, (enum action)act, &easy);
			assert_int_equal(d.allow, authz_allowed((enum role)role, (enum action)act));
			if (d.allow) {
				size_t n = strlen(got);
				snprintf(got + n, sizeof(got) - n, "%s%s", n ? " " : "",
					 role_id((enum role)role));
			}
		}
		if (strcmp(got, want[act]))
			fail_msg("%s: got »%s«, want »%s«", action_id((enum action)act), got,
				 want[act]);
	}
	/* an unknown action or role is refused */
	struct authz_actor op = {ROLE_ADMIN, true, 0, NULL, NULL};
	assert_false(authz_decide(&op, ACT__COUNT, NULL).allow);
	struct authz_actor bad = {ROLE__COUNT, false, 7, NULL, NULL};
	assert_false(authz_decide(&bad, ACT_HOME_VIEW, NULL).allow);
}

static void reasons_have_names(void **state)
{
	(void)state;
	for (int i = 0; i < AUTHZ_REASON__COUNT; i++) {
		assert_string_not_equal(authz_reason_id((enum authz_reason)i), "?");
		assert_non_null(authz_reason_text((enum authz_reason)i));
	}
	assert_string_equal(authz_reason_id(AUTHZ_REASON__COUNT), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_rule),
	    cmocka_unit_test(owner_and_org_rules),
	    cmocka_unit_test(the_table),
	    cmocka_unit_test(reasons_have_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
