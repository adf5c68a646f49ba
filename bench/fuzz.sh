#!/usr/bin/env bash
# A timed fuzzing campaign with Jazzer over one or all of core's fuzz targets (core/src/test/java/io/firewatch/core/fuzz).
# `./mvnw verify` only replays their seed corpus; this script mutates it for the given time.
#   bench/fuzz.sh DURATION [TARGET...]     DURATION in seconds; TARGET: scan, config, address (default: all three)
# Each target gets DURATION seconds. New coverage lands in target/fuzz/corpus/TARGET (kept between runs); a finding
# is written to target/fuzz/findings/TARGET/crash-*. Fix it, then copy it into the target's seed directory
# (core/src/test/resources/io/firewatch/core/fuzz/<Class>Inputs/<method>/) so `./mvnw verify` guards it forever.
# Extra Jazzer/libFuzzer flags: FUZZ_ARGS (e.g. FUZZ_ARGS="-jobs=2 -workers=2"). Heap per target: FUZZ_HEAP (512m).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] && [[ $1 =~ ^[0-9]+$ ]] || { echo "usage: bench/fuzz.sh SECONDS [scan|config|address]..." >&2; exit 64; }
duration=$1
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scan config address)

mkdir -p target/fuzz
./mvnw -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/fuzz/classpath" -Dmdep.includeScope=test
cp="core/target/test-classes:core/target/classes:$(cat target/fuzz/classpath)"
seeds=core/src/test/resources/io/firewatch/core/fuzz

status=0
for t in "${targets[@]}"; do
  case $t in
    scan) class=ScanFuzzTest method=scan ;;
    config) class=ConfigFuzzTest method=parse ;;
    address) class=AddressFuzzTest method=parse ;;
    *) echo "unknown target $t (scan, config, address)" >&2; exit 64 ;;
  esac
  mkdir -p "target/fuzz/corpus/$t" "target/fuzz/findings/$t"
  echo "== $t: $duration s" >&2
  # shellcheck disable=SC2086
  java -Xmx"${FUZZ_HEAP:-512m}" -cp "$cp" com.code_intelligence.jazzer.Jazzer \
    --target_class="io.firewatch.core.fuzz.$class" --instrumentation_includes='io.firewatch.**:com.fasterxml.**' \
    --keep_going=50 -max_total_time="$duration" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    -artifact_prefix="target/fuzz/findings/$t/" ${FUZZ_ARGS:-} \
    "target/fuzz/corpus/$t" "$seeds/${class}Inputs/$method" || status=1
done
exit $status
