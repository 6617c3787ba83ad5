/* auth.h - users, sign-in, sessions, two-factor and API tokens.
 *
 * Passwords: Argon2id (libsodium crypto_pwhash_str). Sessions: a 256-bit
 * random id given to the browser, stored only as its BLAKE2b hash. TOTP:
 * RFC 6238 through liboath, 30 s steps, +-1 step, a code is accepted once.
 * API tokens: shown once, stored hashed. Sign-in failures are throttled per
 * user and per client address without revealing whether a user exists.
 * Every function here writes the access log.
 */
#ifndef SSP_AUTH_H
#define SSP_AUTH_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/user.h"
#include "service/service.h"

/* A session cookie value / API token: 43 chars of base64url (256 bits). */
#define AUTH_SECRET_LEN 43

/* struct user_info, user_list, user_new: domain/user.h */

/* ACT_USER_ADMIN. SVC_CONFLICT when the username is taken; SVC_INVALID
 * for a bad username, empty name, or a password under 12 characters.
 * A role that sees personal data (role_sees_personal_data) needs the
 * administrator's step-up (svc_stepup: stepup_code is the acting
 * administrator's current two-factor code, not the new user's; the local
 * operator needs none), and the grant is logged as the notable event
 * "user.grant". svc_user_add is svc_user_add_stepup without a code. */
int svc_user_add_stepup(struct service *svc, const struct actor *a, const struct user_new *u,
			const char *password, const char *stepup_code, struct svc_result *r);
int svc_user_add(struct service *svc, const struct actor *a, const struct user_new *u,
		 const char *password, struct svc_result *r);
int svc_user_list(struct service *svc, const struct actor *a, struct user_list *out,
		  struct svc_result *r);
/* Disables the user and ends their sessions and tokens. */
int svc_user_disable(struct service *svc, const struct actor *a, const char *username,
		     struct svc_result *r);
/* ACT_USER_ADMIN: gives username the role. Giving a role that sees
 * personal data needs the administrator's step-up (stepup_code) and is
 * logged as the notable event "user.grant"; every change ends the user's
 * sessions, so the next sign-in meets the new role's two-factor rule. An
 * administrator cannot change their own role (SVC_CONFLICT). */
int svc_user_set_role(struct service *svc, const struct actor *a, const char *username,
		      enum role role, const char *stepup_code, struct svc_result *r);

/* A fresh two-factor confirmation by the acting user (step-up) before an
 * action that opens personal data to someone: code must be the actor's
 * current TOTP code (once only). A wrong code counts with the sign-in
 * failures of the actor and their address (SVC_INVALID on field
 * "stepup_code"; too many: SVC_THROTTLED, before the code is checked); an
 * actor without two-factor gets SVC_FORBIDDEN. The local operator (the
 * machine's root, who can read the database and its key anyway) needs
 * none. Logged: "stepup" ok/failed. */
int svc_stepup(struct service *svc, const struct actor *a, const char *code, const char *why,
	       struct svc_result *r);

/* The actor's own record (ACT_PROFILE). */
int svc_user_self(struct service *svc, const struct actor *a, struct user_info *out,
		  struct svc_result *r);

/* What the session permits after a step of signing in. */
enum session_state {
	SESSION_NEED_TOTP,  /* password accepted; a TOTP code is needed */
	SESSION_NEED_ENROL, /* password accepted; must enrol two-factor first */
	SESSION_FULL        /* signed in */
};

struct session_info {
	enum session_state state;
	char csrf[AUTH_SECRET_LEN + 1]; /* the session's CSRF token */
};

/* Checks username and password. On success creates a session and writes
 * its cookie value to cookie_out (AUTH_SECRET_LEN + 1 bytes). Wrong
 * username, wrong password and disabled user all give the same
 * SVC_UNAUTHENTICATED message; too many recent failures give SVC_THROTTLED
 * (checked before the password is hashed). client: the client address. */
int svc_login(struct service *svc, const char *username, const char *password, const char *client,
	      char *cookie_out, struct session_info *info, struct svc_result *r);

/* Second step: a TOTP code for a SESSION_NEED_TOTP session. The session id
 * is replaced (cookie_out gets the new value) to prevent fixation. */
int svc_login_totp(struct service *svc, const char *cookie, const char *code, const char *client,
		   char *cookie_out, struct session_info *info, struct svc_result *r);

/* Resolves a cookie value to its actor and session, enforcing the idle
 * timeout and absolute lifetime (expired: SVC_UNAUTHENTICATED, and the
 * session is deleted). Touches last_seen. */
int svc_session(struct service *svc, const char *cookie, const char *client, struct actor *a,
		struct session_info *info, struct svc_result *r);

/* Ends the session (idempotent). */
int svc_logout(struct service *svc, const char *cookie, const char *client);

/* Resolves "Authorization: Bearer TOKEN" to an actor; revoked, unknown or a
 * disabled user's token gives SVC_UNAUTHENTICATED. Logs token use. */
int svc_token_auth(struct service *svc, const char *token, const char *client, struct actor *a,
		   struct svc_result *r);

/* ACT_USER_ADMIN (or the local operator). token_out gets
 * AUTH_SECRET_LEN + 1 bytes; it is shown once and stored hashed. A token
 * stands for its user, with that user's role, on the JSON API only, until
 * revoked; it skips two-factor. So only the local operator (the machine's
 * root) creates tokens: a signed-in administrator gets SVC_FORBIDDEN
 * (docs/tokens.md), and "token.create" is a notable event on the
 * auditor's page. */
int svc_token_create(struct service *svc, const struct actor *a, const char *username,
		     char *token_out, struct svc_result *r);
/* Revokes every token of username; *count gets how many. */
int svc_token_revoke(struct service *svc, const struct actor *a, const char *username, int *count,
		     struct svc_result *r);

/* Two-factor enrolment for the actor's own account (ACT_PROFILE, allowed
 * in a SESSION_NEED_ENROL session too). begin makes a new secret (not yet
 * active) and returns it in base32 and as an otpauth:// URI (caller frees
 * both); confirm activates it when code is right. If enrolment was forced
 * by sign-in, confirm upgrades the session to SESSION_FULL. */
int svc_totp_begin(struct service *svc, const struct actor *a, char **secret_base32,
		   char **otpauth_uri, struct svc_result *r);
int svc_totp_confirm(struct service *svc, const struct actor *a, const char *cookie,
		     const char *code, struct svc_result *r);

/* Own password change: old must be right; new at least 12 characters.
 * Every other session of the user ends (keep_cookie names the session to
 * keep, the one the change was made from; NULL ends them all). */
int svc_password_change(struct service *svc, const struct actor *a, const char *old_password,
			const char *new_password, const char *keep_cookie, struct svc_result *r);

/* Is two-factor sign-in required for this role under svc->cfg? */
bool auth_totp_required(const struct service *svc, enum role role);

#endif
