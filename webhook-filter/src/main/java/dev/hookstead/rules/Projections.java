package dev.hookstead.rules;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.services.MongoFailure;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Projections of field paths ({@code {a: 1, "b.c": 1}} or {@code {a: 0}}). A caller's projection is applied after
 * the rules have seen the whole document, so rules never judge a document the caller trimmed; projection operators
 * ($slice, $elemMatch, $meta, expressions) are refused for application users.
 */
final class Projections {

    enum Kind { EMPTY, INCLUSIVE, EXCLUSIVE }

    private Projections() {
    }

    /** The projection's kind, or null when it mixes inclusion and exclusion (other than of _id). */
    static Kind kind(BsonDocument projection) {
        Kind kind = Kind.EMPTY;
        for (Map.Entry<String, BsonValue> e : projection.entrySet()) {
            boolean include = includes(e.getValue(), e.getKey());
            if (e.getKey().equals("_id")) continue;
            Kind here = include ? Kind.INCLUSIVE : Kind.EXCLUSIVE;
            if (kind != Kind.EMPTY && kind != here) return null;
            kind = here;
        }
        if (kind == Kind.EMPTY && projection.containsKey("_id")) {
            return includes(projection.get("_id"), "_id") ? Kind.INCLUSIVE : Kind.EXCLUSIVE;
        }
        return kind;
    }

    private static boolean includes(BsonValue value, String path) {
        if (value.isBoolean()) return value.asBoolean().getValue();
        if (value.isNumber()) return value.asNumber().doubleValue() != 0;
        throw Denials.systemOnly("the projection of '" + path + "' (" + value.getBsonType().name().toLowerCase()
                + "; only 0, 1, true or false)");
    }

    /** The caller's projection applied to a document the rules already trimmed; null projection: unchanged. */
    static BsonDocument apply(BsonDocument document, BsonDocument projection) {
        if (projection == null || projection.isEmpty()) return document;
        Kind kind = kind(projection);
        if (kind == null) {
            throw new MongoFailure(ErrorCode.MongoDBError, "Cannot do exclusion and inclusion in one projection", 31254);
        }
        boolean keepId = !projection.containsKey("_id") || includes(projection.get("_id"), "_id");
        BsonDocument out;
        if (kind == Kind.INCLUSIVE) {
            out = new BsonDocument();
            if (keepId && document.containsKey("_id")) out.append("_id", document.get("_id"));
            for (Map.Entry<String, BsonValue> e : projection.entrySet()) {
                if (!e.getKey().equals("_id") && includes(e.getValue(), e.getKey())) {
                    copy(document, out, path(e.getKey()));
                }
            }
            return out;
        }
        out = document.clone();
        for (Map.Entry<String, BsonValue> e : projection.entrySet()) {
            if (!e.getKey().equals("_id") || !keepId) remove(out, path(e.getKey()));
        }
        return out;
    }

    /**
     * The projections of the filters that apply, merged into one; null when none has any.
     *
     * @throws MongoFailure when they mix inclusive and exclusive projections ("the query will fail", spec 1.5)
     */
    static BsonDocument merge(List<BsonDocument> projections) {
        BsonDocument merged = new BsonDocument();
        for (BsonDocument p : projections) merged.putAll(p);
        if (merged.isEmpty()) return null;
        if (kind(merged) == null) {
            throw new MongoFailure(ErrorCode.MongoDBError, "the rules' filters that apply mix inclusive and exclusive"
                    + " projections, so the query cannot run", null);
        }
        return merged;
    }

    private static List<String> path(String dotted) {
        return Arrays.asList(dotted.split("\\.", -1));
    }

    private static void copy(BsonValue from, BsonDocument to, List<String> path) {
        if (!from.isDocument()) return;
        BsonValue value = from.asDocument().get(path.get(0));
        if (value == null) return;
        if (path.size() == 1) {
            to.put(path.get(0), value);
            return;
        }
        List<String> rest = path.subList(1, path.size());
        if (value.isDocument()) {
            BsonValue existing = to.get(path.get(0));
            BsonDocument target = existing != null && existing.isDocument() ? existing.asDocument() : new BsonDocument();
            copy(value, target, rest);
            to.put(path.get(0), target);
        } else if (value.isArray()) {
            BsonArray out = new BsonArray();
            for (BsonValue element : value.asArray()) {
                if (!element.isDocument()) continue;
                BsonDocument target = new BsonDocument();
                copy(element, target, rest);
                out.add(target);
            }
            to.put(path.get(0), out);
        }
    }

    private static void remove(BsonValue from, List<String> path) {
        if (from.isArray()) {
            for (BsonValue element : from.asArray()) remove(element, path);
            return;
        }
        if (!from.isDocument()) return;
        if (path.size() == 1) {
            from.asDocument().remove(path.get(0));
            return;
        }
        BsonValue next = from.asDocument().get(path.get(0));
        if (next != null) remove(next, path.subList(1, path.size()));
    }
}
