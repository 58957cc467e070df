package dev.hookstead.operations.log;

import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static dev.hookstead.testing.TestApps.webhook;
import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

/** The per-invocation log line, captured from slf4j-simple's output. */
class InvocationLogTest {

    private static final String SIGNATURE = "sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862";

    @RegisterExtension
    final TestServer server = new TestServer();

    private String invocationLine() {
        return server.logs().lines().filter(l -> l.contains("invocation=") && l.contains("status="))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no invocation line in:\n" + server.logs()));
    }

    @Test
    void oneLineCarriesTheInvocationFactsAndRedactsCredentials() {
        server.manifest(TestApps.app(webhook("signed", "POST", ValidationMethod.VERIFY_PAYLOAD, "12345", true)))
                .start();
        server.runner().on("signed", r -> new FunctionResult(false, 0, Map.of(), null, null,
                List.of("hello from the function")));

        server.send(server.request(webhookPath("signed") + "?password=hunter2&visible=yes")
                .header("X-Hook-Signature", SIGNATURE)
                .header("Authorization", "Bearer tok-abc")
                .header("Cookie", "session=cookie-xyz")
                .header("api-key", "key-123")
                .header("apiKey", "key-456")
                .header("jwtTokenString", "jwt-789")
                .header("password", "pw-000")
                .header("stripe-signature", "t=1,v1=stripe-111")
                .header("X-HUB-SIGNATURE-256", "sha256=hub-222")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"MESSAGE\"}")).build());

        String line = invocationLine();
        assertTrue(line.contains("route=svc/signed"), line);
        assertTrue(line.contains("method=POST"), line);
        assertTrue(line.contains("status=200"), line);
        assertTrue(line.contains("durationMs="), line);
        assertTrue(line.contains("userType=system"), line);
        assertTrue(line.contains("remoteIP=127.0.0.1"), line);
        assertTrue(line.contains("\"visible\":\"yes\""), line);
        assertTrue(line.contains("\"body\":\"21 bytes\""), line);
        assertTrue(line.contains("console=[\"hello from the function\"]"), line);
        String all = server.logs();
        for (String secret : List.of("828ee180", "tok-abc", "cookie-xyz", "key-123", "key-456", "jwt-789", "pw-000",
                "stripe-111", "hub-222", "hunter2", "MESSAGE")) {
            assertFalse(all.contains(secret), secret + " leaked into the log:\n" + all);
        }
    }

    @Test
    void querySecretsNeverReachTheLogWhetherRightOrWrong() {
        server.manifest(TestApps.app(webhook("q", "POST", ValidationMethod.SECRET_AS_QUERY_PARAM, "topSecretValue",
                true))).start();

        assertEquals(401, server.post(webhookPath("q") + "?secret=wrongGuess99", "{}").statusCode());
        assertEquals(200, server.post(webhookPath("q") + "?secret=topSecretValue&x=1", "{}").statusCode());

        String all = server.logs();
        assertTrue(all.contains("errorCode=IncomingWebhookAuthFailed"), all);
        assertFalse(all.contains("topSecretValue"), all);
        assertFalse(all.contains("wrongGuess99"), all);
    }

    @Test
    void disableArgLogsLeavesTheArgumentsOut() {
        WebhookDef quiet = new WebhookDef("svc", "http", "quiet", "POST", ValidationMethod.NO_VALIDATION, null, null,
                true, RunAs.SYSTEM, null, true, false, false, TestApps.script("quiet"), "x");
        server.manifest(TestApps.app(quiet)).start();

        server.post(webhookPath("quiet") + "?visible=yes", "{}", "X-Custom", "shown?");

        String line = invocationLine();
        assertTrue(line.contains("route=svc/quiet"), line);
        assertFalse(line.contains("args="), line);
        assertFalse(line.contains("shown?"), line);
    }

    @Test
    void failuresAreLoggedWithTheirErrorCode() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        server.get(webhookPath("hook"));

        String line = invocationLine();
        assertTrue(line.contains("status=405"), line);
        assertTrue(line.contains("errorCode=MethodNotAllowed"), line);
        assertTrue(line.contains("userType=-"), line);
    }
}
