package dev.hookstead.operations.metrics;

import dev.hookstead.operations.endpoint.OperationsEndpoint;
import dev.hookstead.operations.endpoint.Responses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The Prometheus text exposition of the filter's registry, for a scraper that sends the configured bearer token. */
public final class PrometheusScrape {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusScrape() {
    }

    public static OperationsEndpoint of(PrometheusMeterRegistry registry, String token) {
        return (request, response, subPath) -> {
            if (!Responses.readOnly(request, response)) return;
            if (!Responses.bearer(request, token)) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"hookstead metrics\"");
                Responses.json(response, 401, Map.of("error", "send Authorization: Bearer <hookstead.metrics.prometheus.token>"));
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.setContentType(CONTENT_TYPE);
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        };
    }
}
