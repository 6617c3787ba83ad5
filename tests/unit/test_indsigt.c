/* The right of access (issue 12): the collection is complete against the
 * schema (every table that reaches a person through person_id,
 * concern_id or a chain of foreign keys is one of indsigt_sources[], and
 * a new such table is caught), and against the personal-data declaration
 * (every column declared as the young person's or a related adult's is
 * collected, and one that is not is caught); sealed columns come out opened (name, CPR
 * in full, notes, related people); only the revisor (and the operator)
 * may collect, and both the refusal and the answer are in the access log
 * with the person as subject; a restriction withholds what it names and
 * states its justification; the one-month deadline. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/indsigt.h"
#include "service/crypto.h"
#include "service/indsigt.h"
#include "store/concern_store.h"
#include "store/indsigt_store.h"
#include "store/meeting_store.h"
#include "store/personal_data.h"
#include "fixture.h"
#include "test.h"

#define STRATEGY                                                                                   \
	"[kommune]\nnavn = Test Kommune\npolitikreds = P\n"                                        \
	"[distrikt \"a\"]\nnavn = A\n"                                                             \
	"[kategori \"k1\"]\nnavn = K1\n"                                                           \
	"[kategori \"k2\"]\nnavn = K2\n"                                                           \
	"[organ \"p115\"]\nnavn = P115\nniveau = udførende\nformål = f\nansvarlig = r\n"         \
	"navngivne-personer = ja\nfrekvens = hver 14. dag\n"                                       \
	"[institution \"skole-a\"]\nnavn = Skole A\ntype = skole\ndistrikt = a\n"

#define CPR "010512-4001"

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	if (fixture_setup(&fx, "indsigt", STRATEGY) < 0)
		return -1;
	fixture_add_user(&fx, "rita", "Rita Revisor", ROLE_AUDITOR, NULL, NULL);
	fixture_add_user(&fx, "sofie", "Sofie SSP", ROLE_SSP, NULL, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

/* ---- completeness ------------------------------------------------------------ */

static bool is_source(const char *table)
{
	for (size_t i = 0; i < indsigt_sources_nr; i++)
		if (!strcmp(indsigt_sources[i].table, table))
			return true;
	return false;
}

/* The schema's personal tables that no source collects, as "a,b". */
static char *uncovered(void)
{
	struct strlist t = STRLIST_INIT;
	char *err = NULL;
	assert_int_equal(indsigt_store_personal_tables(fx.svc.store, &t, &err), 0);
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "");
	for (size_t i = 0; i < t.nr; i++)
		if (!is_source(t.v[i]))
			strbuf_addf(&sb, "%s%s", sb.len ? "," : "", t.v[i]);
	strlist_clear(&t);
	return strbuf_detach(&sb);
}

static void every_personal_table_is_collected(void **state)
{
	(void)state;
	char *left = uncovered();
	if (*left)
		fail_msg("tables holding data about a person that indsigt does not collect "
			 "(add a function to indsigt_sources[] in store/indsigt_store.c): %s",
			 left);
	free(left);
	/* the schema walk finds every table the personal-data declaration
	 * names as holding data about a young person or a related adult */
	struct strlist t = STRLIST_INIT;
	char *err = NULL;
	assert_int_equal(indsigt_store_personal_tables(fx.svc.store, &t, &err), 0);
	size_t n;
	const struct personal_column *pc = store_personal_columns(&n);
	for (size_t i = 0; i < n; i++) {
		if (!indsigt_declared_about_person(&pc[i]))
			continue;
		bool found = false;
		for (size_t j = 0; j < t.nr; j++)
			found |= !strcmp(t.v[j], pc[i].table);
		if (!found)
			fail_msg("the schema test missed %s", pc[i].table);
	}
	strlist_clear(&t);
}

/* Every column store/personal_columns.def declares as the young person's
 * or a related adult's is in the indsigt answer: the declaration and
 * indsigt_sources[] cannot drift apart. */
static void every_declared_column_is_collected(void **state)
{
	(void)state;
	size_t n, about = 0;
	const struct personal_column *pc = store_personal_columns(&n);
	for (size_t i = 0; i < n; i++)
		about += indsigt_declared_about_person(&pc[i]);
	assert_true(about >= 10); /* name, CPR, notes, related people, the log's subject ... */
	struct strlist left = STRLIST_INIT;
	if (indsigt_uncollected(pc, n, &left)) {
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < left.nr; i++)
			strbuf_addf(&sb, " %s", left.v[i]);
		fail_msg("declared personal columns that indsigt does not collect (add them to "
			 "indsigt_sources[] in store/indsigt_store.c):%s",
			 sb.buf);
	}
	strlist_clear(&left);
}

