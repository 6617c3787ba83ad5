# ssp plan: the Hedensted plan for 2027 checked rule by rule against the
# seed, its JSON and ICS forms, bad input, and --save / re-planning after a
# strategy edit (held, moved and cancelled meetings are kept).
. "$(dirname "$0")/lib.sh"

expect_status 0 "init" -- "$SSP" init --no-plan
expect_status 0 "plan 2027 as json" -- "$SSP" plan 2027 --format json
mv "$TMP/out" "$TMP/plan.json"
expect_golden "$TMP/plan.json" "hedensted-plan-2027.json" "json equals golden"
"$SSP" org --format json >"$TMP/org.json"

# Rule by rule. The holidays of 2027 are written out here, not computed.
python3 - "$TMP/plan.json" "$TMP/org.json" >"$TMP/rules" 2>&1 <<'EOF'
import json, sys, datetime as dt
plan = json.load(open(sys.argv[1]))
org = json.load(open(sys.argv[2]))
bodies = {b["id"]: b for b in org["bodies"]}
closed = {"2027-01-01", "2027-03-25", "2027-03-26", "2027-03-28", "2027-03-29",
          "2027-05-06", "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26",
          "2027-12-24", "2027-12-31", "2027-06-05"}
def ok(cond, what):
    print(("ok " if cond else "FAIL ") + what)
def day(m): return dt.date.fromisoformat(m["start"][:10])
def of(body): return [m for m in plan if m["body"] == body]
bad = [m for m in plan if day(m).weekday() >= 5 or m["start"][:10] in closed
       or day(m).year != 2027]
ok(not bad, "no meeting on a weekend, holiday or closed day: %s" % bad[:2])
for m in plan:
    off = "+02:00" if dt.date(2027, 3, 28) < day(m) < dt.date(2027, 10, 31) else "+01:00"
    if not (m["start"].endswith(off) and m["end"].endswith(off) and m["end"] > m["start"]):
        ok(False, "times of %s" % m); break
else:
    ok(True, "start and end carry the Copenhagen offset")
for m in plan:
    weeks = bodies[m["body"]]["planning"]["holiday_weeks"]
    if day(m).isocalendar()[1] in weeks:
        ok(False, "meeting in a holiday week: %s" % m); break
else:
    ok(True, "no meeting in a body's ferieuger")
p = of("paragraf-115")
gaps = {(day(b) - day(a)).days for a, b in zip(p, p[1:])}
ok(26 <= len(p) <= 27, "§ 115: 26-27 meetings (%d)" % len(p))
ok(gaps <= set(range(8, 21)) and 14 in gaps, "§ 115: every 14 days %s" % sorted(gaps))
h = of("hotspot")
ok(sorted(day(m).month for m in h) == list(range(3, 11)), "hotspot: one a month March-October")
d = of("ssp-distriktsmoede")
for dist in ("vest", "midt", "oest"):
    mine = [m for m in d if m.get("district") == dist]
    ok(len(mine) == 2 and (day(mine[1]) - day(mine[0])).days > 120,
       "district %s: 2 meetings spread over the year" % dist)
ok(len(d) == 6, "district meetings: 6 in all")
s = of("ssp-styregruppe")
wheel = bodies["ssp-styregruppe"]["wheel_themes"]
ok(len(s) >= 4, "steering group: at least 4 (%d)" % len(s))
ok([m.get("theme") for m in s] == [wheel[i % len(wheel)] for i in range(len(s))],
   "steering group: each meeting has the wheel's theme, in order")
ok(sum("Årlig vurdering" in a for m in s for a in m.get("agenda", [])) == 1,
   "steering group: the yearly evaluation of the plan is on the plan")
ok(len(of("kredsraad")) >= 3, "Kredsråd: at least 3")
ok(len(of("lokalraad")) >= 4, "Lokalråd: at least 4")
n = of("ssp-skolenetvaerk")
ok(len(n) >= 1 and all("Temadag" in m.get("theme", "") for m in n), "school network: theme day")
for b in ("ssp-team", "paragraf-115-ad-hoc", "beredskab-nsk", "beredskab-ekstremisme",
          "infohus-kommune", "infohus-netvaerk"):
    ok(not of(b), "%s: nothing planned (ad hoc or continuous)" % b)
ok(all(("district" in m) == (m["body"] == "ssp-distriktsmoede") for m in plan),
   "district only on per-district meetings")
ok(len({m["uid"] for m in plan}) == len(plan), "UIDs are unique")
EOF
while read -r status rest; do
	if [ "$status" = ok ]; then ok "$rest"; else fail "$rest"; fi
