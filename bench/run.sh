#!/bin/sh
# bench/run.sh [--quick] [BUILD] - speed and memory, reported as ratios
# measured within one run on the same machine.
#
# 1. bench_core: strategy parsing, JSON rendering, planning a year and an
#    Argon2id hash, each as microseconds per call and as a multiple of a
#    baseline (copying the strategy text) measured in the same run.
# 2. HTTP (wrk, loopback only, fixed duration): the optimised `ssp serve` on
#    a fresh database, signed in as a user without two-factor, against
#      ssp_page   the signed-in /organisation page (session cookie)
#      ssp_api    /api/v1/org with a bearer token
#      nginx      the same bytes as ssp_page as a static file (nginx-light)
#      peer       the same kind of page from Flask + gunicorn (bench/peers/)
#    at 1, 16 and 64 connections: requests/s, p50 and p99; ratios
#    ssp/nginx and ssp/peer; the ssp server's peak RSS (VmHWM).
# 3. Queries: `ssp compliance YEAR --format json` against the bare SQL that
#    reads the same meetings in the sqlite3 shell, both as whole processes
#    (start-up included on both sides), N times each.
#
# 4. The large data set (bench/gen: 10 years made through the service,
#    --scale GEN_SCALE, default 0.01 with --quick and 0.5 in the full run;
#    see BENCHMARKS.md for why not 1: GEN_SCALE=1 make bench runs the
#    full set in about 16 minutes on an idle 2-core machine, more on a
#    shared one): generation time; a server on it:
#      data_org   /organisation on the large database
#      data_stats /statistik (the steering group's statistics page)
#    the statistics through the API (GET /api/v1/stats/concerns, one
#    request at a time) against the same counts as bare SQL in the sqlite3
#    shell (whole processes) -> ratio_vs_sqlite3; start-up, sign-in
#    (Argon2id at the production cost), `ssp plan`, indsigt of one person,
#    purge --dry-run and real (on a copy), backup and restore; peak RSS idle
#    and under load.
#
# SSP_COMPARE="LABEL=/path/to/ssp ..." also measures the page through other
# ssp binaries (e.g. the build of an older commit) on the same database, in
# the same run, as ssp_page@LABEL: a before/after of a change.
#
# --quick: 64 connections only, one run of 3 s each; the last line of output
# is one JSON object. The full run does RUNS (default 3) runs of 5 s each and
# writes BENCHMARKS.md (median, min and max). Every server started here is
# stopped by its pid on exit.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
quick=0
if [ "${1:-}" = "--quick" ]; then
	quick=1
	shift
