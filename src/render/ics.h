/* ics.h - meetings as an iCalendar stream (RFC 5545), written with libical.
 *
 * One VCALENDAR (METHOD:PUBLISH) with a VTIMEZONE for Europe/Copenhagen
 * and one VEVENT per meeting: UID (stable across re-plans, so a calendar
 * client updates an event instead of duplicating it), SEQUENCE, DTSTAMP,
 * DTSTART and DTEND as local times with TZID=Europe/Copenhagen, SUMMARY in
 * Danish (body, district, theme), DESCRIPTION (theme, standing duties,
 * responsible, whether named individuals may be discussed), STATUS
 * (CONFIRMED, or CANCELLED for a cancelled meeting), and the meeting's
 * own fields as X-SSP-BODY, X-SSP-DISTRICT, X-SSP-THEME, X-SSP-AGENDA (one
 * per item), X-SSP-STATUS and X-SSP-AD-HOC, so the file reads back into
 * the same meetings (tests/unit/test_ics.c).
 *
 * The VTIMEZONE is the EU summer-time rule (in force since 1996), written
 * out rather than taken from libical's built-in zone: the built-in one
 * carries a "/freeassociation.sourceforge.net/" TZID prefix and the zone's
 * whole history since 1890, which some clients reject.
 */
#ifndef SSP_ICS_H
#define SSP_ICS_H

#include <time.h>

#include "domain/org.h"
#include "domain/plan.h"

#define ICS_TZID "Europe/Copenhagen"

/* Returns the calendar as a string (CRLF line ends; caller frees).
 * calname names the calendar (X-WR-CALNAME); dtstamp is the UTC time
 * stamped on every event (the time the calendar was produced; a fixed
 * value makes the output reproducible). o gives body and district names. */
char *ics_render(const struct org *o, const struct meeting_list *l, const char *calname,
		 time_t dtstamp);

/* Courses and events of the SSP-team (service/team.h) in the same frame:
 * one VEVENT per item with UID, DTSTAMP, DTSTART/DTEND (local times,
 * TZID=Europe/Copenhagen), SUMMARY, LOCATION, DESCRIPTION when given,
 * STATUS and X-SSP-KIND (the event kind's id). Caller frees. */
struct ics_item {
	const char *uid, *summary, *location, *description, *kind;
	long start_day, end_day;
	int start_min, end_min;
	int cancelled;
	int sequence; /* SEQUENCE: raised by each change of the item */
};
char *ics_render_items(const struct ics_item *v, size_t n, const char *calname, time_t dtstamp);

#endif
