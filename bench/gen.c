/* gen.c - the benchmark's data generator (issue 10): a seeded, reproducible
 * history of YEARS years (default 10, ending this year) made through the
 * service layer, the same code paths as the doors (permissions, sealing,
 * the CPR blind index, the access log):
 *
 *   bench/gen --db PATH [--scale F] [--seed N] [--years N] [--strategy FILE]
 *
 * At --scale 1: 200,000 people, about 100,000 concerns with about 300,000
 * actions, and about 5,000,000 access-log entries; every count is scaled
 * by F (--scale 0.01 for a quick run). The database must not exist.
 *
 * How the history is made. The clock of the service is pinned
 * (util/wallclock.h; only this program does that) to each moment in turn,
 * so created_at, opened_at and the access log's "at" spread over the years:
 *   - the strategy is loaded and every year planned (svc_plan_save) on
 *     2 January of that year; users: 6 SSP, 4 police, 3 children and
 *     families, 3 youth unit, 2 steering group, 1 auditor (fast password
 *     hashing: they never sign in; the benchmark adds its own user);
 *   - for each planned § 115 meeting up to today, in order, the day before
 *     it: the meeting's share of the people is registered (svc_person_add,
 *     with a CPR number) and put on its agenda, 80 % as a police hand-over
 *     (contact 1-12 days before) and 20 % as a referral screened onto the
 *     agenda; concerns whose closing day has come are closed;
 *   - on the meeting's day: half of the items are decided into a concern
 *     (svc_concern_decide) with 1-5 actions (10/25/35/20/10 %, mean 2.95),
 *     the meeting is closed (the other hand-overs are deleted, as the law
 *     requires) and marked held; 85 % of the concerns get a closing day
 *     30-400 days later, the rest stay open;
 *   - 7-60 days after the decision (on the day before a meeting, before
 *     closing), an SSP worker reads the concern and reports 90 % of its
 *     actions done (svc_action_change); the rest stay open, follow-ups on
 *     the agenda while the concern is open;
 *   - reads (svc_person_get, svc_concern_get, svc_agenda) of earlier
 *     records fill the access log up to its share for the meeting.
 * Distributions: age at registration 10-13 20 %, 14-15 35 %, 16-17 30 %,
 * 18-24 15 % (SSP+), uniform within a band; category 1-4 of the strategy
 * 40/30/20/10 %; institution (and so district) uniform over the
 * strategy's institutions; the birth day within the year uniform.
 *
 * The same seed, scale and years give the same sequence of calls; run on
 * different days, "today" and so the meetings differ. Progress goes to
 * stderr, one summary line to stdout. Write the database on a fast disk
 * (the benchmark uses /dev/shm): every access-log entry is its own commit
 * (and its own write of the checkpoint file), one thread, one connection:
 * the reads' entries are what a CLI command writes, not a server's group
 * commit. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "domain/calendar.h"
#include "domain/org.h"
#include "domain/plan.h"
#include "service/auth.h"
#include "service/concern.h"
#include "service/followup.h"
#include "service/meeting.h"
#include "service/service.h"
#include "store/user_store.h"
#include "util/diag.h"
#include "util/file.h"
#include "util/strbuf.h"
#include "util/strlist.h"
#include "util/wallclock.h"
#include "util/xalloc.h"

/* ---- a small seeded generator (xorshift64*): reproducible everywhere ---- */

static uint64_t rng_state = 88172645463325252ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* uniform in [lo, hi] */
static long pick(long lo, long hi)
{
	return lo + (long)(rnd() % (uint64_t)(hi - lo + 1));
}

/* index into weights (percent, summing to 100) */
static int weighted(const int *w, int n)
{
	int x = (int)pick(0, 99), acc = 0;
	for (int i = 0; i < n; i++) {
		acc += w[i];
		if (x < acc)
			return i;
	}
	return n - 1;
}

/* ---- the pinned clock ---------------------------------------------------- */

static struct timespec clock_at;

static void pin_day(long day, int utc_hour)
{
	clock_at.tv_sec = (time_t)day * 86400 + utc_hour * 3600;
	clock_at.tv_nsec = 0;
	wallclock_pin(&clock_at);
}

/* a few seconds pass between calls */
static void tick(void)
{
	clock_at.tv_sec += pick(1, 20);
	clock_at.tv_nsec = (long)pick(0, 999) * 1000000;
	wallclock_pin(&clock_at);
}