done <"$TMP/rules"

# 2026 is an even year: the steering group selects its focus areas
"$SSP" plan 2026 --body ssp-styregruppe --format json >"$TMP/p2026.json"
n=$(python3 -c 'import json,sys; print(sum("indsatsområder" in a for m in json.load(open(sys.argv[1])) for a in m.get("agenda", [])))' "$TMP/p2026.json")
[ "$n" = 1 ] && ok "2026: selection of focus areas on the plan" || fail "2026 focus areas" "$n"

# text and ics
expect_status 0 "text" -- "$SSP" plan 2027
expect_grep "$TMP/out" "Mødeplan 2027 for Hedensted Kommune" "text title"
expect_grep "$TMP/out" "SSP-styregruppen: SSP-læseplan" "text shows wheel theme"
SOURCE_DATE_EPOCH=1800000000 expect_status 0 "ics" -- "$SSP" plan 2027 --format ics --output "$TMP/p.ics"
n_ics=$(grep -c '^BEGIN:VEVENT' "$TMP/p.ics")
n_json=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/plan.json")
[ "$n_ics" = "$n_json" ] && ok "ics has every meeting ($n_ics)" || fail "ics count" "$n_ics vs $n_json"
expect_grep "$TMP/p.ics" "BEGIN:VTIMEZONE" "ics has VTIMEZONE"
expect_grep "$TMP/p.ics" "DTSTART;TZID=Europe/Copenhagen:20270112T090000" "ics DTSTART with TZID"
expect_grep "$TMP/p.ics" "DTSTAMP:20270115T080000Z" "SOURCE_DATE_EPOCH stamps"
grep -q $'\r$' "$TMP/p.ics" && ok "ics has CRLF line ends" || fail "ics CRLF"
SOURCE_DATE_EPOCH=1800000000 "$SSP" plan 2027 --format ics >"$TMP/p2.ics"
cmp -s "$TMP/p.ics" "$TMP/p2.ics" && ok "ics is reproducible" || fail "ics reproducible"
expect_status 0 "--body" -- "$SSP" plan 2027 --body hotspot --format json
n=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d), {m["body"] for m in d})' "$TMP/out")
[ "$n" = "8 {'hotspot'}" ] && ok "--body hotspot: 8 hotspot meetings" || fail "--body" "$n"

# bad input: a clear error, nothing changed
expect_status 1 "year 1999" -- "$SSP" plan 1999
expect_grep "$TMP/err" "året skal være mellem 2000 og 2100, ikke 1999" "year message"
expect_status 1 "year 2101" -- "$SSP" plan 2101 --save
expect_status 0 "year 2000" -- "$SSP" plan 2000 --format json
expect_status 0 "year 2100" -- "$SSP" plan 2100 --format json
expect_status 2 "year not a number" -- "$SSP" plan 20x7
expect_grep "$TMP/err" "er ikke et årstal" "year syntax message"
expect_status 2 "no year" -- "$SSP" plan
expect_status 1 "unknown body" -- "$SSP" plan 2027 --body findes-ikke
expect_grep "$TMP/err" "organet »findes-ikke« findes ikke" "unknown body message"
expect_status 2 "unknown format" -- "$SSP" plan 2027 --format xml
sed -e 's/^frekvens = minimum tre gange årligt$/frekvens = mindst 300 om året/' \
	"$SRC/strategies/hedensted.ini" >"$TMP/unsat.ini"
expect_status 1 "unsatisfiable strategy" -- "$SSP" plan 2027 --strategy "$TMP/unsat.ini"
expect_grep "$TMP/err" "organ »kredsraad« skal holde 300 møder" "unsatisfiable message"
expect_status 0 "--strategy plans without a database" -- "$SSP" plan 2027 --db "$TMP/none.db" \
	--strategy "$SRC/strategies/hedensted.ini" --format json
[ ! -e "$TMP/none.db" ] && ok "--strategy creates no database" || fail "--strategy db"
count() { sqlite3 "$SSP_DB" "SELECT count(*) FROM meeting $1"; }
[ "$(count '')" = 0 ] && ok "nothing stored by previews and errors" || fail "stored" "$(count '')"

