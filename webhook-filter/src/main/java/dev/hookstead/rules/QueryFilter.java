package dev.hookstead.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.bson.Ejson;
import dev.hookstead.expression.Expression;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.Map;
import java.util.Set;

/**
 * A filter (spec mongodb-rules 1.5, 2.5): when {@code apply_when} holds for the request, its {@code query} is added
 * to the operation's query and its {@code projection} to the projection. {@code %%} strings in the query are
 * expanded per request; a missing expansion makes the query match nothing.
 */
record QueryFilter(String name, Expression applyWhen, BsonDocument query, BsonDocument projection) {

    private static final Set<String> KEYS = Set.of("name", "apply_when", "query", "projection");

    static QueryFilter parse(JsonNode node, String where) {
        RuleJson.onlyKeys(node, KEYS, where);
        String name = RuleJson.text(node, "name", where);
        String at = where + " '" + name + "'";
        BsonDocument query = document(node.get("query"), at + ".query");
        refuseOperators(query, at + ".query");
        BsonDocument projection = document(node.get("projection"), at + ".projection");
        if (Projections.kind(projection) == null) {
            throw new IllegalArgumentException(at + ".projection mixes included and excluded fields");
        }
        return new QueryFilter(name, RuleJson.expression(node, "apply_when", at), query, projection);
    }

    private static BsonDocument document(JsonNode node, String where) {
        if (node == null || node.isNull()) return new BsonDocument();
        if (!node.isObject()) throw new IllegalArgumentException(where + " is " + RuleJson.describe(node) + "; expected an object");
        return Ejson.parse(node.toString()).asDocument();
    }

    /** Only %% expansions are expanded in a query; %function and other rule operators are not MongoDB's. */
    private static void refuseOperators(BsonValue value, String where) {
        if (value.isDocument()) {
            for (Map.Entry<String, BsonValue> e : value.asDocument().entrySet()) {
                if (e.getKey().startsWith("%")) {
                    throw new IllegalArgumentException(where + " uses '" + e.getKey() + "'; a filter query may use"
                            + " only MongoDB operators and %% expansions as values");
                }
                refuseOperators(e.getValue(), where + "." + e.getKey());
            }
        } else if (value.isArray()) {
            for (BsonValue element : value.asArray()) refuseOperators(element, where);
        }
    }

    /** Whether the filter applies: true, or its apply_when could not be evaluated (so it restricts, fail closed). */
    boolean applies(RuleContext ctx) {
        if (applyWhen == null) return true;
        return !Boolean.FALSE.equals(ctx.document(null, null).evaluate(applyWhen));
    }

    /** The query with its %% expansions replaced; null when one is missing (then nothing may match). */
    BsonDocument expandedQuery(RuleContext ctx) {
        BsonValue expanded = expand(query, ctx);
        return expanded == null ? null : expanded.asDocument();
    }

    private static BsonValue expand(BsonValue value, RuleContext ctx) {
        if (value.isString() && value.asString().getValue().startsWith("%%")) {
            return Expansion.resolve(value.asString().getValue(), ctx);
        }
        if (value.isDocument()) {
            BsonDocument out = new BsonDocument();
            for (Map.Entry<String, BsonValue> e : value.asDocument().entrySet()) {
                BsonValue v = expand(e.getValue(), ctx);
                if (v == null) return null;
                out.append(e.getKey(), v);
            }
            return out;
        }
        if (value.isArray()) {
            BsonArray out = new BsonArray();
            for (BsonValue element : value.asArray()) {
                BsonValue v = expand(element, ctx);
                if (v == null) return null;
                out.add(v);
            }
            return out;
        }
        return value;
    }
}
