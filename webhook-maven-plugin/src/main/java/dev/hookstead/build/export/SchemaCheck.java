package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collection schema (v2 {@code schema.json}, or the inline {@code schema} of a v1 rule file): well-formed JSON Schema
 * draft 4 as App Services extends it (checked against {@code app-services-schema.json} by networknt's validator), an
 * object schema at the root, known {@code bsonType} and {@code type} names, and {@code validate} expressions that parse.
 */
final class SchemaCheck {

    /** DAS schemas/types: the BSON type names, plus "number", which the docs' own examples use. */
    static final List<String> BSON_TYPES = List.of("double", "string", "object", "array", "objectId", "date", "bool",
            "null", "regex", "int", "timestamp", "long", "decimal", "uuid", "binData", "mixed", "number");
    /** DAS schemas/types: JSON types; there is no "integer". */
    static final List<String> JSON_TYPES = List.of("object", "array", "number", "boolean", "string", "null");

    /** Keywords holding one sub-schema, a map of them, or an array of them. */
    private static final Set<String> ONE = Set.of("not", "additionalProperties", "additionalItems", "items");
    private static final Set<String> MAP = Set.of("properties", "patternProperties", "definitions", "dependencies");
    private static final Set<String> ARRAY = Set.of("allOf", "anyOf", "oneOf", "items");

    private static final Schema META = metaSchema();

    private SchemaCheck() {
    }

    /**
     * @param prefix field path of the schema inside {@code file}: "" for schema.json, "schema." inline
     * @return the schema to keep, or null for none ({@code {}}, which validates nothing, or after an error)
     */
    static JsonNode check(ExportContext ctx, JsonNode schema, String file, String prefix) {
        String at = prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
        if (!schema.isObject()) {
            ctx.problems.error(file, at, RuleCheck.shown(schema), "must be a JSON Schema object",
                    "write {\"bsonType\": \"object\", \"properties\": {...}}");
            return null;
        }
        if (schema.isEmpty()) return null;
        int before = ctx.problems.errors().size();
        for (Error e : META.validate(schema)) {
            String where = e.getInstanceLocation().toString();
            JsonNode value = e.getInstanceNode();
            if (unknownKeyword(e)) {
                // reported on the object that holds it: name the keyword itself
                where = where + "/" + e.getProperty().replace("~", "~0").replace("/", "~1");
                value = null;
            }
            ctx.problems.error(file, path(prefix, schema, where), RuleCheck.shown(value), message(e), fix(e));
        }
        walk(ctx, schema, file, prefix);
        JsonNode type = schema.has("bsonType") ? schema.get("bsonType") : schema.get("type");
        if (type == null || !type.isTextual() || !type.textValue().equals("object")) {
            ctx.problems.error(file, at == null ? "bsonType" : prefix + "bsonType", RuleCheck.shown(type),
                    "must be \"object\": a collection's schema describes its documents",
                    "add \"bsonType\": \"object\" at the top of the schema");
        }
        return ctx.problems.errors().size() == before ? schema : null;
    }

    /** Type names and {@code validate} expressions, in every sub-schema. */
    private static void walk(ExportContext ctx, JsonNode schema, String file, String prefix) {
        if (!schema.isObject()) return;
        names(ctx, schema.get("bsonType"), BSON_TYPES, file, prefix + "bsonType");
        names(ctx, schema.get("type"), JSON_TYPES, file, prefix + "type");
        if (schema.has("bsonType") && schema.has("type")) {
            ctx.problems.error(file, prefix + "type", RuleCheck.shown(schema.get("type")), "cannot stand beside bsonType",
                    "keep only \"bsonType\"");
        }
        if (schema.has("validate")) ctx.ruleExpression(schema.get("validate"), file, prefix + "validate");
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (ONE.contains(key) && v.isObject()) walk(ctx, v, file, prefix + key + ".");
            if (ARRAY.contains(key) && v.isArray()) {
                for (int i = 0; i < v.size(); i++) walk(ctx, v.get(i), file, prefix + key + "[" + i + "].");
            }
            if (MAP.contains(key) && v.isObject()) {
                v.fields().forEachRemaining(f -> walk(ctx, f.getValue(), file, prefix + key + "." + f.getKey() + "."));
            }
        }
    }

    private static void names(ExportContext ctx, JsonNode type, List<String> known, String file, String field) {
        if (type == null) return;
        for (JsonNode name : type.isArray() ? type : List.of(type)) {
            if (name.isTextual() && known.contains(name.textValue())) continue;
            String fix = "use one of " + String.join(", ", known);
            if (name.isTextual() && name.textValue().equals("integer")) fix = "use \"bsonType\": \"int\" or \"long\"";
            ctx.problems.error(file, field, RuleCheck.shown(name), "is not a type App Services schemas know", fix);
        }
    }

    /** A JSON Pointer into {@code schema} ("/properties/n/minimum") as a field path ("properties.n.minimum"). */
    private static String path(String prefix, JsonNode schema, String pointer) {
        StringBuilder out = new StringBuilder(prefix);
        JsonNode at = schema;
        for (String raw : pointer.split("/")) {
            if (raw.isEmpty()) continue;
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (at != null && at.isArray()) {
                out.setLength(out.length() - 1);
                out.append('[').append(segment).append("].");
                at = at.path(Integer.parseInt(segment));
            } else {
                out.append(segment).append('.');
                at = at == null ? null : at.get(segment);
            }
        }
        if (out.length() > 0) out.setLength(out.length() - 1);
        return out.length() == 0 ? null : out.toString();
    }

    private static String message(Error e) {
        if (unknownKeyword(e)) return "is not a schema keyword App Services knows";
        String m = e.getMessage();
        // the library may start its message with the location, which the problem already names
        int colon = m.indexOf(": ");
        return "is not valid JSON Schema: " + (colon >= 0 && m.startsWith("$") ? m.substring(colon + 2) : m);
    }

    private static boolean unknownKeyword(Error e) {
        return "additionalProperties".equals(e.getKeyword()) && e.getProperty() != null;
    }

    private static String fix(Error e) {
        if (unknownKeyword(e)) {
            return "remove it or correct its spelling (draft 4 keywords, bsonType, validate)";
        }
        return "correct the schema as JSON Schema draft 4 with App Services' bsonType; see the App Services schema docs";
    }

    private static Schema metaSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("app-services-schema.json")) {
            JsonNode meta = new ObjectMapper().readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(meta);
        } catch (IOException e) {
            throw new UncheckedIOException("the plugin jar lacks app-services-schema.json", e);
        }
    }
}
