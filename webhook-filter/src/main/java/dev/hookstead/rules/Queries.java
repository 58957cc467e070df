package dev.hookstead.rules;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the rules need of an application user's query: its forbidden operators, the paths it reads, merging. */
final class Queries {

    /** System-only query and aggregation operators (spec mongodb-rules 3.1), and server-side JavaScript. */
    static final Set<String> SYSTEM_ONLY_OPERATORS = Set.of("$expr", "$jsonSchema", "$regex", "$text", "$where",
            "$geoIntersects", "$geoWithin", "$near", "$nearSphere", "$bitsAllClear", "$bitsAllSet", "$bitsAnyClear",
            "$bitsAnySet", "$function", "$accumulator", "$setIsSubset");

    private static final Set<String> LOGICAL = Set.of("$and", "$or", "$nor");

    private Queries() {
    }

    /** Refuses System-only operators anywhere in the value, and regular expressions (the same as $regex). */
    static void refuseSystemOnly(BsonValue value) {
        if (value.isDocument()) {
            for (Map.Entry<String, BsonValue> e : value.asDocument().entrySet()) {
                if (SYSTEM_ONLY_OPERATORS.contains(e.getKey())) throw Denials.systemOnly("the operator " + e.getKey());
                refuseSystemOnly(e.getValue());
            }
        } else if (value.isArray()) {
            for (BsonValue element : value.asArray()) refuseSystemOnly(element);
        } else if (value.isRegularExpression()) {
            throw Denials.systemOnly("a regular expression in a query (the operator $regex)");
        } else if (value.isJavaScript() || value.isJavaScriptWithScope()) {
            throw Denials.systemOnly("JavaScript in a query");
        }
    }

    /** The field paths a query tests, each split at dots; the rules require them readable in a matched document. */
    static List<List<String>> paths(BsonDocument query) {
        Set<String> paths = new LinkedHashSet<>();
        collect(query, paths);
        List<List<String>> out = new ArrayList<>();
        for (String p : paths) out.add(Arrays.asList(p.split("\\.", -1)));
        return out;
    }

    private static void collect(BsonDocument query, Set<String> paths) {
        for (Map.Entry<String, BsonValue> e : query.entrySet()) {
            if (LOGICAL.contains(e.getKey()) && e.getValue().isArray()) {
                for (BsonValue clause : e.getValue().asArray()) {
                    if (clause.isDocument()) collect(clause.asDocument(), paths);
                }
            } else if (!e.getKey().startsWith("$")) {
                paths.add(e.getKey());
            }
        }
    }

    /** The sort's field paths. */
    static List<List<String>> sortPaths(BsonDocument sort) {
        List<List<String>> out = new ArrayList<>();
        if (sort != null) for (String key : sort.keySet()) out.add(Arrays.asList(key.split("\\.", -1)));
        return out;
    }

    /** {@code {$and: [query, ...filterQueries]}}, never overwriting a key of the caller's query (spec 2.5). */
    static BsonDocument and(BsonDocument query, List<BsonDocument> more) {
        if (more.isEmpty()) return query;
        BsonArray all = new BsonArray();
        if (!query.isEmpty()) all.add(query);
        all.addAll(more);
        return all.size() == 1 ? all.get(0).asDocument() : new BsonDocument("$and", all);
    }

    /** Whether the query is {@code {_id: value}} alone, an equality on the one key unique in every collection. */
    static boolean byId(BsonDocument query) {
        if (query.size() != 1 || !query.containsKey("_id")) return false;
        BsonValue id = query.get("_id");
        return !id.isDocument() || id.asDocument().keySet().stream().noneMatch(k -> k.startsWith("$"));
    }

    /** A query no document matches. */
    static BsonDocument nothing() {
        return new BsonDocument("_id", new BsonDocument("$in", new BsonArray()));
    }

    /**
     * The document an upsert starts from: the query's equality conditions (top level and inside $and), dotted paths
     * expanded, and an ObjectId {@code _id} when the query fixes none.
     */
    static BsonDocument upsertBase(BsonDocument query) {
        BsonDocument base = new BsonDocument();
        equalities(query, base);
        if (!base.containsKey("_id")) {
            BsonDocument withId = new BsonDocument("_id", new BsonObjectId(new ObjectId()));
            withId.putAll(base);
            return withId;
        }
        return base;
    }

    private static void equalities(BsonDocument query, BsonDocument base) {
        for (Map.Entry<String, BsonValue> e : query.entrySet()) {
            if (e.getKey().equals("$and") && e.getValue().isArray()) {
                for (BsonValue clause : e.getValue().asArray()) {
                    if (clause.isDocument()) equalities(clause.asDocument(), base);
                }
                continue;
            }
            if (e.getKey().startsWith("$")) continue;
            BsonValue value = e.getValue();
            if (value.isDocument() && value.asDocument().keySet().stream().anyMatch(k -> k.startsWith("$"))) {
                if (value.asDocument().size() != 1 || !value.asDocument().containsKey("$eq")) continue;
                value = value.asDocument().get("$eq");
            }
            if (value.isRegularExpression()) continue;
            setPath(base, e.getKey().split("\\."), value);
        }
    }

    private static void setPath(BsonDocument base, String[] path, BsonValue value) {
        BsonDocument at = base;
        for (int i = 0; i < path.length - 1; i++) {
            BsonValue next = at.get(path[i]);
            if (next == null || !next.isDocument()) {
                next = new BsonDocument();
                at.put(path[i], next);
            }
            at = next.asDocument();
        }
        at.put(path[path.length - 1], value);
    }

    /** Pins a write to the checked pre-image: its _id and every top-level value, so a concurrent change misses. */
    static BsonDocument pinned(BsonDocument before) {
        BsonDocument filter = new BsonDocument("_id", before.get("_id"));
        for (Map.Entry<String, BsonValue> e : before.entrySet()) {
            if (!e.getKey().equals("_id")) filter.append(e.getKey(), new BsonDocument("$eq", e.getValue()));
        }
        return filter;
    }
}
