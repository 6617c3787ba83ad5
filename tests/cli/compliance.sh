# ssp compliance: required minimum, planned, held, cancelled and status
# (ok | behind | at_risk) per body as of a date, from the stored plan.
. "$(dirname "$0")/lib.sh"

expect_status 0 "init" -- "$SSP" init --no-plan
# field BODY KEY: the value of KEY for BODY in $TMP/out
field() {
	python3 -c 'import json,sys; print({r["body"]: r for r in json.load(open(sys.argv[1]))}[sys.argv[2]][sys.argv[3]])' "$TMP/out" "$1" "$2"
}

expect_status 0 "without a stored plan" -- "$SSP" compliance 2027 --as-of 2027-06-30 --format json
expect_grep "$TMP/err" "der er ingen gemt mødeplan for 2027" "says the plan is computed"
python3 - "$TMP/out" <<'EOF' && ok "contract: body, required_min, planned, held, cancelled, status" || fail "contract"
import json, sys
rows = json.load(open(sys.argv[1]))
keys = {"body", "required_min", "planned", "held", "cancelled", "status"}
sys.exit(not rows or any(not keys <= set(r) or r["status"] not in ("ok", "behind", "at_risk")
                         for r in rows))
EOF
[ "$(field paragraf-115 required_min)" = 26 ] && ok "§ 115 requires 26" || fail "§ 115 required"
[ "$(field ssp-distriktsmoede required_min)" = 6 ] && ok "districts require 2 x 3" || fail "district required"
[ "$(field ssp-team required_min)|$(field ssp-team status)" = "0|ok" ] && ok "continuous body: ok" || fail "ssp-team"
[ "$(field paragraf-115 status)" = behind ] && ok "nothing held by June: behind" || fail "behind" "$(field paragraf-115 status)"
expect_status 0 "1 January: nothing due" -- "$SSP" compliance 2027 --as-of 2027-01-01 --format json
[ "$(field paragraf-115 status)" = ok ] && ok "ok before the first meeting" || fail "ok on 1 January"

expect_status 0 "save" -- "$SSP" plan 2027 --save
"$SSP" plan 2027 --stored --body paragraf-115 --format json >"$TMP/p115.json"
for id in $(python3 -c 'import json,sys; print(" ".join(str(m["id"]) for m in json.load(open(sys.argv[1])) if m["start"] < "2027-06-30"))' "$TMP/p115.json"); do
	"$SSP" meeting held "$id" >/dev/null || fail "held $id"
done
expect_status 0 "after recording the meetings held" -- "$SSP" compliance 2027 --as-of 2027-06-30 --format json
[ "$(field paragraf-115 status)" = ok ] && ok "§ 115 ok when the past is recorded" || fail "ok" "$(field paragraf-115 status)"
[ "$(field paragraf-115 held)" = 13 ] && ok "13 held by 30 June" || fail "held" "$(field paragraf-115 held)"
last=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[-1]["id"])' "$TMP/p115.json")
expect_status 0 "cancel one" -- "$SSP" meeting cancel "$last"
expect_status 0 "after a cancellation" -- "$SSP" compliance 2027 --as-of 2027-06-30 --format json
[ "$(field paragraf-115 cancelled)|$(field paragraf-115 planned)|$(field paragraf-115 status)" = "1|25|at_risk" ] \
	&& ok "a cancelled meeting without replacement: at_risk" || fail "at_risk" "$(field paragraf-115 status)"
expect_status 0 "text" -- "$SSP" compliance 2027 --as-of 2027-06-30
expect_grep "$TMP/out" "§ 115-møde" "text names the body"
expect_grep "$TMP/out" "i fare" "text shows the status in Danish"

expect_status 2 "bad --as-of" -- "$SSP" compliance 2027 --as-of 30-06-2027
expect_status 1 "year out of range" -- "$SSP" compliance 1999
expect_status 2 "unknown format" -- "$SSP" compliance 2027 --format csv
expect_status 0 "help" -- "$SSP" compliance --help
finish
