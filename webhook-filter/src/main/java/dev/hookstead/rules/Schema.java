package dev.hookstead.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.bson.Ejson;
import dev.hookstead.bson.BsonOrder;
import dev.hookstead.expression.Expression;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An App Services schema ({@code schema.json}, spec mongodb-rules 1.7 and 4), parsed once: bsonType (or JSON
 * Schema type), required, properties, additionalProperties, items, enum, numeric, string and array bounds, and
 * {@code validate} expressions with {@code %%this}, {@code %%prev}, {@code %%root}, {@code %%prevRoot}. Keywords it
 * does not know refuse start-up rather than being skipped.
 */
final class Schema {

    private static final Set<String> KEYWORDS = Set.of("bsonType", "type", "required", "properties",
            "additionalProperties", "items", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "validate", "title",
            "description", "default", "examples", "$comment");
    private static final Set<String> BSON_TYPES = Set.of("object", "array", "string", "number", "int", "long",
            "double", "decimal", "bool", "boolean", "objectId", "date", "timestamp", "binData", "uuid", "null", "regex",
            "mixed", "integer", "set", "dictionary");

    private final List<String> types;
    private final List<String> required;
    private final Map<String, Schema> properties;
    private final Schema additional;
    private final boolean additionalAllowed;
    private final Schema items;
    private final List<BsonValue> allowed;
    private final BsonValue minimum;
    private final BsonValue maximum;
    private final boolean exclusiveMinimum;
    private final boolean exclusiveMaximum;
    private final Integer minLength;
    private final Integer maxLength;
    private final Pattern pattern;
    private final Integer minItems;
    private final Integer maxItems;
    private final boolean uniqueItems;
    private final Expression validate;

