#!/usr/bin/env bash
# Throughput and latency of the filter against hand-written servlets on one embedded Tomcat, driven by wrk.
# Usage: bench/load/run.sh [seconds per run, default 10] [rounds, default 3] [connections, default 16]
#   [scenarios, default a,a2,b,b0,c0,c,cd,d,n0,n,nc0,nc]
# JAVA_OPTS passes flags to the server JVM (for example a flight recording).
# The server runs in its own JVM and logs (slf4j-simple, INFO, invocation lines included) to bench/load/server.log;
# the Node.js peer (scenarios n0, n, nc0, nc) is started by it and logs there too.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  # A fresh machine may have no package lists yet.
  $sudo apt-get install -y -q wrk >/dev/null 2>&1 || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk >/dev/null; }
fi
module="$root/webhook-filter"
peer="$root/bench/load/node-peer"
# The peer's pinned packages (package-lock.json) from npm, into its git-ignored node_modules.
case ",${4:-n}," in
  *,n*) (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ;;
esac
mvn -B -q -f "$root/pom.xml" -pl webhook-filter test-compile
mvn -B -q -f "$module/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench.classpath"
java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  -Dhookstead.bench.nodePeer="$peer" ${JAVA_OPTS:-} dev.hookstead.bench.LoadBench "${1:-10}" "${2:-3}" "${3:-16}" ${4:-} 2>"$root/bench/load/server.log"
