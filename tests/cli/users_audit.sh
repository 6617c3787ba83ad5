# ssp user / token / audit on the command line: users are added, listed,
# disabled; tokens are shown once; the access log chain verifies and an
# edit made around the append-only triggers is detected and named.
. "$(dirname "$0")/lib.sh"

expect_status 0 "init" -- "$SSP" init
[ "$(stat -c %a "$SSP_DB.key")" = 600 ] && ok "key file is 0600" || fail "key file is 0600"
printf 'en-lang-adgangskode\n' >"$TMP/pw"
expect_status 0 "user add" -- sh -c "\"$SSP\" user add anna --name 'Anna Ås' --role ssp --org 'UNG Hedensted' --password-stdin <\"$TMP/pw\""
expect_grep "$TMP/out" "Brugeren anna (SSP-team) er oprettet." "user add message"
expect_status 1 "duplicate user" -- sh -c "\"$SSP\" user add anna --name A --role ssp --password-stdin <\"$TMP/pw\""
expect_grep "$TMP/err" "Brugernavnet »anna« er optaget." "duplicate message"
printf 'kort\n' >"$TMP/short"
expect_status 1 "short password" -- sh -c "\"$SSP\" user add bo --name B --role politi --password-stdin <\"$TMP/short\""
expect_grep "$TMP/err" "mindst 12 tegn" "short password message"
expect_status 2 "unknown role" -- sh -c "\"$SSP\" user add bo --name B --role chef --password-stdin <\"$TMP/pw\""
expect_grep "$TMP/err" "ukendt rolle »chef«" "unknown role message"
expect_status 2 "missing --password-stdin" -- "$SSP" user add bo --name B --role politi
expect_status 1 "unknown institution" -- sh -c "\"$SSP\" user add cia --name C --role kontaktperson --institution nope --password-stdin <\"$TMP/pw\""
expect_grep "$TMP/err" "Institutionen »nope« findes ikke." "institution message"
expect_status 0 "contact person with institution" -- sh -c "\"$SSP\" user add cia --name C --role kontaktperson --institution eksempel-skole-vest --password-stdin <\"$TMP/pw\""

expect_status 0 "user list" -- "$SSP" user list
expect_grep "$TMP/out" "anna" "list shows anna"
expect_grep "$TMP/out" "kontaktperson" "list shows role"
if grep -q 'argon2id' "$TMP/out"; then fail "list hides hashes"; else ok "list hides hashes"; fi
hash=$(sqlite3 "$SSP_DB" "SELECT password_hash FROM user WHERE username = 'anna'")
case "$hash" in '$argon2id$'*) ok "password stored as Argon2id" ;; *) fail "password stored as Argon2id" "$hash" ;; esac

expect_status 0 "token create" -- "$SSP" token create anna
tok=$(cat "$TMP/out")
[ ${#tok} -eq 43 ] && ok "token is 43 characters" || fail "token is 43 characters" "$tok"
n=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM api_token WHERE hash = '$tok'")
[ "$n" = 0 ] && ok "token not stored in clear" || fail "token not stored in clear"
expect_status 0 "token revoke" -- "$SSP" token revoke anna
expect_grep "$TMP/out" "1 token(s) tilbagekaldt for anna." "revoke message"
expect_status 1 "token for unknown user" -- "$SSP" token create ingen

expect_status 0 "user disable" -- "$SSP" user disable anna
expect_status 1 "disable unknown user" -- "$SSP" user disable ingen

expect_status 0 "audit show" -- "$SSP" audit show
expect_grep "$TMP/out" "user.add" "log has user.add"
expect_grep "$TMP/out" "token.create" "log has token.create"
expect_grep "$TMP/out" "user.disable" "log has user.disable"
expect_status 0 "audit show --user" -- "$SSP" audit show --user cli:nobody
[ ! -s "$TMP/out" ] && ok "filter by user" || fail "filter by user"
expect_status 0 "audit verify" -- "$SSP" audit verify
expect_grep "$TMP/out" "Adgangsloggen er intakt" "verify message"

# the triggers refuse edits; going around them is detected
if sqlite3 "$SSP_DB" "UPDATE audit_log SET object = 'x' WHERE seq = 2" 2>/dev/null; then
	fail "trigger refuses UPDATE"; else ok "trigger refuses UPDATE"; fi
sqlite3 "$SSP_DB" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET object = 'mallory' WHERE seq = 3"
expect_status 1 "verify detects the edited row" -- "$SSP" audit verify
expect_grep "$TMP/err" "post 3 passer ikke" "verify names the first broken entry"
# no log entry, no action: with the access log unwritable an admin action
# is refused and nothing changes
export SSP_DB="$TMP/nolog.db"
expect_status 0 "init a second database" -- "$SSP" init --no-plan
sqlite3 "$SSP_DB" "ALTER TABLE audit_log RENAME TO audit_log_gone"
expect_status 1 "user add refused without a log" -- sh -c "\"$SSP\" user add eva --name E --role ssp --password-stdin <\"$TMP/pw\""
n=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM user WHERE username = 'eva'")
[ "$n" = 0 ] && ok "no user created without a log entry" || fail "no user created without a log entry" "$n"
finish
