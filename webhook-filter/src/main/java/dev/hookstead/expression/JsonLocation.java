package dev.hookstead.expression;

import java.util.regex.Pattern;

/** Where a node sits inside the expression, for messages: {@code "%%user.id".$in[0]}. */
record JsonLocation(String text) {

    private static final Pattern PLAIN = Pattern.compile("[$%]?[A-Za-z_][A-Za-z0-9_]*");

    static final JsonLocation ROOT = new JsonLocation("");

    JsonLocation key(String key) {
        String segment = PLAIN.matcher(key).matches() ? key : '"' + key.replace("\"", "\\\"") + '"';
        return new JsonLocation(text.isEmpty() ? segment : text + "." + segment);
    }

    JsonLocation index(int i) {
        return new JsonLocation(text + "[" + i + "]");
    }

    /** {@code can_evaluate} or {@code can_evaluate at <path>}, the start of every message. */
    String describe() {
        return text.isEmpty() ? "can_evaluate" : "can_evaluate at " + text;
    }
}
