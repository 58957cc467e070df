package dev.hookstead.example;

import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example app's HTTPS endpoints ({@code http_endpoints/config.json}) as the plugin compiled them. */
class ExampleEndpointsTest {

    private static final String ENDPOINTS = "/app/hookstead-example-abcde/endpoint";
    /** The endpoint docs' curl example: the MAC covers the body with its spaces. */
    private static final String DOCS_BODY = "{ \"message\": \"Hello!\" }";
    private static final String DOCS_SIGNATURE =
            "sha256=d4f0537db4e230d7a6028a6f7c3bb1b57c9d16f39176d78697e559ac333e0b36";

    @RegisterExtension
    final TestServer server = new TestServer();

    @BeforeEach
    void start() {
        server.env("HOOKSTEAD_SECRET_NOTIFYSECRET", "Super5ecr3tPa55w0rd")
                .webapp(Path.of(System.getProperty("hookstead.example.webapp"))).start();
    }

    @Test
    void orderStatusAnswersPlainJsonOrEjsonOnRequest() {
        // curl '<base>/app/hookstead-example-abcde/endpoint/orders/status?id=o-7'
        HttpResponse<String> json = server.get(ENDPOINTS + "/orders/status?id=o-7");
        assertEquals(200, json.statusCode(), json::body);
        assertEquals("no-store", json.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("{\"id\":\"o-7\",\"status\":\"shipped\",\"shippedAt\":\"2024-03-17T09:30:00Z\",\"total\":\"42.50\","
                + "\"items\":3}", json.body());

        HttpResponse<String> ejson = server.send(server.request(ENDPOINTS + "/orders/status?id=o-7")
                .header("Accept", "application/ejson").GET().build());
        assertEquals("{\"id\":\"o-7\",\"status\":\"shipped\",\"shippedAt\":{\"$date\":{\"$numberLong\":\"1710667800000\"}},"
                + "\"total\":{\"$numberDecimal\":\"42.50\"},\"items\":{\"$numberInt\":\"3\"}}", ejson.body());

        HttpResponse<String> missing = server.get(ENDPOINTS + "/orders/status");
        assertEquals(400, missing.statusCode());
        assertEquals("{\"error\":\"pass the order id as ?id=\"}", missing.body());
    }

    @Test
    void notifyTakesTheDocsSignedCurlAndAnswers204() {
        // curl -X POST -H "Endpoint-Signature: sha256=d4f0537d…" -d '{ "message": "Hello!" }' <url>
        HttpResponse<String> signed = server.post(ENDPOINTS + "/orders/notify", DOCS_BODY,
                "Content-Type", "application/json", "Endpoint-Signature", DOCS_SIGNATURE);
        assertEquals(204, signed.statusCode(), signed::body);
        assertEquals("", signed.body());

        HttpResponse<String> forged = server.post(ENDPOINTS + "/orders/notify", DOCS_BODY,
                "Endpoint-Signature", "sha256=00");
        assertEquals(401, forged.statusCode());
        assertTrue(forged.body().contains("IncomingWebhookAuthFailed"), forged.body());
        assertEquals(405, server.get(ENDPOINTS + "/orders/notify").statusCode());
    }
}
