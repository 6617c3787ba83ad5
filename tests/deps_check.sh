#!/bin/sh
# deps_check.sh [DEPS_SH] - every library the build asks for is installed
# by scripts/deps.sh, so a fresh Debian 12 machine gets all of them.
#
# Reads every dependency('NAME') (and cc.find_library('NAME')) of every
# meson.build of the tree, finds the library's .pc file with
# `pkg-config --path NAME` (a library: the compiler's libNAME.so), maps
# the file to its Debian package with `dpkg -S`, and fails when that
# package is not in a PKGS="..." list of scripts/deps.sh (or DEPS_SH).
# Exit 77 (meson: skipped) without dpkg or pkg-config.
set -u
cd "$(dirname "$0")/.." || exit 1
deps_sh=${1:-scripts/deps.sh}
command -v dpkg >/dev/null 2>&1 || { echo "dpkg mangler; springer over"; exit 77; }
command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config mangler; springer over"; exit 77; }

# The package names of deps.sh: the words inside its PKGS="..." strings.
listed=$(awk '
	/^PKGS="/ { on = 1; sub(/^PKGS="/, "") }
	on { line = $0; if (index(line, "\"")) { on = 0; sub(/".*/, "", line) }
	     gsub(/\$PKGS/, "", line); n = split(line, w, /[ \t]+/)
	     for (i = 1; i <= n; i++) if (w[i] != "") print w[i] }' "$deps_sh" | sort -u)
[ -n "$listed" ] || { echo "not ok - ingen pakker fundet i $deps_sh"; exit 1; }

files=$(find . \( -path ./node_modules -o -path './build*' -o -path ./.git \) -prune -o \
	-name meson.build -print | sort)
fails=0
n=0
# owner FILE: the Debian package that installed FILE (without :arch),
# from one `dpkg -S` over all files (each call reads dpkg's whole database)
owner() {
	pkg=$(printf '%s\n' "$owners" | grep -F -- ": $1" | grep -m 1 -E -- ": $1\$" | cut -d: -f1)
	if [ -z "$pkg" ] && [ -e "$1" ]; then # usrmerge: /usr/lib vs /lib
		pkg=$(dpkg -S "$(readlink -f "$1")" 2>/dev/null | head -n 1 | cut -d: -f1)
	fi
	printf '%s' "$pkg"
}
check() { # check KIND NAME FILE
	n=$((n + 1))
	if [ -z "$3" ] || [ ! -e "$3" ]; then
		echo "not ok $n - $1 »$2«: ingen fil fundet (pkg-config --path / cc -print-file-name)"
		fails=$((fails + 1))
		return
	fi
	pkg=$(owner "$3")
	if [ -z "$pkg" ]; then
		echo "not ok $n - $1 »$2«: $3 tilhører ingen Debian-pakke (dpkg -S)"
		fails=$((fails + 1))
	elif printf '%s\n' "$listed" | grep -qx -- "$pkg"; then
		echo "ok $n - $1 »$2«: $3 fra $pkg, som $deps_sh installerer"
	else
		echo "not ok $n - $1 »$2«: $3 kommer fra $pkg, som mangler i $deps_sh"
		fails=$((fails + 1))
	fi
}
# shellcheck disable=SC2086 # meson.build paths have no spaces
deps=$(grep -Eoh "(^|[^A-Za-z0-9_])dependency\('[^']+'" $files |
	sed "s/.*dependency('\([^']*\)'/\1/" | sort -u |
	# meson's own dependencies (no package: the C library and the compiler)
	grep -vxE 'threads|openmp|dl|iconv|intl')
# shellcheck disable=SC2086
libs=$(grep -Eoh "find_library\('[^']+'" $files |
	sed "s/.*find_library('\([^']*\)'/\1/" | sort -u)
pc_path() { pkg-config --path "$1" 2>/dev/null; }
# the linker's path has ".." in it; dpkg knows the plain one (without
# resolving the symlink: lib*.so belongs to the -dev package)
lib_path() { realpath -s "$(${CC:-cc} -print-file-name="lib$1.so")"; }
paths=""
for name in $deps; do paths="$paths $(pc_path "$name")"; done
for name in $libs; do paths="$paths $(lib_path "$name")"; done
# shellcheck disable=SC2086
owners=$(dpkg -S $paths 2>/dev/null)
for name in $deps; do check dependency "$name" "$(pc_path "$name")"; done
for name in $libs; do check find_library "$name" "$(lib_path "$name")"; done
echo "1..$n"
[ "$fails" -eq 0 ]
