package dev.hookstead.script.utils;

import dev.hookstead.bson.BsonBridge;
import dev.hookstead.bson.JsBson;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import javax.script.ScriptEngine;
import javax.script.ScriptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A Nashorn engine locked down like the hardened one (no Java access) with BSON and EJSON installed. */
public final class ScriptGlobals {

    public final ScriptEngine engine;
    /** What bson-globals.js made: BSON, EJSON and the helpers utils-globals.js shares. */
    public final ScriptObjectMirror bsonGlobals;
    public final ScriptObjectMirror bson;
    public final ScriptObjectMirror ejson;

    public ScriptGlobals() {
        engine = new NashornScriptEngineFactory()
                .getScriptEngine(new String[]{"--no-java", "--language=es6"}, null, className -> false);
        bsonGlobals = (ScriptObjectMirror) install(JsBson.GLOBALS_SCRIPT, new BsonBridge());
        bson = (ScriptObjectMirror) bsonGlobals.get("BSON");
        ejson = (ScriptObjectMirror) bsonGlobals.get("EJSON");
        engine.put("BSON", bson);
        engine.put("EJSON", ejson);
    }

    /** Evaluates a resource script and calls the function it evaluates to. */
    public Object install(String resource, Object... arguments) {
        return ((ScriptObjectMirror) eval(resource(resource))).call(null, arguments);
    }

    public Object eval(String script) {
        try {
            return engine.eval(script);
        } catch (ScriptException e) {
            throw new AssertionError(script + " failed: " + e.getMessage(), e);
        }
    }

    /** The message of the Error {@code script} throws. */
    public String error(String script) {
        Object message = eval("(function () { try { " + script + "; return 'no error'; }"
                + " catch (e) { return (e instanceof Error ? 'Error: ' : 'not an Error: ') + e.message; } })()");
        return String.valueOf(message);
    }

    public static String resource(String name) {
        try (InputStream in = ScriptGlobals.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
