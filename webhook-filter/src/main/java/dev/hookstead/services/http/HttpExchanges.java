package dev.hookstead.services.http;

/** Told of every exchange {@code context.http} makes, each redirect hop on its own (the operations' meters). */
@FunctionalInterface
public interface HttpExchanges {

    /** Tells nobody. */
    HttpExchanges NONE = (method, status, nanos) -> { };

    /** @param status the response's status, or 0 when none came (refused, timed out, failed) */
    void exchanged(String method, int status, long nanos);
}
