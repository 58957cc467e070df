package dev.hookstead.pipeline;

import dev.hookstead.filter.Pipeline;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.routing.Route;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** One request on its way through the {@link Pipeline}; each stage reads what earlier stages set. */
public final class Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String path;
    private final String invocationId;
    private final long startNanos = System.nanoTime();

    private Route route;
    private EndpointDef endpoint;
    private HttpRequestData data;
    private AppUser user;
    private FunctionResult result;

    /**
     * @param path         the request path inside the webapp
     * @param invocationId names this request in the log and in error links
     */
    public Exchange(HttpServletRequest request, HttpServletResponse response, String path, String invocationId) {
        this.request = request;
        this.response = response;
        this.path = path;
        this.invocationId = invocationId;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    public String path() {
        return path;
    }

    public String invocationId() {
        return invocationId;
    }

    public long startNanos() {
        return startNanos;
    }

    /** Set by the route stage. */
    public Route route() {
        return route;
    }

    public void route(Route route) {
        this.route = route;
    }

    /** Set by the method stage for endpoint routes: the endpoint serving this method. */
    public EndpointDef endpoint() {
        return endpoint;
    }

    public void endpoint(EndpointDef endpoint) {
        this.endpoint = endpoint;
    }

    /** Set by the validation stage: the request as the function sees it, secret removed. */
    public HttpRequestData data() {
        return data;
    }

    public void data(HttpRequestData data) {
        this.data = data;
    }

    /** Set by the authentication stage. */
    public AppUser user() {
        return user;
    }

    public void user(AppUser user) {
        this.user = user;
    }

    /** Set by the function stage. */
    public FunctionResult result() {
        return result;
    }

    public void result(FunctionResult result) {
        this.result = result;
    }
}
