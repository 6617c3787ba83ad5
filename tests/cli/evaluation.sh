# Focus areas, trend tags, the yearly evaluation and the strategy as a
# document (issue 13): ssp focus, ssp trend, ssp evaluation (JSON, PDF
# through pdftotext, CSV) and ssp strategy render (HTML, PDF).
. "$(dirname "$0")/lib.sh"

expect_status 0 "init" -- "$SSP" init
printf 'år;indikator;gruppe;distrikt;andel;antal_svar;landsplan\n2025;Har prøvet hash;9. klasse;Hele kommunen;12,5;400;11,3\n2027;Har prøvet hash;9. klasse;Hele kommunen;8,25;390;10,8\n' >"$TMP/u.csv"
printf 'år;måned;kategori;aldersgruppe;distrikt;antal\n2025;;Tyveri;15-17;Hele kommunen;3\n2027;;Tyveri;15-17;Hele kommunen;90\n' >"$TMP/k.csv"
expect_status 0 "import the survey" -- "$SSP" data import ungeprofil "$TMP/u.csv"
expect_status 0 "import the police figures" -- "$SSP" data import kriminalitet "$TMP/k.csv"

# ---- focus areas ----
expect_status 1 "[F-YEAR] not in an odd year (fokusomraader-aar = lige)" -- "$SSP" focus add --year 2027 \
	--title T --goal G --measure M --body ssp-styregruppe --indicator "Har prøvet hash"
expect_grep "$TMP/err" "2027 er ikke et år, hvor SSP-styregruppen udpeger indsatsområder" "the refusal names the rule"
expect_status 1 "[F-VALID] an unknown body" -- "$SSP" focus add --year 2026 \
	--title T --goal G --measure M --body findes-ikke --indicator x
expect_grep "$TMP/err" "forummet »findes-ikke« findes ikke" "the unknown body is named"
expect_status 1 "[F-VALID] no indicator" -- "$SSP" focus add --year 2026 --title T --goal G --measure M --body hotspot
expect_status 1 "no CPR-like text in a focus area" -- "$SSP" focus add --year 2026 \
	--title "Sag 010203-1234" --goal G --measure M --body hotspot --indicator x
expect_status 1 "[F-LINK] an indicator the imported survey does not use (a typo)" -- "$SSP" focus add \
	--year 2026 --title T --goal G --measure M --body hotspot --indicator "Har prøvet hassh"
expect_grep "$TMP/err" "»Har prøvet hassh« findes ikke i de indlæste tal" "[F-LINK] the error names the unknown indicator"
expect_grep "$TMP/err" "»Har prøvet hash«" "[F-LINK] and the names the figures use"
expect_status 1 "[F-LINK] a category the police figures do not use" -- "$SSP" focus add \
	--year 2026 --title T --goal G --measure M --body hotspot --category "Tyverier"
expect_grep "$TMP/err" "»Tyverier« findes ikke" "[F-LINK] the error names the unknown category"
expect_status 0 "record a focus area in 2026" -- "$SSP" focus add --year 2026 \
	--title "Rusmidler i udskolingen" --goal "Færre unge i 9. klasse har prøvet hash" \
	--measure "=Ungeprofilundersøgelsens andel" --body ssp-styregruppe --body ssp-distriktsmoede \
	--indicator "Har prøvet hash" --category Tyveri
expect_grep "$TMP/out" "indsatsområde 1 er registreret for 2026" "recorded"
expect_status 0 "focus list 2027 (in force the year after)" -- "$SSP" focus list 2027 --format json
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["focus_areas"]; sys.exit(not (len(f)==1 and f[0]["bodies"]==["ssp-styregruppe","ssp-distriktsmoede"] and f[0]["categories"]==["Tyveri"]))' "$TMP/out" \
	&& ok "[F-FORCE] in force in 2027, with its bodies and links" || fail "focus list" "$(cat "$TMP/out")"
expect_status 0 "focus list 2028" -- "$SSP" focus list 2028
expect_grep "$TMP/out" "Ingen indsatsområder gælder i 2028" "[F-FORCE] no longer in force in 2028"
expect_status 0 "focus list as CSV" -- "$SSP" focus list 2026 --format csv -o "$TMP/focus.csv"
head -c 3 "$TMP/focus.csv" | od -An -tx1 | grep -q "ef bb bf" && ok "[CSV] the file starts with a BOM" || fail "no BOM"
expect_grep "$TMP/focus.csv" "år;titel;mål;måling;fora;indikatorer;kategorier" "[CSV] ';' as separator"
expect_grep "$TMP/focus.csv" "'=Ungeprofilundersøgelsens andel" "[CSV] a formula is neutralised"

