package dev.hookstead.routing;

import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.RouteMatch;
import dev.hookstead.pipeline.Target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one URL path serves: a webhook, or the enabled endpoints that share a route (one per method).
 *
 * @param path    the path inside the webapp, without trailing '/'
 * @param targets what each accepted method is served by, resolved at start-up
 */
public record Route(Kind kind, String path, WebhookDef webhook, List<EndpointDef> endpoints,
                    Map<String, Target> targets) implements RouteMatch {

    public enum Kind { WEBHOOK, ENDPOINT }

    /** Webhook methods; a webhook's ANY accepts these. */
    static final List<String> WEBHOOK_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    /** Endpoint methods; an endpoint's ANY ("*") accepts these (endpoints have no HEAD). */
    static final List<String> ENDPOINT_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public Route {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    static Route webhook(String path, WebhookDef webhook, Target target) {
        Route route = new Route(Kind.WEBHOOK, path, webhook, List.of(), Map.of());
        Map<String, Target> targets = new HashMap<>();
        for (String method : route.allowedMethods()) targets.put(method, target);
        return new Route(Kind.WEBHOOK, path, webhook, List.of(), targets);
    }

    static Route endpoints(String path, List<EndpointDef> endpoints, Map<EndpointDef, Target> resolved) {
        Route route = new Route(Kind.ENDPOINT, path, null, endpoints, Map.of());
        Map<String, Target> targets = new HashMap<>();
        for (String method : route.allowedMethods()) targets.put(method, resolved.get(route.endpointFor(method)));
        return new Route(Kind.ENDPOINT, path, null, endpoints, targets);
    }

    @Override
    public String name() {
        return displayName();
    }

    @Override
    public Target target(String method) {
        return targets.get(method);
    }

    public boolean isWebhook() {
        return kind == Kind.WEBHOOK;
    }

    /** Whether a webhook accepts {@code method}. */
    public boolean webhookAccepts(String method) {
        String declared = webhook.httpMethod() == null ? "ANY" : webhook.httpMethod();
        return declared.equals(method) || (declared.equals("ANY") && WEBHOOK_METHODS.contains(method));
    }

    /** The endpoint serving {@code method}: the one declared for it, else the ANY one, else null. */
    public EndpointDef endpointFor(String method) {
        EndpointDef any = null;
        for (EndpointDef e : endpoints) {
            if (e.httpMethod().equals(method)) return e;
            if (isAny(e.httpMethod()) && ENDPOINT_METHODS.contains(method)) any = e;
        }
        return any;
    }

    /** The methods this route answers, for the Allow header. */
    public List<String> allowedMethods() {
        Set<String> allowed = new LinkedHashSet<>();
        if (isWebhook()) {
            String declared = webhook.httpMethod() == null ? "ANY" : webhook.httpMethod();
            allowed.addAll(declared.equals("ANY") ? WEBHOOK_METHODS : List.of(declared));
        } else {
            for (EndpointDef e : endpoints) {
                allowed.addAll(isAny(e.httpMethod()) ? ENDPOINT_METHODS : List.of(e.httpMethod()));
            }
        }
        return new ArrayList<>(allowed);
    }

    /** A name for logs: {@code service/webhook} or {@code endpoint <route>}. */
    public String displayName() {
        return isWebhook() ? webhook.service() + "/" + webhook.name() : "endpoint " + endpoints.get(0).route();
    }

    static boolean isAny(String method) {
        return method == null || method.equals("ANY") || method.equals("*");
    }
}
