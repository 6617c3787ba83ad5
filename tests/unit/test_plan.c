/* The planner: every frequency form of the seed, the cadence across a
 * year boundary, the Hedensted plan for 2027 rule by rule, the planning
 * keys of the strategy file, and the compliance rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/compliance.h"
#include "domain/plan.h"
#include "strategy/parse.h"
#include "util/file.h"
#include "util/strbuf.h"
#include "fixture.h"
#include "test.h"

#define HEAD                                                                                       \
	"[kommune]\nnavn = Test Kommune\npolitikreds = P\n"                                        \
	"[distrikt \"a\"]\nnavn = A\n[distrikt \"b\"]\nnavn = B\n"                                 \
	"[kategori \"k\"]\nnavn = K\n"

#define BODY(id, freq)                                                                             \
	"[organ \"" id "\"]\nnavn = " id "\nniveau = udførende\nformål = f\nansvarlig = r\n"     \
	"navngivne-personer = nej\nfrekvens = " freq "\n"

static long D(const char *s)
{
	struct date d;
	if (cal_parse_date(s, &d) < 0)
		fail_msg("bad date in test: %s", s);
	return cal_days(d);
}

static const char *fmt(long day)
{
	static char buf[4][11];
	static int i;
	i = (i + 1) % 4;
	cal_format_date(day, buf[i]);
	return buf[i];
}

static void parse_ok(const char *text, struct org *o)
{
	struct diags d;
	diags_init(&d, "t.ini");
	org_init(o);
	int rc = strategy_parse(text, strlen(text), o, &d);
	if (rc < 0) {
		diags_print(&d, stderr);
		fail_msg("strategy should parse");
	}
	diags_release(&d);
}

/* Parses text, expecting an error on `line` containing `needle`. */
static void parse_bad(const char *text, int line, const char *needle)
{
	struct diags d;
	diags_init(&d, "t.ini");
	struct org o;
	org_init(&o);
	assert_int_equal(strategy_parse(text, strlen(text), &o, &d), -1);
	bool found = false;
	for (size_t i = 0; i < d.nr; i++)
		if (d.v[i].severity == DIAG_ERROR && d.v[i].line == line &&
		    strstr(d.v[i].msg, needle))
			found = true;
	if (!found) {
		diags_print(&d, stderr);
		fail_msg("no error with »%s« on line %d", needle, line);
	}
	diags_release(&d);
	org_release(&o);
}

static void plan_ok(const struct org *o, int year, const char *body, struct meeting_list *l)
{
	char *err = NULL;
	if (plan_year(o, year, body, l, &err) < 0)
		fail_msg("plan %d failed: %s", year, err);
}

static char *plan_bad(const struct org *o, int year, const char *body)
{
	struct meeting_list l = MEETING_LIST_INIT;
	char *err = NULL;
	assert_int_equal(plan_year(o, year, body, &l, &err), -1);
	assert_int_equal(l.nr, 0);
	assert_non_null(err);
	return err;
}

static int count_body(const struct meeting_list *l, const char *body, const char *district)
{
	int n = 0;
	for (size_t i = 0; i < l->nr; i++)
		if (!strcmp(l->v[i].body, body) &&
		    (!district || (l->v[i].district && !strcmp(l->v[i].district, district))))
			n++;
	return n;
}

/* ---- the Hedensted plan for 2027, rule by rule against the seed ---- */

