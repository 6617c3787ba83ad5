/* indsigt_out.c - the answer to a request for access as JSON and PDF
 * (render/indsigt_out.h). */
#include "render/indsigt_out.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/concern.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

/* ---- lookups in the strategy ----------------------------------------------- */

static const char *category_name(const struct org *o, const char *id)
{
	for (size_t i = 0; id && i < o->categories_nr; i++)
		if (!strcmp(o->categories[i].id, id))
			return o->categories[i].name;
	return NULL;
}

static const char *institution_name(const struct org *o, const char *id)
{
	for (size_t i = 0; id && i < o->institutions_nr; i++)
		if (!strcmp(o->institutions[i].id, id))
			return o->institutions[i].name;
	return NULL;
}

static const char *district_name(const struct org *o, const char *id)
{
	const struct org_district *d = id ? org_find_district(o, id) : NULL;
	return d ? d->name : NULL;
}

static const struct indsigt_section *sec(const struct indsigt_report *rep, const char *table)
{
	return indsigt_section_of(rep, table);
}

static bool withheld(const struct indsigt_report *rep, enum indsigt_part p)
{
	return rep->has_request && (rep->request.parts & (1u << p));
}

/* ---- JSON ----------------------------------------------------------------------- */

static json_t *record_json(const struct indsigt_record *rec)
{
	json_t *o = json_object();
	for (size_t i = 0; i < rec->nr; i++) {
		const struct indsigt_field *f = &rec->v[i];
		json_t *v;
		if (!f->value)
			v = json_null();
		else if (f->number)
			v = json_integer(strtoll(f->value, NULL, 10));
		else
			v = json_string(f->value);
		json_object_set_new(o, f->column, v ? v : json_null());
	}
	return o;
}

static json_t *section_json(const struct indsigt_section *s)
{
	json_t *a = json_array();
	for (size_t i = 0; s && i < s->nr; i++)
		json_array_append_new(a, record_json(&s->v[i]));
	return a;
}

/* The records of table whose column equals value. */
static json_t *children_json(const struct indsigt_report *rep, const char *table,
			     const char *column, const char *value)
{
	json_t *a = json_array();
	const struct indsigt_section *s = sec(rep, table);
	for (size_t i = 0; s && value && i < s->nr; i++) {
		const char *v = indsigt_value(&s->v[i], column);
		if (v && !strcmp(v, value))
			json_array_append_new(a, record_json(&s->v[i]));
	}
	return a;
}

