package dev.hookstead.validation;

import dev.hookstead.pipeline.HttpRequestData;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests and clocks for the scheme tests. */
final class SignedRequests {

    private SignedRequests() {
    }

    /** A POST with {@code body} (UTF-8) and headers given as name, value pairs. */
    static HttpRequestData post(String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) map.put(headers[i], List.of(headers[i + 1]));
        return new HttpRequestData("POST", map, Map.of(), "", body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", "https://example.com/hook", "svc", "hook");
    }

    /** The default ±300 s window around {@code unixSeconds}. */
    static Freshness at(long unixSeconds) {
        return new Freshness(Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC), Duration.ofSeconds(300));
    }
}
