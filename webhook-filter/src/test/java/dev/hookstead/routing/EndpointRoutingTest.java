package dev.hookstead.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.hookstead.testing.TestApps.endpointPath;
import static org.junit.jupiter.api.Assertions.*;

/** Endpoint routing with a Java runner; {@code dev.hookstead.filter.HttpsEndpointTest} runs real functions. */
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
                        true, "JSON", null, "x")), List.of(function("put")))).start();
        server.runner().returning("put", new BsonString("stored"));

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
        assertEquals(200, matched.statusCode());
        assertEquals("\"stored\"", matched.body());
        assertEquals("put", server.runner().lastRequest.action());
        assertEquals("/items", server.runner().lastRequest.webhookUrl());
    }

    private static FunctionDef function(String name) {
        return new FunctionDef(name, false, RunAs.SYSTEM, null, false, TestApps.script(name), "functions/config.json");
    }
}
