/* The rules of the individual case flow (domain/concern.c) and the CPR
 * parser (domain/cpr.c, cpr_parse): century table, never modulus 11,
 * impossible dates, masking; age at the event with property tests across
 * birthdays and century boundaries; the target group; UKN; categories
 * from the strategy (three, four or five, with and without deadlines);
 * action types and legal bases; decision validation; the underretning
 * receipt; statistics with small-cell suppression. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/authz.h"
#include "domain/concern.h"
#include "domain/cpr.h"
#include "strategy/parse.h"
#include "util/file.h"
#include "util/xalloc.h"
#include "test.h"

static enum cpr_parse_error parse(const char *s, struct cpr_number *c)
{
	return cpr_parse(s, strlen(s), c);
}

static void cpr_forms_and_century(void **state)
{
	(void)state;
	struct cpr_number c;
	assert_int_equal(parse("150709-1234", &c), CPR_PARSE_OK);
	assert_string_equal(c.digits, "1507091234");
	assert_int_equal(c.birth.y, 1909); /* 7th digit 1: 1900s */
	assert_int_equal(c.birth.m, 7);
	assert_int_equal(c.birth.d, 15);
	assert_int_equal(parse("  1507094234\n", &c), CPR_PARSE_OK);
	assert_int_equal(c.birth.y, 2009); /* 4, YY <= 36 */
	assert_int_equal(parse("150737-4234", &c), CPR_PARSE_OK);
	assert_int_equal(c.birth.y, 1937); /* 4, YY > 36 */
	assert_int_equal(parse("150757-5234", &c), CPR_PARSE_OK);
	assert_int_equal(c.birth.y, 2057);
	assert_int_equal(parse("150758-8234", &c), CPR_PARSE_OK);
	assert_int_equal(c.birth.y, 1858);
	assert_int_equal(parse("010110-9999", &c), CPR_PARSE_OK);
	assert_int_equal(c.birth.y, 2010);
	/* a typographic dash (en dash) from a word processor */
	assert_int_equal(parse("150709\xe2\x80\x93"
			       "1234",
			       &c),
			 CPR_PARSE_OK);
	char full[12], masked[12];
	cpr_format(&c, full);
	cpr_format_masked(&c, masked);
	assert_string_equal(full, "150709-1234");
	assert_string_equal(masked, "150709-xxxx");
}

static void cpr_refusals(void **state)
{
	(void)state;
	struct cpr_number c;
	assert_int_equal(parse("", &c), CPR_PARSE_SHAPE);
	assert_int_equal(parse("150709-123", &c), CPR_PARSE_SHAPE);
	assert_int_equal(parse("150709-12345", &c), CPR_PARSE_SHAPE);
	assert_int_equal(parse("150709 1234", &c), CPR_PARSE_SHAPE);
	assert_int_equal(parse("15070-91234", &c), CPR_PARSE_SHAPE);
	assert_int_equal(parse("abcdef-1234", &c), CPR_PARSE_SHAPE);
	assert_int_equal(parse("150709--1234", &c), CPR_PARSE_SHAPE);
	assert_int_equal(parse("310209-1234", &c), CPR_PARSE_DATE); /* 31 February */
	assert_int_equal(parse("290200-4234", &c), CPR_PARSE_OK);   /* 2000 is a leap year */
	assert_int_equal(parse("290200-1234", &c), CPR_PARSE_DATE); /* 1900 is not */
	assert_int_equal(parse("001209-1234", &c), CPR_PARSE_DATE);
	assert_int_equal(parse("011309-1234", &c), CPR_PARSE_DATE);
	assert_string_equal(c.digits, ""); /* zeroed on error */
	assert_true(strlen(cpr_parse_error_message(CPR_PARSE_DATE)) > 0);
	/* NUL inside the given length is no digit */
	assert_int_equal(cpr_parse("150709\0-1234", 12, &c), CPR_PARSE_SHAPE);
}

/* The modulus 11 check is never applied: for one date, every serial of a
 * 7th digit is accepted, whether it passes the check or not. */
static void cpr_never_modulus_11(void **state)
{
	(void)state;
	static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
	int failing = 0;
	for (int serial = 4000; serial <= 4999; serial++) {
		char s[12];
		snprintf(s, sizeof(s), "070610-%04d", serial);
		struct cpr_number c;
		assert_int_equal(parse(s, &c), CPR_PARSE_OK);
		int sum = 0;
		for (int i = 0; i < 10; i++)
			sum += (c.digits[i] - '0') * w[i];
		failing += sum % 11 != 0;
	}
	assert_true(failing > 800);
}

/* Property: every real date 1858-2057 written as a CPR number with each
 * 7th digit whose century it falls in parses back to the same date, and
 * every 7th digit gives a year in the century table. */
