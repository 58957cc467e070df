#!/usr/bin/env bash
# Per-call cost of the script runtime against a baseline measured in the same run.
# Usage: bench/runtime/run.sh [seconds per figure, default 3]
#          sync and async calls against a bare Nashorn call
#        bench/runtime/run.sh ingest [seconds per round, default 5] [rounds, default 8] [threads, default 2]
#          scenario (c)'s script side (async webhook awaiting insertOne) against the same insert with the driver,
#          and that webhook on an H2 store committing once a second against the embedded database (synced per write)
#        bench/runtime/run.sh rules [seconds per round, default 5] [rounds, default 6] [threads, default 2]
#          findOne + updateOne as an application user under an owner rule, against the same as System
#        bench/runtime/run.sh shapes [seconds per figure, default 3]
#          ways of making the runtime's per-call objects, in generically linked code, against a plain object literal
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn -B -q -f "$root/pom.xml" -pl webhook-filter test-compile
main=dev.hookstead.bench.RuntimeCallBench
if [ "${1:-}" = ingest ]; then
  main=dev.hookstead.bench.IngestCallBench
  shift
  args="${1:-5} ${2:-8} ${3:-2}"
elif [ "${1:-}" = rules ]; then
  main=dev.hookstead.bench.RulesCallBench
  shift
  args="${1:-5} ${2:-6} ${3:-2}"
elif [ "${1:-}" = shapes ]; then
  main=dev.hookstead.bench.ObjectShapeBench
  args="${2:-3}"
else
  args="${1:-3}"
fi
mvn -B -q -f "$root/webhook-filter/pom.xml" exec:java -Dexec.mainClass=$main -Dexec.classpathScope=test -Dexec.args="$args"
