#include "service/auth.h"

#include <ctype.h>
#include <liboath/oath.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "service/audit.h"
#include "service/crypto.h"
#include "service/guard.h"
#include "service/service_internal.h"
#include "store/user_store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/wallclock.h"
#include "util/banned.h"

#define PASSWORD_MIN      12
#define PASSWORD_MAX      1024
#define TOTP_STEP         30
#define TOTP_SECRET_BYTES 20 /* 160 bits, RFC 4226's recommendation */

/* ---- small helpers ------------------------------------------------------ */

static long long now_s(void)
{
	return (long long)wallclock_time();
}

_Static_assert(AUTH_SECRET_LEN == SVC_TOKEN_LEN, "sessions and tokens are svc_random_token()s");

/* Sessions and tokens are stored as BLAKE2b-256 of the secret: a copy of
 * the database does not hand out live sessions. */
/* How stale a session's last_seen may get before a request rewrites it. */
#define SESSION_TOUCH_S 60

static int hash_secret(const char *secret, unsigned char out[32])
{
	size_t n = strlen(secret);
	if (n != AUTH_SECRET_LEN)
		return -1;
	crypto_generichash(out, 32, (const unsigned char *)secret, n, NULL, 0);
	return 0;
}

void svc_actor_of(struct actor *a, const struct user_info *u, const char *client)
{
	memset(a, 0, sizeof(*a));
	a->user_id = u->id;
	snprintf(a->username, sizeof(a->username), "%s", u->username);
	snprintf(a->org, sizeof(a->org), "%s", u->org ? u->org : "");
	a->role = u->role;
	snprintf(a->client, sizeof(a->client), "%s", client ? client : "");
}

static void log_event(struct service *svc, const struct actor *a, const char *client,
		      const char *action, const char *object, const char *outcome)
{
	struct audit_entry e = {action, object, NULL, NULL, outcome};
	audit_log(svc, a, client, &e);
}

bool auth_totp_required(const struct service *svc, enum role role)
{
	if (!svc->cfg)
		return role_sees_personal_data(role) || role == ROLE_ADMIN;
	return (svc->cfg->totp_required_roles & (1u << role)) != 0;
}

/* ---- passwords ---------------------------------------------------------- */

/* Argon2id at the interactive limit takes 64 MiB; at most
 * cfg->max_concurrent_logins hash at once so a burst of sign-ins cannot
 * exhaust memory. */
static pthread_mutex_t hash_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hash_cond = PTHREAD_COND_INITIALIZER;
static int hashing;

static void hash_enter(const struct service *svc)
{
	int max = svc->cfg ? svc->cfg->max_concurrent_logins : 2;
	pthread_mutex_lock(&hash_lock);
	while (hashing >= max)
		pthread_cond_wait(&hash_cond, &hash_lock);
	hashing++;
	pthread_mutex_unlock(&hash_lock);
}

static void hash_leave(void)
{
	pthread_mutex_lock(&hash_lock);
	hashing--;
	pthread_cond_signal(&hash_cond);
	pthread_mutex_unlock(&hash_lock);
}

static bool fast(const struct service *svc)
{
#ifdef SSP_TEST_HOOKS
	const char *env = getenv("SSP_TEST_FAST_HASHING");
	if (env && !strcmp(env, "1"))
		return true;
#endif
	return svc->cfg && svc->cfg->fast_password_hashing;
}

static int password_hash(const struct service *svc, const char *pw,
			 char out[crypto_pwhash_STRBYTES])
{
	hash_enter(svc);
	int rc = crypto_pwhash_str(
	    out, pw, strlen(pw),
	    fast(svc) ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    fast(svc) ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE);
	hash_leave();
	return rc;
}

static bool password_verify(const struct service *svc, const char *hash, const char *pw)
{
	hash_enter(svc);
	bool ok = crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
	hash_leave();
	return ok;
}

static int check_password_rules(const char *pw, const char *field, struct svc_result *r)
{
	size_t n = strlen(pw);
	if (!utf8_valid(pw, n, NULL))
		return svc_fail(r, SVC_INVALID, field,
				_("Adgangskoden er ikke gyldig tekst (UTF-8)."));
	/* count characters, not bytes */
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)pw[i] & 0xC0) != 0x80;
	if (chars < PASSWORD_MIN)
		return svc_fail(r, SVC_INVALID, field,
				_("Adgangskoden skal være på mindst %d tegn."), PASSWORD_MIN);
	if (n > PASSWORD_MAX)
		return svc_fail(r, SVC_INVALID, field, _("Adgangskoden må højst være på %d byte."),
				PASSWORD_MAX);
	return 0;
}

