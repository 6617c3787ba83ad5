/* ICS: the Hedensted plan for 2027 as a golden file, parsed back with
 * libical into the same meetings, at the same instants; the VTIMEZONE
 * and the domain's Europe/Copenhagen rule agree with libical's zone for
 * every day of 2000-2100. UPDATE_GOLDEN=1 rewrites the golden file. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan.h"
#include "render/ics.h"
#include "strategy/parse.h"
#include "util/file.h"
#include "util/strbuf.h"
#include "fixture.h"
#include "test.h"

#define GOLDEN SSP_SOURCE_DIR "/tests/golden/hedensted-plan-2027.ics"
#define STAMP  ((time_t)1800000000) /* 2027-01-15T08:00:00Z */

struct ics_case {
	struct org o;
	struct meeting_list l;
	char *ics;
	icalcomponent *cal;
};

static int setup(void **state)
{
	struct ics_case *f = calloc(1, sizeof(*f));
	char *err = NULL;
	fixture_shipped(&f->o);
	if (plan_year(&f->o, 2027, NULL, &f->l, &err) < 0)
		return -1;
	/* one meeting cancelled and re-sequenced, as a stored plan may have */
	f->l.v[1].status = MEETING_CANCELLED;
	f->l.v[1].sequence = 3;
	f->ics = ics_render(&f->o, &f->l, "SSP Hedensted Kommune 2027", STAMP);
	f->cal = icalparser_parse_string(f->ics);
	*state = f;
	return f->cal ? 0 : -1;
}

static int teardown(void **state)
{
	struct ics_case *f = *state;
	icalcomponent_free(f->cal);
	free(f->ics);
	meeting_list_release(&f->l);
	org_release(&f->o);
	free(f);
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
	return 0;
}

static void golden(void **state)
{
	struct ics_case *f = *state;
	const char *upd = getenv("UPDATE_GOLDEN");
	if (upd && !strcmp(upd, "1")) {
		FILE *out = fopen(GOLDEN, "wb");
		assert_non_null(out);
		fputs(f->ics, out);
		fclose(out);
	}
	struct strbuf want = STRBUF_INIT;
	char *err = NULL;
	if (read_file(GOLDEN, &want, &err) < 0)
		fail_msg("%s (run with UPDATE_GOLDEN=1 to create it)", err);
	if (strcmp(want.buf, f->ics)) {
		size_t i = 0;
		while (want.buf[i] && want.buf[i] == f->ics[i])
			i++;
		fail_msg("ICS differs from %s at byte %zu: »%.60s«", GOLDEN, i, f->ics + i);
	}
	strbuf_release(&want);
	/* RFC 5545: CRLF line ends, lines of at most 75 octets */
	for (const char *p = f->ics; *p;) {
		const char *nl = strchr(p, '\n');
		assert_non_null(nl);
		assert_true(nl > p && nl[-1] == '\r');
		assert_true(nl - 1 - p <= 75);
		p = nl + 1;
	}
}

static const char *x_prop(icalcomponent *ev, const char *name, int nth)
{
	int i = 0;
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY)) {
		if (!strcmp(icalproperty_get_x_name(p), name) && i++ == nth)
			return icalproperty_get_x(p);
	}
	return NULL;
}

static void same_or_null(const char *got, const char *want)
{
	if (!want)
		assert_null(got);
	else
		assert_string_equal(got, want);
}

