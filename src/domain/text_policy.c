/* text_policy.c - the one rule for free text (domain/text_policy.h). */
#include "domain/text_policy.h"

#include <string.h>

#include "domain/cpr.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/banned.h"

bool text_is_control(long cp, bool line_breaks)
{
	if (cp == '\n' || cp == '\t')
		return !line_breaks;
	if (cp < 0x20 || cp == 0x7F)
		return true;
	if (cp >= 0x80 && cp <= 0x9F) /* C1 controls */
		return true;
	if (cp >= 0x202A && cp <= 0x202E) /* bidi embedding and override */
		return true;
	if (cp >= 0x2066 && cp <= 0x2069) /* bidi isolates */
		return true;
	if (cp == 0x2028 || cp == 0x2029) /* line and paragraph separator */
		return true;
	return false;
}

static int line_of(const char *text, size_t at)
{
	int line = 1;
	for (size_t i = 0; i < at; i++)
		line += text[i] == '\n';
	return line;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

enum text_fault text_check(const struct text_field *f, const char *in, bool named_individuals,
			   struct strbuf *out, struct text_verdict *v)
{
	memset(v, 0, sizeof(*v));
	v->line = 1;
	const char *s = in ? in : "";
	size_t len = strlen(s);
	bool lines = f->shape == TEXT_LINES;
	struct strbuf norm = STRBUF_INIT;

	if (!utf8_valid(s, len, NULL)) {
		v->fault = TEXT_BAD_UTF8;
		goto out;
	}
	/* normalise line ends, then look at every character */
	for (size_t i = 0; i < len; i++) {
		if (lines && s[i] == '\r') {
			strbuf_addch(&norm, '\n');
			if (s[i + 1] == '\n')
				i++;
			continue;
		}
		strbuf_addch(&norm, s[i]);
	}
	for (size_t i = 0; i < norm.len;) {
		long cp;
		size_t n = utf8_decode(norm.buf + i, norm.len - i, &cp);
		if (text_is_control(cp, lines)) {
			v->fault = TEXT_CONTROL;
			v->cp = cp;
			v->line = line_of(norm.buf, i);
			goto out;
		}
		i += n;
	}
	/* trim: white space around a one-line text, trailing white space of
	 * a multi-line one */
	strbuf_rtrim(&norm);
	size_t lead = 0;
	if (!lines)
		while (lead < norm.len && is_blank(norm.buf[lead]))
			lead++;
	if (lead) {
		memmove(norm.buf, norm.buf + lead, norm.len - lead + 1);
		norm.len -= lead;
	}
	if (!norm.len && f->required) {
		v->fault = TEXT_EMPTY;
		goto out;
	}
	if (f->max && norm.len > f->max) {
		v->fault = TEXT_TOO_LONG;
		v->limit = f->max;
		goto out;
	}
	size_t at, n;
	if ((!named_individuals || f->everyone) && cpr_find(norm.buf, norm.len, &at, &n)) {
		v->fault = TEXT_CPR;
		v->line = line_of(norm.buf, at);
		goto out;
	}
	if (out) {
		strbuf_reset(out);
		strbuf_add(out, norm.buf, norm.len);
	}
out:
	strbuf_release(&norm);
	return v->fault;
}

void text_explain(const struct text_field *f, const struct text_verdict *v, const char *body_name,
		  struct strbuf *msg)
{
	const char *label = _(f->label);
	bool lines = f->shape == TEXT_LINES;
	switch (v->fault) {
	case TEXT_OK:
		break;
	case TEXT_EMPTY:
		strbuf_addf(msg, _("%s mangler; skriv noget i feltet."), label);
		break;
	case TEXT_TOO_LONG:
		strbuf_addf(msg, _("%s må højst være %zu tegn."), label, v->limit);
		break;
	case TEXT_BAD_UTF8:
		strbuf_addf(msg, _("%s er ikke gyldig UTF-8-tekst."), label);
		break;
	case TEXT_CONTROL:
		if (!lines &&
		    (v->cp == '\n' || v->cp == '\r' || v->cp == 0x2028 || v->cp == 0x2029))
			strbuf_addf(msg,
				    _("%s skal stå på én linje; fjern linjeskiftet, og gem igen."),
				    label);
		else if (lines)
			strbuf_addf(msg,
				    _("%s indeholder et styretegn (U+%04lX) på linje %d, som ikke "
				      "hører hjemme i en tekst; fjern det, og gem igen."),
				    label, (unsigned long)v->cp, v->line);
		else
			strbuf_addf(msg,
				    _("%s indeholder et styretegn (U+%04lX), som ikke hører hjemme "
				      "i en tekst; fjern det, og gem igen."),
				    label, (unsigned long)v->cp);
		break;
	case TEXT_CPR:
		if (lines)
			strbuf_addf(msg, _("%s ser ud til at indeholde et CPR-nummer (linje %d). "),
				    label, v->line);
		else
			strbuf_addf(msg, _("%s ser ud til at indeholde et CPR-nummer. "), label);
		if (f->everyone)
			strbuf_addstr(msg,
				      _("Feltet vises for alle brugere og i kalenderfeeds, så det "
					"må ikke rumme oplysninger om enkeltpersoner. Fjern "
					"nummeret, og gem igen."));
		else
			strbuf_addf(
			    msg,
			    _("I %s drøftes ikke konkrete sager om navngivne unge, så teksten må "
			      "kun rumme tendenser, steder og unavngivne grupper. Konkrete sager "
			      "henvises til et § 115-møde. Fjern nummeret, og gem igen."),
			    body_name ? body_name : "");
		break;
	}
}
