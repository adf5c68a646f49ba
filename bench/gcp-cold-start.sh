#!/usr/bin/env bash
# First invocation of the GCP function: each run starts the deployment jar in a fresh Functions Framework invoker JVM
# (the runtime Cloud Functions uses), posts one critical change as a Pub/Sub CloudEvent and delivers its Teams card to
# a local stand-in. Reports: process start until the invoker serves (instance start, priming included), the first
# invocation, the second. A second series runs the function alone in a fresh JVM (its constructor, then two
# CloudEvents handed over in-process), which separates Firewatch's own first-invocation cost from the invoker's
# (Jetty and the CloudEvents SDK load their request path on the first request). Each series runs without and with
# the delivery-claim store (FIREWATCH_DEDUP_COLLECTION on a local Firestore REST stand-in, so the network is loopback).
# Usage: bench/gcp-cold-start.sh [runs]   (default 5; prints each run, then medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"

./mvnw -B -q -pl gcp-function -am verify dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp=$(cat gcp-function/target/bench-classpath.txt):gcp-function/target/test-classes
props=(-Dfirewatch.deployment.jar=gcp-function/target/firewatch-gcp-function.jar
  -Dfirewatch.invoker.jar=gcp-function/target/tools/java-function-invoker.jar)

# The stand-ins are JDK HTTP servers, which write a response's headers and body apart: with Nagle's algorithm on, each
# small answer waits for the client's delayed ACK (40 ms on Linux), a wait no real front end imposes.
nodelay=-Dsun.net.httpserver.nodelay=true
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for i in $(seq "$runs"); do
  for store in "" store; do
    java "$nodelay" "${props[@]}" -cp "$cp" io.firewatch.gcp.FirstInvocationBench $store | tee -a "$results"
    java "$nodelay" -cp "gcp-function/target/firewatch-gcp-function.jar:$cp" io.firewatch.gcp.FirstInvocationBench in-process $store | tee -a "$results"
  done
done
median() { # median of key=value over the lines of a mode, without (default) or with the store
  grep "mode=$1 store=${3:-false} " "$results" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2 | sort -n |
    awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2))}'
}
echo
echo "medians over $runs runs (ms):"
echo "  invoker: process start to serving $(median gcp start_to_serving_ms), first invocation $(median gcp first_invocation_ms)," \
  "second $(median gcp second_invocation_ms)"
echo "  function alone: init $(median gcp-in-process init_ms), first invocation $(median gcp-in-process first_invocation_ms)," \
  "second $(median gcp-in-process second_invocation_ms)"
echo "  invoker, claim store: process start to serving $(median gcp start_to_serving_ms true)," \
  "first invocation $(median gcp first_invocation_ms true), second $(median gcp second_invocation_ms true)"
echo "  function alone, claim store: init $(median gcp-in-process init_ms true)," \
  "first invocation $(median gcp-in-process first_invocation_ms true), second $(median gcp-in-process second_invocation_ms true)"
