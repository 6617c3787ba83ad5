/* The case flow's store (store/concern_store.c, migration 6): people with
 * a blind index (one row per index), sealed columns kept byte for byte,
 * hand-over entries purged at meeting close unless turned into a concern,
 * referrals screened once, decisions (one per item: the second is told),
 * joining an open concern with the category history, actions of an
 * owner with overdue first, notes, statistics sources, and the strategy's
 * case keys saved and loaded with the organisation. */
#include <stdlib.h>
#include <string.h>

#include "domain/concern.h"
#include "service/crypto.h"
#include "service/meeting.h"
#include "store/concern_store.h"
#include "store/meeting_store.h"
#include "store/store.h"
#include "fixture.h"
#include "test.h"

#define STRATEGY                                                                                   \
	"[kommune]\nnavn = Test Kommune\npolitikreds = P\n"                                        \
	"[distrikt \"a\"]\nnavn = A\n"                                                             \
	"[kategori \"k1\"]\nnavn = K1\nfrist-dage = 21\n"                                          \
	"[kategori \"k2\"]\nnavn = K2\n"                                                           \
	"[kategori \"k3\"]\nnavn = K3\nalvorlig = ja\n"                                            \
	"[handling \"mentor\"]\nnavn = Mentor\n"                                                   \
	"[organ \"p115\"]\nnavn = P115\nniveau = udførende\nformål = f\nansvarlig = r\n"         \
	"navngivne-personer = ja\nfrekvens = hver 14. dag\n"                                       \
	"[institution \"skole-a\"]\nnavn = Skole A\ntype = skole\ndistrikt = a\n"

static struct fixture fx;
static void sealed_free_all(void);
static long long meeting_id;

static int setup(void **state)
{
	(void)state;
	if (fixture_setup(&fx, "cstore", STRATEGY) < 0)
		return -1;
	struct meeting m = {0};
	m.body = "p115";
	m.day = cal_ymd(2027, 3, 10);
	m.start = 600;
	m.duration = 60;
	char *err = NULL;
	if (store_meeting_add(fx.svc.store, &m, "test", "tester", &err) < 0) {
		free(err);
		return -1;
	}
	free(m.uid);
	meeting_id = m.id;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sealed_free_all();
	fixture_teardown(&fx);
	return 0;
}

static struct sealed blob(const char *s)
{
	return (struct sealed){(unsigned char *)s, strlen(s)};
}

/* A value sealed for its place (the column's trigger refuses anything
 * else); freed at teardown. */
#define SEALED_MAX 32
static unsigned char *sealed_bufs[SEALED_MAX];
static int sealed_nr;

static struct sealed sealv(const char *table, const char *column, long long id, const char *text)
{
	struct sealed_ref at = {table, column, id};
	struct svc_result r = SVC_RESULT_INIT;
	struct sealed out;
	assert_int_equal(svc_seal(&fx.svc, &at, text, strlen(text), &out.p, &out.n, &r), 0);
	assert_true(sealed_nr < SEALED_MAX);
	sealed_bufs[sealed_nr++] = out.p;
	return out;
}

static void sealed_free_all(void)
{
	for (int i = 0; i < sealed_nr; i++)
		free(sealed_bufs[i]);
	sealed_nr = 0;
}

static void same_bytes(const struct sealed *got, const struct sealed *want)
{
	assert_int_equal(got->n, want->n);
	assert_memory_equal(got->p, want->p, want->n);
}

static long long person(const char *index, const char *name)
{
	struct store *s = fx.svc.store;
	char *err = NULL;
	long long id;
	struct sealed ix = blob(index ? index : "");
	assert_int_equal(concern_store_begin(s, &err), 0);
	int r = concern_store_person_insert(s, index ? &ix : NULL, cal_ymd(2012, 5, 1), "skole-a",
					    "a", "tester", &id, &err);
	assert_true(r >= 0);
	if (r == 0) {
		struct sealed nm = sealv("person", "name", id, name);
		assert_int_equal(concern_store_person_seal(s, id, &nm, NULL, &err), 0);
	}
	assert_int_equal(concern_store_end(s, 0, &err), 0);
	return id;
}