static void cpr_round_trip_property(void **state)
{
	(void)state;
	for (long day = cal_ymd(1858, 1, 1); day <= cal_ymd(2057, 12, 31); day += 3) {
		struct date d = cal_date(day);
		for (int seventh = 0; seventh <= 9; seventh++) {
			if (cpr_birth_year(d.y % 100, seventh) != d.y)
				continue;
			char s[40];
			snprintf(s, sizeof(s), "%02d%02d%02d-%d123", d.d, d.m, d.y % 100, seventh);
			struct cpr_number c;
			assert_int_equal(parse(s, &c), CPR_PARSE_OK);
			assert_int_equal(c.birth.y, d.y);
			assert_int_equal(c.birth.m, d.m);
			assert_int_equal(c.birth.d, d.d);
		}
	}
}

static struct date D(int y, int m, int d) {
	return (struct date){y, m, d};
}

static void
age_at_event(void **state)
{
	(void)state;
	assert_int_equal(concern_age(D(2010, 6, 15), D(2020, 6, 14)), 9);
	assert_int_equal(concern_age(D(2010, 6, 15), D(2020, 6, 15)), 10);
	assert_int_equal(concern_age(D(2010, 6, 15), D(2010, 6, 15)), 0);
	assert_int_equal(concern_age(D(2010, 6, 15), D(2010, 6, 14)), -1);
	/* 29 February: a year completes on 1 March in other years */
	assert_int_equal(concern_age(D(2008, 2, 29), D(2018, 2, 28)), 9);
	assert_int_equal(concern_age(D(2008, 2, 29), D(2018, 3, 1)), 10);
	assert_int_equal(concern_age(D(2008, 2, 29), D(2016, 2, 29)), 8);
	/* over a century boundary */
	assert_int_equal(concern_age(D(1999, 12, 31), D(2000, 1, 1)), 0);
	assert_int_equal(concern_age(D(1899, 12, 31), D(1925, 12, 31)), 26);
}

/* Property: for birth dates across 1985-2030 (with century and leap-year
 * boundaries), the age is n on the n-th birthday and n-1 the day before,
 * for every n 1..30; and it never decreases day by day. */
static void age_property(void **state)
{
	(void)state;
	for (long b = cal_ymd(1985, 1, 1); b <= cal_ymd(2030, 12, 31); b += 7) {
		struct date birth = cal_date(b);
		for (int n = 1; n <= 30; n++) {
			int y = birth.y + n, m = birth.m, d = birth.d;
			if (!cal_date_valid(y, m, d)) { /* 29 Feb in a common year */
				m = 3;
				d = 1;
			}
			long bd = cal_ymd(y, m, d);
			assert_int_equal(concern_age(birth, cal_date(bd)), n);
			assert_int_equal(concern_age(birth, cal_date(bd - 1)), n - 1);
		}
	}
	struct date birth = D(1996, 2, 29);
	int last = -1;
	for (long day = cal_ymd(1996, 2, 28); day <= cal_ymd(2024, 3, 2); day++) {
		int a = concern_age(birth, cal_date(day));
		assert_true(a == last || a == last + 1);
		last = a;
	}
	assert_int_equal(last, 28);
}

static void target_group(void **state)
{
	(void)state;
	struct org o;
	org_init(&o); /* 10, 25, 18 */
	struct target_result r;
	assert_int_equal(target_check(&o, D(2015, 5, 1), D(2024, 4, 30), &r), TARGET_OK);
	assert_int_equal(r.age, 8);
	assert_int_equal(r.flags, TARGET_FLAG_BELOW);
	assert_int_equal(target_check(&o, D(2014, 5, 1), D(2024, 5, 1), &r), TARGET_OK);
	assert_int_equal(r.flags, 0);
	assert_int_equal(target_check(&o, D(2006, 5, 2), D(2024, 5, 1), &r), TARGET_OK);
	assert_int_equal(r.age, 17);
	assert_int_equal(r.flags, 0);
	assert_int_equal(target_check(&o, D(2006, 5, 1), D(2024, 5, 1), &r), TARGET_OK);
	assert_int_equal(r.flags, TARGET_FLAG_SSP_PLUS);
	/* 25 at the event is inside, 26 is outside: the age at the event
	 * counts, not today's */
	assert_int_equal(target_check(&o, D(1998, 5, 2), D(2024, 5, 1), &r), TARGET_OK);
	assert_int_equal(r.age, 25);
	assert_int_equal(target_check(&o, D(1998, 5, 1), D(2024, 5, 1), &r), TARGET_TOO_OLD);
	assert_true(strstr(target_verdict_message(TARGET_TOO_OLD), "SSP/SSP+") != NULL);
	assert_int_equal(target_check(&o, D(2025, 1, 1), D(2024, 5, 1), &r), TARGET_NOT_BORN);
	/* another municipality's ages */
	o.age_min = 12;
	o.age_max = 23;
	o.ssp_plus_from = 18;
	assert_int_equal(target_check(&o, D(2013, 1, 1), D(2024, 5, 1), &r), TARGET_OK);
	assert_int_equal(r.flags, TARGET_FLAG_BELOW);
	assert_int_equal(target_check(&o, D(2000, 1, 1), D(2024, 5, 1), &r), TARGET_TOO_OLD);
	assert_string_equal(target_flag_id(0), "under-10");
	assert_string_equal(target_flag_id(1), "ssp-plus");
	org_release(&o);
}

