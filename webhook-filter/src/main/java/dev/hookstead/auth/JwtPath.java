package dev.hookstead.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Paths into JWT claims as metadata_fields write them: segments split on '.', a literal dot escaped as {@code \.}. */
final class JwtPath {

    private JwtPath() {
    }

    static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '.') {
                current.append('.');
                i++;
            } else if (c == '.') {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }

    /** The value at {@code path}, or null when any segment is missing. */
    static Object get(Map<String, Object> claims, List<String> path) {
        Object current = claims;
        for (String segment : path) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = map.get(segment);
        }
        return current;
    }
}
