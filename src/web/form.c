/* form.c - the form widgets every page uses (DKFDS markup, WCAG 2.1 AA:
 * a label for every control, hints and errors tied to it by
 * aria-describedby, aria-invalid on errors). Every argument goes through
 * the escaping HTML writer. */
#include <stdbool.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* The message for field id, when the failed call named it. */
const char *error_for(const struct svc_result *r, const char *id)
{
	if (r && r->status != SVC_OK && r->field && !strcmp(r->field, id))
		return r->message;
	return NULL;
}

/* The form group's start: label (and "(valgfrit)"), hint and error, as
 * input_field and select_open share them; *described gets the ids for
 * aria-describedby. */
static void field_start(struct html *h, const struct field *f, const char *error,
			struct strbuf *described)
{
	html_printf(h, "<div class=\"form-group%s\">\n<label class=\"form-label\" for=\"%s\">%s",
		    error ? " form-error" : "", f->id, f->label);
	if (f->optional)
		html_printf(h, " <span class=\"weight-normal\">(%s)</span>", _("valgfrit"));
	html_printf(h, "</label>\n");
	if (f->hint) {
		html_printf(h, "<span class=\"form-hint\" id=\"%s-hint\">%s</span>\n", f->id,
			    f->hint);
		strbuf_addf(described, "%s-hint", f->id);
	}
	if (error) {
		html_printf(h,
			    "<span class=\"form-error-message\" id=\"%s-error\">"
			    "<span class=\"sr-only\">%s </span>%s</span>\n",
			    f->id, _("Fejl:"), error);
		strbuf_addf(described, "%s%s-error", described->len ? " " : "", f->id);
	}
}

/* aria-invalid and aria-describedby of the control, then ">". */
static void field_control_end(struct html *h, const char *error, const struct strbuf *described)
{
	if (error)
		html_printf(h, " aria-invalid=\"true\"");
	if (described->len)
		html_printf(h, " aria-describedby=\"%s\"", described->buf);
	html_printf(h, ">\n");
}

void input_field(struct html *h, const struct field *f, const char *error)
{
	struct strbuf described = STRBUF_INIT;
	field_start(h, f, error, &described);
	html_printf(h, "<input class=\"form-input\" type=\"%s\" id=\"%s\" name=\"%s\" value=\"%s\"",
		    f->type, f->id, f->id, f->value ? f->value : "");
	if (f->autocomplete)
		html_printf(h, " autocomplete=\"%s\"", f->autocomplete);
	if (f->numeric)
		html_printf(h, " inputmode=\"numeric\" maxlength=\"6\"");
	if (!f->optional)
		html_printf(h, " required");
	field_control_end(h, error, &described);
	html_printf(h, "</div>\n");
	strbuf_release(&described);
}

void select_open(struct html *h, const struct field *f, const char *error)
{
	struct strbuf described = STRBUF_INIT;
	field_start(h, f, error, &described);
	html_printf(h, "<select class=\"form-select\" id=\"%s\" name=\"%s\"", f->id, f->id);
	field_control_end(h, error, &described);
	strbuf_release(&described);
}

void select_option(struct html *h, const char *value, const char *label, bool selected)
{
	html_printf(h, "<option value=\"%s\"%s>%s</option>\n", value, selected ? " selected" : "",
		    label);
}

void select_close(struct html *h)
{
	html_printf(h, "</select>\n</div>\n");
}

void submit_button(struct html *h, const char *variant, const char *label)
{
	html_printf(h, "<button type=\"submit\" class=\"button button-%s\">%s</button>\n", variant,
		    label);
}

void csrf_input(struct html *h, const char *token)
{
	html_printf(h, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", token);
}

void alert(struct html *h, const char *variant, const char *text)
{
	/* markup only in the format: role="alert" for errors */
	if (!strcmp(variant, "error"))
		html_printf(h, "<div class=\"alert alert-%s\" role=\"alert\">\n", variant);
	else
		html_printf(h, "<div class=\"alert alert-%s\">\n", variant);
	html_printf(h,
		    "<div class=\"alert-body\">\n<p class=\"alert-text\">%s</p>\n</div>\n</div>\n",
		    text);
}

/* An error that no field owns (or every error, at the top of a form). */
void form_error_summary(struct html *h, const struct svc_result *r)
{
	if (!r || r->status == SVC_OK)
		return;
	alert(h, "error", r->message ? r->message : _("Oplysningerne kan ikke bruges."));
}

void textarea_field(struct html *h, const char *id, const char *label, const char *hint,
		    const char *value, const char *error, int rows)
{
	html_printf(
	    h, "<div class=\"form-group%s\">\n<label class=\"form-label\" for=\"%s\">%s</label>\n",
	    error ? " form-error" : "", id, label);
	struct strbuf described = STRBUF_INIT;
	if (hint) {
		html_printf(h, "<span class=\"form-hint\" id=\"%s-hint\">%s</span>\n", id, hint);
		strbuf_addf(&described, "%s-hint", id);
	}
	if (error) {
		html_printf(h,
			    "<span class=\"form-error-message\" id=\"%s-error\">"
			    "<span class=\"sr-only\">%s </span>%s</span>\n",
			    id, _("Fejl:"), error);
		strbuf_addf(&described, "%s%s-error", described.len ? " " : "", id);
	}
	html_printf(h,
		    "<textarea class=\"form-input app-textarea\" id=\"%s\" name=\"%s\" rows=\"%d\"",
		    id, id, rows);
	if (error)
		html_printf(h, " aria-invalid=\"true\"");
	if (described.len)
		html_printf(h, " aria-describedby=\"%s\"", described.buf);
	html_printf(h, ">%s</textarea>\n</div>\n", value ? value : "");
	strbuf_release(&described);
}

void checkbox_field(struct html *h, const char *id, const char *value, bool checked,
		    const char *label)
{
	html_printf(h,
		    "<div class=\"form-group-checkbox\">\n<input class=\"form-checkbox\" "
		    "type=\"checkbox\" id=\"%s\" name=\"%s\" value=\"%s\"%s>\n"
		    "<label class=\"form-label\" for=\"%s\">%s</label>\n</div>\n",
		    id, id, value, checked ? " checked" : "", id, label);
}
