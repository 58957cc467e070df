package dev.hookstead.routing;

import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.Stage;

/**
 * Checks the request method against the webhook's {@code httpMethod}, or picks the endpoint for it (a specific method
 * beats ANY). A mismatch is 405 with an {@code Allow} header.
 */
public final class MethodStage implements Stage {

    @Override
    public void apply(Exchange exchange) {
        Route route = exchange.route();
        String method = exchange.request().getMethod();
        if (route.isWebhook()) {
            if (route.webhookAccepts(method)) return;
        } else {
            EndpointDef endpoint = route.endpointFor(method);
            if (endpoint != null) {
                exchange.endpoint(endpoint);
                return;
            }
        }
        String allowed = String.join(", ", route.allowedMethods());
        exchange.response().setHeader("Allow", allowed);
        throw new HookError(ErrorCode.MethodNotAllowed, "method " + method + " is not allowed here; use " + allowed);
    }
}
