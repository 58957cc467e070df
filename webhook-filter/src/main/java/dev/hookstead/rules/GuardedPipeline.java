package dev.hookstead.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.bson.Ejson;
import dev.hookstead.expression.Expression;
import dev.hookstead.expression.ExpressionParser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.services.MongoFailure;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregation for an application user (spec mongodb-rules 3.1, 3.2): only the stages and operators the platform
 * allowed, and the rules applied at the pipeline's input, inside the database. The stages it puts first are the
 * filters' {@code $match} and {@code $project}, then a {@code $match} selecting the documents some role lets the caller
 * read (each role's {@code apply_when} turned into a query, first matching role wins) and a {@code $project} keeping the
 * fields they may read. When the roles cannot be expressed that way (permissions that depend on the document, roles
 * showing different fields), the aggregation is refused rather than run unguarded.
 */
final class GuardedPipeline {

    private static final Set<String> ALLOWED_STAGES = Set.of("$addFields", "$bucket", "$bucketAuto", "$count",
            "$densify", "$fill", "$group", "$limit", "$match", "$project", "$redact", "$replaceRoot", "$replaceWith",
            "$sample", "$set", "$setWindowFields", "$skip", "$sort", "$sortByCount", "$unset", "$unwind");
    private static final Set<String> SYSTEM_STAGES = Set.of("$collStats", "$facet", "$geoNear", "$graphLookup",
            "$indexStats", "$lookup", "$merge", "$out", "$unionWith", "$search", "$searchMeta", "$vectorSearch",
            "$changeStream", "$currentOp", "$listSessions", "$listLocalSessions", "$planCacheStats", "$documents",
            "$shardedDataDistribution", "$listSearchIndexes");
    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "exists");

    private GuardedPipeline() {
    }

    /** Refuses stages and operators only System may use; unknown stages get the server's message. */
    static void check(List<BsonDocument> pipeline) {
        for (BsonDocument stage : pipeline) {
            if (stage.size() != 1) {
                throw new MongoFailure(ErrorCode.MongoDBError, "A pipeline stage specification object must contain"
                        + " exactly one field.", 40323);
            }
            String name = stage.getFirstKey();
            if (SYSTEM_STAGES.contains(name)) throw Denials.systemOnly("the aggregation stage " + name);
            if (!ALLOWED_STAGES.contains(name)) {
                throw new MongoFailure(ErrorCode.MongoDBError, "Unrecognized pipeline stage name: '" + name + "'", 40324);
            }
            Queries.refuseSystemOnly(stage);
        }
    }

    /** The {@code $match} and {@code $project} that apply the namespace's roles at the pipeline's input. */
    static List<BsonDocument> roleStages(NamespaceRules rules, RuleContext ctx) {
        List<BsonDocument> earlier = new ArrayList<>();
        BsonArray visible = new BsonArray();
        BsonDocument projection = null;
        boolean any = false;
        for (Role role : rules.roles()) {
            BsonDocument applies = role.applyWhenJson() == null ? new BsonDocument() : query(role.applyWhenJson(), ctx);
            if (applies == null) throw cannot(rules, role, "its apply_when cannot be turned into a query");
            View view = view(role, ctx);
            if (view == null) throw cannot(rules, role, "its read permissions depend on the document");
            if (view != View.NONE) {
                BsonDocument clause = earlier.isEmpty() ? applies
                        : Queries.and(applies, List.of(new BsonDocument("$nor", new BsonArray(earlier))));
                visible.add(clause);
                if (any && !java.util.Objects.equals(projection, view.projection)) {
                    throw cannot(rules, role, "its roles let the caller read different fields");
                }
                projection = view.projection;
                any = true;
            }
            earlier.add(applies);
        }
        List<BsonDocument> stages = new ArrayList<>();
        stages.add(new BsonDocument("$match", !any ? Queries.nothing()
                : visible.size() == 1 ? visible.get(0).asDocument() : new BsonDocument("$or", visible)));
        if (projection != null) stages.add(new BsonDocument("$project", projection));
        return stages;
    }

    private static MongoFailure cannot(NamespaceRules rules, Role role, String why) {
        return new MongoFailure(ErrorCode.InvalidParameter, "aggregate on " + rules.namespace() + " is not available"
                + " to application users: role '" + role.name() + "' cannot be applied inside a pipeline (" + why
                + "); use find, or run the aggregation in a System function", null);
    }

    /** What a role lets the caller read of any document: nothing, everything, or a projection. */
    private static final class View {
        static final View NONE = new View(null);
        static final View ALL = new View(null);
        final BsonDocument projection;

        View(BsonDocument projection) {
            this.projection = projection;
        }
    }

    /** The role's read view, or null when it depends on the document. */
    private static View view(Role role, RuleContext ctx) {
        ctx.probe();
        try {
            boolean readGate = ctx.allows(role.readFilter(), true);
            boolean writeGate = ctx.allows(role.writeFilter(), true);
            if (!readGate && (role.writeFilter() == null || !writeGate)) return View.NONE;
            if (readGate && role.read() != null && ctx.allows(role.read(), false)
                    || writeGate && role.write() != null && ctx.allows(role.write(), false)) {
                return View.ALL;
            }
            boolean additional = readGate && ctx.allows(role.additionalRead(), false)
                    || writeGate && ctx.allows(role.additionalWrite(), false);
            Set<String> shown = new LinkedHashSet<>();
            Set<String> hidden = new LinkedHashSet<>();
            if (!fields(role.fields(), "", readGate, writeGate, ctx, shown, hidden, additional)) return null;
            BsonDocument projection = new BsonDocument();
            if (additional) {
                if (hidden.isEmpty()) return View.ALL;
                hidden.forEach(p -> projection.append(p, new BsonInt32(0)));
                return new View(projection);
            }
            if (shown.isEmpty()) return View.NONE;
            shown.forEach(p -> projection.append(p, new BsonInt32(1)));
            if (!shown.contains("_id")) projection.append("_id", new BsonInt32(0));
            return new View(projection);
        } catch (RuleContext.DependsOnDocument depends) {
            return null;
        }
    }

    private static boolean fields(Map<String, FieldRule> rules, String prefix, boolean readGate, boolean writeGate,
                                  RuleContext ctx, Set<String> shown, Set<String> hidden, boolean exclusive) {
        for (Map.Entry<String, FieldRule> e : rules.entrySet()) {
            String path = prefix + e.getKey();
            FieldRule rule = e.getValue();
            if (readGate && ctx.allows(rule.read(), false) || writeGate && ctx.allows(rule.write(), false)) {
                shown.add(path);
            } else if (rule.fields().isEmpty()) {
                hidden.add(path);
            } else if (exclusive) {
                return false; // unlisted embedded fields are hidden, which an exclusion cannot name
            } else if (!fields(rule.fields(), path + ".", readGate, writeGate, ctx, shown, hidden, false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A rule expression as a MongoDB query on the document: plain and {@code %%root.} keys become field conditions
     * (equality and the comparison operators), other expansions are evaluated now, %and/%or/%nor nest. Null when the
     * expression has anything else.
     */
    static BsonDocument query(JsonNode expression, RuleContext ctx) {
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
            BsonDocument q = query(clause, ctx);
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
