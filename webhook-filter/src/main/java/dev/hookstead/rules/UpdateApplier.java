package dev.hookstead.rules;

import dev.hookstead.bson.BsonOrder;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.services.MongoFailure;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the document an update leaves, so rules and schema judge the exact post-image before anything is written.
 * Supports the field update operators ($set, $unset, $inc, $mul, $min, $max, $rename, $currentDate, $setOnInsert)
 * and the array ones ($push and $addToSet with $each, $pop, $pull of values or $in, $pullAll) on dotted paths.
 * Anything it cannot evaluate exactly (positional paths, $bit, $push modifiers, $pull conditions, pipeline updates)
 * is refused for application users rather than guessed.
 */
final class UpdateApplier {

    private static final Set<String> OPERATORS = Set.of("$set", "$unset", "$inc", "$mul", "$min", "$max", "$rename",
            "$currentDate", "$setOnInsert", "$push", "$addToSet", "$pop", "$pull", "$pullAll", "$bit");

    private UpdateApplier() {
    }

    /**
     * @param inserting true for an upsert that inserts ($setOnInsert applies)
     * @throws IllegalArgumentException for an update that is not one (the bridge names the method)
     * @return a new document; {@code document} is left untouched
     */
    static BsonDocument apply(BsonDocument document, BsonDocument update, boolean inserting) {
        if (update.isEmpty()) {
            throw new IllegalArgumentException("the update is empty; pass update operators such as {$set: {...}}");
        }
        BsonDocument result = document.clone();
        for (Map.Entry<String, BsonValue> e : update.entrySet()) {
            String op = e.getKey();
            if (!op.startsWith("$")) {
                throw new IllegalArgumentException("Invalid BSON field name " + op
                        + "; an update takes only update operators such as $set (use replaceOne to replace)");
            }
            if (!OPERATORS.contains(op)) {
                throw new MongoFailure(ErrorCode.MongoDBError, "Unknown modifier: " + op
                        + ". Expected a valid update modifier or pipeline-style update specified as an array", 9);
            }
            if (op.equals("$bit")) throw Denials.systemOnly("the update operator $bit");
            if (!e.getValue().isDocument()) {
                throw new MongoFailure(ErrorCode.MongoDBError, "Modifiers operate on fields but we found type "
                        + e.getValue().getBsonType().name().toLowerCase() + " instead", 9);
            }
            for (Map.Entry<String, BsonValue> field : e.getValue().asDocument().entrySet()) {
                apply(result, op, path(field.getKey()), field.getValue(), inserting);
            }
        }
        return result;
    }

    /** The operators whose outcome MongoDB computes as {@link #apply} would, refusing the same arguments. */
    private static final Set<String> AS_SENT = Set.of("$set", "$unset", "$inc", "$mul", "$min", "$max", "$push",
            "$addToSet");

