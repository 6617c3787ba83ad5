# backup.sh - `ssp backup` and `ssp restore` (issue 12) end to end on the
# data tests/cli/purge.sh uses (purge_seed.mjs through the real server):
# an encrypted backup; purge a test person; restore the backup; the person
# is still gone (their rows, and their ciphertexts and blind index in the
# file), the deletion records came along, `ssp audit verify` holds;
# corrupt, cut, wrong-key and foreign backups refused with the database
# unchanged; kill -9 during a restore; a restore with no database left.
. "$(dirname "$0")/lib.sh"

SEED="$TMP/seed"
mkdir -p "$SEED"
if node "$SRC/tests/cli/purge_seed.mjs" "$SEED" >"$TMP/ids.json" 2>"$TMP/seed.err"; then
	ok "data made through the JSON API"
else
	fail "data made through the JSON API" "$(tail -5 "$TMP/seed.err")"
	finish
	exit 1
fi
id() { node -e "process.stdout.write(String(JSON.parse(require('fs').readFileSync('$TMP/ids.json','utf8'))['$1']))"; }
TODAY=$(id today)
day() { date -u -d "$TODAY + $1 days" +%F; }
q() { sqlite3 "$SSP_DB" "$1"; }
holds_hex() { od -An -v -tx1 "$1" | tr -d ' \n' | grep -q "$2"; }
# the database's state: every row but the access log's (a refused restore
# is logged there), and the key files
sums() {
	{ sqlite3 "$SSP_DB" .dump | grep -v '^INSERT INTO audit_log '; cat "$SSP_DB.key" "$SSP_DB.backup-key"; } |
		sha256sum
}
W="$TMP/w"
mkdir "$W"
cp "$SEED"/ssp.db* "$W/"
export SSP_DB="$W/ssp.db"
pA=$(id pA)