json_t *indsigt_to_json(const struct indsigt_report *rep)
{
	json_t *j = json_object();
	char day[11];
	cal_format_date(rep->made, day);
	json_object_set_new(j, "made", json_string(day));
	json_object_set_new(j, "municipality",
			    rep->org.municipality ? json_string(rep->org.municipality)
						  : json_null());
	const struct indsigt_section *ps = sec(rep, "person");
	json_t *person = ps && ps->nr ? record_json(&ps->v[0]) : json_object();
	if (ps && ps->nr) {
		const char *in =
		    institution_name(&rep->org, indsigt_value(&ps->v[0], "institution_id"));
		const char *dn = district_name(&rep->org, indsigt_value(&ps->v[0], "district_id"));
		json_object_set_new(person, "institution_name", in ? json_string(in) : json_null());
		json_object_set_new(person, "district_name", dn ? json_string(dn) : json_null());
	}
	json_object_set_new(j, "person", person);
	json_object_set_new(j, "handovers", section_json(sec(rep, "handover")));
	json_object_set_new(j, "referrals", section_json(sec(rep, "referral")));
	json_t *concerns = json_array();
	const struct indsigt_section *cs = sec(rep, "concern");
	for (size_t i = 0; cs && i < cs->nr; i++) {
		json_t *c = record_json(&cs->v[i]);
		const char *id = indsigt_value(&cs->v[i], "id");
		const char *cn = category_name(&rep->org, indsigt_value(&cs->v[i], "category_id"));
		json_object_set_new(c, "category_name", cn ? json_string(cn) : json_null());
		json_object_set_new(c, "category_history",
				    children_json(rep, "concern_category", "concern_id", id));
		json_object_set_new(c, "decisions",
				    children_json(rep, "decision", "concern_id", id));
		json_object_set_new(c, "actions",
				    children_json(rep, "concern_action", "concern_id", id));
		json_object_set_new(c, "notes",
				    children_json(rep, "concern_note", "concern_id", id));
		json_object_set_new(c, "related_people",
				    children_json(rep, "related_person", "concern_id", id));
		json_array_append_new(concerns, c);
	}
	json_object_set_new(j, "concerns", concerns);
	json_object_set_new(j, "share_declined", section_json(sec(rep, "share_declined")));
	json_object_set_new(j, "requests", section_json(sec(rep, "indsigt_request")));
	json_object_set_new(j, "access_log", section_json(sec(rep, "audit_log")));
	if (rep->has_request) {
		char rec[11], dl[11];
		cal_format_date(rep->request.received, rec);
		cal_format_date(rep->request.deadline, dl);
		json_object_set_new(j, "request",
				    json_pack("{sI ss ss ss}", "id", (json_int_t)rep->request.id,
					      "received", rec, "deadline", dl, "status",
					      rep->request.open ? "open" : "answered"));
	} else {
		json_object_set_new(j, "request", json_null());
	}
	if (rep->has_request && rep->request.parts) {
		json_t *parts = json_array();
		for (int p = 0; p < INDSIGT_PART__COUNT; p++)
			if (rep->request.parts & (1u << p))
				json_array_append_new(
				    parts, json_string(indsigt_part_id((enum indsigt_part)p)));
		json_t *r = json_object();
		json_object_set_new(r, "law", json_string(INDSIGT_RESTRICTION_LAW));
		json_object_set_new(r, "withheld", parts);
		json_object_set_new(r, "justification",
				    rep->request.justification
					? json_string(rep->request.justification)
					: json_null());
		json_object_set_new(j, "restriction", r);
	} else {
		json_object_set_new(j, "restriction", json_null());
	}
	return j;
}

/* ---- PDF -------------------------------------------------------------------------- */

/* A4 in points; margins of 2 cm. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.7

/* Danish labels of the schema's columns; a column not listed shows under
 * its own name, so a new column is never left out of the letter. */
