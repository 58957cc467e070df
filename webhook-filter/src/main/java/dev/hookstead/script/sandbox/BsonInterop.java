package dev.hookstead.script.sandbox;

import dev.hookstead.bson.BsonBridge;
import dev.hookstead.bson.JsBson;
import org.bson.BsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Where the runtime meets the BSON globals ({@code BSON}, {@code EJSON}) of {@code dev.hookstead.bson}. */
public final class BsonInterop {
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

    public static Object newBridge() {
        return new BsonBridge();
    }

    /** Script value to BSON; undefined (and functions) to null. */
    public static BsonValue toBson(Object value) {
        return JsBson.toBson(value);
    }

    /** BSON to text the globals' {@code EJSON.parse} turns into script values. */
    public static String toJsText(BsonValue value) {
        return JsBson.toEjsonForJs(value);
    }
}
