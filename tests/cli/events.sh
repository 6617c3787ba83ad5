# ssp events: the year's courses and events (text, JSON, iCalendar parsed
# back), and the strategy file's recurring events planned once a year.
. "$(dirname "$0")/lib.sh"

expect_status 0 "init" -- "$SSP" init --no-plan
next=$(( $(date +%Y) + 1 ))
expect_status 0 "an empty year" -- "$SSP" events "$next"
expect_grep "$TMP/out" "Ingen kurser eller arrangementer i året" "says there are none"
expect_status 0 "plan the recurring events" -- "$SSP" events recurring "$next"
expect_grep "$TMP/out" "2 tilbagevendende begivenheder oprettet i $next" "the town festival and New Year"
expect_status 0 "again" -- "$SSP" events recurring "$next"
expect_grep "$TMP/out" "0 tilbagevendende begivenheder oprettet" "planned once"
expect_status 0 "as JSON" -- "$SSP" events "$next" --format json
python3 - "$TMP/out" "$next" <<'PY' && ok "JSON: the town festival, 19-21 June" || fail "JSON"
import json, sys
j = json.load(open(sys.argv[1]))
e = [x for x in j["events"] if x["name"] == "Byfest (eksempel)"][0]
sys.exit(not (j["year"] == int(sys.argv[2]) and e["kind"] == "event"
              and e["start"] == sys.argv[2] + "-06-19T12:00" and e["end"] == sys.argv[2] + "-06-21T23:00"
              and e["place"] == "Sted aftales" and e["cancelled"] is False))
PY
expect_status 0 "as text" -- "$SSP" events "$next"
expect_grep "$TMP/out" "Byfest (eksempel)" "text names the event"
expect_status 0 "as iCalendar" -- "$SSP" events "$next" --format ics
/usr/bin/python3 - "$TMP/out" <<'PY' && ok "iCalendar: two VEVENTs with summaries" || fail "iCalendar"
import sys
t = open(sys.argv[1], newline="").read()
sys.exit(not (t.startswith("BEGIN:VCALENDAR\r\n") and t.count("BEGIN:VEVENT") == 2
              and "SUMMARY:Byfest (eksempel)\r\n" in t))
PY
expect_status 1 "a past year is refused" -- "$SSP" events recurring 2001
expect_grep "$TMP/err" "kun for i år og fremover" "says why"
expect_status 2 "no year" -- "$SSP" events recurring
expect_status 2 "unknown format" -- "$SSP" events --format pdf
[ "$("$SSP" audit show | grep -c 'event.recurring')" -ge 3 ] && ok "each planning is logged" || fail "log"
finish
