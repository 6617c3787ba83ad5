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
# issue 11: a meeting cannot be marked held before it has started; the
# test build's clock ($SSP_TEST_NOW, local time) stands just before the
# first § 115 meeting, then at its start, then after the year
first=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))[0]; print(m["id"], m["start"][:16])' "$TMP/p115.json")
set -- $first
before=$(python3 -c 'import datetime,sys; t=datetime.datetime.fromisoformat(sys.argv[1]) - datetime.timedelta(minutes=1); print(t.strftime("%Y-%m-%dT%H:%M"))' "$2")
SSP_TEST_NOW=$before expect_status 1 "held before the start is refused" -- "$SSP" meeting held "$1"
expect_grep "$TMP/err" "mødet kan ikke markeres som afholdt, før det er begyndt (det begynder ${2%T*} kl. ${2#*T})" "the refusal says when it begins"
[ "$(sqlite3 "$SSP_DB" "SELECT status FROM meeting WHERE id = $1")" = planned ] && ok "refused: nothing changed" || fail "status changed"
SSP_TEST_NOW=$2 expect_status 0 "held at its start" -- "$SSP" meeting held "$1"
expect_status 0 "reopen" -- "$SSP" meeting reopen "$1"
export SSP_TEST_NOW=2028-01-01T00:00
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

# issue 11: per period, the broken periodic rule shows even when the
# yearly total is met (hotspot: May cancelled, June held twice)
"$SSP" plan 2027 --stored --body hotspot --format json >"$TMP/hot.json"
python3 - "$TMP/hot.json" >"$TMP/hotids" <<'EOF2'
import json, sys
ms = json.load(open(sys.argv[1]))
may = [m["id"] for m in ms if m["start"].startswith("2027-05")]
rest = [m["id"] for m in ms if not m["start"].startswith("2027-05") and m["start"] < "2027-11"]
print(may[0], " ".join(str(i) for i in rest))
EOF2
read -r may rest <"$TMP/hotids"
"$SSP" meeting cancel "$may" >/dev/null || fail "cancel May"
for id in $rest; do "$SSP" meeting held "$id" >/dev/null || fail "held $id"; done
expect_status 0 "periods in json" -- "$SSP" compliance 2027 --as-of 2027-11-30 --format json
python3 - "$TMP/out" <<'EOF2' && ok "periods: from, to, required, held, status; May behind" || fail "periods" "$(head -c 600 "$TMP/out")"
import json, sys
rows = {r["body"]: r for r in json.load(open(sys.argv[1]))}
for r in rows.values():
    assert all({"from", "to", "required", "held", "status"} <= set(p) for p in r["periods"]), r
hot = rows["hotspot"]
assert len(hot["periods"]) == 8, hot["periods"]
may = [p for p in hot["periods"] if p["from"] == "2027-05-01"][0]
assert may == {**may, "to": "2027-05-31", "required": 1, "held": 0, "status": "behind"}, may
assert hot["status"] != "ok"
assert rows["ssp-team"]["periods"] == []
EOF2
expect_status 0 "periods in text" -- "$SSP" compliance 2027 --as-of 2027-11-30
expect_grep "$TMP/out" "2027-05-01 til 2027-05-31: 0 af 1 afholdt  bagud" "text names the broken month"

expect_status 2 "bad --as-of" -- "$SSP" compliance 2027 --as-of 30-06-2027
expect_status 1 "year out of range" -- "$SSP" compliance 1999
expect_status 2 "unknown format" -- "$SSP" compliance 2027 --format csv
expect_status 0 "help" -- "$SSP" compliance --help
finish
