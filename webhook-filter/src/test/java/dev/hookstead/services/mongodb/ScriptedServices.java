package dev.hookstead.services.mongodb;

import dev.hookstead.bson.BsonBridge;
import dev.hookstead.bson.JsBson;
import dev.hookstead.services.ServicesScript;
import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import javax.script.ScriptEngine;
import javax.script.ScriptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Nashorn engine set up like the hardened one (no Java access), with BSON, EJSON and {@code services} (the future
 * {@code context.services}) installed from the real resources. Nashorn has no Promise, so a test-only thenable that
 * settles synchronously stands in for the prelude's.
 */
final class ScriptedServices {

    /** Promise.resolve/reject and then(), settled at once: enough for services.js, which never waits. */
    private static final String TEST_PROMISE = """
            (function () {
                function P(state, value) { this.state = state; this.value = value; }
                P.resolve = function (v) { return v instanceof P ? v : new P('fulfilled', v); };
                P.reject = function (e) { return new P('rejected', e); };
                P.prototype.then = function (onFulfilled, onRejected) {
                    var handler = this.state === 'fulfilled' ? onFulfilled : onRejected;
                    if (typeof handler !== 'function') { return this; }
                    try { return P.resolve(handler(this.value)); } catch (e) { return P.reject(e); }
                };
                return P;
            })()""";

    final ScriptEngine engine;
    final AtomicLong remainingMillis = new AtomicLong(60_000);
    final AtomicInteger asyncOperations = new AtomicInteger();

    ScriptedServices(MongoServices services) {
        engine = new NashornScriptEngineFactory()
                .getScriptEngine(new String[]{"--no-java", "--language=es6"}, null, className -> false);
        ScriptObjectMirror bson = (ScriptObjectMirror) ((ScriptObjectMirror) eval(resource(JsBson.GLOBALS_SCRIPT)))
                .call(null, new BsonBridge());
        engine.put("BSON", bson.get("BSON"));
        engine.put("EJSON", bson.get("EJSON"));
        engine.put("TestPromise", eval(TEST_PROMISE));
        MongoBridge bridge = new MongoBridge(services, remainingMillis::get, asyncOperations::incrementAndGet);
        ScriptObjectMirror install = (ScriptObjectMirror) eval(ServicesScript.source());
        engine.put("services", install.call(null, bridge, bson.get("BSON"), bson.get("EJSON"), eval("TestPromise")));
        eval("function settle(p) {"
                + " if (!(p instanceof TestPromise)) { throw new Error('not a promise: ' + p); }"
                + " return p.state === 'fulfilled' ? {ok: true, value: p.value} : {ok: false, error: p.value}; }");
    }

    Object eval(String script) {
        try {
            return engine.eval(script);
        } catch (ScriptException e) {
            throw new AssertionError(script + " failed: " + e.getMessage(), e);
        }
    }

    /** The BSON value a promise-returning expression resolved to; fails if it rejected. */
    BsonValue resolved(String expression) {
        ScriptObjectMirror outcome = (ScriptObjectMirror) eval("settle(" + expression + ")");
        if (!Boolean.TRUE.equals(outcome.get("ok"))) {
            throw new AssertionError(expression + " rejected: " + ((ScriptObjectMirror) outcome.get("error")).get("message"));
        }
        return JsBson.toBson(outcome.get("value"));
    }

    /** The JS Error a promise-returning expression rejected with; fails if it resolved. */
    ScriptObjectMirror rejected(String expression) {
        ScriptObjectMirror outcome = (ScriptObjectMirror) eval("settle(" + expression + ")");
        assertEquals(false, outcome.get("ok"), expression + " resolved");
        ScriptObjectMirror error = (ScriptObjectMirror) outcome.get("error");
        assertTrue(error.isInstanceOf((ScriptObjectMirror) eval("Error")), "rejected with a JS Error");
        return error;
    }

    static String resource(String path) {
        try (InputStream in = ScriptedServices.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
