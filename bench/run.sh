#!/usr/bin/env bash
# Firewatch CLI benchmarks (the figures in the README's performance section), side by side in one run. Needs jq,
# python3 and GNU time (Debian: apt-get install jq time). Not part of CI: timings need a quiet machine.
#   1. cold start: `./firewatch scan` of one event vs. a bare JVM hello world
#   2. backtest: 200,000 CloudTrail records in 100 log files, uncompressed and .json.gz, each vs. a jq filter on
#      event names and vs. a bare Jackson tree walk over the same files (median wall time, peak RSS)
#   3. memory: one ~200 MB single-line CloudTrail log file under -Xmx64m
# The JMH benchmark of the per-record path is bench/jmh.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-target/bench}
runs=${RUNS:-5}
mkdir -p "$work"

./firewatch scan samples/aws/2-eventbridge-ssh-opened-to-the-world.json >/dev/null 2>&1  # build + CDS archive
javac -cp cli/target/firewatch.jar -d "$work" bench/Hello.java bench/TreeWalk.java
if [ ! -d "$work/backtest-gz" ]; then
  python3 bench/generate-cloudtrail.py "$work/backtest-gz" 200000 2000
  mkdir -p "$work/backtest"
  for f in "$work"/backtest-gz/*.json.gz; do gunzip -c "$f" > "$work/backtest/$(basename "$f" .gz)"; done
fi
names=$(tail -n +2 core/src/main/resources/io/firewatch/core/catalog/aws.csv | cut -d, -f2 | sort -u | sed 's/.*/"&"/' | paste -sd, -)
jq_filter=".Records[] | select(.eventName | IN($names))"

# measure NAME COMMAND: median wall time and peak RSS over $runs runs (after one warm-up run).
measure() {
  local name=$1 cmd=$2
  bash -c "$cmd" >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" bash -c "$cmd" >/dev/null 2>&1
    tail -1 "$work/time.txt"
  done | sort -n | awk -v name="$name" '{ t[NR] = $1; if ($2 > m) m = $2 }
    END { printf "%-40s %7.2f s  %5d MiB\n", name, t[int((NR + 1) / 2)], m / 1024 }' | tee -a "$work/results.txt"
}
ratio() {
  awk -v a="$1" -v b="$2" '$0 ~ "^" a " " { x = $(NF - 3) } $0 ~ "^" b " " { y = $(NF - 3) }
    END { printf "  %s / %s = %.2f\n", a, b, x / y }' "$work/results.txt"
}

: > "$work/results.txt"
echo "== cold start (median of $runs)"
measure "hello-world-jvm" "java -Xshare:auto -cp $work Hello"
measure "firewatch-one-event" "./firewatch scan samples/aws/2-eventbridge-ssh-opened-to-the-world.json"

echo "== backtest: 200k CloudTrail records in 100 files, $(du -sm "$work/backtest" | cut -f1) MB uncompressed (median of $runs)"
measure "firewatch-plain" "./firewatch scan $work/backtest"
measure "jq-plain" "cat $work/backtest/*.json | jq -c '$jq_filter'"
measure "treewalk-plain" "java -XX:+UseSerialGC -cp cli/target/firewatch.jar:$work TreeWalk $work/backtest"
ratio firewatch-plain jq-plain
ratio firewatch-plain treewalk-plain

echo "== backtest: the same records as .json.gz, $(du -sm "$work/backtest-gz" | cut -f1) MB"
measure "firewatch-gz" "./firewatch scan $work/backtest-gz"
measure "jq-gz" "zcat $work/backtest-gz/*.json.gz | jq -c '$jq_filter'"
measure "treewalk-gz" "java -XX:+UseSerialGC -cp cli/target/firewatch.jar:$work TreeWalk $work/backtest-gz"
ratio firewatch-gz jq-gz
ratio firewatch-gz treewalk-gz

echo "== one large single-line CloudTrail log file under -Xmx64m"
if [ ! -f "$work/large/large.json" ]; then
  python3 bench/generate-cloudtrail.py "$work/large" 230000 230000 >/dev/null
  gunzip -c "$work"/large/*.json.gz > "$work/large/large.json" && rm "$work"/large/*.json.gz
fi
ls -la "$work/large/large.json"
/usr/bin/time -f "%e s wall, %M KB max RSS" java -Xmx64m -jar cli/target/firewatch.jar scan "$work/large/large.json" > /dev/null