static const struct {
	const char *column, *label;
} labels[] = {
    {"id", N_("Nr.")},
    {"name", N_("Navn")},
    {"cpr", N_("CPR-nummer")},
    {"birth_date", N_("Fødselsdato")},
    {"institution_id", N_("Institution")},
    {"district_id", N_("Distrikt")},
    {"created_at", N_("Registreret")},
    {"created_by", N_("Registreret af")},
    {"meeting_id", N_("Møde nr.")},
    {"contact_date", N_("Dato for kontakt med politiet")},
    {"summary", N_("Beskrivelse")},
    {"category_id", N_("Kategori")},
    {"concern_id", N_("Bekymring nr.")},
    {"necessity", N_("Begrundelse for nødvendighed")},
    {"legal_basis", N_("Hjemmel")},
    {"status", N_("Status")},
    {"screen_reason", N_("Begrundelse for visitationen")},
    {"screened_at", N_("Visiteret")},
    {"screened_by", N_("Visiteret af")},
    {"serious_crime", N_("Mistanke om alvorlig kriminalitet")},
    {"prison_sentence", N_("Fængselsstraf")},
    {"opened_at", N_("Oprettet")},
    {"opened_by", N_("Oprettet af")},
    {"closed_at", N_("Afsluttet")},
    {"closed_by", N_("Afsluttet af")},
    {"close_reason", N_("Begrundelse for afslutning")},
    {"at", N_("Tidspunkt")},
    {"by_user", N_("Af")},
    {"item_kind", N_("Dagsordenspunkt")},
    {"item_id", N_("Punkt nr.")},
    {"decided_at", N_("Besluttet")},
    {"decided_by", N_("Besluttet af")},
    {"username", N_("Bruger")},
    {"org", N_("Organisation")},
    {"type", N_("Handling")},
    {"owner_org", N_("Ansvarlig organisation")},
    {"owner_user", N_("Ansvarlig medarbejder")},
    {"due", N_("Frist")},
    {"planned_date", N_("Planlagt")},
    {"held_date", N_("Afholdt")},
    {"reported_at", N_("Underretning sendt")},
    {"receipt_due", N_("Kvittering senest")},
    {"receipt_at", N_("Kvittering modtaget")},
    {"done_at", N_("Afsluttet")},
    {"decision_id", N_("Beslutning nr.")},
    {"action_id", N_("Handling nr.")},
    {"text", N_("Notat")},
    {"welfare", N_("Bekymring for barnets trivsel")},
    {"relation", N_("Relation")},
    {"phone", N_("Telefon")},
    {"received", N_("Modtaget")},
    {"deadline", N_("Frist for svar")},
    {"answered_at", N_("Besvaret")},
    {"answered_by", N_("Besvaret af")},
    {"restricted_parts", N_("Undtagne dele")},
    {"restriction_justification", N_("Begrundelse for undtagelsen")},
    {"restricted_at", N_("Undtagelsen besluttet")},
    {"restricted_by", N_("Undtagelsen besluttet af")},
    {"seq", N_("Nr.")},
    {"action", N_("Handling")},
    {"outcome", N_("Udfald")},
};

const char *indsigt_label(const char *column)
{
	for (size_t i = 0; i < sizeof(labels) / sizeof(*labels); i++)
		if (!strcmp(labels[i].column, column))
			return _(labels[i].label);
	return column;
}

const char *indsigt_field_label(const struct indsigt_field *f)
{
	/* a concern's and a decision's necessity is a confirmed flag; a
	 * referral's is its written justification */
	if (f->number && !strcmp(f->column, "necessity"))
		return _("Nødvendigheden er vurderet");
	return indsigt_label(f->column);
}

struct pen {
	cairo_t *cr;
	cairo_surface_t *surface;
	PangoFontDescription *body, *bold, *h1, *h2, *small;
	double y;
	int page;
};

