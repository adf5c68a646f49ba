#!/usr/bin/env bash
# First invocation of the Azure function app: each run is a fresh JVM standing in for the Java worker. It builds the
# runtime from settings, runs the warmup function (as Flex Consumption and Premium do when they add an instance), then
# two Event Hub batches of Activity Log records whose critical alerts reach a local Teams stand-in. A second series
# runs without the warmup, as an instance that was not started by a scale-out does. Both series run again with the
# delivery-claim store on a local Azurite (FIREWATCH_DEDUP_CONNECTION; needs target/npm from .ci/run).
# Usage: bench/azure-cold-start.sh [runs]   (default 5; prints each run, then medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"

./mvnw -B -q -pl azure-function -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp=azure-function/target/classes:azure-function/target/test-classes:$(cat azure-function/target/bench-classpath.txt)

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for i in $(seq "$runs"); do
  java -cp "$cp" io.firewatch.azure.FirstInvocationBench | tee -a "$results"
  java -cp "$cp" io.firewatch.azure.FirstInvocationBench no-warmup | tee -a "$results"
  java -cp "$cp" io.firewatch.azure.FirstInvocationBench store | tee -a "$results"
  java -cp "$cp" io.firewatch.azure.FirstInvocationBench no-warmup store | tee -a "$results"
done
median() {
  grep "warmup=$1 store=${3:-false} " "$results" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2 | sort -n |
    awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2))}'
}
echo
echo "medians over $runs runs (ms):"
echo "  with warmup: init $(median true init_ms), first invocation $(median true first_invocation_ms), second $(median true second_invocation_ms)"
echo "  without:     init $(median false init_ms), first invocation $(median false first_invocation_ms), second $(median false second_invocation_ms)"
echo "  with warmup and the claim store: init $(median true init_ms true), first invocation $(median true first_invocation_ms true), second $(median true second_invocation_ms true)"
echo "  without warmup, with the store:  init $(median false init_ms true), first invocation $(median false first_invocation_ms true), second $(median false second_invocation_ms true)"
