/* dpa_docs.c - the record of processing and the impact assessment as
 * Markdown (render/dpa_docs.h). */
#include "render/dpa_docs.h"

#include <string.h>

#include "domain/concern.h"
#include "domain/retention.h"
#include "util/i18n.h"
#include "util/banned.h"

#define FILL "[UDFYLDES]"

int dpa_kind_parse(const char *s, enum dpa_kind *out)
{
	if (s && !strcmp(s, "art30")) {
		*out = DPA_ART30;
		return 0;
	}
	if (s && !strcmp(s, "dpia")) {
		*out = DPA_DPIA;
		return 0;
	}
	return -1;
}

/* Text from the strategy on one line (Markdown lists and tables). */
static void inline_text(struct strbuf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r')
			strbuf_addch(out, ' ');
		else if (*s == '|')
			strbuf_addstr(out, "\\|");
		else
			strbuf_addch(out, *s);
	}
}

static const char *muni(const struct org *o)
{
	return o->municipality && *o->municipality ? o->municipality : FILL;
}

static void controller(const struct org *o, struct strbuf *out)
{
	strbuf_addf(out, "- **%s** %s\n", _("Dataansvarlig:"), muni(o));
	strbuf_addf(out, "- **%s** %s\n", _("Kontaktoplysninger:"), FILL);
	strbuf_addf(out, "- **%s** %s\n", _("Databeskyttelsesrådgiver (DPO):"), FILL);
	strbuf_addf(out, "- **%s** %s\n", _("Samarbejdspartner (politikreds):"),
		    o->police_district && *o->police_district ? o->police_district : FILL);
}

static void purpose(const struct org *o, struct strbuf *out)
{
	strbuf_addf(out, "%s\n\n",
		    _("At forebygge kriminalitet blandt børn og unge gennem SSP-samarbejdet "
		      "(skole, socialforvaltning og politi) efter kommunens kriminalpræventive "
		      "strategi, herunder udveksling af oplysninger om enkelte unge på møder efter "
		      "retsplejelovens § 115. Oplysningerne bruges ikke til sagsbehandling eller "
		      "efterforskning."));
	if (o->themes[THEME_PURPOSE]) {
		strbuf_addf(out, "%s\n\n> ", _("Strategiens formål:"));
		inline_text(out, o->themes[THEME_PURPOSE]);
		strbuf_addstr(out, "\n\n");
	}
}

static void subjects(const struct org *o, struct strbuf *out)
{
	strbuf_addf(out, _("- Børn og unge fra %d til %d år (hovedmålgruppen; SSP+ fra %d år)\n"),
		    o->age_min, o->age_max, o->ssp_plus_from);
	strbuf_addf(out, "%s\n",
		    _("- Forældre, værger, søskende og andre vigtige voksne omkring den unge "
		      "(den afledte målgruppe; kun det nødvendige for at kontakte dem)"));
	strbuf_addf(out, "%s\n\n",
		    _("- Medarbejdere, der bruger systemet (brugernavn, rolle, organisation, "
		      "adgangslog)"));
	if (o->themes[THEME_TARGET_GROUP]) {
		strbuf_addf(out, "%s\n\n> ", _("Strategiens målgruppe:"));
		inline_text(out, o->themes[THEME_TARGET_GROUP]);
		strbuf_addstr(out, "\n\n");
	}
}

static void categories(const struct org *o, struct strbuf *out)
{
	strbuf_addf(out, "%s\n",
		    _("- Almindelige oplysninger: navn, CPR-nummer (databeskyttelseslovens § 11, "
		      "entydig identifikation), fødselsdato, skole eller klub, distrikt"));
	strbuf_addf(out, "%s\n",
		    _("- Oplysninger om strafbare forhold (databeskyttelseslovens § 8, "
		      "forordningens art. 10): politiets overleveringer af unge, de har "
		      "antruffet"));
	strbuf_addf(out, "%s",
		    _("- Bekymringens kategori efter strategien, beslutninger, aftalte handlinger "
		      "og deres ansvarlige og frister"));
	if (o->categories_nr) {
		strbuf_addstr(out, " (");
		for (size_t i = 0; i < o->categories_nr; i++) {
			if (i)
				strbuf_addstr(out, "; ");
			strbuf_addf(out, "%zu ", i + 1);
			inline_text(out, o->categories[i].name);
		}
		strbuf_addch(out, ')');
	}
	strbuf_addch(out, '\n');
	strbuf_addf(out, "%s\n",
		    _("- Indstillinger fra skoler og klubber med begrundelse for nødvendigheden"));
	strbuf_addf(out, "%s\n",
		    _("- Individuelle sagsnotater (kan indeholde følsomme oplysninger, "
		      "forordningens art. 9, fx helbred, i ekstremismesager også religion)"));
	strbuf_addf(out, "%s\n", _("- Pårørendes navn, relation og telefonnummer"));
	strbuf_addf(out, "%s\n\n",
		    _("- Adgangslog: hvem der har set eller ændret hvad, hvornår og med hvilken "
		      "hjemmel"));
}

