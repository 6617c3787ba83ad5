/* csrf.c - cookie names and the pre-sign-in CSRF token (issue 8).
 *
 * Cookie names: over TLS the session and CSRF cookies carry the __Host-
 * prefix, which a browser accepts only with Secure, Path=/ and no Domain
 * from a secure origin: a sibling subdomain or a plain-http page cannot
 * plant or overwrite them.
 *
 * The sign-in form's token (double submit, before there is a session) is
 * no longer any value a browser brings: the server issues it as
 * R "." MAC(R), R 16 random bytes, MAC a BLAKE2b keyed with a key derived
 * from the instance secret, and accepts only a cookie whose MAC holds.
 * A value an attacker made up is refused; a value the server once issued
 * to the attacker is what the __Host- prefix keeps out of a victim's
 * browser.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "web/web_internal.h"
#include "util/banned.h"

#define RAND_BYTES 16
#define RAND_CHARS 22 /* base64url of 16 bytes */
#define MAC_BYTES  15
#define MAC_CHARS  20 /* base64url of 15 bytes */

const char *web_cookie_name(const struct request *rq, const char *base)
{
	if (!rq->srv->tls)
		return base;
	if (!strcmp(base, "ssp_session"))
		return "__Host-ssp_session";
	if (!strcmp(base, "ssp_csrf"))
		return "__Host-ssp_csrf";
	return base;
}

static void mac_of(const struct web_server *srv, const char *r, size_t n, char out[MAC_CHARS + 1])
{
	unsigned char key[32], mac[MAC_BYTES];
	crypto_kdf_derive_from_key(key, sizeof(key), 2, "sspcsrf_", srv->key);
	crypto_generichash(mac, sizeof(mac), (const unsigned char *)r, n, key, sizeof(key));
	sodium_bin2base64(out, MAC_CHARS + 1, mac, sizeof(mac),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(key, sizeof(key));
}

void web_login_token_new(const struct web_server *srv, char out[AUTH_SECRET_LEN + 1])
{
	unsigned char raw[RAND_BYTES];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, RAND_CHARS + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	out[RAND_CHARS] = '.';
	mac_of(srv, out, RAND_CHARS, out + RAND_CHARS + 1);
}

bool web_login_token_valid(const struct web_server *srv, const char *v)
{
	if (!v || strlen(v) != AUTH_SECRET_LEN || v[RAND_CHARS] != '.')
		return false;
	char mac[MAC_CHARS + 1];
	mac_of(srv, v, RAND_CHARS, mac);
	return sodium_memcmp(mac, v + RAND_CHARS + 1, MAC_CHARS) == 0;
}
