package dev.hookstead.rules;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import dev.hookstead.bson.BsonOrder;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.services.Arguments;
import dev.hookstead.services.MongoFailure;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The collection methods for an application user, under one namespace's rules (spec mongodb-rules 3.2). Reads run the
 * caller's query with the applicable filters' queries and projections merged in, and the role selection when it can
 * be written as a query (so the database returns only documents some role may read), then judge each returned document
 * by its role, dropping unreadable documents and fields (and documents whose queried or sorted fields the caller
 * could not read, so a query cannot probe hidden values); the caller's projection, skip and limit apply after that.
 * Writes are planned first: pre-images through the merged query (narrowed to documents some role applies to),
 * post-images computed exactly, every document judged by role and schema; only when all pass is anything written,
 * each change pinned to the pre-image it was judged on. An updateOne that no decision needs a pre-image for goes to
 * the database unread, the role selection in its query.
 */
final class GuardedOperations {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedOperations.class);

    /** The platform's cap on documents one query returns (spec 8), as for System. */
    private static final int MAX_RESULTS = 50_000;

    private final MongoCollection<BsonDocument> collection;
    private final NamespaceRules rules;
    private final RuleContext ctx;

    GuardedOperations(MongoCollection<BsonDocument> collection, NamespaceRules rules, RuleContext ctx) {
        this.collection = collection;
        this.rules = rules;
        this.ctx = ctx;
    }

    BsonValue run(String method, BsonArray values) {
        Arguments args = new Arguments(method, values);
        return switch (method) {
            case "findOne" -> findOne(args);
            case "find" -> find(args);
            case "count", "countDocuments" -> count(args);
            case "distinct" -> distinct(args);
            case "aggregate" -> aggregate(args);
            case "insertOne" -> insertOne(args);
            case "insertMany" -> insertMany(args);
            case "updateOne", "updateMany" -> update(args);
            case "replaceOne" -> replaceOne(args);
            case "deleteOne" -> delete(args, false);
            case "deleteMany" -> delete(args, true);
            case "findOneAndUpdate", "findOneAndReplace" -> findOneAndModify(args);
            case "findOneAndDelete" -> findOneAndDelete(args);
            case "bulkWrite" -> bulkWrite(args);
            default -> throw new IllegalArgumentException("collection." + method + " is not a collection method");
        };
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    /** The filters' merged query and projection for this operation; the query is null when it can match nothing. */
    private record Applied(List<BsonDocument> queries, BsonDocument projection, boolean nothing) {
    }

    private Applied filters() {
        List<BsonDocument> queries = new ArrayList<>();
        List<BsonDocument> projections = new ArrayList<>();
        boolean nothing = false;
        for (QueryFilter filter : rules.filters()) {
            if (!filter.applies(ctx)) continue;
            BsonDocument query = filter.expandedQuery(ctx);
            if (query == null) {
                nothing = true;
            } else if (!query.isEmpty()) {
                queries.add(query);
            }
            if (!filter.projection().isEmpty()) projections.add(filter.projection());
        }
        return new Applied(queries, Projections.merge(projections), nothing);
    }

    private BsonDocument merged(BsonDocument query, Applied applied) {
        Queries.refuseSystemOnly(query);
        return applied.nothing() ? Queries.nothing() : Queries.and(query, applied.queries());
    }

    /**
     * The role selection for a read, pushed into its query so documents no role lets the caller read never leave the
     * database: roles that surely read nothing drop their documents (spec 2.2, first role wins). Empty when the roles
     * cannot be written as a query, or when a filter's projection applies (the per-document check then judges the
     * projected document, which a query on the stored one cannot mirror).
     */
    private BsonDocument readSelection(Applied applied) {
        if (applied.projection() != null) return new BsonDocument();
        return selection(role -> !GuardedPipeline.readsNothing(role, ctx));
    }

    /**
     * The documents a write may touch, pushed into its pre-image query: those some role's {@code apply_when}
     * selects, as documents without a role are never written. Nothing about what a role may write is pushed down.
     */
    private BsonDocument writeSelection() {
        return selection(role -> true);
    }

    private BsonDocument selection(java.util.function.Predicate<Role> keep) {
        try {
            return rules.selection(ctx, keep);
        } catch (NamespaceRules.Inexpressible e) {
            return new BsonDocument();
        }
    }

    /**
     * The query narrowed to a role selection; the per-document check still follows, the selection only spares work.
     * A query by {@code _id} alone is left as it is: it returns one document at most, and any other key next to
     * {@code _id} keeps mongo-java-server (the embedded database) from its {@code _id} index; the selection is not
     * even built then.
     */
    private static BsonDocument within(BsonDocument query, java.util.function.Supplier<BsonDocument> selection) {
        if (Queries.byId(query)) return query;
        BsonDocument narrowing = selection.get();
        return narrowing.isEmpty() ? query : Queries.and(query, List.of(narrowing));
    }

    /** One document as its role lets the caller read it, or null; {@code paths} must be readable too. */
    private BsonDocument readable(BsonDocument document, List<List<String>> paths) {
        ctx.document(document, document);
        Role role = Permissions.select(rules.roles(), ctx);
        if (role == null) return null;
        ctx.document(document, document);
        for (List<String> path : paths) {
            if (!Permissions.readable(role, path, document, ctx)) return null;
        }
        return Permissions.visible(role, document, ctx);
    }

    /**
     * Runs the merged query and hands each readable document (rules applied, caller's projection not yet) to
     * {@code sink} until it answers false.
     */
    private void scan(BsonDocument query, BsonDocument sort, Applied applied, List<List<String>> paths,
                      java.util.function.Predicate<BsonDocument> sink) {
        FindIterable<BsonDocument> found = collection.find(within(merged(query, applied), () -> readSelection(applied)))
                .projection(applied.projection()).sort(sort);
        try (MongoCursor<BsonDocument> cursor = found.iterator()) {
            while (cursor.hasNext()) {
                BsonDocument shown = readable(cursor.next(), paths);
                if (shown != null && !sink.test(shown)) return;
            }
        }
    }

    private static List<List<String>> paths(BsonDocument query, BsonDocument sort) {
        List<List<String>> paths = new ArrayList<>(Queries.paths(query));
        paths.addAll(Queries.sortPaths(sort));
        return paths;
    }

    /** findOne(filter?, projection?, options{sort, skip}?): the first readable match, looking past unreadable ones. */
    private BsonValue findOne(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        List<BsonDocument> found = read(args, options, 1);
        return found.isEmpty() ? BsonNull.VALUE : found.get(0);
    }

    private BsonValue find(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        Integer limit = args.intOption(options, "limit");
        return new BsonArray(read(args, options, limit == null || limit == 0 ? -1 : Math.abs(limit)));
    }

    private List<BsonDocument> read(Arguments args, BsonDocument options, int limit) {
        BsonDocument query = args.optionalDocument(0, "the filter");
        BsonDocument projection = args.given(1) ? args.document(1, "the projection") : null;
        if (projection != null) Projections.kind(projection); // refuses operators before the query runs
        BsonDocument sort = args.documentOption(options, "sort");
        int skip = skip(args, options);
        List<BsonDocument> out = new ArrayList<>();
        int[] skipped = {0};
        scan(query, sort, filters(), paths(query, sort), shown -> {
            if (skipped[0] < skip) {
                skipped[0]++;
                return true;
            }
            if (out.size() == MAX_RESULTS) throw tooMany();
            out.add(Projections.apply(shown, projection));
            return limit < 0 || out.size() < limit;
        });
        return out;
    }

    private static int skip(Arguments args, BsonDocument options) {
        Integer skip = args.intOption(options, "skip");
        if (skip != null && skip < 0) throw args.bad("option skip is " + skip, "0 or more");
        return skip == null ? 0 : skip;
    }

    private static MongoFailure tooMany() {
        return new MongoFailure(ErrorCode.MongoDBError, "query returned more than " + MAX_RESULTS + " documents, the"
                + " most one query may return; narrow the filter, or page with limit and skip", null);
    }

    /** count(filter?, options{limit, skip}?): the documents the caller could read. */
    private BsonValue count(Arguments args) {
        BsonDocument query = args.optionalDocument(0, "the filter");
        BsonDocument options = args.optionalDocument(1, "options");
        Integer limit = args.intOption(options, "limit");
        int skip = skip(args, options);
        long[] count = {0};
        scan(query, null, filters(), paths(query, null), shown -> {
            count[0]++;
            return limit == null || limit == 0 || count[0] - skip < Math.abs(limit);
        });
        return number(Math.max(0, count[0] - skip));
    }

    /** distinct(field, filter?): values of the field in the documents the caller can read, and only if readable. */
    private BsonValue distinct(Arguments args) {
        String field = args.string(0, "the field name");
        BsonDocument query = args.optionalDocument(1, "the filter");
        List<List<String>> paths = paths(query, null);
        List<String> path = List.of(field.split("\\.", -1));
        paths.add(path);
        BsonArray values = new BsonArray();
        scan(query, null, filters(), paths, shown -> {
            BsonValue value = UpdateApplier.get(shown, path);
            if (value != null) {
                for (BsonValue v : value.isArray() ? value.asArray() : List.of(value)) {
                    if (values.stream().noneMatch(existing -> same(existing, v))) {
                        if (values.size() == MAX_RESULTS) throw tooMany();
                        values.add(v);
                    }
                }
            }
            return true;
        });
        return values;
    }

    /** distinct's equality: BSON equality, numbers compared by value across types. */
    private static boolean same(BsonValue a, BsonValue b) {
        return a.equals(b) || (a.isNumber() || a.isDecimal128()) && (b.isNumber() || b.isDecimal128())
                && BsonOrder.equal(a, b);
    }

    /** aggregate(pipeline): see {@link GuardedPipeline}; the rules' stages run before the caller's. */
    private BsonValue aggregate(Arguments args) {
        List<BsonDocument> stages = args.documents(0, "the pipeline", true);
        GuardedPipeline.check(stages);
        Applied applied = filters();
        List<BsonDocument> pipeline = new ArrayList<>();
        pipeline.add(new BsonDocument("$match", applied.nothing() ? Queries.nothing()
                : Queries.and(new BsonDocument(), applied.queries())));
        if (applied.projection() != null) pipeline.add(new BsonDocument("$project", applied.projection()));
        pipeline.addAll(GuardedPipeline.roleStages(rules, ctx));
        pipeline.addAll(stages);
        BsonArray out = new BsonArray();
        try (MongoCursor<BsonDocument> cursor = collection.aggregate(pipeline).iterator()) {
            while (cursor.hasNext()) {
                if (out.size() == MAX_RESULTS) throw tooMany();
                out.add(cursor.next());
            }
        }
        return out;
    }

    // --- write planning ------------------------------------------------------------------------------------------

    /** One change, judged and ready to write. */
    private sealed interface Change permits Insert, Replace, Remove {
    }

    private record Insert(BsonDocument document) implements Change {
    }

    private record Replace(BsonDocument before, BsonDocument after) implements Change {
    }

    private record Remove(BsonDocument before) implements Change {
    }

    /** A matched document and the role it got. */
    private record Match(BsonDocument document, Role role) {
    }

    /** Documents a write may touch: matched by the merged query, with a role, their queried fields readable. */
    private List<Match> matches(BsonDocument query, BsonDocument sort, boolean many) {
        List<List<String>> paths = paths(query, sort);
        List<Match> out = new ArrayList<>();
        FindIterable<BsonDocument> found = collection.find(within(merged(query, filters()), this::writeSelection))
                .sort(sort);
        if (!many && paths.isEmpty()) found.limit(1);
        try (MongoCursor<BsonDocument> cursor = found.iterator()) {
            while (cursor.hasNext()) {
                BsonDocument document = cursor.next();
                ctx.document(document, document);
                Role role = Permissions.select(rules.roles(), ctx);
                if (role == null || !pathsReadable(role, document, paths)) continue;
                out.add(new Match(document, role));
                if (!many) break;
            }
        }
        return out;
    }

    private boolean pathsReadable(Role role, BsonDocument document, List<List<String>> paths) {
        ctx.document(document, document);
        for (List<String> path : paths) {
            if (!Permissions.readable(role, path, document, ctx)) return false;
        }
        return true;
    }

    /** Judges a new document: a role on it, write on all its fields, insert, then the schema. */
    private Insert planInsert(BsonDocument document) {
        BsonDocument withId = document;
        if (!document.containsKey("_id")) {
            withId = new BsonDocument("_id", new BsonObjectId(new ObjectId()));
            withId.putAll(document);
        }
        ctx.document(withId, null);
        Role role = Permissions.select(rules.roles(), ctx);
        if (role == null || !Permissions.mayWrite(role, null, withId, ctx)
                || !ctx.document(withId, null).allows(role.insert(), true)) {
            throw Denials.denied("insert");
        }
        checkSchema(withId, null, "insert");
        return new Insert(withId);
    }

    private Replace planUpdate(Match match, BsonDocument after) {
        if (!Objects.equals(match.document().get("_id"), after.get("_id"))) {
            throw new MongoFailure(ErrorCode.MongoDBError, "Performing an update on the path '_id' would modify the"
                    + " immutable field '_id'", 66);
        }
        if (!Permissions.mayWrite(match.role(), match.document(), after, ctx)) throw Denials.denied("update");
        checkSchema(after, match.document(), "update");
        return new Replace(match.document(), after);
    }

    private Remove planDelete(Match match) {
        if (!Permissions.mayWrite(match.role(), match.document(), null, ctx)
                || !ctx.document(match.document(), match.document()).allows(match.role().delete(), true)) {
            throw Denials.denied("delete");
        }
        return new Remove(match.document());
    }

    private void checkSchema(BsonDocument after, BsonDocument before, String action) {
        if (rules.schema() == null) return;
        String violation = rules.schema().violation(after, before, ctx);
        if (violation != null) {
            LOG.info("{} on {} refused by its schema: {}", action, rules.namespace(), violation);
            throw Denials.schema(action);
        }
    }

    /** The post-image of an update document or replacement. */
    private static BsonDocument after(BsonDocument before, BsonDocument change, boolean replacement,
                                      boolean inserting) {
        if (!replacement) return UpdateApplier.apply(before, change, inserting);
        for (String key : change.keySet()) {
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("the replacement has the operator " + key
                        + "; a replacement is a plain document (use updateOne for operators)");
            }
        }
        BsonDocument after = new BsonDocument("_id", before.get("_id"));
        for (Map.Entry<String, BsonValue> e : change.entrySet()) after.put(e.getKey(), e.getValue());
        return after;
    }

    /** The update's changes and the platform's result counts. */
    private record Plan(List<Change> changes, int matched, int modified, BsonValue upsertedId, BsonDocument before,
                        BsonDocument after) {
    }

    private Plan planModify(BsonDocument query, BsonValue change, boolean replacement, boolean upsert,
                            boolean many, BsonDocument sort, boolean arrayFilters) {
        if (change == null || !change.isDocument()) {
            if (change != null && change.isArray()) throw Denials.systemOnly("an update pipeline");
            throw new IllegalArgumentException("the " + (replacement ? "replacement" : "update") + " is "
                    + Arguments.typeOf(change) + "; pass an object");
        }
        if (arrayFilters) throw Denials.systemOnly("the option arrayFilters");
        BsonDocument document = change.asDocument();
        List<Match> matches = matches(query, sort, many);
        List<Change> changes = new ArrayList<>();
        if (matches.isEmpty()) {
            if (!upsert) return new Plan(changes, 0, 0, null, null, null);
            BsonDocument base = Queries.upsertBase(merged(query, filters()));
            BsonDocument inserted = replacement ? after(base, document, true, true)
                    : UpdateApplier.apply(base, document, true);
            Insert insert = planInsertAs(inserted, "update");
            changes.add(insert);
            return new Plan(changes, 0, 0, insert.document().get("_id"), null, insert.document());
        }
        int modified = 0;
        BsonDocument firstAfter = null;
        for (Match match : matches) {
            BsonDocument after = after(match.document(), document, replacement, false);
            if (firstAfter == null) firstAfter = after;
            if (after.equals(match.document())) continue;
            changes.add(planUpdate(match, after));
            modified++;
        }
        return new Plan(changes, matches.size(), modified, null, matches.get(0).document(), firstAfter);
    }

    /** An upsert's insert, refused as the update it came from. */
    private Insert planInsertAs(BsonDocument document, String action) {
        try {
            return planInsert(document);
        } catch (MongoFailure e) {
            throw e.code() == ErrorCode.SchemaValidationFailedWrite ? Denials.schema(action) : Denials.denied(action);
        }
    }

    private void write(List<Change> changes) {
        for (Change change : changes) {
            if (change instanceof Insert insert) {
                collection.insertOne(insert.document());
            } else if (change instanceof Replace replace) {
                UpdateResult result = collection.replaceOne(Queries.pinned(replace.before()), replace.after());
                if (result.getMatchedCount() == 0) throw Denials.conflict();
            } else if (change instanceof Remove remove) {
                DeleteResult result = collection.deleteOne(Queries.pinned(remove.before()));
                if (result.getDeletedCount() == 0) throw Denials.conflict();
            }
        }
    }

    /** Reverts written changes, last first, each pinned to the state it left. */
    private void undo(List<Change> written) {
        for (int i = written.size() - 1; i >= 0; i--) {
            Change change = written.get(i);
            if (change instanceof Insert insert) {
                collection.deleteOne(Queries.pinned(insert.document()));
            } else if (change instanceof Replace replace) {
                collection.replaceOne(Queries.pinned(replace.after()), replace.before());
            } else if (change instanceof Remove remove) {
                collection.insertOne(remove.before());
            }
        }
    }

    // --- writes --------------------------------------------------------------------------------------------------

    private BsonValue insertOne(Arguments args) {
        Insert insert = planInsert(args.document(0, "the document"));
        write(List.of(insert));
        return new BsonDocument("insertedId", insert.document().get("_id"));
    }

    /** insertMany: every document judged before any is written, so one refused document writes none. */
    private BsonValue insertMany(Arguments args) {
        List<BsonDocument> inserted = new ArrayList<>();
        for (BsonDocument document : args.documents(0, "the documents", false)) {
            inserted.add(planInsert(document).document());
        }
        collection.insertMany(inserted);
        BsonArray ids = new BsonArray();
        inserted.forEach(d -> ids.add(d.get("_id")));
        return new BsonDocument("insertedIds", ids);
    }

    private BsonValue update(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        BsonDocument query = args.document(0, "the filter");
        boolean upsert = Boolean.TRUE.equals(args.booleanOption(options, "upsert"));
        boolean many = args.method().equals("updateMany");
        boolean arrayFilters = arrayFilters(options);
        if (!upsert && !many && !arrayFilters) {
            BsonDocument selection = unreadSelection(args.get(1));
            if (selection != null) {
                UpdateResult result = collection.updateOne(selected(merged(query, filters()), selection),
                        args.get(1).asDocument());
                return new BsonDocument("matchedCount", number(result.getMatchedCount()))
                        .append("modifiedCount", number(result.getModifiedCount()));
            }
        }
        Plan plan = planModify(query, args.get(1), false, upsert, many, null, arrayFilters);
        write(plan.changes());
        return updateResult(plan);
    }

    /**
     * The role selection an updateOne sends in place of reading its document first, or null when it must read it.
     * It need not when no decision depends on the stored document: every role may write any whole document it is
     * the role for ({@link NamespaceRules#writesAnyDocument}), so the queried fields are readable too, the namespace
     * has no schema, and the database computes the update as Hookstead would ({@link UpdateApplier#appliesAsSent}).
     * What is left is which documents have a role, and that the database decides from the selection in the update's
     * own query, {@code _id} or not, atomically with the write. Null too when the selection cannot be a query.
     */
    private BsonDocument unreadSelection(BsonValue change) {
        if (change == null || !change.isDocument() || !UpdateApplier.appliesAsSent(change.asDocument())
                || !rules.writesAnyDocument(ctx)) {
            return null;
        }
        try {
            return rules.selection(ctx, role -> true);
        } catch (NamespaceRules.Inexpressible e) {
            return null;
        }
    }

    /** The query narrowed to a role selection the database enforces, by {@code _id} or not. */
    private static BsonDocument selected(BsonDocument query, BsonDocument selection) {
        return selection.isEmpty() ? query : Queries.and(query, List.of(selection));
    }

    private static boolean arrayFilters(BsonDocument options) {
        BsonValue value = options.get("arrayFilters");
        return value != null && !value.isNull();
    }

    private BsonValue replaceOne(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        Plan plan = planModify(args.document(0, "the filter"), args.document(1, "the replacement"),
                true, Boolean.TRUE.equals(args.booleanOption(options, "upsert")), false, null, false);
        write(plan.changes());
        return updateResult(plan);
    }

    private static BsonValue updateResult(Plan plan) {
        BsonDocument shape = new BsonDocument("matchedCount", number(plan.matched()))
                .append("modifiedCount", number(plan.modified()));
        if (plan.upsertedId() != null) shape.append("upsertedId", plan.upsertedId());
        return shape;
    }

    private BsonValue delete(Arguments args, boolean many) {
        List<Change> changes = new ArrayList<>();
        for (Match match : matches(args.optionalDocument(0, "the filter"), null, many)) changes.add(planDelete(match));
        write(changes);
        return new BsonDocument("deletedCount", number(changes.size()));
    }

    /** findOneAndUpdate/findOneAndReplace(filter, change, options{projection, sort, upsert, returnNewDocument}?) */
    private BsonValue findOneAndModify(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        BsonDocument projection = args.documentOption(options, "projection");
        if (projection != null) Projections.kind(projection);
        boolean replacement = args.method().equals("findOneAndReplace");
        Plan plan = planModify(args.document(0, "the filter"), replacement
                        ? args.document(1, "the replacement") : args.get(1), replacement,
                Boolean.TRUE.equals(args.booleanOption(options, "upsert")), false,
                args.documentOption(options, "sort"), arrayFilters(options));
        write(plan.changes());
        boolean returnNew = Boolean.TRUE.equals(args.booleanOption(options, "returnNewDocument"));
        return shown(returnNew ? plan.after() : plan.before(), projection);
    }

    private BsonValue findOneAndDelete(Arguments args) {
        BsonDocument options = args.optionalDocument(1, "options");
        BsonDocument projection = args.documentOption(options, "projection");
        if (projection != null) Projections.kind(projection);
        List<Match> matches = matches(args.document(0, "the filter"), args.documentOption(options, "sort"), false);
        if (matches.isEmpty()) return BsonNull.VALUE;
        write(List.of(planDelete(matches.get(0))));
        return shown(matches.get(0).document(), projection);
    }

    /** A returned document passes through the read rules, then the caller's projection. */
    private BsonValue shown(BsonDocument document, BsonDocument projection) {
        if (document == null) return BsonNull.VALUE;
        BsonDocument visible = readable(document, List.of());
        return visible == null ? BsonNull.VALUE : Projections.apply(visible, projection);
    }

    /**
     * bulkWrite(operations, options{ordered}?): each operation is judged against the collection as the earlier ones
     * left it, then written, in order. When one is refused, the changes of the earlier ones are undone (each undo pinned
     * to what was written) and the refusal is thrown, so a refused bulk write leaves nothing behind; a server error
     * (such as a duplicate key) stops the rest and keeps what was written, as an ordered bulk write does.
     */
    private BsonValue bulkWrite(Arguments args) {
        List<BsonDocument> operations = args.documents(0, "the operations", false);
        args.booleanOption(args.optionalDocument(1, "options"), "ordered");
        List<Change> written = new ArrayList<>();
        BsonDocument insertedIds = new BsonDocument();
        BsonDocument upsertedIds = new BsonDocument();
        int matched = 0;
        int modified = 0;
        int deleted = 0;
        for (int i = 0; i < operations.size(); i++) {
            String name = "operations[" + i + "]";
            BsonDocument operation = operations.get(i);
            List<Change> changes = new ArrayList<>();
            try {
                if (operation.size() != 1) {
                    throw args.bad(name + " has " + operation.size() + " keys", "objects with exactly one key such as"
                            + " {insertOne: {document}} or {updateOne: {filter, update}}");
                }
                String kind = operation.getFirstKey();
                BsonDocument spec = args.document(operation.get(kind), name + "." + kind);
                boolean upsert = Boolean.TRUE.equals(args.booleanOption(spec, "upsert"));
                switch (kind) {
                    case "insertOne" -> {
                        Insert insert = planInsert(required(args, spec, "document", name, kind));
                        changes.add(insert);
                        insertedIds.append(Integer.toString(i), insert.document().get("_id"));
                    }
                    case "updateOne", "updateMany", "replaceOne" -> {
                        boolean replacement = kind.equals("replaceOne");
                        Plan plan = planModify(required(args, spec, "filter", name, kind),
                                required(args, spec, replacement ? "replacement" : "update", name, kind), replacement,
                                upsert, kind.equals("updateMany"), null, arrayFilters(spec));
                        changes.addAll(plan.changes());
                        matched += plan.matched();
                        modified += plan.modified();
                        if (plan.upsertedId() != null) upsertedIds.append(Integer.toString(i), plan.upsertedId());
                    }
                    case "deleteOne", "deleteMany" -> {
                        for (Match match : matches(required(args, spec, "filter", name, kind), null,
                                kind.equals("deleteMany"))) {
                            changes.add(planDelete(match));
                            deleted++;
                        }
                    }
                    default -> throw args.bad(name + " is a '" + kind + "' operation", "insertOne, updateOne,"
                            + " updateMany, replaceOne, deleteOne or deleteMany");
                }
            } catch (RuntimeException refused) {
                undo(written);
                throw refused;
            }
            write(changes);
            written.addAll(changes);
        }
        return new BsonDocument("insertedCount", number(insertedIds.size()))
                .append("matchedCount", number(matched))
                .append("modifiedCount", number(modified))
                .append("deletedCount", number(deleted))
                .append("upsertedCount", number(upsertedIds.size()))
                .append("insertedIds", insertedIds)
                .append("upsertedIds", upsertedIds);
    }

    private static BsonDocument required(Arguments args, BsonDocument spec, String key, String name, String kind) {
        BsonDocument value = args.documentOption(spec, key);
        if (value == null) throw args.bad(name + "." + kind + "." + key + " is missing", "an object");
        return value;
    }

    /** A count as a JS number: Int32 when it fits, as the platform typed numbers. */
    static BsonValue number(long value) {
        return value == (int) value ? new BsonInt32((int) value) : new BsonDouble(value);
    }
}