/* Property: across every birthday 9..26 the target check switches exactly
 * on the birthday. */
static void target_property(void **state)
{
	(void)state;
	struct org o;
	org_init(&o);
	for (long b = cal_ymd(1996, 1, 1); b <= cal_ymd(2004, 12, 31); b += 11) {
		struct date birth = cal_date(b);
		for (int n = 9; n <= 26; n++) {
			int y = birth.y + n, m = birth.m, d = birth.d;
			if (!cal_date_valid(y, m, d)) {
				m = 3;
				d = 1;
			}
			long bd = cal_ymd(y, m, d);
			struct target_result on, before;
			target_check(&o, birth, cal_date(bd), &on);
			target_check(&o, birth, cal_date(bd - 1), &before);
			assert_int_equal(on.verdict, n > 25 ? TARGET_TOO_OLD : TARGET_OK);
			assert_int_equal(before.verdict, TARGET_OK);
			assert_int_equal(!!(on.flags & TARGET_FLAG_BELOW), n < 10);
			assert_int_equal(!!(before.flags & TARGET_FLAG_BELOW), n - 1 < 10);
			if (on.verdict == TARGET_OK)
				assert_int_equal(!!(on.flags & TARGET_FLAG_SSP_PLUS), n >= 18);
		}
	}
	org_release(&o);
}

static void ukn(void **state)
{
	(void)state;
	assert_int_equal(ukn_check(9, true, true), UKN_TOO_YOUNG);
	assert_int_equal(ukn_check(10, false, false), UKN_NEEDS_SERIOUS);
	assert_int_equal(ukn_check(10, true, false), UKN_OK);
	assert_int_equal(ukn_check(14, true, false), UKN_OK);
	assert_int_equal(ukn_check(14, false, true), UKN_NEEDS_SERIOUS);
	assert_int_equal(ukn_check(15, true, false), UKN_NEEDS_SENTENCE);
	assert_int_equal(ukn_check(17, false, true), UKN_OK);
	assert_int_equal(ukn_check(18, true, true), UKN_TOO_OLD);
	for (int v = UKN_OK; v <= UKN_NEEDS_SENTENCE; v++)
		assert_non_null(ukn_verdict_message((enum ukn_verdict)v));
}

static void add_categories(struct org *o, int n)
{
	for (int i = 0; i < n; i++) {
		struct org_category *c = org_add_category(o);
		char id[32];
		snprintf(id, sizeof(id), "niveau-%d", i + 1);
		c->id = xstrdup(id);
		c->name = xstrdup(id);
	}
}

static void categories_any_number(void **state)
{
	(void)state;
	for (int n = 1; n <= 6; n++) {
		struct org o;
		org_init(&o);
		add_categories(&o, n);
		assert_int_equal(concern_categories_nr(&o), n);
		assert_null(concern_category(&o, 0));
		assert_null(concern_category(&o, n + 1));
		assert_non_null(concern_category(&o, n));
		assert_int_equal(concern_category_deadline(&o, n + 1), -1);
		for (int l = 1; l <= n; l++) {
			assert_int_equal(concern_category_deadline(&o, l),
					 CONCERN_DEFAULT_DEADLINE_DAYS);
			/* no category marked: the highest is serious */
			assert_int_equal(concern_category_serious(&o, l), l == n);
		}
		org_release(&o);
	}
	struct org o;
	org_init(&o);
	add_categories(&o, 5);
	o.categories[0].deadline_days = 28;
	o.categories[2].serious = true;
	assert_int_equal(concern_category_deadline(&o, 1), 28);
	assert_int_equal(concern_category_deadline(&o, 2), CONCERN_DEFAULT_DEADLINE_DAYS);
	/* marked: exactly the marked ones */
	assert_true(concern_category_serious(&o, 3));
	assert_false(concern_category_serious(&o, 5));
	org_release(&o);
}

