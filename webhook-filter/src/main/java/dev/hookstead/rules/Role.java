package dev.hookstead.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.expression.Expression;

import java.util.Map;
import java.util.Set;

/**
 * A role (spec mongodb-rules 1.4), immutable. Absent expressions are null and take the documented defaults:
 * {@code apply_when}, {@code document_filters.*}, {@code insert} and {@code delete} true; {@code read} and
 * {@code write} undefined; field and additional-field permissions false.
 *
 * @param applyWhenJson the exported {@code apply_when}, kept for pushing it into aggregation pipelines
 */
record Role(String name, Expression applyWhen, JsonNode applyWhenJson, Expression readFilter, Expression writeFilter,
            Expression read, Expression write, Expression insert, Expression delete, boolean search,
            Map<String, FieldRule> fields, Expression additionalRead, Expression additionalWrite) {

    private static final Set<String> KEYS = Set.of("name", "apply_when", "document_filters", "read", "write",
            "insert", "delete", "search", "fields", "additional_fields");

    static Role parse(JsonNode node, String where) {
        RuleJson.onlyKeys(node, KEYS, where);
        String name = RuleJson.text(node, "name", where);
        String at = where + " '" + name + "'";
        JsonNode filters = node.get("document_filters");
        Expression readFilter = null;
        Expression writeFilter = null;
        if (filters != null && !filters.isNull()) {
            RuleJson.onlyKeys(filters, Set.of("read", "write"), at + ".document_filters");
            readFilter = RuleJson.expression(filters, "read", at + ".document_filters");
            writeFilter = RuleJson.expression(filters, "write", at + ".document_filters");
        }
        JsonNode additional = node.get("additional_fields");
        Expression additionalRead = null;
        Expression additionalWrite = null;
        if (additional != null && !additional.isNull()) {
            RuleJson.onlyKeys(additional, Set.of("read", "write"), at + ".additional_fields");
            additionalRead = RuleJson.expression(additional, "read", at + ".additional_fields");
            additionalWrite = RuleJson.expression(additional, "write", at + ".additional_fields");
        }
        JsonNode search = node.get("search");
        if (search != null && !search.isNull() && !search.isBoolean()) {
            throw new IllegalArgumentException(at + ".search is " + RuleJson.describe(search) + "; expected true or false");
        }
        JsonNode applyWhen = node.get("apply_when");
        return new Role(name, RuleJson.expression(node, "apply_when", at), applyWhen == null ? null : applyWhen.deepCopy(),
                readFilter, writeFilter, RuleJson.expression(node, "read", at), RuleJson.expression(node, "write", at),
                RuleJson.expression(node, "insert", at), RuleJson.expression(node, "delete", at),
                search == null || search.isNull() || search.booleanValue(),
                FieldRule.parseAll(node.get("fields"), at + ".fields"), additionalRead, additionalWrite);
    }
}
