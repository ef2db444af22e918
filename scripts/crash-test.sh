#!/usr/bin/env bash
# Crash safety of `claims ingest`: kill -9 it at random points and check that nothing is half stored.
#
#   scripts/crash-test.sh            (uses .build/debug/claims; build it first with `swift build`)
#
# 1. Writes ARTICLES (default 300) small invented articles (scripts/make-articles.py, seeded).
# 2. Ingests them once without interruption into a reference database.
# 3. Until ROUNDS (default 16) runs have been killed: starts `claims ingest` on the same folder and
#    database, kills it with SIGKILL after a random delay (seeded: SEED, default 20250301), then checks the
#    database: PRAGMA integrity_check, foreign_key_check, the FTS index, and that every stored article has
#    exactly the claims, targets and responses the reference gives it. A run that finishes before its kill
#    completes the database: it is compared with the reference (below) and the next run starts afresh.
# 4. Runs the ingest to completion and compares article keys, per-article counts, totals and the whole
#    `claims export` with the reference.
#
# Prints "crash-test: R kills, 0 lost, integrity ok" and exits 0, or names each difference and exits 1.
# Env: CLAIMS_BIN, ARTICLES, ROUNDS, SEED, BUDGET (seconds for the kill rounds, default 90), KEEP=1 (keep
# the work folder).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLAIMS="${CLAIMS_BIN:-$ROOT/.build/debug/claims}"
ARTICLES="${ARTICLES:-300}"
ROUNDS="${ROUNDS:-16}"
SEED="${SEED:-20250301}"
CHECK="python3 $ROOT/scripts/reliability_check.py"

if [ ! -x "$CLAIMS" ]; then
    echo "crash-test: no claims binary at $CLAIMS; run \`swift build\` first (or set CLAIMS_BIN)" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "crash-test: python3 is needed for the checks" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/claims-crash-test.XXXXXX")"