# --save stores the plan; saving again changes nothing
expect_status 0 "save 2027" -- "$SSP" plan 2027 --save --format json
expect_grep "$TMP/err" "mødeplanen for 2027 er gemt: $n_json nye" "save summary"
[ "$(count 'WHERE year = 2027')" = "$n_json" ] && ok "stored $n_json meetings" || fail "stored count"
expect_status 0 "save again" -- "$SSP" plan 2027 --save
expect_grep "$TMP/err" "0 nye, 0 ændrede, $n_json uændrede, 0 fjernede" "second save changes nothing"
expect_status 0 "stored plan" -- "$SSP" plan 2027 --stored --format json
python3 - "$TMP/out" "$TMP/plan.json" <<'EOF' && ok "stored plan equals the computed one" || fail "stored = computed"
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
for m in a: m.pop("id")
sys.exit(a != b)
EOF

# hand work, then a strategy edit and a re-plan
ids=$(python3 -c 'import json,sys; print(" ".join(str(m["id"]) for m in json.load(open(sys.argv[1])) if m["body"] == "paragraf-115"))' "$TMP/out")
set -- $ids
held=$1 cancelled=$2 moved=$3 plain=$4
expect_status 1 "a meeting of 2027 is not held yet" -- "$SSP" meeting held "$held"
SSP_TEST_NOW=2028-01-01T00:00 expect_status 0 "mark held (the test clock after 2027)" -- "$SSP" meeting held "$held"
expect_status 0 "cancel" -- "$SSP" meeting cancel "$cancelled"
expect_status 1 "move onto a holiday is refused" -- "$SSP" meeting move "$moved" 2027-03-29
expect_grep "$TMP/err" "2. påskedag" "holiday named"
expect_status 0 "move" -- "$SSP" meeting move "$moved" 2027-02-10 13:00
expect_status 0 "add ad hoc" -- "$SSP" meeting add ssp-styregruppe 2027-06-16 15:00 --theme Beredskabsgruppe
expect_status 1 "add on a weekend is refused" -- "$SSP" meeting add ssp-styregruppe 2027-06-19 15:00
expect_status 1 "unknown meeting" -- "$SSP" meeting held 999999
before=$(sqlite3 "$SSP_DB" "SELECT uid || start_at || status FROM meeting WHERE id IN ($held, $cancelled, $moved) ORDER BY id")
plain_uid=$(sqlite3 "$SSP_DB" "SELECT uid FROM meeting WHERE id = $plain")
awk '/^\[organ "paragraf-115"\]/ {p = 1} p && /^ugedag = tirsdag$/ {$0 = "ugedag = onsdag"; p = 0} {print}' \
	"$SRC/strategies/hedensted.ini" >"$TMP/edited.ini"
expect_status 0 "load edited strategy" -- "$SSP" init --no-plan --strategy "$TMP/edited.ini"
expect_status 0 "re-plan" -- "$SSP" plan 2027 --save
expect_grep "$TMP/err" "4 bevaret" "held, cancelled, moved and ad hoc kept"
after=$(sqlite3 "$SSP_DB" "SELECT uid || start_at || status FROM meeting WHERE id IN ($held, $cancelled, $moved) ORDER BY id")
[ "$before" = "$after" ] && ok "hand work unchanged" || fail "hand work" "$before / $after"
row=$(sqlite3 "$SSP_DB" "SELECT strftime('%w', substr(start_at, 1, 10)), sequence FROM meeting WHERE uid = '$plain_uid'")
[ "$row" = "3|1" ] && ok "plain meeting moved to Wednesday in place (same UID, SEQUENCE 1)" || fail "update in place" "$row"
dups=$(sqlite3 "$SSP_DB" "SELECT count(*) - count(DISTINCT uid) FROM meeting")
[ "$dups" = 0 ] && ok "no duplicates" || fail "duplicates" "$dups"
n=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM audit_log WHERE action IN ('meeting.replan', 'meeting.status', 'meeting.move', 'meeting.add') AND outcome = 'ok'")
[ "$n" = 7 ] && ok "changes are in the access log" || fail "audit" "$n"
# held before its start, the holiday move, the weekend add, the unknown
# meeting and year 2101
n=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM audit_log WHERE action IN ('meeting.replan', 'meeting.status', 'meeting.move', 'meeting.add') AND outcome = 'failed'")
[ "$n" = 5 ] && ok "refused changes are logged as failed" || fail "audit failed" "$n"
expect_status 0 "verify access log" -- "$SSP" audit verify

expect_status 0 "plan --help" -- "$SSP" plan --help
expect_status 0 "meeting --help" -- "$SSP" meeting --help
expect_status 0 "top-level help lists plan" -- "$SSP" --help
expect_grep "$TMP/out" "plan" "help lists plan"
finish
