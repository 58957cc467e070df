package dev.hookstead.pipeline;

import dev.hookstead.filter.Pipeline;
import java.io.IOException;

/** One step of the {@link Pipeline}. A stage stops the request by throwing {@link dev.hookstead.pipeline.HookError}. */
@FunctionalInterface
public interface Stage {
    void apply(Exchange exchange) throws IOException;
}
