# ssp init saves this year's and next year's plan; ssp participant and
# ssp calendar token: bad input gives a clear error and changes nothing,
# every change is in the access log.
. "$(dirname "$0")/lib.sh"

year=$(date +%Y)
next=$((year + 1))
expect_status 0 "init plans two years" -- "$SSP" init
expect_grep "$TMP/out" "Mødeplanen for $year er gemt:" "this year saved"
expect_grep "$TMP/out" "Mødeplanen for $next er gemt:" "next year saved"
n=$(sqlite3 "$SSP_DB" "SELECT count(DISTINCT year) FROM meeting")
[ "$n" = 2 ] && ok "two years stored" || fail "years stored" "$n"
expect_status 0 "re-init keeps the plan" -- "$SSP" init
expect_grep "$TMP/out" "0 nye, 0 ændrede" "re-planning changes nothing"
expect_status 0 "init --no-plan" -- "$SSP" init --no-plan
if grep -q "Mødeplanen" "$TMP/out"; then fail "--no-plan saves nothing"; else ok "--no-plan saves nothing"; fi

printf 'korrekt-hest-batteri-42\n' | "$SSP" user add kim --name "Kim K" --role kontaktperson \
	--password-stdin >/dev/null || fail "user add"
expect_status 0 "participant add" -- "$SSP" participant add hotspot kim
expect_grep "$TMP/out" "kim deltager nu i hotspot" "add message"
expect_status 0 "participant add again" -- "$SSP" participant add hotspot kim
expect_grep "$TMP/out" "kim deltog allerede i hotspot" "already there"
expect_status 0 "participant list" -- "$SSP" participant list hotspot
expect_grep "$TMP/out" "kim	Kim K	kontaktperson" "list shows kim"
expect_status 1 "unknown body" -- "$SSP" participant add findes-ikke kim
expect_grep "$TMP/err" "organet »findes-ikke« findes ikke" "unknown body message"
expect_status 1 "unknown user" -- "$SSP" participant add hotspot ingen
expect_grep "$TMP/err" "Brugeren »ingen« findes ikke." "unknown user message"
expect_status 2 "usage" -- "$SSP" participant add hotspot
expect_status 0 "help" -- "$SSP" participant --help

expect_status 0 "calendar token create" -- "$SSP" calendar token create kim
grep -Eq '^/kalender/[A-Za-z0-9_-]{43}\.ics$' "$TMP/out" && ok "prints the address path" || fail "path" "$(cat "$TMP/out")"
tok=$(sed -e 's|^/kalender/||' -e 's|\.ics$||' "$TMP/out")
n=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM calendar_token WHERE hash = CAST('$tok' AS BLOB)")
[ "$n" = 0 ] && ok "the token is not stored as such" || fail "token stored"
expect_status 0 "a second address" -- "$SSP" calendar token create kim
n=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM calendar_token WHERE revoked_at IS NULL")
[ "$n" = 1 ] && ok "the first one is revoked" || fail "live tokens" "$n"
expect_status 0 "calendar token revoke" -- "$SSP" calendar token revoke kim
expect_grep "$TMP/out" "1 kalenderadresse(r) tilbagekaldt for kim" "revoke message"
expect_status 1 "unknown user" -- "$SSP" calendar token create ingen
expect_status 2 "usage" -- "$SSP" calendar token
expect_status 0 "help" -- "$SSP" calendar --help

expect_status 0 "participant remove" -- "$SSP" participant remove hotspot kim
expect_grep "$TMP/out" "kim deltager ikke længere i hotspot" "remove message"
n=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM audit_log WHERE action IN ('participant.add', 'participant.remove', 'calendar.token.create', 'calendar.token.revoke') AND outcome = 'ok'")
[ "$n" = 6 ] && ok "changes are in the access log" || fail "audit" "$n"
expect_status 0 "verify access log" -- "$SSP" audit verify
finish
