# The web server holds every answer until the access-log entries of its
# request are committed by the log's writer (service/audit.c). When the
# writer cannot write them (the test hook SSP_TEST_AUDIT_FAIL stands in
# for a full or failing disk), the action is refused: the API answers 500
# with none of the data it had prepared, and a sign-in answers 500 without
# a session cookie. The same requests against a server whose writer works
# succeed: the refusal comes from the failed entry, nothing else.
. "$(dirname "$0")/lib.sh"
api_user

serve() { # serve OUT [ENV...]: starts a server; sets pid and url
	local out=$1
	shift
	env "$@" "$SSP" serve --listen 127.0.0.1:0 >"$out" 2>"$out.err" &
	pid=$!
	for _ in $(seq 100); do grep -q 'Lytter på' "$out" && break; sleep 0.1; done
	url=$(sed -n 's/^Lytter på \(http[^ ]*\)$/\1/p' "$out" | head -n 1)
	url=${url%/}
}
signin() { # signin URL: the sign-in's status; the headers in $TMP/h
	rm -f "$TMP/jar"
	csrf=$(curl -s -c "$TMP/jar" "$1/logind" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -D "$TMP/h" -w '%{http_code}' -b "$TMP/jar" \
		--data-urlencode "csrf=$csrf" --data-urlencode username=api \
		--data-urlencode password=en-adgangskode-1 "$1/logind"
}
count() {
	sqlite3 "$SSP_DB" "SELECT count(*) FROM audit_log WHERE action IN ('token.use', 'login.ok')"
}

before=$(count)
serve "$TMP/bad.out" SSP_TEST_AUDIT_FAIL=1
[ -n "$url" ] && ok "a server whose log writer fails started" || fail "server started" "$(cat "$TMP/bad.out.err")"
code=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $tok" "$url/api/v1/org")
[ "$code" = 500 ] && ok "the API refuses when its entry cannot be written (500)" ||
	fail "the API refuses" "status $code"
if grep -q '"bodies"' "$TMP/body"; then fail "none of the prepared data is sent" "$(head -c 300 "$TMP/body")"
else ok "none of the prepared data is sent"; fi
expect_grep "$TMP/bad.out.err" "SSP_TEST_AUDIT_FAIL" "the operator's log names the failure"
code=$(signin "$url")
[ "$code" = 500 ] && ok "the sign-in is refused (500)" || fail "the sign-in is refused" "status $code"
if grep -qi '^set-cookie: ssp_session=[^;]' "$TMP/h"; then fail "no session cookie is sent" "$(cat "$TMP/h")"
else ok "no session cookie is sent"; fi
kill "$pid"
wait "$pid" 2>/dev/null
[ "$(count)" = "$before" ] && ok "nothing of those entries reached the log" ||
	fail "nothing reached the log" "$before -> $(count)"

serve "$TMP/good.out"
code=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $tok" "$url/api/v1/org")
[ "$code" = 200 ] && ok "with a working writer the API answers 200" || fail "the API answers 200" "status $code"
expect_grep "$TMP/body" '"bodies"' "with the data"
code=$(signin "$url")
[ "$code" = 303 ] && ok "with a working writer the sign-in succeeds (303)" || fail "the sign-in succeeds" "status $code"
if grep -qi '^set-cookie: ssp_session=[^;]' "$TMP/h"; then ok "and sets the session cookie"
else fail "and sets the session cookie" "$(cat "$TMP/h")"; fi
kill "$pid"
wait "$pid" 2>/dev/null
[ "$(count)" -ge $((before + 2)) ] && ok "their entries are in the log" || fail "their entries are in the log" "$(count)"
expect_status 0 "the chain holds" -- "$SSP" audit verify
finish
