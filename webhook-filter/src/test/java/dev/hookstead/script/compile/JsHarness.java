package dev.hookstead.script.compile;

import dev.hookstead.script.runtime.ScriptWrapper;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

/**
 * One Nashorn global with a queue-backed {@code setTimeout} and the prelude, shared by all tests (building it costs
 * about a second). Runs compiled modules the way the runtime will: wrap, call the factory, call {@code exports},
 * drain the timer queue until the returned promise settles.
 */
final class JsHarness {

    private static final String HOST = """
            var __test_queue = [];
            function setTimeout(fn, ms) {
              var args = Array.prototype.slice.call(arguments, 2);
              __test_queue.push(function () { fn.apply(null, args); });
              return __test_queue.length;
            }
            function __test_invoke(factory, guard, args) {
              var result = factory(guard, {}).apply(null, args);
              if (result === null || typeof result !== 'object' || typeof result.then !== 'function') {
                return {done: true, value: result};
              }
              var state = {done: false};
              result.then(function (v) { state.done = true; state.value = v; },
                          function (e) { state.done = true; state.rejected = true; state.error = e; });
              while (__test_queue.length) __test_queue.shift()();
              return state;
            }
            """;

    private static final ScriptEngine ENGINE = create();

    private static ScriptEngine create() {
        ScriptEngine engine = new NashornScriptEngineFactory().getScriptEngine("--language=es6");
        try {
            engine.eval(HOST);
            engine.eval(Prelude.build());
        } catch (ScriptException e) {
            throw new IllegalStateException(e);
        }
        return engine;
    }

    private JsHarness() {
    }

    static ScriptEngine engine() {
        return ENGINE;
    }

    /** The settled outcome of one call. */
    record Outcome(Object value, Object error, boolean rejected) {
        String json() {
            return (String) ((ScriptObjectMirror) ENGINE.get("JSON")).callMember("stringify", value);
        }
    }

    /**
     * Calls {@code exports(args...)} of a compiled module.
     *
     * @param argsJs JS source of the argument list without brackets, e.g. {@code "{a: 1}, null"}
     * @throws ScriptException when the call throws a JS error synchronously
     */
    static synchronized Outcome run(CompiledScript script, Object guard, String argsJs) throws ScriptException {
        Object factory = ENGINE.eval(ScriptWrapper.wrap(script.es5()));
        Object args = ENGINE.eval("[" + argsJs + "]");
        ScriptObjectMirror state;
        try {
            state = (ScriptObjectMirror) ((Invocable) ENGINE).invokeFunction("__test_invoke", factory, guard, args);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        if (!Boolean.TRUE.equals(state.get("done"))) throw new AssertionError("the returned promise never settled");
        boolean rejected = Boolean.TRUE.equals(state.get("rejected"));
        return new Outcome(state.get("value"), state.get("error"), rejected);
    }

    /** Runs and returns {@code JSON.stringify} of the fulfilled value, failing on rejection. */
    static String runJson(CompiledScript script, String argsJs) throws ScriptException {
        Outcome outcome = run(script, TestGuard.never(), argsJs);
        if (outcome.rejected()) throw new AssertionError("rejected: " + describe(outcome.error()));
        return outcome.json();
    }

    static String describe(Object error) {
        if (error instanceof ScriptObjectMirror mirror) return mirror.get("name") + ": " + mirror.get("message");
        return String.valueOf(error);
    }
}
