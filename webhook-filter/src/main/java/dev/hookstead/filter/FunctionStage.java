package dev.hookstead.filter;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.Stage;
import dev.hookstead.pipeline.Target;

/**
 * Runs the function a request is for, with the payload routing resolved for it: a webhook's own script, or the named
 * function an endpoint calls.
 */
public final class FunctionStage implements Stage {

    private final FunctionRunner runner;

    public FunctionStage(FunctionRunner runner) {
        this.runner = runner;
    }

    @Override
    public void apply(Exchange exchange) {
        Target target = exchange.target();
        if (target.script() == null) {
            throw new HookError(ErrorCode.FunctionNotFound, "function not found: '" + target.function() + "'");
        }
        exchange.result(runner.runHttp(target.script(), target.payload(), exchange.data(), exchange.user(),
                target.runName()));
    }
}
