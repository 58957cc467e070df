package dev.hookstead.services;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The positional arguments of one collection method, as BSON; null and undefined mean "not given". Type errors are
 * {@link IllegalArgumentException}s that name the method, the argument, what was passed and what is expected.
 */
public final class Arguments {

    private final String method;
    private final BsonArray values;

    public Arguments(String method, BsonArray values) {
        this.method = method;
        this.values = values;
    }

    public String method() {
        return method;
    }

    public boolean given(int index) {
        return index < values.size() && !values.get(index).isNull();
    }

    public BsonValue get(int index) {
        return given(index) ? values.get(index) : null;
    }

    public BsonDocument document(int index, String name) {
        BsonValue value = get(index);
        if (value == null) {
            throw bad(name + " is required", "an object");
        }
        return document(value, name);
    }

    public BsonDocument optionalDocument(int index, String name) {
        BsonValue value = get(index);
        return value == null ? new BsonDocument() : document(value, name);
    }

    public BsonDocument document(BsonValue value, String name) {
        if (!value.isDocument()) {
            throw bad(name + " is " + typeOf(value), "an object");
        }
        return value.asDocument();
    }

    /** A non-empty array of documents, e.g. insertMany's documents or a pipeline. */
    public List<BsonDocument> documents(int index, String name, boolean mayBeEmpty) {
        return documents(get(index), name, mayBeEmpty);
    }

    public List<BsonDocument> documents(BsonValue value, String name, boolean mayBeEmpty) {
        if (value == null || !value.isArray()) {
            throw bad(name + " is " + typeOf(value), "an array of objects");
        }
        BsonArray array = value.asArray();
        if (array.isEmpty() && !mayBeEmpty) {
            throw bad(name + " is an empty array", "at least one object");
        }
        List<BsonDocument> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            result.add(document(array.get(i), name + "[" + i + "]"));
        }
        return result;
    }

    public String string(int index, String name) {
        BsonValue value = get(index);
        if (value == null || !value.isString()) {
            throw bad(name + " is " + typeOf(value), "a string");
        }
        return value.asString().getValue();
    }

    /** An option of an options object: a document, or null when absent. */
    public BsonDocument documentOption(BsonDocument options, String key) {
        BsonValue value = options.get(key);
        return value == null || value.isNull() ? null : document(value, "option " + key);
    }

    public Boolean booleanOption(BsonDocument options, String key) {
        BsonValue value = options.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw bad("option " + key + " is " + typeOf(value), "true or false");
        }
        return value.asBoolean().getValue();
    }

    /** A whole-number option such as limit or skip, or null when absent. */
    public Integer intOption(BsonDocument options, String key) {
        BsonValue value = options.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            double number = value.asNumber().doubleValue();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw bad("option " + key + " is " + typeOf(value), "a whole number");
    }

    public BadArgument bad(String problem, String expected) {
        return new BadArgument("collection." + method + ": " + problem + "; pass " + expected);
    }

    public static String typeOf(BsonValue value) {
        if (value == null || value.isNull()) {
            return "missing";
        }
        if (value.isString()) {
            String text = value.asString().getValue();
            return "the string '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        if (value.isDocument()) {
            return "an object";
        }
        String type = value.getBsonType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return ("aeio".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    /** A bad argument to a collection method; its message is ready for the caller. */
    public static final class BadArgument extends IllegalArgumentException {
        BadArgument(String message) {
            super(message);
        }
    }
}
