package dev.hookstead.bson;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Converts between JavaScript values (as Nashorn hands them to Java) and BSON.
 *
 * <p>JS to BSON: plain objects become documents in key order, arrays become arrays, Dates become date-times, native
 * RegExps and {@code BSON.BSONRegExp} become regular expressions, and the {@code BSON.*} facade objects of
 * {@code bson-globals.js} (recognised by their {@code _bsontype}) become their BSON type. JS numbers are typed like the
 * platform did: integral in int32 range is Int32, integral up to ±2^53 is Int64, anything else is Double.
 *
 * <p>BSON to JS: {@link #toEjsonForJs} gives canonical Extended JSON for the script-side {@code EJSON.parse}.
 */
public final class JsBson {

    /** Classpath resource evaluating to {@code function(bridge) -> {BSON, EJSON}}. */
    public static final String GLOBALS_SCRIPT = "dev/hookstead/bson/bson-globals.js";

    /** The deepest nesting MongoDB itself stores. */
    static final int MAX_DEPTH = 100;
    private static final double TWO_POW_53 = 9007199254740992d;
    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0d);

    private JsBson() {
    }

    /**
     * The BSON value of a JS value; {@code null} for {@code undefined} and functions (which JSON omits too).
     *
     * @throws IllegalArgumentException for cyclic or too deeply nested values, damaged {@code BSON.*} objects, Invalid
     *                                  Dates, and values that are not JavaScript values
     */
    public static BsonValue toBson(Object jsValue) {
        if (jsValue == null) {
            return BsonNull.VALUE;
        }
        if (ScriptObjectMirror.isUndefined(jsValue) || isFunction(jsValue)) {
            return null;
        }
        return new Walk().value(jsValue, 0);
    }

    /** Canonical Extended JSON of a BSON value, which the script side turns into JS values with {@code EJSON.parse}. */
    public static String toEjsonForJs(BsonValue value) {
        return value == null ? "null" : Ejson.canonical(value);
    }

    /** A JS number typed as the platform did (spec 3.3). */
    static BsonValue number(double d) {
        boolean integral = d == Math.rint(d) && !Double.isInfinite(d)
                && Double.doubleToRawLongBits(d) != NEGATIVE_ZERO_BITS;
        if (integral && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
            return new BsonInt32((int) d);
        }
        if (integral && Math.abs(d) <= TWO_POW_53) {
            return new BsonInt64((long) d);
        }
        return new BsonDouble(d);
    }

    private static boolean isFunction(Object value) {
        return value instanceof ScriptObjectMirror mirror && mirror.isFunction();
    }

    /** One conversion; remembers the objects on the current path to refuse cycles. */
    private static final class Walk {
        private final Set<ScriptObjectMirror> path = new HashSet<>();

        BsonValue value(Object value, int depth) {
            if (value == null || ScriptObjectMirror.isUndefined(value)) {
                return BsonNull.VALUE;
            }
            if (value instanceof CharSequence text) {
                return new BsonString(text.toString());
            }
            if (value instanceof Boolean flag) {
                return BsonBoolean.valueOf(flag);
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return new BsonInt32(((Number) value).intValue());
            }
            if (value instanceof Long whole) {
                return whole == whole.intValue() ? new BsonInt32(whole.intValue()) : new BsonInt64(whole);
            }
            if (value instanceof Number number) {
                return number(number.doubleValue());
            }
            if (value instanceof ScriptObjectMirror object) {
                return object(object, depth);
            }
            throw new IllegalArgumentException("A value of an unsupported kind cannot be converted to BSON;"
                    + " use strings, numbers, booleans, null, Dates, arrays, plain objects or BSON.* values");
        }

        private BsonValue object(ScriptObjectMirror object, int depth) {
            if (object.isFunction()) {
                return BsonNull.VALUE; // only reached inside arrays, where JSON writes null too
            }
            switch (object.getClassName()) {
                case "Date":
                    return date(object);
                case "RegExp":
                    return nativeRegExp(object);
                case "Number", "String", "Boolean":
                    return value(object.callMember("valueOf"), depth);
                default:
                    break;
            }
            if (object.get("_bsontype") instanceof String type) {
                return Facade.toBson(type, object);
            }
            if (depth >= MAX_DEPTH) {
                throw new IllegalArgumentException("Value is nested more than " + MAX_DEPTH
                        + " levels deep; BSON documents cannot be nested that deeply");
            }
            if (!path.add(object)) {
                throw new IllegalArgumentException("Cannot convert a cyclic object to BSON: an object contains itself;"
                        + " remove the circular reference");
            }
            try {
                return object.isArray() ? array(object, depth + 1) : document(object, depth + 1);
            } finally {
                path.remove(object);
            }
        }

        private BsonArray array(ScriptObjectMirror array, int depth) {
            int length = ((Number) array.get("length")).intValue();
            BsonArray result = new BsonArray(length);
            for (int i = 0; i < length; i++) {
                result.add(value(array.getSlot(i), depth));
            }
            return result;
        }

        private BsonDocument document(ScriptObjectMirror object, int depth) {
            BsonDocument result = new BsonDocument();
            for (String key : object.getOwnKeys(false)) {
                Object member = object.getMember(key); // unlike get(), keeps undefined apart from null
                if (!ScriptObjectMirror.isUndefined(member) && !isFunction(member)) {
                    result.put(key, value(member, depth));
                }
            }
            return result;
        }

        private static BsonValue date(ScriptObjectMirror date) {
            double millis = ((Number) date.callMember("getTime")).doubleValue();
            if (Double.isNaN(millis)) {
                throw new IllegalArgumentException("An Invalid Date cannot be converted to BSON;"
                        + " check the value passed to new Date(...)");
            }
            return new BsonDateTime((long) millis);
        }

        private static BsonValue nativeRegExp(ScriptObjectMirror regExp) {
            StringBuilder options = new StringBuilder();
            if (Boolean.TRUE.equals(regExp.get("ignoreCase"))) {
                options.append('i');
            }
            if (Boolean.TRUE.equals(regExp.get("multiline"))) {
                options.append('m');
            }
            return new BsonRegularExpression(String.valueOf(regExp.get("source")), options.toString());
        }
    }

    /** Reads the facade objects of {@code bson-globals.js}; their fields are documented there. */
    private static final class Facade {

        static BsonValue toBson(String type, ScriptObjectMirror object) {
            switch (type) {
                case "ObjectId":
                    String hex = text(object, type, "_hex");
                    if (!ObjectId.isValid(hex)) {
                        throw damaged(type, "_hex");
                    }
                    return new BsonObjectId(new ObjectId(hex));
                case "Binary":
                    int subtype = int32(object, type, "sub_type");
                    if (subtype < 0 || subtype > 255) {
                        throw damaged(type, "sub_type");
                    }
                    try {
                        return new BsonBinary((byte) subtype,
                                Base64.getDecoder().decode(text(object, type, "_b64")));
                    } catch (IllegalArgumentException badBase64) {
                        throw damaged(type, "_b64");
                    }
                case "Decimal128":
                    try {
                        return new BsonDecimal128(Decimal128.parse(text(object, type, "_str")));
                    } catch (NumberFormatException badDecimal) {
                        throw damaged(type, "_str");
                    }
                case "Long":
                    long high = int32(object, type, "high");
                    long low = int32(object, type, "low") & 0xFFFFFFFFL;
                    return new BsonInt64(high << 32 | low);
                case "Int32":
                    return new BsonInt32(int32(object, type, "value"));
                case "Double":
                    return new BsonDouble(number(object, type, "value"));
                case "BSONRegExp":
                    return new BsonRegularExpression(text(object, type, "pattern"), text(object, type, "options"));
                case "Timestamp":
                    return new BsonTimestamp(int32(object, type, "t"), int32(object, type, "i"));
                case "MinKey":
                    return new BsonMinKey();
                case "MaxKey":
                    return new BsonMaxKey();
                default:
                    throw new IllegalArgumentException("Unknown _bsontype '" + type + "': only BSON.ObjectId, Binary,"
                            + " Decimal128, Long, Int32, Double, BSONRegExp, Timestamp, MinKey and MaxKey convert to BSON");
            }
        }

        private static String text(ScriptObjectMirror object, String type, String field) {
            if (object.get(field) instanceof String value) {
                return value;
            }
            throw damaged(type, field);
        }

        private static double number(ScriptObjectMirror object, String type, String field) {
            if (object.get(field) instanceof Number value) {
                return value.doubleValue();
            }
            throw damaged(type, field);
        }

        /** A 32-bit field; unsigned ones (Timestamp) are kept as JS numbers up to 2^32-1 and wrap here. */
        private static int int32(ScriptObjectMirror object, String type, String field) {
            double value = number(object, type, field);
            if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > 0xFFFFFFFFL) {
                throw damaged(type, field);
            }
            return (int) (long) value;
        }

        private static IllegalArgumentException damaged(String type, String field) {
            return new IllegalArgumentException("BSON." + type + " object has an invalid '" + field
                    + "'; create it with the BSON." + type + " API instead of by hand");
        }
    }
}
