#include "render/ics.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/banned.h"

#ifndef SSP_VERSION
#define SSP_VERSION "0"
#endif

static const char vtimezone[] = "BEGIN:VTIMEZONE\r\n"
				"TZID:" ICS_TZID "\r\n"
				"X-LIC-LOCATION:" ICS_TZID "\r\n"
				"BEGIN:DAYLIGHT\r\n"
				"TZNAME:CEST\r\n"
				"TZOFFSETFROM:+0100\r\n"
				"TZOFFSETTO:+0200\r\n"
				"DTSTART:19700329T020000\r\n"
				"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
				"END:DAYLIGHT\r\n"
				"BEGIN:STANDARD\r\n"
				"TZNAME:CET\r\n"
				"TZOFFSETFROM:+0200\r\n"
				"TZOFFSETTO:+0100\r\n"
				"DTSTART:19701025T030000\r\n"
				"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
				"END:STANDARD\r\n"
				"END:VTIMEZONE\r\n";

/* A floating local time; the TZID parameter says whose. */
static struct icaltimetype local_time(long day, int minute)
{
	struct date d = cal_date(day);
	struct icaltimetype t = icaltime_null_time();
	t.year = d.y;
	t.month = d.m;
	t.day = d.d;
	t.hour = minute / 60;
	t.minute = minute % 60;
	t.second = 0;
	t.is_date = 0;
	return t;
}

static icalproperty *with_tzid(icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(ICS_TZID));
	return p;
}

static void add_x(icalcomponent *ev, const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(ev, p);
}

static void summary(const struct org *o, const struct org_body *b, const struct meeting *m,
		    struct strbuf *sb)
{
	strbuf_addstr(sb, b && b->name ? b->name : m->body);
	if (m->institution) {
		const struct org_institution *x = org_find_institution(o, m->institution);
		strbuf_addf(sb, " (%s)", x && x->name ? x->name : m->institution);
	} else if (m->district) {
		const struct org_district *d = org_find_district(o, m->district);
		strbuf_addf(sb, " (%s)", d && d->name ? d->name : m->district);
	}
	if (m->theme)
		strbuf_addf(sb, ": %s", m->theme);
	if (m->status == MEETING_CANCELLED)
		strbuf_addf(sb, " [%s]", meeting_status_label(m->status));
}

static void description(const struct org_body *b, const struct meeting *m, struct strbuf *sb)
{
	if (m->theme)
		strbuf_addf(sb, _("Tema: %s\n"), m->theme);
	for (size_t i = 0; i < m->agenda.nr; i++)
		strbuf_addf(sb, _("Dagsordenspunkt: %s\n"), m->agenda.v[i]);
	if (b && b->responsible)
		strbuf_addf(sb, _("Ansvarlig: %s\n"), b->responsible);
	if (b && !b->named_individuals) {
		/* the strategy's own reason only where it gives one */
		strbuf_addstr(sb, _("Navngivne børn og unge drøftes ikke på dette møde."));
		if (b->named_reason)
			strbuf_addf(sb, _(" Strategien: »%s«"), b->named_reason);
		strbuf_addch(sb, '\n');
	}
	if (m->ad_hoc)
		strbuf_addstr(sb, _("Ad hoc-møde.\n"));
	strbuf_rtrim(sb);
}

