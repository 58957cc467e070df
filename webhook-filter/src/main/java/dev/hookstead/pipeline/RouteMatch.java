package dev.hookstead.pipeline;

import java.util.List;

/** The route a request path found: its targets by method. */
public interface RouteMatch {

    /** The route for logs: {@code service/webhook} or {@code endpoint <route>}. */
    String name();

    /** What {@code method} is served by here, or null when the route does not answer it. */
    Target target(String method);

    /** The methods the route answers, for the Allow header. */
    List<String> allowedMethods();
}
