package dev.hookstead.rules;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.services.MongoFailure;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        BsonDocument[] projection = {null};
        boolean[] any = {false};
        BsonDocument match;
        try {
            match = rules.selection(ctx, role -> {
                View view = view(role, ctx);
                if (view == null) throw cannot(rules, role, "its read permissions depend on the document");
                if (view == View.NONE) return false;
                if (any[0] && !Objects.equals(projection[0], view.projection)) {
                    throw cannot(rules, role, "its roles let the caller read different fields");
                }
                projection[0] = view.projection;
                any[0] = true;
                return true;
            });
        } catch (NamespaceRules.Inexpressible e) {
            throw cannot(rules, e.role, "its apply_when cannot be turned into a query");
        }
        List<BsonDocument> stages = new ArrayList<>();
        stages.add(new BsonDocument("$match", match));
        if (projection[0] != null) stages.add(new BsonDocument("$project", projection[0]));
        return stages;
    }

    /**
     * Whether the role surely lets the caller read nothing of any document (false when that depends on the
     * document), so a read need not fetch the documents it is the role for.
     */
    static boolean readsNothing(Role role, RuleContext ctx) {
        return view(role, ctx) == View.NONE;
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
}