static void recipients(const struct org *o, struct strbuf *out)
{
	strbuf_addf(out, "%s\n\n",
		    _("Oplysninger om enkelte unge deles kun i de fora, hvor strategien tillader "
		      "navngivne personer, og kun med deres deltagere:"));
	bool any = false;
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		if (!b->named_individuals)
			continue;
		any = true;
		strbuf_addstr(out, "- **");
		inline_text(out, b->name);
		strbuf_addstr(out, "**");
		if (b->members.nr) {
			strbuf_addstr(out, ": ");
			for (size_t j = 0; j < b->members.nr; j++) {
				if (j)
					strbuf_addstr(out, ", ");
				inline_text(out, b->members.v[j]);
			}
		}
		if (b->responsible) {
			strbuf_addf(out, " (%s ", _("ansvarlig:"));
			inline_text(out, b->responsible);
			strbuf_addch(out, ')');
		}
		strbuf_addch(out, '\n');
	}
	if (!any)
		strbuf_addf(out, "- %s\n",
			    _("Strategien tillader ikke navngivne personer i noget forum."));
	strbuf_addf(
	    out, "\n%s\n",
	    _("Fora uden navngivne personer (de modtager ingen personoplysninger om unge):"));
	for (size_t i = 0; i < o->bodies_nr; i++) {
		const struct org_body *b = &o->bodies[i];
		if (b->named_individuals)
			continue;
		strbuf_addstr(out, "- ");
		inline_text(out, b->name);
		strbuf_addch(out, '\n');
	}
	strbuf_addf(out, "\n%s\n\n",
		    _("Ingen overførsel til tredjelande eller internationale organisationer. Intet "
		      "udleveres til efterforskning (retsplejelovens § 115, stk. 1)."));
}

static void legal_bases(struct strbuf *out)
{
	strbuf_addf(out, "%s\n",
		    _("- Forordningens art. 6, stk. 1, litra e (myndighedsudøvelse), art. 9, stk. "
		      "2, litra g, og art. 10; databeskyttelseslovens § 8 og § 11"));
	for (int b = 0; b < LB__COUNT; b++)
		strbuf_addf(out, "- %s\n", legal_basis_label((enum legal_basis)b));
	strbuf_addch(out, '\n');
}

/* When a rule's period starts, as a sentence part. */
static const char *trigger_text(enum retention_trigger t)
{
	switch (t) {
	case TRIG_MEETING_CLOSED:
		return _("§ 115-mødet eller mødet er lukket (afholdt)");
	case TRIG_CASE_CLOSED:
		return _("sagen er lukket");
	case TRIG_TURNS_18:
		return _("personen fylder 18 år");
	case TRIG_TURNS_25:
		return _("personen fylder 25 år");
	case TRIG_LAST_ACTIVITY:
		return _("seneste aktivitet på posten");
	case TRIG__COUNT:
		break;
	}
	return "?";
}

/* The retention rules the strategy carries (its [sletning], or the
 * built-in rules where it has none), and what the system does with them. */