/* ---- users -------------------------------------------------------------- */

int svc_user_by_name(struct service *svc, const char *username, struct user_row *u,
		     struct svc_result *r)
{
	char *err = NULL;
	int rc = store_user_by_name(svc->store, username ? username : "", u, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, "username", _("Brugeren »%s« findes ikke."),
				username ? username : "");
	return 0;
}

int svc_user_by_id(struct service *svc, long long id, struct user_row *u, struct svc_result *r)
{
	char *err = NULL;
	int rc = store_user_by_id(svc->store, id, u, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_NOT_FOUND, NULL, _("Brugeren findes ikke."));
	return 0;
}

static bool username_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return false;
	}
	return true;
}

/* The input checks of svc_user_add: 0, or -1 with r naming the field. */
static int user_check(struct service *svc, const struct user_new *u, const char *password,
		      struct svc_result *r)
{
	if (!username_valid(u->username))
		return svc_fail(r, SVC_INVALID, "username",
				_("Brugernavnet skal være 1-64 tegn af a-z, 0-9, punktum, "
				  "bindestreg og understreg."));
	if (!u->name || !*u->name || strlen(u->name) > 200 ||
	    !utf8_valid(u->name, strlen(u->name), NULL))
		return svc_fail(r, SVC_INVALID, "name",
				_("Navnet skal udfyldes (højst 200 tegn)."));
	if (u->role >= ROLE__COUNT)
		return svc_fail(r, SVC_INVALID, "role", _("Ukendt rolle."));
	if (u->org && (strlen(u->org) > 128 || !utf8_valid(u->org, strlen(u->org), NULL)))
		return svc_fail(r, SVC_INVALID, "org", _("Organisationen må højst være 128 tegn."));
	if (u->institution && *u->institution &&
	    !store_institution_exists(svc->store, u->institution))
		return svc_fail(r, SVC_INVALID, "institution", _("Institutionen »%s« findes ikke."),
				u->institution);
	if (check_password_rules(password, "password", r) < 0)
		return -1;
	return 0;
}

/* The checks and the insert of svc_user_add, inside its call. */
static int user_add(struct service *svc, const struct user_new *u, const char *password,
		    struct svc_result *r)
{
	if (user_check(svc, u, password, r) < 0)
		return -1;
	struct user_new copy = *u;
	if (copy.institution && !*copy.institution)
		copy.institution = NULL;
	if (copy.org && !*copy.org)
		copy.org = NULL;
	long long id;
	char *err = NULL;
	struct user_row taken;
	int rc = store_user_by_name(svc->store, u->username, &taken, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 0) {
		user_row_release(&taken);
		return svc_fail(r, SVC_CONFLICT, "username", _("Brugernavnet »%s« er optaget."),
				u->username);
	}
	/* hashed inside the call's transaction: an administrator's rare
	 * action, well within the store's busy timeout */
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(svc, password, hash) != 0)
		return svc_fail(r, SVC_ERROR, NULL,
				_("Adgangskoden kunne ikke hashes (hukommelse)."));
	rc = store_user_insert(svc->store, &copy, hash, &id, &err);
	sodium_memzero(hash, sizeof(hash));
	if (rc == -2) {
		free(err);
		return svc_fail(r, SVC_CONFLICT, "username", _("Brugernavnet »%s« er optaget."),
				u->username);
	}
	if (rc < 0)
		return svc_store_fail(r, err);
	return 0;
}

int svc_user_add(struct service *svc, const struct actor *a, const struct user_new *u,
		 const char *password, struct svc_result *r)
{
	return svc_user_add_stepup(svc, a, u, password, NULL, r);
}

/* A role that sees personal data is a notable event on the auditor's page
 * ("user.grant"), written in the call's transaction. */
static int log_grant(struct svc_call *c, const char *username, enum role role)
{
	struct strbuf grant = STRBUF_INIT;
	strbuf_addf(&grant, "%s %s", username, role_id(role));
	int rc = svc_log(c->svc, c->actor,
			 &(struct svc_entry){.action = "user.grant", .object = grant.buf},
			 SVC_OK_OUTCOME, c->r);
	strbuf_release(&grant);
	return rc;
}

