package dev.hookstead.services.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The only Java object {@code http-client.js} is handed ({@code context.http} and HTTP service clients, spec 3.4).
 * The script passes a checked request description as JSON and gets the response as JSON; every failure comes back as
 * an {@link IllegalArgumentException} whose message the script turns into a rejected promise with a plain
 * {@code Error}. Requests run synchronously on the calling thread.
 */
public final class HttpBridge {

    /** Classpath resource evaluating to {@code function(bridge, BSON, EJSON, Promise) -> {get, post, ...}}. */
    public static final String CLIENT_SCRIPT = "dev/hookstead/services/http/http-client.js";

    static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final HttpSettings settings;
    private final LongSupplier remainingMillis;
    private final Runnable onAsyncOperation;

    /**
     * @param client           shared client, normally {@link HttpSettings#newClient()}
     * @param remainingMillis  time the running function has left; bounds every exchange
     * @param onAsyncOperation called once per request before it starts; what it throws propagates unchanged
     */
    public HttpBridge(HttpClient client, HttpSettings settings, LongSupplier remainingMillis,
                      Runnable onAsyncOperation) {
        this.client = client;
        this.settings = settings;
        this.remainingMillis = remainingMillis;
        this.onAsyncOperation = onAsyncOperation;
    }

    /**
     * Sends one request and returns {@code {status, statusCode, contentLength, headers, cookies, body}} as JSON, the
     * body as base64. HTTP error statuses are responses like any other.
     */
    public String send(String requestJson) {
        onAsyncOperation.run();
        try {
            OutgoingRequest request = OutgoingRequest.of(JSON.readTree(requestJson));
            long budget = Math.min(settings.requestTimeout().toMillis(), remainingMillis.getAsLong());
            if (budget <= 0) {
                throw new IllegalArgumentException(request.action() + ": the function has no time left for a request");
            }
            return responseJson(exchange(request, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budget), budget));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("context.http: the request description is not JSON");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("context.http: internal error (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The message of an exception this bridge threw, or {@code null} for anything else (which must propagate). */
    public String errorMessage(Object thrown) {
        return thrown instanceof IllegalArgumentException e ? e.getMessage() : null;
    }

    /** Sends, following redirects when asked; each hop passes the allow-list and shares the deadline. */
    private HttpResponse<byte[]> exchange(OutgoingRequest request, long deadline, long budget) {
        URI uri = request.uri();
        String method = request.method();
        byte[] body = request.body();
        Map<String, List<String>> headers = request.headers();
        for (int hop = 0; ; hop++) {
            if (!settings.allows(uri.getHost())) {
                throw new IllegalArgumentException(request.action() + ": host " + uri.getHost()
                        + " is not in hookstead.http.allowedHosts");
            }
            HttpResponse<byte[]> response = sendOnce(request.action(), uri, method, headers, body, deadline, budget);
            String location = response.headers().firstValue("Location").orElse(null);
            if (!request.followRedirects() || !REDIRECTS.contains(response.statusCode()) || location == null) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new IllegalArgumentException(request.action() + ": stopped after " + MAX_REDIRECTS + " redirects");
            }
            URI next;
            try {
                next = uri.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(request.action() + ": redirect to an invalid Location '"
                        + location + "'");
            }
            int status = response.statusCode();
            if (status == 303 || (status == 301 || status == 302) && !method.equals("GET") && !method.equals("HEAD")) {
                method = "GET";
                body = null;
            }
            if (!next.getHost().equalsIgnoreCase(uri.getHost())) {
                headers = withoutCredentials(headers); // as browsers and Go do, keep secrets on their host
            }
            uri = next;
        }
    }

    private HttpResponse<byte[]> sendOnce(String action, URI uri, String method, Map<String, List<String>> headers,
                                          byte[] body, long deadline, long budget) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw timedOut(action, uri, budget);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(left))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(action + ": invalid header (" + e.getMessage() + ")");
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(action, uri, budget);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException(action + ": interrupted while waiting for " + uri.getHost());
        } catch (ExecutionException e) {
            throw failed(action, uri, e.getCause(), budget);
        }
    }

    private static IllegalArgumentException failed(String action, URI uri, Throwable cause, long budget) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new IllegalArgumentException(action + ": could not connect to " + uri.getHost()
                    + " in time (hookstead.http.timeout)");
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut(action, uri, budget);
        }
        if (cause instanceof ConnectException) {
            return new IllegalArgumentException(action + ": could not connect to " + hostAndPort(uri));
        }
        if (cause instanceof IOException) {
            return new IllegalArgumentException(action + ": request to " + hostAndPort(uri) + " failed ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + ")");
        }
        return new IllegalArgumentException(action + ": request to " + hostAndPort(uri) + " failed");
    }

    private static IllegalArgumentException timedOut(String action, URI uri, long budget) {
        return new IllegalArgumentException(action + ": no response from " + uri.getHost() + " within " + budget
                + " ms (hookstead.http.timeout, bounded by the function's remaining time)");
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static Map<String, List<String>> withoutCredentials(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new LinkedHashMap<>(headers);
        kept.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie"));
        return kept;
    }

    private static String responseJson(HttpResponse<byte[]> response) {
        ObjectNode out = JSON.createObjectNode();
        int code = response.statusCode();
        String reason = StatusText.of(code);
        out.put("status", reason.isEmpty() ? String.valueOf(code) : code + " " + reason);
        out.put("statusCode", code);
        byte[] body = response.body();
        out.put("contentLength", response.headers().firstValueAsLong("Content-Length").orElse(body.length));
        ObjectNode headers = out.putObject("headers");
        ObjectNode cookies = out.putObject("cookies");
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(headers.withArray(canonical(name))::add);
            }
        });
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : parseCookies(setCookie)) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        out.put("body", Base64.getEncoder().encodeToString(body));
        return out.toString();
    }

    private static List<HttpCookie> parseCookies(String header) {
        try {
            return HttpCookie.parse(header);
        } catch (IllegalArgumentException malformed) {
            return new ArrayList<>();
        }
    }

    /** Go's canonical header form, as the platform showed names: {@code content-type} becomes {@code Content-Type}. */
    static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
