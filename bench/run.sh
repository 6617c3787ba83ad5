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
	conns="64" dur=3 runs=1 core_s=0.2 qn=20
else
	conns="1 16 64" dur=${BENCH_SECONDS:-5} runs=${RUNS:-3} core_s=0.5 qn=50
fi
for t in wrk nginx sqlite3 curl; do
	command -v $t >/dev/null 2>&1 || [ -x /usr/sbin/$t ] || {
		echo "bench: $t mangler (sh scripts/deps.sh bench)" >&2
		exit 1
	}
done
ninja -C "$build" bench/bench_core ssp >/dev/null
echo "== core (release build; compare ratios, not absolute times)"
(cd "$root" && "$build/bench/bench_core" strategies/hedensted.ini $core_s)

tmp=$(mktemp -d)
chmod 711 "$tmp" # nginx's workers (user nobody) read $tmp/www
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	for p in $pids; do wait "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
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
r_sql=$(ratio "$q_ssp" "$q_sql")
rss_mb=$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')
echo "ssp_page/nginx at 64: $r_ng   ssp_page/peer at 64: $r_peer"
echo "ssp server peak RSS: $rss_mb MB under load (sign-in server: $((rss_login_kib / 1024)) MB)"
cat "$tmp/compare_rss"
echo "== queries ($meetings meetings in $year; whole processes, $qn each)"
echo "ssp compliance $year --format json: $q_ssp us; sqlite3 shell, same meetings: $q_sql us; ratio $r_sql"

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
		echo "(start-up included), mean of $qn: ssp $q_ssp us, sqlite3 $q_sql us, ratio $r_sql."
		echo "This is the small planned year of a fresh database, not the large data set."
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
printf '{"ratio_vs_nginx": %s, "ratio_vs_peer": %s, "p99_ms_64": %s, "ratio_vs_sqlite3": %s, "rss_mb_under_load": %s, "rps_64": %s, "api_rps_64": %s, "api_p99_ms_64": %s}\n' \
	"$r_ng" "$r_peer" "$(get ssp_page 64 9)" "$r_sql" "$rss_mb" "$(get ssp_page 64 3)" \
	"$(get ssp_api 64 3)" "$(get ssp_api 64 9)"
