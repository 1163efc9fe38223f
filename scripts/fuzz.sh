#!/bin/sh
# Builds the libFuzzer targets (Fuzz/) and runs each for a set time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      default: 60 seconds, every target
#
# Environment: FUZZ_SEED (libFuzzer -seed; unset means random), FUZZ_SANITIZERS (default
# fuzzer,address), FUZZ_JOBS (parallel targets, default 1), SWIFT.
# The build lives in .build-fuzz, apart from the normal .build. Each target keeps its
# growing corpus in .build-fuzz/corpus/NAME and reads the committed seeds in
# Fuzz/corpus/NAME. A crash, hang or failed check stops the run: the input is copied to
# Fuzz/regressions/NAME/ (commit it; the unit tests run it from then on) and the script
# exits 1.
set -eu
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
[ $# -gt 0 ] && shift
SWIFT=${SWIFT:-swift}
SANITIZERS=${FUZZ_SANITIZERS:-fuzzer,address}
SCRATCH=.build-fuzz

mkdir -p "$SCRATCH"
# The sanitizer build's linker notes (hundreds of "Cannot export local symbol") go to a log,
# shown only when the build fails.
if ! "$SWIFT" build --scratch-path "$SCRATCH" --product recall-fuzz \
    -Xswiftc "-sanitize=$SANITIZERS" -Xswiftc -parse-as-library -Xswiftc -DFUZZING >"$SCRATCH/build.log" 2>&1
then
    tail -60 "$SCRATCH/build.log" >&2
    echo "error: the fuzz build failed (whole log: $SCRATCH/build.log)" >&2
    exit 1
fi
echo "fuzz: built recall-fuzz (log: $SCRATCH/build.log)"
BINARY="$("$SWIFT" build --scratch-path "$SCRATCH" --show-bin-path)/recall-fuzz"

if [ $# -gt 0 ]; then
    TARGETS="$*"
else
    TARGETS=$(RECALL_FUZZ_TARGET=list "$BINARY")
fi

status=0
for target in $TARGETS; do
    corpus="$SCRATCH/corpus/$target"
    artifacts="$SCRATCH/artifacts/$target"
    mkdir -p "$corpus" "$artifacts" "Fuzz/regressions/$target"
    seed=""
    [ -n "${FUZZ_SEED:-}" ] && seed="-seed=$FUZZ_SEED"
    echo "fuzz: $target for ${SECONDS_PER_TARGET}s"
    # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: a blow-up is a failure.
    if RECALL_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$BINARY" $seed \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "Fuzz/corpus/$target" >"$SCRATCH/$target.log" 2>&1
    then
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$SCRATCH/$target.log" | sed "s/^/fuzz: $target: /"
    else
        status=1
        tail -40 "$SCRATCH/$target.log" >&2
        for artifact in "$artifacts"/*; do
            [ -f "$artifact" ] || continue
            cp "$artifact" "Fuzz/regressions/$target/"
            echo "error: fuzz target $target failed; the input is now Fuzz/regressions/$target/$(basename "$artifact"): fix the bug and commit it" >&2
        done
    fi
done
exit $status
