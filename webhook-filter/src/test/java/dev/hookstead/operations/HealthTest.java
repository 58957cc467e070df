package dev.hookstead.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Liveness and readiness over HTTP, with a reachable and an unreachable MongoDB data source. */
class HealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "exports = () => 'hi';";

    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path data;

    @Test
    void livenessAndReadinessAnswerUpWithEveryCheck() throws IOException {
        server.env("HOOKSTEAD_DATA_DIR", data.toString())
                .app(new JsApp().dataSource("mongodb-atlas").webhook("hello", HELLO)).start();
        HttpResponse<String> live = server.get("/hookstead/health/live");
        assertEquals(200, live.statusCode());
        assertEquals("application/json", live.headers().firstValue("Content-Type").orElse(""));
        assertEquals("UP", JSON.readTree(live.body()).get("status").asText());

        HttpResponse<String> ready = readyWithin(Duration.ofSeconds(30));
        assertEquals(200, ready.statusCode(), ready.body());
        JsonNode checks = JSON.readTree(ready.body()).get("checks");
        assertEquals("UP", checks.at("/manifest/status").asText());
        assertEquals(1, checks.at("/manifest/webhooks").asInt());
        assertEquals("UP", checks.at("/scriptPool/status").asText());
        assertTrue(checks.at("/scriptPool/size").asInt() > 0);
        assertEquals("UP", checks.at("/dataSource:mongodb-atlas/status").asText(), ready.body());
    }

    /** A load balancer polls: the first connection to a data source may take longer than one check's budget. */
    private HttpResponse<String> readyWithin(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> ready = server.get("/hookstead/health/ready");
        while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000_000L);
            ready = server.get("/hookstead/health/ready");
        }
        return ready;
    }

    @Test
    void readinessIs503WithinAboutASecondWhileADataSourceIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        server.env("HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI", "mongodb://127.0.0.1:" + closedPort)
                .app(new JsApp().dataSource("mongodb-atlas").webhook("hello", HELLO)).start();
        long start = System.nanoTime();
        HttpResponse<String> ready = server.get("/hookstead/health/ready");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, ready.statusCode(), ready.body());
        JsonNode body = JSON.readTree(ready.body());
        assertEquals("DOWN", body.get("status").asText());
        assertEquals("DOWN", body.at("/checks/dataSource:mongodb-atlas/status").asText());
        assertEquals("UP", body.at("/checks/manifest/status").asText());
        assertTrue(millis < 2500, "the ping is bounded to about a second, took " + millis + " ms");
        assertEquals(200, server.get("/hookstead/health/live").statusCode(), "alive while not ready");
        assertEquals(200, server.post(TestApps.webhookPath("hello"), "").statusCode(), "webhooks without MongoDB keep serving");
    }

    @Test
    void pathsAreConfigurableAndOnlyGetIsAnswered() {
        server.env("HOOKSTEAD_HEALTH_LIVENESSPATH", "/ops/alive").env("HOOKSTEAD_HEALTH_READINESSPATH", "/ops/ready")
                .app(new JsApp().webhook("hello", HELLO)).start();
        assertEquals(200, server.get("/ops/alive").statusCode());
        assertEquals(200, server.get("/ops/ready").statusCode());
        assertEquals("fallback /hookstead/health/live", server.get("/hookstead/health/live").body(),
                "the default path is the webapp's again");
        HttpResponse<String> post = server.post("/ops/ready", "");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void aPathInTheAppsUrlSpaceFailsStartUpNamingTheSetting() {
        server.env("HOOKSTEAD_HEALTH_READINESSPATH", "/app/" + TestApps.APP_ID + "/endpoint/ready")
                .app(new JsApp().webhook("hello", HELLO)).start();
        assertFalse(server.started());
        String message = server.filter().initFailure.getMessage();
        assertTrue(message.startsWith("hookstead.health.readinessPath: path /app/" + TestApps.APP_ID
                + "/endpoint/ready lies in the app's URL space"), message);
    }

    @Test
    void twoOperationsPathsOnOnePlaceFailStartUp() {
        server.env("HOOKSTEAD_HEALTH_READINESSPATH", "/hookstead/health/live")
                .app(new JsApp().webhook("hello", HELLO)).start();
        assertFalse(server.started());
        assertTrue(server.filter().initFailure.getMessage().contains("collides with hookstead.health.livenessPath"),
                server.filter().initFailure.getMessage());
    }

    @Test
    void aMalformedPathFailsStartUpWithAnExample() {
        server.env("HOOKSTEAD_HEALTH_LIVENESSPATH", "health?x=1").app(new JsApp().webhook("hello", HELLO)).start();
        assertFalse(server.started());
        assertTrue(server.filter().initFailure.getMessage().startsWith(
                "hookstead.health.livenessPath: value \"health?x=1\" is not a path inside the webapp"));
    }
}
