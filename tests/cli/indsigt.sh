# ssp indsigt (issue 12): a person created through the JSON API with a
# hand-over entry, a referral and a concern (decided at a § 115-møde);
# `ssp indsigt` by CPR and by id: the JSON's keys and content (name and CPR
# in full, the hand-over's and referral's text, the category history,
# the access-log extract with who, action and legal basis), the PDF read
# back through pdftotext (name, municipality, section headings, the
# access-log table); an unknown person is refused in Danish with a
# non-zero exit; a request's deadline, a restriction under
# databeskyttelseslovens § 22, stk. 2, nr. 4 withholding parts with its
# justification stated, the request list overdue first; the indsigt
# itself in the access log with legal basis gdpr-15.
. "$(dirname "$0")/lib.sh"

export SSP_CONFIG="$TMP/ssp.conf"
printf '[login]\ntotp-roles = ingen\n' >"$SSP_CONFIG"
expect_status 0 "init" -- "$SSP" init
printf 'korrekt-hest-batteri-42\n' >"$TMP/pw"
for u in per:politi sofie:ssp rita:revisor; do
	"$SSP" user add "${u%%:*}" --name "Test ${u%%:*}" --role "${u#*:}" --password-stdin <"$TMP/pw" >/dev/null ||
		fail "user add $u"
done
tok_per=$("$SSP" token create per | grep -oE '[A-Za-z0-9_-]{43}' | head -1)
tok_sofie=$("$SSP" token create sofie | grep -oE '[A-Za-z0-9_-]{43}' | head -1)

# js EXPR: evaluates EXPR with o = the JSON on stdin
js() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const o=JSON.parse(s);const v=eval(process.argv[1]);console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }

"$SSP" serve --listen 127.0.0.1:0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
srv=$!
for _ in $(seq 1 100); do
	grep -q 'http' "$TMP/serve.out" 2>/dev/null && break
	sleep 0.1
done
base=$(grep -oE 'https?://[^ ]+' "$TMP/serve.out" | head -1 | sed 's,/$,,')
[ -n "$base" ] && ok "server started" || fail "server started" "$(cat "$TMP/serve.err")"