cleanup() {
    if [ -n "${PID:-}" ] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "crash-test: work folder kept at $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# Run from the work folder with no stray settings, so nothing else is read or written.
cd "$WORK"
unset CLAIMS_DB CLAIMS_RULES

integrity() {  # DB: the sqlite3 shell when installed, else Python's sqlite3 module, plus FK and FTS checks
    local db="$1" out
    if command -v sqlite3 >/dev/null; then
        out="$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)" || true
        if [ "$out" != "ok" ]; then echo "  sqlite3 integrity_check: $out"; return 1; fi
    fi
    $CHECK integrity "$db"
}

started=$(date +%s)
python3 "$ROOT/scripts/make-articles.py" articles "$ARTICLES" "$SEED"

# The reference: one uninterrupted ingest, timed so the kills can be spread over a whole run.
# It also measures when the database file appears, so some kills can aim at its creation and migration.
t0=$(date +%s%N)
"$CLAIMS" ingest --db ref.sqlite articles > ref.out 2> ref.err &
PID=$!
while [ ! -f ref.sqlite ] && kill -0 "$PID" 2>/dev/null; do sleep 0.005; done
open_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
wait "$PID" || { echo "crash-test: the reference ingest failed:"; cat ref.err; exit 1; }
PID=""
ref_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
$CHECK snapshot ref.sqlite ref.json
"$CLAIMS" export --db ref.sqlite > ref.jsonl
echo "crash-test: reference ingest of $ARTICLES articles took ${ref_ms} ms (database opened at ${open_ms} ms): $(tail -1 ref.out)"

RANDOM=$SEED
kills=0
failures=0
lives=0        # databases taken from empty to complete through kills, each compared with the reference
attempt=0

# A run to completion on crash.sqlite must give exactly the reference: keys, per-article counts, totals and
# the whole export.
verify_complete() {  # LABEL
    local label="$1" final
    integrity crash.sqlite || failures=$((failures + 1))
    if ! final="$($CHECK complete crash.sqlite ref.json)"; then echo "$final"; failures=$((failures + 1)); fi
    "$CLAIMS" export --db crash.sqlite > crash.jsonl
    if ! cmp -s ref.jsonl crash.jsonl; then
        echo "  $label: the export differs from the reference export:"
        diff ref.jsonl crash.jsonl | head -10 | sed 's/^/    /'
        failures=$((failures + 1))
    fi
    lives=$((lives + 1))
    echo "  $label: complete, same as the reference ($(head -1 <<<"$final"))"
}

while [ "$kills" -lt "$ROUNDS" ] && [ "$attempt" -lt $((ROUNDS * 3)) ]; do
    if [ $(( $(date +%s) - started )) -gt "${BUDGET:-90}" ]; then
        echo "  time budget of ${BUDGET:-90}s used up after $kills kills; going on to the final check"
        break
    fi
    attempt=$((attempt + 1))
    # The first run on a new database may die while it is created and migrated; later ones anywhere.
    if [ ! -f crash.sqlite ] && [ $((RANDOM % 2)) -eq 0 ]; then
        delay_ms=$(( open_ms * 3 / 4 + RANDOM % (open_ms / 2 + 1) ))
    else
        delay_ms=$(( 20 + (RANDOM * 32768 + RANDOM) % (ref_ms * 85 / 100 + 1) ))
    fi
    "$CLAIMS" ingest --db crash.sqlite articles > "run$attempt.out" 2> "run$attempt.err" &
    PID=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if kill -9 "$PID" 2>/dev/null; then
        killed=1; kills=$((kills + 1)); what="killed after ${delay_ms} ms"
    else
        killed=0; what="finished before the kill at ${delay_ms} ms"
    fi
    status=0
    wait "$PID" 2>/dev/null || status=$?
    PID=""
    if grep -q "database is locked" "run$attempt.err"; then
        echo "  run $attempt: database is locked"; failures=$((failures + 1))
    fi
    if [ "$killed" -eq 0 ]; then
        if [ "$status" -ne 0 ]; then echo "  run $attempt: exit $status"; cat "run$attempt.err"; failures=$((failures + 1)); fi
        echo "  run $attempt: $what: $(tail -1 "run$attempt.out")"
        verify_complete "run $attempt"
        rm -f crash.sqlite crash.sqlite-wal crash.sqlite-shm
        continue
    fi
    if [ -f crash.sqlite ]; then
        if ! integrity crash.sqlite; then failures=$((failures + 1)); fi
        if ! state="$($CHECK partial crash.sqlite ref.json)"; then
            echo "$state"; failures=$((failures + 1)); state="$(head -1 <<<"$state")"
        fi
    else
        state="no database yet"
    fi
    echo "  run $attempt: $what; $state"
done

# Recovery: the same ingest, run to completion, must give exactly the reference.
if ! "$CLAIMS" ingest --db crash.sqlite articles > final.out 2> final.err; then
    echo "crash-test: the final ingest failed:"; cat final.err; failures=$((failures + 1))
fi
echo "  final run: $(tail -1 final.out)"
verify_complete "final"
lost=$(python3 -c "
import json, sqlite3
ref = json.load(open('ref.json'))['articles']
con = sqlite3.connect('file:crash.sqlite?mode=ro', uri=True)
got = dict(con.execute('SELECT a.key, count(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id'))
print(sum(1 for k, v in ref.items() if got.get(k) != v['claims']))")

elapsed=$(( $(date +%s) - started ))
if [ "$failures" -ne 0 ] || [ "$lost" -ne 0 ]; then
    echo "crash-test: FAILED: $kills kills, $lost lost, $failures failed checks (${elapsed}s)"
    KEEP=1
    exit 1
fi
if [ "$kills" -eq 0 ]; then
    echo "crash-test: FAILED: no ingest was still running when it was to be killed; raise ARTICLES"
    exit 1
fi
echo "crash-test: $kills kills, 0 lost, integrity ok ($attempt runs, $lives recoveries compared with the reference, $ARTICLES articles, ${elapsed}s)"
