# purge.sh - `ssp purge` (issue 12) end to end: data made through the
# real server's JSON API (purge_seed.mjs), then time travel with --as-of
# over every trigger (møde-lukket, sag-lukket, fylder-18, fylder-25,
# seneste-aktivitet), an open concern that is never purged, nothing of the
# purged person left in the database file or its WAL (plaintext, the
# ciphertexts and blind index taken before, the rows), deletion records,
# kill -9 in the middle of a batch, the pruned access log verifying and
# failing once tampered with, and the strategy check's errors.
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
# a fresh copy of the seeded database (with its key and checkpoint)
fresh() {
	rm -rf "$TMP/w"
	mkdir "$TMP/w"
	cp "$SEED"/ssp.db* "$TMP/w/"
	export SSP_DB="$TMP/w/ssp.db"
}
# purge_json AS_OF [ENV...]: runs the purge, prints nothing; $TMP/out holds the JSON
purge_at() { "$SSP" purge --as-of "$1" --format json >"$TMP/out" 2>"$TMP/err"; }
deleted() { node -e "process.stdout.write(String(JSON.parse(require('fs').readFileSync('$TMP/out','utf8')).deleted['$1']))"; }
expect_deleted() { # AS_OF TYPE N DESC
	if ! purge_at "$1"; then fail "$4" "purge failed: $(cat "$TMP/err")"; return; fi
	local got
	got=$(deleted "$2")
	if [ "$got" = "$3" ]; then ok "$4"; else fail "$4" "$2: $got, wanted $3: $(cat "$TMP/out")"; fi
}
# a strategy with one [sletning] line replaced: with_rule KEY 'VALUE'
with_rule() {
	sed "s/^$1 = .*/$1 = $2/" "$SRC/strategies/hedensted.ini" >"$TMP/variant.ini"
	"$SSP" init --no-plan --strategy "$TMP/variant.ini" >/dev/null 2>"$TMP/err" ||
		fail "load a strategy with $1 = $2" "$(cat "$TMP/err")"
}
# does FILE hold the bytes of hex string HEX?
holds_hex() { od -An -v -tx1 "$1" | tr -d ' \n' | grep -q "$2"; }

pA=$(id pA) pB=$(id pB) pC=$(id pC) pD=$(id pD) c1=$(id c1) c2=$(id c2) h1=$(id h1) h2=$(id h2)
h3=$(id h3) r1=$(id r1) r2=$(id r2) m1=$(id m1)

# ---- closing the § 115 meeting recorded its deletion -------------------------
fresh
[ "$(q "SELECT count(*) FROM deletion_record WHERE reason = 'meeting-close' AND table_name = 'handover' AND row_id = $h2")" = 1 ] &&
	ok "closing the meeting wrote a deletion record for the hand-over" ||
	fail "closing the meeting wrote a deletion record for the hand-over" "$(q 'SELECT * FROM deletion_record')"

