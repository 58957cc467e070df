package dev.hookstead.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestJsonTest {

    @Test
    void writesEscapedJsonInOrderWithRedaction() throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q\"uote", "line\nbreak\u0001 é ✓");
        query.put("secret", "s3cr3t");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Many", List.of("a", "b\\c"));
        headers.put("Authorization", List.of("Bearer x"));
        headers.put("X-None", List.of());
        StringBuilder out = new StringBuilder("{\"query\":");
        RequestJson.query(out, query, "secret"::equals, "[redacted]").append(",\"headers\":");
        String json = RequestJson.headers(out, headers, "authorization"::equalsIgnoreCase, "[redacted]").append('}')
                .toString();

        assertEquals("{\"query\":{\"q\\\"uote\":\"line\\nbreak\\u0001 é ✓\",\"secret\":\"[redacted]\"},"
                + "\"headers\":{\"X-Many\":[\"a\",\"b\\\\c\"],\"Authorization\":[\"[redacted]\"],\"X-None\":[]}}", json);
        Map<?, ?> parsed = new ObjectMapper().readValue(json, Map.class);
        assertEquals("line\nbreak\u0001 é ✓", ((Map<?, ?>) parsed.get("query")).get("q\"uote"));
    }
}
