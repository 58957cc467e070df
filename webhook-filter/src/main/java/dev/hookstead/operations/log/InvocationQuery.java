package dev.hookstead.operations.log;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * The list's filters, each optional: route, status, error_code, user (id) and a time window (since, until: ISO-8601
 * instants or epoch milliseconds).
 */
public record InvocationQuery(String route, Integer status, String errorCode, String user, Long since, Long until) {

    /** @throws IllegalArgumentException naming the parameter that is malformed */
    public static InvocationQuery of(UnaryOperator<String> parameters) {
        return new InvocationQuery(blank(parameters.apply("route")), integer(parameters.apply("status")),
                blank(parameters.apply("error_code")), blank(parameters.apply("user")),
                time("since", parameters.apply("since")), time("until", parameters.apply("until")));
    }

    public boolean matches(InvocationRecord r) {
        return (route == null || route.equals(r.route()))
                && (status == null || status == r.status())
                && (errorCode == null || errorCode.equals(r.errorCode()))
                && (user == null || user.equals(r.userId()))
                && (since == null || r.atMillis() >= since)
                && (until == null || r.atMillis() <= until);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Integer integer(String value) {
        if (blank(value) == null) return null;
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("status: \"" + value + "\" is not an HTTP status; give e.g. 400");
        }
    }

    private static Long time(String name, String value) {
        if (blank(value) == null) return null;
        String text = value.trim();
        try {
            return text.chars().allMatch(Character::isDigit) ? Long.valueOf(text) : Instant.parse(text).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": \"" + value
                    + "\" is not a time; give an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds");
        }
    }
}