static void retention(const struct org *o, struct strbuf *out)
{
	strbuf_addf(out, "%s\n\n",
		    _("Fra strategifilens sletteregler ([sletning]; en posttype, strategien ikke "
		      "nævner, har systemets forsigtige standardværdi). Fristerne er et lokalt "
		      "valg: kommunens databeskyttelsesrådgiver fastsætter dem, og de skal stemme "
		      "med kommunens KLE-bevaringskoder."));
	strbuf_addf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Posttype"), _("Frist (ISO 8601)"),
		    _("Regnes fra"));
	for (int i = 0; i < RET__COUNT; i++) {
		const struct retention_rule *r = &o->retention.rule[i];
		char d[32];
		retention_duration_format(&r->after, d, sizeof(d));
		strbuf_addf(out, "| %s | %s | %s |\n",
			    retention_record_label((enum retention_record)i), d,
			    trigger_text(r->trigger));
	}
	strbuf_addf(
	    out, "\n%s\n\n",
	    _("- Sletningen kører hver nat (»ssp purge«): rækker, krypterede værdier og "
	      "CPR-indeks; den frigjorte plads overskrives, og WAL-filen tømmes. Hver slettet "
	      "række får en sletningspost uden personoplysninger.\n"
	      "- En åben sag og en ubesvaret anmodning om indsigt slettes aldrig; en person "
	      "slettes, når ingen post længere nævner personen.\n"
	      "- Adgangsloggen gemmes mindst 6 måneder; den beskæres bag et anker, så den "
	      "stadig kan kontrolleres.\n"
	      "- Sikkerhedskopier (»ssp backup«) er krypteret med en backupnøgle, der er "
	      "adskilt fra databasens nøgle. En gendannelse genafspiller alle sletninger "
	      "efter kopien, så intet slettet kommer tilbage. Indtil en kopi selv slettes, "
	      "indeholder den dog det, der er slettet efter den: kopierne må ikke gemmes "
	      "længere end nødvendigt."));
	strbuf_addf(out, "- %s %s\n\n", _("Sikkerhedskopiernes opbevaringstid og placering:"),
		    FILL);
}

static void safeguards(struct strbuf *out)
{
	static const char *const items[] = {
	    N_("Navne, CPR-numre og al fritekst om personer er krypteret i databasen "
	       "(XChaCha20-Poly1305, bundet til tabel, felt og række); CPR findes via et nøglet "
	       "blindindeks"),
	    N_("Adgangslog over hver læsning, oprettelse, ændring og udtræk af "
	       "personoplysninger med bruger, tidspunkt, handling, den registrerede og "
	       "hjemmel; loggen er kædet med nøglede hashværdier og kan kontrolleres"),
	    N_("Roller og need-to-know: kun deltagerne i § 115-møderne ser sagerne; "
	       "administratorer og styregruppen ser ingen personoplysninger"),
	    N_("To-faktor-login for roller, der ser personoplysninger; krypteret "
	       "forbindelse (TLS)"),
	    N_("Politiets overleveringer slettes automatisk, når mødet lukkes, medmindre de "
	       "bliver til en bekymring med en nødvendighedsbegrundelse"),
	    N_("Retten til indsigt: »ssp indsigt« og siden Indsigt samler alt om én person "
	       "med adgangslogudtræk; begrænsning efter databeskyttelseslovens § 22, stk. 2, "
	       "nr. 4 registreres med konkret begrundelse; fristen på en måned følges"),
	    N_("Krypterede sikkerhedskopier (libsodium secretstream) under en backupnøgle, der "
	       "er adskilt fra databasens nøgle; en ændret, afkortet eller forkert nøglet kopi "
	       "afvises, og en gendannelse genafspiller sletningerne efter kopien"),
	};
	for (size_t i = 0; i < sizeof(items) / sizeof(*items); i++)
		strbuf_addf(out, "- %s\n", _(items[i]));
	strbuf_addch(out, '\n');
}

static void art30(const struct org *o, struct strbuf *out)
{
	strbuf_addf(out, "# %s: %s\n\n", _("Fortegnelse over behandlingsaktiviteter"), muni(o));
	strbuf_addf(out, "%s\n\n",
		    _("Databeskyttelsesforordningens artikel 30. Udfyldt af »ssp strategy docs "
		      "--kind art30« fra kommunens strategifil; felter mærket [UDFYLDES] udfyldes "
		      "af kommunen."));
	strbuf_addf(out, "## 1. %s\n\n", _("Dataansvarlig"));
	controller(o, out);
	strbuf_addf(out, "\n## 2. %s\n\n", _("Formål med behandlingen"));
	purpose(o, out);
	strbuf_addf(out, "## 3. %s\n\n", _("Kategorier af registrerede"));
	subjects(o, out);
	strbuf_addf(out, "## 4. %s\n\n", _("Kategorier af personoplysninger"));
	categories(o, out);
	strbuf_addf(out, "## 5. %s\n\n", _("Modtagere"));
	recipients(o, out);
	strbuf_addf(out, "## 6. %s\n\n", _("Hjemmel"));
	legal_bases(out);
	strbuf_addf(out, "## 7. %s\n\n", _("Slettefrister"));
	retention(o, out);
	strbuf_addf(out, "## 8. %s\n\n",
		    _("Tekniske og organisatoriske sikkerhedsforanstaltninger"));
	safeguards(out);
	strbuf_addf(out, "## 9. %s\n\n", _("Databehandlere"));
	strbuf_addf(out, "- %s %s\n\n", _("Drift og hosting:"), FILL);
}

