#!/bin/sh
# format.sh - does every C file of the tree follow .clang-format? Runs
# `clang-format --dry-run --Werror` on the *.c and *.h files git knows
# (tracked, or new and not ignored), from the source root, and prints
# clang-format's findings. Exit 0 when all are formatted, 1 when not, 77
# (meson: skipped) without git, a git checkout or clang-format.
# Fix with: git ls-files '*.c' '*.h' | xargs clang-format -i
set -u
cd "$(dirname "$0")/.." || exit 1
command -v git >/dev/null 2>&1 || { echo "git mangler; springer over"; exit 77; }
command -v clang-format >/dev/null 2>&1 || { echo "clang-format mangler; springer over"; exit 77; }
files=$(git ls-files --cached --others --exclude-standard -- '*.c' '*.h' 2>/dev/null) ||
	{ echo "ikke en git-checkout; springer over"; exit 77; }
[ -n "$files" ] || { echo "ingen C-filer"; exit 77; }
# shellcheck disable=SC2086 # one file name per word: the tree has no spaces in names
clang-format --dry-run --Werror $files
