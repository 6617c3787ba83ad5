/* Running meetings and calendars through the service layer
 * (service/meeting_run.c): who may run which meeting, the CPR refusal in
 * minutes and agenda of bodies without named individuals, attendance,
 * participants, the user's upcoming meetings, and private calendar
 * tokens (hashed, replaced, revoked, every use logged). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "service/audit.h"
#include "service/auth.h"
#include "service/meeting.h"
#include "service/meeting_run.h"
#include "store/store.h"
#include "fixture.h"
#include "test.h"

#define STRATEGY                                                                                   \
	"[kommune]\nnavn = Test Kommune\npolitikreds = P\n"                                        \
	"[distrikt \"a\"]\nnavn = A\n"                                                             \
	"[kategori \"k\"]\nnavn = K\n"                                                             \
	"[organ \"p115\"]\nnavn = P115\nniveau = udførende\nformål = f\nansvarlig = r\n"         \
	"navngivne-personer = ja\nfrekvens = hver 14. dag\nugedag = tirsdag\n"                     \
	"[organ \"sg\"]\nnavn = Styregruppe\nniveau = koordinerende\nformål = f\n"                \
	"ansvarlig = r\nnavngivne-personer = nej\nfrekvens = mindst 4 om året\n"                  \
	"opgave = Opgave et\nopgave = Opgave to\nårshjul-tema = T1\nårshjul-tema = T2\n"         \
	"[organ \"hot\"]\nnavn = Hotspot\nniveau = udførende\nformål = f\nansvarlig = r\n"       \
	"navngivne-personer = nej\nfrekvens = 1 om måneden\n"

static struct fixture fx;

static void add_user(const char *name, enum role role)
{
	fixture_add_user(&fx, name, name, role, NULL, NULL);
}

static int setup(void **state)
{
	(void)state;
	if (fixture_setup(&fx, "run", STRATEGY) < 0)
		return -1;
	add_user("sofie", ROLE_SSP);
	add_user("stine", ROLE_STEERING);
	add_user("kim", ROLE_CONTACT);
	add_user("ada", ROLE_ADMIN);
	struct org o;
	org_init(&o);
	struct replan_stats st;
	struct svc_result r = SVC_RESULT_INIT;
	int year = cal_date(svc_today()).y;
	for (int y = year; y <= year + 1; y++) {
		if (svc_plan_save(&fx.svc, &fx.cli, y, &o, &st, &r) < 0)
			return -1;
		org_release(&o);
		org_init(&o);
	}
	org_release(&o);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

/* The id of the first stored meeting of body next year. */
static long long first_of(const char *body)
{
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(
	    svc_meetings_list(&fx.svc, &fx.cli, cal_date(svc_today()).y + 1, body, &o, &l, &r), 0);
	assert_true(l.nr > 0);
	long long id = l.v[0].id;
	meeting_list_release(&l);
	org_release(&o);
	return id;
}

static void proposed_agenda_and_view(void **state)
{
	(void)state;
	struct actor kim = fixture_actor(&fx, "kim");
	struct org o;
	org_init(&o);
	struct meeting_view v;
	struct svc_result r = SVC_RESULT_INIT;
	assert_int_equal(svc_meeting_view(&fx.svc, &kim, first_of("sg"), &o, &v, &r), 0);
	assert_false(v.agenda_stored);
	assert_int_equal(v.agenda.nr, 3); /* theme, two tasks */
	assert_string_equal(v.agenda.v[0], "Årshjulets tema: T1");
	assert_string_equal(v.agenda.v[2], "Opgave to");
	assert_false(v.can_run); /* kontaktperson */
	assert_false(v.can_plan);
	assert_true(v.minutes_visible); /* no named individuals: general minutes */
	meeting_view_release(&v);
	org_release(&o);
}

