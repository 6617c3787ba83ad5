#!/bin/sh
# test.sh BUILD - runs every test and ends with "N passed, N failed".
set -u
build=$1
log="$build/meson-logs/testlog.json"
rm -f "$log"
meson test -C "$build" --print-errorlogs --num-processes 2
status=$?
passed=0
failed=0
if [ -f "$log" ]; then
	passed=$(grep -c '"result": "OK"' "$log" || true)
	failed=$(grep -vc '"result": "OK"' "$log" || true)
else
	failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
