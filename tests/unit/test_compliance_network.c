/* The school network's compliance rules (domain/compliance_network.h):
 * [N-CONTACT] institutions without a contact person, [N-THEMEDAY] contact
 * persons who missed the theme day once it has taken place, [N-LAESEPLAN]
 * schools without a læseplan item in the school year; and the school year
 * that is asked about. */
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/compliance_network.h"
#include "test.h"

static long D(int y, int m, int d)
{
	return cal_ymd(y, m, d);
}

/* Two schools and a club in two districts, one inactive school. */
static const struct net_institution inst[] = {
    {"skole-a", "Skole A", "vest", "Vest", INST_SCHOOL, true},
    {"klub-a", "Klub A", "vest", "Vest", INST_CLUB, true},
    {"skole-b", "Skole B", "oest", "Øst", INST_SCHOOL, true},
    {"lukket", "Lukket skole", "oest", "Øst", INST_SCHOOL, false},
};

static const struct net_contact contacts[] = {
    {1, "anna", "Anna", "skole-a"},
    {2, "bo", "Bo", "skole-b"},
    {3, "cai", "Cai", "skole-b"},
    {4, "dan", "Dan", "lukket"}, /* of an inactive institution: ignored */
};

static struct network_input input(void)
{
	struct network_input in;
	memset(&in, 0, sizeof(in));
	in.inst = inst;
	in.inst_nr = 4;
	in.contacts = contacts;
	in.contacts_nr = 4;
	in.has_network_body = true;
	return in;
}

static void test_school_year(void **state)
{
	(void)state;
	long from, to;
	/* as of a day in the year: the school year holding it */
	assert_int_equal(network_school_year(2027, D(2027, 6, 30), &from, &to), 2026);
	assert_true(from == D(2026, 8, 1) && to == D(2027, 7, 31));
	assert_int_equal(network_school_year(2027, D(2027, 8, 1), NULL, NULL), 2027);
	assert_int_equal(network_school_year(2027, D(2027, 7, 31), NULL, NULL), 2026);
	/* as of a day outside the year: clamped into it first */
	assert_int_equal(network_school_year(2027, D(2025, 3, 1), NULL, NULL), 2026);
	assert_int_equal(network_school_year(2027, D(2029, 3, 1), &from, &to), 2027);
	assert_true(from == D(2027, 8, 1) && to == D(2028, 7, 31));
}

static void test_contact(void **state)
{
	(void)state;
	struct network_input in = input();
	struct network_findings f;
	network_compute(&in, 2027, D(2027, 3, 1), &f);
	/* the club has no contact person; the inactive school is not counted */
	assert_int_equal(f.no_contact_nr, 1);
	assert_string_equal(f.no_contact[0]->id, "klub-a");
	assert_int_equal(f.schools, 2);
	assert_int_equal(f.clubs, 1);
	assert_int_equal(f.contacts, 3);
	network_findings_release(&f);

	/* nobody at all: every active institution, in input order */
	in.contacts_nr = 0;
	network_compute(&in, 2027, D(2027, 3, 1), &f);
	assert_int_equal(f.no_contact_nr, 3);
	assert_string_equal(f.no_contact[0]->id, "skole-a");
	assert_string_equal(f.no_contact[2]->id, "skole-b");
	network_findings_release(&f);
}

