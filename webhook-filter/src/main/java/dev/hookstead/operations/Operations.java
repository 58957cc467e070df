package dev.hookstead.operations;

import dev.hookstead.config.SettingDef;
import dev.hookstead.config.Settings;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.operations.health.Health;
import dev.hookstead.operations.openapi.OpenApiResource;
import dev.hookstead.script.FunctionRunner;
import dev.hookstead.script.ScriptRuntime;
import dev.hookstead.services.mongodb.MongoServices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operations paths of the filter: health, the OpenAPI document, the Prometheus scrape and the invocation log.
 * Each is an exact path, or for the log page a path and everything under it. Every path is checked once at start-up
 * against the app's URL space and the other operations paths, so that none can shadow a webhook or endpoint.
 */
public final class Operations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final Map<String, OperationsEndpoint> exact = new LinkedHashMap<>();
    private final Map<String, OperationsEndpoint> trees = new LinkedHashMap<>();
    private final Map<String, String> settingOf = new LinkedHashMap<>();
    private final Health health;

    /**
     * @param appOwns whether a path lies in the app's URL space (webhooks, endpoints, client API)
     * @throws IllegalArgumentException when a path setting is invalid or collides, naming the setting
     */
    public Operations(Settings settings, Manifest manifest, MongoServices mongo, FunctionRunner runner,
                      Function<String, InputStream> resources, Predicate<String> appOwns) {
        health = new Health(manifest, mongo, runner instanceof ScriptRuntime runtime ? runtime.pool() : null);
        add(settings, Settings.HEALTH_LIVENESS_PATH, false, health.liveness(), appOwns);
        add(settings, Settings.HEALTH_READINESS_PATH, false, health.readiness(), appOwns);
        if (settings.openApiEnabled()) {
            add(settings, Settings.OPENAPI_PATH, false, OpenApiResource.of(resources), appOwns);
        }
    }

    private void add(Settings settings, SettingDef setting, boolean tree, OperationsEndpoint endpoint,
                     Predicate<String> appOwns) {
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
        LOG.debug("operations path {} ({})", path, setting.name());
    }

    /** Whether {@code path} is an operations path; checked before routing. */
    public boolean owns(String path) {
        if (exact.containsKey(path)) return true;
        for (String tree : trees.keySet()) {
            if (path.equals(tree) || path.startsWith(tree + "/")) return true;
        }
        return false;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        OperationsEndpoint endpoint = exact.get(path);
        if (endpoint != null) {
            endpoint.serve(request, response, "");
            return;
        }
        for (Map.Entry<String, OperationsEndpoint> tree : trees.entrySet()) {
            String root = tree.getKey();
            if (path.equals(root) || path.startsWith(root + "/")) {
                tree.getValue().serve(request, response, path.substring(root.length()));
                return;
            }
        }
    }

    /** Each operations path and the setting that placed it, for the start-up log and webhook:run. */
    public Map<String, String> paths() {
        return Collections.unmodifiableMap(settingOf);
    }

    @Override
    public void close() {
        health.close();
    }
}
