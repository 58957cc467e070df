package dev.hookstead.services.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpCookie;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

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
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final CloseableHttpAsyncClient client;
    private final HttpSettings settings;
    private final LongSupplier remainingMillis;
    private final Runnable onAsyncOperation;
    private final HttpExchanges exchanges;

    /**
     * @param client           shared client, normally {@link HttpSettings#newClient()}
     * @param remainingMillis  time the running function has left; bounds every exchange
     * @param onAsyncOperation called once per request before it starts; what it throws propagates unchanged
     * @param exchanges        told of every exchange, each redirect hop on its own
     */
    public HttpBridge(CloseableHttpAsyncClient client, HttpSettings settings, LongSupplier remainingMillis,
                      Runnable onAsyncOperation, HttpExchanges exchanges) {
        this.client = client;
        this.settings = settings;
        this.remainingMillis = remainingMillis;
        this.onAsyncOperation = onAsyncOperation;
        this.exchanges = exchanges;
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
            client.start(); // idempotent: the first request of the app starts the client's threads
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
    private SimpleHttpResponse exchange(OutgoingRequest request, long deadline, long budget) {
        URI uri = request.uri();
        String method = request.method();
        byte[] body = request.body();
        Map<String, List<String>> headers = request.headers();
        for (int hop = 0; ; hop++) {
            if (!settings.allows(uri.getHost())) {
                throw new IllegalArgumentException(request.action() + ": host " + uri.getHost()
                        + " is not in hookstead.http.allowedHosts");
            }
            SimpleHttpResponse response = sendOnce(request.action(), uri, method, headers, body, deadline, budget);
            Header locationHeader = response.getFirstHeader("Location");
            String location = locationHeader == null ? null : locationHeader.getValue();
            if (!request.followRedirects() || !REDIRECTS.contains(response.getCode()) || location == null) {
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
            int status = response.getCode();
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

    private SimpleHttpResponse sendOnce(String action, URI uri, String method, Map<String, List<String>> headers,
                                        byte[] body, long deadline, long budget) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw timedOut(action, uri, budget);
        }
        SimpleHttpRequest http = SimpleHttpRequest.create(method, uri);
        String contentType = null;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                checkHeader(action, header.getKey(), value);
                if (header.getKey().equalsIgnoreCase("Content-Type") && body != null) {
                    contentType = value; // travels with the body, or the client would send a second one
                } else {
                    http.addHeader(header.getKey(), value);
                }
            }
        }
        if (body != null) {
            http.setBody(body, contentType == null ? null : ContentType.parse(contentType));
        }
        long start = System.nanoTime();
        int status = 0;
        Future<SimpleHttpResponse> future = client.execute(http, null);
        try {
            SimpleHttpResponse response = future.get(left, TimeUnit.MILLISECONDS);
            status = response.getCode();
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(action, uri, budget);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException(action + ": interrupted while waiting for " + uri.getHost());
        } catch (ExecutionException e) {
            throw failed(action, uri, e.getCause(), budget);
        } finally {
            exchanges.exchanged(method, status, System.nanoTime() - start);
        }
    }

    private static void checkHeader(String action, String name, String value) {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(action + ": invalid header (name '" + name + "')");
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(action + ": invalid header (value of '" + name
                    + "' holds a line break or NUL)");
        }
    }

    private static IllegalArgumentException failed(String action, URI uri, Throwable cause, long budget) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof NetworkGuard.Refused) {
                return new IllegalArgumentException(action + ": " + c.getMessage());
            }
        }
        if (cause instanceof ConnectTimeoutException) {
            return new IllegalArgumentException(action + ": could not connect to " + uri.getHost()
                    + " in time (hookstead.http.timeout)");
        }
        if (cause instanceof SocketTimeoutException) {
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

    private static String responseJson(SimpleHttpResponse response) {
        ObjectNode out = JSON.createObjectNode();
        int code = response.getCode();
        String reason = StatusText.of(code);
        out.put("status", reason.isEmpty() ? String.valueOf(code) : code + " " + reason);
        out.put("statusCode", code);
        byte[] body = response.getBodyBytes() == null ? new byte[0] : response.getBodyBytes();
        out.put("contentLength", contentLength(response, body.length));
        ObjectNode headers = out.putObject("headers");
        ObjectNode cookies = out.putObject("cookies");
        for (Header header : response.getHeaders()) {
            if (!header.getName().startsWith(":")) {
                headers.withArray(canonical(header.getName())).add(header.getValue());
            }
            if (header.getName().equalsIgnoreCase("Set-Cookie")) {
                for (HttpCookie cookie : parseCookies(header.getValue())) {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        out.put("body", Base64.getEncoder().encodeToString(body));
        return out.toString();
    }

    private static long contentLength(SimpleHttpResponse response, int received) {
        Header header = response.getFirstHeader("Content-Length");
        try {
            return header == null ? received : Long.parseLong(header.getValue().trim());
        } catch (NumberFormatException e) {
            return received;
        }
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