    private Schema(JsonNode node, String where) {
        RuleJson.onlyKeys(node, KEYWORDS, where);
        types = new ArrayList<>();
        for (String key : List.of("bsonType", "type")) {
            JsonNode type = node.get(key);
            if (type == null) continue;
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                if (!t.isTextual() || !BSON_TYPES.contains(t.textValue())) {
                    throw new IllegalArgumentException(where + "." + key + " is " + RuleJson.describe(t)
                            + "; expected one of " + BSON_TYPES);
                }
                types.add(t.textValue());
            }
        }
        required = new ArrayList<>();
        JsonNode req = node.get("required");
        if (req != null) {
            if (!req.isArray()) throw new IllegalArgumentException(where + ".required must be an array of names");
            req.forEach(r -> required.add(r.asText()));
        }
        properties = new LinkedHashMap<>();
        JsonNode props = node.get("properties");
        if (props != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                properties.put(e.getKey(), new Schema(e.getValue(), where + ".properties." + e.getKey()));
            }
        }
        JsonNode extra = node.get("additionalProperties");
        additionalAllowed = extra == null || !extra.isBoolean() || extra.booleanValue();
        additional = extra != null && extra.isObject() ? new Schema(extra, where + ".additionalProperties") : null;
        JsonNode itemNode = node.get("items");
        if (itemNode != null && !itemNode.isObject()) {
            throw new IllegalArgumentException(where + ".items must be one schema object");
        }
        items = itemNode == null ? null : new Schema(itemNode, where + ".items");
        allowed = new ArrayList<>();
        JsonNode values = node.get("enum");
        if (values != null) values.forEach(v -> allowed.add(literal(v)));
        minimum = node.has("minimum") ? literal(node.get("minimum")) : null;
        maximum = node.has("maximum") ? literal(node.get("maximum")) : null;
        exclusiveMinimum = node.path("exclusiveMinimum").asBoolean(false);
        exclusiveMaximum = node.path("exclusiveMaximum").asBoolean(false);
        minLength = integer(node, "minLength");
        maxLength = integer(node, "maxLength");
        minItems = integer(node, "minItems");
        maxItems = integer(node, "maxItems");
        uniqueItems = node.path("uniqueItems").asBoolean(false);
        try {
            pattern = node.has("pattern") ? Pattern.compile(node.get("pattern").asText()) : null;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ".pattern is not a valid regular expression: " + e.getMessage());
        }
        validate = RuleJson.expression(node, "validate", where);
    }

    /** The schema of a namespace, or null when the form has none. */
    static Schema parse(JsonNode node, String where) {
        return node == null || node.isNull() ? null : new Schema(node, where);
    }

    /**
     * The first violation of a written document, or null when it conforms. {@code before} is the stored document
     * (null for an insert), the source of {@code %%prev} and {@code %%prevRoot}.
     */
    String violation(BsonDocument after, BsonDocument before, RuleContext ctx) {
        ctx.document(after, before);
        return check(after, before, "", ctx);
    }

    private String check(BsonValue value, BsonValue previous, String path, RuleContext ctx) {
        String at = path.isEmpty() ? "the document" : path;
        if (value != null) {
            if (!types.isEmpty() && types.stream().noneMatch(t -> is(t, value))) {
                return at + " is " + value.getBsonType().name().toLowerCase() + ", expected " + String.join(" or ", types);
            }
            String bounds = bounds(value, at);
            if (bounds != null) return bounds;
            if (value.isDocument()) {
                BsonDocument doc = value.asDocument();
                BsonDocument old = previous != null && previous.isDocument() ? previous.asDocument() : null;
                for (String name : required) {
                    if (!doc.containsKey(name)) return prefix(path, name) + " is required";
                }
                for (Map.Entry<String, Schema> e : properties.entrySet()) {
                    BsonValue is = doc.get(e.getKey());
                    BsonValue was = old == null ? null : old.get(e.getKey());
                    if (is == null && was == null) continue;
                    String problem = e.getValue().check(is, was, prefix(path, e.getKey()), ctx);
                    if (problem != null) return problem;
                }
                for (Map.Entry<String, BsonValue> e : doc.entrySet()) {
                    if (properties.containsKey(e.getKey())) continue;
                    if (!additionalAllowed) return prefix(path, e.getKey()) + " is not allowed by the schema";
                    if (additional != null) {
                        String problem = additional.check(e.getValue(), old == null ? null : old.get(e.getKey()),
                                prefix(path, e.getKey()), ctx);
                        if (problem != null) return problem;
                    }
                }
            }
            if (value.isArray() && items != null) {
                List<BsonValue> old = previous != null && previous.isArray() ? previous.asArray() : List.of();
                for (int i = 0; i < value.asArray().size(); i++) {
                    String problem = items.check(value.asArray().get(i), i < old.size() ? old.get(i) : null,
                            prefix(path, Integer.toString(i)), ctx);
                    if (problem != null) return problem;
                }
            }
        }
        if (validate != null && !ctx.field(value, previous).allows(validate, false)) {
            return at + " fails its validate expression";
        }
        return null;
    }

    private String bounds(BsonValue value, String at) {
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> BsonOrder.equal(a, value))) {
            return at + " is not one of the schema's enum values";
        }
        if (value.isNumber() || value.isDecimal128()) {
            if (minimum != null && !order(minimum, value, exclusiveMinimum)) return at + " is below the minimum";
            if (maximum != null && !order(value, maximum, exclusiveMaximum)) return at + " is above the maximum";
        }
        if (value.isString()) {
            int length = value.asString().getValue().codePointCount(0, value.asString().getValue().length());
            if (minLength != null && length < minLength) return at + " is shorter than " + minLength;
            if (maxLength != null && length > maxLength) return at + " is longer than " + maxLength;
            if (pattern != null && !pattern.matcher(value.asString().getValue()).find()) {
                return at + " does not match the schema's pattern";
            }
        }
        if (value.isArray()) {
            int size = value.asArray().size();
            if (minItems != null && size < minItems) return at + " has fewer than " + minItems + " items";
            if (maxItems != null && size > maxItems) return at + " has more than " + maxItems + " items";
            if (uniqueItems && size != value.asArray().stream().distinct().count()) return at + " has duplicate items";
        }
        return null;
    }

    private static boolean order(BsonValue low, BsonValue high, boolean strict) {
        int c = BsonOrder.compare(low, high).orElse(1);
        return strict ? c < 0 : c <= 0;
    }

    private static boolean is(String type, BsonValue v) {
        return switch (type) {
            case "object", "dictionary" -> v.isDocument();
            case "array", "set" -> v.isArray();
            case "string" -> v.isString();
            case "number" -> v.isNumber() || v.isDecimal128();
            case "int", "integer" -> v.isInt32() || type.equals("integer") && v.isInt64();
            case "long" -> v.isInt64();
            case "double" -> v.isDouble();
            case "decimal" -> v.isDecimal128();
            case "bool", "boolean" -> v.isBoolean();
            case "objectId" -> v.isObjectId();
            case "date" -> v.isDateTime();
            case "timestamp" -> v.isTimestamp();
            case "binData" -> v.isBinary();
            case "uuid" -> v.isBinary() && v.asBinary().getType() == BsonBinarySubType.UUID_STANDARD.getValue();
            case "null" -> v.isNull();
            case "regex" -> v.isRegularExpression();
            default -> true; // mixed
        };
    }

    private static String prefix(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static BsonValue literal(JsonNode node) {
        return Ejson.parse("{\"v\":" + node + "}").asDocument().get("v");
    }

    private static Integer integer(JsonNode node, String key) {
        return node.has(key) ? node.get(key).asInt() : null;
    }
}