# ---- the shipped rules, day by day -------------------------------------------
name_hex=$(q "SELECT lower(hex(name)) FROM person WHERE id = $pA")
cpr_hex=$(q "SELECT lower(hex(cpr)) FROM person WHERE id = $pA")
index_hex=$(q "SELECT lower(hex(cpr_index)) FROM person WHERE id = $pA")
summary_hex=$(q "SELECT lower(hex(summary)) FROM handover WHERE id = $h1")
reason_hex=$(q "SELECT lower(hex(close_reason)) FROM concern WHERE id = $c1")
[ ${#name_hex} -gt 40 ] && [ ${#index_hex} -gt 20 ] && holds_hex "$SSP_DB" "$name_hex" &&
	ok "before: the name's ciphertext is in the file" || fail "before: the name's ciphertext is in the file"

expect_status 0 "dry run" -- "$SSP" purge --dry-run --as-of "$(day 1825)"
expect_grep "$TMP/out" "intet er slettet" "dry run says nothing is deleted"
[ "$(q "SELECT count(*) FROM concern WHERE id = $c1")" = 1 ] && ok "dry run deleted nothing" || fail "dry run deleted nothing"
expect_deleted "$TODAY" person 0 "today: a person registered today is kept"
expect_deleted "$(day 1)" person 1 "next day: the person whose only hand-over went at the meeting's close"
[ "$(q "SELECT count(*) FROM person WHERE id = $pB")" = 0 ] && ok "person B gone" || fail "person B gone"
expect_deleted "$(day 364)" referral 0 "referral (P365D from last activity): not on day 364"
expect_deleted "$(day 365)" referral 1 "referral: due on day 365"
[ "$(q "SELECT count(*) FROM referral WHERE id = $r2")" = 0 ] && ok "the referral handled elsewhere is gone" || fail "the referral handled elsewhere is gone"
[ "$(q "SELECT count(*) FROM person WHERE id = $pC")" = 1 ] && ok "its person stays: a hand-over still names them" || fail "its person stays"
expect_deleted "$(day 1824)" concern 0 "concern (P1825D from closing): not on day 1824"
"$SSP" audit checkpoint >"$TMP/cpline"
# another connection stays open (as the server's do), so closing the
# purge's own connection does not checkpoint and remove the WAL for it
mkfifo "$TMP/hold"
sqlite3 "$SSP_DB" <"$TMP/hold" >/dev/null &
hold=$!
exec 9>"$TMP/hold"
echo "SELECT count(*) FROM person;" >&9
sleep 0.5
expect_deleted "$(day 1825)" concern 1 "concern: due on day 1825"
[ "$(deleted minutes)" = 1 ] && ok "general minutes (P1825D from the meeting's close): due on day 1825" || fail "minutes due on day 1825" "$(cat "$TMP/out")"
[ "$(deleted person)" = 1 ] && ok "the concern's person goes with it" || fail "the concern's person goes with it" "$(cat "$TMP/out")"
got=$(deleted access_log)
[ "$got" -gt 10 ] && ok "the access log is pruned after P1825D ($got entries)" || fail "access log pruned" "$(cat "$TMP/out")"
for t in "concern WHERE id = $c1" "handover WHERE id = $h1" "referral WHERE id = $r1" \
	"concern_action WHERE concern_id = $c1" "concern_category WHERE concern_id = $c1" \
	"decision WHERE concern_id = $c1" "person WHERE id = $pA" "person WHERE cpr_index = X'$index_hex'" \
	"meeting_minutes WHERE meeting_id = $m1"; do
	n=$(q "SELECT count(*) FROM $t")
	[ "$n" = 0 ] && ok "gone: $t" || fail "gone: $t" "$n left"
done
[ "$(q "SELECT count(*) FROM concern WHERE id = $c2")" = 1 ] && [ "$(q "SELECT count(*) FROM person WHERE id = $pD")" = 1 ] &&
	ok "the open concern and its person stay" || fail "the open concern and its person stay"
for t in "person:$pA" "concern:$c1" "handover:$h1" "referral:$r1" "decision:" "concern_action:"; do
	tb=${t%%:*} rid=${t#*:}
	n=$(q "SELECT count(*) FROM deletion_record WHERE reason = 'purge' AND table_name = '$tb'${rid:+ AND row_id = $rid}")
	[ "$n" -ge 1 ] && ok "deletion record for $t" || fail "deletion record for $t"
done
n=$(q "SELECT count(*) FROM deletion_record WHERE record_type NOT IN ('handover','referral','concern','concern_conversation','risk_assessment','minutes','access_log','person','indsigt')")
[ "$n" = 0 ] && ok "deletion records name record types only" || fail "deletion records name record types only"
# nothing left in the file or its WAL: plaintext, ciphertexts, blind index
[ -e "$SSP_DB-wal" ] && ok "another connection keeps the WAL file" || fail "another connection keeps the WAL file"
[ ! -s "$SSP_DB-wal" ] && ok "the WAL is empty after the purge (TRUNCATE checkpoint)" || fail "the WAL is empty" "$(stat -c %s "$SSP_DB-wal")"
for f in "$SSP_DB" "$SSP_DB-wal"; do
	[ -e "$f" ] || continue
	for s in "Purgeperson Xylofonsen" "$(id cprA)" "$(id cprA | tr -d -)" "Purgestationen" "Purgeforløbet"; do
		if grep -qaF "$s" "$f"; then fail "no »$s« in $(basename "$f")"; else ok "no »$s« in $(basename "$f")"; fi
	done
	for h in name:$name_hex cpr:$cpr_hex index:$index_hex summary:$summary_hex reason:$reason_hex; do
		if holds_hex "$f" "${h#*:}"; then fail "no ${h%%:*} ciphertext in $(basename "$f")"; else ok "no ${h%%:*} ciphertext in $(basename "$f")"; fi
	done
done
exec 9>&-
wait "$hold"
expect_deleted "$(day 3650)" concern 0 "ten years on: the open concern is still kept"
expect_status 0 "audit verify holds after the prune" -- "$SSP" audit verify
expect_grep "$TMP/out" "kæden fortsætter fra et anker" "verify names the anchor"
expect_status 0 "verify against a checkpoint line from before the prune" -- "$SSP" audit verify --checkpoint "$(cat "$TMP/cpline")"
expect_grep "$TMP/out" "kan ikke længere kontrolleres" "the pruned checkpoint line is said to be uncheckable"
[ "$(q "SELECT count(*) FROM deletion_record WHERE reason = 'audit-prune' AND table_name = 'audit_log'")" -ge 1 ] &&
	ok "the prune wrote its deletion record" || fail "the prune wrote its deletion record"
expect_status 0 "audit show" -- "$SSP" audit show
expect_grep "$TMP/out" "retention.purge	done as-of=$(day 3650)" "the purge is in the access log, with counts only"
if grep -a "retention.purge" "$TMP/out" | grep -qE "Purge|[0-9]{6}-?[0-9]{4}"; then fail "no personal data in the purge's entries"; else ok "no personal data in the purge's entries"; fi

# tampering with the pruned log
cp "$SSP_DB" "$TMP/pruned.db"; cp "$SSP_DB.checkpoint" "$TMP/pruned.cp"
if sqlite3 "$SSP_DB" "DELETE FROM audit_log WHERE seq = (SELECT min(seq) FROM audit_log)" 2>/dev/null; then
	fail "an entry past the anchor cannot be deleted"
else ok "an entry past the anchor cannot be deleted"; fi
sqlite3 "$SSP_DB" "DROP TRIGGER audit_anchor_no_update; UPDATE audit_anchor SET upto_seq = upto_seq + 1 WHERE id = (SELECT max(id) FROM audit_anchor)"
expect_status 1 "verify fails after moving the anchor" -- "$SSP" audit verify
expect_grep "$TMP/err" "passer ikke med kæden" "the broken entry is named"
cp "$TMP/pruned.db" "$SSP_DB"; cp "$TMP/pruned.cp" "$SSP_DB.checkpoint"; rm -f "$SSP_DB-wal" "$SSP_DB-shm"
sqlite3 "$SSP_DB" "DROP TRIGGER audit_anchor_no_delete; DELETE FROM audit_anchor"
expect_status 1 "verify fails after deleting the anchor" -- "$SSP" audit verify
cp "$TMP/pruned.db" "$SSP_DB"; cp "$TMP/pruned.cp" "$SSP_DB.checkpoint"; rm -f "$SSP_DB-wal" "$SSP_DB-shm"
sqlite3 "$SSP_DB" "DROP TRIGGER audit_anchor_no_update; UPDATE audit_anchor SET hash = replace(hash, substr(hash, 1, 1), 'f')"
expect_status 1 "verify fails after forging the anchor's hash" -- "$SSP" audit verify
cp "$TMP/pruned.db" "$SSP_DB"; cp "$TMP/pruned.cp" "$SSP_DB.checkpoint"; rm -f "$SSP_DB-wal" "$SSP_DB-shm"
expect_status 0 "the untouched copy verifies" -- "$SSP" audit verify

# ---- the other triggers -----------------------------------------------------
birthA=$(id birthA)
turns() { date -u -d "$birthA + $1 years" +%F; }
before() { date -u -d "$1 - 1 day" +%F; }
fresh; with_rule bekymring "P0D fra fylder-18"
expect_deleted "$(before "$(turns 18)")" concern 0 "fylder-18: not the day before the 18th birthday"
expect_deleted "$(turns 18)" concern 1 "fylder-18: due on the 18th birthday"
fresh; with_rule bekymring "P0D fra fylder-25"
expect_deleted "$(before "$(turns 25)")" concern 0 "fylder-25: not the day before the 25th birthday"
expect_deleted "$(turns 25)" concern 1 "fylder-25: due on the 25th birthday"
fresh; with_rule overlevering "P0D fra seneste-aktivitet"
expect_deleted "$TODAY" handover 1 "hand-over from last activity: the one of the meeting not closed"
[ "$(q "SELECT count(*) FROM handover WHERE id = $h3")" = 0 ] && ok "hand-over $h3 gone" || fail "hand-over $h3 gone"
fresh; with_rule overlevering "P7D fra møde-lukket"
expect_deleted "$(day 30)" handover 0 "hand-over from the meeting's close: the open meeting's entry stays"
fresh; with_rule indstilling "P0D fra sag-lukket"
expect_deleted "$TODAY" referral 1 "referral from case closed: screened to be handled elsewhere"
fresh; with_rule bekymringssamtale "P30D fra seneste-aktivitet"
act=$(q "SELECT id FROM concern_action WHERE concern_id = $c1 AND type = 'bekymringssamtale' LIMIT 1")
q "INSERT INTO concern_note (concern_id, action_id, created_at, created_by) VALUES ($c1, $act, '${TODAY}T10:00:00Z', 'sofie')"
expect_deleted "$(day 29)" concern_conversation 0 "bekymringssamtale minutes: not on day 29"
expect_deleted "$(day 30)" concern_conversation 1 "bekymringssamtale minutes: due on day 30"
[ "$(deleted concern)" = 0 ] && ok "the concern itself stays" || fail "the concern itself stays"
fresh; with_rule referat "P10D fra seneste-aktivitet"
expect_deleted "$(day 9)" minutes 0 "minutes from last activity: not on day 9"
expect_deleted "$(day 10)" minutes 1 "minutes from last activity: due on day 10"
fresh; with_rule adgangslog "P6M fra seneste-aktivitet"
expect_deleted "$(date -u -d "$TODAY + 6 months - 1 day" +%F)" access_log 0 "access log (P6M): not before six months"
expect_deleted "$(date -u -d "$TODAY + 6 months + 1 day" +%F)" access_log "$(($(q "SELECT count(*) FROM audit_log") - 1))" "access log (P6M): all but the newest after six months"
expect_status 0 "audit verify after the six-month prune" -- "$SSP" audit verify

# ---- requests for access (indsigt): an answered one is kept P1825D from its
# answer, and its person with it; an open one is never purged ----------------
fresh
reqno() { sed -n 's/^Anmodning nr\. \([0-9]*\) .*/\1/p' "$TMP/out"; }
expect_status 0 "an access request about person A" -- "$SSP" indsigt request --person "$pA"
qa=$(reqno)
expect_status 0 "restricted, with a justification" -- "$SSP" indsigt restrict "$qa" --parts notes --justification "Purgebegrundelse om politiets efterforskning"
expect_status 0 "answered" -- "$SSP" indsigt answered "$qa"
expect_status 0 "an open access request about person B" -- "$SSP" indsigt request --person "$pB"
just_hex=$(q "SELECT lower(hex(restriction_justification)) FROM indsigt_request WHERE id = $qa")
[ ${#just_hex} -gt 40 ] && ok "the justification is sealed" || fail "the justification is sealed"
expect_deleted "$(day 1)" person 0 "day 1: person B stays while their request is open"
expect_deleted "$(day 1824)" indsigt 0 "answered request (P1825D from the answer): not on day 1824"
[ "$(deleted concern)" = 0 ] && ok "day 1824: nothing else due either" || fail "day 1824: nothing else due" "$(cat "$TMP/out")"
expect_deleted "$(day 1825)" indsigt 1 "answered request: due on day 1825"
[ "$(deleted person)" = 1 ] && ok "person A goes with their last record, the request" || fail "person A goes with the request" "$(cat "$TMP/out")"
[ "$(q "SELECT count(*) FROM indsigt_request WHERE id = $qa")" = 0 ] && ok "the answered request is gone" || fail "the answered request is gone"
[ "$(q "SELECT count(*) FROM deletion_record WHERE table_name = 'indsigt_request' AND row_id = $qa AND record_type = 'indsigt'")" = 1 ] &&
	ok "deletion record for the request" || fail "deletion record for the request"
if holds_hex "$SSP_DB" "$just_hex"; then fail "no justification ciphertext in the file"; else ok "no justification ciphertext in the file"; fi
expect_deleted "$(day 3650)" indsigt 0 "ten years on: the open request is kept"
[ "$(q "SELECT count(*) FROM person WHERE id = $pB")" = 1 ] && ok "and person B with it" || fail "and person B with it"
sed "s/^indsigt = .*/indsigt = P0D fra sag-lukket/" "$SRC/strategies/hedensted.ini" >"$TMP/variant.ini"
expect_status 1 "indsigt from sag-lukket is refused" -- "$SSP" strategy check "$TMP/variant.ini"
expect_grep "$TMP/err" "»indsigt« kan ikke regnes fra »sag-lukket«" "indsigt counts from the last activity only"

# ---- kill -9 in the middle of a batch, then the next purge finishes --------------
fresh
SSP_TEST_PURGE_BATCH=1 SSP_TEST_PURGE_KILL=2 "$SSP" purge --as-of "$(day 3650)" >/dev/null 2>&1
st=$?
[ "$st" -ge 128 ] && ok "the purge was killed (status $st)" || fail "the purge was killed" "status $st"
[ "$(q 'PRAGMA integrity_check')" = ok ] && ok "integrity_check after kill -9" || fail "integrity_check after kill -9"
[ "$(q 'PRAGMA foreign_key_check' | wc -l)" = 0 ] && ok "no dangling references after kill -9" || fail "no dangling references after kill -9"
n1=$(q "SELECT count(*) FROM person")
[ "$n1" -gt 2 ] && ok "the killed batch was rolled back (only batch 1 done: $n1 people left)" || fail "killed batch rolled back" "$n1"
expect_status 0 "the next purge finishes the job" -- "$SSP" purge --as-of "$(day 3650)"
[ "$(q "SELECT count(*) FROM person")" = 2 ] && [ "$(q "SELECT count(*) FROM concern")" = 1 ] &&
	ok "the same result as an uninterrupted purge" || fail "the same result as an uninterrupted purge" "$(q 'SELECT id FROM person')"
[ "$(q 'PRAGMA integrity_check')" = ok ] && ok "integrity_check after the second purge" || fail "integrity_check after the second purge"
expect_status 0 "audit verify after the interrupted purge" -- "$SSP" audit verify

# ---- the strategy check ---------------------------------------------------------
sed -e 's/^bekymring = .*/bekymring = P1825D fra i-morgen/' -e 's/^referat = .*/referat = P5X fra møde-lukket/' \
	-e 's/^adgangslog = .*/adgangslog = P3M fra seneste-aktivitet/' "$SRC/strategies/hedensted.ini" >"$TMP/bad.ini"
expect_status 1 "strategy check refuses bad rules" -- "$SSP" strategy check "$TMP/bad.ini"
l=$(grep -n "^bekymring = " "$TMP/bad.ini" | cut -d: -f1)
expect_grep "$TMP/err" "$TMP/bad.ini:$l: fejl: »bekymring«: ukendt hændelse »i-morgen«" "unknown trigger with file and line"
l=$(grep -n "^referat = " "$TMP/bad.ini" | cut -d: -f1)
expect_grep "$TMP/err" "$TMP/bad.ini:$l: fejl: »referat«: ugyldig varighed »P5X«" "invalid duration with file and line"
expect_grep "$TMP/err" "mindst 6 måneder" "an access log kept less than six months is refused"
for f in anderledes egne-ord no-themes; do
	export SSP_DB="$TMP/$f.db"
	expect_status 0 "$f.ini (no [sletning]) loads" -- "$SSP" init --no-plan --strategy "$SRC/tests/fixtures/$f.ini"
	expect_status 0 "$f.ini: purge with the built-in rules" -- "$SSP" purge --dry-run --format json
	expect_grep "$TMP/out" '"access_log": 0' "$f.ini: nothing due"
done
expect_status 2 "a bad --as-of is a usage error" -- "$SSP" purge --as-of 2027-02-30

# ---- the server's daily run ([retention] purge-time; the test build's
# SSP_TEST_PURGE_DELAY runs it that many seconds after the start) -----------
serve_for() { # CONF SECONDS
	printf '%b' "$1" >"$TMP/ssp.conf"
	SSP_TEST_PURGE_DELAY=1 "$SSP" --config "$TMP/ssp.conf" serve --listen 127.0.0.1:0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
	local pid=$!
	sleep "$2"
	kill -TERM "$pid"
	wait "$pid"
}
fresh
serve_for '[retention]\npurge-time = 03:30\n' 4
st=$?
[ "$st" = 0 ] && ok "the server stops cleanly with the purge timer" || fail "the server stops cleanly" "$st: $(cat "$TMP/serve.err")"
expect_status 0 "audit show" -- "$SSP" audit show
expect_grep "$TMP/out" "ssp-serve:purge	-	retention.purge	done as-of=" "the server ran the purge as itself"
fresh
serve_for '[retention]\npurge-time = ingen\n' 3
expect_status 0 "audit show" -- "$SSP" audit show
if grep -q "ssp-serve:purge" "$TMP/out"; then fail "purge-time = ingen: no purge"; else ok "purge-time = ingen: no purge"; fi
printf '[retention]\npurge-time = 25:00\n' >"$TMP/bad.conf"
expect_status 1 "a bad purge-time is refused" -- "$SSP" --config "$TMP/bad.conf" purge --dry-run
expect_grep "$TMP/err" "purge-time" "the message names the key"
finish
