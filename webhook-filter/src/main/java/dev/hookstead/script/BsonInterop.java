package dev.hookstead.script;

import dev.hookstead.bson.Ejson;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the runtime meets the BSON globals. INTERIM until {@code dev.hookstead.script.bson} lands: plain JSON values
 * and a minimal Binary only; replaced by JsBson/BsonBridge then.
 */
final class BsonInterop {
    private BsonInterop() {
    }

    static String globalsScript() {
        try (InputStream in = BsonInterop.class.getResourceAsStream("interim-bson-globals.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the BSON globals script", e);
        }
    }

    static Object newBridge() {
        return new InterimBridge();
    }

    /** Script value to BSON; undefined to null. */
    static BsonValue toBson(Object value) {
        if (value == null) return BsonNull.VALUE;
        if (ScriptObjectMirror.isUndefined(value)) return null;
        if (value instanceof String s) return new BsonString(s);
        if (value instanceof Boolean b) return BsonBoolean.valueOf(b);
        if (value instanceof Integer i) return new BsonInt32(i);
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE && !(d == 0 && 1 / d < 0)) {
                return new BsonInt32((int) d);
            }
            return new BsonDouble(d);
        }
        if (value instanceof ScriptObjectMirror m) {
            if (m.isArray()) {
                BsonArray array = new BsonArray();
                for (Object item : m.values()) {
                    BsonValue v = toBson(item);
                    array.add(v == null ? BsonNull.VALUE : v);
                }
                return array;
            }
            BsonDocument doc = new BsonDocument();
            for (String key : m.keySet()) {
                BsonValue v = toBson(m.get(key));
                if (v != null) doc.put(key, v);
            }
            return doc;
        }
        throw new IllegalArgumentException("cannot convert " + value.getClass().getSimpleName() + " to BSON");
    }

    /** BSON to text the globals' {@code EJSON.parse} turns into script values. */
    static String toJsText(BsonValue value) {
        return Ejson.relaxed(value);
    }

    /** Decodes Binary text for the interim globals. */
    public static final class InterimBridge {
        public String utf8(String base64) {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        }
    }
}