# ---- the focus area on the agenda of a body that carries it ----
M=$(sqlite3 "$SSP_DB" "SELECT id FROM meeting WHERE body_id = 'ssp-distriktsmoede' AND year = 2026 ORDER BY start_at LIMIT 1")
H=$(sqlite3 "$SSP_DB" "SELECT id FROM meeting WHERE body_id = 'hotspot' AND year = 2026 ORDER BY start_at LIMIT 1")
P=$(sqlite3 "$SSP_DB" "SELECT id FROM meeting WHERE body_id = 'paragraf-115' AND year = 2026 ORDER BY start_at LIMIT 1")

# ---- trend tags ----
expect_status 0 "tag a district meeting's minutes" -- "$SSP" trend tag "$M" Rusmidler Kriminalitet
expect_status 0 "tag a hotspot meeting's minutes" -- "$SSP" trend tag "$H" Rusmidler
expect_status 1 "a theme outside the strategy's list" -- "$SSP" trend tag "$H" Fodbold
expect_grep "$TMP/err" "»Fodbold« er ikke et af strategiens temaer" "the unknown theme is named"
expect_status 1 "no tags on a § 115-møde (named young people)" -- "$SSP" trend tag "$P" Rusmidler
expect_status 0 "trend show json" -- "$SSP" trend show 2026 --format json
python3 -c 'import json,sys
j = json.load(open(sys.argv[1]))
c = {(x["theme"], x["district"]): x["count"] for x in j["counts"]}
sys.exit(not (j["total"] == 3 and c[("Rusmidler", "vest")] == 1 and c[("Rusmidler", None)] == 1
              and c[("Kriminalitet", "vest")] == 1 and len(j["meetings"]) == 2
              and all(m["minutes_visible"] for m in j["meetings"])))' "$TMP/out" \
	&& ok "tags counted per theme, quarter and district; the minutes one click away" || fail "trend json" "$(cat "$TMP/out")"
expect_status 0 "trend show csv" -- "$SSP" trend show 2026 --format csv
expect_grep "$TMP/out" "2026;Rusmidler;1;Vest;1" "[CSV] a trend row"
expect_status 0 "untag" -- "$SSP" trend tag "$H"
expect_status 0 "trend show after untagging" -- "$SSP" trend show 2026 --format json
python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["total"] != 2)' "$TMP/out" && ok "tags replaced" || fail "untag"

# ---- the yearly evaluation ----
expect_status 0 "evaluation 2027 json" -- "$SSP" evaluation 2027 --format json --as-of 2028-01-01
python3 -c 'import json,sys
j = json.load(open(sys.argv[1]))
assert j["year"] == 2027 and j["as_of"] == "2028-01-01"
b = {r["body"]: r for r in j["compliance"]}
assert b["ssp-styregruppe"]["required"] == 4 and b["ssp-styregruppe"]["status"] == "behind"
assert b["ssp-distriktsmoede"]["periods"], "periods per body"
n = j["school_network"]; assert n["schools"] >= 1 and n["theme_day"] in ("none", "upcoming", "passed")
f = j["focus_areas"][0]; fig = {x["name"]: x for x in f["figures"]}
h = fig["Har prøvet hash"]; t = fig["Tyveri"]
assert (h["before_year"], h["before"], h["after_year"], h["after"]) == (2025, 12.5, 2027, 8.25), h
assert (t["before"], t["after"]) == ("<5", 90), t
k = j["kpi"]; assert k["early_age_at_first_concern_median"] == {"n": 0, "value": None}
c = j["concerns"]; assert c["total"] == 0 and [x["age_band"] for x in c["by_age_band"]] == ["under-10", "10-14", "15-17", "18-25"]
' "$TMP/out" && ok "[EVAL-JSON] compliance, network, focus areas before/after (<5), KPIs, concerns" || fail "evaluation json" "$(head -c 2000 "$TMP/out")"

# [K-*] the KPIs from concerns: invented facts, no names (the sealed columns stay empty)
sqlite3 "$SSP_DB" <<'SQL' || fail "insert the concerns"
INSERT INTO person (id, birth_date, created_at, created_by) VALUES
 (1, '2012-03-01', '2026-01-01T00:00:00Z', 't'), (2, '2011-01-01', '2026-01-01T00:00:00Z', 't'),
 (3, '2013-06-01', '2026-01-01T00:00:00Z', 't'), (4, '2010-05-05', '2026-01-01T00:00:00Z', 't'),
 (5, '2009-01-01', '2026-01-01T00:00:00Z', 't'), (6, '2014-01-01', '2025-01-01T00:00:00Z', 't');
