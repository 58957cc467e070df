package dev.hookstead.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.expression.Expression;
import dev.hookstead.expression.ExpressionException;
import dev.hookstead.expression.ExpressionParser;

import java.util.Iterator;
import java.util.Set;

/** Reading the normalised rules form (notes/rules-contract.md); anything unexpected refuses start-up. */
final class RuleJson {

    private RuleJson() {
    }

    static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " is " + describe(node) + "; expected an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + " has unknown key '" + key + "'; allowed: " + allowed);
            }
        }
    }

    /** A rule expression, or null when the key is absent or JSON null (left undefined). */
    static Expression expression(JsonNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) return null;
        try {
            return ExpressionParser.parseRule(node);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(where + "." + key + ": " + e.getMessage(), e);
        }
    }

    static String text(JsonNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(where + "." + key + " is " + describe(node) + "; expected a string");
        }
        return node.textValue();
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "missing";
        String json = node.toString();
        return json.length() > 60 ? json.substring(0, 57) + "..." : json;
    }
}
