#!/usr/bin/env bash
# Several writers and readers on one database at once.
#
#   scripts/concurrency-test.sh      (uses .build/debug/claims; build it first with `swift build`)
#
# 1. Writes ARTICLES (default 300) small invented articles (scripts/make-articles.py, seeded) and three
#    overlapping folders of them: a (the first two thirds), b (the last two thirds) and c (the middle).
# 2. Ingests all of them in one process into a reference database.
# 3. On a new database, at the same time: three `claims ingest` processes (folders a, b and c), a Python
#    reader that reads per-article counts read-only in one transaction again and again and fails if any
#    article is ever seen with other counts than the reference (half an article), and a loop of
#    `claims search`, `claims list` and `claims backup` (each backup is checked like the database).
# 4. Afterwards: every exit code is 0, no output mentions "database is locked", every article key is
#    stored once, and per-article claim/target/response counts and the totals equal the reference.
#
# Prints "concurrency-test: W writers, N reads, B backups, 0 lost, no lock errors" and exits 0, or names
# each difference and exits 1. Env: CLAIMS_BIN, ARTICLES, SEED, KEEP=1 (keep the work folder).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLAIMS="${CLAIMS_BIN:-$ROOT/.build/debug/claims}"
ARTICLES="${ARTICLES:-300}"
SEED="${SEED:-20250302}"
CHECK="python3 $ROOT/scripts/reliability_check.py"

if [ ! -x "$CLAIMS" ]; then
    echo "concurrency-test: no claims binary at $CLAIMS; run \`swift build\` first (or set CLAIMS_BIN)" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "concurrency-test: python3 is needed for the checks" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/claims-concurrency-test.XXXXXX")"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ "${KEEP:-0}" = 1 ]; then echo "concurrency-test: work folder kept at $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cd "$WORK"
unset CLAIMS_DB CLAIMS_RULES
started=$(date +%s)

python3 "$ROOT/scripts/make-articles.py" all "$ARTICLES" "$SEED"
mkdir a b c
third=$((ARTICLES / 3))
i=0
for f in all/*.txt; do
    if [ "$i" -lt $((2 * third)) ]; then ln "$f" a/; fi
    if [ "$i" -ge "$third" ]; then ln "$f" b/; fi
    if [ "$i" -ge $((third / 2)) ] && [ "$i" -lt $((ARTICLES - third / 2)) ]; then ln "$f" c/; fi
    i=$((i + 1))
done

"$CLAIMS" ingest --db ref.sqlite all > ref.out 2> ref.err || { echo "concurrency-test: the reference ingest failed:"; cat ref.err; exit 1; }
$CHECK snapshot ref.sqlite ref.json
echo "concurrency-test: reference: $(tail -1 ref.out)"

# Readers first, so they see the database being created.
rm -f stop
$CHECK watch shared.sqlite ref.json stop > watch.out 2>&1 &
WATCH=$!
PIDS+=("$WATCH")
(
    # The CLI readers and backups; every command's exit code is logged with its output.
    set +e
    n=0
    while [ ! -f stop ]; do
        n=$((n + 1))
        if [ -f shared.sqlite ]; then
            "$CLAIMS" search --db shared.sqlite budget --limit 5 > "search$n.out" 2>&1; echo "search $? search$n.out" >> cli.log
            "$CLAIMS" list --db shared.sqlite --actor Halvorsen > "list$n.out" 2>&1; echo "list $? list$n.out" >> cli.log
            if [ $((n % 3)) -eq 1 ]; then
                "$CLAIMS" backup --db shared.sqlite "backup$n.sqlite" > "backup$n.out" 2>&1; echo "backup $? backup$n.out" >> cli.log
            fi
        fi
        sleep 0.05
    done
) &
READERS=$!
PIDS+=("$READERS")

writers=0
WRITERS=()
for folder in a b c; do
    "$CLAIMS" ingest --db shared.sqlite "$folder" > "ingest-$folder.out" 2> "ingest-$folder.err" &
    WRITERS+=("$!")
    PIDS+=("$!")
    writers=$((writers + 1))
done
failures=0
for idx in 0 1 2; do
    folder=$(echo a b c | cut -d' ' -f$((idx + 1)))
    status=0
    wait "${WRITERS[$idx]}" || status=$?
    echo "  ingest $folder: exit $status: $(tail -1 "ingest-$folder.out")"
    if [ "$status" -ne 0 ]; then sed 's/^/    /' "ingest-$folder.err" | head -5; failures=$((failures + 1)); fi
done
# Let the readers see the finished database a few times, then stop them.
sleep 0.5
touch stop
wait "$READERS" || true
watch_status=0
wait "$WATCH" || watch_status=$?
cat watch.out | sed 's/^/  /'
if [ "$watch_status" -ne 0 ]; then failures=$((failures + 1)); fi

# The CLI readers: exit 0, except `list` before Halvorsen's first article is stored (exit 1, "no actor").
reads=0
while read -r command status file; do
    reads=$((reads + 1))
    if [ "$status" -eq 0 ]; then continue; fi
    if [ "$command" = list ] && [ "$status" -eq 1 ] && grep -q "no actor is called" "$file"; then continue; fi
    echo "  $command exited $status: $(head -3 "$file")"
    failures=$((failures + 1))
done < <(cat cli.log 2>/dev/null || true)

# Every backup taken mid-ingest is a consistent snapshot: intact, and no article in it is half stored.
backups=0
held=""
for copy in $(ls -v backup*.sqlite 2>/dev/null); do
    [ -f "$copy" ] || continue
    backups=$((backups + 1))
    $CHECK integrity "$copy" || { echo "  $copy is damaged"; failures=$((failures + 1)); }
    if ! out="$($CHECK partial "$copy" ref.json)"; then echo "  $copy: $out"; failures=$((failures + 1)); fi
    held="$held${held:+, }$(head -1 <<<"$out" | cut -d' ' -f1)"
done
echo "  $backups backups taken during the ingests, holding $held articles: intact, no half articles"

if grep -l "database is locked" ./*.out ./*.err 2>/dev/null; then
    echo "  some output above says \"database is locked\""
    failures=$((failures + 1))
fi
"$CLAIMS" ingest --db shared.sqlite all > again.out 2> again.err || { echo "  re-ingest failed"; failures=$((failures + 1)); }
if ! final="$($CHECK complete shared.sqlite ref.json)"; then echo "$final"; failures=$((failures + 1)); fi
$CHECK integrity shared.sqlite || failures=$((failures + 1))
echo "  shared database: $(head -1 <<<"$final"); a fourth ingest of everything: $(tail -1 again.out)"
lost=$(python3 -c "
import json, sqlite3
ref = json.load(open('ref.json'))['articles']
con = sqlite3.connect('file:shared.sqlite?mode=ro', uri=True)
got = dict(con.execute('SELECT a.key, count(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id'))
print(sum(1 for k, v in ref.items() if got.get(k) != v['claims']))")
read_count=$(grep -o '^reader: [0-9]*' watch.out | grep -o '[0-9]*' || echo 0)

elapsed=$(( $(date +%s) - started ))
if [ "$failures" -ne 0 ] || [ "$lost" -ne 0 ]; then
    echo "concurrency-test: FAILED: $lost lost, $failures failed checks (${elapsed}s)"
    KEEP=1
    exit 1
fi
echo "concurrency-test: $writers writers, $read_count reads + $reads CLI reads, $backups backups, 0 lost, no lock errors (${elapsed}s)"