# ---- the backup ---------------------------------------------------------------
[ -e "$SSP_DB.backup-key" ] && ok "ssp init made the backup key" || fail "ssp init made the backup key"
[ "$(stat -c %a "$SSP_DB.backup-key")" = 600 ] && ok "the backup key is 0600" || fail "the backup key is 0600"
expect_status 0 "ssp backup" -- "$SSP" backup "$TMP/b1.bak"
expect_grep "$TMP/out" "Backup skrevet" "backup says it wrote the file"
[ "$(stat -c %a "$TMP/b1.bak")" = 600 ] && ok "the backup file is 0600" || fail "the backup file is 0600"
[ "$(head -c 8 "$TMP/b1.bak")" = SSPBAKUP ] && ok "the file starts with the magic" || fail "the file starts with the magic"
name_hex=$(q "SELECT lower(hex(name)) FROM person WHERE id = $pA")
cpr_hex=$(q "SELECT lower(hex(cpr)) FROM person WHERE id = $pA")
index_hex=$(q "SELECT lower(hex(cpr_index)) FROM person WHERE id = $pA")
[ ${#name_hex} -gt 40 ] && holds_hex "$SSP_DB" "$name_hex" && ok "the name's ciphertext is in the database" ||
	fail "the name's ciphertext is in the database"
if holds_hex "$TMP/b1.bak" "$index_hex" || grep -qa "SQLite format" "$TMP/b1.bak"; then
	fail "the backup is encrypted (no database header, no blind index)"
else ok "the backup is encrypted (no database header, no blind index)"; fi
expect_status 0 "restore --check of a good backup" -- "$SSP" restore --check "$TMP/b1.bak"
expect_grep "$TMP/out" "Backuppen er i orden" "check says it is fine"
expect_status 0 "audit show" -- "$SSP" audit show
expect_grep "$TMP/out" "backup.create	deletion-id=" "the backup is in the access log"
expect_grep "$TMP/out" "backup.check	created=" "the check is in the access log"
expect_grep "$TMP/out" "cli	ok" "logged as ok"
expect_status 2 "backup without a file is a usage error" -- "$SSP" backup
expect_status 2 "backup --check is no option" -- "$SSP" backup --check "$TMP/x"

# ---- purge the test person, then restore the backup from before -------------
# a row removed by hand after the backup (no deletion record): the replay
# must not trip over it when it deletes its parent
cat1=$(q "SELECT rowid FROM concern_category WHERE concern_id = $(id c1) LIMIT 1")
q "DELETE FROM concern_category WHERE rowid = $cat1"
expect_status 0 "purge the test person (five years on)" -- "$SSP" purge --as-of "$(day 1825)" --format json
[ "$(q "SELECT count(*) FROM person WHERE id = $pA")" = 0 ] && ok "person A purged" || fail "person A purged"
records=$(q "SELECT count(*) FROM deletion_record")
anchors=$(q "SELECT count(*) FROM audit_anchor")
[ "$anchors" -ge 1 ] && ok "the purge pruned the access log behind an anchor" || fail "the purge pruned the access log"
# a person added after the backup and deleted again (by the same purge rules: a
# referral handled elsewhere) is not in the backup: nothing to replay there
expect_status 0 "ssp restore" -- "$SSP" restore "$TMP/b1.bak"
expect_grep "$TMP/out" "Gendannet fra" "restore says it restored"
cat "$TMP/out" >"$TMP/restore.out"
[ "$(q "SELECT count(*) FROM person WHERE id = $pA")" = 0 ] && ok "after the restore: person A is still gone" ||
	fail "after the restore: person A is still gone"
for t in "concern WHERE id = $(id c1)" "handover WHERE id = $(id h1)" "referral WHERE id = $(id r1)" \
	"person WHERE cpr_index = X'$index_hex'" "meeting_minutes WHERE meeting_id = $(id m1)"; do
	n=$(q "SELECT count(*) FROM $t")
	[ "$n" = 0 ] && ok "still gone: $t" || fail "still gone: $t" "$n back"
done
[ "$(q "SELECT count(*) FROM concern WHERE id = $(id c2)")" = 1 ] && ok "the open concern is back" || fail "the open concern is back"
for f in "$SSP_DB" "$SSP_DB-wal"; do
	[ -e "$f" ] || continue
	for h in name:$name_hex cpr:$cpr_hex index:$index_hex; do
		if holds_hex "$f" "${h#*:}"; then fail "no ${h%%:*} ciphertext in $(basename "$f")"; else ok "no ${h%%:*} ciphertext in $(basename "$f")"; fi
	done
	if grep -qaF "Purgeperson Xylofonsen" "$f"; then fail "no name in $(basename "$f")"; else ok "no name in $(basename "$f")"; fi
done
ls "$W" | grep -q restore-tmp && fail "no temporary copy left" || ok "no temporary copy left"
[ "$(q "SELECT count(*) FROM deletion_record")" = "$records" ] && ok "the deletion records came along ($records)" ||
	fail "the deletion records came along" "$(q "SELECT count(*) FROM deletion_record"), wanted $records"
[ "$(q "SELECT count(*) FROM audit_anchor")" = "$anchors" ] && ok "the anchors came along" || fail "the anchors came along"
[ "$(q 'PRAGMA integrity_check')" = ok ] && ok "integrity_check after the restore" || fail "integrity_check after the restore"
[ "$(q 'PRAGMA foreign_key_check' | wc -l)" = 0 ] && ok "foreign_key_check after the restore" || fail "foreign_key_check after the restore"
expect_status 0 "audit verify after the restore" -- "$SSP" audit verify
expect_status 0 "audit show" -- "$SSP" audit show
expect_grep "$TMP/out" "backup.restore	created=" "the restore is in the access log"
expect_grep "$TMP/out" "retention.purge	done as-of=$(day 1825)" "the purge's entries came along"
expect_status 0 "a purge after the restore finds nothing more to delete" -- "$SSP" purge --as-of "$(day 1825)" --format json
expect_grep "$TMP/out" '"person": 0' "nothing of the purge had come back"

[ "$(q "SELECT count(*) FROM concern_category WHERE rowid = $cat1")" = 0 ] &&
	ok "the row removed without a deletion record is gone with its parent" ||
	fail "the row removed without a deletion record is gone with its parent"
# a key rotation after the backup deletes the old data key: the backup's
# data is sealed under it, and the instance key still opens it
expect_status 0 "key rotation after the backup" -- "$SSP" key rotate
expect_status 0 "restore after a key rotation" -- "$SSP" restore "$TMP/b1.bak"
expect_status 0 "audit verify after restoring across a rotation" -- "$SSP" audit verify
expect_status 0 "indsigt on the restored database opens the sealed fields" -- "$SSP" indsigt --person "$(id pD)"
expect_grep "$TMP/out" '"person"' "indsigt answers"

# ---- bad backups: refused, the database unchanged ----------------------------
before=$(sums)
size=$(stat -c %s "$TMP/b1.bak")
refused() { # FILE DESC PATTERN [--key K]
	local f=$1 desc=$2 pat=$3 checked=1
	shift 3
	if [ "${1:-}" = --valid ]; then checked=0; shift; fi
	expect_status 1 "$desc: refused" -- "$SSP" restore "$@" "$f"
	expect_grep "$TMP/err" "$pat" "$desc: says why"
	expect_grep "$TMP/err" "databasen er uændret" "$desc: says the database is unchanged"
	[ "$(sums)" = "$before" ] && ok "$desc: database unchanged" || fail "$desc: database unchanged"
	[ $checked = 1 ] && expect_status 1 "$desc: --check refuses it too" -- "$SSP" restore --check "$@" "$f"
	[ "$(q "SELECT outcome FROM audit_log WHERE action = 'backup.restore' ORDER BY seq DESC LIMIT 1")" = failed ] &&
		ok "$desc: the refusal is logged as failed" || fail "$desc: the refusal is logged as failed"
}
cp "$TMP/b1.bak" "$TMP/flip.bak"
printf '\377' | dd of="$TMP/flip.bak" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
refused "$TMP/flip.bak" "a changed byte" "beskadiget eller ændret"
cp "$TMP/b1.bak" "$TMP/head.bak"
printf '\177' | dd of="$TMP/head.bak" bs=1 seek=22 conv=notrunc 2>/dev/null
refused "$TMP/head.bak" "a changed header (deletion id)" "blok 1 kan ikke godkendes"
head -c $((size - 21)) "$TMP/b1.bak" >"$TMP/nofinal.bak"
refused "$TMP/nofinal.bak" "cut before the final chunk" "slutmarkeringen mangler"
head -c $((size / 3)) "$TMP/b1.bak" >"$TMP/cut.bak"
refused "$TMP/cut.bak" "cut in the middle" "afkortet"
head -c 30 "$TMP/b1.bak" >"$TMP/short.bak"
refused "$TMP/short.bak" "cut in the header" "afkortet"
{ cat "$TMP/b1.bak"; printf 'x'; } >"$TMP/tail.bak"
refused "$TMP/tail.bak" "data after the end" "efter slutmarkeringen"
head -c 4096 /dev/urandom >"$TMP/random.bak"
refused "$TMP/random.bak" "not a backup" "ikke en ssp-backup"
head -c 32 /dev/urandom >"$TMP/other.key"
refused "$TMP/b1.bak" "the wrong key" "backupnøglen passer ikke" --key "$TMP/other.key"
refused "$TMP/nope.bak" "a missing file" "kan ikke åbne"
# a backup of a damaged database: made with a key of its own, from a copy
# whose pages were overwritten
mkdir "$TMP/dmg"
cp "$SEED"/ssp.db* "$TMP/dmg/"
sqlite3 "$TMP/dmg/ssp.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
printf 'garbagegarbagegarbagegarbage' | dd of="$TMP/dmg/ssp.db" bs=1 seek=$((4096 * 4)) conv=notrunc 2>/dev/null
SSP_DB="$TMP/dmg/ssp.db" "$SSP" backup "$TMP/dmg.bak" >/dev/null 2>&1
if [ -e "$TMP/dmg.bak" ]; then
	refused "$TMP/dmg.bak" "a damaged database inside" "beskadiget" --key "$TMP/dmg/ssp.db.backup-key"
else ok "a damaged database cannot even be backed up"; fi
# another instance's database: its data keys differ
mkdir "$TMP/other"
SSP_DB="$TMP/other/ssp.db" "$SSP" init --no-plan >/dev/null
cp "$SSP_DB.backup-key" "$TMP/other/ssp.db.backup-key"
SSP_DB="$TMP/other/ssp.db" "$SSP" backup "$TMP/other.bak" >/dev/null
refused "$TMP/other.bak" "another instance's backup" "Nøglefilen passer ikke til databasen" --valid
# a copy that went its own way: its own deletions, its own data key, its
# own access log since the copy
mkdir "$TMP/fork"
cp "$SEED"/ssp.db* "$TMP/fork/"
cp "$SSP_DB.backup-key" "$TMP/fork/ssp.db.backup-key"
SSP_DB="$TMP/fork/ssp.db" "$SSP" purge --as-of "$(day 1)" >/dev/null 2>&1
SSP_DB="$TMP/fork/ssp.db" "$SSP" key rotate >/dev/null 2>&1
SSP_DB="$TMP/fork/ssp.db" "$SSP" backup "$TMP/fork.bak" >/dev/null
refused "$TMP/fork.bak" "a backup of a copy that went its own way" "ikke den, backuppen er taget af" --valid

# ---- kill -9 during a restore -------------------------------------------------
for stage in replayed before-rename; do
	SSP_TEST_RESTORE_KILL=$stage "$SSP" restore "$TMP/b1.bak" >/dev/null 2>&1
	st=$?
	[ "$st" -ge 128 ] && ok "restore killed at $stage (status $st)" || fail "restore killed at $stage" "status $st"
	[ "$(sums)" = "$before" ] && ok "killed at $stage: database unchanged" || fail "killed at $stage: database unchanged"
	[ "$(q 'PRAGMA integrity_check')" = ok ] && ok "killed at $stage: integrity_check" || fail "killed at $stage: integrity_check"
done
SSP_TEST_RESTORE_KILL=after-rename "$SSP" restore "$TMP/b1.bak" >/dev/null 2>&1
st=$?
[ "$st" -ge 128 ] && ok "restore killed after the rename (status $st)" || fail "restore killed after the rename" "status $st"
[ "$(q 'PRAGMA integrity_check')" = ok ] && ok "killed after the rename: integrity_check" || fail "killed after the rename: integrity_check"
[ "$(q "SELECT count(*) FROM person WHERE id = $pA")" = 0 ] && ok "killed after the rename: person A still gone" ||
	fail "killed after the rename: person A still gone"
expect_status 0 "killed after the rename: audit verify" -- "$SSP" audit verify
expect_status 0 "the next restore cleans up and succeeds" -- "$SSP" restore "$TMP/b1.bak"
ls "$W" | grep -q restore-tmp && fail "no temporary copy left after the kills" || ok "no temporary copy left after the kills"
expect_status 0 "audit verify after restoring again" -- "$SSP" audit verify
[ "$(q "SELECT count(*) FROM person WHERE id = $pA")" = 0 ] && ok "restored twice: person A still gone" ||
	fail "restored twice: person A still gone"

# ---- another program has the database open (a running server) ---------------
mkfifo "$TMP/hold"
sqlite3 "$SSP_DB" <"$TMP/hold" >/dev/null &
hold=$!
exec 9>"$TMP/hold"
echo "SELECT count(*) FROM person;" >&9
sleep 0.5
before=$(sums)
expect_status 1 "restore while another program has the database open: refused" -- "$SSP" restore "$TMP/b1.bak"
expect_grep "$TMP/err" "åben i et andet program" "says to stop it"
[ "$(sums)" = "$before" ] && ok "the database is unchanged" || fail "the database is unchanged"
expect_status 0 "--check is fine meanwhile" -- "$SSP" restore --check "$TMP/b1.bak"
exec 9>&-
wait "$hold"
expect_status 0 "restore once it is closed" -- "$SSP" restore "$TMP/b1.bak"

# ---- no database left (a new machine): the keys put back first ---------------
mkdir "$TMP/new"
export SSP_DB="$TMP/new/ssp.db"
expect_status 1 "without the instance key: refused" -- "$SSP" restore --key "$W/ssp.db.backup-key" "$TMP/b1.bak"
expect_grep "$TMP/err" "instansnøglen" "says the instance key is missing"
[ -e "$SSP_DB" ] && fail "nothing created without the key" || ok "nothing created without the key"
cp "$W/ssp.db.key" "$TMP/new/"
expect_status 0 "restore onto a new machine" -- "$SSP" restore --key "$W/ssp.db.backup-key" "$TMP/b1.bak"
expect_grep "$TMP/err" "ssp purge" "it says to run ssp purge"
[ "$(q "SELECT count(*) FROM person WHERE id = $pA")" = 1 ] && ok "nothing to replay from: the backup as it was" ||
	fail "nothing to replay from: the backup as it was"
expect_status 0 "audit verify on the new machine" -- "$SSP" audit verify
finish
