/* checkpoint.h - the head of the access log as one line of text.
 *
 * The access log's hash chain (service/audit.c) shows an edited or
 * removed entry inside the log, but not the newest entries cut off its
 * end: the shorter chain is still a valid chain. A checkpoint pins the
 * head: the seq and hash of the newest entry, written to a file beside the
 * key after every append (store/audit_store.c) and, by the operator, off
 * the machine (`ssp audit checkpoint`). `ssp audit verify` compares.
 *
 * The line (also the file's whole content, with a newline):
 *     ssp-audit-checkpoint v1 seq=42 hash=<64 lowercase hex digits>
 * Pure: no I/O.
 */
#ifndef SSP_CHECKPOINT_H
#define SSP_CHECKPOINT_H

#include <stdbool.h>
#include <stddef.h>

#define AUDIT_HASH_LEN      64 /* hex digits of a BLAKE2b-256 chain hash */
#define CHECKPOINT_LINE_MAX 128

struct checkpoint {
	long long seq; /* >= 1 */
	char hash[AUDIT_HASH_LEN + 1];
};

/* Is h exactly AUDIT_HASH_LEN lowercase hex digits? (NULL: no.) The chain
 * verifier checks this before comparing, so a stored hash of another
 * length is a broken entry, never a read past its end. */
bool audit_hash_valid(const char *h);

/* Writes c's line (no newline) to out. */
void checkpoint_format(const struct checkpoint *c, char out[CHECKPOINT_LINE_MAX]);

/* Reads a line from s[0..len) (blanks and one line end around it are
 * allowed, nothing else) into *out. 0, or -1 when it is not a checkpoint
 * line (*out is then zeroed). */
int checkpoint_parse(const char *s, size_t len, struct checkpoint *out);

#endif
