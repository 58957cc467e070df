package dev.hookstead.routing;

import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.Target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps request paths (inside the webapp) to webhooks and endpoints.
 * <ul>
 *   <li>Webhook: {@code /api/client/v2.0/app/<clientAppId>/service/<service>/incoming_webhook/<name>}.</li>
 *   <li>Endpoint: {@code /app/<clientAppId>/endpoint<route>}; disabled endpoints are left out.</li>
 * </ul>
 * Matching is exact and case-sensitive; one trailing '/' is tolerated. The table owns every path under
 * {@code /api/client/v2.0/app/<clientAppId>/} and {@code /app/<clientAppId>/endpoint}: unknown paths there are the
 * filter's 404s, anything else belongs to the rest of the webapp. A manifest without client app id accepts any id.
 */
public final class RouteTable {

    private static final String WEBHOOK_PREFIX = "/api/client/v2.0/app/";
    private static final String ENDPOINT_PREFIX = "/app/";
    private static final String ANY_APP = "*";

    private final String clientAppId;
    private final Map<String, Route> routes;

    private RouteTable(String clientAppId, Map<String, Route> routes) {
        this.clientAppId = clientAppId;
        this.routes = routes;
    }

    /**
     * @throws IllegalArgumentException when two webhooks or two enabled endpoints claim the same URL and method, or a
     *                                  can_evaluate does not parse
     */
    public static RouteTable of(Manifest manifest) {
        String appId = manifest.app() == null || manifest.app().clientAppId() == null
                || manifest.app().clientAppId().isBlank() ? ANY_APP : manifest.app().clientAppId();
        Map<String, Route> routes = new HashMap<>();
        for (WebhookDef w : manifest.webhooks()) {
            String path = WEBHOOK_PREFIX + appId + "/service/" + w.service() + "/incoming_webhook/" + w.name();
            if (routes.put(path, Route.webhook(path, w, Targets.webhook(path, w))) != null) {
                throw new IllegalArgumentException("two webhooks named \"" + w.name() + "\" in service \""
                        + w.service() + "\"");
            }
        }
        Map<String, List<EndpointDef>> byRoute = new LinkedHashMap<>();
        Map<EndpointDef, Target> targets = new HashMap<>();
        for (EndpointDef e : manifest.endpoints()) {
            if (e.disabled()) {
                Targets.check(e, manifest);
                continue;
            }
            String route = e.route().startsWith("/") ? e.route() : "/" + e.route();
            String path = normalise(ENDPOINT_PREFIX + appId + "/endpoint" + route);
            List<EndpointDef> sameRoute = byRoute.computeIfAbsent(path, k -> new ArrayList<>());
            for (EndpointDef other : sameRoute) {
                if (Route.isAny(other.httpMethod()) ? Route.isAny(e.httpMethod())
                        : other.httpMethod().equals(e.httpMethod())) {
                    throw new IllegalArgumentException("two enabled endpoints for " + e.httpMethod() + " "
                            + e.route() + ": remove or disable one of them");
                }
            }
            sameRoute.add(e);
            targets.put(e, Targets.endpoint(path, e, manifest));
        }
        byRoute.forEach((path, endpoints) -> routes.put(path, Route.endpoints(path, endpoints, targets)));
        return new RouteTable(appId, routes);
    }

    /** Whether {@code path} is in this table's URL space, known or not. Paths elsewhere pass through the filter. */
    public boolean owns(String path) {
        if (path.startsWith(WEBHOOK_PREFIX)) return appIdMatches(path, WEBHOOK_PREFIX.length(), "/");
        if (path.startsWith(ENDPOINT_PREFIX)) return appIdMatches(path, ENDPOINT_PREFIX.length(), "/endpoint");
        return false;
    }

    /** Every route, for per-route metrics and the OpenAPI document. */
    public Collection<Route> routes() {
        return Collections.unmodifiableCollection(routes.values());
    }

    /** The route for {@code path}, or null. */
    public Route find(String path) {
        if (!owns(path)) return null;
        String key = normalise(path);
        if (clientAppId.equals(ANY_APP)) {
            String prefix = key.startsWith(WEBHOOK_PREFIX) ? WEBHOOK_PREFIX : ENDPOINT_PREFIX;
            key = prefix + ANY_APP + key.substring(key.indexOf('/', prefix.length()));
        }
        return routes.get(key);
    }

    private boolean appIdMatches(String path, int idStart, String after) {
        int slash = path.indexOf('/', idStart);
        if (slash <= idStart) return false;
        if (!clientAppId.equals(ANY_APP)
                && !(slash - idStart == clientAppId.length() && path.startsWith(clientAppId, idStart))) {
            return false;
        }
        if (after.equals("/")) return true;
        int end = slash + after.length();
        return path.startsWith(after, slash) && (path.length() == end || path.charAt(end) == '/');
    }

    private static String normalise(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
