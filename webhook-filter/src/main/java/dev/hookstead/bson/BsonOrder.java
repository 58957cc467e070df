package dev.hookstead.bson;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;

/**
 * MongoDB's BSON comparison order: values compare only within a type bracket (numbers of any type together, strings
 * with symbols, ...); across brackets a query comparison is simply false.
 */
public final class BsonOrder {

    private BsonOrder() {
    }

    /** MongoDB's canonical type order, used as the bracket. */
    public static int bracket(BsonValue v) {
        return switch (v.getBsonType()) {
            case MIN_KEY -> 0;
            case NULL, UNDEFINED -> 1;
            case INT32, INT64, DOUBLE, DECIMAL128 -> 2;
            case STRING, SYMBOL -> 3;
            case DOCUMENT -> 4;
            case ARRAY -> 5;
            case BINARY -> 6;
            case OBJECT_ID -> 7;
            case BOOLEAN -> 8;
            case DATE_TIME -> 9;
            case TIMESTAMP -> 10;
            case REGULAR_EXPRESSION -> 11;
            case DB_POINTER -> 12;
            case JAVASCRIPT -> 13;
            case JAVASCRIPT_WITH_SCOPE -> 14;
            case MAX_KEY -> 100;
            default -> 99;
        };
    }

    public static boolean equal(BsonValue a, BsonValue b) {
        OptionalInt c = compare(a, b);
        return c.isPresent() && c.getAsInt() == 0;
    }

    /** Order of two values of the same bracket; empty when the brackets differ. */
    public static OptionalInt compare(BsonValue a, BsonValue b) {
        if (bracket(a) != bracket(b)) return OptionalInt.empty();
        return OptionalInt.of(compareSameBracket(a, b));
    }

    private static int compareSameBracket(BsonValue a, BsonValue b) {
        return switch (a.getBsonType()) {
            case MIN_KEY, MAX_KEY, NULL, UNDEFINED -> 0;
            case INT32, INT64, DOUBLE, DECIMAL128 -> compareNumbers(a, b);
            case STRING, SYMBOL -> compareCodePoints(text(a), text(b));
            case DOCUMENT -> compareDocuments(a.asDocument(), b.asDocument());
            case ARRAY -> compareArrays(a.asArray(), b.asArray());
            case BINARY -> compareBinary(a.asBinary(), b.asBinary());
            case OBJECT_ID -> a.asObjectId().getValue().compareTo(b.asObjectId().getValue());
            case BOOLEAN -> Boolean.compare(a.asBoolean().getValue(), b.asBoolean().getValue());
            case DATE_TIME -> Long.compare(a.asDateTime().getValue(), b.asDateTime().getValue());
            case TIMESTAMP -> Long.compareUnsigned(a.asTimestamp().getValue(), b.asTimestamp().getValue());
            case REGULAR_EXPRESSION -> compareRegex(a.asRegularExpression(), b.asRegularExpression());
            case JAVASCRIPT -> compareCodePoints(a.asJavaScript().getCode(), b.asJavaScript().getCode());
            default -> a.equals(b) ? 0 : compareCodePoints(a.toString(), b.toString());
        };
    }

    /** Numbers compare by exact value across Int32, Int64, Double and Decimal128; NaN equals NaN and sorts first. */
    static int compareNumbers(BsonValue a, BsonValue b) {
        boolean aNaN = isNaN(a), bNaN = isNaN(b);
        if (aNaN || bNaN) return aNaN && bNaN ? 0 : aNaN ? -1 : 1;
        int aInf = infinity(a), bInf = infinity(b);
        if (aInf != 0 || bInf != 0) return Integer.compare(aInf, bInf);
        return exact(a).compareTo(exact(b));
    }

    private static boolean isNaN(BsonValue v) {
        return switch (v.getBsonType()) {
            case DOUBLE -> Double.isNaN(v.asDouble().getValue());
            case DECIMAL128 -> v.asDecimal128().getValue().isNaN();
            default -> false;
        };
    }

    /** +1 or -1 for an infinity, 0 for a finite number. */
    private static int infinity(BsonValue v) {
        return switch (v.getBsonType()) {
            case DOUBLE -> Double.isInfinite(v.asDouble().getValue()) ? (v.asDouble().getValue() > 0 ? 1 : -1) : 0;
            case DECIMAL128 -> {
                Decimal128 d = v.asDecimal128().getValue();
                yield d.isInfinite() ? (d.isNegative() ? -1 : 1) : 0;
            }
            default -> 0;
        };
    }

    private static BigDecimal exact(BsonValue v) {
        return switch (v.getBsonType()) {
            case INT32 -> BigDecimal.valueOf(v.asInt32().getValue());
            case INT64 -> BigDecimal.valueOf(v.asInt64().getValue());
            case DOUBLE -> new BigDecimal(v.asDouble().getValue());
            default -> {
                try {
                    yield v.asDecimal128().getValue().bigDecimalValue();
                } catch (ArithmeticException negativeZero) {
                    // the only finite value bigDecimalValue() refuses, and it equals zero
                    yield BigDecimal.ZERO;
                }
            }
        };
    }

    private static String text(BsonValue v) {
        return v.isString() ? v.asString().getValue() : v.asSymbol().getSymbol();
    }

    /** Code point order, which is MongoDB's UTF-8 byte order (String.compareTo differs above U+FFFF). */
    private static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int compareDocuments(BsonDocument a, BsonDocument b) {
        Iterator<Map.Entry<String, BsonValue>> ia = a.entrySet().iterator(), ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, BsonValue> ea = ia.next(), eb = ib.next();
            int c = Integer.compare(bracket(ea.getValue()), bracket(eb.getValue()));
            if (c == 0) c = compareCodePoints(ea.getKey(), eb.getKey());
            if (c == 0) c = compareSameBracket(ea.getValue(), eb.getValue());
            if (c != 0) return c;
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static int compareArrays(BsonArray a, BsonArray b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            BsonValue x = a.get(i), y = b.get(i);
            int c = Integer.compare(bracket(x), bracket(y));
            if (c == 0) c = compareSameBracket(x, y);
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareBinary(BsonBinary a, BsonBinary b) {
        int c = Integer.compare(a.getData().length, b.getData().length);
        if (c == 0) c = Integer.compare(a.getType() & 0xff, b.getType() & 0xff);
        return c != 0 ? c : Arrays.compareUnsigned(a.getData(), b.getData());
    }

    private static int compareRegex(BsonRegularExpression a, BsonRegularExpression b) {
        int c = compareCodePoints(a.getPattern(), b.getPattern());
        return c != 0 ? c : compareCodePoints(a.getOptions(), b.getOptions());
    }
}
