package dev.hookstead.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.hookstead.testing.TestApps.webhook;
import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

/** The three validation methods over real HTTP, with the docs' curl commands. */
class ValidationStageTest {

    private static final String SEED_SIGNATURE = "sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862";
    private static final String SEED_BODY = "{\"message\":\"MESSAGE\"}";

    @RegisterExtension
    final TestServer server = new TestServer();

    private void verifyPayloadApp() {
        server.manifest(TestApps.app(webhook("signed", "POST", ValidationMethod.VERIFY_PAYLOAD, "12345", true))).start();
    }

    private static String errorCode(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body()).get("error_code").asText();
    }

    @Test
    void theDocsCurlWithTheSeedSignaturePasses() {
        verifyPayloadApp();
        // curl -H "Content-Type: application/json" -H "X-Hook-Signature:sha256=828e…7862" -d '{"message":"MESSAGE"}' <url>
        HttpResponse<String> response = server.post(webhookPath("signed"), SEED_BODY,
                "Content-Type", "application/json", "X-Hook-Signature", SEED_SIGNATURE);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(SEED_BODY, new String(server.runner().lastRequest.body()));
    }

    @Test
    void aWrongSignatureIs401() throws Exception {
        verifyPayloadApp();
        HttpResponse<String> response = server.post(webhookPath("signed"), SEED_BODY + " ",
                "X-Hook-Signature", SEED_SIGNATURE);

        assertEquals(401, response.statusCode());
        assertEquals("IncomingWebhookAuthFailed", errorCode(response));
        assertEquals(0, server.runner().calls);
    }

    @Test
    void aMissingSignatureIs401() throws Exception {
        verifyPayloadApp();
        HttpResponse<String> response = server.post(webhookPath("signed"), SEED_BODY);

        assertEquals(401, response.statusCode());
        assertEquals("IncomingWebhookAuthFailed", errorCode(response));
    }

    @Test
    void theQuerySecretPassesAndIsRemovedFromWhatTheFunctionSees() {
        server.manifest(TestApps.app(webhook("q", "POST", ValidationMethod.SECRET_AS_QUERY_PARAM, "12345", true))).start();
        // curl -X POST '<url>?secret=12345' -d '{...}'
        HttpResponse<String> response = server.post(webhookPath("q") + "?secret=12345&someParam=42&other=a%20b", "{}");

        assertEquals(200, response.statusCode(), response.body());
        var seen = server.runner().lastRequest;
        assertEquals("someParam=42&other=a%20b", seen.rawQueryString());
        assertEquals(Map.of("someParam", "42", "other", "a b"), seen.query());
        assertFalse(seen.webhookUrl().contains("12345"), seen.webhookUrl());
    }

    @Test
    void theQuerySecretAloneLeavesAnEmptyQuery() {
        server.manifest(TestApps.app(webhook("q", "POST", ValidationMethod.SECRET_AS_QUERY_PARAM, "12345", true))).start();

        assertEquals(200, server.post(webhookPath("q") + "?secret=12345", "{}").statusCode());
        assertEquals("", server.runner().lastRequest.rawQueryString());
        assertTrue(server.runner().lastRequest.query().isEmpty());
    }

    @Test
    void aWrongOrMissingQuerySecretIs401() throws Exception {
        server.manifest(TestApps.app(webhook("q", "POST", ValidationMethod.SECRET_AS_QUERY_PARAM, "12345", true))).start();

        HttpResponse<String> wrong = server.post(webhookPath("q") + "?secret=1234", "{}");
        assertEquals(401, wrong.statusCode());
        assertEquals("IncomingWebhookAuthFailed", errorCode(wrong));
        assertEquals(401, server.post(webhookPath("q") + "?someParam=42", "{}").statusCode());
        assertEquals(0, server.runner().calls);
    }

    @Test
    void noValidationLetsEverythingThroughUntouched() {
        server.manifest(TestApps.app(webhook("open"))).start();

        assertEquals(200, server.post(webhookPath("open") + "?secret=whatever", "{}").statusCode());
        assertEquals("secret=whatever", server.runner().lastRequest.rawQueryString());
    }

    @Test
    void aWebhookSecretNameIsResolvedFromTheSettings() {
        WebhookDef named = new WebhookDef("svc", "http", "named", "POST", ValidationMethod.SECRET_AS_QUERY_PARAM,
                null, "hookSecret", true, RunAs.SYSTEM, null, false, false, false, TestApps.script("named"), "x");
        server.manifest(TestApps.app(named)).env("HOOKSTEAD_SECRET_HOOKSECRET", "s3cr3t").start();

        assertEquals(200, server.post(webhookPath("named") + "?secret=s3cr3t", "{}").statusCode());
        assertEquals(401, server.post(webhookPath("named") + "?secret=12345", "{}").statusCode());
    }

    @Test
    void aMissingRuntimeSecretIsA500ThatTellsTheOperatorWhatToSet() throws Exception {
        EndpointDef endpoint = new EndpointDef("/hello", "POST", "hello", ValidationMethod.VERIFY_PAYLOAD, "epSecret",
                true, false, false, false, "JSON", null, "http_endpoints/config.json");
        server.manifest(TestApps.app(List.of(), List.of(endpoint), List.of())).start();

        HttpResponse<String> response = server.post(TestApps.endpointPath("/hello"), "{}",
                "Endpoint-Signature", SEED_SIGNATURE);

        assertEquals(500, response.statusCode());
        assertEquals("InternalServerError", errorCode(response));
        assertFalse(response.body().contains("epSecret"), "operator details stay in the log: " + response.body());
        assertTrue(server.logs().contains("hookstead.secret.epSecret"), server.logs());
        assertTrue(server.logs().contains("HOOKSTEAD_SECRET_EPSECRET"), server.logs());
    }

    @Test
    void endpointsCheckEndpointSignatureWithTheirNamedSecret() throws Exception {
        EndpointDef endpoint = new EndpointDef("/hello", "POST", "hello", ValidationMethod.VERIFY_PAYLOAD, "epSecret",
                true, false, false, false, "JSON", null, "http_endpoints/config.json");
        FunctionDef hello = new FunctionDef("hello", false, RunAs.SYSTEM, null, false, TestApps.script("hello"),
                "functions/config.json");
        server.manifest(TestApps.app(List.of(), List.of(endpoint), List.of(hello)))
                .env("HOOKSTEAD_SECRET_EPSECRET", "Super5ecr3tPa55w0rd").start();
        String body = "{ \"message\": \"Hello!\" }";

        HttpResponse<String> wrongHeader = server.post(TestApps.endpointPath("/hello"), body,
                "X-Hook-Signature", "sha256=d4f0537db4e230d7a6028a6f7c3bb1b57c9d16f39176d78697e559ac333e0b36");
        assertEquals(401, wrongHeader.statusCode());

        HttpResponse<String> signed = server.post(TestApps.endpointPath("/hello"), body,
                "Endpoint-Signature", "sha256=d4f0537db4e230d7a6028a6f7c3bb1b57c9d16f39176d78697e559ac333e0b36");
        assertEquals(200, signed.statusCode(), signed::body);
        assertEquals(1, server.runner().calls);
    }
}
