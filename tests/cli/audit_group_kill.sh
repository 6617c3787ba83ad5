# The access log's group commit under a crash: a burst of concurrent API
# requests (each logs token.use before its response leaves the service,
# through the group commit), then kill -9 of the server in the middle of
# it. Every 200 that a client received has its entry in the log after the
# crash, the chain verifies, and the checkpoint file is not ahead of it.
# The count check fails whenever an answer leaves before its entry is
# committed.
. "$(dirname "$0")/lib.sh"
api_user
count() { # the token.use entries in the log
	sqlite3 "$SSP_DB" "SELECT count(*) FROM audit_log WHERE action = 'token.use'"
}
before=$(count)

"$SSP" serve --listen 127.0.0.1:0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
pid=$!
for _ in $(seq 100); do grep -q 'Lytter på' "$TMP/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^Lytter på \(http[^ ]*\)$/\1/p' "$TMP/serve.out" | head -n 1)
url=${url%/}
[ -n "$url" ] && ok "server started" || fail "server started" "$(cat "$TMP/serve.err")"
mkdir "$TMP/r"
# 16 clients, 600 requests in all: more than finish before the kill
seq 600 | xargs -P 16 -I{} sh -c \
	'curl -s -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $1" "$2/api/v1/org" >"$3/{}" 2>/dev/null' \
	_ "$tok" "$url" "$TMP/r" &
burst=$!
# kill once some answers are in (up to 30 s on a slow machine), while the
# rest are still being served
for _ in $(seq 300); do
	[ "$(cat "$TMP/r"/* 2>/dev/null | grep -c '^200$')" -ge 50 ] && break
	sleep 0.1
done
kill -9 "$pid"
wait "$pid" 2>/dev/null
wait "$burst" 2>/dev/null
sent=$(cat "$TMP/r"/* 2>/dev/null | grep -c '^200$')
[ "$sent" -gt 0 ] && ok "responses before the crash ($sent)" || fail "responses before the crash"
after=$(count)
logged=$((after - before))
if [ "$logged" -ge "$sent" ]; then ok "every answered request is in the log ($logged >= $sent)"
else fail "every answered request is in the log" "$logged entries, $sent answers"; fi
# The chain holds. The checkpoint file may lag by the group that was
# being committed when the process died (exit 3: older than the log,
# never ahead); the next entry (this verify's own) moves it to the head.
"$SSP" audit verify >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc = 0 ] || [ $rc = 3 ]; then ok "the chain holds after the crash (exit $rc)"
else fail "the chain holds after the crash" "exit $rc: $(cat "$TMP/err")"; fi
expect_status 0 "audit verify after the next entry" -- "$SSP" audit verify
finish
