# A different municipality's strategy (other bodies, districts, categories)
# loads and draws without any code change.
. "$(dirname "$0")/lib.sh"

f="$SRC/tests/fixtures/anderledes.ini"
expect_status 0 "check" -- "$SSP" strategy check "$f"
expect_status 0 "init" -- "$SSP" init --strategy "$f"
expect_status 0 "json" -- "$SSP" org --format json
expect_golden "$TMP/out" "anderledes-org.json" "json equals golden"
expect_grep "$TMP/out" '"municipality": "Anderledes Kommune"' "municipality"
n=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["bodies"]), len(d["districts"]), len(d["categories"]))' "$TMP/out")
[ "$n" = "5 12 3" ] && ok "5 bodies, 12 districts, 3 categories" || fail "counts" "$n"
expect_status 0 "pdf" -- "$SSP" org --format pdf --output "$TMP/a.pdf"
pdftotext "$TMP/a.pdf" - | tr -s ' \n' ' ' >"$TMP/a.txt"
expect_grep "$TMP/a.txt" "Skoledistriktsgruppe" "pdf shows its own body"
expect_grep "$TMP/a.txt" "Koordinationsgruppe" "pdf shows coordination group"
expect_status 0 "svg" -- "$SSP" org --format svg --output "$TMP/a.svg"
xmllint --noout "$TMP/a.svg" && ok "svg parses" || fail "svg parses"
finish
