/* The SSP-team's daily work: the pure rules (domain/team.h: the training
 * rule, recurring-event planning, shift overlap, moments) and the service
 * (service/team.h) on a real SQLite file: offers (SSP-team only, filters,
 * bad input naming the field and changing nothing), events (no past
 * dates, capacity, registration, attendance, shifts without overlap), the
 * training report, and the events' ICS parsed back with libical. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/team.h"
#include "render/wheel_svg.h"
#include "service/meeting.h"
#include "service/team.h"
#include "strategy/parse.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static const char *STRATEGY =
    "[kommune]\nnavn = K\npolitikreds = P\n"
    "[distrikt \"vest\"]\nnavn = Vest\n[distrikt \"oest\"]\nnavn = Øst\n"
    "[kategori \"k\"]\nnavn = K1\n"
    "[organ \"hotspot\"]\nnavn = Hotspotmøde\nniveau = udførende\n"
    "formål = f\nansvarlig = SSP-teamet\nfrekvens = en gang om måneden\n"
    "navngivne-personer = nej\n"
    "[institution \"skole-a\"]\nnavn = Skole A\ntype = skole\ndistrikt = vest\n"
    "[ssp-team]\nuddannelse-inden-maaneder = 4\ntema = Rusmidler\ntema = Trivsel\n"
    "begivenhed = 20-06..22-06 Byfest\nbegivenhed = 31-12..01-01 Nytår\n";

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "team", STRATEGY);
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

static struct actor user(const char *name, enum role role, const char *institution)
{
	fixture_add_user(&fx, name, name, role, NULL, institution);
	return fixture_actor(&fx, name);
}

/* ---- pure rules ---- */

static void training_rule(void **state)
{
	(void)state;
	long since = cal_ymd(2027, 8, 31);
	/* 31 August + 6 months: the last day of February */
	assert_int_equal(team_add_months(since, 6), cal_ymd(2028, 2, 29));
	assert_int_equal(team_add_months(cal_ymd(2027, 1, 15), 12), cal_ymd(2028, 1, 15));
	long deadline = cal_ymd(2028, 2, 29);
	assert_int_equal(training_status(since, CAL_NO_DAY, 6, deadline), TRAINING_DUE);
	assert_int_equal(training_status(since, CAL_NO_DAY, 6, deadline + 1), TRAINING_OVERDUE);
	assert_int_equal(training_status(since, cal_ymd(2027, 11, 1), 6, deadline + 100),
			 TRAINING_DONE);
	/* trained before becoming a contact person counts too */
	assert_int_equal(training_status(since, cal_ymd(2026, 1, 1), 6, deadline + 1),
			 TRAINING_DONE);
	/* a training in the future is not yet done */
	assert_int_equal(training_status(since, cal_ymd(2027, 12, 1), 6, cal_ymd(2027, 11, 1)),
			 TRAINING_DUE);
}

static void recurring_planning(void **state)
{
	(void)state;
	struct team_recurring r[2];
	char *err = NULL;
	assert_int_equal(team_recurring_parse("20-06..22-06 Byfest i Hedensted", &r[0], &err), 0);
	assert_string_equal(r[0].name, "Byfest i Hedensted");
	assert_int_equal(team_recurring_parse("29-02 Skuddag", &r[1], &err), 0);
	long first, last;
	team_recurring_days(&r[0], 2027, &first, &last);
	assert_int_equal(first, cal_ymd(2027, 6, 20));
	assert_int_equal(last, cal_ymd(2027, 6, 22));
	team_recurring_days(&r[1], 2027, &first, &last); /* no 29 February in 2027 */
	assert_int_equal(first, cal_ymd(2027, 2, 28));
	team_recurring_days(&r[1], 2028, &first, &last);
	assert_int_equal(first, cal_ymd(2028, 2, 29));

	const char *names[] = {"Byfest i Hedensted", "Byfest i Hedensted", "Andet"};
	long days[] = {cal_ymd(2026, 6, 20), cal_ymd(2027, 6, 20), cal_ymd(2027, 2, 28)};
	bool planned[2];
	/* 2027: the town festival is planned, the leap day is not */
	assert_int_equal(team_recurring_plan(r, 2, 2027, names, days, 3, planned), 1);
	assert_true(planned[0]);
	assert_false(planned[1]);
	/* 2028: neither */
	assert_int_equal(team_recurring_plan(r, 2, 2028, names, days, 3, planned), 2);
	team_recurring_release(&r[0]);
	team_recurring_release(&r[1]);

	struct team_recurring x;
	const char *bad[] = {"",       "32-01 X",     "20-06", "20-06..", "20-06..31-06 X",
			     "2006 X", "20-06..22-06"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(team_recurring_parse(bad[i], &x, &err), -1);
		assert_non_null(err);
		free(err);
		err = NULL;
	}
	/* a range over New Year ends the next year */
	assert_int_equal(team_recurring_parse("31-12..01-01 Nytår", &x, &err), 0);
	team_recurring_days(&x, 2027, &first, &last);
	assert_int_equal(last, cal_ymd(2028, 1, 1));
	team_recurring_release(&x);
}

