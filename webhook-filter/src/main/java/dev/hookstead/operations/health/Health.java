package dev.hookstead.operations.health;

import com.mongodb.client.MongoClient;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.operations.endpoint.OperationsEndpoint;
import dev.hookstead.operations.endpoint.Responses;
import dev.hookstead.script.runtime.PoolStats;
import dev.hookstead.services.mongodb.MongoServices;
import org.bson.Document;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Liveness ({@code {"status":"UP"}} while the filter runs) and readiness: the manifest is loaded, the script pool is
 * open (the filter serves nothing before its first global is built, and nothing after it closed), and each MongoDB data source answers {@code ping} within {@link #PING_BUDGET}. Readiness answers 503 while any
 * check is DOWN. A ping still running from an earlier check is awaited again rather than started twice, so a hung
 * database never piles up threads.
 */
public final class Health implements AutoCloseable {

    public static final Duration PING_BUDGET = Duration.ofSeconds(1);

    private final Manifest manifest;
    private final MongoServices mongo;
    private final PoolStats pool;
    private final ExecutorService pings = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hookstead-health-ping");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param pool the script pool's statistics, or null when the runner is not a {@code ScriptRuntime} */
    public Health(Manifest manifest, MongoServices mongo, PoolStats pool) {
        this.manifest = manifest;
        this.mongo = mongo;
        this.pool = pool;
        for (String name : mongo.names()) ping(name); // connects (or starts the embedded database) before the first check
    }

    public OperationsEndpoint liveness() {
        return (request, response, subPath) -> {
            if (!Responses.readOnly(request, response)) return;
            Responses.json(response, closed ? 503 : 200, Map.of("status", closed ? "DOWN" : "UP"));
        };
    }

    public OperationsEndpoint readiness() {
        return (request, response, subPath) -> {
            if (!Responses.readOnly(request, response)) return;
            Map<String, Object> checks = checks();
            boolean up = checks.values().stream().allMatch(Health::up);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("checks", checks);
            Responses.json(response, up ? 200 : 503, body);
        };
    }

    /** Each check by name: {@code {"status":"UP"|"DOWN", ...details}}. */
    Map<String, Object> checks() {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("manifest", Map.of("status", closed ? "DOWN" : "UP", "webhooks", manifest.webhooks().size(),
                "endpoints", manifest.endpoints().size()));
        checks.put("scriptPool", closed ? Map.of("status", "DOWN") : pool == null ? Map.of("status", "UP")
                : Map.of("status", "UP", "size", pool.size(), "inUse", pool.inUse(), "waiting", pool.waiting()));
        Map<String, Future<?>> started = new LinkedHashMap<>();
        for (String name : mongo.names()) started.put(name, ping(name));
        long deadline = System.nanoTime() + PING_BUDGET.toNanos();
        started.forEach((name, future) -> checks.put("dataSource:" + name, await(name, future, deadline)));
        return checks;
    }

    private Future<?> ping(String name) {
        return running.compute(name, (key, previous) -> previous != null && !previous.isDone() ? previous
                : pings.submit(() -> {
                    MongoClient client = mongo.client(name);
                    return client.getDatabase("admin").runCommand(new Document("ping", 1));
                }));
    }

    private static Map<String, Object> await(String name, Future<?> future, long deadline) {
        long start = System.nanoTime();
        try {
            future.get(Math.max(0, deadline - start), TimeUnit.NANOSECONDS);
            return Map.of("status", "UP");
        } catch (TimeoutException e) {
            return Map.of("status", "DOWN", "error", "no answer to ping within " + PING_BUDGET.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Map.of("status", "DOWN", "error", "ping failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("status", "DOWN", "error", "interrupted");
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean up(Object check) {
        return "UP".equals(((Map<String, Object>) check).get("status"));
    }

    @Override
    public void close() {
        closed = true;
        pings.shutdownNow();
    }

}
