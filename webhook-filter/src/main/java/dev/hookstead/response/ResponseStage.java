package dev.hookstead.response;

import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.Stage;
import dev.hookstead.pipeline.Target;
import dev.hookstead.pipeline.Target.Reply;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a function's result into the HTTP response (spec 3.3). Webhooks:
 * <ul>
 *   <li>any response method called: the response object wins and the return value is ignored; status 200 unless
 *       set; no body unless {@code setBody} was called;</li>
 *   <li>else with {@code respond_result}: 200, {@code application/json}, the return value as compact canonical
 *       EJSON; an {@code undefined} return gives {@code null};</li>
 *   <li>else: 200 with an empty body.</li>
 * </ul>
 * Endpoints:
 * <ul>
 *   <li>{@code respond_result: false}: 204 with an empty body, whatever the function did with {@code response}
 *       (logged once per endpoint, since the function's status and body are lost);</li>
 *   <li>else status (200 unless set) and headers from {@code response}; the body is what {@code setBody} set, or
 *       else the return value in the {@link ResponseFormat} the request negotiated, as {@code application/json}.</li>
 * </ul>
 * A body without a Content-Type header gets {@code text/plain; charset=utf-8} (what Go's content sniffing gives for
 * text). Statuses 1xx, 204 and 304 never carry a body.
 */
public final class ResponseStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseStage.class);
    static final String DEFAULT_BODY_TYPE = "text/plain; charset=utf-8";
    static final String JSON_TYPE = "application/json";
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");

    private final Set<String> warnedNoResult = ConcurrentHashMap.newKeySet();

    @Override
    public void apply(Exchange exchange) throws IOException {
        Target target = exchange.target();
        FunctionResult result = exchange.result();
        HttpServletResponse response = exchange.response();
        switch (target.reply()) {
            case WEBHOOK, WEBHOOK_RESULT -> {
                if (result.responseUsed()) {
                    send(response, status(result), headers(result), result.body(), DEFAULT_BODY_TYPE);
                } else if (target.reply() == Reply.WEBHOOK_RESULT) {
                    send(response, 200, Map.of(), utf8(ResponseFormat.EJSON.encode(result.returnValue())), JSON_TYPE);
                } else {
                    send(response, 200, Map.of(), null, null);
                }
            }
            case ENDPOINT_NO_RESULT -> {
                if (result.responseUsed() && warnedNoResult.add(target.description())) {
                    LOG.warn("{} has respond_result false, so it always answers 204 without a body; the status, "
                            + "headers and body its function sets are not sent. Set \"respond_result\": true in "
                            + "http_endpoints/config.json to send them", target.description());
                }
                send(response, 204, Map.of(), null, null);
            }
            case ENDPOINT -> endpoint(exchange, target, result);
        }
    }

    private static void endpoint(Exchange exchange, Target target, FunctionResult result) throws IOException {
        HttpServletResponse response = exchange.response();
        if (result.body() != null) {
            send(response, status(result), headers(result), result.body(), DEFAULT_BODY_TYPE);
        } else {
            ResponseFormat format = ResponseFormat.negotiate(exchange.data().header("Accept"), target.returnType());
            byte[] body = utf8(format.encode(result.returnValue()));
            send(response, status(result), headers(result), body, JSON_TYPE);
        }
    }

    /** @param body null for none; {@code defaultType} applies when the headers carry no Content-Type */
    private static void send(HttpServletResponse response, int status, Map<String, List<String>> headers,
                             byte[] body, String defaultType) throws IOException {
        response.setStatus(status);
        boolean hasContentType = false;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            // The container frames the body itself.
            if (FRAMING.contains(header.getKey().toLowerCase(Locale.ROOT))) continue;
            hasContentType |= header.getKey().equalsIgnoreCase("Content-Type");
            // the first value replaces a header set before the function (a CORS header the filter added)
            boolean first = true;
            for (String value : header.getValue()) {
                if (first) response.setHeader(header.getKey(), value);
                else response.addHeader(header.getKey(), value);
                first = false;
            }
        }
        if (status < 200 || status == 204 || status == 304) return;
        if (body == null) {
            response.setContentLength(0);
            return;
        }
        if (!hasContentType) response.setContentType(defaultType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static int status(FunctionResult result) {
        return result.statusCode() == 0 ? 200 : result.statusCode();
    }

    private static Map<String, List<String>> headers(FunctionResult result) {
        return result.headers() == null ? Map.of() : result.headers();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
