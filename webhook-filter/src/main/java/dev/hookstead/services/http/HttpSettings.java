package dev.hookstead.services.http;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of {@code context.http}, mapped by the filter from {@code hookstead.http.timeout},
 * {@code hookstead.http.allowedHosts} and {@code hookstead.http.allowPrivate}.
 *
 * @param connectTimeout longest wait for a TCP/TLS connection
 * @param requestTimeout longest wait for a whole exchange, redirects included; the function's remaining time bounds
 *                       it further
 * @param allowedHosts   host names (case-insensitive, exact) requests may go to; empty allows every host
 * @param network        which addresses connections may reach; see {@link NetworkGuard}
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, Set<String> allowedHosts,
                           NetworkGuard network) {

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

    /** The private network closed (the default). */
    public HttpSettings(Duration connectTimeout, Duration requestTimeout, Set<String> allowedHosts) {
        this(connectTimeout, requestTimeout, allowedHosts, NetworkGuard.closed());
    }

    /** One timeout for the exchange; connecting gets at most 10 s of it. The private network is closed. */
    public static HttpSettings of(Duration timeout, Set<String> allowedHosts) {
        return of(timeout, allowedHosts, NetworkGuard.closed());
    }

    /** One timeout for the exchange; connecting gets at most 10 s of it. */
    public static HttpSettings of(Duration timeout, Set<String> allowedHosts, NetworkGuard network) {
        Duration connect = timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
        return new HttpSettings(connect, timeout, allowedHosts, network);
    }

    /**
     * The client to share between all functions (started by its first request, so runtimes that never call out start no
     * threads): every connection goes only to addresses {@link #network}
     * checked; no cookie store (cookies never leak between requests), no automatic redirects ({@link HttpBridge}
     * follows them itself so every hop passes the checks) and no retries.
     */
    public CloseableHttpAsyncClient newClient() {
        return HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(network)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout)).build())
                        .setMaxConnTotal(200)
                        .setMaxConnPerRoute(50)
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .build();
    }

    boolean allows(String host) {
        return allowedHosts.isEmpty() || allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }
}