int svc_user_add_stepup(struct service *svc, const struct actor *a, const struct user_new *u,
			const char *password, const char *stepup_code, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_USER_ADMIN, r))
		return -1;
	/* the step-up is checked (and a wrong code counted with the sign-in
	 * failures) before the call: its transaction would roll the count
	 * back with the refusal */
	bool grants = u->role < ROLE__COUNT && role_sees_personal_data(u->role);
	/* input that the call will refuse anyway (422, logged "failed" there)
	 * does not ask for the two-factor code first */
	struct svc_result pre = {0};
	bool valid = user_check(svc, u, password, &pre) == 0;
	svc_result_clear(&pre);
	if (grants && valid && svc_stepup(svc, a, stepup_code, "user.add", r) < 0)
		return -1;
	/* the entry and the new account are one transaction: no entry, no
	 * account; a refused or failed attempt has its own entry */
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_USER_ADMIN, NULL,
		      (struct svc_entry){.action = "user.add", .object = u->username}, r) < 0)
		return -1;
	if (user_add(svc, u, password, r) < 0 ||
	    (grants && log_grant(&c, u->username, u->role) < 0))
		return svc_abort(&c);
	return svc_commit(&c);
}

int svc_user_list(struct service *svc, const struct actor *a, struct user_list *out,
		  struct svc_result *r)
{
	/* the users' names and organisations: logged before they leave */
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_USER_ADMIN, NULL, (struct svc_entry){.action = "user.list"},
		      r) < 0)
		return -1;
	char *err = NULL;
	if (store_user_list(svc->store, out, &err) < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	if (svc_commit(&c) < 0) {
		user_list_release(out);
		return -1;
	}
	return 0;
}

int svc_user_disable(struct service *svc, const struct actor *a, const char *username,
		     struct svc_result *r)
{
	/* disabling, ending the sessions, revoking the tokens and the entry:
	 * one transaction, all or nothing */
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_USER_ADMIN, NULL,
		      (struct svc_entry){.action = "user.disable", .object = username}, r) < 0)
		return -1;
	struct user_row u;
	if (svc_user_by_name(svc, username, &u, r) < 0)
		return svc_abort(&c);
	if (!a->cli && u.info.id == a->user_id) {
		/* an administrator who locks themselves out leaves nobody to undo it */
		user_row_release(&u);
		svc_fail(r, SVC_CONFLICT, "username", "%s",
			 _("Du kan ikke deaktivere din egen konto."));
		return svc_abort(&c);
	}
	int n;
	char *err = NULL;
	int rc = store_user_set_disabled(svc->store, u.info.id, true, &err) < 0 ||
			 store_session_delete_user(svc->store, u.info.id, &err) < 0 ||
			 store_token_revoke_user(svc->store, u.info.id, &n, &err) < 0
		     ? svc_store_fail(r, err)
		     : 0;
	user_row_release(&u);
	return rc == 0 ? svc_commit(&c) : svc_abort(&c);
}

int svc_user_set_role(struct service *svc, const struct actor *a, const char *username,
		      enum role role, const char *stepup_code, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_USER_ADMIN, r))
		return -1;
	if (role >= ROLE__COUNT)
		return svc_fail(r, SVC_INVALID, "role", _("Ukendt rolle."));
	struct user_row u;
	if (svc_user_by_name(svc, username, &u, r) < 0)
		return -1;
	long long id = u.info.id;
	enum role before = u.info.role;
	user_row_release(&u);
	if (!a->cli && id == a->user_id)
		return svc_fail(r, SVC_CONFLICT, "role", _("Du kan ikke ændre din egen rolle."));
	if (before == role)
		return 0;
	bool grants = role_sees_personal_data(role);
	if (grants && svc_stepup(svc, a, stepup_code, "user.role", r) < 0)
		return -1;
	struct strbuf obj = STRBUF_INIT;
	strbuf_addf(&obj, "%s %s", username, role_id(role));
	SVC_CALL(c);
	int rc = svc_begin(&c, svc, a, ACT_USER_ADMIN, NULL,
			   (struct svc_entry){.action = "user.role", .object = obj.buf}, r);
	strbuf_release(&obj);
	if (rc < 0)
		return -1;
	char *err = NULL;
	/* the user's sessions end: the next sign-in meets the new role's
	 * two-factor rule, and nobody keeps a page of the old role open */
	if (store_user_set_role(svc->store, id, role, &err) < 0 ||
	    store_session_delete_user(svc->store, id, &err) < 0) {
		svc_store_fail(r, err);
		return svc_abort(&c);
	}
	if (grants && log_grant(&c, username, role) < 0)
		return svc_abort(&c);
	return svc_commit(&c);
}

/* The actor's own account (ACT_PROFILE): the profile, two-factor and
 * password calls. Release *u on success. */
static int own_row(struct service *svc, const struct actor *a, struct user_row *u,
		   struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_PROFILE, r))
		return -1;
	return svc_user_by_id(svc, a->user_id, u, r);
}

int svc_user_self(struct service *svc, const struct actor *a, struct user_info *out,
		  struct svc_result *r)
{
	struct user_row u;
	if (own_row(svc, a, &u, r) < 0)
		return -1;
	*out = u.info;
	memset(&u.info, 0, sizeof(u.info));
	user_row_release(&u);
	return 0;
}

