#!/usr/bin/env bash
# Cold start of the AWS Lambda handler: each run is a fresh JVM that handles a CloudTrail EventBridge event
# and publishes its critical alert to a local SNS stand-in (real AWS SDK, real signing, loopback HTTP).
#   jvm: handleRequest called in-process (class loading, catalogue, SDK client build, first publish)
#   ric: the real Lambda Java runtime client in its own JVM, from process start to the first answer
# Usage: bench/aws-cold-start.sh [runs]   (default 5; prints each run, then medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"

./mvnw -B -q -pl aws-lambda -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2

jar=aws-lambda/target/firewatch-aws-lambda.jar
tests=aws-lambda/target/test-classes
ric=$(tr ':' '\n' < aws-lambda/target/bench-classpath.txt | grep -E 'aws-lambda-java-(runtime-interface-client|serialization)' | paste -sd: -)
# Close to the java21 managed runtime's own flags, plus the JAVA_TOOL_OPTIONS the Terraform module sets.
flags=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

echo "java: $(java -version 2>&1 | head -1); cpus: $(nproc); package: $(du -k "$jar" | cut -f1) KiB"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for i in $(seq "$runs"); do
  FIREWATCH_SNS_TOPIC_ARN=unused java "${flags[@]}" -cp "$jar:$tests" io.firewatch.aws.ColdStartBench jvm | tee -a "$results"
  java -cp "$jar:$tests" io.firewatch.aws.ColdStartBench ric "$jar:$ric" | tee -a "$results"
done

median() { # median of key=value over lines of a mode
  grep "mode=$1 " "$results" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2 | sort -n |
    awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2))}'
}
echo
echo "medians over $runs runs (ms):"
echo "  in-process: JVM start to main $(median jvm jvm_to_main_ms), handler init $(median jvm init_ms)," \
  "first invocation $(median jvm first_invocation_ms), second $(median jvm second_invocation_ms)," \
  "JVM start to first answer $(median jvm jvm_start_to_first_answer_ms)"
echo "  runtime client: process start to first answer $(median ric process_start_to_first_answer_ms)," \
  "second invocation $(median ric second_invocation_ms)"
if grep -q 'published=0' "$results"; then
  echo "WARNING: some runs published no alert (is the AWS normalizer in core?); those figures exclude SNS" >&2
fi
