#!/usr/bin/env bash
# Firewatch CLI benchmarks (the figures in the README's performance section). Needs hyperfine, jq and python3
# (Debian: apt-get install hyperfine jq). Not part of CI: timings need a quiet machine.
#   1. cold start: `./firewatch scan` of one event vs. a bare JVM hello world
#   2. backtest: 200,000 CloudTrail records in 100 gzip log files, vs. a jq filter on event names and vs. a bare
#      Jackson tree walk over the same files
#   3. memory: one ~300 MB CloudTrail log file under -Xmx64m
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"

./firewatch scan samples/aws/2-eventbridge-ssh-opened-to-the-world.json >/dev/null 2>&1  # build + CDS archive
javac -cp cli/target/firewatch.jar -d "$work" bench/Hello.java bench/TreeWalk.java
[ -d "$work/backtest" ] || python3 bench/generate-cloudtrail.py "$work/backtest" 200000 2000
names=$(tail -n +2 core/src/main/resources/io/firewatch/core/catalog/aws.csv | cut -d, -f2 | sort -u | sed 's/.*/"&"/' | paste -sd, -)
cat > "$work/jq-filter.sh" <<JQ
#!/usr/bin/env bash
zcat "$work"/backtest/*.json.gz | jq -c '.Records[] | select(.eventName | IN($names))'
JQ
chmod +x "$work/jq-filter.sh"

echo "== cold start"
hyperfine -N --warmup 3 --runs 20 "java -cp $work Hello" \
  './firewatch scan samples/aws/2-eventbridge-ssh-opened-to-the-world.json'
echo "== backtest: 200k CloudTrail records"
hyperfine --warmup 1 --runs 5 "./firewatch scan $work/backtest > /dev/null 2>&1" \
  "$work/jq-filter.sh > /dev/null" "java -XX:+UseSerialGC -cp cli/target/firewatch.jar:$work TreeWalk $work/backtest"
echo "== one large CloudTrail log file under -Xmx64m"
if [ ! -f "$work/large/large.json" ]; then
  python3 bench/generate-cloudtrail.py "$work/large" 230000 230000 >/dev/null
  gunzip -c "$work"/large/*.json.gz > "$work/large/large.json" && rm "$work"/large/*.json.gz
fi
ls -la "$work/large/large.json"
/usr/bin/time -f "%e s wall, %M KB max RSS" java -Xmx64m -jar cli/target/firewatch.jar scan "$work/large/large.json" > /dev/null
