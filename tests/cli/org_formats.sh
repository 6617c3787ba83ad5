# ssp org --format svg|pdf: the diagram is well-formed SVG and a PDF whose
# text holds every body, its level and responsible, and the districts.
. "$(dirname "$0")/lib.sh"

expect_status 0 "init" -- "$SSP" init
expect_status 0 "svg" -- "$SSP" org --format svg --output "$TMP/org.svg"
if xmllint --noout "$TMP/org.svg" 2>"$TMP/xml"; then ok "svg parses as XML"; else fail "svg parses as XML" "$(head -5 "$TMP/xml")"; fi
expect_grep "$TMP/org.svg" "<svg" "svg root"
expect_status 0 "pdf" -- "$SSP" org --format pdf --output "$TMP/org.pdf"
pdftotext -layout "$TMP/org.pdf" "$TMP/org.txt"
tr -s ' \n' ' ' <"$TMP/org.txt" >"$TMP/flat.txt"
for s in Kredsråd Lokalråd SSP-styregruppen SSP-team Hotspotmøde "Infohus kommune" \
	"Politisk niveau" "Strategisk niveau" Koordinerende "Udførende niveau" \
	"Sydøstjyllands Politi" "Leder af UNG Hedensted" Vest Midt Øst; do
	expect_grep "$TMP/flat.txt" "$s" "pdf shows $s"
done
# stdout works too
"$SSP" org --format pdf >"$TMP/o2.pdf" && head -c 5 "$TMP/o2.pdf" | grep -q '%PDF-' && ok "pdf to stdout" || fail "pdf to stdout"
finish
