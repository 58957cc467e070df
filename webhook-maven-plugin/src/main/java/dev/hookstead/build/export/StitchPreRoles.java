package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Stitch's rule format from before roles ({@code read}, {@code write}, {@code valid}, {@code fields},
 * {@code other_fields}, {@code filters}), converted as spec 1.6 recommends: one role "default" with
 * {@code apply_when: {}}, {@code other_fields} as {@code additional_fields} and {@code valid} as the schema's
 * {@code validate}. Its filters had another shape, which no source documents, so they are refused.
 */
final class StitchPreRoles {

    private StitchPreRoles() {
    }

    /** The same rule in the roles format, for {@link RuleCheck} to check like any other. */
    static ObjectNode convert(ExportContext ctx, ConfigNode cfg) {
        ObjectNode out = ctx.files.emptyObject();
        ObjectNode role = out.objectNode();
        role.put("name", "default");
        role.set("apply_when", role.objectNode());
        ObjectNode schema = null;
        for (Map.Entry<String, JsonNode> e : cfg.node().properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "read", "write" -> role.set(key, v);
                case "other_fields" -> role.set("additional_fields", v);
                case "fields" -> {
                    ObjectNode validators = out.objectNode();
                    role.set("fields", fields(v, validators));
                    if (!validators.isEmpty()) schema = schema(schema, out).set("properties", validators);
                }
                case "valid" -> schema = (ObjectNode) schema(schema, out).set("validate", v);
                case "filters" -> {
                    if (!v.isArray() || !v.isEmpty()) {
                        ctx.problems.error(cfg.file(), "filters", RuleCheck.shown(v), "is in the Stitch format from "
                                        + "before roles, whose filters Hookstead cannot convert",
                                "rewrite them as [{\"name\", \"apply_when\", \"query\", \"projection\"}] beside "
                                        + "\"roles\" (see docs/compatibility.md, Rules: what the build accepts)");
                    }
                }
                default -> out.set(key, v);
            }
        }
        out.set("roles", out.arrayNode().add(role));
        if (schema != null) out.set("schema", schema);
        ctx.problems.warning(cfg.file(), null, null, "is in the Stitch rule format from before roles and was converted "
                        + "to one role \"default\" (read, write, fields, other_fields as additional_fields, valid as the "
                        + "schema's validate)",
                "check the converted rule in WEB-INF/hookstead/manifest.json, or rewrite the file with \"roles\"");
        return out;
    }

    /** Field rules keep read and write; each field's {@code valid} moves to the schema's properties. */
    private static JsonNode fields(JsonNode fields, ObjectNode validators) {
        if (!fields.isObject()) return fields;
        ObjectNode out = fields.deepCopy();
        out.properties().forEach(e -> {
            if (e.getValue() instanceof ObjectNode rule && rule.has("valid")) {
                validators.set(e.getKey(), rule.objectNode().set("validate", rule.remove("valid")));
            }
        });
        return out;
    }

    private static ObjectNode schema(ObjectNode schema, ObjectNode factory) {
        if (schema != null) return schema;
        ObjectNode s = factory.objectNode();
        s.put("bsonType", "object");
        return s;
    }
}