/* A column declared later that the answer leaves out fails the check: a
 * new table without a source, and a column of the access log, whose
 * source collects named columns only. Staff data is not the person's. */
static void an_uncollected_column_is_caught(void **state)
{
	(void)state;
	const struct personal_column fake[] = {
	    {"risk_assessment", "text", "risk_assessment", PD_YOUNG_PERSON, PD_LINK_CONCERN,
	     "concern_id", true, "a risk assessment"},
	    {"audit_log", "client", "access_log", PD_RELATED, PD_LINK_NONE, NULL, false, "x"},
	    {"audit_log", "subject", "access_log", PD_YOUNG_PERSON, PD_LINK_SUBJECT, "subject",
	     false, "the question"},
	    {"concern_note", "mood", "concern", PD_YOUNG_PERSON, PD_LINK_CONCERN, "concern_id",
	     false, "collected by SELECT *"},
	    {"user", "phone", "user", PD_STAFF, PD_LINK_NONE, NULL, false, "staff"},
	};
	struct strlist left = STRLIST_INIT;
	assert_int_equal(indsigt_uncollected(fake, sizeof(fake) / sizeof(*fake), &left), 2);
	assert_string_equal(left.v[0], "risk_assessment.text");
	assert_string_equal(left.v[1], "audit_log.client");
	strlist_clear(&left);
}

/* A table added later (a risk assessment on a concern, an attachment
 * that reaches a person only through an action) fails the check. */
