#!/bin/sh
# bench/data_import.sh [BUILD] [ROWS] - a police-figures file of ROWS rows
# (1 000 000 by default; invented figures) imported with
# `ssp data import kriminalitet`: wall time and peak memory of the first
# import (every row added), of the same file again (every row unchanged,
# nothing written), and of `ssp data show kriminalitet --format csv`.
# Not a test: speed is noise on a shared machine; an ASan build (the
# default build/) is several times slower than a release build:
#   meson setup build-release --buildtype=release -Db_sanitize=none
#   bench/data_import.sh build-release
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
rows=${2:-1000000}
ninja -C "$build" ssp >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SSP_DB="$tmp/b.db"
"$build/ssp" init --no-plan >/dev/null

# year x month x category x age band x district, unique keys
awk -v n="$rows" 'BEGIN {
	printf "\357\273\277år;måned;kategori;aldersgruppe;distrikt;antal\r\n"
	split("10-14 15-17 18-25", band, " "); split("Hele kommunen;Vest;Midt;Øst", dist, ";")
	i = 0
	for (c = 1; i < n; c++)
		for (y = 2000; y <= 2100 && i < n; y++)
			for (m = 0; m <= 12 && i < n; m++)
				for (b = 1; b <= 3 && i < n; b++)
					for (d = 1; d <= 4 && i < n; d++) {
						printf "%d;%s;\"Kategori %d\";%s;%s;%d.%03d\r\n", y, m ? m : "", c, band[b], dist[d], (i % 97) + 1, i % 1000
						i++
					}
}' >"$tmp/k.csv"
size=$(wc -c <"$tmp/k.csv")
echo "== $rows rows, $size bytes ($build)"

run() {
	label=$1
	shift
	/usr/bin/time -f "%e s wall (%U s user, %S s sys), peak %M KiB" -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || {
		cat "$tmp/err"
		exit 1
	}
	printf '%-28s %s   %s\n' "$label" "$(cat "$tmp/time")" "$(tail -1 "$tmp/out")"
}
run "import (all added)" "$build/ssp" data import kriminalitet "$tmp/k.csv"
run "import again (unchanged)" "$build/ssp" data import kriminalitet "$tmp/k.csv"
run "show --format csv" "$build/ssp" data show kriminalitet --format csv -o "$tmp/out.csv"