static void new_page(struct pen *p)
{
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

static PangoLayout *layout(struct pen *p, const PangoFontDescription *font, const char *text,
			   double width)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	pango_layout_set_font_description(l, font);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static double height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* Writes text at indent; a new page first when it does not fit. */
static void para(struct pen *p, const PangoFontDescription *font, const char *text, double indent,
		 double after)
{
	PangoLayout *l = layout(p, font, text, PAGE_W - 2 * MARGIN - indent);
	double h = height(l);
	if (p->y + h > PAGE_H - MARGIN && p->y > MARGIN)
		new_page(p);
	cairo_move_to(p->cr, MARGIN + indent, p->y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	p->y += h + after;
}

/* "Label: value" with the label in bold, value wrapped beside it. */
static void field_line(struct pen *p, const char *label, const char *value, double indent)
{
	const double lw = 170;
	PangoLayout *ll = layout(p, p->bold, label, lw - 8);
	PangoLayout *vl = layout(p, p->body, value, PAGE_W - 2 * MARGIN - indent - lw);
	double h = height(ll) > height(vl) ? height(ll) : height(vl);
	if (p->y + h > PAGE_H - MARGIN)
		new_page(p);
	cairo_move_to(p->cr, MARGIN + indent, p->y);
	pango_cairo_show_layout(p->cr, ll);
	cairo_move_to(p->cr, MARGIN + indent + lw, p->y);
	pango_cairo_show_layout(p->cr, vl);
	g_object_unref(ll);
	g_object_unref(vl);
	p->y += h + 2;
}

static void heading(struct pen *p, const char *text)
{
	if (p->y + 80 > PAGE_H - MARGIN)
		new_page(p);
	p->y += 10;
	para(p, p->h2, text, 0, 6);
}

/* Danish words for the schema's status, kind and action ids; an id not
 * listed shows as it is. */
static const struct {
	const char *id, *text;
} words[] = {
    {"open", N_("åben")},
    {"closed", N_("afsluttet")},
    {"submitted", N_("indsendt")},
    {"agenda", N_("sat på dagsordenen")},
    {"adhoc", N_("til ad hoc-møde")},
    {"other", N_("håndteret på anden måde")},
    {"decided", N_("behandlet på mødet")},
    {"answered", N_("besvaret")},
    {"done", N_("udført")},
    {"cancelled", N_("aflyst")},
    {"handover", N_("overlevering fra politiet")},
    {"referral", N_("indstilling")},
    {"followup", N_("opfølgning")},
    {"ok", N_("udført")},
    {"refused", N_("afvist")},
    {"failed", N_("mislykkedes")},
    /* the access log's actions on a person */
    {"person.add", N_("registrerede dig")},
    {"person.read", N_("så dine stamoplysninger")},
    {"person.cpr.reveal", N_("så dit fulde CPR-nummer")},
    {"handover.add", N_("registrerede en overlevering")},
    {"handover.read", N_("læste en overlevering")},
    {"referral.add", N_("indstillede dig")},
    {"referral.read", N_("læste en indstilling")},
    {"referral.screen", N_("visiterede en indstilling")},
    {"concern.decide", N_("traf beslutning på § 115-møde")},
    {"concern.read", N_("læste bekymringen")},
    {"concern.close", N_("afsluttede bekymringen")},
    {"indsigt.view", N_("samlede indsigt til dig")},
    {"indsigt.request.add", N_("registrerede din anmodning")},
    {"indsigt.restrict", N_("begrænsede indsigten")},
    {"indsigt.answer", N_("besvarede din anmodning")},
    {"gdpr-15", N_("databeskyttelsesforordningens art. 15")},
    {"dbl-22-2-4", N_("databeskyttelseslovens § 22, stk. 2, nr. 4")},
};

static const char *word(const char *id)
{
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(words[i].id, id))
			return _(words[i].text);
	return NULL;
}

/* "2027-03-10T14:05:09Z" as "2027-03-10 14:05 UTC" into buf; other text
 * as it is. */
static const char *timestamp(const char *v, char buf[32])
{
	size_t n = strlen(v);
	if (n >= 20 && n <= 30 && v[10] == 'T' && v[13] == ':' && v[n - 1] == 'Z') {
		snprintf(buf, 32, "%.10s %.5s UTC", v, v + 11);
		return buf;
	}
	return v;
}

/* A value as a reader wants it: names for the strategy's ids, the law
 * for a legal basis, "ja"/"nej" for flags, Danish words for ids, short
 * times. Returns value, buf, or a static/org-owned string. */
const char *indsigt_shown(const struct indsigt_report *rep, const struct indsigt_field *f,
			  char buf[32])
{
	const char *column = f->column, *value = f->value, *n = NULL;
	enum legal_basis lb;
	if (!strcmp(column, "category_id"))
		n = category_name(&rep->org, value);
	else if (!strcmp(column, "institution_id"))
		n = institution_name(&rep->org, value);
	else if (!strcmp(column, "district_id"))
		n = district_name(&rep->org, value);
	else if (!strcmp(column, "type"))
		n = concern_action_label(&rep->org, value);
	else if (!strcmp(column, "legal_basis") && legal_basis_parse(value, &lb) == 0)
		n = legal_basis_label(lb);
	else if (f->number && (!strcmp(value, "0") || !strcmp(value, "1")) &&
		 (!strcmp(column, "serious_crime") || !strcmp(column, "prison_sentence") ||
		  !strcmp(column, "welfare") || !strcmp(column, "necessity")))
		n = !strcmp(value, "1") ? _("ja") : _("nej");
	else if (!strcmp(column, "status") || !strcmp(column, "item_kind") ||
		 !strcmp(column, "outcome") || !strcmp(column, "action") ||
		 !strcmp(column, "legal_basis"))
		n = word(value);
	else if (!f->number)
		n = timestamp(value, buf);
	return n ? n : value;
}

/* Every field of rec but the person's own id (the letter is about them)
 * and empty ones. */
static void record(struct pen *p, const struct indsigt_report *rep,
		   const struct indsigt_record *rec, double indent)
{
	for (size_t i = 0; i < rec->nr; i++) {
		const struct indsigt_field *f = &rec->v[i];
		if (!f->value || !strcmp(f->column, "person_id"))
			continue;
		char buf[32];
		field_line(p, indsigt_field_label(f), indsigt_shown(rep, f, buf), indent);
	}
	p->y += 6;
}

static void records(struct pen *p, const struct indsigt_report *rep, const char *table,
		    const char *none)
{
	const struct indsigt_section *s = sec(rep, table);
	if (!s || !s->nr) {
		para(p, p->body, none, 0, 6);
		return;
	}
	for (size_t i = 0; i < s->nr; i++)
		record(p, rep, &s->v[i], 0);
}

static void children(struct pen *p, const struct indsigt_report *rep, const char *table,
		     const char *concern, const char *title)
{
	const struct indsigt_section *s = sec(rep, table);
	bool any = false;
	for (size_t i = 0; s && concern && i < s->nr; i++) {
		const char *v = indsigt_value(&s->v[i], "concern_id");
		if (!v || strcmp(v, concern))
			continue;
		if (!any)
			para(p, p->bold, title, 20, 4);
		any = true;
		record(p, rep, &s->v[i], 20);
	}
}

static void withheld_notice(struct pen *p, enum indsigt_part part)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb,
		    _("%s er undtaget fra indsigten. Se afsnittet »Begrænsning af indsigten«."),
		    indsigt_part_label(part));
	para(p, p->body, sb.buf, 0, 6);
	strbuf_release(&sb);
}

