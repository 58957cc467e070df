package dev.hookstead.request;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} text, as found in query strings and form bodies. */
public final class QueryString {

    private QueryString() {
    }

    /** First value of each key, decoded ('+' is a space), in order of first appearance. */
    public static Map<String, String> firstValues(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String[] pair : pairs(raw)) values.putIfAbsent(pair[0], pair[1]);
        return values;
    }

    /** Every pair, decoded, in order; a key without '=' has the value "". */
    public static List<Map.Entry<String, String>> all(String raw) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        for (String[] pair : pairs(raw)) all.add(Map.entry(pair[0], pair[1]));
        return all;
    }

    /** The first decoded value of {@code key}, or null. */
    public static String first(String raw, String key) {
        for (String[] pair : pairs(raw)) {
            if (pair[0].equals(key)) return pair[1];
        }
        return null;
    }

    /** {@code raw} without every pair whose decoded key is {@code key}; other pairs keep their bytes and order. */
    public static String without(String raw, String key) {
        if (raw == null || raw.isEmpty()) return raw;
        List<String> kept = new ArrayList<>();
        for (String part : raw.split("&", -1)) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            if (!name.equals(key)) kept.add(part);
        }
        return String.join("&", kept);
    }

    private static List<String[]> pairs(String raw) {
        List<String[]> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) return pairs;
        for (String part : raw.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            pairs.add(new String[] {name, value});
        }
        return pairs;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HookError(ErrorCode.InvalidParameter, "malformed percent-encoding in \"" + text + "\"");
        }
    }
}
