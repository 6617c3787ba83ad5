/* text_policy.h - the one rule every free-text field passes through.
 *
 * Pure: no I/O, no globals. A meeting's theme, agenda, minutes, guest names
 * and organisations (and later the concern flow's and the SSP team's free
 * text) are checked here before the service stores them, so a field cannot
 * forget a rule:
 *   - well-formed UTF-8 (the door checks this too; the rule does not rely
 *     on it);
 *   - no control characters: C0 and C1 controls, DEL, the bidirectional
 *     embedding, override and isolate characters (they make text read
 *     differently from what it holds), the Unicode line and paragraph
 *     separators; a multi-line field (TEXT_LINES) keeps line feeds and
 *     tabs, and its CR LF and lone CR become LF;
 *   - a single-line field (TEXT_LINE) holds no line break at all (its text
 *     ends up in calendar files, plain-text listings and log lines);
 *   - at a body where named young people are not discussed, nothing that
 *     looks like a CPR number (domain/cpr.h), refused with the strategy's
 *     reason: concrete cases belong at a § 115-møde; a field every role
 *     sees (text_field.everyone) never holds one, whatever the body;
 *   - at most max bytes, and not empty when required.
 * A refusal is a Danish sentence that names the field (and the line, for a
 * multi-line field).
 */
#ifndef SSP_TEXT_POLICY_H
#define SSP_TEXT_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/org.h"
#include "util/strbuf.h"

enum text_shape {
	TEXT_LINE,  /* one line: no line breaks, no tabs */
	TEXT_LINES, /* line feeds and tabs allowed */
};

/* A free-text field. Constant tables of these live beside the service
 * function that stores the field. */
struct text_field {
	const char *id;    /* the form field / JSON key the error names ("theme") */
	const char *label; /* N_() marked, definite form starting a sentence:
			    * "Temaet", "Referatet" */
	enum text_shape shape;
	size_t max;    /* longest accepted text in bytes (after normalising) */
	bool required; /* refuse an empty text */
	bool everyone; /* shown to every role and in calendar feeds, outside
			* need-to-know (a meeting's theme): never CPR-like,
			* whatever the body */
};

/* What was wrong with a text (TEXT_OK: nothing). */
enum text_fault {
	TEXT_OK,
	TEXT_EMPTY,
	TEXT_TOO_LONG,
	TEXT_BAD_UTF8,
	TEXT_CONTROL, /* a control character (or a line break in a TEXT_LINE) */
	TEXT_CPR,
};

struct text_verdict {
	enum text_fault fault;
	int line;     /* 1-based line of the fault (TEXT_CONTROL, TEXT_CPR) */
	long cp;      /* TEXT_CONTROL: the code point */
	size_t limit; /* TEXT_TOO_LONG: f->max */
};

/* Checks in[0..strlen) against f's rule. named_individuals: may named young
 * people be discussed where the text belongs (org_body.named_individuals);
 * when false, CPR-like text is refused. On TEXT_OK, *out gets the
 * normalised text (LINES: CR LF and CR to LF, trailing white space of the
 * whole text removed; LINE: leading and trailing spaces removed). out may
 * be NULL. v->fault is returned. */
enum text_fault text_check(const struct text_field *f, const char *in, bool named_individuals,
			   struct strbuf *out, struct text_verdict *v);

/* Appends to msg the Danish sentence for v (v->fault != TEXT_OK) about
 * field f; body_name names where the text belongs for the CPR reason ("I
 * Hotspotmøde drøftes ikke ..."). */
void text_explain(const struct text_field *f, const struct text_verdict *v, const char *body_name,
		  struct strbuf *msg);

/* Is cp refused as a control character? line_breaks: a multi-line field
 * (line feed and tab allowed). */
bool text_is_control(long cp, bool line_breaks);

#endif