static void access_table(struct pen *p, const struct indsigt_report *rep)
{
	const struct indsigt_section *s = sec(rep, "audit_log");
	if (!s || !s->nr) {
		para(p, p->body, _("Ingen har set oplysningerne."), 0, 6);
		return;
	}
	static const char *const cols[] = {"at",     "username",    "org",
					   "action", "legal_basis", "outcome"};
	static const double x[] = {0, 95, 150, 215, 335, 440};
	const double w = PAGE_W - 2 * MARGIN;
	for (size_t r = 0; r <= s->nr; r++) {
		PangoLayout *ls[6];
		double h = 0;
		for (int c = 0; c < 6; c++) {
			double cw = (c < 5 ? x[c + 1] : w) - x[c] - 4;
			const char *t = NULL;
			char buf[32];
			if (r == 0) {
				t = indsigt_label(cols[c]);
			} else {
				const struct indsigt_record *rec = &s->v[r - 1];
				for (size_t k = 0; k < rec->nr; k++)
					if (!strcmp(rec->v[k].column, cols[c]) && rec->v[k].value)
						t = indsigt_shown(rep, &rec->v[k], buf);
			}
			ls[c] = layout(p, r == 0 ? p->bold : p->small, t ? t : "–", cw);
			if (height(ls[c]) > h)
				h = height(ls[c]);
		}
		if (p->y + h > PAGE_H - MARGIN)
			new_page(p);
		for (int c = 0; c < 6; c++) {
			cairo_move_to(p->cr, MARGIN + x[c], p->y);
			pango_cairo_show_layout(p->cr, ls[c]);
			g_object_unref(ls[c]);
		}
		p->y += h + 3;
		cairo_set_line_width(p->cr, 0.3);
		cairo_move_to(p->cr, MARGIN, p->y - 1.5);
		cairo_line_to(p->cr, MARGIN + w, p->y - 1.5);
		cairo_stroke(p->cr);
	}
	p->y += 6;
}