/* ---- sign-in ------------------------------------------------------------ */

static const char *state_id(enum session_state s)
{
	return s == SESSION_NEED_TOTP ? "totp" : s == SESSION_NEED_ENROL ? "enrol" : "full";
}

static enum session_state state_parse(const char *s)
{
	if (!strcmp(s, "totp"))
		return SESSION_NEED_TOTP;
	if (!strcmp(s, "enrol"))
		return SESSION_NEED_ENROL;
	return SESSION_FULL;
}

static bool throttled(struct service *svc, const char *username, const char *client)
{
	int window = svc->cfg ? svc->cfg->login_window_minutes : 15;
	int max_user = svc->cfg ? svc->cfg->login_max_failures_user : 5;
	int max_addr = svc->cfg ? svc->cfg->login_max_failures_address : 20;
	long long since = now_s() - (long long)window * 60;
	char key[200];
	char *err = NULL;
	snprintf(key, sizeof(key), "user:%s", username);
	int n = store_login_failure_count(svc->store, key, since, &err);
	if (n < 0 || n >= max_user) {
		free(err);
		return true;
	}
	snprintf(key, sizeof(key), "addr:%s", client ? client : "");
	n = store_login_failure_count(svc->store, key, since, &err);
	free(err);
	return n < 0 || n >= max_addr;
}

static void record_failure(struct service *svc, const char *username, const char *client)
{
	char key[200];
	char *err = NULL;
	snprintf(key, sizeof(key), "user:%s", username);
	store_login_failure_add(svc->store, key, now_s(), &err);
	free(err);
	err = NULL;
	snprintf(key, sizeof(key), "addr:%s", client ? client : "");
	store_login_failure_add(svc->store, key, now_s(), &err);
	free(err);
}

static void clear_failures(struct service *svc, const char *username)
{
	char key[200];
	char *err = NULL;
	snprintf(key, sizeof(key), "user:%s", username);
	store_login_failure_clear(svc->store, key, &err);
	free(err);
}

static int throttle_fail(struct service *svc, const char *username, const char *client,
			 struct svc_result *r)
{
	log_event(svc, NULL, client, "login.throttled", username, SVC_REFUSED);
	return svc_fail(r, SVC_THROTTLED, NULL,
			_("For mange mislykkede forsøg på at logge ind. Vent %d minutter, og prøv "
			  "igen."),
			svc->cfg ? svc->cfg->login_window_minutes : 15);
}

