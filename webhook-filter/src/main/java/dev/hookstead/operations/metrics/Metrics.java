package dev.hookstead.operations.metrics;

import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.RouteMatch;
import dev.hookstead.pipeline.Target;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.routing.Route;
import dev.hookstead.script.runtime.PoolStats;
import dev.hookstead.validation.ReplayGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The filter's Micrometer meters. Every tag value comes from the manifest (route and function names), a fixed list
 * (methods, error codes, schemes) or the MongoDB driver's command names, never from a request's URL, so cardinality
 * stays bounded. Request timers are resolved once per route and (method, status, error code) and then looked up by
 * a small integer key: the hot path builds no tags.
 */
public final class Metrics implements AutoCloseable {

    public static final String REQUESTS = "hookstead.requests";
    public static final String FUNCTION_DURATION = "hookstead.function.duration";
    public static final String FUNCTION_RUNAWAYS = "hookstead.function.runaways";
    public static final String POOL_SIZE = "hookstead.pool.size";
    public static final String POOL_IN_USE = "hookstead.pool.in_use";
    public static final String POOL_WAITING = "hookstead.pool.waiting";
    public static final String POOL_ACQUIRE_TIMEOUTS = "hookstead.pool.acquire.timeouts";
    public static final String SIGNATURE_FAILURES = "hookstead.signature.failures";
    public static final String SIGNATURE_REPLAYS = "hookstead.signature.replays";
    public static final String MONGODB_COMMANDS = "hookstead.mongodb.commands";
    public static final String HTTP_CLIENT_REQUESTS = "hookstead.http.client.requests";

    /** Route tag of requests no route matched (404s inside the app's URL space). */
    static final String UNMATCHED = "unmatched";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final MeterRegistry found;
    private final Map<Route, RouteMeters> byRoute = new IdentityHashMap<>();
    private final RouteMeters unmatched;
    private final Map<String, Counter> signatureCounters = new ConcurrentHashMap<>();

    /**
     * @param found      the deployer's registry from the servlet context, or null
     * @param prometheus whether a scrape path needs a Prometheus registry
     */
    public Metrics(MeterRegistry found, boolean prometheus, Collection<Route> routes) {
        if (prometheus) {
            this.prometheus = found instanceof PrometheusMeterRegistry p ? p
                    : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            this.registry = found == null || found == this.prometheus ? this.prometheus
                    : new CompositeMeterRegistry(io.micrometer.core.instrument.Clock.SYSTEM, List.of(found, this.prometheus));
        } else {
            this.prometheus = null;
            this.registry = found != null ? found : new SimpleMeterRegistry();
        }
        this.found = found;
        for (Route route : routes) byRoute.put(route, new RouteMeters(route.displayName()));
        unmatched = new RouteMeters(UNMATCHED);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The registry the scrape path renders, or null without one. */
    public PrometheusMeterRegistry prometheus() {
        return prometheus;
    }

    /** Records one finished request; called once per invocation after the response. */
    public void request(Exchange exchange, int status, HookError failure) {
        RouteMatch route = exchange.route();
        RouteMeters meters = route == null ? unmatched : byRoute.getOrDefault(route, unmatched);
        long nanos = System.nanoTime() - exchange.startNanos();
        meters.timer(exchange.request().getMethod(), status, failure == null ? null : failure.code())
                .record(nanos, TimeUnit.NANOSECONDS);
        if (failure != null && failure.code() == ErrorCode.IncomingWebhookAuthFailed && route != null) {
            signatureFailure(exchange, failure);
        }
    }

    private void signatureFailure(Exchange exchange, HookError failure) {
        String scheme = scheme(exchange);
        boolean replay = failure.getMessage() != null && failure.getMessage().startsWith(ReplayGuard.REPLAY_MESSAGE);
        String name = replay ? SIGNATURE_REPLAYS : SIGNATURE_FAILURES;
        signatureCounters.computeIfAbsent(name + " " + scheme, k -> Counter.builder(name)
                .description(replay ? "Signed messages rejected because their id was already delivered"
                        : "Requests whose signature or secret did not verify")
                .tag("scheme", scheme).register(registry)).increment();
    }

    /** github, twilio, or the validation method in lower case (verify_payload, stripe, ...). */
    static String scheme(Exchange exchange) {
        Target target = exchange.target();
        return target == null ? "none" : target.validation().scheme().name().toLowerCase(Locale.ROOT);
    }

    /** Gauges of the script pool: in use, waiting, size, and the acquire timeouts counted so far. */
    public void pool(PoolStats pool) {
        Gauge.builder(POOL_IN_USE, pool, PoolStats::inUse).description("Script globals running a call")
                .register(registry);
        Gauge.builder(POOL_WAITING, pool, PoolStats::waiting).description("Calls waiting for a free script global")
                .register(registry);
        Gauge.builder(POOL_SIZE, pool, PoolStats::size).description("Script globals in the pool").register(registry);
        FunctionCounter.builder(POOL_ACQUIRE_TIMEOUTS, pool, PoolStats::acquireTimeouts)
                .description("Calls that found no free script global in time (503)").register(registry);
    }

    Timer functionTimer(String function) {
        return Timer.builder(FUNCTION_DURATION).description("Run time of functions, async work included")
                .tag("function", function).register(registry);
    }

    Counter runawayCounter(String function) {
        return Counter.builder(FUNCTION_RUNAWAYS).description("Functions stopped for running past their time limit")
                .tag("function", function).register(registry);
    }

    Timer mongoTimer(String service, String command, boolean success) {
        return Timer.builder(MONGODB_COMMANDS).description("MongoDB commands, as the driver reports them")
                .tags("service", service, "command", command, "outcome", success ? "success" : "failure")
                .register(registry);
    }

    Timer httpTimer(String method, String outcome) {
        return Timer.builder(HTTP_CLIENT_REQUESTS).description("Requests functions sent with context.http (each hop)")
                .tags("method", method, "outcome", outcome).register(registry);
    }

    /** Closes the registries this filter made; takes its meters out of the deployer's, for a redeploy. */
    @Override
    public void close() {
        if (found != null) {
            found.getMeters().stream().filter(m -> m.getId().getName().startsWith("hookstead."))
                    .forEach(found::remove);
        }
        if (prometheus != null && prometheus != found) prometheus.close();
        if (registry != found && registry != prometheus) registry.close();
    }

    /** The request timers of one route, created on first use of each (method, status, error code). */
    private final class RouteMeters {
        private final String route;
        private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

        RouteMeters(String route) {
            this.route = route;
        }

        Timer timer(String method, int status, ErrorCode code) {
            int methodIndex = METHODS.indexOf(method);
            int key = (methodIndex + 1) << 24 | (status & 0xFFFF) << 8 | (code == null ? 0 : code.ordinal() + 1);
            Timer timer = timers.get(key);
            if (timer != null) return timer;
            return timers.computeIfAbsent(key, k -> Timer.builder(REQUESTS)
                    .description("Requests the filter answered, by manifest route")
                    .tags("route", route, "method", methodIndex < 0 ? "other" : method, "status", String.valueOf(status),
                            "error_code", code == null ? "none" : code.name())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(300))
                    .register(registry));
        }
    }
}