static void minutes_refuse_cpr_without_named_individuals(void **state)
{
	(void)state;
	struct actor sofie = fixture_actor(&fx, "sofie");
	struct svc_result r = SVC_RESULT_INIT;
	long long hot = first_of("hot"), p115 = first_of("p115");
	const char *text = "Uro ved stationen.\r\nEn ung (150709-1234) blev nævnt.";
	assert_int_equal(svc_meeting_minutes_save(&fx.svc, &sofie, hot, text, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	assert_string_equal(r.field, "minutes");
	assert_non_null(strstr(r.message, "CPR-nummer (linje 2)"));
	assert_non_null(strstr(r.message, "§ 115-møde"));
	assert_non_null(strstr(r.message, "Hotspot"));
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "meeting.minutes", "refused"), 1);
	/* a number failing modulus 11 is refused too, and so in the agenda */
	assert_int_equal(svc_meeting_agenda_save(&fx.svc, &sofie, hot, "Punkt\n0102031234", &r),
			 -1);
	assert_string_equal(r.field, "agenda");
	svc_result_clear(&r);
	/* trends only: fine */
	assert_int_equal(
	    svc_meeting_minutes_save(&fx.svc, &sofie, hot, "Uro ved stationen om aftenen.\r\n", &r),
	    0);
	/* the § 115-møde discusses named young people: accepted */
	assert_int_equal(svc_meeting_minutes_save(&fx.svc, &sofie, p115, text, &r), 0);
	struct org o;
	org_init(&o);
	struct meeting_view v;
	assert_int_equal(svc_meeting_view(&fx.svc, &sofie, hot, &o, &v, &r), 0);
	assert_string_equal(v.minutes.text, "Uro ved stationen om aftenen.");
	assert_string_equal(v.minutes.updated_by, "sofie");
	meeting_view_release(&v);
	org_release(&o);
	/* reading § 115 minutes is logged; a kontaktperson does not see them */
	org_init(&o);
	assert_int_equal(svc_meeting_view(&fx.svc, &sofie, p115, &o, &v, &r), 0);
	assert_non_null(strstr(v.minutes.text, "150709-1234"));
	meeting_view_release(&v);
	org_release(&o);
	assert_int_equal(fixture_count_log(&fx, "meeting.minutes.view", "ok"), 1);
	struct actor kim = fixture_actor(&fx, "kim");
	org_init(&o);
	assert_int_equal(svc_meeting_view(&fx.svc, &kim, p115, &o, &v, &r), 0);
	assert_false(v.minutes_visible);
	assert_null(v.minutes.text);
	meeting_view_release(&v);
	org_release(&o);
	assert_int_equal(fixture_count_log(&fx, "meeting.minutes.view", "ok"), 1);
}

