#!/bin/sh
# potfiles.sh - is every C file that has user-visible text (a _( or N_(
# call) listed in po/POTFILES, so the message catalogue (ninja ssp-pot) is
# complete for a translator? Exit 0 when it is, 1 naming the missing files.
set -u
cd "$(dirname "$0")/.." || exit 1
missing=0
for f in $(grep -rlE '\bN?_\("' src --include='*.c' | sort); do
	if ! grep -qxF "$f" po/POTFILES; then
		echo "mangler i po/POTFILES: $f"
		missing=1
	fi
done
[ "$missing" -eq 0 ] && echo "po/POTFILES dækker alle filer med brugertekst"
exit "$missing"
