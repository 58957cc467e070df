#!/usr/bin/env bash
# Login timing benchmark: unknown email vs wrong password over HTTP, reported as a ratio measured in the same run.
# Usage: bench/auth-timing/run.sh [rounds]   (compiles webhook-filter in the reactor; installs nothing)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mvn -B -q -o -pl webhook-filter test-compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -B -q -o -pl webhook-filter dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
java -cp "webhook-filter/target/classes:webhook-filter/target/test-classes:$(cat "$cp")" \
  "$root/bench/auth-timing/AuthTimingBench.java" "${1:-100}" 2>/dev/null
