# ssp strategy check: the shipped strategy is clean; every bad fixture is
# refused with FILE:LINE: messages equal to its golden .err file.
. "$(dirname "$0")/lib.sh"

expect_status 0 "shipped strategy passes" -- "$SSP" strategy check "$SRC/strategies/hedensted.ini"
expect_grep "$TMP/out" "strategien er i orden: 13 organer, 3 distrikter, 4 sagskategorier, 0 advarsler" "summary line"

expect_status 0 "help" -- "$SSP" strategy --help
expect_grep "$TMP/out" "Brug: ssp strategy check FIL" "help text"
expect_status 2 "no file is a usage error" -- "$SSP" strategy check
expect_status 2 "unknown action" -- "$SSP" strategy frob
expect_status 1 "missing file" -- "$SSP" strategy check "$TMP/findes-ikke.ini"
expect_grep "$TMP/err" "kan ikke åbne" "missing file message"
expect_status 1 "directory" -- "$SSP" strategy check "$TMP"
expect_grep "$TMP/err" "er en mappe" "directory message"

cd "$SRC/tests/cli/bad" || exit 1
for f in *.ini; do
	expect_status 1 "$f is refused" -- "$SSP" strategy check "$f"
	expect_golden "$TMP/err" "bad/${f%.ini}.err" "$f messages"
done

# warnings only: exit 0, one warning per missing theme
cd "$SRC/tests/fixtures" || exit 1
expect_status 0 "missing themes only warn" -- "$SSP" strategy check no-themes.ini
expect_grep "$TMP/err" "no-themes.ini: advarsel: den nationale rammes tema »Lokal tilrettelæggelse« har intet indhold" "theme warning"
finish