static int new_session(struct service *svc, long long user_id, enum session_state state,
		       char *cookie_out, struct session_info *info, struct svc_result *r)
{
	unsigned char h[32];
	svc_random_token(cookie_out);
	hash_secret(cookie_out, h);
	info->state = state;
	svc_random_token(info->csrf);
	char *err = NULL;
	if (store_session_insert(svc->store, h, user_id, state_id(state), info->csrf, now_s(),
				 &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

/* A fixed hash to verify against when the user does not exist, so the
 * answer takes as long either way. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static bool dummy_fast;
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_init(void)
{
	static const char pw[] = "ssp: ingen bruger med det navn";
	if (crypto_pwhash_str(
		dummy_hash, pw, sizeof(pw) - 1,
		dummy_fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
		dummy_fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy_hash[0] = '\0';
}

static const char *get_dummy_hash(const struct service *svc)
{
	dummy_fast = fast(svc);
	pthread_once(&dummy_once, dummy_init);
	return dummy_hash;
}

int svc_login(struct service *svc, const char *username, const char *password, const char *client,
	      char *cookie_out, struct session_info *info, struct svc_result *r)
{
	const char *name = username ? username : "";
	if (!username_valid(name) || !password || strlen(password) > PASSWORD_MAX) {
		log_event(svc, NULL, client, "login.failed", NULL, "failed");
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL,
				_("Forkert brugernavn eller adgangskode."));
	}
	if (throttled(svc, name, client))
		return throttle_fail(svc, name, client, r);

	struct user_row u;
	char *err = NULL;
	int rc = store_user_by_name(svc->store, name, &u, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	bool ok;
	if (rc == 1) {
		password_verify(svc, get_dummy_hash(svc), password);
		ok = false;
	} else {
		ok = password_verify(svc, u.password_hash, password) && !u.info.disabled;
	}
	if (!ok) {
		record_failure(svc, name, client);
		log_event(svc, NULL, client, "login.failed", name, "failed");
		if (rc == 0)
			user_row_release(&u);
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL,
				_("Forkert brugernavn eller adgangskode."));
	}
	enum session_state st = SESSION_FULL;
	if (u.info.totp_enabled)
		st = SESSION_NEED_TOTP;
	else if (auth_totp_required(svc, u.info.role))
		st = SESSION_NEED_ENROL;
	/* Only a complete sign-in forgets the failures: were they cleared
	 * after the password alone, someone who has it could try codes
	 * without end, a few between each sign-in. */
	if (st == SESSION_FULL || st == SESSION_NEED_ENROL)
		clear_failures(svc, name);
	struct actor a;
	svc_actor_of(&a, &u.info, client);
	user_row_release(&u);
	if (new_session(svc, a.user_id, st, cookie_out, info, r) < 0)
		return -1;
	log_event(svc, &a, client, st == SESSION_FULL ? "login.ok" : "login.password", NULL, "ok");
	return 0;
}

/* ---- TOTP ---------------------------------------------------------------- */

/* The TOTP secret is sealed at rest (service/crypto.h) in user.totp_secret. */
static struct sealed_ref totp_ref(long long user_id)
{
	struct sealed_ref at = {"user", "totp_secret", user_id};
	return at;
}

/* Checks code against the user's (sealed) secret and refuses a step that
 * was already used. 0 ok, -1 wrong or replayed. */
static int totp_check(struct service *svc, const struct user_row *u, const char *code)
{
	if (!u->totp_sealed || !code || strlen(code) != 6)
		return -1;
	for (int i = 0; i < 6; i++)
		if (!isdigit((unsigned char)code[i]))
			return -1;
	char *secret;
	size_t n;
	struct sealed_ref at = totp_ref(u->info.id);
	struct svc_result r = SVC_RESULT_INIT;
	if (svc_unseal(svc, &at, u->totp_sealed, u->totp_sealed_len, &secret, &n, &r) < 0) {
		/* the operator must hear of a secret that does not open */
		fprintf(stderr, "ssp: %s\n", r.message);
		svc_result_clear(&r);
		return -1;
	}
	int pos;
	uint64_t counter;
	int rc = oath_totp_validate3(secret, n, time(NULL), TOTP_STEP, 0, 1, &pos, &counter, code);
	svc_plain_free(secret, n);
	if (rc < 0)
		return -1;
	char *err = NULL;
	rc = store_user_use_totp_step(svc->store, u->info.id, (long long)counter, &err);
	free(err);
	return rc == 0 ? 0 : -1;
}

/* The user of session h: 0 with *u (release it), or 1 when the account
 * is gone or disabled (the session is then deleted), or -1 with r set on
 * a store error. */
static int session_user(struct service *svc, const unsigned char h[32], long long user_id,
			struct user_row *u, struct svc_result *r)
{
	char *err = NULL;
	int rc = store_user_by_id(svc->store, user_id, u, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 0 && !u->info.disabled)
		return 0;
	if (rc == 0)
		user_row_release(u);
	store_session_delete(svc->store, h, &err);
	free(err);
	return 1;
}

int svc_login_totp(struct service *svc, const char *cookie, const char *code, const char *client,
		   char *cookie_out, struct session_info *info, struct svc_result *r)
{
	unsigned char h[32], nh[32];
	struct session_row row;
	char *err = NULL;
	if (!cookie || hash_secret(cookie, h) < 0)
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL, _("Log ind igen."));
	int rc = store_session_get(svc->store, h, &row, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1 || strcmp(row.state, "totp"))
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL, _("Log ind igen."));
	struct user_row u;
	rc = session_user(svc, h, row.user_id, &u, r);
	if (rc != 0)
		return rc < 0 ? -1 : svc_fail(r, SVC_UNAUTHENTICATED, NULL, _("Log ind igen."));
	if (throttled(svc, u.info.username, client)) {
		int ret = throttle_fail(svc, u.info.username, client, r);
		user_row_release(&u);
		return ret;
	}
	struct actor a;
	svc_actor_of(&a, &u.info, client);
	if (totp_check(svc, &u, code) < 0) {
		record_failure(svc, u.info.username, client);
		user_row_release(&u);
		log_event(svc, &a, client, "login.totp", NULL, "failed");
		return svc_fail(r, SVC_INVALID, "code",
				_("Koden er forkert eller allerede brugt. Skriv den 6-cifrede kode "
				  "fra din app."));
	}
	clear_failures(svc, u.info.username);
	user_row_release(&u);
	svc_random_token(cookie_out);
	hash_secret(cookie_out, nh);
	info->state = SESSION_FULL;
	svc_random_token(info->csrf);
	if (store_session_rekey(svc->store, h, nh, "full", info->csrf, now_s(), &err) < 0)
		return svc_store_fail(r, err);
	log_event(svc, &a, client, "login.ok", NULL, "ok");
	return 0;
}

