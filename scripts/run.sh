#!/bin/sh
# run.sh BUILD DB - initialises the database if needed and runs the main job.
set -eu
build=$1
db=$2
if [ ! -f "$db" ]; then
	"$build/ssp" init --db "$db"
fi
echo
echo "Webapplikationen er endnu ikke bygget; her er organisationen fra strategien:"
echo
"$build/ssp" org --db "$db"
