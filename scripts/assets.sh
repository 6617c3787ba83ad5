#!/bin/sh
# assets.sh BUILD - puts the files served under /static/ into BUILD/assets/:
# our own static/ (app.css, app.js) and Det Fælles Designsystem's dist/
# (css, js, fonts, img, with its licence) from node_modules/dkfds.
#
# `make build` runs it. node_modules comes from `npm ci` (scripts/deps.sh).
# The folders are copied whole because DKFDS's stylesheet finds its fonts
# and icons by relative ../ paths.
set -eu
build=${1:?Brug: sh scripts/assets.sh BYGGEMAPPE}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$build/assets"
mkdir -p "$out"
cp "$root"/static/* "$out/"

if ! command -v node >/dev/null 2>&1 || [ ! -d "$root/node_modules/dkfds" ]; then
	echo "assets.sh: advarsel: node_modules/dkfds mangler (kør »npm ci«); siderne vises uden designsystemet" >&2
	exit 0
fi
# dkfds exports only its main file (dist/js/dkfds.min.js): dist/ is two
# levels up from it.
dist=$(cd "$root" && node -e "const p=require('path');console.log(p.resolve(p.dirname(require.resolve('dkfds')),'..'))")
stamp="$out/dkfds/.version"
version=$(cd "$root" && node -p "require('./node_modules/dkfds/package.json').version")
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then
	exit 0
fi
rm -rf "$out/dkfds"
mkdir -p "$out/dkfds"
for d in css js fonts img; do
	cp -R "$dist/$d" "$out/dkfds/"
done
cp "$dist/LICENSE.md" "$out/dkfds/LICENSE.md"
echo "$version" >"$stamp"
echo "assets.sh: DKFDS $version kopieret til $out/dkfds"