static void actions_and_bases(void **state)
{
	(void)state;
	struct org o;
	org_init(&o);
	static const char *const ids[] = {
	    "bekymringssamtale", "hjemmebesoeg",    "underretning", "netvaerksmoede",
	    "henvisning",        "ukn-indstilling", "ingen"};
	assert_int_equal(concern_actions_nr(&o), 7);
	for (int i = 0; i < 7; i++) {
		assert_string_equal(concern_action_builtin_id(i), ids[i]);
		assert_true(concern_action_valid(&o, ids[i]));
		assert_string_equal(concern_action_id(&o, (size_t)i), ids[i]);
	}
	assert_false(concern_action_valid(&o, "efterforskning"));
	assert_false(concern_action_valid(&o, NULL));
	assert_string_equal(concern_action_label(&o, "hjemmebesoeg"), "Hjemmebesøg");
	struct org_action_type *t = org_add_action_type(&o);
	t->id = xstrdup("mentor");
	t->name = xstrdup("Mentorordning");
	assert_true(concern_action_valid(&o, "mentor"));
	assert_string_equal(concern_action_label(&o, "mentor"), "Mentorordning");
	assert_int_equal(concern_actions_nr(&o), 8);
	assert_string_equal(concern_action_id(&o, 7), "mentor");
	assert_null(concern_action_id(&o, 8));
	org_release(&o);

	static const char *const lbs[] = {"ssp",   "psp",  "ksp-a",    "ksp-b",
					  "ksp-c", "stk3", "samtykke", "underretning"};
	for (int i = 0; i < LB__COUNT; i++) {
		enum legal_basis b;
		assert_int_equal(legal_basis_parse(lbs[i], &b), 0);
		assert_int_equal(b, i);
		assert_string_equal(legal_basis_id(b), lbs[i]);
		assert_true(strlen(legal_basis_label(b)) > 5);
	}
	enum legal_basis b;
	assert_int_equal(legal_basis_parse("ksp", &b), -1);
	assert_int_equal(legal_basis_parse(NULL, &b), -1);
	assert_true(strstr(legal_basis_label(LB_SSP), "§ 115, stk. 1, nr. 1") != NULL);
}

static bool inst_exists(const char *id, void *ctx)
{
	(void)ctx;
	return !strcmp(id, "skole-a");
}

static bool user_exists(const char *username, void *ctx)
{
	(void)ctx;
	return !strcmp(username, "anne");
}

static void decisions(void **state)
{
	(void)state;
	struct org o;
	org_init(&o);
	add_categories(&o, 4);
	o.categories[1].deadline_days = 21;
	long meeting = cal_ymd(2027, 3, 10);
	struct decision_action acts[2] = {
	    {"bekymringssamtale", "ssp", "anne", CAL_NO_DAY},
	    {"underretning", "skole-a", NULL, meeting + 3},
	};
	struct decision d = {.category = 2,
			     .actions = acts,
			     .actions_nr = 2,
			     .legal_basis = "ssp",
			     .necessity = true,
			     .meeting_day = meeting,
			     .age = 13,
			     .institution_exists = inst_exists,
			     .user_exists = user_exists};
	struct decision_error e;
	assert_int_equal(decision_validate(&o, &d, &e), 0);
	assert_int_equal(acts[0].due, meeting + 21); /* the category's default */
	assert_int_equal(acts[1].due, meeting + 3);

#define REFUSED(field_)                                                                            \
	do {                                                                                       \
		acts[0].due = CAL_NO_DAY;                                                          \
		assert_int_equal(decision_validate(&o, &d, &e), -1);                               \
		assert_string_equal(e.field, field_);                                              \
		assert_non_null(e.message);                                                        \
		assert_int_equal(acts[0].due, CAL_NO_DAY); /* nothing filled */                    \
	} while (0)

	d.category = 5;
	REFUSED("category");
	d.category = 0;
	REFUSED("category");
	d.category = 2;
	d.legal_basis = "politiets-efterforskning";
	REFUSED("legal_basis");
	d.legal_basis = "psp";
	d.necessity = false;
	REFUSED("necessity");
	d.necessity = true;
	d.actions_nr = 0;
	REFUSED("actions");
	d.actions_nr = 2;
	acts[1].type = "efterforskning";
	REFUSED("actions[1].type");
	acts[1].type = "underretning";
	acts[1].owner_org = "ukendt-skole";
	REFUSED("actions[1].owner_org");
	acts[1].owner_org = "";
	REFUSED("actions[1].owner_org");
	acts[1].owner_org = "politi";
	acts[1].due = meeting - 1;
	REFUSED("actions[1].due");
	acts[1].due = meeting; /* the meeting day itself is allowed */
	acts[0].due = CAL_NO_DAY;
	assert_int_equal(decision_validate(&o, &d, &e), 0);
	/* a named owner must be a user; the bekymringssamtale is the
	 * SSP-team's */
	acts[0].owner_user = "ukendt";
	REFUSED("actions[0].owner_user");
	acts[0].owner_user = "anne";
	acts[0].owner_org = "politi";
	REFUSED("actions[0].owner_org");
	acts[0].owner_org = "ssp";
	acts[0].due = CAL_NO_DAY;
	assert_int_equal(decision_validate(&o, &d, &e), 0);

	/* UKN: 13 years old, category 2 (not serious) is refused; the highest
	 * category or recorded serious crime allows it */
	acts[1].type = "ukn-indstilling";
	REFUSED("actions[1].type");
	d.serious_crime = true;
	acts[0].due = CAL_NO_DAY;
	assert_int_equal(decision_validate(&o, &d, &e), 0);
	d.serious_crime = false;
	d.category = 4;
	acts[0].due = CAL_NO_DAY;
	assert_int_equal(decision_validate(&o, &d, &e), 0);
	assert_int_equal(acts[0].due, meeting + CONCERN_DEFAULT_DEADLINE_DAYS);
	d.age = 16;
	REFUSED("actions[1].type");
	d.prison_sentence = true;
	acts[0].due = CAL_NO_DAY;
	assert_int_equal(decision_validate(&o, &d, &e), 0);
	d.age = 19;
	REFUSED("actions[1].type");
#undef REFUSED
	org_release(&o);
}

