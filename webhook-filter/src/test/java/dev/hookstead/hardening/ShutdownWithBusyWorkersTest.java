package dev.hookstead.hardening;

import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 1, second line: the server stops (SIGTERM, undeploy) within its normal shutdown time while every
 * worker runs away. Stopping ends the running calls at their next guard check with a JSON 503, rather than at
 * their deadline. Over HTTP into embedded Tomcat.
 */
class ShutdownWithBusyWorkersTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    @Test
    void stoppingTheServerEndsRunawayCallsAtOnce() {
        server.env("HOOKSTEAD_FUNCTION_TIMEOUT", "120").env("HOOKSTEAD_ENGINE_POOLSIZE", "2").app(new JsApp()
                .webhook("spin", "exports = () => { while (true) {} };")
                .webhook("regex", "exports = () => /^(.*a){12}$/.test('a'.repeat(50) + 'b');")
                .webhook("warm", "exports = () => 1;")).start();
        // both globals built, so the runaway calls start at once
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> server.post(webhookPath("warm"), "{}")),
                CompletableFuture.runAsync(() -> server.post(webhookPath("warm"), "{}"))).join();
        List<CompletableFuture<HttpResponse<String>>> calls = List.of(
                CompletableFuture.supplyAsync(() -> server.post(webhookPath("spin"), "{}")),
                CompletableFuture.supplyAsync(() -> server.post(webhookPath("regex"), "{}")));
        sleep(1500);

        long start = System.nanoTime();
        server.stop();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.join();
            assertEquals(503, r.statusCode(), r::body);
            assertTrue(r.body().startsWith("{\"error\":\"the server is shutting down; retry the call\","
                    + "\"error_code\":\"ServiceUnavailable\""), r::body);
        }
        long answeredMillis = (System.nanoTime() - start) / 1_000_000;
        // far below the 120 s deadline: Tomcat waits for requests in flight about 2 s before it destroys the filter
        assertTrue(stopMillis < 30_000, "stopped after " + stopMillis + " ms");
        assertTrue(answeredMillis < 30_000, "answered after " + answeredMillis + " ms");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
