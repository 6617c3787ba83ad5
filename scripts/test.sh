#!/bin/sh
# test.sh ASAN_BUILD [RELEASE_BUILD] - runs every test against the sanitizer
# build (ASan + UBSan, test hooks) and the release suite (hardening, smoke
# test of the optimised binary) against the release build, and ends with
# "N passed, N failed" counting both.
set -u
asan=$1
release=${2:-}
passed=0
failed=0
status=0
# run DIR [MESON TEST ARGS...]: one meson test run, counted from its log
run() {
	dir=$1
	shift
	log="$dir/meson-logs/testlog.json"
	rm -f "$log"
	meson test -C "$dir" --print-errorlogs --num-processes 2 "$@" || status=1
	if [ -f "$log" ]; then
		passed=$((passed + $(grep -c '"result": "OK"' "$log" || true)))
		failed=$((failed + $(grep -vc '"result": "OK"' "$log" || true)))
	else
		failed=$((failed + 1))
	fi
}
run "$asan"
if [ -n "$release" ]; then
	run "$release" --suite release
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