# api TOKEN METHOD PATH [JSON]
api() {
	if [ $# -gt 3 ]; then
		curl -s -X "$2" -H "authorization: Bearer $1" -H 'content-type: application/json' --data "$4" "$base$3"
	else
		curl -s -X "$2" -H "authorization: Bearer $1" "$base$3"
	fi
}

today=$(date -u +%Y-%m-%d)
bdate=$(date -u -d '14 years ago 40 days ago' +%d%m%y)
byear=$(date -u -d '14 years ago 40 days ago' +%Y)
if [ "$byear" -ge 2000 ]; then seventh=4; else seventh=1; fi
CPR="$bdate-${seventh}001"
NAME='Indsigtsperson Zylofonsen'

person=$(api "$tok_sofie" POST /api/v1/people "{\"name\":\"$NAME\",\"cpr\":\"$CPR\"}" | js o.id)
[ "$person" -gt 0 ] 2>/dev/null && ok "person created" || fail "person created" "$person"
meeting=$(api "$tok_per" GET "/api/v1/meetings?body=paragraf-115&from=$today" | js 'o.meetings.find(m=>m.status==="planned").id')
hand=$(api "$tok_per" POST /api/v1/handovers "{\"meeting\":$meeting,\"person\":$person,\"contact_date\":\"$today\",\"summary\":\"Antruffet ved banegården sent.\",\"category\":2}" | js o.id)
[ "$hand" -gt 0 ] 2>/dev/null && ok "hand-over created" || fail "hand-over created" "$hand"
ref=$(api "$tok_sofie" POST /api/v1/referrals "{\"person\":$person,\"summary\":\"Højt fravær i skolen.\",\"necessity\":\"Skolen kan ikke alene.\",\"legal_basis\":\"ssp\"}" | js o.id)
[ "$ref" -gt 0 ] 2>/dev/null && ok "referral created" || fail "referral created" "$ref"
api "$tok_sofie" POST "/api/v1/referrals/$ref/screen" "{\"decision\":\"agenda\",\"meeting\":$meeting}" >/dev/null
decision='{"category":2,"legal_basis":"ssp","necessity":true,"actions":[{"type":"bekymringssamtale","owner_org":"ssp","owner_user":"sofie"}]}'
concern=$(api "$tok_sofie" POST "/api/v1/meetings/$meeting/items/handover-$hand/decision" "$decision" | js o.concern)
[ "$concern" -gt 0 ] 2>/dev/null && ok "concern decided" || fail "concern decided" "$concern"
api "$tok_sofie" POST "/api/v1/meetings/$meeting/items/referral-$ref/decision" \
	'{"category":3,"legal_basis":"ssp","necessity":true,"actions":[{"type":"netvaerksmoede","owner_org":"ssp"}]}' >/dev/null
api "$tok_per" GET "/api/v1/concerns/$concern" >/dev/null
kill "$srv"
wait "$srv" 2>/dev/null

# the JSON answer, found by CPR
expect_status 0 "indsigt --cpr --format json" -- "$SSP" indsigt --cpr "$CPR" --format json --output "$TMP/i.json"
keys=$(js 'Object.keys(o).filter(k=>["person","concerns","referrals","handovers","access_log"].includes(k)).sort().join()' <"$TMP/i.json")
[ "$keys" = "access_log,concerns,handovers,person,referrals" ] && ok "JSON has the five keys" || fail "JSON has the five keys" "$keys"
[ "$(js o.person.name <"$TMP/i.json")" = "$NAME" ] && ok "person's name" || fail "person's name"
[ "$(js o.person.cpr <"$TMP/i.json")" = "$CPR" ] && ok "CPR in full" || fail "CPR in full" "$(js o.person.cpr <"$TMP/i.json")"
[ "$(js 'o.person.institution_id===undefined' <"$TMP/i.json")" = false ] && ok "institution column" || fail "institution column"
[ "$(js 'o.person.cpr_index' <"$TMP/i.json")" = undefined ] && ok "no blind index" || fail "no blind index"
[ "$(js 'o.handovers[0].summary' <"$TMP/i.json")" = "Antruffet ved banegården sent." ] && ok "hand-over text" || fail "hand-over text"
[ "$(js 'o.referrals[0].summary' <"$TMP/i.json")" = "Højt fravær i skolen." ] && ok "referral text" || fail "referral text"
[ "$(js 'o.referrals[0].necessity' <"$TMP/i.json")" = "Skolen kan ikke alene." ] && ok "referral necessity" || fail "referral necessity"
[ "$(js 'o.concerns.length' <"$TMP/i.json")" = 1 ] && ok "one concern" || fail "one concern"
[ "$(js 'o.concerns[0].category_history.length' <"$TMP/i.json")" = 2 ] && ok "category history" || fail "category history" "$(js 'o.concerns[0].category_history' <"$TMP/i.json")"
[ "$(js 'o.concerns[0].actions.length' <"$TMP/i.json")" = 2 ] && ok "actions" || fail "actions"
[ "$(js 'o.concerns[0].decisions.length' <"$TMP/i.json")" = 2 ] && ok "decisions" || fail "decisions"
[ "$(js 'Array.isArray(o.concerns[0].notes) && Array.isArray(o.concerns[0].related_people)' <"$TMP/i.json")" = true ] && ok "notes and related people lists" || fail "notes and related people lists"
[ "$(js 'o.access_log.some(e=>e.username==="per" && e.action==="handover.add" && e.legal_basis==="ssp" && e.at)' <"$TMP/i.json")" = true ] && ok "access log: who, when, action, legal basis" || fail "access log: who, when, action, legal basis" "$(js o.access_log <"$TMP/i.json")"
[ "$(js 'o.access_log.some(e=>e.username==="per" && e.action==="concern.read")' <"$TMP/i.json")" = true ] && ok "access log: the read of the concern" || fail "access log: the read of the concern"
[ "$(js 'o.restriction' <"$TMP/i.json")" = null ] && ok "no restriction" || fail "no restriction"

# by id, the same person
expect_status 0 "indsigt --person" -- "$SSP" indsigt --person "$person"
[ "$(js o.person.id <"$TMP/out")" = "$person" ] && ok "by id" || fail "by id"
printf '%s\n' "$CPR" >"$TMP/cpr"
expect_status 0 "indsigt --cpr - (stdin)" -- sh -c "\"$SSP\" indsigt --cpr - <\"$TMP/cpr\""
[ "$(js o.person.id <"$TMP/out")" = "$person" ] && ok "CPR from stdin" || fail "CPR from stdin"

# the PDF
expect_status 0 "indsigt --format pdf" -- "$SSP" indsigt --person "$person" --format pdf --output "$TMP/i.pdf"
pdftotext -layout "$TMP/i.pdf" "$TMP/i.txt" && ok "pdftotext reads it" || fail "pdftotext reads it"
for s in "$NAME" "$CPR" "Hedensted Kommune" "Svar på din anmodning om indsigt" "Oplysninger om dig" \
	"Politiets overleveringer" "Indstillinger fra skole eller klub" "Bekymringer" \
	"Hvem har set dine oplysninger" "Antruffet ved banegården sent." "registrerede" "Dine rettigheder"; do
	expect_grep "$TMP/i.txt" "$s" "PDF: $s"
done

# unknown person
expect_status 1 "unknown CPR" -- "$SSP" indsigt --cpr 010203-4321
expect_grep "$TMP/err" "Der findes ingen person med dette CPR-nummer i systemet." "unknown CPR: Danish message"
expect_status 1 "unknown id" -- "$SSP" indsigt --person 999999
expect_grep "$TMP/err" "Der findes ingen person med id 999999." "unknown id: Danish message"
expect_status 1 "malformed CPR" -- "$SSP" indsigt --cpr 12345
expect_status 2 "neither --cpr nor --person" -- "$SSP" indsigt --format json
expect_status 2 "bad format" -- "$SSP" indsigt --person "$person" --format xml

# requests, deadlines, a restriction
old=$(date -u -d '40 days ago' +%Y-%m-%d)
expect_status 0 "request (recent)" -- "$SSP" indsigt request --person "$person"
expect_grep "$TMP/out" "Anmodning nr. 1 registreret" "request 1"
expect_status 0 "request (40 days ago)" -- "$SSP" indsigt request --cpr "$CPR" --received "$old"
expect_grep "$TMP/out" "Anmodning nr. 2 registreret" "request 2"
expect_status 1 "request received in the future" -- "$SSP" indsigt request --person "$person" --received 2999-01-01
expect_status 0 "requests" -- "$SSP" indsigt requests --format json
[ "$(js 'o.map(r=>r.id).join()' <"$TMP/out")" = "2,1" ] && ok "overdue first" || fail "overdue first" "$(cat "$TMP/out")"
want=$(date -u -d "$old +1 month" +%Y-%m-%d)
[ "$(js 'o[0].deadline' <"$TMP/out")" = "$want" ] && ok "deadline one month after receipt" || fail "deadline one month after receipt"
expect_status 1 "restriction without justification" -- "$SSP" indsigt restrict 2 --parts handovers
expect_grep "$TMP/err" "§ 22, stk. 2, nr. 4" "justification asked for"
expect_status 1 "restriction of an unknown part" -- "$SSP" indsigt restrict 2 --parts efterforskning --justification x
JUST='Politiets oplysninger vedrører en verserende sag om tredjemand.'
expect_status 0 "restriction" -- "$SSP" indsigt restrict 2 --parts handovers,access_log --justification "$JUST"
expect_status 0 "indsigt under the restriction" -- "$SSP" indsigt --person "$person" --request 2 --output "$TMP/r.json"
[ "$(js 'o.restriction.withheld.join()' <"$TMP/r.json")" = "handovers,access_log" ] && ok "withheld parts named" || fail "withheld parts named"
[ "$(js 'o.restriction.justification' <"$TMP/r.json")" = "$JUST" ] && ok "justification stated" || fail "justification stated"
[ "$(js 'o.handovers.length + o.access_log.length' <"$TMP/r.json")" = 0 ] && ok "withheld parts left out" || fail "withheld parts left out"
[ "$(js 'o.referrals.length' <"$TMP/r.json")" = 1 ] && ok "other parts kept" || fail "other parts kept"
expect_status 0 "restricted PDF" -- "$SSP" indsigt --person "$person" --request 2 --format pdf --output "$TMP/r.pdf"
pdftotext -layout "$TMP/r.pdf" "$TMP/r.txt"
expect_grep "$TMP/r.txt" "Begrænsning af indsigten" "PDF: restriction notice"
expect_grep "$TMP/r.txt" "databeskyttelseslovens § 22, stk. 2, nr. 4" "PDF: the law"
expect_grep "$TMP/r.txt" "verserende" "PDF: the justification"
if grep -q "Antruffet ved banegården" "$TMP/r.txt"; then fail "PDF: withheld text absent"; else ok "PDF: withheld text absent"; fi
expect_status 0 "answered" -- "$SSP" indsigt answered 2
expect_status 1 "answered twice" -- "$SSP" indsigt answered 2
expect_grep "$TMP/err" "allerede besvaret" "answered twice: message"

# the indsigt is itself in the access log, with its legal basis
expect_status 0 "audit show" -- "$SSP" audit show --subject "person:$person"
expect_grep "$TMP/out" "indsigt.view" "indsigt logged"
expect_grep "$TMP/out" "gdpr-15" "legal basis gdpr-15"
expect_grep "$TMP/out" "dbl-22-2-4" "restriction logged with its law"
if grep -q "$NAME" "$TMP/out"; then fail "log holds no name"; else ok "log holds no name"; fi

# the adoption documents from the strategy (file and database)
for k in art30:fortegnelse-art30 dpia:konsekvensanalyse; do
	expect_status 0 "strategy docs --kind ${k%%:*} (file)" -- "$SSP" strategy docs --kind "${k%%:*}" "$SRC/strategies/hedensted.ini"
	if cmp -s "$TMP/out" "$SRC/docs/${k#*:}.md"; then ok "docs/${k#*:}.md is what the command writes"
	else fail "docs/${k#*:}.md is what the command writes" "regenerate: ssp strategy docs --kind ${k%%:*} strategies/hedensted.ini -o docs/${k#*:}.md"; fi
	expect_status 0 "strategy docs --kind ${k%%:*} (database)" -- "$SSP" strategy docs --kind "${k%%:*}"
	expect_grep "$TMP/out" "Hedensted Kommune" "${k%%:*}: the municipality"
	expect_grep "$TMP/out" "§ 115-møde" "${k%%:*}: a recipient body"
	expect_grep "$TMP/out" "Førstegangskriminalitet" "${k%%:*}: the strategy's categories"
	expect_grep "$TMP/out" "| bekymringer med handlinger og noter | P1825D | sagen er lukket |" "${k%%:*}: the strategy's retention rules"
	expect_grep "$TMP/out" "| besvarede anmodninger om indsigt | P1825D |" "${k%%:*}: the indsigt requests' rule"
	expect_grep "$TMP/out" "backupnøgle" "${k%%:*}: the backups and their key"
	if grep -q "PLADSHOLDER" "$TMP/out"; then fail "${k%%:*}: no placeholder left"; else ok "${k%%:*}: no placeholder left"; fi
done
sed "s/^bekymring = .*/bekymring = P730D fra fylder-18/" "$SRC/strategies/hedensted.ini" >"$TMP/rules.ini"
expect_status 0 "strategy docs with another retention rule" -- "$SSP" strategy docs --kind dpia "$TMP/rules.ini"
expect_grep "$TMP/out" "| bekymringer med handlinger og noter | P730D | personen fylder 18 år |" "the docs follow the strategy's rule"
expect_status 0 "strategy docs from another municipality's file" -- "$SSP" strategy docs --kind art30 "$SRC/tests/fixtures/anderledes.ini"
if grep -q "Hedensted" "$TMP/out"; then fail "another municipality: no Hedensted"; else ok "another municipality: no Hedensted"; fi
expect_status 2 "strategy docs: unknown kind" -- "$SSP" strategy docs --kind pia
finish
