package dev.hookstead.services.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of {@code context.http}, mapped by the filter from {@code hookstead.http.timeout} and
 * {@code hookstead.http.allowedHosts}.
 *
 * @param connectTimeout longest wait for a TCP/TLS connection
 * @param requestTimeout longest wait for a whole exchange, redirects included; the function's remaining time bounds
 *                       it further
 * @param allowedHosts   host names (case-insensitive, exact) requests may go to; empty allows every host
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, Set<String> allowedHosts) {

    /** What the filter uses when {@code hookstead.http.timeout} is not set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public HttpSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("hookstead.http.timeout must be positive, got connect "
                    + connectTimeout + " and request " + requestTimeout);
        }
        allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** One timeout for the exchange; connecting gets at most 10 s of it. */
    public static HttpSettings of(Duration timeout, Set<String> allowedHosts) {
        Duration connect = timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
        return new HttpSettings(connect, timeout, allowedHosts);
    }

    /**
     * The client to share between all functions: no cookie store (cookies never leak between requests) and no
     * automatic redirects ({@link HttpBridge} follows them itself so every hop passes the host allow-list).
     */
    public HttpClient newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    boolean allows(String host) {
        return allowedHosts.isEmpty() || allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }
}
