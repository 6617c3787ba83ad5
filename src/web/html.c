#include "web/html.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/banned.h"

void html_init(struct html *h)
{
	strbuf_init(&h->sb);
}

void html_release(struct html *h)
{
	strbuf_release(&h->sb);
}

void html_append(struct html *h, const struct html *inner)
{
	strbuf_add(&h->sb, inner->sb.buf, inner->sb.len);
}

/* What html_escape writes for an ASCII byte: NULL when the byte passes
 * unchanged; "" drops a control character other than TAB, LF and CR. */
#define DROP ""
static const char *const ascii_rep[128] = {
    [0x00] = DROP,  [0x01] = DROP,  [0x02] = DROP,    [0x03] = DROP,    [0x04] = DROP,
    [0x05] = DROP,  [0x06] = DROP,  [0x07] = DROP,    [0x08] = DROP,    [0x0B] = DROP,
    [0x0C] = DROP,  [0x0E] = DROP,  [0x0F] = DROP,    [0x10] = DROP,    [0x11] = DROP,
    [0x12] = DROP,  [0x13] = DROP,  [0x14] = DROP,    [0x15] = DROP,    [0x16] = DROP,
    [0x17] = DROP,  [0x18] = DROP,  [0x19] = DROP,    [0x1A] = DROP,    [0x1B] = DROP,
    [0x1C] = DROP,  [0x1D] = DROP,  [0x1E] = DROP,    [0x1F] = DROP,    ['&'] = "&amp;",
    ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;",
};
#undef DROP

static size_t utf8_seq_len(const unsigned char *s, size_t left)
{
	/* the length of one well-formed sequence at s, or 0; the two-byte
	 * sequences of Danish text (æ ø å) without a call */
	if (s[0] < 0xC2)
		return 0; /* a continuation byte or an overlong lead */
	if (s[0] <= 0xDF)
		return left >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	size_t n = s[0] < 0xF0 ? 3 : 4;
	if (n > left)
		return 0;
	return utf8_valid((const char *)s, n, NULL) ? n : 0;
}

/* strbuf_add without a call when it fits: the writer's hot path */
static inline void put(struct strbuf *sb, const void *p, size_t n)
{
	if (n >= sb->alloc - sb->len)
		strbuf_grow(sb, n);
	memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

/* The escaping of html_escape, of len bytes or (cstr) up to the NUL. Bytes
 * that pass unchanged (plain ASCII, valid UTF-8) are copied in runs: the
 * page's hot path (BENCHMARKS.md). A sequence cut by the NUL is no valid
 * UTF-8: utf8_seq_len stops at the first byte that does not continue it. */
static inline void escape(struct strbuf *out, const unsigned char *s, size_t len, bool cstr)
{
	size_t i = 0, run = 0;
	while (cstr ? s[i] != '\0' : i < len) {
		unsigned char c = s[i];
		const char *rep;
		if (c < 0x80) {
			rep = ascii_rep[c];
			if (!rep) {
				i++;
				continue;
			}
		} else {
			size_t n = utf8_seq_len(s + i, cstr ? 4 : len - i);
			if (n) {
				i += n;
				continue;
			}
			rep = "\xEF\xBF\xBD"; /* U+FFFD */
		}
		put(out, s + run, i - run);
		put(out, rep, strlen(rep));
		i++;
		run = i;
	}
	put(out, s + run, i - run);
}

void html_escape(struct strbuf *out, const char *str, size_t len)
{
	escape(out, (const unsigned char *)str, len, false);
}

void url_encode(struct strbuf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '~' || c == '-') {
			strbuf_addch(out, (char)c);
		} else {
			strbuf_addch(out, '%');
			strbuf_addch(out, hex[c >> 4]);
			strbuf_addch(out, hex[c & 15]);
		}
	}
}

void html_printf(struct html *h, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt;
	while (*p) {
		/* the text up to the next conversion (strcspn with one byte is
		 * glibc's strchrnul: one pass, no strlen of the rest) */
		size_t n = strcspn(p, "%");
		put(&h->sb, p, n);
		p += n;
		if (!*p)
			break;
		p++;
		/* length modifier */
		int longs = 0;
		bool size = false;
		while (*p == 'l') {
			longs++;
			p++;
		}
		if (*p == 'z') {
			size = true;
			p++;
		}
		char conv = *p;
		if (conv)
			p++;
		if (conv == '%' && !longs && !size) {
			put(&h->sb, "%", 1);
		} else if (conv == 's' && !longs && !size) {
			const char *s = va_arg(ap, const char *);
			if (s)
				escape(&h->sb, (const unsigned char *)s, 0, true);
		} else if ((conv == 'd' || conv == 'i') && !size) {
			long long v = longs == 0   ? va_arg(ap, int)
				      : longs == 1 ? va_arg(ap, long)
						   : va_arg(ap, long long);
			strbuf_addf(&h->sb, "%lld", v);
		} else if (conv == 'u') {
			unsigned long long v = size         ? va_arg(ap, size_t)
					       : longs == 0 ? va_arg(ap, unsigned)
					       : longs == 1 ? va_arg(ap, unsigned long)
							    : va_arg(ap, unsigned long long);
			strbuf_addf(&h->sb, "%llu", v);
		} else {
			/* A format this writer does not know could print memory
			 * unescaped: stop at once, in tests as in production. */
			fprintf(stderr, "html_printf: unsupported conversion in \"%s\"\n", fmt);
			abort();
		}
	}
	va_end(ap);
}