static void who_may_run(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	long long sg = first_of("sg"), p115 = first_of("p115");
	struct actor kim = fixture_actor(&fx, "kim"), stine = fixture_actor(&fx, "stine"),
		     ada = fixture_actor(&fx, "ada");
	assert_int_equal(svc_meeting_minutes_save(&fx.svc, &kim, sg, "x", &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_meeting_minutes_save(&fx.svc, &ada, sg, "x", &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	/* styregruppe: only its own bodies */
	assert_int_equal(svc_meeting_minutes_save(&fx.svc, &stine, sg, "x", &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	assert_non_null(strstr(r.message, "deltager ikke"));
	svc_result_clear(&r);
	bool changed;
	assert_int_equal(svc_participant_add(&fx.svc, &fx.cli, "sg", "stine", &changed, &r), 0);
	assert_true(changed);
	assert_int_equal(svc_participant_add(&fx.svc, &fx.cli, "sg", "stine", &changed, &r), 0);
	assert_false(changed);
	assert_int_equal(svc_meeting_minutes_save(&fx.svc, &stine, sg, "Tendenser.", &r), 0);
	/* ... never where named young people are discussed */
	assert_int_equal(svc_participant_add(&fx.svc, &fx.cli, "p115", "stine", &changed, &r), 0);
	assert_int_equal(svc_meeting_minutes_save(&fx.svc, &stine, p115, "x", &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	/* only an admin assigns participants */
	assert_int_equal(svc_participant_add(&fx.svc, &stine, "sg", "kim", &changed, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_participant_add(&fx.svc, &fx.cli, "findes-ikke", "kim", &changed, &r),
			 -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	assert_int_equal(svc_participant_add(&fx.svc, &fx.cli, "sg", "findes-ikke", &changed, &r),
			 -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	/* every refusal is logged under the call's name: kim's and ada's
	 * (the role), stine's twice (not a participant; named young people) */
	assert_int_equal(fixture_count_log(&fx, "meeting.minutes", "refused"), 4);
	assert_int_equal(fixture_count_log(&fx, "meeting.minutes", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "participant.add", "refused"), 1);
	assert_int_equal(fixture_count_log(&fx, "participant.add", "failed"), 2);
	/* a meeting that does not exist: a failed call, nothing stored */
	assert_int_equal(svc_meeting_minutes_save(&fx.svc, &fx.cli, 999999, "x", &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "meeting.minutes", "failed"), 1);
}

static void attendance_and_agenda(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor sofie = fixture_actor(&fx, "sofie"), kim = fixture_actor(&fx, "kim");
	bool changed;
	assert_int_equal(svc_participant_add(&fx.svc, &fx.cli, "hot", "kim", &changed, &r), 0);
	long long hot = first_of("hot");
	struct person_list att = {0};
	struct person *p = person_list_add(&att);
	p->user_id = kim.user_id;
	p->present = false;
	p = person_list_add(&att);
	p->name = strdup("Gæst Gæstesen");
	p->org = strdup("Foreningen");
	p->present = true;
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, hot, &att, &r), 0);
	/* a user who takes no part is refused */
	att.v[0].user_id = sofie.user_id;
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, hot, &att, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	att.v[0].user_id = kim.user_id;
	free(att.v[1].name);
	att.v[1].name = strdup("");
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, hot, &att, &r), -1);
	assert_string_equal(r.field, "guest_name");
	svc_result_clear(&r);
	person_list_release(&att);

	assert_int_equal(svc_meeting_agenda_save(&fx.svc, &sofie, hot, "  Et\r\n\r\nTo  \n", &r),
			 0);
	struct org o;
	org_init(&o);
	struct meeting_view v;
	assert_int_equal(svc_meeting_view(&fx.svc, &sofie, hot, &o, &v, &r), 0);
	assert_true(v.can_run);
	assert_true(v.agenda_stored);
	assert_int_equal(v.agenda.nr, 2);
	assert_string_equal(v.agenda.v[1], "To");
	assert_int_equal(v.attendance.nr, 2);
	assert_int_equal(v.attendance.v[0].user_id, kim.user_id);
	assert_false(v.attendance.v[0].present);
	assert_string_equal(v.attendance.v[1].name, "Gæst Gæstesen");
	assert_true(v.attendance.v[1].present);
	assert_int_equal(v.participants.nr, 1);
	meeting_view_release(&v);
	org_release(&o);
	/* emptied by hand stays empty */
	assert_int_equal(svc_meeting_agenda_save(&fx.svc, &sofie, hot, "\n", &r), 0);
	org_init(&o);
	assert_int_equal(svc_meeting_view(&fx.svc, &sofie, hot, &o, &v, &r), 0);
	assert_true(v.agenda_stored);
	assert_int_equal(v.agenda.nr, 0);
	meeting_view_release(&v);
	org_release(&o);
	assert_int_equal(fixture_count_log(&fx, "meeting.attendance", "ok"), 1);
	assert_int_equal(fixture_count_log(&fx, "meeting.agenda", "ok"), 2);
}

static void my_meetings(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor sofie = fixture_actor(&fx, "sofie");
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	size_t bodies;
	assert_int_equal(svc_my_meetings(&fx.svc, &sofie, 5, &o, &l, &bodies, &r), 0);
	assert_int_equal(bodies, 0);
	assert_int_equal(l.nr, 0);
	org_release(&o);
	bool changed;
	assert_int_equal(svc_participant_add(&fx.svc, &fx.cli, "p115", "sofie", &changed, &r), 0);
	org_init(&o);
	assert_int_equal(svc_my_meetings(&fx.svc, &sofie, 5, &o, &l, &bodies, &r), 0);
	assert_int_equal(bodies, 1);
	assert_int_equal(l.nr, 5);
	long today = svc_today();
	for (size_t i = 0; i < l.nr; i++) {
		assert_string_equal(l.v[i].body, "p115");
		assert_true(l.v[i].day >= today);
		assert_true(i == 0 || l.v[i].day > l.v[i - 1].day);
	}
	meeting_list_release(&l);
	org_release(&o);
}

static void calendar_tokens(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor sofie = fixture_actor(&fx, "sofie"), kim = fixture_actor(&fx, "kim");
	bool changed;
	assert_int_equal(svc_participant_add(&fx.svc, &fx.cli, "hot", "sofie", &changed, &r), 0);
	char tok[AUTH_SECRET_LEN + 1], tok2[AUTH_SECRET_LEN + 1];
	char *created = NULL;
	assert_int_equal(svc_caltoken_status(&fx.svc, &sofie, &created, &r), 0);
	assert_null(created);
	assert_int_equal(svc_caltoken_create(&fx.svc, &sofie, NULL, tok, &r), 0);
	assert_int_equal(strlen(tok), AUTH_SECRET_LEN);
	assert_int_equal(svc_caltoken_status(&fx.svc, &sofie, &created, &r), 0);
	assert_non_null(created);
	free(created);

	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	char *owner = NULL;
	assert_int_equal(svc_calendar_feed(&fx.svc, tok, "1.2.3.4", &o, &l, &owner, &r), 0);
	assert_string_equal(owner, "sofie");
	assert_true(l.nr >= 12); /* hotspot: a year and more */
	for (size_t i = 0; i < l.nr; i++)
		assert_string_equal(l.v[i].body, "hot");
	free(owner);
	meeting_list_release(&l);
	org_release(&o);
	assert_int_equal(fixture_count_log(&fx, "calendar.feed", "ok"), 1);

	/* the token is stored hashed: not in the database */
	sqlite3 *db;
	sqlite3_open(fx.path, &db);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT count(*) FROM calendar_token WHERE hash = ?", -1, &st, NULL);
	sqlite3_bind_blob(st, 1, tok, (int)strlen(tok), SQLITE_STATIC);
	sqlite3_step(st);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);

	/* a new address replaces the old one */
	assert_int_equal(svc_caltoken_create(&fx.svc, &sofie, NULL, tok2, &r), 0);
	org_init(&o);
	assert_int_equal(svc_calendar_feed(&fx.svc, tok, "1.2.3.4", &o, &l, &owner, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	org_release(&o);
	/* wrong, short, empty */
	const char *bad[] = {"x", "", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"};
	for (size_t i = 0; i < 3; i++) {
		org_init(&o);
		assert_int_equal(svc_calendar_feed(&fx.svc, bad[i], "1.2.3.4", &o, &l, &owner, &r),
				 -1);
		assert_int_equal(r.status, SVC_NOT_FOUND);
		svc_result_clear(&r);
		org_release(&o);
	}
	/* failed anonymous attempts are counted per address and minute, not
	 * logged one by one (test_auth.c: anonymous_failures_aggregated) */
	assert_int_equal(fixture_count_log(&fx, "calendar.feed", "failed"), 0);
	/* another user's address: only an admin (here the command line) */
	int n = 0;
	assert_int_equal(svc_caltoken_revoke(&fx.svc, &kim, "sofie", &n, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(svc_caltoken_revoke(&fx.svc, &fx.cli, "sofie", &n, &r), 0);
	assert_int_equal(n, 1);
	org_init(&o);
	assert_int_equal(svc_calendar_feed(&fx.svc, tok2, "1.2.3.4", &o, &l, &owner, &r), -1);
	svc_result_clear(&r);
	org_release(&o);
	/* a disabled user's address stops working */
	assert_int_equal(svc_caltoken_create(&fx.svc, &fx.cli, "kim", tok, &r), 0);
	assert_int_equal(svc_user_disable(&fx.svc, &fx.cli, "kim", &r), 0);
	org_init(&o);
	assert_int_equal(svc_calendar_feed(&fx.svc, tok, "1.2.3.4", &o, &l, &owner, &r), -1);
	svc_result_clear(&r);
	org_release(&o);
	assert_int_equal(svc_caltoken_create(&fx.svc, &fx.cli, "kim", tok, &r), -1);
	assert_int_equal(r.status, SVC_CONFLICT);
	svc_result_clear(&r);
}

static void body_calendar(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor kim = fixture_actor(&fx, "kim");
	struct org o;
	org_init(&o);
	struct meeting_list l = MEETING_LIST_INIT;
	assert_int_equal(svc_calendar_body(&fx.svc, &kim, "sg", &o, &l, &r), 0);
	/* last year computed (not stored), this and next year stored */
	assert_true(l.nr >= 12);
	int year = cal_date(svc_today()).y;
	assert_int_equal(cal_date(l.v[0].day).y, year - 1);
	assert_int_equal(cal_date(l.v[l.nr - 1].day).y, year + 1);
	meeting_list_release(&l);
	org_release(&o);
	org_init(&o);
	assert_int_equal(svc_calendar_body(&fx.svc, &kim, "nej", &o, &l, &r), -1);
	assert_int_equal(r.status, SVC_NOT_FOUND);
	svc_result_clear(&r);
	org_release(&o);
}

/* The one text policy (domain/text_policy.h) guards every free-text field
 * of a meeting: theme, agenda, minutes, guests' names and organisations. */
static void every_field_passes_the_text_policy(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor sofie = fixture_actor(&fx, "sofie");
	long long hot = first_of("hot"), p115 = first_of("p115");
	struct meeting m;
	long day = cal_days((struct date){cal_date(svc_today()).y + 1, 3, 10}); /* a Wednesday */
	while (cal_weekday(day) > 5)
		day++;
	/* theme: CPR-like at a hotspot meeting, and at a § 115-møde too (every
	 * role and the calendar feeds see it) */
	static const char *const bad_themes[] = {"Peter Jensen 010203-1234",
						 "Peter Jensen 010203 1234", "Tema\nlinje to",
						 "Tema\x1b[2J"};
	for (size_t i = 0; i < sizeof(bad_themes) / sizeof(bad_themes[0]); i++) {
		const char *body = i == 0 ? "p115" : "hot";
		assert_int_equal(svc_meeting_add(&fx.svc, &fx.cli, body, NULL, day, 600, 60,
						 bad_themes[i], &m, &r),
				 -1);
		assert_int_equal(r.status, SVC_INVALID);
		assert_string_equal(r.field, "theme");
		assert_non_null(strstr(r.message, "Temaet"));
		svc_result_clear(&r);
	}
	assert_int_equal(
	    svc_meeting_add(&fx.svc, &fx.cli, "hot", NULL, day, 600, 60, "  Tryghed  ", &m, &r), 0);
	assert_string_equal(m.theme, "Tryghed");
	meeting_release(&m);

	/* guests: CPR-like where named young people are not discussed,
	 * control characters and line breaks anywhere */
	struct person_list att = {0};
	struct person *p = person_list_add(&att);
	p->name = strdup("Mor til 01.02.03-1234");
	p->org = strdup("Privat");
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, hot, &att, &r), -1);
	assert_string_equal(r.field, "guest_name");
	assert_non_null(strstr(r.message, "CPR-nummer"));
	assert_non_null(strstr(r.message, "Hotspot"));
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "meeting.attendance", "refused"), 1);
	free(att.v[0].name);
	att.v[0].name = strdup("Gæst\nMed linjeskift");
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, hot, &att, &r), -1);
	assert_string_equal(r.field, "guest_name");
	svc_result_clear(&r);
	free(att.v[0].name);
	att.v[0].name = strdup("Gæst Gæstesen");
	free(att.v[0].org);
	att.v[0].org = strdup("Org\xe2\x80\xae");
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, hot, &att, &r), -1);
	assert_string_equal(r.field, "guest_org");
	svc_result_clear(&r);
	/* at a § 115-møde a guest may be named by relation */
	free(att.v[0].org);
	att.v[0].org = strdup("  Privat ");
	free(att.v[0].name);
	att.v[0].name = strdup("Mor til 010203-1234");
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, p115, &att, &r), 0);
	person_list_release(&att);
	struct org o;
	org_init(&o);
	struct meeting_view v;
	assert_int_equal(svc_meeting_view(&fx.svc, &sofie, p115, &o, &v, &r), 0);
	assert_string_equal(v.attendance.v[0].org, "Privat");
	meeting_view_release(&v);
	org_release(&o);

	/* agenda and minutes: line breaks and tabs yes, other controls no */
	assert_int_equal(svc_meeting_agenda_save(&fx.svc, &sofie, hot, "Et\nTo\x07", &r), -1);
	assert_string_equal(r.field, "agenda");
	assert_non_null(strstr(r.message, "linje 2"));
	svc_result_clear(&r);
	assert_int_equal(svc_meeting_agenda_save(&fx.svc, &sofie, hot, "Et\n010203/1234", &r), -1);
	assert_non_null(strstr(r.message, "CPR-nummer"));
	svc_result_clear(&r);
	assert_int_equal(
	    svc_meeting_minutes_save(&fx.svc, &sofie, hot, "Punkt\tnoter\x1b]0;x\x07", &r), -1);
	assert_string_equal(r.field, "minutes");
	svc_result_clear(&r);
	assert_int_equal(
	    svc_meeting_minutes_save(&fx.svc, &sofie, hot, "En ung (01 02 03-1234) blev nævnt", &r),
	    -1);
	svc_result_clear(&r);
	assert_int_equal(
	    svc_meeting_minutes_save(&fx.svc, &sofie, hot, "Punkt\tnoter\r\nlinje to", &r), 0);
}

