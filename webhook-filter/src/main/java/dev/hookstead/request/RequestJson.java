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

    /**
     * Appends {@code "query":{...},"headers":{"Name":[...]}}; values of query keys and headers that {@code secret}
     * accepts (given the lower-case name) are written as {@code redacted}.
     */
    public static StringBuilder queryAndHeaders(StringBuilder out, Map<String, String> query,
                                                Map<String, List<String>> headers, Predicate<String> secretQueryKey,
                                                Predicate<String> secretHeader, String redacted) {
        out.append("\"query\":{");
        boolean first = true;
        for (Map.Entry<String, String> q : query.entrySet()) {
            if (!first) out.append(',');
            first = false;
            string(out, q.getKey()).append(':');
            string(out, secretQueryKey.test(q.getKey()) ? redacted : q.getValue());
        }
        out.append("},\"headers\":{");
        first = true;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (!first) out.append(',');
            first = false;
            boolean secret = secretHeader.test(h.getKey());
            string(out, h.getKey()).append(":[");
            List<String> values = h.getValue();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) out.append(',');
                string(out, secret ? redacted : values.get(i));
            }
            out.append(']');
        }
        return out.append('}');
    }

    /** Appends {@code text} as a JSON string. */
    public static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }
}
