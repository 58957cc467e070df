package dev.hookstead.routing;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.RouteMatch;
import dev.hookstead.pipeline.Stage;
import dev.hookstead.pipeline.Target;

/**
 * Picks what the route serves for the request method: the webhook when its {@code httpMethod} accepts it, or the
 * endpoint for it (a specific method beats ANY). A mismatch is 405 with an {@code Allow} header.
 */
public final class MethodStage implements Stage {

    @Override
    public void apply(Exchange exchange) {
        RouteMatch route = exchange.route();
        String method = exchange.request().getMethod();
        Target target = route.target(method);
        if (target != null) {
            exchange.target(target);
            return;
        }
        String allowed = String.join(", ", route.allowedMethods());
        exchange.response().setHeader("Allow", allowed);
        throw new HookError(ErrorCode.MethodNotAllowed, "method " + method + " is not allowed here; use " + allowed);
    }
}