static void dpia(const struct org *o, struct strbuf *out)
{
	strbuf_addf(out, "# %s: %s\n\n", _("Konsekvensanalyse (DPIA)"), muni(o));
	strbuf_addf(out, "%s\n\n",
		    _("Databeskyttelsesforordningens artikel 35. Skabelon udfyldt af »ssp strategy "
		      "docs --kind dpia« fra kommunens strategifil. Behandlingen omfatter "
		      "oplysninger om strafbare forhold om børn og kræver derfor en "
		      "konsekvensanalyse. Felter mærket [UDFYLDES] vurderes af kommunen med "
		      "databeskyttelsesrådgiveren."));
	strbuf_addf(out, "## 1. %s\n\n", _("Systematisk beskrivelse af behandlingen"));
	controller(o, out);
	strbuf_addch(out, '\n');
	purpose(o, out);
	strbuf_addf(out, "### %s\n\n", _("De registrerede"));
	subjects(o, out);
	strbuf_addf(out, "### %s\n\n", _("Oplysningerne"));
	categories(o, out);
	strbuf_addf(out, "### %s\n\n", _("Hvem får oplysningerne"));
	recipients(o, out);
	strbuf_addf(out, "## 2. %s\n\n", _("Nødvendighed og proportionalitet"));
	legal_bases(out);
	strbuf_addf(
	    out, "%s\n\n",
	    _("- Hver udveksling registrerer hjemmel og en nødvendighedsbegrundelse; "
	      "enhver deltager kan afvise at dele (retsplejelovens § 115, stk. 4)\n"
	      "- Ingen sagsbehandling og ingen efterforskning på oplysningerne fra møderne\n"
	      "- Dataminimering: pårørende kun med det nødvendige for kontakt"));
	strbuf_addf(out, "%s %s\n\n", _("Vurdering:"), FILL);
	strbuf_addf(out, "### %s\n\n", _("Opbevaring og sletning"));
	retention(o, out);
	strbuf_addf(out, "## 3. %s\n\n", _("Risici for de registreredes rettigheder"));
	strbuf_addf(out, "| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Risiko"),
		    _("Sandsynlighed"), _("Konsekvens"), _("Foranstaltning"));
	static const char *const risks[] = {
	    N_("Uberettiget adgang til oplysninger om en ung"),
	    N_("Oplysninger bruges til efterforskning eller sagsbehandling"),
	    N_("Oplysninger opbevares længere end nødvendigt"),
	    N_("Forkerte oplysninger om en ung fører til forkerte indsatser"),
	    N_("Den unge kan ikke få indsigt i, hvad der er registreret"),
	    N_("Tab af data ved nedbrud"),
	};
	static const char *const measures[] = {
	    N_("Roller, need-to-know pr. sag, to-faktor-login, kryptering, adgangslog"),
	    N_("Intet udtræk til efterforskning; politiet kan ikke trække kommunale notater ud"),
	    N_("Slettefrister pr. posttype; overleveringer slettes ved mødets lukning"),
	    N_("Ret til berigtigelse; kategorihistorik og beslutninger registreres"),
	    N_("»ssp indsigt« og siden Indsigt med adgangslogudtræk og fristopfølgning"),
	    N_("Krypteret sikkerhedskopi (»ssp backup«) under en separat backupnøgle, "
	       "kontrolleret ved gendannelse (»ssp restore --check«); nøglerne opbevares også "
	       "uden for maskinen"),
	};
	for (size_t i = 0; i < sizeof(risks) / sizeof(*risks); i++)
		strbuf_addf(out, "| %s | %s | %s | %s |\n", _(risks[i]), FILL, FILL,
			    _(measures[i]));
	strbuf_addf(out, "\n## 4. %s\n\n", _("Foranstaltninger i systemet"));
	safeguards(out);
	strbuf_addf(out, "## 5. %s\n\n", _("Databeskyttelsesrådgiverens udtalelse"));
	strbuf_addf(out, "%s\n\n", FILL);
	strbuf_addf(out, "## 6. %s\n\n", _("Konklusion og godkendelse"));
	strbuf_addf(out, "- **%s** %s\n- **%s** %s\n- **%s** %s\n\n", _("Restrisiko:"), FILL,
		    _("Godkendt af:"), FILL, _("Dato:"), FILL);
}

void dpa_doc_markdown(const struct org *o, enum dpa_kind kind, struct strbuf *out)
{
	if (kind == DPA_DPIA)
		dpia(o, out);
	else
		art30(o, out);
}
