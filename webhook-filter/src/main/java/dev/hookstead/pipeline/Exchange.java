package dev.hookstead.pipeline;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** One request on its way through the filter's {@code Pipeline}; each stage reads what earlier stages set. */
public final class Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String path;
    private final String invocationId;
    private final long startNanos = System.nanoTime();

    private RouteMatch route;
    private Target target;
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
    public RouteMatch route() {
        return route;
    }

    public void route(RouteMatch route) {
        this.route = route;
    }

    /** Set by the method stage: what the route serves for this method. */
    public Target target() {
        return target;
    }

    public void target(Target target) {
        this.target = target;
    }

    /** Set by the body stage, and by the validation stage when it removes a query secret. */
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
