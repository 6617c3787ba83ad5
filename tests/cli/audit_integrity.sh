# The access log cannot be cut short, edited or have a hash shortened
# without `ssp audit verify` saying so (exit 1); a missing checkpoint file
# is a warning (exit 3); `ssp audit checkpoint` prints a line that a later
# `audit verify --checkpoint LINE` checks; `ssp init` is logged as
# strategy.apply with the file's SHA-256; `ssp key rotate` re-seals.
. "$(dirname "$0")/lib.sh"

strategy="$SRC/strategies/hedensted.ini"
expect_status 0 "init" -- "$SSP" init --no-plan --strategy "$strategy"
sum=$(sha256sum "$strategy" | cut -c1-64)
expect_status 0 "audit show" -- "$SSP" audit show
expect_grep "$TMP/out" "strategy.apply	sha256=$sum" "init is logged as strategy.apply with the file's SHA-256"
[ "$(stat -c %a "$SSP_DB.checkpoint")" = 600 ] && ok "checkpoint file is 0600" || fail "checkpoint file is 0600"
expect_status 0 "audit verify on a fresh log" -- "$SSP" audit verify
expect_grep "$TMP/out" "Adgangsloggen er intakt" "intact message"

# a line to keep off the machine
expect_status 0 "audit checkpoint" -- "$SSP" audit checkpoint
line=$(cat "$TMP/out")
case "$line" in "ssp-audit-checkpoint v1 seq="*" hash="*) ok "checkpoint prints one line" ;; *) fail "checkpoint prints one line" "$line" ;; esac
expect_status 0 "verify against the line" -- "$SSP" audit verify --checkpoint "$line"
expect_grep "$TMP/out" "passer med loggen" "the line matches"
expect_status 1 "a bad line is refused" -- "$SSP" audit verify --checkpoint "seq=1"
expect_grep "$TMP/err" "er ikke en linje fra" "bad line message"
for i in 1 2 3; do "$SSP" audit verify >/dev/null 2>&1; done

# truncation: drop the trigger, delete the newest entries
cp "$SSP_DB" "$TMP/before.db"; cp "$SSP_DB.checkpoint" "$TMP/before.cp"
newest=$(sqlite3 "$SSP_DB" "SELECT max(seq) FROM audit_log")
sqlite3 "$SSP_DB" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > $newest - 2"
expect_status 1 "verify detects the truncated log" -- "$SSP" audit verify
expect_grep "$TMP/err" "adgangsloggen er afkortet: kontrolpunktfilen nævner post $newest" "truncation message names the checkpoint"
# ... also when the attacker deletes the checkpoint file too, given the line
rm "$SSP_DB.checkpoint"
sqlite3 "$SSP_DB" "DELETE FROM audit_log WHERE seq >= $(echo "$line" | sed 's/.*seq=\([0-9]*\).*/\1/')"
expect_status 1 "verify --checkpoint detects a cut below the line" -- "$SSP" audit verify --checkpoint "$line"
expect_grep "$TMP/err" "kontrolpunktet nævner post" "line message"

# a missing checkpoint file alone is a warning, not a verdict
cp "$TMP/before.db" "$SSP_DB"; rm -f "$SSP_DB-wal" "$SSP_DB-shm" "$SSP_DB.checkpoint"
expect_status 3 "verify without a checkpoint file" -- "$SSP" audit verify
expect_grep "$TMP/err" "der er ingen kontrolpunktfil" "missing checkpoint message"
expect_status 0 "the next entry wrote it again" -- "$SSP" audit verify

# an edited row, a shortened hash
sqlite3 "$SSP_DB" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET object = 'mallory' WHERE seq = 1"
expect_status 1 "verify detects an edited row" -- "$SSP" audit verify
expect_grep "$TMP/err" "post 1 passer ikke" "edited row is named"
cp "$TMP/before.db" "$SSP_DB"; cp "$TMP/before.cp" "$SSP_DB.checkpoint"; rm -f "$SSP_DB-wal" "$SSP_DB-shm"
sqlite3 "$SSP_DB" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET hash = substr(hash, 1, 2) WHERE seq = 2"
expect_status 1 "verify detects a shortened hash" -- "$SSP" audit verify
expect_grep "$TMP/err" "post 2 passer ikke" "shortened hash is named"
expect_status 1 "checkpoint refuses a broken log" -- "$SSP" audit checkpoint

# key rotation
export SSP_DB="$TMP/keys.db"
expect_status 0 "init a second database" -- "$SSP" init --no-plan
expect_status 0 "key rotate" -- "$SSP" key rotate
expect_grep "$TMP/out" "Datanøgle 2 er nu den eneste" "rotate message"
n=$(sqlite3 "$SSP_DB" "SELECT group_concat(id) FROM data_key")
[ "$n" = 2 ] && ok "only the new data key is left" || fail "only the new data key is left" "$n"
expect_status 0 "audit show" -- "$SSP" audit show
expect_grep "$TMP/out" "key.rotate	1 -> 2" "rotation is logged"
expect_status 2 "key without rotate" -- "$SSP" key
finish
