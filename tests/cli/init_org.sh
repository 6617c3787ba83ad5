# ssp init and ssp org: load the shipped strategy, show it, re-load an
# edited one, and refuse a bad one without changing the database.
. "$(dirname "$0")/lib.sh"

expect_status 0 "init with the shipped strategy" -- "$SSP" init
expect_grep "$TMP/out" "Hedensted Kommune, 13 organer, 3 distrikter, 4 sagskategorier" "init summary"
[ -f "$SSP_DB" ] && ok "database created at \$SSP_DB" || fail "database created at \$SSP_DB"
mode=$(sqlite3 "$SSP_DB" "PRAGMA journal_mode")
[ "$mode" = wal ] && ok "WAL mode" || fail "WAL mode" "$mode"

expect_status 0 "org as text" -- "$SSP" org
for name in Kredsråd Lokalråd SSP-styregruppen SSP-team "§ 115-møde" "Ad hoc § 115-møde" \
	Hotspotmøde SSP-distriktsmøde SSP-skolenetværk "Infohus kommune" "Infohus netværk"; do
	expect_grep "$TMP/out" "$name" "text shows $name"
done
expect_grep "$TMP/out" "== Politisk niveau ==" "text is by level"
expect_grep "$TMP/out" "Mødefrekvens: hver 14. dag" "text shows frequency"

expect_status 0 "org as json" -- "$SSP" org --format json
mv "$TMP/out" "$TMP/org.json"
expect_golden "$TMP/org.json" "hedensted-org.json" "json equals golden"

# --db beats SSP_DB; the global form works too
expect_status 0 "--db after the command" -- "$SSP" org --db "$SSP_DB" --format json
expect_status 0 "--db before the command" -- "$SSP" --db "$SSP_DB" org --format json
expect_status 1 "--db to a missing file" -- "$SSP" org --db "$TMP/nope.db"
expect_grep "$TMP/err" "findes ikke; opret den med »ssp init«" "missing db message"

# an edited strategy updates the organisation and keeps everything else
sqlite3 "$SSP_DB" "INSERT INTO institution (id, name, kind, district_id) VALUES ('egen', 'Egen skole', 'skole', 'midt')"
sed -e 's/^navn = Hotspotmøde$/navn = Hotspotmøde (sommer)/' "$SRC/strategies/hedensted.ini" >"$TMP/edited.ini"
expect_status 0 "re-init with an edited strategy" -- "$SSP" init --strategy "$TMP/edited.ini"
expect_status 0 "org after re-init" -- "$SSP" org
expect_grep "$TMP/out" "Hotspotmøde (sommer)" "edit shows"
expect_grep "$TMP/out" "Egen skole" "hand-added institution kept"

# a bad strategy changes nothing
before=$(sqlite3 "$SSP_DB" "SELECT group_concat(name) FROM body ORDER BY position")
printf '[kommune]\nnavn = X\n' >"$TMP/bad.ini"
expect_status 1 "bad strategy refused" -- "$SSP" init --strategy "$TMP/bad.ini"
expect_grep "$TMP/err" "databasen er ikke ændret" "says nothing changed"
after=$(sqlite3 "$SSP_DB" "SELECT group_concat(name) FROM body ORDER BY position")
[ "$before" = "$after" ] && ok "bodies unchanged" || fail "bodies unchanged"

# a strategy that parses but cannot be planned changes nothing (issue 11)
sed -e 's/^frekvens = en gang om måneden i perioden marts til og med oktober$/frekvens = hver dag/' \
	"$SRC/strategies/hedensted.ini" >"$TMP/unplannable.ini"
plans_before=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM meeting")
expect_status 1 "unplannable strategy refused" -- "$SSP" init --strategy "$TMP/unplannable.ini"
line=$(grep -n '^frekvens = hver dag$' "$TMP/unplannable.ini" | cut -d: -f1)
expect_grep "$TMP/err" "unplannable.ini:$line: fejl: frekvensen kan ikke planlægges" "says where"
expect_grep "$TMP/err" "databasen er ikke ændret" "unplannable: says nothing changed"
after=$(sqlite3 "$SSP_DB" "SELECT group_concat(frequency) FROM body ORDER BY position")
case "$after" in *"hver dag"*) fail "unplannable: frequency not saved" ;; *) ok "unplannable: frequency not saved" ;; esac
[ "$plans_before" = "$(sqlite3 "$SSP_DB" "SELECT count(*) FROM meeting")" ] && ok "unplannable: plan unchanged" || fail "unplannable: plan unchanged"

# a bad strategy on a fresh path creates no database
expect_status 1 "bad strategy, no db" -- "$SSP" init --db "$TMP/new.db" --strategy "$TMP/bad.ini"
[ ! -e "$TMP/new.db" ] && ok "no database file created" || fail "no database file created"

expect_status 2 "unknown format" -- "$SSP" org --format xml
expect_grep "$TMP/err" "ukendt format »xml«" "format message"
expect_status 2 "unknown command" -- "$SSP" frob
expect_status 0 "top-level help" -- "$SSP" --help
expect_grep "$TMP/out" "init" "help lists init"
for c in init org strategy; do
	expect_status 0 "$c --help" -- "$SSP" $c --help
done
finish
