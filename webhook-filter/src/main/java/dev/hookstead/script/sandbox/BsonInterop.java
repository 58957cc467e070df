package dev.hookstead.script;

import dev.hookstead.script.bson.BsonBridge;
import dev.hookstead.script.bson.JsBson;
import org.bson.BsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Where the runtime meets the BSON globals ({@code BSON}, {@code EJSON}) of {@code dev.hookstead.script.bson}. */
final class BsonInterop {
    private BsonInterop() {
    }

    /** The script evaluating to {@code function(bridge) -> {BSON, EJSON}}. */
    static String globalsScript() {
        try (InputStream in = BsonInterop.class.getClassLoader().getResourceAsStream(JsBson.GLOBALS_SCRIPT)) {
            if (in == null) throw new IllegalStateException("missing resource " + JsBson.GLOBALS_SCRIPT);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + JsBson.GLOBALS_SCRIPT, e);
        }
    }

    static Object newBridge() {
        return new BsonBridge();
    }

    /** Script value to BSON; undefined (and functions) to null. */
    static BsonValue toBson(Object value) {
        return JsBson.toBson(value);
    }

    /** BSON to text the globals' {@code EJSON.parse} turns into script values. */
    static String toJsText(BsonValue value) {
        return JsBson.toEjsonForJs(value);
    }
}