INSERT INTO concern (id, person_id, category_id, legal_basis, necessity, opened_at, opened_by) VALUES
 (1, 1, 'bekymrende-adfaerd', 'ssp', 1, '2026-02-01T10:00:00Z', 't'),
 (2, 2, 'bekymrende-adfaerd', 'ssp', 1, '2026-03-01T10:00:00Z', 't'),
 (3, 3, 'foerstegangskriminalitet', 'ssp', 1, '2026-04-01T10:00:00Z', 't'),
 (4, 4, 'bekymrende-adfaerd', 'ssp', 1, '2026-05-01T10:00:00Z', 't'),
 (5, 5, 'gentagen-kriminalitet', 'ssp', 1, '2026-06-01T10:00:00Z', 't'),
 (6, 6, 'bekymrende-adfaerd', 'ssp', 1, '2025-06-01T10:00:00Z', 't'),
 (7, 6, 'bekymrende-adfaerd', 'ssp', 1, '2026-07-01T10:00:00Z', 't');
INSERT INTO handover (meeting_id, person_id, contact_date, concern_id, created_at, created_by) VALUES
 (1, 1, '2026-01-20', 1, '2026-01-21T00:00:00Z', 't'), (1, 2, '2026-02-20', 2, '2026-02-21T00:00:00Z', 't'),
 (1, 3, '2026-03-30', 3, '2026-03-31T00:00:00Z', 't'), (1, 5, '2026-05-20', 5, '2026-05-21T00:00:00Z', 't'),
 (1, 6, '2026-06-20', 7, '2026-06-21T00:00:00Z', 't');
INSERT INTO concern_action (concern_id, type, owner_org, due, status, created_at, created_by, done_at) VALUES
 (1, 'samtale', 'politi', '2026-03-01', 'done', '2026-02-01T10:00:00Z', 't', '2026-02-20T10:00:00Z'),
 (1, 'samtale', 'skole', '2026-03-10', 'done', '2026-02-10T10:00:00Z', 't', '2026-03-15T10:00:00Z'),
 (2, 'samtale', 'politi', '2026-04-01', 'open', '2026-03-01T10:00:00Z', 't', NULL),
 (3, 'samtale', 'ssp', '2026-05-01', 'done', '2026-04-01T10:00:00Z', 't', '2026-05-01T10:00:00Z'),
 (3, 'samtale', 'skole', '2026-05-01', 'cancelled', '2026-04-01T10:00:00Z', 't', NULL),
 (3, 'samtale', 'boern-familier', '2026-05-02', 'done', '2026-04-01T10:00:00Z', 't', '2026-04-30T10:00:00Z'),
 (5, 'samtale', 'ssp', '2026-07-01', 'done', '2026-06-01T10:00:00Z', 't', '2026-06-30T10:00:00Z'),
 (5, 'samtale', 'ssp', '2027-02-01', 'open', '2026-06-02T10:00:00Z', 't', NULL),
 (7, 'samtale', 'boern-familier', '2026-08-01', 'done', '2026-07-01T10:00:00Z', 't', '2026-08-05T10:00:00Z'),
 (7, 'samtale', 'politi', '2026-08-01', 'done', '2026-07-01T10:00:00Z', 't', '2026-07-30T10:00:00Z');
SQL
expect_status 0 "evaluation 2026 json with concerns" -- "$SSP" evaluation 2026 --format json --as-of 2027-01-01
python3 -c 'import json,sys
j = json.load(open(sys.argv[1])); k = j["kpi"]
want = {"early_age_at_first_concern_median": {"n": 5, "value": 15.0},   # 12 13 15 15 17; person 6 began in 2025
        "early_days_police_contact_to_action_median": {"n": 5, "value": 11.0},  # 2 9 11 12 12
        "cross_sectoral_sectors_per_concern_mean": {"n": 6, "value": 1.3},      # 2 1 2 0 1 2 (cancelled left out)
        "cross_sectoral_two_or_more_pct": {"n": 6, "value": 50.0},
        "coherent_actions_on_time_pct": {"n": 8, "value": 62.5}}               # 5 of 8 due in 2026
