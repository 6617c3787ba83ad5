/* router.c - the route table and what runs before every handler.
 *
 * Every page and API endpoint is one row below: method, path pattern, kind
 * (page / API / raw), how far through sign-in the caller must be, and the
 * action of domain/authz.h that is checked (through the service layer, so
 * a refusal is logged) before the handler runs. A handler therefore starts
 * with its input parsed and validated, its caller known, its CSRF token
 * checked and its permission granted; it calls the service and renders.
 *
 * Order of checks for a request (each can end it):
 *   path syntax -> 404; no route for the path -> 404; none for the method
 *   -> 405 + Allow; POST Content-Type -> 415; query string -> 400; body ->
 *   400; identity (cookie or bearer) -> 303 /logind (pages) / 401 (API);
 *   sign-in step; CSRF -> 403; role x action -> 403; handler.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/auth.h"
#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

#define R_GET  "GET"
#define R_POST "POST"

// clang-format off
const struct route web_routes[] = {
	{R_GET, "/healthz", KIND_RAW, AUTH_NONE, -1, h_healthz},
	{R_GET, "/static/*", KIND_RAW, AUTH_NONE, -1, h_static},

	/* sign-in and sign-out */
	{R_GET, "/logind", KIND_PAGE, AUTH_NONE, -1, h_login_form},
	{R_POST, "/logind", KIND_PAGE, AUTH_NONE, -1, h_login_post},
	{R_GET, "/logind/totp", KIND_PAGE, AUTH_TOTP_STEP, -1, h_totp_form},
	{R_POST, "/logind/totp", KIND_PAGE, AUTH_TOTP_STEP, -1, h_totp_post},
	{R_POST, "/logud", KIND_PAGE, AUTH_NONE, -1, h_logout},

	/* pages */
	{R_GET, "/", KIND_PAGE, AUTH_FULL, ACT_HOME_VIEW, h_home},
	{R_GET, "/organisation", KIND_PAGE, AUTH_FULL, ACT_ORG_VIEW, h_org},
	{R_GET, "/organisation/diagram.svg", KIND_PAGE, AUTH_FULL, ACT_ORG_VIEW, h_org_diagram},
	{R_GET, "/organisation/{id}", KIND_PAGE, AUTH_FULL, ACT_ORG_VIEW, h_org_body},
	{R_GET, "/brugere", KIND_PAGE, AUTH_FULL, ACT_USER_ADMIN, h_users},
	{R_POST, "/brugere", KIND_PAGE, AUTH_FULL, ACT_USER_ADMIN, h_users_add},
	{R_POST, "/brugere/{username}/deaktiver", KIND_PAGE, AUTH_FULL, ACT_USER_ADMIN, h_user_disable},
	{R_POST, "/brugere/rolle", KIND_PAGE, AUTH_FULL, ACT_USER_ADMIN, h_user_role},
	{R_GET, "/profil", KIND_PAGE, AUTH_FULL, ACT_PROFILE, h_profile},
	{R_GET, "/profil/totp", KIND_PAGE, AUTH_ENROL, ACT_PROFILE, h_enrol_form},
	{R_POST, "/profil/totp", KIND_PAGE, AUTH_ENROL, ACT_PROFILE, h_enrol_post},
	{R_POST, "/profil/adgangskode", KIND_PAGE, AUTH_FULL, ACT_PROFILE, h_password_post},
	{R_GET, "/log", KIND_PAGE, AUTH_FULL, ACT_AUDIT_VIEW, h_log},

	/* the school network and compliance (pages_schools.c, pages_compliance.c);
	 * /skoler/temadag before /skoler/{id}: the first match wins */
	{R_GET, "/skoler", KIND_PAGE, AUTH_FULL, ACT_SCHOOL_VIEW, h_schools},
	{R_POST, "/skoler", KIND_PAGE, AUTH_FULL, ACT_SCHOOL_ADMIN, h_schools_add},
	{R_GET, "/skoler/temadag", KIND_PAGE, AUTH_FULL, ACT_SCHOOL_VIEW, h_theme_day},
	{R_POST, "/skoler/temadag", KIND_PAGE, AUTH_FULL, ACT_THEME_DAY_RECORD, h_theme_day_post},
	{R_GET, "/skoler/{id}", KIND_PAGE, AUTH_FULL, ACT_SCHOOL_VIEW, h_school},
	{R_POST, "/skoler/{id}", KIND_PAGE, AUTH_FULL, ACT_SCHOOL_ADMIN, h_school_edit},
	{R_POST, "/skoler/{id}/deaktiver", KIND_PAGE, AUTH_FULL, ACT_SCHOOL_ADMIN, h_school_deactivate},
	{R_POST, "/skoler/{id}/aktiver", KIND_PAGE, AUTH_FULL, ACT_SCHOOL_ADMIN, h_school_activate},
	{R_POST, "/skoler/{id}/laeseplan", KIND_PAGE, AUTH_FULL, ACT_LAESEPLAN_EDIT, h_laeseplan_add},
	{R_POST, "/skoler/{id}/laeseplan/{item}", KIND_PAGE, AUTH_FULL, ACT_LAESEPLAN_EDIT, h_laeseplan_edit},
	{R_POST, "/skoler/{id}/laeseplan/{item}/slet", KIND_PAGE, AUTH_FULL, ACT_LAESEPLAN_EDIT, h_laeseplan_remove},
	{R_GET, "/overholdelse", KIND_PAGE, AUTH_FULL, ACT_COMPLIANCE_VIEW, h_compliance},
	/* the data behind the strategy (pages_data.c) */
	{R_GET, "/data", KIND_PAGE, AUTH_FULL, ACT_DATA_VIEW, h_data},
	{R_GET, "/data/ungeprofil.csv", KIND_PAGE, AUTH_FULL, ACT_DATA_VIEW, h_data_csv_survey},
	{R_GET, "/data/kriminalitet.csv", KIND_PAGE, AUTH_FULL, ACT_DATA_VIEW, h_data_csv_crime},
	{R_GET, "/data/import", KIND_PAGE, AUTH_FULL, ACT_DATA_IMPORT, h_data_import},
	{R_POST, "/data/import", KIND_PAGE, AUTH_FULL, ACT_DATA_IMPORT, h_data_import_post},
	/* the right of access for the revisor (pages_indsigt.c, issue 12); the
	 * CPR number is posted, never put in an address */
	{R_GET, "/indsigt", KIND_PAGE, AUTH_FULL, ACT_INDSIGT_REQUEST, h_indsigt},
	{R_POST, "/indsigt/soeg", KIND_PAGE, AUTH_FULL, ACT_INDSIGT_VIEW, h_indsigt_search},
	{R_GET, "/indsigt/person/{id}", KIND_PAGE, AUTH_FULL, ACT_INDSIGT_VIEW, h_indsigt_person},
	{R_GET, "/indsigt/person/{id}/json", KIND_PAGE, AUTH_FULL, ACT_INDSIGT_VIEW, h_indsigt_json},
	{R_GET, "/indsigt/person/{id}/pdf", KIND_PAGE, AUTH_FULL, ACT_INDSIGT_VIEW, h_indsigt_pdf},
	{R_POST, "/indsigt/anmodning", KIND_PAGE, AUTH_FULL, ACT_INDSIGT_REQUEST, h_indsigt_request_add},
	{R_POST, "/indsigt/anmodning/{id}/begraensning", KIND_PAGE, AUTH_FULL, ACT_INDSIGT_REQUEST, h_indsigt_restrict},
	{R_POST, "/indsigt/anmodning/{id}/besvaret", KIND_PAGE, AUTH_FULL, ACT_INDSIGT_REQUEST, h_indsigt_answered},

	/* the SSP-team's daily work (pages_team.c); /arrangementer/tilbagevendende
	 * before /arrangementer/{id} */
	{R_GET, "/tilbud", KIND_PAGE, AUTH_FULL, ACT_OFFER_VIEW, h_offers},
	{R_POST, "/tilbud", KIND_PAGE, AUTH_FULL, ACT_OFFER_EDIT, h_offers_add},
	{R_GET, "/tilbud.csv", KIND_PAGE, AUTH_FULL, ACT_OFFER_VIEW, h_offers_csv},
	{R_POST, "/tilbud/{id}/bekraeft", KIND_PAGE, AUTH_FULL, ACT_OFFER_EDIT, h_offer_confirm},
	{R_GET, "/arrangementer", KIND_PAGE, AUTH_FULL, ACT_EVENT_VIEW, h_events},
	{R_POST, "/arrangementer", KIND_PAGE, AUTH_FULL, ACT_EVENT_EDIT, h_events_add},
	{R_GET, "/arrangementer.ics", KIND_PAGE, AUTH_FULL, ACT_EVENT_VIEW, h_events_ics},
	{R_POST, "/arrangementer/tilbagevendende", KIND_PAGE, AUTH_FULL, ACT_EVENT_EDIT, h_events_recurring},
	{R_GET, "/arrangementer/{id}", KIND_PAGE, AUTH_FULL, ACT_EVENT_VIEW, h_event},
	{R_POST, "/arrangementer/{id}/tilmeld", KIND_PAGE, AUTH_FULL, ACT_EVENT_REGISTER, h_event_register},
	{R_POST, "/arrangementer/{id}/fremmoede", KIND_PAGE, AUTH_FULL, ACT_EVENT_EDIT, h_event_attendance},
	{R_POST, "/arrangementer/{id}/vagter", KIND_PAGE, AUTH_FULL, ACT_EVENT_EDIT, h_event_shift},
	{R_POST, "/arrangementer/{id}/evaluering", KIND_PAGE, AUTH_FULL, ACT_EVENT_EDIT, h_event_evaluation},
	{R_GET, "/viden", KIND_PAGE, AUTH_FULL, ACT_NOTE_VIEW, h_notes},
	{R_POST, "/viden", KIND_PAGE, AUTH_FULL, ACT_NOTE_WRITE, h_notes_add},
	{R_POST, "/viden/{id}/laest", KIND_PAGE, AUTH_FULL, ACT_NOTE_VIEW, h_note_read},
	{R_GET, "/raadgivning", KIND_PAGE, AUTH_FULL, ACT_ADVICE_VIEW, h_advice},
	{R_POST, "/raadgivning", KIND_PAGE, AUTH_FULL, ACT_ADVICE_RECORD, h_advice_add},
	{R_GET, "/raadgivning.csv", KIND_PAGE, AUTH_FULL, ACT_ADVICE_VIEW, h_advice_csv},
	/* editing offers and events (pages_team.c) */
	{R_GET, "/tilbud/{id}", KIND_PAGE, AUTH_FULL, ACT_OFFER_EDIT, h_offer},
	{R_POST, "/tilbud/{id}", KIND_PAGE, AUTH_FULL, ACT_OFFER_EDIT, h_offer_edit},
	{R_POST, "/tilbud/{id}/fjern", KIND_PAGE, AUTH_FULL, ACT_OFFER_EDIT, h_offer_remove},
	{R_GET, "/arrangementer/{id}/ret", KIND_PAGE, AUTH_FULL, ACT_EVENT_EDIT, h_event_edit_form},
	{R_POST, "/arrangementer/{id}/ret", KIND_PAGE, AUTH_FULL, ACT_EVENT_EDIT, h_event_edit},
	{R_POST, "/arrangementer/{id}/aflys", KIND_PAGE, AUTH_FULL, ACT_EVENT_EDIT, h_event_cancel},

	/* meetings, the annual wheel and calendars (pages_meetings.c,
	 * pages_calendar.c); "{x}.ics" captures x without the suffix */
	{R_GET, "/aarshjul", KIND_PAGE, AUTH_FULL, ACT_MEETING_VIEW, h_wheel},
	{R_GET, "/aarshjul/{aar}.svg", KIND_PAGE, AUTH_FULL, ACT_MEETING_VIEW, h_wheel_svg},
	{R_GET, "/moeder", KIND_PAGE, AUTH_FULL, ACT_MEETING_VIEW, h_meetings},
	{R_POST, "/moeder", KIND_PAGE, AUTH_FULL, ACT_MEETING_PLAN, h_meeting_add},
	{R_GET, "/moeder/{id}", KIND_PAGE, AUTH_FULL, ACT_MEETING_VIEW, h_meeting},
	{R_POST, "/moeder/{id}/status", KIND_PAGE, AUTH_FULL, ACT_MEETING_PLAN, h_meeting_status},
	{R_POST, "/moeder/{id}/flyt", KIND_PAGE, AUTH_FULL, ACT_MEETING_PLAN, h_meeting_move},
	{R_POST, "/moeder/{id}/dagsorden", KIND_PAGE, AUTH_FULL, ACT_MEETING_RUN, h_meeting_agenda},
	{R_POST, "/moeder/{id}/fremmoede", KIND_PAGE, AUTH_FULL, ACT_MEETING_RUN, h_meeting_attendance},
	{R_POST, "/moeder/{id}/referat", KIND_PAGE, AUTH_FULL, ACT_MEETING_RUN, h_meeting_minutes},
	/* the § 115-møde's cases (pages_concerns.c, issue 9) */
	{R_GET, "/sager/moede/{id}", KIND_PAGE, AUTH_FULL, ACT_HANDOVER_VIEW, h_case_meeting},
	{R_POST, "/sager/moede/{id}/overlevering", KIND_PAGE, AUTH_FULL, ACT_HANDOVER_ADD, h_case_handover},
	{R_POST, "/sager/moede/{id}/beslut/{item}", KIND_PAGE, AUTH_FULL, ACT_CONCERN_DECIDE, h_case_decide},
	{R_POST, "/sager/moede/{id}/luk", KIND_PAGE, AUTH_FULL, ACT_MEETING_RUN, h_case_close},
	{R_POST, "/organisation/{id}/deltagere", KIND_PAGE, AUTH_FULL, ACT_USER_ADMIN, h_participant_add},
	{R_POST, "/organisation/{id}/deltagere/fjern", KIND_PAGE, AUTH_FULL, ACT_USER_ADMIN, h_participant_remove},
	{R_GET, "/kalender/organ/{id}.ics", KIND_PAGE, AUTH_FULL, ACT_MEETING_VIEW, h_calendar_body},
	/* no sign-in: calendar clients cannot; the token is the credential */
	{R_GET, "/kalender/{token}.ics", KIND_RAW, AUTH_NONE, -1, h_calendar_feed},
	{R_POST, "/profil/kalender", KIND_PAGE, AUTH_FULL, ACT_PROFILE, h_caltoken_create},
	{R_POST, "/profil/kalender/tilbagekald", KIND_PAGE, AUTH_FULL, ACT_PROFILE, h_caltoken_revoke},
	/* a concern and its follow-up (pages_followup.c, issue 9); after every
	 * literal /sager/... route: the first match wins */
	{R_GET, "/sager/{id}", KIND_PAGE, AUTH_FULL, ACT_CONCERN_VIEW, h_concern},
	{R_POST, "/sager/{id}/cpr", KIND_PAGE, AUTH_FULL, ACT_CPR_REVEAL, h_concern_cpr},
	{R_POST, "/sager/{id}/handling", KIND_PAGE, AUTH_FULL, ACT_CONCERN_UPDATE, h_concern_action_add},
	{R_POST, "/sager/{id}/handling/{item}", KIND_PAGE, AUTH_FULL, ACT_CONCERN_UPDATE, h_concern_action_change},
	{R_POST, "/sager/{id}/underretning", KIND_PAGE, AUTH_FULL, ACT_CONCERN_UPDATE, h_concern_report},
	{R_POST, "/sager/{id}/notat", KIND_PAGE, AUTH_FULL, ACT_CONCERN_UPDATE, h_concern_note_add},
	{R_POST, "/sager/{id}/relateret", KIND_PAGE, AUTH_FULL, ACT_CONCERN_UPDATE, h_concern_related_add},
	{R_POST, "/sager/{id}/luk", KIND_PAGE, AUTH_FULL, ACT_CONCERN_UPDATE, h_concern_close},

	/* JSON API (docs/api.md) */
	{R_GET, "/api/v1/me", KIND_API, AUTH_FULL, ACT_PROFILE, api_me},
	{R_GET, "/api/v1/org", KIND_API, AUTH_FULL, ACT_ORG_VIEW, api_org},
	{R_GET, "/api/v1/org/bodies/{id}", KIND_API, AUTH_FULL, ACT_ORG_VIEW, api_org_body},
	{R_GET, "/api/v1/users", KIND_API, AUTH_FULL, ACT_USER_ADMIN, api_users},
	{R_POST, "/api/v1/users", KIND_API, AUTH_FULL, ACT_USER_ADMIN, api_users_add},
	{R_POST, "/api/v1/users/{username}/disable", KIND_API, AUTH_FULL, ACT_USER_ADMIN, api_user_disable},
	{R_POST, "/api/v1/users/{username}/role", KIND_API, AUTH_FULL, ACT_USER_ADMIN, api_user_role},
	{R_GET, "/api/v1/audit", KIND_API, AUTH_FULL, ACT_AUDIT_VIEW, api_audit},
	{R_GET, "/api/v1/audit/verify", KIND_API, AUTH_FULL, ACT_AUDIT_VIEW, api_audit_verify},
	/* meetings and compliance (api_meetings.c): the actions of /moeder and /overholdelse */
	{R_GET, "/api/v1/meetings", KIND_API, AUTH_FULL, ACT_MEETING_VIEW, api_meetings},
	{R_POST, "/api/v1/meetings", KIND_API, AUTH_FULL, ACT_MEETING_PLAN, api_meeting_add},
	{R_GET, "/api/v1/meetings/{id}", KIND_API, AUTH_FULL, ACT_MEETING_VIEW, api_meeting},
	{R_POST, "/api/v1/meetings/{id}/status", KIND_API, AUTH_FULL, ACT_MEETING_PLAN, api_meeting_status},
	{R_POST, "/api/v1/meetings/{id}/move", KIND_API, AUTH_FULL, ACT_MEETING_PLAN, api_meeting_move},
	{R_POST, "/api/v1/meetings/{id}/agenda", KIND_API, AUTH_FULL, ACT_MEETING_RUN, api_meeting_agenda},
	{R_POST, "/api/v1/meetings/{id}/attendance", KIND_API, AUTH_FULL, ACT_MEETING_RUN, api_meeting_attendance},
	{R_POST, "/api/v1/meetings/{id}/minutes", KIND_API, AUTH_FULL, ACT_MEETING_RUN, api_meeting_minutes},
	{R_GET, "/api/v1/compliance", KIND_API, AUTH_FULL, ACT_COMPLIANCE_VIEW, api_compliance},
	/* the school network (api_schools.c): the actions of /skoler;
	 * /api/v1/schools/theme-day before /api/v1/schools/{id} */
	{R_GET, "/api/v1/schools", KIND_API, AUTH_FULL, ACT_SCHOOL_VIEW, api_schools},
	{R_POST, "/api/v1/schools", KIND_API, AUTH_FULL, ACT_SCHOOL_ADMIN, api_schools_add},
	{R_GET, "/api/v1/schools/theme-day", KIND_API, AUTH_FULL, ACT_SCHOOL_VIEW, api_theme_day},
	{R_POST, "/api/v1/schools/theme-day", KIND_API, AUTH_FULL, ACT_THEME_DAY_RECORD, api_theme_day_post},
	{R_GET, "/api/v1/schools/{id}", KIND_API, AUTH_FULL, ACT_SCHOOL_VIEW, api_school},
	{R_POST, "/api/v1/schools/{id}", KIND_API, AUTH_FULL, ACT_SCHOOL_ADMIN, api_school_edit},
	{R_POST, "/api/v1/schools/{id}/deactivate", KIND_API, AUTH_FULL, ACT_SCHOOL_ADMIN, api_school_deactivate},
	{R_POST, "/api/v1/schools/{id}/activate", KIND_API, AUTH_FULL, ACT_SCHOOL_ADMIN, api_school_activate},
	{R_POST, "/api/v1/schools/{id}/laeseplan", KIND_API, AUTH_FULL, ACT_LAESEPLAN_EDIT, api_laeseplan_add},
	{R_POST, "/api/v1/schools/{id}/laeseplan/{item}", KIND_API, AUTH_FULL, ACT_LAESEPLAN_EDIT, api_laeseplan_edit},
	{R_POST, "/api/v1/schools/{id}/laeseplan/{item}/delete", KIND_API, AUTH_FULL, ACT_LAESEPLAN_EDIT, api_laeseplan_remove},
	/* the SSP-team's daily work (api_team.c): the actions of /tilbud and
	 * /arrangementer; /api/v1/events/recurring before /api/v1/events/{id} */
	{R_GET, "/api/v1/offers", KIND_API, AUTH_FULL, ACT_OFFER_VIEW, api_offers},
	{R_POST, "/api/v1/offers", KIND_API, AUTH_FULL, ACT_OFFER_EDIT, api_offers_add},
	{R_POST, "/api/v1/offers/{id}/confirm", KIND_API, AUTH_FULL, ACT_OFFER_EDIT, api_offer_confirm},
	{R_GET, "/api/v1/events", KIND_API, AUTH_FULL, ACT_EVENT_VIEW, api_events},
	{R_POST, "/api/v1/events", KIND_API, AUTH_FULL, ACT_EVENT_EDIT, api_events_add},
	{R_POST, "/api/v1/events/recurring", KIND_API, AUTH_FULL, ACT_EVENT_EDIT, api_events_recurring},
	{R_GET, "/api/v1/events/{id}", KIND_API, AUTH_FULL, ACT_EVENT_VIEW, api_event},
	{R_POST, "/api/v1/events/{id}/registrations", KIND_API, AUTH_FULL, ACT_EVENT_REGISTER, api_event_register},
	{R_POST, "/api/v1/events/{id}/attendance", KIND_API, AUTH_FULL, ACT_EVENT_EDIT, api_event_attendance},
	{R_POST, "/api/v1/events/{id}/shifts", KIND_API, AUTH_FULL, ACT_EVENT_EDIT, api_event_shift},
	{R_POST, "/api/v1/events/{id}/evaluation", KIND_API, AUTH_FULL, ACT_EVENT_EDIT, api_event_evaluation},
	/* editing offers and events, knowledge notes and advice (api_team.c) */
	{R_GET, "/api/v1/offers/{id}", KIND_API, AUTH_FULL, ACT_OFFER_VIEW, api_offer},
	{R_POST, "/api/v1/offers/{id}", KIND_API, AUTH_FULL, ACT_OFFER_EDIT, api_offer_update},
	{R_POST, "/api/v1/offers/{id}/remove", KIND_API, AUTH_FULL, ACT_OFFER_EDIT, api_offer_remove},
	{R_POST, "/api/v1/events/{id}", KIND_API, AUTH_FULL, ACT_EVENT_EDIT, api_event_update},
	{R_POST, "/api/v1/events/{id}/cancel", KIND_API, AUTH_FULL, ACT_EVENT_EDIT, api_event_cancel},
	{R_GET, "/api/v1/notes", KIND_API, AUTH_FULL, ACT_NOTE_VIEW, api_notes},
	{R_POST, "/api/v1/notes", KIND_API, AUTH_FULL, ACT_NOTE_WRITE, api_notes_add},
	{R_POST, "/api/v1/notes/{id}/read", KIND_API, AUTH_FULL, ACT_NOTE_VIEW, api_note_read},
	{R_GET, "/api/v1/advice", KIND_API, AUTH_FULL, ACT_ADVICE_RECORD, api_advice},
	{R_POST, "/api/v1/advice", KIND_API, AUTH_FULL, ACT_ADVICE_RECORD, api_advice_add},
	{R_GET, "/api/v1/advice/counts", KIND_API, AUTH_FULL, ACT_ADVICE_VIEW, api_advice_counts},
	/* the case flow (api_concerns.c, issue 9): the service decides per record */
	{R_POST, "/api/v1/people", KIND_API, AUTH_FULL, ACT_PERSON_ADD, api_people_add},
	{R_GET, "/api/v1/people/{id}", KIND_API, AUTH_FULL, ACT_CONCERN_VIEW, api_person},
	{R_POST, "/api/v1/people/{id}/cpr", KIND_API, AUTH_FULL, ACT_CPR_REVEAL, api_person_cpr},
	{R_POST, "/api/v1/handovers", KIND_API, AUTH_FULL, ACT_HANDOVER_ADD, api_handovers_add},
	{R_GET, "/api/v1/handovers/{id}", KIND_API, AUTH_FULL, ACT_HANDOVER_VIEW, api_handover},
	{R_POST, "/api/v1/referrals", KIND_API, AUTH_FULL, ACT_REFERRAL_ADD, api_referrals_add},
	{R_GET, "/api/v1/referrals/{id}", KIND_API, AUTH_FULL, ACT_REFERRAL_VIEW, api_referral},
	{R_POST, "/api/v1/referrals/{id}/screen", KIND_API, AUTH_FULL, ACT_REFERRAL_SCREEN, api_referral_screen},
	{R_GET, "/api/v1/meetings/{id}/agenda", KIND_API, AUTH_FULL, ACT_HANDOVER_VIEW, api_meeting_cases},
	{R_POST, "/api/v1/meetings/{id}/items/{item}/decision", KIND_API, AUTH_FULL, ACT_CONCERN_DECIDE, api_meeting_decision},
	{R_POST, "/api/v1/meetings/{id}/close", KIND_API, AUTH_FULL, ACT_MEETING_RUN, api_meeting_close},
	{R_GET, "/api/v1/concerns/{id}", KIND_API, AUTH_FULL, ACT_CONCERN_VIEW, api_concern},
	{R_POST, "/api/v1/concerns/{id}/close", KIND_API, AUTH_FULL, ACT_CONCERN_UPDATE, api_concern_close},
	{R_GET, "/api/v1/stats/concerns", KIND_API, AUTH_FULL, ACT_CONCERN_STATS, api_concern_stats},
	/* referrals, screening, statistics, declining to share (pages_referrals.c, issue 9) */
	{R_GET, "/indstillinger", KIND_PAGE, AUTH_FULL, ACT_REFERRAL_ADD, h_referrals},
	{R_POST, "/indstillinger", KIND_PAGE, AUTH_FULL, ACT_REFERRAL_ADD, h_referrals_add},
	{R_GET, "/visitering", KIND_PAGE, AUTH_FULL, ACT_REFERRAL_SCREEN, h_screening},
	{R_POST, "/visitering/{id}", KIND_PAGE, AUTH_FULL, ACT_REFERRAL_SCREEN, h_screening_post},
	{R_GET, "/statistik", KIND_PAGE, AUTH_FULL, ACT_CONCERN_STATS, h_concern_stats_page},
	{R_POST, "/sager/moede/{id}/afstaa", KIND_PAGE, AUTH_FULL, ACT_SHARE_DECLINE, h_case_decline},
	{R_POST, "/api/v1/meetings/{id}/items/{item}/decline", KIND_API, AUTH_FULL, ACT_SHARE_DECLINE, api_meeting_decline},
	/* following up a concern (api_followup.c, issue 9) */
	{R_GET, "/api/v1/concerns/{id}/followup", KIND_API, AUTH_FULL, ACT_CONCERN_VIEW, api_concern_followup},
	{R_POST, "/api/v1/concerns/{id}/actions", KIND_API, AUTH_FULL, ACT_CONCERN_UPDATE, api_concern_action_add},
	{R_POST, "/api/v1/concerns/{id}/notes", KIND_API, AUTH_FULL, ACT_CONCERN_UPDATE, api_concern_note_add},
	{R_POST, "/api/v1/concerns/{id}/related", KIND_API, AUTH_FULL, ACT_CONCERN_UPDATE, api_concern_related_add},
	{R_GET, "/api/v1/actions", KIND_API, AUTH_FULL, ACT_CONCERN_VIEW, api_actions_mine},
	{R_POST, "/api/v1/actions/{id}", KIND_API, AUTH_FULL, ACT_CONCERN_UPDATE, api_action_change},
	/* the data behind the strategy (api_data.c): the figures of /data */
	{R_GET, "/api/v1/data/ungeprofil", KIND_API, AUTH_FULL, ACT_DATA_VIEW, api_data_survey},
	{R_GET, "/api/v1/data/kriminalitet", KIND_API, AUTH_FULL, ACT_DATA_VIEW, api_data_crime},
	/* focus areas, trends from below, the yearly evaluation (pages_evaluation.c, issue 13) */
	{R_GET, "/indsatsomraader", KIND_PAGE, AUTH_FULL, ACT_FOCUS_VIEW, h_focus},
	{R_POST, "/indsatsomraader", KIND_PAGE, AUTH_FULL, ACT_FOCUS_EDIT, h_focus_add},
	{R_GET, "/indsatsomraader.csv", KIND_PAGE, AUTH_FULL, ACT_FOCUS_VIEW, h_focus_csv},
	{R_POST, "/indsatsomraader/{id}/slet", KIND_PAGE, AUTH_FULL, ACT_FOCUS_EDIT, h_focus_delete},
	{R_GET, "/tendenser", KIND_PAGE, AUTH_FULL, ACT_TREND_VIEW, h_trends},
	{R_GET, "/tendenser.csv", KIND_PAGE, AUTH_FULL, ACT_TREND_VIEW, h_trends_csv},
	{R_POST, "/moeder/{id}/temaer", KIND_PAGE, AUTH_FULL, ACT_TREND_TAG, h_meeting_tags},
	{R_GET, "/evaluering", KIND_PAGE, AUTH_FULL, ACT_EVALUATION_VIEW, h_evaluation},
	{R_GET, "/evaluering.pdf", KIND_PAGE, AUTH_FULL, ACT_EVALUATION_VIEW, h_evaluation_pdf},
	{R_GET, "/evaluering.csv", KIND_PAGE, AUTH_FULL, ACT_EVALUATION_VIEW, h_evaluation_csv},
	{R_GET, "/evaluering-moeder.csv", KIND_PAGE, AUTH_FULL, ACT_EVALUATION_VIEW, h_evaluation_meetings_csv},
	{R_GET, "/api/v1/focus-areas", KIND_API, AUTH_FULL, ACT_FOCUS_VIEW, api_focus_list},
	{R_POST, "/api/v1/focus-areas", KIND_API, AUTH_FULL, ACT_FOCUS_EDIT, api_focus_add},
	{R_GET, "/api/v1/trends", KIND_API, AUTH_FULL, ACT_TREND_VIEW, api_trends},
	{R_POST, "/api/v1/meetings/{id}/tags", KIND_API, AUTH_FULL, ACT_TREND_TAG, api_meeting_tags},
	{R_GET, "/api/v1/evaluation", KIND_API, AUTH_FULL, ACT_EVALUATION_VIEW, api_evaluation},
};
// clang-format on
const size_t web_routes_nr = sizeof(web_routes) / sizeof(web_routes[0]);

