#!/usr/bin/env bash
# Per-call cost of isolation designs against a bare Nashorn call measured in the same run, and a leak probe for each.
# Usage: bench/isolation/run.sh [seconds per figure, default 3] [threads, default 2]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn -B -q -f "$root/pom.xml" -pl webhook-filter test-compile
mvn -B -q -f "$root/webhook-filter/pom.xml" exec:java -Dexec.mainClass=dev.hookstead.script.IsolationBench \
  -Dexec.classpathScope=test -Dexec.args="${1:-3} ${2:-2}"
