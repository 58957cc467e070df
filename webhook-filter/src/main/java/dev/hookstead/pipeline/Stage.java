package dev.hookstead.pipeline;

import java.io.IOException;

/** One step of the filter's {@code Pipeline}. A stage stops the request by throwing {@link HookError}. */
@FunctionalInterface
public interface Stage {
    void apply(Exchange exchange) throws IOException;
}
