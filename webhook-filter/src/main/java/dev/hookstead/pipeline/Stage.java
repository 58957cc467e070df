package dev.hookstead.filter;

import java.io.IOException;

/** One step of the {@link Pipeline}. A stage stops the request by throwing {@link dev.hookstead.response.HookError}. */
@FunctionalInterface
public interface Stage {
    void apply(Exchange exchange) throws IOException;
}