static void receipt_six_working_days(void **state)
{
	(void)state;
	struct closed_days c;
	cal_closed_default(&c);
	char s[11];
	/* Monday 2027-03-01 -> Tuesday 2027-03-09 (six working days later) */
	cal_format_date(report_receipt_due(&c, cal_ymd(2027, 3, 1)), s);
	assert_string_equal(s, "2027-03-09");
	/* Friday -> the second Monday */
	cal_format_date(report_receipt_due(&c, cal_ymd(2027, 3, 5)), s);
	assert_string_equal(s, "2027-03-15");
	/* over Easter 2027 (Easter Sunday 28 March): Wednesday 24 March; 25,
	 * 26, 29 March are holidays -> 30, 31, 1, 2, 5, 6 April */
	cal_format_date(report_receipt_due(&c, cal_ymd(2027, 3, 24)), s);
	assert_string_equal(s, "2027-04-06");
	/* over Christmas: 23 Dec 2027 (Thursday); 24 closed, 25-26 holiday,
	 * 27-30 working, 31 closed, 1 Jan holiday, 3-4 Jan */
	cal_format_date(report_receipt_due(&c, cal_ymd(2027, 12, 23)), s);
	assert_string_equal(s, "2028-01-04");
}

static void bodies(void **state)
{
	(void)state;
	struct org_body b = {0};
	char buf[CONCERN_REFUSAL_MAX];
	b.id = "hotspot";
	b.name = "Hotspotmøde";
	b.named_individuals = true;
	assert_null(concern_body_refusal(&b, buf, sizeof(buf)));
	b.named_individuals = false;
	/* no reason of the body's own: the seed's general one, the body named */
	const char *m = concern_body_refusal(&b, buf, sizeof(buf));
	assert_non_null(strstr(m, "Hotspotmøde"));
	assert_non_null(
	    strstr(m, "Konkrete sager drøftes ikke her, men henvises til fx § 115-møder"));
	/* the body's own reason from the strategy file, quoted */
	b.named_reason = "Tendenser drøftes på et generelt niveau.";
	m = concern_body_refusal(&b, buf, sizeof(buf));
	assert_non_null(strstr(m, "Strategien: »Tendenser drøftes på et generelt niveau.«"));
}

static void statistics(void **state)
{
	(void)state;
	char s[24];
	stats_cell(0, s);
	assert_string_equal(s, "0");
	for (int n = 1; n < 5; n++) {
		stats_cell(n, s);
		assert_string_equal(s, "<5");
	}
	stats_cell(5, s);
	assert_string_equal(s, "5");
	stats_cell(123, s);
	assert_string_equal(s, "123");

	assert_int_equal(age_band_of(9), AGE_UNDER_10);
	assert_int_equal(age_band_of(10), AGE_10_14);
	assert_int_equal(age_band_of(14), AGE_10_14);
	assert_int_equal(age_band_of(15), AGE_15_17);
	assert_int_equal(age_band_of(17), AGE_15_17);
	assert_int_equal(age_band_of(18), AGE_18_25);
	assert_string_equal(age_band_id(AGE_15_17), "15-17");

	/* three categories, two districts: the counts follow the strategy */
	struct org o;
	org_init(&o);
	add_categories(&o, 3);
	org_add_district(&o);
	org_add_district(&o);
	struct stats_row rows[] = {
	    {1, 12, 0, 1}, {1, 16, 1, 1}, {3, 19, 1, 12},
	    {2, 9, -1, 6}, {4, 12, 0, 1}, /* a level the strategy no longer has: ignored */
	};
	struct concern_stats st;
	concern_stats_count(&o, rows, 5, &st);
	assert_int_equal(st.total, 4);
	assert_int_equal(st.categories_nr, 3);
	assert_int_equal(st.by_category[0], 2);
	assert_int_equal(st.by_category[1], 1);
	assert_int_equal(st.by_category[2], 1);
	assert_int_equal(st.by_age[AGE_UNDER_10], 1);
	assert_int_equal(st.by_age[AGE_10_14], 1);
	assert_int_equal(st.by_age[AGE_15_17], 1);
	assert_int_equal(st.by_age[AGE_18_25], 1);
	assert_int_equal(st.by_district[0], 1);
	assert_int_equal(st.by_district[1], 2);
	assert_int_equal(st.by_district[2], 1); /* unknown */
	assert_int_equal(st.by_month[0], 2);
	assert_int_equal(st.by_month[5], 1);
	assert_int_equal(st.by_month[11], 1);
	concern_stats_release(&st);
	org_release(&o);
}

