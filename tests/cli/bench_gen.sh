# bench_gen.sh - the benchmark's data generator (bench/gen.c, issue 10) on
# a tiny scale: it runs through the service without a refusal, spreads the
# history over the years (the pinned clock), gives the same database for
# the same seed, and the result verifies and serves the CLI.
. "$(dirname "$0")/lib.sh"
: "${GEN:?GEN must name bench/gen}"
q() { sqlite3 "$1" "$2"; }

expect_status 0 "gen --scale 0.0002 --years 3" -- "$GEN" --db "$TMP/a.db" --scale 0.0002 --years 3 \
	--seed 7 --strategy "$SRC/strategies/hedensted.ini"
expect_grep "$TMP/out" "40 people" "the summary names the people"
[ "$(q "$TMP/a.db" "SELECT count(*) FROM person")" = 40 ] && ok "40 people in the database" ||
	fail "40 people in the database" "$(q "$TMP/a.db" "SELECT count(*) FROM person")"
n=$(q "$TMP/a.db" "SELECT count(*) FROM concern")
[ "$n" -gt 5 ] && ok "concerns decided ($n)" || fail "concerns decided" "$n"
n=$(q "$TMP/a.db" "SELECT count(*) FROM audit_log")
[ "$n" -ge 1000 ] && ok "the access log reaches its share ($n)" || fail "the access log reaches its share" "$n"
years=$(q "$TMP/a.db" "SELECT count(DISTINCT substr(at, 1, 4)) FROM audit_log")
[ "$years" = 3 ] && ok "log entries over 3 years" || fail "log entries over 3 years" "$years"
years=$(q "$TMP/a.db" "SELECT count(DISTINCT substr(opened_at, 1, 4)) FROM concern")
[ "$years" = 3 ] && ok "concerns opened over 3 years" || fail "concerns opened over 3 years" "$years"
[ "$(q "$TMP/a.db" "SELECT count(*) FROM person WHERE name LIKE '%sen%'")" = 0 ] &&
	ok "names are sealed" || fail "names are sealed"

expect_status 0 "the same seed again" -- "$GEN" --db "$TMP/b.db" --scale 0.0002 --years 3 \
	--seed 7 --strategy "$SRC/strategies/hedensted.ini"
qa="SELECT birth_date, district_id FROM person ORDER BY id; SELECT category_id FROM concern_category ORDER BY rowid; SELECT action, object FROM audit_log ORDER BY seq"
[ "$(q "$TMP/a.db" "$qa")" = "$(q "$TMP/b.db" "$qa")" ] && ok "the same seed gives the same data" ||
	fail "the same seed gives the same data"
expect_status 1 "refuses an existing database" -- "$GEN" --db "$TMP/a.db" --scale 0.0002
export SSP_DB="$TMP/a.db"
expect_status 0 "ssp audit verify on the generated log" -- "$SSP" audit verify
finish
