#!/usr/bin/env bash
# Fuzzes ClaimKit with libFuzzer (the harnesses are the separate package in Fuzz/).
#
#   scripts/fuzz.sh [extract|rules|all] [SECONDS]      (default: all, 60 seconds per target)
#
# Builds Fuzz/ in release mode with -sanitize=fuzzer (build folder Fuzz/.build, kept out of git), then
# runs each target for SECONDS with a temporary working corpus seeded from Fuzz/corpus/TARGET and the
# dictionary Fuzz/dict/TARGET.dict. Crash, timeout and out-of-memory inputs are written to
# Fuzz/crashes/ (named Fuzz-TARGET-crash-SHA1, …-timeout-…, …-oom-…). Prints one line per target:
#
#   fuzz TARGET: N execs in S s, C crashes
#
# and exits 1 if any target crashed (a timeout or oom counts as a crash), 2 on a usage or build error.
# Reproduce a crash with: Fuzz/.build/release/FuzzExtract Fuzz/crashes/FILE (or FuzzRules).
#
# Env: FUZZ_MAX_LEN (default 4096), FUZZ_TIMEOUT (seconds per input, default 60), FUZZ_CONFIG
# (release|debug, default release), FUZZ_ARGS (extra libFuzzer flags), FUZZ_RULES_BASE=vocabulary
# (FuzzRules layers its input over the bundled vocabulary.yaml alone instead of the whole bundled Rules/:
# about 20 times more inputs per second), FUZZ_KEEP_CORPUS=1 (keep the working corpus and print its
# folder), FUZZ_LOG_DIR (where the libFuzzer logs go, default a temporary folder removed at the end).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WHICH="${1:-all}"
SECONDS_PER_TARGET="${2:-60}"
MAX_LEN="${FUZZ_MAX_LEN:-4096}"
TIMEOUT="${FUZZ_TIMEOUT:-60}"
CONFIG="${FUZZ_CONFIG:-release}"

case "$WHICH" in
    extract) TARGETS=(extract) ;;
    rules) TARGETS=(rules) ;;
    all) TARGETS=(extract rules) ;;
    *)
        echo "usage: scripts/fuzz.sh [extract|rules|all] [SECONDS]" >&2
        exit 2
        ;;
esac
if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || [ "$SECONDS_PER_TARGET" -lt 1 ]; then
    echo "fuzz: SECONDS must be a whole number of seconds, e.g. 60" >&2
    exit 2
fi

echo "fuzz: building Fuzz/ ($CONFIG, -sanitize=fuzzer)" >&2
if ! swift build --package-path "$ROOT/Fuzz" --scratch-path "$ROOT/Fuzz/.build" -c "$CONFIG" \
    -Xswiftc -sanitize=fuzzer >&2; then
    echo "fuzz: the build failed" >&2
    exit 2
fi
BIN="$ROOT/Fuzz/.build/$CONFIG"

CRASHES="$ROOT/Fuzz/crashes"
mkdir -p "$CRASHES"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/claims-fuzz.XXXXXX")"
if [ "${FUZZ_KEEP_CORPUS:-0}" = 1 ]; then
    echo "fuzz: working corpus and logs in $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi
LOGS="${FUZZ_LOG_DIR:-$WORK}"
mkdir -p "$LOGS"

failed=0
for target in "${TARGETS[@]}"; do
    case "$target" in
        extract) exe=FuzzExtract ;;
        rules) exe=FuzzRules ;;
    esac
    corpus="$WORK/corpus-$target"
    mkdir -p "$corpus"
    cp "$ROOT/Fuzz/corpus/$target/"* "$corpus/"
    log="$LOGS/$target.log"
    before="$(ls "$CRASHES" | sort)"
    started=$(date +%s)
    # The Swift runtime's backtracer is off while fuzzing, so that libFuzzer's own signal handler sees a
    # trap (fatalError, a failed precondition) and writes the input; it is on again for the reproduction.
    # TMPDIR: the harnesses' per-process folders go inside the work folder, so that a run whose process
    # ends without exit handlers (a crash, -fork jobs) leaves nothing behind.
    mkdir -p "$WORK/tmp"
    # shellcheck disable=SC2086  # FUZZ_ARGS is a list of flags
    TMPDIR="$WORK/tmp" SWIFT_BACKTRACE=enable=no "$BIN/$exe" "$corpus" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len="$MAX_LEN" -timeout="$TIMEOUT" \
        -dict="$ROOT/Fuzz/dict/$target.dict" -print_final_stats=1 \
        -artifact_prefix="$CRASHES/Fuzz-$target-" ${FUZZ_ARGS:-} >"$log" 2>&1
    status=$?
    elapsed=$(($(date +%s) - started))
    execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')"
    # With -fork=N (in FUZZ_ARGS) there are no final stats: the last "#N: cov: …" line counts the runs.
    [ -z "$execs" ] && execs="$(grep -oE '^#[0-9]+: cov' "$log" | tail -1 | grep -oE '[0-9]+')"
    new="$(comm -13 <(echo "$before") <(ls "$CRASHES" | sort) | grep -c . || true)"
    echo "fuzz $target: ${execs:-0} execs in $elapsed s, $new crashes"
    if [ "$new" -gt 0 ] || [ "$status" -ne 0 ]; then
        failed=1
        for input in $(comm -13 <(echo "$before") <(ls "$CRASHES" | sort)); do
            echo "  input: Fuzz/crashes/$input ($(stat -c %s "$CRASHES/$input") bytes)"
            echo "  reproduce: Fuzz/.build/$CONFIG/$exe Fuzz/crashes/$input"
            # The error and the first frames of the crashed thread, from the Swift backtracer.
            SWIFT_BACKTRACE=enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none \
                TMPDIR="$WORK/tmp" timeout 120 "$BIN/$exe" "$CRASHES/$input" >"$log.repro" 2>&1
            [ $? -eq 0 ] && echo "  (it does not crash when run alone: a timeout, an oom, or a crash that needs earlier inputs)"
            grep -m1 -E 'Fatal error|Program crashed|ERROR: libFuzzer' "$log.repro" | cut -c1-300 | sed 's/^/  /'
            awk '/crashed:$/ { on = 1; next } on && /^ +[0-9]+ / { print } on && /^(\.\.\.|Thread )/ { exit }' "$log.repro" \
                | head -10 | cut -c1-240 | sed 's/^/  /'
        done
        if [ "$new" -eq 0 ]; then
            echo "  libFuzzer exited with status $status without writing an input; the end of its log:"
            tail -5 "$log" | sed 's/^/  /'
        fi
    fi
    if [ "${FUZZ_KEEP_CORPUS:-0}" = 1 ]; then echo "  corpus: $corpus ($(ls "$corpus" | wc -l) inputs), log: $log"; fi
done
exit "$failed"