#define STRATEGY_HEAD                                                                              \
	"[kommune]\nnavn = Testby Kommune\npolitikreds = Testpoliti\n"                             \
	"[organ \"m\"]\nnavn = M\nniveau = udførende\nformål = f\nansvarlig = a\n"               \
	"frekvens = hver 14. dag\nnavngivne-personer = ja\n"

static int parse_strategy(const char *text, struct org *o, struct diags *d)
{
	org_init(o);
	diags_init(d, "t.ini");
	return strategy_parse(text, strlen(text), o, d);
}

static bool has_error(const struct diags *d, int line, const char *needle)
{
	for (size_t i = 0; i < d->nr; i++)
		if (d->v[i].severity == DIAG_ERROR && d->v[i].line == line &&
		    strstr(d->v[i].msg, needle))
			return true;
	diags_print(d, stderr);
	return false;
}

/* [kategori] frist-dage and alvorlig, [handling "id"]: five levels of
 * another municipality, a deadline on some, a serious one, an added
 * action type. */
static void strategy_keys(void **state)
{
	(void)state;
	struct org o;
	struct diags d;
	assert_int_equal(parse_strategy(STRATEGY_HEAD
					"[kategori \"a\"]\nnavn = A\nfrist-dage = 30\n"
					"[kategori \"b\"]\nnavn = B\n"
					"[kategori \"c\"]\nnavn = C\nalvorlig = ja\n"
					"[kategori \"d\"]\nnavn = D\nalvorlig = nej\n"
					"[kategori \"e\"]\nnavn = E\nfrist-dage = 3\n"
					"[handling \"mentor\"]\nnavn = Mentorordning\n",
					&o, &d),
			 0);
	assert_int_equal(concern_categories_nr(&o), 5);
	assert_int_equal(concern_category_deadline(&o, 1), 30);
	assert_int_equal(concern_category_deadline(&o, 2), CONCERN_DEFAULT_DEADLINE_DAYS);
	assert_int_equal(concern_category_deadline(&o, 5), 3);
	assert_true(concern_category_serious(&o, 3));
	assert_false(concern_category_serious(&o, 5));
	assert_true(concern_action_valid(&o, "mentor"));
	assert_string_equal(concern_action_label(&o, "mentor"), "Mentorordning");
	org_release(&o);
	diags_release(&d);

	/* bad values name the key and the line */
	assert_int_equal(parse_strategy(STRATEGY_HEAD
					"[kategori \"a\"]\nnavn = A\nfrist-dage = 0\n"
					"[kategori \"b\"]\nnavn = B\nfrist-dage = 14 dage\n"
					"[kategori \"c\"]\nnavn = C\nalvorlig = måske\n"
					"[handling \"ingen\"]\nnavn = Ingen\n"
					"[handling \"x\"]\n",
					&o, &d),
			 -1);
	assert_true(has_error(&d, 13, "frist-dage"));
	assert_true(has_error(&d, 16, "frist-dage"));
	assert_true(has_error(&d, 19, "alvorlig"));
	assert_true(has_error(&d, 20, "indbygget"));
	assert_true(has_error(&d, 22, "navn"));
	org_release(&o);
	diags_release(&d);
}

/* The shipped strategy: four levels, deadlines as the file's local
 * choices, personfarlig kriminalitet serious. */
static void shipped_strategy(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	char *err = NULL;
	assert_int_equal(read_file(SSP_SOURCE_DIR "/strategies/hedensted.ini", &sb, &err), 0);
	struct org o;
	struct diags d;
	assert_int_equal(parse_strategy(sb.buf, &o, &d), 0);
	assert_int_equal(concern_categories_nr(&o), 4);
	assert_string_equal(concern_category(&o, 4)->id, "personfarlig-kriminalitet");
	assert_int_equal(concern_category_deadline(&o, 1), 28);
	assert_int_equal(concern_category_deadline(&o, 4), 7);
	assert_true(concern_category_serious(&o, 4));
	assert_false(concern_category_serious(&o, 3));
	assert_int_equal(concern_actions_nr(&o), CONCERN_ACTIONS_BUILTIN);
	org_release(&o);
	diags_release(&d);
	strbuf_release(&sb);
}

/* The case flow's permissions (domain/authz.c): both the refusal and the
 * success of every per-record rule it uses. */
