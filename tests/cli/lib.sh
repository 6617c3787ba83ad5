# lib.sh - helpers for black-box tests of the real binary.
# Each test script sources this, runs $SSP and calls ok/fail; it exits
# non-zero when any check failed. $SSP and $SRC come from meson.
set -u
: "${SSP:?SSP must name the ssp binary}"
: "${SRC:?SRC must name the source tree}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SSP_DB="$TMP/ssp.db"
failures=0
checks=0

ok() { checks=$((checks + 1)); printf 'ok %d - %s\n' "$checks" "$1"; }
fail() {
	checks=$((checks + 1)); failures=$((failures + 1))
	printf 'not ok %d - %s\n' "$checks" "$1"
	[ $# -gt 1 ] && printf '# %s\n' "$2"
}

# expect_status WANT DESC -- CMD...: runs CMD, keeps stdout/stderr in
# $TMP/out and $TMP/err.
expect_status() {
	local want=$1 desc=$2; shift 3
	"$@" >"$TMP/out" 2>"$TMP/err"
	local got=$?
	if [ "$got" -eq "$want" ]; then ok "$desc"
	else fail "$desc" "exit $got, wanted $want; stderr: $(head -c 600 "$TMP/err")"; fi
}

# expect_grep FILE PATTERN DESC
expect_grep() {
	if grep -qF -- "$2" "$1"; then ok "$3"
	else fail "$3" "»$2« not in $1: $(head -c 600 "$1")"; fi
}

# expect_golden FILE GOLDEN DESC: GOLDEN under tests/golden; set
# UPDATE_GOLDEN=1 to rewrite it.
expect_golden() {
	local g="$SRC/tests/golden/$2"
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then cp "$1" "$g"; fi
	if diff -u "$g" "$1" >"$TMP/diff"; then ok "$3"
	else fail "$3" "$(head -40 "$TMP/diff")"; fi
}

# api_user: a fresh database (no two-factor) with the user "api" (role
# ssp, password en-adgangskode-1) and a token for it in $tok.
api_user() {
	printf '[login]\ntotp-roles = ingen\n' >"$TMP/c.conf"
	export SSP_CONFIG="$TMP/c.conf"
	"$SSP" init >/dev/null 2>&1 || fail "init"
	printf 'en-adgangskode-1\n' | "$SSP" user add api --name Api --role ssp --password-stdin \
		>/dev/null 2>&1 || fail "user add"
	tok=$("$SSP" token create api 2>/dev/null | grep -o '[A-Za-z0-9_-]\{43\}' | head -1)
	[ -n "$tok" ] && ok "token created" || fail "token created"
}

finish() {
	printf '1..%d\n' "$checks"
	[ "$failures" -eq 0 ]
}
