# Issue 11: a strategy written in a municipality's own words
# (tests/fixtures/egne-ord.ini) is checked, loaded, planned as it says and
# judged per period.
. "$(dirname "$0")/lib.sh"

f="$SRC/tests/fixtures/egne-ord.ini"
expect_status 0 "check" -- "$SSP" strategy check "$f"
expect_grep "$TMP/out" "strategien er i orden: 7 organer, 3 distrikter, 3 sagskategorier, 0 advarsler" "summary"
expect_status 0 "init" -- "$SSP" init --strategy "$f"
expect_status 0 "plan" -- "$SSP" plan 2027 --stored --format json
python3 - "$TMP/out" <<'EOF2' && ok "planned as the strategy says" || fail "plan" "$(head -c 400 "$TMP/out")"
import collections, datetime, json, sys
ms = json.load(open(sys.argv[1]))
day = lambda m: datetime.date.fromisoformat(m["start"][:10])
n = collections.Counter(m["body"] for m in ms)
# kvartalsvis: one a quarter
assert n["styregruppe"] == 4, n
assert sorted((day(m).month - 1) // 3 for m in ms if m["body"] == "styregruppe") == [0, 1, 2, 3]
# hver mandag undtagen i skoleferierne: 52 weeks minus 9 holiday weeks
k = [m for m in ms if m["body"] == "koordination"]
assert len(k) == 43, len(k)
assert all(day(m).isocalendar()[1] not in (7, 27, 28, 29, 30, 31, 32, 42, 52) for m in k)
assert all(m["start"][11:16] == "08:30" for m in k)
# hver anden torsdag: every other week, on Thursday unless the Thursday is closed
p = [day(m) for m in ms if m["body"] == "paragraf-115"]
assert len(p) == 26 and sum(d.isoweekday() == 4 for d in p) >= 24, p
# 1 om måneden undtagen juli: eleven, none in July
s = [day(m) for m in ms if m["body"] == "skoleteam"]
assert len(s) == 11 and all(d.month != 7 for d in s)
# per district, and nothing for "efter behov"
assert n["netvaerk"] == 6 and n["beredskab"] == 0
# bodies without a weekday are spread over the week, not all on Tuesday
wd = {b: {day(m).isoweekday() for m in ms if m["body"] == b} for b in ("styregruppe", "skoleteam", "temadag")}
assert len({min(v) for v in wd.values()}) == 3, wd
EOF2
expect_status 0 "compliance" -- "$SSP" compliance 2027 --as-of 2027-12-31 --format json
python3 - "$TMP/out" <<'EOF2' && ok "judged per period" || fail "periods" "$(head -c 400 "$TMP/out")"
import json, sys
rows = {r["body"]: r for r in json.load(open(sys.argv[1]))}
assert len(rows["styregruppe"]["periods"]) == 4
assert len(rows["skoleteam"]["periods"]) == 11
assert all(p["status"] == "behind" for p in rows["skoleteam"]["periods"])
assert len(rows["koordination"]["periods"]) == 43
assert rows["beredskab"]["periods"] == [] and rows["beredskab"]["status"] == "ok"
EOF2
expect_status 0 "org text" -- "$SSP" org
expect_grep "$TMP/out" "Politisk styregruppe for SSP" "org shows its own body"
expect_grep "$TMP/out" "Mødeleder: by: Klubleder i Byen" "chair per district kept"
expect_status 0 "org json" -- "$SSP" org --format json
python3 - "$TMP/out" <<'EOF2' && ok "chairs and minute-takers in the json" || fail "roles json"
import json, sys
b = {x["id"]: x for x in json.load(open(sys.argv[1]))["bodies"]}
assert b["netvaerk"]["chairs"] == ["SSP-koordinator", "by: Klubleder i Byen"]
assert b["netvaerk"]["minute_takers"] == ["SSP-kontaktperson fra værtsskolen"]
assert "chairs" not in b["styregruppe"]
EOF2
finish