fi
build=${1:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
if [ $quick = 1 ]; then
	conns="64" dur=3 runs=1 core_s=0.2 qn=20 gscale=${GEN_SCALE:-0.01}
else
	conns="1 16 64" dur=${BENCH_SECONDS:-5} runs=${RUNS:-3} core_s=0.5 qn=50 gscale=${GEN_SCALE:-0.5}
fi
for t in wrk nginx sqlite3 curl; do
	command -v $t >/dev/null 2>&1 || [ -x /usr/sbin/$t ] || {
		echo "bench: $t mangler (sh scripts/deps.sh bench)" >&2
		exit 1
	}
done
ninja -C "$build" bench/bench_core bench/gen ssp >/dev/null
echo "== core (release build; compare ratios, not absolute times)"
(cd "$root" && "$build/bench/bench_core" strategies/hedensted.ini $core_s)

tmp=$(mktemp -d)
chmod 711 "$tmp" # nginx's workers (user nobody) read $tmp/www
pids=""
gdir=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	for p in $pids; do wait "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
	[ -z "$gdir" ] || rm -rf "$gdir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
free_port() {
	/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_http() { # URL: up to 10 s
	for _ in $(seq 100); do
		curl -s -o /dev/null "$1" && return 0
		sleep 0.1
	done
	echo "bench: $1 svarer ikke" >&2
	return 1
}

export SSP_DB="$tmp/b.db"
printf '[login]\ntotp-roles = ingen\n' >"$tmp/b.conf"
export SSP_CONFIG="$tmp/b.conf"
"$build/ssp" init >/dev/null
printf 'bench-adgangskode-1\n' | "$build/ssp" user add bench --name Bench --role ssp --password-stdin >/dev/null
tok=$("$build/ssp" token create bench 2>/dev/null | grep -o '[A-Za-z0-9_-]\{43\}' | head -1)
# start_ssp OUT: a server on a free loopback port; sets spid and url
start_ssp() {
	"$build/ssp" serve --listen 127.0.0.1:0 >"$1" 2>&1 &
	spid=$!
	pids="$pids $spid"
	for _ in $(seq 100); do grep -q 'Lytter på' "$1" && break; sleep 0.1; done
	url=$(sed -n 's/^Lytter på \(http[^ ]*\)$/\1/p' "$1" | head -1)
	url=${url%/}
	[ -n "$url" ] || { cat "$1" >&2; exit 1; }
}
# The sign-in (Argon2id, 64 MiB) runs on a server of its own, so the
# measured server's peak RSS is that of the load, not of one password hash.
start_ssp "$tmp/login.out"
lpid=$spid

# sign in with curl: the login form's csrf token, then the POST
jar="$tmp/jar"
csrf=$(curl -s -c "$jar" "$url/logind" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode username=bench --data-urlencode password=bench-adgangskode-1 "$url/logind"
sess=$(awk -F'\t' '$6 == "ssp_session" {print $7}' "$jar")
[ -n "$sess" ] || { echo "bench: log ind mislykkedes" >&2; exit 1; }
rss_login_kib=$(awk '/VmHWM/ {print $2}' "/proc/$lpid/status")
kill "$lpid"
wait "$lpid" 2>/dev/null || true
start_ssp "$tmp/serve.out"
cookie="Cookie: ssp_session=$sess"
code=$(curl -s -o "$tmp/org.html" -w '%{http_code}' -H "$cookie" "$url/organisation")
[ "$code" = 200 ] || { echo "bench: /organisation gav $code" >&2; exit 1; }

# nginx: the same bytes as a static file
mkdir -p "$tmp/www" "$tmp/nginx"
chmod 755 "$tmp/www"
cp "$tmp/org.html" "$tmp/www/organisation"
chmod 644 "$tmp/www/organisation"
nport=$(free_port)
cat >"$tmp/nginx/nginx.conf" <<NGX
daemon off;
worker_processes auto;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	server {
		listen 127.0.0.1:$nport;
		root $tmp/www;
		default_type text/html;
	}
}
NGX
/usr/sbin/nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
pids="$pids $!"
nurl="http://127.0.0.1:$nport"
wait_http "$nurl/organisation"

# the Python peer: Flask under gunicorn, 2 workers x 4 threads
pport=$(free_port)
/usr/bin/python3 -m gunicorn -w 2 --threads 4 -b "127.0.0.1:$pport" \
	--chdir "$root/bench/peers" --log-level warning org_peer:app >"$tmp/peer.out" 2>&1 &
pids="$pids $!"
purl="http://127.0.0.1:$pport"
wait_http "$purl/organisation"
pcode=$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$purl/organisation")
[ "$pcode" = 200 ] || { echo "bench: peer gav $pcode" >&2; cat "$tmp/peer.out" >&2; exit 1; }

# other ssp binaries (SSP_COMPARE) on the same database
compare=""
for spec in ${SSP_COMPARE:-}; do
	label=${spec%%=*} bin=${spec#*=}
	"$bin" serve --listen 127.0.0.1:0 >"$tmp/serve-$label.out" 2>&1 &
	cpid=$!
	pids="$pids $cpid"
	for _ in $(seq 100); do grep -q 'Lytter på' "$tmp/serve-$label.out" && break; sleep 0.1; done
	curl_=$(sed -n 's/^Lytter på \(http[^ ]*\)$/\1/p' "$tmp/serve-$label.out" | head -1)
	[ -n "$curl_" ] || { cat "$tmp/serve-$label.out" >&2; exit 1; }
	compare="$compare $label=${curl_%/}=$cpid"
done

# wrk NAME CONNS URL [HEADER]: appends "NAME CONNS rps p50_ms p99_ms"
bench_one() {
	name=$1 c=$2 u=$3
	th=2
	[ "$c" -lt 2 ] && th=1
	if [ $# -ge 4 ]; then
		wrk -t$th -c"$c" -d"${dur}s" --latency -H "$4" "$u" >"$tmp/wrk.out"
	else
		wrk -t$th -c"$c" -d"${dur}s" --latency "$u" >"$tmp/wrk.out"
	fi
	if grep -q 'Non-2xx' "$tmp/wrk.out"; then
		echo "bench: $name gav fejlsvar:" >&2
		cat "$tmp/wrk.out" >&2
		exit 1
	fi
	awk -v n="$name" -v c="$c" '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /s$/) return v * 1000
		return v + 0
	}
	$1 == "50%" { p50 = ms($2) }
	$1 == "99%" { p99 = ms($2) }
	$1 == "Requests/sec:" { rps = $2 }
	END { printf "%s %s %.0f %.3f %.3f\n", n, c, rps, p50, p99 }' "$tmp/wrk.out" >>"$tmp/results"
}

: >"$tmp/results"
echo "== http: ssp $url, nginx $nurl, peer $purl (${dur} s per figure, $runs run(s))"
r=1
while [ $r -le $runs ]; do
	for c in $conns; do
		bench_one ssp_page "$c" "$url/organisation" "$cookie"
		bench_one ssp_api "$c" "$url/api/v1/org" "Authorization: Bearer $tok"
		bench_one nginx "$c" "$nurl/organisation"
		bench_one peer "$c" "$purl/organisation" "$cookie"
		for spec in $compare; do
			label=${spec%%=*} rest=${spec#*=}
			bench_one "ssp_page@$label" "$c" "${rest%=*}/organisation" "$cookie"
		done
	done
	r=$((r + 1))
done
# the profile (full run, when perf may read the server's samples): where
# the signed-in page spends its time at 64 connections
: >"$tmp/prof_self"
: >"$tmp/prof_ssp"
if [ $quick = 0 ] && command -v perf >/dev/null 2>&1 &&
	[ "$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo 3)" -le 2 ]; then
	wrk -t2 -c64 -d"$((dur + 2))s" -H "$cookie" "$url/organisation" >/dev/null &
	wpid=$!
	sleep 1
	perf record -q -F 199 --call-graph dwarf,8192 -p "$spid" -o "$tmp/perf.data" -- sleep "$dur" \
		>/dev/null 2>&1 || true
	wait "$wpid" || true
	perf report -i "$tmp/perf.data" --no-children --stdio -g none --percent-limit 1.5 2>/dev/null |
		awk '/^ +[0-9]/ { printf "| %s | %s | %s |\n", $1, $3, $NF }' >"$tmp/prof_self" || true
	perf report -i "$tmp/perf.data" --children --stdio -g none --percent-limit 2 2>/dev/null |
		awk '/^ +[0-9]/ && $4 == "ssp" { printf "| %s | %s |\n", $1, $NF }' | head -25 >"$tmp/prof_ssp" || true
fi
rss_kib=$(awk '/VmHWM/ {print $2}' "/proc/$spid/status")
for spec in $compare; do
	echo "ssp server ${spec%%=*} peak RSS: $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/${spec##*=}/status")"
done >"$tmp/compare_rss"

# queries: ssp compliance against the same meetings read by bare SQL
year=$(date +%Y)
sql="SELECT body_id, count(*), sum(status = 'held'), sum(status = 'cancelled')
 FROM meeting WHERE year = $year GROUP BY body_id ORDER BY body_id;"
t0=$(date +%s%N)
i=0
while [ $i -lt $qn ]; do "$build/ssp" compliance "$year" --format json >/dev/null; i=$((i + 1)); done
t1=$(date +%s%N)
i=0
while [ $i -lt $qn ]; do sqlite3 "$SSP_DB" "$sql" >/dev/null; i=$((i + 1)); done
t2=$(date +%s%N)
q_ssp=$(((t1 - t0) / qn / 1000))
q_sql=$(((t2 - t1) / qn / 1000))
meetings=$(sqlite3 "$SSP_DB" "SELECT count(*) FROM meeting WHERE year = $year")

# ---- the large data set: bench/gen through the service, then a server on it
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
gbase=/dev/shm
[ -d "$gbase" ] && [ -w "$gbase" ] || gbase=$tmp
gdir=$(mktemp -d "$gbase/ssp-gen-XXXXXX")
echo "== large data set: bench/gen --scale $gscale (in $gbase, copied to disk)"
t0=$(date +%s%N)
(cd "$root" && "$build/bench/gen" --db "$gdir/g.db" --scale "$gscale" --seed 1) >"$tmp/gen.out" 2>"$tmp/gen.err" ||
	{ tail -5 "$tmp/gen.err" >&2; exit 1; }
gen_ms=$(ms_since "$t0")
mkdir "$tmp/g"
cp "$gdir"/g.db* "$tmp/g/"
rm -rf "$gdir"
gdir=""
cat "$tmp/gen.out"
export SSP_DB="$tmp/g/g.db"
gq() { sqlite3 "$SSP_DB" "$1"; }
g_people=$(gq "SELECT count(*) FROM person") g_concerns=$(gq "SELECT count(*) FROM concern")
g_actions=$(gq "SELECT count(*) FROM concern_action") g_log=$(gq "SELECT count(*) FROM audit_log")
g_mb=$(du -m "$SSP_DB" | cut -f1)
echo "people $g_people, concerns $g_concerns, actions $g_actions, access log $g_log, ${g_mb} MB; generated in $gen_ms ms"
# the benchmark's own user, Argon2id at the production cost
printf 'bench-adgangskode-1\n' | "$build/ssp" user add bench --name Bench --role ssp --password-stdin >/dev/null
gtok=$("$build/ssp" token create bench 2>/dev/null | grep -o '[A-Za-z0-9_-]\{43\}' | head -1)
t0=$(date +%s%N)
start_ssp "$tmp/gserve.out"
startup_ms=$(ms_since "$t0")
gpid=$spid gurl=$url
jar="$tmp/gjar"
csrf=$(curl -s -c "$jar" "$gurl/logind" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
signin_s=$(curl -s -o /dev/null -w '%{time_total}' -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode username=bench --data-urlencode password=bench-adgangskode-1 "$gurl/logind")
signin_ms=$(awk -v s="$signin_s" 'BEGIN { printf "%.0f", s * 1000 }')
gsess=$(awk -F'\t' '$6 == "ssp_session" {print $7}' "$jar")
[ -n "$gsess" ] || { echo "bench: log ind (stort datasæt) mislykkedes" >&2; exit 1; }
gcookie="Cookie: ssp_session=$gsess"
# a fresh server for the load, so its peak RSS is not the sign-in's hash
kill "$gpid"
wait "$gpid" 2>/dev/null || true
start_ssp "$tmp/gserve2.out"
gpid=$spid gurl=$url
rss_idle_kib=$(awk '/VmHWM/ {print $2}' "/proc/$gpid/status")
syear=$((year - 1)) # the last whole year
for pg in "organisation" "statistik?year=$syear"; do
	code=$(curl -s -o "$tmp/gpage" -w '%{http_code}' -H "$gcookie" "$gurl/$pg")
	[ "$code" = 200 ] || { echo "bench: /$pg (stort datasæt) gav $code" >&2; exit 1; }
done
stats_bytes=$(wc -c <"$tmp/gpage")
r=1
while [ $r -le $runs ]; do
	for c in $conns; do
		bench_one data_org "$c" "$gurl/organisation" "$gcookie"
		bench_one data_stats "$c" "$gurl/statistik?year=$syear" "$gcookie"
	done
	r=$((r + 1))
done
rss_data_kib=$(awk '/VmHWM/ {print $2}' "/proc/$gpid/status")
# the statistics: the API one request at a time against bare SQL in the shell
: >"$tmp/stats_t"
i=0
while [ $i -lt $qn ]; do
	curl -s -o "$tmp/stats.json" -w '%{time_total}\n' -H "Authorization: Bearer $gtok" \
		"$gurl/api/v1/stats/concerns?year=$syear" >>"$tmp/stats_t"
	i=$((i + 1))
done
s_ssp=$(awk '{ t += $1 } END { printf "%.0f", t / NR * 1000000 }' "$tmp/stats_t")
grep -q '"total"\|"categories"\|"category"' "$tmp/stats.json" ||
	{ echo "bench: statistikken svarede: $(head -c 300 "$tmp/stats.json")" >&2; exit 1; }
ssql="WITH c AS (SELECT c.category_id AS cat, p.district_id AS dist,
 substr(c.opened_at, 6, 2) AS mon,
 CAST(substr(c.opened_at, 1, 4) AS INT) - CAST(substr(p.birth_date, 1, 4) AS INT)
  - (substr(c.opened_at, 6, 5) < substr(p.birth_date, 6, 5)) AS age
 FROM concern c JOIN person p ON p.id = c.person_id
 WHERE c.opened_at >= '$syear-01-01' AND c.opened_at < '$year-01-01')
SELECT 'category', cat, count(*) FROM c GROUP BY cat
UNION ALL SELECT 'district', dist, count(*) FROM c GROUP BY dist
UNION ALL SELECT 'month', mon, count(*) FROM c GROUP BY mon
UNION ALL SELECT 'age', age, count(*) FROM c GROUP BY age;"
t0=$(date +%s%N)
i=0
while [ $i -lt $qn ]; do sqlite3 "$SSP_DB" "$ssql" >/dev/null; i=$((i + 1)); done
s_sql=$((($(date +%s%N) - t0) / qn / 1000))
s_year=$(gq "SELECT count(*) FROM concern WHERE opened_at >= '$syear-01-01' AND opened_at < '$year-01-01'")
kill "$gpid"
wait "$gpid" 2>/dev/null || true
# The counting itself: the statistics are kept per connection until what
# they count changes (one year at a time), so the requests above after the
# first were answered from kept counts. A server with one worker thread,
# asked for two years in turn, counts anew on every request.
printf '[login]\ntotp-roles = ingen\n[web]\nthreads = 1\n' >"$tmp/one.conf"
conf_was=${SSP_CONFIG:-}
export SSP_CONFIG="$tmp/one.conf"
start_ssp "$tmp/gserve1.out"
gpid1=$spid
if [ -n "$conf_was" ]; then export SSP_CONFIG="$conf_was"; else unset SSP_CONFIG; fi
: >"$tmp/stats_c"
i=0
while [ $i -lt $qn ]; do
	y=$syear
	[ $((i % 2)) = 1 ] && y=$((syear - 1))
	curl -s -o "$tmp/stats1.json" -w "$y %{time_total}\n" -H "Authorization: Bearer $gtok" \
		"$url/api/v1/stats/concerns?year=$y" >>"$tmp/stats_c"
	i=$((i + 1))
done
kill "$gpid1"
wait "$gpid1" 2>/dev/null || true
grep -q '"total"\|"categories"\|"category"' "$tmp/stats1.json" ||
	{ echo "bench: statistikken (én tråd) svarede: $(head -c 300 "$tmp/stats1.json")" >&2; exit 1; }
# the year the SQL counts, counted anew each time
s_cold=$(awk -v y="$syear" '$1 == y { t += $2; n++ } END { printf "%.0f", t / n * 1000000 }' "$tmp/stats_c")
# the compliance overview on the large set, and what a process costs
# before any query: `ssp --version` against the sqlite3 shell's `SELECT 1`
t0=$(date +%s%N)
i=0
while [ $i -lt $qn ]; do "$build/ssp" compliance "$year" --format json >/dev/null; i=$((i + 1)); done
t1=$(date +%s%N)
i=0
while [ $i -lt $qn ]; do sqlite3 "$SSP_DB" "$sql" >/dev/null; i=$((i + 1)); done
t2=$(date +%s%N)
i=0
while [ $i -lt $qn ]; do "$build/ssp" --version >/dev/null; i=$((i + 1)); done
t3=$(date +%s%N)
i=0
while [ $i -lt $qn ]; do sqlite3 :memory: "SELECT 1" >/dev/null; i=$((i + 1)); done
t4=$(date +%s%N)
gq_ssp=$(((t1 - t0) / qn / 1000)) gq_sql=$(((t2 - t1) / qn / 1000))
start_ssp_us=$(((t3 - t2) / qn / 1000)) start_sql_us=$(((t4 - t3) / qn / 1000))
g_meetings=$(gq "SELECT count(*) FROM meeting WHERE year = $year")
# the command-line waits, on the large set (the server stopped)
t0=$(date +%s%N)
"$build/ssp" plan "$year" --format json >/dev/null
plan_ms=$(ms_since "$t0")
ipid=$(gq "SELECT person_id FROM concern ORDER BY id DESC LIMIT 1")
t0=$(date +%s%N)
"$build/ssp" indsigt --person "$ipid" --format json >/dev/null
indsigt_ms=$(ms_since "$t0")
t0=$(date +%s%N)
"$build/ssp" indsigt --person "$ipid" --format pdf --output "$tmp/indsigt.pdf" >/dev/null
indsigt_pdf_ms=$(ms_since "$t0")
t0=$(date +%s%N)
"$build/ssp" purge --dry-run --format json >"$tmp/purge_dry.json"
purge_dry_ms=$(ms_since "$t0")
mkdir "$tmp/p"
cp "$tmp/g"/g.db* "$tmp/p/"
t0=$(date +%s%N)
SSP_DB="$tmp/p/g.db" "$build/ssp" purge --format json >"$tmp/purge.json"
purge_ms=$(ms_since "$t0")
t0=$(date +%s%N)
"$build/ssp" backup "$tmp/g.bak" >/dev/null
backup_ms=$(ms_since "$t0")
backup_mb=$(du -m "$tmp/g.bak" | cut -f1)
t0=$(date +%s%N)
"$build/ssp" restore "$tmp/g.bak" >/dev/null
restore_ms=$(ms_since "$t0")
purged=$(tr -d '\n ' <"$tmp/purge.json" | head -c 400)
r_sql=$(awk -v a="$s_cold" -v b="$s_sql" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }')
r_sql_kept=$(awk -v a="$s_ssp" -v b="$s_sql" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }')
r_compliance=$(awk -v a="$q_ssp" -v b="$q_sql" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }')
r_gcompliance=$(awk -v a="$gq_ssp" -v b="$gq_sql" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }')
rss_idle_mb=$(awk -v k="$rss_idle_kib" 'BEGIN { printf "%.1f", k / 1024 }')
rss_data_mb=$(awk -v k="$rss_data_kib" 'BEGIN { printf "%.1f", k / 1024 }')

# median/min/max per (name, conns)
awk '{ k = $1 " " $2; n[k]++; rps[k, n[k]] = $3; p50[k, n[k]] = $4; p99[k, n[k]] = $5 }
function med(a, k, m,   i, j, t, v) {
	for (i = 1; i <= m; i++) v[i] = a[k, i]
	for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
	return v[int((m + 1) / 2)] " " v[1] " " v[m]
}
END { for (k in n) print k, med(rps, k, n[k]), med(p50, k, n[k]), med(p99, k, n[k]) }' \
	"$tmp/results" | sort >"$tmp/summary"
# fields: name conns rps_med rps_min rps_max p50_med p50_min p50_max p99_med p99_min p99_max
get() { awk -v n="$1" -v c="$2" -v f="$3" '$1 == n && $2 == c { print $f }' "$tmp/summary"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }'; }

echo "== http (median over $runs run(s); rps p50_ms p99_ms)"
printf '%-9s %5s %10s %9s %9s\n' server conns rps p50_ms p99_ms
awk '{ printf "%-9s %5s %10s %9s %9s\n", $1, $2, $3, $6, $9 }' "$tmp/summary"
r_ng=$(ratio "$(get ssp_page 64 3)" "$(get nginx 64 3)")
r_peer=$(ratio "$(get ssp_page 64 3)" "$(get peer 64 3)")
rss_mb=$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')
echo "ssp_page/nginx at 64: $r_ng   ssp_page/peer at 64: $r_peer"
echo "ssp server peak RSS: $rss_mb MB under load (sign-in server: $((rss_login_kib / 1024)) MB)"
cat "$tmp/compare_rss"
echo "== queries ($meetings meetings in $year; whole processes, $qn each)"
echo "ssp compliance $year --format json: $q_ssp us; sqlite3 shell, same meetings: $q_sql us; ratio $r_compliance"
echo "== large data set (scale $gscale): $g_people people, $g_concerns concerns, $g_actions actions, $g_log log entries, $g_mb MB; generated in $gen_ms ms"
echo "statistics $syear ($s_year concerns): API counting anew $s_cold us, from kept counts $s_ssp us; sqlite3 shell, same counts: $s_sql us; ratio_vs_sqlite3 $r_sql (kept: $r_sql_kept)"
echo "compliance $year on the large set ($g_meetings meetings): ssp $gq_ssp us; sqlite3 shell $gq_sql us; ratio $r_gcompliance"
echo "a process before any query: ssp --version $start_ssp_us us; sqlite3 :memory: 'SELECT 1' $start_sql_us us"
echo "data_org/ssp_page at 64: $(ratio "$(get data_org 64 3)" "$(get ssp_page 64 3)")   data_stats/ssp_page at 64: $(ratio "$(get data_stats 64 3)" "$(get ssp_page 64 3)")"
echo "start-up $startup_ms ms; sign-in $signin_ms ms; plan $year $plan_ms ms; indsigt json $indsigt_ms ms, pdf $indsigt_pdf_ms ms"
echo "purge --dry-run $purge_dry_ms ms; purge $purge_ms ms ($purged); backup $backup_ms ms ($backup_mb MB); restore $restore_ms ms"
echo "data server peak RSS: idle $rss_idle_mb MB, under load $rss_data_mb MB"

if [ $quick = 0 ]; then
	out="$root/BENCHMARKS.md"
	{
		echo "# Benchmarks"
		echo
		echo "Written by \`make bench\` (bench/run.sh) on $(date -u +%Y-%m-%dT%H:%MZ). Every figure"
		echo "is the median of $runs runs of ${dur} s (min-max in brackets), measured in the same"
		echo "run on the same machine; compare ratios, not absolute numbers. Load average at the"
		echo "end of the run: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine inflates spread)."
		echo
		echo "## Machine and versions"
		echo
		echo "- CPU: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) cores"
		echo "- kernel $(uname -r); $("$build/ssp" --version); SQLite $(sqlite3 --version | cut -d' ' -f1)"
		echo "- $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(/usr/sbin/nginx -v 2>&1); Python $(/usr/bin/python3 -c 'import sys, flask, gunicorn; print(sys.version.split()[0], "Flask", flask.__version__ if hasattr(flask, "__version__") else "?", "gunicorn", gunicorn.__version__)')"
		echo
		echo "## HTTP (wrk, loopback; $(wc -c <"$tmp/org.html") bytes per page)"
		echo
		echo "| server | connections | requests/s | p50 ms | p99 ms |"
		echo "|---|---|---|---|---|"
		awk '{ printf "| %s | %s | %s (%s-%s) | %s (%s-%s) | %s (%s-%s) |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }' "$tmp/summary"
		echo
		echo "ssp_page: signed-in /organisation (cookie); ssp_api: /api/v1/org (bearer token);"
		echo "nginx: the same bytes as ssp_page as a static file; peer: bench/peers/org_peer.py"
		echo "(Flask + gunicorn, 2 workers x 4 threads, same SQLite file, same kind of page)."
		echo
		echo "| ratio (64 connections, medians) | value |"
		echo "|---|---|"
		echo "| ssp_page / nginx requests/s | $r_ng |"
		echo "| ssp_page / peer requests/s | $r_peer |"
		echo "| ssp_page p99 ms | $(get ssp_page 64 9) |"
		echo "| ssp server peak RSS (VmHWM) under load | $rss_mb MB |"
		echo "| peak RSS of a server after one sign-in (Argon2id) | $((rss_login_kib / 1024)) MB |"
		[ -s "$tmp/compare_rss" ] && { echo; cat "$tmp/compare_rss"; }
		echo
		echo "## Queries"
		echo
		echo "\`ssp compliance $year --format json\` against the bare SQL that counts the same"
		echo "$meetings meetings per body and status in the \`sqlite3\` shell; both as whole processes"
		echo "(start-up included), mean of $qn: ssp $q_ssp us, sqlite3 $q_sql us, ratio $r_compliance."
		echo "This is the small planned year of a fresh database; the same on the large data"
		echo "set is in its table below."
		echo
		echo "## The large data set (bench/gen --scale $gscale)"
		echo
		echo "$(sed 's/^gen: //' "$tmp/gen.out")"
		echo
		echo "In the database: $g_people people, $g_concerns concerns, $g_actions actions,"
		echo "$g_log access-log entries, $g_mb MB. Generation took $gen_ms ms (on /dev/shm;"
		echo "every call is its own commit)."
		echo
		echo "| what (large data set) | value |"
		echo "|---|---|"
		echo "| the steering group's statistics for $syear ($s_year concerns): GET /api/v1/stats/concerns, one request at a time, counted anew on each (a server with one worker thread asked for $syear and $((syear - 1)) in turn), mean of $((qn / 2)) | $s_cold us |"
		echo "| the same, answered from the counts kept on the connection (nothing counted changed), mean of $qn | $s_ssp us |"
		echo "| the same counts (category, district, month, age) as bare SQL, \`sqlite3\` shell, whole process, mean of $qn | $s_sql us |"
		echo "| ratio_vs_sqlite3 (statistics counted anew) | $r_sql |"
		echo "| the same from kept counts | $r_sql_kept |"
		echo "| \`ssp compliance $year --format json\` ($g_meetings meetings), whole process, mean of $qn | $gq_ssp us |"
		echo "| the same meetings counted as bare SQL, \`sqlite3\` shell, whole process, mean of $qn | $gq_sql us |"
		echo "| ratio (compliance on the large set) | $r_gcompliance |"
		echo "| a process before any query: \`ssp --version\` / \`sqlite3 :memory: 'SELECT 1'\` | $start_ssp_us / $start_sql_us us |"
		echo "| /organisation on the large set / on the fresh database, requests/s at 64 | $(ratio "$(get data_org 64 3)" "$(get ssp_page 64 3)") |"
		echo "| /statistik ($stats_bytes bytes) / the bare /organisation, requests/s at 64 | $(ratio "$(get data_stats 64 3)" "$(get ssp_page 64 3)") |"
		echo "| server start-up to listening | $startup_ms ms |"
		echo "| sign-in (POST /logind, Argon2id at the production cost) | $signin_ms ms |"
		echo "| \`ssp plan $year --format json\` | $plan_ms ms |"
		echo "| \`ssp indsigt --person ID\` (JSON / PDF) | $indsigt_ms / $indsigt_pdf_ms ms |"
		echo "| \`ssp purge --dry-run\` | $purge_dry_ms ms |"
		echo "| \`ssp purge\` (on a copy) | $purge_ms ms |"
		echo "| \`ssp backup\` ($backup_mb MB) | $backup_ms ms |"
		echo "| \`ssp restore\` | $restore_ms ms |"
		echo "| data server peak RSS idle (after start-up, before any request) | $rss_idle_mb MB |"
		echo "| data server peak RSS under load (wrk; the sign-in ran on an earlier server) | $rss_data_mb MB |"
		echo
		echo "The purge deleted: \`$purged\`"
		if [ -s "$tmp/prof_self" ]; then
			echo
			echo "## Profile of the signed-in page (perf, 64 connections, ${dur} s)"
			echo
			echo "\`perf record -F 199 --call-graph dwarf\` on the ssp server under wrk. Self time,"
			echo "symbols over 1.5 %:"
			echo
			echo "| self | object | symbol |"
			echo "|---|---|---|"
			cat "$tmp/prof_self"
			echo
			echo "ssp functions, time including what they call (over 2 %):"
			echo
			echo "| total | function |"
			echo "|---|---|"
			cat "$tmp/prof_ssp"
		fi
		[ -f "$root/bench/findings.md" ] && { echo; cat "$root/bench/findings.md"; }
	} >"$out"
	echo "wrote $out"
fi
printf '{"ratio_vs_nginx": %s, "ratio_vs_peer": %s, "p99_ms_64": %s, "ratio_vs_sqlite3": %s, "ratio_vs_sqlite3_kept": %s, "rss_mb_under_load": %s, "rps_64": %s, "api_rps_64": %s, "api_p99_ms_64": %s, "compliance_ratio_vs_sqlite3": %s, "compliance_large_ratio_vs_sqlite3": %s, "gen_scale": %s, "gen_ms": %s, "data_org_rps_64": %s, "data_stats_rps_64": %s, "data_stats_p99_ms_64": %s, "startup_ms": %s, "signin_ms": %s, "plan_ms": %s, "indsigt_ms": %s, "purge_dry_ms": %s, "purge_ms": %s, "backup_ms": %s, "restore_ms": %s, "rss_mb_idle": %s, "rss_mb_data_under_load": %s}\n' \
	"$r_ng" "$r_peer" "$(get ssp_page 64 9)" "$r_sql" "$r_sql_kept" "$rss_mb" "$(get ssp_page 64 3)" \
	"$(get ssp_api 64 3)" "$(get ssp_api 64 9)" "$r_compliance" "$r_gcompliance" "$gscale" "$gen_ms" \
	"$(get data_org 64 3)" "$(get data_stats 64 3)" "$(get data_stats 64 9)" "$startup_ms" \
	"$signin_ms" "$plan_ms" "$indsigt_ms" "$purge_dry_ms" "$purge_ms" "$backup_ms" "$restore_ms" \
	"$rss_idle_mb" "$rss_data_mb"