static void permissions(void **state)
{
	(void)state;
	struct authz_actor police = {ROLE_POLICE, false, 3, "politi", NULL};
	struct authz_actor ssp = {ROLE_SSP, false, 4, "ssp", NULL};
	struct authz_actor contact = {ROLE_CONTACT, false, 7, NULL, "skole-a"};
	struct authz_actor steering = {ROLE_STEERING, false, 8, NULL, NULL};
	struct authz_actor admin = {ROLE_ADMIN, false, 9, NULL, NULL};
	struct authz_facts p115 = {.body_named = true, .actor_takes_part = true};
	/* the police bring the hand-over list; the SSP-team does not */
	assert_true(authz_decide(&police, ACT_HANDOVER_ADD, &p115).allow);
	assert_int_equal(authz_decide(&ssp, ACT_HANDOVER_ADD, &p115).reason, AUTHZ_DENY_ROLE);
	/* a contact person registers and refers pupils of their own institution */
	struct authz_facts own = {.institution = "skole-a"}, other = {.institution = "skole-b"};
	assert_true(authz_decide(&contact, ACT_PERSON_ADD, &own).allow);
	assert_int_equal(authz_decide(&contact, ACT_PERSON_ADD, &other).reason,
			 AUTHZ_DENY_OTHER_INSTITUTION);
	assert_true(authz_decide(&contact, ACT_REFERRAL_ADD, &own).allow);
	assert_false(authz_decide(&contact, ACT_REFERRAL_ADD, &other).allow);
	/* ... sees their own referrals, not another's; the participants see all */
	struct authz_facts mine = {.owner_user_id = 7}, theirs = {.owner_user_id = 5};
	struct authz_facts participant = {.owner_user_id = 5, .actor_in_record = true};
	assert_true(authz_decide(&contact, ACT_REFERRAL_VIEW, &mine).allow);
	assert_int_equal(authz_decide(&contact, ACT_REFERRAL_VIEW, &theirs).reason,
			 AUTHZ_DENY_NOT_OWNER);
	assert_true(authz_decide(&ssp, ACT_REFERRAL_VIEW, &participant).allow);
	/* ... and never the meeting's content */
	assert_false(authz_decide(&contact, ACT_CONCERN_VIEW, NULL).allow);
	assert_false(authz_decide(&contact, ACT_HANDOVER_VIEW, &p115).allow);
	assert_false(authz_decide(&contact, ACT_CPR_REVEAL, NULL).allow);
	/* the steering group: counts, never a case */
	assert_true(authz_decide(&steering, ACT_CONCERN_STATS, NULL).allow);
	assert_false(authz_decide(&steering, ACT_CONCERN_VIEW, NULL).allow);
	assert_false(authz_decide(&steering, ACT_CONCERN_DECIDE, &p115).allow);
	/* admin: no personal data at all */
	for (int act = ACT_PERSON_ADD; act <= ACT_CONCERN_STATS; act++)
		assert_false(authz_decide(&admin, (enum action)act, &p115).allow);
	assert_true(authz_decide(&ssp, ACT_REFERRAL_SCREEN, NULL).allow);
	assert_false(authz_decide(&police, ACT_REFERRAL_SCREEN, NULL).allow);
}

/* ---- property sweeps against reference computations (issue 9, "Tests") ---- */

/* A fixed-seed xorshift64: the same sequence on every run, so a failure
 * repeats. */
static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned long long rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static long rng_between(long lo, long hi)
{
	return lo + (long)(rng() % (unsigned long long)(hi - lo + 1));
}

/* The century table of the CPR office, written out independently of
 * cpr_birth_year: the 7th digit and YY give the year of birth. */
