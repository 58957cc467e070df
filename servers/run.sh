#!/usr/bin/env bash
# Deploys the example WAR to real, standalone servers fetched from Maven Central, on loopback, configured only
# through the environment; runs the README's curl commands against each; stops the server it started, by PID.
#
#   servers/run.sh                  Tomcat 10.1, Jetty 12 (ee10) and WildFly 35 (Jakarta EE 10)
#   servers/run.sh tomcat jetty     only the servers named
#
# Needs the example WAR (mvn -B install -DskipTests) and JDK 17.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
TOMCAT=10.1.59
JETTY=12.0.30
WILDFLY=35.0.1.Final
servers=("$@")
[[ ${#servers[@]} -gt 0 ]] || servers=(tomcat jetty wildfly)

war=$(ls "$root"/webhook-war-example/target/webhook-war-example-*.war 2>/dev/null | head -1)
[[ -n "$war" ]] || { echo "no example WAR: run 'mvn -B install -DskipTests' first" >&2; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Fetch a distribution through Maven (so it is cached in ~/.m2 like every other artifact) and unpack it.
fetch() { # fetch GROUP:ARTIFACT:VERSION:tar.gz DIR
  mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory="$work/dist" > "$work/fetch.log" 2>&1 \
    || { cat "$work/fetch.log"; exit 1; }
  mkdir -p "$2" && tar -xzf "$work/dist/"*.tar.gz -C "$2" --strip-components=1 && rm -f "$work/dist/"*.tar.gz
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Configuration the example needs, all through the environment (the filter's HOOKSTEAD_<NAME> convention).
export HOOKSTEAD_DATA_DIR="$work/data"
export HOOKSTEAD_SECRET_NOTIFYSECRET='Super5ecr3tPa55w0rd'   # the endpoint's secret_name, as the docs' curl uses

failures=0
passes=0
check() { # check NAME EXPECTED_STATUS EXPECTED_BODY_PART CURL_ARGS...
  local name=$1 status=$2 part=$3; shift 3
  local out; out=$(curl -s -w '\n%{http_code}' "$@" || true)
  local code=${out##*$'\n'} body=${out%$'\n'*}
  if [[ "$code" == "$status" && "$body" == *"$part"* ]]; then echo "  ok   $name ($code)"; passes=$((passes + 1))
  else echo "  FAIL $name: expected $status with '$part', got $code: ${body:0:200}"; failures=$((failures + 1)); fi
}

seed_curls() { # seed_curls BASE_URL LOG
  local before=$failures
  local hooks="$1/api/client/v2.0/app/hookstead-example-abcde/service/orders/incoming_webhook"
  local sig='sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862'
  check "signature curl" 201 '"summary":"MESSAGE (7 chars)"' -X POST -H 'Content-Type: application/json' \
    -H "X-Hook-Signature: $sig" -d '{"message":"MESSAGE"}' "$hooks/signedEcho"
  check "forged signature" 401 '"error_code":"IncomingWebhookAuthFailed"' -X POST -H 'X-Hook-Signature: sha256=00' \
    -d '{"message":"MESSAGE"}' "$hooks/signedEcho"
  check "?secret= curl" 200 '"order":"o-1"' -X POST -H 'Content-Type: application/json' \
    -d '{"id":"o-1","status":"paid"}' "$hooks/orderStatus?secret=12345"
  check "method switch" 200 '"query":"id=7"' "$hooks/orderStatus?secret=12345&id=7"
  check "wrong secret" 401 'IncomingWebhookAuthFailed' "$hooks/orderStatus?secret=nope"
  check "respond_result EJSON" 200 '"items":{"$numberInt":"3"}' "$hooks/ping"
  check "unknown webhook" 404 'IncomingWebhookNotFound' "$hooks/nope"
  # the seed: store someField in the embedded database and answer with the new _id
  check "seed insertOne" 200 'Successfully saved "someField" with _id: ' -X POST -H 'Content-Type: application/json' \
    -H 'X-Hook-Signature: sha256=b43bcd3e649fa31b454bbf9f68d824a96b7624ae2ba75fa90b18141402cdedf7' \
    -d '{"someField":"x"}' "$hooks/saveOrder"
  local endpoints="$1/app/hookstead-example-abcde/endpoint"
  check "endpoint JSON" 200 '"status":"shipped"' "$endpoints/orders/status?id=o-7"
  check "endpoint signature curl" 204 '' -X POST -H 'Content-Type: application/json' \
    -H 'Endpoint-Signature: sha256=d4f0537db4e230d7a6028a6f7c3bb1b57c9d16f39176d78697e559ac333e0b36' \
    -d '{ "message": "Hello!" }' "$endpoints/orders/notify"
  if [[ $failures -gt $before ]]; then
    echo "  the server's errors:"; grep -E 'ERROR|SEVERE|Caused by' "$2" | cut -c1-400 | tail -25 || true
  fi
}

wait_ready() { # wait_ready URL LOG
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "  the server exited; its log:"; tail -40 "$2"; return 1; fi
    curl -s -o /dev/null "$1" && return 0
    sleep 1
  done
  echo "  the server did not answer within 120 s; its log:"; tail -40 "$2"; return 1
}

stop() {
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

run_tomcat() {
  local home="$work/tomcat" port; port=$(free_port)
  fetch "org.apache.tomcat:tomcat:$TOMCAT:tar.gz" "$home"
  sed -i -e "s/port=\"8080\"/port=\"$port\" address=\"127.0.0.1\"/" -e 's/port="8005"/port="-1"/' "$home/conf/server.xml"
  rm -rf "$home/webapps/"*
  cp "$war" "$home/webapps/example.war"
  # catalina.sh run execs java in the foreground, so $! is the server's own PID
  CATALINA_HOME="$home" CATALINA_BASE="$home" "$home/bin/catalina.sh" run > "$work/tomcat.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$port/example/" "$work/tomcat.log"
  seed_curls "http://127.0.0.1:$port/example" "$work/tomcat.log"
  stop
}

run_jetty() {
  local home="$work/jetty-home" base="$work/jetty-base" port; port=$(free_port)
  fetch "org.eclipse.jetty:jetty-home:$JETTY:tar.gz" "$home"
  mkdir -p "$base/webapps"
  (cd "$base" && java -jar "$home/start.jar" --add-modules=http,ee10-deploy,ee10-annotations > "$work/jetty-setup.log" 2>&1)
  cp "$war" "$base/webapps/example.war"
  (cd "$base" && exec java -jar "$home/start.jar" jetty.http.host=127.0.0.1 jetty.http.port="$port") \
    > "$work/jetty.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$port/example/" "$work/jetty.log"
  seed_curls "http://127.0.0.1:$port/example" "$work/jetty.log"
  stop
}

run_wildfly() {
  local home="$work/wildfly" port management offset
  port=$(free_port); management=$(free_port); offset=$((1000 + RANDOM % 20000))
  fetch "org.wildfly:wildfly-dist:$WILDFLY:tar.gz" "$home"
  cp "$war" "$home/standalone/deployments/example.war"
  # -b binds to loopback. The offset moves the ports without a property of their own (transactions, https, ajp) off
  # their defaults, so a WildFly already running elsewhere on the machine does not collide; http and management get
  # free ports (the offset is added to them too, so it is taken off first).
  (exec "$home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 -Djboss.socket.binding.port-offset="$offset" \
    -Djboss.http.port=$((port - offset)) -Djboss.management.http.port=$((management - offset))) \
    > "$work/wildfly.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do [[ -f "$home/standalone/deployments/example.war.deployed" || -f "$home/standalone/deployments/example.war.failed" ]] && break; sleep 1; done
  wait_ready "http://127.0.0.1:$port/example/" "$work/wildfly.log"
  seed_curls "http://127.0.0.1:$port/example" "$work/wildfly.log"
  # standalone.sh runs java as a child: stop the whole process group we started
  pkill -P "$pid" 2>/dev/null || true
  stop
}

for server in "${servers[@]}"; do
  echo "== $server"
  "run_$server"
done
echo "servers: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
