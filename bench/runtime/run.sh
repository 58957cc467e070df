#!/usr/bin/env bash
# Per-call cost of the script runtime against a bare Nashorn call measured in the same run.
# Usage: bench/runtime/run.sh [seconds per figure, default 3]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn -B -q -f "$root/pom.xml" -pl webhook-filter test-compile
mvn -B -q -f "$root/webhook-filter/pom.xml" exec:java -Dexec.mainClass=dev.hookstead.bench.RuntimeCallBench \
  -Dexec.classpathScope=test -Dexec.args="${1:-3}"