static void people(void **state)
{
	(void)state;
	struct store *s = fx.svc.store;
	char *err = NULL;
	long long a = person("IDX-A", "sealed-a");
	long long b = person(NULL, "sealed-b");
	assert_true(a > 0 && b > a);
	/* the same index is the same person */
	long long again;
	struct sealed ix = blob("IDX-A");
	assert_int_equal(
	    concern_store_person_insert(s, &ix, cal_ymd(2012, 5, 1), NULL, NULL, "x", &again, &err),
	    1);
	assert_int_equal(again, a);
	assert_int_equal(concern_store_person_by_index(s, &ix, &again, &err), 0);
	assert_int_equal(again, a);
	struct sealed none = blob("IDX-NONE");
	assert_int_equal(concern_store_person_by_index(s, &none, &again, &err), 1);

	struct person_row p;
	assert_int_equal(concern_store_person_get(s, a, &p, &err), 0);
	assert_int_equal(p.name.n, strlen("sealed-a") + SVC_SEAL_OVERHEAD);
	/* a sealed value stays where it was sealed; copied to another row it
	 * does not open */
	struct sealed_ref here = {"person", "name", a}, there = {"person", "name", b};
	struct svc_result sr = SVC_RESULT_INIT;
	char *plain;
	size_t pn;
	assert_int_equal(svc_unseal(&fx.svc, &here, p.name.p, p.name.n, &plain, &pn, &sr), 0);
	assert_string_equal(plain, "sealed-a");
	svc_plain_free(plain, pn);
	assert_int_equal(svc_unseal(&fx.svc, &there, p.name.p, p.name.n, &plain, &pn, &sr), -1);
	svc_result_clear(&sr);
	/* the store refuses bytes that are no sealed value */
	struct sealed raw = blob("Klartekst Navn");
	assert_int_equal(concern_store_person_seal(s, a, &raw, NULL, &err), -1);
	free(err);
	err = NULL;
	assert_null(p.cpr.p);
	assert_int_equal(p.birth, cal_ymd(2012, 5, 1));
	assert_string_equal(p.institution, "skole-a");
	assert_string_equal(p.district, "a");
	person_row_release(&p);
	assert_int_equal(concern_store_person_get(s, 9999, &p, &err), 1);
	person_row_release(&p);

	/* a rolled-back write leaves nothing */
	long long c;
	struct sealed ix2 = blob("IDX-C");
	assert_int_equal(concern_store_begin(s, &err), 0);
	assert_int_equal(
	    concern_store_person_insert(s, &ix2, cal_ymd(2012, 5, 1), NULL, NULL, "x", &c, &err),
	    0);
	assert_int_equal(concern_store_end(s, -1, &err), -1);
	assert_int_equal(concern_store_person_by_index(s, &ix2, &c, &err), 1);
}