assert k == want, k
c = j["concerns"]; assert c["total"] == 6, c
ages = {x["age_band"]: x["count"] for x in c["by_age_band"]}
assert ages == {"under-10": 0, "10-14": "<5", "15-17": "<5", "18-25": 0}, ages
' "$TMP/out" && ok "[K-EARLY] [K-CROSS] [K-COHERENT] from the store; counts under 5 hidden" || fail "KPIs" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["kpi"])' "$TMP/out")"
expect_status 0 "evaluation 2025: one concern, the KPIs hidden" -- "$SSP" evaluation 2025 --format json --as-of 2026-01-01
python3 -c 'import json,sys; k=json.load(open(sys.argv[1]))["kpi"]; sys.exit(k["early_age_at_first_concern_median"] != {"n": "<5", "value": "<5"})' "$TMP/out" \
	&& ok "[K-SMALL] a median over one young person is hidden" || fail "K-SMALL" "$(cat "$TMP/out")"

expect_status 0 "evaluation 2026 as PDF" -- "$SSP" evaluation 2026 --format pdf -o "$TMP/e.pdf" --as-of 2027-01-01
head -c 5 "$TMP/e.pdf" | grep -q "%PDF-" && ok "a PDF file" || fail "not a PDF"
pdftotext -layout "$TMP/e.pdf" "$TMP/e.txt" && ok "pdftotext reads it" || fail "pdftotext"
for s in "Evaluering af SSP-samarbejdet 2026" "1. Møder: overholdes strategiens mødekrav?" \
	"SSP-styregruppen" "perioder (pr. forum og distrikt) nåede strategiens krav" "2. SSP-skolenetværket" "3. Indsatsområder: hvad har flyttet sig?" \
	"Rusmidler i udskolingen" "12,5 % (2025)" "<5 (2025)" "4. Tendenser fra distrikts- og hotspotmøderne" \
	"Mærker pr. tema i året" "5. Strategiens principper som nøgletal" \
	"Sammenhængende: handlinger fulgt" "62,5 %" "Bekymringer oprettet i 2026: 6." "6. Bekymringer i året" "Bekymringer pr. aldersgruppe" "Side 2"; do
	grep -qF -- "$s" "$TMP/e.txt" && ok "[EVAL-PDF] $s" || fail "PDF lacks: $s"
done
# the chart's order: the bars follow the strategy's themes, with their counts
grep -A3 "Mærker pr. tema i året" "$TMP/e.txt" | tr -s ' ' | grep -q "Rusmidler 1" \
	&& ok "[EVAL-PDF] the chart's first bar: Rusmidler 1" || fail "chart values" "$(grep -A3 "Mærker pr. tema" "$TMP/e.txt")"
expect_status 0 "evaluation as CSV" -- "$SSP" evaluation 2026 --format csv
expect_grep "$TMP/out" "2026;sammenhaengende_til_tiden_pct;62,5;8" "[CSV] the KPIs, with a decimal comma"
expect_status 0 "evaluation as HTML" -- "$SSP" evaluation 2026 --format html -o "$TMP/e.html"
expect_grep "$TMP/e.html" '<html lang="da">' "a Danish HTML document"
expect_status 2 "evaluation: unknown format" -- "$SSP" evaluation 2026 --format xml
expect_status 2 "evaluation: no year" -- "$SSP" evaluation
expect_status 1 "evaluation: year out of range" -- "$SSP" evaluation 1999

# ---- the strategy as a document ----
expect_status 0 "strategy render pdf" -- "$SSP" strategy render --year 2026 --format pdf -o "$TMP/s.pdf"
pdftotext -layout "$TMP/s.pdf" "$TMP/s.txt" && ok "pdftotext reads the strategy" || fail "pdftotext strategy"
for s in "Kriminalpræventiv strategi" "1. Formål" "2. Målgruppe" "Aldersgrænser: 10-25 år" "3. Organisering" \
	"Organisering af SSP-samarbejdet i Hedensted Kommune" "Fora og netværk" "SSP-styregruppen" \
	"Medlemmer" "Skolechef" "Mødefrekvens" "hver 14. dag" "Årshjul 2026" "Strategiske indsatsområder 2026" \
	"Rusmidler i udskolingen"; do
	grep -qF -- "$s" "$TMP/s.txt" && ok "[STRAT-PDF] $s" || fail "strategy PDF lacks: $s"
done
expect_status 0 "strategy render html" -- "$SSP" strategy render --year 2026 --format html -o "$TMP/s.html"
expect_grep "$TMP/s.html" "<h2>3. Organisering</h2>" "the organisation chapter"
expect_grep "$TMP/s.html" 'aria-label="Organisationsdiagram"' "the organisation diagram, labelled"
expect_grep "$TMP/s.html" "Rusmidler i udskolingen" "the focus areas in force"
[ "$(grep -c '<svg' "$TMP/s.html")" -ge 2 ] && ok "the diagram and the annual wheel as SVG" || fail "svg count"
expect_status 2 "strategy render: unknown format" -- "$SSP" strategy render --format docx
finish
