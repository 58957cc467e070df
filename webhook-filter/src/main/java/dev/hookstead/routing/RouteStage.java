package dev.hookstead.routing;

import dev.hookstead.filter.Exchange;
import dev.hookstead.filter.Stage;
import dev.hookstead.response.ErrorCode;
import dev.hookstead.response.HookError;

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
