#!/bin/sh
# deps.sh - installs the Debian packages ssp needs to build, test and run.
#
# As root it runs apt-get for whatever is missing; otherwise it prints the
# exact command to run and fails. `make run` and `make test` call it first,
# so a fresh Debian 12 machine needs nothing else.
set -eu

# build and run
PKGS="build-essential meson ninja-build pkg-config gettext
libsqlite3-dev sqlite3 libjansson-dev libsodium-dev libinih-dev
libcairo2-dev libpango1.0-dev libfontconfig-dev fonts-dejavu-core"
# tests and fuzzing
PKGS="$PKGS libcmocka-dev clang libclang-rt-14-dev poppler-utils libxml2-utils python3"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
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
