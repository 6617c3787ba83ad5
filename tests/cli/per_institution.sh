# Issue 11: rules per institution ("4 om året på hver skole", "2 om året i
# hver klub"): planned for each institution of that kind, grouped under its
# district, and judged per institution and summed per district.
. "$(dirname "$0")/lib.sh"

f="$SRC/tests/fixtures/hver-skole.ini"
expect_status 0 "check" -- "$SSP" strategy check "$f"
expect_status 0 "init" -- "$SSP" init --strategy "$f"
expect_status 0 "plan" -- "$SSP" plan 2027 --stored --format json
cp "$TMP/out" "$TMP/plan.json"
python3 - "$TMP/plan.json" <<'EOF2' && ok "planned per institution, each with its district" || fail "plan" "$(head -c 600 "$TMP/plan.json")"
import collections, json, sys
ms = json.load(open(sys.argv[1]))
n = collections.Counter((m["body"], m.get("institution"), m.get("district")) for m in ms)
assert n[("skolemoede", "nordskolen", "nord")] == 4, n
assert n[("skolemoede", "bakkeskolen", "nord")] == 4, n
assert n[("skolemoede", "sydskolen", "syd")] == 4, n
assert not any(m["body"] == "skolemoede" and m.get("institution") == "klub-syd" for m in ms)
assert n[("klubmoede", "klub-syd", "syd")] == 2, n
assert sum(v for (b, i, d), v in n.items() if b == "klubmoede") == 2, n
assert sum(v for (b, i, d), v in n.items() if b == "foraeldremoede") == 6, n
assert n[("styregruppe", None, None)] == 4, n
# the UIDs name the institution, so a re-plan keeps them apart
assert len({m["uid"] for m in ms}) == len(ms)
assert all("-nordskolen-" in m["uid"] for m in ms if m.get("institution") == "nordskolen")
EOF2
expect_status 0 "plan text" -- "$SSP" plan 2027 --stored --body klubmoede
expect_grep "$TMP/out" "SSP-møde i klubben (Klub Syd, Syd)" "text names the institution and its district"
expect_status 0 "ics" -- "$SSP" plan 2027 --stored --body klubmoede --format ics
expect_grep "$TMP/out" "X-SSP-INSTITUTION:klub-syd" "ics carries the institution"
expect_grep "$TMP/out" "SUMMARY:SSP-møde i klubben (Klub Syd)" "ics summary names the institution"
expect_status 0 "save again changes nothing" -- "$SSP" plan 2027 --save
expect_grep "$TMP/err" "0 nye, 0 ændrede" "stable"

# Nordskolen holds all four, Bakkeskolen one, Sydskolen all four
python3 - "$TMP/plan.json" >"$TMP/ids" <<'EOF2'
import json, sys
ms = [m for m in json.load(open(sys.argv[1])) if m["body"] == "skolemoede"]
pick = [m["id"] for m in ms if m["institution"] in ("nordskolen", "sydskolen")]
pick += [m["id"] for m in ms if m["institution"] == "bakkeskolen"][:1]
print(" ".join(str(i) for i in pick))
EOF2
for id in $(cat "$TMP/ids"); do SSP_TEST_NOW=2028-01-01T00:00 "$SSP" meeting held "$id" >/dev/null || fail "held $id"; done
expect_status 0 "compliance" -- "$SSP" compliance 2027 --as-of 2027-12-31 --format json
python3 - "$TMP/out" <<'EOF2' && ok "compliance per institution, summed per district" || fail "compliance" "$(head -c 900 "$TMP/out")"
import json, sys
rows = {r["body"]: r for r in json.load(open(sys.argv[1]))}
s = rows["skolemoede"]
assert (s["required_min"], s["held"], s["status"]) == (12, 9, "behind"), s
inst = {i["institution"]: i for i in s["institutions"]}
assert set(inst) == {"nordskolen", "bakkeskolen", "sydskolen"}, inst
assert (inst["nordskolen"]["required_min"], inst["nordskolen"]["held"], inst["nordskolen"]["status"]) == (4, 4, "ok")
assert (inst["bakkeskolen"]["held"], inst["bakkeskolen"]["status"], inst["bakkeskolen"]["district"]) == (1, "behind", "nord")
d = {x["district"]: x for x in s["districts"]}
# Nord: 8 required (two schools), 5 held, behind because Bakkeskolen is
assert (d["nord"]["required_min"], d["nord"]["held"], d["nord"]["status"]) == (8, 5, "behind"), d
assert (d["syd"]["required_min"], d["syd"]["held"], d["syd"]["status"]) == (4, 4, "ok"), d
assert any(p.get("institution") == "bakkeskolen" and p["status"] == "behind" for p in s["periods"])
assert rows["klubmoede"]["required_min"] == 2
EOF2
expect_status 0 "compliance text" -- "$SSP" compliance 2027 --as-of 2027-12-31
expect_grep "$TMP/out" "    - Bakkeskolen" "text lists the institution under its district"

# a rule for a kind the strategy has none of is an error with its line
sed 's/^frekvens = 2 om året i hver klub$/frekvens = 2 om året i hver klub/; /^\[institution "klub-syd"\]/,$d' "$f" >"$TMP/ingen-klub.ini"
expect_status 1 "no club: refused" -- "$SSP" strategy check "$TMP/ingen-klub.ini"
line=$(grep -n '^frekvens = 2 om året i hver klub$' "$f" | cut -d: -f1)
expect_grep "$TMP/err" "ingen-klub.ini:$line: fejl: organ »klubmoede« mødes på hver institution af en slags" "error names body and line"

# chair and minute-taker per district or institution, in its own section
expect_status 0 "org json" -- "$SSP" org --format json
python3 - "$TMP/out" <<'EOF2' && ok "roles from [distrikt] and [institution] sections" || fail "roles" "$(head -c 600 "$TMP/out")"
import json, sys
o = json.load(open(sys.argv[1]))
b = {x["id"]: x for x in o["bodies"]}["skolemoede"]
assert b["chairs"] == ["nord: Distriktets SSP-konsulent", "sydskolen: Skolelederen"], b.get("chairs")
assert b["minute_takers"] == ["sydskolen: Skolens AKT-lærer"], b.get("minute_takers")
EOF2
for bad in "mødeleder = styregruppe: Formanden|mødes ikke i hvert distrikt eller på hver institution" \
	   "mødeleder = findes-ikke: Formanden|nævner organ »findes-ikke«, som ikke findes" \
	   "referent = Skolens sekretær|skriv »organ-id: rolle eller funktion«"; do
	key=${bad%%|*} want=${bad#*|}
	sed "s/^mødeleder = skolemoede: Distriktets SSP-konsulent\$/$key/" "$f" >"$TMP/rolle.ini"
	line=$(grep -n "^$key\$" "$TMP/rolle.ini" | cut -d: -f1)
	expect_status 1 "refused: $key" -- "$SSP" strategy check "$TMP/rolle.ini"
	expect_grep "$TMP/err" "rolle.ini:$line: fejl: »${key%% =*} = ${key#*= }«" "error at its line: $key"
	expect_grep "$TMP/err" "$want" "says why: $key"
done
finish
