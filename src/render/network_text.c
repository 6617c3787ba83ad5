#include "render/network_text.h"

#include <string.h>

#include "domain/calendar.h"
#include "util/i18n.h"
#include "util/banned.h"

static const char *institution_name(const struct network_input *in, const char *id)
{
	for (size_t i = 0; id && i < in->inst_nr; i++)
		if (in->inst[i].id && !strcmp(in->inst[i].id, id))
			return in->inst[i].name ? in->inst[i].name : id;
	return id ? id : "?";
}

static const char *district(const struct net_institution *x)
{
	return x->district_name ? x->district_name : x->district ? x->district : "?";
}

static const char *kind_label(enum institution_kind k)
{
	return k == INST_CLUB ? _("klub") : _("skole");
}

void network_text_write(const struct network_input *in, const struct network_findings *f, int year,
			FILE *out)
{
	char from[11], date[11];
	cal_format_date(f->school_year_from, from);
	fprintf(out, _("\nSkolenetværket (%d skoler, %d klubber, %d SSP-kontaktpersoner)\n"),
		f->schools, f->clubs, f->contacts);

	fprintf(out, _("\n  Skoler og klubber uden SSP-kontaktperson: %zu\n"), f->no_contact_nr);
	for (size_t i = 0; i < f->no_contact_nr; i++)
		fprintf(out, "    - %s (%s, %s)\n", f->no_contact[i]->name,
			kind_label(f->no_contact[i]->kind), district(f->no_contact[i]));

	fputs("\n  ", out);
	switch (f->theme_day) {
	case THEME_DAY_NO_BODY:
		fprintf(out, _("Temadag %d: strategien har intet SSP-skolenetværk (%s).\n"), year,
			NETWORK_BODY_ID);
		break;
	case THEME_DAY_NONE:
		fprintf(out,
			_("Temadag %d: der er ingen temadag i mødeplanen (eller den er "
			  "aflyst).\n"),
			year);
		break;
	case THEME_DAY_UPCOMING:
		cal_format_date(f->theme_day_first, date);
		fprintf(out, _("Temadag %d: planlagt %s; ikke holdt endnu.\n"), year, date);
		break;
	case THEME_DAY_PASSED:
		cal_format_date(f->theme_day_first, date);
		fprintf(out,
			_("Temadag %d (%s): %d af %d SSP-kontaktpersoner deltog; %zu deltog "
			  "ikke.\n"),
			year, date, f->attended, f->contacts, f->missed_nr);
		for (size_t i = 0; i < f->missed_nr; i++)
			fprintf(out, "    - %s (%s), %s\n", f->missed[i]->name,
				f->missed[i]->username,
				institution_name(in, f->missed[i]->institution));
		break;
	}

	fprintf(out, _("\n  Skoler uden SSP-læseplan for skoleåret %d/%02d (fra %s): %zu\n"),
		f->school_year, (f->school_year + 1) % 100, from, f->no_laeseplan_nr);
	for (size_t i = 0; i < f->no_laeseplan_nr; i++)
		fprintf(out, "    - %s (%s)\n", f->no_laeseplan[i]->name,
			district(f->no_laeseplan[i]));
}
