package dev.hookstead.request;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A request's query and headers as JSON text, written straight into a {@link StringBuilder}: the payload a function
 * gets and the invocation log line are written on every request, where a JSON tree or generator per request showed
 * in the allocation profile (bench/load).
 */
public final class RequestJson {

    private RequestJson() {
    }

    /** Appends the query as a JSON object; values of keys {@code secret} accepts are written as {@code redacted}. */
    public static StringBuilder query(StringBuilder out, Map<String, String> query, Predicate<String> secret,
                                      String redacted) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> q : query.entrySet()) {
            if (!first) out.append(',');
            first = false;
            string(out, q.getKey()).append(':');
            string(out, secret.test(q.getKey()) ? redacted : q.getValue());
        }
        return out.append('}');
    }

    /** Appends the headers as {@code {"Name":[values]}}; values of names {@code secret} accepts become redacted. */
    public static StringBuilder headers(StringBuilder out, Map<String, List<String>> headers, Predicate<String> secret,
                                        String redacted) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (!first) out.append(',');
            first = false;
            boolean hidden = secret.test(h.getKey());
            string(out, h.getKey()).append(":[");
            List<String> values = h.getValue();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) out.append(',');
                string(out, hidden ? redacted : values.get(i));
            }
            out.append(']');
        }
        return out.append('}');
    }

    /** Appends {@code text} as a JSON string. */
    public static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        if (plain(text)) out.append(text);
        else JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }

    /** Printable ASCII without a quote or backslash needs no escape: header names and most values. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
        }
        return true;
    }
}