/* ---- bookkeeping ----------------------------------------------------------- */

struct counts {
	long people, existing, handovers, referrals, concerns, actions, done, closed, meetings,
	    reads, calls, failures;
};
static struct counts n;

static struct service svc;

static void check(int rc, struct svc_result *r, const char *what)
{
	n.calls++;
	if (rc < 0) {
		n.failures++;
		if (n.failures <= 10)
			fprintf(stderr, "gen: %s: %s%s%s\n", what, r->message ? r->message : "?",
				r->field ? " – " : "", r->field ? r->field : "");
	}
	svc_result_clear(r);
	tick();
}

static struct actor actor_of(const char *username)
{
	struct user_row row;
	char *err = NULL;
	struct actor a;
	memset(&a, 0, sizeof(a));
	if (store_user_by_name(svc.store, username, &row, &err) != 0) {
		fprintf(stderr, "gen: no user %s: %s\n", username, err ? err : "");
		exit(1);
	}
	a.user_id = row.info.id;
	snprintf(a.username, sizeof(a.username), "%s", username);
	a.role = row.info.role;
	snprintf(a.client, sizeof(a.client), "127.0.0.1");
	user_row_release(&row);
	return a;
}

struct item {
	enum agenda_kind kind;
	long long id, person;
};

struct open_concern {
	long long id;
	long work_day;  /* its actions are done (LONG_MAX: already) */
	long close_day; /* LONG_MAX: stays open */
};

static const char *first_names[] = {"Emil",   "Noah",  "William", "Oscar", "Lucas", "Alma",
				    "Ida",    "Freja", "Clara",   "Ella",  "Karl",  "Laura",
				    "Malthe", "Sofie", "Victor",  "Emma"};
static const char *last_names[] = {"Nielsen",     "Jensen", "Hansen",     "Pedersen",  "Andersen",
				   "Christensen", "Larsen", "Sørensen",   "Rasmussen", "Jørgensen",
				   "Petersen",    "Madsen", "Kristensen", "Olsen",     "Thomsen"};
static const char *action_types[] = {"bekymringssamtale", "hjemmebesoeg",      "netvaerksmoede",
				     "underretning",      "bekymringssamtale", "netvaerksmoede"};
static const char *summaries[] = {"Antruffet ved butikstyveri sammen med ældre kammerater.",
				  "Set i gruppe ved stationen sent om aftenen; uro og hærværk.",
				  "Skolen oplyser stigende fravær og konflikter i frikvartererne.",
				  "Antruffet med euforiserende stoffer ved ungdomsklubben.",
				  "Involveret i slagsmål efter en fest; ingen anmeldelse."};

static void format_day(long day, char out[11])
{
	struct date d = cal_date(day);
	snprintf(out, 11, "%04d-%02d-%02d", d.y, d.m, d.d);
}

