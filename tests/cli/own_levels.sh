# Issue 11: a strategy declares its own ordered levels ([strategi]
# niveauer, e.g. a "ledende" level); the organisation is shown and drawn
# in that order, and the levels survive a reload.
. "$(dirname "$0")/lib.sh"

sed -e 's/^lokal-tilrettelæggelse = .*/&\nniveauer = Politisk, Ledende, Strategisk, Koordinerende, Udførende/' \
    -e '/^\[organ "styregruppe"\]/,/^$/s/^niveau = strategisk$/niveau = Ledende/' \
    "$SRC/tests/fixtures/hver-skole.ini" >"$TMP/niveauer.ini"
expect_status 0 "check" -- "$SSP" strategy check "$TMP/niveauer.ini"
expect_status 0 "init" -- "$SSP" init --strategy "$TMP/niveauer.ini"
expect_status 0 "org json" -- "$SSP" org --format json
python3 - "$TMP/out" <<'EOF2' && ok "levels in the strategy's order; the steering group is ledende" || fail "json" "$(head -c 400 "$TMP/out")"
import json, sys
o = json.load(open(sys.argv[1]))
assert o["levels"] == ["politisk", "ledende", "strategisk", "koordinerende", "udførende"], o["levels"]
assert {b["id"]: b["level"] for b in o["bodies"]}["styregruppe"] == "ledende"
EOF2
expect_status 0 "org text" -- "$SSP" org
order=$(grep " niveau ==$" "$TMP/out" | tr "\n" "|")
[ "$order" = "== Politisk niveau ==|== Ledende niveau ==|== Strategisk niveau ==|== Koordinerende niveau ==|== Udførende niveau ==|" ] \
	&& ok "text: the levels in order" || fail "text order" "$order"
expect_status 0 "org pdf" -- "$SSP" org --format pdf --output "$TMP/org.pdf"
pdftotext "$TMP/org.pdf" "$TMP/org.txt"
python3 - "$TMP/org.txt" <<'EOF2' && ok "diagram: the Ledende band between Politisk and Strategisk" || fail "diagram order" "$(head -c 400 "$TMP/org.txt")"
import sys
t = " ".join(open(sys.argv[1], encoding="utf-8").read().split())
at = [t.find(x) for x in ("Politisk niveau", "Ledende niveau", "Strategisk niveau",
                          "Koordinerende niveau", "Udførende niveau")]
assert all(a >= 0 for a in at) and at == sorted(at), at
EOF2
expect_status 0 "reload keeps the levels" -- "$SSP" init --strategy "$TMP/niveauer.ini"
expect_status 0 "org json again" -- "$SSP" org --format json
expect_grep "$TMP/out" '"ledende"' "still ledende"

# a level the strategy does not declare is an error naming those it does
sed 's/^niveau = Ledende$/niveau = Øverste/' "$TMP/niveauer.ini" >"$TMP/forkert.ini"
expect_status 1 "unknown level" -- "$SSP" strategy check "$TMP/forkert.ini"
expect_grep "$TMP/err" "ukendt niveau »Øverste«; brug politisk, ledende, strategisk, koordinerende, udførende" "names the strategy's levels"
finish
