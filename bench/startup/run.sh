#!/usr/bin/env bash
# Start-up with 1,000 webhooks (real filter and runtime in embedded Tomcat) against a bare Tomcat, same method.
# Usage: bench/startup/run.sh [webhooks, default 1000] [warm rounds, default 5]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/webhook-filter/target/bench-startup"
bench() {
  mvn -B -q -f "$root/webhook-filter/pom.xml" exec:java -Dexec.mainClass=dev.hookstead.bench.StartupBench \
    -Dexec.classpathScope=test -Dexec.args="$*"
}
mvn -B -q -f "$root/pom.xml" -pl webhook-filter test-compile
bench generate "$work" "${1:-1000}"
# Each cold start runs in a JVM of its own, so neither pays the other's class loading.
bench cold "$work" baseline
bench cold "$work" hookstead
bench warm "$work" "${2:-5}"