static int usage(void)
{
	fprintf(stderr, "usage: gen --db PATH [--scale F] [--seed N] [--years N] "
			"[--strategy FILE]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *strategy = "strategies/hedensted.ini";
	double scale = 1.0;
	unsigned long long seed = 1;
	int years = 10;
	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(argv[i], "--db") && v)
			db = v;
		else if (!strcmp(argv[i], "--scale") && v)
			scale = strtod(v, NULL);
		else if (!strcmp(argv[i], "--seed") && v)
			seed = strtoull(v, NULL, 10);
		else if (!strcmp(argv[i], "--years") && v)
			years = (int)strtol(v, NULL, 10);
		else if (!strcmp(argv[i], "--strategy") && v)
			strategy = v;
		else
			return usage();
		i++;
	}
	if (!db || scale <= 0 || scale > 10 || years < 1 || years > 50)
		return usage();
	if (!access(db, F_OK)) {
		fprintf(stderr, "gen: %s exists\n", db);
		return 1;
	}
	rng_state ^= seed * 0x9E3779B97F4A7C15ULL;
	if (!rng_state)
		rng_state = 1;
	const long want_people = (long)(200000 * scale + 0.5);
	const long want_log = (long)(5000000 * scale + 0.5);

	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct config cfg;
	config_defaults(&cfg);
	cfg.fast_password_hashing = true;
	char *err = NULL;
	if (service_open(&svc, db, SERVICE_OPEN_CREATE, &cfg, &err) < 0) {
		fprintf(stderr, "gen: %s\n", err ? err : "?");
		return 1;
	}
	struct actor cli;
	actor_cli(&cli);
	const long today = svc_today(); /* the real one, before pinning */
	const int y_end = cal_date(today).y, y0 = y_end - years + 1;
	pin_day(cal_ymd(y0, 1, 2), 7);

	struct svc_result r = SVC_RESULT_INIT;
	struct strbuf text = STRBUF_INIT;
	if (read_file(strategy, &text, &err) < 0) {
		fprintf(stderr, "gen: %s\n", err ? err : strategy);
		return 1;
	}
	struct diags d;
	diags_init(&d, strategy);
	struct strlist kept = STRLIST_INIT;
	if (svc_strategy_apply(&svc, &cli, text.buf, text.len, &d, &kept, &r) < 0) {
		diags_print(&d, stderr);
		fprintf(stderr, "gen: strategy: %s\n", r.message ? r.message : "?");
		return 1;
	}
	diags_release(&d);
	strlist_clear(&kept);
	strbuf_release(&text);
	svc_result_clear(&r);

	static const struct {
		const char *prefix;
		enum role role;
		int nr;
	} staff[] = {{"ssp", ROLE_SSP, 6},
		     {"politi", ROLE_POLICE, 4},
		     {"bf", ROLE_CHILD_FAMILY, 3},
		     {"ungeenhed", ROLE_YOUTH_UNIT, 3},
		     {"styregruppe", ROLE_STEERING, 2},
		     {"revisor", ROLE_AUDITOR, 1}};
	for (size_t i = 0; i < sizeof(staff) / sizeof(staff[0]); i++)
		for (int k = 1; k <= staff[i].nr; k++) {
			char user[32], name[64];
			snprintf(user, sizeof(user), "gen-%s-%d", staff[i].prefix, k);
			snprintf(name, sizeof(name), "%s %s", first_names[pick(0, 15)],
				 last_names[pick(0, 14)]);
			struct user_new u = {user, name, staff[i].role, NULL, NULL};
			check(svc_user_add(&svc, &cli, &u, "generator-adgangskode-1", &r), &r,
			      "user add");
		}
	struct actor ssp[6], police[4];
	for (int k = 0; k < 6; k++) {
		char user[32];
		snprintf(user, sizeof(user), "gen-ssp-%d", k + 1);
		ssp[k] = actor_of(user);
	}
	for (int k = 0; k < 4; k++) {
		char user[32];
		snprintf(user, sizeof(user), "gen-politi-%d", k + 1);
		police[k] = actor_of(user);
	}

	/* every year planned on its 2 January; the § 115 meetings up to today */
	struct org org;
	org_init(&org);
	long long *mid = NULL;
	long *mday = NULL;
	size_t m_nr = 0, m_alloc = 0;
	for (int y = y0; y <= y_end; y++) {
		pin_day(cal_ymd(y, 1, 2), 7);
		struct replan_stats st;
		org_release(&org);
		org_init(&org);
		check(svc_plan_save(&svc, &cli, y, &org, &st, &r), &r, "plan");
		struct meeting_list ml = {0};
		org_release(&org);
		org_init(&org);
		if (svc_meetings_list(&svc, &ssp[0], y, "paragraf-115", &org, &ml, &r) < 0) {
			fprintf(stderr, "gen: meetings %d: %s\n", y, r.message ? r.message : "?");
			return 1;
		}
		svc_result_clear(&r);
		for (size_t i = 0; i < ml.nr; i++) {
			if (ml.v[i].day > today || ml.v[i].status != MEETING_PLANNED)
				continue;
			ALLOC_GROW(mid, m_nr + 1, m_alloc);
			mday = xrealloc(mday, m_alloc * sizeof(*mday));
			mid[m_nr] = ml.v[i].id;
			mday[m_nr++] = ml.v[i].day;
		}
		meeting_list_release(&ml);
	}
	if (!m_nr || !org.institutions_nr || org.categories_nr < 4) {
		fprintf(stderr, "gen: no § 115 meetings, institutions or categories\n");
		return 1;
	}

	static const int age_w[] = {20, 35, 30, 15};
	static const int age_lo[] = {10, 14, 16, 18}, age_hi[] = {13, 15, 17, 24};
	static const int cat_w[] = {40, 30, 20, 10};
	static const int act_w[] = {10, 25, 35, 20, 10};
	long long *people = xcalloc((size_t)want_people + 1, sizeof(*people));
	struct open_concern *concerns = NULL;
	size_t c_nr = 0, c_alloc = 0;
	long serial = 0;
	for (size_t k = 0; k < m_nr; k++) {
		long day = mday[k];
		/* the day before: close what is due, register people, fill the agenda */
		pin_day(day - 1, 11);
		for (size_t i = 0; i < c_nr; i++) {
			if (concerns[i].work_day <= day - 1) {
				/* the SSP worker reads the concern and reports its
				 * actions done: 90 % of them; the rest stay open (a
				 * follow-up on the agenda until the concern closes) */
				const struct actor *who = &ssp[pick(0, 5)];
				struct concern_view v;
				memset(&v, 0, sizeof(v));
				int rc = svc_concern_get(&svc, who, concerns[i].id, &v, &r);
				check(rc, &r, "concern get");
				for (size_t j = 0; rc == 0 && j < v.actions_nr; j++) {
					if (strcmp(v.actions[j].status, "open") || pick(0, 9) == 0)
						continue;
					struct action_change ch = {.status = "done"};
					check(svc_action_change(&svc, who, v.actions[j].id, &ch,
								NULL, &r),
					      &r, "action done");
					n.done++;
				}
				if (rc == 0)
					concern_view_release(&v);
				concerns[i].work_day = LONG_MAX;
			}
			if (concerns[i].close_day <= day - 1) {
				check(svc_concern_close(&svc, &ssp[pick(0, 5)], concerns[i].id,
							"Forløbet er afsluttet.", &r),
				      &r, "concern close");
				concerns[i].close_day = LONG_MAX;
				n.closed++;
			}
		}
		long quota = want_people * (long)(k + 1) / (long)m_nr - n.people - n.existing;
		struct item *items = xcalloc((size_t)(quota > 0 ? quota : 1), sizeof(*items));
		size_t it_nr = 0;
		for (long i = 0; i < quota; i++) {
			int band = weighted(age_w, 4);
			int age = (int)pick(age_lo[band], age_hi[band]);
			/* the birthday at least 30 days before the registration, so the
			 * age holds at a contact up to 12 days earlier */
			long birth = cal_ymd(cal_date(day - 1).y - age - 1, 1, 1) + pick(0, 364);
			while (birth > day - 1 - 30 - 365L * age)
				birth -= 365;
			struct date b = cal_date(birth);
			char cpr[16], name[96];
			snprintf(cpr, sizeof(cpr), "%02d%02d%02d-%d%03ld", b.d, b.m, b.y % 100,
				 b.y >= 2000 ? 4 : 1, serial++ % 1000);
			snprintf(name, sizeof(name), "%s %s %s", first_names[pick(0, 15)],
				 first_names[pick(0, 15)], last_names[pick(0, 14)]);
			const struct org_institution *inst =
			    &org.institutions[pick(0, (long)org.institutions_nr - 1)];
			struct person_input pin = {name, cpr, NULL, inst->id};
			long long pid = 0;
			bool existing = false;
			struct target_result t;
			int rc =
			    svc_person_add(&svc, &ssp[pick(0, 5)], &pin, &pid, &existing, &t, &r);
			check(rc, &r, "person add");
			if (rc < 0)
				continue;
			if (existing) {
				n.existing++;
				continue;
			}
			people[n.people++] = pid;
			const char *summary = summaries[pick(0, 4)];
			if (pick(0, 99) < 80) {
				char contact[11];
				format_day(day - 1 - pick(0, 11), contact);
				struct handover_input h = {mid[k], pid, contact, summary,
							   weighted(cat_w, 4) + 1};
				long long hid = 0;
				rc = svc_handover_add(&svc, &police[pick(0, 3)], &h, &hid, &r);
				check(rc, &r, "handover add");
				if (rc == 0) {
					n.handovers++;
					items[it_nr++] = (struct item){AGENDA_HANDOVER, hid, pid};
				}
			} else {
				struct referral_input in = {
				    pid, summary, "Bekymringen kræver en fælles drøftelse.", "ssp"};
				long long rid = 0;
				const struct actor *who = &ssp[pick(0, 5)];
				rc = svc_referral_add(&svc, who, &in, &rid, &r);
				check(rc, &r, "referral add");
				if (rc < 0)
					continue;
				rc =
				    svc_referral_screen(&svc, who, rid, "agenda", mid[k], NULL, &r);
				check(rc, &r, "referral screen");
				if (rc == 0) {
					n.referrals++;
					items[it_nr++] = (struct item){AGENDA_REFERRAL, rid, pid};
				}
			}
		}
		/* the meeting: half of the items become concerns */
		pin_day(day, 8);
		struct agenda g = {0};
		check(svc_agenda(&svc, &ssp[0], mid[k], &g, &r), &r, "agenda");
		agenda_release(&g);
		for (size_t i = 0; i < it_nr; i++) {
			if (pick(0, 1))
				continue;
			struct decision_input_action acts[5];
			int a_nr = weighted(act_w, 5) + 1;
			const struct actor *who = &ssp[pick(0, 5)];
			for (int j = 0; j < a_nr; j++)
				acts[j] = (struct decision_input_action){
				    action_types[pick(0, 5)], "ssp", who->username, NULL, 0};
			struct decision_input in = {.category = weighted(cat_w, 4) + 1,
						    .legal_basis = "ssp",
						    .necessity = true,
						    .actions = acts,
						    .actions_nr = (size_t)a_nr};
			long long cid = 0;
			int rc = svc_concern_decide(&svc, who, mid[k], items[i].kind, items[i].id,
						    &in, &cid, &r);
			check(rc, &r, "decide");
			if (rc < 0)
				continue;
			n.concerns++;
			n.actions += a_nr;
			ALLOC_GROW(concerns, c_nr + 1, c_alloc);
			long work = day + pick(7, 60), close = day + pick(30, 400);
			concerns[c_nr++] = (struct open_concern){
			    cid, work, pick(0, 99) < 85 ? (close > work ? close : work) : LONG_MAX};
		}
		free(items);
		long deleted = 0;
		check(svc_meeting_close(&svc, &police[0], mid[k], &deleted, &r), &r,
		      "meeting close");
		check(svc_meeting_set_status(&svc, &ssp[0], mid[k], MEETING_HELD, &r), &r,
		      "meeting held");
		n.meetings++;
		/* reads of earlier records, up to the log's share for this meeting */
		long want = want_log * (long)(k + 1) / (long)m_nr;
		while (n.calls < want && n.people > 0) {
			long x = pick(0, 9);
			if (x < 6 || !c_nr) {
				struct person_view v;
				memset(&v, 0, sizeof(v));
				int rc = svc_person_get(&svc, &ssp[pick(0, 5)],
							people[pick(0, n.people - 1)], &v, &r);
				if (rc == 0)
					person_view_release(&v);
				check(rc, &r, "person get");
			} else {
				struct concern_view v;
				memset(&v, 0, sizeof(v));
				int rc =
				    svc_concern_get(&svc, &ssp[pick(0, 5)],
						    concerns[pick(0, (long)c_nr - 1)].id, &v, &r);
				if (rc == 0)
					concern_view_release(&v);
				check(rc, &r, "concern get");
			}
			n.reads++;
		}
		if (k % 10 == 0 || k + 1 == m_nr) {
			struct timespec t1;
			clock_gettime(CLOCK_MONOTONIC, &t1);
			fprintf(
			    stderr,
			    "gen: meeting %zu/%zu: %ld people, %ld concerns, %ld calls, %.0f s\n",
			    k + 1, m_nr, n.people, n.concerns, n.calls,
			    (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
		}
	}
	wallclock_pin(NULL);
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf(
	    "gen: scale %g seed %llu years %d-%d: %ld people (%ld CPR numbers drawn twice), "
	    "%ld hand-overs, %ld referrals, %zu meetings, %ld concerns (%ld closed), %ld actions "
	    "(%ld done), %ld service calls (%ld reads, %ld refused), %.1f s\n",
	    scale, seed, y0, y_end, n.people, n.existing, n.handovers, n.referrals, m_nr,
	    n.concerns, n.closed, n.actions, n.done, n.calls, n.reads, n.failures, secs);
	free(people);
	free(concerns);
	free(mid);
	free(mday);
	org_release(&org);
	service_close(&svc);
	return n.failures ? 1 : 0;
}
