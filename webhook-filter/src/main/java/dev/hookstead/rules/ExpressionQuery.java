package dev.hookstead.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.bson.Ejson;
import dev.hookstead.expression.Expression;
import dev.hookstead.expression.ExpressionParser;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule expression as a MongoDB query on the document, so the database can select what the rules select:
 * {@code apply_when} pushed into aggregation pipelines and into the queries of reads and writes.
 */
final class ExpressionQuery {

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "exists");

    private ExpressionQuery() {
    }

    /**
     * A rule expression as a MongoDB query on the document: plain and {@code %%root.} keys become field conditions
     * (equality and the comparison operators), other expansions are evaluated now, %and/%or/%nor nest. Null when the
     * expression has anything else.
     */
    static BsonDocument of(JsonNode expression, RuleContext ctx) {
        if (expression.isBoolean()) return expression.booleanValue() ? new BsonDocument() : Queries.nothing();
        if (!expression.isObject()) return null;
        List<BsonDocument> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expression.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            BsonDocument part;
            if (key.equals("%%root") || key.startsWith("%%prevRoot") || key.startsWith("%%this")
                    || key.startsWith("%%prev")) {
                return null;
            } else if (key.startsWith("%%root.")) {
                part = condition(key.substring("%%root.".length()), e.getValue(), ctx);
            } else if (key.startsWith("%%")) {
                part = constant(key, e.getValue(), ctx);
            } else if (key.length() > 1 && (key.charAt(0) == '%' || key.charAt(0) == '$')) {
                part = logical(key.substring(1), e.getValue(), ctx);
            } else {
                part = condition(key, e.getValue(), ctx);
            }
            if (part == null) return null;
            if (!part.isEmpty()) parts.add(part);
        }
        if (parts.isEmpty()) return new BsonDocument();
        return parts.size() == 1 ? parts.get(0) : new BsonDocument("$and", new BsonArray(parts));
    }

    private static BsonDocument logical(String operator, JsonNode clauses, RuleContext ctx) {
        if (!Set.of("and", "or", "nor").contains(operator) || !clauses.isArray() || clauses.isEmpty()) return null;
        BsonArray out = new BsonArray();
        for (JsonNode clause : clauses) {
            BsonDocument q = of(clause, ctx);
            if (q == null) return null;
            out.add(q);
        }
        return new BsonDocument("$" + operator, out);
    }

    /** A condition on a non-document expansion, decided now: {} when true, a query matching nothing when false. */
    private static BsonDocument constant(String key, JsonNode value, RuleContext ctx) {
        ObjectNode single = JsonNodeFactory.instance.objectNode();
        single.set(key, value);
        Expression expression = ExpressionParser.parseRule(single);
        try {
            Boolean result = ctx.probe().evaluate(expression);
            if (result == null) return null;
            return result ? new BsonDocument() : Queries.nothing();
        } catch (RuleContext.DependsOnDocument depends) {
            return null;
        }
    }

    private static BsonDocument condition(String field, JsonNode value, RuleContext ctx) {
        if (value.isObject() && value.size() > 0) {
            String first = value.fieldNames().next();
            if (first.startsWith("%") && !first.startsWith("%%") || first.startsWith("$") && !isEjson(value)) {
                BsonDocument operators = new BsonDocument();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String op = e.getKey().substring(1);
                    if (!COMPARISONS.contains(op) || e.getKey().startsWith("%%")) return null;
                    BsonValue operand = op.equals("exists") ? (e.getValue().isBoolean()
                            ? org.bson.BsonBoolean.valueOf(e.getValue().booleanValue()) : null) : operand(e.getValue(), ctx);
                    if (operand == null) return null;
                    if (operand == MISSING) return op.equals("ne") || op.equals("nin") ? new BsonDocument() : Queries.nothing();
                    operators.append("$" + op, operand);
                }
                return new BsonDocument(field, operators);
            }
        }
        BsonValue operand = operand(value, ctx);
        if (operand == null) return null;
        if (operand == MISSING) return Queries.nothing(); // a missing expansion equals nothing
        return new BsonDocument(field, new BsonDocument("$eq", operand));
    }

    /** Marks a missing expansion. */
    private static final BsonValue MISSING = new org.bson.BsonSymbol("\u0000missing");

    private static boolean isEjson(JsonNode value) {
        return value.fieldNames().next().startsWith("$") && Set.of("$oid", "$numberInt", "$numberLong", "$numberDouble",
                "$numberDecimal", "$date", "$binary", "$uuid", "$timestamp").contains(value.fieldNames().next());
    }

    /** A value with its non-document expansions resolved; null when it reads the document or holds operators. */
    private static BsonValue operand(JsonNode value, RuleContext ctx) {
        if (value.isTextual() && value.textValue().startsWith("%%")) {
            String text = value.textValue();
            if (text.startsWith("%%root") || text.startsWith("%%prev") || text.startsWith("%%this")) return null;
            BsonValue resolved = Expansion.resolve(text, ctx.document(null, null));
            return resolved == null ? MISSING : resolved;
        }
        if (value.isObject() && !isEjson(value)) {
            BsonDocument out = new BsonDocument();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith("%") || e.getKey().startsWith("$")) return null;
                BsonValue v = operand(e.getValue(), ctx);
                if (v == null || v == MISSING) return null;
                out.append(e.getKey(), v);
            }
            return out;
        }
        if (value.isArray()) {
            BsonArray out = new BsonArray();
            for (JsonNode element : value) {
                BsonValue v = operand(element, ctx);
                if (v == null || v == MISSING) return null;
                out.add(v);
            }
            return out;
        }
        return Ejson.parse("{\"v\":" + value + "}").asDocument().get("v");
    }
}