static void handovers_and_decisions(void **state)
{
	(void)state;
	struct store *s = fx.svc.store;
	char *err = NULL;
	long long p1 = person("IDX-1", "n1"), p2 = person("IDX-2", "n2");
	long long h1, h2;
	assert_int_equal(concern_store_handover_insert(s, meeting_id, p1, cal_ymd(2027, 3, 1), "k1",
						       "politi1", &h1, &err),
			 0);
	struct sealed sum = sealv("handover", "summary", h1, "sealed-summary");
	assert_int_equal(concern_store_handover_seal(s, h1, &sum, &err), 0);
	assert_int_equal(concern_store_handover_insert(s, meeting_id, p2, cal_ymd(2027, 3, 2), NULL,
						       "politi1", &h2, &err),
			 0);
	struct handover_rows hl;
	assert_int_equal(concern_store_handover_list(s, meeting_id, &hl, &err), 0);
	assert_int_equal(hl.nr, 2);
	same_bytes(&hl.v[0].summary, &sum);
	assert_string_equal(hl.v[0].category, "k1");
	assert_null(hl.v[1].category);
	assert_int_equal(hl.v[0].contact_date, cal_ymd(2027, 3, 1));
	handover_rows_release(&hl);

	char *body;
	long day;
	bool closed;
	assert_int_equal(concern_store_meeting_get(s, meeting_id, &body, &day, &closed, &err), 0);
	assert_string_equal(body, "p115");
	assert_int_equal(day, cal_ymd(2027, 3, 10));
	assert_false(closed);
	free(body);
	assert_int_equal(concern_store_meeting_get(s, 99999, &body, &day, &closed, &err), 1);

	/* decide h1: a new concern with two actions */
	struct decision_action_in acts[] = {
	    {"bekymringssamtale", "ssp", "sofie", cal_ymd(2027, 3, 31), CAL_NO_DAY, 0},
	    {"underretning", "skole-a", NULL, cal_ymd(2027, 3, 12), cal_ymd(2027, 3, 18), 0},
	};
	struct decision_in d = {.meeting_id = meeting_id,
				.item_kind = "handover",
				.item_id = h1,
				.person_id = p1,
				.category = "k1",
				.legal_basis = "ssp",
				.actions = acts,
				.actions_nr = 2,
				.by = "sofie"};
	long long c1, c1b;
	assert_int_equal(concern_store_begin(s, &err), 0);
	assert_int_equal(concern_store_decide(s, &d, &c1, &err), 0);
	assert_int_equal(concern_store_end(s, 0, &err), 0);
	/* the same item again: the other participant is told */
	assert_int_equal(concern_store_begin(s, &err), 0);
	assert_int_equal(concern_store_decide(s, &d, &c1b, &err), 1);
	assert_int_equal(concern_store_end(s, -1, &err), -1);
	assert_int_equal(concern_store_decision_for(s, meeting_id, "handover", h1, &c1b, &err), 0);
	assert_int_equal(c1b, c1);
	assert_int_equal(concern_store_decision_for(s, meeting_id, "handover", h2, &c1b, &err), 1);
	assert_int_equal(
	    concern_store_decline(s, meeting_id, "handover", h2, "bf1", "boern-familier", &err), 0);

	/* the meeting is closed: h2 (not a concern) is deleted, h1 stays */
	long deleted;
	assert_int_equal(concern_store_begin(s, &err), 0);
	assert_int_equal(concern_store_meeting_close(s, meeting_id, &err), 0);
	assert_int_equal(concern_store_handover_purge(s, meeting_id, &deleted, &err), 0);
	assert_int_equal(concern_store_end(s, 0, &err), 0);
	assert_int_equal(deleted, 1);
	assert_int_equal(concern_store_meeting_close(s, meeting_id, &err), 1);
	struct handover_row h;
	assert_int_equal(concern_store_handover_get(s, h2, &h, &err), 1);
	handover_row_release(&h);
	assert_int_equal(concern_store_handover_get(s, h1, &h, &err), 0);
	assert_int_equal(h.concern_id, c1);
	handover_row_release(&h);
	assert_int_equal(concern_store_meeting_get(s, meeting_id, &body, &day, &closed, &err), 0);
	assert_true(closed);
	free(body);

	/* a follow-up at a later meeting about the same person joins the
	 * open concern; the category history shows the escalation */
	struct decision_in d2 = d;
	d2.item_kind = "followup";
	d2.item_id = c1;
	d2.category = "k3";
	d2.actions_nr = 1;
	long long c2;
	assert_int_equal(concern_store_begin(s, &err), 0);
	assert_int_equal(concern_store_decide(s, &d2, &c2, &err), 0);
	assert_int_equal(concern_store_end(s, 0, &err), 0);
	assert_int_equal(c2, c1);
	struct category_steps hist;
	assert_int_equal(concern_store_category_history(s, c1, &hist, &err), 0);
	assert_int_equal(hist.nr, 2);
	assert_string_equal(hist.v[0].category, "k1");
	assert_string_equal(hist.v[1].category, "k3");
	category_steps_release(&hist);

	struct concern_row cr;
	assert_int_equal(concern_store_concern_get(s, c1, &cr, &err), 0);
	assert_true(cr.open);
	assert_string_equal(cr.category, "k3");
	assert_int_equal(cr.person_id, p1);
	concern_row_release(&cr);

	/* actions: the owner's open ones, earliest deadline first */
	struct action_rows al;
	assert_int_equal(concern_store_actions_of_concern(s, c1, &al, &err), 0);
	assert_int_equal(al.nr, 3);
	assert_int_equal(al.v[1].receipt_due, cal_ymd(2027, 3, 18));
	action_rows_release(&al);
	assert_int_equal(concern_store_actions_open(s, "ssp", "sofie", &al, &err), 0);
	assert_int_equal(al.nr, 2);
	assert_true(al.v[0].due <= al.v[1].due);
	assert_int_equal(al.v[0].person_id, p1);
	long long done_id = al.v[0].id;
	action_rows_release(&al);
	assert_int_equal(concern_store_actions_open(s, "ssp", "other", &al, &err), 0);
	assert_int_equal(al.nr, 0); /* named for sofie */
	action_rows_release(&al);
	assert_int_equal(concern_store_action_update(s, done_id, "done", CAL_NO_DAY,
						     cal_ymd(2027, 3, 20), CAL_NO_DAY, CAL_NO_DAY,
						     &err),
			 0);
	assert_int_equal(concern_store_actions_open(s, "ssp", NULL, &al, &err), 0);
	assert_int_equal(al.nr, 1);
	action_rows_release(&al);
	assert_int_equal(concern_store_action_update(s, 99999, "done", CAL_NO_DAY, CAL_NO_DAY,
						     CAL_NO_DAY, CAL_NO_DAY, &err),
			 1);

	/* notes and related people: sealed, in order */
	long long n1, r1;
	assert_int_equal(concern_store_note_insert(s, c1, 0, true, "sofie", &n1, &err), 0);
	struct sealed nt = sealv("concern_note", "text", n1, "sealed-note");
	assert_int_equal(concern_store_note_seal(s, n1, &nt, &err), 0);
	struct case_note_rows nl;
	assert_int_equal(concern_store_notes(s, c1, &nl, &err), 0);
	assert_int_equal(nl.nr, 1);
	assert_true(nl.v[0].welfare);
	same_bytes(&nl.v[0].text, &nt);
	case_note_rows_release(&nl);
	assert_int_equal(concern_store_related_insert(s, c1, "forælder", "sofie", &r1, &err), 0);
	struct sealed rn = sealv("related_person", "name", r1, "sealed-parent");
	struct sealed ph = sealv("related_person", "phone", r1, "sealed-tel");
	assert_int_equal(concern_store_related_seal(s, r1, &rn, &ph, &err), 0);
	struct related_rows rl;
	assert_int_equal(concern_store_related_list(s, c1, &rl, &err), 0);
	assert_int_equal(rl.nr, 1);
	assert_string_equal(rl.v[0].relation, "forælder");
	same_bytes(&rl.v[0].phone, &ph);
	related_rows_release(&rl);
	/* a relation outside the list is refused by the schema */
	assert_int_equal(concern_store_related_insert(s, c1, "nabo", "sofie", &r1, &err), -1);
	free(err);
	err = NULL;

	/* close with a reason; closing twice is told */
	struct sealed why = sealv("concern", "close_reason", c1, "sealed-reason");
	assert_int_equal(concern_store_concern_close(s, c1, "sofie", &err), 0);
	assert_int_equal(concern_store_concern_seal_reason(s, c1, &why, &err), 0);
	assert_int_equal(concern_store_concern_close(s, c1, "sofie", &err), 1);
	long long open;
	assert_int_equal(concern_store_open_for_person(s, p1, &open, &err), 1);
	/* its action still open is no follow-up any more (the agenda) */
	assert_int_equal(concern_store_actions_open(s, "ssp", NULL, &al, &err), 0);
	assert_int_equal(al.nr, 0);
	action_rows_release(&al);

	/* statistics sources: no identity, this year's concerns */
	struct stats_sources ss;
	int year = cal_date(svc_today()).y;
	assert_int_equal(concern_store_stats(s, year, &ss, &err), 0);
	assert_int_equal(ss.nr, 1);
	assert_string_equal(ss.v[0].category, "k3");
	assert_string_equal(ss.v[0].district, "a");
	assert_int_equal(ss.v[0].birth, cal_ymd(2012, 5, 1));
	stats_sources_release(&ss);
	assert_int_equal(concern_store_stats(s, year - 1, &ss, &err), 0);
	assert_int_equal(ss.nr, 0);
	stats_sources_release(&ss);
}

