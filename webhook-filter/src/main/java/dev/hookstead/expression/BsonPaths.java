package dev.hookstead.expression;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dotted-path lookup with MongoDB's array traversal. */
final class BsonPaths {

    private BsonPaths() {
    }

    /**
     * Walks {@code path} from {@code start}. A numeric segment indexes an array; any other segment on an array collects
     * that field from each element document (one level, like MongoDB's {@code "identities.provider_type"}).
     *
     * @param caseInsensitiveAt index of the one segment whose document key is matched ignoring case, or -1
     * @return empty when the path leads nowhere
     */
    static Optional<BsonValue> walk(BsonValue start, List<String> path, int caseInsensitiveAt) {
        BsonValue current = start;
        for (int i = 0; i < path.size(); i++) {
            Optional<BsonValue> next = step(current, path.get(i), i == caseInsensitiveAt);
            if (next.isEmpty()) return next;
            current = next.get();
        }
        return Optional.of(current);
    }

    private static Optional<BsonValue> step(BsonValue value, String segment, boolean ignoreCase) {
        if (value.isDocument()) return field(value.asDocument(), segment, ignoreCase);
        if (!value.isArray()) return Optional.empty();
        BsonArray array = value.asArray();
        if (isIndex(segment)) {
            int index = Integer.parseInt(segment);
            return index < array.size() ? Optional.of(array.get(index)) : Optional.empty();
        }
        BsonArray collected = new BsonArray();
        for (BsonValue element : array) {
            if (element.isDocument()) field(element.asDocument(), segment, ignoreCase).ifPresent(collected::add);
        }
        return collected.isEmpty() ? Optional.empty() : Optional.of(collected);
    }

    private static Optional<BsonValue> field(BsonDocument doc, String name, boolean ignoreCase) {
        BsonValue exact = doc.get(name);
        if (exact != null || !ignoreCase) return Optional.ofNullable(exact);
        for (Map.Entry<String, BsonValue> e : doc.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    private static boolean isIndex(String segment) {
        return segment.length() <= 9 && segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