/* Every VEVENT reads back into its meeting, field by field. */
static void parse_back(void **state)
{
	struct ics_case *f = *state;
	icalcomponent *vtz = icalcomponent_get_first_component(f->cal, ICAL_VTIMEZONE_COMPONENT);
	assert_non_null(vtz);
	icaltimezone *tz = icaltimezone_new();
	assert_true(icaltimezone_set_component(tz, icalcomponent_new_clone(vtz)));
	assert_string_equal(icaltimezone_get_tzid(tz), ICS_TZID);
	icaltimezone *builtin = icaltimezone_get_builtin_timezone("Europe/Copenhagen");
	assert_non_null(builtin);

	size_t i = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(f->cal, ICAL_VEVENT_COMPONENT);
	     ev; ev = icalcomponent_get_next_component(f->cal, ICAL_VEVENT_COMPONENT), i++) {
		assert_true(i < f->l.nr);
		const struct meeting *m = &f->l.v[i];
		assert_string_equal(icalcomponent_get_uid(ev), m->uid);
		icalproperty *seq = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
		assert_int_equal(icalproperty_get_sequence(seq), m->sequence);
		assert_int_equal(icalcomponent_get_status(ev), m->status == MEETING_CANCELLED
								   ? ICAL_STATUS_CANCELLED
								   : ICAL_STATUS_CONFIRMED);
		/* DTSTART / DTEND: local wall time with TZID=Europe/Copenhagen */
		icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
		icalparameter *tzid = icalproperty_get_first_parameter(ps, ICAL_TZID_PARAMETER);
		assert_non_null(tzid);
		assert_string_equal(icalparameter_get_tzid(tzid), ICS_TZID);
		struct icaltimetype s = icalproperty_get_dtstart(ps);
		icalproperty *pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
		assert_non_null(icalproperty_get_first_parameter(pe, ICAL_TZID_PARAMETER));
		struct icaltimetype e = icalproperty_get_dtend(pe);
		long end_day;
		int end_min;
		meeting_end(m, &end_day, &end_min);
		struct date sd = cal_date(m->day), ed = cal_date(end_day);
		assert_int_equal(s.year, sd.y);
		assert_int_equal(s.month, sd.m);
		assert_int_equal(s.day, sd.d);
		assert_int_equal(s.hour * 60 + s.minute, m->start);
		assert_int_equal(e.year * 10000 + e.month * 100 + e.day,
				 ed.y * 10000 + ed.m * 100 + ed.d);
		assert_int_equal(e.hour * 60 + e.minute, end_min);
		/* the same instant through the file's VTIMEZONE, libical's own
		 * zone and the domain rule */
		time_t t_file = icaltime_as_timet_with_zone(s, tz);
		time_t t_builtin = icaltime_as_timet_with_zone(s, builtin);
		time_t t_domain =
		    ((time_t)m->day * 1440 + m->start - cal_cph_offset(m->day, m->start)) * 60;
		assert_int_equal(t_file, t_domain);
		assert_int_equal(t_builtin, t_domain);
		/* the meeting's own fields */
		same_or_null(x_prop(ev, "X-SSP-BODY", 0), m->body);
		same_or_null(x_prop(ev, "X-SSP-DISTRICT", 0), m->district);
		same_or_null(x_prop(ev, "X-SSP-INSTITUTION", 0), m->institution);
		same_or_null(x_prop(ev, "X-SSP-THEME", 0), m->theme);
		same_or_null(x_prop(ev, "X-SSP-STATUS", 0), meeting_status_id(m->status));
		for (size_t k = 0; k <= m->agenda.nr; k++)
			same_or_null(x_prop(ev, "X-SSP-AGENDA", (int)k),
				     k < m->agenda.nr ? m->agenda.v[k] : NULL);
		/* SUMMARY: the body's Danish name, then district and theme */
		const char *sum = icalcomponent_get_summary(ev);
		const struct org_body *b = org_find_body(&f->o, m->body);
		assert_non_null(b);
		assert_memory_equal(sum, b->name, strlen(b->name));
		if (m->theme)
			assert_non_null(strstr(sum, m->theme));
		if (m->district)
			assert_non_null(strstr(sum, org_find_district(&f->o, m->district)->name));
		const char *desc = icalcomponent_get_description(ev);
		assert_non_null(desc);
		for (size_t k = 0; k < m->agenda.nr; k++)
			assert_non_null(strstr(desc, m->agenda.v[k]));
		struct icaltimetype stamp = icalcomponent_get_dtstamp(ev);
		assert_int_equal(icaltime_as_timet(stamp), STAMP);
	}
	assert_int_equal(i, f->l.nr);
	icaltimezone_free(tz, 1);
}

/* The domain's EU rule, the file's VTIMEZONE and libical's zone agree on
 * the UTC offset of every day of 2000-2100 (noon), and hour by hour on
 * the days summer time starts and ends. */
static void offsets(void **state)
{
	struct ics_case *f = *state;
	icalcomponent *vtz = icalcomponent_get_first_component(f->cal, ICAL_VTIMEZONE_COMPONENT);
	icaltimezone *tz = icaltimezone_new();
	icaltimezone_set_component(tz, icalcomponent_new_clone(vtz));
	icaltimezone *builtin = icaltimezone_get_builtin_timezone("Europe/Copenhagen");
	for (long day = cal_ymd(2000, 1, 1); day <= cal_ymd(2100, 12, 31); day++) {
		struct date d = cal_date(day);
		bool transition = (d.m == 3 || d.m == 10) && d.d >= 25 && cal_weekday(day) == 7;
		for (int minute = transition ? 0 : 720; minute <= (transition ? 1380 : 720);
		     minute += 60) {
			/* the skipped hour in March has no defined offset */
			if (transition && d.m == 3 && minute == 120)
				continue;
			/* the repeated hour in October: the domain says summer time */
			if (transition && d.m == 10 && minute == 120)
				continue;
			struct icaltimetype t = icaltime_null_time();
			t.year = d.y;
			t.month = d.m;
			t.day = d.d;
			t.hour = minute / 60;
			int dst;
			int want = cal_cph_offset(day, minute) * 60;
			int got_file = icaltimezone_get_utc_offset(tz, &t, &dst);
			int got_builtin = icaltimezone_get_utc_offset(builtin, &t, &dst);
			if (got_file != want || got_builtin != want)
				fail_msg("%04d-%02d-%02d %02d:00: domain %d, file %d, libical %d",
					 d.y, d.m, d.d, t.hour, want, got_file, got_builtin);
		}
	}
	icaltimezone_free(tz, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(golden),
	    cmocka_unit_test(parse_back),
	    cmocka_unit_test(offsets),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
