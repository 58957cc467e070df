package dev.hookstead.build.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample JSON body that fits what a function reads from its parsed request body, found in the source the way a
 * reader would: {@code const x = JSON.parse(payload.body.text())} followed by {@code x.a.b} reads, or
 * {@code const { a, b = [] } = JSON.parse(body.text())}. Each property read gets its name in capitals
 * ({@code message} gives {@code "MESSAGE"}, the seed docs' body) or its default when that is a JSON literal.
 */
public final class SampleBodies {

    /** What the build could tell: a body, or (when the function reads its body in a way it cannot follow) neither. */
    public record Sample(String body, boolean unknown) {
        static final Sample NOT_READ = new Sample(null, false);
        static final Sample UNKNOWN = new Sample(null, true);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READS_BODY = Pattern.compile("\\bbody\\s*\\.\\s*text\\s*\\(\\s*\\)");
    private static final Pattern PARSED = Pattern.compile(
            "(?:(?:const|let|var)\\s+(?:([A-Za-z_$][\\w$]*)|\\{([^{}]*)})\\s*=\\s*)?"
                    + "E?JSON\\s*\\.\\s*parse\\s*\\(\\s*(?:[A-Za-z_$][\\w$]*\\s*\\.\\s*)?body\\s*\\.\\s*text\\s*\\(\\s*\\)"
                    + "\\s*\\)((?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*)(\\s*\\()?");
    private static final Pattern DESTRUCTURED = Pattern.compile("\\s*([A-Za-z_$][\\w$]*)\\s*(?:=\\s*(.+?))?\\s*");

    private SampleBodies() {
    }

    /** The sample for a function's source. */
    public static Sample of(String source) {
        if (source == null || !READS_BODY.matcher(source).find()) return Sample.NOT_READ;
        ObjectNode body = JSON.createObjectNode();
        Matcher m = PARSED.matcher(source);
        boolean followed = false;
        while (m.find()) {
            followed = true;
            boolean ok;
            if (m.group(1) != null) {
                ok = readsOfVariable(source, m.group(1), body);
            } else if (m.group(2) != null) {
                ok = destructured(m.group(2), body);
            } else {
                // JSON.parse(...).a.b read at once; anything else (passed on whole, a method called) is not followed
                String path = m.group(3).replaceAll("\\s", "");
                ok = !path.isEmpty() && m.group(4) == null && put(body, path.substring(1).split("\\."));
            }
            if (!ok) return Sample.UNKNOWN;
        }
        if (!followed || body.isEmpty()) return Sample.UNKNOWN;
        return new Sample(body.toString(), false);
    }

    /** Every {@code name.a.b} read of the variable; false when one ends in a method call (its type is unknown). */
    private static boolean readsOfVariable(String source, String name, ObjectNode body) {
        Matcher reads = Pattern.compile("(?<![\\w$.])" + Pattern.quote(name)
                + "((?:\\s*\\??\\.\\s*[A-Za-z_$][\\w$]*)+)(\\s*\\()?").matcher(source);
        while (reads.find()) {
            if (reads.group(2) != null) return false;
            if (!put(body, reads.group(1).replaceAll("[\\s?]", "").substring(1).split("\\."))) return false;
        }
        return true;
    }

    private static boolean destructured(String names, ObjectNode body) {
        for (String item : names.split(",")) {
            if (item.isBlank() || item.trim().startsWith("...")) continue;
            Matcher m = DESTRUCTURED.matcher(item);
            if (!m.matches()) return false; // renamed or nested: not followed
            JsonNode value = m.group(2) == null ? null : literal(m.group(2));
            if (m.group(2) != null && value == null) return false;
            if (value != null) body.set(m.group(1), value);
            else if (!put(body, new String[]{m.group(1)})) return false;
        }
        return true;
    }

    private static JsonNode literal(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Puts the path's leaf (its name in capitals) unless a longer path already holds it; false on a conflict. */
    private static boolean put(ObjectNode body, String[] path) {
        ObjectNode at = body;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = at.get(path[i]);
            if (next == null || next.isTextual()) {
                at = at.putObject(path[i]);
            } else if (next.isObject()) {
                at = (ObjectNode) next;
            } else {
                return false;
            }
        }
        String leaf = path[path.length - 1];
        if (!at.has(leaf)) at.put(leaf, leaf.toUpperCase(Locale.ROOT));
        return true;
    }
}