static void moments_and_overlap(void **state)
{
	(void)state;
	long long m;
	assert_int_equal(team_parse_moment("2027-06-20T18:30", &m), 0);
	char out[17];
	team_format_moment(m, out);
	assert_string_equal(out, "2027-06-20T18:30");
	assert_int_equal(team_parse_moment("2027-06-20 18:30", &m), 0);
	const char *bad[] = {"2027-06-20",      "2027-02-30T10:00", "2027-06-20T25:00",
			     "2027-06-20T18:3", "2027-06-20X18:30", "2027-06-20T18.30"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_int_equal(team_parse_moment(bad[i], &m), -1);
	assert_true(team_overlap(10, 20, 15, 25));
	assert_true(team_overlap(10, 20, 12, 18));
	assert_false(team_overlap(10, 20, 20, 30)); /* one ends as the next begins */
	assert_false(team_overlap(10, 20, 0, 10));
}

static void strategy_keys(void **state)
{
	(void)state;
	struct org o;
	org_init(&o);
	struct diags d;
	diags_init(&d, "t.ini");
	const char *bad = "[kommune]\nnavn = K\npolitikreds = P\n"
			  "[ssp-team]\nuddannelse-inden-maaneder = 0\nbegivenhed = 40-06 X\n";
	assert_int_equal(strategy_parse(bad, strlen(bad), &o, &d), -1);
	assert_true(d.nr >= 2);
	assert_int_equal(d.v[0].line, 5);
	diags_release(&d);
	org_release(&o);
	/* beredskabsforum must name a body */
	org_init(&o);
	diags_init(&d, "t.ini");
	const char *nobody = "[kommune]\nnavn = K\npolitikreds = P\n"
			     "[ssp-team]\nberedskabsforum = findes-ikke\n";
	assert_int_equal(strategy_parse(nobody, strlen(nobody), &o, &d), -1);
	bool named = false;
	for (size_t i = 0; i < d.nr; i++)
		named |= d.v[i].line == 5 && strstr(d.v[i].msg, "beredskabsforum") != NULL;
	assert_true(named);
	diags_release(&d);
	org_release(&o);
	/* the shipped strategy marks its value as a local choice and loads */
	fixture_shipped(&o);
	assert_true(o.training_months > 0);
	assert_true(o.recurring_nr > 0);
	assert_string_equal(o.preparedness_body, "hotspot");
	org_release(&o);
}

/* ---- the service ---- */

static void offers(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor pol = user("per", ROLE_POLICE, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	const char *themes[] = {"Rusmidler"};
	const char *vest[] = {"vest"};
	struct offer_input in = {"Familierådgivning",
				 "Børn og Familier",
				 "Lærere og forældre ringer",
				 "Rådgiver",
				 "12",
				 "17",
				 themes,
				 1,
				 vest,
				 1};
	long long id = 0;
	assert_int_equal(svc_offer_add(&fx.svc, &pol, &in, &id, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_offer_add(&fx.svc, &ssp, &in, &id, &r), 0);
	struct offer_input whole = in;
	whole.name = "Ungdomsklub";
	whole.districts_nr = 0; /* the whole municipality */
	whole.age_from = "15";
	whole.age_to = "25";
	assert_int_equal(svc_offer_add(&fx.svc, &ssp, &whole, &id, &r), 0);

	/* bad input: each names its field, nothing is stored */
	const char *nope[] = {"Ukendt"};
	const char *nord[] = {"nord"};
	struct {
		struct offer_input in;
		const char *field;
	} bad[] = {
	    {{"", "P", "R", NULL, "1", "2", themes, 1, NULL, 0}, "name"},
	    {{"N", "P", "", NULL, "1", "2", themes, 1, NULL, 0}, "referral"},
	    {{"N", "P", "R", NULL, "x", "2", themes, 1, NULL, 0}, "age_from"},
	    {{"N", "P", "R", NULL, "5", "2", themes, 1, NULL, 0}, "age_to"},
	    {{"N", "P", "R", NULL, "1", "2", nope, 1, NULL, 0}, "themes"},
	    {{"N", "P", "R", NULL, "1", "2", themes, 0, NULL, 0}, "themes"},
	    {{"N", "P", "R", NULL, "1", "2", themes, 1, nord, 1}, "districts"},
	    {{"N\x01", "P", "R", NULL, "1", "2", themes, 1, NULL, 0}, "name"},
	    {{"N", "P\xff", "R", NULL, "1", "2", themes, 1, NULL, 0}, "provider"},
	    {{"N", "P", "Ring om 010203-1234", NULL, "1", "2", themes, 1, NULL, 0}, "referral"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(svc_offer_add(&fx.svc, &ssp, &bad[i].in, &id, &r), -1);
		assert_int_equal(r.status, SVC_INVALID);
		assert_string_equal(r.field, bad[i].field);
		svc_result_clear(&r);
	}
	/* 10 MB of text */
	char *big = malloc(10u << 20);
	memset(big, 'a', (10u << 20) - 1);
	big[(10u << 20) - 1] = '\0';
	struct offer_input huge = in;
	huge.referral = big;
	assert_int_equal(svc_offer_add(&fx.svc, &ssp, &huge, &id, &r), -1);
	assert_string_equal(r.field, "referral");
	svc_result_clear(&r);
	free(big);

	struct offer_rows l;
	struct offer_query q = {"14", "oest", "", ""};
	assert_int_equal(svc_offers_list(&fx.svc, &pol, &q, &l, &r), 0);
	assert_int_equal(l.nr, 0); /* 14 is below the club's 15, Øst not the family office's */
	offer_rows_release(&l);
	q = (struct offer_query){"14", "vest", "Rusmidler", ""};
	assert_int_equal(svc_offers_list(&fx.svc, &pol, &q, &l, &r), 0);
	assert_int_equal(l.nr, 1);
	assert_string_equal(l.v[0].name, "Familierådgivning");
	assert_false(offer_stale(&l.v[0], svc_today()));
	assert_true(offer_stale(&l.v[0], svc_today() + 367));
	offer_rows_release(&l);
	q = (struct offer_query){"", "", "", "UNGDOM"};
	assert_int_equal(svc_offers_list(&fx.svc, &pol, &q, &l, &r), 0);
	assert_int_equal(l.nr, 1);
	offer_rows_release(&l);
	q = (struct offer_query){"200", "", "", ""};
	assert_int_equal(svc_offers_list(&fx.svc, &pol, &q, &l, &r), -1);
	assert_string_equal(r.field, "age");
	svc_result_clear(&r);
	q = (struct offer_query){"", "", "", ""};
	assert_int_equal(svc_offers_list(&fx.svc, &pol, &q, &l, &r), 0);
	assert_int_equal(l.nr, 2);
	offer_rows_release(&l);
	assert_int_equal(fixture_count_log(&fx, "offer.add", "ok"), 2);
}

static void events(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor anna = user("anna", ROLE_CONTACT, "skole-a");
	struct actor bo = user("bo", ROLE_CONTACT, "skole-a");
	struct svc_result r = SVC_RESULT_INIT;
	struct event_input in = {"training",
				 "Uddannelse af nye kontaktpersoner",
				 "2099-09-10T09:00",
				 "2099-09-10T15:00",
				 "Rådhuset",
				 "Nye",
				 "1",
				 NULL,
				 NULL,
				 NULL};
	long long id;
	assert_int_equal(svc_event_add(&fx.svc, &anna, &in, &id, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &in, &id, &r), 0);

	struct {
		struct event_input in;
		const char *field;
	} bad[] = {
	    {{"festival", "N", "2099-01-01T10:00", "2099-01-01T11:00", "P", "", "", 0, 0, 0},
	     "kind"},
	    {{"course", "N", "2001-01-01T10:00", "2001-01-01T11:00", "P", "", "", 0, 0, 0},
	     "start"},
	    {{"course", "N", "2099-01-01T10:00", "2099-01-01T09:00", "P", "", "", 0, 0, 0}, "end"},
	    {{"course", "N", "2099-01-01T10:00", "2099-01-01T11:00", "", "", "", 0, 0, 0}, "place"},
	    {{"course", "N", "2099-01-01T10:00", "2099-01-01T11:00", "P", "", "0", 0, 0, 0},
	     "capacity"},
	    {{"event", "N", "2099-01-01T10:00", "2099-01-01T11:00", "P", "", "", 0,
	      "Pas på 0102031234", 0},
	     "risk_notes"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(svc_event_add(&fx.svc, &ssp, &bad[i].in, &id, &r), -1);
		assert_int_equal(r.status, SVC_INVALID);
		assert_string_equal(r.field, bad[i].field);
		svc_result_clear(&r);
	}
	struct event_rows l;
	assert_int_equal(svc_events_list(&fx.svc, &anna, 2099, &l, &r), 0);
	assert_int_equal(l.nr, 1);
	event_rows_release(&l);

	/* one place: anna gets it, bo is told it is full */
	assert_int_equal(svc_event_register(&fx.svc, &anna, id, NULL, &r), 0);
	assert_int_equal(svc_event_register(&fx.svc, &anna, id, NULL, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	assert_int_equal(svc_event_register(&fx.svc, &bo, id, NULL, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	assert_string_equal(r.field, "capacity");
	svc_result_clear(&r);
	/* only the SSP-team signs others up */
	assert_int_equal(svc_event_register(&fx.svc, &anna, id, "bo", &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	/* attendance only once it has begun */
	const char *present[] = {"anna"};
	assert_int_equal(svc_event_attendance(&fx.svc, &ssp, id, present, 1, &r), -1);
	assert_string_equal(r.field, "present");
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "event.register", "ok"), 1);
}

static void training_report(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor anna = user("anna", ROLE_CONTACT, "skole-a");
	user("bo", ROLE_CONTACT, "skole-a");
	struct svc_result r = SVC_RESULT_INIT;
	char today[11], start[17], end[17];
	cal_format_date(svc_today(), today);
	snprintf(start, sizeof(start), "%sT00:00", today);
	snprintf(end, sizeof(end), "%sT23:59", today);
	struct event_input in = {"training", "Uddannelse", start, end, "Rådhuset", "", "", 0, 0, 0};
	long long id;
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &in, &id, &r), 0);
	assert_int_equal(svc_event_register(&fx.svc, &anna, id, NULL, &r), 0);
	assert_int_equal(svc_event_register(&fx.svc, &ssp, id, "bo", &r), 0);
	const char *present[] = {"anna"};
	assert_int_equal(svc_event_attendance(&fx.svc, &ssp, id, present, 1, &r), 0);

	struct training_report t;
	assert_int_equal(svc_training_report(&fx.svc, &anna, svc_today(), &t, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_training_report(&fx.svc, &ssp, svc_today(), &t, &r), 0);
	assert_int_equal(t.months, 4); /* the strategy's value */
	assert_false(t.default_used);
	assert_int_equal(t.rows.nr, 2);
	assert_int_equal(t.untrained, 1);
	for (size_t i = 0; i < t.rows.nr; i++)
		assert_int_equal(t.status[i], !strcmp(t.rows.v[i].username, "anna") ? TRAINING_DONE
										    : TRAINING_DUE);
	training_report_release(&t);
	/* five months on, bo is overdue */
	assert_int_equal(svc_training_report(&fx.svc, &ssp, svc_today() + 150, &t, &r), 0);
	for (size_t i = 0; i < t.rows.nr; i++)
		if (!strcmp(t.rows.v[i].username, "bo"))
			assert_int_equal(t.status[i], TRAINING_OVERDUE);
	training_report_release(&t);
}

static void shifts(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	user("sten", ROLE_SSP, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	struct event_input in = {
	    "event", "Byfest", "2099-06-20T12:00",  "2099-06-22T23:00", "Torvet", "",
	    "",      "3000",   "Generelt: alkohol", "Politiet"};
	long long id, s1;
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &in, &id, &r), 0);
	assert_int_equal(svc_shift_add(&fx.svc, &ssp, id, "sten", "2099-06-20T18:00",
				       "2099-06-20T23:00", "Nattevandring", &s1, &r),
			 0);
	/* overlapping shift for the same person */
	assert_int_equal(svc_shift_add(&fx.svc, &ssp, id, "sten", "2099-06-20T22:00",
				       "2099-06-21T01:00", "", &s1, &r),
			 -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	assert_string_equal(r.field, "start");
	svc_result_clear(&r);
	/* ends before it starts */
	assert_int_equal(svc_shift_add(&fx.svc, &ssp, id, "sten", "2099-06-21T18:00",
				       "2099-06-21T17:00", "", &s1, &r),
			 -1);
	assert_string_equal(r.field, "end");
	svc_result_clear(&r);
	/* back to back is fine, and another person may overlap */
	assert_int_equal(svc_shift_add(&fx.svc, &ssp, id, "sten", "2099-06-20T23:00",
				       "2099-06-21T01:00", "", &s1, &r),
			 0);
	assert_int_equal(svc_shift_add(&fx.svc, &ssp, id, "sara", "2099-06-20T18:00",
				       "2099-06-20T23:00", "", &s1, &r),
			 0);
	struct event_detail d;
	assert_int_equal(svc_event_get(&fx.svc, &ssp, id, &d, &r), 0);
	assert_int_equal(d.shifts.nr, 3);
	assert_false(d.may_register); /* a larger event has shifts, not registration */
	event_detail_release(&d);
	assert_int_equal(fixture_count_log(&fx, "event.shift", "ok"), 3);
}

static void recurring_service(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	int created;
	assert_int_equal(svc_recurring_plan(&fx.svc, &ssp, 2099, &created, &r), 0);
	assert_int_equal(created, 2);
	assert_int_equal(svc_recurring_plan(&fx.svc, &ssp, 2099, &created, &r), 0);
	assert_int_equal(created, 0); /* planned once a year */
	assert_int_equal(svc_recurring_plan(&fx.svc, &ssp, 2001, &created, &r), -1);
	assert_string_equal(r.field, "year");
	svc_result_clear(&r);
}

static void ics_round_trip(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	struct event_input a = {"course",
				"Kursus i rusmidler",
				"2099-03-10T09:00",
				"2099-03-10T15:30",
				"Rådhuset, sal 1",
				"Lærere",
				"30",
				0,
				0,
				0};
	struct event_input b = {"parent-evening",
				"Forældremøde",
				"2099-10-27T19:00",
				"2099-10-27T21:00",
				"Skole A",
				"",
				"",
				0,
				0,
				0};
	long long id;
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &a, &id, &r), 0);
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &b, &id, &r), 0);
	char *ics;
	assert_int_equal(svc_events_ics(&fx.svc, &ssp, 2099, &ics, &r), 0);
	icalcomponent *cal = icalparser_parse_string(ics);
	assert_non_null(cal);
	icaltimezone *cph = icaltimezone_get_builtin_timezone("Europe/Copenhagen");
	int n = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), n++) {
		struct icaltimetype s = icalcomponent_get_dtstart(ev);
		struct icaltimetype e = icalcomponent_get_dtend(ev);
		if (n == 0) {
			assert_string_equal(icalcomponent_get_summary(ev), "Kursus i rusmidler");
			assert_string_equal(icalcomponent_get_location(ev), "Rådhuset, sal 1");
			assert_int_equal(s.month, 3);
			assert_int_equal(s.hour, 9);
			assert_int_equal(e.hour, 15);
			assert_int_equal(e.minute, 30);
			/* 09:00 in Copenhagen in March (CET) is 08:00 UTC */
			struct icaltimetype u = icaltime_convert_to_zone(
			    icaltime_from_timet_with_zone(icaltime_as_timet_with_zone(s, cph), 0,
							  icaltimezone_get_utc_timezone()),
			    icaltimezone_get_utc_timezone());
			assert_int_equal(u.hour, 8);
		} else {
			assert_string_equal(icalcomponent_get_summary(ev), "Forældremøde");
			assert_int_equal(s.day, 27);
			assert_int_equal(s.hour, 19);
		}
		assert_int_equal(icalcomponent_get_sequence(ev), 0); /* never changed */
		assert_string_equal(icalparameter_get_tzid(icalproperty_get_first_parameter(
					icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY),
					ICAL_TZID_PARAMETER)),
				    "Europe/Copenhagen");
	}
	assert_int_equal(n, 2);
	icalcomponent_free(cal);
	free(ics);
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
}

static void notes(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor anna = user("anna", ROLE_CONTACT, "skole-a");
	struct actor per = user("per", ROLE_POLICE, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	const char *contact[] = {"kontaktperson"};
	const char *hotspot[] = {"hotspot"};
	long long id;
	assert_int_equal(svc_note_add(&fx.svc, &anna, "T", "B", contact, 1, NULL, 0, &id, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_note_add(&fx.svc, &ssp, "Ny lov om ungdomskriminalitet",
				      "Se https://example.org/lov\nKort fortalt ...", contact, 1,
				      NULL, 0, &id, &r),
			 0);
	/* bad input names its field and stores nothing */
	const char *nobody[] = {"findes-ikke"};
	const char *norole[] = {"rektor"};
	assert_int_equal(svc_note_add(&fx.svc, &ssp, "", "B", contact, 1, NULL, 0, &id, &r), -1);
	assert_string_equal(r.field, "title");
	svc_result_clear(&r);
	assert_int_equal(svc_note_add(&fx.svc, &ssp, "T", "B", NULL, 0, NULL, 0, &id, &r), -1);
	assert_string_equal(r.field, "roles");
	svc_result_clear(&r);
	assert_int_equal(svc_note_add(&fx.svc, &ssp, "T", "B", norole, 1, NULL, 0, &id, &r), -1);
	assert_string_equal(r.field, "roles");
	svc_result_clear(&r);
	assert_int_equal(svc_note_add(&fx.svc, &ssp, "T", "B", NULL, 0, nobody, 1, &id, &r), -1);
	assert_string_equal(r.field, "bodies");
	svc_result_clear(&r);
	assert_int_equal(
	    svc_note_add(&fx.svc, &ssp, "T", "CPR 010203-1234", contact, 1, NULL, 0, &id, &r), -1);
	assert_string_equal(r.field, "body");
	svc_result_clear(&r);

	/* to a body: its participants get it */
	long long hid;
	assert_int_equal(
	    svc_note_add(&fx.svc, &ssp, "Tendens", "Generelt", NULL, 0, hotspot, 1, &hid, &r), 0);
	struct note_rows l;
	assert_int_equal(svc_notes_list(&fx.svc, &per, true, &l, &r), 0);
	assert_int_equal(l.nr, 0); /* not a participant, not a contact person */
	note_rows_release(&l);
	assert_int_equal(svc_notes_list(&fx.svc, &anna, true, &l, &r), 0);
	assert_int_equal(l.nr, 1);
	assert_int_equal(l.v[0].id, id);
	note_rows_release(&l);
	/* shown until read */
	assert_int_equal(svc_note_read(&fx.svc, &per, id, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	assert_int_equal(svc_note_read(&fx.svc, &anna, id, &r), 0);
	assert_int_equal(svc_notes_list(&fx.svc, &anna, true, &l, &r), 0);
	assert_int_equal(l.nr, 0);
	note_rows_release(&l);
	assert_int_equal(svc_notes_list(&fx.svc, &anna, false, &l, &r), 0);
	assert_int_equal(l.nr, 1); /* still in the list of earlier notes */
	assert_true(l.v[0].read);
	note_rows_release(&l);
	assert_int_equal(svc_notes_list(&fx.svc, &ssp, false, &l, &r), 0);
	assert_int_equal(l.nr, 2); /* the SSP-team sees every note */
	note_rows_release(&l);
	assert_int_equal(fixture_count_log(&fx, "note.add", "ok"), 2);
}

static void advice(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor sten = user("sten", ROLE_STEERING, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	char today[11];
	cal_format_date(svc_today(), today);
	struct advice_input in = {today, "laerer", "Rusmidler", "vest", "30", true, false};
	long long id;
	assert_int_equal(svc_advice_add(&fx.svc, &sten, &in, &id, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_advice_add(&fx.svc, &ssp, &in, &id, &r), 0);
	assert_int_equal(svc_advice_add(&fx.svc, &ssp, &in, &id, &r), 0);
	struct advice_input whole = {today, "foraelder", "Rusmidler", "", "15", false, true};
	assert_int_equal(svc_advice_add(&fx.svc, &ssp, &whole, &id, &r), 0);
	struct {
		struct advice_input in;
		const char *field;
	} bad[] = {
	    {{"2099-01-01", "laerer", "Rusmidler", "", "30", 0, 0}, "day"},
	    {{"i går", "laerer", "Rusmidler", "", "30", 0, 0}, "day"},
	    {{today, "Hans Hansen", "Rusmidler", "", "30", 0, 0}, "asker"},
	    {{today, "laerer", "Ukendt", "", "30", 0, 0}, "theme"},
	    {{today, "laerer", "Rusmidler", "nord", "30", 0, 0}, "district"},
	    {{today, "laerer", "Rusmidler", "", "0", 0, 0}, "minutes"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(svc_advice_add(&fx.svc, &ssp, &bad[i].in, &id, &r), -1);
		assert_string_equal(r.field, bad[i].field);
		svc_result_clear(&r);
	}
	struct advice_counts c;
	int year = cal_date(svc_today()).y;
	assert_int_equal(svc_advice_counts(&fx.svc, &sten, year, &c, &r), 0);
	assert_int_equal(c.nr, 2); /* Rusmidler in the whole municipality, Rusmidler in Vest */
	int total = 0, minutes = 0, referrals = 0, reports = 0;
	for (size_t i = 0; i < c.nr; i++) {
		total += c.v[i].count;
		minutes += c.v[i].minutes;
		referrals += c.v[i].referrals;
		reports += c.v[i].underretninger;
	}
	assert_int_equal(total, 3);
	assert_int_equal(minutes, 75);
	assert_int_equal(referrals, 2);
	assert_int_equal(reports, 1);
	advice_counts_release(&c);
	assert_int_equal(fixture_count_log(&fx, "advice.add", "ok"), 3);
}

/* ---- editing, the audited calls, hotspot agenda items, the wheel ---- */

static void hotspot_rule(void **state)
{
	(void)state;
	long days[] = {cal_ymd(2027, 5, 6), cal_ymd(2027, 6, 3), cal_ymd(2027, 7, 1)};
	assert_int_equal(team_hotspot_of(days, 3, cal_ymd(2027, 6, 20)), 1);
	assert_int_equal(team_hotspot_of(days, 3, cal_ymd(2027, 6, 3)), 1); /* same day */
	assert_int_equal(team_hotspot_of(days, 3, cal_ymd(2027, 12, 31)), 2);
	assert_int_equal(team_hotspot_of(days, 3, cal_ymd(2027, 1, 1)), 3); /* none before */
	assert_int_equal(team_hotspot_of(days, 0, cal_ymd(2027, 6, 20)), 0);
}

static void offer_editing(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor pol = user("per", ROLE_POLICE, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	const char *themes[] = {"Rusmidler"};
	const char *vest[] = {"vest"};
	struct offer_input in = {
	    "Familierådgivning", "Børn og Familier", "Ring", NULL, "10", "17", themes, 1, vest, 1};
	long long id;
	assert_int_equal(svc_offer_add(&fx.svc, &ssp, &in, &id, &r), 0);
	/* only the SSP-team edits; the refusal is logged, nothing changes */
	in.name = "Ændret";
	assert_int_equal(svc_offer_update(&fx.svc, &pol, id, &in, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "offer.edit", "refused"), 1);
	/* bad input names the field, is logged "failed" and changes nothing */
	in.age_to = "5";
	assert_int_equal(svc_offer_update(&fx.svc, &ssp, id, &in, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	assert_string_equal(r.field, "age_to");
	svc_result_clear(&r);
	in.age_to = "17";
	in.referral = "";
	assert_int_equal(svc_offer_update(&fx.svc, &ssp, id, &in, &r), -1);
	assert_string_equal(r.field, "referral");
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "offer.edit", "failed"), 2);
	struct offer_row o;
	assert_int_equal(svc_offer_get(&fx.svc, &pol, id, &o, &r), 0);
	assert_string_equal(o.name, "Familierådgivning");
	offer_row_release(&o);
	/* a good edit: the whole description, the districts emptied */
	in.referral = "Ring eller skriv";
	in.districts_nr = 0;
	assert_int_equal(svc_offer_update(&fx.svc, &ssp, id, &in, &r), 0);
	assert_int_equal(svc_offer_get(&fx.svc, &pol, id, &o, &r), 0);
	assert_string_equal(o.name, "Ændret");
	assert_string_equal(o.referral, "Ring eller skriv");
	assert_int_equal(o.districts.nr, 0);
	assert_int_equal(o.confirmed, svc_today());
	offer_row_release(&o);
	assert_int_equal(fixture_count_log(&fx, "offer.edit", "ok"), 1);
	/* an unknown offer */
	assert_int_equal(svc_offer_update(&fx.svc, &ssp, id + 100, &in, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	/* removed: out of the directory, and not removed twice */
	assert_int_equal(svc_offer_remove(&fx.svc, &pol, id, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_offer_remove(&fx.svc, &ssp, id, &r), 0);
	assert_int_equal(svc_offer_get(&fx.svc, &pol, id, &o, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	assert_int_equal(svc_offer_remove(&fx.svc, &ssp, id, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	struct offer_rows l;
	struct offer_query q = {"", "", "", ""};
	assert_int_equal(svc_offers_list(&fx.svc, &pol, &q, &l, &r), 0);
	assert_int_equal(l.nr, 0);
	offer_rows_release(&l);
	assert_int_equal(fixture_count_log(&fx, "offer.remove", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "offer.remove", "refused"), 1);
	assert_int_equal(fixture_count_log(&fx, "offer.remove", "failed"), 1);
}

static void event_editing(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor anna = user("anna", ROLE_CONTACT, "skole-a");
	struct actor bo = user("bo", ROLE_CONTACT, "skole-a");
	struct svc_result r = SVC_RESULT_INIT;
	struct event_input in = {
	    "course", "Kursus", "2099-09-10T09:00", "2099-09-10T15:00", "Rådhuset", "", "2", NULL,
	    NULL,     NULL};
	long long id;
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &in, &id, &r), 0);
	assert_int_equal(svc_event_register(&fx.svc, &anna, id, NULL, &r), 0);
	assert_int_equal(svc_event_register(&fx.svc, &bo, id, NULL, &r), 0);
	struct {
		struct event_input in;
		const char *field;
	} bad[] = {
	    /* fewer places than registered */
	    {{"course", "Kursus", "2099-09-10T09:00", "2099-09-10T15:00", "R", "", "1", 0, 0, 0},
	     "capacity"},
	    /* moved into the past */
	    {{"course", "Kursus", "2001-09-10T09:00", "2001-09-10T15:00", "R", "", "", 0, 0, 0},
	     "start"},
	    /* registrations: not a larger event */
	    {{"event", "Kursus", "2099-09-10T09:00", "2099-09-10T15:00", "R", "", "", 0, 0, 0},
	     "kind"},
	    {{"course", "Kursus", "2099-09-10T09:00", "2099-09-10T08:00", "R", "", "", 0, 0, 0},
	     "end"},
	    {{"course", "Kursus\x07", "2099-09-10T09:00", "2099-09-10T15:00", "R", "", "", 0, 0, 0},
	     "name"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(svc_event_update(&fx.svc, &ssp, id, &bad[i].in, &r), -1);
		assert_int_equal(r.status, SVC_INVALID);
		assert_string_equal(r.field, bad[i].field);
		svc_result_clear(&r);
	}
	assert_int_equal(svc_event_update(&fx.svc, &anna, id, &in, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	in.place = "Biblioteket";
	in.capacity = "";
	assert_int_equal(svc_event_update(&fx.svc, &ssp, id, &in, &r), 0);
	struct event_detail d;
	assert_int_equal(svc_event_get(&fx.svc, &ssp, id, &d, &r), 0);
	assert_string_equal(d.ev.place, "Biblioteket");
	assert_int_equal(d.ev.capacity, 0);
	assert_int_equal(d.regs.nr, 2); /* the registrations stay */
	assert_true(d.may_edit);
	assert_int_equal(d.ev.sequence, 1); /* calendars take the edit */
	event_detail_release(&d);
	/* cancelled: kept, closed for registration and edits, not twice */
	assert_int_equal(svc_event_cancel(&fx.svc, &anna, id, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_event_cancel(&fx.svc, &ssp, id, &r), 0);
	assert_int_equal(svc_event_cancel(&fx.svc, &ssp, id, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
	assert_int_equal(svc_event_update(&fx.svc, &ssp, id, &in, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	struct actor cille = user("cille", ROLE_CONTACT, "skole-a");
	assert_int_equal(svc_event_register(&fx.svc, &cille, id, NULL, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	assert_int_equal(svc_event_get(&fx.svc, &ssp, id, &d, &r), 0);
	assert_true(d.ev.cancelled);
	assert_false(d.may_edit);
	assert_false(d.may_register);
	event_detail_release(&d);
	char *ics;
	assert_int_equal(svc_events_ics(&fx.svc, &anna, 2099, &ics, &r), 0);
	assert_non_null(strstr(ics, "STATUS:CANCELLED"));
	assert_non_null(strstr(ics, "SEQUENCE:2")); /* the edit and the cancellation */
	free(ics);
	assert_int_equal(fixture_count_log(&fx, "event.edit", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "event.edit", "failed"), 6);
	assert_int_equal(fixture_count_log(&fx, "event.edit", "refused"), 1);
	assert_int_equal(fixture_count_log(&fx, "event.cancel", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "event.cancel", "failed"), 1);
	assert_int_equal(fixture_count_log(&fx, "event.cancel", "refused"), 1);
}

/* One entry per call: a success, a refusal, a failure each add exactly
 * one, and the failed call changed nothing. */
static void one_entry_per_call(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct actor pol = user("per", ROLE_POLICE, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	struct advice_input in = {"2030-01-01", "laerer", "Rusmidler", "", "30", false, false};
	char today[11];
	cal_format_date(svc_today(), today);
	in.day = today;
	long long id;
	int before = fixture_count_log(&fx, NULL, NULL);
	assert_int_equal(svc_advice_add(&fx.svc, &ssp, &in, &id, &r), 0);
	assert_int_equal(fixture_count_log(&fx, NULL, NULL), before + 1);
	assert_int_equal(svc_advice_add(&fx.svc, &pol, &in, &id, &r), -1);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, NULL, NULL), before + 2);
	in.minutes = "0";
	assert_int_equal(svc_advice_add(&fx.svc, &ssp, &in, &id, &r), -1);
	assert_string_equal(r.field, "minutes");
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, NULL, NULL), before + 3);
	struct advice_rows l;
	assert_int_equal(svc_advice_list(&fx.svc, &ssp, cal_date(svc_today()).y, &l, &r), 0);
	assert_int_equal(l.nr, 1);
	advice_rows_release(&l);
	assert_int_equal(fixture_count_log(&fx, "advice.add", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "advice.add", "refused"), 1);
	assert_int_equal(fixture_count_log(&fx, "advice.add", "failed"), 1);
}

static void hotspot_agenda(void **state)
{
	(void)state;
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	int y = cal_date(svc_today()).y + 1;
	char s0[32], s1[32];
	snprintf(s0, sizeof(s0), "%d-06-20T12:00", y);
	snprintf(s1, sizeof(s1), "%d-06-22T23:00", y);
	struct event_input in = {"event", "Byfest", s0, s1, "Torvet", "", "", NULL, NULL, NULL};
	long long id, gone;
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &in, &id, &r), 0);
	in.name = "Aflyst fest";
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &in, &gone, &r), 0);
	assert_int_equal(svc_event_cancel(&fx.svc, &ssp, gone, &r), 0);
	in.kind = "course"; /* a course is no preparedness item */
	in.name = "Kursus";
	long long course;
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &in, &course, &r), 0);
	struct org o;
	org_init(&o);
	struct replan_stats st;
	assert_int_equal(svc_plan_save(&fx.svc, &ssp, y, &o, &st, &r), 0); /* the stored plan */
	org_release(&o);
	org_init(&o);
	struct meeting_list ml = MEETING_LIST_INIT;
	assert_int_equal(svc_meetings_list(&fx.svc, &ssp, y, "hotspot", &o, &ml, &r), 0);
	assert_true(ml.nr >= 6);
	long festival = cal_ymd(y, 6, 20);
	size_t last_before = ml.nr;
	for (size_t i = 0; i < ml.nr; i++)
		if (ml.v[i].day <= festival &&
		    (last_before == ml.nr || ml.v[i].day > ml.v[last_before].day))
			last_before = i;
	assert_true(last_before < ml.nr);
	size_t offered = 0;
	for (size_t i = 0; i < ml.nr; i++) {
		struct strlist items = STRLIST_INIT;
		assert_int_equal(svc_team_hotspot_items(&fx.svc, &ssp, &ml.v[i], &items, &r), 0);
		if (i == last_before) {
			assert_int_equal(items.nr, 1);
			assert_string_equal(items.v[0], "SSP-beredskab ved Byfest (20/6–22/6)");
		}
		offered += items.nr;
		strlist_clear(&items);
	}
	assert_int_equal(offered, 1); /* on that meeting only */
	long expected = ml.v[last_before].day;
	meeting_list_release(&ml);
	org_release(&o);
	/* the event's page names that meeting */
	struct event_detail d;
	assert_int_equal(svc_event_get(&fx.svc, &ssp, id, &d, &r), 0);
	assert_int_equal(d.hotspot_day, expected);
	event_detail_release(&d);
}

/* Another municipality names the body that takes up larger events. */
static void preparedness_body_named(void **state)
{
	(void)state;
	const char *other =
	    "[kommune]\nnavn = K\npolitikreds = P\n[distrikt \"vest\"]\nnavn = Vest\n"
	    "[kategori \"k\"]\nnavn = K1\n"
	    "[organ \"sommer\"]\nnavn = Sommermøde\nniveau = udførende\nformål = f\n"
	    "ansvarlig = SSP-teamet\nfrekvens = en gang om måneden\nnavngivne-personer = nej\n"
	    "[organ \"hotspot\"]\nnavn = Hotspot\nniveau = udførende\nformål = f\n"
	    "ansvarlig = SSP-teamet\nfrekvens = en gang om måneden\nnavngivne-personer = nej\n"
	    "[ssp-team]\nberedskabsforum = sommer\n";
	fixture_apply(&fx, other);
	struct actor ssp = user("sara", ROLE_SSP, NULL);
	struct svc_result r = SVC_RESULT_INIT;
	int y = cal_date(svc_today()).y + 1;
	char s0[32], s1[32];
	snprintf(s0, sizeof(s0), "%d-06-20T12:00", y);
	snprintf(s1, sizeof(s1), "%d-06-20T23:00", y);
	struct event_input in = {"event", "Festival", s0, s1, "Torvet", "", "", NULL, NULL, NULL};
	long long id;
	assert_int_equal(svc_event_add(&fx.svc, &ssp, &in, &id, &r), 0);
	struct org o;
	org_init(&o);
	struct replan_stats st;
	assert_int_equal(svc_plan_save(&fx.svc, &ssp, y, &o, &st, &r), 0);
	assert_string_equal(o.preparedness_body, "sommer"); /* stored and loaded */
	org_release(&o);
	size_t items[2] = {0, 0};
	const char *bodies[2] = {"sommer", "hotspot"};
	for (int b = 0; b < 2; b++) {
		org_init(&o);
		struct meeting_list ml = MEETING_LIST_INIT;
		assert_int_equal(svc_meetings_list(&fx.svc, &ssp, y, bodies[b], &o, &ml, &r), 0);
		assert_true(ml.nr > 0);
		for (size_t i = 0; i < ml.nr; i++) {
			struct strlist l = STRLIST_INIT;
			assert_int_equal(svc_team_hotspot_items(&fx.svc, &ssp, &ml.v[i], &l, &r),
					 0);
			items[b] += l.nr;
			strlist_clear(&l);
		}
		meeting_list_release(&ml);
		org_release(&o);
	}
	assert_int_equal(items[0], 1); /* on the named body's meeting */
	assert_int_equal(items[1], 0); /* not on the hotspot body's */
	struct event_detail d;
	assert_int_equal(svc_event_get(&fx.svc, &ssp, id, &d, &r), 0);
	assert_string_equal(d.hotspot_body, "Sommermøde");
	assert_true(d.hotspot_id > 0);
	event_detail_release(&d);
}

static void wheel_with_events(void **state)
{
	(void)state;
	struct org o;
	org_init(&o);
	fixture_shipped(&o);
	struct meeting_list ml = MEETING_LIST_INIT;
	struct wheel_event ev[] = {
	    {"Byfest", cal_ymd(2027, 6, 20), cal_ymd(2027, 6, 22), false},
	    {"Aflyst kursus", cal_ymd(2027, 9, 1), cal_ymd(2027, 9, 1), true},
	    {"Sidste år", cal_ymd(2026, 9, 1), cal_ymd(2026, 9, 1), false},
	};
	char *svg = wheel_svg_events(&o, &ml, ev, 3, 2027, CAL_NO_DAY);
	assert_non_null(strstr(svg, "data-ring=\"events\""));
	assert_non_null(strstr(svg, "<title>Byfest (20/6-22/6)</title>"));
	assert_non_null(strstr(svg, "Aflyst kursus (1/9) – aflyst"));
	assert_null(strstr(svg, "Sidste år"));
	assert_non_null(strstr(svg, "Kurser og begivenheder (2)"));
	free(svg);
	svg = wheel_svg(&o, &ml, 2027, CAL_NO_DAY);
	assert_null(strstr(svg, "data-ring=\"events\""));
	free(svg);
	org_release(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(training_rule),
	    cmocka_unit_test(recurring_planning),
	    cmocka_unit_test(moments_and_overlap),
	    cmocka_unit_test(strategy_keys),
	    cmocka_unit_test_setup_teardown(offers, setup, teardown),
	    cmocka_unit_test_setup_teardown(events, setup, teardown),
	    cmocka_unit_test_setup_teardown(training_report, setup, teardown),
	    cmocka_unit_test_setup_teardown(shifts, setup, teardown),
	    cmocka_unit_test_setup_teardown(recurring_service, setup, teardown),
	    cmocka_unit_test_setup_teardown(ics_round_trip, setup, teardown),
	    cmocka_unit_test_setup_teardown(notes, setup, teardown),
	    cmocka_unit_test_setup_teardown(advice, setup, teardown),
	    cmocka_unit_test(hotspot_rule),
	    cmocka_unit_test_setup_teardown(offer_editing, setup, teardown),
	    cmocka_unit_test_setup_teardown(event_editing, setup, teardown),
	    cmocka_unit_test_setup_teardown(one_entry_per_call, setup, teardown),
	    cmocka_unit_test_setup_teardown(hotspot_agenda, setup, teardown),
	    cmocka_unit_test_setup_teardown(preparedness_body_named, setup, teardown),
	    cmocka_unit_test(wheel_with_events),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
