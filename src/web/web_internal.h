/* web_internal.h - what the files of src/web/ share: the request being
 * answered, the response being built, and the route table's types.
 *
 * Ownership: one struct request per HTTP request, created when its URI
 * arrives and freed when libmicrohttpd reports the request complete. A
 * handler runs on one of the pool's threads and may use rq->svc (that
 * thread's own service and SQLite connection) freely; nothing in a request
 * is shared with another thread.
 */
#ifndef SSP_WEB_INTERNAL_H
#define SSP_WEB_INTERNAL_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stdint.h>

#include "service/auth.h"
#include "service/service.h"
#include "util/strbuf.h"
#include "web/html.h"
#include "web/parse.h"

/* Read-only after web_serve() has started the daemon. */
struct web_server {
	const struct config *cfg;
	const char *db_path;
	unsigned char key[32]; /* instance secret, copied into every thread's service */
	bool tls;
	char asset_dir[4096];
};

#define RESP_MAX_HEADERS 8

struct response {
	unsigned status;
	const char *content_type; /* static string */
	struct strbuf body;
	int fd; /* >= 0: send this file (owned) instead of body */
	uint64_t fd_size;
	bool cacheable; /* static asset: may be cached; else no-store */
	struct {
		const char *name; /* static string */
		char *value;      /* owned */
	} headers[RESP_MAX_HEADERS];
	size_t nheaders;
};

enum route_kind {
	KIND_PAGE, /* HTML; POST bodies are forms; errors are pages */
	KIND_API,  /* JSON; POST bodies are JSON; errors are JSON */
	KIND_RAW   /* healthz and static files: no identity */
};

/* How far through sign-in the caller must be. */
enum route_auth {
	AUTH_NONE,      /* anyone */
	AUTH_TOTP_STEP, /* a session waiting for its TOTP code */
	AUTH_ENROL,     /* a session that must enrol two-factor, or a full one */
	AUTH_FULL       /* signed in */
};

struct request;
typedef void (*handler_fn)(struct request *rq);

struct route {
	const char *method;  /* "GET" or "POST" (HEAD is answered as GET) */
	const char *pattern; /* "/organisation/{id}"; "{x}" is one segment; a
				trailing "*" matches any rest, as in the static route */
	enum route_kind kind;
	enum route_auth auth;
	int action; /* enum action checked before the handler, or -1 */
	handler_fn handler;
};

#define ROUTE_MAX_PARAMS 2

enum identity { ID_NONE, ID_SESSION, ID_BEARER };

/* The one file a multipart/form-data page POST may carry (upload.c). */
struct upload {
	bool present;
	char *name;         /* owned; the browser's file name, as sent */
	struct strbuf data; /* the file's bytes (counted in max_body_bytes) */
};

struct request {
	struct MHD_Connection *conn;
	const struct web_server *srv;
	struct service *svc; /* this thread's; NULL until dispatch */

	char *uri; /* raw request target, owned */
	char method[16];
	const char *path;  /* points into path_buf */
	char *path_buf;    /* owned */
	const char *query; /* raw query string (into uri), "" when none */
	size_t query_len;
	char client[64];

	/* body (phase two) */
	bool started;
	struct strbuf body;
	size_t body_seen;
	bool body_too_large;

	/* routing */
	const struct route *route;
	char params[ROUTE_MAX_PARAMS][129];
	struct form query_form;
	struct form form;     /* page POST body */
	json_t *json;         /* API POST body, owned */
	struct upload upload; /* the file of a multipart/form-data POST (upload.c) */

	/* who is asking */
	enum identity id;
	struct actor actor;
	struct session_info session; /* valid when id == ID_SESSION */
	char cookie[AUTH_SECRET_LEN + 1];

	struct response rs;
	bool responded;
	/* the request's access-log entries (service/audit.h): the answer is
	 * held, the connection suspended, until they are committed */
	struct audit_defer *defer;
	bool held;
};

/* ---- upload.c ---- */

