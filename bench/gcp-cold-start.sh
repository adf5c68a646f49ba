#!/usr/bin/env bash
# First invocation of the GCP function: each run starts the deployment jar in a fresh Functions Framework invoker JVM
# (the runtime Cloud Functions uses), posts one critical change as a Pub/Sub CloudEvent and delivers its Teams card to
# a local stand-in. Reports: process start until the invoker serves (instance start, priming included), the first
# invocation, the second. A second series runs the function alone in a fresh JVM (its constructor, then two
# CloudEvents handed over in-process), which separates Firewatch's own first-invocation cost from the invoker's
# (Jetty and the CloudEvents SDK load their request path on the first request).
# Usage: bench/gcp-cold-start.sh [runs]   (default 5; prints each run, then medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"

./mvnw -B -q -pl gcp-function -am verify dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp=$(cat gcp-function/target/bench-classpath.txt):gcp-function/target/test-classes
props=(-Dfirewatch.deployment.jar=gcp-function/target/firewatch-gcp-function.jar
  -Dfirewatch.invoker.jar=gcp-function/target/tools/java-function-invoker.jar)

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for i in $(seq "$runs"); do
  java "${props[@]}" -cp "$cp" io.firewatch.gcp.FirstInvocationBench | tee -a "$results"
  java -cp "gcp-function/target/firewatch-gcp-function.jar:$cp" io.firewatch.gcp.FirstInvocationBench in-process | tee -a "$results"
done
median() { # median of key=value over the lines of a mode
  grep "mode=$1 " "$results" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2 | sort -n |
    awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2))}'
}
echo
echo "medians over $runs runs (ms):"
echo "  invoker: process start to serving $(median gcp start_to_serving_ms), first invocation $(median gcp first_invocation_ms)," \
  "second $(median gcp second_invocation_ms)"
echo "  function alone: init $(median gcp-in-process init_ms), first invocation $(median gcp-in-process first_invocation_ms)," \
  "second $(median gcp-in-process second_invocation_ms)"
