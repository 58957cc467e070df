package dev.hookstead.bson;

import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import javax.script.ScriptEngine;
import javax.script.ScriptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A Nashorn engine set up like the hardened one (no Java access at all) with BSON and EJSON installed. */
final class BsonScripting {

    final ScriptEngine engine;
    final BsonBridge bridge = new BsonBridge();

    BsonScripting() {
        engine = new NashornScriptEngineFactory()
                .getScriptEngine(new String[]{"--no-java", "--language=es6"}, null, className -> false);
        ScriptObjectMirror install = (ScriptObjectMirror) eval(globalsScript());
        ScriptObjectMirror globals = (ScriptObjectMirror) install.call(null, bridge);
        engine.put("BSON", globals.get("BSON"));
        engine.put("EJSON", globals.get("EJSON"));
    }

    static String globalsScript() {
        try (InputStream in = BsonScripting.class.getClassLoader().getResourceAsStream(JsBson.GLOBALS_SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object eval(String script) {
        try {
            return engine.eval(script);
        } catch (ScriptException e) {
            throw new AssertionError(script + " failed: " + e.getMessage(), e);
        }
    }

    /** The BSON value of a JS expression. */
    BsonValue bson(String expression) {
        return JsBson.toBson(eval("(" + expression + ")"));
    }

    /** A BSON value turned into a JS value the way the runtime does it, then back to BSON. */
    BsonValue roundTrip(BsonValue value) {
        engine.put("ejsonText", JsBson.toEjsonForJs(value));
        return bson("EJSON.parse(ejsonText)");
    }

    /** Evaluates {@code script} with {@code ejsonText} bound to the JS side's view of {@code value}. */
    Object withValue(BsonValue value, String script) {
        engine.put("ejsonText", JsBson.toEjsonForJs(value));
        return eval("var v = EJSON.parse(ejsonText); " + script);
    }
}
