#include "render/plan_text.h"

#include <string.h>

#include "util/i18n.h"
#include "util/banned.h"

/* Writes s padded with spaces to `width` characters (not bytes: the
 * names hold æ, ø, å and §). */
static void pad(FILE *out, const char *s, int width)
{
	int n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	if (n <= width) {
		fputs(s, out);
		for (; n < width; n++)
			fputc(' ', out);
		return;
	}
	/* too long: the first width - 1 characters and an ellipsis */
	const char *p = s;
	for (int k = 0; *p; p++)
		if ((*p & 0xC0) != 0x80 && k++ == width - 1)
			break;
	fwrite(s, 1, (size_t)(p - s), out);
	fputs("…", out);
}

static const char *body_name(const struct org *o, const char *id)
{
	const struct org_body *b = org_find_body(o, id);
	return b && b->name ? b->name : id;
}

static const char *district_name(const struct org *o, const char *id)
{
	const struct org_district *d = org_find_district(o, id);
	return d && d->name ? d->name : id;
}

void plan_text_write(const struct org *o, const struct meeting_list *l, int year, FILE *out)
{
	fprintf(out, _("Mødeplan %d for %s (tider i Europe/Copenhagen)\n\n"), year,
		o->municipality ? o->municipality : "?");
	for (size_t i = 0; i < l->nr; i++) {
		const struct meeting *m = &l->v[i];
		char date[11];
		long end_day;
		int end_min;
		cal_format_date(m->day, date);
		meeting_end(m, &end_day, &end_min);
		fprintf(out, "%s %s  %02d:%02d-%02d:%02d  %s %2d  %s",
			cal_weekday_short(cal_weekday(m->day)), date, m->start / 60, m->start % 60,
			end_min / 60, end_min % 60, _("uge"), cal_iso_week(m->day, NULL),
			body_name(o, m->body));
		if (m->institution) {
			const struct org_institution *x = org_find_institution(o, m->institution);
			fprintf(out, " (%s, %s)", x && x->name ? x->name : m->institution,
				m->district ? district_name(o, m->district) : "?");
		} else if (m->district) {
			fprintf(out, " (%s)", district_name(o, m->district));
		}
		if (m->theme) {
			/* one line whatever was stored before the text policy
			 * (domain/text_policy.h) refused line breaks */
			fputs(": ", out);
			for (const char *c = m->theme; *c; c++)
				fputc((unsigned char)*c < 0x20 || *c == 0x7f ? ' ' : *c, out);
		}
		if (m->status != MEETING_PLANNED)
			fprintf(out, " [%s]", meeting_status_label(m->status));
		if (m->ad_hoc)
			fputs(_(" [ad hoc]"), out);
		fputc('\n', out);
		for (size_t k = 0; k < m->agenda.nr; k++)
			fprintf(out, "      + %s\n", m->agenda.v[k]);
	}
	fprintf(out, _("\nI alt %zu møder:\n"), l->nr);
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		int n = 0;
		for (size_t k = 0; k < l->nr; k++)
			if (!strcmp(l->v[k].body, b->id))
				n++;
		if (!n)
			continue;
		fputs("  ", out);
		pad(out, b->name, 28);
		fprintf(out, _(" %3d  (strategien: %s)\n"), n,
			b->frequency_text ? b->frequency_text : "");
	}
}

static void counts_line(FILE *out, const char *label, const struct compliance_counts *c)
{
	fputs("  ", out);
	pad(out, label, 28);
	fprintf(out, " %5d %8d %7d %7d  %s\n", c->required_min, c->planned, c->held, c->cancelled,
		compliance_status_label(c->status));
}

void compliance_text_write(const struct compliance *c, int year, long as_of, FILE *out)
{
	char date[11];
	cal_format_date(as_of, date);
	fprintf(out, _("Overholdelse af mødekravene %d pr. %s\n\n"), year, date);
	fputs("  ", out);
	pad(out, _("Organ"), 28);
	fprintf(out, " %5s %8s %7s %7s  %s\n", _("Krav"), _("Planlagt"), _("Afholdt"), _("Aflyst"),
		_("Status"));
	for (size_t i = 0; i < c->nr; i++) {
		const struct compliance_row *r = &c->v[i];
		counts_line(out, r->name ? r->name : r->body, &r->c);
		for (size_t d = 0; d < r->districts_nr; d++) {
			char label[80];
			snprintf(label, sizeof(label), "  - %s", r->district_names[d]);
			counts_line(out, label, &r->districts[d]);
			/* [C-INST] its institutions */
			for (size_t n = 0; n < r->institutions_nr; n++) {
				if (!r->institution_districts[n] ||
				    strcmp(r->institution_districts[n], r->district_ids[d]))
					continue;
				snprintf(label, sizeof(label), "    - %s", r->institution_names[n]);
				counts_line(out, label, &r->institutions[n]);
			}
		}
		/* [C-PERIOD] the periods in which the rule is not held */
		for (size_t p = 0; p < r->periods_nr; p++) {
			const struct compliance_period *pe = &r->periods[p];
			if (pe->status == COMPLIANCE_OK)
				continue;
			char from[11], to[11];
			cal_format_date(pe->from, from);
			cal_format_date(pe->to, to);
			const char *unit = pe->institution ? pe->institution : pe->district;
			fprintf(out, _("      %s til %s%s%s: %d af %d afholdt  %s\n"), from, to,
				unit ? ", " : "", unit ? unit : "", pe->held, pe->required,
				compliance_status_label(pe->status));
		}
		for (size_t t = 0; t < r->missing_themes.nr; t++)
			fprintf(out, _("      mangler tema: %s\n"), r->missing_themes.v[t]);
	}
	fputs(_("\nbagud: møder før datoen er ikke registreret som afholdt.\n"
		"i fare: planen når ikke minimum, selv hvis alle møder holdes (aflyste\n"
		"møder uden erstatning, eller for få planlagt).\n"),
	      out);
}