static void referrals(void **state)
{
	(void)state;
	struct store *s = fx.svc.store;
	char *err = NULL;
	long long p = person("IDX-R", "nr");
	long long r;
	assert_int_equal(concern_store_referral_insert(s, p, "skole-a", "ssp", "kim", &r, &err), 0);
	struct sealed sum = sealv("referral", "summary", r, "sealed-s");
	struct sealed nec = sealv("referral", "necessity", r, "sealed-n");
	struct sealed why = sealv("referral", "screen_reason", r, "sealed-w");
	assert_int_equal(concern_store_referral_seal(s, r, &sum, &nec, &err), 0);
	struct referral_rows l;
	assert_int_equal(concern_store_referral_list(s, "kim", 0, &l, &err), 0);
	assert_int_equal(l.nr, 1);
	assert_int_equal(l.v[0].status, REFERRAL_SUBMITTED);
	same_bytes(&l.v[0].necessity, &nec);
	referral_rows_release(&l);
	assert_int_equal(concern_store_referral_list(s, NULL, 0, &l, &err), 0);
	assert_int_equal(l.nr, 1);
	referral_rows_release(&l);
	assert_int_equal(
	    concern_store_referral_screen(s, r, REFERRAL_AGENDA, meeting_id, "sofie", &err), 0);
	/* screened once: a second screening is told */
	assert_int_equal(concern_store_referral_screen(s, r, REFERRAL_OTHER, 0, "sofie", &err), 1);
	assert_int_equal(concern_store_referral_seal_reason(s, r, &why, &err), 0);
	struct referral_row row;
	assert_int_equal(concern_store_referral_get(s, r, &row, &err), 0);
	assert_int_equal(row.status, REFERRAL_AGENDA);
	assert_int_equal(row.meeting_id, meeting_id);
	assert_string_equal(row.screened_by, "sofie");
	referral_row_release(&row);
	assert_int_equal(concern_store_referral_list(s, NULL, meeting_id, &l, &err), 0);
	assert_int_equal(l.nr, 1);
	referral_rows_release(&l);
	assert_int_equal(concern_store_referral_get(s, 4242, &row, &err), 1);
	referral_row_release(&row);
	/* the schema refuses a legal basis outside the list */
	assert_int_equal(
	    concern_store_referral_insert(s, p, NULL, "efterforskning", "kim", &r, &err), -1);
	free(err);
	enum referral_status st;
	assert_int_equal(referral_status_parse("adhoc", &st), 0);
	assert_int_equal(st, REFERRAL_ADHOC);
	assert_int_equal(referral_status_parse("x", &st), -1);
}

/* The strategy's case keys survive the store: deadlines, seriousness and
 * the added action type. */
static void strategy_round_trip(void **state)
{
	(void)state;
	struct org o;
	org_init(&o);
	char *err = NULL;
	assert_int_equal(store_org_load(fx.svc.store, &o, &err), 0);
	assert_int_equal(concern_categories_nr(&o), 3);
	assert_int_equal(concern_category_deadline(&o, 1), 21);
	assert_int_equal(concern_category_deadline(&o, 2), CONCERN_DEFAULT_DEADLINE_DAYS);
	assert_true(concern_category_serious(&o, 3));
	assert_false(concern_category_serious(&o, 1));
	assert_true(concern_action_valid(&o, "mentor"));
	assert_string_equal(concern_action_label(&o, "mentor"), "Mentor");
	org_release(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(people, setup, teardown),
	    cmocka_unit_test_setup_teardown(handovers_and_decisions, setup, teardown),
	    cmocka_unit_test_setup_teardown(referrals, setup, teardown),
	    cmocka_unit_test_setup_teardown(strategy_round_trip, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
