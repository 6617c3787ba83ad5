#!/bin/sh
# fuzz.sh SECONDS [NAME...] - builds the libFuzzer targets in build-fuzz/
# (clang, ASan + UBSan) and runs each one for SECONDS seconds. The targets
# are every fuzz_<name> executable fuzz/meson.build defines, or the NAMEs
# given.
#
# Each target starts from a copy of its seed corpus fuzz/corpus/<name>/ in
# fuzz/corpus-run-<name>/ (gitignored), so new inputs never land in the
# committed corpus; fuzz/dict/<name>.dict, if present, is passed as
# -dict. A crash, leak or timeout is saved in fuzz/corpus-findings/
# (gitignored, like every fuzz/corpus-*/) and makes the script
# exit 1. Prints one summary line per target.
set -u

seconds=${1:-30}
case $seconds in
'' | *[!0-9]*)
	echo "Brug: sh scripts/fuzz.sh SEKUNDER [MÅL...]" >&2
	exit 2
	;;
esac
if [ $# -gt 0 ]; then shift; fi

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-fuzz"

cd "$root" || exit 2
if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" -Dfuzz=true -Db_sanitize=address,undefined \
		-Db_lundef=false || exit 2
fi
# Re-run meson if a meson.build changed, so the list of targets is current.
ninja -C "$build" build.ninja >/dev/null || exit 2
if [ $# -gt 0 ]; then
	targets="$*"
else
	targets=$(meson introspect --targets "$build" |
		grep -o '"name": "fuzz_[A-Za-z0-9_]*"' | sed 's/.*"fuzz_\(.*\)"/\1/')
fi
if [ -z "$targets" ]; then
	echo "ingen fuzz-mål i $build; er den sat op med -Dfuzz=true?" >&2
	exit 2
fi
# Only the fuzz_* targets: the rest of the project is not needed.
ninja_targets=""
for t in $targets; do
	ninja_targets="$ninja_targets fuzz/fuzz_$t"
done
# shellcheck disable=SC2086
ninja -C "$build" $ninja_targets || exit 2

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

findings="$root/fuzz/corpus-findings"
mkdir -p "$findings"
summary=""
failed=0
for t in $targets; do
	run="$root/fuzz/corpus-run-$t"
	log="$build/fuzz-$t.log"
	rm -rf "$run"
	mkdir -p "$run"
	if [ -d "$root/fuzz/corpus/$t" ]; then
		cp "$root/fuzz/corpus/$t/"* "$run/"
	fi
	dict=""
	if [ -f "$root/fuzz/dict/$t.dict" ]; then
		dict="-dict=$root/fuzz/dict/$t.dict"
	fi
	echo "== fuzz_$t: $seconds s, korpus $run"
	# shellcheck disable=SC2086
	"$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$findings/" $dict "$run" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	if [ -z "$runs" ]; then # no final stats after a crash: the last progress line
		runs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -n 1)
	fi
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
	corpus=$(find "$run" -type f | wc -l)
	if [ "$rc" -eq 0 ]; then
		line="fuzz_$t: OK, ${runs:-?} kørsler, dækning ${cov:-?}, korpus $corpus filer"
	else
		failed=$((failed + 1))
		art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
		line="fuzz_$t: FEJL (status $rc) efter ${runs:-?} kørsler; input: ${art:-?}; log: $log"
		tail -n 40 "$log" >&2
	fi
	summary="$summary$line
"
done
printf '%s' "$summary"
rmdir "$findings" 2>/dev/null
[ "$failed" -eq 0 ]
