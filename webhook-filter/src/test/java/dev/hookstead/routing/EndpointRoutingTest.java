package dev.hookstead.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.hookstead.testing.TestApps.endpointPath;
import static org.junit.jupiter.api.Assertions.*;

/** Endpoints are routed now; serving their functions comes later. */
class EndpointRoutingTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    @Test
    void wrongMethodDisabledAndUnknownEndpoints() throws Exception {
        server.manifest(TestApps.app(List.of(), List.of(
                new EndpointDef("/items", "GET", "list", ValidationMethod.NO_VALIDATION, null, true, false, false,
                        false, "JSON", null, "x"),
                new EndpointDef("/items", "PUT", "put", ValidationMethod.NO_VALIDATION, null, true, false, false,
                        false, "JSON", null, "x"),
                new EndpointDef("/off", "GET", "off", ValidationMethod.NO_VALIDATION, null, true, false, false,
                        true, "JSON", null, "x")), List.of())).start();

        HttpResponse<String> wrong = server.send(server.request(endpointPath("/items"))
                .DELETE().build());
        assertEquals(405, wrong.statusCode());
        assertEquals("GET, PUT", wrong.headers().firstValue("Allow").orElseThrow());

        HttpResponse<String> off = server.get(endpointPath("/off"));
        assertEquals(404, off.statusCode());
        assertEquals("IncomingWebhookNotFound", new ObjectMapper().readTree(off.body()).get("error_code").asText());
        assertEquals(404, server.get(endpointPath("/nothing")).statusCode());

        HttpResponse<String> matched = server.send(server.request(endpointPath("/items"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(500, matched.statusCode());
        assertEquals("HTTPS endpoints are not served yet",
                new ObjectMapper().readTree(matched.body()).get("error").asText());
    }
}
