#!/usr/bin/env bash
# Build benchmark: transpile 1,000 generated functions, then a no-op rebuild of 200.
# Each figure is also shown as a ratio against a baseline measured in the same run: the same Maven build with the
# plugin skipped (-Dwebhook.skip=true), i.e. everything Maven does anyway.
# Usage: bench/compile/run.sh            (installs the plugin into ~/.m2 first)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n "s|^  <version>\(.*\)</version>|\1|p" "$root/pom.xml" | head -1)

echo "== installing Hookstead $version"
mvn -B -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip=true

generate() { # generate DIR COUNT
  local dir=$1 count=$2 app=$1/src/main/app
  mkdir -p "$app/.mdb" "$app/functions" "$app/http_endpoints/bench/incoming_webhooks/hook"
  echo '{"name":"bench","deployment_model":"GLOBAL","environment":""}' > "$app/root_config.json"
  echo '{"config_version":20230101,"app_id":"000000000000000000000000","client_app_id":"bench-abcde"}' > "$app/.mdb/meta.json"
  echo '{"name":"bench","type":"http","config":{},"version":1}' > "$app/http_endpoints/bench/config.json"
  echo '{"name":"hook","respond_result":true,"options":{"httpMethod":"POST","validationMethod":"NO_VALIDATION"}}' \
    > "$app/http_endpoints/bench/incoming_webhooks/hook/config.json"
  echo 'exports = async function(payload) { return await context.functions.execute("fn0", 1); };' \
    > "$app/http_endpoints/bench/incoming_webhooks/hook/source.js"
  { echo '['; for ((i = 0; i < count; i++)); do
      [[ $i -gt 0 ]] && echo ','
      echo "{\"name\":\"fn$i\",\"private\":false}"
    done; echo ']'; } > "$app/functions/config.json"
  for ((i = 0; i < count; i++)); do
    cat > "$app/functions/fn$i.js" <<JS
// generated function $i
class Counter$i {
  constructor(start = $i) { this.n = start; }
  get next() { return ++this.n; }
}
exports = async function(x, { scale = 2, ...rest } = {}) {
  const c = new Counter$i();
  const values = [...[1, 2, 3].map((v) => v * scale), c.next, x ?? 0];
  const total = await Promise.resolve(values.reduce((a, b) => a + b, 0));
  return { id: "fn$i", total, keys: Object.keys(rest), label: \`total=\${total}\` };
};
JS
  done
  sed -e "s/@VERSION@/$version/g" -e "s/@NAME@/$(basename "$dir")/" "$root/bench/compile/pom.template.xml" > "$dir/pom.xml"
}

seconds() { # seconds COMMAND... -> wall seconds with 2 decimals
  local start end
  start=$(date +%s%N); "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; end=$(date +%s%N)
  echo "scale=2; ($end - $start) / 1000000000" | bc
}
plugin_ms() { grep -o 'in [0-9]* ms' "$work/last.log" | tail -1 | grep -o '[0-9]*'; }

generate "$work/p1000" 1000
generate "$work/p200" 200

base1000=$(seconds mvn -B -o -f "$work/p1000/pom.xml" package -Dwebhook.skip=true)
full1000=$(seconds mvn -B -o -f "$work/p1000/pom.xml" package)
plugin1000=$(plugin_ms)
mvn -B -q -o -f "$work/p200/pom.xml" package > /dev/null
base200=$(seconds mvn -B -o -f "$work/p200/pom.xml" package -Dwebhook.skip=true)
noop200=$(seconds mvn -B -o -f "$work/p200/pom.xml" package)
pluginNoop=$(plugin_ms)

cat <<REPORT
machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)
compile 1000 functions (cold cache): build ${full1000}s, plugin ${plugin1000} ms; baseline build without the plugin ${base1000}s; ratio $(echo "scale=2; $full1000 / $base1000" | bc)
no-op rebuild of 200: build ${noop200}s, plugin ${pluginNoop} ms; baseline ${base200}s; ratio $(echo "scale=2; $noop200 / $base200" | bc)
goals (issue 21): 1000 functions <= 30 s of plugin time; no-op rebuild of 200 <= 1 s of plugin time
REPORT
