#include "render/org_text.h"

#include <string.h>

#include "util/i18n.h"
#include "util/banned.h"

static void list(FILE *out, const char *title, const struct strlist *l)
{
	if (!l->nr)
		return;
	fprintf(out, "    %s:\n", title);
	for (size_t i = 0; i < l->nr; i++)
		fprintf(out, "      - %s\n", l->v[i]);
}

void org_text_write(const struct org *o, FILE *out)
{
	fprintf(out, _("Organisering af SSP-samarbejdet i %s\n"),
		o->municipality ? o->municipality : "?");
	fprintf(out, _("Politikreds: %s\n"), o->police_district ? o->police_district : "?");
	fprintf(out, _("Målgruppe: %d-%d år (SSP+ fra %d år)\n"), o->age_min, o->age_max,
		o->ssp_plus_from);
	for (int l = 0; l < (int)org_levels_nr(o); l++) {
		fprintf(out, "\n== %s ==\n", org_level_label_in(o, l));
		int n = 0;
		for (size_t i = 0; i < o->bodies_nr; i++) {
			const struct org_body *b = &o->bodies[i];
			if ((int)b->level != l)
				continue;
			n++;
			fprintf(out, "\n  %s [%s]\n", b->name, b->id);
			if (b->parent) {
				const struct org_body *p = org_find_body(o, b->parent);
				fprintf(out, _("    Forankret under: %s\n"),
					p ? p->name : b->parent);
			}
			fprintf(out, _("    Formål: %s\n"), b->purpose);
			fprintf(out, _("    Ansvarlig: %s\n"), b->responsible);
			for (size_t k = 0; k < b->chairs.nr; k++)
				fprintf(out, _("    Mødeleder: %s\n"), b->chairs.v[k]);
			for (size_t k = 0; k < b->minute_takers.nr; k++)
				fprintf(out, _("    Referent: %s\n"), b->minute_takers.v[k]);
			fprintf(out, _("    Mødefrekvens: %s\n"), b->frequency_text);
			fprintf(out, _("    Navngivne personer må drøftes: %s\n"),
				b->named_individuals ? _("ja") : _("nej"));
			if (b->note)
				fprintf(out, _("    Note: %s\n"), b->note);
			list(out, _("Medlemmer"), &b->members);
			list(out, _("Opgaver"), &b->tasks);
			list(out, _("Årshjulets temaer"), &b->wheel_themes);
		}
		if (!n)
			fprintf(out, _("  (ingen organer på dette niveau)\n"));
	}
	fprintf(out, _("\n== Sagskategorier ==\n"));
	for (size_t i = 0; i < o->categories_nr; i++)
		fprintf(out, "  %zu. %s\n", i + 1, o->categories[i].name);
	fprintf(out, _("\n== Distrikter ==\n"));
	for (size_t i = 0; i < o->districts_nr; i++) {
		fprintf(out, "  %s\n", o->districts[i].name);
		for (size_t k = 0; k < o->institutions_nr; k++) {
			const struct org_institution *x = &o->institutions[k];
			if (strcmp(x->district, o->districts[i].id))
				continue;
			fprintf(out, "    - %s (%s)%s\n", x->name,
				x->kind == INST_CLUB ? _("klub") : _("skole"),
				x->example ? _(" [eksempeldata]") : "");
		}
	}
}
