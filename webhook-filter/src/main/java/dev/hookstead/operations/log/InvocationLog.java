package dev.hookstead.operations.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.request.HeaderNames;
import dev.hookstead.request.RequestJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One INFO line per invocation, logger {@code dev.hookstead.invocation}:
 * {@code invocation=<id> route=<service/webhook> method= status= errorCode= durationMs= userType= userId= remoteIP=
 * args={query,headers,body:"<n> bytes"} console=[...]}. Credential headers and query keys are redacted, the body is
 * only counted, and {@code args} is left out when the webhook (or the endpoint's function) sets disable_arg_logs.
 */
public final class InvocationLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.hookstead.invocation");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String REDACTED = "[redacted]";
    /** Canonical forms ({@link HeaderNames}), the form every header name has in the request's data. */
    private static final Set<String> SECRET_HEADERS = Stream.of("authorization", "proxy-authorization", "cookie",
            "x-hook-signature", "endpoint-signature", "x-hub-signature", "x-hub-signature-256", "x-twilio-signature",
            "webhook-signature", "svix-signature", "stripe-signature", "x-slack-signature", "api-key", "apikey",
            "password", "jwttokenstring").map(HeaderNames::canonical).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SECRET_QUERY_KEYS = Set.of("secret", "password", "api-key", "apikey",
            "jwttokenstring");

    /** @param errorCode the error code answered, or null on success */
    public void log(Exchange exchange, int status, String errorCode) {
        if (!LOG.isInfoEnabled()) return;
        long millis = (System.nanoTime() - exchange.startNanos()) / 1_000_000;
        AppUser user = exchange.user();
        HttpRequestData data = exchange.data();
        StringBuilder line = new StringBuilder(512)
                .append("invocation=").append(exchange.invocationId())
                .append(" route=").append(exchange.route() == null ? exchange.path() : exchange.route().name())
                .append(" method=").append(exchange.request().getMethod())
                .append(" status=").append(status)
                .append(" errorCode=").append(errorCode == null ? "-" : errorCode)
                .append(" durationMs=").append(millis)
                .append(" userType=").append(user == null ? "-" : user.type())
                .append(" userId=").append(user == null || user.id() == null ? "-" : user.id())
                .append(" remoteIP=").append(data == null ? exchange.request().getRemoteAddr() : data.remoteIPAddress());
        if (data != null && !exchange.target().disableArgLogs()) line.append(" args=").append(args(data));
        if (exchange.result() != null && exchange.result().console() != null
                && !exchange.result().console().isEmpty()) {
            ArrayNode console = MAPPER.createArrayNode();
            exchange.result().console().forEach(console::add);
            line.append(" console=").append(console);
        }
        LOG.info(line.toString());
    }

    static String args(HttpRequestData data) {
        return args(data.query(), data.headers(), data.body() == null ? -1 : data.body().length);
    }

    /**
     * The query and headers, credentials redacted, and the body's size, as JSON.
     *
     * @param bodyLength -1 for no body
     */
    public static String args(Map<String, String> query, Map<String, List<String>> headers, int bodyLength) {
        StringBuilder out = new StringBuilder(256).append("{\"query\":");
        RequestJson.query(out, query, key -> SECRET_QUERY_KEYS.contains(key.toLowerCase(Locale.ROOT)), REDACTED)
                .append(",\"headers\":");
        RequestJson.headers(out, headers, SECRET_HEADERS::contains, REDACTED).append(",\"body\":");
        return RequestJson.string(out, bodyLength < 0 ? "none" : bodyLength + " bytes").append('}').toString();
    }
}
