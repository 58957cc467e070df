package dev.hookstead.operations;

import dev.hookstead.operations.endpoint.OperationsEndpoint;
import dev.hookstead.config.SettingDef;
import dev.hookstead.config.Settings;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.InvocationListener;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.operations.health.Health;
import dev.hookstead.operations.log.InvocationLogPage;
import dev.hookstead.operations.log.InvocationStore;
import dev.hookstead.operations.log.MongoStore;
import dev.hookstead.operations.log.RingStore;
import dev.hookstead.operations.metrics.MeteredHttpExchanges;
import dev.hookstead.services.http.HttpExchanges;
import dev.hookstead.operations.metrics.MeteredRunner;
import dev.hookstead.operations.metrics.Metrics;
import dev.hookstead.operations.metrics.MongoCommandMeter;
import dev.hookstead.operations.metrics.PrometheusScrape;
import dev.hookstead.operations.openapi.OpenApiResource;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.routing.RouteTable;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.script.runtime.PoolStats;
import dev.hookstead.script.ScriptRuntime;
import dev.hookstead.services.mongodb.MongoServices;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything operators see of the filter: the operations paths (health, the OpenAPI document, the Prometheus scrape,
 * the invocation log page) and the hooks that feed the meters and the log. Made in two steps: the constructor, before the data sources and the script
 * runtime exist, so that both can be instrumented; then {@link #start}, once the app's URL space is known. Each path
 * is exact and is checked once against the app's URL space and the other operations paths, so that none can shadow a
 * webhook or endpoint.
 */
public final class Operations implements InvocationListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final Settings settings;
    private final Manifest manifest;
    private final Metrics metrics;
    private final Map<String, OperationsEndpoint> exact = new LinkedHashMap<>();
    private final Map<String, OperationsEndpoint> trees = new LinkedHashMap<>();
    private final Map<String, String> settingOf = new LinkedHashMap<>();
    private PoolStats pool;
    private Health health;
    private InvocationLogPage logPage;

    /** @throws IllegalArgumentException when a setting is invalid, naming it */
    public Operations(Settings settings, Manifest manifest, RouteTable routes, ServletContext context) {
        this.settings = settings;
        this.manifest = manifest;
        if (settings.metricsEnabled()) {
            Object found = context.getAttribute(settings.metricsRegistryAttribute());
            if (found != null && !(found instanceof MeterRegistry)) {
                throw new IllegalArgumentException(Settings.METRICS_REGISTRY_ATTRIBUTE.name() + ": servlet context"
                        + " attribute " + settings.metricsRegistryAttribute() + " holds a " + found.getClass().getName()
                        + ", not an io.micrometer.core.instrument.MeterRegistry; store the registry itself there");
            }
            metrics = new Metrics((MeterRegistry) found, prometheusToken() != null, routes.routes());
        } else {
            metrics = null;
        }
    }

    private String prometheusToken() {
        return settings.raw(Settings.METRICS_PROMETHEUS_TOKEN.name());
    }

    /** Times every command of the data sources; call before their first use. */
    public void instrument(MongoServices mongo) {
        if (metrics != null) mongo.commandListeners(service -> new MongoCommandMeter(metrics, service));
    }

    /** What times the exchanges context.http makes. */
    public HttpExchanges httpExchanges() {
        return metrics == null ? HttpExchanges.NONE : new MeteredHttpExchanges(metrics);
    }

    /** The runner, its calls timed and its pool watched. */
    public FunctionRunner instrument(FunctionRunner runner) {
        if (runner instanceof ScriptRuntime runtime) pool = runtime.pool();
        if (metrics == null) return runner;
        if (pool != null) metrics.pool(pool);
        return new MeteredRunner(runner, manifest, metrics);
    }

    /**
     * Places the operations paths.
     *
     * @param appOwns whether a path lies in the app's URL space (webhooks, endpoints, client API)
     * @throws IllegalArgumentException when a path setting is invalid or collides, naming the setting
     */
    public void start(MongoServices mongo, ServletContext context, Predicate<String> appOwns) {
        health = new Health(manifest, mongo, pool);
        add(Settings.HEALTH_LIVENESS_PATH, false, health.liveness(), appOwns);
        add(Settings.HEALTH_READINESS_PATH, false, health.readiness(), appOwns);
        if (settings.openApiEnabled()) {
            add(Settings.OPENAPI_PATH, false, OpenApiResource.of(context::getResourceAsStream), appOwns);
        }
        String token = prometheusToken();
        if (metrics != null && token != null) {
            add(Settings.METRICS_PROMETHEUS_PATH, false, PrometheusScrape.of(metrics.prometheus(), token), appOwns);
        }
        String adminToken = settings.raw(Settings.LOG_ADMIN_TOKEN.name());
        String role = settings.raw(Settings.LOG_ROLE.name());
        if (adminToken != null || role != null) {
            logPage = new InvocationLogPage(store(mongo), adminToken, role, secrets());
            add(Settings.LOG_PATH, true, logPage, appOwns);
        }
        settingOf.forEach((path, setting) -> LOG.info("Operations path {} ({})", path, setting));
    }

    private InvocationStore store(MongoServices mongo) {
        String service = settings.raw(Settings.LOG_SERVICE.name());
        if (service == null) return new RingStore(settings.logSize());
        if (!mongo.has(service)) {
            throw new IllegalArgumentException(Settings.LOG_SERVICE.name() + ": \"" + service + "\" is not a MongoDB"
                    + " data source of this app; name one of " + mongo.names() + " or unset it for the in-memory log");
        }
        return new MongoStore(mongo, service, settings.logTtl());
    }

    /** Every secret value the app uses, to mask in the log page's console and error text. */
    private List<String> secrets() {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (WebhookDef w : manifest.webhooks()) {
            if (w.secret() != null) values.add(w.secret());
            if (w.secretName() != null) names.add(w.secretName());
        }
        for (EndpointDef e : manifest.endpoints()) if (e.secretName() != null) names.add(e.secretName());
        for (ValueDef v : manifest.values()) if (v.fromSecret() && v.secretName() != null) names.add(v.secretName());
        for (String name : names) values.add(settings.secret(name));
        values.add(settings.raw(Settings.LOG_ADMIN_TOKEN.name()));
        values.add(prometheusToken());
        return values;
    }

    private void add(SettingDef setting, boolean tree, OperationsEndpoint endpoint, Predicate<String> appOwns) {
        String path = settings.path(setting);
        if (appOwns.test(path) || appOwns.test(path + "/")) {
            throw new IllegalArgumentException(setting.name() + ": path " + path + " lies in the app's URL space"
                    + " (webhooks, endpoints, client API); choose another, e.g. " + setting.defaultValue());
        }
        for (Map.Entry<String, String> other : settingOf.entrySet()) {
            String taken = other.getKey();
            if (taken.equals(path) || (trees.containsKey(taken) && path.startsWith(taken + "/"))
                    || (tree && taken.startsWith(path + "/"))) {
                throw new IllegalArgumentException(setting.name() + ": path " + path + " collides with "
                        + other.getValue() + " (" + taken + "); give each operations path its own place");
            }
        }
        settingOf.put(path, setting.name());
        (tree ? trees : exact).put(path, endpoint);
    }

    /** Whether {@code path} is an operations path; checked before routing. */
    public boolean owns(String path) {
        if (exact.containsKey(path)) return true;
        for (String tree : trees.keySet()) {
            if (under(path, tree)) return true;
        }
        return false;
    }

    /** {@code path} is {@code root} or below it; no string is built, as this runs for every request. */
    private static boolean under(String path, String root) {
        return path.startsWith(root) && (path.length() == root.length() || path.charAt(root.length()) == '/');
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        OperationsEndpoint endpoint = exact.get(path);
        if (endpoint != null) {
            endpoint.serve(request, response, "");
            return;
        }
        for (Map.Entry<String, OperationsEndpoint> tree : trees.entrySet()) {
            String root = tree.getKey();
            if (under(path, root)) {
                tree.getValue().serve(request, response, path.substring(root.length()));
                return;
            }
        }
    }

    @Override
    public void completed(Exchange exchange, int status, HookError failure) {
        try {
            if (metrics != null) metrics.request(exchange, status, failure);
            if (logPage != null) logPage.record(exchange, status, failure);
        } catch (RuntimeException e) {
            LOG.warn("invocation={}: recording its metrics or log entry failed", exchange.invocationId(), e);
        }
    }

    /** The registry the filter records into, or null when metrics are off. */
    public MeterRegistry registry() {
        return metrics == null ? null : metrics.registry();
    }

    /** Each operations path and the setting that placed it, for the start-up log and webhook:run. */
    public Map<String, String> paths() {
        return Collections.unmodifiableMap(settingOf);
    }

    @Override
    public void close() {
        if (health != null) health.close();
        if (logPage != null) logPage.close();
        if (metrics != null) metrics.close();
    }
}
