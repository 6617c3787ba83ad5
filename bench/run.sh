#!/bin/sh
# bench/run.sh [BUILD] - speed and memory, reported as ratios within one run.
#
# 1. bench_core: strategy parsing, JSON rendering, planning a year and an
#    Argon2id hash, each as microseconds per call and as a multiple of a
#    baseline (copying the strategy text) measured in the same run.
# 2. HTTP: requests per second for /healthz (the server's floor) and for
#    /api/v1/org with a bearer token (a real page of work: session lookup,
#    permission check, access log, SQLite, JSON), and their ratio; the
#    server's peak RSS. Loopback only, bounded in count.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ninja -C "$build" bench/bench_core ssp >/dev/null
echo "== core (release build; compare ratios, not absolute times)"
(cd "$root" && "$build/bench/bench_core" strategies/hedensted.ini 0.5)

tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
export SSP_DB="$tmp/b.db"
printf '[login]\ntotp-roles = ingen\n' >"$tmp/b.conf"
export SSP_CONFIG="$tmp/b.conf"
"$build/ssp" init --no-plan >/dev/null
printf 'bench-adgangskode-1\n' | "$build/ssp" user add bench --name Bench --role ssp --password-stdin >/dev/null
tok=$("$build/ssp" token create bench 2>/dev/null)
"$build/ssp" serve --listen 127.0.0.1:0 >"$tmp/serve.out" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q 'Lytter på' "$tmp/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^Lytter på \(http[^ ]*\)$/\1/p' "$tmp/serve.out" | head -1)
echo "== http ($url, 2 x 2000 sequential requests over 4 parallel clients)"
node "$root/bench/http.mjs" "$url" "$tok" 2000
echo "server_peak_rss_kib $(grep VmHWM /proc/$pid/status | awk '{print $2}')"
