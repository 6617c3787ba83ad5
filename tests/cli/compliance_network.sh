# ssp compliance: the school network's findings (schools and clubs without
# a contact person, contact persons who missed the theme day, schools
# without a læseplan) in text and in --format json-full, while
# --format json keeps its contract (an array of bodies).
. "$(dirname "$0")/lib.sh"

expect_status 0 "init" -- "$SSP" init
add() { printf 'korrekt-hest-batteri-42\n' | "$SSP" user add "$1" --name "$2" --role kontaktperson \
	--institution "$3" --password-stdin >/dev/null || fail "user add $1"; }
add anna "Anna Andersen" eksempel-skole-vest
add bo "Bo Berg" eksempel-skole-midt
add cai "Cai Carlsen" eksempel-klub-oest

# net KEY...: a value from the "network" member of $TMP/out
net() {
	python3 -c 'import json,sys
v = json.load(open(sys.argv[1]))["network"]
for k in sys.argv[2:]: v = v[int(k)] if isinstance(v, list) else v[k]
print(json.dumps(v) if isinstance(v, (list, dict)) else v)' "$TMP/out" "$@"
}
ids() { python3 -c 'import json,sys; print(" ".join(x.get("id") or x["username"] for x in json.load(open(sys.argv[1]))["network"][sys.argv[2]]))' "$TMP/out" "$1"; }

expect_status 0 "json keeps the array of bodies" -- "$SSP" compliance 2027 --as-of 2027-03-01 --format json
cp "$TMP/out" "$TMP/bodies.json"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(not (isinstance(r, list) and r and all({"body","required_min","planned","held","cancelled","status"} <= set(x) for x in r)))' "$TMP/bodies.json" \
	&& ok "json: an array with the contract's keys" || fail "json contract"

expect_status 0 "json-full before the theme day" -- "$SSP" compliance 2027 --as-of 2027-03-01 --format json-full
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(not (a["bodies"] == b and a["year"] == 2027 and a["as_of"] == "2027-03-01" and isinstance(a["from_plan"], bool)))' "$TMP/out" "$TMP/bodies.json" \
	&& ok "json-full: bodies is the json array" || fail "json-full bodies"
[ "$(ids without_contact_person)" = "eksempel-klub-vest eksempel-skole-oest" ] \
	&& ok "[N-CONTACT] the club in Vest and the school in Øst have no contact person" \
	|| fail "without contact" "$(ids without_contact_person)"
[ "$(net schools)|$(net clubs)|$(net contact_persons)" = "3|2|3" ] && ok "counts" || fail "counts" "$(net schools)|$(net clubs)|$(net contact_persons)"
[ "$(net theme_day state)|$(net theme_day first)|$(net theme_day missed)" = "upcoming|2027-06-10|[]" ] \
	&& ok "[N-THEMEDAY] before the planned theme day nobody has missed it" || fail "upcoming" "$(net theme_day)"
[ "$(net school_year)|$(ids without_laeseplan)" = "2026/27|eksempel-skole-vest eksempel-skole-midt eksempel-skole-oest" ] \
	&& ok "[N-LAESEPLAN] no school has a læseplan for 2026/27 (clubs are not required)" \
	|| fail "without læseplan" "$(net school_year) $(ids without_laeseplan)"

expect_status 0 "json-full after the theme day" -- "$SSP" compliance 2027 --as-of 2027-12-31 --format json-full
python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["network"]["theme_day"]; sys.exit(not (t["state"] == "passed" and t["attended"] == 0 and [m["username"] for m in t["missed"]] == ["anna", "bo", "cai"]))' "$TMP/out" \
	&& ok "[N-THEMEDAY] nobody recorded present: all three missed it" || fail "missed" "$(net theme_day)"
[ "$(net school_year)" = "2027/28" ] && ok "as of December: the school year 2027/28" || fail "school year"

# The web door records læseplan items and attendance (tests/http/schools.test.mjs);
# here they go straight into the database to show the rules' effect.
python3 - "$SSP_DB" <<'PY' || fail "seed the database"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO laeseplan_item (institution_id, grade, theme, planned_date, updated_at, updated_by)"
           " VALUES ('eksempel-skole-vest', '8', 'Rusmidler', '2027-09-15', 'x', 'test')")
db.commit()
PY
expect_status 0 "save the plan" -- "$SSP" plan 2027 --save
id=$(python3 -c 'import json,sys; print([m["id"] for m in json.load(open(sys.argv[1])) if m["body"] == "ssp-skolenetvaerk"][0])' \
	<("$SSP" plan 2027 --stored --format json) 2>/dev/null)
python3 - "$SSP_DB" "$id" <<'PY' || fail "record attendance"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
anna = db.execute("SELECT id FROM user WHERE username = 'anna'").fetchone()[0]
db.execute("INSERT INTO meeting_attendance (meeting_id, user_id, present) VALUES (?, ?, 1)", (int(sys.argv[2]), anna))
db.commit()
PY
expect_status 0 "disable a contact person" -- "$SSP" user disable cai
expect_status 0 "json-full with a plan item and attendance" -- "$SSP" compliance 2027 --as-of 2027-12-31 --format json-full
[ "$(ids without_laeseplan)" = "eksempel-skole-midt eksempel-skole-oest" ] \
	&& ok "a planned item in 2027/28 gives Vest its læseplan" || fail "læseplan" "$(ids without_laeseplan)"
python3 -c 'import json,sys; n=json.load(open(sys.argv[1]))["network"]; t=n["theme_day"]; sys.exit(not (t["attended"] == 1 and [m["username"] for m in t["missed"]] == ["bo"] and n["contact_persons"] == 2))' "$TMP/out" \
	&& ok "Anna attended; Bo missed it; disabled Cai no longer counts" || fail "attendance" "$(net theme_day)"
[ "$(ids without_contact_person)" = "eksempel-klub-vest eksempel-skole-oest eksempel-klub-oest" ] \
	&& ok "a disabled contact person leaves the club without one" || fail "disabled" "$(ids without_contact_person)"

expect_status 0 "text" -- "$SSP" compliance 2027 --as-of 2027-12-31
expect_grep "$TMP/out" "Skoler og klubber uden SSP-kontaktperson: 3" "text: institutions without a contact person"
expect_grep "$TMP/out" "1 af 2 SSP-kontaktpersoner deltog; 1 deltog ikke" "text: theme day attendance"
expect_grep "$TMP/out" "    - Bo Berg (bo), Eksempelskolen Midt" "text: who missed it"
expect_grep "$TMP/out" "Skoler uden SSP-læseplan for skoleåret 2027/28 (fra 2027-08-01): 2" "text: schools without læseplan"
expect_grep "$TMP/out" "§ 115-møde" "text still starts with the bodies"

expect_status 2 "unknown format" -- "$SSP" compliance 2027 --format json-ful
expect_status 0 "help names json-full" -- "$SSP" compliance --help
expect_grep "$TMP/out" "json-full" "help: json-full"
finish