/* Whether the request's Content-Type is multipart/form-data. */
bool web_is_multipart(struct request *rq);
/* Parses rq->body, a multipart/form-data body, with libmicrohttpd's post
 * processor: its text parts into rq->form (form_add's rules under lim),
 * its one file part (named "file") into rq->upload. Returns false when it
 * has answered the request (400 naming what was wrong). */
bool web_multipart_parse(struct request *rq, const struct form_limits *lim);

/* ---- response.c ---- */

void resp_init(struct response *rs);
void resp_release(struct response *rs);
/* Adds a header; value is copied (printf-style). */
void resp_header(struct response *rs, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void resp_text(struct request *rq, unsigned status, const char *text);
/* Takes ownership of j. */
void resp_json(struct request *rq, unsigned status, json_t *j);
/* The same for JSON text already written (without the final newline). */
void resp_json_text(struct request *rq, unsigned status, const char *text, size_t len);
/* {"error": message, "field": field} */
void resp_json_error(struct request *rq, unsigned status, const char *message, const char *field);
void resp_redirect(struct request *rq, const char *location);
/* The session cookie (value NULL: expire it). */
void resp_session_cookie(struct request *rq, const char *value);
void resp_csrf_cookie(struct request *rq, const char *value);
/* Queues rq->rs on the connection with every security header; when one
 * cannot be added, an empty 500 with them instead, or MHD_NO (the
 * connection is closed). */
enum MHD_Result resp_send(struct request *rq);

/* ---- headers.c ---- */

/* The libmicrohttpd response for rs with the security headers, its content
 * type and its own headers; takes rs->fd and rs->body's buffer. NULL when any header was refused
 * (then nothing is sent with fewer headers than it should carry). */
struct MHD_Response *resp_build(struct response *rs, bool tls);

/* svc_status -> HTTP status */
unsigned http_status_for(enum svc_status st);

/* An error for a person: an HTML page for pages, JSON for the API. */
void web_error(struct request *rq, unsigned status, const char *message, const char *field);
/* The same for a failed service call; a page whose session is gone is
 * redirected to /logind. */
void web_svc_error(struct request *rq, const struct svc_result *r);
/* web_svc_error, then clears r. */
void web_svc_fail(struct request *rq, struct svc_result *r);
void web_parse_error(struct request *rq, const struct parse_error *e);

/* ---- router.c ---- */

void web_dispatch(struct request *rq);
/* The route table (for the Allow header and documentation). */
extern const struct route web_routes[];
extern const size_t web_routes_nr;

/* ---- layout.c ---- */

struct page {
	const char *title; /* <title> and <h1>; translated */
	const char *nav;   /* path of the active main-menu item, or NULL */
	struct html main;  /* content of <main> after the h1 */
	bool no_h1;        /* main starts with its own h1 */
};

void page_init(struct page *p, const char *title, const char *nav);
/* Wraps p in the DKFDS frame (skip link, header, menu for the actor's
 * role, footer) and sets it as the response body; releases p. */
void page_finish(struct request *rq, unsigned status, struct page *p);
/* A whole page with one alert, e.g. 404, 403, 429, 500. */
void page_message(struct request *rq, unsigned status, const char *title, const char *message);

/* ---- form.c: the form widgets every page file uses ---- */

/* One labelled <input> with its hint and error (WCAG: label, aria-invalid,
 * aria-describedby). */
struct field {
	const char *id;           /* id and name */
	const char *label;        /* translated */
	const char *type;         /* "text", "password", ... */
	const char *value;        /* NULL: empty */
	const char *autocomplete; /* NULL: none */
	const char *hint;         /* NULL: none */
	bool optional;
	bool numeric; /* one-time codes: inputmode=numeric */
};

/* The message for field id, when the failed call r named it. */
const char *error_for(const struct svc_result *r, const char *id);
void input_field(struct html *h, const struct field *f, const char *error);
/* A labelled <select> with its hint and error, as input_field (f->type,
 * value, autocomplete and numeric are not used): select_open, then one
 * select_option per choice, then select_close. */
void select_open(struct html *h, const struct field *f, const char *error);
void select_option(struct html *h, const char *value, const char *label, bool selected);
void select_close(struct html *h);
/* <button type="submit"> of DKFDS variant "primary" or "secondary". */
void submit_button(struct html *h, const char *variant, const char *label);
void csrf_input(struct html *h, const char *token);
/* A DKFDS alert; variant "error" (role="alert"), "success", "info", "warning". */
void alert(struct html *h, const char *variant, const char *text);
/* r's message as an error alert (nothing when r is NULL or OK). */
void form_error_summary(struct html *h, const struct svc_result *r);
/* A labelled <textarea> (id and name) of rows lines with its hint and
 * error; value NULL: empty. */
void textarea_field(struct html *h, const char *id, const char *label, const char *hint,
		    const char *value, const char *error, int rows);
/* A labelled checkbox (id and name) sending value when checked. */
void checkbox_field(struct html *h, const char *id, const char *value, bool checked,
		    const char *label);

/* ---- pages.c: helpers shared by the page files ---- */

/* A notice after post/redirect/get: ?ok=KEY names one of a page's notices
 * (text marked N_(); the list ends with {NULL, NULL}), shown as a success
 * alert, so no text from the address is ever shown. */
struct notice {
	const char *key, *text;
};
void page_notice(struct request *rq, struct html *h, const struct notice *notices);
/* Loads the organisation for a page (svc_org_view); answers the request
 * and returns false on failure. */
bool web_load_org(struct request *rq, struct org *o);
/* A field of the POST form, "" when absent. */
const char *fget(struct request *rq, const char *key);

/* ---- handlers: pages.c, api.c, assets.c ---- */

void h_healthz(struct request *rq);
void h_static(struct request *rq);

void h_home(struct request *rq);
void h_login_form(struct request *rq);
void h_login_post(struct request *rq);
void h_totp_form(struct request *rq);
void h_totp_post(struct request *rq);
void h_logout(struct request *rq);
void h_org(struct request *rq);
void h_org_body(struct request *rq);
void h_org_diagram(struct request *rq);
void h_users(struct request *rq);
void h_users_add(struct request *rq);
void h_user_disable(struct request *rq);
void h_user_role(struct request *rq);
void h_profile(struct request *rq);
void h_enrol_form(struct request *rq);
void h_enrol_post(struct request *rq);
void h_password_post(struct request *rq);
void h_log(struct request *rq);

/* pages_schools.c: the school network (/skoler ...) */
void h_schools(struct request *rq);
void h_schools_add(struct request *rq);
void h_theme_day(struct request *rq);
void h_theme_day_post(struct request *rq);
void h_school(struct request *rq);
void h_school_edit(struct request *rq);
void h_school_deactivate(struct request *rq);
void h_school_activate(struct request *rq);
void h_laeseplan_add(struct request *rq);
void h_laeseplan_edit(struct request *rq);
void h_laeseplan_remove(struct request *rq);
/* "15. september 2027" ("–" for CAL_NO_DAY). */
void web_dk_date(long day, char out[40]);
/* params.c: ?aar=YYYY on pages, ?year=YYYY in the JSON API (2000-2100)
 * into *year, the current year when absent; answers 400 and returns -1
 * when it is no such year. */
int web_query_year(struct request *rq, int *year);
/* params.c: path segment i as a record id (id_parse); answers 404 with
 * not_found (translated) and returns false when it is none. */
bool web_path_id(struct request *rq, size_t i, const char *not_found, long long *id);
/* ?NAME=YYYY-MM-DD into *day (days since 1970-01-01), today when absent;
 * answers 400 on field NAME and returns -1 when it is no such date. */
int web_query_date(struct request *rq, const char *name, long *day);
/* pages_concerns.c: the § 115-møde's cases (/sager/moede/{id}, issue 9) */
void h_case_meeting(struct request *rq);
void h_case_handover(struct request *rq);
void h_case_decide(struct request *rq);
void h_case_close(struct request *rq);
/* pages_compliance.c: /overholdelse */
void h_compliance(struct request *rq);

/* pages_meetings.c: the annual wheel, meeting list and meeting pages */
void h_wheel(struct request *rq);
void h_wheel_svg(struct request *rq);
void h_meetings(struct request *rq);
void h_meeting_add(struct request *rq);
void h_meeting(struct request *rq);
void h_meeting_status(struct request *rq);
void h_meeting_move(struct request *rq);
void h_meeting_agenda(struct request *rq);
void h_meeting_attendance(struct request *rq);
void h_meeting_minutes(struct request *rq);
/* The front page's "Dine kommende møder" section. */
void home_meetings_section(struct request *rq, struct html *h);
/* pages_calendar.c: ICS feeds, the private calendar address, participants */
void h_calendar_body(struct request *rq);
void h_calendar_feed(struct request *rq);
void h_caltoken_create(struct request *rq);
void h_caltoken_revoke(struct request *rq);
void h_participant_add(struct request *rq);
void h_participant_remove(struct request *rq);
/* The profile page's calendar-subscription section. */
void calendar_profile_section(struct request *rq, struct html *h);
/* A body page's participants and calendar section (body_id from the page). */
void body_participants_section(struct request *rq, struct html *h, const char *body_id);

void api_me(struct request *rq);
void api_org(struct request *rq);
void api_org_body(struct request *rq);
void api_users(struct request *rq);
void api_users_add(struct request *rq);
void api_user_disable(struct request *rq);
void api_user_role(struct request *rq);
void api_audit(struct request *rq);
void api_audit_verify(struct request *rq);

/* api_meetings.c: meetings and compliance (/api/v1/meetings, /api/v1/compliance) */
void api_meetings(struct request *rq);
void api_meeting_add(struct request *rq);
void api_meeting(struct request *rq);
void api_meeting_status(struct request *rq);
void api_meeting_move(struct request *rq);
void api_meeting_agenda(struct request *rq);
void api_meeting_attendance(struct request *rq);
void api_meeting_minutes(struct request *rq);
void api_compliance(struct request *rq);
/* api_schools.c: the school network (/api/v1/schools) */
void api_schools(struct request *rq);
void api_schools_add(struct request *rq);
void api_theme_day(struct request *rq);
void api_theme_day_post(struct request *rq);
void api_school(struct request *rq);
void api_school_edit(struct request *rq);
void api_school_deactivate(struct request *rq);
void api_school_activate(struct request *rq);
void api_laeseplan_add(struct request *rq);
void api_laeseplan_edit(struct request *rq);
void api_laeseplan_remove(struct request *rq);
/* pages_data.c: the survey and police figures (/data) */
void h_data(struct request *rq);
void h_data_csv_survey(struct request *rq);
void h_data_csv_crime(struct request *rq);
void h_data_import(struct request *rq);
void h_data_import_post(struct request *rq);
/* pages_indsigt.c: the right of access for the revisor (/indsigt, issue 12) */
void h_indsigt(struct request *rq);
void h_indsigt_search(struct request *rq);
void h_indsigt_person(struct request *rq);
void h_indsigt_json(struct request *rq);
void h_indsigt_pdf(struct request *rq);
void h_indsigt_request_add(struct request *rq);
void h_indsigt_restrict(struct request *rq);
void h_indsigt_answered(struct request *rq);
/* The front page's section for the revisor: open requests, overdue ones. */
void home_indsigt_section(struct request *rq, struct html *h);
/* api_data.c: the survey and police figures (/api/v1/data/...) */
void api_data_survey(struct request *rq);
void api_data_crime(struct request *rq);

/* pages_team.c: the SSP-team's daily work (/tilbud, /arrangementer) */
void h_offers(struct request *rq);
void h_offers_add(struct request *rq);
void h_offer_confirm(struct request *rq);
void h_offers_csv(struct request *rq);
void h_events(struct request *rq);
void h_events_add(struct request *rq);
void h_events_recurring(struct request *rq);
void h_events_ics(struct request *rq);
void h_event(struct request *rq);
void h_event_register(struct request *rq);
void h_event_attendance(struct request *rq);
void h_event_shift(struct request *rq);
void h_event_evaluation(struct request *rq);
/* Editing: /tilbud/{id} (form, save, /fjern), /arrangementer/{id}/ret
 * and /aflys. */
void h_offer(struct request *rq);
void h_offer_edit(struct request *rq);
void h_offer_remove(struct request *rq);
void h_event_edit_form(struct request *rq);
void h_event_edit(struct request *rq);
void h_event_cancel(struct request *rq);
/* The compliance page's section on the training rule: the contact persons
 * not trained within the strategy's months, as of as_of. */
void training_section(struct request *rq, struct html *h, long as_of);
/* Knowledge notes (/viden), and the front page's section: unread notes
 * addressed to the user, offers they own that need confirming. */
void h_notes(struct request *rq);
void h_notes_add(struct request *rq);
void h_note_read(struct request *rq);
void home_team_section(struct request *rq, struct html *h);
/* Advice given (/raadgivning): yearly counts, the form, CSV. */
void h_advice(struct request *rq);
void h_advice_add(struct request *rq);
void h_advice_csv(struct request *rq);
/* api_team.c: the same (/api/v1/offers, /api/v1/events) */
void api_offers(struct request *rq);
void api_offers_add(struct request *rq);
void api_offer_confirm(struct request *rq);
void api_events(struct request *rq);
void api_events_add(struct request *rq);
void api_events_recurring(struct request *rq);
void api_event(struct request *rq);
void api_event_register(struct request *rq);
void api_event_attendance(struct request *rq);
void api_event_shift(struct request *rq);
void api_event_evaluation(struct request *rq);
/* ... editing offers and events, and knowledge notes and advice
 * (/api/v1/notes, /api/v1/advice) */
void api_offer(struct request *rq);
void api_offer_update(struct request *rq);
void api_offer_remove(struct request *rq);
void api_event_update(struct request *rq);
void api_event_cancel(struct request *rq);
void api_notes(struct request *rq);
void api_notes_add(struct request *rq);
void api_note_read(struct request *rq);
void api_advice(struct request *rq);
void api_advice_add(struct request *rq);
void api_advice_counts(struct request *rq);
/* api_concerns.c: the case flow (issue 9; people, hand-overs, referrals,
 * the § 115 agenda and decisions, concerns, statistics) */
void api_people_add(struct request *rq);
void api_person(struct request *rq);
void api_person_cpr(struct request *rq);
void api_handovers_add(struct request *rq);
void api_handover(struct request *rq);
void api_referrals_add(struct request *rq);
void api_referral(struct request *rq);
void api_referral_screen(struct request *rq);
void api_meeting_cases(struct request *rq);
void api_meeting_decision(struct request *rq);
void api_meeting_close(struct request *rq);
void api_concern(struct request *rq);
void api_concern_close(struct request *rq);
void api_concern_stats(struct request *rq);

/* Helpers of the api_*.c files (in api_meetings.c). On bad input each
 * answers the request (422 for well-formed JSON with the wrong content, 400
 * for a bad query) and returns false. rq->json is NULL for an empty body,
 * which reads as {}. */
/* Does the body have only these members (NULL-terminated)? */
bool api_body_keys(struct request *rq, const char *const *keys);
/* String member key of the body (*out NULL when absent and !required). */
bool api_string(struct request *rq, const char *key, bool required, const char **out);
/* Integer member key of obj in [min, max] (*out untouched when absent and
 * !required). */
bool api_int(struct request *rq, json_t *obj, const char *key, bool required, long long min,
	     long long max, long long *out);
/* Boolean member key of obj (*out untouched when absent). */
bool api_bool(struct request *rq, json_t *obj, const char *key, bool *out);
/* s "YYYY-MM-DD" (the member key) into a day. */
bool api_date(struct request *rq, const char *key, const char *s, long *day);
/* web_svc_fail, with r->field renamed by fields: pairs of the service's
 * name and the JSON member's, NULL-terminated (NULL: none). */
void api_svc_fail(struct request *rq, struct svc_result *r, const char *const *fields);
json_t *api_str_or_null(const char *s);
/* "YYYY-MM-DD", or null for CAL_NO_DAY. */
json_t *api_day_or_null(long day);

/* ---- pages_evaluation.c: focus areas, trends, the evaluation (issue 13) ---- */
void h_focus(struct request *rq);
void h_focus_add(struct request *rq);
void h_focus_csv(struct request *rq);
void h_focus_delete(struct request *rq);
void h_trends(struct request *rq);
void h_trends_csv(struct request *rq);
void h_meeting_tags(struct request *rq);
void h_evaluation(struct request *rq);
void h_evaluation_pdf(struct request *rq);
void h_evaluation_csv(struct request *rq);
void h_evaluation_meetings_csv(struct request *rq);
void api_focus_list(struct request *rq);
void api_focus_add(struct request *rq);
void api_trends(struct request *rq);
void api_meeting_tags(struct request *rq);
void api_evaluation(struct request *rq);
/* The meeting page's section of trend tags (and their form when can_tag). */
void meeting_tags_section(struct request *rq, struct html *h, long long id, bool can_tag);
/* The focus areas in force in year as one line each ("TITLE: GOAL"), for
 * the annual wheel; nothing when the actor may not see them. */
void web_focus_lines(struct request *rq, int year, struct strlist *out);

/* ---- qr.c ---- */

/* Appends text as a QR code drawn with <rect>/<path> and fill attributes
 * (no style attribute: the CSP forbids inline style). 0, or -1 if text is
 * too long to encode. */
int qr_svg(struct html *h, const char *text, const char *label);

/* ---- pages_referrals.c (issue 9): referrals, screening, statistics,
 * declining to share ---- */
struct agenda;
void h_referrals(struct request *rq);
void h_referrals_add(struct request *rq);
void h_screening(struct request *rq);
void h_screening_post(struct request *rq);
void h_concern_stats_page(struct request *rq);
void h_case_decline(struct request *rq);
void api_meeting_decline(struct request *rq);
/* The case page's "decline to share" form (nothing when the meeting is
 * closed, has no items or the role may not). */
void case_decline_section(struct request *rq, struct html *h, long long meeting,
			  const struct agenda *g);

/* ---- util ---- */

/* csrf.c: the name of cookie base ("ssp_session", "ssp_csrf") as sent:
 * with the __Host- prefix over TLS. */
const char *web_cookie_name(const struct request *rq, const char *base);
/* csrf.c: the sign-in form's CSRF token, issued with a keyed MAC
 * (AUTH_SECRET_LEN characters), and whether a value is one the server
 * issued. */
void web_login_token_new(const struct web_server *srv, char out[AUTH_SECRET_LEN + 1]);
bool web_login_token_valid(const struct web_server *srv, const char *v);
/* Constant-time comparison of two NUL-terminated tokens. */
bool web_token_equal(const char *a, const char *b);
/* The value of a request header, or NULL. */
const char *req_header(struct request *rq, const char *name);

/* pages_followup.c, api_followup.c: following up a concern (issue 9;
 * /sager/{id}, the forside's open actions, /api/v1/concerns/{id}/...,
 * /api/v1/actions) */
void h_concern(struct request *rq);
void h_concern_cpr(struct request *rq);
void h_concern_action_add(struct request *rq);
void h_concern_action_change(struct request *rq);
void h_concern_report(struct request *rq);
void h_concern_note_add(struct request *rq);
void h_concern_related_add(struct request *rq);
void h_concern_close(struct request *rq);
void home_followup_section(struct request *rq, struct html *h);
void api_concern_followup(struct request *rq);
void api_concern_action_add(struct request *rq);
void api_concern_note_add(struct request *rq);
void api_concern_related_add(struct request *rq);
void api_action_change(struct request *rq);
void api_actions_mine(struct request *rq);

#endif
