package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.build.problems.Problems;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JSON object from an export, read field by field. A field of the wrong type is an error naming the file and
 * the field path, and reads as absent, so reading goes on.
 *
 * @param prefix field path of this object inside its file ("" at the top, "options." below, "[2]." in an array)
 */
record ConfigNode(JsonNode node, String file, String prefix, Problems problems) {

    static ConfigNode of(JsonNode node, String file, Problems problems) {
        return new ConfigNode(node, file, "", problems);
    }

    String path(String field) {
        return prefix + field;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    JsonNode get(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    String text(String field) {
        JsonNode v = get(field);
        if (v == null) return null;
        if (!v.isTextual()) {
            // Never echo what may be a secret.
            String shown = field.toLowerCase(Locale.ROOT).contains("secret") ? null : v.toString();
            problems.error(file, path(field), shown, "must be a string", "write it as a JSON string");
            return null;
        }
        return v.textValue();
    }

    /** Text with "" read as absent: exports write {@code "run_as_user_id": ""} for "not set". */
    String nonBlank(String field) {
        String t = text(field);
        return t == null || t.isBlank() ? null : t;
    }

    boolean bool(String field, boolean otherwise) {
        JsonNode v = get(field);
        if (v == null) return otherwise;
        if (!v.isBoolean()) {
            problems.error(file, path(field), v.toString(), "must be true or false", "write it as a JSON boolean");
            return otherwise;
        }
        return v.booleanValue();
    }

    long number(String field, long otherwise) {
        JsonNode v = get(field);
        if (v == null) return otherwise;
        if (!v.canConvertToLong()) {
            problems.error(file, path(field), v.toString(), "must be a whole number", "write it as a JSON number");
            return otherwise;
        }
        return v.longValue();
    }

    /** A nested object, or null (an error when present but not an object). */
    ConfigNode object(String field) {
        JsonNode v = get(field);
        if (v == null) return null;
        if (!v.isObject()) {
            problems.error(file, path(field), v.toString(), "must be a JSON object", "write it as {...}");
            return null;
        }
        return new ConfigNode(v, file, path(field) + ".", problems);
    }

    /** Warns about fields outside {@code known}: real exports vary, so they never fail the build. */
    void warnUnknown(Set<String> known, String kind) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.warning(file, path(name), null, "is not a known " + kind + " field and is ignored",
                        "remove it, or check its spelling against: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
