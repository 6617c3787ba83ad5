#include "store/personal_data.h"

#include <string.h>

#include "util/banned.h"

#define PERSONAL(t, c, rt, subj, link, lc, what) {#t, #c, rt, subj, link, lc, false, what},
#define SEALED(t, c, rt, subj, link, lc, what)   {#t, #c, rt, subj, link, lc, true, what},
static const struct personal_column personal[] = {
#include "store/personal_columns.def"
};
#undef PERSONAL
#undef SEALED

/* Columns whose name or type looks personal (the test's heuristics) and
 * are not, with the reason. */
static const struct nonpersonal_column nonpersonal[] = {
    {"municipality", "name", "the municipality's name"},
    {"strategy_theme", "text", "the strategy's text"},
    {"district", "name", "a district of the strategy"},
    {"category", "name", "a case category of the strategy"},
    {"body", "name", "a body of the strategy"},
    {"body", "note", "the strategy's note on a body"},
    {"body", "named_reason", "the strategy's reason why no named people are discussed"},
    {"body_item", "text", "members, tasks, wheel themes by role, from the strategy"},
    {"institution", "name", "a school or club"},
    {"session", "id_hash", "BLAKE2b of a session cookie"},
    {"api_token", "hash", "BLAKE2b of an API token"},
    {"calendar_token", "hash", "BLAKE2b of a calendar address token"},
    {"data_key", "wrapped", "a wrapped data key (sealing, not data)"},
    {"meeting_agenda_item", "text", "standing agenda items (duties, not people)"},
    {"team_recurring", "name", "a recurring event of the strategy"},
    {"offer", "name", "an offer in the help landscape"},
    {"offer", "contact", "a contact by function, never a private person"},
    {"team_event", "name", "a course or event"},
    {"team_event", "risk_notes", "an event's risks in general terms, never a name"},
    {"knowledge_note", "title", "general knowledge for the network"},
    {"knowledge_note", "body", "general knowledge for the network"},
    {"action_type", "name", "an action type of the strategy"},
    {"concern", "necessity", "a flag (always 1): the necessity was assessed"},
    {"decision", "necessity", "a flag (always 1): the necessity was assessed"},
    {"data_import", "file_name", "the name of an imported file of figures"},
    {"deletion_record", "table_name", "which table a deleted row was in"},
    {"deletion_record", "reason", "why a row was deleted ('purge', ...)"},
    {"team_theme", "text", "a theme of the help landscape"},
    {"municipality", "preparedness_body", "the id of the body that takes up larger events"},
    {"focus_area", "title", "a focus area of the steering group (aggregates, no person)"},
    {"focus_area_figure", "name", "the name of a survey indicator or police category"},
    /* issue 11 (h10): the strategy file as applied; the parser admits roles
     * and functions only, never a person's name */
    {"strategy_version", "text", "an applied strategy file (roles, not people)"},
};

const struct personal_column *store_personal_columns(size_t *n)
{
	*n = sizeof(personal) / sizeof(*personal);
	return personal;
}

size_t store_personal_columns_of(const char *record_type, const struct personal_column **out,
				 size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < sizeof(personal) / sizeof(*personal); i++)
		if (!strcmp(personal[i].record_type, record_type)) {
			if (k < max)
				out[k] = &personal[i];
			k++;
		}
	return k;
}

const struct personal_column *store_personal_column(const char *table, const char *column)
{
	for (size_t i = 0; i < sizeof(personal) / sizeof(*personal); i++)
		if (!strcmp(personal[i].table, table) && !strcmp(personal[i].column, column))
			return &personal[i];
	return NULL;
}

const struct nonpersonal_column *store_nonpersonal_columns(size_t *n)
{
	*n = sizeof(nonpersonal) / sizeof(*nonpersonal);
	return nonpersonal;
}
