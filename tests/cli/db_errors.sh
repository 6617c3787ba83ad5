# Missing, unreadable and foreign database files give clear errors.
. "$(dirname "$0")/lib.sh"

expect_status 1 "missing db" -- "$SSP" org --db "$TMP/none.db"
expect_grep "$TMP/err" "findes ikke" "missing message"
expect_status 1 "db is a directory" -- "$SSP" org --db "$TMP"
expect_grep "$TMP/err" "er en mappe" "directory message"
echo "ikke en database, bare tekst som fylder lidt mere end en linje ......" >"$TMP/text.db"
expect_status 1 "db is not sqlite" -- "$SSP" org --db "$TMP/text.db"
expect_grep "$TMP/err" "ikke en SQLite-database" "not-sqlite message"
expect_status 1 "init into a missing directory" -- "$SSP" init --db "$TMP/no/such/dir.db"
expect_grep "$TMP/err" "kan ikke åbne databasen" "missing dir message"
sqlite3 "$TMP/empty.db" "CREATE TABLE t(x)"
sqlite3 "$TMP/empty.db" "DROP TABLE t"
expect_status 1 "empty sqlite file" -- "$SSP" org --db "$TMP/empty.db"
expect_grep "$TMP/err" "er tom; opret den med »ssp init«" "empty message"
finish