    /**
     * Whether the update may go to the database as it is, unseen by Hookstead: only the operators of
     * {@link #AS_SENT}, none on {@code _id}, and nothing {@link #apply} would refuse on a document holding none of
     * its fields (so positional paths, {@code $push} modifiers and malformed arguments take the checked path and
     * fail there as before). What then depends on the stored values ({@code $inc} on a string) fails in the database.
     */
    static boolean appliesAsSent(BsonDocument update) {
        if (update.isEmpty()) return false;
        for (Map.Entry<String, BsonValue> e : update.entrySet()) {
            if (!AS_SENT.contains(e.getKey()) || !e.getValue().isDocument()) return false;
            for (String field : e.getValue().asDocument().keySet()) {
                if (field.equals("_id") || field.startsWith("_id.")) return false;
            }
        }
        try {
            apply(new BsonDocument(), update, false);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private static void apply(BsonDocument doc, String op, List<String> path, BsonValue arg, boolean inserting) {
        BsonValue current = get(doc, path);
        switch (op) {
            case "$set" -> set(doc, path, arg);
            case "$setOnInsert" -> {
                if (inserting) set(doc, path, arg);
            }
            case "$unset" -> unset(doc, path);
            case "$inc" -> set(doc, path, current == null ? number(arg, op) : arithmetic(current, number(arg, op), false));
            case "$mul" -> set(doc, path, current == null ? zeroLike(number(arg, op))
                    : arithmetic(current, number(arg, op), true));
            case "$min", "$max" -> {
                if (current == null || beats(arg, current, op.equals("$min"))) set(doc, path, arg);
            }
            case "$rename" -> {
                if (!arg.isString()) throw failure("$rename's target must be a string", 2);
                if (current != null) {
                    unset(doc, path);
                    set(doc, path(arg.asString().getValue()), current);
                }
            }
            case "$currentDate" -> {
                boolean timestamp = arg.isDocument() && "timestamp".equals(arg.asDocument().getString("$type",
                        new org.bson.BsonString("date")).getValue());
                long now = System.currentTimeMillis();
                set(doc, path, timestamp ? new BsonTimestamp((int) (now / 1000), 1) : new BsonDateTime(now));
            }
            case "$push", "$addToSet" -> {
                BsonArray array = array(current, op, path);
                for (BsonValue value : each(arg, op)) {
                    if (op.equals("$push") || array.stream().noneMatch(v -> v.equals(value))) array.add(value);
                }
                set(doc, path, array);
            }
            case "$pop" -> {
                if (current == null) return;
                BsonArray array = array(current, op, path);
                if (!array.isEmpty()) array.remove(number(arg, op).asNumber().doubleValue() < 0 ? 0 : array.size() - 1);
                set(doc, path, array);
            }
            case "$pull", "$pullAll" -> {
                if (current == null) return;
                BsonArray array = array(current, op, path);
                List<BsonValue> remove = pulled(arg, op);
                array.removeIf(v -> remove.stream().anyMatch(r -> BsonOrder.equal(r, v)));
                set(doc, path, array);
            }
            default -> throw new IllegalStateException(op);
        }
    }

    /** A dotted path; positional segments ($, $[], $[id]) are refused. */
    static List<String> path(String dotted) {
        List<String> segments = Arrays.asList(dotted.split("\\.", -1));
        for (String s : segments) {
            if (s.isEmpty()) throw failure("The update path '" + dotted + "' contains an empty field name", 56);
            if (s.startsWith("$")) throw Denials.systemOnly("the positional update path '" + dotted + "'");
        }
        return segments;
    }

    static BsonValue get(BsonDocument doc, List<String> path) {
        BsonValue value = doc;
        for (String segment : path) {
            if (value.isDocument()) {
                value = value.asDocument().get(segment);
            } else if (value.isArray() && isIndex(segment) && index(segment) < value.asArray().size()) {
                value = value.asArray().get(index(segment));
            } else {
                return null;
            }
            if (value == null) return null;
        }
        return value;
    }

    private static void set(BsonDocument doc, List<String> path, BsonValue value) {
        BsonValue container = doc;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            if (container.isDocument()) {
                BsonDocument d = container.asDocument();
                if (last) {
                    d.put(segment, value);
                    return;
                }
                BsonValue next = d.get(segment);
                if (next == null) {
                    next = new BsonDocument();
                    d.put(segment, next);
                }
                container = next;
            } else if (container.isArray() && isIndex(segment)) {
                BsonArray a = container.asArray();
                int index = index(segment);
                while (a.size() <= index) a.add(BsonNull.VALUE);
                if (last) {
                    a.set(index, value);
                    return;
                }
                if (a.get(index).isNull()) a.set(index, new BsonDocument());
                container = a.get(index);
            } else {
                throw failure("Cannot create field '" + segment + "' in element {" + path.get(Math.max(0, i - 1))
                        + ": " + container.getBsonType().name().toLowerCase() + "}", 28);
            }
        }
    }

    private static void unset(BsonDocument doc, List<String> path) {
        BsonValue parent = path.size() == 1 ? doc : get(doc, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent == null) return;
        if (parent.isDocument()) {
            parent.asDocument().remove(last);
        } else if (parent.isArray() && isIndex(last) && index(last) < parent.asArray().size()) {
            parent.asArray().set(index(last), BsonNull.VALUE); // as MongoDB: $unset of an element leaves null
        }
    }

    private static boolean isIndex(String segment) {
        return segment.length() < 9 && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static int index(String segment) {
        return Integer.parseInt(segment);
    }

    private static BsonArray array(BsonValue current, String op, List<String> path) {
        if (current == null) return new BsonArray();
        if (!current.isArray()) {
            throw failure(op + " needs an array at '" + String.join(".", path) + "', found "
                    + current.getBsonType().name().toLowerCase(), 2);
        }
        return current.asArray().clone();
    }

    private static List<BsonValue> each(BsonValue arg, String op) {
        if (arg.isDocument() && arg.asDocument().containsKey("$each")) {
            if (arg.asDocument().size() != 1) throw Denials.systemOnly(op + " with $position, $slice or $sort");
            BsonValue values = arg.asDocument().get("$each");
            if (!values.isArray()) throw failure("The argument to $each in " + op + " must be an array", 2);
            return values.asArray();
        }
        if (arg.isDocument() && arg.asDocument().keySet().stream().anyMatch(k -> k.startsWith("$"))) {
            throw Denials.systemOnly(op + " with modifiers other than $each");
        }
        return List.of(arg);
    }

    private static List<BsonValue> pulled(BsonValue arg, String op) {
        if (op.equals("$pullAll")) {
            if (!arg.isArray()) throw failure("$pullAll requires an array argument", 2);
            return arg.asArray();
        }
        if (arg.isDocument()) {
            BsonDocument d = arg.asDocument();
            if (d.size() == 1 && d.containsKey("$in") && d.get("$in").isArray()) return d.getArray("$in");
            throw Denials.systemOnly("$pull with a condition (only plain values and {$in: [...]} are checked)");
        }
        if (arg.isRegularExpression()) throw Denials.systemOnly("$pull with a regular expression");
        return List.of(arg);
    }

    private static boolean beats(BsonValue candidate, BsonValue current, boolean lower) {
        // across types MongoDB orders by type bracket
        int c = BsonOrder.compare(candidate, current).orElseGet(() -> Integer.compare(BsonOrder.bracket(candidate),
                BsonOrder.bracket(current)));
        return lower ? c < 0 : c > 0;
    }

    private static BsonValue number(BsonValue arg, String op) {
        if (!arg.isNumber() && !arg.isDecimal128()) {
            throw failure("Cannot " + (op.equals("$pop") ? "pop with" : "increment with") + " non-numeric argument", 14);
        }
        return arg;
    }

    private static BsonValue zeroLike(BsonValue n) {
        return arithmetic(n, new BsonInt32(0), true);
    }

    /** $inc/$mul with MongoDB's type promotion: int32 overflows to int64, any double makes a double, decimal wins. */
    private static BsonValue arithmetic(BsonValue a, BsonValue b, boolean multiply) {
        if (!a.isNumber() && !a.isDecimal128()) {
            throw failure("Cannot apply " + (multiply ? "$mul" : "$inc") + " to a value of non-numeric type "
                    + a.getBsonType().name().toLowerCase(), 14);
        }
        if (a.isDecimal128() || b.isDecimal128()) {
            java.math.BigDecimal x = decimal(a);
            java.math.BigDecimal y = decimal(b);
            return new BsonDecimal128(new Decimal128(multiply ? x.multiply(y) : x.add(y)));
        }
        if (a.isDouble() || b.isDouble()) {
            double x = a.asNumber().doubleValue();
            double y = b.asNumber().doubleValue();
            return new BsonDouble(multiply ? x * y : x + y);
        }
        long x = a.asNumber().longValue();
        long y = b.asNumber().longValue();
        long r;
        try {
            r = multiply ? Math.multiplyExact(x, y) : Math.addExact(x, y);
        } catch (ArithmeticException overflow) {
            throw failure("the result of " + (multiply ? "$mul" : "$inc") + " overflows a 64-bit integer", 2);
        }
        return a.isInt32() && b.isInt32() && r == (int) r ? new BsonInt32((int) r) : new BsonInt64(r);
    }

    private static java.math.BigDecimal decimal(BsonValue v) {
        return v.isDecimal128() ? v.asDecimal128().getValue().bigDecimalValue()
                : v.isDouble() ? java.math.BigDecimal.valueOf(v.asDouble().getValue())
                : java.math.BigDecimal.valueOf(v.asNumber().longValue());
    }

    private static MongoFailure failure(String message, int code) {
        return new MongoFailure(ErrorCode.MongoDBError, message, code);
    }
}
