/* The data behind the strategy through the service layer (service/data.h)
 * on a real SQLite file: who may import and see the figures (refusals
 * logged), all-or-nothing imports with added / replaced / unchanged,
 * the dry run, and suppression in what is shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/data.h"
#include "fixture.h"
#include "test.h"

static struct fixture fx;

static const char *STRATEGY =
    "[kommune]\nnavn = K\npolitikreds = P\n"
    "[distrikt \"vest\"]\nnavn = Vest\n[distrikt \"oest\"]\nnavn = Øst\n"
    "[kategori \"k\"]\nnavn = K1\n"
    "[organ \"styregruppe\"]\nnavn = Styregruppe\nniveau = strategisk\n"
    "formål = f\nansvarlig = a\nfrekvens = mindst 4 om året\nnavngivne-personer = nej\n";

static int setup(void **state)
{
	(void)state;
	return fixture_setup(&fx, "data", STRATEGY);
}

static int teardown(void **state)
{
	(void)state;
	fixture_teardown(&fx);
	return 0;
}

static struct actor user(const char *name, enum role role)
{
	fixture_add_user(&fx, name, name, role, NULL, NULL);
	return fixture_actor(&fx, name);
}

static const char CRIME[] = "år;kategori;aldersgruppe;distrikt;antal\n"
			    "2024;Tyveri;15-17;;100\n"
			    "2024;Tyveri;15-17;Vest;3\n"
			    "2024;Tyveri;15-17;Øst;97\n";

static int import(const struct actor *a, const char *text, bool dry_run, struct data_counts *n,
		  struct svc_result *r)
{
	struct diags d;
	diags_init(&d, "k.csv");
	int rc =
	    svc_data_import(&fx.svc, a, FIG_CRIME, "k.csv", text, strlen(text), dry_run, &d, n, r);
	diags_release(&d);
	return rc;
}

static void who_may_import(void **state)
{
	(void)state;
	struct actor steering = user("stine", ROLE_STEERING);
	struct actor ssp = user("sara", ROLE_SSP);
	struct svc_result r = SVC_RESULT_INIT;
	struct data_counts n;
	assert_int_equal(import(&steering, CRIME, false, &n, &r), -1);
	assert_int_equal(r.status, SVC_FORBIDDEN);
	svc_result_clear(&r);
	assert_int_equal(fixture_count_log(&fx, "data.import", "refused"), 1);

	assert_int_equal(import(&ssp, CRIME, false, &n, &r), 0);
	assert_int_equal(n.added, 3);
	assert_int_equal(fixture_count_log(&fx, "data.import", "ok"), 1);
	/* the same file again changes nothing */
	assert_int_equal(import(&ssp, CRIME, false, &n, &r), 0);
	assert_int_equal(n.added + n.replaced, 0);
	assert_int_equal(n.unchanged, 3);
}

static void who_may_see(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct data_counts n;
	assert_int_equal(import(&fx.cli, CRIME, false, &n, &r), 0);
	static const struct {
		const char *name;
		enum role role;
		bool may;
	} who[] = {{"stine", ROLE_STEERING, true}, {"sara", ROLE_SSP, true},
		   {"per", ROLE_POLICE, true},     {"ada", ROLE_ADMIN, false},
		   {"kim", ROLE_CONTACT, false},   {"rev", ROLE_AUDITOR, false}};
	for (size_t i = 0; i < sizeof(who) / sizeof(*who); i++) {
		struct actor a = user(who[i].name, who[i].role);
		struct data_view v;
		int rc = svc_data_view(&fx.svc, &a, FIG_CRIME, 0, &v, &r);
		if (who[i].may) {
			assert_int_equal(rc, 0);
			assert_int_equal(v.set.nr, 3);
			/* Vest (3) is hidden, and Øst with it: 100 - 97 would give it */
			assert_true(v.hidden[1] && v.hidden[2]);
			assert_false(v.hidden[0]);
			assert_true(v.has_latest);
			assert_int_equal(v.latest.counts.added, 3);
		} else {
			assert_int_equal(rc, -1);
			assert_int_equal(r.status, SVC_FORBIDDEN);
			svc_result_clear(&r);
		}
		data_view_release(&v);
	}
	assert_int_equal(fixture_count_log(&fx, "data.view", "refused"), 3);
}

static void all_or_nothing(void **state)
{
	(void)state;
	struct svc_result r = SVC_RESULT_INIT;
	struct data_counts n;
	assert_int_equal(import(&fx.cli, CRIME, false, &n, &r), 0);
	/* a changed row and a bad one: nothing is stored */
	static const char bad[] = "år;kategori;aldersgruppe;distrikt;antal\n"
				  "2024;Tyveri;15-17;;150\n"
				  "2024;Tyveri;15-17;Nord;1\n";
	assert_int_equal(import(&fx.cli, bad, false, &n, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	/* the dry run counts, stores nothing and is not logged */
	static const char changed[] = "år;kategori;aldersgruppe;distrikt;antal\n"
				      "2024;Tyveri;15-17;;150\n"
				      "2025;Tyveri;15-17;;90\n";
	int logged = fixture_count_log(&fx, "data.import", NULL);
	assert_int_equal(import(&fx.cli, changed, true, &n, &r), 0);
	assert_int_equal(n.added, 1);
	assert_int_equal(n.replaced, 1);
	assert_int_equal(fixture_count_log(&fx, "data.import", NULL), logged);
	struct data_view v;
	assert_int_equal(svc_data_view(&fx.svc, &fx.cli, FIG_CRIME, 0, &v, &r), 0);
	assert_int_equal(v.set.nr, 3);
	assert_int_equal(v.set.crime[0].count, 100);
	data_view_release(&v);
	/* then for real */
	assert_int_equal(import(&fx.cli, changed, false, &n, &r), 0);
	assert_int_equal(svc_data_view(&fx.svc, &fx.cli, FIG_CRIME, 2024, &v, &r), 0);
	assert_int_equal(v.set.nr, 3);
	assert_int_equal(v.set.crime[0].count, 150);
	data_view_release(&v);
	assert_int_equal(svc_data_view(&fx.svc, &fx.cli, FIG_CRIME, 1999, &v, &r), -1);
	assert_int_equal(r.status, SVC_INVALID);
	svc_result_clear(&r);
	data_view_release(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(who_may_import, setup, teardown),
	    cmocka_unit_test_setup_teardown(who_may_see, setup, teardown),
	    cmocka_unit_test_setup_teardown(all_or_nothing, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
