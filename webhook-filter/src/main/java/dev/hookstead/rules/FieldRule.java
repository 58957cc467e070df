package dev.hookstead.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.expression.Expression;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a role's {@code fields}: read and write (missing means false) and the rules of embedded fields. A
 * permission on the field covers everything inside it, whatever the embedded rules say.
 */
record FieldRule(Expression read, Expression write, Map<String, FieldRule> fields) {

    static Map<String, FieldRule> parseAll(JsonNode node, String where) {
        if (node == null || node.isNull()) return Map.of();
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " is " + RuleJson.describe(node) + "; expected an object");
        }
        Map<String, FieldRule> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isEmpty() || e.getKey().contains(".") || e.getKey().startsWith("$")) {
                throw new IllegalArgumentException(where + " has the field name '" + e.getKey()
                        + "'; embedded fields go under \"fields\"");
            }
            out.put(e.getKey(), parse(e.getValue(), where + "." + e.getKey()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static FieldRule parse(JsonNode node, String where) {
        RuleJson.onlyKeys(node, Set.of("read", "write", "fields"), where);
        return new FieldRule(RuleJson.expression(node, "read", where), RuleJson.expression(node, "write", where),
                parseAll(node.get("fields"), where + ".fields"));
    }
}
