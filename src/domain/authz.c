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
						   [ACT_DATA_VIEW] = "data.view",
						   [ACT_DATA_IMPORT] = "data.import"};

#define ALL  ((1u << ROLE__COUNT) - 1)
#define R(r) (1u << (r))

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

bool role_sees_personal_data(enum role r)
{
	/* admin and styregruppe see no personal data; the auditor sees the
	 * access log, which names data subjects */
	return r != ROLE_ADMIN && r != ROLE_STEERING;
}