static void test_laeseplan(void **state)
{
	(void)state;
	struct network_input in = input();
	struct net_item items[] = {
	    {"skole-a", D(2026, 9, 15)}, /* school year 2026/27 */
	    {"skole-b", D(2026, 6, 10)}, /* 2025/26: the year before */
	    {"klub-a", D(2026, 10, 1)},  /* a club's: welcome, never required */
	    {"skole-b", D(2027, 8, 1)},  /* 2027/28 */
	};
	in.items = items;
	in.items_nr = 4;
	struct network_findings f;
	network_compute(&in, 2027, D(2027, 6, 30), &f); /* 2026/27 */
	assert_int_equal(f.school_year, 2026);
	assert_int_equal(f.no_laeseplan_nr, 1);
	assert_string_equal(f.no_laeseplan[0]->id, "skole-b");
	network_findings_release(&f);

	network_compute(&in, 2027, D(2027, 9, 1), &f); /* 2027/28 */
	assert_int_equal(f.school_year, 2027);
	assert_int_equal(f.no_laeseplan_nr, 1);
	assert_string_equal(f.no_laeseplan[0]->id, "skole-a");
	network_findings_release(&f);

	/* the boundaries of the school year count */
	struct net_item edge[] = {{"skole-a", D(2026, 8, 1)}, {"skole-b", D(2027, 7, 31)}};
	in.items = edge;
	in.items_nr = 2;
	network_compute(&in, 2027, D(2027, 1, 10), &f);
	assert_int_equal(f.no_laeseplan_nr, 0);
	/* the club's missing contact person, and no theme day in the year */
	assert_int_equal(f.theme_day, THEME_DAY_NONE);
	assert_int_equal(network_findings_count(&f), 2);
	network_findings_release(&f);
}

static void test_theme_day(void **state)
{
	(void)state;
	struct network_input in = input();
	struct net_theme_day days[] = {
	    {10, D(2027, 6, 10), false},
	    {11, D(2027, 10, 7), false}, /* a second one, later in the year */
	    {12, D(2027, 3, 4), true},   /* cancelled: never counts */
	    {13, D(2026, 6, 11), false}, /* last year's */
	};
	struct net_attendance att[] = {
	    {10, 1, true},  /* Anna came in June */
	    {10, 2, false}, /* Bo was recorded absent */
	    {12, 3, true},  /* Cai "came" to the cancelled one */
	    {13, 2, true},  /* Bo came last year */
	    {11, 2, true},  /* Bo comes in October */
	    {10, 4, false}, /* Dan: inactive institution */
	};
	in.days = days;
	in.days_nr = 4;
	in.att = att;
	in.att_nr = 6;
	struct network_findings f;

	/* before the first theme day: nobody has missed anything */
	network_compute(&in, 2027, D(2027, 6, 10), &f);
	assert_int_equal(f.theme_day, THEME_DAY_UPCOMING);
	assert_true(f.theme_day_first == D(2027, 6, 10));
	assert_int_equal(f.missed_nr, 0);
	network_findings_release(&f);

	/* the day after: Bo and Cai missed it; Anna was there */
	network_compute(&in, 2027, D(2027, 6, 11), &f);
	assert_int_equal(f.theme_day, THEME_DAY_PASSED);
	assert_int_equal(f.attended, 1);
	assert_int_equal(f.missed_nr, 2);
	assert_string_equal(f.missed[0]->username, "bo");
	assert_string_equal(f.missed[1]->username, "cai");
	assert_string_equal(theme_day_state_id(f.theme_day), "passed");
	network_findings_release(&f);

	/* after the second: Bo came to that one */
	network_compute(&in, 2027, D(2027, 12, 31), &f);
	assert_int_equal(f.attended, 2);
	assert_int_equal(f.missed_nr, 1);
	assert_string_equal(f.missed[0]->username, "cai");
	network_findings_release(&f);

	/* only cancelled ones: no theme day, which is a finding itself */
	in.days = &days[2];
	in.days_nr = 1;
	network_compute(&in, 2027, D(2027, 12, 31), &f);
	assert_int_equal(f.theme_day, THEME_DAY_NONE);
	assert_true(f.theme_day_first == CAL_NO_DAY);
	assert_int_equal(f.missed_nr, 0);
	assert_int_equal(network_findings_count(&f), 1 + 1 + 2); /* + club, + 2 schools */
	network_findings_release(&f);

	/* a strategy without the network body has no theme day to follow */
	in.has_network_body = false;
	network_compute(&in, 2027, D(2027, 12, 31), &f);
	assert_int_equal(f.theme_day, THEME_DAY_NO_BODY);
	assert_int_equal(network_findings_count(&f), 1 + 2);
	network_findings_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_school_year),
	    cmocka_unit_test(test_contact),
	    cmocka_unit_test(test_laeseplan),
	    cmocka_unit_test(test_theme_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