static int ref_birth_year(int yy, int seventh)
{
	if (seventh <= 3)
		return 1900 + yy;
	if (seventh == 4 || seventh == 9)
		return yy <= 36 ? 2000 + yy : 1900 + yy;
	return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/* Age in whole years the plain way: the difference of the years, less one
 * when the month and day of the event come before those of the birth (so
 * one born on 29 February turns a year older on 1 March in common years). */
static int ref_age(struct date b, struct date e)
{
	int age = e.y - b.y;
	if (e.m < b.m || (e.m == b.m && e.d < b.d))
		age--;
	return age;
}

static enum ukn_verdict ref_ukn(int age, bool serious, bool sentence)
{
	if (age < 10)
		return UKN_TOO_YOUNG;
	if (age > 17)
		return UKN_TOO_OLD;
	if (age <= 14)
		return serious ? UKN_OK : UKN_NEEDS_SERIOUS;
	return sentence ? UKN_OK : UKN_NEEDS_SENTENCE;
}

/* Every 7th digit × every YY against the written-out table. */
static void century_table_reference(void **state)
{
	(void)state;
	for (int seventh = 0; seventh <= 9; seventh++)
		for (int yy = 0; yy <= 99; yy++)
			assert_int_equal(cpr_birth_year(yy, seventh), ref_birth_year(yy, seventh));
}

/* 200 000 random birth dates 1858-2057 and event dates from two days
 * before the birth to 60 years after: concern_age equals the reference;
 * the target check and the UKN rule follow the reference age. */
static void age_random_reference(void **state)
{
	(void)state;
	struct org o;
	org_init(&o); /* 10, 25, 18 */
	long first = cal_ymd(1858, 1, 1), last = cal_ymd(2057, 12, 31);
	for (int i = 0; i < 200000; i++) {
		long b = rng_between(first, last);
		long e = rng_between(b - 2, b + 60 * 366);
		struct date birth = cal_date(b), event = cal_date(e);
		int want = ref_age(birth, event);
		assert_int_equal(concern_age(birth, event), want);
		if (want < 0)
			continue;
		struct target_result t;
		enum target_verdict v = target_check(&o, birth, event, &t);
		assert_int_equal(v, want > 25 ? TARGET_TOO_OLD : TARGET_OK);
		if (v == TARGET_OK) {
			assert_int_equal(t.age, want);
			assert_int_equal(!!(t.flags & TARGET_FLAG_BELOW), want < 10);
			assert_int_equal(!!(t.flags & TARGET_FLAG_SSP_PLUS), want >= 18);
		}
		bool serious = rng() & 1, sentence = rng() & 1;
		assert_int_equal(ukn_check(want, serious, sentence),
				 ref_ukn(want, serious, sentence));
	}
	org_release(&o);
}

/* Random CPR numbers (any real date, any 7th digit, any serial) parse to
 * the reference year; the age at a random event follows; impossible dates
 * are refused whatever the digit. */
static void cpr_random_reference(void **state)
{
	(void)state;
	for (int i = 0; i < 100000; i++) {
		int yy = (int)rng_between(0, 99), seventh = (int)rng_between(0, 9);
		int m = (int)rng_between(1, 12), d = (int)rng_between(1, 31);
		int serial = (int)rng_between(0, 999);
		int year = ref_birth_year(yy, seventh);
		char s[16];
		snprintf(s, sizeof(s), "%02d%02d%02d-%d%03d", d, m, yy, seventh, serial);
		struct cpr_number c;
		enum cpr_parse_error rc = parse(s, &c);
		if (!cal_date_valid(year, m, d)) {
			assert_int_equal(rc, CPR_PARSE_DATE);
			continue;
		}
		assert_int_equal(rc, CPR_PARSE_OK);
		assert_int_equal(c.birth.y, year);
		assert_int_equal(c.birth.m, m);
		assert_int_equal(c.birth.d, d);
		long b = cal_ymd(year, m, d);
		struct date event = cal_date(rng_between(b, b + 30 * 366));
		assert_int_equal(concern_age(c.birth, event), ref_age(c.birth, event));
	}
}

/* For random birth dates, the UKN rule changes exactly on the 10th, 15th
 * and 18th birthdays (1 March for one born on 29 February). */
static void ukn_birthdays(void **state)
{
	(void)state;
	for (int i = 0; i < 20000; i++) {
		struct date birth =
		    cal_date(rng_between(cal_ymd(1890, 1, 1), cal_ymd(2040, 12, 31)));
		for (int n = 10; n <= 18; n++) {
			int y = birth.y + n, m = birth.m, d = birth.d;
			if (!cal_date_valid(y, m, d)) {
				m = 3;
				d = 1;
			}
			long bd = cal_ymd(y, m, d);
			int on = concern_age(birth, cal_date(bd)),
			    before = concern_age(birth, cal_date(bd - 1));
			assert_int_equal(on, n);
			assert_int_equal(before, n - 1);
			/* serious crime, no sentence: allowed 10-14 only */
			assert_int_equal(ukn_check(on, true, false) == UKN_OK, n >= 10 && n <= 14);
			assert_int_equal(ukn_check(before, true, false) == UKN_OK,
					 n - 1 >= 10 && n - 1 <= 14);
			/* a sentence, nothing serious: allowed 15-17 only */
			assert_int_equal(ukn_check(on, false, true) == UKN_OK, n >= 15 && n <= 17);
			assert_int_equal(ukn_check(before, false, true) == UKN_OK,
					 n - 1 >= 15 && n - 1 <= 17);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(cpr_forms_and_century),
	    cmocka_unit_test(cpr_refusals),
	    cmocka_unit_test(cpr_never_modulus_11),
	    cmocka_unit_test(cpr_round_trip_property),
	    cmocka_unit_test(age_at_event),
	    cmocka_unit_test(age_property),
	    cmocka_unit_test(target_group),
	    cmocka_unit_test(target_property),
	    cmocka_unit_test(ukn),
	    cmocka_unit_test(categories_any_number),
	    cmocka_unit_test(actions_and_bases),
	    cmocka_unit_test(decisions),
	    cmocka_unit_test(receipt_six_working_days),
	    cmocka_unit_test(bodies),
	    cmocka_unit_test(statistics),
	    cmocka_unit_test(strategy_keys),
	    cmocka_unit_test(shipped_strategy),
	    cmocka_unit_test(permissions),
	    cmocka_unit_test(century_table_reference),
	    cmocka_unit_test(age_random_reference),
	    cmocka_unit_test(cpr_random_reference),
	    cmocka_unit_test(ukn_birthdays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