static void draw(struct pen *p, const struct indsigt_report *rep)
{
	char day[11];
	cal_format_date(rep->made, day);
	struct strbuf sb = STRBUF_INIT;
	const char *muni = rep->org.municipality ? rep->org.municipality : "";
	strbuf_addf(&sb, "%s\n%s", muni, _("SSP-samarbejdet (Skole, Socialforvaltning og Politi)"));
	para(p, p->body, sb.buf, 0, 4);
	strbuf_reset(&sb);
	strbuf_addf(&sb, _("Dato: %s"), day);
	para(p, p->body, sb.buf, 0, 24);
	para(p, p->h1, _("Svar på din anmodning om indsigt"), 0, 10);
	para(p, p->body,
	     _("Du har ret til at få at vide, hvilke oplysninger kommunen behandler om dig i "
	       "SSP-samarbejdet (databeskyttelsesforordningens artikel 15). Her er alle de "
	       "oplysninger, systemet har om dig, og en oversigt over, hvem der har set dem, "
	       "hvornår og med hvilken hjemmel."),
	     0, 8);
	if (rep->has_request) {
		char rec[11], dl[11];
		cal_format_date(rep->request.received, rec);
		cal_format_date(rep->request.deadline, dl);
		strbuf_reset(&sb);
		strbuf_addf(&sb, _("Vi modtog din anmodning den %s. Fristen for svaret er %s."),
			    rec, dl);
		para(p, p->body, sb.buf, 0, 8);
	}

	heading(p, _("Oplysninger om dig"));
	const struct indsigt_section *ps = sec(rep, "person");
	if (ps && ps->nr)
		record(p, rep, &ps->v[0], 0);

	if (rep->has_request && rep->request.parts) {
		heading(p, _("Begrænsning af indsigten"));
		para(p, p->body,
		     _("Dele af oplysningerne er undtaget fra indsigten efter "
		       "databeskyttelseslovens § 22, stk. 2, nr. 4. Det drejer sig om:"),
		     0, 4);
		for (int i = 0; i < INDSIGT_PART__COUNT; i++)
			if (rep->request.parts & (1u << i)) {
				strbuf_reset(&sb);
				strbuf_addf(&sb, "• %s", indsigt_part_label((enum indsigt_part)i));
				para(p, p->body, sb.buf, 12, 2);
			}
		p->y += 4;
		field_line(p, _("Begrundelse"),
			   rep->request.justification ? rep->request.justification : "", 0);
		p->y += 6;
	}

	heading(p, _("Politiets overleveringer"));
	if (withheld(rep, INDSIGT_PART_HANDOVERS))
		withheld_notice(p, INDSIGT_PART_HANDOVERS);
	else
		records(p, rep, "handover", _("Der er ingen overleveringer fra politiet om dig."));

	heading(p, _("Indstillinger fra skole eller klub"));
	if (withheld(rep, INDSIGT_PART_REFERRALS))
		withheld_notice(p, INDSIGT_PART_REFERRALS);
	else
		records(p, rep, "referral", _("Der er ingen indstillinger om dig."));

	heading(p, _("Bekymringer"));
	const struct indsigt_section *cs = sec(rep, "concern");
	if (withheld(rep, INDSIGT_PART_CONCERNS)) {
		withheld_notice(p, INDSIGT_PART_CONCERNS);
	} else if (!cs || !cs->nr) {
		para(p, p->body, _("Der er ingen bekymringer om dig."), 0, 6);
	} else {
		for (size_t i = 0; i < cs->nr; i++) {
			const char *id = indsigt_value(&cs->v[i], "id");
			strbuf_reset(&sb);
			strbuf_addf(&sb, _("Bekymring nr. %s"), id ? id : "?");
			para(p, p->bold, sb.buf, 0, 4);
			record(p, rep, &cs->v[i], 0);
			children(p, rep, "concern_category", id, _("Kategorier"));
			children(p, rep, "decision", id, _("Beslutninger på § 115-møder"));
			children(p, rep, "concern_action", id, _("Aftalte handlinger"));
			if (withheld(rep, INDSIGT_PART_NOTES))
				withheld_notice(p, INDSIGT_PART_NOTES);
			else
				children(p, rep, "concern_note", id, _("Sagsnotater"));
			if (withheld(rep, INDSIGT_PART_RELATED))
				withheld_notice(p, INDSIGT_PART_RELATED);
			else
				children(p, rep, "related_person", id,
					 _("Pårørende og andre voksne"));
		}
		const struct indsigt_section *sd = sec(rep, "share_declined");
		if (sd && sd->nr) {
			para(p, p->bold, _("Deltagere, der afslog at dele oplysninger"), 0, 4);
			records(p, rep, "share_declined", "");
		}
	}

	heading(p, _("Dine anmodninger om indsigt"));
	records(p, rep, "indsigt_request", _("Der er ingen registrerede anmodninger."));

	heading(p, _("Hvem har set dine oplysninger"));
	if (withheld(rep, INDSIGT_PART_ACCESS_LOG)) {
		withheld_notice(p, INDSIGT_PART_ACCESS_LOG);
	} else {
		para(p, p->body,
		     _("Adgangsloggen viser hver gang, nogen har oprettet, læst eller ændret "
		       "oplysninger om dig: tidspunkt (UTC), bruger, organisation, handling og "
		       "hjemmel."),
		     0, 6);
		access_table(p, rep);
	}

	heading(p, _("Dine rettigheder"));
	para(p, p->body,
	     _("Du kan bede om at få urigtige oplysninger rettet. Er du utilfreds med kommunens "
	       "behandling af dine oplysninger, kan du kontakte kommunens "
	       "databeskyttelsesrådgiver eller klage til Datatilsynet (www.datatilsynet.dk)."),
	     0, 8);
	strbuf_release(&sb);
}

