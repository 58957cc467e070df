package dev.hookstead.routing;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.Stage;

/** Finds the webhook or endpoint route for the path; an unknown path in the app's URL space is a 404. */
public final class RouteStage implements Stage {

    private final RouteTable routes;

    public RouteStage(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void apply(Exchange exchange) {
        Route route = routes.find(exchange.path());
        if (route == null) {
            throw new HookError(ErrorCode.IncomingWebhookNotFound, "no incoming webhook or endpoint at " + exchange.path());
        }
        exchange.route(route);
    }
}
