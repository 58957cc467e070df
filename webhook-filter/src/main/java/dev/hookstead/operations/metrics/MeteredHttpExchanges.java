package dev.hookstead.operations.metrics;

import dev.hookstead.services.http.HttpExchanges;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times each exchange {@code context.http} makes ({@value Metrics#HTTP_CLIENT_REQUESTS}) by method and outcome: the
 * status class ({@code 2xx} ... {@code 5xx}) or {@code error} when no response came.
 */
public final class MeteredHttpExchanges implements HttpExchanges {

    private final Metrics metrics;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public MeteredHttpExchanges(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void exchanged(String method, int status, long nanos) {
        String outcome = status == 0 ? "error" : (status / 100) + "xx";
        timers.computeIfAbsent(method + " " + outcome, k -> metrics.httpTimer(method, outcome))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