int svc_stepup(struct service *svc, const struct actor *a, const char *code, const char *why,
	       struct svc_result *r)
{
	if (a->cli)
		return 0;
	struct user_row u;
	if (svc_user_by_id(svc, a->user_id, &u, r) < 0)
		return -1;
	if (!u.info.totp_enabled) {
		user_row_release(&u);
		log_event(svc, a, a->client, "stepup", why, SVC_REFUSED);
		return svc_fail(r, SVC_FORBIDDEN, "stepup_code",
				_("Handlingen giver adgang til personoplysninger og kræver, at du "
				  "bekræfter med to-faktor. Slå to-faktor-login til for din egen "
				  "konto først (Profil)."));
	}
	if (throttled(svc, u.info.username, a->client)) {
		user_row_release(&u);
		return throttle_fail(svc, a->username, a->client, r);
	}
	if (totp_check(svc, &u, code) < 0) {
		record_failure(svc, u.info.username, a->client);
		user_row_release(&u);
		log_event(svc, a, a->client, "stepup", why, "failed");
		return svc_fail(
		    r, SVC_INVALID, "stepup_code",
		    _("Bekræft med din to-faktor-kode: skriv den 6-cifrede kode, som din "
		      "app viser lige nu. Koden var forkert eller allerede brugt."));
	}
	clear_failures(svc, u.info.username);
	user_row_release(&u);
	log_event(svc, a, a->client, "stepup", why, "ok");
	return 0;
}

int svc_session(struct service *svc, const char *cookie, const char *client, struct actor *a,
		struct session_info *info, struct svc_result *r)
{
	unsigned char h[32];
	if (!cookie || hash_secret(cookie, h) < 0)
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL, _("Du er ikke logget ind."));
	/* the session and its user in one statement: one read transaction
	 * per signed-in request instead of two (BENCHMARKS.md) */
	struct session_user su;
	char *err = NULL;
	int rc = store_session_user_get(svc->store, h, &su, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1)
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL, _("Du er ikke logget ind."));
	const struct session_row *row = &su.session;
	long long now = now_s();
	int idle = svc->cfg ? svc->cfg->session_idle_minutes : 30;
	int max = svc->cfg ? svc->cfg->session_max_hours : 10;
	if (now - row->last_seen > (long long)idle * 60 ||
	    now - row->created_at > (long long)max * 3600) {
		store_session_delete(svc->store, h, &err);
		free(err);
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL,
				_("Din session er udløbet. Log ind igen."));
	}
	if (!su.user_found || su.disabled) {
		/* the account is gone or disabled: so is the session */
		store_session_delete(svc->store, h, &err);
		free(err);
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL, _("Du er ikke logget ind."));
	}
	/* what the request's later reads of cached data compare against
	 * (svc_org_view_cached); svc_request_begin forgets it */
	svc->request_stamp = su.org_stamp;
	svc->request_schema = su.org_schema;
	svc->request_stamp_ok = su.org_stamp_ok;
	struct user_info u = {
	    .id = row->user_id, .username = su.username, .role = su.role, .org = su.org};
	svc_actor_of(a, &u, client);
	info->state = state_parse(row->state);
	snprintf(info->csrf, sizeof(info->csrf), "%.*s", AUTH_SECRET_LEN, row->csrf);
	/* last_seen is written at most once a minute: a signed-in request
	 * otherwise costs a write transaction on the single writer. The idle
	 * check above reads the stored value, so a session can expire up to
	 * SESSION_TOUCH_S early, never late. */
	if (now - row->last_seen >= SESSION_TOUCH_S &&
	    store_session_touch(svc->store, h, now, &err) < 0)
		return svc_store_fail(r, err);
	return 0;
}

int svc_logout(struct service *svc, const char *cookie, const char *client)
{
	unsigned char h[32];
	if (!cookie || hash_secret(cookie, h) < 0)
		return 0;
	struct session_row row;
	char *err = NULL;
	if (store_session_get(svc->store, h, &row, &err) == 0) {
		struct user_row u;
		if (store_user_by_id(svc->store, row.user_id, &u, &err) == 0) {
			struct actor a;
			svc_actor_of(&a, &u.info, client);
			log_event(svc, &a, client, "logout", NULL, "ok");
			user_row_release(&u);
		}
	}
	store_session_delete(svc->store, h, &err);
	free(err);
	return 0;
}

/* ---- API tokens ----------------------------------------------------------- */

