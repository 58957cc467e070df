package dev.hookstead.operations.metrics;

import io.micrometer.core.instrument.Timer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The client behind {@code context.http}, timing each exchange ({@value Metrics#HTTP_CLIENT_REQUESTS}) by method and
 * outcome: the status class ({@code 2xx} ... {@code 5xx}) or {@code error} when no response came. Everything else is
 * the wrapped client's.
 */
public final class MeteredHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final Metrics metrics;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public MeteredHttpClient(HttpClient delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<T> response = null;
        try {
            response = delegate.send(request, handler);
            return response;
        } finally {
            record(request, response, start);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        long start = System.nanoTime();
        return delegate.sendAsync(request, handler).whenComplete((response, failure) -> record(request, response, start));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        long start = System.nanoTime();
        return delegate.sendAsync(request, handler, push)
                .whenComplete((response, failure) -> record(request, response, start));
    }

    private void record(HttpRequest request, HttpResponse<?> response, long start) {
        String outcome = response == null ? "error" : (response.statusCode() / 100) + "xx";
        String method = request.method();
        timers.computeIfAbsent(method + " " + outcome, k -> metrics.httpTimer(method, outcome))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
