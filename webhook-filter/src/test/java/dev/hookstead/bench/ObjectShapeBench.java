package dev.hookstead.bench;

import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.SimpleScriptContext;

/**
 * How the runtime's scripts make their per-call objects, in the conditions they run in: one engine with the runtime's
 * linking flags, the same code evaluated in eight globals and called in turn, so its call sites are linked generically
 * as in the pool. Each way of making an object is timed against a plain four-field object literal in the same run.
 * Run with bench/runtime/run.sh shapes [seconds per figure].
 */
public final class ObjectShapeBench {

    private static final int GLOBALS = 8;

    private static final String SCRIPT = """
            (function () {
              function Promise() { this.state_ = 0; this.result_ = undefined; this.reactions_ = null; this.handled_ = false; }
              var proto = Promise.prototype;
              function settled(obj, name, value) {
                Object.defineProperty(obj, name, {value: value, writable: true, enumerable: true, configurable: true});
              }
              function read(obj, name) { settled(obj, name, name); return name; }
              var names = ['request', 'user', 'values', 'environment', 'app', 'services', 'http', 'functions'];
              var shared = {};
              names.forEach(function (name) {
                var get = function () { return read(this, name); };
                var set = function (value) { settled(this, name, value); };
                shared[name] = Object.freeze({get: Object.freeze(get), set: Object.freeze(set), enumerable: true, configurable: true});
              });
              var accessors = names.map(function (n) {
                return 'get ' + n + '() { return read(this, "' + n + '"); }, set ' + n + '(v) { settled(this, "' + n + '", v); }';
              }).join(',\\n');
              var contextLiteral = Function('read', 'settled', 'return function () { return {' + accessors + '}; };')(read, settled);
              return {
                plainLiteral: function () { return {state_: 0, result_: undefined, reactions_: null, handled_: false}; },
                promiseByConstructor: function () { return new Promise(); },
                promiseByLiteral: function () {
                  return {__proto__: proto, state_: 0, result_: undefined, reactions_: null, handled_: false};
                },
                contextByDefineProperties: function () { return Object.defineProperties({}, shared).services; },
                contextByLiteral: function () { return contextLiteral().services; }
              };
            })()""";

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        // the runtime's linking flags (SandboxEngine): a site that sees a second global is linked generically at once
        ScriptEngine engine = new NashornScriptEngineFactory().getScriptEngine("--language=es6", "--unstable-relink-threshold=1");
        ScriptObjectMirror[] globals = new ScriptObjectMirror[GLOBALS];
        for (int g = 0; g < GLOBALS; g++) {
            ScriptContext context = new SimpleScriptContext();
            context.setBindings(engine.createBindings(), ScriptContext.ENGINE_SCOPE);
            globals[g] = (ScriptObjectMirror) engine.eval(SCRIPT, context);
        }
        System.out.printf("machine: %d cores, %s, %d globals, %d s per figure%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), GLOBALS, seconds);
        double baseline = perObjectMicros(globals, "plainLiteral", seconds);
        System.out.printf("baseline: a four-field object literal      %6.2f us%n", baseline);
        for (String way : new String[]{"promiseByConstructor", "promiseByLiteral", "contextByDefineProperties", "contextByLiteral"}) {
            double micros = perObjectMicros(globals, way, seconds);
            System.out.printf("%-42s %6.2f us  (%.1fx baseline)%n", way, micros, micros / baseline);
        }
    }

    private static double perObjectMicros(ScriptObjectMirror[] globals, String way, long seconds) throws Exception {
        int[] turn = {0};
        return RuntimeCallBench.perCallMicros(seconds, () -> globals[turn[0]++ & (GLOBALS - 1)].callMember(way));
    }
}
