#!/bin/sh
# deps.sh - installs the Debian packages ssp needs to build, test and run.
#
# As root it runs apt-get for whatever is missing; otherwise it prints the
# exact command to run and fails. `make run` and `make test` call it first,
# so a fresh Debian 12 machine needs nothing else. `sh scripts/deps.sh bench`
# (from `make bench`) adds what only the benchmark needs.
set -eu

# build and run
PKGS="build-essential meson ninja-build pkg-config gettext
libsqlite3-dev sqlite3 libjansson-dev libsodium-dev libinih-dev
libcairo2-dev libpango1.0-dev libfontconfig-dev fonts-dejavu-core
libical-dev liboath-dev libcsv-dev libcsv3"
# tests, fuzzing and the format check
PKGS="$PKGS libcmocka-dev clang clang-format libclang-rt-14-dev poppler-utils libxml2-utils python3 oathtool"
# web door: HTTP server, QR codes; Node runs the HTTP tests, curl the docs/api.md
# examples, openssl makes the TLS test's certificate
PKGS="$PKGS libmicrohttpd-dev libqrencode-dev nodejs curl openssl"
# browser tests: Debian's Chromium (driven by playwright-core) and its fonts
PKGS="$PKGS chromium fonts-liberation"
# the benchmark only (bench/run.sh): load generator, the static-file limit
# the Python peer, and perf for the profiles; kept out of `make test`
if [ "${1:-}" = bench ]; then
	PKGS="$PKGS wrk nginx-light python3-flask gunicorn linux-perf"
fi

# Node packages (DKFDS for the pages; playwright-core and axe-core for the
# browser tests) from package-lock.json, when node_modules lacks them.
npm_ci() {
	root=$(cd "$(dirname "$0")/.." && pwd)
	# npm ci when any package of the lockfile is missing
	if [ -d "$root/node_modules/dkfds" ] && [ -d "$root/node_modules/playwright-core" ] &&
		[ -d "$root/node_modules/axe-core" ]; then
		return 0
	fi
	if ! command -v npm >/dev/null 2>&1; then
		if [ "$(id -u)" -ne 0 ]; then
			echo "npm mangler; installer det (apt-get install npm) og kør »npm ci«" >&2
			return 1
		fi
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm
	fi
	(cd "$root" && npm ci --no-audit --no-fund)
}

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	npm_ci
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "Disse Debian-pakker mangler:$missing" >&2
	echo "Installer dem som root med:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "Installerer:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q $missing
npm_ci