static void hedensted_2027(void **state)
{
	(void)state;
	struct org o;
	fixture_shipped(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	plan_ok(&o, 2027, NULL, &l);

	/* no meeting on a weekend, holiday or closed day; sorted; in 2027 */
	for (size_t i = 0; i < l.nr; i++) {
		const struct meeting *m = &l.v[i];
		const struct org_body *b = org_find_body(&o, m->body);
		assert_non_null(b);
		if (cal_day_kind(&o.closed, b->holiday_weeks, m->day) != DAY_WORKING)
			fail_msg("%s on %s is not a working day", m->body, fmt(m->day));
		assert_int_equal(cal_date(m->day).y, 2027);
		if (i)
			assert_true(l.v[i - 1].day <= m->day);
		assert_non_null(m->uid);
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(l.v[k].uid, m->uid);
	}

	/* § 115-møde every 14 days: 26-27 meetings, 14 days apart unless one moved */
	int n115 = count_body(&l, "paragraf-115", NULL);
	assert_in_range(n115, 26, 27);
	long prev = 0;
	for (size_t i = 0; i < l.nr; i++) {
		const struct meeting *m = &l.v[i];
		if (strcmp(m->body, "paragraf-115"))
			continue;
		assert_int_equal(cal_weekday(m->day), 2); /* tirsdag, unless moved */
		assert_int_equal(m->start, 9 * 60);
		assert_int_equal(m->duration, 90);
		if (prev)
			assert_int_equal(m->day - prev, 14);
		prev = m->day;
	}

	/* hotspot: once a month, March to October inclusive: 8 */
	assert_int_equal(count_body(&l, "hotspot", NULL), 8);
	int per_month[13] = {0};
	for (size_t i = 0; i < l.nr; i++)
		if (!strcmp(l.v[i].body, "hotspot"))
			per_month[cal_date(l.v[i].day).m]++;
	for (int m = 1; m <= 12; m++)
		assert_int_equal(per_month[m], m >= 3 && m <= 10 ? 1 : 0);

	/* district meetings: the minimum (2) in each of Vest, Midt, Øst, spread */
	assert_int_equal(count_body(&l, "ssp-distriktsmoede", NULL), 6);
	static const char *const districts[] = {"vest", "midt", "oest"};
	for (int d = 0; d < 3; d++) {
		assert_int_equal(count_body(&l, "ssp-distriktsmoede", districts[d]), 2);
		long first = 0, second = 0;
		for (size_t i = 0; i < l.nr; i++) {
			if (strcmp(l.v[i].body, "ssp-distriktsmoede") ||
			    strcmp(l.v[i].district, districts[d]))
				continue;
			if (!first)
				first = l.v[i].day;
			else
				second = l.v[i].day;
		}
		assert_true(second - first > 120); /* spread over the year */
	}

	/* steering group: at least 4, each with the wheel's theme in order */
	const struct org_body *sg = org_find_body(&o, "ssp-styregruppe");
	assert_true(count_body(&l, "ssp-styregruppe", NULL) >= 4);
	size_t k = 0;
	int evaluations = 0, focus = 0;
	for (size_t i = 0; i < l.nr; i++) {
		if (strcmp(l.v[i].body, "ssp-styregruppe"))
			continue;
		assert_non_null(l.v[i].theme);
		assert_string_equal(l.v[i].theme, sg->wheel_themes.v[k % sg->wheel_themes.nr]);
		k++;
		for (size_t a = 0; a < l.v[i].agenda.nr; a++) {
			evaluations += !strcmp(l.v[i].agenda.v[a], plan_item_evaluation());
			focus += !strcmp(l.v[i].agenda.v[a], plan_item_focus_areas());
		}
	}
	assert_int_equal(evaluations, 1);
	assert_int_equal(focus, 0); /* 2027 is odd; fokusomraader-aar = lige */

	assert_true(count_body(&l, "kredsraad", NULL) >= 3);
	assert_true(count_body(&l, "lokalraad", NULL) >= 4);
	/* the school network's theme day */
	assert_true(count_body(&l, "ssp-skolenetvaerk", NULL) >= 1);
	for (size_t i = 0; i < l.nr; i++)
		if (!strcmp(l.v[i].body, "ssp-skolenetvaerk"))
			assert_non_null(strstr(l.v[i].theme, "Temadag"));
	/* ad hoc and continuous bodies: nothing */
	static const char *const none[] = {"ssp-team",        "paragraf-115-ad-hoc",
					   "beredskab-nsk",   "beredskab-ekstremisme",
					   "infohus-kommune", "infohus-netvaerk"};
	for (size_t i = 0; i < sizeof(none) / sizeof(*none); i++)
		assert_int_equal(count_body(&l, none[i], NULL), 0);
	meeting_list_release(&l);

	/* 2026 is even: the focus areas are selected, from April on */
	plan_ok(&o, 2026, "ssp-styregruppe", &l);
	focus = 0;
	for (size_t i = 0; i < l.nr; i++)
		for (size_t a = 0; a < l.v[i].agenda.nr; a++)
			if (!strcmp(l.v[i].agenda.v[a], plan_item_focus_areas())) {
				focus++;
				assert_true(l.v[i].day >= D("2026-04-01"));
			}
	assert_int_equal(focus, 1);
	meeting_list_release(&l);
	org_release(&o);
}

/* The 14-day series of 2027 continues 2026's and 2028's continues 2027's. */
static void cadence_across_years(void **state)
{
	(void)state;
	struct org o;
	fixture_shipped(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	for (int y = 2025; y <= 2029; y++)
		plan_ok(&o, y, "paragraf-115", &l);
	meeting_list_sort(&l);
	/* the series is counted from the Tuesday of the week of 2000-01-03 */
	long anchor = D("2000-01-04");
	for (size_t i = 0; i < l.nr; i++) {
		long off = (l.v[i].day - anchor) % 14;
		/* either on the series, or moved off a closed day within its ISO week */
		if (off) {
			long nominal = off < 7 ? l.v[i].day - off : l.v[i].day + (14 - off);
			assert_false(cal_is_working_day(&o.closed, 0, nominal));
			assert_int_equal(cal_iso_week(nominal, NULL),
					 cal_iso_week(l.v[i].day, NULL));
		}
		if (i)
			assert_in_range(l.v[i].day - l.v[i - 1].day, 8, 20);
	}
	/* [P-MOVE] 2024-12-31 (a Tuesday, nytårsaften) moves back to Monday
	 * 2024-12-30 in its own week and year, so 2025 starts on the series */
	assert_string_equal(fmt(l.v[0].day), "2025-01-14");
	/* the last of 2026 and the first of 2027 are one step apart */
	for (size_t i = 1; i < l.nr; i++)
		if (cal_date(l.v[i].day).y == 2027 && cal_date(l.v[i - 1].day).y == 2026)
			assert_int_equal(l.v[i].day - l.v[i - 1].day, 14);
	meeting_list_release(&l);
	org_release(&o);
}

/* A weekly Monday series: holidays move within their ISO week; a
 * holiday week skips its instance without a make-up meeting. */
static void cadence_moves(void **state)
{
	(void)state;
	struct org o;
	parse_ok(HEAD BODY("x", "hver uge") "ugedag = mandag\nferieuger = 27-28\n", &o);
	struct meeting_list l = MEETING_LIST_INIT;
	plan_ok(&o, 2027, NULL, &l);
	bool easter_tuesday = false, whit_tuesday = false;
	int week29 = 0;
	for (size_t i = 0; i < l.nr; i++) {
		long day = l.v[i].day;
		assert_true(cal_is_working_day(&o.closed, o.bodies[0].holiday_weeks, day));
		easter_tuesday |= day == D("2027-03-30");
		whit_tuesday |= day == D("2027-05-18");
		int w = cal_iso_week(day, NULL);
		assert_true(w != 27 && w != 28);
		week29 += w == 29;
		if (i)
			assert_true(day > l.v[i - 1].day);
	}
	assert_true(easter_tuesday);
	assert_true(whit_tuesday);
	assert_int_equal(week29, 1);
	meeting_list_release(&l);
	org_release(&o);

	/* kadence-start fixes the series' phase */
	parse_ok(HEAD BODY("x", "hver 14. dag") "kadence-start = 2027-01-05\n", &o);
	plan_ok(&o, 2027, NULL, &l);
	assert_string_equal(fmt(l.v[0].day), "2027-01-05");
	assert_string_equal(fmt(l.v[1].day), "2027-01-19");
	meeting_list_release(&l);
	org_release(&o);

	/* Store bededag: a Friday series moves off it in 2023 (to the
	 * Thursday of the same week), not in 2024 */
	parse_ok(HEAD BODY("x", "hver uge") "ugedag = fredag\n", &o);
	plan_ok(&o, 2023, NULL, &l);
	bool moved = false, on = false;
	for (size_t i = 0; i < l.nr; i++) {
		moved |= l.v[i].day == D("2023-05-04");
		on |= l.v[i].day == D("2023-05-05");
	}
	assert_true(moved && !on);
	meeting_list_release(&l);
	plan_ok(&o, 2024, NULL, &l);
	on = false;
	for (size_t i = 0; i < l.nr; i++)
		on |= l.v[i].day == D("2024-04-26");
	assert_true(on);
	meeting_list_release(&l);
	org_release(&o);
}

static void monthly_and_spread(void **state)
{
	(void)state;
	struct org o;
	parse_ok(
	    HEAD BODY("m", "2 om måneden") "ugedag = onsdag\n" BODY("s", "mindst 4 om året")
		BODY("d", "2-3 om året i hvert distrikt") "ugedag = torsdag\n" BODY(
		    "h",
		    "en gang om måneden i perioden marts til og med oktober") "ugedag = "
									      "torsdag\n" BODY("a",
											       "ad "
											       "ho"
											       "c")
										  BODY("c",
										       "løbende"),
	    &o);
	struct meeting_list l = MEETING_LIST_INIT;
	plan_ok(&o, 2027, NULL, &l);
	assert_int_equal(count_body(&l, "m", NULL), 24);
	assert_int_equal(count_body(&l, "s", NULL), 4);
	assert_int_equal(count_body(&l, "d", "a"), 2);
	assert_int_equal(count_body(&l, "d", "b"), 2);
	assert_int_equal(count_body(&l, "h", NULL), 8);
	assert_int_equal(count_body(&l, "a", NULL), 0);
	assert_int_equal(count_body(&l, "c", NULL), 0);
	int quarter[4] = {0};
	for (size_t i = 0; i < l.nr; i++) {
		const struct meeting *m = &l.v[i];
		if (!strcmp(m->body, "m"))
			assert_int_equal(cal_weekday(m->day), 3);
		if (!strcmp(m->body, "s")) {
			assert_int_equal(cal_weekday(m->day), PLAN_DEFAULT_WEEKDAY);
			assert_int_equal(m->start, PLAN_DEFAULT_START);
			assert_int_equal(m->duration, PLAN_DEFAULT_DURATION);
			quarter[(cal_date(m->day).m - 1) / 3]++;
		}
		if (!strcmp(m->body, "h")) {
			/* the first working Thursday of the month */
			struct date d = cal_date(m->day);
			assert_int_equal(cal_weekday(m->day), 4);
			for (long e = cal_ymd(d.y, d.m, 1); e < m->day; e++)
				assert_false(cal_weekday(e) == 4 &&
					     cal_is_working_day(&o.closed, 0, e));
		}
		if (!strcmp(m->body, "d"))
			assert_non_null(m->district);
		else
			assert_null(m->district);
	}
	for (int q = 0; q < 4; q++)
		assert_int_equal(quarter[q], 1); /* spread evenly */
	meeting_list_release(&l);

	/* --body */
	plan_ok(&o, 2027, "s", &l);
	assert_int_equal(l.nr, 4);
	meeting_list_release(&l);
	org_release(&o);
}

static void unsatisfiable_and_bad_input(void **state)
{
	(void)state;
	struct org o;
	parse_ok(HEAD BODY("x", "mindst 300 om året"), &o);
	char *err = plan_bad(&o, 2027, NULL);
	assert_non_null(strstr(err, "arbejdsdage"));
	free(err);
	org_release(&o);

	parse_ok(HEAD BODY("x", "hver dag"), &o);
	err = plan_bad(&o, 2027, NULL);
	assert_non_null(strstr(err, "arbejdsdage"));
	assert_non_null(strstr(err, "hver dag"));
	free(err);
	org_release(&o);

	parse_ok(HEAD BODY("x", "25 om måneden i februar"), &o);
	err = plan_bad(&o, 2027, NULL);
	assert_non_null(strstr(err, "februar"));
	free(err);
	org_release(&o);

	/* a body closed all year */
	parse_ok(HEAD BODY("x", "mindst 1 om året") "ferieuger = 1-53\n", &o);
	err = plan_bad(&o, 2027, NULL);
	free(err);
	org_release(&o);

	parse_ok(HEAD BODY("x", "mindst 4 om året"), &o);
	err = plan_bad(&o, 1999, NULL);
	assert_non_null(strstr(err, "2000"));
	free(err);
	err = plan_bad(&o, 2101, NULL);
	free(err);
	err = plan_bad(&o, 2027, "findes-ikke");
	assert_non_null(strstr(err, "findes-ikke"));
	free(err);
	struct meeting_list l = MEETING_LIST_INIT;
	plan_ok(&o, 2000, NULL, &l);
	plan_ok(&o, 2100, NULL, &l);
	assert_int_equal(l.nr, 8);
	meeting_list_release(&l);
	org_release(&o);
}

static void planning_keys(void **state)
{
	(void)state;
	struct org o;
	parse_ok(
	    HEAD "[kalender]\nlukkedage = ingen\n" BODY(
		"x",
		"mindst 2 om året") "ugedag = fredag\ntidspunkt = 8:30\nvarighed = 45 minutter\n"
				    "ferieuger = 7, 42\ntema = T\nfokusomraader-aar = ulige\n",
	    &o);
	const struct org_body *b = &o.bodies[0];
	assert_int_equal(b->weekday, 5);
	assert_int_equal(b->start_minute, 8 * 60 + 30);
	assert_int_equal(b->duration, 45);
	assert_true(cal_weeks_has(b->holiday_weeks, 7) && cal_weeks_has(b->holiday_weeks, 42));
	assert_string_equal(b->theme, "T");
	assert_int_equal(b->focus_parity, 1);
	assert_int_equal(o.closed.nr, 0);
	struct meeting_list l = MEETING_LIST_INIT;
	plan_ok(&o, 2027, NULL, &l);
	assert_int_equal(l.nr, 2);
	assert_string_equal(l.v[0].theme, "T");
	/* fokusomraader-aar given: the standing duties are planned; the focus
	 * areas on the first meeting from April on, the evaluation on the last */
	assert_true(l.v[0].day >= D("2027-04-01"));
	assert_int_equal(l.v[0].agenda.nr, 1);
	assert_string_equal(l.v[0].agenda.v[0], plan_item_focus_areas());
	assert_int_equal(l.v[1].agenda.nr, 1);
	assert_string_equal(l.v[1].agenda.v[0], plan_item_evaluation());
	meeting_list_release(&l);
	org_release(&o);

	/* no [kalender]: the default closed days */
	parse_ok(HEAD BODY("x", "mindst 2 om året"), &o);
	assert_int_equal(o.closed.nr, 3);
	assert_true(cal_is_closed(&o.closed, D("2027-12-24")));
	org_release(&o);

	/* errors carry the key's line (HEAD is 9 lines, BODY 7) */
	parse_bad(HEAD BODY("x", "mindst 2 om året") "ugedag = lørdag\n", 17, "ugedag");
	parse_bad(HEAD BODY("x", "mindst 2 om året") "tidspunkt = 25:00\n", 17, "TT:MM");
	parse_bad(HEAD BODY("x", "mindst 2 om året") "varighed = 5\n", 17, "varighed");
	parse_bad(HEAD BODY("x", "mindst 2 om året") "ferieuger = 60\n", 17, "ferieuger");
	parse_bad(HEAD BODY("x", "mindst 2 om året") "fokusomraader-aar = hvert\n", 17, "lige");
	parse_bad(HEAD BODY("x", "mindst 2 om året") "tidspunkt = 23:00\nvarighed = 120\n", 18,
		  "midnat");
	parse_bad(HEAD BODY("x", "mindst 2 om året") "kadence-start = 2027-01-05\n", 17,
		  "hver 14. dag");
	parse_bad(HEAD BODY("x", "hver 14. dag") "ugedag = mandag\nkadence-start = 2027-01-05\n",
		  18, "tirsdag");
	parse_bad(HEAD BODY("x", "hver 14. dag") "kadence-start = 2027-01-09\n", 17, "hverdag");
	parse_bad(HEAD "[kalender]\nlukkedage = 31-02\n" BODY("x", "mindst 2 om året"), 11,
		  "lukkedage");
	parse_bad(HEAD "[kalender]\nfarve = rød\n" BODY("x", "mindst 2 om året"), 11, "lukkedage");
}

static void times_and_uids(void **state)
{
	(void)state;
	char t[26];
	plan_format_time(D("2027-01-12"), 14 * 60, t);
	assert_string_equal(t, "2027-01-12T14:00:00+01:00");
	plan_format_time(D("2027-07-01"), 9 * 60 + 5, t);
	assert_string_equal(t, "2027-07-01T09:05:00+02:00");
	long day;
	int minute;
	assert_int_equal(plan_parse_time("2027-07-01T09:05:00+02:00", &day, &minute), 0);
	assert_int_equal(day, D("2027-07-01"));
	assert_int_equal(minute, 9 * 60 + 5);
	assert_int_equal(plan_parse_time("2027-07-01 09:05", &day, &minute), -1);
	char *u = plan_uid_domain("Hedensted Kommune");
	assert_string_equal(u, "ssp.hedensted-kommune");
	free(u);
	u = plan_uid_domain("Århus Ø / Æble");
	assert_string_equal(u, "ssp.aarhus-oe-aeble");
	free(u);
	u = plan_uid_domain(NULL);
	assert_string_equal(u, "ssp.local");
	free(u);
}

static struct meeting *add(struct meeting_list *l, const char *body, const char *district,
			   const char *day, enum meeting_status st)
{
	struct meeting *m = meeting_list_add(l);
	m->body = strdup(body);
	m->district = district ? strdup(district) : NULL;
	m->day = D(day);
	m->status = st;
	return m;
}

static void compliance_rule(void **state)
{
	(void)state;
	struct compliance_counts c = {4, 4, 2, 0, 2, 2, COMPLIANCE_OK};
	assert_int_equal(compliance_status_of(&c), COMPLIANCE_OK);
	c.held = 1; /* one due meeting not recorded */
	assert_int_equal(compliance_status_of(&c), COMPLIANCE_BEHIND);
	c.planned = 3; /* one cancelled, not replaced */
	assert_int_equal(compliance_status_of(&c), COMPLIANCE_AT_RISK);
	struct compliance_counts none = {0, 0, 0, 0, 0, 0, COMPLIANCE_OK};
	assert_int_equal(compliance_status_of(&none), COMPLIANCE_OK);

	struct org o;
	parse_ok(HEAD BODY("s", "mindst 4 om året") BODY("d", "2 om året i hvert distrikt")
		     BODY("a", "ad hoc"),
		 &o);
	struct meeting_list l = MEETING_LIST_INIT;
	add(&l, "s", NULL, "2027-02-01", MEETING_HELD);
	add(&l, "s", NULL, "2027-05-03", MEETING_CANCELLED);
	add(&l, "s", NULL, "2027-05-10", MEETING_PLANNED); /* due, not held */
	add(&l, "s", NULL, "2027-08-02", MEETING_PLANNED);
	add(&l, "s", NULL, "2027-11-01", MEETING_MOVED);
	add(&l, "s", NULL, "2028-02-01", MEETING_HELD); /* another year */
	add(&l, "d", "a", "2027-03-01", MEETING_HELD);
	add(&l, "d", "a", "2027-09-01", MEETING_PLANNED);
	add(&l, "d", "b", "2027-09-08", MEETING_PLANNED); /* only one in b */
	struct compliance c2 = {0};
	compliance_compute(&o, &l, 2027, D("2027-06-30"), &c2);
	assert_int_equal(c2.nr, 3);
	const struct compliance_row *s = &c2.v[0];
	assert_string_equal(s->body, "s");
	assert_int_equal(s->c.required_min, 4);
	assert_int_equal(s->c.planned, 4);
	assert_int_equal(s->c.held, 1);
	assert_int_equal(s->c.cancelled, 1);
	assert_int_equal(s->c.due, 2);
	assert_int_equal(s->c.upcoming, 2);
	assert_int_equal(s->c.status, COMPLIANCE_BEHIND); /* 10 May not recorded held */
	const struct compliance_row *d = &c2.v[1];
	assert_int_equal(d->c.required_min, 4);
	assert_int_equal(d->districts_nr, 2);
	assert_int_equal(d->districts[0].status, COMPLIANCE_OK);
	assert_int_equal(d->districts[1].status, COMPLIANCE_AT_RISK);
	assert_int_equal(d->c.status, COMPLIANCE_AT_RISK); /* the worst district */
	assert_int_equal(c2.v[2].c.required_min, 0);
	assert_int_equal(c2.v[2].c.status, COMPLIANCE_OK);
	compliance_release(&c2);

	/* early in the year nothing is due: ok */
	compliance_compute(&o, &l, 2027, D("2027-01-15"), &c2);
	assert_int_equal(c2.v[1].districts[0].status, COMPLIANCE_OK);
	compliance_release(&c2);
	meeting_list_release(&l);
	org_release(&o);
}

/* Issue 11: the coordinators' words planned as they say. */
static void coordinator_forms(void **state)
{
	(void)state;
	struct org o;
	/* a whole closed week moves the instance out, and the plan says so */
	parse_ok(HEAD "[kalender]\nlukkedage = 12-07, 13-07, 14-07, 15-07, 16-07\n" BODY(
		     "x", "hver onsdag"),
		 &o);
	struct meeting_list l = MEETING_LIST_INIT;
	plan_ok(&o, 2027, NULL, &l);
	int notes = 0;
	for (size_t i = 0; i < l.nr; i++) {
		if (l.v[i].agenda.nr) {
			notes++;
			assert_string_equal(l.v[i].agenda.v[0], plan_note_week_closed());
			/* Wednesday 14 July: the nearest open day is Saturday? no:
			 * weekends are closed, so Friday 9 July (5 days back) or
			 * Monday 19 July (5 days on): the later on a tie */
			assert_string_equal(fmt(l.v[i].day), "2027-07-19");
		} else {
			assert_int_equal(cal_weekday(l.v[i].day), 3);
		}
	}
	assert_int_equal(notes, 1);
	meeting_list_release(&l);
	org_release(&o);

	/* quarterly, months excluded, school holidays skipped, weekdays spread */
	parse_ok(
	    HEAD BODY("q", "kvartalsvis") BODY("m", "månedligt undtagen juli")
		BODY("w", "hver uge undtagen i skoleferierne") "ferieuger = 7, 27-32, 42\n" BODY(
		    "t", "hver anden torsdag") BODY("y", "mindst 2 om året"),
	    &o);
	plan_ok(&o, 2027, NULL, &l);
	int quarter[4] = {0};
	for (size_t i = 0; i < l.nr; i++) {
		const struct meeting *m = &l.v[i];
		int week = cal_iso_week(m->day, NULL);
		if (!strcmp(m->body, "q"))
			quarter[(cal_date(m->day).m - 1) / 3]++;
		if (!strcmp(m->body, "m"))
			assert_int_not_equal(cal_date(m->day).m, 7);
		if (!strcmp(m->body, "w"))
			assert_true(week != 7 && (week < 27 || week > 32) && week != 42);
		/* on Thursday, or in the week of a closed Thursday (skærtorsdag) */
		if (!strcmp(m->body, "t") && cal_weekday(m->day) != 4)
			assert_false(
			    cal_is_working_day(&o.closed, 0, m->day + (4 - cal_weekday(m->day))));
		/* no weekday given: q Tuesday, m Wednesday, w Thursday, y Friday */
		if (!strcmp(m->body, "q"))
			assert_int_equal(cal_weekday(m->day), 2);
		if (!strcmp(m->body, "m"))
			assert_int_equal(cal_weekday(m->day), 3);
		if (!strcmp(m->body, "y"))
			assert_int_equal(cal_weekday(m->day), 5);
	}
	for (int q = 0; q < 4; q++)
		assert_int_equal(quarter[q], 1);
	assert_int_equal(count_body(&l, "m", NULL), 11);
	assert_int_equal(count_body(&l, "w", NULL), 52 - 8);
	assert_int_equal(count_body(&l, "t", NULL), 26);
	meeting_list_release(&l);
	org_release(&o);
}

/* [C-PERIOD] [C-THEME] and the other issue-11 rules of compliance. */
static void compliance_periods(void **state)
{
	(void)state;
	struct org o;
	parse_ok(HEAD BODY("h", "1 om måneden i marts-oktober")
		     BODY("c", "hver uge") "ugedag = mandag\n" BODY(
			 "x", "mindst 2 om året + ad hoc, som tæller med")
			 BODY("n", "mindst 2 om året + ad hoc") BODY(
			     "w", "mindst 2 om året") "årshjul-tema = Rusmidler\nårshjul-tema = "
						      "Beredskaber\n",
		 &o);
	struct meeting_list l = MEETING_LIST_INIT;
	/* monthly: 8 held in total, but May cancelled and two in June */
	const char *h[] = {"2027-03-04", "2027-04-01", "2027-06-03", "2027-06-17",
			   "2027-07-01", "2027-08-05", "2027-09-02", "2027-10-07"};
	for (size_t i = 0; i < sizeof(h) / sizeof(*h); i++)
		add(&l, "h", NULL, h[i], MEETING_HELD);
	add(&l, "h", NULL, "2027-05-06", MEETING_CANCELLED);
	/* weekly: the week of 1 February cancelled, nothing else that week */
	add(&l, "c", NULL, "2027-01-25", MEETING_HELD);
	add(&l, "c", NULL, "2027-02-01", MEETING_CANCELLED);
	add(&l, "c", NULL, "2027-02-08", MEETING_HELD);
	/* ad hoc meetings: count only where the strategy says so */
	add(&l, "x", NULL, "2027-03-01", MEETING_HELD)->ad_hoc = true;
	add(&l, "x", NULL, "2027-04-01", MEETING_HELD)->ad_hoc = true;
	add(&l, "n", NULL, "2027-03-01", MEETING_HELD)->ad_hoc = true;
	add(&l, "n", NULL, "2027-04-01", MEETING_HELD)->ad_hoc = true;
	/* held after the as-of date does not count as held */
	add(&l, "n", NULL, "2027-12-01", MEETING_HELD);
	/* wheel: the Rusmidler meeting was cancelled and the theme not moved */
	struct meeting *w1 = add(&l, "w", NULL, "2027-03-01", MEETING_CANCELLED);
	w1->theme = strdup("Rusmidler");
	struct meeting *w2 = add(&l, "w", NULL, "2027-09-01", MEETING_PLANNED);
	w2->theme = strdup("Beredskaber");
	meeting_list_sort(&l);

	struct compliance c = {0};
	compliance_compute(&o, &l, 2027, D("2027-11-30"), &c);
	const struct compliance_row *r = &c.v[0];
	/* the yearly total is met, but May is behind */
	assert_int_equal(r->c.held, 8);
	assert_int_equal(r->periods_nr, 8);
	for (size_t i = 0; i < r->periods_nr; i++) {
		struct date from = cal_date(r->periods[i].from);
		assert_int_equal(r->periods[i].required, 1);
		assert_int_equal(r->periods[i].status,
				 from.m == 5 ? COMPLIANCE_BEHIND : COMPLIANCE_OK);
		assert_int_equal(r->periods[i].held, from.m == 5 ? 0 : from.m == 6 ? 2 : 1);
	}
	assert_int_equal(r->c.status, COMPLIANCE_BEHIND);

	r = &c.v[1]; /* weekly: three weeks, the one of 1 February a gap */
	assert_int_equal(r->periods_nr, 3);
	assert_string_equal(fmt(r->periods[1].from), "2027-02-01");
	assert_string_equal(fmt(r->periods[1].to), "2027-02-07");
	assert_int_equal(r->periods[1].status, COMPLIANCE_BEHIND);
	assert_int_equal(r->periods[0].status, COMPLIANCE_OK);

	assert_int_equal(c.v[2].c.held, 2); /* "som tæller med" */
	assert_int_equal(c.v[2].c.status, COMPLIANCE_OK);
	assert_int_equal(c.v[3].c.held, 0); /* ad hoc does not count; Dec not yet */
	assert_int_equal(c.v[3].c.planned, 1);
	assert_int_equal(c.v[3].c.status, COMPLIANCE_AT_RISK);

	r = &c.v[4];
	assert_int_equal(r->missing_themes.nr, 1);
	assert_string_equal(r->missing_themes.v[0], "Rusmidler");
	compliance_release(&c);
	meeting_list_release(&l);
	org_release(&o);
}

/* [P-CHECK] plan_check: errors on the frekvens line, a warning for two
 * bodies with a shared member meeting at the same time. */
static void strategy_plan_check(void **state)
{
	(void)state;
	/* clang-format off */
	static const char text[] =
	    HEAD BODY("a", "mindst 4 om året") "medlem = Skolechef\nugedag = onsdag\n"
	    BODY("b", "mindst 4 om året") "medlem = skolechef\nugedag = onsdag\n"
	    BODY("c", "mindst 4 om året") "medlem = Skolechef\nugedag = fredag\n";
	/* clang-format on */
	struct org o;
	parse_ok(text, &o);
	struct diags d;
	diags_init(&d, "t.ini");
	assert_int_equal(plan_check(&o, 2027, 2028, &d), 0);
	assert_int_equal(d.warnings, 1);
	assert_non_null(strstr(d.v[0].msg, "»a« og »b«"));
	diags_release(&d);
	org_release(&o);

	parse_ok(HEAD BODY("a", "mindst 300 om året"), &o);
	diags_init(&d, "t.ini");
	assert_int_equal(plan_check(&o, 2027, 2028, &d), 1);
	assert_int_equal(d.v[0].line, o.bodies[0].freq_line);
	assert_true(d.v[0].line > 0);
	diags_release(&d);
	org_release(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(hedensted_2027),
	    cmocka_unit_test(cadence_across_years),
	    cmocka_unit_test(cadence_moves),
	    cmocka_unit_test(monthly_and_spread),
	    cmocka_unit_test(unsatisfiable_and_bad_input),
	    cmocka_unit_test(planning_keys),
	    cmocka_unit_test(times_and_uids),
	    cmocka_unit_test(compliance_rule),
	    cmocka_unit_test(coordinator_forms),
	    cmocka_unit_test(compliance_periods),
	    cmocka_unit_test(strategy_plan_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