/* Query strings carry a handful of short filters and notices. */
#define MAX_FIELDS 64

/* Paths are ASCII by construction (ids, usernames and asset names): a
 * path with any other byte, an escape, "//" or a dot segment matches
 * nothing, so no decoding is needed and none can be fooled. */
static bool path_ok(const char *p)
{
	if (p[0] != '/')
		return false;
	for (const char *c = p; *c; c++) {
		bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			  (*c >= '0' && *c <= '9') || *c == '/' || *c == '-' || *c == '_' ||
			  *c == '.';
		if (!ok)
			return false;
		/* no empty segment, no segment starting with a dot (".", "..", hidden) */
		if (*c == '/' && (c[1] == '/' || c[1] == '.'))
			return false;
	}
	return true;
}

/* Does path match pattern? Captures {x} segments into params. */
static bool match(const char *pattern, const char *path, char params[][129])
{
	int np = 0;
	const char *p = pattern, *s = path;
	while (*p) {
		if (p[0] == '*' && p[1] == '\0')
			return *s != '\0';
		if (*p == '{') {
			const char *close = strchr(p, '}');
			size_t n = strcspn(s, "/");
			/* a literal suffix in the same segment ("{id}.ics") is
			 * matched below, not captured */
			size_t sfx = close ? strcspn(close + 1, "/{*") : 0;
			if (!close || n <= sfx || n - sfx >= 129 || np >= ROUTE_MAX_PARAMS)
				return false;
			n -= sfx;
			memcpy(params[np], s, n);
			params[np][n] = '\0';
			np++;
			s += n;
			p = close + 1;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	return *s == '\0';
}

static bool content_type_is(struct request *rq, const char *want)
{
	const char *ct = req_header(rq, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (!ct)
		return false;
	size_t n = strlen(want);
	if (strncasecmp(ct, want, n) != 0)
		return false;
	return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ';
}

/* Resolves the caller from "Authorization: Bearer" (API only) or the
 * session cookie. Returns false when it has answered the request. */
static bool identify(struct request *rq)
{
	struct svc_result r = SVC_RESULT_INIT;
	const char *authz = req_header(rq, MHD_HTTP_HEADER_AUTHORIZATION);
	if (authz && rq->route->kind == KIND_API) {
		if (strncmp(authz, "Bearer ", 7) != 0) {
			web_error(rq, 401, _("Kun »Authorization: Bearer TOKEN« understøttes."),
				  NULL);
			return false;
		}
		if (svc_token_auth(rq->svc, authz + 7, rq->client, &rq->actor, &r) < 0) {
			web_svc_fail(rq, &r);
			return false;
		}
		rq->id = ID_BEARER;
		return true;
	}
	const char *ch = req_header(rq, MHD_HTTP_HEADER_COOKIE);
	if (!ch || cookie_get(ch, strlen(ch), web_cookie_name(rq, "ssp_session"), rq->cookie,
			      sizeof(rq->cookie)) < 0)
		return true; /* anonymous */
	if (svc_session(rq->svc, rq->cookie, rq->client, &rq->actor, &rq->session, &r) == 0) {
		rq->id = ID_SESSION;
		return true;
	}
	svc_result_clear(&r);
	/* Unknown, expired or tampered: forget it. The request goes on as
	 * anonymous and is turned away below if it needs a session. */
	rq->cookie[0] = '\0';
	resp_session_cookie(rq, NULL);
	return true;
}

/* Is the caller far enough through sign-in? Answers the request (redirect
 * or 401) and returns false when not. */
static bool signed_in_enough(struct request *rq)
{
	enum route_auth need = rq->route->auth;
	bool api = rq->route->kind == KIND_API;
	if (need == AUTH_NONE)
		return true;
	if (rq->id == ID_NONE) {
		if (api)
			web_error(rq, 401, _("Du skal logge ind eller sende et API-token."), NULL);
		else
			resp_redirect(rq, "/logind");
		return false;
	}
	if (rq->id == ID_BEARER) { /* a token stands for a fully signed-in user */
		if (need == AUTH_FULL || need == AUTH_ENROL)
			return true;
		web_error(rq, 401, _("Et API-token kan ikke bruges her."), NULL);
		return false;
	}
	enum session_state st = rq->session.state;
	bool ok = (need == AUTH_TOTP_STEP && st == SESSION_NEED_TOTP) ||
		  (need == AUTH_ENROL && (st == SESSION_NEED_ENROL || st == SESSION_FULL)) ||
		  (need == AUTH_FULL && st == SESSION_FULL);
	if (ok)
		return true;
	if (api) {
		web_error(rq, 401, _("Log helt ind (med tofaktorkode) først."), NULL);
		return false;
	}
	/* send the browser to the step it is at */
	resp_redirect(rq, st == SESSION_NEED_TOTP    ? "/logind/totp"
			  : st == SESSION_NEED_ENROL ? "/profil/totp"
						     : "/");
	return false;
}

/* CSRF: every POST from a browser carries a token that a page of ours put
 * there. Bearer requests need none (a browser never adds that header by
 * itself). Returns false when it has answered 403. */
static bool csrf_ok(struct request *rq)
{
	if (strcmp(rq->method, "POST") != 0 || rq->route->kind == KIND_RAW || rq->id == ID_BEARER)
		return true;
	const char *sent;
	char expected[AUTH_SECRET_LEN + 1] = "";
	if (rq->route->kind == KIND_API)
		sent = req_header(rq, "X-CSRF-Token");
	else
		sent = form_get(&rq->form, "csrf");
	if (rq->id == ID_SESSION) {
		snprintf(expected, sizeof(expected), "%s", rq->session.csrf);
	} else if (rq->route->handler == h_logout) {
		return true; /* nothing to sign out of; the handler just redirects */
	} else {
		/* before sign-in: double-submit of the ssp_csrf cookie, which
		 * must be one the server issued (keyed MAC, csrf.c) */
		const char *ch = req_header(rq, MHD_HTTP_HEADER_COOKIE);
		if (!ch ||
		    cookie_get(ch, strlen(ch), web_cookie_name(rq, "ssp_csrf"), expected,
			       sizeof(expected)) < 0 ||
		    !web_login_token_valid(rq->srv, expected))
			expected[0] = '\0';
	}
	if (sent && expected[0] && web_token_equal(sent, expected))
		return true;
	web_error(rq, 403,
		  _("Formularens sikkerhedsnøgle mangler eller er forældet. Gå tilbage, "
		    "genindlæs siden og prøv igen."),
		  "csrf");
	return false;
}

void web_dispatch(struct request *rq)
{
	svc_request_begin(rq->svc);
	bool head = !strcmp(rq->method, "HEAD");
	const char *method = head ? "GET" : rq->method;
	if (!path_ok(rq->path)) {
		web_error(rq, 404, _("Der findes ingen side med den adresse."), NULL);
		return;
	}
	const struct route *found = NULL;
	bool path_known = false;
	for (size_t i = 0; i < web_routes_nr && !found; i++) {
		const struct route *r = &web_routes[i];
		if (!match(r->pattern, rq->path, rq->params))
			continue;
		path_known = true;
		if (!strcmp(r->method, method))
			found = r;
	}
	if (!path_known) {
		web_error(rq, 404, _("Der findes ingen side med den adresse."), NULL);
		return;
	}
	if (!found) {
		struct strbuf allow = STRBUF_INIT;
		char tmp[ROUTE_MAX_PARAMS][129];
		for (size_t i = 0; i < web_routes_nr; i++) {
			const struct route *r = &web_routes[i];
			if (!match(r->pattern, rq->path, tmp) || strstr(allow.buf, r->method))
				continue;
			if (allow.len)
				strbuf_addstr(&allow, ", ");
			strbuf_addstr(&allow, r->method);
			if (!strcmp(r->method, "GET"))
				strbuf_addstr(&allow, ", HEAD");
		}
		char msg[200];
		snprintf(msg, sizeof(msg), _("Metoden %s kan ikke bruges her; tilladt er: %s."),
			 rq->method, allow.buf);
		web_error(rq, 405, msg, NULL);
		resp_header(&rq->rs, MHD_HTTP_HEADER_ALLOW, "%s", allow.buf);
		strbuf_release(&allow);
		return;
	}
	rq->route = found;

	struct parse_error pe;
	struct form_limits lim = {rq->srv->cfg->max_field_bytes, MAX_FIELDS};
	if (form_parse(rq->query, rq->query_len, &lim, &rq->query_form, &pe) < 0) {
		web_parse_error(rq, &pe);
		return;
	}
	if (!strcmp(rq->method, "POST") && found->kind == KIND_PAGE) {
		/* a file upload (issue 13): only where a page takes a file; the
		 * file and its CSV text (carried to the apply step) may fill
		 * the whole body */
		if (found->handler == h_data_import_post && rq->body.len && web_is_multipart(rq)) {
			struct form_limits up = {rq->srv->cfg->max_body_bytes, MAX_FIELDS};
			if (!web_multipart_parse(rq, &up))
				return;
		} else if (rq->body.len &&
			   !content_type_is(rq, "application/x-www-form-urlencoded")) {
			/* an empty body (a bare button) needs no Content-Type */
			web_error(
			    rq, 415,
			    _("Formularen skal sendes som application/x-www-form-urlencoded."),
			    NULL);
			return;
		} else if (form_parse(rq->body.buf, rq->body.len, &lim, &rq->form, &pe) < 0) {
			web_parse_error(rq, &pe);
			return;
		}
	} else if (!strcmp(rq->method, "POST") && found->kind == KIND_API) {
		if (rq->body.len || found->handler == api_users_add) {
			if (!content_type_is(rq, "application/json")) {
				web_error(rq, 415,
					  _("Indholdet skal være JSON (application/json)."), NULL);
				return;
			}
			rq->json = json_body_parse(rq->body.buf, rq->body.len, &pe);
			if (!rq->json && pe.status == PARSE_BAD_UTF8) {
				/* a readable body with one bad text value: 422
				 * naming the field (issue 9, "Bad input") */
				char msg[512];
				parse_error_message(&pe, msg, sizeof(msg));
				web_error(rq, 422, msg, pe.field);
				return;
			}
			if (!rq->json) {
				web_parse_error(rq, &pe);
				return;
			}
		}
	}

	if (found->kind != KIND_RAW && !identify(rq))
		return;
	if (!signed_in_enough(rq))
		return;
	if (!csrf_ok(rq))
		return;
	if (found->action >= 0) {
		struct svc_result r = SVC_RESULT_INIT;
		if (!svc_allowed(rq->svc, &rq->actor, (enum action)found->action, &r)) {
			web_svc_fail(rq, &r);
			return;
		}
	}
	found->handler(rq);
}