char *ics_render(const struct org *o, const struct meeting_list *l, const char *calname,
		 time_t dtstamp)
{
	icalcomponent *cal =
	    icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
				icalproperty_new_prodid("-//SSP//ssp " SSP_VERSION "//DA"),
				icalproperty_new_calscale("GREGORIAN"),
				icalproperty_new_method(ICAL_METHOD_PUBLISH), (void *)0);
	if (calname) {
		icalproperty *p = icalproperty_new_x(calname);
		icalproperty_set_x_name(p, "X-WR-CALNAME");
		icalcomponent_add_property(cal, p);
	}
	icalproperty *tzp = icalproperty_new_x(ICS_TZID);
	icalproperty_set_x_name(tzp, "X-WR-TIMEZONE");
	icalcomponent_add_property(cal, tzp);
	icalcomponent_add_component(cal, icalcomponent_new_from_string(vtimezone));

	struct icaltimetype stamp =
	    icaltime_from_timet_with_zone(dtstamp, 0, icaltimezone_get_utc_timezone());
	for (size_t i = 0; i < l->nr; i++) {
		const struct meeting *m = &l->v[i];
		const struct org_body *b = org_find_body(o, m->body);
		long end_day;
		int end_min;
		meeting_end(m, &end_day, &end_min);
		struct strbuf sum = STRBUF_INIT, desc = STRBUF_INIT;
		summary(o, b, m, &sum);
		description(b, m, &desc);
		icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		icalcomponent_add_property(ev, icalproperty_new_uid(m->uid ? m->uid : ""));
		icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
		icalcomponent_add_property(ev, icalproperty_new_sequence(m->sequence));
		icalcomponent_add_property(
		    ev, with_tzid(icalproperty_new_dtstart(local_time(m->day, m->start))));
		icalcomponent_add_property(
		    ev, with_tzid(icalproperty_new_dtend(local_time(end_day, end_min))));
		icalcomponent_add_property(ev, icalproperty_new_summary(sum.buf));
		if (desc.len)
			icalcomponent_add_property(ev, icalproperty_new_description(desc.buf));
		icalcomponent_add_property(ev, icalproperty_new_categories("SSP"));
		icalcomponent_add_property(ev,
					   icalproperty_new_status(m->status == MEETING_CANCELLED
								       ? ICAL_STATUS_CANCELLED
								       : ICAL_STATUS_CONFIRMED));
		icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
		/* the meeting's own fields, so the file reads back without loss */
		add_x(ev, "X-SSP-BODY", m->body);
		if (m->district)
			add_x(ev, "X-SSP-DISTRICT", m->district);
		if (m->institution)
			add_x(ev, "X-SSP-INSTITUTION", m->institution);
		if (m->theme)
			add_x(ev, "X-SSP-THEME", m->theme);
		for (size_t k = 0; k < m->agenda.nr; k++)
			add_x(ev, "X-SSP-AGENDA", m->agenda.v[k]);
		add_x(ev, "X-SSP-STATUS", meeting_status_id(m->status));
		if (m->ad_hoc)
			add_x(ev, "X-SSP-AD-HOC", "TRUE");
		icalcomponent_add_component(cal, ev);
		strbuf_release(&sum);
		strbuf_release(&desc);
	}
	char *s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	return s;
}

char *ics_render_items(const struct ics_item *v, size_t n, const char *calname, time_t dtstamp)
{
	icalcomponent *cal =
	    icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
				icalproperty_new_prodid("-//SSP//ssp " SSP_VERSION "//DA"),
				icalproperty_new_calscale("GREGORIAN"),
				icalproperty_new_method(ICAL_METHOD_PUBLISH), (void *)0);
	if (calname)
		add_x(cal, "X-WR-CALNAME", calname);
	add_x(cal, "X-WR-TIMEZONE", ICS_TZID);
	icalcomponent_add_component(cal, icalcomponent_new_from_string(vtimezone));
	struct icaltimetype stamp =
	    icaltime_from_timet_with_zone(dtstamp, 0, icaltimezone_get_utc_timezone());
	for (size_t i = 0; i < n; i++) {
		const struct ics_item *it = &v[i];
		icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		icalcomponent_add_property(ev, icalproperty_new_uid(it->uid ? it->uid : ""));
		icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
		icalcomponent_add_property(ev, icalproperty_new_sequence(it->sequence));
		icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtstart(
						   local_time(it->start_day, it->start_min))));
		icalcomponent_add_property(
		    ev, with_tzid(icalproperty_new_dtend(local_time(it->end_day, it->end_min))));
		icalcomponent_add_property(
		    ev, icalproperty_new_summary(it->summary ? it->summary : ""));
		if (it->location)
			icalcomponent_add_property(ev, icalproperty_new_location(it->location));
		if (it->description && *it->description)
			icalcomponent_add_property(ev,
						   icalproperty_new_description(it->description));
		icalcomponent_add_property(ev, icalproperty_new_categories("SSP"));
		icalcomponent_add_property(
		    ev, icalproperty_new_status(it->cancelled ? ICAL_STATUS_CANCELLED
							      : ICAL_STATUS_CONFIRMED));
		if (it->kind)
			add_x(ev, "X-SSP-KIND", it->kind);
		icalcomponent_add_component(cal, ev);
	}
	char *s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	return s;
}
