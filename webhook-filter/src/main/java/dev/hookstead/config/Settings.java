package dev.hookstead.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every Hookstead setting, read the same way: setting {@code hookstead.<name>} comes from, in order of precedence,
 * <ol>
 *   <li>an init-param {@code hookstead.<name>}: the filter's, else the webapp's context-param (the only web.xml
 *       place for settings when the filter registered itself),</li>
 *   <li>the JVM system property {@code hookstead.<name>},</li>
 *   <li>the environment variable {@code HOOKSTEAD_<NAME>} (upper case, '.' and '-' become '_').</li>
 * </ol>
 * A blank value counts as unset. {@link #REGISTRY} lists every setting for the docs.
 */
public final class Settings {

    public static final String PREFIX = "hookstead.";

    public static final SettingDef FUNCTION_TIMEOUT = new SettingDef("hookstead.function.timeout", "300",
            "Maximum run time of one function invocation, in seconds.");
    public static final SettingDef FUNCTION_MAX_MEMORY = new SettingDef("hookstead.function.maxMemory",
            "350 (at most half the heap)",
            "Megabytes one function invocation may allocate, garbage included (its thread's allocated bytes); more ends"
                    + " the call with 400 FunctionExecutionError.");
    public static final SettingDef REQUEST_MAX_BYTES = new SettingDef("hookstead.request.maxBytes",
            String.valueOf(18 * 1024 * 1024),
            "Largest request body accepted, in bytes (18 MiB); larger bodies get 413 ReadSizeLimitExceeded.");
    public static final SettingDef SECRET = new SettingDef("hookstead.secret.<secretName>", "",
            "Value of the app Secret <secretName> (secrets are never exported).");
    public static final SettingDef SERVICE_URI = new SettingDef("hookstead.service.<serviceName>.uri", "",
            "Connection URI of the data source <serviceName>.");
    public static final SettingDef AUTO_REGISTER = new SettingDef("hookstead.autoRegister", "true",
            "Whether the filter registers itself for /* when the WAR holds a manifest. Read from context-params.");
    public static final SettingDef TRUSTED_PROXIES = new SettingDef("hookstead.trustedProxies", "",
            "Comma-separated IP addresses whose X-Forwarded-For header is trusted for context.request.remoteIPAddress.");
    public static final SettingDef PUBLIC_BASE_URL = new SettingDef("hookstead.publicBaseUrl", "",
            "Scheme, host and context path callers use (e.g. https://hooks.example.com/app), for webhookUrl behind a proxy.");
    public static final SettingDef ENGINE_POOL_SIZE = new SettingDef("hookstead.engine.poolSize", "4 x CPUs",
            "Number of script globals that run functions at the same time; a call keeps its global while it waits on"
                    + " MongoDB or HTTP, so more than one per CPU keeps the database busy.");
    public static final SettingDef ENGINE_ACQUIRE_TIMEOUT = new SettingDef("hookstead.engine.acquireTimeout", "30",
            "Seconds a request waits for a free script engine before 503 ServiceUnavailable.");
    public static final SettingDef ERROR_LINK_BASE = new SettingDef("hookstead.error.linkBase", "hookstead:invocation:",
            "Prefix of the \"link\" field of error bodies; the invocation id (also in the server log) follows it.");
    public static final SettingDef SIGNATURE_TOLERANCE = new SettingDef("hookstead.signature.tolerance", "300",
            "Seconds a signed timestamp (Standard Webhooks, Svix, Stripe, Slack) may differ from the server's clock.");
    public static final SettingDef REPLAY_SERVICE = new SettingDef("hookstead.replay.service", "first data source",
            "MongoDB data source whose database hookstead, collection replay, records verified message ids.");

    public static final SettingDef SERVICE_SERVER_SELECTION_TIMEOUT = new SettingDef(
            "hookstead.service.<serviceName>.serverSelectionTimeoutMS", "3000",
            "Milliseconds a MongoDB operation of data source <serviceName> waits for a reachable server before it fails"
                    + " with 503 ServiceUnavailable (a serverSelectionTimeoutMS in the URI is used when this is unset).");
    public static final SettingDef DATA_DIR = new SettingDef("hookstead.data.dir", "hookstead-data",
            "Directory of the embedded database file, used by every data source without a URI (relative to the"
                    + " server's working directory).");
    public static final SettingDef DATA_REQUIRE_URI = new SettingDef("hookstead.data.requireUri", "false",
            "When true, a data source without a URI fails start-up instead of using the embedded database.");
    public static final SettingDef HTTP_TIMEOUT = new SettingDef("hookstead.http.timeout", "60",
            "Seconds one context.http request may take, redirects included (connecting gets at most 10 of them);"
                    + " the function's remaining time bounds it further.");
    public static final SettingDef HTTP_ALLOWED_HOSTS = new SettingDef("hookstead.http.allowedHosts", "",
            "Comma-separated host names context.http may call (exact, case-insensitive); empty allows every host.");
    public static final SettingDef HTTP_ALLOW_PRIVATE = new SettingDef("hookstead.http.allowPrivate", "",
            "Comma-separated host names, addresses and CIDR ranges context.http may reach although they are loopback,"
                    + " link-local, private, unique-local or this server's own (all refused by default), e.g."
                    + " 10.0.0.0/8,billing.internal.");
    public static final SettingDef USERS_SERVICE = new SettingDef("hookstead.users.service",
            "first MongoDB data source",
            "MongoDB data source holding application users; with no data source, the internal service hookstead-users"
                    + " (URI setting hookstead.service.hookstead-users.uri, else the embedded database).");
    public static final SettingDef USERS_DATABASE = new SettingDef("hookstead.users.database", "hookstead-users",
            "Database of the user store (collections users, identities, apiKeys, keys).");
    public static final SettingDef AUTH_TOKEN_SIGNING_KEY = new SettingDef("hookstead.auth.tokenSigningKey", "",
            "Key (32+ characters) signing the access tokens of the login route; unset: a random key kept in the user"
                    + " store, shared by every instance using it.");

    public static final SettingDef HEALTH_LIVENESS_PATH = new SettingDef("hookstead.health.livenessPath",
            "/hookstead/health/live", "Path (inside the webapp) of the liveness check: 200 {\"status\":\"UP\"} while"
                    + " the filter runs; must not lie in the app's URL space.");
    public static final SettingDef HEALTH_READINESS_PATH = new SettingDef("hookstead.health.readinessPath",
            "/hookstead/health/ready", "Path of the readiness check: 200 when the manifest is loaded, the script pool is"
                    + " ready and every data source answers a ping within a second, else 503; JSON lists each check.");
    public static final SettingDef OPENAPI_ENABLED = new SettingDef("hookstead.openapi.enabled", "false",
            "Whether the filter serves the app's OpenAPI 3.1 document (WEB-INF/hookstead/openapi.json).");
    public static final SettingDef OPENAPI_PATH = new SettingDef("hookstead.openapi.path", "/hookstead/openapi.json",
            "Path of the OpenAPI document, when hookstead.openapi.enabled is true.");
    public static final SettingDef METRICS_ENABLED = new SettingDef("hookstead.metrics.enabled", "true",
            "Whether the filter records Micrometer meters (names hookstead.*).");
    public static final SettingDef METRICS_REGISTRY_ATTRIBUTE = new SettingDef("hookstead.metrics.registryAttribute",
            "io.micrometer.core.instrument.MeterRegistry", "Servlet context attribute holding the MeterRegistry to record"
                    + " into; when absent the filter keeps a registry of its own.");
    public static final SettingDef METRICS_PROMETHEUS_TOKEN = new SettingDef("hookstead.metrics.prometheus.token", "",
            "Bearer token of the Prometheus scrape path; unset: no scrape path.");
    public static final SettingDef METRICS_PROMETHEUS_PATH = new SettingDef("hookstead.metrics.prometheus.path",
            "/hookstead/metrics", "Path of the Prometheus scrape (Authorization: Bearer <token>).");
    public static final SettingDef LOG_ADMIN_TOKEN = new SettingDef("hookstead.log.adminToken", "",
            "Token that opens the invocation log page (sign in on the page, or Authorization: Bearer <token>); with"
                    + " neither this nor hookstead.log.role set the page is off.");
    public static final SettingDef LOG_ROLE = new SettingDef("hookstead.log.role", "",
            "Servlet security role whose holders may open the invocation log page (container authentication).");
    public static final SettingDef LOG_PATH = new SettingDef("hookstead.log.path", "/hookstead/log",
            "Path of the invocation log page.");
    public static final SettingDef LOG_SIZE = new SettingDef("hookstead.log.size", "1000",
            "Invocations the in-memory log keeps (the oldest go first).");
    public static final SettingDef LOG_SERVICE = new SettingDef("hookstead.log.service", "",
            "MongoDB data source whose database hookstead, collection invocations, holds the log instead of memory, so"
                    + " that instances share one log.");
    public static final SettingDef LOG_TTL = new SettingDef("hookstead.log.ttl", "604800",
            "Seconds an invocation stays in the MongoDB log (a TTL index removes it).");

    /** Every setting, in documentation order. */
    public static final List<SettingDef> REGISTRY = List.of(FUNCTION_TIMEOUT, REQUEST_MAX_BYTES, SECRET, SERVICE_URI,
            AUTO_REGISTER, TRUSTED_PROXIES, PUBLIC_BASE_URL, ENGINE_POOL_SIZE, ENGINE_ACQUIRE_TIMEOUT, ERROR_LINK_BASE,
            SERVICE_SERVER_SELECTION_TIMEOUT, DATA_DIR, DATA_REQUIRE_URI, HTTP_TIMEOUT, HTTP_ALLOWED_HOSTS,
            HTTP_ALLOW_PRIVATE, SIGNATURE_TOLERANCE, REPLAY_SERVICE, USERS_SERVICE, USERS_DATABASE,
            AUTH_TOKEN_SIGNING_KEY, FUNCTION_MAX_MEMORY,
            HEALTH_LIVENESS_PATH, HEALTH_READINESS_PATH, OPENAPI_ENABLED, OPENAPI_PATH, METRICS_ENABLED,
            METRICS_REGISTRY_ATTRIBUTE, METRICS_PROMETHEUS_TOKEN, METRICS_PROMETHEUS_PATH, LOG_ADMIN_TOKEN, LOG_ROLE,
            LOG_PATH, LOG_SIZE, LOG_SERVICE, LOG_TTL);

    private final UnaryOperator<String> initParams;
    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    /**
     * @param initParams       init-param lookup (may return null)
     * @param systemProperties usually {@code System::getProperty}
     * @param environment      usually {@code System::getenv}; injectable for tests
     */
    public Settings(UnaryOperator<String> initParams, UnaryOperator<String> systemProperties,
                    UnaryOperator<String> environment) {
        this.initParams = Objects.requireNonNull(initParams);
        this.systemProperties = Objects.requireNonNull(systemProperties);
        this.environment = Objects.requireNonNull(environment);
    }

    /** {@code hookstead.secret.mySecret} → {@code HOOKSTEAD_SECRET_MYSECRET}. */
    public static String environmentName(String settingName) {
        return settingName.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value from the first source that has one, or null. */
    public String raw(String name) {
        String value = nonBlank(initParams.apply(name));
        if (value == null) value = nonBlank(systemProperties.apply(name));
        if (value == null) value = nonBlank(environment.apply(environmentName(name)));
        return value;
    }

    public Duration functionTimeout() {
        return Duration.ofSeconds(positiveLong(FUNCTION_TIMEOUT.name(), 300, "a number of seconds", "300"));
    }

    /** The per-call allocation budget in bytes: the setting in MB, else the platform's 350 MB capped at half the heap. */
    public long functionMaxMemoryBytes(long defaultBytes) {
        if (raw(FUNCTION_MAX_MEMORY.name()) == null) return defaultBytes;
        return Math.min(positiveLong(FUNCTION_MAX_MEMORY.name(), 350, "a number of megabytes", "350"), Integer.MAX_VALUE)
                * 1024 * 1024;
    }

    public long requestMaxBytes() {
        return positiveLong(REQUEST_MAX_BYTES.name(), 18L * 1024 * 1024, "a number of bytes", "18874368");
    }

    /** The runtime value of the app Secret {@code name}, or null when the operator did not set it. */
    public String secret(String name) {
        return raw(secretSetting(name));
    }

    /** The setting that holds the app Secret {@code name}, for error messages. */
    public static String secretSetting(String name) {
        return PREFIX + "secret." + name;
    }

    /** The connection URI of service {@code name}, or null when unset. */
    public URI serviceUri(String name) {
        String setting = PREFIX + "service." + name + ".uri";
        String value = raw(setting);
        if (value == null) return null;
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + ": value is not a URI (" + e.getReason()
                    + "); set e.g. mongodb://localhost:27017");
        }
    }

    public boolean autoRegister() {
        return bool(AUTO_REGISTER.name(), true);
    }

    /** Addresses as written, e.g. {@code [10.0.0.1, ::1]}. */
    public List<String> trustedProxies() {
        String value = raw(TRUSTED_PROXIES.name());
        if (value == null) return List.of();
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Base URL without trailing '/', or null when unset. */
    public String publicBaseUrl() {
        String value = raw(PUBLIC_BASE_URL.name());
        if (value == null) return null;
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getQuery() != null) {
            throw new IllegalArgumentException(PUBLIC_BASE_URL.name() + ": value \"" + value
                    + "\" is not an absolute http(s) URL without query; set e.g. https://hooks.example.com/myapp");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    public int enginePoolSize() {
        long size = positiveLong(ENGINE_POOL_SIZE.name(), 4L * Runtime.getRuntime().availableProcessors(),
                "a number of engines", "4");
        return (int) Math.min(size, 1024);
    }

    public Duration engineAcquireTimeout() {
        return Duration.ofSeconds(positiveLong(ENGINE_ACQUIRE_TIMEOUT.name(), 30, "a number of seconds", "30"));
    }

    public String errorLinkBase() {
        String value = raw(ERROR_LINK_BASE.name());
        return value == null ? ERROR_LINK_BASE.defaultValue() : value;
    }

    public Duration httpTimeout() {
        return Duration.ofSeconds(positiveLong(HTTP_TIMEOUT.name(), 60, "a number of seconds", "60"));
    }

    /** Lower-case host names as written, e.g. {@code [api.example.com, hooks.slack.com]}; empty allows every host. */
    public Set<String> httpAllowedHosts() {
        String value = raw(HTTP_ALLOWED_HOSTS.name());
        if (value == null) return Set.of();
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : value.split(",")) {
            String name = host.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            if (!name.matches("[a-z0-9.\\-]+|\\[[0-9a-f:.]+]")) {
                throw new IllegalArgumentException(HTTP_ALLOWED_HOSTS.name() + ": \"" + host.trim()
                        + "\" is not a host name; list bare host names, e.g. api.example.com,hooks.slack.com");
            }
            hosts.add(name);
        }
        return Collections.unmodifiableSet(hosts);
    }

    /** The entries of {@code hookstead.http.allowPrivate} as written, blanks dropped; empty keeps all closed. */
    public List<String> httpAllowPrivate() {
        String value = raw(HTTP_ALLOW_PRIVATE.name());
        if (value == null) return List.of();
        return Arrays.stream(value.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    public Duration signatureTolerance() {
        return Duration.ofSeconds(positiveLong(SIGNATURE_TOLERANCE.name(), 300, "a number of seconds", "300"));
    }

    /** The data source named for replay protection, or null for the default. */
    public String replayService() {
        return raw(REPLAY_SERVICE.name());
    }

    /** The value of a path setting, or its default: starts with '/', no trailing '/', no query. */
    public String path(SettingDef setting) {
        String value = raw(setting.name());
        if (value == null) return setting.defaultValue();
        if (!value.matches("(/[A-Za-z0-9._~\\-]+)+")) {
            throw new IllegalArgumentException(setting.name() + ": value \"" + value + "\" is not a path inside the"
                    + " webapp (segments of letters, digits, '.', '_', '-', '~'); set e.g. " + setting.defaultValue());
        }
        return value;
    }

    public boolean openApiEnabled() {
        return bool(OPENAPI_ENABLED.name(), false);
    }

    public boolean metricsEnabled() {
        return bool(METRICS_ENABLED.name(), true);
    }

    public String metricsRegistryAttribute() {
        String value = raw(METRICS_REGISTRY_ATTRIBUTE.name());
        return value == null ? METRICS_REGISTRY_ATTRIBUTE.defaultValue() : value;
    }

    public int logSize() {
        return (int) Math.min(positiveLong(LOG_SIZE.name(), 1000, "a number of invocations", "1000"), 1_000_000);
    }

    public Duration logTtl() {
        return Duration.ofSeconds(positiveLong(LOG_TTL.name(), 604800, "a number of seconds", "86400"));
    }

    /** Checks every fixed setting once, so that a bad value fails deployment instead of a request. */
    public void validate() {
        httpTimeout();
        httpAllowedHosts();
        functionTimeout();
        functionMaxMemoryBytes(1);
        requestMaxBytes();
        autoRegister();
        publicBaseUrl();
        enginePoolSize();
        engineAcquireTimeout();
        signatureTolerance();
        for (SettingDef path : List.of(HEALTH_LIVENESS_PATH, HEALTH_READINESS_PATH, OPENAPI_PATH,
                METRICS_PROMETHEUS_PATH, LOG_PATH)) {
            path(path);
        }
        openApiEnabled();
        metricsEnabled();
        logSize();
        logTtl();
    }

    private long positiveLong(String name, long defaultValue, String what, String example) {
        String value = raw(name);
        if (value == null) return defaultValue;
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        if (parsed <= 0) {
            throw new IllegalArgumentException(name + ": value \"" + value + "\" is not " + what
                    + " (a whole number above 0); set e.g. " + example);
        }
        return parsed;
    }

    private boolean bool(String name, boolean defaultValue) {
        String value = raw(name);
        if (value == null) return defaultValue;
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException(name + ": value \"" + value + "\" is not true or false; set e.g. false");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
