package dev.hookstead.response;

import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestRunner;
import dev.hookstead.testing.TestServer;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.hookstead.testing.TestApps.webhook;
import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

/** Webhook response rules (spec 3.3) over real HTTP. */
class ResponseStageTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    private void start(boolean respondResult) {
        server.manifest(TestApps.app(webhook("hook", "ANY", ValidationMethod.NO_VALIDATION, null, respondResult)))
                .start();
    }

    @Test
    void respondResultSendsCompactCanonicalEjsonAsTheBlogCaptured() {
        start(true);
        server.runner().returning("hook", new BsonDocument("Processed", new BsonInt32(900)));

        HttpResponse<String> response = server.post(webhookPath("hook"), "{}");

        assertEquals(200, response.statusCode());
        assertEquals("{\"Processed\":{\"$numberInt\":\"900\"}}", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aReturnedStringIsAJsonStringLiteral() {
        start(true);
        server.runner().returning("hook", new BsonString("Hello \"world\""));

        assertEquals("\"Hello \\\"world\\\"\"", server.post(webhookPath("hook"), "{}").body());
    }

    @Test
    void anUndefinedReturnIsNull() {
        start(true);

        HttpResponse<String> response = server.post(webhookPath("hook"), "{}");

        assertEquals(200, response.statusCode());
        assertEquals("null", response.body());
    }

    @Test
    void responseMethodsWinAndTheReturnValueIsIgnored() {
        start(true);
        server.runner().on("hook", r -> TestRunner.responds(201,
                Map.of("Content-Type", List.of("text/csv"), "X-Multi", List.of("a", "b")),
                "a,b\n".getBytes(StandardCharsets.UTF_8), new BsonString("ignored")));

        HttpResponse<String> response = server.post(webhookPath("hook"), "{}");

        assertEquals(201, response.statusCode());
        assertEquals("a,b\n", response.body());
        assertEquals("text/csv", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of("a", "b"), response.headers().allValues("X-Multi"));
    }

    @Test
    void setStatusCodeAloneGivesNoBodyAsInTheConversionGuide() {
        start(true);
        // setStatusCode(200); return "Hello world" -> 200 with no body
        server.runner().on("hook", r -> TestRunner.responds(200, Map.of(), null, new BsonString("Hello world")));

        HttpResponse<String> response = server.post(webhookPath("hook"), "{}");

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void anUnsetStatusIs200AndABodyWithoutContentTypeIsPlainText() {
        start(false);
        server.runner().on("hook", r -> TestRunner.responds(0, Map.of(), "hi".getBytes(StandardCharsets.UTF_8), null));

        HttpResponse<String> response = server.post(webhookPath("hook"), "{}");

        assertEquals(200, response.statusCode());
        assertEquals("hi", response.body());
        assertEquals("text/plain;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", "").toLowerCase());
    }

    @Test
    void respondResultFalseWithoutResponseMethodsIsAnEmpty200() {
        start(false);
        server.runner().returning("hook", new BsonString("not sent"));

        HttpResponse<String> response = server.post(webhookPath("hook"), "{}");

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void headRequestsGetHeadersWithoutBody() {
        start(true);
        server.runner().returning("hook", new BsonInt32(1));

        HttpResponse<String> response = server.send(server.request(webhookPath("hook"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        assertEquals("HEAD", server.runner().lastRequest.httpMethod());
    }
}
