#!/bin/sh
# hardening.sh SSP - the release binary carries the hardening meson.build
# asks for: PIE, full RELRO with immediate binding (-z relro -z now), stack
# canaries (-fstack-protector-strong) and _FORTIFY_SOURCE's checked calls
# (__*_chk). Run by `make test` against build/ssp (suite "release"); run it
# on build-asan/ssp to see it fail (no _FORTIFY_SOURCE there).
set -u
ssp=${1:?Brug: sh hardening.sh SSP}
fails=0
check() { # check NAME: the status of the preceding command
	if [ "$2" -eq 0 ]; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		fails=$((fails + 1))
	fi
}
readelf -hW "$ssp" | grep -Eq '^ *Type: *DYN'
check "PIE (ELF type DYN)" $?
readelf -lW "$ssp" | grep -q 'GNU_RELRO'
check "RELRO segment (GNU_RELRO)" $?
readelf -dW "$ssp" | grep -Eq '\(BIND_NOW\)|\(FLAGS_1\).*NOW'
check "immediate binding (-z now: BIND_NOW / FLAGS_1 NOW)" $?
syms=$(readelf --dyn-syms -W "$ssp")
printf '%s\n' "$syms" | grep -q ' __stack_chk_fail'
check "stack protector (__stack_chk_fail)" $?
chk=$(printf '%s\n' "$syms" | grep -Eo ' __[a-z0-9_]+_chk' | grep -v '__stack_chk' | sort -u | tr -d ' ' | tr '\n' ' ')
[ -n "$chk" ]
check "_FORTIFY_SOURCE (checked calls: ${chk:-none})" $?
exit "$fails"