static void a_new_table_is_caught(void **state)
{
	(void)state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TABLE risk_assessment (id INTEGER PRIMARY KEY,"
				      " concern_id INTEGER NOT NULL REFERENCES concern(id));"
				      "CREATE TABLE attachment (id INTEGER PRIMARY KEY,"
				      " action INTEGER REFERENCES concern_action(id));"
				      "CREATE TABLE unrelated (id INTEGER PRIMARY KEY, x TEXT);",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	char *left = uncovered();
	assert_string_equal(left, "attachment,risk_assessment");
	free(left);
}

/* ---- the collection ------------------------------------------------------------ */

static struct sealed seal_for(const char *table, const char *column, long long id, const char *text)
{
	struct sealed_ref at = {table, column, id};
	struct svc_result r = SVC_RESULT_INIT;
	struct sealed out;
	assert_int_equal(svc_seal(&fx.svc, &at, text, strlen(text), &out.p, &out.n, &r), 0);
	return out;
}

/* A person with a hand-over turned into a concern, a case note and a
 * parent; returns the person's id. */
static long long make_case(void)
{
	struct store *s = fx.svc.store;
	char *err = NULL;
	struct meeting m = {0};
	m.body = "p115";
	m.day = cal_ymd(2027, 3, 10);
	m.start = 600;
	m.duration = 60;
	assert_int_equal(store_meeting_add(s, &m, "test", "tester", &err), 0);
	free(m.uid);
	unsigned char index[SVC_INDEX_BYTES];
	svc_blind_index(&fx.svc, "cpr", "0105124001", 10, index);
	struct sealed ix = {index, sizeof(index)};
	long long p, h, c, n, rel;
	assert_int_equal(concern_store_begin(s, &err), 0);
	assert_int_equal(concern_store_person_insert(s, &ix, cal_ymd(2012, 5, 1), "skole-a", "a",
						     "sofie", &p, &err),
			 0);
	struct sealed nm = seal_for("person", "name", p, "Ida Indsigt");
	struct sealed cp = seal_for("person", "cpr", p, CPR);
	assert_int_equal(concern_store_person_seal(s, p, &nm, &cp, &err), 0);
	assert_int_equal(
	    concern_store_handover_insert(s, m.id, p, cal_ymd(2027, 3, 1), "k1", "per", &h, &err),
	    0);
	struct sealed sum = seal_for("handover", "summary", h, "Set ved havnen.");
	assert_int_equal(concern_store_handover_seal(s, h, &sum, &err), 0);
	struct decision_action_in act = {"bekymringssamtale", "ssp",      "sofie",
					 cal_ymd(2027, 4, 1), CAL_NO_DAY, 0};
	struct decision_in d = {.meeting_id = m.id,
				.item_kind = "handover",
				.item_id = h,
				.person_id = p,
				.category = "k2",
				.legal_basis = "ssp",
				.actions = &act,
				.actions_nr = 1,
				.by = "sofie"};
	assert_int_equal(concern_store_decide(s, &d, &c, &err), 0);
	assert_int_equal(concern_store_note_insert(s, c, 0, false, "sofie", &n, &err), 0);
	struct sealed nt = seal_for("concern_note", "text", n, "Samtale med mor holdt.");
	assert_int_equal(concern_store_note_seal(s, n, &nt, &err), 0);
	assert_int_equal(concern_store_related_insert(s, c, "forælder", "sofie", &rel, &err), 0);
	struct sealed rn = seal_for("related_person", "name", rel, "Mette Indsigt");
	struct sealed rp = seal_for("related_person", "phone", rel, "12345678");
	assert_int_equal(concern_store_related_seal(s, rel, &rn, &rp, &err), 0);
	assert_int_equal(concern_store_end(s, 0, &err), 0);
	free(nm.p);
	free(cp.p);
	free(sum.p);
	free(nt.p);
	free(rn.p);
	free(rp.p);
	return p;
}

static const char *first(const struct indsigt_report *rep, const char *table, const char *col)
{
	const struct indsigt_section *s = indsigt_section_of(rep, table);
	assert_non_null(s);
	assert_true(s->nr >= 1);
	return indsigt_value(&s->v[0], col);
}

static int count_subject_log(const char *action, const char *outcome, const char *subject)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(fx.path, &db);
	sqlite3_prepare_v2(db,
			   "SELECT count(*) FROM audit_log WHERE action = ?1 AND outcome = ?2"
			   " AND (?3 IS NULL OR subject = ?3)",
			   -1, &st, NULL);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, outcome, -1, SQLITE_STATIC);
	if (subject)
		sqlite3_bind_text(st, 3, subject, -1, SQLITE_STATIC);
	sqlite3_step(st);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void collects_everything_opened(void **state)
{
	(void)state;
	long long p = make_case();
	struct actor rita = fixture_actor(&fx, "rita");
	struct svc_result r = SVC_RESULT_INIT;
	struct indsigt_report rep;
	struct indsigt_ref ref = {CPR, 0};
	assert_int_equal(svc_indsigt(&fx.svc, &rita, &ref, 0, &rep, &r), 0);
	assert_int_equal(rep.person, p);
	assert_string_equal(first(&rep, "person", "name"), "Ida Indsigt");
	assert_string_equal(first(&rep, "person", "cpr"), CPR);
	assert_null(first(&rep, "person", "cpr_index")); /* the blind index is left out */
	assert_string_equal(first(&rep, "handover", "summary"), "Set ved havnen.");
	assert_string_equal(first(&rep, "concern", "category_id"), "k2");
	assert_string_equal(first(&rep, "concern_category", "category_id"), "k2");
	assert_string_equal(first(&rep, "decision", "legal_basis"), "ssp");
	assert_string_equal(first(&rep, "concern_action", "type"), "bekymringssamtale");
	assert_string_equal(first(&rep, "concern_note", "text"), "Samtale med mor holdt.");
	assert_string_equal(first(&rep, "related_person", "name"), "Mette Indsigt");
	assert_string_equal(first(&rep, "related_person", "phone"), "12345678");
	assert_false(rep.has_request);
	indsigt_report_release(&rep);
	char subj[40];
	snprintf(subj, sizeof(subj), "person:%lld", p);
	assert_int_equal(count_subject_log("indsigt.view", "ok", subj), 1);
	/* the second answer's extract holds the first answer */
	assert_int_equal(svc_indsigt(&fx.svc, &rita, &ref, 0, &rep, &r), 0);
	const struct indsigt_section *log = indsigt_section_of(&rep, "audit_log");
	assert_int_equal(log->nr, 1);
	assert_string_equal(indsigt_value(&log->v[0], "action"), "indsigt.view");
	assert_string_equal(indsigt_value(&log->v[0], "username"), "rita");
	assert_string_equal(indsigt_value(&log->v[0], "legal_basis"), INDSIGT_LEGAL_BASIS);
	indsigt_report_release(&rep);
	/* unknown people */
	struct indsigt_ref none = {"020202-1234", 0};
	assert_int_equal(svc_indsigt(&fx.svc, &rita, &none, 0, &rep, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	assert_string_equal(r.field, "cpr");
	indsigt_report_release(&rep);
	svc_result_clear(&r);
	struct indsigt_ref by_id = {NULL, 424242};
	assert_int_equal(svc_indsigt(&fx.svc, &rita, &by_id, 0, &rep, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	indsigt_report_release(&rep);
	svc_result_clear(&r);
}

static void only_the_revisor(void **state)
{
	(void)state;
	long long p = make_case();
	struct actor sofie = fixture_actor(&fx, "sofie");
	struct svc_result r = SVC_RESULT_INIT;
	struct indsigt_report rep;
	struct indsigt_ref ref = {NULL, p};
	assert_int_equal(svc_indsigt(&fx.svc, &sofie, &ref, 0, &rep, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	indsigt_report_release(&rep);
	svc_result_clear(&r);
	assert_int_equal(count_subject_log("indsigt.view", "refused", NULL), 1);
	long long id;
	long dl;
	assert_int_equal(svc_indsigt_request_add(&fx.svc, &sofie, &ref, NULL, &id, &dl, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	/* the operator may */
	assert_int_equal(svc_indsigt(&fx.svc, &fx.cli, &ref, 0, &rep, &r), 0);
	indsigt_report_release(&rep);
}

static void restriction_withholds_and_states(void **state)
{
	(void)state;
	long long p = make_case();
	struct actor rita = fixture_actor(&fx, "rita");
	struct svc_result r = SVC_RESULT_INIT;
	struct indsigt_ref ref = {NULL, p};
	long long id;
	long dl;
	assert_int_equal(svc_indsigt_request_add(&fx.svc, &rita, &ref, "2026-01-31", &id, &dl, &r),
			 0);
	assert_int_equal(dl, cal_ymd(2026, 2, 28));
	assert_int_equal(svc_indsigt_restrict(&fx.svc, &rita, id, "bogus", "x", &r), -1);
	assert_string_equal(r.field, "parts");
	svc_result_clear(&r);
	assert_int_equal(svc_indsigt_restrict(&fx.svc, &rita, id, "notes", "", &r), -1);
	assert_string_equal(r.field, "justification");
	svc_result_clear(&r);
	assert_int_equal(svc_indsigt_restrict(&fx.svc, &rita, id, "notes related",
					      "Hensyn til moderens sikkerhed.", &r),
			 0);
	struct indsigt_report rep;
	assert_int_equal(svc_indsigt(&fx.svc, &rita, &ref, 0, &rep, &r), 0);
	assert_true(rep.has_request);
	assert_int_equal(rep.request.id, id);
	assert_int_equal(rep.request.parts,
			 (1u << INDSIGT_PART_NOTES) | (1u << INDSIGT_PART_RELATED));
	assert_string_equal(rep.request.justification, "Hensyn til moderens sikkerhed.");
	const struct indsigt_section *notes = indsigt_section_of(&rep, "concern_note");
	assert_true(notes->withheld);
	assert_int_equal(notes->nr, 0);
	assert_true(indsigt_section_of(&rep, "related_person")->withheld);
	assert_false(indsigt_section_of(&rep, "handover")->withheld);
	indsigt_report_release(&rep);
	/* the sealed justification is not in the file as text */
	char subj[40];
	snprintf(subj, sizeof(subj), "person:%lld", p);
	assert_int_equal(count_subject_log("indsigt.restrict", "ok", subj), 1);
	assert_int_equal(svc_indsigt_answer(&fx.svc, &rita, id, &r), 0);
	assert_int_equal(svc_indsigt_answer(&fx.svc, &rita, id, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	/* a request about someone else is refused */
	assert_int_equal(
	    svc_indsigt(&fx.svc, &rita, &(struct indsigt_ref){NULL, p}, id + 1, &rep, &r), -1);
	assert_string_equal(r.field, "request");
	indsigt_report_release(&rep);
	svc_result_clear(&r);
}

static void deadline_one_month(void **state)
{
	(void)state;
	assert_int_equal(indsigt_deadline(cal_ymd(2027, 3, 10)), cal_ymd(2027, 4, 10));
	assert_int_equal(indsigt_deadline(cal_ymd(2027, 1, 31)), cal_ymd(2027, 2, 28));
	assert_int_equal(indsigt_deadline(cal_ymd(2028, 1, 30)), cal_ymd(2028, 2, 29));
	assert_int_equal(indsigt_deadline(cal_ymd(2027, 12, 15)), cal_ymd(2028, 1, 15));
	assert_int_equal(indsigt_deadline(cal_ymd(2027, 8, 31)), cal_ymd(2027, 9, 30));
	unsigned parts;
	const char *bad;
	assert_int_equal(indsigt_parts_parse("notes, access_log,notes", &parts, &bad), 0);
	char out[64];
	indsigt_parts_format(parts, out, sizeof(out));
	assert_string_equal(out, "notes,access_log");
	assert_int_equal(indsigt_parts_parse("notes,cpr", &parts, &bad), -1);
	assert_string_equal(bad, "cpr");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(every_personal_table_is_collected, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_new_table_is_caught, setup, teardown),
	    cmocka_unit_test(every_declared_column_is_collected),
	    cmocka_unit_test(an_uncollected_column_is_caught),
	    cmocka_unit_test_setup_teardown(collects_everything_opened, setup, teardown),
	    cmocka_unit_test_setup_teardown(only_the_revisor, setup, teardown),
	    cmocka_unit_test_setup_teardown(restriction_withholds_and_states, setup, teardown),
	    cmocka_unit_test(deadline_one_month),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