int svc_token_auth(struct service *svc, const char *token, const char *client, struct actor *a,
		   struct svc_result *r)
{
	unsigned char h[32];
	long long uid;
	char *err = NULL;
	/* failed anonymous attempts are counted per address and minute, not
	 * logged one by one; too many from one address get 429 */
	if (!token || hash_secret(token, h) < 0) {
		if (svc_anon_failure(svc, client, "token.use", r))
			return -1;
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL,
				_("Ugyldigt eller tilbagekaldt token."));
	}
	int rc = store_token_find(svc->store, h, &uid, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	struct user_row u;
	if (rc == 0)
		rc = store_user_by_id(svc->store, uid, &u, &err);
	if (rc < 0)
		return svc_store_fail(r, err);
	if (rc == 1 || u.info.disabled) {
		if (rc == 0)
			user_row_release(&u);
		if (svc_anon_failure(svc, client, "token.use", r))
			return -1;
		return svc_fail(r, SVC_UNAUTHENTICATED, NULL,
				_("Ugyldigt eller tilbagekaldt token."));
	}
	svc_actor_of(a, &u.info, client);
	user_row_release(&u);
	log_event(svc, a, client, "token.use", NULL, "ok");
	return 0;
}

int svc_token_create(struct service *svc, const struct actor *a, const char *username,
		     char *token_out, struct svc_result *r)
{
	token_out[0] = '\0';
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_USER_ADMIN, NULL,
		      (struct svc_entry){.action = "token.create", .object = username}, r) < 0)
		return -1;
	if (!a->cli) {
		/* a token skips two-factor: only root makes one (docs/tokens.md) */
		svc_fail(r, SVC_FORBIDDEN, NULL,
			 _("API-tokens laves kun af den lokale operatør på serveren (ssp "
			   "token create)."));
		return svc_abort_refused(&c);
	}
	struct user_row u;
	if (svc_user_by_name(svc, username, &u, r) < 0)
		return svc_abort(&c);
	if (u.info.disabled) {
		user_row_release(&u);
		svc_fail(r, SVC_CONFLICT, "username", _("Brugeren »%s« er deaktiveret."), username);
		return svc_abort(&c);
	}
	unsigned char h[32];
	svc_random_token(token_out);
	hash_secret(token_out, h);
	char *err = NULL;
	int rc = store_token_insert(svc->store, h, u.info.id, &err);
	user_row_release(&u);
	if (rc < 0)
		svc_store_fail(r, err);
	rc = rc == 0 ? svc_commit(&c) : svc_abort(&c);
	if (rc < 0) /* the token was never stored: nobody may see it */
		sodium_memzero(token_out, AUTH_SECRET_LEN + 1);
	return rc;
}

int svc_token_revoke(struct service *svc, const struct actor *a, const char *username, int *count,
		     struct svc_result *r)
{
	*count = 0;
	SVC_CALL(c);
	if (svc_begin(&c, svc, a, ACT_USER_ADMIN, NULL,
		      (struct svc_entry){.action = "token.revoke", .object = username}, r) < 0)
		return -1;
	struct user_row u;
	if (svc_user_by_name(svc, username, &u, r) < 0)
		return svc_abort(&c);
	char *err = NULL;
	int rc = store_token_revoke_user(svc->store, u.info.id, count, &err);
	user_row_release(&u);
	if (rc < 0)
		svc_store_fail(r, err);
	rc = rc == 0 ? svc_commit(&c) : svc_abort(&c);
	if (rc < 0)
		*count = 0;
	return rc;
}

/* ---- enrolment and password ----------------------------------------------- */