struct sink {
	FILE *out;
	bool failed;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;
	if (fwrite(data, 1, len, s->out) != len) {
		s->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

int indsigt_pdf_write(const struct indsigt_report *rep, FILE *out, char **err)
{
	*err = NULL;
	struct sink sink = {out, false};
	cairo_surface_t *surface =
	    cairo_pdf_surface_create_for_stream(sink_write, &sink, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
				       _("Svar på anmodning om indsigt"));
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ssp");
	struct pen p = {0};
	p.surface = surface;
	p.cr = cairo_create(surface);
	p.body = pango_font_description_from_string("DejaVu Sans 9.5");
	p.bold = pango_font_description_from_string("DejaVu Sans Bold 9.5");
	p.small = pango_font_description_from_string("DejaVu Sans 8");
	p.h1 = pango_font_description_from_string("DejaVu Sans Bold 16");
	p.h2 = pango_font_description_from_string("DejaVu Sans Bold 12");
	p.y = MARGIN;
	p.page = 1;
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	draw(&p, rep);
	cairo_status_t st = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	pango_font_description_free(p.body);
	pango_font_description_free(p.bold);
	pango_font_description_free(p.small);
	pango_font_description_free(p.h1);
	pango_font_description_free(p.h2);
	if (sink.failed || st != CAIRO_STATUS_SUCCESS || fflush(out) != 0 || ferror(out)) {
		*err = xstrdup(_("indsigten kunne ikke skrives som PDF"));
		return -1;
	}
	return 0;
}
