/* user_store.h - SQL for users, sessions, API tokens and sign-in failures.
 * The rules (hashing, throttling, timeouts) are in service/auth.c. */
#ifndef SSP_USER_STORE_H
#define SSP_USER_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/user.h"
#include "store/store.h"

struct user_row {
	struct user_info info;
	char *password_hash;
	unsigned char *totp_sealed; /* NULL when none */
	size_t totp_sealed_len;
	long long totp_last_step;
};

void user_row_release(struct user_row *u);

/* 0 on success; -2 when the username is taken; -1 on error. */
int store_user_insert(struct store *s, const struct user_new *u, const char *password_hash,
		      long long *id, char **err);
/* 0 found, 1 not found, -1 error. */
int store_user_by_name(struct store *s, const char *username, struct user_row *out, char **err);
int store_user_by_id(struct store *s, long long id, struct user_row *out, char **err);
int store_user_list(struct store *s, struct user_list *out, char **err);
int store_user_set_disabled(struct store *s, long long id, bool disabled, char **err);
int store_user_set_role(struct store *s, long long id, enum role role, char **err);
int store_user_set_password(struct store *s, long long id, const char *hash, char **err);
/* Sets (or clears, with sealed = NULL) the TOTP secret and its state. */
int store_user_set_totp(struct store *s, long long id, const unsigned char *sealed, size_t len,
			bool enabled, char **err);
/* Records the last accepted TOTP step if it is newer; returns 0 when
 * recorded, 1 when step was not newer (a replay), -1 on error. */
int store_user_use_totp_step(struct store *s, long long id, long long step, char **err);
bool store_institution_exists(struct store *s, const char *id);

struct session_row {
	long long user_id;
	char state[8];
	char csrf[64];
	long long created_at, last_seen;
};

int store_session_insert(struct store *s, const unsigned char hash[32], long long user_id,
			 const char *state, const char *csrf, long long now, char **err);
/* 0 found, 1 not found, -1 error. */
int store_session_get(struct store *s, const unsigned char hash[32], struct session_row *out,
		      char **err);
/* A session and its user read together (one statement, one read
 * transaction): the signed-in request's lookup. user_found is false when
 * the session's user is gone. Text is copied into the fixed buffers (cut
 * to their size, as the actor keeps them), so nothing is allocated. */
struct session_user {
	struct session_row session;
	/* the organisation's stamp and the schema version as of this
	 * lookup's read transaction (store_org_stamp): what the request's
	 * later check of the cached organisation compares */
	bool org_stamp_ok;
	long long org_stamp, org_schema;
	bool user_found, disabled;
	enum role role;
	char username[65];
	char org[129];
};
/* 0 found, 1 no such session, -1 error. */
int store_session_user_get(struct store *s, const unsigned char hash[32], struct session_user *out,
			   char **err);
int store_session_touch(struct store *s, const unsigned char hash[32], long long now, char **err);
/* Gives the session a new id (and state), keeping its user. */
int store_session_rekey(struct store *s, const unsigned char old_hash[32],
			const unsigned char new_hash[32], const char *state, const char *csrf,
			long long now, char **err);
int store_session_set_state(struct store *s, const unsigned char hash[32], const char *state,
			    char **err);
int store_session_delete(struct store *s, const unsigned char hash[32], char **err);
int store_session_delete_user(struct store *s, long long user_id, char **err);
/* Deletes every session of the user but the one with hash keep (NULL: all). */
int store_session_delete_user_except(struct store *s, long long user_id,
				     const unsigned char keep[32], char **err);

int store_token_insert(struct store *s, const unsigned char hash[32], long long user_id,
		       char **err);
/* 0 found and live (user id in *user_id), 1 unknown or revoked, -1 error. */
int store_token_find(struct store *s, const unsigned char hash[32], long long *user_id, char **err);
/* Revokes every live token of the user; *count gets how many. */
int store_token_revoke_user(struct store *s, long long user_id, int *count, char **err);

int store_login_failure_add(struct store *s, const char *key, long long at, char **err);
/* Number of failures for key at or after since; -1 on error. */
int store_login_failure_count(struct store *s, const char *key, long long since, char **err);
int store_login_failure_clear(struct store *s, const char *key, char **err);

#endif
