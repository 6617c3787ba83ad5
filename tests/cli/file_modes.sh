# Files an operator can trust: under a permissive umask the database, its
# -wal and -shm and the key file are created 0600, and `ssp serve` refuses
# to start when the database or key is readable by others, saying how to
# fix it.
. "$(dirname "$0")/lib.sh"

# mode FILE: the permission bits, as stat prints them (e.g. 600)
mode() { stat -c '%a' "$1"; }
expect_mode() { # expect_mode FILE WANT DESC
	if [ -e "$1" ] && [ "$(mode "$1")" = "$2" ]; then ok "$3"
	else fail "$3" "mode of $1: $(mode "$1" 2>&1), wanted $2"; fi
}

umask 022
expect_status 0 "init under umask 022" -- "$SSP" init --no-plan
expect_mode "$SSP_DB" 600 "database created 0600"
expect_mode "$SSP_DB.key" 600 "key file created 0600"
expect_mode "$SSP_DB.checkpoint" 600 "access-log checkpoint created 0600"
expect_mode "$SSP_DB.backup-key" 600 "backup key created 0600"

# While the server runs, SQLite keeps the -wal and -shm files.
"$SSP" serve --listen 127.0.0.1:0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
pid=$!
for _ in $(seq 100); do grep -q 'Lytter på' "$TMP/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^Lytter på \(http[^ ]*\)$/\1/p' "$TMP/serve.out" | head -n 1)
if [ -n "$url" ]; then ok "serve starts on a private database"
else fail "serve starts on a private database" "$(cat "$TMP/serve.err")"; fi
curl -s -o /dev/null "${url}healthz" || true
expect_mode "$SSP_DB-wal" 600 "-wal created 0600"
expect_mode "$SSP_DB-shm" 600 "-shm created 0600"
kill -TERM "$pid"
wait "$pid"
# an export the CLI writes is private too (the process umask)
expect_status 0 "org export" -- "$SSP" org --format json -o "$TMP/org.json"
expect_mode "$TMP/org.json" 600 "exported file created 0600"

chmod 644 "$SSP_DB"
expect_status 1 "serve refuses a group/other-readable database" -- timeout 30 \
	"$SSP" serve --listen 127.0.0.1:0
expect_grep "$TMP/err" "kan læses af andre end ejeren" "says why (database)"
expect_grep "$TMP/err" "chmod 600 $SSP_DB" "says how to fix it (database)"
chmod 600 "$SSP_DB"
chmod 640 "$SSP_DB.key"
expect_status 1 "serve refuses a group-readable key" -- timeout 30 "$SSP" serve --listen 127.0.0.1:0
expect_grep "$TMP/err" "chmod 600 $SSP_DB.key" "says how to fix it (key)"
chmod 600 "$SSP_DB.key"
chmod 644 "$SSP_DB.backup-key"
expect_status 1 "serve refuses a readable backup key" -- timeout 30 "$SSP" serve --listen 127.0.0.1:0
expect_grep "$TMP/err" "chmod 600 $SSP_DB.backup-key" "says how to fix it (backup key)"
finish
