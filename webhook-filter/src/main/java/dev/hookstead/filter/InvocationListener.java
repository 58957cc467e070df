package dev.hookstead.filter;

import dev.hookstead.response.HookError;

/** Told of every invocation the {@link Pipeline} finished, after the response and the log line. */
@FunctionalInterface
public interface InvocationListener {

    InvocationListener NONE = (exchange, status, failure) -> { };

    /**
     * Must not throw: the response is already sent.
     *
     * @param failure the error answered, or null on success
     */
    void completed(Exchange exchange, int status, HookError failure);
}
