# Issue 11: each applied strategy is kept as a version with the day it took
# effect (ssp init --effective); planning and compliance for a year use the
# version in force at the end of that year, so a change does not re-judge
# the past.
. "$(dirname "$0")/lib.sh"

f="$SRC/tests/fixtures/hver-skole.ini"
# version A: the steering group 4 a year (from 2025); B: 2 a year (from
# 2027); C, applied last: 3 a year from June 2026
cp "$f" "$TMP/a.ini"
sed '/^\[organ "styregruppe"\]/,/^$/s/^frekvens = 4 om året$/frekvens = 2 om året/' "$f" >"$TMP/b.ini"
sed '/^\[organ "styregruppe"\]/,/^$/s/^frekvens = 4 om året$/frekvens = 3 om året/' "$f" >"$TMP/c.ini"
grep -q '^frekvens = 2 om året$' "$TMP/b.ini" && ok "fixture B differs" || fail "fixture B"

expect_status 0 "A from 2025" -- "$SSP" init --strategy "$TMP/a.ini" --effective 2025-01-01 --no-plan
expect_status 0 "B from 2027" -- "$SSP" init --strategy "$TMP/b.ini" --effective 2027-01-01 --no-plan
expect_grep "$TMP/out" "Strategien er gemt som en version, der gælder fra 2027-01-01." "init says from when"
n() { python3 -c 'import json,sys; print(sum(m["body"] == "styregruppe" for m in json.load(open(sys.argv[1]))))' "$TMP/out"; }
req() { python3 -c 'import json,sys; print({r["body"]: r for r in json.load(open(sys.argv[1]))}["styregruppe"]["required_min"])' "$TMP/out"; }
expect_status 0 "plan 2026" -- "$SSP" plan 2026 --format json
[ "$(n)" = 4 ] && ok "2026 is planned by A, in force then" || fail "2026 plan" "$(n)"
expect_status 0 "plan 2027" -- "$SSP" plan 2027 --format json
[ "$(n)" = 2 ] && ok "2027 by B" || fail "2027 plan" "$(n)"
expect_status 0 "compliance 2026" -- "$SSP" compliance 2026 --as-of 2026-12-31 --format json
[ "$(req)" = 4 ] && ok "2026 judged by A's rule" || fail "2026 compliance" "$(req)"
expect_status 0 "compliance 2027" -- "$SSP" compliance 2027 --as-of 2027-12-31 --format json
[ "$(req)" = 2 ] && ok "2027 judged by B's rule" || fail "2027 compliance" "$(req)"

expect_status 0 "C from June 2026, applied last" -- "$SSP" init --strategy "$TMP/c.ini" --effective 2026-06-01 --no-plan
expect_status 0 "plan 2026 again" -- "$SSP" plan 2026 --format json
[ "$(n)" = 3 ] && ok "2026 now by C (in force at the end of 2026)" || fail "2026 by C" "$(n)"
expect_status 0 "plan 2027 again" -- "$SSP" plan 2027 --format json
[ "$(n)" = 2 ] && ok "2027 still by B" || fail "2027 by B" "$(n)"
expect_status 0 "plan 2025" -- "$SSP" plan 2025 --format json
[ "$(n)" = 4 ] && ok "2025 by A" || fail "2025 by A" "$(n)"
[ "$(sqlite3 "$SSP_DB" "SELECT group_concat(effective, ' ') FROM (SELECT effective FROM strategy_version ORDER BY id)")" = "2025-01-01 2027-01-01 2026-06-01" ] \
	&& ok "three versions with their days" || fail "versions"

# the list of versions (ssp strategy versions): days, who, the hash, and
# the one in force on a day (--as-of; without it: today)
expect_status 0 "strategy versions" -- "$SSP" strategy versions
expect_grep "$TMP/out" "2026-06-01" "the list has C's day"
[ "$(grep -c "(gælder i dag)" "$TMP/out")" -le 1 ] && ok "at most one version is in force today" || fail "one in force" "$(cat "$TMP/out")"
expect_status 0 "strategy versions on 2026-12-01" -- "$SSP" strategy versions --as-of 2026-12-01
grep "2026-06-01" "$TMP/out" | grep -q "(gælder den dag)" && ok "C is in force on 2026-12-01" ||
	fail "C in force" "$(cat "$TMP/out")"
inforce() { # DAY: the effective day of the version in force on DAY, per the JSON
	"$SSP" strategy versions --as-of "$1" --format json >"$TMP/v.json" 2>"$TMP/err" || { echo error; return; }
	python3 -c 'import json,sys; v=[x["effective"] for x in json.load(open(sys.argv[1]))["versions"] if x["in_force"]]; print(v[0] if v else "none")' "$TMP/v.json"
}
[ "$(inforce 2024-12-31)" = none ] && ok "none before the first" || fail "before the first" "$(inforce 2024-12-31)"
[ "$(inforce 2026-05-31)" = 2025-01-01 ] && ok "A until C's day" || fail "A" "$(inforce 2026-05-31)"
[ "$(inforce 2026-06-01)" = 2026-06-01 ] && ok "C from its day" || fail "C" "$(inforce 2026-06-01)"
[ "$(inforce 2027-01-01)" = 2027-01-01 ] && ok "B from 2027" || fail "B" "$(inforce 2027-01-01)"
expect_status 0 "strategy versions as JSON" -- "$SSP" strategy versions --as-of 2026-12-01 --format json
python3 - "$TMP/out" "$(sha256sum "$TMP/c.ini" | cut -c1-64)" <<'PY' && ok "JSON: by day, C's hash" || fail "versions json" "$(cat "$TMP/out")"
import json, sys
j = json.load(open(sys.argv[1]))
v = j["versions"]
assert j["as_of"] == "2026-12-01", j
assert [x["effective"] for x in v] == ["2025-01-01", "2026-06-01", "2027-01-01"], v
assert v[1]["sha256"] == sys.argv[2], (v[1]["sha256"], sys.argv[2])
PY
expect_status 2 "versions takes no argument" -- "$SSP" strategy versions 2026
expect_status 2 "a bad --format" -- "$SSP" strategy versions --format csv
expect_status 2 "a bad --as-of" -- "$SSP" strategy versions --as-of 2026-13-01
expect_grep "$TMP/err" "--as-of skal være en dato" "says so"

expect_status 2 "a bad --effective" -- "$SSP" init --strategy "$TMP/a.ini" --effective 1-1-2026
expect_grep "$TMP/err" "--effective skal være en dato" "says so"
finish
