package dev.hookstead.pipeline;


/** Told of every invocation the pipeline finished, after the response and the log line. */
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
