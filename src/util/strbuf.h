/* strbuf.h - growable, always NUL-terminated byte buffer.
 *
 * Invariants: buf is never NULL after strbuf_init (it points to a shared
 * empty string until the first write); buf[len] == '\0'; the caller owns the
 * memory after strbuf_detach() and must free() it. Allocation failure aborts
 * the program (see xalloc.h): there is no partial state to recover.
 */
#ifndef SSP_STRBUF_H
#define SSP_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	size_t alloc;
	size_t len;
	char *buf;
};

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		0, 0, strbuf_empty                                                                 \
	}
extern char strbuf_empty[];

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
/* Returns the string (caller frees) and resets sb to empty. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_reset(struct strbuf *sb);
/* Removes trailing ASCII white space. */
void strbuf_rtrim(struct strbuf *sb);

#endif