int svc_totp_begin(struct service *svc, const struct actor *a, char **secret_base32,
		   char **otpauth_uri, struct svc_result *r)
{
	if (!svc_allowed(svc, a, ACT_PROFILE, r))
		return -1;
	if (a->user_id == 0)
		return svc_fail(r, SVC_INVALID, NULL, _("Kun en bruger kan tilmelde to-faktor."));
	/* A pending secret replaces any old one only once it is confirmed, so
	 * an enabled user keeps working: store it as not yet enabled only when
	 * two-factor is off. */
	struct user_row u;
	if (svc_user_by_id(svc, a->user_id, &u, r) < 0)
		return -1;
	bool was_enabled = u.info.totp_enabled;
	user_row_release(&u);
	if (was_enabled)
		return svc_fail(r, SVC_CONFLICT, NULL,
				_("To-faktor-login er allerede slået til for din konto."));
	unsigned char secret[TOTP_SECRET_BYTES];
	randombytes_buf(secret, sizeof(secret));
	char *b32 = NULL;
	size_t b32len;
	if (oath_base32_encode((const char *)secret, sizeof(secret), &b32, &b32len) != OATH_OK) {
		sodium_memzero(secret, sizeof(secret));
		return svc_fail(r, SVC_ERROR, NULL, _("Kunne ikke lave en hemmelighed."));
	}
	/* strip base32 padding: authenticator apps want none */
	while (b32len && b32[b32len - 1] == '=')
		b32[--b32len] = '\0';
	size_t sealed_len;
	unsigned char *sealed;
	struct sealed_ref at = totp_ref(a->user_id);
	int sealed_rc = svc_seal(svc, &at, secret, sizeof(secret), &sealed, &sealed_len, r);
	sodium_memzero(secret, sizeof(secret));
	if (sealed_rc < 0) {
		free(b32);
		return -1;
	}
	char *err = NULL;
	int rc = store_user_set_totp(svc->store, a->user_id, sealed, sealed_len, false, &err);
	free(sealed);
	if (rc < 0) {
		free(b32);
		return svc_store_fail(r, err);
	}
	struct strbuf uri = STRBUF_INIT;
	strbuf_addf(&uri,
		    "otpauth://totp/SSP:%s?secret=%s&issuer=SSP&algorithm=SHA1&digits=6&period=30",
		    a->username, b32);
	*secret_base32 = b32;
	*otpauth_uri = strbuf_detach(&uri);
	log_event(svc, a, a->client, "totp.begin", NULL, "ok");
	return 0;
}

int svc_totp_confirm(struct service *svc, const struct actor *a, const char *cookie,
		     const char *code, struct svc_result *r)
{
	struct user_row u;
	if (own_row(svc, a, &u, r) < 0)
		return -1;
	if (u.info.totp_enabled) {
		user_row_release(&u);
		return svc_fail(r, SVC_CONFLICT, NULL,
				_("To-faktor-login er allerede slået til for din konto."));
	}
	if (!u.totp_sealed) {
		user_row_release(&u);
		return svc_fail(r, SVC_INVALID, NULL, _("Start tilmeldingen forfra."));
	}
	if (totp_check(svc, &u, code) < 0) {
		user_row_release(&u);
		log_event(svc, a, a->client, "totp.confirm", NULL, "failed");
		return svc_fail(r, SVC_INVALID, "code",
				_("Koden passer ikke. Skriv den 6-cifrede kode, som din app viser "
				  "lige nu."));
	}
	char *err = NULL;
	int rc = store_user_set_totp(svc->store, a->user_id, u.totp_sealed, u.totp_sealed_len, true,
				     &err);
	user_row_release(&u);
	if (rc < 0)
		return svc_store_fail(r, err);
	unsigned char h[32];
	if (cookie && hash_secret(cookie, h) == 0) {
		store_session_set_state(svc->store, h, "full", &err);
		free(err);
	}
	log_event(svc, a, a->client, "totp.confirm", NULL, "ok");
	return 0;
}

int svc_password_change(struct service *svc, const struct actor *a, const char *old_password,
			const char *new_password, const char *keep_cookie, struct svc_result *r)
{
	struct user_row u;
	if (own_row(svc, a, &u, r) < 0)
		return -1;
	/* a wrong old password counts with the sign-in failures: a stolen
	 * session must not become a password-guessing oracle */
	if (throttled(svc, u.info.username, a->client)) {
		user_row_release(&u);
		return throttle_fail(svc, a->username, a->client, r);
	}
	bool ok = old_password && strlen(old_password) <= PASSWORD_MAX &&
		  password_verify(svc, u.password_hash, old_password);
	if (!ok) {
		record_failure(svc, u.info.username, a->client);
		user_row_release(&u);
		log_event(svc, a, a->client, "password.change", NULL, "failed");
		return svc_fail(r, SVC_INVALID, "old_password",
				_("Den nuværende adgangskode er forkert."));
	}
	if (check_password_rules(new_password ? new_password : "", "new_password", r) < 0) {
		user_row_release(&u);
		return -1;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(svc, new_password, hash) != 0) {
		user_row_release(&u);
		return svc_fail(r, SVC_ERROR, NULL,
				_("Adgangskoden kunne ikke hashes (hukommelse)."));
	}
	char *err = NULL;
	int rc = store_user_set_password(svc->store, u.info.id, hash, &err);
	if (rc == 0) {
		/* a changed password must also lock out whoever had the old one */
		unsigned char keep[32];
		bool have = keep_cookie && hash_secret(keep_cookie, keep) == 0;
		rc = store_session_delete_user_except(svc->store, u.info.id, have ? keep : NULL,
						      &err);
	}
	user_row_release(&u);
	if (rc < 0)
		return svc_store_fail(r, err);
	log_event(svc, a, a->client, "password.change", NULL, "ok");
	return 0;
}