/* Attendance at a body where named young people are discussed follows the
 * minutes' rule: hidden from who does not run the meeting, each read
 * logged. */
static void attendance_is_need_to_know(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct actor sofie = fixture_actor(&fx, "sofie"), kim = fixture_actor(&fx, "kim"),
		     ada = fixture_actor(&fx, "ada"), stine = fixture_actor(&fx, "stine");
	long long p115 = first_of("p115"), hot = first_of("hot");
	struct person_list att = {0};
	struct person *p = person_list_add(&att);
	p->name = strdup("Mor til Peter");
	p->org = strdup("Privat");
	p->present = true;
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, p115, &att, &r), 0);
	assert_int_equal(svc_meeting_attendance_save(&fx.svc, &sofie, hot, &att, &r), 0);
	person_list_release(&att);
	const struct actor *hidden[] = {&kim, &ada, &stine};
	for (size_t i = 0; i < 3; i++) {
		struct org o;
		org_init(&o);
		struct meeting_view v;
		assert_int_equal(svc_meeting_view(&fx.svc, hidden[i], p115, &o, &v, &r), 0);
		assert_false(v.attendance_visible);
		assert_int_equal(v.attendance.nr, 0);
		meeting_view_release(&v);
		org_release(&o);
		org_init(&o);
		/* a hotspot meeting's attendance is for everyone, unlogged */
		assert_int_equal(svc_meeting_view(&fx.svc, hidden[i], hot, &o, &v, &r), 0);
		assert_true(v.attendance_visible);
		assert_int_equal(v.attendance.nr, 1);
		meeting_view_release(&v);
		org_release(&o);
	}
	assert_int_equal(fixture_count_log(&fx, "meeting.attendance.view", NULL), 0);
	struct org o;
	org_init(&o);
	struct meeting_view v;
	assert_int_equal(svc_meeting_view(&fx.svc, &sofie, p115, &o, &v, &r), 0);
	assert_true(v.attendance_visible);
	assert_string_equal(v.attendance.v[0].name, "Mor til Peter");
	meeting_view_release(&v);
	org_release(&o);
	assert_int_equal(fixture_count_log(&fx, "meeting.attendance.view", "ok"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(proposed_agenda_and_view, setup, teardown),
	    cmocka_unit_test_setup_teardown(minutes_refuse_cpr_without_named_individuals, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(who_may_run, setup, teardown),
	    cmocka_unit_test_setup_teardown(attendance_and_agenda, setup, teardown),
	    cmocka_unit_test_setup_teardown(every_field_passes_the_text_policy, setup, teardown),
	    cmocka_unit_test_setup_teardown(attendance_is_need_to_know, setup, teardown),
	    cmocka_unit_test_setup_teardown(my_meetings, setup, teardown),
	    cmocka_unit_test_setup_teardown(calendar_tokens, setup, teardown),
	    cmocka_unit_test_setup_teardown(body_calendar, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
